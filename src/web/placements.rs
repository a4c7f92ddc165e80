//! Placements: recording a hire (from a match or directly), the follow-along page, support
//! contacts, and ending a placement.

use super::context::FlashKind;
use super::forms::MultiForm;
use super::login::{already_saved, redirect_with_flash};
use super::profile::unprocessable;
use super::{AppState, Ctx, WebError};
use crate::db::idempotency::{self, IdempotencyKey, Once};
use crate::db::jobseekers;
use crate::db::placements::{self, PlacementFilter};
use crate::db::{self, employers, matches, openings, DbConnection, DbError, Scope};
use crate::domain::fields::parse_date;
use crate::domain::jobs::{EndReason, OpeningStatus, SupportChannel, WithWhom};
use crate::domain::placement::{self as rules, PlacementForm};
use crate::domain::validation::FieldErrors;
use crate::views;
use actix_web::{web, HttpRequest, HttpResponse};
use maud::Markup;
use serde::Deserialize;

pub async fn list(ctx: Ctx, state: web::Data<AppState>) -> Result<Markup, WebError> {
    let scope = ctx.scope()?;
    let filter = PlacementFilter::default();
    let today = crate::format::today_helsinki(db::now());
    let rows = state
        .db
        .run(move |conn| placements::list(conn, scope, &filter, today))
        .await?;
    Ok(views::placements::list(&ctx, &rows, today))
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct NewQuery {
    #[serde(rename = "match")]
    pub match_id: String,
    pub jobseeker: String,
    pub opening: String,
    pub employer: String,
    pub q: String,
}

/// The names the placement form shows for the ids it carries.
pub struct FormNames {
    pub jobseeker: String,
    pub employer: String,
    pub opening: Option<String>,
}

/// The names for the ids a form carries, also when the form comes back with errors: a jobseeker
/// only from the scope (another team's id sent in a form names nobody).
fn names(
    conn: &mut DbConnection,
    scope: Scope,
    form: &PlacementForm,
) -> Result<FormNames, DbError> {
    let id = |s: &str| s.trim().parse::<i64>().ok();
    let jobseeker = match id(&form.jobseeker_id) {
        Some(j) => jobseekers::find(conn, scope, j)?
            .map(|j| j.display_name)
            .unwrap_or_default(),
        None => String::new(),
    };
    let employer = match id(&form.employer_id) {
        Some(e) => employers::find(conn, e)?
            .map(|e| e.name)
            .unwrap_or_default(),
        None => String::new(),
    };
    let opening = match id(&form.opening_id) {
        Some(o) => openings::find(conn, o)?.map(|o| o.title),
        None => None,
    };
    Ok(FormNames {
        jobseeker,
        employer,
        opening,
    })
}

/// Pre-fills the form from the match (its opening and jobseeker) or from what the query names.
fn prefill(
    conn: &mut DbConnection,
    q: &NewQuery,
    scope: Scope,
) -> Result<Option<PlacementForm>, DbError> {
    let mut form = PlacementForm {
        competitive: "on".into(),
        starts_on: crate::format::today_helsinki(db::now()).to_string(),
        ..Default::default()
    };
    let mut jobseeker_id = q.jobseeker.trim().parse::<i64>().ok();
    let mut opening_id = q.opening.trim().parse::<i64>().ok();
    if let Ok(m) = q.match_id.trim().parse::<i64>() {
        let Some(m) = matches::find(conn, scope, m)? else {
            return Ok(None);
        };
        form.match_id = m.id.to_string();
        jobseeker_id = Some(m.jobseeker_id);
        opening_id = Some(m.opening_id);
    }
    if let Some(j) = jobseeker_id {
        let Some(js) = jobseekers::find(conn, scope, j)? else {
            return Ok(None);
        };
        form.jobseeker_id = js.id.to_string();
        form.disclosure = js.disclosure.clone();
    }
    if let Some(o) = opening_id.and_then(|o| openings::find(conn, o).transpose()) {
        let o = o?;
        form.opening_id = o.id.to_string();
        form.employer_id = o.employer_id.to_string();
        form.job_title = o.title.clone();
        form.occupation = o.occupation.clone();
        form.hours_per_week = o
            .hours_max
            .or(o.hours_min)
            .map(crate::format::hours)
            .unwrap_or_default();
        form.pay = o.pay.map(crate::format::money).unwrap_or_default();
        form.pay_unit = o.pay_unit.clone().unwrap_or_default();
        form.contract_type = o.contract_type.clone().unwrap_or_default();
    }
    if form.employer_id.is_empty() {
        if let Ok(e) = q.employer.trim().parse::<i64>() {
            if employers::find(conn, e)?.is_some() {
                form.employer_id = e.to_string();
            }
        }
    }
    Ok(Some(form))
}

pub async fn new_form(
    ctx: Ctx,
    state: web::Data<AppState>,
    query: web::Query<NewQuery>,
) -> Result<Markup, WebError> {
    let scope = ctx.scope()?;
    let q = query.into_inner();
    let search = q.q.clone();
    let page = state
        .db
        .run(move |conn| -> Result<_, DbError> {
            let Some(form) = prefill(conn, &q, scope)? else {
                return Ok(None);
            };
            let names = names(conn, scope, &form)?;
            let employers_found = if form.employer_id.is_empty() {
                employers::suggest(conn, &q.q, 20)?
            } else {
                Vec::new()
            };
            Ok(Some((form, names, employers_found)))
        })
        .await?;
    let (form, names, found) = page.ok_or(WebError::NotFound)?;
    if form.employer_id.is_empty() {
        return Ok(views::openings::choose_employer(
            &ctx,
            &ctx.t("placement-new"),
            "/placements/new",
            &[("jobseeker", form.jobseeker_id.clone())],
            &search,
            &found,
        ));
    }
    Ok(views::placements::form_page(
        &ctx,
        &form,
        &FieldErrors::default(),
        &names,
    ))
}

pub async fn create(
    req: HttpRequest,
    ctx: Ctx,
    state: web::Data<AppState>,
    form: MultiForm<PlacementForm>,
    key: Option<IdempotencyKey>,
) -> Result<HttpResponse, WebError> {
    let user_id = ctx.user()?.id;
    let scope = ctx.scope()?;
    let form = form.into_inner();
    let typed = form.clone();
    let body = move |conn: &mut DbConnection| -> Result<Result<String, (FieldErrors, FormNames)>, DbError> {
                let mut errors = FieldErrors::default();
                match rules::validate(&typed) {
                    Ok(fields) => {
                        // Concurrent hires of one opening or one jobseeker wait here for
                        // each other, so the checks below see what the first one wrote.
                        placements::lock_for_hire(conn, &fields)?;
                        if jobseekers::find(conn, scope, fields.jobseeker_id)?
                            .is_none_or(|j| j.anonymised_at.is_some())
                        {
                            errors.add("jobseeker_id", "employer-error-choice");
                        }
                        if employers::find(conn, fields.employer_id)?.is_none() {
                            errors.add("employer_id", "employer-error-choice");
                        }
                        if let Some(o) = fields.opening_id {
                            match openings::find(conn, o)? {
                                Some(o) if o.employer_id == fields.employer_id => {
                                    if o.status() == OpeningStatus::Filled {
                                        errors.add("opening_id", "placement-error-opening-filled");
                                    }
                                }
                                _ => errors.add("opening_id", "employer-error-choice"),
                            }
                        }
                        if let Some(m) = fields.match_id {
                            let ok = matches::find(conn, scope, m)?.is_some_and(|m| {
                                m.jobseeker_id == fields.jobseeker_id
                                    && Some(m.opening_id) == fields.opening_id
                                    && !m.stage().is_closed()
                            });
                            if placements::exists_for_match(conn, m)? {
                                errors.add("match_id", "placement-error-match-placed");
                            } else if !ok {
                                errors.add("match_id", "placement-error-match");
                            }
                        }
                        if errors.is_empty() {
                            let hired =
                                placements::create(conn, scope, &fields, user_id, db::now())?;
                            return Ok(Ok(format!("/placements/{}", hired.placement_id)));
                        }
                    }
                    Err(e) => errors = e,
                }
                Ok(Err((errors, names(conn, scope, &typed)?)))
    };
    let outcome = state
        .db
        .run(move |conn| idempotency::create_once(conn, key.as_ref(), user_id, db::now(), body))
        .await?;
    match outcome {
        Once::Done(Ok(location)) => Ok(redirect_with_flash(
            &req,
            &state,
            &location,
            FlashKind::Success,
            "flash-placement-created",
        )),
        Once::Replayed(location) => Ok(already_saved(&req, &state, &location)),
        Once::Done(Err((errors, names))) => Ok(unprocessable(views::placements::form_page(
            &ctx, &form, &errors, &names,
        ))),
    }
}

pub async fn show(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<Markup, WebError> {
    let id = path.into_inner();
    let scope = ctx.scope()?;
    let page = state
        .db
        .run(move |conn| -> Result<_, DbError> {
            let Some(p) = placements::find(conn, scope, id)? else {
                return Ok(None);
            };
            let Some(js) = jobseekers::find(conn, scope, p.jobseeker_id)? else {
                return Ok(None);
            };
            let employer = employers::find(conn, p.employer_id)?
                .map(|e| e.name)
                .unwrap_or_default();
            let support = placements::support_contacts(conn, scope, id)?;
            Ok(Some(views::placements::ShowPage {
                placement: p,
                jobseeker_name: js.display_name,
                employer_name: employer,
                support,
            }))
        })
        .await?;
    let page = page.ok_or(WebError::NotFound)?;
    let today = crate::format::today_helsinki(db::now());
    Ok(views::placements::show(&ctx, &page, today))
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct SupportForm {
    pub occurred_on: String,
    pub channel: String,
    pub with_whom: String,
    pub notes: String,
}

async fn visible_placement(
    state: &AppState,
    id: i64,
    scope: Scope,
) -> Result<placements::Placement, WebError> {
    state
        .db
        .run(move |conn| placements::find(conn, scope, id))
        .await?
        .ok_or(WebError::NotFound)
}

pub async fn add_support(
    req: HttpRequest,
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    form: web::Form<SupportForm>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    let user_id = ctx.user()?.id;
    let scope = ctx.scope()?;
    let p = visible_placement(&state, id, scope).await?;
    let f = form.into_inner();
    let today = crate::format::today_helsinki(db::now());
    let back = format!("/placements/{id}");
    let on = match f.occurred_on.trim() {
        "" => Some(today),
        s => parse_date(s),
    };
    let (Some(on), Some(channel)) = (
        on.filter(|d| *d <= today && *d >= p.starts_on - chrono::Days::new(30)),
        SupportChannel::parse(&f.channel),
    ) else {
        return Ok(redirect_with_flash(
            &req,
            &state,
            &back,
            FlashKind::Error,
            "placement-error-support",
        ));
    };
    let with_whom = WithWhom::parse(&f.with_whom).unwrap_or(WithWhom::Jobseeker);
    let Some(notes) = crate::domain::text::note(&f.notes) else {
        return Ok(redirect_with_flash(
            &req,
            &state,
            &back,
            FlashKind::Error,
            "flash-note-refused",
        ));
    };
    let logged = state
        .db
        .run(move |conn| {
            placements::add_support_contact(
                conn,
                scope,
                id,
                user_id,
                on,
                channel,
                with_whom,
                &notes,
                db::now(),
            )
        })
        .await?;
    logged.ok_or(WebError::NotFound)?;
    Ok(redirect_with_flash(
        &req,
        &state,
        &back,
        FlashKind::Success,
        "flash-support-logged",
    ))
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct EndForm {
    pub ends_on: String,
    pub reason: String,
}

pub async fn end(
    req: HttpRequest,
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    form: web::Form<EndForm>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    let user_id = ctx.user()?.id;
    let scope = ctx.scope()?;
    let p = visible_placement(&state, id, scope).await?;
    let f = form.into_inner();
    let back = format!("/placements/{id}");
    let (Some(on), Some(reason)) = (
        parse_date(&f.ends_on).filter(|d| *d >= p.starts_on),
        EndReason::parse(&f.reason),
    ) else {
        return Ok(redirect_with_flash(
            &req,
            &state,
            &back,
            FlashKind::Error,
            "placement-error-end",
        ));
    };
    let ended = state
        .db
        .run(move |conn| placements::end(conn, scope, id, on, reason, user_id, db::now()))
        .await?;
    if !ended {
        return Err(WebError::NotFound);
    }
    Ok(redirect_with_flash(
        &req,
        &state,
        &back,
        FlashKind::Success,
        "flash-placement-ended",
    ))
}
