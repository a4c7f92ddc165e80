//! Finnish formats: dates as 22.11.2026, times as 14.05 in Europe/Helsinki, decimal comma.

use chrono::{NaiveDate, NaiveDateTime, TimeZone};
use chrono_tz::Europe::Helsinki;
use rust_decimal::Decimal;

pub fn to_helsinki(utc: NaiveDateTime) -> chrono::DateTime<chrono_tz::Tz> {
    Helsinki.from_utc_datetime(&utc)
}

/// Today's date in Helsinki.
pub fn today_helsinki(utc_now: NaiveDateTime) -> NaiveDate {
    to_helsinki(utc_now).date_naive()
}

/// The Helsinki wall-clock time of a UTC instant.
pub fn helsinki_local(utc: NaiveDateTime) -> NaiveDateTime {
    to_helsinki(utc).naive_local()
}

/// A Helsinki wall-clock time as UTC; `None` inside the spring-forward gap.
pub fn helsinki_to_utc(local: NaiveDateTime) -> Option<NaiveDateTime> {
    Helsinki
        .from_local_datetime(&local)
        .earliest()
        .map(|t| t.naive_utc())
}

/// The value of a datetime-local field: `2026-11-23T14:05`.
pub fn datetime_local_value(utc: NaiveDateTime) -> String {
    helsinki_local(utc).format("%Y-%m-%dT%H:%M").to_string()
}

pub fn date(d: NaiveDate) -> String {
    d.format("%-d.%-m.%Y").to_string()
}

/// A UTC timestamp as a Helsinki date and time: `22.11.2026 14.05`.
pub fn datetime(utc: NaiveDateTime) -> String {
    to_helsinki(utc).format("%-d.%-m.%Y %H.%M").to_string()
}

/// A decimal with a comma and narrow no-break spaces between thousands: `1 234,50`.
pub fn decimal(value: Decimal, places: u32) -> String {
    let rounded = value.round_dp(places);
    let text = format!("{:.*}", places as usize, rounded.abs());
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i.to_owned(), Some(f.to_owned())),
        None => (text.clone(), None),
    };
    let mut grouped = String::new();
    for (i, ch) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            grouped.push('\u{202f}');
        }
        grouped.push(ch);
    }
    let sign = if rounded.is_sign_negative() && !rounded.is_zero() {
        "−"
    } else {
        ""
    };
    match frac_part {
        Some(f) => format!("{sign}{grouped},{f}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finnish_dates_and_times_in_helsinki() {
        let summer = NaiveDate::from_ymd_opt(2026, 6, 1)
            .and_then(|d| d.and_hms_opt(11, 5, 0))
            .unwrap();
        assert_eq!(datetime(summer), "1.6.2026 14.05");
        let winter = NaiveDate::from_ymd_opt(2026, 11, 22)
            .and_then(|d| d.and_hms_opt(23, 30, 0))
            .unwrap();
        // 23.30 UTC is already the next day in Helsinki (UTC+2 in winter).
        assert_eq!(datetime(winter), "23.11.2026 01.30");
        assert_eq!(
            date(NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()),
            "22.11.2026"
        );
    }

    #[test]
    fn helsinki_local_times_round_trip_and_gaps_are_refused() {
        let local = NaiveDate::from_ymd_opt(2026, 11, 23)
            .unwrap()
            .and_hms_opt(9, 30, 0)
            .unwrap();
        let utc = helsinki_to_utc(local).unwrap();
        assert_eq!(utc.format("%H:%M").to_string(), "07:30");
        assert_eq!(helsinki_local(utc), local);
        // 29.3.2026 03.30 does not exist in Helsinki (clocks jump from 03.00 to 04.00).
        let gap = NaiveDate::from_ymd_opt(2026, 3, 29)
            .unwrap()
            .and_hms_opt(3, 30, 0)
            .unwrap();
        assert_eq!(helsinki_to_utc(gap), None);
        let late = NaiveDate::from_ymd_opt(2026, 11, 22)
            .unwrap()
            .and_hms_opt(23, 0, 0)
            .unwrap();
        assert_eq!(
            today_helsinki(late),
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
        );
    }

    #[test]
    fn decimal_comma_and_grouping() {
        assert_eq!(decimal(Decimal::new(123_450, 2), 2), "1\u{202f}234,50");
        assert_eq!(decimal(Decimal::new(375, 1), 1), "37,5");
        assert_eq!(decimal(Decimal::new(12, 0), 0), "12");
        assert_eq!(decimal(Decimal::new(-5, 1), 2), "−0,50");
    }
}

/// Hours (stored as hundredths) without needless decimals: `20`, `37,5`.
pub fn hours(hundredths: i64) -> String {
    let value = Decimal::new(hundredths, 2).normalize();
    decimal(value, value.scale())
}

/// A range of weekly hours: `20–25`, `from 20`, `up to 25` are shown as `20–`, `–25`.
pub fn hours_range(min: Option<i64>, max: Option<i64>) -> Option<String> {
    match (min, max) {
        (None, None) => None,
        (Some(a), Some(b)) if a == b => Some(hours(a)),
        (a, b) => Some(format!(
            "{}–{}",
            a.map(hours).unwrap_or_default(),
            b.map(hours).unwrap_or_default()
        )),
    }
}

/// Euros (stored as cents) with two decimals: `12,85`, `2 150,00`.
pub fn money(cents: i64) -> String {
    decimal(Decimal::new(cents, 2), 2)
}

#[cfg(test)]
mod amount_tests {
    use super::*;

    #[test]
    fn hours_drop_needless_decimals_and_money_keeps_cents() {
        assert_eq!(hours(2000), "20");
        assert_eq!(hours(3750), "37,5");
        assert_eq!(
            hours_range(Some(2000), Some(2500)).as_deref(),
            Some("20–25")
        );
        assert_eq!(hours_range(None, Some(2500)).as_deref(), Some("–25"));
        assert_eq!(hours_range(None, None), None);
        assert_eq!(money(1285), "12,85");
    }
}
