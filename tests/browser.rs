//! In a real browser: the demo coach signs in, switches to Swedish and back, signs out; each
//! page visited passes axe-core's WCAG 2.1 AA checks; pages fit a 360-px phone.

mod support;

use support::browser::Browser;
use support::TestApp;
use verkosto::seed::demo::{self, DEMO_PASSWORD};

async fn demo_app() -> TestApp {
    let app = TestApp::spawn().await;
    app.db.run(demo::load).await.expect("demo data");
    app
}

#[actix_web::test]
async fn coach_signs_in_switches_language_and_signs_out() {
    let app = demo_app().await;
    let Some(b) = Browser::start(&app.address).await else {
        return;
    };

    b.goto("/").await;
    assert_eq!(b.path().await, "/login", "sign-in is required");
    b.assert_accessible().await;

    // A wrong password shows the error and keeps the email.
    b.fill("#f-email", "maija.koutsi@demo.verkosto.fi").await;
    b.fill("#f-password", "väärä").await;
    b.click("button.primary").await;
    assert!(b
        .text()
        .await
        .contains("Sähköposti tai salasana on väärin."));
    b.assert_accessible().await;

    b.fill("#f-password", DEMO_PASSWORD).await;
    b.click("button.primary").await;
    assert_eq!(b.path().await, "/");
    assert!(b.text().await.contains("Tervetuloa, Maija Koutsi!"));
    b.assert_accessible().await;

    b.goto("/profile").await;
    b.assert_accessible().await;
    b.click_here("#lang-sv").await;
    b.click("form[action='/profile/language'] button").await;
    assert_eq!(b.html_lang().await, "sv");
    assert!(b.text().await.contains("Språket har sparats."));
    b.assert_accessible().await;
    b.goto("/").await;
    assert!(b.text().await.contains("Välkommen, Maija Koutsi!"));

    b.goto("/profile").await;
    b.click_here("#lang-fi").await;
    b.click("form[action='/profile/language'] button").await;
    assert_eq!(b.html_lang().await, "fi");

    b.click("form[action='/logout'] button").await;
    assert_eq!(b.path().await, "/login");
    assert!(b.text().await.contains("Olet kirjautunut ulos."));
    b.goto("/").await;
    assert_eq!(b.path().await, "/login", "the session is gone");
    b.quit().await;
}

#[actix_web::test]
async fn admin_pages_are_accessible_and_fit_a_phone() {
    let app = demo_app().await;
    let Some(b) = Browser::start(&app.address).await else {
        return;
    };
    b.client
        .set_window_size(360, 740)
        .await
        .expect("phone size");
    b.goto("/login").await;
    assert!(b.fits_width().await, "sign-in fits 360 px");
    b.fill("#f-email", "pirjo.admin@demo.verkosto.fi").await;
    b.fill("#f-password", DEMO_PASSWORD).await;
    b.click("button.primary").await;
    for path in ["/", "/profile", "/admin/users", "/no-such-page"] {
        b.goto(path).await;
        b.assert_accessible().await;
        assert!(b.fits_width().await, "{path} fits a 360-px phone");
    }
    // The add-user form answers bad input next to the fields, in the browser too.
    b.goto("/admin/users").await;
    b.fill("#f-email", "ei-osoite").await;
    b.fill("#f-name", "Testi Henkilö").await;
    b.fill("#f-password", "x").await;
    // Bypass the browser's own email check to reach the server's.
    b.client
        .execute("document.querySelector('#f-email').type = 'text'; document.querySelector('#f-password').removeAttribute('required');", vec![])
        .await
        .expect("script");
    b.click("form[action='/admin/users'] button.primary").await;
    let text = b.text().await;
    assert!(text.contains("Anna kelvollinen sähköpostiosoite."));
    b.assert_accessible().await;
    b.quit().await;
}
