//! Sign-in throttling: too many failures for one account or from one address in a window.

use chrono::{NaiveDateTime, TimeDelta};

pub const WINDOW_MINUTES: i64 = 15;
pub const MAX_FAILURES_PER_ACCOUNT: i64 = 5;
pub const MAX_FAILURES_PER_ADDRESS: i64 = 20;

pub fn window_start(now: NaiveDateTime) -> NaiveDateTime {
    now - TimeDelta::minutes(WINDOW_MINUTES)
}

/// Whether another attempt is refused, given the failures counted within the window.
pub fn is_throttled(account_failures: i64, address_failures: i64) -> bool {
    account_failures >= MAX_FAILURES_PER_ACCOUNT || address_failures >= MAX_FAILURES_PER_ADDRESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_per_account_and_per_address() {
        assert!(!is_throttled(4, 19));
        assert!(is_throttled(5, 0));
        assert!(is_throttled(0, 20));
    }
}
