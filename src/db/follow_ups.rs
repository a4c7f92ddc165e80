//! Follow-ups: promised next steps with a due date and an assignee.

use super::audit::{self, Change, Entry};
use super::schema::{employers, follow_ups, users};
use super::{DbConnection, DbResult};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

#[allow(clippy::too_many_arguments)]
pub fn create(
    conn: &mut DbConnection,
    employer_id: i64,
    contact_id: Option<i64>,
    assignee_id: i64,
    created_by: i64,
    due_on: NaiveDate,
    what: &str,
    now: NaiveDateTime,
) -> DbResult<i64> {
    let id: i64 = diesel::insert_into(follow_ups::table)
        .values((
            follow_ups::employer_id.eq(employer_id),
            follow_ups::contact_id.eq(contact_id),
            follow_ups::assignee_id.eq(assignee_id),
            follow_ups::created_by.eq(created_by),
            follow_ups::due_on.eq(due_on),
            follow_ups::what.eq(what),
            follow_ups::status.eq("open"),
            follow_ups::created_at.eq(now),
            follow_ups::updated_at.eq(now),
        ))
        .returning(follow_ups::id)
        .get_result(conn)?;
    audit::record(
        conn,
        &Entry {
            user_id: Some(created_by),
            entity: "follow_up",
            entity_id: id,
            employer_id: Some(employer_id),
            action: "create",
        },
        &[
            Change {
                field: "what",
                old: String::new(),
                new: what.to_owned(),
            },
            Change {
                field: "due_on",
                old: String::new(),
                new: due_on.to_string(),
            },
        ],
        now,
    )?;
    Ok(id)
}

#[derive(Debug, Clone)]
pub struct FollowUp {
    pub id: i64,
    pub employer_id: i64,
    pub employer_name: String,
    pub what: String,
    pub due_on: NaiveDate,
    pub status: String,
    pub assignee_id: i64,
    pub assignee_name: String,
}

type Row = (i64, i64, String, String, NaiveDate, String, i64, String);

/// The columns of [`Row`], selected the same way by every query here.
const COLUMNS: (
    follow_ups::id,
    follow_ups::employer_id,
    employers::name,
    follow_ups::what,
    follow_ups::due_on,
    follow_ups::status,
    follow_ups::assignee_id,
    users::name,
) = (
    follow_ups::id,
    follow_ups::employer_id,
    employers::name,
    follow_ups::what,
    follow_ups::due_on,
    follow_ups::status,
    follow_ups::assignee_id,
    users::name,
);

fn from_row(r: Row) -> FollowUp {
    FollowUp {
        id: r.0,
        employer_id: r.1,
        employer_name: r.2,
        what: r.3,
        due_on: r.4,
        status: r.5,
        assignee_id: r.6,
        assignee_name: r.7,
    }
}

pub enum Whose {
    User(i64),
    Team(i64),
}

/// Open (and snoozed) follow-ups of a user or of a team, soonest first.
pub fn open(conn: &mut DbConnection, whose: Whose) -> DbResult<Vec<FollowUp>> {
    let mut query = follow_ups::table
        .inner_join(employers::table)
        .inner_join(users::table.on(users::id.eq(follow_ups::assignee_id)))
        .filter(follow_ups::status.ne("done"))
        .into_boxed();
    query = match whose {
        Whose::User(id) => query.filter(follow_ups::assignee_id.eq(id)),
        Whose::Team(team) => query.filter(users::team_id.eq(team)),
    };
    Ok(query
        .order((follow_ups::due_on.asc(), follow_ups::id.asc()))
        .select(COLUMNS)
        .load::<Row>(conn)?
        .into_iter()
        .map(from_row)
        .collect())
}

pub fn find(conn: &mut DbConnection, id: i64) -> DbResult<Option<FollowUp>> {
    Ok(follow_ups::table
        .inner_join(employers::table)
        .inner_join(users::table.on(users::id.eq(follow_ups::assignee_id)))
        .filter(follow_ups::id.eq(id))
        .select(COLUMNS)
        .first::<Row>(conn)
        .optional()?
        .map(from_row))
}

fn entry(f: &FollowUp, user_id: i64, action: &'static str) -> Entry<'static> {
    Entry {
        user_id: Some(user_id),
        entity: "follow_up",
        entity_id: f.id,
        employer_id: Some(f.employer_id),
        action,
    }
}

/// Marks it done with an optional result note, which the timeline shows.
pub fn mark_done(
    conn: &mut DbConnection,
    f: &FollowUp,
    note: &str,
    user_id: i64,
    now: NaiveDateTime,
) -> DbResult<()> {
    conn.write(|conn| {
        diesel::update(follow_ups::table.find(f.id))
            .set((
                follow_ups::status.eq("done"),
                follow_ups::result_note.eq(note),
                follow_ups::done_at.eq(Some(now)),
                follow_ups::done_by.eq(Some(user_id)),
                follow_ups::updated_at.eq(now),
            ))
            .execute(conn)?;
        audit::record(
            conn,
            &entry(f, user_id, "done"),
            &audit::diff(&[
                ("status", f.status.clone(), "done".into()),
                ("result_note", String::new(), note.to_owned()),
            ]),
            now,
        )
    })
}

pub fn snooze(
    conn: &mut DbConnection,
    f: &FollowUp,
    until: NaiveDate,
    user_id: i64,
    now: NaiveDateTime,
) -> DbResult<()> {
    conn.write(|conn| {
        diesel::update(follow_ups::table.find(f.id))
            .set((
                follow_ups::status.eq("snoozed"),
                follow_ups::due_on.eq(until),
                follow_ups::updated_at.eq(now),
            ))
            .execute(conn)?;
        audit::record(
            conn,
            &entry(f, user_id, "snooze"),
            &audit::diff(&[("due_on", f.due_on.to_string(), until.to_string())]),
            now,
        )
    })
}

/// Gives the follow-up to `to`; when that is someone else than the one acting, the notice to
/// the new assignee is queued in the same transaction.
pub fn reassign(
    conn: &mut DbConnection,
    f: &FollowUp,
    to: i64,
    user_id: i64,
    now: NaiveDateTime,
    site: &crate::mail::Site,
) -> DbResult<()> {
    conn.write(|conn| {
        diesel::update(follow_ups::table.find(f.id))
            .set((
                follow_ups::assignee_id.eq(to),
                follow_ups::updated_at.eq(now),
            ))
            .execute(conn)?;
        audit::record(
            conn,
            &entry(f, user_id, "reassign"),
            &audit::diff(&[("assignee_id", f.assignee_id.to_string(), to.to_string())]),
            now,
        )?;
        if to != f.assignee_id {
            super::outbox::enqueue_assignment_notice(
                conn,
                site,
                to,
                user_id,
                &[f.id],
                &Default::default(),
                now,
            )?;
        }
        Ok(())
    })
}
