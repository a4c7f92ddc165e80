//! The demo organisation: worth looking at, and the same every time.

mod support;

use chrono::Days;
use diesel::prelude::*;
use std::collections::HashSet;
use support::TestApp;
use verkosto::db::schema::{contact_persons, contacts, employers, follow_ups, users};
use verkosto::domain::business_id::BusinessId;
use verkosto::domain::role::Role;
use verkosto::seed::demo;

#[actix_web::test]
async fn the_demo_network_has_the_promised_shape() {
    let app = TestApp::spawn().await;
    assert_eq!(
        app.db.run(demo::load).await.unwrap(),
        demo::DemoLoad::Loaded
    );
    let today = verkosto::format::today_helsinki(verkosto::db::now());
    let facts = app
        .db
        .run(move |conn| -> Result<_, verkosto::db::DbError> {
            let ids: Vec<Option<String>> =
                employers::table.select(employers::business_id).load(conn)?;
            let total_contacts: i64 = contacts::table.count().get_result(conn)?;
            let persons: i64 = contact_persons::table.count().get_result(conn)?;
            let never: i64 = employers::table
                .filter(employers::last_contact_id.is_null())
                .count()
                .get_result(conn)?;
            let per_coach: Vec<(String, i64)> = contacts::table
                .inner_join(users::table)
                .group_by(users::name)
                .select((users::name, diesel::dsl::count_star()))
                .load(conn)?;
            let maija: i64 = users::table
                .filter(users::email.eq("maija.koutsi@demo.verkosto.fi"))
                .select(users::id)
                .first(conn)?;
            let maija_due: Vec<chrono::NaiveDate> = follow_ups::table
                .filter(follow_ups::assignee_id.eq(maija))
                .filter(follow_ups::status.ne("done"))
                .select(follow_ups::due_on)
                .load(conn)?;
            let open: i64 = follow_ups::table
                .filter(follow_ups::status.ne("done"))
                .count()
                .get_result(conn)?;
            Ok((
                ids,
                total_contacts,
                persons,
                never,
                per_coach,
                maija_due,
                open,
            ))
        })
        .await
        .unwrap();
    let (ids, total_contacts, persons, never, per_coach, maija_due, open) = facts;
    assert!((130..=170).contains(&ids.len()), "{} employers", ids.len());
    let present: Vec<String> = ids.into_iter().flatten().collect();
    assert!(present.len() > 100);
    assert!(present
        .iter()
        .all(|id| BusinessId::parse(id).is_ok() && id.starts_with('9')));
    assert_eq!(
        present.iter().collect::<HashSet<_>>().len(),
        present.len(),
        "unique"
    );
    assert!(
        (1_300..=1_700).contains(&total_contacts),
        "{total_contacts} contacts"
    );
    assert!(persons > 100);
    assert!(never > 0, "some employers were never contacted");
    assert_eq!(
        per_coach.len(),
        6,
        "all six coaches have contacts: {per_coach:?}"
    );
    assert!(per_coach.iter().all(|(_, n)| *n > 20));
    assert!(
        maija_due.iter().filter(|d| **d < today).count() >= 2,
        "Maija has overdue follow-ups"
    );
    assert!(maija_due.contains(&today), "and one due today");
    assert!((20..=100).contains(&open), "{open} open follow-ups");
    assert!(maija_due
        .iter()
        .all(|d| *d >= today.checked_sub_days(Days::new(30)).unwrap()));

    // Loading again changes nothing.
    assert_eq!(
        app.db.run(demo::load).await.unwrap(),
        demo::DemoLoad::AlreadyThere
    );
    let again: i64 = app
        .db
        .run(|conn| {
            employers::table
                .count()
                .get_result(conn)
                .map_err(verkosto::db::DbError::from)
        })
        .await
        .unwrap();
    assert!((130..=170).contains(&again));
}

#[actix_web::test]
async fn the_demo_coach_finds_the_employer_a_colleague_visited_in_spring() {
    let app = TestApp::spawn().await;
    app.db.run(demo::load).await.unwrap();
    let s = app.session();
    assert_eq!(
        s.sign_in("maija.koutsi@demo.verkosto.fi", demo::DEMO_PASSWORD)
            .await
            .status(),
        303
    );
    let found = s.text("/log/suggest?q=logistiikka%20virta").await;
    assert!(found.contains("Logistiikka Virta Oy"));
    let at = found.find("/log?employer=").unwrap() + 14;
    let id: i64 = found[at..at + found[at..].find('"').unwrap()]
        .parse()
        .unwrap();
    let page = s.text(&format!("/log?employer={id}")).await;
    assert!(page.contains("Tulkaa syksyllä uudelleen"));
    assert!(page.contains("Jussi Nieminen"), "the colleague who visited");
    assert!(page.contains("Kylmäkäynti"));
    // The start page tells Maija what is due.
    let home = s.text("/").await;
    assert!(home.contains("on myöhässä") && home.contains("erääntyy tänään"));
}

/// The team lead's walk of the reports issue: construction in Kerava has employers, none of them
/// active, and the cell leads to the two cold ones.
#[actix_web::test]
async fn the_demo_lead_finds_cold_construction_in_kerava() {
    let app = TestApp::spawn().await;
    app.db.run(demo::load).await.unwrap();
    let s = app.session();
    assert_eq!(
        s.sign_in("kaisa.lahtinen@demo.verkosto.fi", demo::DEMO_PASSWORD)
            .await
            .status(),
        303
    );
    let page = s.text("/reports/coverage").await;
    let vantaa_kerava = "/reports/coverage?county=04";
    assert!(
        page.contains(vantaa_kerava),
        "counties drill down to municipalities"
    );
    let page = s.text(vantaa_kerava).await;
    let link = "/employers?industry=F&amp;municipality=245\"";
    let at = page.find(link).expect("a cell for construction in Kerava");
    let cell_start = page[..at].rfind("<td").expect("the cell");
    let cell = &page[cell_start..at + page[at..].find("</td>").expect("cell end")];
    assert!(cell.contains("cold"), "the cell stands out as cold: {cell}");
    let list = s.text("/employers?industry=F&municipality=245").await;
    assert!(list.contains("2 työnantajaa"), "two employers");
    let active = s
        .text("/employers?industry=F&municipality=245&active_90=on")
        .await;
    assert!(active.contains("0 työnantajaa"), "none of them active");
}

#[actix_web::test]
async fn the_demo_has_openings_jobseekers_matches_in_every_stage_and_placements() {
    use verkosto::db::schema::{jobseekers, matches, openings, placements, support_contacts};
    let app = TestApp::spawn().await;
    assert_eq!(
        app.db.run(demo::load).await.unwrap(),
        demo::DemoLoad::Loaded
    );
    let (seekers, open, stages, placed, support) = app
        .db
        .run(|conn| -> Result<_, verkosto::db::DbError> {
            let seekers: i64 = jobseekers::table.count().get_result(conn)?;
            let open: i64 = openings::table
                .filter(openings::status.eq("open"))
                .count()
                .get_result(conn)?;
            let stages: HashSet<String> = matches::table
                .select(matches::stage)
                .load::<String>(conn)?
                .into_iter()
                .collect();
            let placed: i64 = placements::table.count().get_result(conn)?;
            let support: i64 = support_contacts::table.count().get_result(conn)?;
            Ok((seekers, open, stages, placed, support))
        })
        .await
        .unwrap();
    assert!(
        (55..=65).contains(&seekers),
        "about 60 jobseekers: {seekers}"
    );
    assert!(open >= 15, "open openings: {open}");
    for stage in verkosto::domain::jobs::MatchStage::ALL {
        assert!(
            stages.contains(stage.as_str()),
            "a match in stage {stage:?}"
        );
    }
    assert!(placed >= 5, "placements: {placed}");
    assert!(support >= placed, "follow-along contacts: {support}");

    // The brief's Tuesday: Maija's two warehouse jobseekers rank on top at Logistiikka Virta.
    let session = app.session();
    assert_eq!(
        session
            .sign_in(
                "maija.koutsi@demo.verkosto.fi",
                verkosto::seed::demo::DEMO_PASSWORD
            )
            .await
            .status(),
        303
    );
    let virta_opening: i64 = app
        .db
        .run(|conn| -> Result<i64, verkosto::db::DbError> {
            Ok(openings::table
                .inner_join(employers::table)
                .filter(employers::name.eq("Logistiikka Virta Oy"))
                .select(openings::id)
                .first(conn)?)
        })
        .await
        .unwrap();
    let page = session.text(&format!("/openings/{virta_opening}")).await;
    let ranking = &page[page.find("id=\"ranking-title\"").expect("ranking")..];
    let first_two = [ranking.find("Eero L."), ranking.find("Helmi S.")];
    let first_other = ranking
        .find("<h3")
        .and_then(|_| ranking.match_indices("<h3").nth(2).map(|(i, _)| i));
    for at in first_two {
        let at = at.expect("both warehouse jobseekers are ranked");
        assert!(
            first_other.is_none_or(|o| at < o),
            "in the top two: {}",
            &ranking[..ranking.len().min(6000)]
        );
    }
}

#[actix_web::test]
async fn the_demo_stays_out_of_a_database_with_data_of_its_own() {
    let app = TestApp::spawn().await;
    let real = app.add_user(Role::Admin, "Oikea tiimi").await;
    assert_eq!(
        app.db.run(demo::load).await.unwrap(),
        demo::DemoLoad::LeftOut
    );
    assert!(
        !app.db.run(demo::is_loaded).await.unwrap(),
        "no demo account with the published password"
    );
    let users: i64 = app
        .db
        .run(|conn| {
            users::table
                .count()
                .get_result(conn)
                .map_err(verkosto::db::DbError::from)
        })
        .await
        .unwrap();
    assert_eq!(users, 1, "only {}", real.email);
}
