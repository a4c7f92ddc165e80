//! Employer pages: the register, the form, the employer with its timeline, conflicts, history.

use super::components::{
    choices, csrf, enum_options, error_summary, grouped_select, select, textarea, Input,
};
use super::contact_form;
use super::layout;
use crate::db::audit::HistoryRow;
use crate::db::contacts::{ContactPerson, TimelineEntry};
use crate::db::employers::{Employer, ListItem, PAGE_SIZE};
use crate::db::reference::{County, Industry, Municipality};
use crate::domain::contact::{Channel, ContactForm, Outcome, Purpose};
use crate::domain::employer::{EmployerForm, Sector, SizeClass, Stage};
use crate::domain::merge::FieldMerge;
use crate::domain::role::Role;
use crate::domain::validation::FieldErrors;
use crate::format;
use crate::web::employers::ListQuery;
use crate::web::Ctx;
use maud::{html, Markup};

pub struct FormOptions {
    pub municipalities: Vec<Municipality>,
    pub counties: Vec<County>,
    pub industries: Vec<Industry>,
    /// Active users: (id, name, team).
    pub people: Vec<(i64, String, String)>,
    /// Teams: (id, name).
    pub teams: Vec<(i64, String)>,
}

impl FormOptions {
    pub fn municipality_name(&self, code: Option<&str>) -> Option<&str> {
        let code = code?;
        self.municipalities
            .iter()
            .find(|m| m.code == code)
            .map(|m| m.name.as_str())
    }

    pub fn industry_name(&self, code: Option<&str>) -> Option<String> {
        let code = code?;
        self.industries
            .iter()
            .find(|i| i.code == code)
            .map(|i| format!("{} {}", i.code, i.name))
    }

    pub fn person_name(&self, id: Option<i64>) -> Option<&str> {
        let id = id?;
        self.people.iter().find(|p| p.0 == id).map(|p| p.1.as_str())
    }

    pub fn municipality_groups(&self) -> Vec<(String, Vec<(String, String)>)> {
        self.counties
            .iter()
            .map(|c| {
                let munis = self
                    .municipalities
                    .iter()
                    .filter(|m| m.county_code == c.code)
                    .map(|m| (m.code.clone(), m.name.clone()))
                    .collect();
                (c.name.clone(), munis)
            })
            .filter(|(_, m): &(String, Vec<_>)| !m.is_empty())
            .collect()
    }

    pub fn industry_groups(&self) -> Vec<(String, Vec<(String, String)>)> {
        self.industries
            .iter()
            .filter(|i| i.level == "section")
            .map(|s| {
                let divisions = self
                    .industries
                    .iter()
                    .filter(|d| d.parent.as_deref() == Some(s.code.as_str()))
                    .map(|d| (d.code.clone(), format!("{} {}", d.code, d.name)))
                    .collect();
                (format!("{} {}", s.code, s.name), divisions)
            })
            .collect()
    }

    /// Sections and their divisions in one list, for filtering by either.
    pub fn industry_filter_options(&self, ctx: &Ctx) -> Vec<(String, String)> {
        let mut options = vec![(String::new(), ctx.t("filter-any"))];
        for s in self.industries.iter().filter(|i| i.level == "section") {
            options.push((s.code.clone(), format!("{} {}", s.code, s.name)));
            for d in self
                .industries
                .iter()
                .filter(|d| d.parent.as_deref() == Some(s.code.as_str()))
            {
                options.push((d.code.clone(), format!("\u{a0}\u{a0}{} {}", d.code, d.name)));
            }
        }
        options
    }

    pub fn people_options(&self, ctx: &Ctx) -> Vec<(String, String)> {
        let mut options = vec![(String::new(), ctx.t("employer-no-lead"))];
        options.extend(
            self.people
                .iter()
                .map(|(id, name, team)| (id.to_string(), format!("{name} ({team})"))),
        );
        options
    }
}

#[derive(Debug, Default)]
pub struct Duplicate {
    pub same_business_id: Option<(i64, String)>,
    pub resembling: Vec<(i64, String)>,
}

pub struct ShowPage {
    pub employer: Employer,
    pub persons: Vec<ContactPerson>,
    pub timeline: Vec<TimelineEntry>,
    /// All contacts with the employer; the timeline may show only the newest.
    pub timeline_total: i64,
    pub options: FormOptions,
    /// Jobseekers of the viewer's team who consented to employer contacts.
    pub jobseekers: Vec<(i64, String)>,
    pub openings: Vec<crate::db::openings::OpeningRow>,
    /// Employer-side moves of matches, shown among the contacts.
    pub match_events: Vec<crate::db::matches::Event>,
}

pub fn stage_badge(ctx: &Ctx, stage: Stage) -> Markup {
    html! { span class=(format!("badge stage-{}", stage.as_str())) { (ctx.t(stage.message_id())) } }
}

fn label_of(ctx: &Ctx, id: Option<&'static str>, raw: &str) -> String {
    id.map(|i| ctx.t(i)).unwrap_or_else(|| raw.to_owned())
}

fn channel_label(ctx: &Ctx, raw: &str) -> String {
    label_of(ctx, Channel::parse(raw).map(Channel::message_id), raw)
}

fn outcome_label(ctx: &Ctx, raw: &str) -> String {
    label_of(ctx, Outcome::parse(raw).map(Outcome::message_id), raw)
}

/// The list's filters as query pairs (without the page).
fn filter_pairs(q: &ListQuery) -> Vec<(&'static str, String)> {
    let pairs = [
        ("q", q.q.as_str()),
        ("industry", &q.industry),
        ("municipality", &q.municipality),
        ("county", &q.county),
        ("sector", &q.sector),
        ("stage", &q.stage),
        ("no_contact_90", &q.no_contact_90),
        ("open_follow_ups", &q.open_follow_ups),
        ("lead", &q.lead),
        ("active_90", &q.active_90),
        ("open_openings", &q.open_openings),
        ("placed_from", &q.placed_from),
        ("placed_to", &q.placed_to),
        ("team", &q.team),
        ("archived", &q.archived),
        ("sort", &q.sort),
    ];
    pairs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| (*k, v.to_string()))
        .collect()
}

fn page_link(q: &ListQuery, page: i64) -> String {
    let mut kept = filter_pairs(q);
    kept.push(("page", page.to_string()));
    format!(
        "/employers?{}",
        serde_urlencoded::to_string(&kept).unwrap_or_default()
    )
}

/// A team lead's actions on the listed employers, the relationship report's own: the checked
/// employers get a relationship lead or a follow-up for a coach.
#[derive(Debug, Default, Clone)]
pub struct ListActions {
    /// This list's address, where the action returns.
    pub back: String,
    /// What the action's form held when it came back with errors.
    pub state: crate::views::reports::relationships::ActionState,
    /// Whom the actions can name: the active people of the lead's scope (their own team).
    pub people: Vec<(i64, String, String)>,
}

pub fn list(
    ctx: &Ctx,
    q: &ListQuery,
    items: &[ListItem],
    total: i64,
    options: &FormOptions,
    actions: Option<&ListActions>,
) -> Markup {
    let page = q.page.trim().parse::<i64>().unwrap_or(1).max(1);
    let pages = ((total + PAGE_SIZE - 1) / PAGE_SIZE).max(1);
    let no_errors = FieldErrors::default();
    let mut municipality_options = vec![(String::new(), ctx.t("filter-any"))];
    municipality_options.extend(
        options
            .municipalities
            .iter()
            .map(|m| (m.code.clone(), m.name.clone())),
    );
    let mut county_options = vec![(String::new(), ctx.t("filter-any"))];
    county_options.extend(
        options
            .counties
            .iter()
            .map(|c| (c.code.clone(), c.name.clone())),
    );
    let mut sector_options = vec![(String::new(), ctx.t("filter-any"))];
    sector_options.extend(enum_options(
        ctx,
        Sector::ALL,
        Sector::as_str,
        Sector::message_id,
    ));
    let mut stage_options = vec![(String::new(), ctx.t("filter-any"))];
    stage_options.extend(enum_options(
        ctx,
        Stage::ALL,
        Stage::as_str,
        Stage::message_id,
    ));
    let sort_options = vec![
        ("name".to_owned(), ctx.t("sort-name")),
        ("last_contact".to_owned(), ctx.t("sort-last-contact")),
        ("stage".to_owned(), ctx.t("sort-stage")),
    ];
    let filtered = [
        &q.industry,
        &q.municipality,
        &q.county,
        &q.sector,
        &q.stage,
        &q.no_contact_90,
        &q.open_follow_ups,
        &q.active_90,
        &q.open_openings,
        &q.placed_from,
        &q.placed_to,
        &q.team,
        &q.archived,
    ]
    .iter()
    .any(|v| !v.is_empty());
    let mut team_options = vec![(String::new(), ctx.t("report-all-teams"))];
    team_options.extend(
        options
            .teams
            .iter()
            .map(|(id, name)| (id.to_string(), name.clone())),
    );
    let body = html! {
        div.page-head {
            h1 { (ctx.t("employers-title")) }
            a.button.primary href="/employers/new" { (ctx.t("employers-new")) }
        }
        form.search-form method="get" action="/employers" role="search" {
            div.search-row {
                label.visually-hidden for="q" { (ctx.t("employers-search")) }
                input #q type="search" name="q" value=(q.q) placeholder=(ctx.t("employers-search-placeholder"));
                button.primary type="submit" { (ctx.t("employers-search")) }
            }
            details.filters open[filtered] {
                summary { (ctx.t("employers-filters")) }
                div.filter-grid {
                    (select(ctx, &no_errors, "industry", ctx.t("employer-industry"), &options.industry_filter_options(ctx), &q.industry))
                    (select(ctx, &no_errors, "municipality", ctx.t("employer-municipality"), &municipality_options, &q.municipality))
                    (select(ctx, &no_errors, "county", ctx.t("employer-county"), &county_options, &q.county))
                    (select(ctx, &no_errors, "sector", ctx.t("employer-sector"), &sector_options, &q.sector))
                    (select(ctx, &no_errors, "stage", ctx.t("employer-stage"), &stage_options, &q.stage))
                    (select(ctx, &no_errors, "sort", ctx.t("employers-sort"), &sort_options, if q.sort.is_empty() { "name" } else { &q.sort }))
                    (super::components::checkbox("no_contact_90", ctx.t("filter-no-contact-90"), !q.no_contact_90.is_empty()))
                    (super::components::checkbox("open_follow_ups", ctx.t("filter-open-follow-ups"), !q.open_follow_ups.is_empty()))
                    (super::components::checkbox("archived", ctx.t("filter-archived"), !q.archived.is_empty()))
                    (super::components::checkbox("active_90", ctx.t("filter-active-90"), !q.active_90.is_empty()))
                    (super::components::checkbox("open_openings", ctx.t("filter-open-openings"), !q.open_openings.is_empty()))
                    (Input::new("placed_from", ctx.t("filter-placed-from"), &q.placed_from).kind("date").render(ctx, &no_errors))
                    (Input::new("placed_to", ctx.t("filter-placed-to"), &q.placed_to).kind("date").render(ctx, &no_errors))
                    (select(ctx, &no_errors, "team", ctx.t("filter-team-activity"), &team_options, &q.team))
                }
                button type="submit" { (ctx.t("employers-apply")) }
            }
        }
        p.result-count role="status" { (ctx.ta("employers-count", &[("count", total.into())])) }
        (super::reports::downloads(ctx, "/employers", &filter_pairs(q)))
        @if items.is_empty() {
            p.empty { (ctx.t("employers-none")) }
        } @else if let Some(actions) = actions {
            form method="post" action="/reports/relationships/lead" {
                (csrf(ctx))
                input type="hidden" name="list" value="employers";
                input type="hidden" name="back" value=(actions.back);
                (error_summary(ctx, &actions.state.errors))
                (cards(ctx, items, Some(&actions.state.selected)))
                (crate::views::reports::relationships::action_panel(
                    ctx,
                    &actions.state.errors,
                    "employers",
                    &actions.people,
                    &actions.state.person,
                    &actions.state.due_on,
                    &actions.state.what,
                ))
            }
        } @else {
            (cards(ctx, items, None))
        }
        @if pages > 1 {
            nav.pagination aria-label=(ctx.t("pagination-label")) {
                @if page > 1 { a href=(page_link(q, page - 1)) rel="prev" { "← " (ctx.t("pagination-previous")) } }
                span { (ctx.ta("pagination-page", &[("page", page.into()), ("pages", pages.into())])) }
                @if page < pages { a href=(page_link(q, page + 1)) rel="next" { (ctx.t("pagination-next")) " →" } }
            }
        }
    };
    layout::page(ctx, &ctx.t("employers-title"), body)
}

/// The employer cards; with `selected`, each has a checkbox for the row actions.
fn cards(ctx: &Ctx, items: &[ListItem], selected: Option<&[i64]>) -> Markup {
    html! {
            ul.employer-list id=(if selected.is_some() { "f-employer" } else { "employer-list" }) {
                @for item in items {
                    li.employer-card {
                        @if let Some(selected) = selected {
                            @let box_id = format!("sel-{}", item.id);
                            div.card-select {
                                input type="checkbox" id=(box_id) name="employer" value=(item.id)
                                    checked[selected.contains(&item.id)];
                                label.visually-hidden for=(box_id) { (ctx.ta("report-select-employer", &[("name", item.name.clone().into())])) }
                            }
                        }
                        div.card-head {
                            a.employer-name href=(format!("/employers/{}", item.id)) { (item.name) }
                            (stage_badge(ctx, item.stage))
                        }
                        p.meta {
                            @if let Some(m) = &item.municipality { (m) }
                            @if let Some(b) = &item.business_id { " · " (b) }
                        }
                        p.meta {
                            span.meta-label { (ctx.t("employers-last-contact")) ": " }
                            @match &item.last_contact {
                                Some(c) => { (format::datetime(c.at)) " · " (c.coach_name) " · " (channel_label(ctx, &c.channel)) }
                                None => { (ctx.t("employers-never")) }
                            }
                        }
                        @if let Some(f) = &item.next_follow_up {
                            p.meta {
                                span.meta-label { (ctx.t("employers-next-follow-up")) ": " }
                                (format::date(f.due_on)) " · " (f.what)
                            }
                        }
                    }
                }
            }
    }
}

/// The register's download: every matching employer, no jobseeker data.
pub fn export_table(ctx: &Ctx, rows: &[crate::db::employers::ExportRow]) -> crate::export::Table {
    use crate::export::{Cell, Table};
    let mut t = Table::new(
        ctx.t("employers-title"),
        vec![
            ctx.t("employer-name"),
            ctx.t("employer-business-id"),
            ctx.t("report-export-industry-code"),
            ctx.t("employer-municipality"),
            ctx.t("employer-sector"),
            ctx.t("employer-stage"),
            ctx.t("report-lead"),
            ctx.t("employers-last-contact"),
            ctx.t("report-last-coach"),
            ctx.t("employers-next-follow-up"),
            ctx.t("report-what"),
        ],
    );
    for r in rows {
        t.push(vec![
            Cell::text(r.name.clone()),
            Cell::text(r.business_id.clone().unwrap_or_default()),
            Cell::text(r.industry_code.clone().unwrap_or_default()),
            Cell::text(r.municipality.clone().unwrap_or_default()),
            Cell::Text(label_of(
                ctx,
                Sector::parse(&r.sector).map(Sector::message_id),
                &r.sector,
            )),
            Cell::Text(label_of(
                ctx,
                Stage::parse(&r.stage).map(Stage::message_id),
                &r.stage,
            )),
            Cell::text(r.lead.clone().unwrap_or_default()),
            r.last_contact_at
                .map(|at| Cell::Date(format::today_helsinki(at)))
                .unwrap_or(Cell::Empty),
            Cell::text(r.last_contact_coach.clone().unwrap_or_default()),
            r.next_follow_up
                .as_ref()
                .map(|f| Cell::Date(f.due_on))
                .unwrap_or(Cell::Empty),
            Cell::text(
                r.next_follow_up
                    .as_ref()
                    .map(|f| f.what.clone())
                    .unwrap_or_default(),
            ),
        ]);
    }
    t
}

pub fn form_page(
    ctx: &Ctx,
    id: Option<i64>,
    form: &EmployerForm,
    errors: &FieldErrors,
    options: &FormOptions,
    duplicate: &Duplicate,
) -> Markup {
    let title = if id.is_some() {
        ctx.t("employer-edit-title")
    } else {
        ctx.t("employers-new")
    };
    let action = id
        .map(|i| format!("/employers/{i}"))
        .unwrap_or_else(|| "/employers".to_owned());
    let size_options = {
        let mut o = vec![(String::new(), ctx.t("filter-unknown"))];
        o.extend(enum_options(
            ctx,
            SizeClass::ALL,
            SizeClass::as_str,
            SizeClass::message_id,
        ));
        o
    };
    let body = html! {
        h1 { (title) }
        (error_summary(ctx, errors))
        @if let Some((other_id, other_name)) = &duplicate.same_business_id {
            div.notice.notice-warning role="alert" {
                p { (ctx.t("employer-duplicate-business-id")) " " a href=(format!("/employers/{other_id}")) { (other_name) } }
            }
        }
        @if !duplicate.resembling.is_empty() && errors.is_empty() {
            div.notice.notice-warning role="alert" {
                p { (ctx.t("employer-warning-similar")) }
                ul { @for (other_id, other_name) in &duplicate.resembling { li { a href=(format!("/employers/{other_id}")) { (other_name) } } } }
                p { (ctx.t("employer-warning-similar-go-on")) }
            }
        }
        form.stack.employer-form method="post" action=(action) novalidate {
            (csrf(ctx))
            @if id.is_some() {
                input type="hidden" name="version" value=(form.version);
                input type="hidden" name="base" value=(form.base);
            }
            @if !duplicate.resembling.is_empty() { input type="hidden" name="confirm_similar" value="1"; }
            (Input::new("name", ctx.t("employer-name"), &form.name).required().autocomplete("organization").render(ctx, errors))
            (Input::new("business_id", ctx.t("employer-business-id"), &form.business_id).hint(ctx.t("employer-business-id-hint")).render(ctx, errors))
            (grouped_select(ctx, errors, "municipality_code", ctx.t("employer-municipality"), Some(ctx.t("employer-choose")), &options.municipality_groups(), &form.municipality_code))
            (grouped_select(ctx, errors, "industry_code", ctx.t("employer-industry"), Some(ctx.t("filter-unknown")), &options.industry_groups(), &form.industry_code))
            (choices(ctx, errors, "sector", ctx.t("employer-sector"), &enum_options(ctx, Sector::ALL, Sector::as_str, Sector::message_id), &form.sector, true))
            (select(ctx, errors, "stage", ctx.t("employer-stage"), &enum_options(ctx, Stage::ALL, Stage::as_str, Stage::message_id), &form.stage))
            (Input::new("do_not_contact_reason", ctx.t("employer-dnc-reason"), &form.do_not_contact_reason).hint(ctx.t("employer-dnc-reason-hint")).render(ctx, errors))
            (select(ctx, errors, "lead_user_id", ctx.t("employer-lead"), &options.people_options(ctx), &form.lead_user_id))
            (Input::new("other_names", ctx.t("employer-other-names"), &form.other_names).render(ctx, errors))
            (Input::new("address", ctx.t("employer-address"), &form.address).autocomplete("street-address").render(ctx, errors))
            (Input::new("website", ctx.t("employer-website"), &form.website).kind("url").render(ctx, errors))
            (select(ctx, errors, "size_class", ctx.t("employer-size"), &size_options, &form.size_class))
            (Input::new("tags", ctx.t("employer-tags"), &form.tags).hint(ctx.t("employer-tags-hint")).render(ctx, errors))
            (textarea(ctx, errors, "accommodations", ctx.t("employer-accommodations"), &form.accommodations, Some(ctx.t("employer-accommodations-hint"))))
            (textarea(ctx, errors, "notes", ctx.t("employer-notes"), &form.notes, Some(ctx.t("contact-notes-hint"))))
            div.actions {
                button.primary type="submit" {
                    @if !duplicate.resembling.is_empty() && errors.is_empty() { (ctx.t("employer-save-anyway")) } @else { (ctx.t("employer-save")) }
                }
                a href=(id.map(|i| format!("/employers/{i}")).unwrap_or_else(|| "/employers".into())) { (ctx.t("cancel")) }
            }
        }
    };
    layout::page(ctx, &title, body)
}

fn fact(label: String, value: Markup) -> Markup {
    html! { div.fact { dt { (label) } dd { (value) } } }
}

pub fn show(ctx: &Ctx, p: &ShowPage, typed: &ContactForm, contact_errors: &FieldErrors) -> Markup {
    let e = &p.employer;
    let can_archive = matches!(ctx.role(), Some(Role::TeamLead | Role::Admin));
    let now_local = format::datetime_local_value(crate::db::now());
    let body = html! {
        div.page-head {
            div {
                h1 { (e.name) }
                p.meta {
                    (stage_badge(ctx, e.stage()))
                    @if let Some(b) = &e.business_id { " " span.business-id { (b) } }
                    @if let Some(m) = p.options.municipality_name(e.municipality_code.as_deref()) { " · " (m) }
                }
            }
            div.head-actions {
                a.button href=(format!("/employers/{}/edit", e.id)) { (ctx.t("employer-edit")) }
                a.button href=(format!("/employers/{}/history", e.id)) { (ctx.t("employer-history")) }
            }
        }
        @if e.archived_at.is_some() {
            div.notice.notice-warning role="status" { (ctx.t("employer-archived-notice")) }
        }
        @if e.stage() == Stage::DoNotContact {
            div.notice.notice-danger role="status" { strong { (ctx.t("stage-do_not_contact")) ": " } (e.do_not_contact_reason) }
        }
        details.card.log-contact #log open[!contact_errors.is_empty()] {
            summary.button.primary.big { (ctx.t("employer-log-contact")) }
            (error_summary(ctx, contact_errors))
            (contact_form::form(ctx, e.id, typed, contact_errors, contact_form::Choices { persons: &p.persons, jobseekers: &p.jobseekers }, false, &now_local))
        }
        section.card aria-labelledby="facts-heading" {
            h2 #facts-heading { (ctx.t("employer-facts")) }
            dl.facts {
                (fact(ctx.t("employer-industry"), html! { (p.options.industry_name(e.industry_code.as_deref()).unwrap_or_else(|| ctx.t("filter-unknown"))) }))
                (fact(ctx.t("employer-sector"), html! { (label_of(ctx, Sector::parse(&e.sector).map(Sector::message_id), &e.sector)) }))
                @if let Some(size) = e.size_class.as_deref().and_then(SizeClass::parse) { (fact(ctx.t("employer-size"), html! { (ctx.t(size.message_id())) })) }
                (fact(ctx.t("employer-lead"), html! { (p.options.person_name(e.lead_user_id).map(str::to_owned).unwrap_or_else(|| ctx.t("employer-no-lead"))) }))
                @if !e.other_names.is_empty() { (fact(ctx.t("employer-other-names"), html! { (e.other_names) })) }
                @if !e.address.is_empty() { (fact(ctx.t("employer-address"), html! { (e.address) })) }
                @if !e.website.is_empty() { (fact(ctx.t("employer-website"), html! { a href=(e.website) rel="noopener" { (e.website) } })) }
                @if !e.tags.is_empty() { (fact(ctx.t("employer-tags"), html! { (e.tags) })) }
                @if !e.accommodations.is_empty() { (fact(ctx.t("employer-accommodations"), html! { (e.accommodations) })) }
                @if !e.notes.is_empty() { (fact(ctx.t("employer-notes"), html! { span.pre { (e.notes) } })) }
            }
            @if can_archive {
                @if e.archived_at.is_some() {
                    form.inline method="post" action=(format!("/employers/{}/restore", e.id)) { (csrf(ctx)) button type="submit" { (ctx.t("employer-restore")) } }
                } @else {
                    form.inline method="post" action=(format!("/employers/{}/archive", e.id)) { (csrf(ctx)) button type="submit" { (ctx.t("employer-archive")) } }
                }
            }
        }
        (super::persons::section(ctx, e.id, &p.persons))
        section.card aria-labelledby="openings-heading" {
            div.section-head {
                h2 #openings-heading { (ctx.t("openings-title")) }
                a.button href=(format!("/openings/new?employer={}", e.id)) { (ctx.t("openings-new")) }
            }
            @if p.openings.is_empty() {
                p.empty { (ctx.t("openings-none")) }
            } @else {
                ul.plain {
                    @for o in &p.openings {
                        li { a href=(format!("/openings/{}", o.id)) { (o.title) } " " (super::openings::status_badge(ctx, &o.status)) }
                    }
                }
            }
        }
        section #timeline aria-labelledby="timeline-heading" {
            h2 #timeline-heading { (ctx.t("employer-timeline")) " " span.muted { "(" (p.timeline_total) ")" } }
            @if p.timeline.is_empty() {
                p.empty { (ctx.t("employer-timeline-empty")) }
            } @else {
                ol.timeline {
                    @for item in merge_timeline(&p.timeline, &p.match_events) {
                        @match item {
                            TimelineItem::Contact(entry) => { (timeline_entry(ctx, entry)) }
                            TimelineItem::Match(event) => { (match_event_entry(ctx, event)) }
                        }
                    }
                }
                @if (p.timeline.len() as i64) < p.timeline_total {
                    p {
                        (ctx.ta("employer-timeline-shown", &[("shown", (p.timeline.len() as i64).into()), ("total", p.timeline_total.into())])) " "
                        a href=(format!("/employers/{}?all=1#timeline", e.id)) { (ctx.t("employer-timeline-all")) }
                    }
                }
            }
        }
    };
    layout::page(ctx, &e.name, body)
}

enum TimelineItem<'a> {
    Contact(&'a TimelineEntry),
    Match(&'a crate::db::matches::Event),
}

/// Contacts (newest first, with times) and match moves (newest first, dated) in one list: a
/// move goes before the contacts of earlier days.
fn merge_timeline<'a>(
    contacts: &'a [TimelineEntry],
    events: &'a [crate::db::matches::Event],
) -> Vec<TimelineItem<'a>> {
    let mut out = Vec::with_capacity(contacts.len() + events.len());
    let mut pending = events.iter().peekable();
    for c in contacts {
        let day = format::helsinki_local(c.occurred_at).date();
        while let Some(e) = pending.next_if(|e| e.occurred_on > day) {
            out.push(TimelineItem::Match(e));
        }
        out.push(TimelineItem::Contact(c));
    }
    out.extend(pending.map(TimelineItem::Match));
    out
}

fn match_event_entry(ctx: &Ctx, e: &crate::db::matches::Event) -> Markup {
    html! {
        li.timeline-entry.match-event {
            p.entry-head {
                time datetime=(e.occurred_on.to_string()) { (format::date(e.occurred_on)) }
                " · " strong { (e.user_name) }
            }
            p.entry-what {
                span.badge { (super::matches::stage_label(ctx, &e.stage)) }
                " · " a href=(format!("/openings/{}", e.opening_id)) { (e.opening_title) }
            }
            @if !e.note.is_empty() { p.entry-notes.pre { (e.note) } }
        }
    }
}

pub fn timeline_entry(ctx: &Ctx, entry: &TimelineEntry) -> Markup {
    let face_to_face = Channel::parse(&entry.channel).is_some_and(Channel::is_face_to_face);
    html! {
        li.timeline-entry.in-person[face_to_face] {
            p.entry-head {
                time datetime=(entry.occurred_at.format("%Y-%m-%dT%H:%M:%SZ").to_string()) { (format::datetime(entry.occurred_at)) }
                " · " strong { (entry.coach_name) }
            }
            p.entry-what {
                span.badge { (channel_label(ctx, &entry.channel)) }
                " → " (outcome_label(ctx, &entry.outcome))
                @if let Some(purpose) = entry.purpose.as_deref().and_then(Purpose::parse) { " · " (ctx.t(purpose.message_id())) }
                @if entry.client_specific { " · " (ctx.t("contact-client-specific-short")) }
                @if let Some(person) = &entry.contact_person { " · " (person) }
            }
            @if !entry.notes.is_empty() { p.entry-notes.pre { (entry.notes) } }
            @if entry.outcome == "opening_found" {
                p { a href=(format!("/openings/new?contact={}", entry.id)) { (ctx.t("timeline-create-opening")) } }
            }
            @for f in &entry.follow_ups {
                p.entry-follow-up {
                    @if f.status == "done" {
                        "✓ " (ctx.t("timeline-follow-up-done")) ": " (f.what)
                        @if let Some(at) = f.done_at { " (" (format::datetime(at)) ")" }
                        @if !f.result_note.is_empty() { " — " span.pre { (f.result_note) } }
                    } @else {
                        "→ " (ctx.t("timeline-follow-up")) ": " (f.what) " · " (format::date(f.due_on)) " · " (f.assignee_name)
                    }
                }
            }
        }
    }
}

fn field_label(ctx: &Ctx, field: &str) -> String {
    ctx.t(&format!("employer-{}", field.replace('_', "-")))
}

/// Two saves of one employer met: shows both versions and lets the second one merge.
pub fn conflict_page(
    ctx: &Ctx,
    current: &Employer,
    merged: &[(&'static str, FieldMerge)],
    options: &FormOptions,
) -> Markup {
    let theirs_form = current.to_form();
    let conflicts = merged
        .iter()
        .filter(|(_, m)| matches!(m, FieldMerge::Conflict { .. }))
        .count();
    let shown = |field: &str, value: &str| -> String {
        match field {
            "municipality_code" => options
                .municipality_name(Some(value))
                .unwrap_or(value)
                .to_owned(),
            "industry_code" => options
                .industry_name(Some(value))
                .unwrap_or_else(|| value.to_owned()),
            "lead_user_id" => options
                .person_name(value.parse().ok())
                .unwrap_or(value)
                .to_owned(),
            "stage" => label_of(ctx, Stage::parse(value).map(Stage::message_id), value),
            "sector" => label_of(ctx, Sector::parse(value).map(Sector::message_id), value),
            _ => value.to_owned(),
        }
    };
    let body = html! {
        h1 { (ctx.t("conflict-title")) }
        div.notice.notice-warning role="alert" {
            p { (ctx.t("conflict-intro")) }
            p { (ctx.ta("conflict-count", &[("count", (conflicts as i64).into())])) }
        }
        form.stack method="post" action=(format!("/employers/{}", current.id)) {
            (csrf(ctx))
            input type="hidden" name="version" value=(current.version);
            input type="hidden" name="base" value=(theirs_form.snapshot());
            div.table-wrap role="region" aria-labelledby="conflict-table-caption" tabindex="0" {
                table.conflict-table {
                    caption #conflict-table-caption { (ctx.t("conflict-table")) }
                    thead { tr {
                        th scope="col" { (ctx.t("conflict-field")) }
                        th scope="col" { (ctx.t("conflict-theirs")) }
                        th scope="col" { (ctx.t("conflict-mine")) }
                    } }
                    tbody {
                        @for (field, m) in merged {
                            @match m {
                                FieldMerge::Conflict { mine, theirs } => {
                                    tr.conflict {
                                        th scope="row" { (field_label(ctx, field)) }
                                        td {
                                            div.choice {
                                                input type="radio" id=(format!("{field}-theirs")) name=(field) value=(theirs);
                                                label for=(format!("{field}-theirs")) { span.pre { (shown(field, theirs)) } }
                                            }
                                        }
                                        td {
                                            div.choice {
                                                input type="radio" id=(format!("{field}-mine")) name=(field) value=(mine) checked;
                                                label for=(format!("{field}-mine")) { span.pre { (shown(field, mine)) } }
                                            }
                                        }
                                    }
                                }
                                FieldMerge::Mine(v) | FieldMerge::Theirs(v) => {
                                    tr.merged {
                                        th scope="row" { (field_label(ctx, field)) }
                                        @if matches!(m, FieldMerge::Theirs(_)) {
                                            td { span.pre { (shown(field, v)) } " " span.badge { (ctx.t("conflict-kept")) } }
                                            td.muted { (ctx.t("conflict-unchanged")) }
                                        } @else {
                                            td.muted { (ctx.t("conflict-unchanged")) }
                                            td { span.pre { (shown(field, v)) } " " span.badge { (ctx.t("conflict-kept")) } }
                                        }
                                        input type="hidden" name=(field) value=(v);
                                    }
                                }
                                FieldMerge::Same(v) => { input type="hidden" name=(field) value=(v); }
                            }
                        }
                    }
                }
            }
            div.actions {
                button.primary type="submit" { (ctx.t("conflict-save")) }
                a href=(format!("/employers/{}", current.id)) { (ctx.t("conflict-discard")) }
            }
        }
    };
    layout::page(ctx, &ctx.t("conflict-title"), body)
}

pub fn history(ctx: &Ctx, employer: &Employer, rows: &[HistoryRow]) -> Markup {
    let body = html! {
        p.breadcrumb { a href=(format!("/employers/{}", employer.id)) { "← " (employer.name) } }
        h1 { (ctx.ta("history-title", &[("name", employer.name.clone().into())])) }
        @if rows.is_empty() {
            p.empty { (ctx.t("history-empty")) }
        } @else {
            div.table-wrap role="region" aria-labelledby="history-caption" tabindex="0" {
                table {
                    caption #history-caption .visually-hidden { (ctx.t("history-caption")) }
                    thead { tr {
                        th scope="col" { (ctx.t("history-when")) }
                        th scope="col" { (ctx.t("history-who")) }
                        th scope="col" { (ctx.t("history-what")) }
                        th scope="col" { (ctx.t("history-old")) }
                        th scope="col" { (ctx.t("history-new")) }
                    } }
                    tbody {
                        @for r in rows {
                            tr {
                                td { (format::datetime(r.at)) }
                                td { (r.user_name.clone().unwrap_or_default()) }
                                td {
                                    (ctx.t(&format!("history-entity-{}", r.entity.replace('_', "-")))) " · "
                                    (ctx.t(&format!("history-action-{}", r.action)))
                                    @if let Some(f) = &r.field { " · " code { (f) } }
                                }
                                td.pre { (r.old_value.clone().unwrap_or_default()) }
                                td.pre { (r.new_value.clone().unwrap_or_default()) }
                            }
                        }
                    }
                }
            }
        }
    };
    layout::page(ctx, &ctx.t("employer-history"), body)
}
