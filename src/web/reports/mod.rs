//! The team lead's reports: coverage, relationship health, IPS job development; each page also
//! answers `?format=csv` and `?format=xlsx` with the same numbers as a download.

pub mod coverage;
pub mod job_development;
pub mod relationships;

use super::{Ctx, WebError};
use crate::db::{self, users, DbConnection, DbError, Scope};
use crate::export::{self, Format, Table};
use actix_web::http::header;
use actix_web::HttpResponse;
use maud::Markup;

pub use coverage::coverage;
pub use job_development::job_development;
pub use relationships::{assign_lead, create_follow_up, relationships};

/// The reports' front page for team leads and admins.
pub async fn index(ctx: Ctx) -> Result<Markup, WebError> {
    Ok(crate::views::reports::index(&ctx))
}

/// A page as HTML.
pub fn html(page: Markup) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(page.into_string())
}

/// The tables as a file to download, named after the report and today's date.
pub fn download(format: Format, stem: &str, tables: &[Table]) -> Result<HttpResponse, WebError> {
    let bytes = export::write(format, tables).map_err(|e| WebError::Internal(e.to_string()))?;
    let today = crate::format::today_helsinki(db::now());
    let name = format!("{stem}-{}.{}", today.format("%Y-%m-%d"), format.extension());
    Ok(HttpResponse::Ok()
        .content_type(format.content_type())
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}\""),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(bytes))
}

/// An id from a query or form field; empty or malformed means none.
pub fn id(s: &str) -> Option<i64> {
    s.trim().parse().ok().filter(|n: &i64| *n > 0)
}

/// The scope's teams for the filters: (id, name). A team lead has their own team only.
pub fn teams(conn: &mut DbConnection, scope: Scope) -> Result<Vec<(i64, String)>, DbError> {
    Ok(users::teams_in(conn, scope)?
        .into_iter()
        .map(|t| (t.id, t.name))
        .collect())
}
