//! Relationship health: three lists of employers to act on from the row, and the wishes of
//! active jobseekers no employer contact answers.

use super::{downloads, report_nav, team_options};
use crate::db::reference::{Industry, Municipality};
use crate::db::reports::relationships::{Health, Row};
use crate::domain::coverage::Gap;
use crate::domain::validation::FieldErrors;
use crate::export::{Cell, Table};
use crate::format;
use crate::views::components::{csrf, error_summary, select};
use crate::views::layout;
use crate::web::reports::relationships::HealthQuery;
use crate::web::Ctx;
use maud::{html, Markup};

/// Rows each list shows on the page; the downloads have them all.
pub const SHOWN: usize = 100;

pub struct HealthPage {
    pub health: Health,
    pub teams: Vec<(i64, String)>,
    /// Active people: (id, name, team).
    pub people: Vec<(i64, String, String)>,
    pub industries: Vec<Industry>,
    pub municipalities: Vec<Municipality>,
}

impl HealthPage {
    fn municipality(&self, code: Option<&str>) -> String {
        code.and_then(|c| self.municipalities.iter().find(|m| m.code == c))
            .map(|m| m.name.clone())
            .unwrap_or_default()
    }

    fn industry(&self, code: &str) -> String {
        self.industries
            .iter()
            .find(|i| i.code == code)
            .map(|i| i.name.clone())
            .unwrap_or_default()
    }
}

/// What a row action's form held when it came back with errors.
#[derive(Debug, Default, Clone)]
pub struct ActionState {
    pub list: String,
    pub selected: Vec<i64>,
    pub person: String,
    pub due_on: String,
    pub what: String,
    pub errors: FieldErrors,
}

/// The lists with actions: (key, message id prefix).
const LISTS: [(&str, &str); 3] = [
    ("one_coach", "report-one-coach"),
    ("orphaned", "report-orphaned"),
    ("cooling", "report-cooling"),
];

fn rows_of<'a>(h: &'a Health, list: &str) -> &'a [Row] {
    match list {
        "one_coach" => &h.one_coach,
        "orphaned" => &h.orphaned,
        _ => &h.cooling,
    }
}

fn last_contact(ctx: &Ctx, r: &Row) -> String {
    r.last_contact_at
        .map(format::datetime)
        .unwrap_or_else(|| ctx.t("employers-never"))
}

fn coach_name(ctx: &Ctx, r: &Row) -> String {
    match &r.coach {
        Some(c) if c.active => c.name.clone(),
        Some(c) => ctx.ta("report-coach-left", &[("name", c.name.clone().into())]),
        None => String::new(),
    }
}

fn list_section(
    ctx: &Ctx,
    q: &HealthQuery,
    p: &HealthPage,
    list: &str,
    prefix: &str,
    action: &ActionState,
) -> Markup {
    let rows = rows_of(&p.health, list);
    let mine = action.list == list;
    let no_errors = FieldErrors::default();
    let errors = if mine { &action.errors } else { &no_errors };
    let person = if mine { action.person.as_str() } else { "" };
    let due_on = if mine { action.due_on.as_str() } else { "" };
    let what_default = ctx.t(&format!("{prefix}-what"));
    let what = if mine {
        action.what.as_str()
    } else {
        what_default.as_str()
    };
    let heading_id = format!("{list}-title");
    html! {
        section.report-section aria-labelledby=(heading_id) {
            h2 id=(heading_id) { (ctx.t(&format!("{prefix}-title"))) }
            p { (ctx.t(&format!("{prefix}-intro"))) }
            p.result-count { (ctx.ta("report-list-count", &[("count", (rows.len() as i64).into())])) }
            @if rows.is_empty() {
                p.empty { (ctx.t("report-list-none")) }
            } @else {
                form method="post" action="/reports/relationships/lead" {
                    (csrf(ctx))
                    input type="hidden" name="list" value=(list);
                    input type="hidden" name="team" value=(q.team);
                    input type="hidden" name="coach" value=(q.coach);
                    @if mine { (error_summary(ctx, errors)) }
                    @if rows.len() > SHOWN {
                        p.hint { (ctx.ta("report-list-shown", &[("shown", (SHOWN as i64).into()), ("count", (rows.len() as i64).into())])) }
                    }
                    div.table-wrap {
                        table id=(if mine && !action.errors.is_empty() { "f-employer".to_owned() } else { format!("f-employer-{list}") }) {
                            caption { (ctx.t(&format!("{prefix}-title"))) }
                            thead {
                                tr {
                                    th scope="col" { span.visually-hidden { (ctx.t("report-select")) } }
                                    th scope="col" { (ctx.t("report-employer")) }
                                    th scope="col" { (ctx.t("employer-municipality")) }
                                    th scope="col" { (ctx.t(if list == "one_coach" { "report-the-coach" } else { "report-last-coach" })) }
                                    @if list == "one_coach" { th scope="col" { (ctx.t("report-contacts-12m")) } }
                                    th scope="col" { (ctx.t("employers-last-contact")) }
                                    th scope="col" { (ctx.t("report-lead")) }
                                }
                            }
                            tbody {
                                @for r in rows.iter().take(SHOWN) {
                                    @let box_id = format!("sel-{list}-{}", r.employer_id);
                                    tr {
                                        td {
                                            input type="checkbox" id=(box_id) name="employer" value=(r.employer_id)
                                                checked[mine && action.selected.contains(&r.employer_id)];
                                            label.visually-hidden for=(box_id) { (ctx.ta("report-select-employer", &[("name", r.name.clone().into())])) }
                                        }
                                        td { a href=(format!("/employers/{}", r.employer_id)) { (r.name) } }
                                        td { (p.municipality(r.municipality_code.as_deref())) }
                                        td { (coach_name(ctx, r)) }
                                        @if list == "one_coach" { td { (r.contacts) } }
                                        td { (last_contact(ctx, r)) }
                                        td { (r.lead.clone().unwrap_or_else(|| ctx.t("employer-no-lead"))) }
                                    }
                                }
                            }
                        }
                    }
                    (action_panel(ctx, errors, list, &p.people, person, due_on, what))
                }
            }
        }
    }
}

/// What to do with the checked employers: make a person their relationship lead, or give a
/// person a follow-up at each. Shared by these lists and the employer list; `list` keeps the ids
/// of several panels on one page apart.
pub fn action_panel(
    ctx: &Ctx,
    errors: &FieldErrors,
    list: &str,
    people: &[(i64, String, String)],
    person: &str,
    due_on: &str,
    what: &str,
) -> Markup {
    let mut options = vec![(String::new(), ctx.t("report-choose-person"))];
    options.extend(
        people
            .iter()
            .map(|(id, name, team)| (id.to_string(), format!("{name} ({team})"))),
    );
    let people = options;
    html! {
    fieldset.row-actions-panel {
        legend { (ctx.t("report-act-on-checked")) }
        (field(ctx, errors, list, "person", ctx.t("report-person"), html! {
            select id=(format!("{list}-person")) name="person" aria-invalid=[errors.get("person").map(|_| "true")] {
                @for (value, text) in &people {
                    option value=(value) selected[value == person] { (text) }
                }
            }
        }))
        div.actions {
            button.primary type="submit" { (ctx.t("report-assign-lead")) }
        }
        (field(ctx, errors, list, "due_on", ctx.t("report-due-on"), html! {
            input id=(format!("{list}-due_on")) name="due_on" type="date" value=(due_on) aria-invalid=[errors.get("due_on").map(|_| "true")];
        }))
        (field(ctx, errors, list, "what", ctx.t("report-what"), html! {
            input id=(format!("{list}-what")) name="what" type="text" maxlength="500" value=(what) aria-invalid=[errors.get("what").map(|_| "true")];
        }))
        div.actions {
            button type="submit" formaction="/reports/relationships/follow-up" { (ctx.t("report-create-follow-up")) }
        }
    }
    }
}

/// A labelled control of a row action, with its error; ids are the list's own, as every list
/// has the same fields.
fn field(
    ctx: &Ctx,
    errors: &FieldErrors,
    list: &str,
    name: &str,
    label: String,
    control: Markup,
) -> Markup {
    let id = format!("{list}-{name}");
    html! {
        div.field.has-error[errors.get(name).is_some()] {
            label for=(id) { (label) }
            @if let Some(message) = errors.text(ctx.lang, name) {
                p.field-error id=(format!("{id}-error")) { (message) }
            }
            (control)
        }
    }
}

fn gap_section(ctx: &Ctx, p: &HealthPage, id: &str, gaps: &[Gap], industry: bool) -> Markup {
    let heading_id = format!("{id}-title");
    let title = ctx.t(if industry {
        "report-gaps-industries"
    } else {
        "report-gaps-municipalities"
    });
    html! {
        section.report-section aria-labelledby=(heading_id) {
            h3 id=(heading_id) { (title) }
            @if gaps.is_empty() {
                p.empty { (ctx.t("report-list-none")) }
            } @else {
                div.table-wrap {
                    table {
                        caption { (title) }
                        thead {
                            tr {
                                th scope="col" { (ctx.t(if industry { "report-coverage-industry" } else { "employer-municipality" })) }
                                th scope="col" { (ctx.t("report-gaps-jobseekers")) }
                                th scope="col" { (ctx.t("report-gaps-employers")) }
                            }
                        }
                        tbody {
                            @for g in gaps {
                                tr {
                                    th scope="row" {
                                        @if industry { (g.code) " " (p.industry(&g.code)) } @else { (p.municipality(Some(&g.code))) }
                                    }
                                    td { (g.jobseekers) }
                                    td {
                                        a href=(format!("/employers?{}={}&sort=last_contact", if industry { "industry" } else { "municipality" }, g.code)) {
                                            (ctx.t("report-gaps-find"))
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

pub fn page(ctx: &Ctx, q: &HealthQuery, p: &HealthPage, action: &ActionState) -> Markup {
    let no_errors = FieldErrors::default();
    let mut coach_options = vec![(String::new(), ctx.t("report-all-coaches"))];
    coach_options.extend(
        p.people
            .iter()
            .map(|(id, name, _)| (id.to_string(), name.clone())),
    );
    let query = vec![("team", q.team.clone()), ("coach", q.coach.clone())];
    let body = html! {
        (report_nav(ctx))
        h1 { (ctx.t("report-relationships-title")) }
        p.lead { (ctx.t("report-relationships-intro")) }
        form.filter-form method="get" action="/reports/relationships" {
            div.filter-grid {
                (select(ctx, &no_errors, "team", ctx.t("report-team"), &team_options(ctx, &p.teams), q.team.trim()))
                (select(ctx, &no_errors, "coach", ctx.t("report-coach"), &coach_options, q.coach.trim()))
            }
            button type="submit" { (ctx.t("report-apply")) }
        }
        (downloads(ctx, "/reports/relationships", &query))
        @for (list, prefix) in LISTS {
            (list_section(ctx, q, p, list, prefix, action))
        }
        section.report-section aria-labelledby="gaps-title" {
            h2 #gaps-title { (ctx.t("report-gaps-title")) }
            p { (ctx.ta("report-gaps-intro", &[("count", (p.health.jobseekers as i64).into())])) }
            (gap_section(ctx, p, "gaps-industries", &p.health.industry_gaps, true))
            (gap_section(ctx, p, "gaps-municipalities", &p.health.municipality_gaps, false))
        }
    };
    layout::page(ctx, &ctx.t("report-relationships-title"), body)
}

/// The lists as downloads, with every row.
pub fn tables(ctx: &Ctx, p: &HealthPage) -> Vec<Table> {
    let mut out = Vec::new();
    for (list, prefix) in LISTS {
        let one = list == "one_coach";
        let mut columns = vec![
            ctx.t("report-employer"),
            ctx.t("report-export-industry-code"),
            ctx.t("employer-municipality"),
            ctx.t(if one {
                "report-the-coach"
            } else {
                "report-last-coach"
            }),
        ];
        if one {
            columns.push(ctx.t("report-contacts-12m"));
        }
        columns.extend([ctx.t("employers-last-contact"), ctx.t("report-lead")]);
        let mut t = Table::new(ctx.t(&format!("{prefix}-title")), columns);
        for r in rows_of(&p.health, list) {
            let mut row = vec![
                Cell::text(r.name.clone()),
                Cell::text(r.industry_code.clone().unwrap_or_default()),
                Cell::text(p.municipality(r.municipality_code.as_deref())),
                Cell::text(coach_name(ctx, r)),
            ];
            if one {
                row.push(Cell::Int(r.contacts));
            }
            row.push(
                r.last_contact_at
                    .map(|at| Cell::Date(format::today_helsinki(at)))
                    .unwrap_or(Cell::Empty),
            );
            row.push(Cell::text(r.lead.clone().unwrap_or_default()));
            t.push(row);
        }
        out.push(t);
    }
    for (industry, gaps) in [
        (true, &p.health.industry_gaps),
        (false, &p.health.municipality_gaps),
    ] {
        let mut t = Table::new(
            ctx.t(if industry {
                "report-gaps-industries"
            } else {
                "report-gaps-municipalities"
            }),
            vec![
                ctx.t(if industry {
                    "report-export-industry-code"
                } else {
                    "report-export-area-code"
                }),
                ctx.t(if industry {
                    "report-coverage-industry"
                } else {
                    "employer-municipality"
                }),
                ctx.t("report-gaps-jobseekers"),
            ],
        );
        for g in gaps {
            let name = if industry {
                p.industry(&g.code)
            } else {
                p.municipality(Some(&g.code))
            };
            t.push(vec![
                Cell::text(g.code.clone()),
                Cell::Text(name),
                Cell::Int(g.jobseekers as i64),
            ]);
        }
        out.push(t);
    }
    out
}
