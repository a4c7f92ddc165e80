//! Sign-in throttling. Every password check first reserves a place in three counters, each a
//! row changed by one conditional `UPDATE` (so parallel guesses cannot slip past the limit):
//!
//! - the account from this client address: at most [`ThrottlePolicy::per_account_and_address`]
//!   failures in the window, then refused from that address only;
//! - the client address, whatever the account: at most [`ThrottlePolicy::per_address`];
//! - the account from anywhere: never a lock (an attacker must not lock the owner out), but after
//!   [`ThrottlePolicy::slow_down_after`] failures every further check waits a little longer,
//!   up to [`ThrottlePolicy::max_delay`].
//!
//! A successful sign-in forgives the account's failures and gives back its place at the address.
//! The client address is the TCP peer, or what a trusted proxy says (`auth::proxies`).

use chrono::{NaiveDateTime, TimeDelta};
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottlePolicy {
    pub window: TimeDelta,
    pub per_account_and_address: i64,
    pub per_address: i64,
    pub slow_down_after: i64,
    /// Added for each failure beyond `slow_down_after`.
    pub delay_step: Duration,
    pub max_delay: Duration,
}

impl Default for ThrottlePolicy {
    fn default() -> Self {
        Self {
            window: TimeDelta::minutes(15),
            per_account_and_address: 5,
            per_address: 20,
            slow_down_after: 10,
            delay_step: Duration::from_millis(250),
            max_delay: Duration::from_secs(3),
        }
    }
}

impl ThrottlePolicy {
    pub fn window_start(&self, now: NaiveDateTime) -> NaiveDateTime {
        now - self.window
    }

    /// How long a check waits, given the account's failures (from anywhere) in the window.
    pub fn delay(&self, account_failures: i64) -> Duration {
        let beyond = account_failures.saturating_sub(self.slow_down_after).max(0);
        let beyond = u32::try_from(beyond).unwrap_or(u32::MAX);
        self.delay_step
            .checked_mul(beyond)
            .unwrap_or(self.max_delay)
            .min(self.max_delay)
    }

    pub fn window_minutes(&self) -> i64 {
        self.window.num_minutes()
    }
}

/// The counters' keys.
pub fn pair_key(account: &str, address: &str) -> String {
    format!("pair:{address}|{account}")
}

pub fn address_key(address: &str) -> String {
    format!("addr:{address}")
}

pub fn account_key(account: &str) -> String {
    format!("acct:{account}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_under_attack_slows_down_but_never_locks() {
        let p = ThrottlePolicy::default();
        assert_eq!(p.delay(0), Duration::ZERO);
        assert_eq!(p.delay(10), Duration::ZERO);
        assert_eq!(p.delay(12), Duration::from_millis(500));
        assert_eq!(p.delay(1_000_000), Duration::from_secs(3));
    }
}
