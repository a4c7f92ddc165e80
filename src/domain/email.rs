//! An email address as users sign in with it: trimmed, lower-cased, syntactically valid.

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EmailAddress(String);

impl EmailAddress {
    pub fn parse(input: &str) -> Option<Self> {
        let normalised = input.trim().to_lowercase();
        if email_address::EmailAddress::is_valid(&normalised) && normalised.contains('.') {
            Some(Self(normalised))
        } else {
            None
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_and_rejects() {
        assert_eq!(
            EmailAddress::parse(" Maija.Coach@Vakehyva.FI ")
                .unwrap()
                .as_str(),
            "maija.coach@vakehyva.fi"
        );
        assert!(EmailAddress::parse("no-at-sign").is_none());
        assert!(EmailAddress::parse("a@b").is_none());
        assert!(EmailAddress::parse("").is_none());
    }
}
