//! Matches: scores with their reasons, ranked lists, match lists with their next moves, and the
//! pipeline by stage.

use super::components::csrf;
use super::employers::FormOptions;
use super::layout;
use crate::db::matches::MatchRow;
use crate::db::ranking::{RankedJobseeker, RankedOpening};
use crate::domain::jobs::MatchStage;
use crate::domain::matching::{MatchScore, Reason, Verdict, CODE_ARGS};
use crate::format;
use crate::web::Ctx;
use maud::{html, Markup};

fn reason_text(ctx: &Ctx, reason: &Reason, options: &FormOptions) -> String {
    let args: Vec<(&'static str, crate::i18n::Arg)> = reason
        .resolve_labels(|id| ctx.t(id))
        .into_iter()
        .map(|(name, value)| {
            let shown = if CODE_ARGS.contains(&name) {
                match name {
                    "municipality" => options.municipality_name(Some(&value)).map(str::to_owned),
                    "county" => options
                        .counties
                        .iter()
                        .find(|c| c.code == value)
                        .map(|c| c.name.clone()),
                    _ => options.industry_name(Some(&value)),
                }
                .unwrap_or(value)
            } else {
                value
            };
            (name, shown.into())
        })
        .collect();
    ctx.ta(reason.message_id, &args)
}

fn verdict_mark(ctx: &Ctx, verdict: Verdict) -> Markup {
    let (class, id) = match verdict {
        Verdict::Fits => ("fits", "verdict-fits"),
        Verdict::Partly => ("partly", "verdict-partly"),
        Verdict::DoesNotFit => ("misfit", "verdict-does-not-fit"),
        Verdict::Blocker => ("blocker", "verdict-blocker"),
        Verdict::Unknown => ("unknown", "verdict-unknown"),
    };
    html! { span.verdict class=(class) { (ctx.t(id)) } }
}

/// The percentage and, beside it, every reason; blockers first and marked.
pub fn score_block(ctx: &Ctx, score: &MatchScore, options: &FormOptions) -> Markup {
    html! {
        div.score {
            p.score-percent { strong { (score.percent) "\u{a0}%" } @if score.is_blocked() { " " span.badge.badge-blocked { (ctx.t("match-blocked")) } } }
            ul.reasons {
                @for r in &score.blockers {
                    li.reason.blocker { (verdict_mark(ctx, Verdict::Blocker)) " " (reason_text(ctx, r, options)) }
                }
                @for r in &score.reasons {
                    li.reason { (verdict_mark(ctx, r.verdict)) " " (reason_text(ctx, r, options)) }
                }
            }
        }
    }
}

/// The name of a jobseeker, or for another team's jobseeker (whose name the query did not
/// read), who to ask.
fn jobseeker_label(ctx: &Ctx, id: i64, name: Option<&str>, coach: &str) -> Markup {
    html! {
        @if let Some(name) = name {
            a href=(format!("/jobseekers/{id}")) { (display_name(ctx, name)) }
        } @else {
            span.muted { (ctx.ta("match-other-team", &[("coach", coach.to_owned().into())])) }
        }
    }
}

/// A jobseeker's name, or a neutral label once the profile is anonymised.
pub fn display_name(ctx: &Ctx, name: &str) -> String {
    if name.is_empty() {
        ctx.t("jobseeker-anonymised")
    } else {
        name.to_owned()
    }
}

pub fn ranked_jobseekers(
    ctx: &Ctx,
    opening_id: i64,
    ranked: &[RankedJobseeker],
    existing: &[MatchRow],
    options: &FormOptions,
) -> Markup {
    html! {
        @if ranked.is_empty() {
            p.empty { (ctx.t("ranking-none")) }
        } @else {
            ol.ranked {
                @for r in ranked {
                    li.card {
                        h3.card-title { (jobseeker_label(ctx, r.id, r.display_name.as_deref(), &r.coach_name)) }
                        (score_block(ctx, &r.score, options))
                        @if let Some(m) = existing.iter().find(|m| m.jobseeker_id == r.id) {
                            p { (ctx.t("match-stage")) ": " (stage_label(ctx, &m.stage)) }
                        } @else if r.display_name.is_some() {
                            form method="post" action="/matches" {
                                (csrf(ctx))
                                input type="hidden" name="opening_id" value=(opening_id);
                                input type="hidden" name="jobseeker_id" value=(r.id);
                                input type="hidden" name="back" value=(format!("/openings/{opening_id}"));
                                button type="submit" { (ctx.t("match-suggest")) }
                            }
                        }
                    }
                }
            }
        }
    }
}

pub fn ranked_openings(
    ctx: &Ctx,
    jobseeker_id: i64,
    ranked: &[RankedOpening],
    existing: &[MatchRow],
    may_suggest: bool,
    options: &FormOptions,
) -> Markup {
    html! {
        @if ranked.is_empty() {
            p.empty { (ctx.t("ranking-none")) }
        } @else {
            ol.ranked {
                @for r in ranked {
                    @let o = &r.candidate.opening;
                    li.card {
                        h3.card-title { a href=(format!("/openings/{}", o.id)) { (o.title) } }
                        p.card-meta {
                            a href=(format!("/employers/{}", o.employer_id)) { (r.candidate.employer_name) }
                            @if let Some(m) = options.municipality_name(o.municipality_code.as_deref()) { " · " (m) }
                            @if let Some(h) = super::openings::hours_text(ctx, o.hours_min, o.hours_max) { " · " (h) }
                        }
                        (score_block(ctx, &r.score, options))
                        @if let Some(m) = existing.iter().find(|m| m.opening_id == o.id) {
                            p { (ctx.t("match-stage")) ": " (stage_label(ctx, &m.stage)) }
                        } @else if may_suggest {
                            form method="post" action="/matches" {
                                (csrf(ctx))
                                input type="hidden" name="opening_id" value=(o.id);
                                input type="hidden" name="jobseeker_id" value=(jobseeker_id);
                                input type="hidden" name="back" value=(format!("/jobseekers/{jobseeker_id}"));
                                button type="submit" { (ctx.t("match-suggest")) }
                            }
                        }
                    }
                }
            }
        }
    }
}

pub fn stage_label(ctx: &Ctx, stage: &str) -> String {
    MatchStage::parse(stage)
        .map(|s| ctx.t(s.message_id()))
        .unwrap_or_default()
}

/// From which page a match list is shown: the other side of the pair is the one to name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Opening,
    Jobseeker,
    Pipeline,
}

/// The form that moves a match on: next stage, date, note.
pub fn move_form(ctx: &Ctx, m: &MatchRow, back: &str) -> Markup {
    let stage = MatchStage::parse(&m.stage).unwrap_or(MatchStage::Suggested);
    let next = stage.next_stages();
    let today = crate::format::today_helsinki(crate::db::now());
    html! {
        @if !next.is_empty() {
            form.move-form method="post" action=(format!("/matches/{}/stage", m.id)) {
                (csrf(ctx))
                input type="hidden" name="back" value=(back);
                div.field {
                    label for=(format!("stage-{}", m.id)) { (ctx.t("match-move-to")) }
                    select id=(format!("stage-{}", m.id)) name="stage" {
                        @for s in &next { option value=(s.as_str()) { (ctx.t(s.message_id())) } }
                    }
                }
                div.field {
                    label for=(format!("on-{}", m.id)) { (ctx.t("match-move-on")) }
                    input id=(format!("on-{}", m.id)) type="date" name="on" value=(today.to_string());
                }
                div.field {
                    label for=(format!("note-{}", m.id)) { (ctx.t("match-move-note")) }
                    input id=(format!("note-{}", m.id)) name="note" maxlength="500";
                }
                button type="submit" { (ctx.t("match-move")) }
            }
        }
    }
}

pub fn match_list(ctx: &Ctx, rows: &[MatchRow], side: Side) -> Markup {
    html! {
        @if rows.is_empty() {
            p.empty { (ctx.t("matches-none")) }
        } @else {
            ul.card-list {
                @for m in rows {
                    @let back = match side {
                        Side::Opening => format!("/openings/{}", m.opening_id),
                        Side::Jobseeker => format!("/jobseekers/{}", m.jobseeker_id),
                        Side::Pipeline => "/matches".to_owned(),
                    };
                    li.card id=(format!("match-{}", m.id)) {
                        p.card-title {
                            @if side != Side::Opening {
                                a href=(format!("/openings/{}", m.opening_id)) { (m.opening_title) }
                                " · " a href=(format!("/employers/{}", m.employer_id)) { (m.employer_name) }
                            }
                            @if side == Side::Pipeline { " · " }
                            @if side != Side::Jobseeker {
                                (jobseeker_label(ctx, m.jobseeker_id, m.jobseeker_name.as_deref(), &m.coach_name))
                            }
                        }
                        p.card-meta { span.badge { (stage_label(ctx, &m.stage)) } " · " (m.score) "\u{a0}% · " (format::datetime(m.updated_at)) }
                        @if m.in_scope() { (move_form(ctx, m, &back)) }
                    }
                }
            }
        }
    }
}

/// All open matches by stage, for a coach or a team.
pub fn pipeline(ctx: &Ctx, rows: &[MatchRow], team_view: bool) -> Markup {
    let open = [
        MatchStage::Suggested,
        MatchStage::Discussed,
        MatchStage::Introduced,
        MatchStage::Interview,
    ];
    let body = html! {
        div.page-head {
            h1 { (ctx.t("matches-title")) }
            nav.tabs aria-label=(ctx.t("matches-scope")) {
                a href="/matches" aria-current=[(!team_view).then_some("page")] { (ctx.t("matches-mine")) }
                a href="/matches?scope=team" aria-current=[team_view.then_some("page")] { (ctx.t("matches-team")) }
            }
        }
        div.pipeline {
            @for stage in open {
                @let in_stage: Vec<MatchRow> = rows.iter().filter(|m| m.stage == stage.as_str()).cloned().collect();
                section.pipeline-stage aria-labelledby=(format!("stage-{}", stage.as_str())) {
                    h2 id=(format!("stage-{}", stage.as_str())) { (ctx.t(stage.message_id())) " " span.count { "(" (in_stage.len()) ")" } }
                    (match_list(ctx, &in_stage, Side::Pipeline))
                }
            }
        }
    };
    layout::page(ctx, &ctx.t("matches-title"), body)
}
