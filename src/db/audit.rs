//! The audit trail: who changed which shared record, when, from what to what.

use super::schema::{audit_log, users};
use super::{DbConnection, DbResult};
use chrono::NaiveDateTime;
use diesel::prelude::*;

pub struct Change<'a> {
    pub field: &'a str,
    pub old: String,
    pub new: String,
}

/// The fields whose values differ, as changes.
pub fn diff<'a>(pairs: &[(&'a str, String, String)]) -> Vec<Change<'a>> {
    pairs
        .iter()
        .filter(|(_, old, new)| old != new)
        .map(|(field, old, new)| Change {
            field,
            old: old.clone(),
            new: new.clone(),
        })
        .collect()
}

pub struct Entry<'a> {
    pub user_id: Option<i64>,
    pub entity: &'a str,
    pub entity_id: i64,
    pub employer_id: Option<i64>,
    pub action: &'a str,
}

pub fn record(
    conn: &mut DbConnection,
    entry: &Entry<'_>,
    changes: &[Change<'_>],
    at: NaiveDateTime,
) -> DbResult<()> {
    if changes.is_empty() {
        diesel::insert_into(audit_log::table)
            .values((
                audit_log::at.eq(at),
                audit_log::user_id.eq(entry.user_id),
                audit_log::entity.eq(entry.entity),
                audit_log::entity_id.eq(entry.entity_id),
                audit_log::employer_id.eq(entry.employer_id),
                audit_log::action.eq(entry.action),
            ))
            .execute(conn)?;
        return Ok(());
    }
    for change in changes {
        diesel::insert_into(audit_log::table)
            .values((
                audit_log::at.eq(at),
                audit_log::user_id.eq(entry.user_id),
                audit_log::entity.eq(entry.entity),
                audit_log::entity_id.eq(entry.entity_id),
                audit_log::employer_id.eq(entry.employer_id),
                audit_log::action.eq(entry.action),
                audit_log::field.eq(change.field),
                audit_log::old_value.eq(&change.old),
                audit_log::new_value.eq(&change.new),
            ))
            .execute(conn)?;
    }
    Ok(())
}

#[derive(Debug, Clone)]
pub struct HistoryRow {
    pub at: NaiveDateTime,
    pub user_name: Option<String>,
    pub entity: String,
    pub entity_id: i64,
    pub action: String,
    pub field: Option<String>,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
}

/// Everything recorded about an employer and the records under it, newest first.
pub fn for_employer(
    conn: &mut DbConnection,
    employer_id: i64,
    limit: i64,
) -> DbResult<Vec<HistoryRow>> {
    let rows = audit_log::table
        .left_join(users::table.on(users::id.nullable().eq(audit_log::user_id)))
        .filter(audit_log::employer_id.eq(employer_id))
        .order((audit_log::at.desc(), audit_log::id.desc()))
        .limit(limit)
        .select((
            audit_log::at,
            users::name.nullable(),
            audit_log::entity,
            audit_log::entity_id,
            audit_log::action,
            audit_log::field,
            audit_log::old_value,
            audit_log::new_value,
        ))
        .load::<(
            NaiveDateTime,
            Option<String>,
            String,
            i64,
            String,
            Option<String>,
            Option<String>,
            Option<String>,
        )>(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(at, user_name, entity, entity_id, action, field, old_value, new_value)| HistoryRow {
                at,
                user_name,
                entity,
                entity_id,
                action,
                field,
                old_value,
                new_value,
            },
        )
        .collect())
}
