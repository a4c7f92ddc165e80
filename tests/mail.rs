//! Reminder mail end to end: the digest and the handover notice over real SMTP (a sink on
//! 127.0.0.1), retries while the server is down, failures and the admin's retry, the .eml folder
//! of the default setup with the Outbox page, and `verkosto send-mail` for cron.

mod support;

use chrono::{Days, NaiveDate};
use diesel::prelude::*;
use std::time::Duration;
use support::smtp::SmtpSink;
use support::{location, Session, TestApp};
use verkosto::db::schema::{follow_ups, outbox};
use verkosto::db::DbError;
use verkosto::domain::role::Role;
use verkosto::jobs::Worker;
use verkosto::mail::{Delivery, MailConfig};

fn today() -> NaiveDate {
    verkosto::format::today_helsinki(verkosto::db::now())
}

/// HTML as a browser reads it (the templates escape `/` and `&` in attribute values).
fn unescape(html: &str) -> String {
    html.replace("&#x2f;", "/").replace("&amp;", "&")
}

fn ymd(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

async fn employer(s: &Session, name: &str) -> i64 {
    let res = s
        .post(
            "/employers",
            &[
                ("name", name),
                ("municipality_code", "092"),
                ("sector", "private"),
                ("stage", "prospect"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    location(&res)
        .trim_start_matches("/employers/")
        .parse()
        .unwrap()
}

/// A logged phone call with a next step; returns (employer id, follow-up id), due on `due`.
async fn follow_up(
    app: &TestApp,
    s: &Session,
    name: &str,
    what: &str,
    due: NaiveDate,
) -> (i64, i64) {
    let id = employer(s, name).await;
    let res = s
        .post(
            &format!("/employers/{id}/contacts"),
            &[
                ("channel", "phone"),
                ("outcome", "not_now"),
                ("next_step", what),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let what = what.to_owned();
    let fid = app
        .db
        .run(move |conn| -> Result<i64, DbError> {
            let fid = follow_ups::table
                .filter(follow_ups::what.eq(what))
                .select(follow_ups::id)
                .first(conn)?;
            diesel::update(follow_ups::table.find(fid))
                .set(follow_ups::due_on.eq(due))
                .execute(conn)?;
            Ok(fid)
        })
        .await
        .unwrap();
    (id, fid)
}

fn days_ago(n: u64) -> NaiveDate {
    today().checked_sub_days(Days::new(n)).unwrap()
}

fn smtp(app: &TestApp, sink: &SmtpSink) -> MailConfig {
    let mut config = app.mail.clone();
    config.delivery = Delivery::Smtp(sink.url());
    config.smtp_timeout = Duration::from_secs(5);
    config
}

/// (state, attempts, last error) of every outbox row, oldest first.
async fn rows(app: &TestApp) -> Vec<(String, i64, Option<String>, String)> {
    app.db
        .run(|conn| -> Result<_, DbError> {
            Ok(outbox::table
                .order(outbox::id.asc())
                .select((
                    outbox::state,
                    outbox::attempts,
                    outbox::last_error,
                    outbox::dedup_key,
                ))
                .load(conn)?)
        })
        .await
        .unwrap()
}

#[actix_web::test]
async fn the_morning_digest_arrives_in_the_coachs_language_with_links_and_calendar_entries() {
    let app = TestApp::spawn().await;
    let sink = SmtpSink::start().await;
    let (s, coach) = app.signed_in(Role::Coach).await;
    assert_eq!(
        s.post("/profile/language", &[("language", "sv")])
            .await
            .status(),
        303
    );
    let (late_emp, late) = follow_up(&app, &s, "Lager Ab", "Ring om skiftena", days_ago(2)).await;
    let (today_emp, due_today) =
        follow_up(&app, &s, "Kafé Oy", "Skicka två profiler", today()).await;
    let later_day = today().checked_add_days(Days::new(3)).unwrap();
    follow_up(&app, &s, "Senare Oy", "Besök på plats", later_day).await;

    // A coach who wants only overdue ones, with one due today: no mail for them today.
    let (s2, _) = app.signed_in(Role::Coach).await;
    assert_eq!(
        s2.post("/profile/digest", &[("digest", "overdue")])
            .await
            .status(),
        303
    );
    follow_up(&app, &s2, "Vain Tänään Oy", "Soita tänään", today()).await;
    // A coach who turned the digest off, with an overdue one: no mail either.
    let (s3, _) = app.signed_in(Role::Coach).await;
    s3.post("/profile/digest", &[("digest", "off")]).await;
    follow_up(&app, &s3, "Hiljainen Oy", "Soita", days_ago(1)).await;
    assert!(s3.text("/profile").await.contains("checked"));
    // Bad input on the profile form is refused with the field's error.
    let res = s3.post("/profile/digest", &[("digest", "sometimes")]).await;
    assert_eq!(res.status(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("Valitse yksi vaihtoehdoista."));

    let worker = Worker::new(app.db.clone(), smtp(&app, &sink)).unwrap();
    let planned = worker.plan(true).await.unwrap().expect("planned today");
    assert_eq!((planned.date, planned.queued), (today(), 1));
    let sent = worker.deliver(false).await.unwrap();
    assert_eq!(sent.sent, 1);

    let messages = sink.wait_for(1, Duration::from_secs(5)).await;
    assert_eq!(
        messages.len(),
        1,
        "one digest, for the one coach with something due"
    );
    let m = &messages[0];
    assert_eq!(m.to, vec![coach.email.clone()]);
    assert_eq!(m.from, "verkosto@localhost");
    let mail = m.parsed();
    assert!(mail.to.contains(&coach.email));
    assert_eq!(mail.language, "sv");
    assert!(
        mail.subject.starts_with("Uppföljningar ") && mail.subject.contains("1 försenad, 1 i dag"),
        "{}",
        mail.subject
    );
    // Both follow-ups with the employer, the promise, the last contact and the link.
    for (emp, name, what) in [
        (late_emp, "Lager Ab", "Ring om skiftena"),
        (today_emp, "Kafé Oy", "Skicka två profiler"),
    ] {
        let link = format!("{}/employers/{emp}", app.address);
        assert!(
            mail.text.contains(name) && mail.text.contains(what),
            "{}",
            mail.text
        );
        assert!(mail.text.contains(&link), "plain-text link {link}");
        assert!(
            unescape(&mail.html).contains(&format!("href=\"{link}\"")),
            "HTML link {link}"
        );
    }
    assert!(mail.text.contains("FÖRSENADE (1)") && mail.text.contains("I DAG (1)"));
    assert!(mail.text.contains("senaste kontakt:"), "{}", mail.text);
    assert!(!mail.text.contains("Senare Oy"), "not due yet");
    assert!(
        !mail.text.contains("Kirjaudu"),
        "no Finnish in a Swedish mail"
    );
    // One calendar entry per follow-up; the overdue one lands on today.
    assert_eq!(mail.attachments.len(), 2);
    for (a, fid) in mail.attachments.iter().zip([late, due_today]) {
        assert_eq!(a.name, format!("uppfoljning-{fid}.ics"));
        assert_eq!(a.content_type, "text/calendar");
        let ics = a.text.as_deref().unwrap();
        assert!(ics.contains("BEGIN:VEVENT"));
        assert!(ics.contains(&format!("UID:follow-up-{fid}@localhost")));
        assert!(ics.contains(&format!("DTSTART;VALUE=DATE:{}", ymd(today()))));
    }
    assert!(mail.attachments[0]
        .text
        .as_deref()
        .unwrap()
        .contains("SUMMARY:Lager Ab: Ring om skiftena"));

    // The same morning again, by this or another instance: nothing new is queued or sent.
    let again = worker.plan(true).await.unwrap().unwrap();
    assert!(again.already);
    assert_eq!(again.queued, 0);
    assert_eq!(worker.deliver(true).await.unwrap().attempted(), 0);
    assert_eq!(sink.messages().len(), 1);
    let rows = rows(&app).await;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].0, "sent");
    assert_eq!(rows[0].3, format!("digest:{}:{}", coach.id, today()));
}

#[actix_web::test]
async fn the_planner_waits_for_the_organisations_time_in_helsinki() {
    let app = TestApp::spawn().await;
    let (s, _) = app.signed_in(Role::Coach).await;
    follow_up(&app, &s, "Aamu Oy", "Soita", days_ago(1)).await;
    let (admin, _) = app.signed_in(Role::Admin).await;
    // A bad time keeps what was typed and says what is wrong.
    let res = admin
        .post("/admin/settings/digest-time", &[("digest_time", "aamulla")])
        .await;
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    assert!(body.contains("Anna kellonaika muodossa 7.30."));
    assert!(body.contains("value=\"aamulla\""));
    let res = admin
        .post("/admin/settings/digest-time", &[("digest_time", "00:15")])
        .await;
    assert_eq!(res.status(), 303);
    assert!(admin.text("/admin/users").await.contains("value=\"00:15\""));
    assert!(s.text("/profile").await.contains("00.15"));

    let site = app.mail.site.clone();
    let plan = move |now: chrono::NaiveDateTime| {
        let site = site.clone();
        let db = app.db.clone();
        async move {
            db.run(move |conn| verkosto::jobs::planner::plan_due(conn, &site, now, false))
                .await
                .unwrap()
        }
    };
    let at = |s: &str| chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    // 22.14 UTC on 24.11. is 00.14 on 25.11. in Helsinki: not yet.
    assert_eq!(plan(at("2026-11-24 22:14")).await, None);
    // 22.15 UTC is 00.15 in Helsinki: the digest of the 25th, though UTC still says the 24th.
    let planned = plan(at("2026-11-24 22:15")).await.unwrap();
    assert_eq!(planned.date, NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
    assert!(!planned.already);
    // Later the same Helsinki day: planned already.
    assert!(plan(at("2026-11-25 10:00")).await.unwrap().already);
    // Autumn: the repeated hour of 25.10. plans once.
    let first = plan(at("2026-10-24 21:15")).await.unwrap();
    assert_eq!(first.date, NaiveDate::from_ymd_opt(2026, 10, 25).unwrap());
    assert!(plan(at("2026-10-25 01:15")).await.unwrap().already);
}

#[actix_web::test]
async fn a_handover_by_someone_else_sends_the_new_assignee_a_notice() {
    let app = TestApp::spawn().await;
    let sink = SmtpSink::start().await;
    let (s, _) = app.signed_in(Role::Coach).await;
    let (lead, lead_user) = app.signed_in(Role::TeamLead).await;
    let (other, other_user) = app.signed_in(Role::Coach).await;
    other.post("/profile/language", &[("language", "en")]).await;
    let due = today().checked_add_days(Days::new(10)).unwrap();
    let (emp, fid) = follow_up(&app, &s, "Varasto Oy", "Lähetä kaksi profiilia", due).await;

    let res = lead
        .post(
            &format!("/follow-ups/{fid}/reassign"),
            &[("assignee_id", &other_user.id.to_string())],
        )
        .await;
    assert_eq!(res.status(), 303);
    // Taking it back for oneself sends nobody anything.
    let res = lead
        .post(
            &format!("/follow-ups/{fid}/reassign"),
            &[("assignee_id", &lead_user.id.to_string())],
        )
        .await;
    assert_eq!(res.status(), 303);
    let queued = rows(&app).await;
    assert_eq!(queued.len(), 1, "{queued:?}");
    assert!(queued[0]
        .3
        .starts_with(&format!("assigned:{}:{fid}:", other_user.id)));

    let worker = Worker::new(app.db.clone(), smtp(&app, &sink)).unwrap();
    assert_eq!(worker.deliver(false).await.unwrap().sent, 1);
    let messages = sink.wait_for(1, Duration::from_secs(5)).await;
    let mail = messages[0].parsed();
    assert_eq!(messages[0].to, vec![other_user.email.clone()]);
    assert_eq!(mail.language, "en");
    // The subject is the product's own words; who handed it over and the employer are in the
    // text (a subject never carries what users typed).
    assert_eq!(mail.subject, "You were given a follow-up");
    assert!(mail.text.contains(&lead_user.name));
    assert!(mail.text.contains("Varasto Oy"));
    assert!(mail.text.contains("Lähetä kaksi profiilia"));
    assert!(mail
        .text
        .contains(&format!("Due {}", verkosto::format::date(due))));
    assert!(mail
        .text
        .contains(&format!("{}/employers/{emp}", app.address)));
    assert_eq!(mail.attachments.len(), 1);
    assert!(mail.attachments[0]
        .text
        .as_deref()
        .unwrap()
        .contains(&format!("DTSTART;VALUE=DATE:{}", ymd(due))));
}

#[actix_web::test]
async fn while_the_smtp_server_is_down_nothing_is_lost() {
    let app = TestApp::spawn().await;
    let mut sink = SmtpSink::start().await;
    sink.stop();
    let (s, coach) = app.signed_in(Role::Coach).await;
    follow_up(&app, &s, "Odottava Oy", "Soita takaisin", days_ago(1)).await;
    let worker = Worker::new(app.db.clone(), smtp(&app, &sink)).unwrap();
    worker.plan(true).await.unwrap();

    let first = worker.deliver(false).await.unwrap();
    assert_eq!((first.sent, first.retrying), (0, 1));
    let row = &rows(&app).await[0];
    assert_eq!((row.0.as_str(), row.1), ("queued", 1));
    assert!(
        row.2.as_deref().is_some_and(|e| !e.is_empty()),
        "the error is recorded"
    );
    // The backoff holds it back from the next ordinary pass.
    assert_eq!(worker.deliver(false).await.unwrap().attempted(), 0);
    // An admin sees it waiting, with the error.
    let (admin, _) = app.signed_in(Role::Admin).await;
    let page = admin.text("/admin/outbox?state=queued").await;
    assert!(page.contains(&coach.email) && page.contains("seuraava yritys"));

    sink.restart().await;
    let second = worker.deliver(true).await.unwrap();
    assert_eq!(second.sent, 1);
    let messages = sink.wait_for(1, Duration::from_secs(5)).await;
    assert_eq!(messages.len(), 1);
    assert_eq!(messages[0].to, vec![coach.email]);
    let row = &rows(&app).await[0];
    assert_eq!((row.0.as_str(), row.1), ("sent", 2));
}

#[actix_web::test]
async fn after_the_last_attempt_a_message_is_failed_shown_to_admins_and_can_be_retried() {
    let app = TestApp::spawn().await;
    let sink = SmtpSink::start().await;
    sink.refuse(Some("451 4.3.0 Mailbox busy, try later"));
    let (s, _) = app.signed_in(Role::Coach).await;
    follow_up(&app, &s, "Sitkeä Oy", "Soita", days_ago(1)).await;
    let mut config = smtp(&app, &sink);
    config.max_attempts = 2;
    let worker = Worker::new(app.db.clone(), config).unwrap();
    worker.plan(true).await.unwrap();
    assert_eq!(worker.deliver(true).await.unwrap().retrying, 1);
    assert_eq!(worker.deliver(true).await.unwrap().failed, 1);
    assert_eq!(
        worker.deliver(true).await.unwrap().attempted(),
        0,
        "failed stays failed"
    );
    let row = &rows(&app).await[0];
    assert_eq!((row.0.as_str(), row.1), ("failed", 2));
    assert!(row.2.as_deref().unwrap().contains("Mailbox busy"));

    let (admin, _) = app.signed_in(Role::Admin).await;
    assert!(admin
        .text("/admin/users")
        .await
        .contains("1 viesti jäi lähettämättä."));
    let list = admin.text("/admin/outbox?state=failed").await;
    assert!(list.contains("Mailbox busy") && list.contains("Epäonnistui"));
    let id: i64 = app
        .db
        .run(|conn| -> Result<i64, DbError> { Ok(outbox::table.select(outbox::id).first(conn)?) })
        .await
        .unwrap();
    let page = admin.text(&format!("/admin/outbox/{id}")).await;
    assert!(page.contains("Yritä uudelleen"));
    let res = admin.post(&format!("/admin/outbox/{id}/retry"), &[]).await;
    assert_eq!(res.status(), 303);
    assert_eq!(rows(&app).await[0].0, "queued");

    sink.refuse(None);
    assert_eq!(worker.deliver(false).await.unwrap().sent, 1);
    assert_eq!(sink.wait_for(1, Duration::from_secs(5)).await.len(), 1);
    // A permanent refusal fails at once: the server would say the same again.
    sink.refuse(Some("550 5.1.1 No such user"));
    let (s2, _) = app.signed_in(Role::Coach).await;
    follow_up(&app, &s2, "Tuntematon Oy", "Soita heti", days_ago(1)).await;
    app.db
        .run(|conn| -> Result<usize, DbError> {
            Ok(diesel::delete(verkosto::db::schema::digest_runs::table).execute(conn)?)
        })
        .await
        .unwrap();
    worker.plan(true).await.unwrap();
    let pass = worker.deliver(false).await.unwrap();
    assert_eq!((pass.failed, pass.retrying), (1, 0));
}

#[actix_web::test]
async fn without_smtp_messages_are_eml_files_and_the_outbox_page_reads_them() {
    let app = TestApp::spawn().await;
    let (s, _) = app.signed_in(Role::Coach).await;
    let (_, fid) = follow_up(&app, &s, "Kansio Oy", "Käy esittelemässä", days_ago(3)).await;
    let worker = Worker::new(app.db.clone(), app.mail.clone()).unwrap();
    worker.plan(true).await.unwrap();
    assert_eq!(worker.deliver(false).await.unwrap().sent, 1);

    let files: Vec<_> = std::fs::read_dir(&app.outbox_dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(files.len(), 1);
    assert!(files[0].extension().is_some_and(|e| e == "eml"));
    let file = std::fs::read(&files[0]).unwrap();
    let mail = verkosto::mail::read::parse(&file).unwrap();
    assert!(mail.subject.starts_with("Seurannat ") && mail.subject.ends_with("1 myöhässä"));
    assert!(mail.text.contains("Kansio Oy"));

    let (admin, _) = app.signed_in(Role::Admin).await;
    let list = admin.text("/admin/outbox").await;
    assert!(list.contains(&mail.subject) && list.contains("Lähetetty"));
    assert!(list.contains(&app.outbox_dir.display().to_string()));
    let id: i64 = app
        .db
        .run(|conn| -> Result<i64, DbError> { Ok(outbox::table.select(outbox::id).first(conn)?) })
        .await
        .unwrap();
    let page = admin.text(&format!("/admin/outbox/{id}")).await;
    assert!(page.contains("Käy esittelemässä"));
    assert!(page.contains(&format!("seuranta-{fid}.ics")));
    assert!(page.contains(&mail.message_id));
    let html = admin.get(&format!("/admin/outbox/{id}/html")).await;
    let csp = html.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(csp.starts_with("sandbox"), "{csp}");
    assert!(html.text().await.unwrap().contains("Kansio Oy"));
    // The same message sent again replaces its file, never adds another.
    app.db
        .run(move |conn| -> Result<usize, DbError> {
            Ok(diesel::update(outbox::table.find(id))
                .set(outbox::state.eq("failed"))
                .execute(conn)?)
        })
        .await
        .unwrap();
    admin.post(&format!("/admin/outbox/{id}/retry"), &[]).await;
    worker.deliver(false).await.unwrap();
    assert_eq!(std::fs::read_dir(&app.outbox_dir).unwrap().count(), 1);
    // Coaches do not see the outbox.
    assert_eq!(s.get("/admin/outbox").await.status(), 403);
}

fn send_mail(
    app: &TestApp,
    data_dir: &std::path::Path,
    env: &[(&str, &str)],
) -> tokio::process::Command {
    let mut cmd = tokio::process::Command::new(env!("CARGO_BIN_EXE_verkosto"));
    cmd.args(["--database", &app.url, "send-mail", "--now"])
        .env("VERKOSTO_DATA_DIR", data_dir)
        .env("VERKOSTO_BASE_URL", &app.address)
        .env_remove("VERKOSTO_SMTP_URL")
        .env_remove("VERKOSTO_MAIL_FROM")
        .env_remove("DATABASE_URL");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd
}

#[actix_web::test]
async fn send_mail_for_cron_plans_sends_and_reports() {
    let app = TestApp::spawn().await;
    let (s, _) = app.signed_in(Role::Coach).await;
    follow_up(&app, &s, "Cron Oy", "Soita", days_ago(1)).await;
    let data = tempfile::tempdir().unwrap();
    // The SMTP server is not there: the run says so and exits non-zero.
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let out = send_mail(
        &app,
        data.path(),
        &[("VERKOSTO_SMTP_URL", &format!("smtp://127.0.0.1:{closed}"))],
    )
    .output()
    .await
    .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "{stdout}");
    assert!(
        stdout.contains("1 queued") && stdout.contains("1 to retry"),
        "{stdout}"
    );
    // Without SMTP (the default) it lands in the data folder.
    let out = send_mail(
        &app,
        data.path(),
        &[("VERKOSTO_MAIL_FROM", "Verkosto <muistutus@example.fi>")],
    )
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
    let files: Vec<_> = std::fs::read_dir(data.path().join("outbox"))
        .unwrap()
        .flatten()
        .collect();
    assert_eq!(files.len(), 1);
}
