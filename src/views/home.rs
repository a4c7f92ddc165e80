//! The start page.

use super::layout;
use crate::web::Ctx;
use maud::{html, Markup};

pub fn page(ctx: &Ctx, overdue: i64, due_today: i64) -> Markup {
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
        div.home-actions {
            a.button.primary.big href="/log" { (ctx.t("home-quick-log")) }
            a.button.big href="/employers" { (ctx.t("home-employers")) }
        }
        section.card aria-labelledby="due-heading" {
            h2 #due-heading { (ctx.t("home-due")) }
            p.due-summary.overdue[overdue > 0] { (ctx.ta("home-overdue", &[("count", overdue.into())])) }
            p.due-summary { (ctx.ta("home-today", &[("count", due_today.into())])) }
            p { a href="/follow-ups" { (ctx.t("home-follow-ups-link")) } }
        }
        p.muted { (ctx.t("home-intro")) }
    };
    layout::page(ctx, &ctx.t("nav-home"), body)
}
