//! Openings, jobseekers, matching and placements over real HTTP: the coach's whole path from a
//! visit that found an opening to a hire, and the privacy rules around jobseekers.

mod support;

use support::{location, Session, TestApp};
use verkosto::domain::role::Role;

fn id_after(path: &str, prefix: &str) -> i64 {
    path.trim_start_matches(prefix)
        .split(['?', '#', '/'])
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no id in {path:?}"))
}

async fn employer(s: &Session, name: &str, municipality: &str, industry: &str) -> i64 {
    let res = s
        .post(
            "/employers",
            &[
                ("name", name),
                ("municipality_code", municipality),
                ("industry_code", industry),
                ("sector", "private"),
                ("stage", "prospect"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303, "employer {name}");
    id_after(&location(&res), "/employers/")
}

async fn jobseeker(s: &Session, coach: i64, fields: &[(&str, &str)]) -> i64 {
    let coach = coach.to_string();
    let mut all: Vec<(&str, &str)> = vec![
        ("coach_id", &coach),
        ("entered_on", "2026-09-01"),
        ("status", "job_search"),
        ("disclosure", "none"),
    ];
    all.extend_from_slice(fields);
    let res = s.post("/jobseekers", &all).await;
    assert_eq!(res.status(), 303, "jobseeker {fields:?}");
    id_after(&location(&res), "/jobseekers/")
}

/// The section of a page from one heading id to the next section.
fn section<'a>(page: &'a str, heading_id: &str) -> &'a str {
    let start = page
        .find(&format!("id=\"{heading_id}\""))
        .unwrap_or_else(|| panic!("no section {heading_id}"));
    let rest = &page[start..];
    let end = rest.find("</section>").unwrap_or(rest.len());
    &rest[..end]
}

fn first_match_id(page: &str) -> i64 {
    let at = page.find("/matches/").expect("a match form");
    id_after(&page[at..], "/matches/")
}

#[actix_web::test]
async fn a_visit_that_finds_an_opening_ends_in_a_hire_that_every_page_agrees_on() {
    let app = TestApp::spawn().await;
    let (coach, me) = app.signed_in_to(Role::Coach, "Vantaa").await;
    let employer_id = employer(&coach, "Logistiikka Virta Oy", "092", "52").await;

    let aino = jobseeker(
        &coach,
        me.id,
        &[
            ("display_name", "Aino Varasto"),
            ("wanted_occupations", "varasto"),
            ("municipalities", "092"),
            ("hours_min", "15"),
            ("hours_max", "25"),
            ("consent_employer_contact", "on"),
            ("consent_given_on", "2026-09-01"),
        ],
    )
    .await;
    let _bertta = jobseeker(
        &coach,
        me.id,
        &[
            ("display_name", "Bertta Logistiikka"),
            ("wanted_occupations", "logistiikka, varasto"),
            ("municipalities", "245"),
            ("travel", "county"),
            ("hours_min", "20"),
            ("hours_max", "30"),
        ],
    )
    .await;
    let _kalle = jobseeker(
        &coach,
        me.id,
        &[
            ("display_name", "Kalle Kahvila"),
            ("wanted_occupations", "kahvila"),
            ("municipalities", "245"),
            ("travel", "county"),
            ("hours_min", "20"),
            ("hours_max", "37,5"),
            ("schedules", "daytime"),
        ],
    )
    .await;

    // The visit: "opening found" leads straight to the opening form, pre-filled.
    let res = coach
        .post(
            &format!("/employers/{employer_id}/contacts"),
            &[
                ("channel", "cold_visit"),
                ("outcome", "opening_found"),
                ("notes", "Varastovuoroja 20 h/vk mahdollista"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let form_url = location(&res);
    assert!(form_url.starts_with("/openings/new?contact="), "{form_url}");
    let contact_id = form_url
        .trim_start_matches("/openings/new?contact=")
        .to_owned();
    let form = coach.text(&form_url).await;
    assert!(form.contains("Logistiikka Virta Oy"));
    assert!(
        form.contains("Varastovuoroja 20 h/vk mahdollista"),
        "notes pre-filled"
    );

    let employer_s = employer_id.to_string();
    let coach_s = me.id.to_string();
    let res = coach
        .post(
            "/openings",
            &[
                ("employer_id", &employer_s),
                ("contact_id", &contact_id),
                ("coach_id", &coach_s),
                ("title", "Varastotyöntekijä"),
                ("occupation", "varastotyöntekijä"),
                ("municipality_code", "092"),
                ("hours_min", "20"),
                ("hours_max", "20"),
                ("schedules", "daytime"),
                ("schedules", "evening"),
                ("pay", "13,20"),
                ("pay_unit", "hour"),
                ("source", "coach_found"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let opening_id = id_after(&location(&res), "/openings/");

    // Three jobseekers ranked, with their reasons: the warehouse wishes in Vantaa on top.
    let page = coach.text(&format!("/openings/{opening_id}")).await;
    let ranking = section(&page, "ranking-title");
    let (a, b, k) = (
        ranking.find("Aino Varasto").expect("Aino ranked"),
        ranking.find("Bertta Logistiikka").expect("Bertta ranked"),
        ranking.find("Kalle Kahvila").expect("Kalle ranked"),
    );
    assert!(a < b && b < k, "Aino, then Bertta, then Kalle: {a} {b} {k}");
    assert!(
        ranking.contains("&nbsp;%") || ranking.contains("\u{a0}%"),
        "a percentage"
    );
    assert!(ranking.contains("Sopii"), "reasons with their verdicts");
    assert!(page.contains("13,20"), "exact pay shown");

    // Suggest Aino, move her to interview, then hired.
    let res = coach
        .post(
            "/matches",
            &[
                ("opening_id", &opening_id.to_string()),
                ("jobseeker_id", &aino.to_string()),
                ("back", &format!("/openings/{opening_id}")),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let page = coach.text(&format!("/openings/{opening_id}")).await;
    let match_id = first_match_id(section(&page, "matches-title"));
    let res = coach
        .post(
            &format!("/matches/{match_id}/stage"),
            &[("stage", "interview"), ("back", "/matches")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let pipeline = coach.text("/matches").await;
    assert!(section(&pipeline, "stage-interview").contains("Aino Varasto"));

    let res = coach
        .post(&format!("/matches/{match_id}/stage"), &[("stage", "hired")])
        .await;
    assert_eq!(location(&res), format!("/placements/new?match={match_id}"));
    let form = coach.text(&location(&res)).await;
    assert!(
        form.contains("Varastotyöntekijä"),
        "job title from the opening"
    );
    let today = verkosto::format::today_helsinki(verkosto::db::now()).to_string();
    let res = coach
        .post(
            "/placements",
            &[
                ("jobseeker_id", &aino.to_string()),
                ("employer_id", &employer_s),
                ("opening_id", &opening_id.to_string()),
                ("match_id", &match_id.to_string()),
                ("job_title", "Varastotyöntekijä"),
                ("starts_on", &today),
                ("hours_per_week", "20"),
                ("pay", "13,20"),
                ("pay_unit", "hour"),
                ("competitive", "on"),
                ("disclosure", "none"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let placement_id = id_after(&location(&res), "/placements/");

    // Placement, employer stage, opening status, jobseeker status and timeline agree.
    let placement = coach.text(&format!("/placements/{placement_id}")).await;
    assert!(placement.contains("Varastotyöntekijä") && placement.contains("Aino Varasto"));
    assert!(
        placement.contains("Ensimmäinen viikko"),
        "checkpoints listed"
    );
    let employer_page = coach.text(&format!("/employers/{employer_id}")).await;
    assert!(employer_page.contains("On palkannut"), "employer stage");
    let timeline = section(&employer_page, "timeline-heading");
    assert!(timeline.contains("Haastattelu") && timeline.contains("Palkattu"));
    let opening = coach.text(&format!("/openings/{opening_id}")).await;
    assert!(opening.contains("Täytetty"), "the opening is filled");
    let aino_page = coach.text(&format!("/jobseekers/{aino}")).await;
    assert!(aino_page.contains("Työssä tuettuna"));
    assert!(section(&aino_page, "placements-title").contains("Logistiikka Virta Oy"));
    let pipeline = coach.text("/matches").await;
    assert!(
        !pipeline.contains("Aino Varasto"),
        "a hired match leaves the open pipeline"
    );
}

#[actix_web::test]
async fn a_broken_opening_form_keeps_what_was_typed_and_names_each_field() {
    let app = TestApp::spawn().await;
    let (coach, me) = app.signed_in(Role::Coach).await;
    let employer_id = employer(&coach, "Kahvila Kulma", "245", "56")
        .await
        .to_string();
    let coach_s = me.id.to_string();
    let res = coach
        .post(
            "/openings",
            &[
                ("employer_id", &employer_id),
                ("coach_id", &coach_s),
                ("title", ""),
                ("description", "Aamuvuoro kahvilassa"),
                ("hours_min", "30"),
                ("hours_max", "20"),
                ("pay", "12,345"),
                ("source", "public_ad"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let page = res.text().await.unwrap();
    for message in [
        "Täytä tämä kenttä.",
        "Ylärajan pitää olla vähintään alaraja.",
        "enintään kaksi desimaalia",
        "Anna ilmoituksen osoite",
    ] {
        assert!(page.contains(message), "{message}");
    }
    assert!(page.contains("Aamuvuoro kahvilassa") && page.contains("12,345"));
    let (rows, _) = app
        .db
        .run(|conn| {
            verkosto::db::openings::list(conn, &verkosto::db::openings::ListFilter::default())
        })
        .await
        .unwrap();
    assert!(rows.is_empty(), "nothing saved");
}

#[actix_web::test]
async fn another_teams_jobseekers_are_ranked_without_their_names() {
    let app = TestApp::spawn().await;
    let (vantaa, v) = app.signed_in_to(Role::Coach, "Vantaa").await;
    let (kerava, k) = app.signed_in_to(Role::Coach, "Kerava").await;
    let seeker = jobseeker(
        &kerava,
        k.id,
        &[
            ("display_name", "Salainen Sanna"),
            ("wanted_occupations", "varasto"),
            ("municipalities", "092"),
        ],
    )
    .await;
    let employer_id = employer(&vantaa, "Varasto Oy", "092", "52")
        .await
        .to_string();
    let res = vantaa
        .post(
            "/openings",
            &[
                ("employer_id", &employer_id),
                ("coach_id", &v.id.to_string()),
                ("title", "Varastotyöntekijä"),
                ("municipality_code", "092"),
                ("source", "coach_found"),
            ],
        )
        .await;
    let opening = location(&res);
    let page = vantaa.text(&opening).await;
    assert!(!page.contains("Salainen Sanna"));
    assert!(page.contains(&k.name), "the coach to ask is named");
    assert_eq!(
        vantaa.get(&format!("/jobseekers/{seeker}")).await.status(),
        404
    );
    assert!(!vantaa.text("/jobseekers").await.contains("Salainen Sanna"));
    assert!(kerava.text(&opening).await.contains("Salainen Sanna"));
    // Nor can the other team suggest or move her.
    let res = vantaa
        .post(
            "/matches",
            &[
                ("opening_id", &id_after(&opening, "/openings/").to_string()),
                ("jobseeker_id", &seeker.to_string()),
            ],
        )
        .await;
    assert_eq!(res.status(), 404);
}

#[actix_web::test]
async fn a_contact_names_a_jobseeker_only_with_their_consent() {
    let app = TestApp::spawn().await;
    let (coach, me) = app.signed_in(Role::Coach).await;
    let employer_id = employer(&coach, "Rakennus Oy", "092", "41").await;
    let without = jobseeker(&coach, me.id, &[("display_name", "Ei Suostumusta")]).await;
    let with = jobseeker(
        &coach,
        me.id,
        &[
            ("display_name", "On Suostumus"),
            ("consent_employer_contact", "on"),
            ("consent_given_on", "2026-10-01"),
        ],
    )
    .await;
    let page = coach.text(&format!("/employers/{employer_id}")).await;
    assert!(page.contains("On Suostumus") && !page.contains("Ei Suostumusta"));

    let res = coach
        .post(
            &format!("/employers/{employer_id}/contacts"),
            &[
                ("channel", "phone"),
                ("outcome", "not_now"),
                ("jobseeker_id", &without.to_string()),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("suostumuksen"));

    let res = coach
        .post(
            &format!("/employers/{employer_id}/contacts"),
            &[
                ("channel", "cold_visit"),
                ("outcome", "meeting_booked"),
                ("jobseeker_id", &with.to_string()),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let page = coach.text(&format!("/jobseekers/{with}")).await;
    assert!(section(&page, "contacts-title").contains("Rakennus Oy"));
}

#[actix_web::test]
async fn a_consent_and_needs_are_checked_and_the_profile_keeps_no_needs_without_consent() {
    let app = TestApp::spawn().await;
    let (coach, me) = app.signed_in(Role::Coach).await;
    let coach_s = me.id.to_string();
    let res = coach
        .post(
            "/jobseekers",
            &[
                ("display_name", "Tiina"),
                ("coach_id", &coach_s),
                ("entered_on", "2026-09-01"),
                ("consent_employer_contact", "on"),
                ("needs", "quiet_space"),
                ("disclosure", "agreed"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let page = res.text().await.unwrap();
    for message in [
        "Anna päivä, jona suostumus annettiin.",
        "vain työnhakijan suostumuksella",
        "Kirjoita sovittu sanamuoto.",
    ] {
        assert!(page.contains(message), "{message}");
    }
    assert!(page.contains("value=\"Tiina\""), "typed name kept");
}

#[actix_web::test]
async fn an_admin_erases_a_jobseeker_and_only_the_statistics_remain() {
    let app = TestApp::spawn().await;
    let (coach, me) = app.signed_in_to(Role::Coach, "Vantaa").await;
    let (admin, _) = app.signed_in_to(Role::Admin, "Hallinto").await;
    let employer_id = employer(&coach, "Siivous Oy", "092", "81").await;
    let seeker = jobseeker(
        &coach,
        me.id,
        &[
            ("display_name", "Poistettava Pekka"),
            ("notes", "Pitää aamuista"),
            ("strengths", "Tarkka"),
        ],
    )
    .await;
    let res = coach
        .post(
            "/placements",
            &[
                ("jobseeker_id", &seeker.to_string()),
                ("employer_id", &employer_id.to_string()),
                ("job_title", "Siivooja"),
                ("starts_on", "2026-10-01"),
                ("competitive", "on"),
                ("disclosure", "none"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303, "a direct placement");
    let placement = location(&res);

    assert_eq!(
        coach
            .post(&format!("/jobseekers/{seeker}/erase"), &[])
            .await
            .status(),
        403,
        "coaches cannot erase"
    );
    let res = admin
        .post(&format!("/jobseekers/{seeker}/erase"), &[])
        .await;
    assert_eq!(res.status(), 303);
    let page = coach.text(&format!("/jobseekers/{seeker}")).await;
    assert!(!page.contains("Poistettava Pekka") && !page.contains("Pitää aamuista"));
    assert!(!page.contains("Tarkka"));
    assert!(page.contains("Anonymisoitu työnhakija"));
    let p = coach.text(&placement).await;
    assert!(p.contains("Siivooja"), "the placement stays for statistics");

    let audit = app
        .db
        .run(
            move |conn| -> Result<Vec<(String, Option<String>)>, verkosto::db::DbError> {
                use diesel::prelude::*;
                use verkosto::db::schema::audit_log;
                Ok(audit_log::table
                    .filter(audit_log::entity.eq("jobseeker"))
                    .filter(audit_log::entity_id.eq(seeker))
                    .select((audit_log::action, audit_log::old_value))
                    .load(conn)?)
            },
        )
        .await
        .unwrap();
    assert!(
        audit.iter().any(|(a, _)| a == "erase"),
        "the erasure is recorded"
    );
    assert!(
        audit.iter().all(|(_, old)| old.is_none()),
        "but no removed values"
    );
}

#[actix_web::test]
async fn closed_profiles_are_anonymised_after_the_retention_period() {
    use diesel::prelude::*;
    use verkosto::db::schema::jobseekers;
    let app = TestApp::spawn().await;
    let (coach, me) = app.signed_in(Role::Coach).await;
    let old = jobseeker(&coach, me.id, &[("display_name", "Vanha Ville")]).await;
    let recent = jobseeker(&coach, me.id, &[("display_name", "Tuore Tuula")]).await;
    let now = verkosto::db::now();
    let done = app
        .db
        .run(move |conn| -> Result<usize, verkosto::db::DbError> {
            for (id, closed) in [(old, "2024-10-01"), (recent, "2026-01-01")] {
                diesel::update(jobseekers::table.find(id))
                    .set((
                        jobseekers::status.eq("closed"),
                        jobseekers::closed_on
                            .eq(chrono::NaiveDate::parse_from_str(closed, "%Y-%m-%d").ok()),
                    ))
                    .execute(conn)?;
            }
            verkosto::db::jobseekers::anonymise_expired(
                conn,
                verkosto::db::Scope::organisation_for_privacy_job(),
                24,
                now,
            )
        })
        .await
        .unwrap();
    assert_eq!(done, 1);
    let list = coach.text("/jobseekers?status=closed").await;
    assert!(!list.contains("Vanha Ville") && list.contains("Tuore Tuula"));
}

#[actix_web::test]
async fn ending_a_placement_asks_for_a_neutral_reason_and_returns_the_person_to_job_search() {
    let app = TestApp::spawn().await;
    let (coach, me) = app.signed_in(Role::Coach).await;
    let employer_id = employer(&coach, "Kauppa Oy", "092", "47").await;
    let seeker = jobseeker(&coach, me.id, &[("display_name", "Leena")]).await;
    let res = coach
        .post(
            "/placements",
            &[
                ("jobseeker_id", &seeker.to_string()),
                ("employer_id", &employer_id.to_string()),
                ("job_title", "Myyjä"),
                ("starts_on", "2026-10-01"),
                ("disclosure", "agreed"),
                ("wage_subsidy", "on"),
                ("wage_subsidy_percent", "50"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let placement = location(&res);
    let page = coach.text(&placement).await;
    assert!(
        page.contains("Ensimmäisen viikon yhteydenotto puuttuu"),
        "first-week warning"
    );
    assert!(page.contains("50\u{a0}%") || page.contains("50&nbsp;%"));

    let res = coach
        .post(
            &format!("{placement}/support"),
            &[
                ("occurred_on", "2026-10-02"),
                ("channel", "workplace_visit"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert!(!coach
        .text(&placement)
        .await
        .contains("Ensimmäisen viikon yhteydenotto puuttuu"));

    let res = coach
        .post(&format!("{placement}/end"), &[("ends_on", "2026-11-01")])
        .await;
    assert_eq!(res.status(), 303);
    assert!(
        coach.text(&placement).await.contains("Anna päättymispäivä"),
        "the reason is asked"
    );
    let res = coach
        .post(
            &format!("{placement}/end"),
            &[("ends_on", "2026-11-01"), ("reason", "contract_ended")],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert!(coach.text(&placement).await.contains("Sopimus päättyi"));
    assert!(coach
        .text(&format!("/jobseekers/{seeker}"))
        .await
        .contains("Työnhaku"));
}

#[actix_web::test]
async fn an_admin_shortens_the_retention_period_and_anonymises_at_once() {
    use diesel::prelude::*;
    use verkosto::db::schema::jobseekers;
    let app = TestApp::spawn().await;
    let (coach, me) = app.signed_in_to(Role::Coach, "Vantaa").await;
    let (admin, _) = app.signed_in_to(Role::Admin, "Hallinto").await;
    let seeker = jobseeker(&coach, me.id, &[("display_name", "Kolmetoista Kuukautta")]).await;
    let closed = verkosto::format::today_helsinki(verkosto::db::now())
        .checked_sub_months(chrono::Months::new(13))
        .unwrap();
    app.db
        .run(move |conn| -> Result<usize, verkosto::db::DbError> {
            Ok(diesel::update(jobseekers::table.find(seeker))
                .set((
                    jobseekers::status.eq("closed"),
                    jobseekers::closed_on.eq(Some(closed)),
                ))
                .execute(conn)?)
        })
        .await
        .unwrap();

    assert_eq!(coach.get("/admin/privacy").await.status(), 403);
    let res = admin
        .post("/admin/privacy/retention", &[("months", "nolla")])
        .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("1–120"));
    admin.post("/admin/privacy/run", &[]).await;
    let list = coach.text("/jobseekers?status=closed").await;
    assert!(
        list.contains("Kolmetoista Kuukautta"),
        "24 months have not passed"
    );

    let res = admin
        .post("/admin/privacy/retention", &[("months", "12")])
        .await;
    assert_eq!(res.status(), 303);
    assert!(admin.text("/admin/privacy").await.contains("value=\"12\""));
    admin.post("/admin/privacy/run", &[]).await;
    let list = coach.text("/jobseekers?status=closed").await;
    assert!(!list.contains("Kolmetoista Kuukautta"), "12 months have");
}
