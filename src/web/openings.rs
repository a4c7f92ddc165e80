//! Job openings: list, create (from an employer or a contact), show with ranked jobseekers, edit.

use super::context::FlashKind;
use super::employers::load_options;
use super::forms::MultiForm;
use super::login::{already_saved, redirect_with_flash};
use super::profile::unprocessable;
use super::{AppState, Ctx, WebError};
use crate::db::idempotency::{self, IdempotencyKey, Once};
use crate::db::openings::{self, ListFilter, Saved};
use crate::db::{self, contacts, employers, reference, DbConnection, DbError};
use crate::domain::opening::{self as rules, OpeningForm};
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
    pub industry: String,
    pub municipality: String,
    pub hours: String,
    pub coach: String,
}

fn some(s: &str) -> Option<String> {
    Some(s.trim().to_owned()).filter(|v| !v.is_empty())
}

pub async fn list(
    ctx: Ctx,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<Markup, WebError> {
    let q = query.into_inner();
    let lang = ctx.lang;
    let q2 = q.clone();
    let (rows, total, options) = state
        .db
        .run(move |conn| -> Result<_, DbError> {
            let filter = ListFilter {
                status: match q2.status.trim() {
                    "" => Some("open".into()),
                    "any" => None,
                    s => Some(s.to_owned()),
                },
                industry_codes: match some(&q2.industry) {
                    Some(code) => reference::industry_codes_under(conn, &code)?,
                    None => Vec::new(),
                },
                municipality: some(&q2.municipality),
                hours_at_most: crate::domain::money::Hundredths::parse(&q2.hours)
                    .ok()
                    .map(|h| h.0),
                coach_id: q2.coach.trim().parse().ok(),
                employer_id: None,
            };
            let (rows, total) = openings::list(conn, &filter)?;
            Ok((rows, total, load_options(conn, lang)?))
        })
        .await?;
    Ok(views::openings::list(&ctx, &q, &rows, total, &options))
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct NewQuery {
    pub employer: String,
    pub contact: String,
    pub q: String,
}

/// The form's employer name, or the employers a search found when none is chosen yet.
enum EmployerChoice {
    Chosen(String),
    Search(Vec<(i64, String, Option<String>)>),
}

pub async fn new_form(
    ctx: Ctx,
    state: web::Data<AppState>,
    query: web::Query<NewQuery>,
) -> Result<Markup, WebError> {
    let user_id = ctx.user()?.id;
    let lang = ctx.lang;
    let q = query.into_inner();
    let search = q.q.clone();
    let (form, choice, options) = state
        .db
        .run(move |conn| -> Result<_, DbError> {
            let mut form = OpeningForm {
                coach_id: user_id.to_string(),
                source: "coach_found".into(),
                ..Default::default()
            };
            let mut employer_id: Option<i64> = q.employer.trim().parse().ok();
            if let Some(contact) = q
                .contact
                .trim()
                .parse()
                .ok()
                .and_then(|id| contacts::brief(conn, id).transpose())
            {
                let contact = contact?;
                employer_id = Some(contact.employer_id);
                form.contact_id = contact.id.to_string();
                form.description = contact.notes;
            }
            let choice = match employer_id {
                Some(id) => match employers::find(conn, id)? {
                    Some(e) => {
                        form.employer_id = id.to_string();
                        form.municipality_code = e.municipality_code.unwrap_or_default();
                        EmployerChoice::Chosen(e.name)
                    }
                    None => EmployerChoice::Search(Vec::new()),
                },
                None => EmployerChoice::Search(employers::suggest(conn, &q.q, 20)?),
            };
            Ok((form, choice, load_options(conn, lang)?))
        })
        .await?;
    Ok(match choice {
        EmployerChoice::Chosen(name) => views::openings::form_page(
            &ctx,
            None,
            None,
            &form,
            &FieldErrors::default(),
            &options,
            &name,
        ),
        EmployerChoice::Search(found) => views::openings::choose_employer(
            &ctx,
            &ctx.t("openings-new"),
            "/openings/new",
            &[],
            &search,
            &found,
        ),
    })
}

/// Checks the ids and codes the form refers to.
fn check_against_db(
    conn: &mut DbConnection,
    fields: &rules::OpeningFields,
    errors: &mut FieldErrors,
) -> Result<(), DbError> {
    if employers::find(conn, fields.employer_id)?.is_none() {
        errors.add("employer_id", "employer-error-choice");
    }
    if let Some(code) = &fields.municipality_code {
        if !reference::municipality_exists(conn, code)? {
            errors.add("municipality_code", "employer-error-municipality");
        }
    }
    if !db::users::is_active(conn, fields.coach_id)? {
        errors.add("coach_id", "employer-error-choice");
    }
    if let Some(contact) = fields.contact_id {
        if contacts::brief(conn, contact)?.is_none_or(|c| c.employer_id != fields.employer_id) {
            errors.add("contact_id", "employer-error-choice");
        }
    }
    Ok(())
}

enum Outcome {
    Saved(i64),
    Invalid(FieldErrors, FormOptions, String),
    Conflict,
    NotFound,
}

fn employer_name(conn: &mut DbConnection, form: &OpeningForm) -> Result<String, DbError> {
    Ok(match form.employer_id.trim().parse::<i64>() {
        Ok(id) => employers::find(conn, id)?
            .map(|e| e.name)
            .unwrap_or_default(),
        Err(_) => String::new(),
    })
}

fn save(
    conn: &mut DbConnection,
    id: Option<i64>,
    version: i64,
    form: &OpeningForm,
    user_id: i64,
    lang: crate::i18n::Lang,
) -> Result<Outcome, DbError> {
    let mut errors = FieldErrors::default();
    match rules::validate(form) {
        Ok(fields) => {
            check_against_db(conn, &fields, &mut errors)?;
            if errors.is_empty() {
                return Ok(match id {
                    None => Outcome::Saved(openings::insert(conn, &fields, user_id, db::now())?),
                    Some(id) => {
                        match openings::update(conn, id, version, &fields, user_id, db::now())? {
                            Saved::Done => Outcome::Saved(id),
                            Saved::Conflict => Outcome::Conflict,
                            Saved::NotFound => Outcome::NotFound,
                        }
                    }
                });
            }
        }
        Err(e) => errors = e,
    }
    Ok(Outcome::Invalid(
        errors,
        load_options(conn, lang)?,
        employer_name(conn, form)?,
    ))
}

async fn respond(
    req: &HttpRequest,
    ctx: &Ctx,
    state: &web::Data<AppState>,
    id: Option<i64>,
    version: i64,
    form: OpeningForm,
    key: Option<IdempotencyKey>,
) -> Result<HttpResponse, WebError> {
    let user_id = ctx.user()?.id;
    let lang = ctx.lang;
    let typed = form.clone();
    let outcome = state
        .db
        .run(move |conn| {
            idempotency::once(conn, key.as_ref(), user_id, db::now(), |conn| {
                let outcome = save(conn, id, version, &typed, user_id, lang)?;
                let location = match &outcome {
                    Outcome::Saved(saved) => Some(format!("/openings/{saved}")),
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
            &format!("/openings/{saved}"),
            FlashKind::Success,
            if id.is_some() {
                "flash-opening-saved"
            } else {
                "flash-opening-created"
            },
        )),
        Outcome::Invalid(errors, options, name) => Ok(unprocessable(views::openings::form_page(
            ctx,
            id,
            id.map(|_| version),
            &form,
            &errors,
            &options,
            &name,
        ))),
        Outcome::Conflict => Ok(redirect_with_flash(
            req,
            state,
            &format!("/openings/{}/edit", id.unwrap_or_default()),
            FlashKind::Error,
            "flash-opening-conflict",
        )),
        Outcome::NotFound => Err(WebError::NotFound),
    }
}

pub async fn create(
    req: HttpRequest,
    ctx: Ctx,
    state: web::Data<AppState>,
    form: MultiForm<OpeningForm>,
    key: Option<IdempotencyKey>,
) -> Result<HttpResponse, WebError> {
    respond(&req, &ctx, &state, None, 0, form.into_inner(), key).await
}

pub async fn update(
    req: HttpRequest,
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    body: web::Bytes,
) -> Result<HttpResponse, WebError> {
    let form: OpeningForm = serde_html_form::from_bytes(&body)
        .map_err(|e| WebError::BadRequest(format!("form: {e}")))?;
    let version: VersionOnly = serde_html_form::from_bytes(&body)
        .map_err(|e| WebError::BadRequest(format!("form: {e}")))?;
    let version = version
        .version
        .trim()
        .parse()
        .map_err(|_| WebError::BadRequest("version".into()))?;
    respond(
        &req,
        &ctx,
        &state,
        Some(path.into_inner()),
        version,
        form,
        None,
    )
    .await
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
struct VersionOnly {
    version: String,
}

pub async fn edit_form(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<Markup, WebError> {
    let id = path.into_inner();
    let lang = ctx.lang;
    let (opening, name, options) = state
        .db
        .run(move |conn| -> Result<_, DbError> {
            let Some(o) = openings::find(conn, id)? else {
                return Ok((None, String::new(), None));
            };
            let name = employers::find(conn, o.employer_id)?
                .map(|e| e.name)
                .unwrap_or_default();
            Ok((Some(o), name, Some(load_options(conn, lang)?)))
        })
        .await?;
    let (opening, options) = opening.zip(options).ok_or(WebError::NotFound)?;
    Ok(views::openings::form_page(
        &ctx,
        Some(id),
        Some(opening.version),
        &opening.to_form(),
        &FieldErrors::default(),
        &options,
        &name,
    ))
}

pub async fn show(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<Markup, WebError> {
    let id = path.into_inner();
    let lang = ctx.lang;
    let scope = ctx.scope()?;
    let page = state
        .db
        .run(move |conn| -> Result<_, DbError> {
            let Some(o) = openings::find(conn, id)? else {
                return Ok(None);
            };
            let name = employers::find(conn, o.employer_id)?
                .map(|e| e.name)
                .unwrap_or_default();
            // Every team's matches and candidates; the names only of the scope's jobseekers.
            let matches = db::matches::list(
                conn,
                scope,
                &db::matches::MatchFilter {
                    opening_id: Some(id),
                    ..Default::default()
                },
            )?;
            let ranked = db::ranking::jobseekers_for(conn, scope, &o, 30)?;
            Ok(Some((o, name, matches, ranked, load_options(conn, lang)?)))
        })
        .await?;
    let (o, name, matches, ranked, options) = page.ok_or(WebError::NotFound)?;
    let match_list = views::matches::match_list(&ctx, &matches, views::matches::Side::Opening);
    let ranking = views::matches::ranked_jobseekers(&ctx, o.id, &ranked, &matches, &options);
    Ok(views::openings::show(
        &ctx, &o, &name, &options, match_list, ranking,
    ))
}
