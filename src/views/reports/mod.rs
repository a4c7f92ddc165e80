//! The reports' pages: a shared head with the report links and the downloads, and one module per
//! report. Each module also lays its tables out for the downloads, with the same numbers.

pub mod chart;
pub mod coverage;
pub mod job_development;
pub mod relationships;

use super::layout;
use crate::domain::role::Role;
use crate::web::Ctx;
use maud::{html, Markup};

/// A number with one decimal and a decimal comma; a dash when there is nothing to show.
pub fn dec1(v: Option<f64>) -> String {
    v.map(|v| crate::export::csv::decimal(v, 1))
        .unwrap_or_else(|| "–".into())
}

/// A percentage with one decimal: `85,0 %`.
pub fn pct(v: Option<f64>) -> String {
    v.map(|v| format!("{} %", crate::export::csv::decimal(v, 1)))
        .unwrap_or_else(|| "–".into())
}

const REPORTS: [(&str, &str); 3] = [
    ("/reports/coverage", "report-coverage-title"),
    ("/reports/relationships", "report-relationships-title"),
    ("/reports/job-development", "report-job-development-title"),
];

fn is_lead(ctx: &Ctx) -> bool {
    matches!(ctx.role(), Some(Role::TeamLead | Role::Admin))
}

/// The links between the reports (for team leads and admins).
pub fn report_nav(ctx: &Ctx) -> Markup {
    html! {
        @if is_lead(ctx) {
            nav.report-nav aria-label=(ctx.t("report-nav-label")) {
                ul {
                    @for (href, id) in REPORTS {
                        li {
                            @if ctx.path == href {
                                a href=(href) aria-current="page" { (ctx.t(id)) }
                            } @else {
                                a href=(href) { (ctx.t(id)) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Links to download the page's tables; `query` holds the page's filters.
pub fn downloads(ctx: &Ctx, path: &str, query: &[(&str, String)]) -> Markup {
    let link = |format: &str| {
        let mut pairs: Vec<(&str, String)> = query
            .iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .cloned()
            .collect();
        pairs.push(("format", format.to_owned()));
        format!(
            "{path}?{}",
            serde_urlencoded::to_string(&pairs).unwrap_or_default()
        )
    };
    html! {
        p.downloads {
            span.meta-label { (ctx.t("report-download")) ": " }
            a.button href=(link("xlsx")) download { (ctx.t("report-download-xlsx")) }
            " "
            a.button href=(link("csv")) download { (ctx.t("report-download-csv")) }
        }
    }
}

/// A select of teams for a filter form, with "all".
pub fn team_options(ctx: &Ctx, teams: &[(i64, String)]) -> Vec<(String, String)> {
    let mut options = vec![(String::new(), ctx.t("report-all-teams"))];
    options.extend(
        teams
            .iter()
            .map(|(id, name)| (id.to_string(), name.clone())),
    );
    options
}

pub fn index(ctx: &Ctx) -> Markup {
    let body = html! {
        h1 { (ctx.t("report-index-title")) }
        ul.report-list {
            @for (href, id) in REPORTS {
                li.card {
                    h2 { a href=(href) { (ctx.t(id)) } }
                    p { (ctx.t(&format!("{id}-intro"))) }
                }
            }
        }
    };
    layout::page(ctx, &ctx.t("report-index-title"), body)
}
