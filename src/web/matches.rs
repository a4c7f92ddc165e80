//! Matches: the pipeline, suggesting a pair, and moving a match through its stages.

use super::context::FlashKind;
use super::login::{redirect_with_flash, see_other};
use super::{AppState, Ctx, WebError};
use crate::db::jobseekers;
use crate::db::matches::{self, MatchFilter, Moved};
use crate::db::{self, openings, ranking, DbError};
use crate::domain::jobs::MatchStage;
use crate::domain::local_path::LocalPath;
use crate::views;
use actix_web::{web, HttpRequest, HttpResponse};
use maud::Markup;
use serde::Deserialize;

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct PipelineQuery {
    pub scope: String,
}

pub async fn pipeline(
    ctx: Ctx,
    state: web::Data<AppState>,
    query: web::Query<PipelineQuery>,
) -> Result<Markup, WebError> {
    let user = ctx.user()?.clone();
    let scope = ctx.scope()?;
    let team_view = query.scope == "team";
    let filter = MatchFilter {
        coach_id: (!team_view).then_some(user.id),
        team_id: team_view.then_some(user.team_id),
        open_only: true,
        ..Default::default()
    };
    let rows = state
        .db
        .run(move |conn| matches::list(conn, scope, &filter))
        .await?;
    Ok(views::matches::pipeline(&ctx, &rows, team_view))
}

/// Only paths of this site are followed back to (a [`LocalPath`]), never another site.
fn safe_back(back: &str, fallback: &str) -> String {
    LocalPath::parse(back)
        .map(LocalPath::into_string)
        .unwrap_or_else(|| fallback.to_owned())
}

#[derive(Debug, Deserialize)]
pub struct SuggestForm {
    pub opening_id: i64,
    pub jobseeker_id: i64,
    #[serde(default)]
    pub back: String,
}

pub async fn suggest(
    req: HttpRequest,
    ctx: Ctx,
    state: web::Data<AppState>,
    form: web::Form<SuggestForm>,
) -> Result<HttpResponse, WebError> {
    let user_id = ctx.user()?.id;
    let scope = ctx.scope()?;
    let f = form.into_inner();
    let (opening_id, jobseeker_id) = (f.opening_id, f.jobseeker_id);
    let created = state
        .db
        .run(move |conn| -> Result<Option<i64>, DbError> {
            let Some(j) = jobseekers::find(conn, scope, jobseeker_id)? else {
                return Ok(None);
            };
            let Some(o) = openings::find(conn, opening_id)? else {
                return Ok(None);
            };
            let score = ranking::score_pair(conn, &o, &j)?;
            Ok(Some(matches::suggest(
                conn,
                scope,
                o.id,
                j.id,
                user_id,
                i64::from(score.percent),
                db::now(),
            )?))
        })
        .await?;
    created.ok_or(WebError::NotFound)?;
    Ok(redirect_with_flash(
        &req,
        &state,
        &safe_back(&f.back, "/matches"),
        FlashKind::Success,
        "flash-match-suggested",
    ))
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
pub struct MoveForm {
    pub stage: String,
    pub on: String,
    pub note: String,
    pub back: String,
}

pub async fn move_stage(
    req: HttpRequest,
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    form: web::Form<MoveForm>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    let user_id = ctx.user()?.id;
    let scope = ctx.scope()?;
    let f = form.into_inner();
    let back = safe_back(&f.back, "/matches");
    let Some(stage) = MatchStage::parse(&f.stage) else {
        return Ok(redirect_with_flash(
            &req,
            &state,
            &back,
            FlashKind::Error,
            "employer-error-choice",
        ));
    };
    // A hire is recorded with its placement: the form asks for the job's details first.
    if stage == MatchStage::Hired {
        return Ok(see_other(&format!("/placements/new?match={id}")));
    }
    let today = crate::format::today_helsinki(db::now());
    let on = match f.on.trim() {
        "" => Some(today),
        s => crate::domain::fields::parse_date(s),
    };
    let Some(on) = on.filter(|d| *d <= today) else {
        return Ok(redirect_with_flash(
            &req,
            &state,
            &back,
            FlashKind::Error,
            "match-error-date",
        ));
    };
    let Some(note) = crate::domain::text::note(&f.note) else {
        return Ok(redirect_with_flash(
            &req,
            &state,
            &back,
            FlashKind::Error,
            "flash-note-refused",
        ));
    };
    let moved = state
        .db
        .run(move |conn| -> Result<Moved, DbError> {
            matches::move_to(conn, scope, id, stage, on, &note, user_id, db::now())
        })
        .await?;
    match moved {
        Moved::Done => Ok(redirect_with_flash(
            &req,
            &state,
            &back,
            FlashKind::Success,
            "flash-match-moved",
        )),
        Moved::NotAllowed => Ok(redirect_with_flash(
            &req,
            &state,
            &back,
            FlashKind::Error,
            "match-error-stage",
        )),
        Moved::NotFound => Err(WebError::NotFound),
    }
}
