//! The coverage matrix: employer counts by industry × area, summed from division × municipality
//! counts, and which cells are gaps.

use std::collections::HashMap;
use std::ops::AddAssign;

/// Days without contact after which an employer is no longer active.
pub const ACTIVE_DAYS: i64 = 90;

/// Employers in a cell: all, active (contact in the last 90 days), with open openings, with
/// placements in the period.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub employers: i64,
    pub active: i64,
    pub with_openings: i64,
    pub with_placements: i64,
}

impl AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.employers += o.employers;
        self.active += o.active;
        self.with_openings += o.with_openings;
        self.with_placements += o.with_placements;
    }
}

/// What a cell says at a glance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// No employer at all.
    Empty,
    /// Employers, but none active.
    Cold,
    Active,
}

impl Status {
    pub fn of(c: &Counts) -> Status {
        if c.employers == 0 {
            Status::Empty
        } else if c.active == 0 {
            Status::Cold
        } else {
            Status::Active
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Empty => "empty",
            Status::Cold => "cold",
            Status::Active => "active",
        }
    }
}

/// Counts of one (industry code, municipality code), as the database gives them.
pub type RawCell = (Option<String>, Option<String>, Counts);

/// A matrix over the given rows and columns (codes, in order), with totals.
#[derive(Debug, Clone, Default)]
pub struct Matrix {
    pub rows: Vec<String>,
    pub cols: Vec<String>,
    cells: HashMap<(String, String), Counts>,
    row_totals: HashMap<String, Counts>,
    col_totals: HashMap<String, Counts>,
    pub total: Counts,
    /// Employers left out: no industry or municipality, or outside the rows and columns.
    pub unplaced: Counts,
}

impl Matrix {
    /// `raw`: counts per (industry code, municipality code); `row_of` and `col_of` map a code to
    /// its row and column (a division to its section, a municipality to its county).
    pub fn build(
        rows: Vec<String>,
        cols: Vec<String>,
        raw: &[RawCell],
        row_of: impl Fn(&str) -> Option<String>,
        col_of: impl Fn(&str) -> Option<String>,
    ) -> Matrix {
        let mut m = Matrix {
            rows,
            cols,
            ..Default::default()
        };
        for (industry, municipality, counts) in raw {
            let key = industry
                .as_deref()
                .and_then(&row_of)
                .zip(municipality.as_deref().and_then(&col_of))
                .filter(|(r, c)| m.rows.contains(r) && m.cols.contains(c));
            match key {
                Some((r, c)) => {
                    *m.row_totals.entry(r.clone()).or_default() += *counts;
                    *m.col_totals.entry(c.clone()).or_default() += *counts;
                    *m.cells.entry((r, c)).or_default() += *counts;
                    m.total += *counts;
                }
                None => m.unplaced += *counts,
            }
        }
        m
    }

    pub fn cell(&self, row: &str, col: &str) -> Counts {
        self.cells
            .get(&(row.to_owned(), col.to_owned()))
            .copied()
            .unwrap_or_default()
    }

    pub fn row_total(&self, row: &str) -> Counts {
        self.row_totals.get(row).copied().unwrap_or_default()
    }

    pub fn col_total(&self, col: &str) -> Counts {
        self.col_totals.get(col).copied().unwrap_or_default()
    }

    /// Cells with no employer, and cells with employers but none active.
    pub fn gaps(&self) -> (usize, usize) {
        let mut empty = 0;
        let mut cold = 0;
        for r in &self.rows {
            for c in &self.cols {
                match Status::of(&self.cell(r, c)) {
                    Status::Empty => empty += 1,
                    Status::Cold => cold += 1,
                    Status::Active => {}
                }
            }
        }
        (empty, cold)
    }
}

/// Comma-separated codes as stored on a jobseeker (wanted industries, municipalities).
pub fn parse_codes(stored: &str) -> Vec<String> {
    let mut codes: Vec<String> = stored
        .split(',')
        .map(|c| c.trim().to_owned())
        .filter(|c| !c.is_empty())
        .collect();
    codes.sort();
    codes.dedup();
    codes
}

/// A wish no employer contact answers: a wanted code, how many jobseekers want it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    pub code: String,
    pub jobseekers: usize,
}

/// The wanted codes (each jobseeker's list) that `recently_contacted` says nobody worked on,
/// most wanted first.
pub fn preference_gaps(
    wishes: &[Vec<String>],
    recently_contacted: impl Fn(&str) -> bool,
) -> Vec<Gap> {
    let mut wanted: HashMap<&str, usize> = HashMap::new();
    for list in wishes {
        for code in list {
            *wanted.entry(code.as_str()).or_default() += 1;
        }
    }
    let mut gaps: Vec<Gap> = wanted
        .into_iter()
        .filter(|(code, _)| !recently_contacted(code))
        .map(|(code, n)| Gap {
            code: code.to_owned(),
            jobseekers: n,
        })
        .collect();
    gaps.sort_by(|a, b| b.jobseekers.cmp(&a.jobseekers).then(a.code.cmp(&b.code)));
    gaps
}

/// Days without an employer contact after which a wish counts as a gap.
pub const GAP_DAYS: i64 = 60;

#[cfg(test)]
mod tests {
    use super::*;

    fn c(employers: i64, active: i64) -> Counts {
        Counts {
            employers,
            active,
            with_openings: 0,
            with_placements: 0,
        }
    }

    #[test]
    fn cells_are_empty_cold_or_active() {
        assert_eq!(Status::of(&c(0, 0)), Status::Empty);
        assert_eq!(Status::of(&c(2, 0)), Status::Cold);
        assert_eq!(Status::of(&c(2, 1)), Status::Active);
    }

    #[test]
    fn divisions_sum_into_sections_and_municipalities_into_counties() {
        let raw = vec![
            (Some("41".into()), Some("092".into()), c(2, 1)),
            (Some("43".into()), Some("092".into()), c(1, 0)),
            (Some("43".into()), Some("245".into()), c(2, 0)),
            (Some("47".into()), Some("092".into()), c(5, 5)),
            (None, Some("092".into()), c(1, 1)),
        ];
        let section = |code: &str| {
            Some(
                if code.starts_with('4') && code < "44" {
                    "F"
                } else {
                    "G"
                }
                .to_owned(),
            )
        };
        let county = |_: &str| Some("01".to_owned());
        let m = Matrix::build(
            vec!["F".into(), "G".into(), "Q".into()],
            vec!["01".into()],
            &raw,
            section,
            county,
        );
        assert_eq!(m.cell("F", "01"), c(5, 1));
        assert_eq!(m.cell("G", "01"), c(5, 5));
        assert_eq!(m.cell("Q", "01"), c(0, 0));
        assert_eq!(m.row_total("F"), c(5, 1));
        assert_eq!(m.col_total("01"), c(10, 6));
        assert_eq!(m.total, c(10, 6));
        assert_eq!(m.unplaced, c(1, 1));
        assert_eq!(m.gaps(), (1, 0));

        let by_municipality = Matrix::build(
            vec!["F".into()],
            vec!["092".into(), "245".into()],
            &raw,
            section,
            |m: &str| Some(m.to_owned()),
        );
        assert_eq!(by_municipality.cell("F", "245"), c(2, 0));
        assert_eq!(Status::of(&by_municipality.cell("F", "245")), Status::Cold);
        assert_eq!(by_municipality.gaps(), (0, 1));
    }

    #[test]
    fn preference_gaps_count_wishes_without_recent_contact() {
        assert_eq!(parse_codes(" 56, 47,,56"), vec!["47", "56"]);
        let wishes = vec![
            parse_codes("56,47"),
            parse_codes("56,86"),
            parse_codes("86"),
            parse_codes("47"),
        ];
        let gaps = preference_gaps(&wishes, |code| code == "47");
        assert_eq!(
            gaps,
            vec![
                Gap {
                    code: "56".into(),
                    jobseekers: 2
                },
                Gap {
                    code: "86".into(),
                    jobseekers: 2
                },
            ]
        );
    }
}
