//! Storage: one Diesel code base over SQLite (embedded default) and PostgreSQL.
//!
//! The backend is chosen from the database URL's scheme at run time. Everything else in the
//! crate talks to [`DbConnection`] and never asks which backend it is, except the few
//! statements in this module that differ per backend (pragmas, migrations).

pub mod audit;
pub mod backup;
pub mod contacts;
pub mod employers;
pub mod follow_ups;
pub mod handover;
pub mod idempotency;
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
pub mod scope;
pub mod sessions;
pub mod settings;
pub mod throttle;
pub mod users;

pub use scope::Scope;

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
    #[error("the database task failed: {0}")]
    TaskFailed(String),
}

pub type DbResult<T> = Result<T, DbError>;

impl DbError {
    /// The storage fault behind this error, if it is one: the write did not happen and will
    /// work again once the disk or the file is mended, so the user hears "nothing was saved,
    /// try again shortly" rather than "something went wrong".
    pub fn storage_fault(&self) -> Option<StorageFault> {
        match self {
            Self::Query(e) => StorageFault::of(e),
            Self::Pool(_) => Some(StorageFault::Unavailable),
            Self::Connect(_) => Some(StorageFault::Unavailable),
            _ => None,
        }
    }
}

/// Why the database could not take a write for reasons outside the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageFault {
    /// The disk (or the PostgreSQL server's) is full.
    DiskFull,
    /// The database file or server refuses writes (file permissions, a read-only mount or a
    /// standby server).
    ReadOnly,
    /// The database cannot be reached or the disk failed.
    Unavailable,
}

impl StorageFault {
    /// Reads the fault from a Diesel error. SQLite and libpq report these only as text.
    pub fn of(error: &diesel::result::Error) -> Option<Self> {
        use diesel::result::{DatabaseErrorKind, Error};
        let message = match error {
            Error::DatabaseError(DatabaseErrorKind::ClosedConnection, _) => {
                return Some(Self::Unavailable)
            }
            Error::DatabaseError(DatabaseErrorKind::ReadOnlyTransaction, _) => {
                return Some(Self::ReadOnly)
            }
            Error::DatabaseError(_, info) => info.message().to_ascii_lowercase(),
            Error::BrokenTransactionManager => return Some(Self::Unavailable),
            _ => return None,
        };
        if message.contains("disk is full")
            || message.contains("no space left")
            || message.contains("could not extend file")
            || message.contains("could not write")
        {
            Some(Self::DiskFull)
        } else if message.contains("readonly database")
            || message.contains("read-only")
            || message.contains("unable to open database")
        {
            Some(Self::ReadOnly)
        } else if message.contains("disk i/o error")
            || message.contains("database is locked")
            || message.contains("server closed the connection")
            || message.contains("terminating connection")
        {
            Some(Self::Unavailable)
        } else {
            None
        }
    }
}

/// Remembers on each connection whether one of its statements met a storage fault, so that
/// the pool closes it rather than keep, say, a SQLite connection that was opened read-only.
#[derive(Debug, Default)]
struct FaultWatch {
    faulted: bool,
}

impl diesel::connection::Instrumentation for FaultWatch {
    fn on_connection_event(&mut self, event: diesel::connection::InstrumentationEvent<'_>) {
        if let diesel::connection::InstrumentationEvent::FinishQuery {
            error: Some(error), ..
        } = event
        {
            if StorageFault::of(error).is_some() {
                self.faulted = true;
            }
        }
    }
}

fn fault_watch(conn: &mut DbConnection) -> Option<&mut FaultWatch> {
    conn.instrumentation().downcast_mut::<FaultWatch>()
}

impl DbConnection {
    /// Runs `f` in a write transaction. On SQLite the transaction starts with `BEGIN
    /// IMMEDIATE`: it takes the write lock at once, so writers queue for it within the busy
    /// timeout instead of failing with "database is locked" when a deferred transaction that
    /// has read tries to become a writer. Reads on other connections go on (WAL). Inside an
    /// open transaction it nests as a savepoint. On PostgreSQL it is an ordinary transaction;
    /// read-then-write sequences that must be atomic there lock their row first
    /// ([`lock_row`]).
    pub fn write<T, E, F>(&mut self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut Self) -> Result<T, E>,
        E: From<diesel::result::Error>,
    {
        use diesel::connection::{AnsiTransactionManager, TransactionManager};
        let outermost_sqlite = match self {
            Self::Sqlite(c) => AnsiTransactionManager::transaction_manager_status_mut(c)
                .transaction_depth()?
                .is_none(),
            Self::Postgres(_) => false,
        };
        if !outermost_sqlite {
            return self.transaction(f);
        }
        if let Self::Sqlite(c) = self {
            AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")?;
        }
        type Manager = <DbConnection as Connection>::TransactionManager;
        match f(self) {
            Ok(value) => {
                Manager::commit_transaction(self)?;
                Ok(value)
            }
            Err(e) => {
                // A failed rollback leaves the transaction manager broken; the pool then
                // closes the connection, which rolls back for good.
                let _ = Manager::rollback_transaction(self);
                Err(e)
            }
        }
    }
}

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
        let mut conn = self.connect_bare()?;
        conn.set_instrumentation(FaultWatch::default());
        Ok(conn)
    }

    fn connect_bare(&self) -> DbResult<DbConnection> {
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

    /// A connection comes back broken when its task panicked (the unwinding dropped it
    /// mid-work), when it is still inside a transaction (a panic or an early return between
    /// BEGIN and COMMIT), or when its transaction manager gave up. Such a connection is closed,
    /// which rolls its transaction back and releases SQLite's write lock; it is never handed
    /// out again. A storage fault (a full disk, a read-only file) marks it too, so that the
    /// next connection is opened afresh once the cause is gone.
    fn has_broken(&self, conn: &mut DbConnection) -> bool {
        use diesel::connection::TransactionManager;
        std::thread::panicking()
            || <DbConnection as Connection>::TransactionManager::is_broken_transaction_manager(conn)
            || fault_watch(conn).is_some_and(|w| w.faulted)
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
            // The task panicked: its connection was closed by the pool (never reused with a
            // transaction open), and the request is answered with an error.
            Err(e) => Err(E::from(DbError::TaskFailed(e.to_string()))),
        }
    }

    /// Runs `f` in one write transaction ([`DbConnection::write`]) on the blocking thread pool:
    /// for a request whose checks decide its write, so that both see the same data.
    pub async fn write<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + From<diesel::result::Error> + Send + 'static,
    {
        self.run(move |conn| conn.write(f)).await
    }

    /// On SQLite, folds the write-ahead log into the database file and empties it (at a clean
    /// shutdown, so the file alone is the whole database); nothing to do on PostgreSQL.
    pub fn checkpoint(&self) -> DbResult<()> {
        if self.target.is_sqlite() {
            let mut conn = self.conn()?;
            conn.batch_execute("PRAGMA wal_checkpoint(TRUNCATE);")?;
        }
        Ok(())
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

/// Whether migrations embedded in this binary are missing from the database (another
/// instance of an older version, or a restore of an older backup).
pub fn has_pending_migrations(conn: &mut DbConnection) -> DbResult<bool> {
    let pending = match conn {
        DbConnection::Sqlite(c) => c.has_pending_migration(SQLITE_MIGRATIONS),
        DbConnection::Postgres(c) => c.has_pending_migration(POSTGRES_MIGRATIONS),
    };
    pending.map_err(|e| DbError::Migration(e.to_string()))
}

/// The versions of the migrations embedded in this binary, as the migrations table keeps them.
pub fn known_migration_versions(sqlite: bool) -> DbResult<Vec<String>> {
    use diesel::migration::MigrationSource;
    let source = if sqlite {
        SQLITE_MIGRATIONS
    } else {
        POSTGRES_MIGRATIONS
    };
    let migrations = match MigrationSource::<diesel::sqlite::Sqlite>::migrations(&source) {
        Ok(m) => m,
        Err(e) => return Err(DbError::Migration(e.to_string())),
    };
    Ok(migrations
        .iter()
        .map(|m| m.name().version().to_string())
        .collect())
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
