//! A fresh database per test: a copy of a migrated SQLite template file, or, when
//! TEST_DATABASE_URL is set, a PostgreSQL database cloned from a migrated template database.

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use std::path::PathBuf;
use std::sync::OnceLock;
use verkosto::db::{Db, DbTarget};

pub struct TestDb {
    pub db: Db,
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    /// A file in a folder the test manages itself.
    Nothing,
    Postgres {
        admin_url: String,
        name: String,
    },
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Cleanup::Postgres { admin_url, name } = &self.cleanup {
            if let Ok(mut conn) = PgConnection::establish(admin_url) {
                let _ = conn.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
            }
        }
    }
}

pub fn backend_is_postgres() -> bool {
    std::env::var("TEST_DATABASE_URL").is_ok_and(|u| !u.is_empty())
}

pub fn fresh() -> TestDb {
    match std::env::var("TEST_DATABASE_URL") {
        Ok(url) if !url.is_empty() => fresh_postgres(&url),
        _ => fresh_sqlite(),
    }
}

fn prepare(url: &str) {
    let db = verkosto::startup::prepare_database(url).expect("migrate the template");
    if let Ok(mut conn) = db.conn() {
        if let verkosto::db::DbConnection::Sqlite(_) = &*conn {
            let _ = conn.batch_execute("PRAGMA wal_checkpoint(TRUNCATE);");
        }
    }
}

fn sqlite_template() -> &'static PathBuf {
    static TEMPLATE: OnceLock<PathBuf> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("verkosto-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("template.db");
        let _ = std::fs::remove_file(&path);
        prepare(&format!("sqlite://{}", path.display()));
        path
    })
}

/// A fresh SQLite database at `path` (in a folder the test manages, such as a small mount),
/// copied from the migrated template; opened only when `open` says so.
pub fn sqlite_at(path: &std::path::Path) -> String {
    std::fs::copy(sqlite_template(), path).expect("copy the template");
    format!("sqlite://{}", path.display())
}

/// Opens a database made by [`sqlite_at`].
pub fn open_sqlite(url: &str) -> TestDb {
    let db = Db::open(DbTarget::parse(url).expect("url"), 4).expect("open");
    TestDb {
        db,
        url: url.to_owned(),
        cleanup: Cleanup::Nothing,
    }
}

fn fresh_sqlite() -> TestDb {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("test.db");
    std::fs::copy(sqlite_template(), &path).expect("copy the template");
    let url = format!("sqlite://{}", path.display());
    let db = Db::open(DbTarget::parse(&url).expect("url"), 4).expect("open");
    TestDb {
        db,
        url,
        cleanup: Cleanup::Sqlite(dir),
    }
}

/// The server part of a PostgreSQL URL, with another database name.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let server = match base.rfind('/') {
        Some(i) if i > "postgres://".len() => &base[..i],
        _ => base,
    };
    match query {
        Some(q) => format!("{server}/{name}?{q}"),
        None => format!("{server}/{name}"),
    }
}

/// A template name that changes whenever the migrations or the reference data change.
fn template_name() -> String {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["migrations/postgres", "seed/reference"] {
        collect(&root.join(dir), &mut files);
    }
    files.sort();
    let mut all = Vec::new();
    for f in files {
        all.extend(std::fs::read(&f).unwrap_or_default());
    }
    format!(
        "verkosto_tpl_{}",
        &verkosto::auth::token::hash_bytes(&all)[..16]
    )
}

fn collect(dir: &std::path::Path, out: &mut Vec<PathBuf>) {
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                collect(&p, out);
            } else {
                out.push(p);
            }
        }
    }
}

#[derive(QueryableByName)]
struct Exists {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

fn postgres_template(admin_url: &str) -> &'static String {
    static TEMPLATE: OnceLock<String> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let name = template_name();
        let mut admin = PgConnection::establish(admin_url).expect("connect to TEST_DATABASE_URL");
        // Test binaries run in parallel: one makes the template, the others wait for it.
        admin
            .batch_execute("SELECT pg_advisory_lock(731100)")
            .expect("lock");
        let exists: i64 = diesel::sql_query(format!(
            "SELECT COUNT(*) AS n FROM pg_database WHERE datname = '{name}'"
        ))
        .get_result::<Exists>(&mut admin)
        .map(|e| e.n)
        .expect("query pg_database");
        if exists == 0 {
            admin
                .batch_execute(&format!("CREATE DATABASE {name}"))
                .expect("create the template database");
            prepare(&with_database(admin_url, &name));
        }
        admin
            .batch_execute("SELECT pg_advisory_unlock(731100)")
            .expect("unlock");
        name
    })
}

fn fresh_postgres(admin_url: &str) -> TestDb {
    let template = postgres_template(admin_url);
    let name = format!(
        "t_{}",
        verkosto::auth::token::hash(&verkosto::auth::token::generate())[..20].to_owned()
    );
    let mut admin = PgConnection::establish(admin_url).expect("connect to TEST_DATABASE_URL");
    let mut attempt = 0;
    loop {
        match admin.batch_execute(&format!("CREATE DATABASE {name} TEMPLATE {template}")) {
            Ok(()) => break,
            // Another test may be cloning the same template at this instant.
            Err(e) if attempt < 50 => {
                attempt += 1;
                let _ = e;
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            Err(e) => panic!("cannot create test database: {e}"),
        }
    }
    let url = with_database(admin_url, &name);
    let db = Db::open(DbTarget::parse(&url).expect("url"), 4).expect("open");
    TestDb {
        db,
        url,
        cleanup: Cleanup::Postgres {
            admin_url: admin_url.to_owned(),
            name,
        },
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn swaps_the_database_name() {
        assert_eq!(
            super::with_database("postgres://u:p@127.0.0.1:5432/verkosto_test", "t_1"),
            "postgres://u:p@127.0.0.1:5432/t_1"
        );
        assert_eq!(
            super::with_database("postgres://127.0.0.1/x?sslmode=disable", "t_2"),
            "postgres://127.0.0.1/t_2?sslmode=disable"
        );
    }
}
