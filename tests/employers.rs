//! The employer register over real HTTP: create, validate, search, filter, edit conflicts,
//! archive, contact persons, history.

mod support;

use support::{location, Session, TestApp};
use verkosto::domain::role::Role;

const VANTAA: &str = "092";
const KERAVA: &str = "245";

async fn create(s: &Session, name: &str, municipality: &str, business_id: &str) -> i64 {
    let res = s
        .post(
            "/employers",
            &[
                ("name", name),
                ("municipality_code", municipality),
                ("business_id", business_id),
                ("sector", "private"),
                ("stage", "prospect"),
            ],
        )
        .await;
    assert_eq!(
        res.status(),
        303,
        "creating {name}: {}",
        res.text().await.unwrap_or_default()
    );
    id_from(&location(&res))
}

fn id_from(location: &str) -> i64 {
    location
        .trim_start_matches("/employers/")
        .split(['#', '?', '/'])
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no employer id in {location}"))
}

/// The edit form's fields as a browser would send them back.
async fn edit_fields(s: &Session, id: i64) -> Vec<(String, String)> {
    let page = s.text(&format!("/employers/{id}/edit")).await;
    let mut fields = Vec::new();
    for name in [
        "name",
        "business_id",
        "municipality_code",
        "sector",
        "stage",
        "other_names",
        "address",
        "notes",
        "version",
        "base",
        "tags",
    ] {
        let value = if name == "notes" {
            let start = page
                .find("name=\"notes\"")
                .and_then(|i| page[i..].find('>').map(|j| i + j + 1))
                .unwrap();
            let end = page[start..].find("</textarea>").unwrap() + start;
            html_unescape(&page[start..end])
        } else if name == "municipality_code" {
            "092".to_owned()
        } else if name == "sector" {
            "private".to_owned()
        } else if name == "stage" {
            "prospect".to_owned()
        } else {
            let marker = format!("name=\"{name}\" ");
            let at = page
                .find(&marker)
                .unwrap_or_else(|| panic!("no field {name}"));
            let tag_start = page[..at].rfind('<').unwrap();
            let tag = &page[tag_start..at + page[at..].find('>').unwrap()];
            let v = tag.find("value=\"").map(|i| i + 7).unwrap();
            html_unescape(&tag[v..v + tag[v..].find('"').unwrap()])
        };
        fields.push((name.to_owned(), value));
    }
    fields
}

fn html_unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn with(fields: &[(String, String)], name: &str, value: &str) -> Vec<(String, String)> {
    fields
        .iter()
        .map(|(k, v)| {
            (
                k.clone(),
                if k == name {
                    value.to_owned()
                } else {
                    v.clone()
                },
            )
        })
        .collect()
}

async fn post_owned(s: &Session, path: &str, fields: &[(String, String)]) -> reqwest::Response {
    let borrowed: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    s.post(path, &borrowed).await
}

#[actix_web::test]
async fn a_coach_creates_an_employer_and_finds_it_by_name_or_business_id() {
    let app = TestApp::spawn().await;
    let (s, _) = app.signed_in(Role::Coach).await;
    let id = create(&s, "Pirkkalan Pyörä Oy", VANTAA, "2646674-9").await;
    let page = s.text(&format!("/employers/{id}")).await;
    assert!(page.contains("Pirkkalan Pyörä Oy"));
    assert!(page.contains("Työnantaja lisätty."));
    create(&s, "Kahvila Aurinko", KERAVA, "").await;

    for q in ["pirkka", "PYORA", "pyörä", "2646674-9", "26466749"] {
        let list = s.text(&format!("/employers?q={}", urlencode(q))).await;
        assert!(list.contains("Pirkkalan Pyörä Oy"), "{q} finds it");
        assert!(!list.contains("Kahvila Aurinko"), "{q} finds only it");
    }
    let none = s.text("/employers?q=zzz").await;
    assert!(none.contains("Hakuehdoilla ei löytynyt työnantajia."));
}

fn urlencode(s: &str) -> String {
    verkosto::web::gate::urlencode(s)
}

#[actix_web::test]
async fn a_wrong_check_digit_gets_the_fields_error_and_keeps_all_input() {
    let app = TestApp::spawn().await;
    let (s, _) = app.signed_in(Role::Coach).await;
    let res = s
        .post(
            "/employers",
            &[
                ("name", "Logistiikka Virta Oy"),
                ("business_id", "2646674-8"),
                ("municipality_code", VANTAA),
                ("address", "Tikkurilantie 1"),
                ("notes", "Varastotyötä 20 h/vk"),
                ("sector", "private"),
                ("stage", "prospect"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    assert!(body.contains("Y-tunnuksen tarkistenumero ei täsmää."));
    assert!(body.contains("value=\"Logistiikka Virta Oy\""));
    assert!(body.contains("value=\"2646674-8\""));
    assert!(body.contains("value=\"Tikkurilantie 1\""));
    assert!(body.contains("Varastotyötä 20 h/vk"));
    assert!(
        body.contains("<option value=\"092\" selected"),
        "municipality kept"
    );
    // Nothing was saved.
    assert!(s
        .text("/employers")
        .await
        .contains("Hakuehdoilla ei löytynyt työnantajia."));

    // In Swedish, the same error speaks Swedish.
    s.post("/profile/language", &[("language", "sv")]).await;
    let res = s
        .post(
            "/employers",
            &[
                ("name", "X"),
                ("business_id", "12"),
                ("municipality_code", VANTAA),
                ("sector", "private"),
            ],
        )
        .await;
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("FO-numret har formen 1234567-8"));
}

#[actix_web::test]
async fn a_duplicate_business_id_links_to_the_existing_employer() {
    let app = TestApp::spawn().await;
    let (s, _) = app.signed_in(Role::Coach).await;
    let first = create(&s, "Vantaan Varastopalvelu Oy", VANTAA, "0112038-9").await;
    let res = s
        .post(
            "/employers",
            &[
                ("name", "Aivan Toinen Nimi Oy"),
                ("business_id", "01120389"),
                ("municipality_code", KERAVA),
                ("sector", "private"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    assert!(body.contains("Tällä Y-tunnuksella on jo työnantaja"));
    assert!(
        body.contains(&format!("href=\"/employers/{first}\"")),
        "links the existing one"
    );
}

#[actix_web::test]
async fn a_resembling_name_in_the_same_municipality_warns_before_saving() {
    let app = TestApp::spawn().await;
    let (s, _) = app.signed_in(Role::Coach).await;
    let first = create(&s, "Logistiikka Virta Oy", VANTAA, "").await;
    let fields = [
        ("name", "Logistiikka-Virta"),
        ("municipality_code", VANTAA),
        ("sector", "private"),
        ("stage", "prospect"),
    ];
    let res = s.post("/employers", &fields).await;
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    assert!(body.contains("samankaltaisen niminen työnantaja"));
    assert!(body.contains(&format!("href=\"/employers/{first}\"")));
    assert!(body.contains("name=\"confirm_similar\""));
    // In another municipality the same name is no warning.
    let res = s
        .post(
            "/employers",
            &[
                ("name", "Logistiikka-Virta"),
                ("municipality_code", KERAVA),
                ("sector", "private"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    // Going on after the warning saves it.
    let mut confirmed = fields.to_vec();
    confirmed.push(("confirm_similar", "1"));
    assert_eq!(s.post("/employers", &confirmed).await.status(), 303);
}

#[actix_web::test]
async fn two_coaches_editing_one_employer_meet_a_conflict_page_not_a_lost_edit() {
    let app = TestApp::spawn().await;
    let (aino, _) = app.signed_in(Role::Coach).await;
    let (jussi, _) = app.signed_in(Role::Coach).await;
    let id = create(&aino, "Kahvila Aurinko", VANTAA, "").await;

    let aino_form = edit_fields(&aino, id).await;
    let jussi_form = edit_fields(&jussi, id).await;

    // Aino saves first: notes and address.
    let res = post_owned(
        &aino,
        &format!("/employers/{id}"),
        &with(
            &with(&aino_form, "notes", "Aamuvuorot klo 6 alkaen"),
            "address",
            "Asematie 5",
        ),
    )
    .await;
    assert_eq!(res.status(), 303);

    // Jussi saves his own notes on the old version: a conflict, nothing overwritten.
    let res = post_owned(
        &jussi,
        &format!("/employers/{id}"),
        &with(
            &with(&jussi_form, "notes", "Ei aamuvuoroja"),
            "tags",
            "kahvila",
        ),
    )
    .await;
    assert_eq!(res.status(), 409);
    let conflict = res.text().await.unwrap();
    assert!(conflict.contains("Joku muu tallensi samaan aikaan"));
    assert!(
        conflict.contains("Aamuvuorot klo 6 alkaen"),
        "shows their version"
    );
    assert!(conflict.contains("Ei aamuvuoroja"), "shows mine");
    assert!(
        conflict.contains("Asematie 5"),
        "their untouched-by-me change is kept"
    );
    let page = aino.text(&format!("/employers/{id}")).await;
    assert!(
        page.contains("Aamuvuorot klo 6 alkaen") && !page.contains("Ei aamuvuoroja"),
        "the first save stands"
    );

    // Jussi merges: he picks his notes; Aino's address and his tag both survive.
    let version = {
        let at = conflict.find("name=\"version\" value=\"").unwrap() + 22;
        conflict[at..at + conflict[at..].find('"').unwrap()].to_owned()
    };
    assert_eq!(version, "2");
    let base = {
        let at = conflict.find("name=\"base\" value=\"").unwrap() + 19;
        html_unescape(&conflict[at..at + conflict[at..].find('"').unwrap()])
    };
    let merged = vec![
        ("name".to_owned(), "Kahvila Aurinko".to_owned()),
        ("municipality_code".to_owned(), VANTAA.to_owned()),
        ("sector".to_owned(), "private".to_owned()),
        ("stage".to_owned(), "prospect".to_owned()),
        ("address".to_owned(), "Asematie 5".to_owned()),
        ("tags".to_owned(), "kahvila".to_owned()),
        ("notes".to_owned(), "Ei aamuvuoroja".to_owned()),
        ("version".to_owned(), version),
        ("base".to_owned(), base),
    ];
    assert_eq!(
        post_owned(&jussi, &format!("/employers/{id}"), &merged)
            .await
            .status(),
        303
    );
    let page = aino.text(&format!("/employers/{id}")).await;
    assert!(
        page.contains("Ei aamuvuoroja") && page.contains("Asematie 5") && page.contains("kahvila")
    );

    // The history shows who changed what, from what to what.
    let history = aino.text(&format!("/employers/{id}/history")).await;
    assert!(history.contains("Aamuvuorot klo 6 alkaen") && history.contains("Ei aamuvuoroja"));
    assert!(history.contains("Asematie 5"));
}

#[actix_web::test]
async fn archived_employers_leave_the_register_and_come_back() {
    let app = TestApp::spawn().await;
    let (coach, _) = app.signed_in(Role::Coach).await;
    let (lead, _) = app.signed_in(Role::TeamLead).await;
    let id = create(&coach, "Sulkeutuva Kauppa Oy", KERAVA, "").await;
    assert_eq!(
        coach
            .post(&format!("/employers/{id}/archive"), &[])
            .await
            .status(),
        403
    );
    assert_eq!(
        lead.post(&format!("/employers/{id}/archive"), &[])
            .await
            .status(),
        303
    );
    assert!(!coach
        .text("/employers")
        .await
        .contains("Sulkeutuva Kauppa Oy"));
    assert!(coach
        .text("/employers?archived=on")
        .await
        .contains("Sulkeutuva Kauppa Oy"));
    assert!(coach
        .text(&format!("/employers/{id}"))
        .await
        .contains("Työnantaja on arkistoitu."));
    assert_eq!(
        lead.post(&format!("/employers/{id}/restore"), &[])
            .await
            .status(),
        303
    );
    assert!(coach
        .text("/employers")
        .await
        .contains("Sulkeutuva Kauppa Oy"));
}

#[actix_web::test]
async fn filters_narrow_the_register() {
    let app = TestApp::spawn().await;
    let (s, _) = app.signed_in(Role::Coach).await;
    let vantaa = create(&s, "Vantaan Rakennus Oy", VANTAA, "").await;
    create(&s, "Keravan Kauppa Oy", KERAVA, "").await;
    // Industry: set one to construction (F, division 41).
    let form = edit_fields(&s, vantaa).await;
    let mut with_industry = form.clone();
    with_industry.push(("industry_code".into(), "41".into()));
    assert_eq!(
        post_owned(&s, &format!("/employers/{vantaa}"), &with_industry)
            .await
            .status(),
        303
    );

    let by_municipality = s.text(&format!("/employers?municipality={KERAVA}")).await;
    assert!(
        by_municipality.contains("Keravan Kauppa Oy")
            && !by_municipality.contains("Vantaan Rakennus Oy")
    );
    let by_section = s.text("/employers?industry=F").await;
    assert!(
        by_section.contains("Vantaan Rakennus Oy") && !by_section.contains("Keravan Kauppa Oy")
    );
    let by_division = s.text("/employers?industry=41").await;
    assert!(by_division.contains("Vantaan Rakennus Oy"));
    // Both are in the Vantaa and Kerava county (04); Helsinki's (90) has neither.
    let county = s.text("/employers?county=04").await;
    assert!(county.contains("Vantaan Rakennus Oy") && county.contains("Keravan Kauppa Oy"));
    assert!(!s
        .text("/employers?county=90")
        .await
        .contains("Keravan Kauppa Oy"));

    // A contact moves one out of "no contact in 90 days", and its next step into "open follow-ups".
    let res = s
        .post(
            &format!("/employers/{vantaa}/contacts"),
            &[
                ("channel", "cold_call"),
                ("outcome", "not_now"),
                ("next_step", "Soita keväällä"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let cold = s.text("/employers?no_contact_90=on").await;
    assert!(cold.contains("Keravan Kauppa Oy") && !cold.contains("Vantaan Rakennus Oy"));
    let open = s.text("/employers?open_follow_ups=on").await;
    assert!(open.contains("Vantaan Rakennus Oy") && !open.contains("Keravan Kauppa Oy"));
    let contacted = s.text("/employers?stage=contacted").await;
    assert!(contacted.contains("Vantaan Rakennus Oy") && !contacted.contains("Keravan Kauppa Oy"));
    // Sorted by last contact, the contacted one comes first.
    let sorted = s.text("/employers?sort=last_contact").await;
    assert!(
        sorted.find("Vantaan Rakennus Oy").unwrap() < sorted.find("Keravan Kauppa Oy").unwrap()
    );
    // The row shows the last contact and the next follow-up.
    assert!(sorted.contains("Kylmäsoitto") && sorted.contains("Soita keväällä"));
}

#[actix_web::test]
async fn the_register_pages_through_many_employers() {
    let app = TestApp::spawn().await;
    let (s, user) = app.signed_in(Role::Coach).await;
    app.db
        .run(move |conn| -> Result<(), verkosto::db::DbError> {
            for i in 0..120 {
                let form = verkosto::domain::employer::EmployerForm {
                    name: format!("Yritys {i:03} Oy"),
                    municipality_code: VANTAA.into(),
                    sector: "private".into(),
                    ..Default::default()
                };
                let fields = verkosto::domain::employer::validate(&form).unwrap();
                verkosto::db::employers::insert(conn, &fields, user.id, verkosto::db::now())?;
            }
            Ok(())
        })
        .await
        .unwrap();
    let first = s.text("/employers").await;
    assert!(first.contains("120 työnantajaa"));
    assert!(
        first.contains("Yritys 000 Oy")
            && first.contains("Yritys 049 Oy")
            && !first.contains("Yritys 050 Oy")
    );
    assert!(first.contains("Sivu 1 / 3"));
    let third = s.text("/employers?page=3").await;
    assert!(third.contains("Yritys 119 Oy") && !third.contains("Yritys 099 Oy"));
}

#[actix_web::test]
async fn contact_persons_are_added_reached_and_marked_as_left() {
    let app = TestApp::spawn().await;
    let (s, _) = app.signed_in(Role::Coach).await;
    let id = create(&s, "Keravan Kiinteistöhuolto Oy", KERAVA, "").await;
    let res = s
        .post(
            &format!("/employers/{id}/persons"),
            &[
                ("name", "Ville Varasto"),
                ("phone", "soita minulle"),
                ("email", "ville@"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    assert!(
        body.contains("Anna puhelinnumero numeroina") && body.contains("value=\"Ville Varasto\"")
    );
    let res = s
        .post(
            &format!("/employers/{id}/persons"),
            &[
                ("name", "Ville Varasto"),
                ("role", "Työnjohtaja"),
                ("phone", "040 123 4567"),
                ("email", "Ville@Kiinteisto.fi"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let page = s.text(&format!("/employers/{id}")).await;
    assert!(page.contains("href=\"tel:0401234567\""));
    assert!(page.contains("href=\"mailto:ville@kiinteisto.fi\""));
    let person_id: i64 = {
        let at = page.find("/persons/").unwrap() + 9;
        page[at..at + page[at..].find('/').unwrap()]
            .parse()
            .unwrap()
    };
    let res = s
        .post(
            &format!("/employers/{id}/persons/{person_id}/left"),
            &[("left", "true")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let page = s.text(&format!("/employers/{id}")).await;
    assert!(
        page.contains("Lähtenyt yrityksestä"),
        "kept, marked as left"
    );
    assert!(page.contains("Ville Varasto"));
    let history = s.text(&format!("/employers/{id}/history")).await;
    assert!(history.contains("Yhteyshenkilö") && history.contains("lähtenyt yrityksestä"));
}
