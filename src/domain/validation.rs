//! Field errors of a submitted form: each names its field and a message id (with the numbers its
//! message states, such as a length limit), so the page can show it next to the field, in the
//! user's language, with everything typed still in place.

use crate::i18n::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message_id: String,
    /// Named numbers for the message's placeables: `("max", 200)`.
    pub args: Vec<(&'static str, i64)>,
}

impl FieldError {
    /// The message in `lang`, with its limits filled in.
    pub fn text(&self, lang: Lang) -> String {
        if self.args.is_empty() {
            return lang.t(&self.message_id);
        }
        let args: Vec<(&'static str, crate::i18n::Arg)> =
            self.args.iter().map(|(k, v)| (*k, (*v).into())).collect();
        lang.ta(&self.message_id, &args)
    }
}

#[derive(Debug, Clone, Default)]
pub struct FieldErrors(Vec<FieldError>);

impl FieldErrors {
    pub fn add(&mut self, field: &'static str, message_id: &str) {
        self.add_with(field, message_id, &[]);
    }

    /// An error whose message states numbers (limits): `add_with("name", "…-too-long", &[("max", 200)])`.
    pub fn add_with(
        &mut self,
        field: &'static str,
        message_id: &str,
        args: &[(&'static str, i64)],
    ) {
        self.0.push(FieldError {
            field,
            message_id: message_id.to_owned(),
            args: args.to_vec(),
        });
    }

    /// The message id of the field's first error.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.first(field).map(|e| e.message_id.as_str())
    }

    pub fn first(&self, field: &str) -> Option<&FieldError> {
        self.0.iter().find(|e| e.field == field)
    }

    /// The field's first error as the user reads it.
    pub fn text(&self, lang: Lang, field: &str) -> Option<String> {
        self.first(field).map(|e| e.text(lang))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// (field, message id) of every error, in the order found.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &str)> {
        self.0.iter().map(|e| (e.field, e.message_id.as_str()))
    }

    pub fn all(&self) -> impl Iterator<Item = &FieldError> {
        self.0.iter()
    }
}
