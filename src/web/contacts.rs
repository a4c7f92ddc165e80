//! Logging a contact: from the employer page, or from the quick log in the field.

use super::context::FlashKind;
use super::login::{already_saved, redirect_with_flash};
use super::profile::unprocessable;
use super::{employers as employer_pages, AppState, Ctx, WebError};
use crate::db::idempotency::{self, IdempotencyKey, Once};
use crate::db::{self, contacts, employers, reference, DbError};
use crate::domain::contact::{self, ContactForm};
use crate::domain::employer::{self as rules, EmployerForm};
use crate::domain::validation::FieldErrors;
use crate::format;
use crate::views;
use crate::views::quick_log::QuickLog;
use actix_web::{web, HttpRequest, HttpResponse};
use maud::Markup;
use serde::Deserialize;

#[derive(Debug, Deserialize, Default)]
pub struct LogForm {
    #[serde(flatten)]
    pub contact: ContactForm,
    /// "log" when sent from the quick log, whose page shows errors.
    #[serde(default)]
    pub from: String,
}

/// What logging a contact came to, inside its transaction.
enum Logged {
    Saved(String),
    Invalid(FieldErrors),
    NoEmployer,
}

pub async fn log(
    req: HttpRequest,
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    form: web::Form<LogForm>,
    key: Option<IdempotencyKey>,
) -> Result<HttpResponse, WebError> {
    let employer_id = path.into_inner();
    let coach_id = ctx.user()?.id;
    let LogForm {
        contact: typed,
        from,
    } = form.into_inner();
    let now = db::now();
    let checked = contact::validate(
        &typed,
        format::today_helsinki(now),
        format::helsinki_local(now),
    );
    let mut errors = FieldErrors::default();
    let fields = match checked {
        Ok(f) => Some(f),
        Err(e) => {
            errors = e;
            None
        }
    };
    let occurred_at = match fields.as_ref().and_then(|f| f.occurred_local) {
        Some(local) => match format::helsinki_to_utc(local) {
            Some(utc) => utc,
            None => {
                errors.add("occurred_at", "contact-error-datetime");
                now
            }
        },
        None => now,
    };
    let opening_found = fields
        .as_ref()
        .is_some_and(|f| f.outcome == contact::Outcome::OpeningFound);
    if let (Some(fields), true) = (fields, errors.is_empty()) {
        // The same choices the form offers: the user's own team's consenting jobseekers.
        let scope = ctx.scope()?.own_team_only();
        // Every check that decides the write runs inside its transaction.
        let logged = state
            .db
            .run(move |conn| {
                idempotency::once(conn, key.as_ref(), coach_id, now, |conn| {
                    if employers::find(conn, employer_id)?.is_none() {
                        return Ok((Logged::NoEmployer, None));
                    }
                    let mut errors = FieldErrors::default();
                    if let Some(pid) = fields.contact_person_id {
                        if contacts::person(conn, pid)?.is_none_or(|p| p.employer_id != employer_id)
                        {
                            errors.add("contact_person_id", "employer-error-choice");
                        }
                    }
                    if let Some(jobseeker) = fields.jobseeker_id {
                        let consented = db::jobseekers::consenting(conn, scope)?;
                        if !consented.iter().any(|(id, _)| *id == jobseeker) {
                            errors.add("jobseeker_id", "contact-error-jobseeker-consent");
                        }
                    }
                    if !errors.is_empty() {
                        return Ok((Logged::Invalid(errors), None));
                    }
                    let logged =
                        contacts::log(conn, employer_id, coach_id, &fields, occurred_at, now)?;
                    // An opening found at the door goes straight into the opening form.
                    let location = if opening_found {
                        format!("/openings/new?contact={}", logged.contact_id)
                    } else {
                        format!("/employers/{employer_id}#timeline")
                    };
                    Ok((Logged::Saved(location.clone()), Some(location)))
                })
            })
            .await?;
        match logged {
            Once::Done(Logged::Saved(location)) => {
                let flash = if opening_found {
                    "flash-contact-logged-opening"
                } else {
                    "flash-contact-logged"
                };
                return Ok(redirect_with_flash(
                    &req,
                    &state,
                    &location,
                    FlashKind::Success,
                    flash,
                ));
            }
            Once::Replayed(location) => return Ok(already_saved(&req, &state, &location)),
            Once::Done(Logged::NoEmployer) => return Err(WebError::NotFound),
            Once::Done(Logged::Invalid(refused)) => errors = refused,
        }
    }
    if from == "log" {
        let page = quick_log_for(&ctx, &state, employer_id).await?;
        return Ok(unprocessable(views::quick_log::page(
            &ctx, &page, &typed, &errors,
        )));
    }
    employer_pages::show_with_contact_errors(&ctx, &state, employer_id, &typed, &errors).await
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct QuickLogQuery {
    pub q: String,
    pub employer: String,
}

async fn quick_log_for(
    ctx: &Ctx,
    state: &AppState,
    employer_id: i64,
) -> Result<QuickLog, WebError> {
    let lang = ctx.lang;
    let (employer, persons, recent, municipalities) = state
        .db
        .run(move |conn| -> Result<_, DbError> {
            Ok((
                employers::find(conn, employer_id)?,
                contacts::persons(conn, employer_id)?,
                contacts::recent(conn, employer_id, 3)?,
                reference::municipalities(conn, lang)?,
            ))
        })
        .await?;
    let employer = employer.ok_or(WebError::NotFound)?;
    Ok(QuickLog {
        q: String::new(),
        matches: Vec::new(),
        employer: Some((employer, persons, recent)),
        municipalities,
        new_employer: EmployerForm::default(),
    })
}

pub async fn quick_log(
    ctx: Ctx,
    state: web::Data<AppState>,
    query: web::Query<QuickLogQuery>,
) -> Result<Markup, WebError> {
    if let Ok(id) = query.employer.trim().parse::<i64>() {
        let page = quick_log_for(&ctx, &state, id).await?;
        return Ok(views::quick_log::page(
            &ctx,
            &page,
            &ContactForm::default(),
            &FieldErrors::default(),
        ));
    }
    let q = query.q.clone();
    let lang = ctx.lang;
    let user = ctx.user()?.clone();
    let (matches, municipalities) = state
        .db
        .run(move |conn| -> Result<_, DbError> {
            Ok((
                employers::suggest(conn, &q, 15)?,
                reference::municipalities(conn, lang)?,
            ))
        })
        .await?;
    let default_municipality = municipalities
        .iter()
        .find(|m| m.name == user.team_name)
        .map(|m| m.code.clone())
        .unwrap_or_default();
    let page = QuickLog {
        q: query.q.clone(),
        matches,
        employer: None,
        municipalities,
        new_employer: EmployerForm {
            name: query.q.trim().to_owned(),
            municipality_code: default_municipality,
            ..Default::default()
        },
    };
    Ok(views::quick_log::page(
        &ctx,
        &page,
        &ContactForm::default(),
        &FieldErrors::default(),
    ))
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct NewEmployerForm {
    pub name: String,
    pub municipality_code: String,
    pub confirm_similar: String,
}

/// Why a quick create did not save: field errors, resembling employers, the municipalities.
type QuickCreateRefused = (
    FieldErrors,
    Vec<(i64, String)>,
    Vec<reference::Municipality>,
);

/// Creates an employer in the field with just a name and a municipality, then logs on it.
pub async fn quick_create(
    req: HttpRequest,
    ctx: Ctx,
    state: web::Data<AppState>,
    form: web::Form<NewEmployerForm>,
) -> Result<HttpResponse, WebError> {
    let user_id = ctx.user()?.id;
    let lang = ctx.lang;
    let typed = EmployerForm {
        name: form.name.clone(),
        municipality_code: form.municipality_code.clone(),
        sector: "private".into(),
        stage: "prospect".into(),
        confirm_similar: form.confirm_similar.clone(),
        ..Default::default()
    };
    let t = typed.clone();
    let outcome = state
        .db
        .write(
            move |conn| -> Result<Result<i64, QuickCreateRefused>, DbError> {
                let mut errors = FieldErrors::default();
                let mut resembling = Vec::new();
                match rules::validate(&t) {
                    Ok(fields) => {
                        if !reference::municipality_exists(conn, &fields.municipality_code)? {
                            errors.add("municipality_code", "employer-error-municipality");
                        } else if t.confirm_similar.is_empty() {
                            resembling = employers::resembling(
                                conn,
                                &fields.name,
                                &fields.municipality_code,
                                None,
                            )?;
                        }
                        if errors.is_empty() && resembling.is_empty() {
                            return Ok(Ok(employers::insert(conn, &fields, user_id, db::now())?));
                        }
                    }
                    Err(e) => errors = e,
                }
                Ok(Err((
                    errors,
                    resembling,
                    reference::municipalities(conn, lang)?,
                )))
            },
        )
        .await?;
    match outcome {
        Ok(id) => Ok(redirect_with_flash(
            &req,
            &state,
            &format!("/log?employer={id}"),
            FlashKind::Success,
            "flash-employer-created",
        )),
        Err((errors, resembling, municipalities)) => {
            let page = QuickLog {
                q: typed.name.clone(),
                matches: resembling
                    .into_iter()
                    .map(|(id, name)| (id, name, None))
                    .collect(),
                employer: None,
                municipalities,
                new_employer: typed,
            };
            let mut errors = errors;
            if errors.is_empty() {
                errors.add("name", "employer-warning-similar");
            }
            Ok(unprocessable(views::quick_log::page(
                &ctx,
                &page,
                &ContactForm::default(),
                &errors,
            )))
        }
    }
}

/// The matching employers as a list fragment, for the quick log's type-ahead.
pub async fn suggest(
    ctx: Ctx,
    state: web::Data<AppState>,
    query: web::Query<QuickLogQuery>,
) -> Result<Markup, WebError> {
    let q = query.q.clone();
    let matches = state
        .db
        .run(move |conn| employers::suggest(conn, &q, 15))
        .await?;
    Ok(views::quick_log::suggestions(&ctx, &query.q, &matches))
}
