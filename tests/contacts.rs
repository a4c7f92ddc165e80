//! Logging contacts, the quick log, and follow-ups, over real HTTP.

mod support;

use chrono::{Days, NaiveDate};
use support::{location, Session, TestApp, TestUser};
use verkosto::domain::role::Role;

async fn employer(s: &Session, name: &str) -> i64 {
    let res = s
        .post(
            "/employers",
            &[
                ("name", name),
                ("municipality_code", "092"),
                ("sector", "private"),
                ("stage", "prospect"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    location(&res)
        .trim_start_matches("/employers/")
        .parse()
        .unwrap()
}

fn today() -> NaiveDate {
    verkosto::format::today_helsinki(verkosto::db::now())
}

fn fi_date(d: NaiveDate) -> String {
    verkosto::format::date(d)
}

#[actix_web::test]
async fn a_logged_contact_is_on_the_timeline_for_everyone_with_its_follow_up() {
    let app = TestApp::spawn().await;
    let (maija, me) = app.signed_in(Role::Coach).await;
    let (lead, _) = app.signed_in(Role::TeamLead).await;
    let id = employer(&maija, "Logistiikka Virta Oy").await;

    let res = maija
        .post(
            &format!("/employers/{id}/contacts"),
            &[
                ("channel", "cold_visit"),
                ("outcome", "needs_learned"),
                ("notes", "Varastovuoroja 20 h/vk mahdollista"),
                ("next_step", "Lähetä kahden ehdokkaan profiilit"),
                ("due_preset", "two_weeks"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), format!("/employers/{id}#timeline"));

    let due = fi_date(today().checked_add_days(Days::new(14)).unwrap());
    for viewer in [&maija, &lead] {
        let page = viewer.text(&format!("/employers/{id}")).await;
        assert!(page.contains("Varastovuoroja 20 h/vk mahdollista"));
        assert!(page.contains("Kylmäkäynti") && page.contains("Tarpeet selvitetty"));
        assert!(page.contains(&me.name));
        assert!(page.contains("Lähetä kahden ehdokkaan profiilit") && page.contains(&due));
        assert!(
            page.contains("Yhteydessä"),
            "the stage moved from prospect to contacted"
        );
    }
    let mine = maija.text("/follow-ups").await;
    assert!(mine.contains("Lähetä kahden ehdokkaan profiilit"));
    assert!(mine.contains("Logistiikka Virta Oy"));
    assert!(
        !lead
            .text("/follow-ups")
            .await
            .contains("Lähetä kahden ehdokkaan profiilit"),
        "the lead's own list"
    );
}

#[actix_web::test]
async fn outcomes_move_the_stage_forward_and_never_back() {
    let app = TestApp::spawn().await;
    let (s, _) = app.signed_in(Role::Coach).await;
    let id = employer(&s, "Kahvila Aurinko").await;
    let log = |outcome: &'static str| {
        let s = &s;
        async move {
            let res = s
                .post(
                    &format!("/employers/{id}/contacts"),
                    &[("channel", "phone"), ("outcome", outcome)],
                )
                .await;
            assert_eq!(res.status(), 303);
            s.text(&format!("/employers/{id}")).await
        }
    };
    assert!(log("opening_found").await.contains("badge stage-partner"));
    assert!(
        log("not_now").await.contains("badge stage-partner"),
        "not back to contacted"
    );
    assert!(log("hired").await.contains("badge stage-has_hired"));
    let history = s.text(&format!("/employers/{id}/history")).await;
    assert!(history.contains("has_hired") && history.contains("partner"));
}

#[actix_web::test]
async fn only_channel_and_outcome_are_required_and_errors_keep_the_typed_notes() {
    let app = TestApp::spawn().await;
    let (s, _) = app.signed_in(Role::Coach).await;
    let id = employer(&s, "Kahvila Aurinko").await;
    let res = s
        .post(
            &format!("/employers/{id}/contacts"),
            &[
                ("notes", "Tärkeä muistiinpano"),
                ("next_step", "Soita"),
                ("due_preset", "date"),
                ("due_on", "2001-01-01"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    assert!(body.contains("Valitse kanava.") && body.contains("Valitse tulos."));
    assert!(body.contains("Seuraavan askeleen päivä ei voi olla menneisyydessä."));
    assert!(body.contains("Tärkeä muistiinpano"), "typed notes kept");
    assert!(body.contains("value=\"Soita\""));
    assert!(
        !s.text(&format!("/employers/{id}"))
            .await
            .contains("Tärkeä muistiinpano</p>"),
        "nothing saved"
    );
    // A contact logged later may be set back in time.
    let res = s
        .post(
            &format!("/employers/{id}/contacts"),
            &[
                ("channel", "cold_call"),
                ("outcome", "no_answer"),
                ("occurred_at", "2026-03-02T09:15"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert!(s
        .text(&format!("/employers/{id}"))
        .await
        .contains("2.3.2026 09.15"));
}

#[actix_web::test]
async fn the_quick_log_finds_shows_the_past_and_creates_new_employers() {
    let app = TestApp::spawn().await;
    let (kerava_coach, colleague) = app.signed_in(Role::Coach).await;
    let (s, _) = app.signed_in(Role::Coach).await;
    let id = employer(&kerava_coach, "Logistiikka Virta Oy").await;
    kerava_coach
        .post(
            &format!("/employers/{id}/contacts"),
            &[
                ("channel", "cold_call"),
                ("outcome", "not_now"),
                ("notes", "Tulkaa syksyllä uudelleen"),
            ],
        )
        .await;

    let fragment = s.text("/log/suggest?q=log").await;
    assert!(
        fragment.contains(&format!("href=\"/log?employer={id}\"")) && !fragment.contains("<html")
    );
    assert!(s.text("/log/suggest?q=zzzz").await.contains("Ei osumia."));
    let found = s.text("/log?q=logi").await;
    assert!(found.contains(&format!("href=\"/log?employer={id}\"")));
    let form = s.text(&format!("/log?employer={id}")).await;
    assert!(
        form.contains("Tulkaa syksyllä uudelleen"),
        "what a colleague did before"
    );
    assert!(form.contains(&colleague.name));
    assert!(form.contains("name=\"from\" value=\"log\""));

    // Errors from the quick log come back to the quick log.
    let res = s
        .post(
            &format!("/employers/{id}/contacts"),
            &[("from", "log"), ("notes", "kesken")],
        )
        .await;
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    assert!(
        body.contains("Pikakirjaus") && body.contains("Valitse kanava.") && body.contains("kesken")
    );

    // A new employer with just a name and a municipality.
    let none = s.text("/log?q=Uusi%20Paja").await;
    assert!(none.contains("Ei osumia."));
    let res = s
        .post(
            "/log/employer",
            &[("name", "Uusi Paja Oy"), ("municipality_code", "245")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let new_id: i64 = location(&res)
        .trim_start_matches("/log?employer=")
        .parse()
        .unwrap();
    let res = s
        .post(
            &format!("/employers/{new_id}/contacts"),
            &[
                ("from", "log"),
                ("channel", "cold_visit"),
                ("outcome", "meeting_booked"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert!(s
        .text(&format!("/employers/{new_id}"))
        .await
        .contains("Tapaaminen sovittu"));
    // Without a municipality it is refused with the field's error.
    let res = s
        .post(
            "/log/employer",
            &[("name", "Toinen Paja Oy"), ("municipality_code", "")],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("Valitse kunta listasta."));
}

async fn follow_up(app: &TestApp, s: &Session, employer_name: &str, what: &str) -> (i64, i64) {
    let id = employer(s, employer_name).await;
    s.post(
        &format!("/employers/{id}/contacts"),
        &[
            ("channel", "phone"),
            ("outcome", "not_now"),
            ("next_step", what),
        ],
    )
    .await;
    let what = what.to_owned();
    let fid = app
        .db
        .run(move |conn| -> Result<i64, verkosto::db::DbError> {
            use diesel::prelude::*;
            use verkosto::db::schema::follow_ups;
            Ok(follow_ups::table
                .filter(follow_ups::what.eq(what))
                .select(follow_ups::id)
                .first(conn)?)
        })
        .await
        .unwrap();
    (id, fid)
}

async fn set_due(app: &TestApp, fid: i64, due: NaiveDate) {
    app.db
        .run(move |conn| -> Result<usize, verkosto::db::DbError> {
            use diesel::prelude::*;
            use verkosto::db::schema::follow_ups;
            Ok(diesel::update(follow_ups::table.find(fid))
                .set(follow_ups::due_on.eq(due))
                .execute(conn)?)
        })
        .await
        .unwrap();
}

#[actix_web::test]
async fn my_follow_ups_are_grouped_and_can_be_done_snoozed_and_reassigned() {
    let app = TestApp::spawn().await;
    let (s, _) = app.signed_in(Role::Coach).await;
    let (other, other_user): (Session, TestUser) = app.signed_in(Role::Coach).await;
    let (emp, overdue) = follow_up(&app, &s, "Vanha Asiakas Oy", "Soita takaisin").await;
    let (_, today_one) = follow_up(&app, &s, "Tämän Päivän Oy", "Lähetä tarjous").await;
    let (_, later) = follow_up(&app, &s, "Myöhempi Oy", "Käy paikan päällä").await;
    set_due(
        &app,
        overdue,
        today().checked_sub_days(Days::new(3)).unwrap(),
    )
    .await;
    set_due(&app, today_one, today()).await;
    set_due(
        &app,
        later,
        today().checked_add_days(Days::new(30)).unwrap(),
    )
    .await;

    let home = s.text("/").await;
    assert!(
        home.contains("1 seuranta on myöhässä.") && home.contains("1 seuranta erääntyy tänään.")
    );
    let page = s.text("/follow-ups").await;
    let (o, t, l) = (
        page.find("Myöhässä").unwrap(),
        page.find("Tänään").unwrap(),
        page.find("Myöhemmin").unwrap(),
    );
    assert!(o < t && t < l, "overdue, today, later in that order");
    assert!(page[o..t].contains("Soita takaisin"));
    assert!(page[t..l].contains("Lähetä tarjous"));
    assert!(page[l..].contains("Käy paikan päällä"));

    // Another coach may not act on my follow-up.
    assert_eq!(
        other
            .post(&format!("/follow-ups/{overdue}/done"), &[])
            .await
            .status(),
        403
    );

    // Done, with a note that lands on the timeline.
    let res = s
        .post(
            &format!("/follow-ups/{overdue}/done"),
            &[("result_note", "Sovittu tapaaminen ensi viikolle")],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert!(!s.text("/follow-ups").await.contains("Soita takaisin"));
    let timeline = s.text(&format!("/employers/{emp}")).await;
    assert!(timeline.contains("Sovittu tapaaminen ensi viikolle"));

    // Snoozed to tomorrow: no longer today.
    assert_eq!(
        s.post(
            &format!("/follow-ups/{today_one}/snooze"),
            &[("until", "tomorrow")]
        )
        .await
        .status(),
        303
    );
    let page = s.text("/follow-ups").await;
    assert!(!page.contains("<h2 id=\"bucket-today\""));
    assert!(page.contains("Siirretty"));
    let past = s
        .post(
            &format!("/follow-ups/{today_one}/snooze"),
            &[("until", "date"), ("date", "2001-01-01")],
        )
        .await;
    assert_eq!(past.status(), 303);
    assert!(s
        .text("/follow-ups")
        .await
        .contains("Valitse tuleva päivä, viimeistään 31.12.2100."));

    // Reassigned: it moves to the colleague's list.
    let res = s
        .post(
            &format!("/follow-ups/{later}/reassign"),
            &[("assignee_id", &other_user.id.to_string())],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert!(!s.text("/follow-ups").await.contains("Käy paikan päällä"));
    assert!(other
        .text("/follow-ups")
        .await
        .contains("Käy paikan päällä"));
}

#[actix_web::test]
async fn a_team_lead_sees_the_teams_follow_ups() {
    let app = TestApp::spawn().await;
    let (coach, _) = app.signed_in(Role::Coach).await;
    let (lead, _) = app.signed_in(Role::TeamLead).await;
    follow_up(&app, &coach, "Tiimin Asiakas Oy", "Vie esite").await;
    let team = lead.text("/follow-ups?show=team").await;
    assert!(team.contains("Tiimin seurannat") && team.contains("Vie esite"));
    // A coach asking for the team view still sees only their own.
    let (other, _) = app.signed_in(Role::Coach).await;
    assert!(!other
        .text("/follow-ups?show=team")
        .await
        .contains("Vie esite"));
}

#[actix_web::test]
async fn a_long_timeline_shows_the_newest_hundred_and_offers_the_rest() {
    let app = TestApp::spawn().await;
    let (s, user) = app.signed_in(Role::Coach).await;
    let id = employer(&s, "Vanha Kumppani Oy").await;
    let coach = user.id;
    app.db
        .run(move |conn| -> Result<(), verkosto::db::DbError> {
            let now = verkosto::db::now();
            for i in 0..105 {
                let fields = verkosto::domain::contact::validate(
                    &verkosto::domain::contact::ContactForm {
                        channel: "phone".into(),
                        outcome: "not_now".into(),
                        notes: format!("Puhelu numero {i}"),
                        ..Default::default()
                    },
                    today(),
                    verkosto::format::helsinki_local(now),
                )
                .unwrap();
                verkosto::db::contacts::log(
                    conn,
                    id,
                    coach,
                    &fields,
                    now - chrono::TimeDelta::days(200 - i),
                    now,
                )?;
            }
            Ok(())
        })
        .await
        .unwrap();
    let page = s.text(&format!("/employers/{id}")).await;
    assert!(page.contains("(105)"));
    assert!(page.contains("Puhelu numero 104") && !page.contains("Puhelu numero 4<"));
    assert!(page.contains("Näytetään 100 uusinta 105 yhteydenotosta."));
    let all = s.text(&format!("/employers/{id}?all=1")).await;
    assert!(all.contains("Puhelu numero 0<") && !all.contains("Näytä kaikki"));
}
