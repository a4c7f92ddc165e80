//! Delivery under failure and concurrency, with real processes: `verkosto send-mail` killed in
//! the middle of a send, two instances draining one database of hundreds of digests, and TLS to a
//! relay whose certificate comes from the organisation's own CA.

mod support;

use chrono::{Days, NaiveDateTime};
use diesel::prelude::*;
use std::collections::HashMap;
use std::process::Stdio;
use std::time::{Duration, Instant};
use support::smtp::{Security, SmtpSink};
use support::tls::TestCa;
use support::{location, TestApp};
use tokio::process::Command;
use verkosto::db::schema::{follow_ups, outbox, users};
use verkosto::db::DbError;
use verkosto::domain::role::Role;

fn send_mail(app: &TestApp, data_dir: &std::path::Path, sink: &SmtpSink, lease: u32) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_verkosto"));
    cmd.args(["--database", &app.url, "send-mail", "--now"])
        .env("VERKOSTO_DATA_DIR", data_dir)
        .env("VERKOSTO_BASE_URL", &app.address)
        .env("VERKOSTO_SMTP_URL", sink.url())
        .env("VERKOSTO_MAIL_LEASE_SECONDS", lease.to_string())
        .env_remove("VERKOSTO_MAIL_FROM")
        .env_remove("DATABASE_URL")
        // Which certificates are trusted is each test's own choice, never the machine's.
        .env_remove("VERKOSTO_SMTP_CA_FILE")
        .env_remove("SSL_CERT_FILE")
        .env_remove("SSL_CERT_DIR")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    cmd
}

/// An employer made over HTTP, and `n` coaches (straight into the database: hashing hundreds
/// of passwords would only slow the test) each with one follow-up that was due yesterday.
async fn coaches_with_overdue_follow_ups(app: &TestApp, n: usize) -> Vec<String> {
    let (s, me) = app.signed_in(Role::Coach).await;
    let res = s
        .post(
            "/employers",
            &[
                ("name", "Monen Valmentajan Oy"),
                ("municipality_code", "092"),
                ("sector", "private"),
                ("stage", "prospect"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let employer: i64 = location(&res)
        .trim_start_matches("/employers/")
        .parse()
        .unwrap();
    let me = me.id;
    app.db
        .run(move |conn| -> Result<Vec<String>, DbError> {
            let now = verkosto::db::now();
            let team: i64 = users::table.find(me).select(users::team_id).first(conn)?;
            let yesterday = verkosto::format::today_helsinki(now)
                .checked_sub_days(Days::new(1))
                .unwrap();
            let mut emails = Vec::new();
            for i in 0..n {
                let email = format!("valmentaja{i}@example.fi");
                let language = ["fi", "sv", "en"][i % 3];
                let id: i64 = diesel::insert_into(users::table)
                    .values((
                        users::email.eq(&email),
                        users::name.eq(format!("Valmentaja {i}")),
                        users::role.eq("coach"),
                        users::team_id.eq(team),
                        users::password_hash.eq("-"),
                        users::language.eq(language),
                        users::active.eq(true),
                        users::created_at.eq(now),
                    ))
                    .returning(users::id)
                    .get_result(conn)?;
                diesel::insert_into(follow_ups::table)
                    .values((
                        follow_ups::employer_id.eq(employer),
                        follow_ups::assignee_id.eq(id),
                        follow_ups::created_by.eq(id),
                        follow_ups::due_on.eq(yesterday),
                        follow_ups::what.eq(format!("Soita takaisin ({i})")),
                        follow_ups::status.eq("open"),
                        follow_ups::created_at.eq(now),
                        follow_ups::updated_at.eq(now),
                    ))
                    .execute(conn)?;
                emails.push(email);
            }
            Ok(emails)
        })
        .await
        .unwrap()
}

fn message_id(data: &[u8]) -> String {
    verkosto::mail::read::parse(data).unwrap().message_id
}

/// "Once", as SMTP allows it: a message counts as delivered when the server answers 250 to the
/// end of its data. The sender here dies after sending the data and before that answer, so the
/// server drops it; the lease keeps any other run off it while the dead sender might still be
/// sending; when the lease has run out, the next run sends it again, under the same Message-ID.
#[actix_web::test]
async fn a_sender_killed_mid_send_is_taken_over_after_its_lease_and_the_message_arrives_once() {
    let app = TestApp::spawn().await;
    let sink = SmtpSink::start().await;
    let emails = coaches_with_overdue_follow_ups(&app, 1).await;
    let data = tempfile::tempdir().unwrap();
    const LEASE: u32 = 6;

    sink.stall(true);
    let mut child = send_mail(&app, data.path(), &sink, LEASE).spawn().unwrap();
    // (The sink runs on this test's runtime: children are awaited, never waited for blocking.)
    let started = Instant::now();
    while sink.stalled() == 0 {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the send never reached DATA"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    child.kill().await.unwrap();
    let started = Instant::now();
    while sink.abandoned().is_empty() {
        assert!(started.elapsed() < Duration::from_secs(10));
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(sink.messages().is_empty(), "the server never accepted it");
    sink.stall(false);
    let (state, lease_until): (String, Option<NaiveDateTime>) = app
        .db
        .run(|conn| -> Result<_, DbError> {
            Ok(outbox::table
                .select((outbox::state, outbox::lease_until))
                .first(conn)?)
        })
        .await
        .unwrap();
    assert_eq!(state, "sending", "the claim of the dead sender stands");
    let lease_until = lease_until.unwrap();

    // A run while the lease holds leaves the message alone.
    let out = send_mail(&app, data.path(), &sink, LEASE)
        .output()
        .await
        .unwrap();
    if verkosto::db::now() < lease_until {
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains("Sent 0"), "{stdout}");
        assert!(sink.messages().is_empty());
    }

    // After the lease, the next run takes it over and delivers it.
    while verkosto::db::now() <= lease_until {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let out = send_mail(&app, data.path(), &sink, LEASE)
        .output()
        .await
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("Sent 1"), "{stdout}");
    let accepted = sink.wait_for(1, Duration::from_secs(5)).await;
    assert_eq!(accepted.len(), 1, "delivered once");
    assert_eq!(accepted[0].to, emails);
    assert_eq!(
        message_id(&accepted[0].data),
        message_id(&sink.abandoned()[0].data),
        "a resend carries the same Message-ID, so a receiver can tell it is the same message"
    );
    let (state, attempts): (String, i64) = app
        .db
        .run(|conn| -> Result<_, DbError> {
            Ok(outbox::table
                .select((outbox::state, outbox::attempts))
                .first(conn)?)
        })
        .await
        .unwrap();
    assert_eq!((state.as_str(), attempts), ("sent", 2));
    // And once more for good measure: nothing is sent again.
    let out = send_mail(&app, data.path(), &sink, LEASE)
        .output()
        .await
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("Sent 0"));
    assert_eq!(sink.messages().len(), 1);
}

/// A message whose every send stops its sender (the lease runs out again and again, with no
/// result recorded) is given up after the allowed attempts, not tried forever.
#[actix_web::test]
async fn a_message_that_never_finishes_sending_is_given_up() {
    let app = TestApp::spawn().await;
    let sink = SmtpSink::start().await;
    coaches_with_overdue_follow_ups(&app, 1).await;
    let data = tempfile::tempdir().unwrap();
    let out = send_mail(&app, data.path(), &sink, 60)
        .output()
        .await
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("Sent 1"));
    // As if the last of the allowed attempts had been claimed by a sender that then died.
    app.db
        .run(|conn| -> Result<_, DbError> {
            let past = verkosto::db::now() - chrono::TimeDelta::minutes(1);
            Ok(diesel::update(outbox::table)
                .set((
                    outbox::state.eq("sending"),
                    outbox::attempts.eq(verkosto::mail::DEFAULT_MAX_ATTEMPTS),
                    outbox::lease_owner.eq(Some("a dead sender")),
                    outbox::lease_until.eq(Some(past)),
                ))
                .execute(conn)?)
        })
        .await
        .unwrap();
    let out = send_mail(&app, data.path(), &sink, 60)
        .output()
        .await
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Sent 0"), "{stdout}");
    assert_eq!(sink.messages().len(), 1, "not sent again");
    let (state, error): (String, Option<String>) = app
        .db
        .run(|conn| -> Result<_, DbError> {
            Ok(outbox::table
                .select((outbox::state, outbox::last_error))
                .first(conn)?)
        })
        .await
        .unwrap();
    assert_eq!(state, "failed", "shown to admins as failed");
    assert_eq!(
        error.as_deref(),
        Some(verkosto::jobs::delivery::STOPPED_MID_SEND)
    );
}

/// Two instances at once (two `send-mail --now` processes) against one database with 500
/// coaches who each have an overdue follow-up: both try to plan, both deliver; every coach gets
/// exactly one digest. On SQLite the two processes share the one writer.
#[actix_web::test]
async fn two_instances_deliver_every_digest_exactly_once() {
    const COACHES: usize = 500;
    let app = TestApp::spawn().await;
    let sink = SmtpSink::start().await;
    let emails = coaches_with_overdue_follow_ups(&app, COACHES).await;
    let data = tempfile::tempdir().unwrap();

    let started = Instant::now();
    let a = send_mail(&app, data.path(), &sink, 60).spawn().unwrap();
    let b = send_mail(&app, data.path(), &sink, 60).spawn().unwrap();
    let (a, b) = tokio::join!(a.wait_with_output(), b.wait_with_output());
    let (a, b) = (a.unwrap(), b.unwrap());
    let elapsed = started.elapsed();
    for out in [&a, &b] {
        assert!(
            out.status.success(),
            "{} {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let sent_by = |out: &std::process::Output| -> usize {
        let stdout = String::from_utf8_lossy(&out.stdout);
        let after = stdout.split("Sent ").nth(1).unwrap_or("0");
        after.split(' ').next().unwrap_or("0").parse().unwrap_or(0)
    };
    let (sent_a, sent_b) = (sent_by(&a), sent_by(&b));
    println!(
        "{COACHES} digests planned and sent by two instances in {:.1} s ({sent_a} + {sent_b})",
        elapsed.as_secs_f64()
    );
    assert_eq!(sent_a + sent_b, COACHES);

    let accepted = sink.wait_for(COACHES + 1, Duration::from_secs(2)).await;
    assert_eq!(accepted.len(), COACHES, "no message twice, none missing");
    let mut per_recipient: HashMap<String, usize> = HashMap::new();
    for m in &accepted {
        assert_eq!(m.to.len(), 1);
        *per_recipient.entry(m.to[0].clone()).or_default() += 1;
    }
    for email in &emails {
        assert_eq!(per_recipient.get(email), Some(&1), "{email}");
    }
    let sent: i64 = app
        .db
        .run(|conn| -> Result<i64, DbError> {
            Ok(outbox::table
                .filter(outbox::state.eq("sent"))
                .count()
                .get_result(conn)?)
        })
        .await
        .unwrap();
    assert_eq!(sent, COACHES as i64);
}

/// The one message's state, attempts and last error.
async fn outbox_row(app: &TestApp) -> (String, i64, Option<String>) {
    app.db
        .run(|conn| -> Result<_, DbError> {
            Ok(outbox::table
                .select((outbox::state, outbox::attempts, outbox::last_error))
                .first(conn)?)
        })
        .await
        .unwrap()
}

fn output_text(out: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// A relay on 127.0.0.1 that requires STARTTLS, with a certificate issued by the organisation's
/// own CA. Without the CA, the send is refused on the certificate and the message waits for a
/// retry; with `VERKOSTO_SMTP_CA_FILE` naming the CA, the retry delivers it, over TLS.
#[actix_web::test]
async fn starttls_to_a_relay_with_the_organisations_own_ca_needs_the_ca_file() {
    let app = TestApp::spawn().await;
    let ca = TestCa::new("Hyvinvointialue");
    let sink = SmtpSink::start_tls(Security::StartTls(
        ca.acceptor(&["relay.hyvinvointialue.test", "127.0.0.1"]),
    ))
    .await;
    assert!(sink.url().ends_with("?tls=required"));
    let emails = coaches_with_overdue_follow_ups(&app, 1).await;
    let data = tempfile::tempdir().unwrap();

    // Only the bundled public roots and the system's store: the relay is not trusted.
    let out = send_mail(&app, data.path(), &sink, 60)
        .output()
        .await
        .unwrap();
    let text = output_text(&out);
    assert!(!out.status.success(), "{text}");
    assert!(
        text.contains("Sent 0") && text.contains("1 to retry"),
        "{text}"
    );
    assert!(!text.contains("panicked"), "{text}");
    assert!(sink.messages().is_empty(), "nothing reached the relay");
    assert!(
        !sink.handshake_failures().is_empty(),
        "the client broke off the TLS handshake"
    );
    let (state, attempts, error) = outbox_row(&app).await;
    assert_eq!(
        (state.as_str(), attempts),
        ("queued", 1),
        "kept for a retry"
    );
    let error = error.unwrap_or_default();
    assert!(
        error.contains("certificate") && error.contains("UnknownIssuer"),
        "the admins see why: {error}"
    );

    // The organisation's CA named in VERKOSTO_SMTP_CA_FILE: the retry goes through.
    let ca_file = ca.write_pem(data.path(), "hyvinvointialue-ca.pem");
    let out = send_mail(&app, data.path(), &sink, 60)
        .env("VERKOSTO_SMTP_CA_FILE", &ca_file)
        .output()
        .await
        .unwrap();
    let text = output_text(&out);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("Sent 1"), "{text}");
    let accepted = sink.wait_for(1, Duration::from_secs(5)).await;
    assert_eq!(accepted.len(), 1, "{text}");
    assert!(accepted[0].tls, "sent after STARTTLS, never in plain text");
    assert_eq!(accepted[0].to, emails);
    let digest = accepted[0].parsed();
    assert!(
        digest.text.contains("Soita takaisin (0)"),
        "{}",
        digest.text
    );
    let (state, attempts, _) = outbox_row(&app).await;
    assert_eq!((state.as_str(), attempts), ("sent", 2));
}

/// `smtps://` (TLS from the first byte) to a relay whose CA is in the system's certificate store
/// (here the OpenSSL way of naming it, `SSL_CERT_FILE`), with no CA file of Verkosto's own.
#[actix_web::test]
async fn smtps_trusts_a_ca_in_the_systems_certificate_store() {
    let app = TestApp::spawn().await;
    let ca = TestCa::new("Kaupunki");
    let sink = SmtpSink::start_tls(Security::Implicit(ca.acceptor(&["127.0.0.1"]))).await;
    assert!(sink.url().starts_with("smtps://"));
    let emails = coaches_with_overdue_follow_ups(&app, 1).await;
    let data = tempfile::tempdir().unwrap();
    let store = ca.write_pem(data.path(), "system-store.pem");
    let out = send_mail(&app, data.path(), &sink, 60)
        .env("SSL_CERT_FILE", &store)
        .output()
        .await
        .unwrap();
    let text = output_text(&out);
    assert!(out.status.success(), "{text}");
    let accepted = sink.wait_for(1, Duration::from_secs(5)).await;
    assert_eq!(accepted.len(), 1, "{text}");
    assert!(accepted[0].tls);
    assert_eq!(accepted[0].to, emails);
}

/// The CA vouches for names, not for every server: a certificate it issued for another host
/// than the URL's is refused, and the message waits.
#[actix_web::test]
async fn a_certificate_for_another_host_is_refused_even_from_the_trusted_ca() {
    let app = TestApp::spawn().await;
    let ca = TestCa::new("Hyvinvointialue");
    let sink = SmtpSink::start_tls(Security::StartTls(
        ca.acceptor(&["relay.hyvinvointialue.test"]),
    ))
    .await;
    coaches_with_overdue_follow_ups(&app, 1).await;
    let data = tempfile::tempdir().unwrap();
    let ca_file = ca.write_pem(data.path(), "ca.pem");
    let out = send_mail(&app, data.path(), &sink, 60)
        .env("VERKOSTO_SMTP_CA_FILE", &ca_file)
        .output()
        .await
        .unwrap();
    let text = output_text(&out);
    assert!(!out.status.success(), "{text}");
    assert!(sink.messages().is_empty());
    let (state, attempts, error) = outbox_row(&app).await;
    assert_eq!((state.as_str(), attempts), ("queued", 1));
    let error = error.unwrap_or_default();
    assert!(
        error.contains("certificate not valid for name \"127.0.0.1\""),
        "{error}"
    );
}

/// A CA file that is missing, unreadable or not PEM certificates stops `send-mail` and `serve`
/// at start with a message that names the variable and the file; nothing is sent or marked.
#[actix_web::test]
async fn a_bad_ca_file_is_a_clear_error_at_start() {
    let app = TestApp::spawn().await;
    let ca = TestCa::new("Hyvinvointialue");
    let sink = SmtpSink::start_tls(Security::StartTls(ca.acceptor(&["127.0.0.1"]))).await;
    coaches_with_overdue_follow_ups(&app, 1).await;
    let data = tempfile::tempdir().unwrap();
    let missing = data.path().join("no-such-ca.pem");
    let text_file = data.path().join("ca.txt");
    std::fs::write(&text_file, "Ask IT for the CA certificate.\n").unwrap();
    let key_only = data.path().join("key.pem");
    std::fs::write(
        &key_only,
        "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF\n-----END PRIVATE KEY-----\n",
    )
    .unwrap();
    let broken = data.path().join("broken.pem");
    std::fs::write(
        &broken,
        "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n",
    )
    .unwrap();
    let truncated = data.path().join("truncated.pem");
    let pem = ca.pem();
    std::fs::write(&truncated, &pem[..pem.len() / 2]).unwrap();
    let cases = [
        (missing, "cannot be read"),
        (data.path().to_path_buf(), "cannot be read"),
        (text_file, "holds no certificate"),
        (key_only, "holds no certificate"),
        (broken, "certificate number 1 cannot be used"),
        (truncated, "is not a PEM file"),
    ];
    for (path, why) in &cases {
        let out = send_mail(&app, data.path(), &sink, 60)
            .env("VERKOSTO_SMTP_CA_FILE", path)
            .output()
            .await
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{}: {stderr}", path.display());
        assert!(
            stderr.contains("VERKOSTO_SMTP_CA_FILE")
                && stderr.contains(&path.display().to_string())
                && stderr.contains(why),
            "{}: {stderr}",
            path.display()
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    assert!(sink.messages().is_empty());
    let queued: i64 = app
        .db
        .run(|conn| -> Result<i64, DbError> {
            Ok(outbox::table
                .filter(outbox::attempts.gt(0))
                .count()
                .get_result(conn)?)
        })
        .await
        .unwrap();
    assert_eq!(queued, 0, "no send was tried");

    // `serve` refuses to start the same way, before it listens.
    let mut serve = Command::new(env!("CARGO_BIN_EXE_verkosto"));
    serve
        .args([
            "--database",
            &app.url,
            "--bind",
            "127.0.0.1:0",
            "serve",
            "--no-demo",
        ])
        .env("VERKOSTO_DATA_DIR", data.path())
        .env("VERKOSTO_SMTP_URL", sink.url())
        .env("VERKOSTO_SMTP_CA_FILE", &cases[0].0)
        .env_remove("DATABASE_URL")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    let out = tokio::time::timeout(Duration::from_secs(60), serve.output())
        .await
        .expect("serve stops at once")
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(
        stderr.contains("VERKOSTO_SMTP_CA_FILE") && stderr.contains("no-such-ca.pem"),
        "{stderr}"
    );
}
