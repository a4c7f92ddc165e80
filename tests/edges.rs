//! The edges an attacker tries first, over real HTTP: sign-in throttling behind a proxy and
//! around it, sessions that end when they should, redirects that stay on the site, headers on
//! every response (error pages included), dates and names that cannot be turned against the
//! pages that show them, and downloads that a spreadsheet cannot run.

mod support;

use chrono::TimeDelta;
use diesel::prelude::*;
use support::{location, Session, TestApp, PASSWORD};
use verkosto::auth::proxies::TrustedProxies;
use verkosto::config::EdgeConfig;
use verkosto::db::schema::{jobseekers, openings, sessions, teams};
use verkosto::domain::role::Role;

/// Runs a Diesel query on the test database.
async fn query<T: Send + 'static>(
    app: &TestApp,
    f: impl FnOnce(&mut verkosto::db::DbConnection) -> QueryResult<T> + Send + 'static,
) -> T {
    app.db
        .run(move |c| f(c).map_err(verkosto::db::DbError::from))
        .await
        .expect("query")
}

fn behind_proxy() -> EdgeConfig {
    EdgeConfig {
        proxies: TrustedProxies::parse("127.0.0.1").unwrap(),
        ..EdgeConfig::default()
    }
}

async fn sign_in_from(s: &Session, email: &str, password: &str, client: &str) -> u16 {
    s.post_with(
        "/login",
        &[("email", email), ("password", password)],
        &[("x-forwarded-for", client)],
    )
    .await
    .status()
    .as_u16()
}

#[actix_web::test]
async fn forty_parallel_guesses_get_no_more_password_checks_than_the_limit() {
    let app = TestApp::spawn().await;
    let user = app.add_user(Role::Coach, "Vantaa").await;
    let s = app.session();
    let token = s.csrf().await;
    let mut guesses = tokio::task::JoinSet::new();
    for i in 0..40 {
        let client = s.client.clone();
        let url = s.url("/login");
        let form = vec![
            ("email".to_owned(), user.email.clone()),
            ("password".to_owned(), format!("arvaus-{i}")),
            ("csrf".to_owned(), token.clone()),
        ];
        guesses.spawn(async move {
            client
                .post(url)
                .form(&form)
                .send()
                .await
                .expect("POST")
                .status()
                .as_u16()
        });
    }
    let mut checked = 0;
    let mut refused = 0;
    while let Some(status) = guesses.join_next().await {
        match status.expect("a guess") {
            401 => checked += 1,
            429 => refused += 1,
            other => panic!("unexpected status {other}"),
        }
    }
    assert_eq!(checked, 5, "exactly the limit of password checks");
    assert_eq!(refused, 35);
}

#[actix_web::test]
async fn an_attackers_failures_never_lock_the_owner_out_from_another_address() {
    let app = TestApp::spawn_with_edge(behind_proxy()).await;
    let owner = app.add_user(Role::Coach, "Vantaa").await;
    let attacker = app.session();
    // Five failures from one address: that address is refused, even with the right password.
    for _ in 0..5 {
        assert_eq!(
            sign_in_from(&attacker, &owner.email, "väärin", "203.0.113.1").await,
            401
        );
    }
    assert_eq!(
        sign_in_from(&attacker, &owner.email, PASSWORD, "203.0.113.1").await,
        429
    );
    let page = attacker.text("/login").await;
    assert!(!page.contains("Kirjaudu ulos"));
    // Ten more from other addresses: the account is now slowed down, never locked.
    for client in ["203.0.113.2", "203.0.113.3"] {
        for _ in 0..5 {
            assert_eq!(
                sign_in_from(&attacker, &owner.email, "väärin", client).await,
                401
            );
        }
    }
    let res = app
        .session()
        .post_with(
            "/login",
            &[("email", &owner.email), ("password", PASSWORD)],
            &[("x-forwarded-for", "198.51.100.7")],
        )
        .await;
    assert_eq!(
        res.status(),
        303,
        "the owner signs in from their own address"
    );
    // The refused message states the limits.
    let res = attacker
        .post_with(
            "/login",
            &[("email", &owner.email), ("password", "x")],
            &[("x-forwarded-for", "203.0.113.1")],
        )
        .await;
    assert_eq!(res.status(), 429);
    let body = res.text().await.unwrap();
    assert!(
        body.contains("enintään 5 tälle tunnukselle ja 20 kaikille tunnuksille 15 minuutissa"),
        "{body}"
    );
}

#[actix_web::test]
async fn one_address_is_refused_after_twenty_failures_whatever_the_account() {
    let app = TestApp::spawn_with_edge(behind_proxy()).await;
    let owner = app.add_user(Role::Coach, "Vantaa").await;
    let attacker = app.session();
    for i in 0..20 {
        let email = format!("arvaus{i}@example.fi");
        assert_eq!(
            sign_in_from(&attacker, &email, "väärin", "203.0.113.9").await,
            401
        );
    }
    assert_eq!(
        sign_in_from(&attacker, &owner.email, PASSWORD, "203.0.113.9").await,
        429
    );
    assert_eq!(
        sign_in_from(&app.session(), &owner.email, PASSWORD, "198.51.100.7").await,
        303
    );
}

#[actix_web::test]
async fn forwarding_headers_from_an_untrusted_peer_change_nothing() {
    // No trusted proxies: a client that names a new address each time is still one address.
    let app = TestApp::spawn().await;
    let user = app.add_user(Role::Coach, "Vantaa").await;
    let s = app.session();
    for i in 0..5 {
        let client = format!("203.0.113.{i}");
        assert_eq!(sign_in_from(&s, &user.email, "väärin", &client).await, 401);
    }
    assert_eq!(
        sign_in_from(&s, &user.email, PASSWORD, "203.0.113.77").await,
        429
    );
    // Nor is its word taken for https: no HSTS, no Secure cookie.
    let res = app
        .session()
        .get_with("/login", ("x-forwarded-proto", "https"))
        .await;
    assert!(res.headers().get("strict-transport-security").is_none());
    let cookie = res
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert!(!cookie.contains("Secure"), "{cookie}");
}

#[actix_web::test]
async fn https_through_a_trusted_proxy_gets_hsts_and_secure_cookies() {
    let app = TestApp::spawn_with_edge(behind_proxy()).await;
    let user = app.add_user(Role::Coach, "Vantaa").await;
    let s = app.session();
    let res = s.get_with("/login", ("x-forwarded-proto", "https")).await;
    assert_eq!(
        res.headers().get("strict-transport-security").unwrap(),
        "max-age=63072000"
    );
    let res = s
        .post_with(
            "/login",
            &[("email", &user.email), ("password", PASSWORD)],
            &[
                ("x-forwarded-proto", "https"),
                ("forwarded", "for=198.51.100.7;proto=https"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let session_cookie = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("verkosto_session="))
        .unwrap()
        .to_owned();
    assert!(session_cookie.contains("Secure"), "{session_cookie}");
    // Plain http through the same proxy: no HSTS.
    let res = s.get_with("/login", ("x-forwarded-proto", "http")).await;
    assert!(res.headers().get("strict-transport-security").is_none());
}

#[actix_web::test]
async fn a_crafted_next_or_back_never_leaves_the_site_or_breaks_a_header() {
    let app = TestApp::spawn().await;
    let user = app.add_user(Role::Coach, "Vantaa").await;
    for next in [
        "/\t//evil.example",
        "//evil.example",
        "/\\evil.example",
        "https://evil.example",
        "/x\r\nSet-Cookie: a=b",
    ] {
        let res = app
            .session()
            .post(
                "/login",
                &[
                    ("email", &user.email),
                    ("password", PASSWORD),
                    ("next", next),
                ],
            )
            .await;
        assert_eq!(res.status(), 303, "{next:?}");
        assert_eq!(location(&res), "/", "{next:?}");
    }
    // A `back` with a line break on an action: a redirect to the safe default, never a 500.
    let (s, _) = app.signed_in(Role::Coach).await;
    let res = s
        .post(
            "/matches/999999/stage",
            &[
                ("stage", "nonsense"),
                ("back", "/jobseekers/1\r\nSet-Cookie: a=b"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), "/matches");
    assert!(res
        .headers()
        .get_all("set-cookie")
        .iter()
        .all(|c| !c.to_str().unwrap_or("").starts_with("a=")));
    let res = s
        .post(
            "/matches/999999/stage",
            &[("stage", "nonsense"), ("back", "/\t//evil.example")],
        )
        .await;
    assert_eq!(location(&res), "/matches");
}

async fn live_sessions(app: &TestApp, user_id: i64) -> i64 {
    app.db
        .run(move |c| {
            verkosto::db::sessions::count_for_user(
                c,
                user_id,
                verkosto::db::now(),
                &Default::default(),
            )
        })
        .await
        .unwrap()
}

#[actix_web::test]
async fn a_password_change_ends_every_other_session() {
    let app = TestApp::spawn().await;
    let user = app.add_user(Role::Coach, "Vantaa").await;
    let (phone, laptop) = (app.session(), app.session());
    assert_eq!(phone.sign_in(&user.email, PASSWORD).await.status(), 303);
    assert_eq!(laptop.sign_in(&user.email, PASSWORD).await.status(), 303);
    assert_eq!(live_sessions(&app, user.id).await, 2);
    let res = laptop
        .post(
            "/profile/password",
            &[
                ("current", PASSWORD),
                ("new", "uusi-salasana-456"),
                ("confirm", "uusi-salasana-456"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert!(laptop
        .text("/profile")
        .await
        .contains("Muut istuntosi on kirjattu ulos."));
    let res = phone.get("/").await;
    assert_eq!(res.status(), 303, "the other session ended");
    assert!(location(&res).starts_with("/login"));
    assert_eq!(live_sessions(&app, user.id).await, 1);
}

#[actix_web::test]
async fn an_admin_ends_a_users_sessions() {
    let app = TestApp::spawn().await;
    let (admin, me) = app.signed_in(Role::Admin).await;
    let coach = app.add_user(Role::Coach, "Kerava").await;
    let coach_session = app.session();
    assert_eq!(
        coach_session.sign_in(&coach.email, PASSWORD).await.status(),
        303
    );
    let page = admin.text("/admin/users").await;
    assert!(page.contains(&format!("/admin/users/{}/sessions", coach.id)));
    let res = admin
        .post(&format!("/admin/users/{}/sessions", coach.id), &[])
        .await;
    assert_eq!(res.status(), 303);
    assert!(admin
        .text("/admin/users")
        .await
        .contains("Käyttäjän kaikki istunnot päättyivät."));
    assert_eq!(coach_session.get("/").await.status(), 303);
    // The coach can sign in again: this was no deactivation.
    assert_eq!(
        coach_session.sign_in(&coach.email, PASSWORD).await.status(),
        303
    );
    // Ending one's own sessions keeps the one in use.
    let other = app.session();
    assert_eq!(other.sign_in(&me.email, PASSWORD).await.status(), 303);
    let res = admin
        .post(&format!("/admin/users/{}/sessions", me.id), &[])
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(admin.get("/admin/users").await.status(), 200);
    assert_eq!(other.get("/").await.status(), 303);
    // A coach may not end anybody's sessions.
    assert_eq!(
        coach_session
            .post(&format!("/admin/users/{}/sessions", me.id), &[])
            .await
            .status(),
        403
    );
}

#[actix_web::test]
async fn a_session_ends_after_its_idle_time_and_its_lifetime() {
    let app = TestApp::spawn().await;
    let (s, user) = app.signed_in(Role::Coach).await;
    assert_eq!(s.get("/").await.status(), 200);
    let uid = user.id;
    // Idle for longer than the default two hours.
    query(&app, move |c| {
        diesel::update(sessions::table.filter(sessions::user_id.eq(uid)))
            .set(sessions::last_seen_at.eq(verkosto::db::now() - TimeDelta::minutes(121)))
            .execute(c)
    })
    .await;
    assert_eq!(s.get("/").await.status(), 303, "idle too long");

    // Busy all the time, but past the lifetime of twelve hours.
    assert_eq!(s.sign_in(&user.email, PASSWORD).await.status(), 303);
    assert_eq!(s.get("/").await.status(), 200);
    query(&app, move |c| {
        diesel::update(sessions::table.filter(sessions::user_id.eq(uid)))
            .set(sessions::expires_at.eq(verkosto::db::now() - TimeDelta::seconds(1)))
            .execute(c)
    })
    .await;
    assert_eq!(s.get("/").await.status(), 303, "past its lifetime");

    // A request within the idle time keeps the session going.
    assert_eq!(s.sign_in(&user.email, PASSWORD).await.status(), 303);
    query(&app, move |c| {
        diesel::update(sessions::table.filter(sessions::user_id.eq(uid)))
            .set(sessions::last_seen_at.eq(verkosto::db::now() - TimeDelta::minutes(100)))
            .execute(c)
    })
    .await;
    assert_eq!(s.get("/").await.status(), 200);
    let last_seen: chrono::NaiveDateTime = query(&app, move |c| {
        sessions::table
            .filter(sessions::user_id.eq(uid))
            .select(sessions::last_seen_at)
            .first(c)
    })
    .await;
    assert!(
        verkosto::db::now() - last_seen < TimeDelta::minutes(1),
        "the request was noted"
    );
}

fn assert_security_headers(res: &reqwest::Response, what: &str) {
    let h = res.headers();
    for name in [
        "content-security-policy",
        "x-content-type-options",
        "x-frame-options",
        "referrer-policy",
    ] {
        assert!(h.get(name).is_some(), "{what}: {name} missing");
    }
    assert_eq!(
        h.get("cache-control").map(|v| v.to_str().unwrap()),
        Some("no-store"),
        "{what}"
    );
}

#[actix_web::test]
async fn every_response_carries_the_security_headers_error_pages_included() {
    let app = TestApp::spawn().await;
    let anonymous = app.session();
    // 413: a body larger than the limit, before sign-in, in the browser's language.
    let big = "x".repeat(300 * 1024);
    let res = anonymous
        .client
        .post(anonymous.url("/login"))
        .header("accept-language", "sv")
        .form(&[("email", "a@b.fi"), ("password", big.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 413);
    assert_security_headers(&res, "413");
    let body = res.text().await.unwrap();
    assert!(
        body.contains("För stor sändning") && body.contains("högst 256 kB"),
        "{body}"
    );
    assert!(body.contains("<html lang=\"sv\""), "a page, in Swedish");

    let (s, _) = app.signed_in(Role::Coach).await;
    s.post("/profile/language", &[("language", "en")]).await;
    // 413 for a signed-in user: the user's language.
    let token = s.csrf().await;
    let res = s
        .client
        .post(s.url("/profile/language"))
        .form(&[("language", big.as_str()), ("csrf", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 413);
    assert_security_headers(&res, "413 signed in");
    assert!(res.text().await.unwrap().contains("at most 256 kB"));
    // 400: a form field that must be a number.
    let res = s
        .post("/matches", &[("opening_id", "abc"), ("jobseeker_id", "1")])
        .await;
    assert_eq!(res.status(), 400);
    assert_security_headers(&res, "400");
    assert!(res.text().await.unwrap().contains("Bad request"));
    // 415: a body of the wrong type (the token in the query, as uploads send it).
    let res = s
        .client
        .post(s.url(&format!("/profile/language?csrf={token}")))
        .header("content-type", "text/plain")
        .body("language=fi")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 415);
    assert_security_headers(&res, "415");
    assert!(res.text().await.unwrap().contains("<html lang=\"en\""));
    // 404, 403, pages and downloads.
    for path in [
        "/nowhere",
        "/admin/users",
        "/jobseekers",
        "/employers?format=csv",
        "/employers?format=xlsx",
    ] {
        let res = s.get(path).await;
        assert_security_headers(&res, path);
    }
    // Static assets alone may be cached.
    let res = s.get("/static/style.css").await;
    assert_eq!(res.status(), 200);
    assert!(res
        .headers()
        .get("cache-control")
        .unwrap()
        .to_str()
        .unwrap()
        .starts_with("public"));
    assert!(res.headers().get("x-content-type-options").is_some());
}

#[actix_web::test]
async fn the_employer_csv_download_neutralises_formulas() {
    let app = TestApp::spawn().await;
    let (s, _) = app.signed_in(Role::Coach).await;
    for name in ["=2+5 Oy", "@SUM(A1) Ab", "-3 Oy", "+358 Oy"] {
        let res = s
            .post(
                "/employers",
                &[
                    ("name", name),
                    ("municipality_code", "092"),
                    ("sector", "private"),
                    ("confirm_similar", "1"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303, "{name}");
    }
    let csv = s.text("/employers?format=csv").await;
    for cell in ["'=2+5 Oy", "'@SUM(A1) Ab", "'-3 Oy", "'+358 Oy"] {
        assert!(csv.contains(cell), "{cell} in {csv}");
    }
    assert!(!csv.contains(";=2+5") && !csv.contains("\n=2+5"), "{csv}");
}

async fn set_language(s: &Session, lang: &str) {
    assert_eq!(
        s.post("/profile/language", &[("language", lang)])
            .await
            .status(),
        303
    );
}

#[actix_web::test]
async fn dates_outside_1900_to_2100_are_refused_with_the_limit_in_every_language() {
    let app = TestApp::spawn().await;
    let (s, me) = app.signed_in(Role::Coach).await;
    let coach = me.id.to_string();
    for (lang, message) in [
        ("fi", "vuosien 1900 ja 2100 väliltä"),
        ("sv", "mellan åren 1900 och 2100"),
        ("en", "between the years 1900 and 2100"),
    ] {
        set_language(&s, lang).await;
        for date in ["+262142-12-31", "-0001-01-01", "2101-01-01"] {
            let res = s
                .post(
                    "/jobseekers",
                    &[
                        ("display_name", "Testi"),
                        ("coach_id", &coach),
                        ("entered_on", date),
                    ],
                )
                .await;
            assert_eq!(res.status(), 422, "{date}");
            let body = res.text().await.unwrap();
            assert!(body.contains(message), "{lang} {date}");
            assert!(body.contains(date), "what was typed is kept");
        }
    }
    let stored: i64 = query(&app, |c| jobseekers::table.count().get_result(c)).await;
    assert_eq!(stored, 0, "nothing was saved");
}

#[actix_web::test]
async fn names_with_line_breaks_or_only_invisible_characters_are_refused() {
    let app = TestApp::spawn().await;
    let (s, me) = app.signed_in(Role::Coach).await;
    let coach = me.id.to_string();
    let res = s
        .post(
            "/jobseekers",
            &[
                ("display_name", "Aino\nBcc: x"),
                ("coach_id", &coach),
                ("entered_on", "1.1.2026"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("yhdelle riville"));
    let res = s
        .post(
            "/jobseekers",
            &[
                ("display_name", "\u{200B}\u{3164}"),
                ("coach_id", &coach),
                ("entered_on", "1.1.2026"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("Täytä tämä kenttä."));
    // An admin cannot give a user a display name that would break a mail header.
    let (admin, _) = app.signed_in(Role::Admin).await;
    let team: i64 = query(&app, |c| teams::table.select(teams::id).first(c)).await;
    let res = admin
        .post(
            "/admin/users",
            &[
                ("email", "uusi@example.fi"),
                ("name", "Pekka\r\nBcc: evil@example.com"),
                ("role", "coach"),
                ("team_id", &team.to_string()),
                ("password", "pitka-salasana-1"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(!admin.text("/admin/users").await.contains("uusi@example.fi"));
}

#[actix_web::test]
async fn an_opening_cannot_close_before_it_starts() {
    let app = TestApp::spawn().await;
    let (s, me) = app.signed_in(Role::Coach).await;
    let res = s
        .post(
            "/employers",
            &[
                ("name", "Aukko Oy"),
                ("municipality_code", "092"),
                ("sector", "private"),
                ("confirm_similar", "1"),
            ],
        )
        .await;
    let employer = location(&res).trim_start_matches("/employers/").to_owned();
    let res = s
        .post(
            "/openings",
            &[
                ("employer_id", &employer),
                ("coach_id", &me.id.to_string()),
                ("title", "Varastotyöntekijä"),
                ("source", "found_by_coach"),
                ("starts_on", "2027-03-01"),
                ("closes_on", "2027-02-01"),
                ("pay", "-12,50"),
                ("pay_unit", "hour"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    assert!(
        body.contains("Hakuaika ei voi päättyä ennen aloituspäivää."),
        "closing before start"
    );
    assert!(
        body.contains("väliltä 0–1000000"),
        "a negative pay is refused with its limits"
    );
    let stored: i64 = query(&app, |c| openings::table.count().get_result(c)).await;
    assert_eq!(stored, 0);
}

#[actix_web::test]
async fn team_names_are_unique_ignoring_case() {
    let app = TestApp::spawn().await;
    let (admin, _) = app.signed_in(Role::Admin).await;
    // The signed-in admin's team is "Vantaa".
    let res = admin
        .post("/admin/teams", &[("team_name", "  VANTAA ")])
        .await;
    assert_eq!(res.status(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("Samanniminen tiimi on jo olemassa"));
    let res = admin
        .post("/admin/teams", &[("team_name", "Järvenpää")])
        .await;
    assert_eq!(res.status(), 303);
    let res = admin
        .post("/admin/teams", &[("team_name", "JÄRVENPÄÄ")])
        .await;
    assert_eq!(res.status(), 422);
    let res = admin
        .post("/admin/teams", &[("team_name", &"x".repeat(81))])
        .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("enintään 80 merkkiä"));
    let count: i64 = query(&app, |c| teams::table.count().get_result(c)).await;
    assert_eq!(count, 2);
}

#[actix_web::test]
async fn a_nul_character_anywhere_is_a_bad_request_not_a_server_error() {
    let app = TestApp::spawn().await;
    let (s, _) = app.signed_in(Role::Coach).await;
    let res = s.get("/employers?q=a%00b").await;
    assert_eq!(res.status(), 400);
    assert_security_headers(&res, "NUL in a query");
    let res = s
        .post(
            "/employers",
            &[
                ("name", "Nolla Oy"),
                ("municipality_code", "092\0"),
                ("sector", "private"),
            ],
        )
        .await;
    assert_eq!(res.status(), 400);
    assert!(res.text().await.unwrap().contains("Pyyntö ei kelpaa"));
}
