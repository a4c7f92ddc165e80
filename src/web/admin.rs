//! The admin pages: users and teams.

use super::context::FlashKind;
use super::login::redirect_with_flash;
use super::profile::unprocessable;
use super::{AppState, Ctx, WebError};
use crate::auth::password;
use crate::db::{self, users, DbError};
use crate::domain::{account, role::Role, validation::FieldErrors};
use crate::views;
use crate::views::admin::{AddUserInput, AdminPage, MailCard};
use actix_web::{web, HttpRequest, HttpResponse};
use maud::Markup;
use serde::Deserialize;

async fn load(state: &AppState) -> Result<(Vec<users::User>, Vec<users::Team>), WebError> {
    Ok(state
        .db
        .run(|conn| -> Result<_, DbError> { Ok((users::list(conn)?, users::teams(conn)?)) })
        .await?)
}

/// The email card: the digest time as saved, and the outbox's counts.
async fn mail_card(state: &AppState) -> Result<MailCard, WebError> {
    let (time, counts, last_backup) = state
        .db
        .run(|conn| -> Result<_, DbError> {
            Ok((
                crate::jobs::planner::digest_time(conn)?,
                crate::db::outbox::counts(conn)?,
                crate::db::backup::last_backup(conn)?,
            ))
        })
        .await?;
    Ok(MailCard {
        digest_time: crate::domain::digest::format_time(time),
        errors: FieldErrors::default(),
        counts,
        last_backup,
    })
}

pub async fn users(ctx: Ctx, state: web::Data<AppState>) -> Result<Markup, WebError> {
    let (users, teams) = load(&state).await?;
    Ok(views::admin::page(
        &ctx,
        &AdminPage {
            users: &users,
            teams: &teams,
            add_user: &AddUserInput::default(),
            add_user_errors: &FieldErrors::default(),
            team_name: "",
            team_errors: &FieldErrors::default(),
            mail: &mail_card(&state).await?,
        },
    ))
}

#[derive(Debug, Deserialize, Default)]
pub struct AddUserForm {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub team_id: String,
    #[serde(default)]
    pub password: String,
}

pub async fn add_user(
    req: HttpRequest,
    ctx: Ctx,
    state: web::Data<AppState>,
    form: web::Form<AddUserForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.into_inner();
    let input = AddUserInput {
        email: form.email.clone(),
        name: form.name.clone(),
        role: form.role.clone(),
        team_id: form.team_id.clone(),
    };
    let team_id: Option<i64> = form.team_id.trim().parse().ok();
    let validated = account::validate(&form.email, &form.name, &form.role, &form.password);
    let mut errors = match &validated {
        Ok(_) => FieldErrors::default(),
        Err(e) => e.clone(),
    };
    let team_name = match team_id {
        Some(id) => state.db.run(move |conn| users::team_name(conn, id)).await?,
        None => None,
    };
    if team_name.is_none() {
        errors.add("team_id", "user-error-team");
    }
    if let (Ok(new), Some(team)) = (validated, team_name) {
        if errors.is_empty() {
            let created = state
                .db
                .run(move |conn| -> Result<_, DbError> {
                    let hash = password::hash(&new.password)
                        .map_err(|e| DbError::Invalid(format!("cannot hash password: {e}")))?;
                    users::create_account(conn, &new, &hash, &team, db::now())
                })
                .await?;
            match created {
                users::CreateOutcome::Created(_) => {
                    return Ok(redirect_with_flash(
                        &req,
                        &state,
                        "/admin/users",
                        FlashKind::Success,
                        "flash-user-added",
                    ))
                }
                users::CreateOutcome::EmailTaken => errors.add("email", "user-error-email-taken"),
            }
        }
    }
    let (users, teams) = load(&state).await?;
    Ok(unprocessable(views::admin::page(
        &ctx,
        &AdminPage {
            users: &users,
            teams: &teams,
            add_user: &input,
            add_user_errors: &errors,
            team_name: "",
            team_errors: &FieldErrors::default(),
            mail: &mail_card(&state).await?,
        },
    )))
}

#[derive(Debug, Deserialize)]
pub struct RoleForm {
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub team_id: String,
}

pub async fn change_role(
    req: HttpRequest,
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    form: web::Form<RoleForm>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    let me = ctx.user()?.id;
    let (Some(role), Ok(team_id)) = (Role::parse(&form.role), form.team_id.trim().parse::<i64>())
    else {
        return Err(WebError::BadRequest("role or team".into()));
    };
    if id == me && role != Role::Admin {
        return Ok(redirect_with_flash(
            &req,
            &state,
            "/admin/users",
            FlashKind::Error,
            "flash-cannot-demote-self",
        ));
    }
    // Admins changing their own team keep the session they are using.
    let keep = (id == me)
        .then(|| super::cookies::read_signed(&req, &state.cookie_key, super::cookies::SESSION))
        .flatten();
    let changed = state
        .db
        .run(move |conn| -> Result<bool, DbError> {
            if !users::team_exists(conn, team_id)? {
                return Ok(false);
            }
            users::set_role_and_team(conn, id, role, team_id, keep.as_deref())
        })
        .await?;
    if !changed {
        return Err(WebError::NotFound);
    }
    Ok(redirect_with_flash(
        &req,
        &state,
        "/admin/users",
        FlashKind::Success,
        "flash-user-updated",
    ))
}

#[derive(Debug, Deserialize)]
pub struct ActiveForm {
    #[serde(default)]
    pub active: String,
}

pub async fn set_active(
    req: HttpRequest,
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    form: web::Form<ActiveForm>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    let active = form.active == "true";
    if id == ctx.user()?.id && !active {
        return Ok(redirect_with_flash(
            &req,
            &state,
            "/admin/users",
            FlashKind::Error,
            "flash-cannot-deactivate-self",
        ));
    }
    if !active {
        let holds = state
            .db
            .run(move |conn| crate::db::handover::holds_anything(conn, id))
            .await?;
        if holds {
            return Ok(redirect_with_flash(
                &req,
                &state,
                &format!("/handover?from={id}"),
                FlashKind::Error,
                "flash-handover-first",
            ));
        }
    }
    let changed = state
        .db
        .run(move |conn| users::set_active(conn, id, active, db::now()))
        .await?;
    if !changed {
        return Err(WebError::NotFound);
    }
    let message = if active {
        "flash-user-activated"
    } else {
        "flash-user-deactivated"
    };
    Ok(redirect_with_flash(
        &req,
        &state,
        "/admin/users",
        FlashKind::Success,
        message,
    ))
}

/// The longest team name.
const MAX_TEAM_NAME: usize = 80;

/// Ends every session of a user (a lost phone, a shared computer): they must sign in again.
/// Admins ending their own sessions keep the one they are using.
pub async fn end_sessions(
    req: HttpRequest,
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    let me = ctx.user()?.id;
    let keep = (id == me)
        .then(|| super::cookies::read_signed(&req, &state.cookie_key, super::cookies::SESSION))
        .flatten();
    let known = state
        .db
        .run(move |conn| -> Result<bool, DbError> {
            if users::find(conn, id)?.is_none() {
                return Ok(false);
            }
            match keep {
                Some(keep) => db::sessions::end_others(conn, id, &keep)?,
                None => db::sessions::end_all_for_user(conn, id)?,
            };
            Ok(true)
        })
        .await?;
    if !known {
        return Err(WebError::NotFound);
    }
    let message = if id == me {
        "flash-own-sessions-ended"
    } else {
        "flash-sessions-ended"
    };
    Ok(redirect_with_flash(
        &req,
        &state,
        "/admin/users",
        FlashKind::Success,
        message,
    ))
}

#[derive(Debug, Deserialize)]
pub struct TeamForm {
    #[serde(default)]
    pub team_name: String,
}

pub async fn add_team(
    req: HttpRequest,
    ctx: Ctx,
    state: web::Data<AppState>,
    form: web::Form<TeamForm>,
) -> Result<HttpResponse, WebError> {
    let mut team_errors = FieldErrors::default();
    let name = crate::domain::fields::line(
        &mut team_errors,
        "team_name",
        &form.team_name,
        MAX_TEAM_NAME,
    );
    if name.is_empty() || !team_errors.is_empty() {
        team_errors = FieldErrors::default();
        team_errors.add_with(
            "team_name",
            "team-error-name",
            &[("max", MAX_TEAM_NAME as i64)],
        );
    } else {
        let candidate = name.clone();
        let added = state
            .db
            .run(move |conn| users::add_team(conn, &candidate, db::now()))
            .await?;
        if added.is_none() {
            team_errors.add("team_name", "team-error-name-taken");
        }
    }
    if !team_errors.is_empty() {
        let (users, teams) = load(&state).await?;
        return Ok(unprocessable(views::admin::page(
            &ctx,
            &AdminPage {
                users: &users,
                teams: &teams,
                add_user: &AddUserInput::default(),
                add_user_errors: &FieldErrors::default(),
                team_name: &form.team_name,
                team_errors: &team_errors,
                mail: &mail_card(&state).await?,
            },
        )));
    }
    Ok(redirect_with_flash(
        &req,
        &state,
        "/admin/users",
        FlashKind::Success,
        "flash-team-added",
    ))
}

#[derive(Debug, Deserialize)]
pub struct DigestTimeForm {
    #[serde(default)]
    pub digest_time: String,
}

/// The organisation's morning digest time (Helsinki).
pub async fn set_digest_time(
    req: HttpRequest,
    ctx: Ctx,
    state: web::Data<AppState>,
    form: web::Form<DigestTimeForm>,
) -> Result<HttpResponse, WebError> {
    let Some(time) = crate::domain::digest::parse_time(&form.digest_time) else {
        let mut mail = mail_card(&state).await?;
        mail.digest_time = form.digest_time.clone();
        mail.errors.add("digest_time", "digest-time-error");
        let (users, teams) = load(&state).await?;
        return Ok(unprocessable(views::admin::page(
            &ctx,
            &AdminPage {
                users: &users,
                teams: &teams,
                add_user: &AddUserInput::default(),
                add_user_errors: &FieldErrors::default(),
                team_name: "",
                team_errors: &FieldErrors::default(),
                mail: &mail,
            },
        )));
    };
    let value = crate::domain::digest::format_time(time);
    state
        .db
        .run(move |conn| db::settings::set(conn, db::settings::DIGEST_TIME, &value))
        .await?;
    Ok(redirect_with_flash(
        &req,
        &state,
        "/admin/users",
        FlashKind::Success,
        "flash-digest-time-saved",
    ))
}
