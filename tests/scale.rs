//! The generated data set behind `verkosto seed --scale`: its size, its consistency, and that
//! the same seed gives the same data.

mod support;

use diesel::prelude::*;
use support::TestApp;
use verkosto::db::schema::{contacts, employers, follow_ups, users};
use verkosto::seed::scale::{self, Scale};

#[actix_web::test]
async fn generates_the_asked_size_with_consistent_last_contacts() {
    let app = TestApp::spawn().await;
    let summary = app
        .db
        .run(|conn| scale::load(conn, Scale::for_employers(600), 7))
        .await
        .unwrap();
    assert_eq!(summary.employers, 600);
    assert_eq!(summary.contacts, 12_000);
    assert_eq!(summary.coaches, 6);
    let (stored, with_contacts, inconsistent, ids, coaches_inactive) = app
        .db
        .run(|conn| -> Result<_, verkosto::db::DbError> {
            let stored: i64 = employers::table.count().get_result(conn)?;
            let with_contacts: i64 = employers::table
                .filter(employers::last_contact_id.is_not_null())
                .count()
                .get_result(conn)?;
            // The stored newest contact is the newest contact.
            let pairs: Vec<(i64, Option<chrono::NaiveDateTime>)> = employers::table
                .select((employers::id, employers::last_contact_at))
                .load(conn)?;
            let mut inconsistent = 0;
            for (id, at) in pairs.iter().take(50) {
                let newest: Option<chrono::NaiveDateTime> = contacts::table
                    .filter(contacts::employer_id.eq(id))
                    .select(diesel::dsl::max(contacts::occurred_at))
                    .first(conn)?;
                if newest.map(|n| n.and_utc().timestamp()) != at.map(|a| a.and_utc().timestamp()) {
                    inconsistent += 1;
                }
            }
            let ids: Vec<Option<String>> =
                employers::table.select(employers::business_id).load(conn)?;
            let inactive: i64 = users::table
                .filter(users::active.eq(false))
                .count()
                .get_result(conn)?;
            Ok((stored, with_contacts, inconsistent, ids, inactive))
        })
        .await
        .unwrap();
    assert_eq!(stored, 600);
    assert!(
        with_contacts > 300,
        "most employers have contacts ({with_contacts})"
    );
    assert_eq!(inconsistent, 0);
    let ids: Vec<String> = ids.into_iter().flatten().collect();
    assert!(ids.len() > 400);
    assert!(ids
        .iter()
        .all(|id| verkosto::domain::business_id::BusinessId::parse(id).is_ok()));
    assert!(coaches_inactive >= 1, "some coaches have left");
    let open: i64 = app
        .db
        .run(|conn| {
            follow_ups::table
                .count()
                .get_result(conn)
                .map_err(verkosto::db::DbError::from)
        })
        .await
        .unwrap();
    assert_eq!(open as usize, summary.follow_ups);
}

/// Name, municipality and business ID of an employer.
type Fingerprint = (String, Option<String>, Option<String>);

#[actix_web::test]
async fn the_same_seed_gives_the_same_data() {
    let fingerprint = |seed: u64| async move {
        let app = TestApp::spawn().await;
        app.db
            .run(
                move |conn| -> Result<Vec<Fingerprint>, verkosto::db::DbError> {
                    scale::load(conn, Scale::for_employers(100), seed)?;
                    Ok(employers::table
                        .order(employers::id)
                        .select((
                            employers::name,
                            employers::municipality_code,
                            employers::business_id,
                        ))
                        .limit(20)
                        .load(conn)?)
                },
            )
            .await
            .unwrap()
    };
    let a = fingerprint(3).await;
    assert_eq!(a, fingerprint(3).await);
    assert_ne!(a, fingerprint(4).await);
}
