//! Contact persons at employers, and the contact timeline.

use super::audit::{self, Change, Entry};
use super::employers;
use super::schema::{contact_persons, contacts, follow_ups, users};
use super::{DbConnection, DbResult};
use crate::domain::contact::ContactFields;
use crate::domain::employer::{stage_after_contact, Stage};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = contact_persons)]
pub struct ContactPerson {
    pub id: i64,
    pub employer_id: i64,
    pub name: String,
    pub role: String,
    pub phone: String,
    pub email: String,
    pub preferred_channel: Option<String>,
    pub notes: String,
    pub left_at: Option<NaiveDateTime>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
pub struct PersonForm {
    pub name: String,
    pub role: String,
    pub phone: String,
    pub email: String,
    pub preferred_channel: String,
    pub notes: String,
}

pub fn persons(conn: &mut DbConnection, employer_id: i64) -> DbResult<Vec<ContactPerson>> {
    Ok(contact_persons::table
        .filter(contact_persons::employer_id.eq(employer_id))
        .order((
            contact_persons::left_at.is_not_null().asc(),
            contact_persons::name.asc(),
        ))
        .select(ContactPerson::as_select())
        .load(conn)?)
}

pub fn person(conn: &mut DbConnection, id: i64) -> DbResult<Option<ContactPerson>> {
    Ok(contact_persons::table
        .find(id)
        .select(ContactPerson::as_select())
        .first(conn)
        .optional()?)
}

fn person_pairs(old: &PersonForm, new: &PersonForm) -> Vec<(&'static str, String, String)> {
    vec![
        ("name", old.name.clone(), new.name.clone()),
        ("role", old.role.clone(), new.role.clone()),
        ("phone", old.phone.clone(), new.phone.clone()),
        ("email", old.email.clone(), new.email.clone()),
        (
            "preferred_channel",
            old.preferred_channel.clone(),
            new.preferred_channel.clone(),
        ),
        ("notes", old.notes.clone(), new.notes.clone()),
    ]
}

impl ContactPerson {
    pub fn to_form(&self) -> PersonForm {
        PersonForm {
            name: self.name.clone(),
            role: self.role.clone(),
            phone: self.phone.clone(),
            email: self.email.clone(),
            preferred_channel: self.preferred_channel.clone().unwrap_or_default(),
            notes: self.notes.clone(),
        }
    }
}

/// Adds (`id` None) or edits a contact person; `form` is already checked.
pub fn save_person(
    conn: &mut DbConnection,
    employer_id: i64,
    id: Option<i64>,
    form: &PersonForm,
    user_id: i64,
    now: NaiveDateTime,
) -> DbResult<i64> {
    conn.write(|conn| {
        let channel = Some(form.preferred_channel.clone()).filter(|c| !c.is_empty());
        let (id, old, action) = match id {
            None => {
                let id: i64 = diesel::insert_into(contact_persons::table)
                    .values((
                        contact_persons::employer_id.eq(employer_id),
                        contact_persons::name.eq(&form.name),
                        contact_persons::role.eq(&form.role),
                        contact_persons::phone.eq(&form.phone),
                        contact_persons::email.eq(&form.email),
                        contact_persons::preferred_channel.eq(&channel),
                        contact_persons::notes.eq(&form.notes),
                        contact_persons::created_at.eq(now),
                        contact_persons::updated_at.eq(now),
                    ))
                    .returning(contact_persons::id)
                    .get_result(conn)?;
                (id, PersonForm::default(), "create")
            }
            Some(id) => {
                let old = person(conn, id)?.map(|p| p.to_form()).unwrap_or_default();
                diesel::update(contact_persons::table.find(id))
                    .set((
                        contact_persons::name.eq(&form.name),
                        contact_persons::role.eq(&form.role),
                        contact_persons::phone.eq(&form.phone),
                        contact_persons::email.eq(&form.email),
                        contact_persons::preferred_channel.eq(&channel),
                        contact_persons::notes.eq(&form.notes),
                        contact_persons::updated_at.eq(now),
                    ))
                    .execute(conn)?;
                (id, old, "update")
            }
        };
        let changes = audit::diff(&person_pairs(&old, form));
        audit::record(
            conn,
            &Entry {
                user_id: Some(user_id),
                entity: "contact_person",
                entity_id: id,
                employer_id: Some(employer_id),
                action,
            },
            &changes,
            now,
        )?;
        Ok(id)
    })
}

/// Marks a contact person as having left the company (kept, shown greyed), or back.
pub fn set_person_left(
    conn: &mut DbConnection,
    id: i64,
    left: bool,
    user_id: i64,
    now: NaiveDateTime,
) -> DbResult<Option<i64>> {
    conn.write(|conn| {
        let Some(p) = person(conn, id)? else {
            return Ok(None);
        };
        diesel::update(contact_persons::table.find(id))
            .set((
                contact_persons::left_at.eq(if left { Some(now) } else { None }),
                contact_persons::updated_at.eq(now),
            ))
            .execute(conn)?;
        audit::record(
            conn,
            &Entry {
                user_id: Some(user_id),
                entity: "contact_person",
                entity_id: id,
                employer_id: Some(p.employer_id),
                action: if left { "left" } else { "returned" },
            },
            &[],
            now,
        )?;
        Ok(Some(p.employer_id))
    })
}

pub struct Logged {
    pub contact_id: i64,
    pub follow_up_id: Option<i64>,
    pub stage_moved_to: Option<Stage>,
}

/// Logs a contact: the timeline entry, its next step as a follow-up for the coach, the stage
/// the outcome implies, and the employer's newest contact, all in one transaction.
pub fn log(
    conn: &mut DbConnection,
    employer_id: i64,
    coach_id: i64,
    fields: &ContactFields,
    occurred_at: NaiveDateTime,
    now: NaiveDateTime,
) -> DbResult<Logged> {
    conn.write(|conn| {
        employers::lock(conn, employer_id)?;
        let Some(employer) = employers::find(conn, employer_id)? else {
            return Err(super::DbError::Invalid(format!(
                "no employer {employer_id}"
            )));
        };
        let contact_id: i64 = diesel::insert_into(contacts::table)
            .values((
                contacts::employer_id.eq(employer_id),
                contacts::contact_person_id.eq(fields.contact_person_id),
                contacts::coach_id.eq(coach_id),
                contacts::occurred_at.eq(occurred_at),
                contacts::channel.eq(fields.channel.as_str()),
                contacts::purpose.eq(fields.purpose.map(|p| p.as_str())),
                contacts::client_specific.eq(fields.client_specific),
                contacts::jobseeker_id.eq(fields.jobseeker_id),
                contacts::outcome.eq(fields.outcome.as_str()),
                contacts::notes.eq(&fields.notes),
                contacts::created_at.eq(now),
                contacts::updated_at.eq(now),
            ))
            .returning(contacts::id)
            .get_result(conn)?;
        audit::record(
            conn,
            &Entry {
                user_id: Some(coach_id),
                entity: "contact",
                entity_id: contact_id,
                employer_id: Some(employer_id),
                action: "create",
            },
            &audit::diff(&[
                ("channel", String::new(), fields.channel.as_str().to_owned()),
                ("outcome", String::new(), fields.outcome.as_str().to_owned()),
                ("notes", String::new(), fields.notes.clone()),
            ]),
            now,
        )?;
        let follow_up_id = match &fields.next_step {
            Some(step) => Some(super::follow_ups::create(
                conn,
                employer_id,
                Some(contact_id),
                coach_id,
                coach_id,
                step.due_on,
                &step.what,
                now,
            )?),
            None => None,
        };
        let stage_moved_to = stage_after_contact(employer.stage(), fields.outcome);
        if let Some(to) = stage_moved_to {
            employers::set_stage(conn, employer_id, employer.stage(), to, coach_id, now)?;
        }
        employers::touch_last_contact(conn, employer_id)?;
        Ok(Logged {
            contact_id,
            follow_up_id,
            stage_moved_to,
        })
    })
}

#[derive(Debug, Clone)]
pub struct TimelineFollowUp {
    pub id: i64,
    pub what: String,
    pub due_on: NaiveDate,
    pub status: String,
    pub assignee_name: String,
    pub result_note: String,
    pub done_at: Option<NaiveDateTime>,
}

#[derive(Debug, Clone)]
pub struct TimelineEntry {
    pub id: i64,
    pub occurred_at: NaiveDateTime,
    pub coach_name: String,
    pub channel: String,
    pub purpose: Option<String>,
    pub client_specific: bool,
    pub outcome: String,
    pub notes: String,
    pub contact_person: Option<String>,
    pub follow_ups: Vec<TimelineFollowUp>,
}

type FollowUpRow = (
    Option<i64>,
    i64,
    String,
    NaiveDate,
    String,
    String,
    String,
    Option<NaiveDateTime>,
);

/// Every contact with the employer by anybody, newest first, each with the follow-ups it made.
/// `limit` keeps the page light for an employer with thousands of contacts.
pub fn timeline(
    conn: &mut DbConnection,
    employer_id: i64,
    limit: Option<i64>,
) -> DbResult<Vec<TimelineEntry>> {
    type Row = (
        i64,
        NaiveDateTime,
        String,
        String,
        Option<String>,
        bool,
        String,
        String,
        Option<String>,
    );
    let rows: Vec<Row> = contacts::table
        .inner_join(users::table)
        .left_join(contact_persons::table)
        .filter(contacts::employer_id.eq(employer_id))
        .order((contacts::occurred_at.desc(), contacts::id.desc()))
        .limit(limit.unwrap_or(i64::MAX))
        .select((
            contacts::id,
            contacts::occurred_at,
            users::name,
            contacts::channel,
            contacts::purpose,
            contacts::client_specific,
            contacts::outcome,
            contacts::notes,
            contact_persons::name.nullable(),
        ))
        .load(conn)?;
    let shown: Vec<i64> = rows.iter().map(|r| r.0).collect();
    let fus: Vec<FollowUpRow> = follow_ups::table
        .inner_join(users::table.on(users::id.eq(follow_ups::assignee_id)))
        .filter(follow_ups::employer_id.eq(employer_id))
        .filter(follow_ups::contact_id.eq_any(&shown))
        .select((
            follow_ups::contact_id,
            follow_ups::id,
            follow_ups::what,
            follow_ups::due_on,
            follow_ups::status,
            users::name,
            follow_ups::result_note,
            follow_ups::done_at,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(
                id,
                occurred_at,
                coach_name,
                channel,
                purpose,
                client_specific,
                outcome,
                notes,
                contact_person,
            )| TimelineEntry {
                id,
                occurred_at,
                coach_name,
                channel,
                purpose,
                client_specific,
                outcome,
                notes,
                contact_person,
                follow_ups: fus
                    .iter()
                    .filter(|f| f.0 == Some(id))
                    .map(|f| TimelineFollowUp {
                        id: f.1,
                        what: f.2.clone(),
                        due_on: f.3,
                        status: f.4.clone(),
                        assignee_name: f.5.clone(),
                        result_note: f.6.clone(),
                        done_at: f.7,
                    })
                    .collect(),
            },
        )
        .collect())
}

/// The newest contacts with the employer, for the quick log ("what happened before").
pub fn recent(
    conn: &mut DbConnection,
    employer_id: i64,
    limit: i64,
) -> DbResult<Vec<TimelineEntry>> {
    timeline(conn, employer_id, Some(limit))
}

pub fn count_for_employer(conn: &mut DbConnection, employer_id: i64) -> DbResult<i64> {
    Ok(contacts::table
        .filter(contacts::employer_id.eq(employer_id))
        .count()
        .get_result(conn)?)
}

pub fn stage_change(from: Stage, to: Stage) -> Change<'static> {
    Change {
        field: "stage",
        old: from.as_str().to_owned(),
        new: to.as_str().to_owned(),
    }
}

/// What an opening form pre-fills from the contact it was found on.
#[derive(Debug, Clone)]
pub struct ContactBrief {
    pub id: i64,
    pub employer_id: i64,
    pub outcome: String,
    pub notes: String,
}

pub fn brief(conn: &mut DbConnection, id: i64) -> DbResult<Option<ContactBrief>> {
    let row: Option<(i64, i64, String, String)> = contacts::table
        .find(id)
        .select((
            contacts::id,
            contacts::employer_id,
            contacts::outcome,
            contacts::notes,
        ))
        .first(conn)
        .optional()?;
    Ok(row.map(|(id, employer_id, outcome, notes)| ContactBrief {
        id,
        employer_id,
        outcome,
        notes,
    }))
}
