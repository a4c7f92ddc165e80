//! The demo organisation: worth looking at, and the same every time.

mod support;

use chrono::Days;
use diesel::prelude::*;
use std::collections::HashSet;
use support::TestApp;
use verkosto::db::schema::{contact_persons, contacts, employers, follow_ups, users};
use verkosto::domain::business_id::BusinessId;
use verkosto::seed::demo;

#[actix_web::test]
async fn the_demo_network_has_the_promised_shape() {
    let app = TestApp::spawn().await;
    assert!(app.db.run(demo::load).await.unwrap());
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
    assert!(!app.db.run(demo::load).await.unwrap());
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
