//! Handing over a leaving coach's items: each group goes to one colleague unless an item is
//! given to someone else; every item must end up with an active colleague.

use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    FollowUp,
    Jobseeker,
    Employer,
    Match,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::FollowUp, Kind::Jobseeker, Kind::Employer, Kind::Match];

    /// The form's field prefix: `follow_up` for the group, `follow_up-12` for an item.
    pub fn key(self) -> &'static str {
        match self {
            Kind::FollowUp => "follow_up",
            Kind::Jobseeker => "jobseeker",
            Kind::Employer => "employer",
            Kind::Match => "match",
        }
    }
}

/// Who takes each item: (kind, item id) → user id.
pub type Plan = Vec<(Kind, i64, i64)>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanError {
    /// Items of this kind have no one to take them.
    Unassigned(Kind),
    /// Someone chosen cannot take items (left, or the leaving coach themselves).
    NotAColleague(Kind),
}

/// Builds the plan from the form: `items` are what the leaving coach holds, `form` the fields
/// sent (group targets and item overrides, user ids as text), `colleagues` who may take items.
pub fn plan(
    items: &[(Kind, i64)],
    form: &HashMap<String, String>,
    leaving: i64,
    colleagues: &[i64],
) -> Result<Plan, Vec<PlanError>> {
    let target = |key: &str| -> Option<Result<i64, ()>> {
        let raw = form.get(key).map(|v| v.trim()).filter(|v| !v.is_empty())?;
        Some(
            raw.parse::<i64>()
                .ok()
                .filter(|id| *id != leaving && colleagues.contains(id))
                .ok_or(()),
        )
    };
    let mut errors = Vec::new();
    let mut out = Vec::with_capacity(items.len());
    for &(kind, id) in items {
        let chosen = target(&format!("{}-{id}", kind.key())).or_else(|| target(kind.key()));
        match chosen {
            Some(Ok(to)) => out.push((kind, id, to)),
            Some(Err(())) => errors.push(PlanError::NotAColleague(kind)),
            None => errors.push(PlanError::Unassigned(kind)),
        }
    }
    errors.sort_by_key(|e| match e {
        PlanError::Unassigned(k) | PlanError::NotAColleague(k) => *k,
    });
    errors.dedup();
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    const ITEMS: &[(Kind, i64)] = &[
        (Kind::FollowUp, 1),
        (Kind::FollowUp, 2),
        (Kind::Jobseeker, 7),
        (Kind::Employer, 9),
    ];

    #[test]
    fn groups_go_to_one_colleague_unless_an_item_is_given_to_another() {
        let plan = plan(
            ITEMS,
            &form(&[
                ("follow_up", "20"),
                ("follow_up-2", "30"),
                ("jobseeker", "30"),
                ("employer", "20"),
            ]),
            10,
            &[20, 30],
        )
        .unwrap();
        assert_eq!(
            plan,
            vec![
                (Kind::FollowUp, 1, 20),
                (Kind::FollowUp, 2, 30),
                (Kind::Jobseeker, 7, 30),
                (Kind::Employer, 9, 20)
            ]
        );
    }

    #[test]
    fn nothing_is_left_without_a_colleague() {
        let errors = plan(
            ITEMS,
            &form(&[("follow_up", "20"), ("employer", "10")]),
            10,
            &[10, 20],
        )
        .unwrap_err();
        assert_eq!(
            errors,
            vec![
                PlanError::Unassigned(Kind::Jobseeker),
                PlanError::NotAColleague(Kind::Employer)
            ]
        );
        let errors = plan(
            ITEMS,
            &form(&[("follow_up", "99"), ("jobseeker", "20"), ("employer", "20")]),
            10,
            &[20],
        )
        .unwrap_err();
        assert_eq!(errors, vec![PlanError::NotAColleague(Kind::FollowUp)]);
    }

    #[test]
    fn holding_nothing_needs_no_choices() {
        assert_eq!(plan(&[], &HashMap::new(), 10, &[]), Ok(Vec::new()));
    }
}
