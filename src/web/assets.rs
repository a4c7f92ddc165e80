//! Static assets, embedded in the binary and cached by browsers for a year: their URLs carry a
//! content hash, so a new release is fetched at once.

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use std::sync::OnceLock;

struct Asset {
    name: &'static str,
    content_type: &'static str,
    body: &'static [u8],
}

const ASSETS: &[Asset] = &[
    Asset {
        name: "style.css",
        content_type: "text/css; charset=utf-8",
        body: include_bytes!("../../static/style.css"),
    },
    Asset {
        name: "quick-log.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_bytes!("../../static/quick-log.js"),
    },
    Asset {
        name: "favicon.svg",
        content_type: "image/svg+xml",
        body: include_bytes!("../../static/favicon.svg"),
    },
];

/// `/static/NAME?v=HASH`, for links in pages.
pub fn url(name: &str) -> String {
    static VERSIONS: OnceLock<Vec<(&'static str, String)>> = OnceLock::new();
    let versions = VERSIONS.get_or_init(|| {
        ASSETS
            .iter()
            .map(|a| {
                (
                    a.name,
                    crate::auth::token::hash_bytes(a.body)[..12].to_owned(),
                )
            })
            .collect()
    });
    let v = versions
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or("0");
    format!("/static/{name}?v={v}")
}

pub async fn file(name: web::Path<String>) -> HttpResponse {
    match ASSETS.iter().find(|a| a.name == name.as_str()) {
        Some(asset) => HttpResponse::Ok()
            .insert_header((header::CONTENT_TYPE, asset.content_type))
            .insert_header((header::CACHE_CONTROL, "public, max-age=31536000, immutable"))
            .body(asset.body),
        None => HttpResponse::NotFound().finish(),
    }
}
