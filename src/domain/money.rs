//! Exact money and hours. Stored as integers of the smallest unit so that both backends keep
//! them exact (Diesel's Numeric on SQLite goes through f64); converted to `Decimal` in Rust.

use rust_decimal::Decimal;
use std::str::FromStr;

/// An amount of euros, stored as whole cents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Cents(pub i64);

/// A number of hours, stored as hundredths of an hour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Hundredths(pub i64);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountError {
    NotANumber,
    TooPrecise,
    Negative,
    TooLarge,
}

/// Parses what a Finnish user types: `1 234,50`, `1234.5`, `12`.
pub fn parse_decimal(input: &str) -> Result<Decimal, AmountError> {
    let cleaned: String = input
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '€')
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    Decimal::from_str(&cleaned).map_err(|_| AmountError::NotANumber)
}

fn to_units(value: Decimal, places: u32) -> Result<i64, AmountError> {
    if value.is_sign_negative() && !value.is_zero() {
        return Err(AmountError::Negative);
    }
    if value.normalize().scale() > places {
        return Err(AmountError::TooPrecise);
    }
    let scaled = value
        .checked_mul(Decimal::from(10_i64.pow(places)))
        .ok_or(AmountError::TooLarge)?;
    i64::try_from(scaled.trunc()).map_err(|_| AmountError::TooLarge)
}

impl Cents {
    pub fn from_decimal(value: Decimal) -> Result<Self, AmountError> {
        to_units(value, 2).map(Cents)
    }

    pub fn parse(input: &str) -> Result<Self, AmountError> {
        Self::from_decimal(parse_decimal(input)?)
    }

    pub fn to_decimal(self) -> Decimal {
        Decimal::new(self.0, 2)
    }
}

impl Hundredths {
    pub fn from_decimal(value: Decimal) -> Result<Self, AmountError> {
        to_units(value, 2).map(Hundredths)
    }

    pub fn parse(input: &str) -> Result<Self, AmountError> {
        Self::from_decimal(parse_decimal(input)?)
    }

    pub fn to_decimal(self) -> Decimal {
        Decimal::new(self.0, 2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_finnish_and_plain_forms_exactly() {
        assert_eq!(Cents::parse("1 234,50"), Ok(Cents(123_450)));
        assert_eq!(Cents::parse("1234.5"), Ok(Cents(123_450)));
        assert_eq!(Cents::parse("12 €"), Ok(Cents(1_200)));
        assert_eq!(Cents::parse("0,1").map(|c| c.0), Ok(10));
        assert_eq!(Hundredths::parse("37,5"), Ok(Hundredths(3_750)));
    }

    #[test]
    fn refuses_what_would_lose_cents() {
        assert_eq!(Cents::parse("1,005"), Err(AmountError::TooPrecise));
        assert_eq!(Cents::parse("-3"), Err(AmountError::Negative));
        assert_eq!(Cents::parse("abc"), Err(AmountError::NotANumber));
        // The largest decimal there is, times a hundred, must not panic.
        assert_eq!(
            Cents::parse("79228162514264337593543950335"),
            Err(AmountError::TooLarge)
        );
        assert_eq!(
            Cents::parse("1,50").unwrap().to_decimal().to_string(),
            "1.50"
        );
    }

    #[test]
    fn sums_of_cents_stay_exact() {
        let total: i64 = (0..1000).map(|_| Cents::parse("0,10").unwrap().0).sum();
        assert_eq!(Cents(total).to_decimal(), Decimal::from(100));
    }
}
