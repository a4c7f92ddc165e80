//! IPS job development: weekly face-to-face employer contacts as a chart and tables, and each
//! coach's caseload, rapid job search, diversity, competitive share and follow-along.

use super::chart::{self, WeeklyChart};
use super::{dec1, downloads, pct, report_nav, team_options};
use crate::db::reports::job_development::{CoachNumbers, JobDevelopment};
use crate::domain::ips::{CASELOAD_MAX, F2F_TARGET, RAPID_DAYS};
use crate::domain::validation::FieldErrors;
use crate::export::{Cell, Table};
use crate::views::components::select;
use crate::views::layout;
use crate::web::reports::job_development::JobDevelopmentQuery;
use crate::web::Ctx;
use chrono::NaiveDate;
use maud::{html, Markup};

pub struct JobDevelopmentPage {
    pub data: JobDevelopment,
    pub teams: Vec<(i64, String)>,
    pub people: Vec<(i64, String, String)>,
    /// A coach looking at their own numbers.
    pub own: bool,
}

fn week_label(monday: NaiveDate) -> String {
    monday.format("%-d.%-m.").to_string()
}

fn below(ctx: &Ctx) -> Markup {
    html! { span.mark.mark-below { span aria-hidden="true" { " ▼" } span.visually-hidden { " (" (ctx.t("report-below-target")) ")" } } }
}

fn over(ctx: &Ctx) -> Markup {
    html! { span.mark.mark-below { span aria-hidden="true" { " ▲" } span.visually-hidden { " (" (ctx.t("report-over-limit")) ")" } } }
}

fn coach_label(ctx: &Ctx, c: &CoachNumbers) -> String {
    if c.coach.active {
        c.coach.name.clone()
    } else {
        ctx.ta(
            "report-coach-left",
            &[("name", c.coach.name.clone().into())],
        )
    }
}

pub fn page(ctx: &Ctx, q: &JobDevelopmentQuery, p: &JobDevelopmentPage) -> Markup {
    let d = &p.data;
    let no_errors = FieldErrors::default();
    let mut coach_options = vec![(String::new(), ctx.t("report-all-coaches"))];
    coach_options.extend(
        p.people
            .iter()
            .map(|(id, name, _)| (id.to_string(), name.clone())),
    );
    let labels: Vec<String> = d.weeks.iter().map(|m| week_label(*m)).collect();
    let title = ctx.t(if p.own {
        "report-own-title"
    } else {
        "report-job-development-title"
    });
    let graph = chart::render(&WeeklyChart {
        id: "f2f-chart",
        title: ctx.t("report-f2f-chart-title"),
        description: ctx.ta("report-f2f-chart-desc", &[("target", F2F_TARGET.into())]),
        labels: labels.clone(),
        bars: d.team_average.iter().map(|v| v.unwrap_or(0.0)).collect(),
        line: d.team_rolling.clone(),
        target: F2F_TARGET as f64,
        bar_label: ctx.t("report-f2f-average"),
        line_label: ctx.t("report-f2f-rolling"),
        target_label: ctx.ta("report-f2f-target", &[("target", F2F_TARGET.into())]),
    });
    let query = vec![("team", q.team.clone()), ("coach", q.coach.clone())];
    let t = &d.total;
    let body = html! {
        (report_nav(ctx))
        h1 { (title) }
        p.lead { (ctx.t("report-job-development-intro")) }
        @if !p.own {
            form.filter-form method="get" action="/reports/job-development" {
                div.filter-grid {
                    (select(ctx, &no_errors, "team", ctx.t("report-team"), &team_options(ctx, &p.teams), q.team.trim()))
                    (select(ctx, &no_errors, "coach", ctx.t("report-coach"), &coach_options, q.coach.trim()))
                }
                button type="submit" { (ctx.t("report-apply")) }
            }
        }
        (downloads(ctx, "/reports/job-development", &if p.own { Vec::new() } else { query }))

        section.report-section aria-labelledby="f2f-title" {
            h2 #f2f-title { (ctx.t("report-f2f-title")) }
            p { (ctx.ta("report-f2f-intro", &[("target", F2F_TARGET.into())])) }
            div.chart-and-table {
                figure.chart-figure {
                    (graph)
                    figcaption { (ctx.t("report-f2f-chart-caption")) }
                }
                div.table-wrap {
                    table #f2f-team {
                        caption { (ctx.t("report-f2f-team-caption")) }
                        thead {
                            tr {
                                th scope="col" { (ctx.t("report-week")) }
                                th scope="col" { (ctx.t("report-f2f-contacts")) }
                                th scope="col" { (ctx.t("report-f2f-average")) }
                                th scope="col" { (ctx.t("report-f2f-rolling")) }
                            }
                        }
                        tbody {
                            @for (i, label) in labels.iter().enumerate() {
                                tr {
                                    th scope="row" { (label) }
                                    td { (d.team_counts[i]) }
                                    td { (dec1(d.team_average[i])) }
                                    td {
                                        (dec1(d.team_rolling[i]))
                                        @if d.team_rolling[i].is_some_and(|r| r < F2F_TARGET as f64) { (below(ctx)) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            div.table-wrap.matrix-wrap role="region" aria-labelledby="f2f-coaches-caption" tabindex="0" {
                table.matrix #f2f-coaches {
                    caption #f2f-coaches-caption { (ctx.t("report-f2f-coaches-caption")) }
                    thead {
                        tr {
                            th scope="col" { (ctx.t("report-coach")) }
                            @for label in &labels { th scope="col" { (label) } }
                            th scope="col" { (ctx.t("report-f2f-average")) }
                            th scope="col" { (ctx.t("report-f2f-rolling-latest")) }
                            th scope="col" { (ctx.t("report-client-specific")) }
                            th scope="col" { (ctx.t("report-general")) }
                        }
                    }
                    tbody {
                        @for c in &d.coaches {
                            tr {
                                th scope="row" { (coach_label(ctx, c)) }
                                @for (i, n) in c.f2f.counts.iter().enumerate() {
                                    td title=(format!("{}: {}", ctx.t("report-f2f-rolling"), dec1(c.f2f.rolling[i]))) {
                                        (n) @if *n < F2F_TARGET { (below(ctx)) }
                                    }
                                }
                                td { (dec1(c.f2f.average)) }
                                td { (dec1(c.f2f.rolling.last().copied().flatten())) @if c.f2f.below_target { (below(ctx)) } }
                                td { (c.client_specific) }
                                td { (c.general) }
                            }
                        }
                    }
                }
            }
            p.hint { span aria-hidden="true" { "▼ " } (ctx.ta("report-below-target-means", &[("target", F2F_TARGET.into())])) }
        }

        section.report-section aria-labelledby="coach-title" {
            h2 #coach-title { (ctx.t("report-by-coach-title")) }
            p { (ctx.ta("report-by-coach-intro", &[("caseload", CASELOAD_MAX.into()), ("days", RAPID_DAYS.into())])) }
            div.table-wrap.matrix-wrap role="region" aria-labelledby="by-coach-caption" tabindex="0" {
                table.matrix #by-coach {
                    caption #by-coach-caption { (ctx.t("report-by-coach-caption")) }
                    thead {
                        tr {
                            th scope="col" { (ctx.t("report-coach")) }
                            th scope="col" { (ctx.t("report-caseload")) }
                            th scope="col" { (ctx.t("report-rapid-counted")) }
                            th scope="col" { (ctx.t("report-rapid-median")) }
                            th scope="col" { (ctx.t("report-rapid-share")) }
                            th scope="col" { (ctx.t("report-starts")) }
                            th scope="col" { (ctx.t("report-employer-diversity")) }
                            th scope="col" { (ctx.t("report-job-diversity")) }
                            th scope="col" { (ctx.t("report-competitive")) }
                            th scope="col" { (ctx.t("report-wage-subsidy")) }
                            th scope="col" { (ctx.t("report-follow-first")) }
                            th scope="col" { (ctx.t("report-follow-weekly")) }
                        }
                    }
                    tbody {
                        @for c in &d.coaches {
                            tr {
                                th scope="row" { (coach_label(ctx, c)) }
                                td { (c.caseload) @if c.caseload > CASELOAD_MAX { (over(ctx)) } }
                                td { (c.rapid.counted) }
                                td { (dec1(c.rapid.median_days)) }
                                td { (pct(c.rapid.share_within_target)) }
                                td { (c.outcomes.starts) }
                                td { (pct(c.outcomes.employer_diversity)) }
                                td { (pct(c.outcomes.job_diversity)) }
                                td { (pct(c.outcomes.competitive_share)) }
                                td { (c.outcomes.wage_subsidy) }
                                td { (pct(c.follow_along.first_share)) }
                                td { (pct(c.follow_along.weekly_share)) }
                            }
                        }
                    }
                    tfoot {
                        tr {
                            th scope="row" { (ctx.t("report-total")) }
                            td { (t.caseload) }
                            td { (t.rapid.counted) }
                            td { (dec1(t.rapid.median_days)) }
                            td { (pct(t.rapid.share_within_target)) }
                            td { (t.outcomes.starts) }
                            td { (pct(t.outcomes.employer_diversity)) }
                            td { (pct(t.outcomes.job_diversity)) }
                            td { (pct(t.outcomes.competitive_share)) }
                            td { (t.outcomes.wage_subsidy) }
                            td { (pct(t.follow_along.first_share)) }
                            td { (pct(t.follow_along.weekly_share)) }
                        }
                    }
                }
            }
            p.hint { (ctx.t("report-definitions")) }
        }

        section.report-section aria-labelledby="quarters-title" {
            h2 #quarters-title { (ctx.t("report-quarters-title")) }
            p { (ctx.t("report-quarters-intro")) }
            div.table-wrap {
                table #quarters {
                    caption { (ctx.t("report-quarters-title")) }
                    thead {
                        tr {
                            th scope="col" { (ctx.t("report-quarter")) }
                            th scope="col" { (ctx.t("report-starts")) }
                            th scope="col" { (ctx.t("report-quarter-caseload")) }
                            th scope="col" { (ctx.t("report-quarter-employed")) }
                            th scope="col" { (ctx.t("report-employment-rate")) }
                        }
                    }
                    tbody {
                        @for r in &d.quarters {
                            tr {
                                th scope="row" { (r.quarter.label()) }
                                td { (r.starts) }
                                td { (r.caseload) }
                                td { (r.employed) }
                                td { (pct(r.rate)) }
                            }
                        }
                    }
                }
            }
        }
    };
    layout::page(ctx, &title, body)
}

/// The page's tables as downloads.
pub fn tables(ctx: &Ctx, p: &JobDevelopmentPage) -> Vec<Table> {
    let d = &p.data;
    let labels: Vec<String> = d.weeks.iter().map(|m| week_label(*m)).collect();

    let mut team = Table::new(
        ctx.t("report-f2f-team-caption"),
        vec![
            ctx.t("report-week"),
            ctx.t("report-f2f-contacts"),
            ctx.t("report-f2f-average"),
            ctx.t("report-f2f-rolling"),
        ],
    );
    for (i, monday) in d.weeks.iter().enumerate() {
        team.push(vec![
            Cell::Date(*monday),
            Cell::Int(d.team_counts[i]),
            Cell::dec1(d.team_average[i]),
            Cell::dec1(d.team_rolling[i]),
        ]);
    }

    let mut columns = vec![ctx.t("report-coach")];
    columns.extend(labels.iter().cloned());
    columns.extend([
        ctx.t("report-f2f-average"),
        ctx.t("report-f2f-rolling-latest"),
        ctx.t("report-client-specific"),
        ctx.t("report-general"),
    ]);
    let mut weekly = Table::new(ctx.t("report-f2f-coaches-caption"), columns);
    for c in &d.coaches {
        let mut row = vec![Cell::Text(coach_label(ctx, c))];
        row.extend(c.f2f.counts.iter().map(|n| Cell::Int(*n)));
        row.push(Cell::dec1(c.f2f.average));
        row.push(Cell::dec1(c.f2f.rolling.last().copied().flatten()));
        row.push(Cell::Int(c.client_specific));
        row.push(Cell::Int(c.general));
        weekly.push(row);
    }

    let mut by_coach = Table::new(
        ctx.t("report-by-coach-caption"),
        [
            "report-coach",
            "report-caseload",
            "report-rapid-counted",
            "report-rapid-median",
            "report-rapid-share",
            "report-starts",
            "report-employer-diversity",
            "report-job-diversity",
            "report-competitive",
            "report-wage-subsidy",
            "report-follow-first",
            "report-follow-weekly",
        ]
        .iter()
        .map(|id| ctx.t(id))
        .collect(),
    );
    let numbers = |name: String,
                   caseload: i64,
                   c: (
        &crate::domain::ips::RapidJobSearch,
        &crate::domain::ips::Outcomes,
        &crate::domain::ips::FollowAlong,
    )| {
        vec![
            Cell::Text(name),
            Cell::Int(caseload),
            Cell::Int(c.0.counted as i64),
            Cell::dec1(c.0.median_days),
            Cell::dec1(c.0.share_within_target),
            Cell::Int(c.1.starts as i64),
            Cell::dec1(c.1.employer_diversity),
            Cell::dec1(c.1.job_diversity),
            Cell::dec1(c.1.competitive_share),
            Cell::Int(c.1.wage_subsidy as i64),
            Cell::dec1(c.2.first_share),
            Cell::dec1(c.2.weekly_share),
        ]
    };
    for c in &d.coaches {
        by_coach.push(numbers(
            coach_label(ctx, c),
            c.caseload,
            (&c.rapid, &c.outcomes, &c.follow_along),
        ));
    }
    let t = &d.total;
    by_coach.push(numbers(
        ctx.t("report-total"),
        t.caseload,
        (&t.rapid, &t.outcomes, &t.follow_along),
    ));

    let mut quarters = Table::new(
        ctx.t("report-quarters-title"),
        vec![
            ctx.t("report-quarter"),
            ctx.t("report-starts"),
            ctx.t("report-quarter-caseload"),
            ctx.t("report-quarter-employed"),
            ctx.t("report-employment-rate"),
        ],
    );
    for r in &d.quarters {
        quarters.push(vec![
            Cell::Text(r.quarter.label()),
            Cell::Int(r.starts as i64),
            Cell::Int(r.caseload as i64),
            Cell::Int(r.employed as i64),
            Cell::dec1(r.rate),
        ]);
    }
    vec![team, weekly, by_coach, quarters]
}
