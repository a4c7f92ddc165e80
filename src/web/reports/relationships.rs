//! `/reports/relationships`: the four lists, and the actions from their rows (make a coach the
//! relationship lead, give a coach a follow-up).

use super::{download, html, id, teams};
use crate::db::reports::relationships::{self as q, Filter};
use crate::db::{self, employers, follow_ups, users, DbError, Scope};
use crate::domain::validation::FieldErrors;
use crate::export::Format;
use crate::views::reports::relationships::{ActionState, HealthPage};
use crate::web::context::FlashKind;
use crate::web::login::redirect_with_flash;
use crate::web::{AppState, Ctx, WebError};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

#[derive(Debug, Deserialize, Default, Clone)]
#[serde(default)]
pub struct HealthQuery {
    pub team: String,
    pub coach: String,
    pub format: String,
}

impl HealthQuery {
    fn filter(&self) -> Filter {
        Filter {
            team_id: id(&self.team),
            coach_id: id(&self.coach),
        }
    }

    /// The page's own address with these filters.
    pub fn location(&self) -> String {
        let kept: Vec<(&str, &str)> = [("team", self.team.trim()), ("coach", self.coach.trim())]
            .into_iter()
            .filter(|(_, v)| id(v).is_some())
            .collect();
        if kept.is_empty() {
            "/reports/relationships".into()
        } else {
            format!(
                "/reports/relationships?{}",
                serde_urlencoded::to_string(&kept).unwrap_or_default()
            )
        }
    }
}

/// The report inside the reader's scope: a team lead sees their own team's relationships and
/// can choose only their own team's people.
async fn load(
    state: &AppState,
    scope: Scope,
    q: &HealthQuery,
    lang: crate::i18n::Lang,
) -> Result<HealthPage, WebError> {
    let filter = q.filter();
    Ok(state
        .db
        .run(move |conn| -> Result<HealthPage, DbError> {
            Ok(HealthPage {
                health: q::health(conn, scope, filter, db::now())?,
                teams: teams(conn, scope)?,
                people: users::active_people_in(conn, scope)?,
                industries: crate::db::reference::industries(conn, lang)?,
                municipalities: crate::db::reference::municipalities(conn, lang)?,
            })
        })
        .await?)
}

pub async fn relationships(
    ctx: Ctx,
    state: web::Data<AppState>,
    query: web::Query<HealthQuery>,
) -> Result<HttpResponse, WebError> {
    let q = query.into_inner();
    let page = load(&state, ctx.scope()?, &q, ctx.lang).await?;
    match Format::parse(&q.format) {
        Some(format) => download(
            format,
            "relationships",
            &crate::views::reports::relationships::tables(&ctx, &page),
        ),
        None => Ok(html(crate::views::reports::relationships::page(
            &ctx,
            &q,
            &page,
            &ActionState::default(),
        ))),
    }
}

/// A row action's form: the checked employers, a person, and for a follow-up its due date and
/// what to do; the list it came from and the page's filters.
#[derive(Debug, Default, Clone)]
pub struct ActionForm {
    pub list: String,
    pub employers: Vec<i64>,
    pub person: String,
    pub due_on: String,
    pub what: String,
    pub query: HealthQuery,
    /// The employer list the action came from, to return to (see [`ActionForm::back`]).
    pub back: String,
}

impl ActionForm {
    /// The employer list to return to; only a path of the list itself, never elsewhere.
    fn back(&self) -> Option<&str> {
        let path = crate::domain::local_path::LocalPath::parse(&self.back)?;
        (path.path() == "/employers").then_some(self.back.as_str())
    }

    /// Where a done action returns: the employer list it came from, or the report.
    fn location(&self) -> String {
        self.back()
            .map(str::to_owned)
            .unwrap_or_else(|| self.query.location())
    }

    fn parse(fields: &[(String, String)]) -> ActionForm {
        let mut f = ActionForm::default();
        for (k, v) in fields {
            match k.as_str() {
                "employer" => f.employers.extend(id(v)),
                "list" => f.list = v.trim().chars().take(20).collect(),
                "person" => f.person = v.clone(),
                "due_on" => f.due_on = v.clone(),
                "what" => f.what = v.clone(),
                "team" => f.query.team = v.clone(),
                "coach" => f.query.coach = v.clone(),
                "back" => f.back = v.clone(),
                _ => {}
            }
        }
        f.employers.sort_unstable();
        f.employers.dedup();
        f
    }
}

/// What the page says back when an action's form is not complete: the page again, with the
/// form's errors and everything that was typed and checked.
async fn invalid(
    ctx: &Ctx,
    state: &AppState,
    form: ActionForm,
    errors: FieldErrors,
) -> Result<HttpResponse, WebError> {
    let action = ActionState {
        list: form.list.clone(),
        selected: form.employers.clone(),
        person: form.person.clone(),
        due_on: form.due_on.clone(),
        what: form.what.clone(),
        errors,
    };
    let page = match form.back() {
        Some(back) => {
            let query = back.split_once('?').map(|(_, q)| q).unwrap_or("");
            let list_query = serde_urlencoded::from_str(query).unwrap_or_default();
            let actions = crate::views::employers::ListActions {
                back: back.to_owned(),
                state: action,
                // Filled by the list page with the reader's scope.
                people: Vec::new(),
            };
            crate::web::employers::list_page(ctx, state, list_query, Some(&actions)).await?
        }
        None => {
            let page = load(state, ctx.scope()?, &form.query, ctx.lang).await?;
            crate::views::reports::relationships::page(ctx, &form.query, &page, &action)
        }
    };
    Ok(HttpResponse::build(StatusCode::UNPROCESSABLE_ENTITY)
        .content_type("text/html; charset=utf-8")
        .body(page.into_string()))
}

/// The person the action is for: active, and in the reader's scope (a team lead's own team).
async fn person(
    state: &AppState,
    scope: Scope,
    form: &ActionForm,
    errors: &mut FieldErrors,
) -> Result<Option<i64>, WebError> {
    if form.employers.is_empty() {
        errors.add("employer", "report-error-choose-employers");
    }
    let Some(person) = id(&form.person) else {
        errors.add("person", "report-error-choose-person");
        return Ok(None);
    };
    let active = state
        .db
        .run(move |conn| users::is_active_in(conn, scope, person))
        .await?;
    if !active {
        errors.add("person", "report-error-choose-person");
        return Ok(None);
    }
    Ok(Some(person))
}

pub async fn assign_lead(
    req: HttpRequest,
    ctx: Ctx,
    state: web::Data<AppState>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    let user_id = ctx.user()?.id;
    let form = ActionForm::parse(&form);
    let mut errors = FieldErrors::default();
    let lead = person(&state, ctx.scope()?, &form, &mut errors).await?;
    let Some(lead) = lead.filter(|_| errors.is_empty()) else {
        return invalid(&ctx, &state, form, errors).await;
    };
    let ids = form.employers.clone();
    state
        .db
        .run(move |conn| -> Result<(), DbError> {
            conn.write(|conn| {
                for id in ids {
                    employers::set_lead(conn, id, Some(lead), user_id, db::now())?;
                }
                Ok(())
            })
        })
        .await?;
    Ok(redirect_with_flash(
        &req,
        &state,
        &form.location(),
        FlashKind::Success,
        "flash-report-lead-assigned",
    ))
}

pub async fn create_follow_up(
    req: HttpRequest,
    ctx: Ctx,
    state: web::Data<AppState>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    let user_id = ctx.user()?.id;
    let form = ActionForm::parse(&form);
    let mut errors = FieldErrors::default();
    let assignee = person(&state, ctx.scope()?, &form, &mut errors).await?;
    let due_on = crate::domain::fields::parse_date(&form.due_on);
    if due_on.is_none() {
        errors.add("due_on", "report-error-due-on");
    }
    let what = crate::domain::fields::line(&mut errors, "what", &form.what, 500);
    if what.is_empty() && errors.get("what").is_none() {
        errors.add("what", "report-error-what");
    }
    let (Some(assignee), Some(due_on)) = (assignee, due_on) else {
        return invalid(&ctx, &state, form, errors).await;
    };
    if !errors.is_empty() {
        return invalid(&ctx, &state, form, errors).await;
    }
    let ids = form.employers.clone();
    let mail = state.mail.clone();
    state
        .db
        .run(move |conn| -> Result<(), DbError> {
            conn.write(|conn| {
                let now = db::now();
                let mut created = Vec::with_capacity(ids.len());
                for id in ids {
                    if employers::find(conn, id)?.is_some() {
                        created.push(follow_ups::create(
                            conn, id, None, assignee, user_id, due_on, &what, now,
                        )?);
                    }
                }
                // The coach hears of follow-ups someone else gave them, in the same transaction.
                crate::db::outbox::enqueue_assignment_notice(
                    conn,
                    &mail.site,
                    assignee,
                    user_id,
                    &created,
                    &Default::default(),
                    now,
                )?;
                Ok(())
            })
        })
        .await?;
    Ok(redirect_with_flash(
        &req,
        &state,
        &form.location(),
        FlashKind::Success,
        "flash-report-follow-ups-created",
    ))
}
