//! The explainable match score between a job opening and a jobseeker's own wishes.
//!
//! IPS: the person's preferences lead and nobody is screened for "readiness". So the score only
//! compares what the jobseeker wants with what the job is; it never rates the person. Each factor
//! gives points out of its weight and one sentence (a [`Reason`]: a Fluent message id from
//! `matching.ftl` with named arguments). A factor that cannot be compared — neither side states
//! anything, or the job's side is not recorded — is left out of the maximum, so an empty profile
//! is neither punished nor flattered. Blockers (an avoided occupation or industry, a must-have
//! licence the person lacks) are listed apart and never hide the rest: the percent still says how
//! well everything else fits, and [`rank`] puts blocked matches last.
//!
//! # Arguments of the reasons
//! - [`LABEL_ARGS`] hold label message ids of our vocabulary (`schedule-early_morning`, …), several
//!   joined with `,`; [`Reason::resolve_labels`] turns them into text.
//! - [`CODE_ARGS`] hold codes the view turns into names from the reference data: `municipality`
//!   (municipality code, "092"), `county` (wellbeing services county code, "04"), `industry`
//!   (TOL 2008 division "52" or section letter "H").
//! - Everything else is ready to show: occupations as typed, hours as "20–25 h", euros as
//!   "12,50", counts as digits.

use crate::domain::jobs::{ContractType, Feature, Licence, Need, PayUnit, Schedule, Travel};
use crate::domain::money::{Cents, Hundredths};
use crate::domain::text::fold;
use std::cmp::Reverse;

/// What is known about the job opening (and its employer) for matching.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OpeningFacts {
    pub title: String,
    /// Free text, e.g. "varastotyöntekijä".
    pub occupation: String,
    /// The employer's TOL 2008 division, e.g. "52".
    pub industry_division: Option<String>,
    /// Its section letter, e.g. "H".
    pub industry_section: Option<String>,
    /// E.g. "092" (Vantaa).
    pub municipality_code: Option<String>,
    /// The wellbeing services county of that municipality.
    pub county_code: Option<String>,
    /// Hours per week.
    pub hours_min: Option<Hundredths>,
    pub hours_max: Option<Hundredths>,
    /// What the job involves.
    pub schedules: Vec<Schedule>,
    pub contract_type: Option<ContractType>,
    pub pay: Option<Cents>,
    pub pay_unit: Option<PayUnit>,
    pub must_licences: Vec<Licence>,
    pub nice_licences: Vec<Licence>,
    /// Free-text must-haves, which cannot be checked automatically.
    pub must_have: Vec<String>,
    pub features: Vec<Feature>,
}

/// The jobseeker's own wishes, licences and (with consent) functional needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeekerFacts {
    pub wanted_occupations: Vec<String>,
    pub avoided_occupations: Vec<String>,
    /// Section letters or division codes.
    pub wanted_industries: Vec<String>,
    pub avoided_industries: Vec<String>,
    /// Wished municipality codes.
    pub municipalities: Vec<String>,
    /// The counties of those municipalities.
    pub counties: Vec<String>,
    /// Own = only the wished municipalities, County, Anywhere.
    pub travel: Travel,
    /// Hours per week.
    pub hours_min: Option<Hundredths>,
    pub hours_max: Option<Hundredths>,
    /// Acceptable schedules; empty = no preference stated.
    pub schedules: Vec<Schedule>,
    /// Acceptable contract types; empty = any.
    pub contract_types: Vec<ContractType>,
    pub pay_expectation: Option<Cents>,
    pub pay_unit: Option<PayUnit>,
    pub licences: Vec<Licence>,
    /// Functional needs, present only with consent.
    pub needs: Vec<Need>,
}

impl Default for SeekerFacts {
    fn default() -> Self {
        SeekerFacts {
            wanted_occupations: Vec::new(),
            avoided_occupations: Vec::new(),
            wanted_industries: Vec::new(),
            avoided_industries: Vec::new(),
            municipalities: Vec::new(),
            counties: Vec::new(),
            travel: Travel::Own,
            hours_min: None,
            hours_max: None,
            schedules: Vec::new(),
            contract_types: Vec::new(),
            pay_expectation: None,
            pay_unit: None,
            licences: Vec::new(),
            needs: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Factor {
    Occupation,
    Industry,
    Place,
    Hours,
    Schedule,
    Contract,
    Pay,
    Requirements,
    Workplace,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verdict {
    Fits,
    Partly,
    DoesNotFit,
    Blocker,
    Unknown,
}

/// One sentence of the explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    pub factor: Factor,
    pub verdict: Verdict,
    /// A message in `matching.ftl`.
    pub message_id: &'static str,
    pub args: Vec<(&'static str, String)>,
}

/// The points a counted factor earned out of its weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FactorPoints {
    pub factor: Factor,
    pub points: u32,
    pub max: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatchScore {
    /// 0..=100: the points of the counted factors out of their weights.
    pub percent: u8,
    /// Sentences factor by factor, in the order of [`Factor`].
    pub reasons: Vec<Reason>,
    /// Why this match should not be proposed as it is.
    pub blockers: Vec<Reason>,
    /// Only the factors that were counted.
    pub factors: Vec<FactorPoints>,
}

impl MatchScore {
    pub fn is_blocked(&self) -> bool {
        !self.blockers.is_empty()
    }
}

/// The weight of each factor. The person's wish for the kind of work leads (IPS); the place and
/// the hours come next because travel and part-time hours are what most often make or break a job
/// for a person with partial work ability; the employer's line of business, the schedule and the
/// workplace's fit with the person's functional needs follow; contract, pay and nice-to-have
/// licences weigh least (pay is usually set by the collective agreement; a missing must-have
/// licence is a blocker, not a matter of points).
pub fn weight(factor: Factor) -> u32 {
    match factor {
        Factor::Occupation => 25,
        Factor::Industry => 10,
        Factor::Place => 20,
        Factor::Hours => 15,
        Factor::Schedule => 10,
        Factor::Contract => 5,
        Factor::Pay => 5,
        Factor::Requirements => 5,
        Factor::Workplace => 10,
    }
}

/// Place, out of 20: a job in the same county for a person who travels within the county.
const PLACE_COUNTY: u32 = 10;
/// Place, out of 20: a job elsewhere for a person who said any place will do. More than the county
/// case: this person told us the distance does not matter to them.
const PLACE_ANYWHERE: u32 = 14;
/// Hours, out of 15: the job's range overlaps the wished range but is not inside it.
const HOURS_PARTLY: u32 = 8;
/// Pay, out of 5: at most 10 % below the expectation.
const PAY_PARTLY: u32 = 3;

/// Arguments holding label message ids (several joined with `,`).
pub const LABEL_ARGS: &[&str] = &[
    "schedules",
    "contract",
    "licence",
    "licences",
    "missing",
    "needs",
    "need",
    "feature",
    "unit",
];

/// Arguments holding codes the view turns into names: municipality, county, industry.
pub const CODE_ARGS: &[&str] = &["municipality", "county", "industry"];

impl Reason {
    /// The arguments with every label id in [`LABEL_ARGS`] replaced by its text (`label` looks a
    /// message id up), lists joined with ", ".
    pub fn resolve_labels(&self, label: impl Fn(&str) -> String) -> Vec<(&'static str, String)> {
        self.args
            .iter()
            .map(|(name, value)| {
                if LABEL_ARGS.contains(name) {
                    let text = value
                        .split(',')
                        .filter(|id| !id.is_empty())
                        .map(&label)
                        .collect::<Vec<_>>()
                        .join(", ");
                    (*name, text)
                } else {
                    (*name, value.clone())
                }
            })
            .collect()
    }
}

/// Scores how well `opening` fits `seeker`'s own wishes, factor by factor.
pub fn score(opening: &OpeningFacts, seeker: &SeekerFacts) -> MatchScore {
    let mut out = Scoring::default();
    occupation(opening, seeker, &mut out);
    industry(opening, seeker, &mut out);
    place(opening, seeker, &mut out);
    hours(opening, seeker, &mut out);
    schedule(opening, seeker, &mut out);
    contract(opening, seeker, &mut out);
    pay(opening, seeker, &mut out);
    requirements(opening, seeker, &mut out);
    workplace(opening, seeker, &mut out);
    out.finish()
}

/// Ranking: unblocked before blocked, then by percent descending; equal ones keep their order.
pub fn rank<T>(items: &mut [(T, MatchScore)]) {
    items.sort_by_key(|(_, s)| (s.is_blocked(), Reverse(s.percent)));
}

#[derive(Default)]
struct Scoring {
    reasons: Vec<Reason>,
    blockers: Vec<Reason>,
    factors: Vec<FactorPoints>,
}

impl Scoring {
    fn say(&mut self, reason: Reason) {
        self.reasons.push(reason);
    }

    fn block(&mut self, reason: Reason) {
        self.blockers.push(reason);
    }

    fn count(&mut self, factor: Factor, points: u32) {
        let max = weight(factor);
        self.factors.push(FactorPoints {
            factor,
            points: points.min(max),
            max,
        });
    }

    fn finish(mut self) -> MatchScore {
        let points: u32 = self.factors.iter().map(|f| f.points).sum();
        let max: u32 = self.factors.iter().map(|f| f.max).sum();
        let percent = if max == 0 {
            self.reasons.insert(
                0,
                Reason {
                    factor: Factor::Occupation,
                    verdict: Verdict::Unknown,
                    message_id: "match-nothing-to-compare",
                    args: Vec::new(),
                },
            );
            0
        } else {
            // Rounded half up; points never exceed max, so this stays within 0..=100.
            ((200 * points + max) / (2 * max)).min(100) as u8
        };
        MatchScore {
            percent,
            reasons: self.reasons,
            blockers: self.blockers,
            factors: self.factors,
        }
    }
}

/// `weight × part / whole`, rounded half up.
fn share(weight: u32, part: usize, whole: usize) -> u32 {
    if whole == 0 {
        return 0;
    }
    let (part, whole) = (part as u32, whole as u32);
    (2 * weight * part + whole) / (2 * whole)
}

fn labels<T: Copy>(items: &[T], id: impl Fn(T) -> &'static str) -> String {
    items.iter().map(|&i| id(i)).collect::<Vec<_>>().join(",")
}

// ----- Occupation -------------------------------------------------------------------------------

/// Words too general to tell one occupation from another: "työntekijä" in "varastotyöntekijä" and
/// "siivoustyöntekijä" says nothing. Folded.
const GENERIC_WORDS: &[&str] = &[
    "tyontekija",
    "tyo",
    "tyot",
    "apulainen",
    "avustaja",
    "ja",
    "worker",
    "assistant",
    "and",
    "arbetare",
    "medarbetare",
    "bitrade",
    "och",
];

/// The folded, meaningful words of an occupation text ("Kahvila-apulainen" → ["kahvila"]).
fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !GENERIC_WORDS.contains(w))
        .map(str::to_owned)
        .collect()
}

/// Whether two folded words share a stem: equal, or the shorter one (at least four letters) is
/// inside the longer one. Finnish compounds glue words together ("varastotyöntekijä" holds
/// "varasto"), so containment finds them; inflected stems that change ("siivous" / "siivooja")
/// are not found — the limit of matching without a Finnish morphology.
fn same_stem(a: &str, b: &str) -> bool {
    let (short, long) = if a.chars().count() <= b.chars().count() {
        (a, b)
    } else {
        (b, a)
    };
    short == long || (short.chars().count() >= 4 && long.contains(short))
}

/// The first of `terms` that shares a stem with any word of `job_words`.
fn first_match<'a>(terms: &'a [String], job_words: &[String]) -> Option<&'a String> {
    terms.iter().find(|term| {
        words(term)
            .iter()
            .any(|t| job_words.iter().any(|j| same_stem(t, j)))
    })
}

/// Whether an occupation text matches a wish, as [`score`] compares them.
pub fn occupation_matches(job: &str, wish: &str) -> bool {
    first_match(&[wish.to_owned()], &words(job)).is_some()
}

fn occupation(o: &OpeningFacts, s: &SeekerFacts, out: &mut Scoring) {
    let shown = if o.occupation.trim().is_empty() {
        o.title.trim().to_owned()
    } else {
        o.occupation.trim().to_owned()
    };
    let job_words = words(&format!("{} {}", o.occupation, o.title));
    if let Some(avoided) = first_match(&s.avoided_occupations, &job_words) {
        out.block(Reason {
            factor: Factor::Occupation,
            verdict: Verdict::Blocker,
            message_id: "match-blocker-avoided-occupation",
            args: vec![("avoided", avoided.clone()), ("occupation", shown.clone())],
        });
    }
    if s.wanted_occupations.is_empty() {
        if !shown.is_empty() {
            out.say(Reason {
                factor: Factor::Occupation,
                verdict: Verdict::Unknown,
                message_id: "match-occupation-no-wish",
                args: vec![("occupation", shown)],
            });
        }
        return;
    }
    if shown.is_empty() {
        out.say(Reason {
            factor: Factor::Occupation,
            verdict: Verdict::Unknown,
            message_id: "match-occupation-unknown",
            args: Vec::new(),
        });
        return;
    }
    match first_match(&s.wanted_occupations, &job_words) {
        Some(wish) => {
            out.count(Factor::Occupation, weight(Factor::Occupation));
            out.say(Reason {
                factor: Factor::Occupation,
                verdict: Verdict::Fits,
                message_id: "match-occupation-fits",
                args: vec![("occupation", shown), ("wish", wish.clone())],
            });
        }
        None => {
            out.count(Factor::Occupation, 0);
            out.say(Reason {
                factor: Factor::Occupation,
                verdict: Verdict::DoesNotFit,
                message_id: "match-occupation-does-not-fit",
                args: vec![
                    ("occupation", shown),
                    ("wishes", s.wanted_occupations.join(", ")),
                ],
            });
        }
    }
}

// ----- Industry ---------------------------------------------------------------------------------

fn industry(o: &OpeningFacts, s: &SeekerFacts, out: &mut Scoring) {
    let norm = |c: &String| c.trim().to_uppercase();
    let codes: Vec<String> = [&o.industry_division, &o.industry_section]
        .into_iter()
        .flatten()
        .map(norm)
        .filter(|c| !c.is_empty())
        .collect();
    let find = |list: &[String]| {
        codes
            .iter()
            .find(|c| list.iter().map(norm).any(|w| &w == *c))
            .cloned()
    };
    if let Some(code) = find(&s.avoided_industries) {
        out.block(Reason {
            factor: Factor::Industry,
            verdict: Verdict::Blocker,
            message_id: "match-blocker-avoided-industry",
            args: vec![("industry", code)],
        });
    }
    if s.wanted_industries.is_empty() {
        return;
    }
    let Some(first) = codes.first().cloned() else {
        out.say(Reason {
            factor: Factor::Industry,
            verdict: Verdict::Unknown,
            message_id: "match-industry-unknown",
            args: Vec::new(),
        });
        return;
    };
    match find(&s.wanted_industries) {
        Some(code) => {
            out.count(Factor::Industry, weight(Factor::Industry));
            out.say(Reason {
                factor: Factor::Industry,
                verdict: Verdict::Fits,
                message_id: "match-industry-fits",
                args: vec![("industry", code)],
            });
        }
        None => {
            out.count(Factor::Industry, 0);
            out.say(Reason {
                factor: Factor::Industry,
                verdict: Verdict::DoesNotFit,
                message_id: "match-industry-does-not-fit",
                args: vec![("industry", first)],
            });
        }
    }
}

// ----- Place ------------------------------------------------------------------------------------

fn place(o: &OpeningFacts, s: &SeekerFacts, out: &mut Scoring) {
    if s.municipalities.is_empty() {
        return;
    }
    let Some(code) = o.municipality_code.as_ref().map(|c| c.trim().to_owned()) else {
        out.say(Reason {
            factor: Factor::Place,
            verdict: Verdict::Unknown,
            message_id: "match-place-unknown",
            args: Vec::new(),
        });
        return;
    };
    let county = o.county_code.as_ref().map(|c| c.trim().to_owned());
    let same_county = county
        .as_ref()
        .is_some_and(|c| s.counties.iter().any(|w| w.trim() == c));
    if s.municipalities.iter().any(|m| m.trim() == code) {
        out.count(Factor::Place, weight(Factor::Place));
        out.say(Reason {
            factor: Factor::Place,
            verdict: Verdict::Fits,
            message_id: "match-place-own",
            args: vec![("municipality", code)],
        });
    } else if s.travel == Travel::Anywhere {
        out.count(Factor::Place, PLACE_ANYWHERE);
        out.say(Reason {
            factor: Factor::Place,
            verdict: Verdict::Partly,
            message_id: "match-place-anywhere",
            args: vec![("municipality", code)],
        });
    } else if s.travel == Travel::County && same_county {
        out.count(Factor::Place, PLACE_COUNTY);
        out.say(Reason {
            factor: Factor::Place,
            verdict: Verdict::Partly,
            message_id: "match-place-county",
            args: vec![
                ("municipality", code),
                ("county", county.unwrap_or_default()),
            ],
        });
    } else if s.travel == Travel::County && county.is_none() {
        out.say(Reason {
            factor: Factor::Place,
            verdict: Verdict::Unknown,
            message_id: "match-place-county-unknown",
            args: vec![("municipality", code)],
        });
    } else {
        out.count(Factor::Place, 0);
        out.say(Reason {
            factor: Factor::Place,
            verdict: Verdict::DoesNotFit,
            message_id: "match-place-does-not-fit",
            args: vec![("municipality", code)],
        });
    }
}

// ----- Hours ------------------------------------------------------------------------------------

/// Hours with a decimal comma and no needless zeros: 20, 37,5, 7,25.
pub fn format_hours(h: Hundredths) -> String {
    let whole = h.0 / 100;
    let frac = h.0 % 100;
    if frac == 0 {
        whole.to_string()
    } else if frac % 10 == 0 {
        format!("{whole},{}", frac / 10)
    } else {
        format!("{whole},{frac:02}")
    }
}

/// The job's hours: one given bound stands for both.
fn job_range(o: &OpeningFacts) -> Option<(i64, i64)> {
    match (o.hours_min, o.hours_max) {
        (Some(a), Some(b)) => Some((a.0.min(b.0), a.0.max(b.0))),
        (Some(a), None) | (None, Some(a)) => Some((a.0, a.0)),
        (None, None) => None,
    }
}

/// The wished hours: a missing bound is open ("at least 20", "at most 25").
fn wished_range(s: &SeekerFacts) -> Option<(i64, i64)> {
    match (s.hours_min, s.hours_max) {
        (Some(a), Some(b)) => Some((a.0.min(b.0), a.0.max(b.0))),
        (Some(a), None) => Some((a.0, i64::MAX)),
        (None, Some(b)) => Some((0, b.0)),
        (None, None) => None,
    }
}

fn format_range(min: Option<Hundredths>, max: Option<Hundredths>) -> String {
    match (min, max) {
        (Some(a), Some(b)) if a == b => format!("{} h", format_hours(a)),
        (Some(a), Some(b)) => format!("{}–{} h", format_hours(a.min(b)), format_hours(a.max(b))),
        (Some(a), None) => format!("≥ {} h", format_hours(a)),
        (None, Some(b)) => format!("≤ {} h", format_hours(b)),
        (None, None) => String::new(),
    }
}

fn hours(o: &OpeningFacts, s: &SeekerFacts, out: &mut Scoring) {
    let Some((wmin, wmax)) = wished_range(s) else {
        return;
    };
    let wished = format_range(s.hours_min, s.hours_max);
    let Some((jmin, jmax)) = job_range(o) else {
        out.say(Reason {
            factor: Factor::Hours,
            verdict: Verdict::Unknown,
            message_id: "match-hours-unknown",
            args: vec![("wished", wished)],
        });
        return;
    };
    let job = match (o.hours_min, o.hours_max) {
        (Some(a), None) | (None, Some(a)) => format_range(Some(a), Some(a)),
        (a, b) => format_range(a, b),
    };
    let args = vec![("hours", job), ("wished", wished)];
    if wmin <= jmin && jmax <= wmax {
        out.count(Factor::Hours, weight(Factor::Hours));
        out.say(Reason {
            factor: Factor::Hours,
            verdict: Verdict::Fits,
            message_id: "match-hours-fits",
            args,
        });
    } else if jmin <= wmax && wmin <= jmax {
        out.count(Factor::Hours, HOURS_PARTLY);
        out.say(Reason {
            factor: Factor::Hours,
            verdict: Verdict::Partly,
            message_id: "match-hours-partly",
            args,
        });
    } else {
        out.count(Factor::Hours, 0);
        out.say(Reason {
            factor: Factor::Hours,
            verdict: Verdict::DoesNotFit,
            message_id: "match-hours-does-not-fit",
            args,
        });
    }
}

// ----- Schedule ---------------------------------------------------------------------------------

fn schedule(o: &OpeningFacts, s: &SeekerFacts, out: &mut Scoring) {
    if s.schedules.is_empty() {
        return;
    }
    if o.schedules.is_empty() {
        out.say(Reason {
            factor: Factor::Schedule,
            verdict: Verdict::Unknown,
            message_id: "match-schedule-unknown",
            args: Vec::new(),
        });
        return;
    }
    let (ok, not_ok): (Vec<Schedule>, Vec<Schedule>) =
        o.schedules.iter().partition(|x| s.schedules.contains(x));
    let points = share(weight(Factor::Schedule), ok.len(), o.schedules.len());
    out.count(Factor::Schedule, points);
    if not_ok.is_empty() {
        out.say(Reason {
            factor: Factor::Schedule,
            verdict: Verdict::Fits,
            message_id: "match-schedule-fits",
            args: vec![("schedules", labels(&ok, Schedule::message_id))],
        });
    } else if !ok.is_empty() {
        out.say(Reason {
            factor: Factor::Schedule,
            verdict: Verdict::Partly,
            message_id: "match-schedule-partly",
            args: vec![("schedules", labels(&not_ok, Schedule::message_id))],
        });
    } else {
        out.say(Reason {
            factor: Factor::Schedule,
            verdict: Verdict::DoesNotFit,
            message_id: "match-schedule-does-not-fit",
            args: vec![("schedules", labels(&not_ok, Schedule::message_id))],
        });
    }
}

// ----- Contract ---------------------------------------------------------------------------------

fn contract(o: &OpeningFacts, s: &SeekerFacts, out: &mut Scoring) {
    if s.contract_types.is_empty() {
        return;
    }
    let Some(c) = o.contract_type else {
        out.say(Reason {
            factor: Factor::Contract,
            verdict: Verdict::Unknown,
            message_id: "match-contract-unknown",
            args: Vec::new(),
        });
        return;
    };
    let args = vec![("contract", c.message_id().to_owned())];
    if s.contract_types.contains(&c) {
        out.count(Factor::Contract, weight(Factor::Contract));
        out.say(Reason {
            factor: Factor::Contract,
            verdict: Verdict::Fits,
            message_id: "match-contract-fits",
            args,
        });
    } else {
        out.count(Factor::Contract, 0);
        out.say(Reason {
            factor: Factor::Contract,
            verdict: Verdict::DoesNotFit,
            message_id: "match-contract-does-not-fit",
            args,
        });
    }
}

// ----- Pay --------------------------------------------------------------------------------------

/// Weeks in a month on average: 52 / 12.
const WEEKS_PER_MONTH: (i128, i128) = (52, 12);

/// `a × b / c`, rounded half up, for non-negative values.
fn mul_div(a: i128, b: i128, c: i128) -> i64 {
    ((2 * a * b + c) / (2 * c)) as i64
}

/// The opening's pay in `unit`. Hourly and monthly pay convert through the job's weekly hours
/// (the middle of its range): month = hour × weekly hours × 52 / 12. Returns the amount and
/// whether it was converted.
fn pay_in(o: &OpeningFacts, unit: PayUnit) -> Option<(Cents, bool)> {
    let pay = o.pay?;
    let from = o.pay_unit?;
    if from == unit {
        return Some((pay, false));
    }
    let (lo, hi) = job_range(o)?;
    let weekly = i128::from(lo + hi); // hundredths of an hour, times two
    if weekly <= 0 {
        return None;
    }
    let (weeks, months) = WEEKS_PER_MONTH;
    let cents = i128::from(pay.0);
    let converted = match unit {
        // cents/h × (weekly/200) h/week × 52/12 weeks/month
        PayUnit::Month => mul_div(cents, weekly * weeks, 200 * months),
        PayUnit::Hour => mul_div(cents, 200 * months, weekly * weeks),
    };
    Some((Cents(converted), true))
}

fn format_euros(c: Cents) -> String {
    crate::format::decimal(c.to_decimal(), if c.0 % 100 == 0 { 0 } else { 2 })
}

fn pay(o: &OpeningFacts, s: &SeekerFacts, out: &mut Scoring) {
    let Some(expected) = s.pay_expectation else {
        return;
    };
    // An expectation without its unit cannot be compared with anything.
    let unit = s.pay_unit;
    let Some((offered, converted)) = unit.and_then(|u| pay_in(o, u)) else {
        out.say(Reason {
            factor: Factor::Pay,
            verdict: Verdict::Unknown,
            message_id: "match-pay-unknown",
            args: Vec::new(),
        });
        return;
    };
    let unit = unit.map(PayUnit::message_id).unwrap_or_default();
    let shown = if converted {
        format!("≈ {}", format_euros(offered))
    } else {
        format_euros(offered)
    };
    let args = vec![
        ("pay", shown),
        ("expected", format_euros(expected)),
        ("unit", unit.to_owned()),
    ];
    if offered >= expected {
        out.count(Factor::Pay, weight(Factor::Pay));
        out.say(Reason {
            factor: Factor::Pay,
            verdict: Verdict::Fits,
            message_id: "match-pay-fits",
            args,
        });
    } else if i128::from(offered.0) * 10 >= i128::from(expected.0) * 9 {
        out.count(Factor::Pay, PAY_PARTLY);
        out.say(Reason {
            factor: Factor::Pay,
            verdict: Verdict::Partly,
            message_id: "match-pay-partly",
            args,
        });
    } else {
        out.count(Factor::Pay, 0);
        out.say(Reason {
            factor: Factor::Pay,
            verdict: Verdict::DoesNotFit,
            message_id: "match-pay-does-not-fit",
            args,
        });
    }
}

// ----- Requirements -----------------------------------------------------------------------------

/// Must-have licences are gates: each one missing is a blocker. The points (out of 5) are the
/// share of all listed licences, must-have and nice-to-have, that the person holds.
fn requirements(o: &OpeningFacts, s: &SeekerFacts, out: &mut Scoring) {
    let held = |l: &&Licence| s.licences.contains(l);
    let must_held: Vec<Licence> = o.must_licences.iter().filter(held).copied().collect();
    for lacking in o.must_licences.iter().filter(|l| !held(l)) {
        out.block(Reason {
            factor: Factor::Requirements,
            verdict: Verdict::Blocker,
            message_id: "match-blocker-licence",
            args: vec![("licence", lacking.message_id().to_owned())],
        });
    }
    if !o.must_licences.is_empty() && must_held.len() == o.must_licences.len() {
        out.say(Reason {
            factor: Factor::Requirements,
            verdict: Verdict::Fits,
            message_id: "match-requirements-must-held",
            args: vec![("licences", labels(&must_held, Licence::message_id))],
        });
    }
    let (nice_held, nice_missing): (Vec<Licence>, Vec<Licence>) =
        o.nice_licences.iter().partition(|l| s.licences.contains(l));
    let total = o.must_licences.len() + o.nice_licences.len();
    if total > 0 {
        let points = share(
            weight(Factor::Requirements),
            must_held.len() + nice_held.len(),
            total,
        );
        out.count(Factor::Requirements, points);
    }
    if !o.nice_licences.is_empty() {
        let args = vec![
            ("held", nice_held.len().to_string()),
            ("total", o.nice_licences.len().to_string()),
            ("licences", labels(&nice_held, Licence::message_id)),
            ("missing", labels(&nice_missing, Licence::message_id)),
        ];
        let reason = if nice_missing.is_empty() {
            Reason {
                factor: Factor::Requirements,
                verdict: Verdict::Fits,
                message_id: "match-requirements-nice-all",
                args,
            }
        } else if nice_held.is_empty() {
            Reason {
                factor: Factor::Requirements,
                verdict: Verdict::DoesNotFit,
                message_id: "match-requirements-nice-none",
                args,
            }
        } else {
            Reason {
                factor: Factor::Requirements,
                verdict: Verdict::Partly,
                message_id: "match-requirements-nice-some",
                args,
            }
        };
        out.say(reason);
    }
    let free: Vec<&str> = o
        .must_have
        .iter()
        .map(|m| m.trim())
        .filter(|m| !m.is_empty())
        .collect();
    if !free.is_empty() {
        out.say(Reason {
            factor: Factor::Requirements,
            verdict: Verdict::Unknown,
            message_id: "match-requirements-check",
            args: vec![("items", free.join(", "))],
        });
    }
}

// ----- Workplace --------------------------------------------------------------------------------

/// How a workplace answers one need.
enum Answer {
    Met,
    Conflict(Feature),
    NotKnown,
    NotScored,
}

fn answer(need: Need, features: &[Feature]) -> Answer {
    let has = |f: Feature| features.contains(&f);
    let needs_feature = |f: Feature| {
        if has(f) {
            Answer::Met
        } else {
            Answer::NotKnown
        }
    };
    // A need that conflicts with a feature is met when the workplace's features are recorded and
    // that feature is not among them.
    let avoids_feature = |f: Feature| {
        if has(f) {
            Answer::Conflict(f)
        } else if features.is_empty() {
            Answer::NotKnown
        } else {
            Answer::Met
        }
    };
    match need {
        Need::QuietSpace => needs_feature(Feature::QuietSpace),
        Need::FlexibleStart => needs_feature(Feature::FlexibleStart),
        Need::RemoteWork => needs_feature(Feature::RemotePossible),
        Need::LittleCustomerContact => avoids_feature(Feature::CustomerContact),
        Need::LightPhysicalWork => avoids_feature(Feature::PhysicalWork),
        Need::ClearInstructions | Need::RegularBreaks => Answer::NotScored,
    }
}

/// Points (out of 10) are the share of met needs among those the features answer; a conflict is
/// not a blocker, since the coach can arrange an adjustment with the employer.
fn workplace(o: &OpeningFacts, s: &SeekerFacts, out: &mut Scoring) {
    let mut met = Vec::new();
    let mut conflicts = Vec::new();
    let mut not_known = Vec::new();
    let mut to_agree = Vec::new();
    for &need in &s.needs {
        match answer(need, &o.features) {
            Answer::Met => met.push(need),
            Answer::Conflict(f) => conflicts.push((need, f)),
            Answer::NotKnown => not_known.push(need),
            Answer::NotScored => to_agree.push(need),
        }
    }
    let answered = met.len() + conflicts.len();
    if answered > 0 {
        out.count(
            Factor::Workplace,
            share(weight(Factor::Workplace), met.len(), answered),
        );
    }
    if !met.is_empty() {
        out.say(Reason {
            factor: Factor::Workplace,
            verdict: Verdict::Fits,
            message_id: "match-workplace-met",
            args: vec![("needs", labels(&met, Need::message_id))],
        });
    }
    for (need, feature) in conflicts {
        out.say(Reason {
            factor: Factor::Workplace,
            verdict: Verdict::DoesNotFit,
            message_id: "match-workplace-conflict",
            args: vec![
                ("need", need.message_id().to_owned()),
                ("feature", feature.message_id().to_owned()),
            ],
        });
    }
    if !not_known.is_empty() {
        out.say(Reason {
            factor: Factor::Workplace,
            verdict: Verdict::Unknown,
            message_id: "match-workplace-unknown",
            args: vec![("needs", labels(&not_known, Need::message_id))],
        });
    }
    if !to_agree.is_empty() {
        out.say(Reason {
            factor: Factor::Workplace,
            verdict: Verdict::Unknown,
            message_id: "match-workplace-agree",
            args: vec![("needs", labels(&to_agree, Need::message_id))],
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(hours: i64) -> Option<Hundredths> {
        Some(Hundredths(hours * 100))
    }

    fn eur(euros: i64) -> Option<Cents> {
        Some(Cents(euros * 100))
    }

    fn s(text: &str) -> String {
        text.to_owned()
    }

    fn list(items: &[&str]) -> Vec<String> {
        items.iter().map(|i| s(i)).collect()
    }

    fn job(occupation: &str) -> OpeningFacts {
        OpeningFacts {
            title: s(occupation),
            occupation: s(occupation),
            ..OpeningFacts::default()
        }
    }

    fn wants(occupations: &[&str]) -> SeekerFacts {
        SeekerFacts {
            wanted_occupations: list(occupations),
            ..SeekerFacts::default()
        }
    }

    fn points(score: &MatchScore, factor: Factor) -> Option<(u32, u32)> {
        score
            .factors
            .iter()
            .find(|f| f.factor == factor)
            .map(|f| (f.points, f.max))
    }

    fn said(score: &MatchScore, factor: Factor) -> Vec<(Verdict, &'static str)> {
        score
            .reasons
            .iter()
            .filter(|r| r.factor == factor)
            .map(|r| (r.verdict, r.message_id))
            .collect()
    }

    fn arg<'a>(reason: &'a Reason, name: &str) -> &'a str {
        reason
            .args
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or_else(|| panic!("no argument {name} in {reason:?}"))
    }

    fn reason(score: &MatchScore, id: &str) -> Reason {
        score
            .reasons
            .iter()
            .chain(&score.blockers)
            .find(|r| r.message_id == id)
            .cloned()
            .unwrap_or_else(|| panic!("no {id} in {score:?}"))
    }

    // ----- occupation

    #[test]
    fn finnish_compounds_and_accents_match_a_wish() {
        assert!(occupation_matches("Varastotyöntekijä", "varasto"));
        assert!(occupation_matches("Kahvila-apulainen", "kahvila"));
        assert!(occupation_matches("keittiöapulainen", "KEITTIÖ"));
        assert!(occupation_matches("varasto", "varastotyö"), "either way");
        assert!(occupation_matches("Lähettäjä", "lahettaja"));
        assert!(
            occupation_matches("IT-tuki", "it"),
            "short words match whole"
        );
    }

    #[test]
    fn occupation_matching_has_known_limits() {
        // Stems that change when inflected are not found: no Finnish morphology here.
        assert!(!occupation_matches("Siivooja", "siivous"));
        // Short fragments and general words do not match inside other words.
        assert!(!occupation_matches("Kassatyöntekijä", "kas"));
        assert!(!occupation_matches(
            "Siivoustyöntekijä",
            "varastotyöntekijä"
        ));
        assert!(!occupation_matches("Työntekijä", "siivoustyöntekijä"));
        assert!(!occupation_matches("Keittiöapulainen", "kahvila-apulainen"));
    }

    #[test]
    fn a_wished_occupation_fits_with_full_points() {
        let score = score(&job("Varastotyöntekijä"), &wants(&["kahvila", "varasto"]));
        assert_eq!(points(&score, Factor::Occupation), Some((25, 25)));
        let r = reason(&score, "match-occupation-fits");
        assert_eq!(r.verdict, Verdict::Fits);
        assert_eq!(arg(&r, "wish"), "varasto");
        assert_eq!(arg(&r, "occupation"), "Varastotyöntekijä");
        assert_eq!(score.percent, 100);
    }

    #[test]
    fn the_title_counts_too() {
        let opening = OpeningFacts {
            title: s("Kahvilan iltavuoro"),
            occupation: s("myyjä"),
            ..OpeningFacts::default()
        };
        let score = score(&opening, &wants(&["kahvila"]));
        assert_eq!(points(&score, Factor::Occupation), Some((25, 25)));
    }

    #[test]
    fn an_other_occupation_does_not_fit() {
        let score = score(&job("Siivooja"), &wants(&["varasto", "kahvila"]));
        assert_eq!(points(&score, Factor::Occupation), Some((0, 25)));
        let r = reason(&score, "match-occupation-does-not-fit");
        assert_eq!(r.verdict, Verdict::DoesNotFit);
        assert_eq!(arg(&r, "wishes"), "varasto, kahvila");
        assert_eq!(score.percent, 0);
    }

    #[test]
    fn no_wished_occupation_is_not_counted() {
        let score = score(&job("Siivooja"), &SeekerFacts::default());
        assert_eq!(points(&score, Factor::Occupation), None);
        assert_eq!(
            said(&score, Factor::Occupation),
            vec![
                (Verdict::Unknown, "match-nothing-to-compare"),
                (Verdict::Unknown, "match-occupation-no-wish")
            ]
        );
    }

    #[test]
    fn an_avoided_occupation_blocks_but_is_still_scored() {
        let seeker = SeekerFacts {
            avoided_occupations: list(&["siivous", "varasto"]),
            ..wants(&["varastotyö"])
        };
        let score = score(&job("Varastotyöntekijä"), &seeker);
        assert!(score.is_blocked());
        let b = &score.blockers[0];
        assert_eq!(
            (b.factor, b.verdict, b.message_id),
            (
                Factor::Occupation,
                Verdict::Blocker,
                "match-blocker-avoided-occupation"
            )
        );
        assert_eq!(arg(b, "avoided"), "varasto");
        assert_eq!(points(&score, Factor::Occupation), Some((25, 25)));
        assert_eq!(score.percent, 100);
        assert!(!score.reasons.iter().any(|r| r.verdict == Verdict::Blocker));
    }

    #[test]
    fn an_opening_without_occupation_or_title_is_not_counted() {
        let score = score(&OpeningFacts::default(), &wants(&["kahvila"]));
        assert_eq!(points(&score, Factor::Occupation), None);
        assert!(said(&score, Factor::Occupation)
            .contains(&(Verdict::Unknown, "match-occupation-unknown")));
    }

    // ----- industry

    fn employer_in(division: &str, section: &str) -> OpeningFacts {
        OpeningFacts {
            industry_division: Some(s(division)),
            industry_section: Some(s(section)),
            ..job("Varastotyöntekijä")
        }
    }

    #[test]
    fn a_wished_division_or_section_fits() {
        for wished in ["52", "h", " H "] {
            let seeker = SeekerFacts {
                wanted_industries: list(&["47", wished]),
                ..SeekerFacts::default()
            };
            let score = score(&employer_in("52", "H"), &seeker);
            assert_eq!(points(&score, Factor::Industry), Some((10, 10)), "{wished}");
            assert_eq!(
                said(&score, Factor::Industry),
                vec![(Verdict::Fits, "match-industry-fits")]
            );
        }
    }

    #[test]
    fn an_other_industry_does_not_fit_and_an_unknown_one_is_not_counted() {
        let seeker = SeekerFacts {
            wanted_industries: list(&["I"]),
            ..SeekerFacts::default()
        };
        let other = score(&employer_in("52", "H"), &seeker);
        assert_eq!(points(&other, Factor::Industry), Some((0, 10)));
        assert_eq!(
            arg(&reason(&other, "match-industry-does-not-fit"), "industry"),
            "52"
        );
        let unknown = score(&job("Varastotyöntekijä"), &seeker);
        assert_eq!(points(&unknown, Factor::Industry), None);
        assert_eq!(
            said(&unknown, Factor::Industry),
            vec![(Verdict::Unknown, "match-industry-unknown")]
        );
        let no_wish = score(&employer_in("52", "H"), &SeekerFacts::default());
        assert!(said(&no_wish, Factor::Industry).is_empty());
    }

    #[test]
    fn an_avoided_industry_blocks() {
        let seeker = SeekerFacts {
            avoided_industries: list(&["h"]),
            ..wants(&["varasto"])
        };
        let score = score(&employer_in("52", "H"), &seeker);
        assert_eq!(score.blockers.len(), 1);
        assert_eq!(
            score.blockers[0].message_id,
            "match-blocker-avoided-industry"
        );
        assert_eq!(arg(&score.blockers[0], "industry"), "H");
        assert_eq!(score.percent, 100, "the rest is still scored");
        assert!(!super::score(&employer_in("56", "I"), &seeker).is_blocked());
    }

    // ----- place

    const VANTAA: &str = "092";
    const KERAVA: &str = "245";
    const TUUSULA: &str = "858";
    const VANTAA_KERAVA: &str = "04";
    const KESKI_UUSIMAA: &str = "02";

    fn located(municipality: &str, county: &str) -> OpeningFacts {
        OpeningFacts {
            municipality_code: Some(s(municipality)),
            county_code: Some(s(county)),
            ..job("Varastotyöntekijä")
        }
    }

    fn lives(municipalities: &[&str], counties: &[&str], travel: Travel) -> SeekerFacts {
        SeekerFacts {
            municipalities: list(municipalities),
            counties: list(counties),
            travel,
            ..SeekerFacts::default()
        }
    }

    #[test]
    fn a_wished_municipality_fits_and_names_its_code() {
        let seeker = lives(&[KERAVA, VANTAA], &[VANTAA_KERAVA], Travel::Own);
        let score = score(&located(VANTAA, VANTAA_KERAVA), &seeker);
        assert_eq!(points(&score, Factor::Place), Some((20, 20)));
        assert_eq!(
            arg(&reason(&score, "match-place-own"), "municipality"),
            VANTAA
        );
    }

    #[test]
    fn the_same_county_is_partly_for_county_travellers_anywhere_more() {
        let opening = located(VANTAA, VANTAA_KERAVA);
        let county = score(
            &opening,
            &lives(&[KERAVA], &[VANTAA_KERAVA], Travel::County),
        );
        assert_eq!(points(&county, Factor::Place), Some((PLACE_COUNTY, 20)));
        let r = reason(&county, "match-place-county");
        assert_eq!(r.verdict, Verdict::Partly);
        assert_eq!(arg(&r, "county"), VANTAA_KERAVA);
        let anywhere = score(
            &opening,
            &lives(&[TUUSULA], &[KESKI_UUSIMAA], Travel::Anywhere),
        );
        assert_eq!(points(&anywhere, Factor::Place), Some((PLACE_ANYWHERE, 20)));
        assert_eq!(
            said(&anywhere, Factor::Place),
            vec![(Verdict::Partly, "match-place-anywhere")]
        );
        assert!(points(&anywhere, Factor::Place) > points(&county, Factor::Place));
    }

    #[test]
    fn elsewhere_does_not_fit() {
        let opening = located(VANTAA, VANTAA_KERAVA);
        for seeker in [
            lives(&[KERAVA], &[VANTAA_KERAVA], Travel::Own),
            lives(&[TUUSULA], &[KESKI_UUSIMAA], Travel::County),
        ] {
            let score = score(&opening, &seeker);
            assert_eq!(points(&score, Factor::Place), Some((0, 20)));
            assert_eq!(
                said(&score, Factor::Place),
                vec![(Verdict::DoesNotFit, "match-place-does-not-fit")]
            );
        }
    }

    #[test]
    fn an_unknown_place_or_no_wish_is_not_counted() {
        let seeker = lives(&[VANTAA], &[VANTAA_KERAVA], Travel::County);
        let unknown = score(&job("Varastotyöntekijä"), &seeker);
        assert_eq!(points(&unknown, Factor::Place), None);
        assert_eq!(
            said(&unknown, Factor::Place),
            vec![(Verdict::Unknown, "match-place-unknown")]
        );
        let no_county = OpeningFacts {
            county_code: None,
            ..located(KERAVA, VANTAA_KERAVA)
        };
        let no_county = score(&no_county, &seeker);
        assert_eq!(points(&no_county, Factor::Place), None);
        assert_eq!(
            said(&no_county, Factor::Place),
            vec![(Verdict::Unknown, "match-place-county-unknown")]
        );
        let no_wish = score(
            &located(VANTAA, VANTAA_KERAVA),
            &lives(&[], &[], Travel::Own),
        );
        assert!(said(&no_wish, Factor::Place).is_empty());
    }

    // ----- hours

    fn hours_job(min: Option<Hundredths>, max: Option<Hundredths>) -> OpeningFacts {
        OpeningFacts {
            hours_min: min,
            hours_max: max,
            ..job("Varastotyöntekijä")
        }
    }

    fn hours_wish(min: Option<Hundredths>, max: Option<Hundredths>) -> SeekerFacts {
        SeekerFacts {
            hours_min: min,
            hours_max: max,
            ..SeekerFacts::default()
        }
    }

    #[test]
    fn hours_inside_the_wish_fit() {
        let score = score(&hours_job(h(20), h(25)), &hours_wish(h(15), h(25)));
        assert_eq!(points(&score, Factor::Hours), Some((15, 15)));
        let r = reason(&score, "match-hours-fits");
        assert_eq!(arg(&r, "hours"), "20–25 h");
        assert_eq!(arg(&r, "wished"), "15–25 h");
        let single = super::score(&hours_job(None, h(20)), &hours_wish(None, h(25)));
        let r = reason(&single, "match-hours-fits");
        assert_eq!((arg(&r, "hours"), arg(&r, "wished")), ("20 h", "≤ 25 h"));
    }

    #[test]
    fn overlapping_hours_fit_partly_and_others_not() {
        let partly = score(&hours_job(h(20), h(30)), &hours_wish(h(15), h(25)));
        assert_eq!(points(&partly, Factor::Hours), Some((HOURS_PARTLY, 15)));
        assert_eq!(
            said(&partly, Factor::Hours),
            vec![(Verdict::Partly, "match-hours-partly")]
        );
        let full_time = score(&hours_job(h(37), h(40)), &hours_wish(None, h(25)));
        assert_eq!(points(&full_time, Factor::Hours), Some((0, 15)));
        assert_eq!(
            said(&full_time, Factor::Hours),
            vec![(Verdict::DoesNotFit, "match-hours-does-not-fit")]
        );
        let at_least = score(&hours_job(h(37), h(40)), &hours_wish(h(30), None));
        assert_eq!(points(&at_least, Factor::Hours), Some((15, 15)));
    }

    #[test]
    fn unknown_hours_are_not_counted_and_no_wish_is_skipped() {
        let unknown = score(&hours_job(None, None), &hours_wish(h(20), h(25)));
        assert_eq!(points(&unknown, Factor::Hours), None);
        assert_eq!(
            said(&unknown, Factor::Hours),
            vec![(Verdict::Unknown, "match-hours-unknown")]
        );
        let no_wish = score(&hours_job(h(20), h(25)), &hours_wish(None, None));
        assert!(said(&no_wish, Factor::Hours).is_empty());
    }

    #[test]
    fn hours_are_written_with_a_decimal_comma() {
        assert_eq!(format_hours(Hundredths(2000)), "20");
        assert_eq!(format_hours(Hundredths(3750)), "37,5");
        assert_eq!(format_hours(Hundredths(725)), "7,25");
        assert_eq!(format_range(h(20), Some(Hundredths(2250))), "20–22,5 h");
        assert_eq!(format_range(h(20), None), "≥ 20 h");
    }

    // ----- schedule

    fn schedules(job: &[Schedule], ok: &[Schedule]) -> MatchScore {
        let opening = OpeningFacts {
            schedules: job.to_vec(),
            ..OpeningFacts::default()
        };
        let seeker = SeekerFacts {
            schedules: ok.to_vec(),
            ..SeekerFacts::default()
        };
        score(&opening, &seeker)
    }

    #[test]
    fn schedules_fit_partly_or_not() {
        use Schedule::*;
        let fits = schedules(&[Daytime], &[Daytime, Evening]);
        assert_eq!(points(&fits, Factor::Schedule), Some((10, 10)));
        assert_eq!(
            said(&fits, Factor::Schedule),
            vec![(Verdict::Fits, "match-schedule-fits")]
        );
        let partly = schedules(&[EarlyMorning, Daytime], &[Daytime, Evening]);
        assert_eq!(points(&partly, Factor::Schedule), Some((5, 10)));
        let r = reason(&partly, "match-schedule-partly");
        assert_eq!(r.verdict, Verdict::Partly);
        assert_eq!(arg(&r, "schedules"), "schedule-early_morning");
        let none = schedules(&[Night, Weekend], &[Daytime]);
        assert_eq!(points(&none, Factor::Schedule), Some((0, 10)));
        let r = reason(&none, "match-schedule-does-not-fit");
        assert_eq!(arg(&r, "schedules"), "schedule-night,schedule-weekend");
    }

    #[test]
    fn schedules_without_a_preference_or_unknown_are_not_counted() {
        let no_preference = schedules(&[Schedule::Night], &[]);
        assert!(said(&no_preference, Factor::Schedule).is_empty());
        let unknown = schedules(&[], &[Schedule::Daytime]);
        assert_eq!(points(&unknown, Factor::Schedule), None);
        assert_eq!(
            said(&unknown, Factor::Schedule),
            vec![(Verdict::Unknown, "match-schedule-unknown")]
        );
    }

    // ----- contract

    #[test]
    fn contract_types_fit_or_not() {
        let opening = |c| OpeningFacts {
            contract_type: c,
            ..OpeningFacts::default()
        };
        let seeker = SeekerFacts {
            contract_types: vec![ContractType::Permanent, ContractType::FixedTerm],
            ..SeekerFacts::default()
        };
        let fits = score(&opening(Some(ContractType::FixedTerm)), &seeker);
        assert_eq!(points(&fits, Factor::Contract), Some((5, 5)));
        assert_eq!(
            arg(&reason(&fits, "match-contract-fits"), "contract"),
            "contract-fixed_term"
        );
        let not = score(&opening(Some(ContractType::OnCall)), &seeker);
        assert_eq!(points(&not, Factor::Contract), Some((0, 5)));
        assert_eq!(
            said(&not, Factor::Contract),
            vec![(Verdict::DoesNotFit, "match-contract-does-not-fit")]
        );
        let unknown = score(&opening(None), &seeker);
        assert_eq!(points(&unknown, Factor::Contract), None);
        assert_eq!(
            said(&unknown, Factor::Contract),
            vec![(Verdict::Unknown, "match-contract-unknown")]
        );
        let any = score(
            &opening(Some(ContractType::OnCall)),
            &SeekerFacts::default(),
        );
        assert!(said(&any, Factor::Contract).is_empty());
    }

    // ----- pay

    fn paid(pay: Option<Cents>, unit: Option<PayUnit>, weekly: Option<Hundredths>) -> OpeningFacts {
        OpeningFacts {
            pay,
            pay_unit: unit,
            hours_min: weekly,
            hours_max: weekly,
            ..OpeningFacts::default()
        }
    }

    fn expects(pay: Option<Cents>, unit: Option<PayUnit>) -> SeekerFacts {
        SeekerFacts {
            pay_expectation: pay,
            pay_unit: unit,
            ..SeekerFacts::default()
        }
    }

    #[test]
    fn pay_in_the_same_unit_fits_partly_or_not() {
        let hour = Some(PayUnit::Hour);
        let wish = expects(Some(Cents(1200)), hour);
        let fits = score(&paid(Some(Cents(1250)), hour, None), &wish);
        assert_eq!(points(&fits, Factor::Pay), Some((5, 5)));
        let r = reason(&fits, "match-pay-fits");
        assert_eq!(
            (arg(&r, "pay"), arg(&r, "expected"), arg(&r, "unit")),
            ("12,50", "12", "pay-unit-hour")
        );
        // Exactly 10 % below is still partly; a cent less is not.
        let partly = score(&paid(Some(Cents(1080)), hour, None), &wish);
        assert_eq!(points(&partly, Factor::Pay), Some((PAY_PARTLY, 5)));
        assert_eq!(
            said(&partly, Factor::Pay),
            vec![(Verdict::Partly, "match-pay-partly")]
        );
        let low = score(&paid(Some(Cents(1079)), hour, None), &wish);
        assert_eq!(points(&low, Factor::Pay), Some((0, 5)));
        assert_eq!(
            said(&low, Factor::Pay),
            vec![(Verdict::DoesNotFit, "match-pay-does-not-fit")]
        );
    }

    #[test]
    fn hourly_and_monthly_pay_convert_through_the_weekly_hours() {
        // 12 €/h × 20 h × 52 / 12 = 1 040 €/month.
        let opening = paid(eur(12), Some(PayUnit::Hour), h(20));
        let fits = score(&opening, &expects(eur(1040), Some(PayUnit::Month)));
        let r = reason(&fits, "match-pay-fits");
        assert_eq!(arg(&r, "pay"), "≈ 1\u{202f}040");
        assert_eq!(arg(&r, "unit"), "pay-unit-month");
        let short = score(&opening, &expects(eur(1041), Some(PayUnit::Month)));
        assert_eq!(points(&short, Factor::Pay), Some((PAY_PARTLY, 5)));
        // 2 080 €/month at 40 h a week = 12 €/h.
        let monthly = paid(eur(2080), Some(PayUnit::Month), h(40));
        let r = reason(
            &score(&monthly, &expects(eur(12), Some(PayUnit::Hour))),
            "match-pay-fits",
        );
        assert_eq!(arg(&r, "pay"), "≈ 12");
    }

    #[test]
    fn pay_that_cannot_be_compared_is_not_counted() {
        let wish = expects(eur(12), Some(PayUnit::Hour));
        for opening in [
            paid(None, None, h(20)),
            paid(eur(2000), Some(PayUnit::Month), None),
            paid(eur(2000), None, h(20)),
        ] {
            let score = score(&opening, &wish);
            assert_eq!(points(&score, Factor::Pay), None);
            assert_eq!(
                said(&score, Factor::Pay),
                vec![(Verdict::Unknown, "match-pay-unknown")]
            );
        }
        let no_unit = score(
            &paid(eur(12), Some(PayUnit::Hour), None),
            &expects(eur(12), None),
        );
        assert_eq!(
            said(&no_unit, Factor::Pay),
            vec![(Verdict::Unknown, "match-pay-unknown")]
        );
        let no_expectation = score(
            &paid(eur(12), Some(PayUnit::Hour), None),
            &expects(None, None),
        );
        assert!(said(&no_expectation, Factor::Pay).is_empty());
    }

    // ----- requirements

    fn requires(must: &[Licence], nice: &[Licence], free: &[&str]) -> OpeningFacts {
        OpeningFacts {
            must_licences: must.to_vec(),
            nice_licences: nice.to_vec(),
            must_have: list(free),
            ..OpeningFacts::default()
        }
    }

    fn holds(licences: &[Licence]) -> SeekerFacts {
        SeekerFacts {
            licences: licences.to_vec(),
            ..SeekerFacts::default()
        }
    }

    #[test]
    fn each_missing_must_have_licence_blocks() {
        use Licence::*;
        let opening = requires(&[HygienePassport, DrivingB], &[], &[]);
        let score = score(&opening, &holds(&[]));
        assert_eq!(score.blockers.len(), 2);
        assert!(score
            .blockers
            .iter()
            .all(|b| b.message_id == "match-blocker-licence"
                && b.factor == Factor::Requirements
                && b.verdict == Verdict::Blocker));
        assert_eq!(
            arg(&score.blockers[0], "licence"),
            "licence-hygiene_passport"
        );
        assert_eq!(points(&score, Factor::Requirements), Some((0, 5)));
        let one = super::score(&opening, &holds(&[DrivingB]));
        assert_eq!(one.blockers.len(), 1);
    }

    #[test]
    fn held_must_have_licences_fit() {
        use Licence::*;
        let opening = requires(&[HygienePassport], &[], &[]);
        let score = score(&opening, &holds(&[HygienePassport, Forklift]));
        assert!(!score.is_blocked());
        assert_eq!(points(&score, Factor::Requirements), Some((5, 5)));
        let r = reason(&score, "match-requirements-must-held");
        assert_eq!(r.verdict, Verdict::Fits);
        assert_eq!(arg(&r, "licences"), "licence-hygiene_passport");
    }

    #[test]
    fn nice_to_have_licences_give_points_by_share() {
        use Licence::*;
        let opening = requires(&[], &[Forklift, DrivingB, FirstAid], &[]);
        let all = score(&opening, &holds(&[Forklift, DrivingB, FirstAid]));
        assert_eq!(points(&all, Factor::Requirements), Some((5, 5)));
        assert_eq!(
            said(&all, Factor::Requirements),
            vec![(Verdict::Fits, "match-requirements-nice-all")]
        );
        let one = score(&opening, &holds(&[DrivingB]));
        assert_eq!(points(&one, Factor::Requirements), Some((2, 5)));
        let r = reason(&one, "match-requirements-nice-some");
        assert_eq!((arg(&r, "held"), arg(&r, "total")), ("1", "3"));
        assert_eq!(arg(&r, "missing"), "licence-forklift,licence-first_aid");
        let none = score(&opening, &holds(&[]));
        assert_eq!(points(&none, Factor::Requirements), Some((0, 5)));
        assert_eq!(
            said(&none, Factor::Requirements),
            vec![(Verdict::DoesNotFit, "match-requirements-nice-none")]
        );
        assert!(!none.is_blocked());
    }

    #[test]
    fn free_text_must_haves_are_to_be_checked_not_blockers() {
        let opening = requires(&[], &[], &["Suomen kielen taito", " ", "Oma auto"]);
        let score = score(&opening, &holds(&[]));
        assert!(!score.is_blocked());
        assert_eq!(points(&score, Factor::Requirements), None);
        let r = reason(&score, "match-requirements-check");
        assert_eq!(r.verdict, Verdict::Unknown);
        assert_eq!(arg(&r, "items"), "Suomen kielen taito, Oma auto");
    }

    // ----- workplace

    fn workplace_score(features: &[Feature], needs: &[Need]) -> MatchScore {
        let opening = OpeningFacts {
            features: features.to_vec(),
            ..OpeningFacts::default()
        };
        let seeker = SeekerFacts {
            needs: needs.to_vec(),
            ..SeekerFacts::default()
        };
        score(&opening, &seeker)
    }

    #[test]
    fn met_needs_fit() {
        let score = workplace_score(
            &[
                Feature::QuietSpace,
                Feature::FlexibleStart,
                Feature::RemotePossible,
            ],
            &[Need::QuietSpace, Need::FlexibleStart, Need::RemoteWork],
        );
        assert_eq!(points(&score, Factor::Workplace), Some((10, 10)));
        let r = reason(&score, "match-workplace-met");
        assert_eq!(
            arg(&r, "needs"),
            "need-quiet_space,need-flexible_start,need-remote_work"
        );
        let little_contact =
            workplace_score(&[Feature::QuietSpace], &[Need::LittleCustomerContact]);
        assert_eq!(points(&little_contact, Factor::Workplace), Some((10, 10)));
    }

    #[test]
    fn conflicting_needs_do_not_fit_but_do_not_block() {
        let score = workplace_score(
            &[
                Feature::CustomerContact,
                Feature::PhysicalWork,
                Feature::QuietSpace,
            ],
            &[
                Need::LittleCustomerContact,
                Need::LightPhysicalWork,
                Need::QuietSpace,
            ],
        );
        assert!(!score.is_blocked());
        assert_eq!(points(&score, Factor::Workplace), Some((3, 10)));
        let conflicts: Vec<_> = score
            .reasons
            .iter()
            .filter(|r| r.message_id == "match-workplace-conflict")
            .collect();
        assert_eq!(conflicts.len(), 2);
        assert_eq!(conflicts[0].verdict, Verdict::DoesNotFit);
        assert_eq!(arg(conflicts[1], "need"), "need-light_physical_work");
        assert_eq!(arg(conflicts[1], "feature"), "feature-physical_work");
    }

    #[test]
    fn needs_without_features_are_not_scored() {
        let unrecorded = workplace_score(&[], &[Need::QuietSpace, Need::LittleCustomerContact]);
        assert_eq!(points(&unrecorded, Factor::Workplace), None);
        assert_eq!(
            said(&unrecorded, Factor::Workplace),
            vec![(Verdict::Unknown, "match-workplace-unknown")]
        );
        let to_agree = workplace_score(
            &[Feature::QuietSpace],
            &[Need::ClearInstructions, Need::RegularBreaks],
        );
        assert_eq!(points(&to_agree, Factor::Workplace), None);
        let r = reason(&to_agree, "match-workplace-agree");
        assert_eq!(
            arg(&r, "needs"),
            "need-clear_instructions,need-regular_breaks"
        );
        let no_needs = workplace_score(&[Feature::CustomerContact], &[]);
        assert!(said(&no_needs, Factor::Workplace).is_empty());
    }

    // ----- percent

    #[test]
    fn nothing_to_compare_is_zero_with_a_reason() {
        let score = score(&OpeningFacts::default(), &SeekerFacts::default());
        assert_eq!(score.percent, 0);
        assert!(score.factors.is_empty());
        assert_eq!(score.reasons.len(), 1);
        assert_eq!(score.reasons[0].message_id, "match-nothing-to-compare");
        assert!(!score.is_blocked());
    }

    #[test]
    fn percent_is_rounded_half_up_over_counted_factors() {
        // Occupation 25/25 + industry 0/10 = 25/35 = 71,4 %.
        let seeker = SeekerFacts {
            wanted_industries: list(&["I"]),
            ..wants(&["varasto"])
        };
        assert_eq!(score(&employer_in("52", "H"), &seeker).percent, 71);
        // Occupation 25/25 + hours 8/15 = 33/40 = 82,5 % → 83.
        let seeker = SeekerFacts {
            hours_min: h(15),
            hours_max: h(25),
            ..wants(&["varasto"])
        };
        let opening = OpeningFacts {
            hours_min: h(20),
            hours_max: h(30),
            ..job("Varastotyöntekijä")
        };
        assert_eq!(score(&opening, &seeker).percent, 83);
        // Unknown factors leave the maximum alone.
        let seeker = SeekerFacts {
            pay_expectation: eur(12),
            pay_unit: Some(PayUnit::Hour),
            municipalities: list(&[VANTAA]),
            ..wants(&["varasto"])
        };
        let score = score(&job("Varastotyöntekijä"), &seeker);
        assert_eq!(score.factors.len(), 1);
        assert_eq!(score.percent, 100);
    }

    fn full_opening() -> OpeningFacts {
        OpeningFacts {
            industry_division: Some(s("52")),
            industry_section: Some(s("H")),
            municipality_code: Some(s(VANTAA)),
            county_code: Some(s(VANTAA_KERAVA)),
            hours_min: h(20),
            hours_max: h(20),
            schedules: vec![Schedule::Daytime],
            contract_type: Some(ContractType::FixedTerm),
            pay: eur(12),
            pay_unit: Some(PayUnit::Hour),
            must_licences: vec![Licence::Forklift],
            nice_licences: vec![Licence::OccupationalSafety],
            features: vec![Feature::QuietSpace, Feature::CustomerContact],
            ..job("Varastotyöntekijä")
        }
    }

    fn full_seeker() -> SeekerFacts {
        SeekerFacts {
            wanted_occupations: list(&["varasto"]),
            wanted_industries: list(&["H"]),
            municipalities: list(&[VANTAA]),
            counties: list(&[VANTAA_KERAVA]),
            hours_min: h(15),
            hours_max: h(25),
            schedules: vec![Schedule::Daytime],
            contract_types: vec![ContractType::FixedTerm],
            pay_expectation: eur(11),
            pay_unit: Some(PayUnit::Hour),
            licences: vec![Licence::Forklift, Licence::OccupationalSafety],
            needs: vec![Need::QuietSpace],
            ..SeekerFacts::default()
        }
    }

    #[test]
    fn a_full_fit_is_a_hundred_and_every_factor_says_so() {
        let score = score(&full_opening(), &full_seeker());
        assert_eq!(score.percent, 100);
        assert_eq!(score.factors.len(), 9);
        let max: u32 = score.factors.iter().map(|f| f.max).sum();
        assert_eq!(max, 105);
        assert!(score.reasons.iter().all(|r| r.verdict == Verdict::Fits));
    }

    #[test]
    fn percent_stays_within_bounds_and_is_monotone() {
        let misfit = SeekerFacts {
            wanted_occupations: list(&["kahvila"]),
            wanted_industries: list(&["I"]),
            municipalities: list(&[TUUSULA]),
            hours_min: h(35),
            hours_max: h(40),
            schedules: vec![Schedule::Evening],
            contract_types: vec![ContractType::Permanent],
            pay_expectation: eur(20),
            licences: vec![Licence::Forklift],
            needs: vec![Need::LittleCustomerContact],
            ..full_seeker()
        };
        let base = score(&full_opening(), &misfit);
        // The forklift licence is the only fit: 5 × 1/2 → 3 points of 105 → 3 %.
        assert_eq!(base.percent, 3);
        // Turning any one factor from misfit to fit never lowers the percent.
        let fixes: Vec<fn(&mut SeekerFacts)> = vec![
            |s| s.wanted_occupations = list(&["varasto"]),
            |s| s.wanted_industries = list(&["52"]),
            |s| s.municipalities = list(&[VANTAA]),
            |s| s.hours_min = h(20),
            |s| s.schedules.push(Schedule::Daytime),
            |s| s.contract_types.push(ContractType::FixedTerm),
            |s| s.pay_expectation = eur(12),
            |s| s.licences.push(Licence::OccupationalSafety),
            |s| s.needs = vec![Need::QuietSpace],
        ];
        let mut seeker = misfit.clone();
        let mut last = base.percent;
        for fix in fixes {
            fix(&mut seeker);
            let now = score(&full_opening(), &seeker).percent;
            assert!(now >= last, "{now} < {last}");
            assert!(now <= 100);
            last = now;
        }
        assert_eq!(last, 100);
        // Adding a factor that fits to a partial match never lowers it either.
        let partial = SeekerFacts {
            hours_min: h(25),
            hours_max: h(30),
            ..wants(&["kahvila"])
        };
        let before = score(&full_opening(), &partial).percent;
        let added = SeekerFacts {
            municipalities: list(&[VANTAA]),
            ..partial
        };
        assert!(score(&full_opening(), &added).percent >= before);
    }

    #[test]
    fn a_blocker_never_hides_the_rest() {
        let seeker = SeekerFacts {
            licences: vec![Licence::OccupationalSafety],
            avoided_industries: list(&["H"]),
            ..full_seeker()
        };
        let score = score(&full_opening(), &seeker);
        assert_eq!(score.blockers.len(), 2);
        assert_eq!(score.factors.len(), 9);
        assert!(score.reasons.len() >= 9);
        assert!(score.percent > 90, "{}", score.percent);
    }

    // ----- ranking

    fn scored(percent: u8, blocked: bool) -> MatchScore {
        let blocker = Reason {
            factor: Factor::Requirements,
            verdict: Verdict::Blocker,
            message_id: "match-blocker-licence",
            args: Vec::new(),
        };
        MatchScore {
            percent,
            reasons: Vec::new(),
            blockers: if blocked { vec![blocker] } else { Vec::new() },
            factors: Vec::new(),
        }
    }

    #[test]
    fn ranking_puts_blocked_last_then_highest_first_keeping_ties_in_order() {
        let mut items = vec![
            ("blocked high", scored(95, true)),
            ("a", scored(60, false)),
            ("b", scored(80, false)),
            ("c", scored(60, false)),
            ("blocked low", scored(10, true)),
            ("d", scored(60, false)),
        ];
        rank(&mut items);
        let order: Vec<_> = items.iter().map(|(n, _)| *n).collect();
        assert_eq!(
            order,
            vec!["b", "a", "c", "d", "blocked high", "blocked low"]
        );
    }

    #[test]
    fn labels_in_arguments_resolve_to_text() {
        let r = Reason {
            factor: Factor::Schedule,
            verdict: Verdict::Partly,
            message_id: "match-schedule-partly",
            args: vec![
                ("schedules", s("schedule-early_morning,schedule-weekend")),
                ("municipality", s(VANTAA)),
            ],
        };
        let resolved = r.resolve_labels(|id| id.to_uppercase());
        assert_eq!(
            resolved,
            vec![
                ("schedules", s("SCHEDULE-EARLY_MORNING, SCHEDULE-WEEKEND")),
                ("municipality", s(VANTAA)),
            ]
        );
    }

    // ----- the brief's stories

    /// Vantaa, Tuesday: a 20 h/week warehouse opening found on a cold visit in Vantaa.
    #[test]
    fn warehouse_seekers_near_vantaa_rank_above_a_cafe_seeker_in_kerava() {
        let opening = OpeningFacts {
            title: s("Varastotyöntekijä, osa-aika"),
            occupation: s("varastotyöntekijä"),
            industry_division: Some(s("52")),
            industry_section: Some(s("H")),
            municipality_code: Some(s(VANTAA)),
            county_code: Some(s(VANTAA_KERAVA)),
            hours_min: h(20),
            hours_max: h(20),
            schedules: vec![Schedule::Daytime, Schedule::Shifts],
            ..OpeningFacts::default()
        };
        let in_vantaa = SeekerFacts {
            wanted_occupations: list(&["Varasto", "logistiikka"]),
            municipalities: list(&[VANTAA]),
            counties: list(&[VANTAA_KERAVA]),
            hours_min: h(15),
            hours_max: h(25),
            schedules: vec![Schedule::Daytime, Schedule::Shifts],
            ..SeekerFacts::default()
        };
        let in_kerava = SeekerFacts {
            wanted_occupations: list(&["varastotyö", "trukinkuljettaja"]),
            wanted_industries: list(&["H"]),
            municipalities: list(&[KERAVA]),
            counties: list(&[VANTAA_KERAVA]),
            travel: Travel::County,
            hours_min: h(20),
            hours_max: h(30),
            ..SeekerFacts::default()
        };
        let cafe = SeekerFacts {
            wanted_occupations: list(&["kahvila"]),
            wanted_industries: list(&["I"]),
            municipalities: list(&[KERAVA]),
            counties: list(&[VANTAA_KERAVA]),
            hours_min: h(25),
            hours_max: h(25),
            schedules: vec![Schedule::Daytime],
            ..SeekerFacts::default()
        };
        let mut ranked: Vec<(&str, MatchScore)> = [
            ("café", &cafe),
            ("Vantaa", &in_vantaa),
            ("Kerava", &in_kerava),
        ]
        .into_iter()
        .map(|(name, seeker)| (name, score(&opening, seeker)))
        .collect();
        rank(&mut ranked);
        let order: Vec<_> = ranked.iter().map(|(n, _)| *n).collect();
        assert_eq!(order, vec!["Vantaa", "Kerava", "café"]);
        assert_eq!(ranked[0].1.percent, 100);
        assert!(ranked[1].1.percent >= 70, "{:?}", ranked[1].1);
        assert!(ranked[2].1.percent < 30, "{:?}", ranked[2].1);
        // The reasons are shown: the Kerava seeker's place is partly, within the county.
        let kerava = &ranked[1].1;
        assert_eq!(
            said(kerava, Factor::Place),
            vec![(Verdict::Partly, "match-place-county")]
        );
        assert_eq!(
            said(kerava, Factor::Occupation),
            vec![(Verdict::Fits, "match-occupation-fits")]
        );
    }

    /// Kerava, Friday: a café jobseeker, 25 h/week, no early mornings, no hygiene passport.
    #[test]
    fn a_cafe_seeker_sees_three_cafe_openings_ranked() {
        let seeker = SeekerFacts {
            wanted_occupations: list(&["kahvila", "barista"]),
            wanted_industries: list(&["56"]),
            municipalities: list(&[KERAVA]),
            counties: list(&[VANTAA_KERAVA]),
            travel: Travel::County,
            hours_max: h(25),
            schedules: vec![Schedule::Daytime, Schedule::Evening, Schedule::Weekend],
            ..SeekerFacts::default()
        };
        let cafe = |title: &str, municipality: &str| OpeningFacts {
            title: s(title),
            occupation: s("Kahvila-apulainen"),
            industry_division: Some(s("56")),
            industry_section: Some(s("I")),
            municipality_code: Some(s(municipality)),
            county_code: Some(s(VANTAA_KERAVA)),
            hours_min: h(20),
            hours_max: h(25),
            schedules: vec![Schedule::Daytime],
            ..OpeningFacts::default()
        };
        let hygiene = OpeningFacts {
            must_licences: vec![Licence::HygienePassport],
            ..cafe("Kahvila-apulainen, lounaskahvila", KERAVA)
        };
        let afternoons = OpeningFacts {
            schedules: vec![Schedule::Daytime, Schedule::Weekend],
            ..cafe("Kahvila-apulainen, iltapäivät", KERAVA)
        };
        let mornings = OpeningFacts {
            schedules: vec![Schedule::EarlyMorning, Schedule::Daytime],
            ..cafe("Aamukahvila", VANTAA)
        };
        let mut ranked: Vec<(&str, MatchScore)> = [
            ("hygiene", &hygiene),
            ("mornings", &mornings),
            ("afternoons", &afternoons),
        ]
        .into_iter()
        .map(|(name, opening)| (name, score(opening, &seeker)))
        .collect();
        rank(&mut ranked);
        let order: Vec<_> = ranked.iter().map(|(n, _)| *n).collect();
        assert_eq!(order, vec!["afternoons", "mornings", "hygiene"]);
        assert_eq!(ranked[0].1.percent, 100);
        assert!(ranked[1].1.percent < ranked[0].1.percent);
        let blocked = &ranked[2].1;
        assert!(blocked.is_blocked());
        assert_eq!(
            arg(&blocked.blockers[0], "licence"),
            "licence-hygiene_passport"
        );
        // Everything else fits better than the early-morning job; the blocker still ranks it last.
        assert!(blocked.percent > ranked[1].1.percent);
        let early = reason(&ranked[1].1, "match-schedule-partly");
        assert_eq!(arg(&early, "schedules"), "schedule-early_morning");
    }
}
