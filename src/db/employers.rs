//! Employers: the register list, one employer, creating, editing with a version check, archiving.

use super::audit::{self, Change, Entry};
use super::schema::{contacts, employers, follow_ups, municipalities, openings, placements, users};
use super::{DbConnection, DbResult};
use crate::domain::employer::{self, EmployerFields, EmployerForm, Stage};
use crate::domain::text::fold;
use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use diesel::prelude::*;

type Backend = <DbConnection as diesel::Connection>::Backend;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = employers)]
pub struct Employer {
    pub id: i64,
    pub business_id: Option<String>,
    pub name: String,
    pub other_names: String,
    pub industry_code: Option<String>,
    pub municipality_code: Option<String>,
    pub address: String,
    pub website: String,
    pub size_class: Option<String>,
    pub sector: String,
    pub stage: String,
    pub do_not_contact_reason: String,
    pub tags: String,
    pub notes: String,
    pub accommodations: String,
    pub lead_user_id: Option<i64>,
    pub last_contact_at: Option<NaiveDateTime>,
    pub archived_at: Option<NaiveDateTime>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl Employer {
    pub fn stage(&self) -> Stage {
        Stage::parse(&self.stage).unwrap_or(Stage::Prospect)
    }

    /// The employer as the edit form shows it.
    pub fn to_form(&self) -> EmployerForm {
        EmployerForm {
            name: self.name.clone(),
            other_names: self.other_names.clone(),
            business_id: self.business_id.clone().unwrap_or_default(),
            industry_code: self.industry_code.clone().unwrap_or_default(),
            municipality_code: self.municipality_code.clone().unwrap_or_default(),
            address: self.address.clone(),
            website: self.website.clone(),
            size_class: self.size_class.clone().unwrap_or_default(),
            sector: self.sector.clone(),
            stage: self.stage.clone(),
            do_not_contact_reason: self.do_not_contact_reason.clone(),
            tags: self.tags.clone(),
            notes: self.notes.clone(),
            accommodations: self.accommodations.clone(),
            lead_user_id: self.lead_user_id.map(|i| i.to_string()).unwrap_or_default(),
            version: self.version.to_string(),
            confirm_similar: String::new(),
            base: String::new(),
        }
    }
}

pub fn find(conn: &mut DbConnection, id: i64) -> DbResult<Option<Employer>> {
    Ok(employers::table
        .find(id)
        .select(Employer::as_select())
        .first(conn)
        .optional()?)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Name,
    LastContact,
    Stage,
}

impl Sort {
    pub fn parse(s: &str) -> Sort {
        match s {
            "last_contact" => Sort::LastContact,
            "stage" => Sort::Stage,
            _ => Sort::Name,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Name => "name",
            Sort::LastContact => "last_contact",
            Sort::Stage => "stage",
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    pub q: String,
    /// Industry codes to match (a section expands to its divisions); empty = any.
    pub industry_codes: Vec<String>,
    pub municipality: Option<String>,
    pub county: Option<String>,
    pub sector: Option<String>,
    pub stage: Option<String>,
    pub no_contact_90: bool,
    pub open_follow_ups: bool,
    pub lead_user_id: Option<i64>,
    /// Any contact in the last 90 days (by the team's coaches, when a team is given).
    pub active_90: bool,
    /// An open opening (found by the team's coaches, when a team is given).
    pub open_openings: bool,
    /// A placement starting in these days (by the team's coaches, when a team is given).
    pub placed: Option<(NaiveDate, NaiveDate)>,
    /// Narrows the three activity filters above to one team's coaches.
    pub team_id: Option<i64>,
    pub archived: bool,
    pub sort: Sort,
    pub page: i64,
}

pub const PAGE_SIZE: i64 = 50;

#[derive(Debug, Clone)]
pub struct LastContact {
    pub at: NaiveDateTime,
    pub coach_name: String,
    pub channel: String,
}

#[derive(Debug, Clone)]
pub struct NextFollowUp {
    pub due_on: NaiveDate,
    pub what: String,
}

#[derive(Debug, Clone)]
pub struct ListItem {
    pub id: i64,
    pub name: String,
    pub business_id: Option<String>,
    pub municipality: Option<String>,
    pub stage: Stage,
    pub last_contact: Option<LastContact>,
    pub next_follow_up: Option<NextFollowUp>,
}

/// `%word%` for LIKE, with LIKE's own wildcards escaped.
fn like_pattern(word: &str) -> String {
    let escaped = word
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

/// The employers the filter matches; the coverage report counts with the same query, so that
/// its numbers and the lists they link to agree.
pub fn filtered<'a>(f: &'a ListFilter, now: NaiveDateTime) -> employers::BoxedQuery<'a, Backend> {
    let mut query = employers::table.into_boxed();
    for word in employer::search_term(&f.q).split_whitespace() {
        query = query.filter(employers::search_text.like(like_pattern(word)).escape('\\'));
    }
    if !f.industry_codes.is_empty() {
        query = query.filter(employers::industry_code.eq_any(f.industry_codes.clone()));
    }
    if let Some(m) = &f.municipality {
        query = query.filter(employers::municipality_code.eq(m));
    }
    if let Some(c) = &f.county {
        query = query.filter(
            employers::municipality_code.eq_any(
                municipalities::table
                    .filter(municipalities::county_code.eq(c))
                    .select(municipalities::code.nullable()),
            ),
        );
    }
    if let Some(s) = &f.sector {
        query = query.filter(employers::sector.eq(s));
    }
    if let Some(s) = &f.stage {
        query = query.filter(employers::stage.eq(s));
    }
    if f.no_contact_90 {
        let cutoff = now - TimeDelta::days(90);
        query = query.filter(
            employers::last_contact_at
                .is_null()
                .or(employers::last_contact_at.lt(cutoff)),
        );
    }
    if f.open_follow_ups {
        query = query.filter(diesel::dsl::exists(
            follow_ups::table
                .filter(follow_ups::employer_id.eq(employers::id))
                .filter(follow_ups::status.ne("done")),
        ));
    }
    if let Some(lead) = f.lead_user_id {
        query = query.filter(employers::lead_user_id.eq(lead));
    }
    if f.active_90 {
        let cutoff = now - TimeDelta::days(crate::domain::coverage::ACTIVE_DAYS);
        query = match f.team_id {
            None => query.filter(employers::last_contact_at.ge(cutoff)),
            Some(team) => query.filter(
                employers::id.eq_any(
                    contacts::table
                        .filter(contacts::occurred_at.ge(cutoff))
                        .filter(
                            contacts::coach_id.eq_any(
                                users::table
                                    .filter(users::team_id.eq(team))
                                    .select(users::id),
                            ),
                        )
                        .select(contacts::employer_id),
                ),
            ),
        };
    }
    if f.open_openings {
        let open = openings::table.filter(openings::status.eq("open"));
        query = match f.team_id {
            None => query.filter(employers::id.eq_any(open.select(openings::employer_id))),
            Some(team) => query.filter(
                employers::id.eq_any(
                    open.filter(
                        openings::coach_id.eq_any(
                            users::table
                                .filter(users::team_id.eq(team))
                                .select(users::id),
                        ),
                    )
                    .select(openings::employer_id),
                ),
            ),
        };
    }
    if let Some((from, to)) = f.placed {
        let placed = placements::table
            .filter(placements::starts_on.ge(from))
            .filter(placements::starts_on.le(to));
        query = match f.team_id {
            None => query.filter(employers::id.eq_any(placed.select(placements::employer_id))),
            Some(team) => query.filter(
                employers::id.eq_any(
                    placed
                        .filter(
                            placements::coach_id.eq_any(
                                users::table
                                    .filter(users::team_id.eq(team))
                                    .select(users::id),
                            ),
                        )
                        .select(placements::employer_id),
                ),
            ),
        };
    }
    if f.archived {
        query.filter(employers::archived_at.is_not_null())
    } else {
        query.filter(employers::archived_at.is_null())
    }
}

type PageRow = (
    i64,
    String,
    Option<String>,
    Option<String>,
    String,
    Option<i64>,
);

fn sorted(
    query: employers::BoxedQuery<'_, Backend>,
    sort: Sort,
) -> employers::BoxedQuery<'_, Backend> {
    match sort {
        Sort::Name => query.order((employers::sort_name.asc(), employers::id.asc())),
        Sort::LastContact => query.order((
            employers::last_contact_at.is_null().asc(),
            employers::last_contact_at.desc(),
            employers::id.desc(),
        )),
        Sort::Stage => query.order((
            employers::stage.asc(),
            employers::sort_name.asc(),
            employers::id.asc(),
        )),
    }
}

/// One page of the register, with the total count; three queries whatever the page size.
pub fn list(
    conn: &mut DbConnection,
    f: &ListFilter,
    now: NaiveDateTime,
) -> DbResult<(Vec<ListItem>, i64)> {
    let total: i64 = filtered(f, now).count().get_result(conn)?;
    let rows: Vec<PageRow> = sorted(filtered(f, now), f.sort)
        .select((
            employers::id,
            employers::name,
            employers::business_id,
            employers::municipality_code,
            employers::stage,
            employers::last_contact_id,
        ))
        .limit(PAGE_SIZE)
        .offset(f.page.max(0) * PAGE_SIZE)
        .load(conn)?;

    let contact_ids: Vec<i64> = rows.iter().filter_map(|r| r.5).collect();
    let last: Vec<(i64, NaiveDateTime, String, String)> = contacts::table
        .inner_join(users::table)
        .filter(contacts::id.eq_any(&contact_ids))
        .select((
            contacts::id,
            contacts::occurred_at,
            users::name,
            contacts::channel,
        ))
        .load(conn)?;
    let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
    let next: Vec<(i64, NaiveDate, String)> = follow_ups::table
        .filter(follow_ups::employer_id.eq_any(&ids))
        .filter(follow_ups::status.ne("done"))
        .order((follow_ups::due_on.asc(), follow_ups::id.asc()))
        .select((
            follow_ups::employer_id,
            follow_ups::due_on,
            follow_ups::what,
        ))
        .load(conn)?;
    let codes: Vec<String> = rows.iter().filter_map(|r| r.3.clone()).collect();
    let names: Vec<(String, String)> = municipalities::table
        .filter(municipalities::code.eq_any(&codes))
        .select((municipalities::code, municipalities::name_fi))
        .load(conn)?;

    let items = rows
        .into_iter()
        .map(
            |(id, name, business_id, municipality_code, stage, last_contact_id)| ListItem {
                id,
                name,
                business_id,
                municipality: municipality_code.and_then(|c| {
                    names
                        .iter()
                        .find(|(code, _)| *code == c)
                        .map(|(_, n)| n.clone())
                }),
                stage: Stage::parse(&stage).unwrap_or(Stage::Prospect),
                last_contact: last_contact_id.and_then(|cid| {
                    last.iter().find(|l| l.0 == cid).map(|l| LastContact {
                        at: l.1,
                        coach_name: l.2.clone(),
                        channel: l.3.clone(),
                    })
                }),
                next_follow_up: next.iter().find(|n| n.0 == id).map(|n| NextFollowUp {
                    due_on: n.1,
                    what: n.2.clone(),
                }),
            },
        )
        .collect();
    Ok((items, total))
}

/// Employers whose names start like `q` or contain it, for the quick log's picker.
pub fn suggest(
    conn: &mut DbConnection,
    q: &str,
    limit: i64,
) -> DbResult<Vec<(i64, String, Option<String>)>> {
    let term = employer::search_term(q);
    if term.chars().count() < 2 {
        return Ok(Vec::new());
    }
    let mut query = employers::table
        .left_join(municipalities::table)
        .filter(employers::archived_at.is_null())
        .into_boxed();
    for word in term.split_whitespace() {
        query = query.filter(employers::search_text.like(like_pattern(word)).escape('\\'));
    }
    Ok(query
        .order((employers::sort_name.asc(), employers::id.asc()))
        .limit(limit)
        .select((
            employers::id,
            employers::name,
            municipalities::name_fi.nullable(),
        ))
        .load(conn)?)
}

/// The employer that already has this business ID, if any.
pub fn by_business_id(
    conn: &mut DbConnection,
    business_id: &str,
    except: Option<i64>,
) -> DbResult<Option<(i64, String)>> {
    let mut query = employers::table
        .filter(employers::business_id.eq(business_id))
        .into_boxed();
    if let Some(id) = except {
        query = query.filter(employers::id.ne(id));
    }
    Ok(query
        .select((employers::id, employers::name))
        .first(conn)
        .optional()?)
}

/// Employers in the municipality whose names resemble `name`.
pub fn resembling(
    conn: &mut DbConnection,
    name: &str,
    municipality: &str,
    except: Option<i64>,
) -> DbResult<Vec<(i64, String)>> {
    let candidates: Vec<(i64, String)> = employers::table
        .filter(employers::municipality_code.eq(municipality))
        .select((employers::id, employers::name))
        .load(conn)?;
    Ok(candidates
        .into_iter()
        .filter(|(id, other)| Some(*id) != except && employer::names_resemble(name, other))
        .take(5)
        .collect())
}

fn field_pairs(old: &EmployerForm, new: &EmployerForm) -> Vec<(&'static str, String, String)> {
    employer::FORM_FIELDS
        .iter()
        .map(|f| (*f, old.get(f).to_owned(), new.get(f).to_owned()))
        .collect()
}

/// The stored form of checked fields, for comparing with what is stored.
pub fn fields_to_form(f: &EmployerFields) -> EmployerForm {
    EmployerForm {
        name: f.name.clone(),
        other_names: f.other_names.clone(),
        business_id: f
            .business_id
            .as_ref()
            .map(|b| b.as_str().to_owned())
            .unwrap_or_default(),
        industry_code: f.industry_code.clone().unwrap_or_default(),
        municipality_code: f.municipality_code.clone(),
        address: f.address.clone(),
        website: f.website.clone(),
        size_class: f
            .size_class
            .map(|s| s.as_str().to_owned())
            .unwrap_or_default(),
        sector: f.sector.as_str().to_owned(),
        stage: f.stage.as_str().to_owned(),
        do_not_contact_reason: f.do_not_contact_reason.clone(),
        tags: f.tags.clone(),
        notes: f.notes.clone(),
        accommodations: f.accommodations.clone(),
        lead_user_id: f.lead_user_id.map(|i| i.to_string()).unwrap_or_default(),
        ..Default::default()
    }
}

pub fn insert(
    conn: &mut DbConnection,
    f: &EmployerFields,
    user_id: i64,
    now: NaiveDateTime,
) -> DbResult<i64> {
    conn.write(|conn| {
        let business_id = f.business_id.as_ref().map(|b| b.as_str().to_owned());
        let id: i64 = diesel::insert_into(employers::table)
            .values((
                employers::business_id.eq(&business_id),
                employers::name.eq(&f.name),
                employers::other_names.eq(&f.other_names),
                employers::search_text.eq(employer::search_text(
                    &f.name,
                    &f.other_names,
                    business_id.as_deref(),
                )),
                employers::sort_name.eq(fold(&f.name)),
                employers::industry_code_set.eq(f
                    .industry_code
                    .as_ref()
                    .map(|_| crate::seed::reference::TOL_2008)),
                employers::industry_code.eq(&f.industry_code),
                employers::municipality_code.eq(&f.municipality_code),
                employers::address.eq(&f.address),
                employers::website.eq(&f.website),
                employers::size_class.eq(f.size_class.map(|s| s.as_str())),
                employers::sector.eq(f.sector.as_str()),
                employers::stage.eq(f.stage.as_str()),
                employers::do_not_contact_reason.eq(&f.do_not_contact_reason),
                employers::tags.eq(&f.tags),
                employers::notes.eq(&f.notes),
                employers::accommodations.eq(&f.accommodations),
                employers::lead_user_id.eq(f.lead_user_id),
                employers::version.eq(1),
                employers::created_by.eq(Some(user_id)),
                employers::created_at.eq(now),
                employers::updated_at.eq(now),
            ))
            .returning(employers::id)
            .get_result(conn)?;
        let changes: Vec<Change> =
            audit::diff(&field_pairs(&EmployerForm::default(), &fields_to_form(f)));
        audit::record(
            conn,
            &Entry {
                user_id: Some(user_id),
                entity: "employer",
                entity_id: id,
                employer_id: Some(id),
                action: "create",
            },
            &changes,
            now,
        )?;
        Ok(id)
    })
}

pub enum UpdateOutcome {
    Updated,
    /// Someone saved in between: the stored employer as it is now.
    Conflict(Box<Employer>),
    NotFound,
}

/// Saves the fields if the employer is still at `expected_version`; records what changed.
pub fn update(
    conn: &mut DbConnection,
    id: i64,
    expected_version: i64,
    f: &EmployerFields,
    user_id: i64,
    now: NaiveDateTime,
) -> DbResult<UpdateOutcome> {
    conn.write(|conn| {
        let Some(current) = find(conn, id)? else {
            return Ok(UpdateOutcome::NotFound);
        };
        if current.version != expected_version {
            return Ok(UpdateOutcome::Conflict(Box::new(current)));
        }
        let business_id = f.business_id.as_ref().map(|b| b.as_str().to_owned());
        // The version in the WHERE clause makes the check and the write one step, even with
        // several app instances.
        let n = diesel::update(
            employers::table
                .filter(employers::id.eq(id))
                .filter(employers::version.eq(expected_version)),
        )
        .set((
            employers::business_id.eq(&business_id),
            employers::name.eq(&f.name),
            employers::other_names.eq(&f.other_names),
            employers::search_text.eq(employer::search_text(
                &f.name,
                &f.other_names,
                business_id.as_deref(),
            )),
            employers::sort_name.eq(fold(&f.name)),
            employers::industry_code_set.eq(f
                .industry_code
                .as_ref()
                .map(|_| crate::seed::reference::TOL_2008)),
            employers::industry_code.eq(&f.industry_code),
            employers::municipality_code.eq(&f.municipality_code),
            employers::address.eq(&f.address),
            employers::website.eq(&f.website),
            employers::size_class.eq(f.size_class.map(|s| s.as_str())),
            employers::sector.eq(f.sector.as_str()),
            employers::stage.eq(f.stage.as_str()),
            employers::do_not_contact_reason.eq(&f.do_not_contact_reason),
            employers::tags.eq(&f.tags),
            employers::notes.eq(&f.notes),
            employers::accommodations.eq(&f.accommodations),
            employers::lead_user_id.eq(f.lead_user_id),
            employers::version.eq(expected_version + 1),
            employers::updated_at.eq(now),
        ))
        .execute(conn)?;
        if n != 1 {
            return match find(conn, id)? {
                Some(now_stored) => Ok(UpdateOutcome::Conflict(Box::new(now_stored))),
                None => Ok(UpdateOutcome::NotFound),
            };
        }
        let changes = audit::diff(&field_pairs(&current.to_form(), &fields_to_form(f)));
        audit::record(
            conn,
            &Entry {
                user_id: Some(user_id),
                entity: "employer",
                entity_id: id,
                employer_id: Some(id),
                action: "update",
            },
            &changes,
            now,
        )?;
        Ok(UpdateOutcome::Updated)
    })
}

/// Moves the stage (by hand or because of a contact's outcome), bumping the version.
pub fn set_stage(
    conn: &mut DbConnection,
    id: i64,
    from: Stage,
    to: Stage,
    user_id: i64,
    now: NaiveDateTime,
) -> DbResult<()> {
    diesel::update(employers::table.find(id))
        .set((
            employers::stage.eq(to.as_str()),
            employers::version.eq(employers::version + 1),
            employers::updated_at.eq(now),
        ))
        .execute(conn)?;
    audit::record(
        conn,
        &Entry {
            user_id: Some(user_id),
            entity: "employer",
            entity_id: id,
            employer_id: Some(id),
            action: "update",
        },
        &[Change {
            field: "stage",
            old: from.as_str().to_owned(),
            new: to.as_str().to_owned(),
        }],
        now,
    )
}

/// Archives or restores; archived employers leave the register but are never deleted.
pub fn set_archived(
    conn: &mut DbConnection,
    id: i64,
    archived: bool,
    user_id: i64,
    now: NaiveDateTime,
) -> DbResult<bool> {
    conn.write(|conn| {
        let n = diesel::update(employers::table.find(id))
            .set((
                employers::archived_at.eq(if archived { Some(now) } else { None }),
                employers::version.eq(employers::version + 1),
                employers::updated_at.eq(now),
            ))
            .execute(conn)?;
        if n == 1 {
            audit::record(
                conn,
                &Entry {
                    user_id: Some(user_id),
                    entity: "employer",
                    entity_id: id,
                    employer_id: Some(id),
                    action: if archived { "archive" } else { "restore" },
                },
                &[],
                now,
            )?;
        }
        Ok(n == 1)
    })
}

/// Takes the employer's row lock for the rest of the caller's write transaction (on
/// PostgreSQL; SQLite's write transaction holds the whole database already), so that what the
/// transaction reads of the employer and its contacts stays true until it commits. Whether the
/// employer exists.
pub fn lock(conn: &mut DbConnection, id: i64) -> DbResult<bool> {
    Ok(diesel::update(employers::table.find(id))
        .set(employers::version.eq(employers::version))
        .execute(conn)?
        == 1)
}

/// Notes the newest contact on the employer, so the register can sort and filter by it, and who
/// holds the relationship: the coach of that contact and when anybody else last talked to the
/// employer (see migration 000008).
pub fn touch_last_contact(conn: &mut DbConnection, id: i64) -> DbResult<()> {
    // Lock the employer's row before reading its contacts: on PostgreSQL (READ COMMITTED) a
    // second coach's transaction waits here until the first commits, and its reads below then
    // see both contacts, so the cached newest contact can never end older than the newest.
    lock(conn, id)?;
    let newest: Option<(i64, NaiveDateTime, i64)> = contacts::table
        .filter(contacts::employer_id.eq(id))
        .order((contacts::occurred_at.desc(), contacts::id.desc()))
        .select((contacts::id, contacts::occurred_at, contacts::coach_id))
        .first(conn)
        .optional()?;
    let other_coach_contact_at: Option<NaiveDateTime> = match newest {
        Some((_, _, coach)) => contacts::table
            .filter(contacts::employer_id.eq(id))
            .filter(contacts::coach_id.ne(coach))
            .select(diesel::dsl::max(contacts::occurred_at))
            .first(conn)?,
        None => None,
    };
    diesel::update(employers::table.find(id))
        .set((
            employers::last_contact_id.eq(newest.map(|n| n.0)),
            employers::last_contact_at.eq(newest.map(|n| n.1)),
            employers::last_contact_coach_id.eq(newest.map(|n| n.2)),
            employers::other_coach_contact_at.eq(other_coach_contact_at),
        ))
        .execute(conn)?;
    Ok(())
}

/// An employer as the register's download lists it.
#[derive(Debug, Clone)]
pub struct ExportRow {
    pub name: String,
    pub business_id: Option<String>,
    pub industry_code: Option<String>,
    pub municipality: Option<String>,
    pub sector: String,
    pub stage: String,
    pub lead: Option<String>,
    pub last_contact_at: Option<NaiveDateTime>,
    pub last_contact_coach: Option<String>,
    pub next_follow_up: Option<NextFollowUp>,
}

type ExportDbRow = (
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
    String,
    Option<i64>,
    Option<NaiveDateTime>,
    Option<i64>,
    i64,
);

/// Every employer the filter matches, in the list's order, for a download.
pub fn export(
    conn: &mut DbConnection,
    f: &ListFilter,
    now: NaiveDateTime,
) -> DbResult<Vec<ExportRow>> {
    let rows: Vec<ExportDbRow> = sorted(filtered(f, now), f.sort)
        .select((
            employers::name,
            employers::business_id,
            employers::industry_code,
            employers::municipality_code,
            employers::sector,
            employers::stage,
            employers::lead_user_id,
            employers::last_contact_at,
            employers::last_contact_id,
            employers::id,
        ))
        .load(conn)?;
    let people: std::collections::HashMap<i64, String> = users::table
        .select((users::id, users::name))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect();
    let municipality_names: std::collections::HashMap<String, String> = municipalities::table
        .select((municipalities::code, municipalities::name_fi))
        .load::<(String, String)>(conn)?
        .into_iter()
        .collect();
    let mut coach_of_contact = std::collections::HashMap::new();
    let contact_ids: Vec<i64> = rows.iter().filter_map(|r| r.8).collect();
    for chunk in contact_ids.chunks(5000) {
        let found: Vec<(i64, i64)> = contacts::table
            .filter(contacts::id.eq_any(chunk))
            .select((contacts::id, contacts::coach_id))
            .load(conn)?;
        coach_of_contact.extend(found);
    }
    let mut next = std::collections::HashMap::new();
    let open: Vec<(i64, NaiveDate, String)> = follow_ups::table
        .filter(follow_ups::status.ne("done"))
        .order((follow_ups::due_on.desc(), follow_ups::id.desc()))
        .select((
            follow_ups::employer_id,
            follow_ups::due_on,
            follow_ups::what,
        ))
        .load(conn)?;
    for (employer_id, due_on, what) in open {
        // Soonest last, so it is the one kept.
        next.insert(employer_id, NextFollowUp { due_on, what });
    }
    Ok(rows
        .into_iter()
        .map(|r| ExportRow {
            name: r.0,
            business_id: r.1,
            industry_code: r.2,
            municipality: r
                .3
                .map(|c| municipality_names.get(&c).cloned().unwrap_or(c)),
            sector: r.4,
            stage: r.5,
            lead: r.6.and_then(|id| people.get(&id).cloned()),
            last_contact_at: r.7,
            last_contact_coach: r
                .8
                .and_then(|c| coach_of_contact.get(&c))
                .and_then(|id| people.get(id).cloned()),
            next_follow_up: next.remove(&r.9),
        })
        .collect())
}

/// Makes `lead` (or nobody) the employer's relationship lead, bumping the version and writing
/// the change to the audit trail; `false` when there is no such employer.
pub fn set_lead(
    conn: &mut DbConnection,
    id: i64,
    lead: Option<i64>,
    user_id: i64,
    now: NaiveDateTime,
) -> DbResult<bool> {
    conn.write(|conn| {
        let Some(current) = find(conn, id)? else {
            return Ok(false);
        };
        diesel::update(employers::table.find(id))
            .set((
                employers::lead_user_id.eq(lead),
                employers::version.eq(employers::version + 1),
                employers::updated_at.eq(now),
            ))
            .execute(conn)?;
        let changes = audit::diff(&[(
            "lead_user_id",
            current
                .lead_user_id
                .map(|i| i.to_string())
                .unwrap_or_default(),
            lead.map(|i| i.to_string()).unwrap_or_default(),
        )]);
        audit::record(
            conn,
            &Entry {
                user_id: Some(user_id),
                entity: "employer",
                entity_id: id,
                employer_id: Some(id),
                action: "update",
            },
            &changes,
            now,
        )?;
        Ok(true)
    })
}

#[cfg(test)]
mod tests {
    use super::like_pattern;

    #[test]
    fn like_wildcards_in_searches_are_literal() {
        assert_eq!(like_pattern("50%"), "%50\\%%");
        assert_eq!(like_pattern("a_b"), "%a\\_b%");
    }
}
