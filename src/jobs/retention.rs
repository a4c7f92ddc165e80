//! Retention: closed jobseekers' profiles are anonymised once the organisation's retention
//! period has passed (default 24 months). Runs at start-up and every few hours in `serve`.

use crate::db::{self, jobseekers, settings, Db, DbConnection, DbResult, Scope};
use crate::domain::jobseeker::DEFAULT_RETENTION_MONTHS;
use std::time::Duration;

pub const SETTING: &str = "jobseeker_retention_months";

/// How often the job looks for expired profiles.
const EVERY: Duration = Duration::from_secs(6 * 60 * 60);

pub fn months(conn: &mut DbConnection) -> DbResult<u32> {
    Ok(settings::get(conn, SETTING)?
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(DEFAULT_RETENTION_MONTHS))
}

/// Anonymises every expired profile now, whichever team's; returns how many.
pub fn run_once(conn: &mut DbConnection) -> DbResult<usize> {
    let months = months(conn)?;
    jobseekers::anonymise_expired(
        conn,
        Scope::organisation_for_privacy_job(),
        months,
        db::now(),
    )
}

/// Starts the periodic job on the current runtime.
pub fn spawn(db: Db) {
    actix_web::rt::spawn(async move {
        let mut tick = actix_web::rt::time::interval(EVERY);
        loop {
            tick.tick().await;
            match db.run(run_once).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(
                    "anonymised {n} closed jobseeker profiles after the retention period"
                ),
                Err(e) => tracing::warn!("retention run failed: {e}"),
            }
            // Idempotency keys are kept for a month: a retry comes within minutes, a phone
            // that was offline within days.
            let before = crate::db::now() - chrono::TimeDelta::days(30);
            if let Err(e) = db
                .run(move |conn| crate::db::idempotency::forget_before(conn, before))
                .await
            {
                tracing::warn!("forgetting old idempotency keys failed: {e}");
            }
        }
    });
}
