//! What a file is, from its content alone: for loose folders of published text, where
//! no path says what a file holds.

use regex::Regex;
use std::sync::LazyLock;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    ReleaseNote,
    /// A document whose first heading names it (`Section H: DCC Services`).
    Document,
    /// A version-control table on its own, as extracted from a PDF's front page.
    VersionTable,
    Other,
}

impl Kind {
    pub fn describe(self) -> &'static str {
        match self {
            Kind::ReleaseNote => "release note",
            Kind::Document => "document",
            Kind::VersionTable => "version-control table",
            Kind::Other => "other text",
        }
    }
}

static RELEASE_STATEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bSEC\s+(?:version\s+|v)\d+(?:\.\d+)*\s+(?:came into effect|published|implemented|is now in effect)")
        .expect("valid regex")
});

static TABLE_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?mi)^\s*(?:VERSION CONTROL\s*$|\|?\s*Version(?:\s+Number)?\s*\|.*Reason for Change)",
    )
    .expect("valid regex")
});

/// Classifies a file by its content. `has_heading` says whether its first heading names
/// an SEC document (see [`super::document::parse_heading`]).
pub fn classify(text: &str, has_heading: bool) -> Kind {
    if text.contains("What parts of the SEC were affected") || RELEASE_STATEMENT.is_match(text) {
        Kind::ReleaseNote
    } else if has_heading {
        Kind::Document
    } else if TABLE_HEADER.is_match(text) {
        Kind::VersionTable
    } else {
        Kind::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_by_content() {
        assert_eq!(
            classify(
                "SEC v12.0 published\n\nSEC version 12.0 came into effect on 1 May 2020.",
                false
            ),
            Kind::ReleaseNote
        );
        assert_eq!(
            classify(
                "Note\n\nWhat parts of the SEC were affected?\n • Section A",
                false
            ),
            Kind::ReleaseNote
        );
        assert_eq!(
            classify("# Section H: DCC Services\nH1.1 x", true),
            Kind::Document
        );
        assert_eq!(
            classify(" VERSION CONTROL \n\nVersion \n", false),
            Kind::VersionTable
        );
        assert_eq!(
            classify(
                "| Version | Implementation Date | Reason for Change |\n",
                false
            ),
            Kind::VersionTable
        );
        assert_eq!(
            classify("Modifications to SEC version 4.7 as directed", false),
            Kind::Other
        );
        assert_eq!(
            classify("SEC Newsletter\n\nDP189 raised", false),
            Kind::Other
        );
    }
}
