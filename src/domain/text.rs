//! Text as people search it: case and accents ignored ("pyora" finds "Pyörä").

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Lower-cases and removes accents: "Pirkkalan Pyörä Oy" → "pirkkalan pyora oy".
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Collapses runs of whitespace into one space and trims.
pub fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_finnish_and_swedish_letters() {
        assert_eq!(fold("Pirkkalan Pyörä Oy"), "pirkkalan pyora oy");
        assert_eq!(fold("Åbo ÄÖ"), "abo ao");
        assert_eq!(squeeze("  a \n b  "), "a b");
    }
}
