//! Contact persons at an employer: add, edit, mark as left.

use super::context::FlashKind;
use super::login::redirect_with_flash;
use super::profile::unprocessable;
use super::{AppState, Ctx, WebError};
use crate::db::contacts::{self, PersonForm};
use crate::db::{self, employers, DbError};
use crate::domain::contact::Channel;
use crate::domain::email::EmailAddress;
use crate::domain::fields;
use crate::domain::validation::FieldErrors;
use crate::views;
use actix_web::{web, HttpRequest, HttpResponse};
use maud::Markup;
use serde::Deserialize;

/// Checks and tidies a contact person form.
pub fn validate(form: &PersonForm) -> Result<PersonForm, FieldErrors> {
    let mut errors = FieldErrors::default();
    let name = fields::line(&mut errors, "name", &form.name, MAX_NAME);
    if name.is_empty() && errors.get("name").is_none() {
        errors.add_with("name", "person-error-name", &[("max", MAX_NAME as i64)]);
    }
    let email = form.email.trim();
    let email = if email.is_empty() {
        String::new()
    } else {
        match EmailAddress::parse(email) {
            Some(e) => e.as_str().to_owned(),
            None => {
                errors.add("email", "user-error-email");
                String::new()
            }
        }
    };
    let phone = match fields::parse_phone(&form.phone) {
        Ok(phone) => phone,
        Err(fields::PhoneError) => {
            errors.add_with(
                "phone",
                "person-error-phone",
                &[("max", fields::MAX_PHONE as i64)],
            );
            String::new()
        }
    };
    let channel = form.preferred_channel.trim();
    if !channel.is_empty() && Channel::parse(channel).is_none() {
        errors.add("preferred_channel", "employer-error-choice");
    }
    let role = fields::line(&mut errors, "role", &form.role, MAX_NAME);
    let notes = fields::optional_text(&mut errors, "notes", &form.notes, MAX_NOTES);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(PersonForm {
        name,
        role,
        phone,
        email,
        preferred_channel: channel.to_owned(),
        notes,
    })
}

/// The longest name or role of a contact person.
const MAX_NAME: usize = 120;
const MAX_NOTES: usize = 5000;

async fn save(
    req: HttpRequest,
    ctx: Ctx,
    state: web::Data<AppState>,
    employer_id: i64,
    person_id: Option<i64>,
    form: PersonForm,
) -> Result<HttpResponse, WebError> {
    let user_id = ctx.user()?.id;
    match validate(&form) {
        Ok(clean) => {
            let saved = state
                .db
                .run(move |conn| -> Result<bool, DbError> {
                    if employers::find(conn, employer_id)?.is_none() {
                        return Ok(false);
                    }
                    if let Some(pid) = person_id {
                        if contacts::person(conn, pid)?.is_none_or(|p| p.employer_id != employer_id)
                        {
                            return Ok(false);
                        }
                    }
                    contacts::save_person(
                        conn,
                        employer_id,
                        person_id,
                        &clean,
                        user_id,
                        db::now(),
                    )?;
                    Ok(true)
                })
                .await?;
            if !saved {
                return Err(WebError::NotFound);
            }
            Ok(redirect_with_flash(
                &req,
                &state,
                &format!("/employers/{employer_id}#persons"),
                FlashKind::Success,
                "flash-person-saved",
            ))
        }
        Err(errors) => {
            let employer = state
                .db
                .run(move |conn| employers::find(conn, employer_id))
                .await?
                .ok_or(WebError::NotFound)?;
            Ok(unprocessable(views::persons::form_page(
                &ctx, &employer, person_id, &form, &errors,
            )))
        }
    }
}

pub async fn add(
    req: HttpRequest,
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    form: web::Form<PersonForm>,
) -> Result<HttpResponse, WebError> {
    save(req, ctx, state, path.into_inner(), None, form.into_inner()).await
}

pub async fn update(
    req: HttpRequest,
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<(i64, i64)>,
    form: web::Form<PersonForm>,
) -> Result<HttpResponse, WebError> {
    let (employer_id, person_id) = path.into_inner();
    save(
        req,
        ctx,
        state,
        employer_id,
        Some(person_id),
        form.into_inner(),
    )
    .await
}

pub async fn edit_form(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<(i64, i64)>,
) -> Result<Markup, WebError> {
    let (employer_id, person_id) = path.into_inner();
    let (employer, person) = state
        .db
        .run(move |conn| -> Result<_, DbError> {
            Ok((
                employers::find(conn, employer_id)?,
                contacts::person(conn, person_id)?,
            ))
        })
        .await?;
    let (Some(employer), Some(person)) =
        (employer, person.filter(|p| p.employer_id == employer_id))
    else {
        return Err(WebError::NotFound);
    };
    Ok(views::persons::form_page(
        &ctx,
        &employer,
        Some(person_id),
        &person.to_form(),
        &FieldErrors::default(),
    ))
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct LeftForm {
    pub left: String,
}

pub async fn set_left(
    req: HttpRequest,
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<(i64, i64)>,
    form: web::Form<LeftForm>,
) -> Result<HttpResponse, WebError> {
    let (employer_id, person_id) = path.into_inner();
    let user_id = ctx.user()?.id;
    let left = form.left != "false";
    let owner = state
        .db
        .run(move |conn| -> Result<Option<i64>, DbError> {
            match contacts::person(conn, person_id)? {
                Some(p) if p.employer_id == employer_id => {
                    contacts::set_person_left(conn, person_id, left, user_id, db::now())
                }
                _ => Ok(None),
            }
        })
        .await?;
    owner.ok_or(WebError::NotFound)?;
    Ok(redirect_with_flash(
        &req,
        &state,
        &format!("/employers/{employer_id}#persons"),
        FlashKind::Success,
        "flash-person-saved",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_name_phone_and_email() {
        let ok = validate(&PersonForm {
            name: " Ville  Varasto ".into(),
            phone: "+358 40 123 4567".into(),
            email: "Ville@Firma.fi".into(),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(ok.name, "Ville Varasto");
        assert_eq!(ok.email, "ville@firma.fi");
        let bad = validate(&PersonForm {
            name: "".into(),
            phone: "soita".into(),
            email: "x".into(),
            ..Default::default()
        })
        .unwrap_err();
        assert!(
            bad.get("name").is_some() && bad.get("phone").is_some() && bad.get("email").is_some()
        );
    }
}
