//! Text as people search it (case and accents ignored: "pyora" finds "Pyörä"), and text as
//! people type it: one line or several, normalised, without control characters.

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

/// Why a typed text was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextError {
    /// A control character (a line break in a one-line field, an escape, NUL), a bidirectional
    /// override or a line separator.
    Control,
}

/// Characters that never belong in what a person types: C0 and C1 controls, DEL, the Unicode
/// line and paragraph separators and the bidirectional embeddings, overrides and isolates
/// (which can make a name read differently from what it is).
fn is_forbidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters that show nothing: spaces, zero-width and other format characters, fillers,
/// variation selectors and tags. A text of only these is empty.
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2060}'..='\u{206F}'
                | '\u{2800}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF0}'..='\u{FFFB}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0000}'..='\u{E0FFF}'
        )
}

fn trim_invisible(text: &str) -> &str {
    text.trim_matches(is_invisible)
}

/// One line as a person typed it (a name, a title): NFC-normalised, trimmed, runs of spaces
/// made one; refused if it holds a control character or line break. Text of only invisible
/// characters becomes empty.
pub fn single_line(text: &str) -> Result<String, TextError> {
    let normal: String = text.nfc().collect();
    let trimmed = trim_invisible(&normal);
    if trimmed.chars().any(is_forbidden) {
        return Err(TextError::Control);
    }
    Ok(squeeze(trimmed))
}

/// Text that may run over several lines (notes, descriptions): NFC-normalised, trimmed, line
/// breaks kept as `\n`, tabs kept; any other control character refused. Text of only
/// invisible characters becomes empty.
pub fn multi_line(text: &str) -> Result<String, TextError> {
    let normal: String = text
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .nfc()
        .collect();
    let trimmed = trim_invisible(&normal);
    if trimmed
        .chars()
        .any(|c| c != '\n' && c != '\t' && is_forbidden(c))
    {
        return Err(TextError::Control);
    }
    Ok(trimmed.to_owned())
}

/// The longest short note on an action (a follow-up done, a match moved, a support contact).
pub const MAX_NOTE: usize = 2000;

/// A short note as typed with an action: [`multi_line`] and at most [`MAX_NOTE`] characters;
/// `None` when refused (the action then says so and changes nothing).
pub fn note(text: &str) -> Option<String> {
    multi_line(text)
        .ok()
        .filter(|t| t.chars().count() <= MAX_NOTE)
}

/// Text for a header or any other single-line slot outside a page (an email display name or
/// subject): every control or invisible-only run becomes one space, at most `max` characters.
/// Never fails, so what reaches a header builder is always one clean line.
pub fn header_safe(text: &str, max: usize) -> String {
    let cleaned: String = text
        .nfc()
        .map(|c| if is_forbidden(c) { ' ' } else { c })
        .collect();
    squeeze(trim_invisible(&cleaned))
        .chars()
        .take(max)
        .collect::<String>()
        .trim_end()
        .to_owned()
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

    #[test]
    fn one_line_text_is_normalised_and_refuses_control_characters() {
        assert_eq!(
            single_line("  Aino   Virtanen \u{200B}").as_deref(),
            Ok("Aino Virtanen")
        );
        // NFC: "A" + combining ring becomes "Å".
        assert_eq!(single_line("A\u{030A}bo").as_deref(), Ok("\u{00C5}bo"));
        assert_eq!(single_line("\u{200B}\u{2060}\u{3164} ").as_deref(), Ok(""));
        for bad in [
            "Aino\nBcc: x",
            "a\tb",
            "a\u{0}b",
            "a\u{1b}[31mb",
            "a\u{202E}b",
            "a\u{2028}b",
        ] {
            assert_eq!(single_line(bad), Err(TextError::Control), "{bad:?}");
        }
    }

    #[test]
    fn several_lines_keep_their_breaks_but_not_other_controls() {
        assert_eq!(multi_line(" a\r\nb\tc \n").as_deref(), Ok("a\nb\tc"));
        assert_eq!(multi_line("a\u{0}"), Err(TextError::Control));
        assert_eq!(multi_line("\u{FEFF}").as_deref(), Ok(""));
    }

    #[test]
    fn header_text_is_always_one_line() {
        assert_eq!(
            header_safe("Pekka\r\nBcc: evil@example.com", 100),
            "Pekka Bcc: evil@example.com"
        );
        assert_eq!(header_safe("\u{202E}x", 100), "x");
        assert_eq!(header_safe("abcdef", 3), "abc");
    }
}
