//! Benchmark of the employer register on a generated data set (see `verkosto seed --scale`).
//!
//!     cargo bench --bench register                      # 50,000 employers, 1,000,000 contacts, SQLite
//!     VERKOSTO_BENCH_EMPLOYERS=5000 cargo bench --bench register
//!     VERKOSTO_BENCH_DATABASE_URL=postgres://... cargo bench --bench register
//!
//! It starts the real server on 127.0.0.1, signs in as a coach and times each page over HTTP
//! (session check, queries and rendering), sequentially, reporting the median and the 95th
//! percentile of 25 requests after 3 warm-up requests.

use actix_web::web::Data;
use actix_web::HttpServer;
use std::net::TcpListener;
use std::time::{Duration, Instant};
use verkosto::seed::scale::{self, Scale};
use verkosto::web::{self, AppState};

const RUNS: usize = 25;
const WARM_UP: usize = 3;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

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
        if url.starts_with("postgres") { "PostgreSQL" } else { "SQLite" },
        started.elapsed().as_secs_f64()
    );

    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let address = format!("http://{}", listener.local_addr().expect("addr"));
    let state = Data::new(AppState::new(db.clone(), &[7u8; 64], "Bench".into()));
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            HttpServer::new(move || web::app(state.clone()))
                .workers(2)
                .listen(listener)
                .expect("listen")
                .run()
                .await
        })
    });

    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(async move {
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client");
        let login = client
            .get(format!("{address}/login"))
            .send()
            .await
            .expect("login page")
            .text()
            .await
            .expect("body");
        let marker = "name=\"csrf\" value=\"";
        let start = login.find(marker).expect("csrf") + marker.len();
        let csrf = &login[start..start + login[start..].find('"').expect("end")];
        let res = client
            .post(format!("{address}/login"))
            .form(&[
                ("email", "coach0001@scale.verkosto.fi"),
                ("password", verkosto::seed::demo::DEMO_PASSWORD),
                ("csrf", csrf),
            ])
            .send()
            .await
            .expect("sign in");
        assert_eq!(res.status(), 303, "signed in");

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
        println!("{:<48} {:>10} {:>10}", "page", "median", "p95");
        for (name, path) in pages {
            let mut times = Vec::with_capacity(RUNS);
            for i in 0..RUNS + WARM_UP {
                let t = Instant::now();
                let res = client
                    .get(format!("{address}{path}"))
                    .send()
                    .await
                    .expect("request");
                let status = res.status();
                let _ = res.bytes().await.expect("body");
                assert!(status.is_success(), "{path}: {status}");
                if i >= WARM_UP {
                    times.push(t.elapsed());
                }
            }
            times.sort();
            println!(
                "{:<48} {:>8.1} ms {:>7.1} ms",
                name,
                percentile(&times, 0.5).as_secs_f64() * 1000.0,
                percentile(&times, 0.95).as_secs_f64() * 1000.0
            );
        }
    });
}
