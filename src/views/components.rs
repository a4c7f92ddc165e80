//! Form fields with their errors, and other small pieces pages share.

use crate::domain::validation::FieldErrors;
use crate::web::gate::CSRF_FIELD;
use crate::web::Ctx;
use maud::{html, Markup};

/// The hidden fields every form that changes something carries: the CSRF token, and a fresh
/// idempotency key that makes a second submit of the same rendered form harmless.
pub fn csrf(ctx: &Ctx) -> Markup {
    html! {
        input type="hidden" name=(CSRF_FIELD) value=(ctx.csrf);
        input type="hidden" name=(crate::db::idempotency::FIELD) value=(crate::auth::token::generate());
    }
}

/// A labelled input; on error it is marked invalid and the error is read with it.
pub struct Input<'a> {
    pub name: &'a str,
    pub label: String,
    pub value: &'a str,
    pub kind: &'a str,
    pub autocomplete: Option<&'a str>,
    pub required: bool,
    pub hint: Option<String>,
}

impl<'a> Input<'a> {
    pub fn new(name: &'a str, label: String, value: &'a str) -> Self {
        Self {
            name,
            label,
            value,
            kind: "text",
            autocomplete: None,
            required: false,
            hint: None,
        }
    }

    pub fn kind(mut self, kind: &'a str) -> Self {
        self.kind = kind;
        self
    }

    pub fn autocomplete(mut self, value: &'a str) -> Self {
        self.autocomplete = Some(value);
        self
    }

    pub fn required(mut self) -> Self {
        self.required = true;
        self
    }

    pub fn hint(mut self, hint: String) -> Self {
        self.hint = Some(hint);
        self
    }

    pub fn render(&self, ctx: &Ctx, errors: &FieldErrors) -> Markup {
        let id = format!("f-{}", self.name);
        let error = errors.get(self.name);
        let described = describedby(&id, self.hint.is_some(), error.is_some());
        html! {
            div.field.has-error[error.is_some()] {
                label for=(id) {
                    (self.label)
                    @if self.required { " " span.required aria-hidden="true" { "*" } }
                }
                @if let Some(hint) = &self.hint { p.hint id=(format!("{id}-hint")) { (hint) } }
                @if let Some(message) = errors.text(ctx.lang, self.name) {
                    p.field-error id=(format!("{id}-error")) { (message) }
                }
                input id=(id) name=(self.name) type=(self.kind) value=(self.value)
                    autocomplete=[self.autocomplete] required[self.required]
                    aria-invalid=[error.map(|_| "true")] aria-describedby=[described];
            }
        }
    }
}

fn describedby(id: &str, hint: bool, error: bool) -> Option<String> {
    let mut parts = Vec::new();
    if hint {
        parts.push(format!("{id}-hint"));
    }
    if error {
        parts.push(format!("{id}-error"));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// A labelled select over (value, label) options.
pub fn select(
    ctx: &Ctx,
    errors: &FieldErrors,
    name: &str,
    label: String,
    options: &[(String, String)],
    selected: &str,
) -> Markup {
    let id = format!("f-{name}");
    let error = errors.get(name);
    html! {
        div.field.has-error[error.is_some()] {
            label for=(id) { (label) }
            @if let Some(message) = error.and(errors.text(ctx.lang, name)) {
                p.field-error id=(format!("{id}-error")) { (message) }
            }
            select id=(id) name=(name) aria-invalid=[error.map(|_| "true")]
                aria-describedby=[error.map(|_| format!("{id}-error"))] {
                @for (value, text) in options {
                    option value=(value) selected[value == selected] { (text) }
                }
            }
        }
    }
}

/// A summary at the top of a form that failed, linking to each field in error.
pub fn error_summary(ctx: &Ctx, errors: &FieldErrors) -> Markup {
    html! {
        @if !errors.is_empty() {
            div.error-summary role="alert" aria-labelledby="error-summary-title" tabindex="-1" {
                h2 #error-summary-title { (ctx.t("form-error-summary")) }
                ul {
                    @for e in errors.all() {
                        li { a href=(format!("#f-{}", e.field)) { (e.text(ctx.lang)) } }
                    }
                }
            }
        }
    }
}

/// A labelled multi-line text field.
pub fn textarea(
    ctx: &Ctx,
    errors: &FieldErrors,
    name: &str,
    label: String,
    value: &str,
    hint: Option<String>,
) -> Markup {
    let id = format!("f-{name}");
    let error = errors.get(name);
    let described = describedby(&id, hint.is_some(), error.is_some());
    html! {
        div.field.has-error[error.is_some()] {
            label for=(id) { (label) }
            @if let Some(hint) = &hint { p.hint id=(format!("{id}-hint")) { (hint) } }
            @if let Some(message) = error.and(errors.text(ctx.lang, name)) {
                p.field-error id=(format!("{id}-error")) { (message) }
            }
            textarea id=(id) name=(name) rows="4" aria-invalid=[error.map(|_| "true")] aria-describedby=[described] { (value) }
        }
    }
}

/// A select whose options come in labelled groups: (group label, [(value, label)]).
pub fn grouped_select(
    ctx: &Ctx,
    errors: &FieldErrors,
    name: &str,
    label: String,
    empty: Option<String>,
    groups: &[(String, Vec<(String, String)>)],
    selected: &str,
) -> Markup {
    let id = format!("f-{name}");
    let error = errors.get(name);
    html! {
        div.field.has-error[error.is_some()] {
            label for=(id) { (label) }
            @if let Some(message) = error.and(errors.text(ctx.lang, name)) {
                p.field-error id=(format!("{id}-error")) { (message) }
            }
            select id=(id) name=(name) aria-invalid=[error.map(|_| "true")]
                aria-describedby=[error.map(|_| format!("{id}-error"))] {
                @if let Some(empty) = &empty { option value="" { (empty) } }
                @for (group, options) in groups {
                    optgroup label=(group) {
                        @for (value, text) in options {
                            option value=(value) selected[value == selected] { (text) }
                        }
                    }
                }
            }
        }
    }
}

/// Big tappable choices as radio buttons in a fieldset (one thumb on a phone).
pub fn choices(
    ctx: &Ctx,
    errors: &FieldErrors,
    name: &str,
    legend: String,
    options: &[(String, String)],
    selected: &str,
    required: bool,
) -> Markup {
    let error = errors.get(name);
    html! {
        fieldset.chips.has-error[error.is_some()] id=(format!("f-{name}")) aria-describedby=[error.map(|_| format!("f-{name}-error"))] {
            legend {
                (legend)
                @if required { " " span.required aria-hidden="true" { "*" } }
            }
            @if let Some(message) = error.and(errors.text(ctx.lang, name)) {
                p.field-error id=(format!("f-{name}-error")) { (message) }
            }
            div.chip-list {
                @for (value, text) in options {
                    @let id = format!("{name}-{value}");
                    span.chip {
                        input type="radio" id=(id) name=(name) value=(value) checked[value == selected] required[required];
                        label for=(id) { (text) }
                    }
                }
            }
        }
    }
}

pub fn checkbox(name: &str, label: String, checked: bool) -> Markup {
    let id = format!("f-{name}");
    html! {
        div.choice {
            input type="checkbox" id=(id) name=(name) value="on" checked[checked];
            label for=(id) { (label) }
        }
    }
}

/// Options of a labelled enum, labelled in the user's language.
pub fn enum_options<T: Copy>(
    ctx: &Ctx,
    all: &[T],
    value: fn(T) -> &'static str,
    message: fn(T) -> &'static str,
) -> Vec<(String, String)> {
    all.iter()
        .map(|v| (value(*v).to_owned(), ctx.t(message(*v))))
        .collect()
}

/// A group of checkboxes sending the same field name once per ticked option.
pub fn checkbox_group(
    ctx: &Ctx,
    errors: &FieldErrors,
    name: &str,
    legend: String,
    options: &[(String, String)],
    selected: &[String],
) -> Markup {
    let error = errors.get(name);
    html! {
        fieldset.chips.has-error[error.is_some()] id=(format!("f-{name}")) aria-describedby=[error.map(|_| format!("f-{name}-error"))] {
            legend { (legend) }
            @if let Some(message) = error.and(errors.text(ctx.lang, name)) {
                p.field-error id=(format!("f-{name}-error")) { (message) }
            }
            div.chip-list {
                @for (value, text) in options {
                    @let id = format!("{name}-{value}");
                    span.chip {
                        input type="checkbox" id=(id) name=(name) value=(value) checked[selected.contains(value)];
                        label for=(id) { (text) }
                    }
                }
            }
        }
    }
}

/// A labelled multiple-choice list (for long lists such as municipalities).
pub fn multi_select(
    ctx: &Ctx,
    errors: &FieldErrors,
    name: &str,
    label: String,
    groups: &[(String, Vec<(String, String)>)],
    selected: &[String],
    hint: Option<String>,
) -> Markup {
    let id = format!("f-{name}");
    let error = errors.get(name);
    let described = describedby(&id, hint.is_some(), error.is_some());
    html! {
        div.field.has-error[error.is_some()] {
            label for=(id) { (label) }
            @if let Some(hint) = &hint { p.hint id=(format!("{id}-hint")) { (hint) } }
            @if let Some(message) = error.and(errors.text(ctx.lang, name)) {
                p.field-error id=(format!("{id}-error")) { (message) }
            }
            select id=(id) name=(name) multiple size="6" aria-invalid=[error.map(|_| "true")] aria-describedby=[described] {
                @for (group, options) in groups {
                    optgroup label=(group) {
                        @for (value, text) in options {
                            option value=(value) selected[selected.contains(value)] { (text) }
                        }
                    }
                }
            }
        }
    }
}

/// A labelled range of two numbers (hours per week: from – to).
pub fn number_range(
    ctx: &Ctx,
    errors: &FieldErrors,
    legend: String,
    (min_name, min_value): (&str, &str),
    (max_name, max_value): (&str, &str),
) -> Markup {
    let error = errors.get(min_name).or(errors.get(max_name));
    let message = errors
        .text(ctx.lang, min_name)
        .or_else(|| errors.text(ctx.lang, max_name));
    html! {
        fieldset.range.has-error[error.is_some()] {
            legend { (legend) }
            @if let Some(message) = message {
                p.field-error id=(format!("f-{max_name}-error")) { (message) }
            }
            div.range-inputs {
                label for=(format!("f-{min_name}")) { (ctx.t("range-from")) }
                input id=(format!("f-{min_name}")) name=(min_name) value=(min_value) inputmode="decimal" size="5";
                label for=(format!("f-{max_name}")) { (ctx.t("range-to")) }
                input id=(format!("f-{max_name}")) name=(max_name) value=(max_value) inputmode="decimal" size="5";
            }
        }
    }
}
