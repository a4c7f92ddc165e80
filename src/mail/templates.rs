//! The email templates of `templates/email/`, embedded and rendered with minijinja.

use crate::i18n::Lang;
use minijinja::Environment;
use serde::Serialize;
use std::sync::OnceLock;

macro_rules! templates {
    ($($name:literal),+ $(,)?) => {
        &[$(($name, include_str!(concat!("../../templates/email/", $name)))),+]
    };
}

const FILES: &[(&str, &str)] = templates![
    "layout.html",
    "item.html",
    "fi/digest.txt",
    "fi/digest.html",
    "fi/assigned.txt",
    "fi/assigned.html",
    "sv/digest.txt",
    "sv/digest.html",
    "sv/assigned.txt",
    "sv/assigned.html",
    "en/digest.txt",
    "en/digest.html",
    "en/assigned.txt",
    "en/assigned.html",
];

fn environment() -> &'static Result<Environment<'static>, String> {
    static ENV: OnceLock<Result<Environment<'static>, String>> = OnceLock::new();
    ENV.get_or_init(|| {
        let mut env = Environment::new();
        let syntax = minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .keep_trailing_newline(true)
            .build()
            .map_err(|e| format!("email template syntax: {e}"))?;
        env.set_syntax(syntax);
        for (name, source) in FILES {
            env.add_template(name, source)
                .map_err(|e| format!("email template {name}: {e}"))?;
        }
        Ok(env)
    })
}

#[derive(Debug, thiserror::Error)]
#[error("cannot render the email template {name}: {message}")]
pub struct TemplateError {
    pub name: String,
    pub message: String,
}

/// Renders `templates/email/<lang>/<kind>.<ext>`; `.html` is escaped automatically.
pub fn render(
    lang: Lang,
    kind: &str,
    ext: &str,
    context: impl Serialize,
) -> Result<String, TemplateError> {
    let name = format!("{}/{kind}.{ext}", lang.code());
    let error = |message: String| TemplateError {
        name: name.clone(),
        message,
    };
    let env = environment().as_ref().map_err(|e| error(e.clone()))?;
    let template = env.get_template(&name).map_err(|e| error(e.to_string()))?;
    template
        .render(minijinja::value::Serde(context))
        .map_err(|e| error(format!("{e:#}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_template_and_they_parse() {
        assert!(environment().is_ok(), "{:?}", environment().as_ref().err());
        for lang in Lang::ALL {
            for kind in ["digest", "assigned"] {
                for ext in ["txt", "html"] {
                    let name = format!("{}/{kind}.{ext}", lang.code());
                    assert!(FILES.iter().any(|(n, _)| *n == name), "{name} missing");
                }
            }
        }
    }
}
