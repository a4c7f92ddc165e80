//! Benchmark of matching on 20,000 openings and 15,000 jobseekers.
//!
//!     cargo bench --bench matching                       # SQLite, 20,000 openings, 15,000 jobseekers
//!     VERKOSTO_BENCH_DATABASE_URL=postgres://... cargo bench --bench matching
//!
//! Builds the data set (on a small generated employer network), starts the real server on
//! 127.0.0.1, signs in as an admin and times the pages that rank (pre-filter in SQL, score in
//! Rust) over HTTP: the median and 95th percentile of 25 requests after 3 warm-up requests,
//! each request on a different opening or jobseeker.

mod support;

use diesel::prelude::*;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use std::time::Instant;
use verkosto::db::schema::{employers, users};
use verkosto::db::{jobseekers, openings};
use verkosto::domain::jobs::*;
use verkosto::domain::jobseeker::JobseekerFields;
use verkosto::domain::money::{Cents, Hundredths};
use verkosto::domain::opening::OpeningFields;
use verkosto::seed::scale::{self, Scale};

const OPENINGS: usize = 20_000;
const JOBSEEKERS: usize = 15_000;
const PLACES: &[&str] = &[
    "091", "092", "049", "245", "186", "858", "753", "106", "853", "837",
];
const WISHES: &[&str] = &[
    "varasto", "kahvila", "siivous", "myyjä", "keittiö", "kuljetus", "hoiva",
];

/// The path of the i-th request of a page.
type PathOf<'a> = Box<dyn Fn(usize) -> String + 'a>;

fn hours(h: i64) -> Hundredths {
    Hundredths(h * 100)
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = std::env::var("VERKOSTO_BENCH_DATABASE_URL")
        .unwrap_or_else(|_| format!("sqlite://{}", dir.path().join("bench.db").display()));
    let db = verkosto::startup::prepare_database(&url).expect("database");
    let started = Instant::now();
    let mut rng = StdRng::seed_from_u64(11);
    let (opening_ids, seeker_ids) = {
        let mut conn = db.conn().expect("connection");
        scale::load(&mut conn, Scale::for_employers(5_000), 1).expect("employer network");
        let account = verkosto::domain::account::validate(
            "admin@bench.verkosto.fi",
            "Bench Admin",
            "admin",
            verkosto::seed::demo::DEMO_PASSWORD,
        )
        .expect("account");
        let hash =
            verkosto::auth::password::hash(verkosto::seed::demo::DEMO_PASSWORD).expect("hash");
        verkosto::db::users::create_account(
            &mut conn,
            &account,
            &hash,
            "Bench",
            verkosto::db::now(),
        )
        .expect("admin");
        let employer_ids: Vec<i64> = employers::table
            .select(employers::id)
            .load(&mut conn)
            .expect("employers");
        let coach_ids: Vec<i64> = users::table
            .select(users::id)
            .load(&mut conn)
            .expect("users");
        let now = verkosto::db::now();
        conn.transaction(|conn| -> Result<_, verkosto::db::DbError> {
            let mut opening_ids = Vec::with_capacity(OPENINGS);
            for i in 0..OPENINGS {
                let low = rng.gen_range(10..30);
                let wish = WISHES[i % WISHES.len()];
                let f = OpeningFields {
                    employer_id: *employer_ids.choose(&mut rng).expect("employer"),
                    contact_id: None,
                    coach_id: *coach_ids.choose(&mut rng).expect("coach"),
                    title: format!("{wish}työntekijä"),
                    occupation: format!("{wish}työntekijä"),
                    description: String::new(),
                    municipality_code: Some(PLACES.choose(&mut rng).expect("place").to_string()),
                    hours_min: Some(hours(low)),
                    hours_max: Some(hours(low + rng.gen_range(0..10))),
                    schedules: Schedule::ALL
                        .choose_multiple(&mut rng, 2)
                        .copied()
                        .collect(),
                    contract_type: ContractType::ALL.choose(&mut rng).copied(),
                    pay: Some(Cents(rng.gen_range(1200..1600))),
                    pay_unit: Some(PayUnit::Hour),
                    starts_on: None,
                    closes_on: None,
                    source: OpeningSource::CoachFound,
                    ad_url: String::new(),
                    must_licences: if i % 5 == 0 {
                        vec![Licence::HygienePassport]
                    } else {
                        Vec::new()
                    },
                    nice_licences: vec![Licence::DrivingB],
                    must_have: String::new(),
                    nice_to_have: String::new(),
                    features: Feature::ALL.choose_multiple(&mut rng, 2).copied().collect(),
                    wage_subsidy_possible: i % 3 == 0,
                    status: if i % 10 == 0 {
                        OpeningStatus::Filled
                    } else {
                        OpeningStatus::Open
                    },
                };
                opening_ids.push(openings::insert(conn, &f, f.coach_id, now)?);
            }
            let mut seeker_ids = Vec::with_capacity(JOBSEEKERS);
            for i in 0..JOBSEEKERS {
                let low = rng.gen_range(10..30);
                let f = JobseekerFields {
                    display_name: format!("Hakija {i}"),
                    coach_id: *coach_ids.choose(&mut rng).expect("coach"),
                    entered_on: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).expect("date"),
                    status: if i % 8 == 0 {
                        JobseekerStatus::Working
                    } else {
                        JobseekerStatus::JobSearch
                    },
                    consent_employer_contact: true,
                    consent_employer_scope: String::new(),
                    consent_needs: true,
                    consent_given_on: chrono::NaiveDate::from_ymd_opt(2026, 1, 1),
                    disclosure: Disclosure::None,
                    disclosure_wording: String::new(),
                    wanted_occupations: WISHES
                        .choose_multiple(&mut rng, 2)
                        .copied()
                        .collect::<Vec<_>>()
                        .join(", "),
                    avoided_occupations: String::new(),
                    wanted_industries: vec!["52".into(), "56".into()],
                    avoided_industries: Vec::new(),
                    municipalities: vec![PLACES.choose(&mut rng).expect("place").to_string()],
                    travel: *[Travel::Own, Travel::County, Travel::Anywhere]
                        .choose(&mut rng)
                        .expect("travel"),
                    hours_min: Some(hours(low)),
                    hours_max: Some(hours(low + 10)),
                    schedules: Schedule::ALL
                        .choose_multiple(&mut rng, 3)
                        .copied()
                        .collect(),
                    contract_types: Vec::new(),
                    pay_expectation: Some(Cents(1300)),
                    pay_unit: Some(PayUnit::Hour),
                    strengths: String::new(),
                    languages: String::new(),
                    licences: vec![Licence::DrivingB],
                    needs: vec![Need::QuietSpace],
                    notes: String::new(),
                };
                seeker_ids.push(jobseekers::insert(conn, &f, f.coach_id, now)?);
            }
            Ok((opening_ids, seeker_ids))
        })
        .expect("openings and jobseekers")
    };
    println!(
        "data: 5,000 employers, {OPENINGS} openings (90 % open), {JOBSEEKERS} jobseekers (7/8 searching) on {} (generated in {:.1} s)",
        support::backend(&url),
        started.elapsed().as_secs_f64()
    );

    let address = support::serve(db.clone());
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(async move {
        let client = support::sign_in(&address, "admin@bench.verkosto.fi").await;

        let pick = |ids: &[i64], i: usize| ids[(i * 7919) % ids.len()];
        let pages: Vec<(&str, PathOf)> = vec![
            (
                "opening page: ranked jobseekers",
                Box::new(|i| format!("/openings/{}", pick(&opening_ids, i))),
            ),
            (
                "jobseeker page: ranked openings",
                Box::new(|i| format!("/jobseekers/{}", pick(&seeker_ids, i))),
            ),
            ("openings list, open", Box::new(|_| "/openings".into())),
            ("jobseekers list", Box::new(|_| "/jobseekers".into())),
            (
                "pipeline (team)",
                Box::new(|_| "/matches?scope=team".into()),
            ),
        ];
        support::print_heading();
        for (name, path) in pages {
            support::measure(&client, &address, name, path).await;
        }
    });
}
