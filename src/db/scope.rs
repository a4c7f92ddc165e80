//! Whose jobseekers a query may read: the one value every query on jobseekers, matches,
//! placements, follow-along support and consents takes.
//!
//! A [`Scope`] cannot be made from an id or a role. Only three things make one:
//! - [`Scope::of_session`]: the user signed in with a live session token; their own team, or the
//!   whole organisation for an admin (the gate does this once per request);
//! - [`Scope::organisation_for_privacy_job`]: the retention run, which must reach every
//!   closed profile;
//! - [`Scope::organisation_for_command_line`]: the command line and the seeding it starts.
//!
//! Each organisation-wide use is spelled out where it is made, so that a reviewer sees it.

use super::users::User;
use super::{sessions, DbConnection, DbResult};
use crate::domain::role::Role;
use chrono::NaiveDateTime;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scope {
    reach: Reach,
    /// The team of the signed-in user, also when the reach is the whole organisation: what
    /// "my team" means on pages that list the user's own team (the contact form's jobseekers).
    home_team: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reach {
    Team(i64),
    Organisation,
}

impl Scope {
    /// The user of a live session and their scope: their own team; the organisation for
    /// admins. Team leads are team-scoped like coaches.
    pub fn of_session(
        conn: &mut DbConnection,
        token: &str,
        now: NaiveDateTime,
        policy: &crate::auth::sessions::SessionPolicy,
    ) -> DbResult<Option<(User, Scope)>> {
        Ok(sessions::user_of(conn, token, now, policy)?.map(|user| {
            let scope = Scope::signed_in(&user);
            (user, scope)
        }))
    }

    /// Only [`Scope::of_session`] calls this: a user loaded any other way gives no scope.
    fn signed_in(user: &User) -> Scope {
        Scope {
            reach: match user.role {
                Role::Admin => Reach::Organisation,
                Role::Coach | Role::TeamLead => Reach::Team(user.team_id),
            },
            home_team: Some(user.team_id),
        }
    }

    /// The retention run and the admin's "anonymise now": every closed profile, whichever team.
    pub fn organisation_for_privacy_job() -> Scope {
        Scope {
            reach: Reach::Organisation,
            home_team: None,
        }
    }

    /// The command line (and the demo or scale seeding it starts), run by whoever runs the
    /// server: the whole organisation.
    pub fn organisation_for_command_line() -> Scope {
        Scope {
            reach: Reach::Organisation,
            home_team: None,
        }
    }

    /// The team the scope is limited to; `None` for the whole organisation.
    pub fn team(&self) -> Option<i64> {
        match self.reach {
            Reach::Team(t) => Some(t),
            Reach::Organisation => None,
        }
    }

    pub fn is_organisation(&self) -> bool {
        self.reach == Reach::Organisation
    }

    /// Whether records of this team (a jobseeker's coach's team, a user's team) are in scope.
    pub fn includes_team(&self, team_id: i64) -> bool {
        match self.reach {
            Reach::Team(t) => t == team_id,
            Reach::Organisation => true,
        }
    }

    /// The signed-in user's own team only, also for an admin: for lists of "my team" (the
    /// jobseekers a contact can be for). The organisation-wide scopes of jobs stay as they are.
    pub fn own_team_only(self) -> Scope {
        match self.home_team {
            Some(t) => Scope {
                reach: Reach::Team(t),
                home_team: Some(t),
            },
            None => self,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn user(role: Role, team_id: i64) -> User {
        User {
            id: 1,
            email: "a@example.fi".into(),
            name: "A".into(),
            role,
            team_id,
            team_name: "T".into(),
            language: Lang::Fi,
            active: true,
        }
    }

    #[test]
    fn coaches_and_leads_reach_their_team_admins_everyone() {
        for role in [Role::Coach, Role::TeamLead] {
            let s = Scope::signed_in(&user(role, 7));
            assert_eq!(s.team(), Some(7));
            assert!(s.includes_team(7));
            assert!(!s.includes_team(8));
            assert!(!s.is_organisation());
        }
        let admin = Scope::signed_in(&user(Role::Admin, 7));
        assert!(admin.is_organisation());
        assert!(admin.includes_team(8));
        assert_eq!(admin.own_team_only().team(), Some(7));
        let job = Scope::organisation_for_privacy_job();
        assert!(job.includes_team(8));
        assert_eq!(job.own_team_only(), job);
    }

    /// Handlers and pages reach the whole organisation only through an admin's session: the
    /// privacy job's and the command line's scopes are not used in `src/web` or `src/views`.
    #[test]
    fn handlers_never_make_an_organisation_scope_themselves() {
        fn sources(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for entry in std::fs::read_dir(dir).expect("a source folder").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    sources(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    out.push(path);
                }
            }
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        for dir in ["web", "views"] {
            sources(&root.join(dir), &mut files);
        }
        assert!(files.len() > 20, "{files:?}");
        for file in files {
            let text = std::fs::read_to_string(&file).expect("a source file");
            assert!(
                !text.contains("Scope::organisation_for_"),
                "{}: a handler makes an organisation-wide scope",
                file.display()
            );
        }
    }
}
