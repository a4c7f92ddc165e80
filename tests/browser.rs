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
    // The demo's overdue follow-ups become digests in the outbox, for the Outbox pages.
    let worker = verkosto::jobs::Worker::new(app.db.clone(), app.mail.clone()).expect("worker");
    worker.plan(true).await.expect("plan");
    assert!(worker.deliver(false).await.expect("deliver").sent > 0);
    for path in [
        "/",
        "/profile",
        "/admin/users",
        "/admin/outbox",
        "/admin/outbox/1",
        "/no-such-page",
    ] {
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

async fn sign_in(b: &Browser, email: &str, password: &str) {
    b.goto("/login").await;
    b.fill("#f-email", email).await;
    b.fill("#f-password", password).await;
    b.click("button.primary").await;
    assert_eq!(b.path().await, "/", "signed in as {email}");
}

/// The coach at the employer's door: finds it with three letters on a phone, sees what a
/// colleague did, logs a cold visit with a follow-up in two weeks; the team lead sees it too.
#[actix_web::test]
async fn quick_log_on_a_phone_screen() {
    let app = TestApp::spawn().await;
    let coach = app
        .add_user(verkosto::domain::role::Role::Coach, "Vantaa")
        .await;
    let colleague = app
        .add_user(verkosto::domain::role::Role::Coach, "Kerava")
        .await;
    let lead = app
        .add_user(verkosto::domain::role::Role::TeamLead, "Vantaa")
        .await;
    let colleague_id = colleague.id;
    let employer_id = app
        .db
        .run(move |conn| -> Result<i64, verkosto::db::DbError> {
            let form = verkosto::domain::employer::EmployerForm {
                name: "Logistiikka Virta Oy".into(),
                municipality_code: "092".into(),
                sector: "private".into(),
                ..Default::default()
            };
            let fields = verkosto::domain::employer::validate(&form).unwrap();
            let now = verkosto::db::now();
            let id = verkosto::db::employers::insert(conn, &fields, colleague_id, now)?;
            let contact = verkosto::domain::contact::validate(
                &verkosto::domain::contact::ContactForm {
                    channel: "cold_call".into(),
                    outcome: "not_now".into(),
                    notes: "Tulkaa syksyllä uudelleen".into(),
                    ..Default::default()
                },
                verkosto::format::today_helsinki(now),
                verkosto::format::helsinki_local(now),
            )
            .unwrap();
            verkosto::db::contacts::log(
                conn,
                id,
                colleague_id,
                &contact,
                now - chrono::TimeDelta::days(200),
                now,
            )?;
            Ok(id)
        })
        .await
        .unwrap();

    let Some(b) = Browser::start(&app.address).await else {
        return;
    };
    b.client
        .set_window_size(360, 740)
        .await
        .expect("phone size");
    sign_in(&b, &coach.email, support::PASSWORD).await;
    b.goto("/log").await;
    b.assert_accessible().await;
    assert!(b.fits_width().await);
    // Three letters, and the employer is there to pick, without pressing search.
    b.fill("#q", "log").await;
    let pick = format!("#suggestions a[href='/log?employer={employer_id}']");
    b.client
        .wait()
        .at_most(std::time::Duration::from_secs(5))
        .for_element(fantoccini::Locator::Css(&pick))
        .await
        .expect("the type-ahead shows the employer");
    b.click(&pick).await;
    let text = b.text().await;
    assert!(
        text.contains("Tulkaa syksyllä uudelleen"),
        "sees what the colleague did"
    );
    assert!(text.contains(&colleague.name));
    b.assert_accessible().await;
    assert!(b.fits_width().await, "the quick log fits a 360-px phone");

    b.click_here("label[for='channel-cold_visit']").await;
    b.click_here("label[for='outcome-needs_learned']").await;
    b.fill("#f-notes", "Varastovuoroja 20 h/vk mahdollista")
        .await;
    b.fill("#f-next_step", "Lähetä kahden ehdokkaan profiilit")
        .await;
    b.click_here("label[for='due_preset-two_weeks']").await;
    b.click(".contact-form button[type='submit']").await;
    assert_eq!(b.path().await, format!("/employers/{employer_id}"));
    let page = b.text().await;
    assert!(page.contains("Yhteydenotto tallennettu."));
    assert!(page.contains("Varastovuoroja 20 h/vk mahdollista"));
    assert!(page.contains("Lähetä kahden ehdokkaan profiilit"));
    b.assert_accessible().await;
    assert!(
        b.fits_width().await,
        "the employer page fits a 360-px phone"
    );

    b.goto("/follow-ups").await;
    assert!(b.text().await.contains("Lähetä kahden ehdokkaan profiilit"));
    b.assert_accessible().await;
    assert!(b.fits_width().await);
    b.goto("/employers").await;
    b.assert_accessible().await;
    assert!(b.fits_width().await);

    b.click("form[action='/logout'] button").await;
    sign_in(&b, &lead.email, support::PASSWORD).await;
    b.goto(&format!("/employers/{employer_id}")).await;
    let page = b.text().await;
    assert!(page.contains("Varastovuoroja 20 h/vk mahdollista") && page.contains(&coach.name));
    b.quit().await;
}

/// Two browser sessions edit one employer: the second save ends on a conflict page.
#[actix_web::test]
async fn two_browsers_editing_one_employer_get_a_conflict_page() {
    let app = TestApp::spawn().await;
    let first = app
        .add_user(verkosto::domain::role::Role::Coach, "Vantaa")
        .await;
    let second = app
        .add_user(verkosto::domain::role::Role::Coach, "Vantaa")
        .await;
    let Some(a) = Browser::start(&app.address).await else {
        return;
    };
    let Some(b) = Browser::start(&app.address).await else {
        return;
    };
    sign_in(&a, &first.email, support::PASSWORD).await;
    sign_in(&b, &second.email, support::PASSWORD).await;

    a.goto("/employers/new").await;
    a.assert_accessible().await;
    a.fill("#f-name", "Kahvila Aurinko").await;
    a.client
        .execute(
            "document.querySelector('#f-municipality_code').value = '092';",
            vec![],
        )
        .await
        .expect("choose municipality");
    a.click(".employer-form button.primary").await;
    let employer_path = a.path().await;
    assert!(employer_path.starts_with("/employers/"));
    a.assert_accessible().await;

    a.goto(&format!("{employer_path}/edit")).await;
    b.goto(&format!("{employer_path}/edit")).await;
    a.fill("#f-notes", "Aamuvuorot klo 6 alkaen").await;
    a.click(".employer-form button.primary").await;
    assert_eq!(a.path().await, employer_path);
    b.fill("#f-notes", "Ei aamuvuoroja").await;
    b.click(".employer-form button.primary").await;
    let text = b.text().await;
    assert!(text.contains("Joku muu tallensi samaan aikaan"));
    assert!(text.contains("Aamuvuorot klo 6 alkaen") && text.contains("Ei aamuvuoroja"));
    b.assert_accessible().await;
    // The second coach keeps their own wording and saves the merge.
    b.click("form button.primary").await;
    assert_eq!(b.path().await, employer_path);
    assert!(b.text().await.contains("Ei aamuvuoroja"));
    a.quit().await;
    b.quit().await;
}

/// Picks an option of a select (WebDriver's typing into selects is unreliable).
async fn choose(b: &Browser, css: &str, value: &str) {
    b.client
        .execute(
            "const s = document.querySelector(arguments[0]); s.value = arguments[1]; return s.value;",
            vec![css.into(), value.into()],
        )
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"));
}

#[actix_web::test]
async fn coach_turns_a_visit_into_an_opening_and_a_hire_on_a_phone() {
    use diesel::prelude::*;
    use verkosto::db::schema::employers;
    let app = demo_app().await;
    let virta: i64 = app
        .db
        .run(|conn| -> Result<i64, verkosto::db::DbError> {
            Ok(employers::table
                .filter(employers::name.eq("Logistiikka Virta Oy"))
                .select(employers::id)
                .first(conn)?)
        })
        .await
        .unwrap();
    let Some(b) = Browser::start(&app.address).await else {
        return;
    };
    b.client
        .set_window_size(360, 740)
        .await
        .expect("phone size");
    sign_in(&b, "maija.koutsi@demo.verkosto.fi", DEMO_PASSWORD).await;

    // The visit found an opening: the opening form comes next, pre-filled.
    b.goto(&format!("/employers/{virta}")).await;
    b.click_here("details.log-contact summary").await;
    b.click_here("label[for='channel-cold_visit']").await;
    b.click_here("label[for='outcome-opening_found']").await;
    b.fill("#f-notes", "Iltavuoroja varastoon 20 h/vk").await;
    b.click(".contact-form button[type='submit']").await;
    assert_eq!(b.path().await, "/openings/new");
    assert!(b.text().await.contains("Logistiikka Virta Oy"));
    b.assert_accessible().await;
    assert!(b.fits_width().await, "the opening form fits a phone");
    b.fill("#f-title", "Iltavarastotyöntekijä").await;
    b.fill("#f-occupation", "varastotyöntekijä").await;
    b.fill("#f-hours_min", "20").await;
    b.fill("#f-hours_max", "20").await;
    b.click_here("#schedules-evening").await;
    b.click("form[action='/openings'] button.primary").await;
    assert!(b.path().await.starts_with("/openings/"));
    let page = b.text().await;
    assert!(page.contains("Työpaikka tallennettiin."));
    assert!(
        page.contains("Eero L.") && page.contains("Helmi S."),
        "ranked with reasons"
    );
    assert!(page.contains("Sopii"));
    b.assert_accessible().await;
    assert!(b.fits_width().await, "the ranking fits a phone");

    // Suggest the best-ranked jobseeker, move to interview, then hire.
    b.click("ol.ranked form[action='/matches'] button").await;
    assert!(b.text().await.contains("Ehdotus tehtiin."));
    choose(&b, ".move-form select[name='stage']", "interview").await;
    b.click(".move-form button").await;
    assert!(b.text().await.contains("Vaihe päivitettiin."));
    b.assert_accessible().await;
    choose(&b, ".move-form select[name='stage']", "hired").await;
    b.click(".move-form button").await;
    assert_eq!(b.path().await, "/placements/new");
    b.assert_accessible().await;
    b.click("form[action='/placements'] button.primary").await;
    assert!(b.path().await.starts_with("/placements/"));
    let page = b.text().await;
    assert!(page.contains("Työllistyminen kirjattiin"));
    assert!(page.contains("Iltavarastotyöntekijä"));
    b.assert_accessible().await;
    assert!(b.fits_width().await, "the placement page fits a phone");

    for path in [
        "/matches",
        "/jobseekers",
        "/openings",
        "/placements",
        "/jobseekers/new",
    ] {
        b.goto(path).await;
        b.assert_accessible().await;
        assert!(b.fits_width().await, "{path} fits a phone");
    }
    b.goto(&format!("/employers/{virta}")).await;
    assert!(b.text().await.contains("On palkannut"));
    b.quit().await;
}
