//! Handing over a leaving coach's items in one step, and deactivating them afterwards.

mod support;

use diesel::prelude::*;
use support::{location, TestApp};
use verkosto::db::schema::{audit_log, employers, follow_ups, jobseekers, matches};
use verkosto::domain::role::Role;

#[actix_web::test]
async fn a_lead_hands_over_everything_a_leaving_coach_holds_then_the_coach_can_go() {
    let app = TestApp::spawn().await;
    let (leaving, a) = app.signed_in_to(Role::Coach, "Vantaa").await;
    let b = app.add_user(Role::Coach, "Vantaa").await;
    let c = app.add_user(Role::Coach, "Vantaa").await;
    let (lead, _) = app.signed_in_to(Role::TeamLead, "Vantaa").await;
    let (admin, _) = app.signed_in_to(Role::Admin, "Hallinto").await;

    // What the leaving coach holds: a follow-up, an employer they lead, a jobseeker, a match.
    let a_s = a.id.to_string();
    let res = leaving
        .post(
            "/employers",
            &[
                ("name", "Luovutus Oy"),
                ("municipality_code", "092"),
                ("sector", "private"),
                ("stage", "prospect"),
                ("lead_user_id", &a_s),
            ],
        )
        .await;
    let employer = location(&res);
    let employer_id: i64 = employer.trim_start_matches("/employers/").parse().unwrap();
    leaving
        .post(
            &format!("{employer}/contacts"),
            &[
                ("channel", "phone"),
                ("outcome", "not_now"),
                ("next_step", "Soita uudelleen"),
            ],
        )
        .await;
    leaving
        .post(
            &format!("{employer}/contacts"),
            &[
                ("channel", "phone"),
                ("outcome", "meeting_booked"),
                ("next_step", "Vie esite"),
            ],
        )
        .await;
    let res = leaving
        .post(
            "/jobseekers",
            &[
                ("display_name", "Luovutettava Liisa"),
                ("coach_id", &a_s),
                ("entered_on", "2026-10-01"),
            ],
        )
        .await;
    let seeker: i64 = location(&res)
        .trim_start_matches("/jobseekers/")
        .parse()
        .unwrap();
    let res = leaving
        .post(
            "/openings",
            &[
                ("employer_id", &employer_id.to_string()),
                ("coach_id", &a_s),
                ("title", "Avustaja"),
                ("source", "coach_found"),
            ],
        )
        .await;
    let opening: i64 = location(&res)
        .trim_start_matches("/openings/")
        .parse()
        .unwrap();
    leaving
        .post(
            "/matches",
            &[
                ("opening_id", &opening.to_string()),
                ("jobseeker_id", &seeker.to_string()),
            ],
        )
        .await;

    // Deactivating asks for the handover first.
    let res = admin
        .post(
            &format!("/admin/users/{}/active", a.id),
            &[("active", "false")],
        )
        .await;
    assert_eq!(location(&res), format!("/handover?from={}", a.id));

    assert_eq!(
        leaving.get("/handover").await.status(),
        403,
        "coaches cannot"
    );
    let page = lead.text(&format!("/handover?from={}", a.id)).await;
    for held in [
        "Soita uudelleen",
        "Vie esite",
        "Luovutus Oy",
        "Luovutettava Liisa",
        "Avustaja",
    ] {
        assert!(page.contains(held), "{held} is listed");
    }

    // A group without anyone to take it is refused and nothing moves.
    let from = a.id.to_string();
    let (b_s, c_s) = (b.id.to_string(), c.id.to_string());
    let res = lead
        .post(
            "/handover",
            &[("from", &from), ("follow_up", &b_s), ("employer", &b_s)],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("valitse, kuka ottaa ne"));

    // One follow-up to C, the rest to B; the jobseeker and the match to C.
    let first_fu: i64 = app
        .db
        .run(move |conn| -> Result<i64, verkosto::db::DbError> {
            Ok(follow_ups::table
                .filter(follow_ups::what.eq("Vie esite"))
                .select(follow_ups::id)
                .first(conn)?)
        })
        .await
        .unwrap();
    let override_key = format!("follow_up-{first_fu}");
    let res = lead
        .post(
            "/handover",
            &[
                ("from", &from),
                ("follow_up", &b_s),
                (&override_key, &c_s),
                ("employer", &b_s),
                ("jobseeker", &c_s),
                ("match", &c_s),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let (fu_owners, employer_lead, seeker_coach, match_coach, audited) = app
        .db
        .run(move |conn| -> Result<_, verkosto::db::DbError> {
            let fu: Vec<(String, i64)> = follow_ups::table
                .order(follow_ups::what.asc())
                .select((follow_ups::what, follow_ups::assignee_id))
                .load(conn)?;
            let lead: Option<i64> = employers::table
                .find(employer_id)
                .select(employers::lead_user_id)
                .first(conn)?;
            let coach: i64 = jobseekers::table
                .find(seeker)
                .select(jobseekers::coach_id)
                .first(conn)?;
            let m: i64 = matches::table.select(matches::coach_id).first(conn)?;
            let audited: i64 = audit_log::table
                .filter(audit_log::action.eq("handover"))
                .count()
                .get_result(conn)?;
            Ok((fu, lead, coach, m, audited))
        })
        .await
        .unwrap();
    assert_eq!(
        fu_owners,
        vec![
            ("Soita uudelleen".to_owned(), b.id),
            ("Vie esite".to_owned(), c.id)
        ]
    );
    assert_eq!(employer_lead, Some(b.id));
    assert_eq!(seeker_coach, c.id);
    assert_eq!(match_coach, c.id);
    assert_eq!(audited, 5, "every item in the audit trail");
    assert!(lead
        .text(&format!("/handover?from={}", a.id))
        .await
        .contains("ei pidä yhtään avointa asiaa"));

    let res = admin
        .post(
            &format!("/admin/users/{}/active", a.id),
            &[("active", "false")],
        )
        .await;
    assert_eq!(
        location(&res),
        "/admin/users",
        "now the coach can be deactivated"
    );
}

#[actix_web::test]
async fn every_colleague_who_receives_something_gets_one_notice() {
    use verkosto::db::schema::outbox;
    let app = TestApp::spawn().await;
    let (leaving, a) = app.signed_in_to(Role::Coach, "Vantaa").await;
    let b = app.add_user(Role::Coach, "Vantaa").await;
    let c = app.add_user(Role::Coach, "Vantaa").await;
    let (lead, _) = app.signed_in_to(Role::TeamLead, "Vantaa").await;
    let res = leaving
        .post(
            "/jobseekers",
            &[
                ("display_name", "Salassa Pidettävä"),
                ("coach_id", &a.id.to_string()),
                ("entered_on", "2026-10-01"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303, "jobseeker saved");
    let res = leaving
        .post(
            "/employers",
            &[
                ("name", "Ilmoitus Oy"),
                ("municipality_code", "092"),
                ("sector", "private"),
                ("stage", "prospect"),
            ],
        )
        .await;
    let employer = location(&res);
    for step in ["Soita", "Käy"] {
        leaving
            .post(
                &format!("{employer}/contacts"),
                &[
                    ("channel", "phone"),
                    ("outcome", "not_now"),
                    ("next_step", step),
                ],
            )
            .await;
    }
    let res = lead
        .post(
            "/handover",
            &[
                ("from", &a.id.to_string()),
                ("follow_up", &b.id.to_string()),
                ("jobseeker", &c.id.to_string()),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let queued: Vec<(String, String, String)> = app
        .db
        .run(move |conn| -> Result<_, verkosto::db::DbError> {
            Ok(outbox::table
                .order(outbox::id.asc())
                .select((outbox::recipient, outbox::subject, outbox::message))
                .load(conn)?)
        })
        .await
        .unwrap();
    let recipients: Vec<&str> = queued.iter().map(|q| q.0.as_str()).collect();
    assert_eq!(
        recipients,
        vec![b.email.as_str(), c.email.as_str()],
        "one notice to each colleague"
    );
    assert!(queued[0].1.contains("2 seurantaa"), "{}", queued[0].1);
    // C received only the jobseeker: the notice counts it and never names the person.
    assert!(
        queued[1].1 == "Sinulle siirrettiin tehtäviä",
        "{}",
        queued[1].1
    );
    let text = verkosto::mail::read::parse(queued[1].2.as_bytes())
        .expect("a readable message")
        .text;
    assert!(text.contains("työnhakijoita: 1"), "{text}");
    assert!(!text.contains("Salassa"), "{text}");
}

/// A team lead hands over within their own team: another team's coach cannot be opened (their
/// jobseekers' names stay unread) nor emptied, and nothing goes to another team's coach. An
/// admin hands over across teams.
#[actix_web::test]
async fn a_lead_hands_over_only_within_their_own_team() {
    let app = TestApp::spawn().await;
    let (kerava_coach, k) = app.signed_in_to(Role::Coach, "Kerava").await;
    let k2 = app.add_user(Role::Coach, "Kerava").await;
    let (vantaa_coach, v) = app.signed_in_to(Role::Coach, "Vantaa").await;
    let v2 = app.add_user(Role::Coach, "Vantaa").await;
    let (lead, _) = app.signed_in_to(Role::TeamLead, "Vantaa").await;
    let (admin, _) = app.signed_in_to(Role::Admin, "Hallinto").await;
    for (s, coach, name) in [
        (&kerava_coach, &k, "Keravan Kerttu"),
        (&vantaa_coach, &v, "Vantaan Veikko"),
    ] {
        let res = s
            .post(
                "/jobseekers",
                &[
                    ("display_name", name),
                    ("coach_id", &coach.id.to_string()),
                    ("entered_on", "2026-10-01"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303, "{name} saved");
    }
    let coach_of = |name: &'static str| {
        let db = app.db.clone();
        async move {
            db.run(move |conn| -> Result<i64, verkosto::db::DbError> {
                Ok(jobseekers::table
                    .filter(jobseekers::display_name.eq(name))
                    .select(jobseekers::coach_id)
                    .first(conn)?)
            })
            .await
            .unwrap()
        }
    };

    // Kerava's coach is neither listed nor opened for Vantaa's lead.
    let page = lead.text("/handover").await;
    assert!(page.contains(&v.name));
    assert!(!page.contains(&k.name), "another team's coach is no choice");
    let res = lead.get(&format!("/handover?from={}", k.id)).await;
    assert_eq!(res.status(), 404);
    assert!(!res.text().await.unwrap().contains("Keravan Kerttu"));

    // Taking Kerava's caseload: refused, nothing moves.
    let res = lead
        .post(
            "/handover",
            &[
                ("from", &k.id.to_string()),
                ("jobseeker", &v2.id.to_string()),
            ],
        )
        .await;
    assert_eq!(res.status(), 404);
    assert_eq!(coach_of("Keravan Kerttu").await, k.id);

    // Giving Vantaa's caseload to Kerava's coach: refused as no colleague, nothing moves.
    let res = lead
        .post(
            "/handover",
            &[
                ("from", &v.id.to_string()),
                ("jobseeker", &k2.id.to_string()),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(!res.text().await.unwrap().contains(&k2.name));
    assert_eq!(coach_of("Vantaan Veikko").await, v.id);

    // Within the team it goes.
    let res = lead
        .post(
            "/handover",
            &[
                ("from", &v.id.to_string()),
                ("jobseeker", &v2.id.to_string()),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(coach_of("Vantaan Veikko").await, v2.id);

    // The admin sees every team and may hand over across them.
    let page = admin.text(&format!("/handover?from={}", k.id)).await;
    assert!(page.contains("Keravan Kerttu"));
    let res = admin
        .post(
            "/handover",
            &[
                ("from", &k.id.to_string()),
                ("jobseeker", &k2.id.to_string()),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(coach_of("Keravan Kerttu").await, k2.id);
}
