//! The start page.

use super::layout;
use crate::web::Ctx;
use maud::{html, Markup};

pub fn page(ctx: &Ctx) -> Markup {
    let (name, role, team) = match &ctx.user {
        Some(u) => (
            u.name.clone(),
            ctx.t(u.role.message_id()),
            u.team_name.clone(),
        ),
        None => Default::default(),
    };
    let body = html! {
        h1 { (ctx.ta("home-welcome", &[("name", name.into())])) }
        p.lead { (ctx.ta("home-role", &[("role", role.into()), ("team", team.into())])) }
        p { (ctx.t("home-intro")) }
    };
    layout::page(ctx, &ctx.t("nav-home"), body)
}
