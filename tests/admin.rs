//! The admin page and the `verkosto user` command line.

mod support;

use std::io::Write;
use std::process::{Command, Stdio};
use support::{TestApp, PASSWORD};
use verkosto::domain::role::Role;

#[actix_web::test]
async fn an_admin_adds_a_user_who_can_then_sign_in() {
    let app = TestApp::spawn().await;
    let (admin, me) = app.signed_in(Role::Admin).await;
    let page = admin.text("/admin/users").await;
    assert!(page.contains(&me.email));
    let team_id = {
        let marker = "name=\"team_id\"";
        let at = page.find(marker).expect("team select");
        let value_at = page[at..].find("value=\"").unwrap() + at + 7;
        page[value_at..value_at + page[value_at..].find('"').unwrap()].to_owned()
    };
    let res = admin
        .post(
            "/admin/users",
            &[
                ("email", "Uusi.Valmentaja@Example.fi"),
                ("name", "Uusi Valmentaja"),
                ("role", "coach"),
                ("team_id", &team_id),
                ("password", "aloitus-salasana-1"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert!(admin
        .text("/admin/users")
        .await
        .contains("Käyttäjä lisätty."));
    let s = app.session();
    assert_eq!(
        s.sign_in("uusi.valmentaja@example.fi", "aloitus-salasana-1")
            .await
            .status(),
        303
    );
    assert!(s.text("/").await.contains("Uusi Valmentaja"));
}

#[actix_web::test]
async fn bad_input_shows_each_fields_error_and_keeps_what_was_typed() {
    let app = TestApp::spawn().await;
    let (admin, me) = app.signed_in(Role::Admin).await;
    let res = admin
        .post(
            "/admin/users",
            &[
                ("email", "ei-sahkoposti"),
                ("name", "Kirjoitettu Nimi"),
                ("role", "coach"),
                ("team_id", "999999"),
                ("password", "lyhyt"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    assert!(body.contains("Anna kelvollinen sähköpostiosoite."));
    assert!(body.contains("Valitse tiimi."));
    assert!(body.contains("Salasanan on oltava riittävän pitkä"));
    assert!(body.contains("value=\"ei-sahkoposti\""), "typed email kept");
    assert!(
        body.contains("value=\"Kirjoitettu Nimi\""),
        "typed name kept"
    );
    assert!(body.contains("aria-invalid=\"true\""));
    // A taken email is reported on the field.
    let page = admin.text("/admin/users").await;
    let team_marker = page.find("name=\"team_id\"").unwrap();
    let v = page[team_marker..].find("value=\"").unwrap() + team_marker + 7;
    let team_id = page[v..v + page[v..].find('"').unwrap()].to_owned();
    let res = admin
        .post(
            "/admin/users",
            &[
                ("email", &me.email),
                ("name", "Toinen"),
                ("role", "coach"),
                ("team_id", &team_id),
                ("password", "pitka-salasana-1"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("Tällä sähköpostilla on jo käyttäjä."));
}

#[actix_web::test]
async fn an_admin_changes_a_role_and_cannot_lock_themselves_out() {
    let app = TestApp::spawn().await;
    let (admin, me) = app.signed_in(Role::Admin).await;
    let coach = app.add_user(Role::Coach, "Kerava").await;
    let lead_session = app.session();
    lead_session.sign_in(&coach.email, PASSWORD).await;
    assert_eq!(lead_session.get("/admin/users").await.status(), 403);

    let team_id = app
        .db
        .run(|c| verkosto::db::users::ensure_team(c, "Kerava", verkosto::db::now()))
        .await
        .unwrap();
    let res = admin
        .post(
            &format!("/admin/users/{}/role", coach.id),
            &[("role", "admin"), ("team_id", &team_id.to_string())],
        )
        .await;
    assert_eq!(res.status(), 303);
    // A role change ends the user's sessions: what a session may see was decided by the old
    // role. Signed in again, the new role applies.
    let res = lead_session.get("/admin/users").await;
    assert_eq!(res.status(), 303, "the session under the old role ended");
    assert!(support::location(&res).starts_with("/login"));
    assert_eq!(
        lead_session.sign_in(&coach.email, PASSWORD).await.status(),
        303
    );
    assert_eq!(
        lead_session.get("/admin/users").await.status(),
        200,
        "the new role applies"
    );

    let res = admin
        .post(
            &format!("/admin/users/{}/role", me.id),
            &[("role", "coach"), ("team_id", &team_id.to_string())],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert!(admin
        .text("/admin/users")
        .await
        .contains("Et voi poistaa omaa ylläpitäjän rooliasi."));
    let res = admin
        .post(
            &format!("/admin/users/{}/active", me.id),
            &[("active", "false")],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        admin.get("/admin/users").await.status(),
        200,
        "still signed in"
    );
}

#[actix_web::test]
async fn an_admin_adds_a_team() {
    let app = TestApp::spawn().await;
    let (admin, _) = app.signed_in(Role::Admin).await;
    assert_eq!(
        admin
            .post("/admin/teams", &[("team_name", "  ")])
            .await
            .status(),
        422
    );
    assert_eq!(
        admin
            .post("/admin/teams", &[("team_name", "Tuusula")])
            .await
            .status(),
        303
    );
    assert!(admin.text("/admin/users").await.contains("Tuusula"));
}

fn verkosto(url: &str, args: &[&str], stdin: Option<&str>) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_verkosto"))
        .args(["--database", url])
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run verkosto");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().expect("wait")
}

#[actix_web::test]
async fn the_cli_adds_and_deactivates_users() {
    let app = TestApp::spawn().await;
    let out = verkosto(
        &app.url,
        &[
            "user",
            "add",
            "--email",
            "Lead@Example.fi",
            "--name",
            "Tiina Tiiminvetäjä",
            "--role",
            "team-lead",
            "--team",
            "Järvenpää",
        ],
        Some("cli-salasana-123\n"),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s = app.session();
    assert_eq!(
        s.sign_in("lead@example.fi", "cli-salasana-123")
            .await
            .status(),
        303
    );
    assert!(s.text("/").await.contains("Tiiminvetäjä, tiimi Järvenpää."));

    let dup = verkosto(
        &app.url,
        &[
            "user",
            "add",
            "--email",
            "lead@example.fi",
            "--name",
            "X",
            "--role",
            "coach",
            "--team",
            "T",
        ],
        Some("cli-salasana-123\n"),
    );
    assert!(!dup.status.success());
    assert!(String::from_utf8_lossy(&dup.stderr).contains("exists already"));

    let bad = verkosto(
        &app.url,
        &[
            "user",
            "add",
            "--email",
            "x@example.fi",
            "--name",
            "X",
            "--role",
            "boss",
            "--team",
            "T",
        ],
        Some("cli-salasana-123\n"),
    );
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("role"));

    let out = verkosto(
        &app.url,
        &["user", "deactivate", "--email", "lead@example.fi"],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(s.get("/").await.status(), 303, "their session ended");
    assert_eq!(
        app.session()
            .sign_in("lead@example.fi", "cli-salasana-123")
            .await
            .status(),
        401
    );
}

#[actix_web::test]
async fn migrate_and_seed_demo_are_idempotent() {
    let app = TestApp::spawn().await;
    let out = verkosto(&app.url, &["migrate"], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for _ in 0..2 {
        let out = verkosto(&app.url, &["seed", "--demo"], None);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let s = app.session();
    assert_eq!(
        s.sign_in(
            "maija.koutsi@demo.verkosto.fi",
            verkosto::seed::demo::DEMO_PASSWORD
        )
        .await
        .status(),
        303
    );
}
