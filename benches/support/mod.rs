//! What the benchmarks share: the real server on 127.0.0.1, a client signed in through the login
//! form, and a page timed over HTTP (session check, queries, rendering), sequentially: the median
//! and the 95th percentile of [`RUNS`] requests after [`WARM_UP`] requests.
#![allow(dead_code)] // each benchmark uses its own part

use actix_web::web::Data;
use actix_web::HttpServer;
use std::net::TcpListener;
use std::time::{Duration, Instant};
use verkosto::db::Db;
use verkosto::web::{self, AppState};

pub const RUNS: usize = 25;
pub const WARM_UP: usize = 3;

/// The backend a database URL names, for the data line of the output.
pub fn backend(url: &str) -> &'static str {
    if url.starts_with("postgres") {
        "PostgreSQL"
    } else {
        "SQLite"
    }
}

/// Starts the app on a free port of 127.0.0.1 in a thread of its own; returns its address.
pub fn serve(db: Db) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let address = format!("http://{}", listener.local_addr().expect("addr"));
    let state = Data::new(AppState::new(db, &[7u8; 64], "Bench".into()));
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
    address
}

/// A client with a session cookie of `email` (the demo password).
pub async fn sign_in(address: &str, email: &str) -> reqwest::Client {
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
            ("email", email),
            ("password", verkosto::seed::demo::DEMO_PASSWORD),
            ("csrf", csrf),
        ])
        .send()
        .await
        .expect("sign in");
    assert_eq!(res.status(), 303, "signed in as {email}");
    client
}

pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

/// Prints the heading of the table [`measure`] fills.
pub fn print_heading() {
    println!("{:<48} {:>10} {:>10}", "page", "median", "p95");
}

/// Times the page `path(i)` for the i-th request (a different record each time, or the same
/// page) and prints its row.
pub async fn measure(
    client: &reqwest::Client,
    address: &str,
    name: &str,
    path: impl Fn(usize) -> String,
) {
    let mut times = Vec::with_capacity(RUNS);
    for i in 0..RUNS + WARM_UP {
        let url = format!("{address}{}", path(i));
        let t = Instant::now();
        let res = client.get(&url).send().await.expect("request");
        let status = res.status();
        let _ = res.bytes().await.expect("body");
        assert!(status.is_success(), "{url}: {status}");
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
