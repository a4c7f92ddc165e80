//! Three-way merge of two edits of one record, field by field: what both started from (base),
//! what I typed (mine), and what is stored now (theirs).

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldMerge {
    /// Nobody changed it, or both made the same change.
    Same(String),
    /// Only I changed it.
    Mine(String),
    /// Only the other person changed it.
    Theirs(String),
    /// Both changed it differently: a person must choose.
    Conflict { mine: String, theirs: String },
}

impl FieldMerge {
    /// The merged value, or `None` when a person must choose.
    pub fn value(&self) -> Option<&str> {
        match self {
            FieldMerge::Same(v) | FieldMerge::Mine(v) | FieldMerge::Theirs(v) => Some(v),
            FieldMerge::Conflict { .. } => None,
        }
    }
}

pub fn merge_field(base: &str, mine: &str, theirs: &str) -> FieldMerge {
    let (b, m, t) = (base.trim(), mine.trim(), theirs.trim());
    if m == t {
        FieldMerge::Same(mine.to_owned())
    } else if m == b {
        FieldMerge::Theirs(theirs.to_owned())
    } else if t == b {
        FieldMerge::Mine(mine.to_owned())
    } else {
        FieldMerge::Conflict {
            mine: mine.to_owned(),
            theirs: theirs.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_field_by_field() {
        assert_eq!(merge_field("a", "a", "a"), FieldMerge::Same("a".into()));
        assert_eq!(merge_field("a", "b", "a"), FieldMerge::Mine("b".into()));
        assert_eq!(merge_field("a", "a", "c"), FieldMerge::Theirs("c".into()));
        assert_eq!(merge_field("a", "b", "b"), FieldMerge::Same("b".into()));
        assert_eq!(
            merge_field("a", "b", "c"),
            FieldMerge::Conflict {
                mine: "b".into(),
                theirs: "c".into()
            }
        );
        assert_eq!(merge_field("a", "b", "c").value(), None);
    }
}
