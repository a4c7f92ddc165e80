//! Work that runs on its own schedule inside `verkosto serve`: retention, the morning digest
//! planner and the outbox delivery worker (the latter two also once with `verkosto send-mail`,
//! for cron).

pub mod delivery;
pub mod planner;
pub mod retention;

pub use delivery::{PassSummary, Worker};
pub use heartbeat::Heartbeat;

mod heartbeat {
    use std::sync::atomic::{AtomicI64, Ordering};
    use std::sync::Arc;
    use std::time::Duration;

    /// When a background worker last finished a round, for `/ready`: a worker that stops
    /// ticking (stuck on a send, or its task ended) makes the instance "not ready".
    #[derive(Debug, Clone)]
    pub struct Heartbeat {
        last: Arc<AtomicI64>,
        allowed_gap: Duration,
    }

    impl Heartbeat {
        /// A heartbeat that counts as alive for `allowed_gap` after each beat (and after start).
        pub fn new(allowed_gap: Duration) -> Self {
            let beat = Self {
                last: Arc::new(AtomicI64::new(0)),
                allowed_gap,
            };
            beat.beat();
            beat
        }

        pub fn beat(&self) {
            self.last
                .store(chrono::Utc::now().timestamp(), Ordering::Relaxed);
        }

        pub fn alive(&self) -> bool {
            let gap = chrono::Utc::now().timestamp() - self.last.load(Ordering::Relaxed);
            gap <= self.allowed_gap.as_secs() as i64
        }
    }
}
