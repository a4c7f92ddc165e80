//! The start page after signing in: what is due, and the way into the quick log.

use super::{AppState, Ctx, WebError};
use crate::db::follow_ups::{self, Whose};
use crate::domain::follow_up::{bucket, Bucket};
use crate::views;
use actix_web::web;
use maud::Markup;

pub async fn index(ctx: Ctx, state: web::Data<AppState>) -> Result<Markup, WebError> {
    let user_id = ctx.user()?.id;
    let open = state
        .db
        .run(move |conn| follow_ups::open(conn, Whose::User(user_id)))
        .await?;
    let today = crate::format::today_helsinki(crate::db::now());
    let count = |b: Bucket| open.iter().filter(|f| bucket(f.due_on, today) == b).count() as i64;
    Ok(views::home::page(
        &ctx,
        count(Bucket::Overdue),
        count(Bucket::Today),
    ))
}
