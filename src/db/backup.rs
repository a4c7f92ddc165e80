//! Backups while the server runs, and restoring one: SQLite's `VACUUM INTO` writes a
//! consistent copy from one read transaction (writers go on meanwhile); PostgreSQL is dumped and
//! restored with its own tools, `pg_dump` and `pg_restore`.

use super::schema::{employers, users};
use super::{settings, Db, DbConnection, DbError, DbResult, DbTarget};
use diesel::prelude::*;
use diesel::sql_types::Text;
use std::path::Path;
use std::process::Command;

/// The setting that remembers when the last backup was taken (UTC, as `now()` prints it).
pub const LAST_BACKUP_AT: &str = "last_backup_at";

/// Why a backup or a restore did not happen, in words an admin can act on.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0} exists already: choose a new file name, a backup never overwrites one")]
    FileExists(String),
    #[error("{0} is not a Verkosto backup: {1}")]
    NotABackup(String, String),
    #[error("the backup was made by a newer Verkosto (migration {0} is unknown to this one): upgrade first")]
    Newer(String),
    #[error("the database holds users or employers already: restore into an empty one, or add --force to replace them")]
    TargetHoldsData,
    #[error("{tool} is not installed here. Run it yourself on a machine with PostgreSQL's client tools:\n  {command}")]
    ToolMissing { tool: &'static str, command: String },
    #[error("{tool} failed: {message}")]
    ToolFailed { tool: &'static str, message: String },
    #[error("file: {0}")]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for BackupError {
    fn from(e: diesel::result::Error) -> Self {
        Self::Db(e.into())
    }
}

/// Writes a consistent copy of the database to `file` and notes the time in the settings.
pub fn backup(db: &Db, file: &Path) -> Result<(), BackupError> {
    let shown = file.display().to_string();
    if file.exists() {
        return Err(BackupError::FileExists(shown));
    }
    match db.target() {
        DbTarget::Sqlite(_) => {
            let mut conn = db.conn()?;
            diesel::sql_query("VACUUM INTO ?")
                .bind::<Text, _>(&shown)
                .execute(&mut *conn)?;
        }
        DbTarget::Postgres(url) => {
            let args = [
                "--format=custom".to_owned(),
                "--no-owner".to_owned(),
                format!("--file={shown}"),
                format!("--dbname={url}"),
            ];
            run_tool("pg_dump", &args, url)?;
        }
    }
    let mut conn = db.conn()?;
    let at = super::now().format("%Y-%m-%dT%H:%M:%S").to_string();
    settings::set(&mut conn, LAST_BACKUP_AT, &at)?;
    Ok(())
}

/// When the last backup was taken, if ever.
pub fn last_backup(conn: &mut DbConnection) -> DbResult<Option<chrono::NaiveDateTime>> {
    Ok(settings::get(conn, LAST_BACKUP_AT)?.and_then(|v| v.parse().ok()))
}

/// Restores `file` into the database at `target`: refused when that database holds users or
/// employers, unless `force`. The server must not run meanwhile. Migrations are checked before
/// (a backup of a newer version is refused) and applied after (a backup of an older version is
/// brought up to date).
pub fn restore(target: &DbTarget, file: &Path, force: bool) -> Result<(), BackupError> {
    let shown = file.display().to_string();
    if !file.is_file() {
        return Err(BackupError::NotABackup(shown, "no such file".into()));
    }
    if !force && holds_data(target)? {
        return Err(BackupError::TargetHoldsData);
    }
    match target {
        DbTarget::Sqlite(path) => {
            check_sqlite_backup(file)?;
            let path = Path::new(path);
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)?;
            }
            // Copy beside the target, then swap it in whole; the old write-ahead log belongs
            // to the old database and must not be replayed into the restored one.
            let incoming = path.with_extension("restoring");
            std::fs::copy(file, &incoming)?;
            for suffix in ["-wal", "-shm"] {
                let side = format!("{}{suffix}", path.display());
                match std::fs::remove_file(&side) {
                    Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
                    _ => {}
                }
            }
            std::fs::rename(&incoming, path)?;
        }
        DbTarget::Postgres(url) => {
            let args = [
                "--clean".to_owned(),
                "--if-exists".to_owned(),
                "--no-owner".to_owned(),
                "--single-transaction".to_owned(),
                format!("--dbname={url}"),
                shown.clone(),
            ];
            run_tool("pg_restore", &args, url)?;
        }
    }
    let db = Db::open(target.clone(), 1)?;
    let mut conn = db.conn()?;
    super::migrate(&mut conn)?;
    Ok(())
}

fn holds_data(target: &DbTarget) -> Result<bool, BackupError> {
    if let DbTarget::Sqlite(path) = target {
        if !Path::new(path).exists() {
            return Ok(false);
        }
    }
    let mut conn = target.connect()?;
    if !table_exists(&mut conn, "users")? {
        return Ok(false);
    }
    let users: i64 = users::table.count().get_result(&mut conn)?;
    let employers: i64 = employers::table.count().get_result(&mut conn)?;
    Ok(users + employers > 0)
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

fn table_exists(conn: &mut DbConnection, table: &str) -> DbResult<bool> {
    let sql = match conn {
        DbConnection::Sqlite(_) => {
            "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?"
        }
        DbConnection::Postgres(_) => "SELECT COUNT(*) AS n FROM pg_tables WHERE tablename = $1",
    };
    let found: Count = diesel::sql_query(sql)
        .bind::<Text, _>(table)
        .get_result(conn)?;
    Ok(found.n > 0)
}

#[derive(QueryableByName)]
struct Version {
    #[diesel(sql_type = Text)]
    version: String,
}

/// A SQLite backup must be a Verkosto database whose migrations this binary knows.
fn check_sqlite_backup(file: &Path) -> Result<(), BackupError> {
    let shown = file.display().to_string();
    let mut conn = diesel::SqliteConnection::establish(&shown)
        .map_err(|e| BackupError::NotABackup(shown.clone(), e.to_string()))?;
    let versions: Vec<Version> =
        diesel::sql_query("SELECT version FROM __diesel_schema_migrations")
            .load(&mut conn)
            .map_err(|_| BackupError::NotABackup(shown.clone(), "it has no migrations".into()))?;
    let known = super::known_migration_versions(true)?;
    if let Some(unknown) = versions.iter().find(|v| !known.contains(&v.version)) {
        return Err(BackupError::Newer(unknown.version.clone()));
    }
    Ok(())
}

/// Runs a PostgreSQL client tool; the URL (with its password) never reaches an error message.
fn run_tool(tool: &'static str, args: &[String], url: &str) -> Result<(), BackupError> {
    let shown_args: Vec<String> = args
        .iter()
        .map(|a| {
            if a.contains(url) {
                a.replace(url, &redacted(url))
            } else {
                a.clone()
            }
        })
        .collect();
    let output = match Command::new(tool).args(args).output() {
        Ok(o) => o,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(BackupError::ToolMissing {
                tool,
                command: format!("{tool} {}", shown_args.join(" ")),
            })
        }
        Err(e) => return Err(e.into()),
    };
    if output.status.success() {
        Ok(())
    } else {
        Err(BackupError::ToolFailed {
            tool,
            message: String::from_utf8_lossy(&output.stderr)
                .replace(url, &redacted(url))
                .trim()
                .to_owned(),
        })
    }
}

/// A database URL without its password.
fn redacted(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &url[scheme + 3..at];
            let user = userinfo.split(':').next().unwrap_or("");
            format!("{}{user}:***{}", &url[..scheme + 3], &url[at..])
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::redacted;

    #[test]
    fn a_url_is_shown_without_its_password() {
        assert_eq!(
            redacted("postgres://verkosto:salainen@db.internal:5432/verkosto"),
            "postgres://verkosto:***@db.internal:5432/verkosto"
        );
        assert_eq!(redacted("postgres://db/verkosto"), "postgres://db/verkosto");
    }
}
