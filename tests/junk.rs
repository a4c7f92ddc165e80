//! Junk at every door: every POST route of the route table, as every role and anonymously, gets
//! generated bodies (the field names the forms use, with values chosen to hurt: control
//! characters, NUL, huge and negative numbers, impossible dates, very long text, other sites'
//! addresses, markup). Whatever arrives, the answer is never a server error, and when the answer
//! is a refusal no row in the database changed.

mod support;

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use support::{Session, TestApp};
use verkosto::db::{DbConnection, DbError};
use verkosto::domain::role::Role;
use verkosto::seed::demo;
use verkosto::web::routes::ROUTES;

/// Bodies per route and role.
const BODIES: usize = 5;

/// Every field name a form struct in `src/` declares, and the few read from field lists.
fn field_names() -> Vec<String> {
    let mut names: Vec<String> = [
        "employer",
        "list",
        "person",
        "due_on",
        "what",
        "team",
        "coach",
        "back",
        "from",
        "follow_up",
        "jobseeker",
        "match",
        "csrf",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let mut stack = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let Ok(source) = std::fs::read_to_string(&path) else {
                continue;
            };
            let mut in_form = false;
            for line in source.lines() {
                let line = line.trim();
                if line.starts_with("pub struct ") && line.contains("Form") && line.ends_with('{') {
                    in_form = true;
                } else if in_form && line.starts_with('}') {
                    in_form = false;
                } else if in_form {
                    if let Some(name) = line
                        .strip_prefix("pub ")
                        .and_then(|l| l.split(':').next())
                        .filter(|n| n.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
                    {
                        names.push(name.to_owned());
                    }
                }
            }
        }
    }
    names.retain(|n| n != "csrf");
    names.sort();
    names.dedup();
    names
}

/// A value meant to hurt: a control character, or one of the values of [`junk_value`].
fn nasty_value(rng: &mut StdRng, ids: &[i64]) -> String {
    const CONTROL: &[&str] = &[
        "\0",
        "Teksti\0",
        "Nimi\r\nBcc: evil@example.com",
        "a\u{1b}[2Jb",
        "\u{202E}gpj.exe",
        "\u{7f}",
    ];
    if rng.gen_bool(0.35) {
        CONTROL.choose(rng).copied().unwrap_or("\0").to_owned()
    } else {
        junk_value(rng, ids)
    }
}

/// A value meant to hurt, or now and then one that gets a form further.
fn junk_value(rng: &mut StdRng, ids: &[i64]) -> String {
    const NASTY: &[&str] = &[
        "",
        " ",
        "\0",
        "a\0b",
        "\r\n",
        "Nimi\r\nBcc: evil@example.com",
        "\u{202E}gpj.exe",
        "\u{200B}\u{3164}",
        "\x1b[31m",
        "-1",
        "0",
        "-0",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775809",
        "79228162514264337593543950335",
        "1e309",
        "NaN",
        "12,345",
        "1 000 000,005",
        "-12,50",
        "+262142-12-31",
        "-0001-01-01",
        "0000-00-00",
        "2026-02-30",
        "31.12.2100",
        "1.1.2101",
        "2026-11-23",
        "2026-11-23T25:61",
        "2026-11-23T09:30",
        "99:99",
        "07:30",
        "//evil.example",
        "/\t//evil.example",
        "/employers\r\nSet-Cookie: a=b",
        "https://evil.example",
        "javascript:alert(1)",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "%00",
        "on",
        "true",
        "false",
        "date",
        "week",
        "hired",
        "phone",
        "cold_visit",
        "private",
        "admin",
        "team_lead",
        "coach",
        "sv",
        "en",
        "fi",
        "092",
        "C",
        "😀",
    ];
    match rng.gen_range(0..10) {
        0..=4 => NASTY.choose(rng).copied().unwrap_or("").to_owned(),
        5 | 6 => ids.choose(rng).map(|i| i.to_string()).unwrap_or_default(),
        7 => "x".repeat(rng.gen_range(100..7000)),
        _ => {
            let len = rng.gen_range(0..40);
            (0..len)
                .map(|_| loop {
                    if let Some(c) = char::from_u32(rng.gen_range(0..0x2_0000)) {
                        break c;
                    }
                })
                .collect()
        }
    }
}

fn junk_body(rng: &mut StdRng, names: &[String], ids: &[i64]) -> Vec<(String, String)> {
    let mut body = Vec::new();
    let count = rng.gen_range(0..=names.len().min(25));
    for name in names.choose_multiple(rng, count) {
        body.push((name.clone(), junk_value(rng, ids)));
        // Now and then a field twice (multi-selects; a duplicate elsewhere).
        if rng.gen_bool(0.1) {
            body.push((name.clone(), junk_value(rng, ids)));
        }
    }
    body
}

/// The database as text, table by table, without sessions and throttle counters (which a
/// request may touch) and the reference data (which nothing changes).
fn dump(conn: &mut DbConnection) -> Result<Vec<(String, Vec<String>)>, DbError> {
    use diesel::sql_types::Text;
    use diesel::RunQueryDsl;
    #[derive(diesel::QueryableByName)]
    struct Row {
        #[diesel(sql_type = Text)]
        r: String,
    }
    const SKIP: &[&str] = &[
        "sessions",
        "login_throttle",
        "__diesel_schema_migrations",
        "wellbeing_counties",
        "municipalities",
        "industries",
    ];
    let mut out = Vec::new();
    match conn {
        DbConnection::Sqlite(c) => {
            let tables: Vec<Row> = diesel::sql_query(
                "SELECT name AS r FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
            )
            .load(c)?;
            for t in tables.into_iter().filter(|t| !SKIP.contains(&t.r.as_str())) {
                let columns: Vec<Row> = diesel::sql_query(format!(
                    "SELECT name AS r FROM pragma_table_info('{}')",
                    t.r
                ))
                .load(c)?;
                let expr = columns
                    .iter()
                    .map(|col| format!("quote(\"{}\")", col.r))
                    .collect::<Vec<_>>()
                    .join(" || '|' || ");
                let mut rows: Vec<String> =
                    diesel::sql_query(format!("SELECT {expr} AS r FROM \"{}\"", t.r))
                        .load::<Row>(c)?
                        .into_iter()
                        .map(|r| r.r)
                        .collect();
                rows.sort();
                out.push((t.r, rows));
            }
        }
        DbConnection::Postgres(c) => {
            let tables: Vec<Row> = diesel::sql_query(
                "SELECT table_name::text AS r FROM information_schema.tables \
                 WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1",
            )
            .load(c)?;
            for t in tables.into_iter().filter(|t| !SKIP.contains(&t.r.as_str())) {
                let mut rows: Vec<String> =
                    diesel::sql_query(format!("SELECT t::text AS r FROM \"{}\" t", t.r))
                        .load::<Row>(c)?
                        .into_iter()
                        .map(|r| r.r)
                        .collect();
                rows.sort();
                out.push((t.r, rows));
            }
        }
    }
    Ok(out)
}

/// The first difference between two dumps, for the failure message.
fn difference(a: &[(String, Vec<String>)], b: &[(String, Vec<String>)]) -> String {
    for ((ta, ra), (_, rb)) in a.iter().zip(b) {
        if ra != rb {
            let gone: Vec<_> = ra.iter().filter(|r| !rb.contains(r)).take(2).collect();
            let new: Vec<_> = rb.iter().filter(|r| !ra.contains(r)).take(2).collect();
            return format!("table {ta}: before {gone:?}, after {new:?}");
        }
    }
    "tables differ".into()
}

async fn first_id(app: &TestApp, sql: &'static str) -> i64 {
    #[derive(diesel::QueryableByName)]
    struct Id {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        id: i64,
    }
    app.db
        .run(move |conn| -> Result<i64, DbError> {
            use diesel::RunQueryDsl;
            let found: Vec<Id> = match conn {
                DbConnection::Sqlite(c) => diesel::sql_query(sql).load(c)?,
                DbConnection::Postgres(c) => diesel::sql_query(sql).load(c)?,
            };
            Ok(found.first().map(|i| i.id).unwrap_or(999_999))
        })
        .await
        .expect("an id")
}

/// Whether the response refused the request: an error status, a page shown again (a POST that
/// did its work redirects), or a redirect carrying an error message.
fn is_refusal(res: &reqwest::Response) -> bool {
    let status = res.status();
    if status.is_client_error() || status.is_success() {
        return true;
    }
    res.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|c| c.starts_with("verkosto_flash=") && (c.contains("err:") || c.contains("err%3A")))
}

/// A form as a page offers it: where it posts and the fields a browser would send.
#[derive(Debug, Clone)]
struct PageForm {
    action: String,
    fields: Vec<(String, String)>,
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let marker = format!(" {name}=\"");
    let start = tag.find(&marker)? + marker.len();
    let end = tag[start..].find('"')? + start;
    Some(unescape(&tag[start..end]))
}

fn has_flag(tag: &str, name: &str) -> bool {
    tag.split(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .any(|w| w == name)
}

/// The POST forms of a page: inputs (checked boxes only), the selected or first option of each
/// select, textareas.
fn post_forms(html: &str) -> Vec<PageForm> {
    let mut forms = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("<form") {
        let block_end = rest[at..]
            .find("</form>")
            .map(|e| at + e)
            .unwrap_or(rest.len());
        let block = &rest[at..block_end];
        rest = &rest[block_end.min(rest.len())..];
        let open = &block[..block.find('>').unwrap_or(block.len())];
        if attribute(open, "method").as_deref() != Some("post") {
            continue;
        }
        let Some(action) = attribute(open, "action") else {
            continue;
        };
        let mut fields = Vec::new();
        let mut inner = block;
        while let Some(lt) = inner.find('<') {
            inner = &inner[lt..];
            let tag_end = inner.find('>').unwrap_or(inner.len());
            let tag = &inner[..tag_end];
            if tag.starts_with("<input") {
                let kind = attribute(tag, "type").unwrap_or_default();
                if let Some(name) = attribute(tag, "name") {
                    let value = attribute(tag, "value").unwrap_or_default();
                    let skip = (kind == "checkbox" || kind == "radio") && !has_flag(tag, "checked");
                    if !skip && kind != "submit" {
                        fields.push((name, value));
                    }
                }
            } else if tag.starts_with("<textarea") {
                if let Some(name) = attribute(tag, "name") {
                    let body_start = tag_end + 1;
                    let body_end = inner.find("</textarea>").unwrap_or(body_start);
                    fields.push((
                        name,
                        unescape(inner.get(body_start..body_end).unwrap_or("")),
                    ));
                }
            } else if tag.starts_with("<select") {
                if let Some(name) = attribute(tag, "name") {
                    let end = inner.find("</select>").unwrap_or(inner.len());
                    let options = &inner[..end];
                    let mut first = None;
                    let mut selected = None;
                    let mut o = options;
                    while let Some(p) = o.find("<option") {
                        o = &o[p..];
                        let t = &o[..o.find('>').unwrap_or(o.len())];
                        let v = attribute(t, "value");
                        if first.is_none() {
                            first = v.clone();
                        }
                        if has_flag(t, "selected") && selected.is_none() {
                            selected = v;
                        }
                        o = &o[1..];
                    }
                    if let Some(v) = selected.or(first) {
                        fields.push((name, v));
                    }
                }
            }
            inner = &inner[1..];
        }
        forms.push(PageForm { action, fields });
    }
    forms
}

/// The route pattern a concrete path belongs to.
fn pattern_of(path: &str) -> Option<&'static str> {
    let path = path.split(['?', '#']).next().unwrap_or("");
    let segments: Vec<&str> = path.split('/').collect();
    ROUTES
        .iter()
        .filter(|r| r.method == "POST")
        .map(|r| r.path)
        .find(|pattern| {
            let ps: Vec<&str> = pattern.split('/').collect();
            ps.len() == segments.len()
                && ps
                    .iter()
                    .zip(&segments)
                    .all(|(p, s)| p == s || (p.starts_with('{') && s.parse::<i64>().is_ok()))
        })
}

/// A form as offered, with one to three of its fields (never the CSRF token) replaced by junk,
/// and now and then a junk field more.
fn mutated(
    rng: &mut StdRng,
    form: &PageForm,
    names: &[String],
    ids: &[i64],
) -> Vec<(String, String)> {
    let mut body = form.fields.clone();
    let candidates: Vec<usize> = (0..body.len()).filter(|i| body[*i].0 != "csrf").collect();
    for _ in 0..rng.gen_range(1..=3) {
        if let Some(i) = candidates.choose(rng) {
            body[*i].1 = junk_value(rng, ids);
        }
    }
    if rng.gen_bool(0.2) {
        if let Some(name) = names.choose(rng) {
            body.push((name.clone(), junk_value(rng, ids)));
        }
    }
    body
}

#[actix_web::test]
async fn junk_posted_to_every_route_by_every_role_breaks_nothing() {
    let app = TestApp::spawn().await;
    assert_eq!(
        app.db.run(demo::load).await.expect("demo"),
        demo::DemoLoad::Loaded
    );
    let seed: u64 = std::env::var("VERKOSTO_JUNK_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_261_123);
    let mut rng = StdRng::seed_from_u64(seed);
    let names = field_names();
    assert!(
        names.len() > 60,
        "the forms' field names were found: {names:?}"
    );

    let mut sessions: Vec<(String, Session)> = Vec::new();
    let mut signed_in = Vec::new();
    for (role, email) in demo::sign_ins().expect("demo sign-ins") {
        let s = app.session();
        assert_eq!(s.sign_in(&email, demo::DEMO_PASSWORD).await.status(), 303);
        signed_in.push(email);
        sessions.push((role.as_str().to_owned(), s));
    }
    assert_eq!(sessions.len(), Role::ALL.len());
    sessions.push(("anonymous".to_owned(), app.session()));

    // Ids that exist, for the paths and as values; a user who is none of the signed-in ones.
    let employer = first_id(&app, "SELECT id FROM employers ORDER BY id").await;
    let person = first_id(
        &app,
        "SELECT id FROM contact_persons ORDER BY employer_id, id",
    )
    .await;
    let person_employer = first_id(
        &app,
        "SELECT employer_id AS id FROM contact_persons ORDER BY employer_id, id",
    )
    .await;
    let follow_up = first_id(
        &app,
        "SELECT id FROM follow_ups WHERE status <> 'done' ORDER BY id",
    )
    .await;
    let opening = first_id(&app, "SELECT id FROM openings ORDER BY id").await;
    let jobseeker = first_id(&app, "SELECT id FROM jobseekers ORDER BY id DESC").await;
    let a_match = first_id(&app, "SELECT id FROM matches ORDER BY id").await;
    let placement = first_id(&app, "SELECT id FROM placements ORDER BY id").await;
    let outbox = first_id(&app, "SELECT id FROM outbox ORDER BY id").await;
    let quoted: Vec<String> = signed_in.iter().map(|e| format!("'{e}'")).collect();
    let other_user: &'static str = Box::leak(
        format!(
            "SELECT id FROM users WHERE email NOT IN ({}) ORDER BY id",
            quoted.join(", ")
        )
        .into_boxed_str(),
    );
    let user = first_id(&app, other_user).await;
    let ids = vec![
        employer, person, follow_up, opening, jobseeker, a_match, placement, user, outbox, 1, 2,
    ];

    let path_for = |pattern: &str, real: bool| -> String {
        let id = match pattern.split('/').nth(1).unwrap_or("") {
            _ if !real => 999_999,
            "employers" if pattern.contains("{person_id}") => person_employer,
            "employers" => employer,
            "follow-ups" => follow_up,
            "openings" => opening,
            "jobseekers" => jobseeker,
            "matches" => a_match,
            "placements" => placement,
            "admin" if pattern.starts_with("/admin/outbox") => outbox,
            "admin" => user,
            _ => 999_999,
        };
        pattern
            .replace(
                "{person_id}",
                &if real { person } else { 999_999 }.to_string(),
            )
            .replace("{id}", &id.to_string())
    };

    // The forms each role's pages offer, by the route they post to: junk that starts from a
    // form a browser would send gets past the first check and reaches deeper.
    let session_user_ids: Vec<String> = {
        let mut v = Vec::new();
        for email in &signed_in {
            let sql: &'static str =
                Box::leak(format!("SELECT id FROM users WHERE email = '{email}'").into_boxed_str());
            v.push(first_id(&app, sql).await.to_string());
        }
        v
    };
    let mut offered: std::collections::HashMap<(String, &'static str), Vec<PageForm>> =
        Default::default();
    for (who, session) in &sessions {
        for route in ROUTES.iter().filter(|r| r.method == "GET") {
            if route.path.starts_with("/static")
                || route.path == "/health"
                || route.path == "/log/suggest"
            {
                continue;
            }
            let res = session.get(&path_for(route.path, true)).await;
            if res.status() != 200 {
                continue;
            }
            let html = res.text().await.unwrap_or_default();
            for form in post_forms(&html) {
                let Some(pattern) = pattern_of(&form.action) else {
                    continue;
                };
                // Never the forms that would end or change the walk's own sessions.
                let about_walker = session_user_ids
                    .iter()
                    .any(|id| form.action.starts_with(&format!("/admin/users/{id}/")));
                if pattern == "/logout" || about_walker {
                    continue;
                }
                let kept = offered.entry((who.clone(), pattern)).or_default();
                if kept.len() < 3 && !kept.iter().any(|f| f.action == form.action) {
                    kept.push(form);
                }
            }
        }
    }
    let reached: std::collections::BTreeSet<&str> = offered.keys().map(|(_, p)| *p).collect();
    assert!(reached.len() > 20, "forms were found for {reached:?}");

    let mut baseline = app.db.run(dump).await.expect("dump");
    let mut requests = 0;
    let mut refusals = 0;
    for route in ROUTES.iter().filter(|r| r.method == "POST") {
        if route.path == "/logout" {
            continue; // ends the session the walk needs; tested in auth.rs
        }
        for (who, session) in &sessions {
            let token = session.csrf().await;
            let forms = offered
                .get(&(who.clone(), route.path))
                .cloned()
                .unwrap_or_default();
            // Each form as offered with junk in one field at a time (the rest as a browser
            // sends it, so the junk reaches as deep as it can), then in several; then pure junk
            // at a real id and at one that does not exist.
            let mut bodies: Vec<(String, Vec<(String, String)>)> = Vec::new();
            for form in &forms {
                for (i, (name, _)) in form.fields.iter().enumerate() {
                    if name != "csrf" {
                        let mut body = form.fields.clone();
                        body[i].1 = nasty_value(&mut rng, &ids);
                        bodies.push((form.action.clone(), body));
                    }
                }
                for _ in 0..2 {
                    bodies.push((form.action.clone(), mutated(&mut rng, form, &names, &ids)));
                }
            }
            for n in 0..BODIES {
                let mut body = junk_body(&mut rng, &names, &ids);
                body.push(("csrf".to_owned(), token.clone()));
                bodies.push((path_for(route.path, n % 3 != 2), body));
            }
            for (path, body) in bodies {
                let res = session
                    .client
                    .post(session.url(&path))
                    .form(&body)
                    .send()
                    .await
                    .expect("POST");
                requests += 1;
                let status = res.status();
                assert!(
                    !status.is_server_error(),
                    "{who} POST {path} (seed {seed}): {status}\nbody: {body:?}"
                );
                let refused = is_refusal(&res);
                let after = app.db.run(dump).await.expect("dump");
                if refused {
                    refusals += 1;
                    assert!(
                        after == baseline,
                        "{who} POST {path} was refused ({status}) but changed rows (seed {seed}): {}\nbody: {body:?}",
                        difference(&baseline, &after)
                    );
                }
                baseline = after;
            }
        }
    }
    eprintln!(
        "{requests} junk requests, {refusals} refused, forms of {} routes (seed {seed})",
        reached.len()
    );
    assert!(requests > 500, "{requests} requests");
    assert!(
        refusals > requests / 2,
        "most junk is refused: {refusals} of {requests}"
    );
}
