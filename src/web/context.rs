//! What a page needs to know about the request: who, which language, the CSRF token, the flash.

use crate::db::users::User;
use crate::db::Scope;
use crate::domain::role::Role;
use crate::i18n::Lang;
use crate::web::WebError;
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpMessage, HttpRequest};
use std::future::{ready, Ready};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlashKind {
    Success,
    Error,
}

/// A one-time message shown on the next page; holds a message id, localised when shown.
#[derive(Debug, Clone)]
pub struct Flash {
    pub kind: FlashKind,
    pub message_id: String,
}

impl Flash {
    pub fn encode(&self) -> String {
        let kind = match self.kind {
            FlashKind::Success => "ok",
            FlashKind::Error => "err",
        };
        format!("{kind}:{}", self.message_id)
    }

    pub fn decode(value: &str) -> Option<Flash> {
        let (kind, id) = value.split_once(':')?;
        let kind = match kind {
            "ok" => FlashKind::Success,
            "err" => FlashKind::Error,
            _ => return None,
        };
        Some(Flash {
            kind,
            message_id: id.to_owned(),
        })
    }
}

#[derive(Debug, Clone)]
pub struct Ctx {
    pub lang: Lang,
    pub user: Option<User>,
    /// Whose jobseekers the signed-in user may read; made by the gate from the session only.
    pub scope: Option<Scope>,
    pub csrf: String,
    pub flash: Option<Flash>,
    pub organisation_name: String,
    pub path: String,
}

impl Ctx {
    pub fn t(&self, id: &str) -> String {
        self.lang.t(id)
    }

    pub fn ta(&self, id: &str, args: &[(&'static str, crate::i18n::Arg)]) -> String {
        self.lang.ta(id, args)
    }

    /// The signed-in user; the gate guarantees one on every non-public route.
    pub fn user(&self) -> Result<&User, WebError> {
        self.user.as_ref().ok_or(WebError::Unauthorized)
    }

    /// The signed-in user's scope: every query on jobseekers and their matches, placements and
    /// support takes it.
    pub fn scope(&self) -> Result<Scope, WebError> {
        self.scope.ok_or(WebError::Unauthorized)
    }

    pub fn role(&self) -> Option<Role> {
        self.user.as_ref().map(|u| u.role)
    }
}

impl FromRequest for Ctx {
    type Error = WebError;
    type Future = Ready<Result<Ctx, WebError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(
            req.extensions()
                .get::<Ctx>()
                .cloned()
                .ok_or_else(|| WebError::Internal("request context missing".into())),
        )
    }
}
