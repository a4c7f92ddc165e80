//! Three languages: the user's choice sticks; the sign-in page follows the browser.

mod support;

use support::{TestApp, PASSWORD};
use verkosto::domain::role::Role;

#[actix_web::test]
async fn a_user_switches_to_swedish_and_back_and_the_choice_sticks() {
    let app = TestApp::spawn().await;
    let (s, user) = app.signed_in(Role::Coach).await;
    assert!(s.text("/").await.contains("Kirjaudu ulos"));

    let res = s.post("/profile/language", &[("language", "sv")]).await;
    assert_eq!(res.status(), 303);
    let profile = s.text("/profile").await;
    assert!(profile.contains("<html lang=\"sv\""));
    assert!(
        profile.contains("Språket har sparats."),
        "flash in the new language"
    );
    assert!(s.text("/").await.contains("Logga ut"));

    // It sticks across sign-out and a new sign-in, even with a Finnish browser.
    s.post("/logout", &[]).await;
    let again = app.session();
    again.sign_in(&user.email, PASSWORD).await;
    let home = again
        .get_with("/", ("accept-language", "fi-FI"))
        .await
        .text()
        .await
        .unwrap();
    assert!(home.contains("Välkommen"));

    again.post("/profile/language", &[("language", "fi")]).await;
    assert!(again.text("/").await.contains("Tervetuloa"));
}

#[actix_web::test]
async fn an_unknown_language_is_refused_with_the_fields_error() {
    let app = TestApp::spawn().await;
    let (s, _) = app.signed_in(Role::Coach).await;
    let res = s.post("/profile/language", &[("language", "de")]).await;
    assert_eq!(res.status(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("Valitse kieli listasta."));
}

#[actix_web::test]
async fn the_sign_in_page_follows_accept_language_and_a_chosen_link() {
    let app = TestApp::spawn().await;
    let s = app.session();
    let sv = s
        .get_with("/login", ("accept-language", "sv-FI,sv;q=0.9,fi;q=0.5"))
        .await
        .text()
        .await
        .unwrap();
    assert!(sv.contains("<html lang=\"sv\""));
    assert!(sv.contains("Logga in"));
    let en = s
        .get_with("/login", ("accept-language", "en-GB"))
        .await
        .text()
        .await
        .unwrap();
    assert!(en.contains("Sign in"));
    let de = s
        .get_with("/login", ("accept-language", "de-DE"))
        .await
        .text()
        .await
        .unwrap();
    assert!(de.contains("Kirjaudu sisään"), "Finnish is the default");
    // Choosing a language on the sign-in page overrides the browser's.
    assert!(s.text("/login?lang=en").await.contains("Sign in"));
    let after = s
        .get_with("/login", ("accept-language", "sv"))
        .await
        .text()
        .await
        .unwrap();
    assert!(after.contains("Sign in"));
}

#[actix_web::test]
async fn error_pages_speak_the_users_language() {
    let app = TestApp::spawn().await;
    let (s, _) = app.signed_in(Role::Coach).await;
    s.post("/profile/language", &[("language", "en")]).await;
    let res = s.get("/admin/users").await;
    assert_eq!(res.status(), 403);
    assert!(res.text().await.unwrap().contains("Access denied"));
    assert!(s.text("/nothing-here").await.contains("Page not found"));
}

#[actix_web::test]
async fn changing_the_password_checks_the_current_one_and_keeps_the_rules() {
    let app = TestApp::spawn().await;
    let (s, user) = app.signed_in(Role::Coach).await;
    let res = s
        .post(
            "/profile/password",
            &[
                ("current", "wrong"),
                ("new", "uusi-salasana-1"),
                ("confirm", "uusi-salasana-1"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("Nykyinen salasana on väärin."));
    let res = s
        .post(
            "/profile/password",
            &[
                ("current", PASSWORD),
                ("new", "lyhyt"),
                ("confirm", "lyhyt"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let res = s
        .post(
            "/profile/password",
            &[
                ("current", PASSWORD),
                ("new", "uusi-salasana-1"),
                ("confirm", "uusi-salasana-1"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        app.session().sign_in(&user.email, PASSWORD).await.status(),
        401
    );
    assert_eq!(
        app.session()
            .sign_in(&user.email, "uusi-salasana-1")
            .await
            .status(),
        303
    );
}
