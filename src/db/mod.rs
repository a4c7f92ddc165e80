//! Storage: one Diesel code base over SQLite (embedded default) and PostgreSQL.
//!
//! The backend is chosen from the database URL's scheme at run time. Everything else in the
//! crate talks to [`DbConnection`] and never asks which backend it is, except the few
//! statements in this module that differ per backend (pragmas, migrations).

pub mod audit;
pub mod contacts;
pub mod employers;
pub mod follow_ups;
pub mod handover;
pub mod jobseekers;
pub mod matches;
pub mod openings;
pub mod outbox;
pub mod placements;
pub mod ranking;
pub mod reference;
pub mod reminders;
pub mod reports;
pub mod schema;
pub mod sessions;
pub mod settings;
pub mod throttle;
pub mod users;

use diesel::connection::SimpleConnection;
use diesel::r2d2::{self, ManageConnection};
use diesel::Connection;
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};
use std::time::Duration;

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Postgres(diesel::PgConnection),
    Sqlite(diesel::SqliteConnection),
}

/// The storage layer's one error type.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("database query failed: {0}")]
    Query(#[from] diesel::result::Error),
    #[error("cannot connect to the database: {0}")]
    Connect(#[from] diesel::ConnectionError),
    #[error("no database connection available: {0}")]
    Pool(#[from] r2d2::PoolError),
    #[error("database migration failed: {0}")]
    Migration(String),
    #[error("unsupported database URL {0:?}: use sqlite://PATH, a file path, or postgres://...")]
    BadUrl(String),
    #[error("{0}")]
    Invalid(String),
}

pub type DbResult<T> = Result<T, DbError>;

/// Where the data lives, parsed from a database URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbTarget {
    Sqlite(String),
    Postgres(String),
}

impl DbTarget {
    pub fn parse(url: &str) -> DbResult<Self> {
        let url = url.trim();
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Self::Postgres(url.to_owned()))
        } else if let Some(path) = url.strip_prefix("sqlite://") {
            Ok(Self::Sqlite(path.to_owned()))
        } else if let Some(path) = url.strip_prefix("sqlite:") {
            Ok(Self::Sqlite(path.to_owned()))
        } else if url.is_empty() || url.contains("://") {
            Err(DbError::BadUrl(url.to_owned()))
        } else {
            Ok(Self::Sqlite(url.to_owned()))
        }
    }

    pub fn is_sqlite(&self) -> bool {
        matches!(self, Self::Sqlite(_))
    }

    /// Opens one connection of the right variant, with SQLite's per-connection settings.
    pub fn connect(&self) -> DbResult<DbConnection> {
        match self {
            Self::Postgres(url) => Ok(DbConnection::Postgres(diesel::PgConnection::establish(
                url,
            )?)),
            Self::Sqlite(path) => {
                let mut conn = diesel::SqliteConnection::establish(path)?;
                // Foreign keys are off in SQLite unless every connection turns them on. The
                // memory map spares a system call per page read: reports read tens of thousands
                // of rows (benches/reports.rs).
                conn.batch_execute(
                    "PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; \
                     PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; \
                     PRAGMA mmap_size = 1073741824;",
                )?;
                Ok(DbConnection::Sqlite(conn))
            }
        }
    }
}

pub struct Manager {
    target: DbTarget,
}

impl ManageConnection for Manager {
    type Connection = DbConnection;
    type Error = DbError;

    fn connect(&self) -> DbResult<DbConnection> {
        self.target.connect()
    }

    fn is_valid(&self, conn: &mut DbConnection) -> DbResult<()> {
        conn.batch_execute("SELECT 1").map_err(DbError::from)
    }

    fn has_broken(&self, _conn: &mut DbConnection) -> bool {
        false
    }
}

pub type Pool = r2d2::Pool<Manager>;
pub type PooledConn = r2d2::PooledConnection<Manager>;

/// A cloneable handle to the pool, with a way to run blocking Diesel code off the async executor.
#[derive(Clone)]
pub struct Db {
    pool: Pool,
    target: DbTarget,
}

impl Db {
    pub fn open(target: DbTarget, max_size: u32) -> DbResult<Self> {
        if let DbTarget::Sqlite(path) = &target {
            if let Some(dir) = std::path::Path::new(path).parent() {
                if !dir.as_os_str().is_empty() {
                    std::fs::create_dir_all(dir).map_err(|e| {
                        DbError::Invalid(format!("cannot create {}: {e}", dir.display()))
                    })?;
                }
            }
        }
        let pool = r2d2::Pool::builder()
            .max_size(max_size)
            .connection_timeout(Duration::from_secs(10))
            .build(Manager {
                target: target.clone(),
            })?;
        Ok(Self { pool, target })
    }

    pub fn target(&self) -> &DbTarget {
        &self.target
    }

    pub fn conn(&self) -> DbResult<PooledConn> {
        Ok(self.pool.get()?)
    }

    /// Runs `f` with a pooled connection on the blocking thread pool.
    pub async fn run<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
    {
        let pool = self.pool.clone();
        let joined = actix_web::rt::task::spawn_blocking(move || {
            let mut conn = pool.get().map_err(DbError::from)?;
            f(&mut conn)
        })
        .await;
        match joined {
            Ok(result) => result,
            Err(e) => Err(E::from(DbError::Invalid(format!(
                "database task failed: {e}"
            )))),
        }
    }

    pub fn migrate(&self) -> DbResult<usize> {
        let mut conn = self.conn()?;
        migrate(&mut conn)
    }
}

/// Applies the embedded migrations of the connection's backend; returns how many ran.
pub fn migrate(conn: &mut DbConnection) -> DbResult<usize> {
    let applied = match conn {
        DbConnection::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS).map(|v| v.len()),
        DbConnection::Postgres(c) => c
            .run_pending_migrations(POSTGRES_MIGRATIONS)
            .map(|v| v.len()),
    };
    applied.map_err(|e| DbError::Migration(e.to_string()))
}

/// Current time in UTC at whole microseconds, as both backends keep it.
pub fn now() -> chrono::NaiveDateTime {
    let now = chrono::Utc::now().naive_utc();
    chrono::DurationRound::duration_trunc(now, chrono::TimeDelta::microseconds(1)).unwrap_or(now)
}

/// Runs the same Diesel code on the backend's own connection, for what MultiConnection cannot
/// express (multi-row inserts). The body is compiled once per backend.
#[macro_export]
macro_rules! on_each_backend {
    ($conn:expr, |$c:ident| $body:expr) => {
        match $conn {
            $crate::db::DbConnection::Sqlite($c) => $body,
            $crate::db::DbConnection::Postgres($c) => $body,
        }
    };
}
