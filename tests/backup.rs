//! Backups: taken while coaches write, consistent, restored elsewhere with every table equal;
//! a restore never replaces data unasked.

mod support;

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use support::TestApp;
use verkosto::db::backup::{self, BackupError};
use verkosto::db::schema::{audit_log, contacts, employers};
use verkosto::db::{Db, DbConnection, DbError, DbTarget};
use verkosto::domain::role::Role;

#[derive(QueryableByName)]
struct Name {
    #[diesel(sql_type = Text)]
    name: String,
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// Every table of the app with its row count.
fn table_counts(conn: &mut DbConnection) -> Vec<(String, i64)> {
    let sql = match conn {
        DbConnection::Sqlite(_) => {
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        }
        DbConnection::Postgres(_) => {
            "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        }
    };
    let names: Vec<Name> = diesel::sql_query(sql).load(conn).expect("tables");
    names
        .into_iter()
        .map(|t| {
            let c: Count = diesel::sql_query(format!("SELECT COUNT(*) AS n FROM {}", t.name))
                .get_result(conn)
                .expect("count");
            (t.name, c.n)
        })
        .collect()
}

type ContactRow = (i64, i64, String, chrono::NaiveDateTime);
type EmployerRow = (i64, String, Option<i64>, i64);

fn contents(conn: &mut DbConnection) -> (Vec<ContactRow>, Vec<EmployerRow>) {
    let c = contacts::table
        .order(contacts::id)
        .select((
            contacts::id,
            contacts::employer_id,
            contacts::notes,
            contacts::occurred_at,
        ))
        .load(conn)
        .expect("contacts");
    let e = employers::table
        .order(employers::id)
        .select((
            employers::id,
            employers::name,
            employers::last_contact_id,
            employers::version,
        ))
        .load(conn)
        .expect("employers");
    (c, e)
}

/// A consistent database: every contact has its audit entry, every employer's cached newest
/// contact is its newest.
fn assert_consistent(conn: &mut DbConnection) {
    let contact_ids: Vec<i64> = contacts::table
        .select(contacts::id)
        .load(conn)
        .expect("ids");
    let audited: std::collections::BTreeSet<i64> = audit_log::table
        .filter(audit_log::entity.eq("contact"))
        .filter(audit_log::action.eq("create"))
        .select(audit_log::entity_id)
        .load::<i64>(conn)
        .expect("audit")
        .into_iter()
        .collect();
    let contacts: std::collections::BTreeSet<i64> = contact_ids.into_iter().collect();
    assert_eq!(
        audited, contacts,
        "each contact audited, no audit without its contact"
    );
    let (_, employers) = contents(conn);
    for (id, _, cached, _) in employers {
        let newest: Option<i64> = contacts::table
            .filter(contacts::employer_id.eq(id))
            .order((contacts::occurred_at.desc(), contacts::id.desc()))
            .select(contacts::id)
            .first(conn)
            .optional()
            .expect("newest");
        assert_eq!(cached, newest, "employer {id}");
    }
}

fn connect(url: &str) -> DbConnection {
    DbTarget::parse(url)
        .expect("url")
        .connect()
        .expect("connect")
}

async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    actix_web::rt::task::spawn_blocking(f)
        .await
        .expect("blocking task")
}

#[actix_web::test]
async fn a_backup_taken_while_coaches_write_restores_to_the_same_data() {
    let app = TestApp::spawn().await;
    let (admin, _) = app.signed_in(Role::Admin).await;
    let mut coaches = Vec::new();
    for _ in 0..4 {
        coaches.push(app.signed_in(Role::Coach).await.0);
    }
    let employer_ids = [
        coaches[0].new_employer("Varmuus Logistiikka").await,
        coaches[0].new_employer("Kopio Rakennus").await,
    ];
    let dir = tempfile::tempdir().expect("dir");
    let during = dir.path().join("during.backup");

    let mut writers = Vec::new();
    for (w, coach) in coaches.into_iter().enumerate() {
        writers.push(actix_web::rt::spawn(async move {
            let token = coach.csrf().await;
            let mut saved = 0;
            for n in 0..30 {
                let res = coach
                    .post_raw(
                        &format!("/employers/{}/contacts", employer_ids[n % 2]),
                        &[
                            ("channel", "phone"),
                            ("outcome", "not_now"),
                            ("notes", &format!("marker w{w} n{n}")),
                            ("csrf", &token),
                        ],
                    )
                    .await;
                assert_eq!(res.status(), 303);
                saved += 1;
            }
            saved
        }));
    }
    // The backup runs while the writers do.
    tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    let (db, file) = (app.db.clone(), during.clone());
    blocking(move || backup::backup(&db, &file))
        .await
        .expect("backup while writers run");
    let mut total = 0;
    for w in writers {
        total += w.await.expect("writer");
    }
    assert_eq!(total, 120);

    // Restored elsewhere, the backup taken mid-way is consistent in itself.
    let elsewhere = support::db::fresh();
    let (url, file) = (elsewhere.url.clone(), during.clone());
    blocking(move || backup::restore(&DbTarget::parse(&url).expect("url"), &file, false))
        .await
        .expect("restore into an empty database");
    let url = elsewhere.url.clone();
    let mid_count = blocking(move || {
        let mut conn = connect(&url);
        assert_consistent(&mut conn);
        contents(&mut conn).0.len()
    })
    .await;
    assert!(mid_count <= 120, "{mid_count}");

    // Once the writers are done, a second backup restores to every table equal.
    let after = dir.path().join("after.backup");
    let (db, file) = (app.db.clone(), after.clone());
    blocking(move || backup::backup(&db, &file))
        .await
        .expect("backup");
    let again = support::db::fresh();
    let (url, file) = (again.url.clone(), after.clone());
    blocking(move || backup::restore(&DbTarget::parse(&url).expect("url"), &file, false))
        .await
        .expect("restore");
    let (source_url, restored_url) = (app.url.clone(), again.url.clone());
    blocking(move || {
        let mut source = connect(&source_url);
        let mut restored = connect(&restored_url);
        assert_eq!(table_counts(&mut source), table_counts(&mut restored));
        assert_eq!(contents(&mut source), contents(&mut restored));
        assert_eq!(contents(&mut restored).0.len(), 120);
    })
    .await;

    // The admin page says when the last backup was taken.
    let page = admin.text("/admin/users").await;
    assert!(
        page.contains("Viimeisin varmuuskopio:"),
        "last backup shown"
    );
}

#[actix_web::test]
async fn a_restore_never_replaces_data_unasked_nor_overwrites_a_backup() {
    let app = TestApp::spawn().await;
    let (coach, _) = app.signed_in(Role::Coach).await;
    coach.new_employer("Olemassa Oleva Oy").await;
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("one.backup");
    let (db, f) = (app.db.clone(), file.clone());
    blocking(move || backup::backup(&db, &f))
        .await
        .expect("backup");

    let (db, f) = (app.db.clone(), file.clone());
    let again = blocking(move || backup::backup(&db, &f)).await;
    assert!(
        matches!(again, Err(BackupError::FileExists(_))),
        "{again:?}"
    );

    let (url, f) = (app.url.clone(), file.clone());
    let refused =
        blocking(move || backup::restore(&DbTarget::parse(&url).expect("url"), &f, false)).await;
    assert!(
        matches!(refused, Err(BackupError::TargetHoldsData)),
        "{refused:?}"
    );

    let junk = dir.path().join("junk.backup");
    std::fs::write(&junk, "not a database").expect("junk");
    let empty = support::db::fresh();
    let url = empty.url.clone();
    let refused =
        blocking(move || backup::restore(&DbTarget::parse(&url).expect("url"), &junk, false)).await;
    assert!(refused.is_err(), "a file that is no backup is refused");
    // The empty database is still usable and empty.
    let reopened = Db::open(DbTarget::parse(&empty.url).expect("url"), 1).expect("open");
    let n: i64 = reopened
        .run(|conn| -> Result<i64, DbError> { Ok(employers::table.count().get_result(conn)?) })
        .await
        .expect("count");
    assert_eq!(n, 0);
}
