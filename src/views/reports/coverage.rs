//! The coverage matrix: sections (or one section's divisions) × counties (or one county's
//! municipalities); four numbers in each cell, each a link to the employer list.

use super::{downloads, report_nav, team_options};
use crate::db::reports::coverage::Params;
use crate::domain::coverage::{Counts, Matrix, Status};
use crate::domain::validation::FieldErrors;
use crate::export::{Cell, Table};
use crate::format;
use crate::views::components::{select, Input};
use crate::views::layout;
use crate::web::reports::coverage::CoverageQuery;
use crate::web::Ctx;
use maud::{html, Markup};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Section,
    Division,
    County,
    Municipality,
}

pub struct CoveragePage {
    /// (code, name) of the rows and columns, in order.
    pub rows: Vec<(String, String)>,
    pub cols: Vec<(String, String)>,
    pub matrix: Matrix,
    pub row_level: Level,
    pub col_level: Level,
    pub section: Option<(String, String)>,
    pub county: Option<(String, String)>,
    pub params: Params,
    pub teams: Vec<(i64, String)>,
    pub sections: Vec<(String, String)>,
    pub counties: Vec<(String, String)>,
    pub period_ok: bool,
}

/// The four numbers of a cell, in order, with the message id of their name.
const MEASURES: [&str; 4] = [
    "report-coverage-employers",
    "report-coverage-active",
    "report-coverage-openings",
    "report-coverage-placements",
];

fn values(c: &Counts) -> [i64; 4] {
    [c.employers, c.active, c.with_openings, c.with_placements]
}

/// The employer list behind one number: the row's industry, the column's area, and the
/// measure's own filter.
pub fn list_link(p: &CoveragePage, row: Option<&str>, col: Option<&str>, measure: usize) -> String {
    let mut pairs: Vec<(&str, String)> = Vec::new();
    if let Some(r) = row {
        pairs.push(("industry", r.to_owned()));
    }
    if let Some(c) = col {
        let key = if p.col_level == Level::County {
            "county"
        } else {
            "municipality"
        };
        pairs.push((key, c.to_owned()));
    }
    let team = p.params.team_id.map(|t| t.to_string());
    match measure {
        1 => pairs.push(("active_90", "on".into())),
        2 => pairs.push(("open_openings", "on".into())),
        3 => {
            pairs.push(("placed_from", p.params.from.to_string()));
            pairs.push(("placed_to", p.params.to.to_string()));
        }
        _ => {}
    }
    if measure > 0 {
        if let Some(t) = team {
            pairs.push(("team", t));
        }
    }
    format!(
        "/employers?{}",
        serde_urlencoded::to_string(&pairs).unwrap_or_default()
    )
}

fn numbers(
    ctx: &Ctx,
    p: &CoveragePage,
    c: &Counts,
    row: Option<&str>,
    col: Option<&str>,
) -> Markup {
    let v = values(c);
    html! {
        span.cell-numbers {
            @for (i, n) in v.iter().enumerate() {
                @if i > 0 { span.sep aria-hidden="true" { " / " } }
                a href=(list_link(p, row, col, i)) aria-label=(ctx.ta(&format!("{}-count", MEASURES[i]), &[("count", (*n).into())])) { (n) }
            }
        }
    }
}

fn status_mark(ctx: &Ctx, c: &Counts) -> Markup {
    match Status::of(c) {
        Status::Empty => {
            html! { span.mark.mark-empty { span aria-hidden="true" { "∅ " } span.visually-hidden { (ctx.t("report-coverage-empty")) ": " } } }
        }
        Status::Cold => {
            html! { span.mark.mark-cold { span aria-hidden="true" { "❄ " } span.visually-hidden { (ctx.t("report-coverage-cold")) ": " } } }
        }
        Status::Active => html! {},
    }
}

/// Keeps the page's filters in a drill-down link.
fn drill(q: &CoverageQuery, section: Option<&str>, county: Option<&str>) -> String {
    let pairs: Vec<(&str, String)> = [
        ("section", section.unwrap_or("").to_owned()),
        ("county", county.unwrap_or("").to_owned()),
        ("team", q.team.clone()),
        ("from", q.from.clone()),
        ("to", q.to.clone()),
    ]
    .into_iter()
    .filter(|(_, v)| !v.trim().is_empty())
    .collect();
    format!(
        "/reports/coverage?{}",
        serde_urlencoded::to_string(&pairs).unwrap_or_default()
    )
}

pub fn page(ctx: &Ctx, q: &CoverageQuery, p: &CoveragePage) -> Markup {
    let no_errors = FieldErrors::default();
    let mut section_options = vec![(String::new(), ctx.t("report-coverage-all-sections"))];
    section_options.extend(
        p.sections
            .iter()
            .map(|(c, n)| (c.clone(), format!("{c} {n}"))),
    );
    let mut county_options = vec![(String::new(), ctx.t("report-coverage-all-counties"))];
    county_options.extend(p.counties.iter().map(|(c, n)| (c.clone(), n.clone())));
    let from = p.params.from.to_string();
    let to = p.params.to.to_string();
    let (empty, cold) = p.matrix.gaps();
    let section_code = p.section.as_ref().map(|s| s.0.as_str());
    let county_code = p.county.as_ref().map(|c| c.0.as_str());
    let caption = ctx.ta(
        "report-coverage-caption",
        &[
            (
                "rows",
                ctx.t(if p.row_level == Level::Section {
                    "report-coverage-sections"
                } else {
                    "report-coverage-divisions"
                })
                .into(),
            ),
            (
                "cols",
                ctx.t(if p.col_level == Level::County {
                    "report-coverage-counties"
                } else {
                    "report-coverage-municipalities"
                })
                .into(),
            ),
        ],
    );
    let query: Vec<(&str, String)> = vec![
        ("section", q.section.clone()),
        ("county", q.county.clone()),
        ("team", q.team.clone()),
        ("from", q.from.clone()),
        ("to", q.to.clone()),
    ];
    let body = html! {
        (report_nav(ctx))
        h1 { (ctx.t("report-coverage-title")) }
        p.lead { (ctx.t("report-coverage-intro")) }
        form.filter-form method="get" action="/reports/coverage" {
            div.filter-grid {
                (select(ctx, &no_errors, "section", ctx.t("report-coverage-section"), &section_options, q.section.trim()))
                (select(ctx, &no_errors, "county", ctx.t("report-coverage-county"), &county_options, q.county.trim()))
                (select(ctx, &no_errors, "team", ctx.t("report-team"), &team_options(ctx, &p.teams), q.team.trim()))
                (Input::new("from", ctx.t("report-period-from"), &from).kind("date").render(ctx, &no_errors))
                (Input::new("to", ctx.t("report-period-to"), &to).kind("date").render(ctx, &no_errors))
            }
            button type="submit" { (ctx.t("report-apply")) }
        }
        @if !p.period_ok {
            div.notice.notice-warning role="alert" { p { (ctx.t("report-period-invalid")) } }
        }
        (downloads(ctx, "/reports/coverage", &query))
        div.legend {
            p { (ctx.t("report-coverage-legend")) }
            ul {
                li { span.mark.mark-empty aria-hidden="true" { "∅" } " " (ctx.t("report-coverage-empty-means")) }
                li { span.mark.mark-cold aria-hidden="true" { "❄" } " " (ctx.t("report-coverage-cold-means")) }
            }
        }
        p.result-count role="status" { (ctx.ta("report-coverage-gaps", &[("empty", (empty as i64).into()), ("cold", (cold as i64).into())])) }
        @if let Some((code, name)) = &p.section {
            p.breadcrumb { a href=(drill(q, None, county_code)) { "← " (ctx.t("report-coverage-all-sections")) } " · " (code) " " (name) }
        }
        @if let Some((_, name)) = &p.county {
            p.breadcrumb { a href=(drill(q, section_code, None)) { "← " (ctx.t("report-coverage-all-counties")) } " · " (name) }
        }
        div.table-wrap.matrix-wrap role="region" aria-labelledby="coverage-caption" tabindex="0" {
            table.matrix {
                caption #coverage-caption {
                    (caption) " "
                    span.caption-note { (ctx.ta("report-coverage-period", &[("from", format::date(p.params.from).into()), ("to", format::date(p.params.to).into())])) }
                }
                thead {
                    tr {
                        th scope="col" { (ctx.t("report-coverage-industry")) }
                        @for (code, name) in &p.cols {
                            th scope="col" {
                                @if p.col_level == Level::County {
                                    a href=(drill(q, section_code, Some(code))) { (name) }
                                } @else { (name) }
                            }
                        }
                        th scope="col" { (ctx.t("report-total")) }
                    }
                }
                tbody {
                    @for (code, name) in &p.rows {
                        tr {
                            th scope="row" {
                                @if p.row_level == Level::Section {
                                    a href=(drill(q, Some(code), county_code)) { (code) " " (name) }
                                } @else { (code) " " (name) }
                            }
                            @for (col, _) in &p.cols {
                                @let c = p.matrix.cell(code, col);
                                td class=(format!("cell cell-{}", Status::of(&c).as_str())) {
                                    (status_mark(ctx, &c))
                                    (numbers(ctx, p, &c, Some(code), Some(col)))
                                }
                            }
                            @let t = p.matrix.row_total(code);
                            td.total { (numbers(ctx, p, &t, Some(code), None)) }
                        }
                    }
                }
                tfoot {
                    tr {
                        th scope="row" { (ctx.t("report-total")) }
                        @for (col, _) in &p.cols {
                            @let t = p.matrix.col_total(col);
                            td.total { (numbers(ctx, p, &t, None, Some(col))) }
                        }
                        td.total { (numbers(ctx, p, &p.matrix.total, section_code, None)) }
                    }
                }
            }
        }
        p.hint { (ctx.t("report-coverage-order")) }
        @if p.matrix.unplaced.employers > 0 {
            p.hint { (ctx.ta("report-coverage-unplaced", &[("count", p.matrix.unplaced.employers.into())])) }
        }
    };
    layout::page(ctx, &ctx.t("report-coverage-title"), body)
}

/// The matrix as a download: one row per cell, with the same numbers.
pub fn table(ctx: &Ctx, p: &CoveragePage) -> Table {
    let mut t = Table::new(
        ctx.t("report-coverage-title"),
        vec![
            ctx.t("report-export-industry-code"),
            ctx.t("report-coverage-industry"),
            ctx.t("report-export-area-code"),
            ctx.t("report-export-area"),
            ctx.t("report-coverage-employers"),
            ctx.t("report-coverage-active"),
            ctx.t("report-coverage-openings"),
            ctx.t("report-coverage-placements"),
            ctx.t("report-export-status"),
        ],
    );
    for (code, name) in &p.rows {
        for (col, col_name) in &p.cols {
            let c = p.matrix.cell(code, col);
            let status = match Status::of(&c) {
                Status::Empty => ctx.t("report-coverage-empty"),
                Status::Cold => ctx.t("report-coverage-cold"),
                Status::Active => String::new(),
            };
            let mut row = vec![
                Cell::text(code.clone()),
                Cell::text(name.clone()),
                Cell::text(col.clone()),
                Cell::text(col_name.clone()),
            ];
            row.extend(values(&c).iter().map(|n| Cell::Int(*n)));
            row.push(Cell::Text(status));
            t.push(row);
        }
    }
    t
}
