//! Follow-ups: grouping by when they are due, and snoozing.

use crate::labelled_enum;
use chrono::{Datelike, Days, NaiveDate};

labelled_enum! {
    pub enum Status prefix "follow-up-status" {
        Open => "open",
        Snoozed => "snoozed",
        Done => "done",
    }
}

labelled_enum! {
    /// The groups of "my follow-ups".
    pub enum Bucket prefix "bucket" {
        Overdue => "overdue",
        Today => "today",
        ThisWeek => "this_week",
        Later => "later",
    }
}

/// Which group a follow-up due on `due` falls in, seen on `today` (Helsinki dates).
/// "This week" runs to Sunday.
pub fn bucket(due: NaiveDate, today: NaiveDate) -> Bucket {
    if due < today {
        return Bucket::Overdue;
    }
    if due == today {
        return Bucket::Today;
    }
    let days_to_sunday = 6 - u64::from(today.weekday().num_days_from_monday());
    match today.checked_add_days(Days::new(days_to_sunday)) {
        Some(sunday) if due <= sunday => Bucket::ThisWeek,
        _ => Bucket::Later,
    }
}

labelled_enum! {
    pub enum Snooze prefix "snooze" {
        Tomorrow => "tomorrow",
        NextWeek => "next_week",
        Date => "date",
    }
}

/// The new due date of a snooze; "next week" is next Monday.
pub fn snoozed_until(
    choice: Snooze,
    today: NaiveDate,
    typed: Option<NaiveDate>,
) -> Option<NaiveDate> {
    let date = match choice {
        Snooze::Tomorrow => today.checked_add_days(Days::new(1))?,
        Snooze::NextWeek => {
            let to_monday = 7 - u64::from(today.weekday().num_days_from_monday());
            today.checked_add_days(Days::new(to_monday))?
        }
        Snooze::Date => typed?,
    };
    (date > today).then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
    }

    #[test]
    fn groups_by_due_date() {
        // 25.11.2026 is a Wednesday; that week ends on Sunday 29.11.
        let today = d(25);
        assert_eq!(bucket(d(24), today), Bucket::Overdue);
        assert_eq!(bucket(d(25), today), Bucket::Today);
        assert_eq!(bucket(d(29), today), Bucket::ThisWeek);
        assert_eq!(bucket(d(30), today), Bucket::Later);
        // On a Sunday, tomorrow is already later.
        assert_eq!(bucket(d(30), d(29)), Bucket::Later);
    }

    #[test]
    fn snoozes_to_tomorrow_next_monday_or_a_later_date() {
        let wednesday = d(25);
        assert_eq!(
            snoozed_until(Snooze::Tomorrow, wednesday, None),
            Some(d(26))
        );
        assert_eq!(
            snoozed_until(Snooze::NextWeek, wednesday, None),
            Some(d(30))
        );
        assert_eq!(
            snoozed_until(Snooze::NextWeek, d(30), None),
            Some(NaiveDate::from_ymd_opt(2026, 12, 7).unwrap())
        );
        assert_eq!(
            snoozed_until(Snooze::Date, wednesday, Some(d(28))),
            Some(d(28))
        );
        assert_eq!(snoozed_until(Snooze::Date, wednesday, Some(d(20))), None);
        assert_eq!(snoozed_until(Snooze::Date, wednesday, None), None);
    }
}
