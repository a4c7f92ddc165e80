//! Signing in and out, sessions, CSRF and throttling, over real HTTP.

mod support;

use support::{location, TestApp, PASSWORD};
use verkosto::domain::role::Role;

#[actix_web::test]
async fn sign_in_starts_a_session_and_shows_the_user() {
    let app = TestApp::spawn().await;
    let user = app.add_user(Role::Coach, "Vantaa").await;
    let s = app.session();
    let res = s.sign_in(&user.email, PASSWORD).await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), "/");
    let cookie = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("verkosto_session="))
        .expect("session cookie")
        .to_owned();
    assert!(cookie.contains("HttpOnly"));
    assert!(cookie.contains("SameSite=Lax"));
    let home = s.text("/").await;
    assert!(home.contains(&user.name), "home page greets the user");
    assert!(home.contains("Kirjaudu ulos"));
}

#[actix_web::test]
async fn wrong_password_shows_an_error_and_nothing_else() {
    let app = TestApp::spawn().await;
    let user = app.add_user(Role::Coach, "Vantaa").await;
    let s = app.session();
    let res = s.sign_in(&user.email, "väärä-salasana").await;
    assert_eq!(res.status(), 401);
    assert!(res
        .headers()
        .get_all("set-cookie")
        .iter()
        .all(|c| !c.to_str().unwrap_or("").starts_with("verkosto_session=")));
    let body = res.text().await.unwrap();
    assert!(body.contains("Sähköposti tai salasana on väärin."));
    assert!(body.contains(&user.email), "the typed email is kept");
    assert!(
        !body.contains(&user.name),
        "nothing about the account is revealed"
    );
    // Still not signed in.
    let res = s.get("/").await;
    assert_eq!(res.status(), 303);
    assert!(location(&res).starts_with("/login"));
}

#[actix_web::test]
async fn unknown_account_gets_the_same_answer() {
    let app = TestApp::spawn().await;
    let s = app.session();
    let res = s.sign_in("nobody@example.fi", PASSWORD).await;
    assert_eq!(res.status(), 401);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("Sähköposti tai salasana on väärin."));
}

#[actix_web::test]
async fn a_post_without_the_csrf_token_is_refused() {
    let app = TestApp::spawn().await;
    let user = app.add_user(Role::Coach, "Vantaa").await;
    let s = app.session();
    // Anonymous: even the sign-in form needs its token.
    let res = s
        .post_raw("/login", &[("email", &user.email), ("password", PASSWORD)])
        .await;
    assert_eq!(res.status(), 403);
    assert!(res.text().await.unwrap().contains("Lomake on vanhentunut"));
    let res = s.sign_in(&user.email, PASSWORD).await;
    assert_eq!(res.status(), 303);
    // Signed in: a wrong token is refused too, and nothing changes.
    let res = s
        .post_raw(
            "/profile/language",
            &[("language", "sv"), ("csrf", "forged")],
        )
        .await;
    assert_eq!(res.status(), 403);
    assert!(s.text("/").await.contains("Kirjaudu ulos"), "still Finnish");
}

#[actix_web::test]
async fn sign_out_ends_the_session_on_the_server() {
    let app = TestApp::spawn().await;
    let user = app.add_user(Role::Coach, "Vantaa").await;
    let s = app.session();
    let res = s.sign_in(&user.email, PASSWORD).await;
    let session_cookie = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("verkosto_session="))
        .and_then(|c| c.split(';').next())
        .expect("cookie")
        .to_owned();
    let res = s.post("/logout", &[]).await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), "/login");
    assert!(s.text("/login").await.contains("Olet kirjautunut ulos."));
    // Replaying the old cookie does not bring the session back.
    let replay = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .get(s.url("/"))
        .header("cookie", session_cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(replay.status(), 303);
    assert!(location(&replay).starts_with("/login"));
}

#[actix_web::test]
async fn each_sign_in_gets_a_new_session_id() {
    let app = TestApp::spawn().await;
    let user = app.add_user(Role::Coach, "Vantaa").await;
    let s = app.session();
    let first = s.sign_in(&user.email, PASSWORD).await;
    let second = s.sign_in(&user.email, PASSWORD).await;
    let id = |r: &reqwest::Response| {
        r.headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|c| c.starts_with("verkosto_session="))
            .map(str::to_owned)
    };
    assert!(id(&first).is_some());
    assert!(id(&second).is_some());
    assert_ne!(
        id(&first),
        id(&second),
        "signing in again issues a new session id"
    );
}

#[actix_web::test]
async fn repeated_failures_throttle_the_account() {
    let app = TestApp::spawn().await;
    let user = app.add_user(Role::Coach, "Vantaa").await;
    let s = app.session();
    for _ in 0..5 {
        assert_eq!(s.sign_in(&user.email, "väärin-väärin").await.status(), 401);
    }
    // Even the right password is refused while throttled.
    let res = s.sign_in(&user.email, PASSWORD).await;
    assert_eq!(res.status(), 429);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("Liian monta epäonnistunutta yritystä"));
    // Another account from the same address is not yet throttled.
    let other = app.add_user(Role::Coach, "Vantaa").await;
    assert_eq!(s.sign_in(&other.email, PASSWORD).await.status(), 303);
}

#[actix_web::test]
async fn a_deactivated_user_cannot_sign_in_and_loses_open_sessions() {
    let app = TestApp::spawn().await;
    let (admin, _) = app.signed_in(Role::Admin).await;
    let coach = app.add_user(Role::Coach, "Kerava").await;
    let coach_session = app.session();
    assert_eq!(
        coach_session.sign_in(&coach.email, PASSWORD).await.status(),
        303
    );

    let res = admin
        .post(
            &format!("/admin/users/{}/active", coach.id),
            &[("active", "false")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let res = coach_session.get("/").await;
    assert_eq!(res.status(), 303, "the open session ended");
    assert_eq!(
        app.session().sign_in(&coach.email, PASSWORD).await.status(),
        401
    );
    // The user is still listed: records stay.
    assert!(admin.text("/admin/users").await.contains(&coach.email));
}

#[actix_web::test]
async fn next_parameter_returns_to_the_page_asked_for() {
    let app = TestApp::spawn().await;
    let user = app.add_user(Role::Admin, "Vantaa").await;
    let s = app.session();
    let res = s.get("/admin/users").await;
    assert_eq!(location(&res), "/login?next=%2Fadmin%2Fusers");
    let res = s
        .post(
            "/login",
            &[
                ("email", &user.email),
                ("password", PASSWORD),
                ("next", "/admin/users"),
            ],
        )
        .await;
    assert_eq!(location(&res), "/admin/users");
    let res = app
        .session()
        .post(
            "/login",
            &[
                ("email", &user.email),
                ("password", PASSWORD),
                ("next", "//evil.example"),
            ],
        )
        .await;
    assert_eq!(location(&res), "/");
}

#[actix_web::test]
async fn health_reports_the_database() {
    let app = TestApp::spawn().await;
    let res = app.session().get("/health").await;
    assert_eq!(res.status(), 200);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["status"], "ok");
    assert_eq!(body["database"], "reachable");

    let res = app.session().get("/ready").await;
    assert_eq!(res.status(), 200);
    assert!(res.headers().contains_key("x-request-id"));
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["database"], "writable");
    assert_eq!(body["migrations"], "current");
}
