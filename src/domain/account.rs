//! What a new user account must satisfy, checked the same way by the admin page and the CLI.

use super::email::EmailAddress;
use super::role::Role;
use super::validation::FieldErrors;
use crate::auth::password::MIN_LENGTH;

/// The longest display name of a user.
pub const MAX_NAME: usize = 120;

#[derive(Debug, Clone)]
pub struct NewAccount {
    pub email: EmailAddress,
    pub name: String,
    pub role: Role,
    pub password: String,
}

/// Checks the typed values; every problem is reported against its field.
pub fn validate(
    email: &str,
    name: &str,
    role: &str,
    password: &str,
) -> Result<NewAccount, FieldErrors> {
    let mut errors = FieldErrors::default();
    let email = EmailAddress::parse(email);
    if email.is_none() {
        errors.add("email", "user-error-email");
    }
    let name = super::fields::line(&mut errors, "name", name, MAX_NAME);
    if name.is_empty() && errors.get("name").is_none() {
        errors.add_with("name", "user-error-name", &[("max", MAX_NAME as i64)]);
    }
    let role = Role::parse(role);
    if role.is_none() {
        errors.add("role", "user-error-role");
    }
    if password.chars().count() < MIN_LENGTH {
        errors.add("password", "password-error-short");
    }
    match (email, role) {
        (Some(email), Some(role)) if errors.is_empty() => Ok(NewAccount {
            email,
            name,
            role,
            password: password.to_owned(),
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_each_bad_field() {
        let errors = validate("nope", " ", "boss", "short").unwrap_err();
        for field in ["email", "name", "role", "password"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
        let ok = validate("A@B.fi", " Aino ", "team-lead", "long-enough-1").unwrap();
        assert_eq!(ok.email.as_str(), "a@b.fi");
        assert_eq!(ok.name, "Aino");
        assert_eq!(ok.role, Role::TeamLead);
    }
}
