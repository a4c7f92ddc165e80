//! What a coach holds (open follow-ups, jobseekers, employers they lead, open matches) and
//! handing it all over in one transaction, written to the audit trail.

use super::audit::{self, Entry};
use super::schema::{employers, follow_ups, jobseekers, matches, openings};
use super::{users as user_store, DbConnection, DbError, DbResult, Scope};
use crate::domain::handover::{Kind, Plan};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

/// One held item, as the handover page lists it.
#[derive(Debug, Clone)]
pub struct Item {
    pub kind: Kind,
    pub id: i64,
    pub label: String,
    pub detail: String,
    pub employer_id: Option<i64>,
}

const OPEN_STAGES: [&str; 4] = ["suggested", "discussed", "introduced", "interview"];

/// What a user of the scope's teams holds; `None` for a user outside them (a team lead sees
/// only their own team's coaches).
pub fn holdings(
    conn: &mut DbConnection,
    scope: Scope,
    user_id: i64,
) -> DbResult<Option<Vec<Item>>> {
    if user_store::find_in(conn, scope, user_id)?.is_none() {
        return Ok(None);
    }
    held(conn, user_id).map(Some)
}

fn held(conn: &mut DbConnection, user_id: i64) -> DbResult<Vec<Item>> {
    let mut items = Vec::new();
    let fus: Vec<(i64, String, NaiveDate, i64, String)> = follow_ups::table
        .inner_join(employers::table)
        .filter(follow_ups::assignee_id.eq(user_id))
        .filter(follow_ups::status.ne("done"))
        .order((follow_ups::due_on.asc(), follow_ups::id.asc()))
        .select((
            follow_ups::id,
            follow_ups::what,
            follow_ups::due_on,
            employers::id,
            employers::name,
        ))
        .load(conn)?;
    items.extend(
        fus.into_iter()
            .map(|(id, what, due, employer_id, employer)| Item {
                kind: Kind::FollowUp,
                id,
                label: format!("{employer}: {what}"),
                detail: crate::format::date(due),
                employer_id: Some(employer_id),
            }),
    );
    let js: Vec<(i64, String, String)> = jobseekers::table
        .filter(jobseekers::coach_id.eq(user_id))
        .filter(jobseekers::status.ne("closed"))
        .order(jobseekers::display_name.asc())
        .select((jobseekers::id, jobseekers::display_name, jobseekers::status))
        .load(conn)?;
    items.extend(js.into_iter().map(|(id, name, status)| Item {
        kind: Kind::Jobseeker,
        id,
        label: name,
        detail: status,
        employer_id: None,
    }));
    let es: Vec<(i64, String)> = employers::table
        .filter(employers::lead_user_id.eq(user_id))
        .filter(employers::archived_at.is_null())
        .order(employers::sort_name.asc())
        .select((employers::id, employers::name))
        .load(conn)?;
    items.extend(es.into_iter().map(|(id, name)| Item {
        kind: Kind::Employer,
        id,
        label: name,
        detail: String::new(),
        employer_id: Some(id),
    }));
    let ms: Vec<(i64, String, String, i64)> = matches::table
        .inner_join(openings::table)
        .filter(matches::coach_id.eq(user_id))
        .filter(matches::stage.eq_any(OPEN_STAGES))
        .order(matches::id.asc())
        .select((
            matches::id,
            openings::title,
            matches::stage,
            openings::employer_id,
        ))
        .load(conn)?;
    items.extend(ms.into_iter().map(|(id, title, stage, employer_id)| Item {
        kind: Kind::Match,
        id,
        label: title,
        detail: stage,
        employer_id: Some(employer_id),
    }));
    Ok(items)
}

/// Whether the user still holds open items (a reason to hand over before deactivating). Only
/// the count is read, never the items.
pub fn holds_anything(conn: &mut DbConnection, user_id: i64) -> DbResult<bool> {
    Ok(!held(conn, user_id)?.is_empty())
}

/// Who received what, for the notices.
#[derive(Debug, Clone, Default)]
pub struct Received {
    pub to: i64,
    pub follow_ups: Vec<i64>,
    /// How many of the other kinds: the notice counts them and links to them, without names.
    pub also: crate::mail::compose::Also,
}

/// Carries out the plan in one transaction; each change is audited. Returns, per recipient,
/// what they received. `notify` runs inside the same transaction (the email notices). The
/// leaving user and every recipient must be in the scope's teams, the recipients active.
pub fn apply(
    conn: &mut DbConnection,
    scope: Scope,
    from: i64,
    plan: &Plan,
    by: i64,
    now: NaiveDateTime,
    notify: impl Fn(&mut DbConnection, &Received) -> DbResult<()>,
) -> DbResult<Vec<Received>> {
    conn.write(|conn| {
        if user_store::find_in(conn, scope, from)?.is_none() {
            return Err(DbError::Invalid(format!("user {from} is not in the scope")));
        }
        for &(_, _, to) in plan {
            if !user_store::is_active_in(conn, scope, to)? {
                return Err(DbError::Invalid(format!(
                    "user {to} is not an active colleague in the scope"
                )));
            }
        }
        let mut received: Vec<Received> = Vec::new();
        for &(kind, id, to) in plan {
            let (entity, field, employer_id, n) = match kind {
                Kind::FollowUp => {
                    let employer: Option<i64> = follow_ups::table
                        .find(id)
                        .select(follow_ups::employer_id)
                        .first(conn)
                        .optional()?;
                    let n = diesel::update(
                        follow_ups::table
                            .find(id)
                            .filter(follow_ups::assignee_id.eq(from)),
                    )
                    .set((
                        follow_ups::assignee_id.eq(to),
                        follow_ups::updated_at.eq(now),
                    ))
                    .execute(conn)?;
                    ("follow_up", "assignee_id", employer, n)
                }
                Kind::Jobseeker => {
                    let n = diesel::update(
                        jobseekers::table
                            .find(id)
                            .filter(jobseekers::coach_id.eq(from)),
                    )
                    .set((jobseekers::coach_id.eq(to), jobseekers::updated_at.eq(now)))
                    .execute(conn)?;
                    ("jobseeker", "coach_id", None, n)
                }
                Kind::Employer => {
                    let n = diesel::update(
                        employers::table
                            .find(id)
                            .filter(employers::lead_user_id.eq(from)),
                    )
                    .set((
                        employers::lead_user_id.eq(Some(to)),
                        employers::version.eq(employers::version + 1),
                        employers::updated_at.eq(now),
                    ))
                    .execute(conn)?;
                    ("employer", "lead_user_id", Some(id), n)
                }
                Kind::Match => {
                    let employer: Option<i64> = matches::table
                        .inner_join(openings::table)
                        .filter(matches::id.eq(id))
                        .select(openings::employer_id)
                        .first(conn)
                        .optional()?;
                    let n =
                        diesel::update(matches::table.find(id).filter(matches::coach_id.eq(from)))
                            .set((matches::coach_id.eq(to), matches::updated_at.eq(now)))
                            .execute(conn)?;
                    ("match", "coach_id", employer, n)
                }
            };
            // Someone else moved the item meanwhile: leave it where it is now.
            if n == 0 {
                continue;
            }
            audit::record(
                conn,
                &Entry {
                    user_id: Some(by),
                    entity,
                    entity_id: id,
                    employer_id,
                    action: "handover",
                },
                // The jobseeker's entry names only the coaches, never the person's data.
                &audit::diff(&[(field, from.to_string(), to.to_string())]),
                now,
            )?;
            let slot = match received.iter().position(|r| r.to == to) {
                Some(i) => i,
                None => {
                    received.push(Received {
                        to,
                        ..Default::default()
                    });
                    received.len() - 1
                }
            };
            match kind {
                Kind::FollowUp => received[slot].follow_ups.push(id),
                Kind::Jobseeker => received[slot].also.jobseekers += 1,
                Kind::Employer => received[slot].also.employers += 1,
                Kind::Match => received[slot].also.matches += 1,
            }
        }
        for r in &received {
            notify(conn, r)?;
        }
        Ok(received)
    })
}
