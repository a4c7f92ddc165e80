//! Admin: the Outbox list and one message as it was (or will be) sent.

use super::components::csrf;
use super::layout;
use crate::db::outbox::{Counts, Entry, State};
use crate::format;
use crate::mail::read::Readable;
use crate::mail::Delivery;
use crate::web::Ctx;
use maud::{html, Markup};

pub struct ListPage<'a> {
    pub counts: &'a Counts,
    pub entries: &'a [Entry],
    pub filter: Option<State>,
    pub delivery: &'a Delivery,
    pub limit: i64,
}

fn delivery_note(ctx: &Ctx, delivery: &Delivery) -> Markup {
    html! {
        p.lead {
            @match delivery {
                Delivery::Smtp(url) => {
                    (ctx.ta("outbox-delivery-smtp", &[("target", crate::mail::transport::redact(url).into())]))
                }
                Delivery::Folder(path) => {
                    (ctx.ta("outbox-delivery-folder", &[("target", path.display().to_string().into())]))
                }
            }
        }
    }
}

fn state_badge(ctx: &Ctx, state: State) -> Markup {
    html! { span class=(format!("state state-{}", state.as_str())) { (ctx.t(state.message_id())) } }
}

fn kind_label(ctx: &Ctx, kind: &str) -> String {
    match kind {
        "digest" => ctx.t("outbox-kind-digest"),
        "assigned" => ctx.t("outbox-kind-assigned"),
        other => other.to_owned(),
    }
}

pub fn list(ctx: &Ctx, p: &ListPage<'_>) -> Markup {
    let body = html! {
        h1 { (ctx.t("outbox-title")) }
        (delivery_note(ctx, p.delivery))
        nav.tabs aria-label=(ctx.t("outbox-filter-label")) {
            @let all = format!("{} ({})", ctx.t("outbox-filter-all"), p.counts.total());
            @if p.filter.is_none() { span aria-current="page" { (all) } } @else { a href="/admin/outbox" { (all) } }
            @for state in State::ALL {
                @let text = format!("{} ({})", ctx.t(state.message_id()), p.counts.of(*state));
                @if p.filter == Some(*state) {
                    span aria-current="page" { (text) }
                } @else {
                    a href=(format!("/admin/outbox?state={}", state.as_str())) { (text) }
                }
            }
        }
        @if p.entries.is_empty() {
            p.empty { (ctx.t("outbox-none")) }
        } @else {
            div.table-wrap role="region" aria-labelledby="outbox-caption" tabindex="0" {
                table {
                    caption #outbox-caption .visually-hidden { (ctx.t("outbox-title")) }
                    thead { tr {
                        th scope="col" { (ctx.t("outbox-col-created")) }
                        th scope="col" { (ctx.t("outbox-col-recipient")) }
                        th scope="col" { (ctx.t("outbox-col-subject")) }
                        th scope="col" { (ctx.t("outbox-col-state")) }
                        th scope="col" { (ctx.t("outbox-col-details")) }
                    } }
                    tbody {
                        @for e in p.entries {
                            tr {
                                td { (format::datetime(e.created_at)) }
                                td.wrap { (e.recipient) }
                                td.wrap {
                                    a href=(format!("/admin/outbox/{}", e.id)) { (e.subject) }
                                    br;
                                    span.muted { (kind_label(ctx, &e.kind)) " · " (e.language.to_uppercase()) }
                                }
                                td { (state_badge(ctx, e.state)) }
                                td.wrap { (details(ctx, e)) }
                            }
                        }
                    }
                }
            }
            @if p.entries.len() as i64 >= p.limit {
                p.muted { (ctx.ta("outbox-limit", &[("count", p.limit.into())])) }
            }
        }
    };
    layout::page(ctx, &ctx.t("outbox-title"), body)
}

/// Attempts, and what happens next.
fn details(ctx: &Ctx, e: &Entry) -> Markup {
    html! {
        (ctx.ta("outbox-attempts", &[("count", e.attempts.into())]))
        @match e.state {
            State::Sent => {
                @if let Some(at) = e.sent_at { br; (ctx.ta("outbox-sent-at", &[("at", format::datetime(at).into())])) }
            }
            State::Queued => {
                br; (ctx.ta("outbox-next-attempt", &[("at", format::datetime(e.next_attempt_at).into())]))
            }
            State::Sending | State::Failed => {}
        }
        @if e.state != State::Sent {
            @if let Some(error) = &e.last_error { br; span.error-text { (error) } }
        }
    }
}

pub fn show(ctx: &Ctx, e: &Entry, readable: Option<&Readable>, raw: &str) -> Markup {
    let title = if e.subject.is_empty() {
        ctx.t("outbox-title")
    } else {
        e.subject.clone()
    };
    let body = html! {
        p.breadcrumb { a href="/admin/outbox" { "← " (ctx.t("outbox-back")) } }
        h1 { (title) }
        p { (state_badge(ctx, e.state)) " " (details(ctx, e)) }
        @if e.state == State::Failed {
            form.inline method="post" action=(format!("/admin/outbox/{}/retry", e.id)) {
                (csrf(ctx))
                button.primary type="submit" { (ctx.t("outbox-retry")) }
            }
        }
        @match readable {
            None => { p.notice.notice-warning { (ctx.t("outbox-unreadable")) } }
            Some(r) => {
                section.card aria-labelledby="headers-heading" {
                    h2 #headers-heading { (ctx.t("outbox-headers")) }
                    dl.facts {
                        div.fact { dt { (ctx.t("outbox-field-from")) } dd { (r.from) } }
                        div.fact { dt { (ctx.t("outbox-field-to")) } dd { (r.to) } }
                        div.fact { dt { (ctx.t("outbox-col-subject")) } dd { (r.subject) } }
                        div.fact { dt { (ctx.t("outbox-field-date")) } dd { (r.date) } }
                        div.fact { dt { (ctx.t("outbox-field-language")) } dd { (r.language) } }
                        div.fact { dt { (ctx.t("outbox-field-message-id")) } dd.wrap { (r.message_id) } }
                        div.fact { dt { (ctx.t("outbox-field-key")) } dd.wrap { (e.dedup_key) } }
                    }
                }
                section.card aria-labelledby="text-heading" {
                    h2 #text-heading { (ctx.t("outbox-text")) }
                    pre.mail-text tabindex="0" role="region" aria-labelledby="text-heading" { (r.text) }
                }
                section.card aria-labelledby="html-heading" {
                    h2 #html-heading { (ctx.t("outbox-html")) }
                    p { a href=(format!("/admin/outbox/{}/html", e.id)) target="_blank" rel="noopener" { (ctx.t("outbox-html-open")) } }
                    details {
                        summary { (ctx.t("outbox-html-source")) }
                        pre.mail-text tabindex="0" role="region" aria-label=(ctx.t("outbox-html-source")) { (r.html) }
                    }
                }
                section.card aria-labelledby="attachments-heading" {
                    h2 #attachments-heading { (ctx.t("outbox-attachments")) }
                    @if r.attachments.is_empty() {
                        p.empty { (ctx.t("outbox-attachments-none")) }
                    } @else {
                        ul {
                            @for a in &r.attachments {
                                li { (a.name) " " span.muted { "(" (a.content_type) ", " (a.size) " B)" } }
                            }
                        }
                    }
                }
            }
        }
        details.card {
            summary { (ctx.t("outbox-source")) }
            pre.mail-text tabindex="0" role="region" aria-label=(ctx.t("outbox-source")) { (raw) }
        }
    };
    layout::page(ctx, &title, body)
}
