//! The delivery worker: claims due messages one at a time, sends each, records the outcome.

use super::planner::{self, Planned};
use crate::db::outbox::{self, ClaimRules};
use crate::db::{self, Db, DbError};
use crate::domain::digest::{after_failure, AfterFailure};
use crate::mail::transport::Mailer;
use crate::mail::MailConfig;
use std::sync::Arc;

/// The error recorded on a message whose sends never came back.
pub const STOPPED_MID_SEND: &str =
    "gave up: every attempt stopped in the middle of sending (the sender stopped or crashed)";

/// What one delivery pass did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PassSummary {
    pub sent: usize,
    /// Failed this time, queued again for later.
    pub retrying: usize,
    /// Failed for good (after the last attempt, or refused permanently).
    pub failed: usize,
}

impl PassSummary {
    pub fn attempted(&self) -> usize {
        self.sent + self.retrying + self.failed
    }
}

/// One instance's worker; several may run against one database.
#[derive(Clone)]
pub struct Worker {
    db: Db,
    config: Arc<MailConfig>,
    mailer: Arc<Mailer>,
    /// Names this instance in the leases it takes.
    owner: String,
    heartbeat: super::Heartbeat,
}

impl Worker {
    pub fn new(db: Db, config: MailConfig) -> anyhow::Result<Self> {
        let mailer = Mailer::new(&config)?;
        let owner = format!(
            "{}:{}",
            std::process::id(),
            &crate::auth::token::generate()[..8]
        );
        // A round may take a lease's length (a slow SMTP server), plus a few polls.
        let heartbeat = super::Heartbeat::new(
            config.lease.to_std().unwrap_or_default()
                + config.poll * 3
                + std::time::Duration::from_secs(60),
        );
        Ok(Self {
            db,
            config: Arc::new(config),
            mailer: Arc::new(mailer),
            owner,
            heartbeat,
        })
    }

    /// Beats after every round of [`Worker::run`].
    pub fn heartbeat(&self) -> super::Heartbeat {
        self.heartbeat.clone()
    }

    pub fn config(&self) -> &MailConfig {
        &self.config
    }

    /// Plans the digests if their time has come (or at once with `force`).
    pub async fn plan(&self, force: bool) -> Result<Option<Planned>, DbError> {
        let config = self.config.clone();
        self.db
            .run(move |conn| planner::plan_due(conn, &config.site, db::now(), force))
            .await
    }

    /// Sends every due message once (with `force`, every queued one, whatever its backoff).
    pub async fn deliver(&self, force: bool) -> Result<PassSummary, DbError> {
        let mut summary = PassSummary::default();
        let pass_started = db::now();
        loop {
            let rules = ClaimRules {
                now: db::now(),
                lease: self.config.lease,
                force,
                pass_started,
            };
            let owner = self.owner.clone();
            let claimed = self
                .db
                .run(move |conn| outbox::claim_next(conn, &owner, &rules))
                .await?;
            let Some(claimed) = claimed else {
                break;
            };
            let id = claimed.outgoing.id;
            // More claims than attempts allowed: every earlier holder died mid-send (it never
            // recorded a result). A message that stops its sender is not tried forever.
            if claimed.attempts > self.config.max_attempts {
                summary.failed += 1;
                tracing::error!(
                    id,
                    attempts = claimed.attempts,
                    "mail given up: every attempt stopped mid-send"
                );
                let owner = self.owner.clone();
                self.db
                    .run(move |conn| {
                        outbox::mark_attempt_failed(
                            conn,
                            id,
                            &owner,
                            STOPPED_MID_SEND,
                            AfterFailure::GiveUp,
                            db::now(),
                        )
                    })
                    .await?;
                continue;
            }
            let result = self.mailer.send(&claimed.outgoing).await;
            let owner = self.owner.clone();
            let held = match result {
                Ok(()) => {
                    summary.sent += 1;
                    tracing::info!(id, key = %claimed.outgoing.dedup_key, "mail sent");
                    self.db
                        .run(move |conn| outbox::mark_sent(conn, id, &owner, db::now()))
                        .await?
                }
                Err(error) => {
                    let next = after_failure(
                        claimed.attempts,
                        self.config.max_attempts,
                        error.permanent,
                        self.config.retry_base,
                    );
                    match next {
                        AfterFailure::RetryIn(wait) => {
                            summary.retrying += 1;
                            tracing::warn!(id, attempts = claimed.attempts, %error, retry_in_s = wait.num_seconds(), "mail not sent, will retry");
                        }
                        AfterFailure::GiveUp => {
                            summary.failed += 1;
                            tracing::error!(id, attempts = claimed.attempts, %error, "mail failed");
                        }
                    }
                    let message = error.message;
                    self.db
                        .run(move |conn| {
                            outbox::mark_attempt_failed(conn, id, &owner, &message, next, db::now())
                        })
                        .await?
                }
            };
            if !held {
                tracing::warn!(
                    id,
                    "the lease ran out before the send finished; another instance may send it again"
                );
            }
        }
        Ok(summary)
    }

    /// Plans when due and sends what is due; errors are logged, never fatal.
    pub async fn tick(&self) {
        match self.plan(false).await {
            Ok(Some(p)) if !p.already => {
                tracing::info!(date = %p.date, queued = p.queued, "digests planned")
            }
            Ok(_) => {}
            Err(e) => tracing::error!(error = %e, "planning the digests failed"),
        }
        if let Err(e) = self.deliver(false).await {
            tracing::error!(error = %e, "delivering mail failed");
        }
    }

    /// The worker inside `serve`: a tick every few seconds until `stop` is notified; a round
    /// that has begun (a message being sent) is finished first.
    pub async fn run(self, stop: Arc<tokio::sync::Notify>) {
        tracing::info!(delivery = %self.config.describe_delivery(), "mail worker started");
        loop {
            self.tick().await;
            self.heartbeat.beat();
            tokio::select! {
                _ = tokio::time::sleep(self.config.poll) => {}
                _ = stop.notified() => break,
            }
        }
        tracing::info!("mail worker stopped");
    }
}
