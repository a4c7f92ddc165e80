//! Reading typed form fields: each reader returns the value or records the field's own error,
//! so a validator reads every field once and reports all problems together.

use super::money::{Cents, Hundredths};
use super::text::squeeze;
use super::validation::FieldErrors;
use chrono::NaiveDate;

/// A required one-line text of at most `max` characters.
pub fn required_text(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
    max: usize,
) -> String {
    let text = squeeze(value);
    if text.is_empty() {
        errors.add(field, "field-error-required");
    } else if text.chars().count() > max {
        errors.add(field, "employer-error-too-long");
    }
    text
}

/// An optional text (one line or many) of at most `max` characters, trimmed.
pub fn optional_text(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
    max: usize,
) -> String {
    let text = value.trim().to_owned();
    if text.chars().count() > max {
        errors.add(field, "employer-error-too-long");
    }
    text
}

/// A date from a date field (`2026-11-23`) or as Finns type it (`23.11.2026`).
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(value, "%d.%m.%Y"))
        .ok()
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
        errors.add(field, "field-error-date");
    }
    parsed
}

pub fn required_date(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
) -> Option<NaiveDate> {
    if value.trim().is_empty() {
        errors.add(field, "field-error-date");
        return None;
    }
    optional_date(errors, field, value)
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
        Ok(h) if h.0 <= 80 * 100 => Some(h),
        _ => {
            errors.add(field, "field-error-hours");
            None
        }
    }
}

/// Money in euros with at most two decimals.
pub fn optional_money(errors: &mut FieldErrors, field: &'static str, value: &str) -> Option<Cents> {
    if value.trim().is_empty() {
        return None;
    }
    match Cents::parse(value) {
        Ok(c) if c.0 <= 100_000_000 => Some(c),
        _ => {
            errors.add(field, "field-error-money");
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
            errors.add(field, "field-error-number");
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
