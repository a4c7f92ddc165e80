//! Contact persons on the employer page, and their form.

use super::components::{csrf, enum_options, error_summary, select, textarea, Input};
use super::layout;
use crate::db::contacts::{ContactPerson, PersonForm};
use crate::db::employers::Employer;
use crate::domain::contact::Channel;
use crate::domain::validation::FieldErrors;
use crate::web::Ctx;
use maud::{html, Markup};

fn fields(ctx: &Ctx, form: &PersonForm, errors: &FieldErrors) -> Markup {
    let mut channels = vec![(String::new(), ctx.t("filter-unknown"))];
    channels.extend(enum_options(
        ctx,
        &[
            Channel::Phone,
            Channel::Email,
            Channel::Video,
            Channel::PlannedVisit,
        ],
        Channel::as_str,
        Channel::message_id,
    ));
    html! {
        (Input::new("name", ctx.t("person-name"), &form.name).required().autocomplete("off").render(ctx, errors))
        (Input::new("role", ctx.t("person-role"), &form.role).render(ctx, errors))
        (Input::new("phone", ctx.t("person-phone"), &form.phone).kind("tel").autocomplete("off").render(ctx, errors))
        (Input::new("email", ctx.t("person-email"), &form.email).kind("email").autocomplete("off").render(ctx, errors))
        (select(ctx, errors, "preferred_channel", ctx.t("person-preferred-channel"), &channels, &form.preferred_channel))
        (textarea(ctx, errors, "notes", ctx.t("person-notes"), &form.notes, None))
    }
}

pub fn section(ctx: &Ctx, employer_id: i64, persons: &[ContactPerson]) -> Markup {
    html! {
        section.card #persons aria-labelledby="persons-heading" {
            h2 #persons-heading { (ctx.t("persons-title")) }
            @if persons.is_empty() { p.empty { (ctx.t("persons-none")) } }
            ul.person-list {
                @for p in persons {
                    li.person.left[p.left_at.is_some()] {
                        p.person-name {
                            strong { (p.name) }
                            @if !p.role.is_empty() { ", " (p.role) }
                            @if p.left_at.is_some() { " " span.badge { (ctx.t("person-has-left")) } }
                        }
                        p.person-reach {
                            @if !p.phone.is_empty() { a href=(format!("tel:{}", p.phone.replace(' ', ""))) { "☎ " (p.phone) } " " }
                            @if !p.email.is_empty() { a href=(format!("mailto:{}", p.email)) { "✉ " (p.email) } }
                            @if let Some(c) = p.preferred_channel.as_deref().and_then(Channel::parse) {
                                " · " (ctx.t("person-prefers")) " " (ctx.t(c.message_id()))
                            }
                        }
                        @if !p.notes.is_empty() { p.pre.muted { (p.notes) } }
                        div.row-actions {
                            a href=(format!("/employers/{employer_id}/persons/{}/edit", p.id)) { (ctx.ta("person-edit", &[("name", p.name.clone().into())])) }
                            form.inline method="post" action=(format!("/employers/{employer_id}/persons/{}/left", p.id)) {
                                (csrf(ctx))
                                @if p.left_at.is_some() {
                                    input type="hidden" name="left" value="false";
                                    button type="submit" { (ctx.ta("person-mark-back", &[("name", p.name.clone().into())])) }
                                } @else {
                                    input type="hidden" name="left" value="true";
                                    button type="submit" { (ctx.ta("person-mark-left", &[("name", p.name.clone().into())])) }
                                }
                            }
                        }
                    }
                }
            }
            details {
                summary { (ctx.t("person-add")) }
                form.stack method="post" action=(format!("/employers/{employer_id}/persons")) novalidate {
                    (csrf(ctx))
                    (fields(ctx, &PersonForm::default(), &FieldErrors::default()))
                    button.primary type="submit" { (ctx.t("person-save")) }
                }
            }
        }
    }
}

pub fn form_page(
    ctx: &Ctx,
    employer: &Employer,
    person_id: Option<i64>,
    form: &PersonForm,
    errors: &FieldErrors,
) -> Markup {
    let action = match person_id {
        Some(pid) => format!("/employers/{}/persons/{pid}", employer.id),
        None => format!("/employers/{}/persons", employer.id),
    };
    let title = if person_id.is_some() {
        ctx.t("person-edit-title")
    } else {
        ctx.t("person-add")
    };
    let body = html! {
        p.breadcrumb { a href=(format!("/employers/{}", employer.id)) { "← " (employer.name) } }
        h1 { (title) }
        (error_summary(ctx, errors))
        form.stack method="post" action=(action) novalidate {
            (csrf(ctx))
            (fields(ctx, form, errors))
            div.actions {
                button.primary type="submit" { (ctx.t("person-save")) }
                a href=(format!("/employers/{}#persons", employer.id)) { (ctx.t("cancel")) }
            }
        }
    };
    layout::page(ctx, &title, body)
}
