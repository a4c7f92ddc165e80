//! The three roles of the product and what each may do.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Coach,
    TeamLead,
    Admin,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Coach, Role::TeamLead, Role::Admin];

    /// The value stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Coach => "coach",
            Role::TeamLead => "team_lead",
            Role::Admin => "admin",
        }
    }

    /// Accepts the stored form and the command line's `team-lead`.
    pub fn parse(s: &str) -> Option<Role> {
        match s.trim().to_ascii_lowercase().replace('-', "_").as_str() {
            "coach" => Some(Role::Coach),
            "team_lead" | "teamlead" | "lead" => Some(Role::TeamLead),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }

    /// The Fluent message id of the role's name.
    pub fn message_id(self) -> &'static str {
        match self {
            Role::Coach => "role-coach",
            Role::TeamLead => "role-team-lead",
            Role::Admin => "role-admin",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_stored_and_cli_forms() {
        assert_eq!(Role::parse("team-lead"), Some(Role::TeamLead));
        assert_eq!(Role::parse("team_lead"), Some(Role::TeamLead));
        assert_eq!(Role::parse("Admin"), Some(Role::Admin));
        assert_eq!(Role::parse("coach"), Some(Role::Coach));
        assert_eq!(Role::parse("boss"), None);
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
    }
}
