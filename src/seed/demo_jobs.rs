//! The demo organisation's openings, about 60 jobseekers with varied wishes (made-up names),
//! matches in every stage, and placements with follow-along contacts. Deterministic, and built
//! through the same storage functions the pages use, so every rule (a hire fills the opening,
//! moves the employer's stage, sets the jobseeker working) holds in the demo too.

use crate::db::schema::employers;
use crate::db::{
    jobseekers, matches, openings, placements, ranking, users, DbConnection, DbError, DbResult,
    Scope,
};
use crate::domain::jobs::*;
use crate::domain::jobseeker::JobseekerFields;
use crate::domain::money::{Cents, Hundredths};
use crate::domain::opening::OpeningFields;
use crate::domain::placement::PlacementFields;
use crate::format;
use chrono::{Days, NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};

const SEED: u64 = 5;

const FIRST_NAMES: &[&str] = &[
    "Aino", "Eero", "Helmi", "Onni", "Sofia", "Leevi", "Venla", "Elias", "Iida", "Joonas",
    "Emilia", "Niko", "Ronja", "Sami", "Pihla", "Tuomas", "Veera", "Jari", "Minna", "Kalle",
    "Sari", "Mikko", "Hanna", "Ville", "Noora", "Antti", "Laura", "Juho", "Katja", "Petri",
    "Amira", "Yusuf", "Olga", "Dmitri", "Linh", "Fatima",
];
const INITIALS: &str = "AEHIJKLMNOPRSTV";

/// Kinds of work people wish for: (occupation wish, industry division, opening titles).
const KINDS: &[(&str, &str, &[&str])] = &[
    ("varasto", "52", &["Varastotyöntekijä", "Keräilijä"]),
    ("kahvila", "56", &["Kahvila-apulainen", "Kahvilatyöntekijä"]),
    ("keittiö", "56", &["Keittiöapulainen", "Tiskaaja"]),
    ("siivous", "81", &["Siivooja", "Laitoshuoltaja"]),
    ("kiinteistöhuolto", "81", &["Kiinteistönhoitaja"]),
    ("myyjä", "47", &["Myyjä", "Myymäläapulainen"]),
    ("hoiva-avustaja", "87", &["Hoiva-avustaja"]),
    ("rakennus", "43", &["Rakennusapulainen"]),
    ("kuljetus", "49", &["Kuljettaja", "Jakelija"]),
];

const VANTAA: &str = "092";
const KERAVA: &str = "245";

struct Coach {
    id: i64,
    team: String,
    email: String,
}

fn day(today: NaiveDate, days_ago: u64) -> NaiveDate {
    today.checked_sub_days(Days::new(days_ago)).unwrap_or(today)
}

fn hours(h: i64) -> Hundredths {
    Hundredths(h * 100)
}

fn employers_in(conn: &mut DbConnection, industry: &str) -> DbResult<Vec<(i64, Option<String>)>> {
    Ok(employers::table
        .filter(employers::industry_code.eq(industry))
        .filter(employers::archived_at.is_null())
        .filter(employers::stage.ne("do_not_contact"))
        .order(employers::id.asc())
        .select((employers::id, employers::municipality_code))
        .load(conn)?)
}

#[allow(clippy::too_many_arguments)]
fn seeker(
    name: String,
    coach: &Coach,
    entered_on: NaiveDate,
    kind: usize,
    municipality: &str,
    travel: Travel,
    (low, high): (i64, i64),
    rng: &mut StdRng,
) -> JobseekerFields {
    let consent = rng.gen_bool(0.85);
    let needs_consent = consent && rng.gen_bool(0.35);
    let mut schedules = vec![Schedule::Daytime];
    if rng.gen_bool(0.5) {
        schedules.push(Schedule::Evening);
    }
    if rng.gen_bool(0.3) {
        schedules.push(Schedule::Weekend);
    }
    if rng.gen_bool(0.3) {
        schedules.push(Schedule::EarlyMorning);
    }
    let mut licences = Vec::new();
    if rng.gen_bool(0.4) {
        licences.push(Licence::DrivingB);
    }
    if KINDS[kind].1 == "56" && rng.gen_bool(0.6) {
        licences.push(Licence::HygienePassport);
    }
    if KINDS[kind].1 == "52" && rng.gen_bool(0.4) {
        licences.push(Licence::Forklift);
    }
    if matches!(KINDS[kind].1, "43" | "81") && rng.gen_bool(0.5) {
        licences.push(Licence::OccupationalSafety);
    }
    let needs = if needs_consent {
        let mut n: Vec<Need> = Need::ALL.choose_multiple(rng, 2).copied().collect();
        n.sort_by_key(|x| x.as_str());
        n
    } else {
        Vec::new()
    };
    let second = KINDS.choose(rng).map(|k| k.0).unwrap_or("varasto");
    let avoided = if rng.gen_bool(0.2) {
        "yötyö, puhelinmyynti"
    } else {
        ""
    };
    JobseekerFields {
        display_name: name,
        coach_id: coach.id,
        entered_on,
        status: JobseekerStatus::JobSearch,
        consent_employer_contact: consent,
        consent_employer_scope: if consent {
            "Kaikki työnantajat".into()
        } else {
            String::new()
        },
        consent_needs: needs_consent,
        consent_given_on: consent.then_some(entered_on),
        disclosure: if consent {
            Disclosure::Agreed
        } else {
            Disclosure::None
        },
        disclosure_wording: if consent {
            "Tarvitsee perehdytyksen rauhassa ja selkeät ohjeet.".into()
        } else {
            String::new()
        },
        wanted_occupations: if second == KINDS[kind].0 {
            KINDS[kind].0.to_owned()
        } else {
            format!("{}, {second}", KINDS[kind].0)
        },
        avoided_occupations: avoided.to_owned(),
        wanted_industries: vec![KINDS[kind].1.to_owned()],
        avoided_industries: Vec::new(),
        municipalities: vec![municipality.to_owned()],
        travel,
        hours_min: Some(hours(low)),
        hours_max: Some(hours(high)),
        schedules,
        contract_types: Vec::new(),
        pay_expectation: None,
        pay_unit: None,
        strengths: "Täsmällinen, oppii tekemällä".into(),
        languages: if rng.gen_bool(0.2) {
            "suomi, englanti, arabia".into()
        } else {
            "suomi".into()
        },
        licences,
        needs,
        notes: String::new(),
    }
}

#[allow(clippy::too_many_arguments)]
fn opening(
    employer_id: i64,
    municipality: Option<String>,
    coach: &Coach,
    title: &str,
    occupation: &str,
    (low, high): (i64, i64),
    schedules: Vec<Schedule>,
    must: Vec<Licence>,
    status: OpeningStatus,
    source: OpeningSource,
    rng: &mut StdRng,
) -> OpeningFields {
    let features: Vec<Feature> = Feature::ALL.choose_multiple(rng, 2).copied().collect();
    OpeningFields {
        employer_id,
        contact_id: None,
        coach_id: coach.id,
        title: title.to_owned(),
        occupation: occupation.to_owned(),
        description: "Perehdytys työpaikalla, työvaatteet tulevat työnantajalta.".into(),
        municipality_code: municipality,
        hours_min: Some(hours(low)),
        hours_max: Some(hours(high)),
        schedules,
        contract_type: Some(if rng.gen_bool(0.6) {
            ContractType::FixedTerm
        } else {
            ContractType::Permanent
        }),
        pay: Some(Cents(rng.gen_range(1250..1450))),
        pay_unit: Some(PayUnit::Hour),
        starts_on: None,
        closes_on: None,
        source,
        ad_url: if source == OpeningSource::PublicAd {
            "https://example.org/tyopaikat/ilmoitus".into()
        } else {
            String::new()
        },
        must_licences: must,
        nice_licences: vec![Licence::FirstAid],
        must_have: String::new(),
        nice_to_have: String::new(),
        features,
        wage_subsidy_possible: rng.gen_bool(0.4),
        status,
    }
}

pub fn load(conn: &mut DbConnection, now: NaiveDateTime) -> DbResult<()> {
    let mut rng = StdRng::seed_from_u64(SEED);
    let today = format::today_helsinki(now);
    let coaches: Vec<Coach> = users::list(conn)?
        .into_iter()
        .filter(|u| {
            u.role == crate::domain::role::Role::Coach && u.email.ends_with("@demo.verkosto.fi")
        })
        .map(|u| Coach {
            id: u.id,
            team: u.team_name,
            email: u.email,
        })
        .collect();
    if coaches.len() < 2 {
        return Err(DbError::Invalid(
            "the demo jobs need the demo coaches".into(),
        ));
    }
    let maija = coaches
        .iter()
        .position(|c| c.email == "maija.koutsi@demo.verkosto.fi")
        .unwrap_or(0);
    let kerava_coach = coaches.iter().position(|c| c.team == "Kerava").unwrap_or(1);

    // The brief's stories first: two of Maija's jobseekers want part-time warehouse work near
    // Vantaa; a Kerava jobseeker wants café work, 25 h/week, no early mornings.
    let mut seekers: Vec<(i64, usize, usize)> = Vec::new(); // (id, coach index, kind)
    for (name, low, high) in [("Eero L.", 15, 25), ("Helmi S.", 20, 25)] {
        let mut f = seeker(
            name.into(),
            &coaches[maija],
            day(today, 40),
            0,
            VANTAA,
            Travel::Own,
            (low, high),
            &mut rng,
        );
        f.wanted_occupations = "varasto, logistiikka".into();
        f.schedules = vec![Schedule::Daytime, Schedule::Evening];
        f.licences = vec![Licence::Forklift, Licence::FirstAid];
        f.consent_needs = false;
        f.needs = Vec::new();
        f.consent_employer_contact = true;
        f.consent_given_on = Some(f.entered_on);
        let id = jobseekers::insert(conn, &f, coaches[maija].id, now)?;
        seekers.push((id, maija, 0));
    }
    let mut cafe = seeker(
        "Onni K.".into(),
        &coaches[kerava_coach],
        day(today, 25),
        1,
        KERAVA,
        Travel::County,
        (25, 25),
        &mut rng,
    );
    cafe.schedules = vec![Schedule::Daytime, Schedule::Evening, Schedule::Weekend];
    cafe.licences = vec![Licence::DrivingB];
    cafe.disclosure = Disclosure::Agreed;
    cafe.consent_employer_contact = true;
    cafe.consent_given_on = Some(cafe.entered_on);
    let cafe_id = jobseekers::insert(conn, &cafe, coaches[kerava_coach].id, now)?;
    seekers.push((cafe_id, kerava_coach, 1));

    // The rest of the caseload: about 60 in all, wishes spread over the kinds of work.
    let mut names = Vec::new();
    for first in FIRST_NAMES {
        for initial in INITIALS.chars().take(2) {
            names.push(format!("{first} {initial}."));
        }
    }
    names.shuffle(&mut rng);
    names.retain(|n| !["Eero L.", "Helmi S.", "Onni K."].contains(&n.as_str()));
    let ranges = [(10, 20), (15, 25), (20, 30), (25, 37), (30, 37)];
    for (i, name) in names.into_iter().take(57).enumerate() {
        let c = i % coaches.len();
        let coach = &coaches[c];
        let kind = rng.gen_range(0..KINDS.len());
        let municipality = if coach.team == "Kerava" {
            KERAVA
        } else {
            VANTAA
        };
        let travel = *[
            Travel::Own,
            Travel::County,
            Travel::County,
            Travel::Anywhere,
        ]
        .choose(&mut rng)
        .unwrap_or(&Travel::Own);
        let range = *ranges.choose(&mut rng).unwrap_or(&(20, 30));
        let mut f = seeker(
            name,
            coach,
            day(today, rng.gen_range(5..330)),
            kind,
            municipality,
            travel,
            range,
            &mut rng,
        );
        // A few paused or closed, as in any caseload.
        if i % 19 == 7 {
            f.status = JobseekerStatus::Paused;
        }
        if i % 23 == 11 {
            f.status = JobseekerStatus::Closed;
        }
        let id = jobseekers::insert(conn, &f, coach.id, now)?;
        seekers.push((id, c, kind));
    }

    // Openings: the Tuesday warehouse shifts at Logistiikka Virta Oy, three café openings for
    // the Friday story, and two or three per kind of work across the network.
    let virta: Option<(i64, Option<String>)> = employers::table
        .filter(employers::name.eq("Logistiikka Virta Oy"))
        .select((employers::id, employers::municipality_code))
        .first(conn)
        .optional()?;
    let mut opening_ids: Vec<(i64, usize)> = Vec::new(); // (id, kind)
    if let Some((id, municipality)) = virta {
        let mut f = opening(
            id,
            municipality,
            &coaches[maija],
            "Varastotyöntekijä, osa-aikainen",
            "varastotyöntekijä",
            (20, 20),
            vec![Schedule::Daytime, Schedule::Evening],
            Vec::new(),
            OpeningStatus::Open,
            OpeningSource::CoachFound,
            &mut rng,
        );
        f.description = "Varastovuoroja 20 h/vk mahdollista, perehdytys kahdessa viikossa.".into();
        opening_ids.push((openings::insert(conn, &f, coaches[maija].id, now)?, 0));
    }
    let cafes = employers_in(conn, "56")?;
    let cafe_plan: [(&str, Vec<Schedule>, Vec<Licence>); 3] = [
        (
            "Kahvila-apulainen",
            vec![Schedule::Daytime, Schedule::Weekend],
            vec![Licence::HygienePassport],
        ),
        (
            "Kahvilatyöntekijä",
            vec![Schedule::Daytime, Schedule::Evening],
            Vec::new(),
        ),
        (
            "Aamukahvilan työntekijä",
            vec![Schedule::EarlyMorning, Schedule::Daytime],
            Vec::new(),
        ),
    ];
    for ((title, schedules, must), (employer_id, _)) in cafe_plan.into_iter().zip(cafes.iter()) {
        let f = opening(
            *employer_id,
            Some(KERAVA.to_owned()),
            &coaches[kerava_coach],
            title,
            "kahvila-apulainen",
            (20, 25),
            schedules,
            must,
            OpeningStatus::Open,
            OpeningSource::CoachFound,
            &mut rng,
        );
        opening_ids.push((
            openings::insert(conn, &f, coaches[kerava_coach].id, now)?,
            1,
        ));
    }
    for (kind, (_, industry, titles)) in KINDS.iter().enumerate() {
        let found = employers_in(conn, industry)?;
        for (n, (employer_id, municipality)) in found.iter().skip(3).step_by(4).take(3).enumerate()
        {
            let coach = &coaches[(kind + n) % coaches.len()];
            let title = titles[n % titles.len()];
            let status = match n {
                2 if kind % 3 == 0 => OpeningStatus::OnHold,
                _ => OpeningStatus::Open,
            };
            let source = if n == 1 {
                OpeningSource::PublicAd
            } else if kind % 4 == 1 {
                OpeningSource::JobCarved
            } else {
                OpeningSource::CoachFound
            };
            let range = *ranges.choose(&mut rng).unwrap_or(&(20, 30));
            let f = opening(
                *employer_id,
                municipality.clone(),
                coach,
                title,
                &title.to_lowercase(),
                range,
                vec![Schedule::Daytime],
                Vec::new(),
                status,
                source,
                &mut rng,
            );
            opening_ids.push((openings::insert(conn, &f, coach.id, now)?, kind));
        }
    }

    // Matches in every stage, and hires with their placements.
    // The story jobseekers stay searching, so their stories can be tried.
    let searching: Vec<(i64, usize, usize)> = seekers[3..].to_vec();
    let mut hires = 0;
    // Seeding runs from the command line (or `serve` filling an empty database): it builds every
    // team's records.
    let scope = Scope::organisation_for_command_line();
    for (round, (opening_id, kind)) in opening_ids.iter().enumerate() {
        let Some(o) = openings::find(conn, *opening_id)? else {
            continue;
        };
        if o.status() != OpeningStatus::Open {
            continue;
        }
        let fitting: Vec<&(i64, usize, usize)> = searching
            .iter()
            .filter(|(_, _, k)| k == kind)
            .take(3)
            .collect();
        for (n, (seeker_id, c, _)) in fitting.into_iter().enumerate() {
            let Some(js) = jobseekers::find(conn, scope, *seeker_id)? else {
                continue;
            };
            if js.status() != JobseekerStatus::JobSearch {
                continue;
            }
            let coach = &coaches[*c];
            let score = ranking::score_pair(conn, &o, &js)?;
            let match_id = matches::suggest(
                conn,
                scope,
                o.id,
                js.id,
                coach.id,
                i64::from(score.percent),
                now,
            )?;
            // Spread the pairs over the stages: every stage has some.
            let target = (round + n) % 8;
            let path: &[MatchStage] = match target {
                0 => &[],
                1 => &[MatchStage::Discussed],
                2 => &[MatchStage::Discussed, MatchStage::Introduced],
                3 => &[
                    MatchStage::Discussed,
                    MatchStage::Introduced,
                    MatchStage::Interview,
                ],
                4 => &[
                    MatchStage::Discussed,
                    MatchStage::Introduced,
                    MatchStage::NotSelected,
                ],
                5 => &[MatchStage::Withdrawn],
                _ => &[
                    MatchStage::Discussed,
                    MatchStage::Introduced,
                    MatchStage::Interview,
                ],
            };
            let mut on = day(today, 30);
            for stage in path {
                on = on
                    .checked_add_days(Days::new(rng.gen_range(2..6)))
                    .unwrap_or(on)
                    .min(today);
                matches::move_to(conn, scope, match_id, *stage, on, "", coach.id, now)?;
            }
            let hire = target >= 6 && hires < 8 && o.id != opening_ids[0].0;
            if hire {
                let starts_on = day(today, 20 + 35 * hires);
                let f = PlacementFields {
                    jobseeker_id: js.id,
                    employer_id: o.employer_id,
                    opening_id: Some(o.id),
                    match_id: Some(match_id),
                    job_title: o.title.clone(),
                    occupation: o.occupation.clone(),
                    starts_on,
                    ends_on: None,
                    hours_per_week: o.hours_max.map(Hundredths),
                    pay: o.pay.map(Cents),
                    pay_unit: Some(PayUnit::Hour),
                    contract_type: o.contract_type.as_deref().and_then(ContractType::parse),
                    competitive: hires % 5 != 4,
                    wage_subsidy: hires % 3 == 1,
                    wage_subsidy_percent: (hires % 3 == 1).then_some(50),
                    disclosure: Disclosure::parse(&js.disclosure).unwrap_or(Disclosure::None),
                };
                let placed = placements::create(conn, scope, &f, coach.id, now)?;
                // Follow-along: most got their first-week visit; the newest one is still due.
                if hires > 0 {
                    let mut d = starts_on
                        .checked_add_days(Days::new(2))
                        .unwrap_or(starts_on);
                    while d <= today
                        && d < starts_on.checked_add_days(Days::new(120)).unwrap_or(today)
                    {
                        let channel = if d == starts_on.checked_add_days(Days::new(2)).unwrap_or(d)
                        {
                            SupportChannel::WorkplaceVisit
                        } else {
                            SupportChannel::Phone
                        };
                        placements::add_support_contact(
                            conn,
                            scope,
                            placed.placement_id,
                            coach.id,
                            d,
                            channel,
                            WithWhom::Both,
                            "Työ on lähtenyt hyvin käyntiin.",
                            now,
                        )?;
                        d = d
                            .checked_add_days(Days::new(
                                if d < starts_on.checked_add_days(Days::new(28)).unwrap_or(d) {
                                    7
                                } else {
                                    30
                                },
                            ))
                            .unwrap_or(today);
                    }
                }
                if hires == 6 {
                    placements::end(
                        conn,
                        scope,
                        placed.placement_id,
                        day(today, 10),
                        EndReason::ContractEnded,
                        coach.id,
                        now,
                    )?;
                }
                hires += 1;
                break;
            }
        }
    }
    Ok(())
}
