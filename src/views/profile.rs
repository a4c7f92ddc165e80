//! The user's own settings.

use super::components::{csrf, error_summary, Input};
use super::layout;
use crate::domain::digest::DigestPreference;
use crate::domain::validation::FieldErrors;
use crate::i18n::Lang;
use crate::web::Ctx;
use maud::{html, Markup};

/// The user's reminder mail settings as the page shows them.
pub struct Reminders {
    pub digest: DigestPreference,
    /// The organisation's digest time, `07:30`.
    pub time: String,
}

pub fn page(ctx: &Ctx, errors: &FieldErrors, reminders: &Reminders) -> Markup {
    let body = html! {
        h1 { (ctx.t("profile-title")) }
        (error_summary(ctx, errors))
        section.card aria-labelledby="language-heading" {
            h2 #language-heading { (ctx.t("profile-language")) }
            form.stack method="post" action="/profile/language" {
                (csrf(ctx))
                fieldset {
                    legend { (ctx.t("profile-language-legend")) }
                    @for lang in Lang::ALL {
                        div.choice {
                            input type="radio" name="language" id=(format!("lang-{}", lang.code()))
                                value=(lang.code()) checked[lang == ctx.lang];
                            label for=(format!("lang-{}", lang.code())) lang=(lang.code()) { (lang.native_name()) }
                        }
                    }
                }
                button.primary type="submit" { (ctx.t("profile-language-save")) }
            }
        }
        section.card aria-labelledby="digest-heading" {
            h2 #digest-heading { (ctx.t("profile-digest")) }
            p.hint #digest-hint { (ctx.ta("profile-digest-hint", &[("time", reminders.time.clone().into())])) }
            form.stack method="post" action="/profile/digest" {
                (csrf(ctx))
                fieldset aria-describedby="digest-hint" {
                    legend { (ctx.t("profile-digest-legend")) }
                    @for pref in DigestPreference::ALL {
                        div.choice {
                            input type="radio" name="digest" id=(format!("digest-{}", pref.as_str()))
                                value=(pref.as_str()) checked[*pref == reminders.digest];
                            label for=(format!("digest-{}", pref.as_str())) { (ctx.t(pref.message_id())) }
                        }
                    }
                }
                button.primary type="submit" { (ctx.t("profile-digest-save")) }
            }
        }
        section.card aria-labelledby="password-heading" {
            h2 #password-heading { (ctx.t("profile-password")) }
            form.stack method="post" action="/profile/password" {
                (csrf(ctx))
                (Input::new("current", ctx.t("profile-password-current"), "").kind("password").autocomplete("current-password").required().render(ctx, errors))
                (Input::new("new", ctx.t("profile-password-new"), "").kind("password").autocomplete("new-password").required()
                    .hint(ctx.ta("password-hint", &[("min", (crate::auth::password::MIN_LENGTH as i64).into())])).render(ctx, errors))
                (Input::new("confirm", ctx.t("profile-password-confirm"), "").kind("password").autocomplete("new-password").required().render(ctx, errors))
                button.primary type="submit" { (ctx.t("profile-password-save")) }
            }
        }
    };
    layout::page(ctx, &ctx.t("profile-title"), body)
}
