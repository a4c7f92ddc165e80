//! Graceful shutdown of the real `verkosto serve` process: SIGTERM in the middle of a mail
//! send finishes that send, checkpoints SQLite's write-ahead log and exits 0.

mod support;

use diesel::prelude::*;
use std::process::Stdio;
use std::time::{Duration, Instant};
use support::smtp::SmtpSink;
use tokio::process::Command;
use verkosto::db::schema::outbox;
use verkosto::db::{settings, DbError};

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

#[actix_web::test]
async fn sigterm_finishes_the_mail_in_flight_checkpoints_and_exits_0() {
    if support::db::backend_is_postgres() {
        return; // the checkpoint is SQLite's; the rest is the same code on both.
    }
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("verkosto.db");
    let url = support::db::sqlite_at(&path);
    let test_db = support::db::open_sqlite(&url);
    // The demo's coaches have overdue follow-ups; a digest time of midnight makes the planner
    // queue their digests at once.
    test_db
        .db
        .run(|conn| -> Result<(), DbError> {
            verkosto::seed::demo::load(conn)?;
            settings::set(conn, settings::DIGEST_TIME, "00:00")
        })
        .await
        .expect("demo");
    let sink = SmtpSink::start().await;
    sink.stall(true);
    let port = free_port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_verkosto"))
        .args([
            "--database",
            &url,
            "serve",
            "--bind",
            &format!("127.0.0.1:{port}"),
        ])
        .env("VERKOSTO_DATA_DIR", dir.path())
        .env("VERKOSTO_SMTP_URL", sink.url())
        .env("RUST_LOG", "info")
        .env_remove("DATABASE_URL")
        .env_remove("VERKOSTO_MAIL_FROM")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("serve");

    let started = Instant::now();
    while sink.stalled() == 0 {
        assert!(started.elapsed() < Duration::from_secs(60), "no send began");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let pid = child.id().expect("pid").to_string();
    let term = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .await
        .expect("kill");
    assert!(term.success());
    // The server is asked to stop while the message is at DATA; the SMTP server answers later.
    tokio::time::sleep(Duration::from_millis(500)).await;
    sink.stall(false);
    let status = tokio::time::timeout(Duration::from_secs(40), child.wait())
        .await
        .expect("exits within the grace period")
        .expect("status");
    assert_eq!(status.code(), Some(0), "exit 0");

    assert!(!sink.messages().is_empty(), "the message in flight arrived");
    let states: Vec<String> = test_db
        .db
        .run(|conn| -> Result<_, DbError> { Ok(outbox::table.select(outbox::state).load(conn)?) })
        .await
        .expect("outbox");
    assert!(!states.is_empty());
    assert!(
        !states.iter().any(|s| s == "sending"),
        "no message left half-sent: {states:?}"
    );
    assert!(states.iter().any(|s| s == "sent"));
    let wal = dir.path().join("verkosto.db-wal");
    let wal_len = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
    assert_eq!(wal_len, 0, "the write-ahead log was checkpointed");
}
