//! Writes that hold for a whole team: coaches logging at once, a request that panics in the
//! middle of a write, double submits and concurrent hires. Counts are exact: every contact
//! carries a marker, and the database must hold exactly what the coaches were told was saved.

mod support;

use diesel::prelude::*;
use std::collections::HashMap;
use support::{location, Session, TestApp};
use verkosto::db::schema::{contacts, employers, jobseekers, placements};
use verkosto::db::{Db, DbError, DbTarget};
use verkosto::domain::role::Role;

/// A second handle on the same database, as a restarted server would open it.
fn reopened(app: &TestApp) -> Db {
    Db::open(DbTarget::parse(&app.url).expect("url"), 1).expect("reopen")
}

/// The markers of every contact in the database, counted.
async fn markers_in(db: &Db) -> HashMap<String, usize> {
    let notes: Vec<String> = db
        .run(|conn| -> Result<_, DbError> {
            Ok(contacts::table
                .filter(contacts::notes.like("marker %"))
                .select(contacts::notes)
                .load(conn)?)
        })
        .await
        .expect("read contacts");
    let mut counted = HashMap::new();
    for n in notes {
        *counted.entry(n).or_insert(0) += 1;
    }
    counted
}

/// Each employer's cached newest contact against its real newest contact.
async fn assert_last_contacts_are_the_newest(db: &Db) {
    let rows: Vec<(i64, Option<i64>)> = db
        .run(|conn| -> Result<_, DbError> {
            Ok(employers::table
                .select((employers::id, employers::last_contact_id))
                .load(conn)?)
        })
        .await
        .expect("employers");
    for (id, cached) in rows {
        let newest: Option<i64> = db
            .run(move |conn| -> Result<_, DbError> {
                Ok(contacts::table
                    .filter(contacts::employer_id.eq(id))
                    .order((contacts::occurred_at.desc(), contacts::id.desc()))
                    .select(contacts::id)
                    .first(conn)
                    .optional()?)
            })
            .await
            .expect("newest");
        assert_eq!(cached, newest, "employer {id}'s cached last contact");
    }
}

#[actix_web::test]
async fn eight_coaches_logging_at_once_lose_nothing_and_get_no_error() {
    let app = TestApp::spawn().await;
    let mut coaches = Vec::new();
    for _ in 0..8 {
        coaches.push(app.signed_in(Role::Coach).await.0);
    }
    // Four employers shared by all eight, so writers meet on the same rows.
    let mut shared = Vec::new();
    for name in [
        "Alfa Logistiikka",
        "Bravo Rakennus",
        "Charlie Kahvila",
        "Delta Siivous",
    ] {
        shared.push(coaches[0].new_employer(name).await);
    }
    const EACH: usize = 25;
    let mut writers = Vec::new();
    for (w, coach) in coaches.into_iter().enumerate() {
        let shared = shared.clone();
        writers.push(actix_web::rt::spawn(async move {
            let token = coach.csrf().await;
            let mut acknowledged = Vec::new();
            let mut errors = Vec::new();
            for n in 0..EACH {
                let marker = format!("marker w{w} n{n}");
                let employer = shared[(w + n) % shared.len()];
                let res = coach
                    .post_raw(
                        &format!("/employers/{employer}/contacts"),
                        &[
                            ("channel", "phone"),
                            ("outcome", "not_now"),
                            ("notes", &marker),
                            ("csrf", &token),
                        ],
                    )
                    .await;
                if res.status() == 303 {
                    acknowledged.push(marker);
                } else {
                    errors.push(res.status().as_u16());
                }
            }
            (acknowledged, errors)
        }));
    }
    let mut acknowledged = Vec::new();
    let mut errors = Vec::new();
    for w in writers {
        let (a, e) = w.await.expect("writer");
        acknowledged.extend(a);
        errors.extend(e);
    }
    assert!(errors.is_empty(), "refused writes: {errors:?}");
    assert_eq!(acknowledged.len(), 8 * EACH);

    let stored = markers_in(&reopened(&app)).await;
    assert_eq!(
        stored.len(),
        acknowledged.len(),
        "every acknowledged contact is stored"
    );
    for marker in &acknowledged {
        assert_eq!(stored.get(marker), Some(&1), "{marker} stored exactly once");
    }
    assert_last_contacts_are_the_newest(&app.db).await;
}

#[actix_web::test]
async fn a_task_that_panics_mid_write_harms_no_write_after_it() {
    let app = TestApp::spawn().await;
    let (coach, _) = app.signed_in(Role::Coach).await;
    let id = coach.new_employer("Paniikki Oy").await;

    // A write that inserts a contact and then panics, on the app's own pool.
    let panicked = app
        .db
        .run(move |conn| -> Result<(), DbError> {
            conn.write(|conn| -> Result<(), DbError> {
                diesel::update(employers::table.find(id))
                    .set(employers::name.eq("Kesken jäänyt nimi"))
                    .execute(conn)?;
                panic!("a bug in the middle of a write");
            })
        })
        .await;
    assert!(
        matches!(panicked, Err(DbError::TaskFailed(_))),
        "{panicked:?}"
    );

    // Every later write is answered and lands; more writes than the pool has connections, so
    // one of them would have met the panicked connection had it gone back to the pool.
    let token = coach.csrf().await;
    for n in 0..12 {
        let marker = format!("marker after panic {n}");
        let res = coach
            .post_raw(
                &format!("/employers/{id}/contacts"),
                &[
                    ("channel", "phone"),
                    ("outcome", "not_now"),
                    ("notes", &marker),
                    ("csrf", &token),
                ],
            )
            .await;
        assert_eq!(res.status(), 303, "write {n} after the panic");
    }
    // What a restarted server reads: the twelve contacts, and not the half-done rename.
    let again = reopened(&app);
    assert_eq!(markers_in(&again).await.len(), 12);
    let name: String = again
        .run(move |conn| -> Result<_, DbError> {
            Ok(employers::table
                .find(id)
                .select(employers::name)
                .first(conn)?)
        })
        .await
        .expect("name");
    assert_eq!(name, "Paniikki Oy");
}

#[actix_web::test]
async fn a_double_submitted_form_makes_one_record() {
    let app = TestApp::spawn().await;
    let (coach, _) = app.signed_in(Role::Coach).await;
    let id = coach.new_employer("Tuplanapautus Oy").await;

    // The form as the employer page renders it, with its own idempotency key.
    let page = coach.text(&format!("/employers/{id}")).await;
    let key = hidden_value(&page, "once").expect("the form carries a key");
    let token = coach.csrf().await;
    let fields = [
        ("channel", "cold_visit"),
        ("outcome", "needs_learned"),
        ("notes", "marker double tap"),
        ("csrf", token.as_str()),
        ("once", key.as_str()),
    ];
    let path = format!("/employers/{id}/contacts");
    let (first, second) = tokio::join!(
        coach.post_raw(&path, &fields),
        coach.post_raw(&path, &fields)
    );
    assert_eq!(first.status(), 303);
    assert_eq!(second.status(), 303);
    assert_eq!(
        location(&first),
        location(&second),
        "both land on the same record"
    );
    let third = coach.post_raw(&path, &fields).await;
    assert_eq!(location(&third), format!("/employers/{id}#timeline"));
    assert_eq!(
        markers_in(&app.db).await.get("marker double tap"),
        Some(&1),
        "one contact for three submits"
    );
    let page = coach.text(&format!("/employers/{id}")).await;
    assert!(
        page.contains("ei tallennettu toista kertaa"),
        "the replay says so"
    );

    // A new employer's form, sent twice: one employer.
    let form = coach.text("/employers/new").await;
    let key = hidden_value(&form, "once").expect("key on the new employer form");
    let fields = [
        ("name", "Kaksoiskappale Oy"),
        ("municipality_code", "092"),
        ("sector", "private"),
        ("stage", "prospect"),
        ("csrf", token.as_str()),
        ("once", key.as_str()),
    ];
    let a = coach.post_raw("/employers", &fields).await;
    let b = coach.post_raw("/employers", &fields).await;
    assert_eq!(location(&a), location(&b));
    let count: i64 = app
        .db
        .run(|conn| -> Result<_, DbError> {
            Ok(employers::table
                .filter(employers::name.eq("Kaksoiskappale Oy"))
                .count()
                .get_result(conn)?)
        })
        .await
        .expect("count");
    assert_eq!(count, 1);

    // A jobseeker's profile, sent twice: one profile.
    let form = coach.text("/jobseekers/new").await;
    let key = hidden_value(&form, "once").expect("key on the jobseeker form");
    let me = coach_id(&coach).await;
    let fields = [
        ("display_name", "Tupla Hakija"),
        ("coach_id", me.as_str()),
        ("entered_on", "2026-09-01"),
        ("status", "job_search"),
        ("disclosure", "none"),
        ("csrf", token.as_str()),
        ("once", key.as_str()),
    ];
    let a = coach.post_raw("/jobseekers", &fields).await;
    let b = coach.post_raw("/jobseekers", &fields).await;
    assert_eq!(a.status(), 303);
    assert_eq!(location(&a), location(&b));
    let profiles: i64 = app
        .db
        .run(|conn| -> Result<_, DbError> {
            Ok(jobseekers::table
                .filter(jobseekers::display_name.eq("Tupla Hakija"))
                .count()
                .get_result(conn)?)
        })
        .await
        .expect("count");
    assert_eq!(profiles, 1);
}

/// The signed-in coach's own id, as the jobseeker form offers it first.
async fn coach_id(s: &Session) -> String {
    let form = s.text("/jobseekers/new").await;
    let at = form.find("name=\"coach_id\"").expect("coach field");
    let rest = &form[at..];
    let v = rest.find("value=\"").expect("an option") + 7;
    rest[v..v + rest[v..].find('"').expect("end")].to_owned()
}

fn hidden_value(page: &str, name: &str) -> Option<String> {
    let marker = format!("name=\"{name}\" value=\"");
    let start = page.find(&marker)? + marker.len();
    let end = page[start..].find('"')? + start;
    Some(page[start..end].to_owned())
}

#[actix_web::test]
async fn six_coaches_hiring_for_one_opening_at_once_make_one_placement() {
    let app = TestApp::spawn().await;
    let (coach, me) = app.signed_in(Role::Coach).await;
    let employer_id = coach.new_employer("Kuusi Kättä Oy").await;
    let res = coach
        .post(
            "/openings",
            &[
                ("employer_id", &employer_id.to_string()),
                ("coach_id", &me.id.to_string()),
                ("title", "Varastotyöntekijä"),
                ("occupation", "varastotyöntekijä"),
                ("municipality_code", "092"),
                ("source", "coach_found"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let opening: i64 = location(&res)
        .trim_start_matches("/openings/")
        .parse()
        .expect("opening id");
    let mut seekers = Vec::new();
    for n in 0..6 {
        let res = coach
            .post(
                "/jobseekers",
                &[
                    ("display_name", &format!("Hakija {n}")),
                    ("coach_id", &me.id.to_string()),
                    ("entered_on", "2026-09-01"),
                    ("status", "job_search"),
                    ("disclosure", "none"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        seekers.push(
            location(&res)
                .trim_start_matches("/jobseekers/")
                .parse::<i64>()
                .expect("jobseeker id"),
        );
    }
    let token = coach.csrf().await;
    let today = verkosto::format::today_helsinki(verkosto::db::now()).to_string();
    let mut hires = Vec::new();
    for seeker in seekers {
        let (coach, token, today) = (
            Session {
                client: coach.client.clone(),
                address: coach.address.clone(),
            },
            token.clone(),
            today.clone(),
        );
        hires.push(actix_web::rt::spawn(async move {
            let res = coach
                .post_raw(
                    "/placements",
                    &[
                        ("jobseeker_id", &seeker.to_string()),
                        ("employer_id", &employer_id.to_string()),
                        ("opening_id", &opening.to_string()),
                        ("job_title", "Varastotyöntekijä"),
                        ("starts_on", &today),
                        ("competitive", "on"),
                        ("disclosure", "none"),
                        ("csrf", &token),
                    ],
                )
                .await;
            let status = res.status().as_u16();
            (status, res.text().await.unwrap_or_default())
        }));
    }
    let mut placed = 0;
    let mut refused = 0;
    for h in hires {
        let (status, body) = h.await.expect("hire");
        match status {
            303 => placed += 1,
            422 => {
                assert!(body.contains("työpaikka on täytetty"), "a clear message");
                refused += 1;
            }
            other => panic!("hire answered {other}"),
        }
    }
    assert_eq!((placed, refused), (1, 5));
    let stored: i64 = app
        .db
        .run(move |conn| -> Result<_, DbError> {
            Ok(placements::table
                .filter(placements::opening_id.eq(opening))
                .count()
                .get_result(conn)?)
        })
        .await
        .expect("count");
    assert_eq!(stored, 1);
}
