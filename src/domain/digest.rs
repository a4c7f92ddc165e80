//! The rules of the reminder mail, on plain data: when the morning digest is due in Helsinki,
//! which follow-ups go in it, and how often a message that could not be sent is tried again.

use crate::labelled_enum;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};

labelled_enum! {
    /// What a user wants in their morning digest.
    pub enum DigestPreference prefix "digest-preference" {
        All => "all",
        Overdue => "overdue",
        Off => "off",
    }
}

/// 07.30 in Helsinki, unless the organisation chose another time.
pub const DEFAULT_TIME: NaiveTime = match NaiveTime::from_hms_opt(7, 30, 0) {
    Some(t) => t,
    None => NaiveTime::MIN,
};

/// A time of day as typed: `07:30`, `7:30`, `7.30` (Finnish) or `07:30:00` (some browsers).
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    let text = text.trim();
    let normal = text.replacen('.', ":", 1);
    ["%H:%M", "%H:%M:%S"]
        .iter()
        .find_map(|f| NaiveTime::parse_from_str(&normal, f).ok())
        .filter(|t| chrono::Timelike::second(t) == 0)
}

/// `07:30`, as stored and as a time field shows it.
pub fn format_time(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

/// The Helsinki date whose digests are due at `now` (UTC), or `None` before the configured
/// wall-clock time. Comparing wall-clock times makes daylight saving harmless: on the spring
/// day a time inside the skipped hour is reached when the clocks jump past it, and on the autumn
/// day the repeated hour finds the date already planned.
pub fn due_date(now_utc: NaiveDateTime, at: NaiveTime) -> Option<NaiveDate> {
    let local = crate::format::helsinki_local(now_utc);
    (local.time() >= at).then(|| local.date())
}

/// Whether a follow-up due on `due` belongs in the digest of `today` for this preference.
pub fn includes(pref: DigestPreference, due: NaiveDate, today: NaiveDate) -> bool {
    match pref {
        DigestPreference::All => due <= today,
        DigestPreference::Overdue => due < today,
        DigestPreference::Off => false,
    }
}

/// The day a follow-up lands on in the calendar: its due date, or today when it is overdue
/// (an event in the past would be missed in Outlook's day view).
pub fn calendar_day(due: NaiveDate, today: NaiveDate) -> NaiveDate {
    due.max(today)
}

/// How the delivery of a message goes on after a failed attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterFailure {
    RetryIn(TimeDelta),
    GiveUp,
}

/// The longest wait between two attempts.
pub const MAX_BACKOFF: TimeDelta = TimeDelta::hours(6);

/// After `attempts` attempts (the failed one included): wait `base`, 2×, 4×, 8×… (at most
/// [`MAX_BACKOFF`]), and give up after `max_attempts` or at once on a permanent refusal (an SMTP
/// 5xx reply: the same message would be refused again).
pub fn after_failure(
    attempts: i64,
    max_attempts: i64,
    permanent: bool,
    base: TimeDelta,
) -> AfterFailure {
    if permanent || attempts >= max_attempts {
        return AfterFailure::GiveUp;
    }
    let exponent = u32::try_from(attempts.saturating_sub(1).clamp(0, 20)).unwrap_or(20);
    let wait = base
        .checked_mul(2_i32.saturating_pow(exponent))
        .unwrap_or(MAX_BACKOFF)
        .min(MAX_BACKOFF);
    AfterFailure::RetryIn(wait)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, min, 0)
            .unwrap()
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn time(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn reads_times_as_people_type_them() {
        assert_eq!(parse_time("07:30"), Some(time(7, 30)));
        assert_eq!(parse_time(" 7.30 "), Some(time(7, 30)));
        assert_eq!(parse_time("7:05"), Some(time(7, 5)));
        assert_eq!(parse_time("06:45:00"), Some(time(6, 45)));
        assert_eq!(parse_time("24:00"), None);
        assert_eq!(parse_time("7"), None);
        assert_eq!(parse_time("aamulla"), None);
        assert_eq!(format_time(time(7, 5)), "07:05");
    }

    #[test]
    fn the_digest_is_due_at_the_helsinki_wall_clock_time_in_winter_and_summer() {
        // Winter (UTC+2): 07.30 in Helsinki is 05.30 UTC.
        assert_eq!(due_date(utc(2026, 11, 24, 5, 29), DEFAULT_TIME), None);
        assert_eq!(
            due_date(utc(2026, 11, 24, 5, 30), DEFAULT_TIME),
            Some(date(2026, 11, 24))
        );
        // Summer (UTC+3): 07.30 in Helsinki is 04.30 UTC.
        assert_eq!(due_date(utc(2026, 6, 10, 4, 29), DEFAULT_TIME), None);
        assert_eq!(
            due_date(utc(2026, 6, 10, 4, 30), DEFAULT_TIME),
            Some(date(2026, 6, 10))
        );
        // Later in the day it is still today's digest (planned late if the server was down).
        assert_eq!(
            due_date(utc(2026, 11, 24, 21, 59), DEFAULT_TIME),
            Some(date(2026, 11, 24))
        );
    }

    #[test]
    fn across_midnight_the_helsinki_date_counts_not_the_utc_date() {
        // 22.00 UTC on the 24th is already 00.00 on the 25th in Helsinki (winter).
        let quarter_past = time(0, 15);
        assert_eq!(due_date(utc(2026, 11, 24, 22, 14), quarter_past), None);
        assert_eq!(
            due_date(utc(2026, 11, 24, 22, 15), quarter_past),
            Some(date(2026, 11, 25))
        );
        // Just after midnight the 07.30 digest of the new day is not due yet.
        assert_eq!(due_date(utc(2026, 11, 24, 22, 30), DEFAULT_TIME), None);
    }

    #[test]
    fn daylight_saving_days() {
        // 29.3.2026: clocks jump from 03.00 to 04.00 (01.00 UTC). A 03.30 digest is due at the
        // jump, not skipped for the day.
        let skipped = time(3, 30);
        assert_eq!(due_date(utc(2026, 3, 29, 0, 59), skipped), None);
        assert_eq!(
            due_date(utc(2026, 3, 29, 1, 0), skipped),
            Some(date(2026, 3, 29))
        );
        // 07.30 on that day is 04.30 UTC (summer time already).
        assert_eq!(due_date(utc(2026, 3, 29, 4, 29), DEFAULT_TIME), None);
        assert_eq!(
            due_date(utc(2026, 3, 29, 4, 30), DEFAULT_TIME),
            Some(date(2026, 3, 29))
        );
        // 25.10.2026: clocks go back from 04.00 to 03.00 (01.00 UTC). 03.30 happens twice; it
        // is due from the first time on, the same date both times.
        assert_eq!(due_date(utc(2026, 10, 25, 0, 29), skipped), None);
        assert_eq!(
            due_date(utc(2026, 10, 25, 0, 30), skipped),
            Some(date(2026, 10, 25))
        );
        assert_eq!(
            due_date(utc(2026, 10, 25, 1, 30), skipped),
            Some(date(2026, 10, 25))
        );
        // 07.30 that day is 05.30 UTC (winter time again).
        assert_eq!(due_date(utc(2026, 10, 25, 5, 29), DEFAULT_TIME), None);
        assert!(due_date(utc(2026, 10, 25, 5, 30), DEFAULT_TIME).is_some());
    }

    #[test]
    fn which_follow_ups_go_in() {
        let today = date(2026, 11, 25);
        let (yesterday, tomorrow) = (date(2026, 11, 24), date(2026, 11, 26));
        assert!(includes(DigestPreference::All, yesterday, today));
        assert!(includes(DigestPreference::All, today, today));
        assert!(!includes(DigestPreference::All, tomorrow, today));
        assert!(includes(DigestPreference::Overdue, yesterday, today));
        assert!(!includes(DigestPreference::Overdue, today, today));
        assert!(!includes(DigestPreference::Off, yesterday, today));
        assert_eq!(calendar_day(yesterday, today), today);
        assert_eq!(calendar_day(tomorrow, today), tomorrow);
    }

    #[test]
    fn backs_off_exponentially_and_gives_up() {
        let base = TimeDelta::minutes(1);
        assert_eq!(
            after_failure(1, 8, false, base),
            AfterFailure::RetryIn(TimeDelta::minutes(1))
        );
        assert_eq!(
            after_failure(2, 8, false, base),
            AfterFailure::RetryIn(TimeDelta::minutes(2))
        );
        assert_eq!(
            after_failure(7, 8, false, base),
            AfterFailure::RetryIn(TimeDelta::minutes(64))
        );
        assert_eq!(after_failure(8, 8, false, base), AfterFailure::GiveUp);
        assert_eq!(after_failure(1, 8, true, base), AfterFailure::GiveUp);
        assert_eq!(
            after_failure(30, 99, false, base),
            AfterFailure::RetryIn(MAX_BACKOFF)
        );
    }
}
