//! A place on this site to send the browser back to (`next` after sign-in, `back` after an
//! action): parsed, never passed through. Only a path of this site in plain visible ASCII is one;
//! anything that a browser could read as another site (`//host`, `/\host`, `https:…`, a tab or
//! line break before `//`) or that cannot be a header value is refused.

/// The longest path kept.
pub const MAX_LEN: usize = 2000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalPath(String);

impl LocalPath {
    pub fn parse(text: &str) -> Option<LocalPath> {
        if text.is_empty() || text.len() > MAX_LEN || !text.starts_with('/') {
            return None;
        }
        // Visible ASCII only: no controls (browsers drop tabs and line breaks, turning
        // "/\t/host" into "//host"), no spaces, nothing outside ASCII (send it percent-encoded).
        if !text.bytes().all(|b| b.is_ascii_graphic()) {
            return None;
        }
        let path = text.split(['?', '#']).next().unwrap_or("");
        if text.contains('\\') || path.contains("//") || path.contains(':') {
            return None;
        }
        Some(LocalPath(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }

    /// The path without its query and fragment.
    pub fn path(&self) -> &str {
        self.0.split(['?', '#']).next().unwrap_or("")
    }
}

impl std::fmt::Display for LocalPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_paths_of_this_site_are_kept() {
        for good in [
            "/",
            "/employers?q=a%20b&page=2",
            "/jobseekers/7#matches",
            "/a?next=//x",
        ] {
            assert_eq!(
                LocalPath::parse(good).map(|p| p.into_string()).as_deref(),
                Some(good)
            );
        }
        for bad in [
            "",
            "employers",
            "//evil.example",
            "/\t/evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "https://evil.example",
            "/https://evil.example",
            "javascript:alert(1)",
            "/x\r\nSet-Cookie: a=b",
            "/x\nb",
            "/ä",
            "/a b",
            "/a//b",
            " /a",
        ] {
            assert_eq!(LocalPath::parse(bad), None, "{bad:?}");
        }
        assert_eq!(LocalPath::parse(&format!("/{}", "a".repeat(MAX_LEN))), None);
    }
}
