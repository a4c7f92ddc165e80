//! Form bodies with repeated fields (checkbox groups, multi-selects) become `Vec<String>`;
//! actix-web's own `Form` (serde_urlencoded) cannot read those.

use super::WebError;
use actix_web::dev::Payload;
use actix_web::{web, FromRequest, HttpRequest};
use serde::de::DeserializeOwned;
use std::future::Future;
use std::pin::Pin;

/// A form body read with `serde_html_form`.
pub struct MultiForm<T>(pub T);

impl<T> MultiForm<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T: DeserializeOwned + 'static> FromRequest for MultiForm<T> {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let bytes = web::Bytes::from_request(req, payload);
        Box::pin(async move {
            let body = bytes.await?;
            serde_html_form::from_bytes::<T>(&body)
                .map(MultiForm)
                .map_err(|e| WebError::BadRequest(format!("form: {e}")).into())
        })
    }
}

#[cfg(test)]
mod tests {
    #[derive(serde::Deserialize, Default)]
    #[serde(default)]
    struct F {
        title: String,
        schedules: Vec<String>,
    }

    #[test]
    fn repeated_fields_become_lists_and_single_ones_too() {
        let f: F =
            serde_html_form::from_bytes(b"title=a+b&schedules=day&schedules=evening").unwrap();
        assert_eq!(f.title, "a b");
        assert_eq!(f.schedules, vec!["day", "evening"]);
        let one: F = serde_html_form::from_bytes(b"schedules=day").unwrap();
        assert_eq!(one.schedules, vec!["day"]);
        let none: F = serde_html_form::from_bytes(b"").unwrap();
        assert!(none.schedules.is_empty());
    }
}
