//! How long a session lives: it ends after an idle time without requests and, however busy,
//! after an absolute lifetime. Both configurable (`VERKOSTO_SESSION_IDLE_MINUTES`,
//! `VERKOSTO_SESSION_MAX_HOURS`).

use chrono::TimeDelta;

pub const DEFAULT_IDLE_MINUTES: i64 = 120;
pub const DEFAULT_MAX_HOURS: i64 = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionPolicy {
    /// A session not used for this long has ended.
    pub idle: TimeDelta,
    /// A session ends this long after sign-in, however busy.
    pub lifetime: TimeDelta,
}

impl Default for SessionPolicy {
    fn default() -> Self {
        Self {
            idle: TimeDelta::minutes(DEFAULT_IDLE_MINUTES),
            lifetime: TimeDelta::hours(DEFAULT_MAX_HOURS),
        }
    }
}

impl SessionPolicy {
    /// How stale the stored time of the last request may get before it is written again: a
    /// write per page would make every read a write.
    pub fn touch_after(&self) -> TimeDelta {
        (self.idle / 10).clamp(TimeDelta::seconds(1), TimeDelta::minutes(1))
    }
}
