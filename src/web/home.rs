//! The start page after signing in.

use super::Ctx;
use crate::views;
use maud::Markup;

pub async fn index(ctx: Ctx) -> Markup {
    views::home::page(&ctx)
}
