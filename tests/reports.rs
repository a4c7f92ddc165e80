//! The team lead's reports on a known data set: the numbers a lead reads, who may read them,
//! the downloads (CSV for Finnish Excel, XLSX with the same numbers) and the actions from rows.

mod support;

use chrono::{Days, NaiveDate, NaiveDateTime, TimeDelta};
use diesel::prelude::*;
use support::{location, Session, TestApp, TestUser};
use verkosto::db::schema::{
    audit_log, contacts, employers, follow_ups, jobseekers, openings, outbox, placements,
    support_contacts, users,
};
use verkosto::db::{self, DbError};
use verkosto::domain::ips;
use verkosto::domain::role::Role;

struct Known {
    /// The Vantaa team's lead: reads the Vantaa team's reports only.
    lead: TestUser,
    /// Reads everybody's.
    admin: TestUser,
    a: TestUser,
    b: TestUser,
    c: TestUser,
    d: TestUser,
    e1: i64,
    e2: i64,
    e3: i64,
    e4: i64,
    e5: i64,
}

fn today() -> NaiveDate {
    verkosto::format::today_helsinki(db::now())
}

fn days_ago(n: u64) -> NaiveDate {
    today() - Days::new(n)
}

/// 10.00 Helsinki time on the day.
fn at(day: NaiveDate) -> NaiveDateTime {
    ips::helsinki_midnight_utc(day) + TimeDelta::hours(10)
}

fn employer(
    conn: &mut db::DbConnection,
    name: &str,
    industry: &str,
    municipality: &str,
    stage: &str,
) -> Result<i64, DbError> {
    let now = db::now();
    Ok(diesel::insert_into(employers::table)
        .values((
            employers::name.eq(name),
            employers::search_text.eq(name.to_lowercase()),
            employers::sort_name.eq(name.to_lowercase()),
            employers::industry_code_set.eq("TOL2008"),
            employers::industry_code.eq(industry),
            employers::municipality_code.eq(municipality),
            employers::stage.eq(stage),
            employers::created_at.eq(now),
            employers::updated_at.eq(now),
        ))
        .returning(employers::id)
        .get_result(conn)?)
}

fn contact(
    conn: &mut db::DbConnection,
    employer: i64,
    coach: i64,
    when: NaiveDateTime,
    channel: &str,
    client_specific: bool,
    jobseeker: Option<i64>,
) -> Result<(), DbError> {
    diesel::insert_into(contacts::table)
        .values((
            contacts::employer_id.eq(employer),
            contacts::coach_id.eq(coach),
            contacts::occurred_at.eq(when),
            contacts::channel.eq(channel),
            contacts::client_specific.eq(client_specific),
            contacts::jobseeker_id.eq(jobseeker),
            contacts::outcome.eq("needs_learned"),
            contacts::created_at.eq(when),
            contacts::updated_at.eq(when),
        ))
        .execute(conn)?;
    Ok(())
}

fn jobseeker(
    conn: &mut db::DbConnection,
    coach: i64,
    entered: NaiveDate,
    status: &str,
    industries: &str,
    municipalities: &str,
) -> Result<i64, DbError> {
    let now = db::now();
    Ok(diesel::insert_into(jobseekers::table)
        .values((
            jobseekers::display_name.eq("Salainen Nimi"),
            jobseekers::coach_id.eq(coach),
            jobseekers::entered_on.eq(entered),
            jobseekers::status.eq(status),
            jobseekers::wanted_industries.eq(industries),
            jobseekers::municipalities.eq(municipalities),
            jobseekers::created_at.eq(now),
            jobseekers::updated_at.eq(now),
        ))
        .returning(jobseekers::id)
        .get_result(conn)?)
}

#[allow(clippy::too_many_arguments)]
fn placement(
    conn: &mut db::DbConnection,
    jobseeker: i64,
    employer: i64,
    coach: i64,
    occupation: &str,
    starts: NaiveDate,
    ends: Option<NaiveDate>,
    competitive: bool,
    subsidy: bool,
) -> Result<i64, DbError> {
    let now = db::now();
    Ok(diesel::insert_into(placements::table)
        .values((
            placements::jobseeker_id.eq(jobseeker),
            placements::employer_id.eq(employer),
            placements::coach_id.eq(coach),
            placements::job_title.eq(occupation),
            placements::occupation.eq(occupation),
            placements::starts_on.eq(starts),
            placements::ends_on.eq(ends),
            placements::competitive.eq(competitive),
            placements::wage_subsidy.eq(subsidy),
            placements::created_at.eq(now),
            placements::updated_at.eq(now),
        ))
        .returning(placements::id)
        .get_result(conn)?)
}

fn support(
    conn: &mut db::DbConnection,
    placement: i64,
    coach: i64,
    on: NaiveDate,
) -> Result<(), DbError> {
    diesel::insert_into(support_contacts::table)
        .values((
            support_contacts::placement_id.eq(placement),
            support_contacts::coach_id.eq(coach),
            support_contacts::occurred_on.eq(on),
            support_contacts::channel.eq("workplace_visit"),
            support_contacts::created_at.eq(db::now()),
        ))
        .execute(conn)?;
    Ok(())
}

/// The data set: construction in Kerava has two cold employers; coach A meets employers seven
/// times a week, coach B three times a week for the last four weeks only; D has left.
async fn known(app: &TestApp) -> Known {
    let lead = app.add_user(Role::TeamLead, "Vantaa").await;
    let admin = app.add_user(Role::Admin, "Hallinto").await;
    let a = app.add_user(Role::Coach, "Vantaa").await;
    let b = app.add_user(Role::Coach, "Vantaa").await;
    let c = app.add_user(Role::Coach, "Kerava").await;
    let d = app.add_user(Role::Coach, "Kerava").await;
    let (ai, bi, ci, di) = (a.id, b.id, c.id, d.id);
    let ids = app
        .db
        .run(move |conn| -> Result<[i64; 5], DbError> {
            let e1 = employer(conn, "Rakennus Kerava Oy", "43", "245", "has_hired")?;
            let e2 = employer(conn, "Talo Kerava Oy", "41", "245", "prospect")?;
            let e3 = employer(conn, "Kauppa Vantaa Oy", "47", "092", "partner")?;
            let e4 = employer(conn, "Kahvila Vantaa Oy", "56", "092", "partner")?;
            let e5 = employer(conn, "Orpo Kerava Oy", "47", "245", "contacted")?;
            let e6 = employer(conn, "Arkistoitu Vantaa Oy", "47", "092", "partner")?;
            diesel::update(employers::table.find(e6))
                .set(employers::archived_at.eq(Some(db::now())))
                .execute(conn)?;

            contact(conn, e1, ci, at(days_ago(200)), "cold_call", false, None)?;
            contact(conn, e5, di, at(days_ago(150)), "cold_visit", false, None)?;
            contact(conn, e6, ai, at(days_ago(3)), "phone", false, None)?;
            // A: seven face-to-face a week at E3 over the 15 weeks the report reads (the first is
            // client-specific), and one phone call.
            let weeks = ips::complete_weeks(today(), ips::WEEKS_SHOWN + ips::ROLLING - 1);
            for (w, monday) in weeks.iter().enumerate() {
                for i in 0..7 {
                    contact(
                        conn,
                        e3,
                        ai,
                        at(*monday + Days::new(1)) + TimeDelta::minutes(i),
                        "cold_visit",
                        i == 0,
                        None,
                    )?;
                }
                // B: three a week at E4 in the last four weeks.
                if w >= weeks.len() - 4 {
                    for i in 0..3 {
                        contact(
                            conn,
                            e4,
                            bi,
                            at(*monday + Days::new(2)) + TimeDelta::minutes(i),
                            "planned_visit",
                            false,
                            None,
                        )?;
                    }
                }
            }
            contact(conn, e3, ai, at(days_ago(5)), "phone", false, None)?;

            // A's jobseekers: first contacts on their behalf 10 and 40 days after entry; one
            // waiting for 200 days; one who came 10 days ago.
            let j1 = jobseeker(conn, ai, days_ago(300), "working", "47", "092")?;
            let j2 = jobseeker(conn, ai, days_ago(250), "job_search", "56,86", "245")?;
            let _j3 = jobseeker(conn, ai, days_ago(200), "job_search", "86", "092")?;
            let _j4 = jobseeker(conn, ai, days_ago(10), "job_search", "", "")?;
            let closed = jobseeker(conn, ai, days_ago(300), "closed", "41", "245")?;
            diesel::update(jobseekers::table.find(closed))
                .set(jobseekers::closed_on.eq(Some(days_ago(280))))
                .execute(conn)?;
            contact(
                conn,
                e4,
                ai,
                at(days_ago(290)),
                "cold_visit",
                true,
                Some(j1),
            )?;
            contact(conn, e4, ai, at(days_ago(210)), "meeting", true, Some(j2))?;
            // B has 21 jobseekers who came long ago: over the caseload limit.
            for _ in 0..21 {
                jobseeker(conn, bi, days_ago(400), "job_search", "", "")?;
            }

            let p1 = placement(conn, j1, e4, ai, "Kokki", days_ago(20), None, true, false)?;
            support(conn, p1, ai, days_ago(18))?;
            support(conn, p1, ai, days_ago(11))?;
            let p2 = placement(
                conn,
                j2,
                e1,
                ai,
                "Rakennusapumies",
                days_ago(200),
                Some(days_ago(150)),
                false,
                true,
            )?;
            for day in [199, 192, 185, 178] {
                support(conn, p2, ai, days_ago(day))?;
            }
            placement(
                conn,
                j1,
                e4,
                ai,
                "kokki",
                days_ago(100),
                Some(days_ago(60)),
                true,
                false,
            )?;

            let now = db::now();
            for (e, status) in [(e3, "open"), (e1, "filled")] {
                diesel::insert_into(openings::table)
                    .values((
                        openings::employer_id.eq(e),
                        openings::coach_id.eq(ai),
                        openings::title.eq("Myyjä"),
                        openings::status.eq(status),
                        openings::created_at.eq(now),
                        openings::updated_at.eq(now),
                    ))
                    .execute(conn)?;
            }
            for e in [e1, e2, e3, e4, e5, e6] {
                db::employers::touch_last_contact(conn, e)?;
            }
            db::users::set_active(conn, di, false, now)?;
            Ok([e1, e2, e3, e4, e5])
        })
        .await
        .expect("known data set");
    Known {
        lead,
        admin,
        a,
        b,
        c,
        d,
        e1: ids[0],
        e2: ids[1],
        e3: ids[2],
        e4: ids[3],
        e5: ids[4],
    }
}

async fn sign_in(app: &TestApp, user: &TestUser) -> Session {
    let s = app.session();
    let res = s.sign_in(&user.email, support::PASSWORD).await;
    assert_eq!(res.status(), 303);
    s
}

/// The text of the table row whose first cell starts with `label` (tags stripped, spaces
/// squeezed), from the table with this id.
fn row_text(body: &str, table_id: &str, label: &str) -> String {
    let start = body.find(&format!("id=\"{table_id}\"")).expect("table");
    let table = &body[start..start + body[start..].find("</table>").expect("end")];
    for row in table.split("<tr").skip(1) {
        let text = strip(row);
        if text.starts_with(label) {
            return text;
        }
    }
    panic!("no row {label:?} in {table_id}: {}", strip(table));
}

fn strip(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for ch in html.chars() {
        match ch {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out.replace("&nbsp;", " ");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn xlsx_rows(bytes: &[u8], sheet: &str) -> Vec<Vec<String>> {
    use calamine::{Reader, Xlsx};
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes.to_vec())).expect("an XLSX file");
    let range = book.worksheet_range(sheet).expect("the sheet");
    range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

#[actix_web::test]
async fn coverage_shows_the_cold_construction_cells_and_links_to_them() {
    let app = TestApp::spawn().await;
    let k = known(&app).await;
    let s = sign_in(&app, &k.lead).await;

    let page = s.text("/reports/coverage?county=04").await;
    assert!(page.contains("<caption"), "an accessible table");
    let body = page[page.find("id=\"coverage-caption\"").expect("the matrix")..].to_owned();
    // Sections × the municipalities of Vantaa and Kerava's county.
    let f = strip(&body[body.find("F Rakentaminen").expect("construction row")..]);
    // Vantaa: nothing; Kerava: two employers, none active, no openings, one with a placement.
    assert!(
        f.contains("∅ Ei työnantajia: 0 / 0 / 0 / 0"),
        "{}",
        &f[..300]
    );
    assert!(
        f.contains("❄ Ei aktiivista työnantajaa: 2 / 0 / 0 / 1"),
        "{}",
        &f[..300]
    );
    let g = strip(&body[body.find("G Tukku").expect("trade row")..]);
    // Vantaa: E3 active with an opening (the archived employer is not counted); Kerava: E5 cold.
    assert!(g.contains("1 / 1 / 1 / 0"), "{}", &g[..300]);

    // The two cold employers are one click away.
    let link = "/employers?industry=F&amp;municipality=245\"";
    let at = body.find(link).expect("a link to construction in Kerava");
    let href = &body[body[..at].rfind("href=\"").unwrap() + 6..at + link.len() - 1];
    let list = s.text(&href.replace("&amp;", "&")).await;
    assert!(list.contains("2 työnantajaa"), "{}", strip(&list));
    assert!(list.contains("Rakennus Kerava Oy") && list.contains("Talo Kerava Oy"));
    // "Active" links use the list's own 90-day filter and agree with the cell.
    let active = s
        .text("/employers?industry=G&municipality=092&active_90=on")
        .await;
    assert!(active.contains("1 työnantaja"), "{}", strip(&active));
    assert!(active.contains("Kauppa Vantaa Oy"));
    let placed = s
        .text(&format!(
            "/employers?industry=F&municipality=245&placed_from={}&placed_to={}",
            days_ago(365),
            today()
        ))
        .await;
    assert!(placed.contains("Rakennus Kerava Oy") && !placed.contains("Talo Kerava Oy"));

    // Drill down to the divisions of construction: both are cold.
    let divisions = s.text("/reports/coverage?county=04&section=F").await;
    assert!(divisions.contains("41 Talonrakentaminen"));
    assert!(divisions.contains("43 Erikoistunut rakennustoiminta"));

    // The team filter counts only the team's activity: Kerava's team has touched nothing lately.
    let teams = app.db.run(db::users::teams).await.unwrap();
    let kerava = teams.iter().find(|t| t.name == "Kerava").unwrap().id;
    let body = s
        .text(&format!("/reports/coverage?county=04&team={kerava}"))
        .await;
    let body = &body[body.find("id=\"coverage-caption\"").unwrap()..];
    let g = strip(&body[body.find("G Tukku").unwrap()..]);
    assert!(g.contains("1 / 0 / 0 / 0"), "{}", &g[..300]);
}

#[actix_web::test]
async fn coverage_downloads_have_the_same_numbers() {
    let app = TestApp::spawn().await;
    let k = known(&app).await;
    let s = sign_in(&app, &k.lead).await;
    let res = s.get("/reports/coverage?county=04&format=xlsx").await;
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains("coverage-"));
    let rows = xlsx_rows(&res.bytes().await.unwrap(), "Verkoston kattavuus");
    assert_eq!(rows[0][0], "Toimialakoodi");
    let kerava_f = rows
        .iter()
        .find(|r| r[0] == "F" && r[2] == "245")
        .expect("F × Kerava");
    assert_eq!(&kerava_f[4..8], &["2", "0", "0", "1"]);
    assert_eq!(kerava_f[8], "Ei aktiivista työnantajaa");
    let vantaa_g = rows.iter().find(|r| r[0] == "G" && r[2] == "092").unwrap();
    assert_eq!(&vantaa_g[4..8], &["1", "1", "1", "0"]);

    let res = s.get("/reports/coverage?county=04&format=csv").await;
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let bytes = res.bytes().await.unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "a byte order mark for Excel"
    );
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.starts_with("Toimialakoodi;Toimiala;Aluekoodi;Alue;"));
    assert!(
        text.contains("\nF;Rakentaminen;245;Kerava;2;0;0;1;Ei aktiivista työnantajaa\n"),
        "{text}"
    );
}

#[actix_web::test]
async fn relationship_health_lists_and_gaps() {
    let app = TestApp::spawn().await;
    let k = known(&app).await;
    let s = sign_in(&app, &k.admin).await;
    let body = s.text("/reports/relationships").await;

    let one = row_text(&body, "f-employer-one_coach", "Valitse Kauppa Vantaa Oy");
    assert!(one.contains(&k.a.name) && one.contains(" 106 "), "{one}");
    let e1 = row_text(&body, "f-employer-one_coach", "Valitse Rakennus Kerava Oy");
    assert!(e1.contains(&k.c.name), "{e1}");
    let e5 = row_text(&body, "f-employer-one_coach", "Valitse Orpo Kerava Oy");
    assert!(e5.contains(&format!("{} (lähtenyt)", k.d.name)), "{e5}");
    assert!(
        !body[..body.find("id=\"f-employer-orphaned\"").unwrap()].contains(">Kahvila Vantaa Oy<"),
        "two coaches talked to the café"
    );

    let orphaned = &body[body.find("id=\"f-employer-orphaned\"").unwrap()
        ..body.find("id=\"f-employer-cooling\"").unwrap()];
    assert!(orphaned.contains("Orpo Kerava Oy"));
    assert_eq!(orphaned.matches("name=\"employer\"").count(), 1);
    let cooling = &body[body.find("id=\"f-employer-cooling\"").unwrap()..];
    assert!(cooling.contains("Rakennus Kerava Oy"));
    assert_eq!(
        cooling[..cooling.find("</table>").unwrap()]
            .matches("name=\"employer\"")
            .count(),
        1
    );

    // Wishes: health care (86) is wanted by two and nobody contacted such employers; Kerava by one.
    assert!(body.contains("Mitä 25 aktiivista työnhakijaa toivoo"));
    let gaps = strip(&body[body.find("id=\"gaps-industries-title\"").unwrap()..]);
    assert!(gaps.contains("86 Terveyspalvelut 2"), "{}", &gaps[..200]);
    assert!(
        !gaps[..gaps.find("Toivotut kunnat").unwrap()].contains("56 "),
        "the café was visited"
    );
    assert!(gaps.contains("Kerava 1"));

    // The team filter keeps the relationships of the team's coaches.
    let teams = app.db.run(db::users::teams).await.unwrap();
    let vantaa = teams.iter().find(|t| t.name == "Vantaa").unwrap().id;
    let body = s
        .text(&format!("/reports/relationships?team={vantaa}"))
        .await;
    let one = &body[body.find("id=\"f-employer-one_coach\"").unwrap()
        ..body
            .find("id=\"f-employer-orphaned\"")
            .unwrap_or(body.len())];
    assert!(one.contains("Kauppa Vantaa Oy") && !one.contains("Rakennus Kerava Oy"));

    // The downloads have every row, and never a jobseeker's name.
    let xlsx = s
        .get("/reports/relationships?format=xlsx")
        .await
        .bytes()
        .await
        .unwrap();
    let rows = xlsx_rows(
        &xlsx,
        &verkosto::export::xlsx::sheet_name("Vain yhden valmentajan varassa", &[]),
    );
    assert_eq!(rows.len(), 4, "heading and three employers");
    let kauppa = rows.iter().find(|r| r[0] == "Kauppa Vantaa Oy").unwrap();
    assert_eq!(kauppa[3], k.a.name);
    assert_eq!(kauppa[4], "106");
    let csv = s
        .get("/reports/relationships?format=csv")
        .await
        .bytes()
        .await
        .unwrap();
    let text = String::from_utf8_lossy(&csv);
    assert!(!text.contains("Salainen Nimi"));
    assert!(text.contains("86;Terveyspalvelut;2"), "{text}");
}

/// The one-coach list is kept as contacts are logged, including contacts logged afterwards with
/// an earlier date: only contacts of the last 12 months count.
#[actix_web::test]
async fn contacts_logged_later_with_an_earlier_date_count_for_the_one_coach_list() {
    let app = TestApp::spawn().await;
    let k = known(&app).await;
    // The admin reads every team's relationships (Rakennus Kerava is the Kerava team's).
    let lead = sign_in(&app, &k.admin).await;
    let b = sign_in(&app, &k.b).await;
    let one_coach = |body: String| {
        let start = body
            .find("id=\"f-employer-one_coach\"")
            .expect("one-coach list");
        let end = body[start..].find("</table>").expect("end") + start;
        strip(&body[start..end])
    };
    let log = |employer: i64, days: u64| {
        let b = &b;
        async move {
            // Today's call at midnight: 10.00 would be in the future before ten in the morning.
            let time = if days == 0 { "00:00" } else { "10:00" };
            let when = format!("{}T{time}", days_ago(days));
            let res = b
                .post(
                    &format!("/employers/{employer}/contacts"),
                    &[
                        ("channel", "phone"),
                        ("outcome", "needs_learned"),
                        ("occurred_at", &when),
                    ],
                )
                .await;
            assert_eq!(res.status(), 303, "contact logged");
        }
    };
    assert!(one_coach(lead.text("/reports/relationships").await).contains("Kauppa Vantaa Oy"));

    // B's call 400 days ago is older than the 12 months: Kauppa is still A's alone.
    log(k.e3, 400).await;
    let list = one_coach(lead.text("/reports/relationships").await);
    assert!(list.contains("Kauppa Vantaa Oy"), "{list}");
    // B's call 30 days ago, logged after A's newer contacts: two coaches now.
    log(k.e3, 30).await;
    let list = one_coach(lead.text("/reports/relationships").await);
    assert!(!list.contains("Kauppa Vantaa Oy"), "{list}");

    // C alone called Rakennus 200 days ago; B's call today makes it two coaches, and B's
    // own later call does not make it B's alone.
    assert!(list.contains("Rakennus Kerava Oy"), "{list}");
    log(k.e1, 0).await;
    log(k.e1, 0).await;
    let list = one_coach(lead.text("/reports/relationships").await);
    assert!(!list.contains("Rakennus Kerava Oy"), "{list}");
    // Talo Kerava had no contacts; B's call makes it B's alone.
    log(k.e2, 1).await;
    let body = lead.text("/reports/relationships").await;
    let talo = row_text(&body, "f-employer-one_coach", "Valitse Talo Kerava Oy");
    assert!(talo.contains(&k.b.name), "{talo}");
}

/// From the coverage matrix to the cold employers, and a follow-up for a coach from their rows
/// on the employer list.
#[actix_web::test]
async fn a_lead_gives_a_coach_follow_ups_from_the_employer_list() {
    let app = TestApp::spawn().await;
    let k = known(&app).await;
    let lead = sign_in(&app, &k.lead).await;
    let back = "/employers?industry=F&municipality=245";
    let list = lead.text(back).await;
    assert!(list.contains("name=\"employer\" value"), "rows to check");
    assert!(
        list.contains("Valitse Rakennus Kerava Oy"),
        "each box labelled"
    );
    let coach = sign_in(&app, &k.a).await;
    assert!(
        !coach.text(back).await.contains("name=\"employer\" value"),
        "coaches have no row actions"
    );

    // The lead gives follow-ups to their own team's coaches: B (Vantaa), not C (Kerava).
    let (e1, e2, c) = (k.e1.to_string(), k.e2.to_string(), k.b.id.to_string());
    let due = days_ago(0).to_string();
    let list = lead.text(back).await;
    assert!(list.contains(&format!("<option value=\"{c}\"")));
    assert!(
        !list.contains(&format!("<option value=\"{}\"", k.c.id)),
        "another team's coach is no choice"
    );
    let res = lead
        .post(
            "/reports/relationships/follow-up",
            &[
                ("list", "employers"),
                ("back", back),
                ("employer", &e1),
                ("person", &k.c.id.to_string()),
                ("due_on", &due),
                ("what", "Toisen tiimin valmentajalle"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422, "another team's coach is refused");
    let cid = k.c.id;
    let given: i64 = app
        .db
        .run(move |conn| -> Result<_, DbError> {
            Ok(follow_ups::table
                .filter(follow_ups::assignee_id.eq(cid))
                .count()
                .get_result(conn)?)
        })
        .await
        .unwrap();
    assert_eq!(given, 0, "nothing given to another team's coach");
    // Forgot the coach: the same list again, with what was checked and typed.
    let res = lead
        .post(
            "/reports/relationships/follow-up",
            &[
                ("list", "employers"),
                ("back", back),
                ("employer", &e1),
                ("employer", &e2),
                ("person", ""),
                ("due_on", &due),
                ("what", "Esittäydy rakennusalalle"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    assert!(body.contains("2 työnantajaa"), "the employer list");
    assert!(body.contains(&format!("value=\"{e2}\" checked")));
    assert!(body.contains("value=\"Esittäydy rakennusalalle\""));

    let res = lead
        .post(
            "/reports/relationships/follow-up",
            &[
                ("list", "employers"),
                ("back", back),
                ("employer", &e1),
                ("employer", &e2),
                ("person", &c),
                ("due_on", &due),
                ("what", "Esittäydy rakennusalalle"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), back, "back to the list");
    let (cid, e1, e2) = (k.b.id, k.e1, k.e2);
    let given: Vec<i64> = app
        .db
        .run(move |conn| -> Result<_, DbError> {
            Ok(follow_ups::table
                .filter(follow_ups::assignee_id.eq(cid))
                .filter(follow_ups::what.eq("Esittäydy rakennusalalle"))
                .order(follow_ups::employer_id.asc())
                .select(follow_ups::employer_id)
                .load(conn)?)
        })
        .await
        .unwrap();
    assert_eq!(given, vec![e1.min(e2), e1.max(e2)]);
    let list = lead.text(back).await;
    assert!(
        list.contains("Esittäydy rakennusalalle"),
        "the next follow-up on the cards"
    );

    // Only the employer list is a place to return to.
    let res = lead
        .post(
            "/reports/relationships/lead",
            &[
                ("list", "employers"),
                ("back", "https://example.com/employers"),
                ("employer", &k.e1.to_string()),
                ("person", &c),
            ],
        )
        .await;
    assert_eq!(location(&res), "/reports/relationships");
}

#[actix_web::test]
async fn a_lead_assigns_a_relationship_lead_and_a_follow_up_from_the_rows() {
    let app = TestApp::spawn().await;
    let k = known(&app).await;
    let s = sign_in(&app, &k.lead).await;
    let (e1, e3, e5) = (k.e1.to_string(), k.e3.to_string(), k.e5.to_string());
    let b = k.b.id.to_string();

    let res = s
        .post(
            "/reports/relationships/lead",
            &[
                ("list", "cooling"),
                ("employer", &e1),
                ("employer", &e5),
                ("person", &b),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), "/reports/relationships");
    let page = s.text("/reports/relationships").await;
    assert!(page.contains("Vastuuhenkilö on nimetty."));
    let due = (today() + Days::new(7)).to_string();
    let res = s
        .post(
            "/reports/relationships/follow-up",
            &[
                ("list", "orphaned"),
                ("employer", &e5),
                ("person", &b),
                ("due_on", &due),
                ("what", "Esittäydy"),
                ("team", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);

    let checked = app
        .db
        .run(move |conn| -> Result<_, DbError> {
            let leads: Vec<Option<i64>> = employers::table
                .filter(employers::id.eq_any([k.e1, k.e5]))
                .select(employers::lead_user_id)
                .load(conn)?;
            let audited: i64 = audit_log::table
                .filter(audit_log::employer_id.eq(k.e1))
                .filter(audit_log::field.eq("lead_user_id"))
                .count()
                .get_result(conn)?;
            let follow_up: Vec<(i64, String)> = follow_ups::table
                .filter(follow_ups::employer_id.eq(k.e5))
                .select((follow_ups::assignee_id, follow_ups::what))
                .load(conn)?;
            let notices: Vec<(String, String)> = outbox::table
                .select((outbox::recipient, outbox::subject))
                .load(conn)?;
            Ok((leads, audited, follow_up, notices))
        })
        .await
        .unwrap();
    let (leads, audited, follow_up, notices) = checked;
    assert_eq!(leads, vec![Some(k.b.id), Some(k.b.id)]);
    assert_eq!(audited, 1, "the change is in the audit trail");
    assert_eq!(follow_up, vec![(k.b.id, "Esittäydy".to_owned())]);
    // B hears of the follow-up the lead gave them.
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert_eq!(notices[0].0, k.b.email);
    // The subject names no employer: a subject never carries what users typed.
    assert_eq!(notices[0].1, "Sinulle siirrettiin seuranta", "{notices:?}");

    // Incomplete: the page again with the field's error, and what was typed and checked kept.
    let res = s
        .post(
            "/reports/relationships/follow-up",
            &[
                ("list", "one_coach"),
                ("employer", &e3),
                ("person", &b),
                ("due_on", ""),
                ("what", "Soita heti"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    assert!(body.contains("Anna määräpäivä (pp.kk.vvvv, vuosien 1900 ja 2100 väliltä)."));
    assert!(body.contains("value=\"Soita heti\""));
    assert!(body.contains(&format!("value=\"{e3}\" checked")));
    let res = s
        .post(
            "/reports/relationships/lead",
            &[("list", "cooling"), ("person", &b)],
        )
        .await;
    assert_eq!(res.status(), 422);
    // A coach who left cannot be made the lead.
    let res = s
        .post(
            "/reports/relationships/lead",
            &[
                ("list", "cooling"),
                ("employer", &e1),
                ("person", &k.d.id.to_string()),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    // Without the CSRF token nothing happens.
    let res = s
        .post_raw(
            "/reports/relationships/lead",
            &[("employer", &e1), ("person", &b)],
        )
        .await;
    assert_eq!(res.status(), 403);
}

#[actix_web::test]
async fn job_development_numbers_per_coach() {
    let app = TestApp::spawn().await;
    let k = known(&app).await;
    // The admin reads every team's numbers (C is in Kerava).
    let s = sign_in(&app, &k.admin).await;
    let body = s.text("/reports/job-development").await;
    assert!(body.contains("role=\"img\""), "a chart");
    assert!(body.contains("<desc id=\"f2f-chart-desc\">"));

    // Weekly: A seven every week; B nothing for eight weeks, then three a week: below target.
    let a = row_text(&body, "f2f-coaches", &k.a.name);
    assert_eq!(a, format!("{} {}7,0 7,0 12 72", k.a.name, "7 ".repeat(12)));
    let b = row_text(&body, "f2f-coaches", &k.b.name);
    assert!(
        b.starts_with(&format!(
            "{} {}3 ▼ (alle tavoitteen) 3 ▼",
            k.b.name,
            "0 ▼ (alle tavoitteen) ".repeat(8)
        )),
        "{b}"
    );
    assert!(b.ends_with("1,0 3,0 ▼ (alle tavoitteen) 0 12"), "{b}");
    // The team's weeks: (7 + 0 + 0) / 3 coaches, then (7 + 3 + 0) / 3.
    let last_week = ips::complete_weeks(today(), 1)[0]
        .format("%-d.%-m.")
        .to_string();
    let team = row_text(&body, "f2f-team", &last_week);
    assert!(
        team.starts_with(&format!("{last_week} 10 3,3 3,3")),
        "{team}"
    );

    // Caseload, rapid job search, outcomes and follow-along of A.
    let a = row_text(&body, "by-coach", &k.a.name);
    assert_eq!(
        a,
        format!(
            "{} 4 4 25,0 25,0 % 3 66,7 % 66,7 % 66,7 % 1 66,7 % 50,0 %",
            k.a.name
        )
    );
    let b = row_text(&body, "by-coach", &k.b.name);
    assert!(
        b.starts_with(&format!("{} 21 ▲ (yli rajan)", k.b.name)),
        "{b}"
    );

    // The same numbers in the download.
    let xlsx = s
        .get("/reports/job-development?format=xlsx")
        .await
        .bytes()
        .await
        .unwrap();
    let rows = xlsx_rows(
        &xlsx,
        &verkosto::export::xlsx::sheet_name("Asiakasmäärä ja tulokset valmentajittain", &[]),
    );
    let a = rows.iter().find(|r| r[0] == k.a.name).unwrap();
    assert_eq!(
        &a[1..],
        &["4", "4", "25", "25", "3", "66.7", "66.7", "66.7", "1", "66.7", "50"]
    );
    let csv = s
        .get("/reports/job-development?format=csv")
        .await
        .bytes()
        .await
        .unwrap();
    let text = String::from_utf8(csv[3..].to_vec()).unwrap();
    assert!(
        text.contains(&format!("{};{}7,0;7,0;12;72", k.a.name, "7;".repeat(12))),
        "{text}"
    );
    assert!(!text.contains("Salainen Nimi"));
}

/// A team lead reads their own team's reports: another team's coaches, relationships and
/// numbers stay out whatever the filters say; an admin reads everybody's.
#[actix_web::test]
async fn a_team_lead_reads_their_own_teams_reports_only() {
    let app = TestApp::spawn().await;
    let k = known(&app).await;
    let s = sign_in(&app, &k.lead).await;
    let teams = app.db.run(db::users::teams).await.unwrap();
    let kerava = teams.iter().find(|t| t.name == "Kerava").unwrap().id;
    let c = k.c.id;

    for path in [
        "/reports/job-development".to_owned(),
        format!("/reports/job-development?team={kerava}"),
        format!("/reports/job-development?coach={c}"),
        "/reports/job-development?format=csv".to_owned(),
        format!("/reports/job-development?format=csv&team={kerava}"),
    ] {
        let body = s.text(&path).await;
        assert!(!body.contains(&k.c.name), "{path}: Kerava's coach");
    }
    let body = s.text("/reports/job-development").await;
    assert!(body.contains(&k.a.name) && body.contains(&k.b.name));
    let teams_select = &body[body.find("name=\"team\"").expect("team filter")..];
    let teams_select = &teams_select[..teams_select.find("</select>").unwrap()];
    assert!(teams_select.contains("Vantaa"), "{teams_select}");
    assert!(!teams_select.contains("Kerava"), "no other team to choose");

    for path in [
        "/reports/relationships".to_owned(),
        format!("/reports/relationships?team={kerava}"),
        format!("/reports/relationships?coach={c}"),
        "/reports/relationships?format=csv".to_owned(),
    ] {
        let body = s.text(&path).await;
        for other in ["Rakennus Kerava Oy", "Orpo Kerava Oy", &k.c.name, &k.d.name] {
            assert!(!body.contains(other), "{path}: {other}");
        }
    }
    let body = s.text("/reports/relationships").await;
    assert!(body.contains("Kauppa Vantaa Oy"), "the own team's");

    // The admin reads Kerava's too.
    let admin = sign_in(&app, &k.admin).await;
    let body = admin
        .text(&format!("/reports/relationships?team={kerava}"))
        .await;
    assert!(body.contains("Rakennus Kerava Oy"));
    let body = admin
        .text(&format!("/reports/job-development?team={kerava}"))
        .await;
    assert!(body.contains(&k.c.name));
}

#[actix_web::test]
async fn a_coach_sees_only_their_own_numbers_and_no_other_report() {
    let app = TestApp::spawn().await;
    let k = known(&app).await;
    let s = sign_in(&app, &k.a).await;
    let home = s.text("/").await;
    assert!(
        home.contains("href=\"/reports/job-development\""),
        "the coach's way to their numbers"
    );
    assert!(!home.contains("href=\"/reports\""));
    let body = s
        .text(&format!("/reports/job-development?coach={}", k.b.id))
        .await;
    assert!(body.contains("Oma työnhankintani"));
    assert!(body.contains(&k.a.name));
    assert!(
        !body.contains(&k.b.name),
        "another coach's numbers stay hidden"
    );
    let csv = s
        .get(&format!(
            "/reports/job-development?format=csv&coach={}",
            k.b.id
        ))
        .await;
    let text = String::from_utf8(csv.bytes().await.unwrap().to_vec()).unwrap();
    assert!(!text.contains(&k.b.name));
    for path in [
        "/reports",
        "/reports/coverage",
        "/reports/relationships",
        "/reports/coverage?format=xlsx",
    ] {
        assert_eq!(s.get(path).await.status(), 403, "{path}");
    }
    let admin = app.add_user(Role::Admin, "Hallinto").await;
    let s = sign_in(&app, &admin).await;
    assert!(s.text("/").await.contains("href=\"/reports\""));
    assert_eq!(s.get("/reports/coverage").await.status(), 200);
    let _ = (k.e2, k.e3, k.e4, users::table);
}

#[actix_web::test]
async fn the_employer_list_downloads_with_its_filters() {
    let app = TestApp::spawn().await;
    let k = known(&app).await;
    let s = sign_in(&app, &k.a).await;
    let res = s.get("/employers?municipality=245&format=csv").await;
    assert_eq!(res.status(), 200);
    let bytes = res.bytes().await.unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines.len(),
        4,
        "a heading and Kerava's three employers: {text}"
    );
    assert!(lines[0].starts_with("Nimi;Y-tunnus;Toimialakoodi;Kunta;"));
    assert!(text.contains("Rakennus Kerava Oy;;43;Kerava;"));
    let xlsx = s
        .get("/employers?industry=G&format=xlsx")
        .await
        .bytes()
        .await
        .unwrap();
    let rows = xlsx_rows(&xlsx, "Työnantajat");
    let names: Vec<&str> = rows.iter().skip(1).map(|r| r[0].as_str()).collect();
    assert_eq!(names, vec!["Kauppa Vantaa Oy", "Orpo Kerava Oy"]);
}
