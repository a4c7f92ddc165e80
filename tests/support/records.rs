//! The demo organisation's records of one team, by kind: what a route's `{id}` stands for.

use super::{Session, TestApp};
use diesel::prelude::*;
use verkosto::db::schema::{
    contact_persons, contacts, follow_ups, jobseekers, match_events, matches, outbox, placements,
    users,
};
use verkosto::db::{self, DbError};

/// The demo's sign-ins (password [`verkosto::seed::demo::DEMO_PASSWORD`]).
pub const VANTAA_COACH: &str = "maija.koutsi@demo.verkosto.fi";
pub const VANTAA_LEAD: &str = "timo.vetaja@demo.verkosto.fi";
pub const ADMIN: &str = "pirjo.admin@demo.verkosto.fi";

/// A session signed in as this demo user.
pub async fn sign_in(app: &TestApp, email: &str) -> Session {
    let s = app.session();
    let res = s.sign_in(email, verkosto::seed::demo::DEMO_PASSWORD).await;
    assert_eq!(res.status(), 303, "{email} signs in");
    s
}

/// Loads the demo organisation: two teams (Vantaa, Kerava), each with named jobseekers,
/// matches in every stage, placements and follow-ups.
pub async fn load_demo(app: &TestApp) {
    let loaded = app
        .db
        .run(verkosto::seed::demo::load)
        .await
        .expect("the demo loads");
    assert_eq!(
        loaded,
        verkosto::seed::demo::DemoLoad::Loaded,
        "a fresh database gets the demo"
    );
}

/// One team's records of every kind a route's id can name.
#[derive(Debug, Clone)]
pub struct TeamRecords {
    pub team: i64,
    /// A coach of the team who is not signed in during the tests.
    pub user: i64,
    /// Another coach of the team.
    pub colleague: i64,
    /// A searching jobseeker who consented to employer contacts, with an open match.
    pub jobseeker: i64,
    pub match_id: i64,
    pub opening: i64,
    /// The employer of a current placement of the team's.
    pub employer: i64,
    pub person: i64,
    pub placement: i64,
    /// An open follow-up of `user`.
    pub follow_up: i64,
    pub contact: i64,
    pub outbox: i64,
}

/// The team's records, picked from the demo; a contact person and an outbox message are made
/// where the demo has none. Every match move of the team gets a note naming the jobseeker, as
/// coaches write them.
pub async fn team_records(
    app: &TestApp,
    team: &'static str,
    user: &str,
    colleague: &str,
) -> TeamRecords {
    let (user, colleague) = (user.to_owned(), colleague.to_owned());
    let site = app.mail.site.clone();
    app.db
        .run(move |conn| -> Result<TeamRecords, DbError> {
            let team_id = verkosto::db::users::teams(conn)?
                .into_iter()
                .find(|t| t.name == team)
                .map(|t| t.id)
                .ok_or_else(|| DbError::Invalid(format!("no team {team}")))?;
            let id_of = |conn: &mut db::DbConnection, email: &str| -> Result<i64, DbError> {
                verkosto::db::users::id_by_email(conn, email)?
                    .ok_or_else(|| DbError::Invalid(format!("no user {email}")))
            };
            let user = id_of(conn, &user)?;
            let colleague = id_of(conn, &colleague)?;
            let team_users: Vec<i64> = users::table
                .filter(users::team_id.eq(team_id))
                .select(users::id)
                .load(conn)?;
            let (match_id, jobseeker, opening): (i64, i64, i64) = matches::table
                .inner_join(jobseekers::table)
                .filter(jobseekers::coach_id.eq_any(&team_users))
                .filter(jobseekers::status.eq("job_search"))
                .filter(jobseekers::consent_employer_contact.eq(true))
                .filter(matches::stage.eq_any(["suggested", "discussed", "introduced"]))
                .order(matches::id.asc())
                .select((matches::id, matches::jobseeker_id, matches::opening_id))
                .first(conn)?;
            let (placement, employer): (i64, i64) = placements::table
                .inner_join(jobseekers::table)
                .filter(jobseekers::coach_id.eq_any(&team_users))
                .filter(placements::ends_on.is_null())
                .order(placements::id.asc())
                .select((placements::id, placements::employer_id))
                .first(conn)?;
            let person: Option<i64> = contact_persons::table
                .filter(contact_persons::employer_id.eq(employer))
                .select(contact_persons::id)
                .first(conn)
                .optional()?;
            let person = match person {
                Some(p) => p,
                None => {
                    let form = verkosto::db::contacts::PersonForm {
                        name: "Esimies Rajatesti".into(),
                        ..Default::default()
                    };
                    verkosto::db::contacts::save_person(
                        conn,
                        employer,
                        None,
                        &form,
                        colleague,
                        db::now(),
                    )?
                }
            };
            let follow_up: i64 = follow_ups::table
                .filter(follow_ups::assignee_id.eq(user))
                .filter(follow_ups::status.ne("done"))
                .order(follow_ups::id.asc())
                .select(follow_ups::id)
                .first(conn)?;
            let contact: i64 = contacts::table
                .filter(contacts::coach_id.eq_any(&team_users))
                .order(contacts::id.asc())
                .select(contacts::id)
                .first(conn)?;
            verkosto::db::outbox::enqueue_assignment_notice(
                conn,
                &site,
                user,
                colleague,
                &[follow_up],
                &Default::default(),
                db::now(),
            )?;
            let outbox: i64 = outbox::table
                .filter(outbox::user_id.eq(user))
                .order(outbox::id.desc())
                .select(outbox::id)
                .first(conn)?;
            // Notes about the person on the team's match moves (shown on the employer's
            // timeline, which every team reads).
            let named: Vec<(i64, String)> = matches::table
                .inner_join(jobseekers::table)
                .filter(jobseekers::coach_id.eq_any(&team_users))
                .select((matches::id, jobseekers::display_name))
                .load(conn)?;
            for (m, name) in named {
                diesel::update(match_events::table.filter(match_events::match_id.eq(m)))
                    .set(match_events::note.eq(format!("Esittelin: {name}")))
                    .execute(conn)?;
            }
            Ok(TeamRecords {
                team: team_id,
                user,
                colleague,
                jobseeker,
                match_id,
                opening,
                employer,
                person,
                placement,
                follow_up,
                contact,
                outbox,
            })
        })
        .await
        .expect("the team's records")
}

/// A route pattern with each placeholder filled with the team's record of the right kind. A
/// pattern this does not know fails the test: a new route must say what its id is.
pub fn concrete(pattern: &str, r: &TeamRecords) -> String {
    let id = if pattern.starts_with("/employers/{id}") {
        r.employer
    } else if pattern.starts_with("/follow-ups/{id}") {
        r.follow_up
    } else if pattern.starts_with("/openings/{id}") {
        r.opening
    } else if pattern.starts_with("/jobseekers/{id}") {
        r.jobseeker
    } else if pattern.starts_with("/matches/{id}") {
        r.match_id
    } else if pattern.starts_with("/placements/{id}") {
        r.placement
    } else if pattern.starts_with("/admin/users/{id}") {
        r.colleague
    } else if pattern.starts_with("/admin/outbox/{id}") {
        r.outbox
    } else {
        assert!(
            !pattern.contains("{id}"),
            "{pattern}: say which kind of record its {{id}} is (tests/support/records.rs)"
        );
        0
    };
    let path = pattern
        .replace("{id}", &id.to_string())
        .replace("{person_id}", &r.person.to_string())
        .replace("{file}", "style.css");
    assert!(
        !path.contains('{'),
        "{pattern}: an unknown placeholder (tests/support/records.rs)"
    );
    path
}
