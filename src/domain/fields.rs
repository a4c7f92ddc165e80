//! Reading typed form fields: each reader returns the value or records the field's own error,
//! so a validator reads every field once and reports all problems together.

use super::money::{Cents, Hundredths};
use super::text::{multi_line, single_line};
use super::validation::FieldErrors;
use chrono::{Datelike, NaiveDate, NaiveDateTime};

/// The years a date may fall in: anything else is a typing error (and would not survive date
/// arithmetic or the pages that show it).
pub const MIN_YEAR: i32 = 1900;
pub const MAX_YEAR: i32 = 2100;

/// The largest amount of money a form takes, in euros.
pub const MAX_EUROS: i64 = 1_000_000;
/// The most hours per week a form takes.
pub const MAX_HOURS: i64 = 80;

fn too_long(errors: &mut FieldErrors, field: &'static str, max: usize) {
    errors.add_with(field, "field-error-too-long", &[("max", max as i64)]);
}

/// A one-line text of at most `max` characters (NFC, trimmed, spaces squeezed): refused with the
/// field's error when it holds a line break or another control character, or is too long.
/// Text of only invisible characters counts as empty.
pub fn line(errors: &mut FieldErrors, field: &'static str, value: &str, max: usize) -> String {
    match single_line(value) {
        Ok(text) => {
            if text.chars().count() > max {
                too_long(errors, field, max);
            }
            text
        }
        Err(_) => {
            errors.add(field, "field-error-control");
            String::new()
        }
    }
}

/// A required one-line text of at most `max` characters.
pub fn required_text(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
    max: usize,
) -> String {
    let text = line(errors, field, value, max);
    if text.is_empty() && errors.get(field).is_none() {
        errors.add(field, "field-error-required");
    }
    text
}

/// An optional text (one line or many) of at most `max` characters: NFC, trimmed, no control
/// characters but line breaks and tabs.
pub fn optional_text(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
    max: usize,
) -> String {
    match multi_line(value) {
        Ok(text) => {
            if text.chars().count() > max {
                too_long(errors, field, max);
            }
            text
        }
        Err(_) => {
            errors.add(field, "field-error-control-any");
            String::new()
        }
    }
}

/// Whether a date falls within the years a form takes.
pub fn date_in_range(date: NaiveDate) -> bool {
    (MIN_YEAR..=MAX_YEAR).contains(&date.year())
}

/// A date from a date field (`2026-11-23`) or as Finns type it (`23.11.2026`), within
/// [`MIN_YEAR`]–[`MAX_YEAR`].
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    // chrono's %Y takes signed years of any length (`+262142`); a year here is four digits.
    let four_digit_year = |s: &str| {
        s.split(['-', '.'])
            .any(|part| part.len() == 4 && part.chars().all(|c| c.is_ascii_digit()))
    };
    if value.len() > 10
        || !value
            .chars()
            .all(|c| c.is_ascii_digit() || c == '-' || c == '.')
    {
        return None;
    }
    if !four_digit_year(value) {
        return None;
    }
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(value, "%d.%m.%Y"))
        .ok()
        .filter(|d| date_in_range(*d))
}

/// A date and time from a `datetime-local` field (`2026-11-23T09:30`), within the same years.
pub fn parse_datetime(value: &str) -> Option<NaiveDateTime> {
    let value = value.trim();
    let (date, time) = value.split_once('T')?;
    let date = parse_date(date)?;
    let time = chrono::NaiveTime::parse_from_str(time, "%H:%M").ok()?;
    Some(date.and_time(time))
}

fn date_error(errors: &mut FieldErrors, field: &'static str) {
    errors.add_with(
        field,
        "field-error-date",
        &[("min", i64::from(MIN_YEAR)), ("max", i64::from(MAX_YEAR))],
    );
}

pub fn optional_date(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
) -> Option<NaiveDate> {
    if value.trim().is_empty() {
        return None;
    }
    let parsed = parse_date(value);
    if parsed.is_none() {
        date_error(errors, field);
    }
    parsed
}

pub fn required_date(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
) -> Option<NaiveDate> {
    if value.trim().is_empty() {
        date_error(errors, field);
        return None;
    }
    optional_date(errors, field, value)
}

/// The end of a range of dates not before its start: the error goes to the end's field.
pub fn not_before(
    errors: &mut FieldErrors,
    end_field: &'static str,
    message_id: &str,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
) {
    if let (Some(s), Some(e)) = (start, end) {
        if e < s {
            errors.add(end_field, message_id);
        }
    }
}

/// Hours per week: 0–80, at most two decimals, decimal comma or point.
pub fn optional_hours(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
) -> Option<Hundredths> {
    if value.trim().is_empty() {
        return None;
    }
    match Hundredths::parse(value) {
        Ok(h) if h.0 <= MAX_HOURS * 100 => Some(h),
        _ => {
            errors.add_with(field, "field-error-hours", &[("max", MAX_HOURS)]);
            None
        }
    }
}

/// Money in euros with at most two decimals, 0 to [`MAX_EUROS`] (never negative).
pub fn optional_money(errors: &mut FieldErrors, field: &'static str, value: &str) -> Option<Cents> {
    if value.trim().is_empty() {
        return None;
    }
    match Cents::parse(value) {
        Ok(c) if c.0 <= MAX_EUROS * 100 => Some(c),
        _ => {
            errors.add_with(field, "field-error-money", &[("max", MAX_EUROS)]);
            None
        }
    }
}

/// A whole number within a range.
pub fn optional_number(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
    range: std::ops::RangeInclusive<i64>,
) -> Option<i64> {
    if value.trim().is_empty() {
        return None;
    }
    match value.trim().parse::<i64>() {
        Ok(n) if range.contains(&n) => Some(n),
        _ => {
            errors.add_with(
                field,
                "field-error-number",
                &[("min", *range.start()), ("max", *range.end())],
            );
            None
        }
    }
}

/// An id chosen from a list; empty means none.
pub fn optional_id(errors: &mut FieldErrors, field: &'static str, value: &str) -> Option<i64> {
    if value.trim().is_empty() {
        return None;
    }
    let parsed = value.trim().parse::<i64>().ok().filter(|&id| id > 0);
    if parsed.is_none() {
        errors.add(field, "employer-error-choice");
    }
    parsed
}

pub fn required_id(errors: &mut FieldErrors, field: &'static str, value: &str) -> Option<i64> {
    if value.trim().is_empty() {
        errors.add(field, "employer-error-choice");
        return None;
    }
    optional_id(errors, field, value)
}

/// One choice of a labelled enum; empty is allowed when `required` is false.
pub fn choice<T>(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
    parse: impl Fn(&str) -> Option<T>,
    required: bool,
) -> Option<T> {
    if value.trim().is_empty() {
        if required {
            errors.add(field, "employer-error-choice");
        }
        return None;
    }
    let parsed = parse(value);
    if parsed.is_none() {
        errors.add(field, "employer-error-choice");
    }
    parsed
}

/// Several choices of a labelled enum (checkboxes), without repeats, in the order given.
pub fn choices<T: PartialEq>(
    errors: &mut FieldErrors,
    field: &'static str,
    values: &[String],
    parse: impl Fn(&str) -> Option<T>,
) -> Vec<T> {
    let mut chosen = Vec::new();
    for value in values.iter().filter(|v| !v.trim().is_empty()) {
        match parse(value) {
            Some(v) if !chosen.contains(&v) => chosen.push(v),
            Some(_) => {}
            None => {
                errors.add(field, "employer-error-choice");
                break;
            }
        }
    }
    chosen
}

/// Not a phone number: too few digits, too long, or other characters than `+-()` and spaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhoneError;

/// The longest phone number as typed, separators included.
pub const MAX_PHONE: usize = 30;

/// A phone number as people type it (`040 123 4567`, `+358 (0)9 123 456`): digits, spaces and
/// `+-()`, at least five digits, at most [`MAX_PHONE`] characters; spaces squeezed. Empty is
/// allowed (no number).
pub fn parse_phone(value: &str) -> Result<String, PhoneError> {
    let phone = super::text::squeeze(value);
    let ok = phone.is_empty()
        || (phone.chars().filter(char::is_ascii_digit).count() >= 5
            && phone.chars().count() <= MAX_PHONE
            && phone
                .chars()
                .all(|c| c.is_ascii_digit() || " +-()".contains(c)));
    if ok {
        Ok(phone)
    } else {
        Err(PhoneError)
    }
}

/// A checkbox: sent as `on` (or `true`) when ticked, absent otherwise.
pub fn ticked(value: &str) -> bool {
    matches!(value.trim(), "on" | "true" | "1")
}

/// A range of hours: both ends optional, the lower not above the upper.
pub fn hours_range(
    errors: &mut FieldErrors,
    min_field: &'static str,
    max_field: &'static str,
    min: &str,
    max: &str,
) -> (Option<Hundredths>, Option<Hundredths>) {
    let low = optional_hours(errors, min_field, min);
    let high = optional_hours(errors, max_field, max);
    if let (Some(l), Some(h)) = (low, high) {
        if l > h {
            errors.add(max_field, "field-error-hours-range");
        }
    }
    (low, high)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_in_iso_and_finnish_forms() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 23);
        assert_eq!(parse_date("2026-11-23"), d);
        assert_eq!(parse_date(" 23.11.2026 "), d);
        assert_eq!(parse_date("31.2.2026"), None);
    }

    #[test]
    fn dates_outside_1900_to_2100_are_refused() {
        for bad in [
            "+262142-12-31",
            "-0001-01-01",
            "0000-01-01",
            "1899-12-31",
            "2101-01-01",
            "1.1.99999",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        assert!(parse_date("1900-01-01").is_some());
        assert!(parse_date("31.12.2100").is_some());
        let mut errors = FieldErrors::default();
        optional_date(&mut errors, "d", "-1-01-01");
        assert_eq!(
            errors.text(crate::i18n::Lang::En, "d").as_deref(),
            Some("Enter a date as dd.mm.yyyy, between the years 1900 and 2100.")
        );
    }

    #[test]
    fn one_line_fields_refuse_line_breaks_and_state_their_limit() {
        let mut errors = FieldErrors::default();
        assert_eq!(required_text(&mut errors, "a", "Aino\nBcc: x", 10), "");
        assert_eq!(required_text(&mut errors, "b", "\u{200B}", 10), "");
        required_text(&mut errors, "c", "abcdefghijk", 10);
        assert_eq!(errors.get("a"), Some("field-error-control"));
        assert_eq!(errors.get("b"), Some("field-error-required"));
        assert_eq!(
            errors.text(crate::i18n::Lang::En, "c").as_deref(),
            Some("The text is too long: at most 10 characters.")
        );
        assert_eq!(
            optional_text(&mut errors, "d", "rivi\nrivi", 100),
            "rivi\nrivi"
        );
        assert_eq!(optional_text(&mut errors, "e", "nul\u{0}", 100), "");
        assert_eq!(errors.get("e"), Some("field-error-control-any"));
    }

    #[test]
    fn each_bad_field_gets_its_own_error() {
        let mut errors = FieldErrors::default();
        assert_eq!(optional_hours(&mut errors, "hours", "90"), None);
        assert_eq!(optional_money(&mut errors, "pay", "12,345"), None);
        assert_eq!(required_text(&mut errors, "title", "  ", 10), "");
        assert_eq!(errors.get("hours"), Some("field-error-hours"));
        assert_eq!(errors.get("pay"), Some("field-error-money"));
        assert_eq!(errors.get("title"), Some("field-error-required"));
    }

    #[test]
    fn an_upside_down_hours_range_is_refused() {
        let mut errors = FieldErrors::default();
        let (l, h) = hours_range(&mut errors, "min", "max", "25", "20");
        assert_eq!((l, h), (Some(Hundredths(2500)), Some(Hundredths(2000))));
        assert_eq!(errors.get("max"), Some("field-error-hours-range"));
        let mut ok = FieldErrors::default();
        hours_range(&mut ok, "min", "max", "20", "37,5");
        assert!(ok.is_empty());
    }

    #[test]
    fn repeated_choices_are_kept_once_and_unknown_ones_refused() {
        let mut errors = FieldErrors::default();
        let picked = choices(
            &mut errors,
            "s",
            &["a".into(), "b".into(), "a".into(), "".into()],
            |s| ["a", "b"].contains(&s).then(|| s.to_owned()),
        );
        assert_eq!(picked, vec!["a", "b"]);
        assert!(errors.is_empty());
        choices(&mut errors, "s", &["zzz".into()], |_| None::<String>);
        assert_eq!(errors.get("s"), Some("employer-error-choice"));
    }
}
