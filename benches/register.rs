//! Benchmark of the employer register on a generated data set (see `verkosto seed --scale`).
//!
//!     cargo bench --bench register                      # 50,000 employers, 1,000,000 contacts, SQLite
//!     VERKOSTO_BENCH_EMPLOYERS=5000 cargo bench --bench register
//!     VERKOSTO_BENCH_DATABASE_URL=postgres://... cargo bench --bench register
//!
//! It starts the real server on 127.0.0.1, signs in as a coach and times each page over HTTP
//! (session check, queries and rendering), sequentially, reporting the median and the 95th
//! percentile of 25 requests after 3 warm-up requests.

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
    let summary = {
        let mut conn = db.conn().expect("connection");
        scale::load(&mut conn, shape, 1).expect("generate data")
    };
    println!(
        "data: {} employers, {} contacts, {} open follow-ups, {} coaches on {} (generated in {:.1} s)",
        summary.employers,
        summary.contacts,
        summary.follow_ups,
        summary.coaches,
        support::backend(&url),
        started.elapsed().as_secs_f64()
    );

    let address = support::serve(db.clone());
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(async move {
        let client = support::sign_in(&address, "coach0001@scale.verkosto.fi").await;

        let busiest = 1; // the generator gives the first employers the most contacts
        let typical = (employers / 2).max(1);
        let pages: Vec<(&str, String)> = vec![
            ("register, first page by name", "/employers".into()),
            ("register, page 500 by name", "/employers?page=500".into()),
            (
                "register, sorted by last contact",
                "/employers?sort=last_contact".into(),
            ),
            ("search by name 'virta'", "/employers?q=virta".into()),
            ("search by business ID '9123'", "/employers?q=9123".into()),
            (
                "filter county 01 + stage partner",
                "/employers?county=01&stage=partner".into(),
            ),
            ("filter industry section G", "/employers?industry=G".into()),
            (
                "filter no contact in 90 d + open follow-ups",
                "/employers?no_contact_90=on&open_follow_ups=on".into(),
            ),
            (
                "employer page, typical employer",
                format!("/employers/{typical}"),
            ),
            (
                "employer page, busiest employer",
                format!("/employers/{busiest}"),
            ),
            ("quick log search 'kah'", "/log?q=kah".into()),
            ("my follow-ups", "/follow-ups".into()),
        ];
        support::print_heading();
        for (name, path) in pages {
            support::measure(&client, &address, name, |_| path.clone()).await;
        }
    });
}
