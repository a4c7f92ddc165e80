//! Write benchmark: many coaches logging contacts at once through the real form, and what the
//! database holds afterwards.
//!
//!     cargo bench --bench writes                         # 32 writers for 60 s, SQLite
//!     VERKOSTO_BENCH_WRITERS=8 VERKOSTO_BENCH_SECONDS=10 cargo bench --bench writes
//!     VERKOSTO_BENCH_DATABASE_URL=postgres://... cargo bench --bench writes
//!
//! It starts the real server on 127.0.0.1 (release build, two workers), signs in each writer,
//! and lets each post `/employers/{id}/contacts` in a closed loop, every contact with a marker
//! of its own. It prints how many were sent, acknowledged (303), are in the database, and the
//! refusals by status, with the median and 99th percentile of the answers. "In the database"
//! must equal "acknowledged": a write that was answered "saved" and is missing, or one that is
//! stored and was answered with an error, is a bug.

mod support;

use diesel::prelude::*;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};
use verkosto::db::schema::{contacts, employers};
use verkosto::db::DbError;
use verkosto::seed::demo;

fn env_or(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let writers = env_or("VERKOSTO_BENCH_WRITERS", 32) as usize;
    let seconds = env_or("VERKOSTO_BENCH_SECONDS", 60);
    let dir = tempfile::tempdir().expect("temp dir");
    let url = std::env::var("VERKOSTO_BENCH_DATABASE_URL")
        .unwrap_or_else(|_| format!("sqlite://{}", dir.path().join("writes.db").display()));
    let db = verkosto::startup::prepare_database(&url).expect("database");
    let coach = {
        let mut conn = db.conn().expect("connection");
        match demo::load(&mut conn).expect("demo") {
            demo::DemoLoad::LeftOut => "coach0001@scale.verkosto.fi".to_owned(),
            _ => demo::sign_ins()
                .expect("demo sign-ins")
                .into_iter()
                .find(|(role, _)| role.as_str() == "coach")
                .map(|(_, email)| email)
                .expect("a demo coach"),
        }
    };
    let employer_ids: Vec<i64> = {
        let mut conn = db.conn().expect("connection");
        employers::table
            .filter(employers::archived_at.is_null())
            .order(employers::id)
            .select(employers::id)
            .limit(64)
            .load(&mut *conn)
            .expect("employers")
    };
    let run = verkosto::auth::token::generate()[..8].to_owned();
    println!(
        "data: {} writers for {seconds} s on {}, {} employers shared, run {run}",
        writers,
        support::backend(&url),
        employer_ids.len()
    );

    let address = support::serve(db.clone());
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let (latencies, statuses) = runtime.block_on(async {
        let mut clients = Vec::new();
        for _ in 0..writers {
            let client = support::sign_in(&address, &coach).await;
            let profile = client
                .get(format!("{address}/profile"))
                .send()
                .await
                .expect("profile")
                .text()
                .await
                .expect("body");
            let marker = "name=\"csrf\" value=\"";
            let start = profile.find(marker).expect("csrf") + marker.len();
            let csrf = profile[start..start + profile[start..].find('"').expect("end")].to_owned();
            clients.push((client, csrf));
        }
        let until = Instant::now() + Duration::from_secs(seconds);
        let mut tasks = Vec::new();
        for (w, (client, csrf)) in clients.into_iter().enumerate() {
            let (address, run, ids) = (address.clone(), run.clone(), employer_ids.clone());
            tasks.push(tokio::spawn(async move {
                let mut latencies = Vec::new();
                let mut statuses: BTreeMap<u16, usize> = BTreeMap::new();
                let mut n = 0usize;
                while Instant::now() < until {
                    let employer = ids[(w * 7 + n) % ids.len()];
                    let notes = format!("bench-{run} w{w} n{n}");
                    let started = Instant::now();
                    let status = match client
                        .post(format!("{address}/employers/{employer}/contacts"))
                        .form(&[
                            ("channel", "phone"),
                            ("outcome", "not_now"),
                            ("notes", notes.as_str()),
                            ("csrf", csrf.as_str()),
                        ])
                        .send()
                        .await
                    {
                        Ok(res) => res.status().as_u16(),
                        Err(_) => 0, // no answer at all
                    };
                    latencies.push(started.elapsed());
                    *statuses.entry(status).or_default() += 1;
                    n += 1;
                }
                (latencies, statuses)
            }));
        }
        let mut latencies = Vec::new();
        let mut statuses: BTreeMap<u16, usize> = BTreeMap::new();
        for t in tasks {
            let (l, s) = t.await.expect("writer");
            latencies.extend(l);
            for (k, v) in s {
                *statuses.entry(k).or_default() += v;
            }
        }
        (latencies, statuses)
    });
    let pattern = format!("bench-{run} %");
    let stored: i64 = runtime
        .block_on(db.run(move |conn| -> Result<i64, DbError> {
            Ok(contacts::table
                .filter(contacts::notes.like(pattern))
                .count()
                .get_result(conn)?)
        }))
        .expect("count");
    let mut sorted = latencies.clone();
    sorted.sort();
    if sorted.is_empty() {
        eprintln!("no write was sent");
        std::process::exit(1);
    }
    let sent = latencies.len();
    let acknowledged = statuses.get(&303).copied().unwrap_or(0);
    let errors: Vec<String> = statuses
        .iter()
        .filter(|(s, _)| **s != 303)
        .map(|(s, n)| {
            format!(
                "{n}× {}",
                if *s == 0 {
                    "no answer".into()
                } else {
                    s.to_string()
                }
            )
        })
        .collect();
    println!(
        "sent {sent}, acknowledged {acknowledged}, in the database {stored}, errors {}",
        if errors.is_empty() {
            "none".to_owned()
        } else {
            errors.join(", ")
        }
    );
    println!(
        "{:.0} writes/s, p50 {:.1} ms, p99 {:.1} ms",
        sent as f64 / seconds as f64,
        support::percentile(&sorted, 0.5).as_secs_f64() * 1000.0,
        support::percentile(&sorted, 0.99).as_secs_f64() * 1000.0
    );
    if stored as usize != acknowledged {
        eprintln!("MISMATCH: {acknowledged} acknowledged, {stored} stored");
        std::process::exit(1);
    }
}
