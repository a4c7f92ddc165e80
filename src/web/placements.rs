//! Placements: recording a hire (from a match or directly), the follow-along page, support
//! contacts, and ending a placement.

use super::context::FlashKind;
use super::forms::MultiForm;
use super::jobseekers::viewer;
use super::login::redirect_with_flash;
use super::profile::unprocessable;
use super::{AppState, Ctx, WebError};
use crate::db::jobseekers::{self, Viewer};
use crate::db::placements::{self, PlacementFilter};
use crate::db::{self, employers, matches, openings, DbConnection, DbError};
use crate::domain::fields::parse_date;
use crate::domain::jobs::{EndReason, SupportChannel, WithWhom};
use crate::domain::placement::{self as rules, PlacementForm};
use crate::domain::validation::FieldErrors;
use crate::views;
use actix_web::{web, HttpRequest, HttpResponse};
use maud::Markup;
use serde::Deserialize;

pub async fn list(ctx: Ctx, state: web::Data<AppState>) -> Result<Markup, WebError> {
    let filter = PlacementFilter {
        team_id: match viewer(&ctx)? {
            Viewer::Team(t) => Some(t),
            Viewer::Everyone => None,
        },
        ..Default::default()
    };
    let today = crate::format::today_helsinki(db::now());
    let rows = state
        .db
        .run(move |conn| placements::list(conn, &filter, today))
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

fn names(conn: &mut DbConnection, form: &PlacementForm) -> Result<FormNames, DbError> {
    let id = |s: &str| s.trim().parse::<i64>().ok();
    let jobseeker = match id(&form.jobseeker_id) {
        Some(j) => jobseekers::find(conn, j)?
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
    who: Viewer,
) -> Result<Option<PlacementForm>, DbError> {
    let mut form = PlacementForm {
        competitive: "on".into(),
        starts_on: crate::format::today_helsinki(db::now()).to_string(),
        ..Default::default()
    };
    let mut jobseeker_id = q.jobseeker.trim().parse::<i64>().ok();
    let mut opening_id = q.opening.trim().parse::<i64>().ok();
    if let Ok(m) = q.match_id.trim().parse::<i64>() {
        let Some(m) = matches::find(conn, m)? else {
            return Ok(None);
        };
        form.match_id = m.id.to_string();
        jobseeker_id = Some(m.jobseeker_id);
        opening_id = Some(m.opening_id);
    }
    if let Some(j) = jobseeker_id {
        let Some(js) = jobseekers::find_visible(conn, j, who)? else {
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
    let who = viewer(&ctx)?;
    let q = query.into_inner();
    let search = q.q.clone();
    let page = state
        .db
        .run(move |conn| -> Result<_, DbError> {
            let Some(form) = prefill(conn, &q, who)? else {
                return Ok(None);
            };
            let names = names(conn, &form)?;
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
) -> Result<HttpResponse, WebError> {
    let user_id = ctx.user()?.id;
    let who = viewer(&ctx)?;
    let form = form.into_inner();
    let typed = form.clone();
    let outcome = state
        .db
        .run(
            move |conn| -> Result<Result<i64, (FieldErrors, FormNames)>, DbError> {
                let mut errors = FieldErrors::default();
                match rules::validate(&typed) {
                    Ok(fields) => {
                        if jobseekers::find_visible(conn, fields.jobseeker_id, who)?
                            .is_none_or(|j| j.anonymised_at.is_some())
                        {
                            errors.add("jobseeker_id", "employer-error-choice");
                        }
                        if employers::find(conn, fields.employer_id)?.is_none() {
                            errors.add("employer_id", "employer-error-choice");
                        }
                        if let Some(o) = fields.opening_id {
                            if openings::find(conn, o)?
                                .is_none_or(|o| o.employer_id != fields.employer_id)
                            {
                                errors.add("opening_id", "employer-error-choice");
                            }
                        }
                        if let Some(m) = fields.match_id {
                            let ok = matches::find(conn, m)?.is_some_and(|m| {
                                m.jobseeker_id == fields.jobseeker_id
                                    && Some(m.opening_id) == fields.opening_id
                                    && !m.stage().is_closed()
                            });
                            if !ok {
                                errors.add("match_id", "placement-error-match");
                            }
                        }
                        if errors.is_empty() {
                            return Ok(Ok(
                                placements::create(conn, &fields, user_id, db::now())?.placement_id
                            ));
                        }
                    }
                    Err(e) => errors = e,
                }
                Ok(Err((errors, names(conn, &typed)?)))
            },
        )
        .await?;
    match outcome {
        Ok(id) => Ok(redirect_with_flash(
            &req,
            &state,
            &format!("/placements/{id}"),
            FlashKind::Success,
            "flash-placement-created",
        )),
        Err((errors, names)) => Ok(unprocessable(views::placements::form_page(
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
    let who = viewer(&ctx)?;
    let page = state
        .db
        .run(move |conn| -> Result<_, DbError> {
            let Some(p) = placements::find(conn, id)? else {
                return Ok(None);
            };
            let Some(js) = jobseekers::find_visible(conn, p.jobseeker_id, who)? else {
                return Ok(None);
            };
            let employer = employers::find(conn, p.employer_id)?
                .map(|e| e.name)
                .unwrap_or_default();
            let support = placements::support_contacts(conn, id)?;
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
    who: Viewer,
) -> Result<placements::Placement, WebError> {
    let p = state
        .db
        .run(move |conn| -> Result<_, DbError> {
            let Some(p) = placements::find(conn, id)? else {
                return Ok(None);
            };
            Ok(jobseekers::find_visible(conn, p.jobseeker_id, who)?.map(|_| p))
        })
        .await?;
    p.ok_or(WebError::NotFound)
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
    let p = visible_placement(&state, id, viewer(&ctx)?).await?;
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
    state
        .db
        .run(move |conn| {
            placements::add_support_contact(
                conn,
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
    let p = visible_placement(&state, id, viewer(&ctx)?).await?;
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
    state
        .db
        .run(move |conn| placements::end(conn, id, on, reason, user_id, db::now()))
        .await?;
    Ok(redirect_with_flash(
        &req,
        &state,
        &back,
        FlashKind::Success,
        "flash-placement-ended",
    ))
}
