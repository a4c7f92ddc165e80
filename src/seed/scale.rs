//! A deterministic data set of realistic shape and any size, for benchmarks and load tests:
//! `verkosto seed --scale N` makes N employers, 20 contacts per employer on average over three
//! years, by one coach per 250 employers, with a realistic industry and municipality mix; plus
//! jobseekers (about 40 per coach over the years, half of them still in the service), job
//! openings (one per 25 employers), placements and their follow-along contacts.

use crate::auth::password;
use crate::db::schema::{
    contacts, employers, follow_ups, jobseekers, municipalities, openings, placements,
    support_contacts, users,
};
use crate::db::{self, users as db_users, DbConnection, DbError, DbResult};
use crate::domain::contact::{Channel, Outcome};
use crate::domain::employer::{search_text, Sector, Stage};
use crate::domain::role::Role;
use crate::domain::text::fold;
use crate::i18n::Lang;
use chrono::{Days, NaiveDate, NaiveDateTime, TimeDelta};
use diesel::prelude::*;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

#[derive(Debug, Clone, Copy)]
pub struct Scale {
    pub employers: usize,
    pub contacts: usize,
    pub coaches: usize,
}

impl Scale {
    /// The default shape for N employers: 20 contacts each on average, 250 employers per coach.
    pub fn for_employers(employers: usize) -> Scale {
        Scale {
            employers,
            contacts: employers * 20,
            coaches: (employers / 250).max(6),
        }
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub struct Summary {
    pub employers: usize,
    pub contacts: usize,
    pub follow_ups: usize,
    pub coaches: usize,
    pub jobseekers: usize,
    pub openings: usize,
    pub placements: usize,
}

const FIRST: &[&str] = &[
    "Aalto", "Kivi", "Virta", "Koivu", "Lehto", "Mänty", "Saari", "Harju", "Niemi", "Laakso",
    "Ranta", "Kallio", "Salo", "Vuori", "Järvi", "Pelto", "Mäki", "Honka", "Tammi", "Lahti",
    "Kuusi", "Paju", "Ilves", "Kotka", "Haukka",
];
const SECOND: &[&str] = &[
    "Logistiikka",
    "Kiinteistöhuolto",
    "Rakennus",
    "Kahvila",
    "Ravintola",
    "Siivous",
    "Hoiva",
    "Kuljetus",
    "Varasto",
    "Pesula",
    "Leipomo",
    "Autokorjaamo",
    "Puutarha",
    "Kauppa",
    "Konepaja",
    "Painotalo",
    "Huolto",
    "Tekstiili",
];
const FORMS: &[&str] = &["Oy", "Oy", "Oy", "Ky", "Tmi", "ry", "Oy Ab"];
/// (TOL 2008 division, weight): the industries where open-market jobs are found most often.
const INDUSTRIES: &[(&str, u32)] = &[
    ("47", 14),
    ("56", 12),
    ("52", 8),
    ("81", 9),
    ("87", 7),
    ("88", 6),
    ("43", 6),
    ("41", 4),
    ("49", 6),
    ("10", 4),
    ("55", 4),
    ("45", 4),
    ("46", 5),
    ("62", 2),
    ("85", 3),
    ("86", 4),
    ("96", 2),
    ("25", 2),
    ("16", 1),
    ("01", 2),
];
/// Municipalities with the most jobs get more employers; the rest share what is left.
const BIG: &[(&str, u32)] = &[
    ("091", 30),
    ("049", 14),
    ("837", 12),
    ("092", 12),
    ("564", 10),
    ("853", 9),
    ("179", 7),
    ("398", 6),
    ("297", 5),
    ("167", 4),
    ("245", 4),
    ("858", 3),
    ("186", 3),
    ("106", 3),
    ("405", 3),
    ("609", 3),
    ("286", 3),
    ("743", 3),
];

fn weighted<'a>(rng: &mut StdRng, items: &'a [(&'a str, u32)]) -> &'a str {
    let total: u32 = items.iter().map(|(_, w)| w).sum();
    let mut pick = rng.gen_range(0..total);
    for (item, w) in items {
        if pick < *w {
            return item;
        }
        pick -= w;
    }
    items[0].0
}

/// A made-up business ID in 9000000–9999999, a range not issued to real companies.
fn business_id(n: usize) -> Option<String> {
    let base = 9_000_000 + (n * 7919) % 1_000_000;
    let digits: Vec<u32> = format!("{base:07}")
        .chars()
        .filter_map(|c| c.to_digit(10))
        .collect();
    crate::domain::business_id::check_digit(&digits).map(|c| format!("{base:07}-{c}"))
}

/// Loads the data set into a migrated database with reference data; the same seed, the same data.
pub fn load(conn: &mut DbConnection, scale: Scale, seed: u64) -> DbResult<Summary> {
    let mut rng = StdRng::seed_from_u64(seed);
    let now = db::now();
    let all_munis: Vec<String> = municipalities::table
        .select(municipalities::code)
        .load(conn)?;
    let hash = password::hash(crate::seed::demo::DEMO_PASSWORD)
        .map_err(|e| DbError::Invalid(format!("cannot hash: {e}")))?;

    conn.write(|conn| {
        let mut coach_ids = Vec::with_capacity(scale.coaches);
        for i in 0..scale.coaches {
            let team_id = db_users::ensure_team(conn, &format!("Tiimi {:02}", i / 8 + 1), now)?;
            let id = db_users::insert(
                conn,
                &db_users::NewUser {
                    email: &format!("coach{i:04}@scale.verkosto.fi"),
                    name: &format!("Valmentaja {i:04}"),
                    role: Role::Coach,
                    team_id,
                    password_hash: &hash,
                    language: Lang::Fi,
                },
                now,
            )?;
            coach_ids.push(id);
        }
        // A tenth of the coaches have left: their relationships may be orphaned.
        for id in coach_ids.iter().step_by(10) {
            diesel::update(users::table.find(*id)).set(users::active.eq(false)).execute(conn)?;
        }

        let stages = [Stage::Prospect, Stage::Contacted, Stage::Contacted, Stage::Partner, Stage::HasHired, Stage::Dormant];
        let mut employer_ids = Vec::with_capacity(scale.employers);
        for chunk_start in (0..scale.employers).step_by(500) {
            let chunk_end = (chunk_start + 500).min(scale.employers);
            let mut rows = Vec::with_capacity(chunk_end - chunk_start);
            for n in chunk_start..chunk_end {
                let name = format!(
                    "{} {} {} {}",
                    FIRST[rng.gen_range(0..FIRST.len())],
                    SECOND[rng.gen_range(0..SECOND.len())],
                    n,
                    FORMS[rng.gen_range(0..FORMS.len())]
                );
                let muni = if rng.gen_bool(0.7) {
                    weighted(&mut rng, BIG).to_owned()
                } else {
                    all_munis[rng.gen_range(0..all_munis.len())].clone()
                };
                let bid = if rng.gen_bool(0.85) { business_id(n) } else { None };
                let sector = if name.ends_with("ry") { Sector::Third } else if rng.gen_bool(0.08) { Sector::Public } else { Sector::Private };
                let lead = if rng.gen_bool(0.3) { Some(coach_ids[rng.gen_range(0..coach_ids.len())]) } else { None };
                rows.push((
                    employers::business_id.eq(bid.clone()),
                    employers::search_text.eq(search_text(&name, "", bid.as_deref())),
                    employers::sort_name.eq(fold(&name)),
                    employers::name.eq(name),
                    employers::industry_code_set.eq(crate::seed::reference::TOL_2008),
                    employers::industry_code.eq(weighted(&mut rng, INDUSTRIES)),
                    employers::municipality_code.eq(muni),
                    employers::sector.eq(sector.as_str()),
                    employers::stage.eq(stages[rng.gen_range(0..stages.len())].as_str()),
                    employers::lead_user_id.eq(lead),
                    employers::created_at.eq(now),
                    employers::updated_at.eq(now),
                ));
            }
            let ids: Vec<i64> = crate::on_each_backend!(&mut *conn, |c| diesel::insert_into(employers::table)
                .values(&rows)
                .returning(employers::id)
                .get_results(c)?);
            employer_ids.extend(ids);
        }

        // Jobseekers, from their own random stream so that the employers and contacts stay as
        // they were: about 40 per coach over three years.
        let mut rng2 = StdRng::seed_from_u64(seed.wrapping_add(1));
        let today = crate::format::today_helsinki(now);
        let mut jobseekers_of: Vec<Vec<(i64, NaiveDate)>> = vec![Vec::new(); coach_ids.len()];
        let mut all_jobseekers: Vec<(i64, usize, NaiveDate)> = Vec::new();
        for (ci, coach) in coach_ids.iter().enumerate() {
            let mut rows = Vec::new();
            let mut entries = Vec::new();
            for _ in 0..40 {
                let entered = today - Days::new(rng2.gen_range(0..3 * 365));
                let old = (today - entered).num_days() > 365;
                let status = if old && rng2.gen_bool(0.6) {
                    "closed"
                } else {
                    ["job_search", "job_search", "working", "paused"][rng2.gen_range(0..4)]
                };
                let closed_on = (status == "closed")
                    .then(|| entered + Days::new(rng2.gen_range(90..365)))
                    .filter(|d| *d <= today);
                let wanted = (0..rng2.gen_range(0..3))
                    .map(|_| weighted(&mut rng2, INDUSTRIES))
                    .collect::<Vec<_>>()
                    .join(",");
                let places = (0..rng2.gen_range(1..3))
                    .map(|_| weighted(&mut rng2, BIG))
                    .collect::<Vec<_>>()
                    .join(",");
                entries.push(entered);
                rows.push((
                    jobseekers::display_name.eq(format!("Työnhakija {}", all_jobseekers.len() + rows.len())),
                    jobseekers::coach_id.eq(*coach),
                    jobseekers::entered_on.eq(entered),
                    jobseekers::status.eq(status),
                    jobseekers::closed_on.eq(closed_on),
                    jobseekers::wanted_industries.eq(wanted),
                    jobseekers::municipalities.eq(places),
                    jobseekers::created_at.eq(now),
                    jobseekers::updated_at.eq(now),
                ));
            }
            let ids: Vec<i64> = crate::on_each_backend!(&mut *conn, |c| diesel::insert_into(jobseekers::table)
                .values(&rows)
                .returning(jobseekers::id)
                .get_results(c)?);
            for (id, entered) in ids.into_iter().zip(entries) {
                jobseekers_of[ci].push((id, entered));
                all_jobseekers.push((id, ci, entered));
            }
        }

        // Contacts: a few employers get many (squared draw), over three years.
        let span_minutes = 3 * 365 * 24 * 60;
        let mut contacts_made = 0;
        let mut follow_ups_made = 0;
        while contacts_made < scale.contacts {
            let batch = (scale.contacts - contacts_made).min(1000);
            let mut rows = Vec::with_capacity(batch);
            for _ in 0..batch {
                let r: f64 = rng.gen();
                let employer = employer_ids[((r * r) * employer_ids.len() as f64) as usize % employer_ids.len()];
                let at: NaiveDateTime = now - TimeDelta::minutes(rng.gen_range(0..span_minutes));
                let channel = Channel::ALL[rng.gen_range(0..Channel::ALL.len())];
                let outcome = Outcome::ALL[rng.gen_range(0..Outcome::ALL.len())];
                let coach = rng.gen_range(0..coach_ids.len());
                let client_specific = rng.gen_bool(0.4);
                // A client-specific contact is on behalf of one of the coach's jobseekers who
                // had entered by then.
                let on_behalf = if client_specific && !jobseekers_of[coach].is_empty() {
                    let (id, entered) = jobseekers_of[coach][rng2.gen_range(0..jobseekers_of[coach].len())];
                    (entered <= at.date()).then_some(id)
                } else {
                    None
                };
                rows.push((
                    contacts::employer_id.eq(employer),
                    contacts::coach_id.eq(coach_ids[coach]),
                    contacts::occurred_at.eq(at),
                    contacts::channel.eq(channel.as_str()),
                    contacts::client_specific.eq(client_specific),
                    contacts::jobseeker_id.eq(on_behalf),
                    contacts::outcome.eq(outcome.as_str()),
                    contacts::notes.eq(""),
                    contacts::created_at.eq(at),
                    contacts::updated_at.eq(at),
                ));
            }
            crate::on_each_backend!(&mut *conn, |c| diesel::insert_into(contacts::table).values(&rows).execute(c)?);
            contacts_made += batch;
        }
        // Open follow-ups for about one employer in fifty, due around today.
        let mut fu_rows = Vec::new();
        for (i, employer) in employer_ids.iter().enumerate().filter(|(i, _)| i % 50 == 0) {
            let due = today
                .checked_sub_days(Days::new(21))
                .and_then(|d| d.checked_add_days(Days::new(rng.gen_range(0..60))))
                .unwrap_or(today);
            let assignee = coach_ids[i % coach_ids.len()];
            fu_rows.push((
                follow_ups::employer_id.eq(*employer),
                follow_ups::assignee_id.eq(assignee),
                follow_ups::created_by.eq(assignee),
                follow_ups::due_on.eq(due),
                follow_ups::what.eq("Soita uudelleen"),
                follow_ups::status.eq("open"),
                follow_ups::created_at.eq(now),
                follow_ups::updated_at.eq(now),
            ));
        }
        for chunk in fu_rows.chunks(500) {
            follow_ups_made += crate::on_each_backend!(&mut *conn, |c| diesel::insert_into(follow_ups::table)
                .values(chunk)
                .execute(c)?);
        }
        // Openings: one per 25 employers.
        let mut openings_made = 0;
        let statuses = ["open", "open", "open", "on_hold", "filled", "filled", "filled", "closed", "closed", "closed"];
        let mut opening_rows = Vec::new();
        for _ in 0..(scale.employers / 25).max(1) {
            let employer = employer_ids[rng2.gen_range(0..employer_ids.len())];
            let created = now - TimeDelta::days(rng2.gen_range(0..2 * 365));
            opening_rows.push((
                openings::employer_id.eq(employer),
                openings::coach_id.eq(coach_ids[rng2.gen_range(0..coach_ids.len())]),
                openings::title.eq(SECOND[rng2.gen_range(0..SECOND.len())]),
                openings::status.eq(statuses[rng2.gen_range(0..statuses.len())]),
                openings::created_at.eq(created),
                openings::updated_at.eq(created),
            ));
        }
        for chunk in opening_rows.chunks(500) {
            openings_made += crate::on_each_backend!(&mut *conn, |c| diesel::insert_into(openings::table)
                .values(chunk)
                .execute(c)?);
        }
        // Placements: four in ten jobseekers found a job, some time after entering; the first
        // weeks of each job have follow-along contacts.
        let mut placements_made = 0;
        for chunk in all_jobseekers.chunks(500) {
            let mut rows = Vec::new();
            let mut starts = Vec::new();
            for (jobseeker, ci, entered) in chunk {
                if !rng2.gen_bool(0.4) {
                    continue;
                }
                let starts_on = *entered + Days::new(rng2.gen_range(14..200));
                if starts_on > today {
                    continue;
                }
                let ends_on = rng2
                    .gen_bool(0.5)
                    .then(|| starts_on + Days::new(rng2.gen_range(30..400)))
                    .filter(|d| *d <= today);
                let job = SECOND[rng2.gen_range(0..SECOND.len())];
                rows.push((
                    placements::jobseeker_id.eq(*jobseeker),
                    placements::employer_id.eq(employer_ids[rng2.gen_range(0..employer_ids.len())]),
                    placements::coach_id.eq(coach_ids[*ci]),
                    placements::job_title.eq(job),
                    placements::occupation.eq(job),
                    placements::starts_on.eq(starts_on),
                    placements::ends_on.eq(ends_on),
                    placements::competitive.eq(rng2.gen_bool(0.9)),
                    placements::wage_subsidy.eq(rng2.gen_bool(0.15)),
                    placements::created_at.eq(now),
                    placements::updated_at.eq(now),
                ));
                starts.push((*ci, starts_on));
            }
            if rows.is_empty() {
                continue;
            }
            let ids: Vec<i64> = crate::on_each_backend!(&mut *conn, |c| diesel::insert_into(placements::table)
                .values(&rows)
                .returning(placements::id)
                .get_results(c)?);
            placements_made += ids.len();
            let mut support_rows = Vec::new();
            for (id, (ci, starts_on)) in ids.into_iter().zip(starts) {
                for _ in 0..rng2.gen_range(0..7) {
                    let on = starts_on + Days::new(rng2.gen_range(0..40));
                    if on <= today {
                        support_rows.push((
                            support_contacts::placement_id.eq(id),
                            support_contacts::coach_id.eq(coach_ids[ci]),
                            support_contacts::occurred_on.eq(on),
                            support_contacts::channel.eq("workplace_visit"),
                            support_contacts::created_at.eq(now),
                        ));
                    }
                }
            }
            for part in support_rows.chunks(500) {
                crate::on_each_backend!(&mut *conn, |c| diesel::insert_into(support_contacts::table)
                    .values(part)
                    .execute(c)?);
            }
        }
        // Employers with a placement have hired.
        diesel::update(employers::table.filter(employers::id.eq_any(placements::table.select(placements::employer_id))))
            .set(employers::stage.eq(Stage::HasHired.as_str()))
            .execute(conn)?;
        // Each employer's newest contact, in one statement both backends understand.
        diesel::sql_query(
            "UPDATE employers SET \
               last_contact_id = (SELECT c.id FROM contacts c WHERE c.employer_id = employers.id \
                                  ORDER BY c.occurred_at DESC, c.id DESC LIMIT 1), \
               last_contact_at = (SELECT MAX(c.occurred_at) FROM contacts c WHERE c.employer_id = employers.id)",
        )
        .execute(conn)?;
        // And who holds the relationship (the same statement as migration 000008).
        diesel::sql_query(
            "UPDATE employers SET \
               last_contact_coach_id = (SELECT c.coach_id FROM contacts c WHERE c.id = employers.last_contact_id), \
               other_coach_contact_at = (SELECT MAX(c.occurred_at) FROM contacts c \
                 WHERE c.employer_id = employers.id \
                   AND c.coach_id <> (SELECT l.coach_id FROM contacts l WHERE l.id = employers.last_contact_id))",
        )
        .execute(conn)?;
        Ok(Summary {
            employers: employer_ids.len(),
            contacts: contacts_made,
            follow_ups: follow_ups_made,
            coaches: coach_ids.len(),
            jobseekers: all_jobseekers.len(),
            openings: openings_made,
            placements: placements_made,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::business_id;
    use crate::domain::business_id::BusinessId;

    #[test]
    fn made_up_business_ids_are_valid_and_in_the_unissued_range() {
        let ids: Vec<String> = (0..1000).filter_map(business_id).collect();
        assert!(ids.len() > 800);
        for id in &ids {
            assert!(id.starts_with('9'));
            assert!(BusinessId::parse(id).is_ok(), "{id}");
        }
    }
}
