//! Jobseekers: the team's caseload, the privacy-minimal profile, ranked openings, and erasure.

use super::context::FlashKind;
use super::employers::load_options;
use super::forms::MultiForm;
use super::login::{already_saved, redirect_with_flash};
use super::profile::unprocessable;
use super::{AppState, Ctx, WebError};
use crate::db::idempotency::{self, IdempotencyKey, Once};
use crate::db::jobseekers::{self, ListFilter, Removal};
use crate::db::{self, matches, placements, ranking, reference, DbConnection, DbError, Scope};
use crate::domain::jobseeker::{self as rules, JobseekerForm};
use crate::domain::validation::FieldErrors;
use crate::views;
use crate::views::employers::FormOptions;
use actix_web::{web, HttpRequest, HttpResponse};
use maud::Markup;
use serde::Deserialize;

#[derive(Debug, Deserialize, Default, Clone)]
#[serde(default)]
pub struct ListQuery {
    pub status: String,
    pub coach: String,
    pub q: String,
}

pub async fn list(
    ctx: Ctx,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<Markup, WebError> {
    let scope = ctx.scope()?;
    let lang = ctx.lang;
    let q = query.into_inner();
    let filter = ListFilter {
        status: Some(q.status.trim().to_owned()).filter(|s| !s.is_empty() && s != "active"),
        coach_id: q.coach.trim().parse().ok(),
        q: q.q.clone(),
    };
    let (rows, options) = state
        .db
        .run(move |conn| -> Result<_, DbError> {
            Ok((
                jobseekers::list(conn, scope, &filter)?,
                load_options(conn, lang)?,
            ))
        })
        .await?;
    Ok(views::jobseekers::list(&ctx, &q, &rows, &options))
}

pub async fn new_form(ctx: Ctx, state: web::Data<AppState>) -> Result<Markup, WebError> {
    let lang = ctx.lang;
    let user_id = ctx.user()?.id;
    let options = state.db.run(move |conn| load_options(conn, lang)).await?;
    let today = crate::format::today_helsinki(db::now());
    let form = JobseekerForm {
        coach_id: user_id.to_string(),
        entered_on: today.to_string(),
        status: "job_search".into(),
        disclosure: "none".into(),
        travel: "own".into(),
        ..Default::default()
    };
    Ok(views::jobseekers::form_page(
        &ctx,
        None,
        &form,
        &FieldErrors::default(),
        &options,
    ))
}

/// The coach must be active and in the saver's scope (their team; anyone for an admin); the
/// codes exist.
fn check_against_db(
    conn: &mut DbConnection,
    fields: &rules::JobseekerFields,
    scope: Scope,
    errors: &mut FieldErrors,
) -> Result<(), DbError> {
    if !db::users::is_active_in(conn, scope, fields.coach_id)? {
        errors.add("coach_id", "employer-error-choice");
    }
    for code in &fields.municipalities {
        if !reference::municipality_exists(conn, code)? {
            errors.add("municipalities", "employer-error-choice");
            break;
        }
    }
    for code in fields
        .wanted_industries
        .iter()
        .chain(&fields.avoided_industries)
    {
        if !reference::industry_exists(conn, code)? {
            errors.add("wanted_industries", "employer-error-choice");
            break;
        }
    }
    Ok(())
}

enum Outcome {
    Saved(i64),
    Invalid(FieldErrors, FormOptions),
    NotFound,
}

async fn save(
    req: &HttpRequest,
    ctx: &Ctx,
    state: &web::Data<AppState>,
    id: Option<i64>,
    form: JobseekerForm,
    key: Option<IdempotencyKey>,
) -> Result<HttpResponse, WebError> {
    let user_id = ctx.user()?.id;
    let scope = ctx.scope()?;
    let lang = ctx.lang;
    let typed = form.clone();
    let today = crate::format::today_helsinki(db::now());
    let body = move |conn: &mut DbConnection| -> Result<Outcome, DbError> {
        if let Some(id) = id {
            let visible = jobseekers::find(conn, scope, id)?;
            if visible.is_none_or(|j| j.anonymised_at.is_some()) {
                return Ok(Outcome::NotFound);
            }
        }
        let mut errors = FieldErrors::default();
        match rules::validate(&typed, today) {
            Ok(fields) => {
                check_against_db(conn, &fields, scope, &mut errors)?;
                if errors.is_empty() {
                    return Ok(match id {
                        None => {
                            Outcome::Saved(jobseekers::insert(conn, &fields, user_id, db::now())?)
                        }
                        Some(id) => {
                            if jobseekers::update(conn, scope, id, &fields, user_id, db::now())? {
                                Outcome::Saved(id)
                            } else {
                                Outcome::NotFound
                            }
                        }
                    });
                }
            }
            Err(e) => errors = e,
        }
        Ok(Outcome::Invalid(errors, load_options(conn, lang)?))
    };
    let outcome = state
        .db
        .run(move |conn| {
            idempotency::once(conn, key.as_ref(), user_id, db::now(), |conn| {
                let outcome = body(conn)?;
                let location = match &outcome {
                    Outcome::Saved(saved) => Some(format!("/jobseekers/{saved}")),
                    _ => None,
                };
                Ok((outcome, location))
            })
        })
        .await?;
    let outcome = match outcome {
        Once::Done(outcome) => outcome,
        Once::Replayed(location) => return Ok(already_saved(req, state, &location)),
    };
    match outcome {
        Outcome::Saved(saved) => Ok(redirect_with_flash(
            req,
            state,
            &format!("/jobseekers/{saved}"),
            FlashKind::Success,
            if id.is_some() {
                "flash-jobseeker-saved"
            } else {
                "flash-jobseeker-created"
            },
        )),
        Outcome::Invalid(errors, options) => Ok(unprocessable(views::jobseekers::form_page(
            ctx, id, &form, &errors, &options,
        ))),
        Outcome::NotFound => Err(WebError::NotFound),
    }
}

pub async fn create(
    req: HttpRequest,
    ctx: Ctx,
    state: web::Data<AppState>,
    form: MultiForm<JobseekerForm>,
    key: Option<IdempotencyKey>,
) -> Result<HttpResponse, WebError> {
    save(&req, &ctx, &state, None, form.into_inner(), key).await
}

pub async fn update(
    req: HttpRequest,
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    form: MultiForm<JobseekerForm>,
) -> Result<HttpResponse, WebError> {
    save(
        &req,
        &ctx,
        &state,
        Some(path.into_inner()),
        form.into_inner(),
        None,
    )
    .await
}

pub async fn edit_form(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<Markup, WebError> {
    let id = path.into_inner();
    let scope = ctx.scope()?;
    let lang = ctx.lang;
    let (js, options) = state
        .db
        .run(move |conn| -> Result<_, DbError> {
            Ok((
                jobseekers::find(conn, scope, id)?,
                load_options(conn, lang)?,
            ))
        })
        .await?;
    let js = js
        .filter(|j| j.anonymised_at.is_none())
        .ok_or(WebError::NotFound)?;
    Ok(views::jobseekers::form_page(
        &ctx,
        Some(id),
        &js.to_form(),
        &FieldErrors::default(),
        &options,
    ))
}

pub async fn show(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<Markup, WebError> {
    let id = path.into_inner();
    let scope = ctx.scope()?;
    let lang = ctx.lang;
    let today = crate::format::today_helsinki(db::now());
    let page = state
        .db
        .run(move |conn| -> Result<_, DbError> {
            let Some(js) = jobseekers::find(conn, scope, id)? else {
                return Ok(None);
            };
            let coach = db::users::find(conn, js.coach_id)?
                .map(|u| u.name)
                .unwrap_or_default();
            let contacts = jobseekers::contacts_on_behalf(conn, scope, id)?;
            let match_rows = matches::list(
                conn,
                scope,
                &matches::MatchFilter {
                    jobseeker_id: Some(id),
                    ..Default::default()
                },
            )?;
            let placement_rows = placements::list(
                conn,
                scope,
                &placements::PlacementFilter {
                    jobseeker_id: Some(id),
                    ..Default::default()
                },
                today,
            )?;
            let ranked = if js.status() == crate::domain::jobs::JobseekerStatus::JobSearch {
                ranking::openings_for(conn, &js, 20)?
            } else {
                Vec::new()
            };
            Ok(Some(views::jobseekers::ShowPage {
                jobseeker: js,
                coach_name: coach,
                contacts,
                matches: match_rows,
                placements: placement_rows,
                ranked,
                options: load_options(conn, lang)?,
            }))
        })
        .await?;
    let page = page.ok_or(WebError::NotFound)?;
    Ok(views::jobseekers::show(&ctx, &page))
}

/// Erasure on request (admins): the same result as the retention period, at once.
pub async fn erase(
    req: HttpRequest,
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    let user_id = ctx.user()?.id;
    let scope = ctx.scope()?;
    let done = state
        .db
        .run(move |conn| {
            jobseekers::anonymise(conn, scope, id, Removal::Erasure, Some(user_id), db::now())
        })
        .await?;
    if !done {
        return Err(WebError::NotFound);
    }
    Ok(redirect_with_flash(
        &req,
        &state,
        &format!("/jobseekers/{id}"),
        FlashKind::Success,
        "flash-jobseeker-erased",
    ))
}
