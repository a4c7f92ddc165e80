//! Benchmark of the team lead's reports on a generated data set (see `verkosto seed --scale`).
//!
//!     cargo bench --bench reports                       # 50,000 employers, 1,000,000 contacts, SQLite
//!     VERKOSTO_BENCH_EMPLOYERS=5000 cargo bench --bench reports
//!     VERKOSTO_BENCH_DATABASE_URL=postgres://... cargo bench --bench reports
//!     VERKOSTO_BENCH_DATABASE_URL=sqlite:///tmp/scale.db cargo bench --bench reports -- relationships
//!
//! A database named by `VERKOSTO_BENCH_DATABASE_URL` that already holds the generated data is
//! reused as it is (generating 50,000 employers takes minutes); words after `--` pick the pages
//! whose names contain them.
//!
//! It starts the real server on 127.0.0.1, signs in as a team lead and times each report over
//! HTTP (session check, queries, computing and rendering), sequentially, reporting the median
//! and the 95th percentile of 25 requests after 3 warm-up requests.

mod support;

use std::time::Instant;
use verkosto::seed::scale::{self, Scale};

fn main() {
    let employers: usize = std::env::var("VERKOSTO_BENCH_EMPLOYERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let url = std::env::var("VERKOSTO_BENCH_DATABASE_URL")
        .unwrap_or_else(|_| format!("sqlite://{}", dir.path().join("bench.db").display()));
    let db = verkosto::startup::prepare_database(&url).expect("database");
    let shape = Scale::for_employers(employers);
    let started = Instant::now();
    let existing = {
        let mut conn = db.conn().expect("connection");
        verkosto::db::users::find_for_sign_in(&mut conn, LEAD_EMAIL).expect("lookup")
    };
    if existing.is_some() {
        println!("data: reusing the generated data in {url}");
    } else {
        generate(&db, shape, &url, started);
    }
    let team_id: i64 = {
        let mut conn = db.conn().expect("connection");
        verkosto::db::users::teams(&mut conn).expect("teams")[0].id
    };
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    serve_and_measure(db, team_id, &filters);
}

const LEAD_EMAIL: &str = "lead@scale.verkosto.fi";

/// Generates the data set and a team lead to sign in as.
fn generate(db: &verkosto::db::Db, shape: Scale, url: &str, started: Instant) {
    let summary = {
        let mut conn = db.conn().expect("connection");
        scale::load(&mut conn, shape, 1).expect("generate data")
    };
    println!(
        "data: {} employers, {} contacts, {} open follow-ups, {} coaches, {} jobseekers, {} openings, {} placements on {} (generated in {:.1} s)",
        summary.employers,
        summary.contacts,
        summary.follow_ups,
        summary.coaches,
        summary.jobseekers,
        summary.openings,
        summary.placements,
        support::backend(url),
        started.elapsed().as_secs_f64()
    );

    {
        let mut conn = db.conn().expect("connection");
        let hash =
            verkosto::auth::password::hash(verkosto::seed::demo::DEMO_PASSWORD).expect("hash");
        let account = verkosto::domain::account::validate(
            LEAD_EMAIL,
            "Tiimin Vetäjä",
            "team_lead",
            verkosto::seed::demo::DEMO_PASSWORD,
        )
        .expect("account");
        verkosto::db::users::create_account(
            &mut conn,
            &account,
            &hash,
            "Tiimi 01",
            verkosto::db::now(),
        )
        .expect("team lead");
    }
}

fn serve_and_measure(db: verkosto::db::Db, team_id: i64, filters: &[String]) {
    let address = support::serve(db);
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(async move {
        let client = support::sign_in(&address, LEAD_EMAIL).await;

        let pages: Vec<(&str, String)> = vec![
            ("coverage: sections × counties", "/reports/coverage".into()),
            (
                "coverage: sections × Uusimaa",
                "/reports/coverage?county=01".into(),
            ),
            (
                "coverage: section G × Uusimaa",
                "/reports/coverage?county=01&section=G".into(),
            ),
            (
                "coverage: one team",
                format!("/reports/coverage?team={team_id}"),
            ),
            ("relationships: everybody", "/reports/relationships".into()),
            (
                "relationships: one team",
                format!("/reports/relationships?team={team_id}"),
            ),
            (
                "job development: all coaches",
                "/reports/job-development".into(),
            ),
            (
                "job development: one team",
                format!("/reports/job-development?team={team_id}"),
            ),
            (
                "job development: one coach",
                "/reports/job-development?coach=2".into(),
            ),
            (
                "download: coverage XLSX",
                "/reports/coverage?county=01&format=xlsx".into(),
            ),
            (
                "download: relationships CSV",
                "/reports/relationships?format=csv".into(),
            ),
            (
                "download: job development XLSX",
                "/reports/job-development?format=xlsx".into(),
            ),
            (
                "download: employers, county 01 + partner, CSV",
                "/employers?county=01&stage=partner&format=csv".into(),
            ),
        ];
        support::print_heading();
        let chosen = pages.into_iter().filter(|(name, _)| {
            filters.is_empty() || filters.iter().any(|f| name.contains(f.as_str()))
        });
        for (name, path) in chosen {
            support::measure(&client, &address, name, |_| path.clone()).await;
        }
    });
}
