//! Deny by default: every route in the route table, walked with every role and anonymously.

mod support;

use support::records::{self, concrete};
use support::{location, TestApp};
use verkosto::domain::role::Role;
use verkosto::web::routes::{Access, ROUTES};

#[actix_web::test]
async fn every_route_answers_each_role_as_the_table_says() {
    let app = TestApp::spawn().await;
    // Each `{id}` names a record of its own kind (an employer, a jobseeker, a match...) of the
    // signed-in users' team, so that the handler behind it runs: the coach is the one whose
    // follow-up it is, the lead leads their team; users acted upon are never the signed-in ones.
    records::load_demo(&app).await;
    let target = records::team_records(
        &app,
        "Vantaa",
        "jussi.nieminen@demo.verkosto.fi",
        "aino.lindqvist@demo.verkosto.fi",
    )
    .await;
    let mut sessions = Vec::new();
    for (role, email) in [
        (Role::Coach, "jussi.nieminen@demo.verkosto.fi"),
        (Role::TeamLead, records::VANTAA_LEAD),
        (Role::Admin, records::ADMIN),
    ] {
        sessions.push((Some(role), records::sign_in(&app, email).await));
    }
    assert_eq!(sessions.len(), Role::ALL.len(), "every role");
    sessions.push((None, app.session()));

    let mut checked = 0;
    for route in ROUTES {
        for (role, session) in &sessions {
            if route.path == "/logout" {
                continue; // signing out would end the session the walk still needs; tested in auth.rs
            }
            let path = concrete(route.path, &target);
            let res = match route.method {
                "GET" => session.get(&path).await,
                "POST" => session.post(&path, &[]).await,
                other => panic!("unexpected method {other}"),
            };
            let status = res.status().as_u16();
            let allowed = route.access.allows(*role);
            let who = role.map(|r| r.as_str()).unwrap_or("anonymous");
            if allowed {
                assert!(
                    status != 403
                        && !(status == 303
                            && location(&res).starts_with("/login")
                            && role.is_some()),
                    "{who} should reach {} {path}, got {status}",
                    route.method
                );
                assert!(
                    status < 500,
                    "{who} {} {path}: server error {status}",
                    route.method
                );
            } else if role.is_none() {
                assert_eq!(
                    status, 303,
                    "anonymous {} {path} must go to sign-in",
                    route.method
                );
                assert!(location(&res).starts_with("/login"));
            } else {
                assert_eq!(status, 403, "{who} must be refused {} {path}", route.method);
            }
            checked += 1;
        }
    }
    assert!(checked >= ROUTES.len() * 3);
}

#[actix_web::test]
async fn only_public_routes_are_public() {
    let public: Vec<&str> = ROUTES
        .iter()
        .filter(|r| r.access == Access::Public)
        .map(|r| r.path)
        .collect();
    assert_eq!(
        public,
        vec!["/health", "/ready", "/static/{file}", "/login", "/login"]
    );
}

#[actix_web::test]
async fn unknown_pages_get_a_localised_404() {
    let app = TestApp::spawn().await;
    let (s, _) = app.signed_in(Role::Coach).await;
    let res = s.get("/no-such-page").await;
    assert_eq!(res.status(), 404);
    let body = res.text().await.unwrap();
    assert!(body.contains("Sivua ei löydy"));
    assert!(body.contains("<main"), "rendered in the shared layout");
    let res = s.get("/admin/users").await;
    assert_eq!(res.status(), 403);
    assert!(res.text().await.unwrap().contains("Ei käyttöoikeutta"));
}

#[actix_web::test]
async fn pages_carry_security_headers_and_assets_are_cached() {
    let app = TestApp::spawn().await;
    let s = app.session();
    let res = s.get("/login").await;
    let csp = res
        .headers()
        .get("content-security-policy")
        .unwrap()
        .to_str()
        .unwrap();
    assert!(csp.contains("script-src 'self'"));
    assert!(!csp.contains("unsafe-inline"));
    let body = res.text().await.unwrap();
    assert!(!body.contains("<script"), "no inline scripts");
    assert!(!body.contains("style="), "no inline styles");
    let res = app.session().get("/static/style.css").await;
    assert_eq!(res.status(), 200);
    assert!(
        res.headers().get("set-cookie").is_none(),
        "a cacheable asset sets no cookie"
    );
    assert!(res
        .headers()
        .get("cache-control")
        .unwrap()
        .to_str()
        .unwrap()
        .contains("max-age=31536000"));
}

mod boundaries {
    //! Team boundaries, walked from the route table: every route that names a record (in its
    //! path, or in the query or form fields it reads) × every role × a record of the user's own
    //! team and one of another team's, GET and POST with an invalid and a valid body. No
    //! response to a coach or a team lead carries another team's jobseeker's name, and nothing
    //! of another team's changes.

    use super::support::records::{self, concrete, TeamRecords};
    use super::support::{csrf_in, Session, TestApp};
    use chrono::{NaiveDate, NaiveDateTime};
    use diesel::prelude::*;
    use verkosto::db::schema::{
        contacts, employers, follow_ups, jobseekers, match_events, matches, openings, placements,
        support_contacts, users,
    };
    use verkosto::db::{self, DbError};
    use verkosto::domain::jobs::MatchStage;
    use verkosto::domain::role::Role;
    use verkosto::web::routes::{Access, ROUTES};

    type Form = Vec<(String, String)>;

    fn form(fields: &[(&str, &str)]) -> Form {
        fields
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    /// What changes as the walk goes on: the versions edits must carry, the match's next stage.
    struct Current {
        employer: Form,
        opening: Form,
        next_stage: String,
    }

    async fn current(app: &TestApp, r: &TeamRecords) -> Current {
        let (employer, opening, match_id) = (r.employer, r.opening, r.match_id);
        app.db
            .run(move |conn| -> Result<Current, DbError> {
                type EmployerRow = (
                    String,
                    Option<String>,
                    Option<String>,
                    Option<String>,
                    String,
                    String,
                    String,
                    Option<i64>,
                    i64,
                );
                let e: EmployerRow = employers::table
                    .find(employer)
                    .select((
                        employers::name,
                        employers::business_id,
                        employers::industry_code,
                        employers::municipality_code,
                        employers::sector,
                        employers::stage,
                        employers::do_not_contact_reason,
                        employers::lead_user_id,
                        employers::version,
                    ))
                    .first(conn)?;
                let o: (i64, i64, String, String, String, i64) = openings::table
                    .find(opening)
                    .select((
                        openings::employer_id,
                        openings::coach_id,
                        openings::title,
                        openings::source,
                        openings::status,
                        openings::version,
                    ))
                    .first(conn)?;
                let stage: String = matches::table
                    .find(match_id)
                    .select(matches::stage)
                    .first(conn)?;
                let next_stage = MatchStage::parse(&stage)
                    .and_then(|s| {
                        s.next_stages()
                            .into_iter()
                            .find(|n| *n != MatchStage::Hired)
                    })
                    .unwrap_or(MatchStage::Discussed)
                    .as_str()
                    .to_owned();
                Ok(Current {
                    employer: form(&[
                        ("name", &e.0),
                        ("business_id", e.1.as_deref().unwrap_or("")),
                        ("industry_code", e.2.as_deref().unwrap_or("")),
                        ("municipality_code", e.3.as_deref().unwrap_or("")),
                        ("sector", &e.4),
                        ("stage", &e.5),
                        ("do_not_contact_reason", &e.6),
                        (
                            "lead_user_id",
                            &e.7.map(|l| l.to_string()).unwrap_or_default(),
                        ),
                        ("version", &e.8.to_string()),
                    ]),
                    opening: form(&[
                        ("employer_id", &o.0.to_string()),
                        ("coach_id", &o.1.to_string()),
                        ("title", &o.2),
                        ("source", &o.3),
                        ("status", &o.4),
                        ("version", &o.5.to_string()),
                    ]),
                    next_stage,
                })
            })
            .await
            .expect("the records' current state")
    }

    /// An invalid and a valid body for a POST route, naming the team's records; `None` for a
    /// route whose form names no record. A route this does not know fails the walk: a new route
    /// must say what its form carries.
    fn bodies(path: &str, r: &TeamRecords, now: &Current) -> Option<(Form, Form)> {
        let today = verkosto::format::today_helsinki(db::now()).to_string();
        let (js, emp, opening) = (
            r.jobseeker.to_string(),
            r.employer.to_string(),
            r.opening.to_string(),
        );
        let (user, colleague) = (r.user.to_string(), r.colleague.to_string());
        let with = |base: &Form, key: &str, value: &str| -> Form {
            let mut f: Form = base.iter().filter(|(k, _)| k != key).cloned().collect();
            f.push((key.to_owned(), value.to_owned()));
            f
        };
        Some(match path {
            // Signing in and out, one's own profile, and the admin's settings name no record.
            "/login"
            | "/logout"
            | "/profile/language"
            | "/profile/password"
            | "/profile/digest"
            | "/admin/users"
            | "/admin/privacy/retention"
            | "/admin/privacy/run"
            | "/admin/teams"
            | "/admin/settings/digest-time"
            | "/log/employer" => return None,
            "/employers" => {
                let valid = form(&[
                    ("name", "Rajatesti Oy"),
                    ("municipality_code", "092"),
                    ("sector", "private"),
                    ("stage", "prospect"),
                    ("confirm_similar", "1"),
                ]);
                (with(&valid, "name", ""), valid)
            }
            "/employers/{id}" => (with(&now.employer, "name", ""), now.employer.clone()),
            "/employers/{id}/archive"
            | "/employers/{id}/restore"
            | "/jobseekers/{id}/erase"
            | "/admin/outbox/{id}/retry" => (form(&[("junk", "\u{1}")]), form(&[])),
            "/employers/{id}/contacts" => {
                let valid = form(&[
                    ("channel", "phone"),
                    ("outcome", "needs_learned"),
                    ("jobseeker_id", &js),
                    ("notes", "Rajatesti"),
                ]);
                (with(&valid, "channel", ""), valid)
            }
            "/employers/{id}/persons" | "/employers/{id}/persons/{person_id}" => {
                let valid = form(&[("name", "Rajatesti Henkilö")]);
                (with(&valid, "name", ""), valid)
            }
            "/employers/{id}/persons/{person_id}/left" => {
                (form(&[("left", "\u{1}")]), form(&[("left", "true")]))
            }
            "/follow-ups/{id}/done" => (
                form(&[("result_note", "\u{1}")]),
                form(&[("result_note", "Tehty")]),
            ),
            "/follow-ups/{id}/snooze" => (
                form(&[("until", "date"), ("date", "2001-13-01")]),
                form(&[("until", "week")]),
            ),
            "/follow-ups/{id}/reassign" => (
                form(&[("assignee_id", "kissa")]),
                form(&[("assignee_id", &colleague)]),
            ),
            "/openings" => {
                let valid = form(&[
                    ("employer_id", &emp),
                    ("coach_id", &user),
                    ("title", "Rajatesti"),
                    ("source", "coach_found"),
                ]);
                (with(&valid, "title", ""), valid)
            }
            "/openings/{id}" => (with(&now.opening, "title", ""), now.opening.clone()),
            "/jobseekers" => {
                let valid = form(&[
                    ("display_name", "Rajatesti Uusi"),
                    ("coach_id", &user),
                    ("entered_on", &today),
                ]);
                (with(&valid, "entered_on", "kissa"), valid)
            }
            "/jobseekers/{id}" => {
                let valid = form(&[
                    ("display_name", "Rajatesti Muutettu"),
                    ("coach_id", &user),
                    ("entered_on", &today),
                ]);
                (with(&valid, "entered_on", "kissa"), valid)
            }
            "/matches" => {
                let valid = form(&[
                    ("opening_id", &opening),
                    ("jobseeker_id", &js),
                    ("back", "/matches"),
                ]);
                (with(&valid, "opening_id", "kissa"), valid)
            }
            "/matches/{id}/stage" => {
                let valid = form(&[("stage", &now.next_stage), ("on", &today)]);
                (with(&valid, "stage", "kissa"), valid)
            }
            "/placements" => {
                let valid = form(&[
                    ("jobseeker_id", &js),
                    ("employer_id", &emp),
                    ("job_title", "Rajatesti"),
                    ("starts_on", &today),
                    ("disclosure", "none"),
                    ("competitive", "on"),
                ]);
                (with(&valid, "starts_on", "kissa"), valid)
            }
            "/placements/{id}/support" => {
                let valid = form(&[
                    ("occurred_on", &today),
                    ("channel", "phone"),
                    ("with_whom", "jobseeker"),
                    ("notes", "Rajatesti"),
                ]);
                (with(&valid, "channel", "kissa"), valid)
            }
            "/placements/{id}/end" => {
                let valid = form(&[("ends_on", &today), ("reason", "contract_ended")]);
                (with(&valid, "reason", "kissa"), valid)
            }
            "/handover" => {
                let valid = form(&[
                    ("from", &user),
                    ("follow_up", &colleague),
                    ("jobseeker", &colleague),
                    ("employer", &colleague),
                    ("match", &colleague),
                ]);
                (form(&[("from", &user)]), valid)
            }
            "/reports/relationships/lead" => {
                let valid = form(&[("list", "cooling"), ("employer", &emp), ("person", &user)]);
                (with(&valid, "person", ""), valid)
            }
            "/reports/relationships/follow-up" => {
                let valid = form(&[
                    ("list", "cooling"),
                    ("employer", &emp),
                    ("person", &user),
                    ("due_on", &today),
                    ("what", "Rajatesti"),
                ]);
                (with(&valid, "due_on", ""), valid)
            }
            "/admin/users/{id}/role" => (
                form(&[("role", "kissa"), ("team_id", &r.team.to_string())]),
                form(&[("role", "coach"), ("team_id", &r.team.to_string())]),
            ),
            "/admin/users/{id}/active" => {
                (form(&[("active", "kissa")]), form(&[("active", "false")]))
            }
            // Ends the user's sessions: nothing to send but the token.
            "/admin/users/{id}/sessions" => (form(&[("kissa", "koira")]), form(&[])),
            other => panic!("POST {other}: say which records its form names (tests/access.rs)"),
        })
    }

    /// Query strings that name records, for the pages whose path names none.
    fn queries(r: &TeamRecords) -> Vec<String> {
        vec![
            String::new(),
            format!("?jobseeker={}", r.jobseeker),
            format!("?match={}", r.match_id),
            format!("?opening={}", r.opening),
            format!("?employer={}", r.employer),
            format!("?contact={}", r.contact),
            format!("?from={}", r.user),
            format!("?coach={}", r.user),
            format!("?team={}", r.team),
            format!("?lead={}", r.user),
            format!("?format=csv&team={}&coach={}", r.team, r.user),
            "?scope=team".into(),
            "?show=team".into(),
        ]
    }

    /// Another team's people and jobseekers, as the walk began.
    struct Other {
        team: i64,
        users: Vec<i64>,
        seekers: Vec<i64>,
        names: Vec<String>,
    }

    async fn other_team(app: &TestApp, team: i64, own_team: i64) -> Other {
        app.db
            .run(move |conn| -> Result<Other, DbError> {
                let people: Vec<i64> = users::table
                    .filter(users::team_id.eq(team))
                    .select(users::id)
                    .load(conn)?;
                let seekers: Vec<(i64, String)> = jobseekers::table
                    .filter(jobseekers::coach_id.eq_any(&people))
                    .select((jobseekers::id, jobseekers::display_name))
                    .load(conn)?;
                let own: Vec<String> = jobseekers::table
                    .inner_join(users::table.on(users::id.eq(jobseekers::coach_id)))
                    .filter(users::team_id.eq(own_team))
                    .select(jobseekers::display_name)
                    .load(conn)?;
                let mut names: Vec<String> = seekers
                    .iter()
                    .map(|(_, n)| n.clone())
                    .filter(|n| n.chars().count() >= 4 && !own.contains(n))
                    .collect();
                names.sort();
                names.dedup();
                Ok(Other {
                    team,
                    users: people,
                    seekers: seekers.into_iter().map(|(id, _)| id).collect(),
                    names,
                })
            })
            .await
            .expect("the other team")
    }

    /// Everything of the other team's a coach or lead of this team must not change, as text.
    async fn state_of(app: &TestApp, other: &Other) -> String {
        let (team, people, seekers) = (other.team, other.users.clone(), other.seekers.clone());
        app.db
            .run(move |conn| -> Result<String, DbError> {
                let people_now: Vec<(i64, String, bool, i64)> = users::table
                    .filter(users::id.eq_any(&people).or(users::team_id.eq(team)))
                    .order(users::id.asc())
                    .select((users::id, users::role, users::active, users::team_id))
                    .load(conn)?;
                type SeekerRow = (
                    i64,
                    String,
                    i64,
                    String,
                    bool,
                    NaiveDateTime,
                    Option<NaiveDateTime>,
                );
                let seekers_now: Vec<SeekerRow> = jobseekers::table
                    .filter(
                        jobseekers::id
                            .eq_any(&seekers)
                            .or(jobseekers::coach_id.eq_any(&people)),
                    )
                    .order(jobseekers::id.asc())
                    .select((
                        jobseekers::id,
                        jobseekers::display_name,
                        jobseekers::coach_id,
                        jobseekers::status,
                        jobseekers::consent_employer_contact,
                        jobseekers::updated_at,
                        jobseekers::anonymised_at,
                    ))
                    .load(conn)?;
                let matches_now: Vec<(i64, String, i64, NaiveDateTime)> = matches::table
                    .filter(matches::jobseeker_id.eq_any(&seekers))
                    .order(matches::id.asc())
                    .select((
                        matches::id,
                        matches::stage,
                        matches::coach_id,
                        matches::updated_at,
                    ))
                    .load(conn)?;
                let match_ids: Vec<i64> = matches_now.iter().map(|m| m.0).collect();
                let moves: i64 = match_events::table
                    .filter(match_events::match_id.eq_any(&match_ids))
                    .count()
                    .get_result(conn)?;
                type PlacementRow = (i64, Option<NaiveDate>, Option<String>, NaiveDateTime);
                let placements_now: Vec<PlacementRow> = placements::table
                    .filter(placements::jobseeker_id.eq_any(&seekers))
                    .order(placements::id.asc())
                    .select((
                        placements::id,
                        placements::ends_on,
                        placements::end_reason,
                        placements::updated_at,
                    ))
                    .load(conn)?;
                let placement_ids: Vec<i64> = placements_now.iter().map(|p| p.0).collect();
                let support: i64 = support_contacts::table
                    .filter(support_contacts::placement_id.eq_any(&placement_ids))
                    .count()
                    .get_result(conn)?;
                let for_them: Vec<Option<i64>> = seekers.iter().map(|s| Some(*s)).collect();
                let on_behalf: i64 = contacts::table
                    .filter(contacts::jobseeker_id.eq_any(&for_them))
                    .count()
                    .get_result(conn)?;
                let follow_now: Vec<(i64, i64, String, NaiveDate, NaiveDateTime)> =
                    follow_ups::table
                        .filter(follow_ups::assignee_id.eq_any(&people))
                        .order(follow_ups::id.asc())
                        .select((
                            follow_ups::id,
                            follow_ups::assignee_id,
                            follow_ups::status,
                            follow_ups::due_on,
                            follow_ups::updated_at,
                        ))
                        .load(conn)?;
                let by_them: Vec<Option<i64>> = people.iter().map(|p| Some(*p)).collect();
                let led: Vec<(i64, Option<i64>)> = employers::table
                    .filter(employers::lead_user_id.eq_any(&by_them))
                    .order(employers::id.asc())
                    .select((employers::id, employers::lead_user_id))
                    .load(conn)?;
                Ok(format!(
                    "people {people_now:?}\njobseekers {seekers_now:?}\nmatches {matches_now:?} \
                     moves {moves}\nplacements {placements_now:?} support {support}\n\
                     contacts on behalf {on_behalf}\nfollow-ups {follow_now:?}\nled {led:?}"
                ))
            })
            .await
            .expect("the other team's state")
    }

    struct Walker<'a> {
        app: &'a TestApp,
        other: &'a Other,
        baseline: String,
        requests: usize,
    }

    impl Walker<'_> {
        /// The response may not carry another team's jobseeker's name, nor be a server error.
        async fn check(&mut self, res: reqwest::Response, who: &str, what: &str, bound: bool) {
            self.requests += 1;
            let status = res.status().as_u16();
            let body = res.text().await.unwrap_or_default();
            assert!(status < 500, "{who} {what}: server error {status}");
            if bound {
                if let Some(name) = self.other.names.iter().find(|n| body.contains(n.as_str())) {
                    panic!("{who} {what} ({status}) shows another team's jobseeker {name:?}");
                }
            }
        }

        async fn unchanged(&self, who: &str, what: &str) {
            let now = state_of(self.app, self.other).await;
            assert!(
                now == self.baseline,
                "{who} {what} changed another team's records:\nbefore {}\nafter  {now}",
                self.baseline
            );
        }

        /// Walks every route naming a record, with this session, on these records. `bound`: the
        /// session's user is held to their own team (a coach, a team lead).
        async fn walk(&mut self, s: &Session, who: &str, r: &TeamRecords, bound: bool) -> usize {
            let token = csrf_in(&s.text("/profile").await).expect("a CSRF token");
            let mut walked = 0;
            for route in ROUTES {
                if route.access == Access::Public {
                    continue;
                }
                match route.method {
                    "GET" => {
                        let paths = if route.path.contains('{') {
                            vec![concrete(route.path, r)]
                        } else {
                            queries(r)
                                .into_iter()
                                .map(|q| format!("{}{q}", route.path))
                                .collect()
                        };
                        for path in paths {
                            let what = format!("GET {path}");
                            self.check(s.get(&path).await, who, &what, bound).await;
                        }
                        if bound {
                            self.unchanged(who, &format!("GET {}", route.path)).await;
                        }
                    }
                    "POST" => {
                        let now = current(self.app, r).await;
                        let Some((invalid, valid)) = bodies(route.path, r, &now) else {
                            continue;
                        };
                        let path = concrete(route.path, r);
                        for (kind, mut fields) in [("invalid", invalid), ("valid", valid)] {
                            fields.push(("csrf".into(), token.clone()));
                            let what = format!("POST {path} ({kind}: {fields:?})");
                            let res = s.client.post(s.url(&path)).form(&fields).send().await;
                            self.check(res.expect("POST"), who, &what, bound).await;
                            if bound {
                                self.unchanged(who, &what).await;
                            }
                        }
                    }
                    other => panic!("unexpected method {other}"),
                }
                if route.path.contains('{') || route.method == "GET" {
                    walked += 1;
                }
            }
            walked
        }
    }

    #[actix_web::test]
    async fn no_route_shows_or_changes_another_teams_jobseekers() {
        let app = TestApp::spawn().await;
        records::load_demo(&app).await;
        let own = records::team_records(
            &app,
            "Vantaa",
            "jussi.nieminen@demo.verkosto.fi",
            "aino.lindqvist@demo.verkosto.fi",
        )
        .await;
        let theirs = records::team_records(
            &app,
            "Kerava",
            "ahmed.hassan@demo.verkosto.fi",
            "liisa.korhonen@demo.verkosto.fi",
        )
        .await;
        let other = other_team(&app, theirs.team, own.team).await;
        assert!(
            other.names.len() >= 20,
            "the demo's second team has named jobseekers: {:?}",
            other.names
        );
        let baseline = state_of(&app, &other).await;

        // The name check can fail: the admin reads the other team's names in the pages walked.
        let admin = records::sign_in(&app, records::ADMIN).await;
        for path in [
            format!("/jobseekers/{}", theirs.jobseeker),
            format!("/openings/{}", theirs.opening),
            format!("/employers/{}", theirs.employer),
        ] {
            let body = admin.text(&path).await;
            assert!(
                other.names.iter().any(|n| body.contains(n.as_str())),
                "the admin reads another team's names on {path}"
            );
        }

        let mut walker = Walker {
            app: &app,
            other: &other,
            baseline: baseline.clone(),
            requests: 0,
        };
        let sessions = [
            (Role::Coach, records::VANTAA_COACH),
            (Role::TeamLead, records::VANTAA_LEAD),
            (Role::Admin, records::ADMIN),
        ];
        assert_eq!(sessions.len(), Role::ALL.len(), "every role");
        let with_ids = ROUTES.iter().filter(|r| r.path.contains('{')).count();
        for (role, email) in sessions {
            let s = records::sign_in(&app, email).await;
            // Admins read and change every team's records; coaches and leads their own team's.
            let bound = role != Role::Admin;
            for (target, r) in [("own team's", &own), ("other team's", &theirs)] {
                let who = format!("{role} on the {target} records:");
                let walked = walker.walk(&s, &who, r, bound).await;
                assert!(walked >= with_ids, "{who} walked {walked} routes");
            }
        }
        assert!(walker.requests > 500, "{} requests", walker.requests);

        // The change check can fail: the admin's valid forms changed the other team's records.
        assert_ne!(
            state_of(&app, &other).await,
            baseline,
            "the admin's valid forms change the other team's records"
        );
    }
}
