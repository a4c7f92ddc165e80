//! The employer register: list, create, show, edit (with conflict merge), archive, history.

use super::context::FlashKind;
use super::login::{already_saved, redirect_with_flash};
use super::profile::unprocessable;
use super::{AppState, Ctx, WebError};
use crate::db::employers::{self, ListFilter, Sort, UpdateOutcome};
use crate::db::idempotency::{self, IdempotencyKey, Once};
use crate::db::{self, audit, contacts, reference, users, DbConnection, DbError};
use crate::domain::employer::{self as rules, EmployerForm, FORM_FIELDS};
use crate::domain::merge::{merge_field, FieldMerge};
use crate::domain::role::Role;
use crate::domain::validation::FieldErrors;
use crate::i18n::Lang;
use crate::views;
use crate::views::employers::{Duplicate, FormOptions, ShowPage};
use actix_web::{web, HttpRequest, HttpResponse};
use maud::Markup;
use serde::Deserialize;

#[derive(Debug, Deserialize, Default, Clone)]
#[serde(default)]
pub struct ListQuery {
    pub q: String,
    pub industry: String,
    pub municipality: String,
    pub county: String,
    pub sector: String,
    pub stage: String,
    pub no_contact_90: String,
    pub open_follow_ups: String,
    pub lead: String,
    pub active_90: String,
    pub open_openings: String,
    pub placed_from: String,
    pub placed_to: String,
    pub team: String,
    pub archived: String,
    pub sort: String,
    pub page: String,
    /// `csv` or `xlsx`: every matching employer as a download.
    pub format: String,
}

impl ListQuery {
    /// The query as a filter; a section's code brings its divisions along.
    pub fn filter(&self, conn: &mut DbConnection) -> Result<ListFilter, DbError> {
        let industry_codes = match some(&self.industry) {
            Some(code) => reference::industry_codes_under(conn, &code)?,
            None => Vec::new(),
        };
        let date = |s: &str| crate::domain::fields::parse_date(s);
        Ok(ListFilter {
            q: self.q.clone(),
            industry_codes,
            municipality: some(&self.municipality),
            county: some(&self.county),
            sector: some(&self.sector),
            stage: some(&self.stage),
            no_contact_90: !self.no_contact_90.is_empty(),
            open_follow_ups: !self.open_follow_ups.is_empty(),
            lead_user_id: self.lead.trim().parse().ok(),
            active_90: !self.active_90.is_empty(),
            open_openings: !self.open_openings.is_empty(),
            placed: date(&self.placed_from).zip(date(&self.placed_to)),
            team_id: self.team.trim().parse().ok(),
            archived: !self.archived.is_empty(),
            sort: Sort::parse(&self.sort),
            page: self
                .page
                .trim()
                .parse::<i64>()
                .map(|p| p.max(1) - 1)
                .unwrap_or(0),
        })
    }
}

fn some(s: &str) -> Option<String> {
    Some(s.trim().to_owned()).filter(|v| !v.is_empty())
}

pub async fn list(
    req: HttpRequest,
    ctx: Ctx,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, WebError> {
    let q = query.into_inner();
    let q2 = q.clone();
    if let Some(format) = crate::export::Format::parse(&q.format) {
        let rows = state
            .db
            .run(move |conn| -> Result<_, DbError> {
                let filter = q2.filter(conn)?;
                employers::export(conn, &filter, db::now())
            })
            .await?;
        let table = views::employers::export_table(&ctx, &rows);
        return super::reports::download(format, "employers", &[table]);
    }
    // Team leads act on the listed employers as on the relationship report's lists.
    let actions = matches!(ctx.role(), Some(Role::TeamLead | Role::Admin)).then(|| {
        let query = req.query_string();
        views::employers::ListActions {
            back: if query.is_empty() {
                "/employers".to_owned()
            } else {
                format!("/employers?{query}")
            },
            ..Default::default()
        }
    });
    Ok(super::reports::html(
        list_page(&ctx, &state, q, actions.as_ref()).await?,
    ))
}

/// The employer list page for these filters, with a team lead's row actions if given.
pub async fn list_page(
    ctx: &Ctx,
    state: &AppState,
    q: ListQuery,
    actions: Option<&views::employers::ListActions>,
) -> Result<Markup, WebError> {
    let lang = ctx.lang;
    let scope = ctx.scope()?;
    let q2 = q.clone();
    let (items, total, options, people) = state
        .db
        .run(move |conn| -> Result<_, DbError> {
            let filter = q2.filter(conn)?;
            let (items, total) = employers::list(conn, &filter, db::now())?;
            Ok((
                items,
                total,
                load_options(conn, lang)?,
                users::active_people_in(conn, scope)?,
            ))
        })
        .await?;
    let actions = actions.map(|a| views::employers::ListActions {
        people,
        ..a.clone()
    });
    Ok(views::employers::list(
        ctx,
        &q,
        &items,
        total,
        &options,
        actions.as_ref(),
    ))
}

pub fn load_options(conn: &mut DbConnection, lang: Lang) -> Result<FormOptions, DbError> {
    Ok(FormOptions {
        municipalities: reference::municipalities(conn, lang)?,
        counties: reference::counties(conn, lang)?,
        industries: reference::industries(conn, lang)?,
        people: users::active_people(conn)?,
        teams: users::teams(conn)?
            .into_iter()
            .map(|t| (t.id, t.name))
            .collect(),
    })
}

pub async fn new_form(ctx: Ctx, state: web::Data<AppState>) -> Result<Markup, WebError> {
    let lang = ctx.lang;
    let options = state.db.run(move |conn| load_options(conn, lang)).await?;
    let form = EmployerForm {
        sector: "private".into(),
        stage: "prospect".into(),
        ..Default::default()
    };
    Ok(views::employers::form_page(
        &ctx,
        None,
        &form,
        &FieldErrors::default(),
        &options,
        &Duplicate::default(),
    ))
}

/// What the database says about a checked form: reference codes exist, the business ID is not
/// taken, and whether the name resembles another employer's in the municipality.
fn check_against_db(
    conn: &mut DbConnection,
    fields: &rules::EmployerFields,
    form: &EmployerForm,
    except: Option<i64>,
    errors: &mut FieldErrors,
    duplicate: &mut Duplicate,
) -> Result<(), DbError> {
    if !reference::municipality_exists(conn, &fields.municipality_code)? {
        errors.add("municipality_code", "employer-error-municipality");
    }
    if let Some(code) = &fields.industry_code {
        if !reference::industry_exists(conn, code)? {
            errors.add("industry_code", "employer-error-choice");
        }
    }
    if let Some(lead) = fields.lead_user_id {
        if !users::is_active(conn, lead)? {
            errors.add("lead_user_id", "employer-error-choice");
        }
    }
    if let Some(bid) = &fields.business_id {
        if let Some(existing) = employers::by_business_id(conn, bid.as_str(), except)? {
            errors.add("business_id", "employer-error-business-id-taken");
            duplicate.same_business_id = Some(existing);
        }
    }
    if form.confirm_similar.is_empty() {
        duplicate.resembling =
            employers::resembling(conn, &fields.name, &fields.municipality_code, except)?;
    }
    Ok(())
}

pub async fn create(
    req: HttpRequest,
    ctx: Ctx,
    state: web::Data<AppState>,
    form: web::Form<EmployerForm>,
    key: Option<IdempotencyKey>,
) -> Result<HttpResponse, WebError> {
    let user_id = ctx.user()?.id;
    let lang = ctx.lang;
    let form = form.into_inner();
    let typed = form.clone();
    let outcome = state
        .db
        .run(move |conn| {
            idempotency::create_once(
                conn,
                key.as_ref(),
                user_id,
                db::now(),
                |conn| -> Result<Result<String, (FieldErrors, Duplicate, FormOptions)>, DbError> {
                    let mut duplicate = Duplicate::default();
                    let mut errors = FieldErrors::default();
                    match rules::validate(&typed) {
                        Ok(fields) => {
                            check_against_db(
                                conn,
                                &fields,
                                &typed,
                                None,
                                &mut errors,
                                &mut duplicate,
                            )?;
                            if errors.is_empty() && duplicate.resembling.is_empty() {
                                let id = employers::insert(conn, &fields, user_id, db::now())?;
                                return Ok(Ok(format!("/employers/{id}")));
                            }
                        }
                        Err(e) => errors = e,
                    }
                    Ok(Err((errors, duplicate, load_options(conn, lang)?)))
                },
            )
        })
        .await?;
    match outcome {
        Once::Done(Ok(location)) => Ok(redirect_with_flash(
            &req,
            &state,
            &location,
            FlashKind::Success,
            "flash-employer-created",
        )),
        Once::Replayed(location) => Ok(already_saved(&req, &state, &location)),
        Once::Done(Err((errors, duplicate, options))) => Ok(unprocessable(
            views::employers::form_page(&ctx, None, &form, &errors, &options, &duplicate),
        )),
    }
}

/// How many contacts the employer page shows before "show all".
pub const TIMELINE_PAGE: i64 = 100;

async fn show_page(
    ctx: &Ctx,
    state: &AppState,
    id: i64,
    all: bool,
) -> Result<Option<ShowPage>, WebError> {
    let lang = ctx.lang;
    let scope = ctx.scope()?;
    Ok(state
        .db
        .run(move |conn| -> Result<Option<ShowPage>, DbError> {
            let Some(employer) = employers::find(conn, id)? else {
                return Ok(None);
            };
            Ok(Some(ShowPage {
                persons: contacts::persons(conn, id)?,
                timeline: contacts::timeline(conn, id, (!all).then_some(TIMELINE_PAGE))?,
                timeline_total: contacts::count_for_employer(conn, id)?,
                options: load_options(conn, lang)?,
                // "This contact was for": the user's own team's consenting jobseekers.
                jobseekers: db::jobseekers::consenting(conn, scope.own_team_only())?,
                openings: db::openings::list(
                    conn,
                    &db::openings::ListFilter {
                        employer_id: Some(id),
                        ..Default::default()
                    },
                )?
                .0,
                match_events: db::matches::employer_events(conn, scope, id)?,
                employer,
            }))
        })
        .await?)
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct ShowQuery {
    pub all: String,
}

pub async fn show(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    query: web::Query<ShowQuery>,
) -> Result<Markup, WebError> {
    let all = !query.all.is_empty();
    let page = show_page(&ctx, &state, path.into_inner(), all)
        .await?
        .ok_or(WebError::NotFound)?;
    Ok(views::employers::show(
        &ctx,
        &page,
        &Default::default(),
        &FieldErrors::default(),
    ))
}

/// The employer page again, with the contact form's errors and what was typed.
pub async fn show_with_contact_errors(
    ctx: &Ctx,
    state: &AppState,
    id: i64,
    typed: &crate::domain::contact::ContactForm,
    errors: &FieldErrors,
) -> Result<HttpResponse, WebError> {
    let page = show_page(ctx, state, id, false)
        .await?
        .ok_or(WebError::NotFound)?;
    Ok(unprocessable(views::employers::show(
        ctx, &page, typed, errors,
    )))
}

pub async fn edit_form(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<Markup, WebError> {
    let id = path.into_inner();
    let lang = ctx.lang;
    let (employer, options) = state
        .db
        .run(move |conn| -> Result<_, DbError> {
            Ok((employers::find(conn, id)?, load_options(conn, lang)?))
        })
        .await?;
    let employer = employer.ok_or(WebError::NotFound)?;
    let mut form = employer.to_form();
    form.base = form.snapshot();
    Ok(views::employers::form_page(
        &ctx,
        Some(id),
        &form,
        &FieldErrors::default(),
        &options,
        &Duplicate::default(),
    ))
}

enum Saved {
    Done,
    Invalid(FieldErrors, Duplicate, FormOptions),
    Conflict(Box<employers::Employer>, FormOptions),
}

pub async fn update(
    req: HttpRequest,
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    form: web::Form<EmployerForm>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    let user_id = ctx.user()?.id;
    let lang = ctx.lang;
    let mut form = form.into_inner();
    // Editing never asks about resembling names again: the employer exists already.
    form.confirm_similar = "1".into();
    let typed = form.clone();
    let expected_version: i64 = form
        .version
        .trim()
        .parse()
        .map_err(|_| WebError::BadRequest("version".into()))?;
    let saved = state
        .db
        .write(move |conn| -> Result<Option<Saved>, DbError> {
            let mut errors = FieldErrors::default();
            let mut duplicate = Duplicate::default();
            let fields = match rules::validate(&typed) {
                Ok(fields) => {
                    check_against_db(conn, &fields, &typed, Some(id), &mut errors, &mut duplicate)?;
                    Some(fields)
                }
                Err(e) => {
                    errors = e;
                    None
                }
            };
            let Some(fields) = fields.filter(|_| errors.is_empty()) else {
                return Ok(Some(Saved::Invalid(
                    errors,
                    duplicate,
                    load_options(conn, lang)?,
                )));
            };
            Ok(
                match employers::update(conn, id, expected_version, &fields, user_id, db::now())? {
                    UpdateOutcome::Updated => Some(Saved::Done),
                    UpdateOutcome::NotFound => None,
                    UpdateOutcome::Conflict(current) => {
                        Some(Saved::Conflict(current, load_options(conn, lang)?))
                    }
                },
            )
        })
        .await?;
    match saved.ok_or(WebError::NotFound)? {
        Saved::Done => Ok(redirect_with_flash(
            &req,
            &state,
            &format!("/employers/{id}"),
            FlashKind::Success,
            "flash-employer-saved",
        )),
        Saved::Invalid(errors, duplicate, options) => Ok(unprocessable(
            views::employers::form_page(&ctx, Some(id), &form, &errors, &options, &duplicate),
        )),
        Saved::Conflict(current, options) => {
            let theirs = current.to_form();
            let base = EmployerForm::from_snapshot(&form.base).unwrap_or_else(|| theirs.clone());
            let merged: Vec<(&'static str, FieldMerge)> = FORM_FIELDS
                .iter()
                .map(|f| (*f, merge_field(base.get(f), form.get(f), theirs.get(f))))
                .collect();
            Ok(HttpResponse::Conflict()
                .content_type("text/html; charset=utf-8")
                .body(
                    views::employers::conflict_page(&ctx, &current, &merged, &options)
                        .into_string(),
                ))
        }
    }
}

async fn set_archived(
    req: HttpRequest,
    ctx: Ctx,
    state: web::Data<AppState>,
    id: i64,
    archived: bool,
) -> Result<HttpResponse, WebError> {
    let user_id = ctx.user()?.id;
    let changed = state
        .db
        .run(move |conn| employers::set_archived(conn, id, archived, user_id, db::now()))
        .await?;
    if !changed {
        return Err(WebError::NotFound);
    }
    let message = if archived {
        "flash-employer-archived"
    } else {
        "flash-employer-restored"
    };
    Ok(redirect_with_flash(
        &req,
        &state,
        &format!("/employers/{id}"),
        FlashKind::Success,
        message,
    ))
}

pub async fn archive(
    req: HttpRequest,
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, WebError> {
    set_archived(req, ctx, state, path.into_inner(), true).await
}

pub async fn restore(
    req: HttpRequest,
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, WebError> {
    set_archived(req, ctx, state, path.into_inner(), false).await
}

pub async fn history(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<Markup, WebError> {
    let id = path.into_inner();
    let (employer, rows) = state
        .db
        .run(move |conn| -> Result<_, DbError> {
            Ok((
                employers::find(conn, id)?,
                audit::for_employer(conn, id, 500)?,
            ))
        })
        .await?;
    let employer = employer.ok_or(WebError::NotFound)?;
    Ok(views::employers::history(&ctx, &employer, &rows))
}
