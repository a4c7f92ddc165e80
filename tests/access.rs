//! Deny by default: every route in the route table, walked with every role and anonymously.

mod support;

use support::{location, TestApp};
use verkosto::domain::role::Role;
use verkosto::web::routes::{Access, ROUTES};

/// A concrete path for a route pattern: `{id}` becomes an id that exists, `{file}` an asset.
fn concrete(pattern: &str, id: i64) -> String {
    pattern
        .replace("{id}", &id.to_string())
        .replace("{person_id}", &id.to_string())
        .replace("{file}", "style.css")
}

#[actix_web::test]
async fn every_route_answers_each_role_as_the_table_says() {
    let app = TestApp::spawn().await;
    // A user for `{id}` routes to act upon, never the signed-in user.
    let target = app.add_user(Role::Coach, "Kerava").await;
    let mut sessions = Vec::new();
    for role in Role::ALL {
        let (session, _) = app.signed_in(role).await;
        sessions.push((Some(role), session));
    }
    sessions.push((None, app.session()));

    let mut checked = 0;
    for route in ROUTES {
        for (role, session) in &sessions {
            if route.path == "/logout" {
                continue; // signing out would end the session the walk still needs; tested in auth.rs
            }
            let path = concrete(route.path, target.id);
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
