//! What reminder mail needs from the register: recipients with their digest preference, and
//! follow-ups with their employer and the employer's newest contact, each in a few queries.

use super::schema::{contacts, employers, follow_ups, users};
use super::{DbConnection, DbResult};
use crate::domain::digest::DigestPreference;
use crate::i18n::Lang;
use crate::mail::compose::{Item, LastContact, Recipient};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use std::collections::HashMap;

type ItemRow = (i64, i64, i64, String, String, NaiveDate, Option<i64>);

fn item_columns() -> (
    follow_ups::id,
    follow_ups::assignee_id,
    follow_ups::employer_id,
    employers::name,
    follow_ups::what,
    follow_ups::due_on,
    employers::last_contact_id,
) {
    (
        follow_ups::id,
        follow_ups::assignee_id,
        follow_ups::employer_id,
        employers::name,
        follow_ups::what,
        follow_ups::due_on,
        employers::last_contact_id,
    )
}

/// The newest contacts by id, with the coach's name; one query for any number.
fn last_contacts(conn: &mut DbConnection, ids: Vec<i64>) -> DbResult<HashMap<i64, LastContact>> {
    let mut found = HashMap::new();
    for chunk in ids.chunks(500) {
        let rows: Vec<(i64, NaiveDateTime, String, String, String)> = contacts::table
            .inner_join(users::table)
            .filter(contacts::id.eq_any(chunk))
            .select((
                contacts::id,
                contacts::occurred_at,
                contacts::channel,
                contacts::outcome,
                users::name,
            ))
            .load(conn)?;
        for (id, at, channel, outcome, coach) in rows {
            found.insert(
                id,
                LastContact {
                    at,
                    channel,
                    outcome,
                    coach,
                },
            );
        }
    }
    Ok(found)
}

fn with_contacts(conn: &mut DbConnection, rows: Vec<ItemRow>) -> DbResult<Vec<(i64, Item)>> {
    let mut ids: Vec<i64> = rows.iter().filter_map(|r| r.6).collect();
    ids.sort_unstable();
    ids.dedup();
    let contacts = last_contacts(conn, ids)?;
    Ok(rows
        .into_iter()
        .map(
            |(id, assignee, employer_id, employer, what, due_on, last)| {
                let last_contact = last.and_then(|c| contacts.get(&c).cloned());
                (
                    assignee,
                    Item {
                        follow_up_id: id,
                        employer_id,
                        employer,
                        what,
                        due_on,
                        last_contact,
                    },
                )
            },
        )
        .collect())
}

/// Open and snoozed follow-ups due on or before `until`, with their assignee, oldest first.
pub fn due_until(conn: &mut DbConnection, until: NaiveDate) -> DbResult<Vec<(i64, Item)>> {
    let rows: Vec<ItemRow> = follow_ups::table
        .inner_join(employers::table)
        .filter(follow_ups::status.ne("done"))
        .filter(follow_ups::due_on.le(until))
        .order((follow_ups::due_on.asc(), follow_ups::id.asc()))
        .select(item_columns())
        .load(conn)?;
    with_contacts(conn, rows)
}

/// These follow-ups, in the order given.
pub fn items(conn: &mut DbConnection, ids: &[i64]) -> DbResult<Vec<Item>> {
    let mut rows: Vec<ItemRow> = Vec::new();
    for chunk in ids.chunks(500) {
        rows.extend(
            follow_ups::table
                .inner_join(employers::table)
                .filter(follow_ups::id.eq_any(chunk))
                .select(item_columns())
                .load::<ItemRow>(conn)?,
        );
    }
    let mut items: Vec<Item> = with_contacts(conn, rows)?
        .into_iter()
        .map(|(_, i)| i)
        .collect();
    items.sort_by_key(|i| ids.iter().position(|id| *id == i.follow_up_id));
    Ok(items)
}

/// Active users who want a digest, with their preference.
pub fn digest_recipients(conn: &mut DbConnection) -> DbResult<Vec<(Recipient, DigestPreference)>> {
    let rows: Vec<(i64, String, String, String, String)> = users::table
        .filter(users::active.eq(true))
        .filter(users::digest.ne(DigestPreference::Off.as_str()))
        .select((
            users::id,
            users::name,
            users::email,
            users::language,
            users::digest,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(user_id, name, email, language, digest)| {
            (
                Recipient {
                    user_id,
                    name,
                    email,
                    lang: Lang::parse(&language).unwrap_or_default(),
                },
                DigestPreference::parse(&digest).unwrap_or(DigestPreference::All),
            )
        })
        .collect())
}

/// One user as a recipient, if active.
pub fn recipient(conn: &mut DbConnection, user_id: i64) -> DbResult<Option<Recipient>> {
    let row: Option<(i64, String, String, String)> = users::table
        .filter(users::id.eq(user_id))
        .filter(users::active.eq(true))
        .select((users::id, users::name, users::email, users::language))
        .first(conn)
        .optional()?;
    Ok(row.map(|(user_id, name, email, language)| Recipient {
        user_id,
        name,
        email,
        lang: Lang::parse(&language).unwrap_or_default(),
    }))
}

pub fn digest_preference(conn: &mut DbConnection, user_id: i64) -> DbResult<DigestPreference> {
    let value: Option<String> = users::table
        .find(user_id)
        .select(users::digest)
        .first(conn)
        .optional()?;
    Ok(value
        .as_deref()
        .and_then(DigestPreference::parse)
        .unwrap_or(DigestPreference::All))
}

pub fn set_digest_preference(
    conn: &mut DbConnection,
    user_id: i64,
    pref: DigestPreference,
) -> DbResult<()> {
    diesel::update(users::table.find(user_id))
        .set(users::digest.eq(pref.as_str()))
        .execute(conn)?;
    Ok(())
}

/// Notes that these follow-ups were in a reminder on `date`.
pub fn mark_reminded(conn: &mut DbConnection, ids: &[i64], date: NaiveDate) -> DbResult<()> {
    for chunk in ids.chunks(500) {
        diesel::update(follow_ups::table.filter(follow_ups::id.eq_any(chunk)))
            .set(follow_ups::last_reminded_on.eq(Some(date)))
            .execute(conn)?;
    }
    Ok(())
}
