//! `/reports/coverage`: industries × areas, each number linking to the filtered employer list.

use super::{download, html, id, teams};
use crate::db::reports::coverage::{self as q, Params};
use crate::db::{self, reference, DbError};
use crate::domain::coverage::Matrix;
use crate::export::Format;
use crate::format::today_helsinki;
use crate::views::reports::coverage::{CoveragePage, Level};
use crate::web::{AppState, Ctx, WebError};
use actix_web::{web, HttpResponse};
use chrono::{Days, NaiveDate};
use serde::Deserialize;
use std::collections::HashMap;

#[derive(Debug, Deserialize, Default, Clone)]
#[serde(default)]
pub struct CoverageQuery {
    /// A TOL section to show its divisions; empty: all sections.
    pub section: String,
    /// A wellbeing services county to show its municipalities; empty: all counties.
    pub county: String,
    pub team: String,
    pub from: String,
    pub to: String,
    pub format: String,
}

fn date(s: &str) -> Option<NaiveDate> {
    crate::domain::fields::parse_date(s)
}

/// The period of the query, or the last 12 months; `false` when what was given was not valid.
pub fn period(q: &CoverageQuery, today: NaiveDate) -> (NaiveDate, NaiveDate, bool) {
    let default_from = today - Days::new(365);
    let from = if q.from.trim().is_empty() {
        Some(default_from)
    } else {
        date(&q.from)
    };
    let to = if q.to.trim().is_empty() {
        Some(today)
    } else {
        date(&q.to)
    };
    match (from, to) {
        (Some(f), Some(t)) if f <= t => (f, t, true),
        _ => (default_from, today, false),
    }
}

pub async fn coverage(
    ctx: Ctx,
    state: web::Data<AppState>,
    query: web::Query<CoverageQuery>,
) -> Result<HttpResponse, WebError> {
    let q = query.into_inner();
    let lang = ctx.lang;
    let scope = ctx.scope()?;
    let now = db::now();
    let (from, to, period_ok) = period(&q, today_helsinki(now));
    let params = Params {
        team_id: id(&q.team),
        from,
        to,
    };
    let q2 = q.clone();
    let page = state
        .db
        .run(move |conn| -> Result<CoveragePage, DbError> {
            let industries = reference::industries(conn, lang)?;
            let municipalities = reference::municipalities(conn, lang)?;
            let counties = reference::counties(conn, lang)?;
            let raw = q::counts(conn, &params, now)?;
            let section = industries
                .iter()
                .find(|i| i.level == "section" && i.code == q2.section.trim())
                .cloned();
            let county = counties
                .iter()
                .find(|c| c.code == q2.county.trim())
                .cloned();
            let parent: HashMap<String, String> = industries
                .iter()
                .filter_map(|i| i.parent.clone().map(|p| (i.code.clone(), p)))
                .collect();
            let county_of: HashMap<String, String> = municipalities
                .iter()
                .map(|m| (m.code.clone(), m.county_code.clone()))
                .collect();
            let rows: Vec<(String, String)> = match &section {
                Some(s) => industries
                    .iter()
                    .filter(|i| i.parent.as_deref() == Some(s.code.as_str()))
                    .map(|i| (i.code.clone(), i.name.clone()))
                    .collect(),
                None => industries
                    .iter()
                    .filter(|i| i.level == "section")
                    .map(|i| (i.code.clone(), i.name.clone()))
                    .collect(),
            };
            let cols: Vec<(String, String)> = match &county {
                Some(c) => municipalities
                    .iter()
                    .filter(|m| m.county_code == c.code)
                    .map(|m| (m.code.clone(), m.name.clone()))
                    .collect(),
                None => counties
                    .iter()
                    .map(|c| (c.code.clone(), c.name.clone()))
                    .collect(),
            };
            let by_section = section.is_none();
            let by_county = county.is_none();
            let matrix = Matrix::build(
                rows.iter().map(|r| r.0.clone()).collect(),
                cols.iter().map(|c| c.0.clone()).collect(),
                &raw,
                |code| {
                    if by_section {
                        // An employer may carry a section code itself, or a division's.
                        parent.get(code).cloned().or_else(|| Some(code.to_owned()))
                    } else {
                        Some(code.to_owned())
                    }
                },
                |m| {
                    if by_county {
                        county_of.get(m).cloned()
                    } else {
                        Some(m.to_owned())
                    }
                },
            );
            Ok(CoveragePage {
                rows,
                cols,
                matrix,
                row_level: if by_section {
                    Level::Section
                } else {
                    Level::Division
                },
                col_level: if by_county {
                    Level::County
                } else {
                    Level::Municipality
                },
                section: section.map(|s| (s.code, s.name)),
                county: county.map(|c| (c.code, c.name)),
                params,
                teams: teams(conn, scope)?,
                sections: industries
                    .iter()
                    .filter(|i| i.level == "section")
                    .map(|i| (i.code.clone(), i.name.clone()))
                    .collect(),
                counties: counties
                    .iter()
                    .map(|c| (c.code.clone(), c.name.clone()))
                    .collect(),
                period_ok,
            })
        })
        .await?;
    match Format::parse(&q.format) {
        Some(format) => download(
            format,
            "coverage",
            &[crate::views::reports::coverage::table(&ctx, &page)],
        ),
        None => Ok(html(crate::views::reports::coverage::page(&ctx, &q, &page))),
    }
}
