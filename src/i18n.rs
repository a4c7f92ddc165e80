//! Messages in Finnish (default), Swedish and English, from Fluent files per language and area.

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};
use std::borrow::Cow;
use std::collections::HashMap;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./src/i18n/locales",
        fallback_language: "fi",
        // Unicode isolation marks would end up inside form values and e-mail subjects.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// Each language's messages, embedded, for the completeness test and for tooling. One file per
/// area keeps the message lists of parallel work apart.
macro_rules! language_files {
    ($lang:literal) => {
        concat!(
            include_str!(concat!("i18n/locales/", $lang, "/core.ftl")),
            "\n",
            include_str!(concat!("i18n/locales/", $lang, "/mail.ftl")),
            "\n",
            include_str!(concat!("i18n/locales/", $lang, "/jobs.ftl")),
            "\n",
            include_str!(concat!("i18n/locales/", $lang, "/matching.ftl")),
            "\n",
            include_str!(concat!("i18n/locales/", $lang, "/reports.ftl")),
        )
    };
}

pub const MESSAGE_FILES: [(Lang, &str); 3] = [
    (Lang::Fi, language_files!("fi")),
    (Lang::Sv, language_files!("sv")),
    (Lang::En, language_files!("en")),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Fi,
    Sv,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Fi, Lang::Sv, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fi => "fi",
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "fi" => Some(Lang::Fi),
            "sv" => Some(Lang::Sv),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language's own name, shown in language pickers whatever the current language.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Fi => "suomi",
            Lang::Sv => "svenska",
            Lang::En => "English",
        }
    }

    /// Picks the best of our languages from an Accept-Language header, by its q-values.
    pub fn from_accept_language(header: &str) -> Lang {
        let mut best: Option<(f32, Lang)> = None;
        for part in header.split(',') {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or("").trim();
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            if let Some(lang) = Lang::parse(tag) {
                if best.is_none_or(|(bq, _)| q > bq) {
                    best = Some((q, lang));
                }
            }
        }
        best.map(|(_, l)| l).unwrap_or_default()
    }

    fn identifier(self) -> LanguageIdentifier {
        match self {
            Lang::Fi => fluent_templates::langid!("fi"),
            Lang::Sv => fluent_templates::langid!("sv"),
            Lang::En => fluent_templates::langid!("en"),
        }
    }

    /// The message `id`; the id itself if it is missing (a test keeps that from happening).
    pub fn t(self, id: &str) -> String {
        LOCALES
            .try_lookup(&self.identifier(), id)
            .unwrap_or_else(|| id.to_owned())
    }

    /// The message `id` with named arguments.
    pub fn ta(self, id: &str, args: &[(&'static str, Arg)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue<'static>> = args
            .iter()
            .map(|(k, v)| {
                let value = match v {
                    Arg::Str(s) => FluentValue::from(s.clone()),
                    Arg::Num(n) => FluentValue::from(*n),
                };
                (Cow::Borrowed(*k), value)
            })
            .collect();
        LOCALES
            .try_lookup_with_args(&self.identifier(), id, &map)
            .unwrap_or_else(|| id.to_owned())
    }
}

/// A value for a message placeable.
#[derive(Debug, Clone)]
pub enum Arg {
    Str(String),
    Num(i64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Str(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Str(s)
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Num(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_prefers_highest_q() {
        assert_eq!(
            Lang::from_accept_language("sv-FI,sv;q=0.9,en;q=0.8"),
            Lang::Sv
        );
        assert_eq!(
            Lang::from_accept_language("de-DE,en;q=0.5,fi;q=0.7"),
            Lang::Fi
        );
        assert_eq!(Lang::from_accept_language("en-GB"), Lang::En);
        assert_eq!(Lang::from_accept_language("de"), Lang::Fi);
        assert_eq!(Lang::from_accept_language(""), Lang::Fi);
    }

    #[test]
    fn lookups_use_each_language() {
        assert_eq!(Lang::Fi.t("nav-sign-out"), "Kirjaudu ulos");
        assert_eq!(Lang::Sv.t("nav-sign-out"), "Logga ut");
        assert_eq!(Lang::En.t("nav-sign-out"), "Sign out");
    }
}
