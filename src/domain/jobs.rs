//! The vocabulary of job openings, jobseekers, matches and placements: the choices their forms
//! offer and the database stores as codes.

use crate::labelled_enum;

labelled_enum! {
    pub enum OpeningStatus prefix "opening-status" {
        Open => "open",
        OnHold => "on_hold",
        Filled => "filled",
        Closed => "closed",
    }
}

labelled_enum! {
    pub enum OpeningSource prefix "opening-source" {
        CoachFound => "coach_found",
        PublicAd => "public_ad",
        JobCarved => "job_carved",
    }
}

labelled_enum! {
    pub enum ContractType prefix "contract" {
        Permanent => "permanent",
        FixedTerm => "fixed_term",
        Apprenticeship => "apprenticeship",
        Seasonal => "seasonal",
        OnCall => "on_call",
    }
}

labelled_enum! {
    /// When the work happens. On an opening: what the job involves; on a jobseeker: what they
    /// accept.
    pub enum Schedule prefix "schedule" {
        Daytime => "daytime",
        EarlyMorning => "early_morning",
        Evening => "evening",
        Night => "night",
        Weekend => "weekend",
        Shifts => "shifts",
    }
}

labelled_enum! {
    pub enum PayUnit prefix "pay-unit" {
        Hour => "hour",
        Month => "month",
    }
}

labelled_enum! {
    /// Licences and cards an opening may require and a jobseeker may hold.
    pub enum Licence prefix "licence" {
        DrivingB => "driving_b",
        DrivingC => "driving_c",
        Forklift => "forklift",
        HygienePassport => "hygiene_passport",
        OccupationalSafety => "occupational_safety",
        FirstAid => "first_aid",
        AlcoholPassport => "alcohol_passport",
        SecurityCard => "security_card",
        HotWork => "hot_work",
    }
}

labelled_enum! {
    /// What a workplace is like.
    pub enum Feature prefix "feature" {
        CustomerContact => "customer_contact",
        PhysicalWork => "physical_work",
        QuietSpace => "quiet_space",
        RemotePossible => "remote_possible",
        FlexibleStart => "flexible_start",
    }
}

labelled_enum! {
    /// Workplace adjustments a jobseeker asks for, written as functional needs (never as health
    /// information), kept only with their consent.
    pub enum Need prefix "need" {
        QuietSpace => "quiet_space",
        FlexibleStart => "flexible_start",
        RemoteWork => "remote_work",
        LittleCustomerContact => "little_customer_contact",
        LightPhysicalWork => "light_physical_work",
        ClearInstructions => "clear_instructions",
        RegularBreaks => "regular_breaks",
    }
}

labelled_enum! {
    pub enum JobseekerStatus prefix "jobseeker-status" {
        JobSearch => "job_search",
        Working => "working",
        Paused => "paused",
        Closed => "closed",
    }
}

labelled_enum! {
    /// How much the employer may be told.
    pub enum Disclosure prefix "disclosure" {
        None => "none",
        Agreed => "agreed",
        Full => "full",
    }
}

labelled_enum! {
    /// How far the jobseeker is willing to travel beyond their wished municipalities.
    pub enum Travel prefix "travel" {
        Own => "own",
        County => "county",
        Anywhere => "anywhere",
    }
}

labelled_enum! {
    pub enum MatchStage prefix "match-stage" {
        Suggested => "suggested",
        Discussed => "discussed",
        Introduced => "introduced",
        Interview => "interview",
        Hired => "hired",
        NotSelected => "not_selected",
        Withdrawn => "withdrawn",
    }
}

labelled_enum! {
    /// Why a placement ended, in neutral words.
    pub enum EndReason prefix "end-reason" {
        ContractEnded => "contract_ended",
        NewJob => "new_job",
        Studies => "studies",
        OwnChoice => "own_choice",
        EmployerEnded => "employer_ended",
        Other => "other",
    }
}

labelled_enum! {
    pub enum SupportChannel prefix "support-channel" {
        WorkplaceVisit => "workplace_visit",
        Meeting => "meeting",
        Phone => "phone",
        Video => "video",
        Message => "message",
    }
}

labelled_enum! {
    pub enum WithWhom prefix "with-whom" {
        Jobseeker => "jobseeker",
        Employer => "employer",
        Both => "both",
    }
}

/// Parses a stored comma-separated set of codes, skipping unknown ones.
pub fn parse_set<T>(stored: &str, parse: impl Fn(&str) -> Option<T>) -> Vec<T> {
    stored
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .filter_map(parse)
        .collect()
}

/// Stores a set of codes as `a,b,c`.
pub fn format_set<T: Copy>(items: &[T], code: impl Fn(T) -> &'static str) -> String {
    items.iter().map(|&i| code(i)).collect::<Vec<_>>().join(",")
}

/// Splits a free-text list ("varasto, logistiikka; kahvila") into its trimmed items.
pub fn split_list(text: &str) -> Vec<String> {
    text.split([',', ';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

impl MatchStage {
    /// Stages that happen with the employer and so belong on the employer's timeline.
    pub fn is_employer_side(self) -> bool {
        matches!(
            self,
            MatchStage::Introduced
                | MatchStage::Interview
                | MatchStage::Hired
                | MatchStage::NotSelected
        )
    }

    /// Whether the match is finished.
    pub fn is_closed(self) -> bool {
        matches!(
            self,
            MatchStage::Hired | MatchStage::NotSelected | MatchStage::Withdrawn
        )
    }

    /// The stages a match may move to from this one. Coaches may skip ahead (an introduction
    /// that went straight to an interview) but a finished match stays finished.
    pub fn next_stages(self) -> Vec<MatchStage> {
        if self.is_closed() {
            return Vec::new();
        }
        let here = MatchStage::ALL.iter().position(|&s| s == self).unwrap_or(0);
        MatchStage::ALL
            .iter()
            .copied()
            .enumerate()
            .filter(|&(i, s)| i > here || (s.is_closed() && s != self))
            .map(|(_, s)| s)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_round_trip_and_skip_unknown_codes() {
        let stored = format_set(&[Schedule::Daytime, Schedule::Weekend], Schedule::as_str);
        assert_eq!(stored, "daytime,weekend");
        assert_eq!(
            parse_set("daytime, bogus ,weekend,", Schedule::parse),
            vec![Schedule::Daytime, Schedule::Weekend]
        );
    }

    #[test]
    fn free_text_lists_split_on_commas_semicolons_and_lines() {
        assert_eq!(
            split_list("varasto, logistiikka;\nkahvila ,"),
            vec!["varasto", "logistiikka", "kahvila"]
        );
    }

    #[test]
    fn a_match_moves_forward_or_ends_but_never_reopens() {
        assert_eq!(
            MatchStage::Interview.next_stages(),
            vec![
                MatchStage::Hired,
                MatchStage::NotSelected,
                MatchStage::Withdrawn
            ]
        );
        assert!(MatchStage::Suggested
            .next_stages()
            .contains(&MatchStage::Discussed));
        assert!(!MatchStage::Discussed
            .next_stages()
            .contains(&MatchStage::Suggested));
        assert!(MatchStage::Hired.next_stages().is_empty());
        assert!(MatchStage::Introduced.is_employer_side());
        assert!(!MatchStage::Discussed.is_employer_side());
    }
}
