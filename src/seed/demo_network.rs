//! The demo organisation's employer network: about 150 made-up employers in Vantaa, Kerava and
//! around, their contact persons, about 1,500 contacts over the last 18 months by the six
//! coaches, and open follow-ups, some overdue. Deterministic: the same seed, the same network
//! (dates are relative to the day it is loaded).

use crate::db::contacts::{self, PersonForm};
use crate::db::{employers, follow_ups, users, DbConnection, DbError, DbResult};
use crate::domain::business_id::{check_digit, BusinessId};
use crate::domain::contact::{Channel, ContactFields, Outcome, Purpose};
use crate::domain::employer::{EmployerFields, Sector, SizeClass, Stage};
use crate::format;
use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use std::collections::{HashMap, HashSet};

const WORDS: &str = include_str!("../../seed/demo/network.txt");
const SEED: u64 = 2026;

const VANTAA: &str = "092";
const KERAVA: &str = "245";
/// Neighbours where a few employers of the network are.
const AROUND: &[&str] = &["091", "858", "186", "753"];
/// Industries (TOL 2008 divisions) with their weight in the network.
const INDUSTRIES: &[(&str, u32)] = &[
    ("56", 16),
    ("47", 14),
    ("52", 12),
    ("81", 14),
    ("87", 6),
    ("88", 5),
    ("43", 7),
    ("41", 4),
    ("49", 6),
    ("10", 4),
    ("55", 3),
    ("45", 5),
    ("96", 4),
];

struct Words {
    lists: HashMap<String, Vec<String>>,
}

impl Words {
    fn parse() -> Words {
        let lists = WORDS
            .lines()
            .filter(|l| !l.starts_with('#') && l.contains(':'))
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| {
                (
                    k.trim().to_owned(),
                    v.split(',').map(|w| w.trim().to_owned()).collect(),
                )
            })
            .collect();
        Words { lists }
    }

    fn pick(&self, key: &str, rng: &mut StdRng) -> String {
        self.lists
            .get(key)
            .and_then(|l| l.choose(rng))
            .cloned()
            .unwrap_or_default()
    }
}

fn weighted(rng: &mut StdRng) -> &'static str {
    let total: u32 = INDUSTRIES.iter().map(|(_, w)| w).sum();
    let mut pick = rng.gen_range(0..total);
    for (code, w) in INDUSTRIES {
        if pick < *w {
            return code;
        }
        pick -= w;
    }
    INDUSTRIES[0].0
}

/// A made-up business ID: 9000000–9999999 is a range not issued to real companies.
fn business_id(rng: &mut StdRng, taken: &mut HashSet<String>) -> Option<BusinessId> {
    loop {
        let n: u32 = rng.gen_range(9_000_000..10_000_000);
        let digits: Vec<u32> = n
            .to_string()
            .chars()
            .filter_map(|c| c.to_digit(10))
            .collect();
        let Some(check) = check_digit(&digits) else {
            continue;
        };
        let id = format!("{n}-{check}");
        if taken.insert(id.clone()) {
            return BusinessId::parse(&id).ok();
        }
    }
}

struct Coach {
    id: i64,
    email: String,
    team: String,
}

struct Planned {
    id: i64,
    /// The coaches who talk to this employer; empty: never contacted.
    coaches: Vec<usize>,
}

/// A weekday working-hours moment `days_ago` days back, as UTC.
fn working_time(rng: &mut StdRng, today: NaiveDate, days_ago: u64) -> NaiveDateTime {
    let mut day = today.checked_sub_days(Days::new(days_ago)).unwrap_or(today);
    while day.weekday().number_from_monday() > 5 {
        day = day.checked_sub_days(Days::new(1)).unwrap_or(day);
    }
    let local = day.and_time(
        NaiveTime::from_hms_opt(rng.gen_range(8..16), rng.gen_range(0..60), 0).unwrap_or_default(),
    );
    format::helsinki_to_utc(local).unwrap_or(local)
}

fn note_for(outcome: Outcome, rng: &mut StdRng) -> String {
    let options: &[&str] = match outcome {
        Outcome::NoAnswer => &["", "Ei vastannut, yritetään uudelleen.", "Puhelin kiinni."],
        Outcome::NotNow => &[
            "Kiireinen kausi, soittakaa myöhemmin.",
            "Ei rekrytointitarvetta juuri nyt.",
            "Palataan asiaan alkuvuodesta.",
        ],
        Outcome::NeedsLearned => &[
            "Tarvetta aamuvuoroihin, 20 h/vk mahdollista.",
            "Kiinnostuneita osa-aikaisista, perehdytys omalla väellä.",
            "Sesonkiapua tarvitaan keväällä.",
        ],
        Outcome::MeetingBooked => &[
            "Sovittu tapaaminen työpaikalla.",
            "Esittelen palvelun tiimille.",
        ],
        Outcome::OpeningFound => &[
            "Varastotyöntekijän paikka, ei julkisesti haussa.",
            "Keittiöapulainen, 25 h/vk.",
            "Siivoojan paikka, joustava aloitus.",
        ],
        Outcome::InterviewAgreed => &[
            "Haastattelu sovittu ensi viikolle.",
            "Työkokeilu ja haastattelu samana päivänä.",
        ],
        Outcome::Hired => &[
            "Ehdokas aloittaa kuun alussa.",
            "Palkattiin osa-aikaiseksi.",
        ],
        Outcome::Declined => &["Ei halua tehdä yhteistyötä nyt.", "Ei sopivia tehtäviä."],
    };
    options
        .choose(rng)
        .map(|s| (*s).to_owned())
        .unwrap_or_default()
}

/// What a contact in this place of the relationship tends to be.
fn next_contact(rng: &mut StdRng, nth: usize) -> (Channel, Outcome, Option<Purpose>) {
    if nth == 0 {
        let channel = if rng.gen_bool(0.5) {
            Channel::ColdCall
        } else {
            Channel::ColdVisit
        };
        let outcome = *[
            Outcome::NoAnswer,
            Outcome::NotNow,
            Outcome::NeedsLearned,
            Outcome::MeetingBooked,
        ]
        .choose(rng)
        .unwrap_or(&Outcome::NotNow);
        return (channel, outcome, Some(Purpose::IntroduceService));
    }
    let channel = *[
        Channel::Phone,
        Channel::PlannedVisit,
        Channel::Meeting,
        Channel::Email,
        Channel::WorkplaceVisit,
        Channel::ColdVisit,
    ]
    .choose(rng)
    .unwrap_or(&Channel::Phone);
    let roll: f64 = rng.gen();
    // Most contacts learn something or are told "not now"; openings and hires are the rare prize.
    let outcome = match roll {
        r if r < 0.24 => Outcome::NoAnswer,
        r if r < 0.46 => Outcome::NotNow,
        r if r < 0.70 => Outcome::NeedsLearned,
        r if r < 0.84 => Outcome::MeetingBooked,
        r if r < 0.90 => Outcome::OpeningFound,
        r if r < 0.945 => Outcome::InterviewAgreed,
        r if r < 0.96 => Outcome::Hired,
        _ => Outcome::Declined,
    };
    let purpose = *[
        Purpose::LearnNeeds,
        Purpose::PresentCandidate,
        Purpose::FollowUp,
        Purpose::ArrangeInterview,
    ]
    .choose(rng)
    .unwrap_or(&Purpose::FollowUp);
    (channel, outcome, Some(purpose))
}

fn latest_contact(conn: &mut DbConnection, employer_id: i64) -> DbResult<Option<i64>> {
    Ok(contacts::recent(conn, employer_id, 1)?
        .first()
        .map(|c| c.id))
}

/// Loads the network for the demo coaches (`@demo.verkosto.fi`), in the users file's order.
pub fn load(conn: &mut DbConnection, now: NaiveDateTime) -> DbResult<()> {
    let mut rng = StdRng::seed_from_u64(SEED);
    let words = Words::parse();
    let today = format::today_helsinki(now);
    let coaches: Vec<Coach> = users::list(conn)?
        .into_iter()
        .filter(|u| {
            u.role == crate::domain::role::Role::Coach && u.email.ends_with("@demo.verkosto.fi")
        })
        .map(|u| Coach {
            id: u.id,
            email: u.email,
            team: u.team_name,
        })
        .collect();
    if coaches.len() < 2 {
        return Err(DbError::Invalid(
            "the demo network needs the demo coaches".into(),
        ));
    }
    let team_of = |team: &str| -> Vec<usize> {
        coaches
            .iter()
            .enumerate()
            .filter(|(_, c)| c.team == team)
            .map(|(i, _)| i)
            .collect()
    };
    let (vantaa_team, kerava_team) = (team_of("Vantaa"), team_of("Kerava"));
    let maija = coaches
        .iter()
        .position(|c| c.email == "maija.koutsi@demo.verkosto.fi")
        .unwrap_or(0); // the coach the README signs in as
    let mut taken_ids = HashSet::new();
    let mut taken_names = HashSet::new();
    let mut planned: Vec<Planned> = Vec::new();

    // The employer of the brief's Tuesday: a colleague visited in spring and was told to come
    // back in autumn; Maija has never been there.
    let story = employers::insert(
        conn,
        &EmployerFields {
            name: "Logistiikka Virta Oy".into(),
            other_names: "Virta Logistics".into(),
            business_id: business_id(&mut rng, &mut taken_ids),
            industry_code: Some("52".into()),
            municipality_code: VANTAA.into(),
            address: "Tikkurilantie 42, 01300 Vantaa".into(),
            website: String::new(),
            size_class: Some(SizeClass::Medium),
            sector: Sector::Private,
            stage: Stage::Prospect,
            do_not_contact_reason: String::new(),
            tags: "logistiikka, varasto, vuorotyö".into(),
            notes: String::new(),
            accommodations: "Osa-aikaiset vuorot mahdollisia.".into(),
            lead_user_id: None,
        },
        coaches[1].id,
        now,
    )?;
    taken_names.insert("Logistiikka Virta Oy".to_owned());
    let spring_year = if today.month() >= 6 {
        today.year()
    } else {
        today.year() - 1
    };
    for (coach, date, channel, outcome, note) in [
        (
            kerava_team.first().copied().unwrap_or(1),
            (3, 12),
            Channel::ColdCall,
            Outcome::NoAnswer,
            "",
        ),
        (
            vantaa_team.get(1).copied().unwrap_or(1),
            (4, 22),
            Channel::ColdVisit,
            Outcome::NotNow,
            "Varastopäällikkö kiinnostunut, mutta kevät on kiireinen. Tulkaa syksyllä uudelleen.",
        ),
    ] {
        let local = NaiveDate::from_ymd_opt(spring_year, date.0, date.1)
            .and_then(|d| d.and_hms_opt(10, 30, 0))
            .unwrap_or(now);
        let fields = ContactFields {
            jobseeker_id: None,
            channel,
            outcome,
            purpose: Some(Purpose::IntroduceService),
            client_specific: false,
            notes: note.into(),
            contact_person_id: None,
            occurred_local: None,
            next_step: None,
        };
        contacts::log(
            conn,
            story,
            coaches[coach].id,
            &fields,
            format::helsinki_to_utc(local).unwrap_or(local),
            now,
        )?;
    }

    // Public units and associations: no business ID.
    let public_units = [
        (
            "Vantaan kaupunki, ruokapalvelut",
            VANTAA,
            "56",
            Sector::Public,
        ),
        (
            "Vantaan kaupunki, kiinteistöpalvelut",
            VANTAA,
            "81",
            Sector::Public,
        ),
        (
            "Keravan kaupunki, ruokapalvelut",
            KERAVA,
            "56",
            Sector::Public,
        ),
        ("Keravan Kohtaamispaikka ry", KERAVA, "88", Sector::Third),
        ("Tikkurilan Työkeskus ry", VANTAA, "88", Sector::Third),
        ("Keravan Kierrätyskeskus ry", KERAVA, "47", Sector::Third),
    ];
    for (name, municipality, industry, sector) in public_units {
        taken_names.insert(name.to_owned());
        let id = employers::insert(
            conn,
            &EmployerFields {
                name: name.into(),
                other_names: String::new(),
                business_id: None,
                industry_code: Some(industry.into()),
                municipality_code: municipality.into(),
                address: String::new(),
                website: String::new(),
                size_class: Some(SizeClass::Large),
                sector,
                stage: Stage::Prospect,
                do_not_contact_reason: String::new(),
                tags: String::new(),
                notes: String::new(),
                accommodations: String::new(),
                lead_user_id: None,
            },
            coaches[0].id,
            now,
        )?;
        let team = if municipality == KERAVA {
            &kerava_team
        } else {
            &vantaa_team
        };
        planned.push(Planned {
            id,
            coaches: team.clone(),
        });
    }

    while planned.len() < 149 {
        let industry = weighted(&mut rng);
        let roll: f64 = rng.gen();
        let mut municipality = if roll < 0.55 {
            VANTAA
        } else if roll < 0.85 {
            KERAVA
        } else {
            AROUND[rng.gen_range(0..AROUND.len())]
        };
        // Leave coverage gaps for the team lead to find: no care in Kerava, and construction
        // only in the two cold employers of `cold_construction_in_kerava`.
        if municipality == KERAVA && ["41", "43", "86", "87"].contains(&industry) {
            municipality = VANTAA;
        }
        let kind_key = if industry == "81" && rng.gen_bool(0.3) {
            "81a"
        } else {
            industry
        };
        let place = words.pick("places", &mut rng);
        let kind = words.pick(kind_key, &mut rng);
        let form = words.pick("forms", &mut rng);
        let name = if form == "Tmi" {
            format!("Tmi {place} {kind}")
        } else {
            format!("{kind} {place} {form}")
        };
        if !taken_names.insert(name.clone()) {
            continue;
        }
        let size = *[
            SizeClass::Micro,
            SizeClass::Micro,
            SizeClass::Small,
            SizeClass::Small,
            SizeClass::Medium,
            SizeClass::Large,
        ]
        .choose(&mut rng)
        .unwrap_or(&SizeClass::Small);
        let team = if municipality == KERAVA {
            &kerava_team
        } else {
            &vantaa_team
        };
        let lead = if rng.gen_bool(0.35) {
            team.choose(&mut rng).map(|i| coaches[*i].id)
        } else {
            None
        };
        let id = employers::insert(
            conn,
            &EmployerFields {
                name,
                other_names: String::new(),
                business_id: business_id(&mut rng, &mut taken_ids),
                industry_code: Some(industry.into()),
                municipality_code: municipality.into(),
                address: String::new(),
                website: String::new(),
                size_class: Some(size),
                sector: Sector::Private,
                stage: Stage::Prospect,
                do_not_contact_reason: String::new(),
                tags: String::new(),
                notes: String::new(),
                accommodations: if rng.gen_bool(0.3) {
                    "Rauhallinen työtila ja joustava aloitusaika mahdollisia.".into()
                } else {
                    String::new()
                },
                lead_user_id: lead,
            },
            coaches[0].id,
            now,
        )?;
        // Who talks to this employer: nobody (a tenth), one coach (a third), or several.
        let who: Vec<usize> = match rng.gen_range(0..30) {
            0..=2 => Vec::new(),
            3..=12 => team.choose(&mut rng).map(|c| vec![*c]).unwrap_or_default(),
            _ => {
                let mut several: Vec<usize> = team.choose_multiple(&mut rng, 2).copied().collect();
                if rng.gen_bool(0.2) {
                    let other = if municipality == KERAVA {
                        &vantaa_team
                    } else {
                        &kerava_team
                    };
                    several.extend(other.choose(&mut rng));
                }
                several
            }
        };
        planned.push(Planned { id, coaches: who });
    }

    // Contact persons.
    for p in &planned {
        for _ in 0..rng.gen_range(0..=3) {
            let first = words.pick("first_names", &mut rng);
            let last = words.pick("last_names", &mut rng);
            let person = PersonForm {
                name: format!("{first} {last}"),
                role: words.pick("roles", &mut rng),
                // A made-up Finnish number could be a real person's: left empty.
                phone: String::new(),
                email: format!(
                    "{}.{}@demo.example",
                    crate::domain::text::fold(&first),
                    crate::domain::text::fold(&last)
                ),
                preferred_channel: if rng.gen_bool(0.5) {
                    "phone".into()
                } else {
                    "email".into()
                },
                notes: String::new(),
            };
            let pid = contacts::save_person(conn, p.id, None, &person, coaches[0].id, now)?;
            if rng.gen_bool(0.08) {
                contacts::set_person_left(conn, pid, true, coaches[0].id, now)?;
            }
        }
    }

    // Contacts: about 1,500 over 18 months, each relationship's contacts in time order.
    let contacted: Vec<&Planned> = planned.iter().filter(|p| !p.coaches.is_empty()).collect();
    // Some relationships are busy, some barely started: about 1,500 contacts shared by weight.
    let weights: Vec<u32> = contacted.iter().map(|_| rng.gen_range(1..=20)).collect();
    let weight_sum: u32 = weights.iter().sum::<u32>().max(1);
    for (p, weight) in contacted.iter().zip(&weights) {
        let count = ((1_500 * *weight as usize) / weight_sum as usize).max(1);
        let mut ages: Vec<u64> = (0..count).map(|_| rng.gen_range(1..548)).collect();
        ages.sort_unstable_by(|a, b| b.cmp(a));
        for (nth, age) in ages.into_iter().enumerate() {
            let (channel, outcome, purpose) = next_contact(&mut rng, nth);
            let coach = p.coaches[rng.gen_range(0..p.coaches.len())];
            let fields = ContactFields {
                jobseeker_id: None,
                channel,
                outcome,
                purpose,
                client_specific: purpose == Some(Purpose::PresentCandidate),
                notes: note_for(outcome, &mut rng),
                contact_person_id: None,
                occurred_local: None,
                next_step: None,
            };
            contacts::log(
                conn,
                p.id,
                coaches[coach].id,
                &fields,
                working_time(&mut rng, today, age),
                now,
            )?;
        }
    }

    // Open follow-ups: promised next steps of the latest contacts, from three weeks overdue to
    // five weeks ahead; Maija's list starts with two overdue and one due today.
    let steps = [
        "Soita takaisin",
        "Lähetä kahden ehdokkaan profiilit",
        "Vie palvelun esite",
        "Sovi työpaikkakäynti",
        "Kysy kesän vuoroista",
    ];
    let mut maija_fixed: Vec<i64> = vec![-5, -2, 0];
    for p in &contacted {
        if !rng.gen_bool(0.4) {
            continue;
        }
        let coach = p.coaches[0];
        let offset: i64 = if coach == maija {
            maija_fixed.pop().unwrap_or_else(|| rng.gen_range(-21..36))
        } else {
            rng.gen_range(-21..36)
        };
        let due = if offset < 0 {
            today.checked_sub_days(Days::new(offset.unsigned_abs()))
        } else {
            today.checked_add_days(Days::new(offset as u64))
        }
        .unwrap_or(today);
        let what = steps[rng.gen_range(0..steps.len())];
        let latest = latest_contact(conn, p.id)?;
        follow_ups::create(
            conn,
            p.id,
            latest,
            coaches[coach].id,
            coaches[coach].id,
            due,
            what,
            now,
        )?;
    }
    // Maija's fixed ones, if the draw gave her too few relationships.
    for offset in maija_fixed {
        let Some(p) = contacted.iter().find(|p| p.coaches.contains(&maija)) else {
            break;
        };
        let due = if offset < 0 {
            today.checked_sub_days(Days::new(offset.unsigned_abs()))
        } else {
            Some(today)
        }
        .unwrap_or(today);
        let latest = latest_contact(conn, p.id)?;
        follow_ups::create(
            conn,
            p.id,
            latest,
            coaches[maija].id,
            coaches[maija].id,
            due,
            steps[0],
            now,
        )?;
    }
    // A done one, so the timeline shows a result note.
    if let Some(p) = contacted.first() {
        let coach = coaches[p.coaches[0]].id;
        let latest = latest_contact(conn, p.id)?;
        let fid = follow_ups::create(
            conn,
            p.id,
            latest,
            coach,
            coach,
            today,
            "Soita haastattelun jälkeen",
            now - TimeDelta::days(30),
        )?;
        if let Some(f) = follow_ups::find(conn, fid)? {
            follow_ups::mark_done(
                conn,
                &f,
                "Työnantaja tyytyväinen, toinen paikka aukeaa keväällä.",
                coach,
                now - TimeDelta::days(20),
            )?;
        }
    }
    cold_construction_in_kerava(conn, &coaches, &kerava_team, &mut taken_ids, today, now)
}

/// The hole the team lead finds on the coverage matrix: construction in Kerava has two
/// employers, and nobody has talked to either for months. A random stream of its own, so that
/// the rest of the network stays as it was.
fn cold_construction_in_kerava(
    conn: &mut DbConnection,
    coaches: &[Coach],
    kerava_team: &[usize],
    taken_ids: &mut HashSet<String>,
    today: NaiveDate,
    now: NaiveDateTime,
) -> DbResult<()> {
    let mut rng = StdRng::seed_from_u64(SEED + 1);
    let coach = coaches[kerava_team.first().copied().unwrap_or(0)].id;
    let cold = [
        (
            "Rakennusliike Ahjonkulma Oy",
            "41",
            SizeClass::Small,
            [
                (260, Channel::ColdCall, Outcome::NoAnswer, ""),
                (
                    230,
                    Channel::ColdVisit,
                    Outcome::NotNow,
                    "Työmaat täynnä tälle vuodelle, soittakaa keväällä.",
                ),
            ],
        ),
        (
            "Sompion Sisävalmiste Tmi",
            "43",
            SizeClass::Micro,
            [
                (
                    400,
                    Channel::ColdVisit,
                    Outcome::NeedsLearned,
                    "Tarvitsee siivoojaa työmaille keväisin.",
                ),
                (
                    150,
                    Channel::Phone,
                    Outcome::NotNow,
                    "Ei nyt, talvi hiljainen.",
                ),
            ],
        ),
    ];
    for (name, industry, size, history) in cold {
        let id = employers::insert(
            conn,
            &EmployerFields {
                name: name.into(),
                other_names: String::new(),
                business_id: business_id(&mut rng, taken_ids),
                industry_code: Some(industry.into()),
                municipality_code: KERAVA.into(),
                address: String::new(),
                website: String::new(),
                size_class: Some(size),
                sector: Sector::Private,
                stage: Stage::Prospect,
                do_not_contact_reason: String::new(),
                tags: "rakentaminen".into(),
                notes: String::new(),
                accommodations: String::new(),
                lead_user_id: None,
            },
            coach,
            now,
        )?;
        for (age, channel, outcome, notes) in history {
            let fields = ContactFields {
                jobseeker_id: None,
                channel,
                outcome,
                purpose: Some(Purpose::IntroduceService),
                client_specific: false,
                notes: notes.into(),
                contact_person_id: None,
                occurred_local: None,
                next_step: None,
            };
            contacts::log(
                conn,
                id,
                coach,
                &fields,
                working_time(&mut rng, today, age),
                now,
            )?;
        }
    }
    Ok(())
}
