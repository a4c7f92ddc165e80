//! `GET /health`: whether the app runs and reaches its database.

use super::AppState;
use actix_web::{web, HttpResponse};
use diesel::connection::SimpleConnection;

pub async fn health(state: web::Data<AppState>) -> HttpResponse {
    let reachable = state
        .db
        .run(|conn| {
            conn.batch_execute("SELECT 1")
                .map_err(crate::db::DbError::from)
        })
        .await
        .is_ok();
    let body = serde_json::json!({
        "status": if reachable { "ok" } else { "degraded" },
        "database": if reachable { "reachable" } else { "unreachable" },
    });
    if reachable {
        HttpResponse::Ok().json(body)
    } else {
        HttpResponse::ServiceUnavailable().json(body)
    }
}
