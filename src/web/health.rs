//! Probes for load balancers and monitoring. `GET /health`: the process runs and answers (a
//! liveness probe: always 200, the database's state only informative). `GET /ready`: this
//! instance can do its work: the database takes a write, its migrations are current, the
//! mail worker ticks (503 with the failing part named otherwise).

use super::AppState;
use crate::db::{self, settings, DbError};
use actix_web::{web, HttpResponse};
use diesel::connection::SimpleConnection;

pub async fn health(state: web::Data<AppState>) -> HttpResponse {
    let reachable = state
        .db
        .run(|conn| conn.batch_execute("SELECT 1").map_err(DbError::from))
        .await
        .is_ok();
    HttpResponse::Ok().json(serde_json::json!({
        "status": "ok",
        "database": if reachable { "reachable" } else { "unreachable" },
    }))
}

/// The setting that `/ready` writes, so that a full disk or a read-only file shows here.
const READY_PROBE: &str = "ready_probe";

pub async fn ready(state: web::Data<AppState>) -> HttpResponse {
    let probe = state
        .db
        .run(|conn| -> Result<bool, DbError> {
            settings::set(conn, READY_PROBE, &db::now().to_string())?;
            db::has_pending_migrations(conn)
        })
        .await;
    let (database, migrations) = match probe {
        Ok(pending) => (
            "writable".to_owned(),
            if pending { "pending" } else { "current" },
        ),
        Err(e) => {
            let why = match e.storage_fault() {
                Some(db::StorageFault::DiskFull) => "disk full",
                Some(db::StorageFault::ReadOnly) => "read-only",
                Some(db::StorageFault::Unavailable) | None => "unavailable",
            };
            tracing::warn!(error = %e, "not ready: the database cannot be written");
            (why.to_owned(), "unknown")
        }
    };
    let mail_worker = match &state.worker {
        Some(beat) if beat.alive() => "alive",
        Some(_) => "stalled",
        None => "not run by this process",
    };
    let ready = database == "writable" && migrations == "current" && mail_worker != "stalled";
    let body = serde_json::json!({
        "status": if ready { "ready" } else { "not ready" },
        "database": database,
        "migrations": migrations,
        "mail_worker": mail_worker,
        "dropped_log_lines": crate::logging::dropped_lines(),
    });
    if ready {
        HttpResponse::Ok().json(body)
    } else {
        HttpResponse::ServiceUnavailable().json(body)
    }
}
