//! The Finnish business ID (Y-tunnus): seven digits, a hyphen and a mod-11 check digit.

use std::fmt;

const WEIGHTS: [u32; 7] = [7, 9, 10, 5, 8, 4, 2];

/// A business ID whose format and check digit are right. Only [`BusinessId::parse`] builds one.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BusinessId(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BusinessIdError {
    /// Not seven digits and a check digit.
    Format,
    /// The digits are there but the check digit does not match (or none can exist).
    CheckDigit,
}

impl BusinessId {
    /// Accepts what people type (`1234567-8`, `12345678`, `FI12345678`, spaces) and stores the
    /// canonical `1234567-8`.
    pub fn parse(input: &str) -> Result<Self, BusinessIdError> {
        Self::parse_canonical(&normalise(input))
    }

    /// Accepts only the canonical form `NNNNNNN-C` with a right check digit.
    pub fn parse_canonical(s: &str) -> Result<Self, BusinessIdError> {
        let bytes = s.as_bytes();
        let well_formed = bytes.len() == 9
            && bytes[7] == b'-'
            && bytes[..7].iter().chain(&bytes[8..]).all(u8::is_ascii_digit);
        if !well_formed {
            return Err(BusinessIdError::Format);
        }
        let digits: Vec<u32> = bytes[..7].iter().map(|b| u32::from(b - b'0')).collect();
        if check_digit(&digits) != Some(u32::from(bytes[8] - b'0')) {
            return Err(BusinessIdError::CheckDigit);
        }
        Ok(Self(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Trims, drops a VAT-number `FI` prefix and spaces, and puts the hyphen before the last digit.
pub fn normalise(input: &str) -> String {
    let trimmed = input.trim();
    let without_prefix = trimmed
        .strip_prefix("FI")
        .or_else(|| trimmed.strip_prefix("fi"))
        .unwrap_or(trimmed);
    let compact: String = without_prefix
        .chars()
        .filter(|c| *c != '-' && !c.is_whitespace())
        .collect();
    if compact.len() == 8 && compact.chars().all(|c| c.is_ascii_digit()) {
        format!("{}-{}", &compact[..7], &compact[7..])
    } else {
        trimmed.to_owned()
    }
}

/// The check digit for seven digits, or `None` when the weighted sum leaves 1 (never issued).
pub fn check_digit(seven: &[u32]) -> Option<u32> {
    let sum: u32 = seven.iter().zip(WEIGHTS).map(|(d, w)| d * w).sum();
    match sum % 11 {
        0 => Some(0),
        1 => None,
        r => Some(11 - r),
    }
}

impl fmt::Display for BusinessId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The vectors from the reference data (shared/reference/ytunnus_test_vectors.csv).
    const VECTORS: &str = include_str!("../../seed/reference/ytunnus_test_vectors.csv");

    #[test]
    fn agrees_with_every_reference_vector() {
        let mut reader = csv::Reader::from_reader(VECTORS.as_bytes());
        let mut checked = 0;
        for row in reader.records() {
            let row = row.expect("the vector file is well-formed CSV");
            let expected = &row[1] == "true";
            assert_eq!(
                BusinessId::parse_canonical(&row[0]).is_ok(),
                expected,
                "{} ({})",
                &row[0],
                &row[2]
            );
            checked += 1;
        }
        assert_eq!(checked, 18);
    }

    #[test]
    fn normalises_compact_and_vat_forms() {
        assert_eq!(BusinessId::parse("01120389").unwrap().as_str(), "0112038-9");
        assert_eq!(
            BusinessId::parse(" FI01120389 ").unwrap().as_str(),
            "0112038-9"
        );
        assert_eq!(
            BusinessId::parse("0112038-9").unwrap().as_str(),
            "0112038-9"
        );
    }

    #[test]
    fn tells_format_from_check_digit_errors() {
        assert_eq!(
            BusinessId::parse("0112038-8"),
            Err(BusinessIdError::CheckDigit)
        );
        assert_eq!(BusinessId::parse("112038-9"), Err(BusinessIdError::Format));
        assert_eq!(BusinessId::parse("abcdefg-h"), Err(BusinessIdError::Format));
        // Remainder 1 has no valid check digit: 1000008 sums to 12, 12 mod 11 = 1.
        assert_eq!(
            BusinessId::parse("1000008-0"),
            Err(BusinessIdError::CheckDigit)
        );
    }
}
