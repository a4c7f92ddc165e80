//! `/reports/job-development`: IPS job development per coach. Admins see any team or coach, team
//! leads their own team's; a coach sees their own numbers.

use super::{download, html, id, teams};
use crate::db::reports::job_development::{self as q, Filter};
use crate::db::{self, DbError};
use crate::domain::role::Role;
use crate::export::Format;
use crate::views::reports::job_development::JobDevelopmentPage;
use crate::web::{AppState, Ctx, WebError};
use actix_web::{web, HttpResponse};
use serde::Deserialize;

#[derive(Debug, Deserialize, Default, Clone)]
#[serde(default)]
pub struct JobDevelopmentQuery {
    pub team: String,
    pub coach: String,
    pub format: String,
}

pub async fn job_development(
    ctx: Ctx,
    state: web::Data<AppState>,
    query: web::Query<JobDevelopmentQuery>,
) -> Result<HttpResponse, WebError> {
    let q = query.into_inner();
    let user = ctx.user()?;
    let scope = ctx.scope()?;
    let own = user.role == Role::Coach;
    let filter = if own {
        Filter {
            team_id: None,
            coach_id: Some(user.id),
        }
    } else {
        Filter {
            team_id: id(&q.team),
            coach_id: id(&q.coach),
        }
    };
    let page = state
        .db
        .run(move |conn| -> Result<JobDevelopmentPage, DbError> {
            Ok(JobDevelopmentPage {
                data: q::load(conn, scope, filter, db::now())?,
                teams: if own { Vec::new() } else { teams(conn, scope)? },
                people: if own {
                    Vec::new()
                } else {
                    crate::db::users::active_people_in(conn, scope)?
                },
                own,
            })
        })
        .await?;
    match Format::parse(&q.format) {
        Some(format) => download(
            format,
            "job-development",
            &crate::views::reports::job_development::tables(&ctx, &page),
        ),
        None => Ok(html(crate::views::reports::job_development::page(
            &ctx, &q, &page,
        ))),
    }
}
