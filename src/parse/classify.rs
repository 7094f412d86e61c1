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

/// A title line naming an SEC release: "SEC v57.0 published for …", "SEC vNN.0 released
/// to implement MP…", "SEC Version 5.14 Designated", "SEC 5.5 Designation – 15th March
/// 2017", "SEC v58.0: … direction designating …", after an optional breadcrumb ("June
/// 2021 SEC Release »").
static RELEASE_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:.*[»›]\s*)?(?:#+\s*)?SEC\s+(?:version\s+|v\.?\s?)?\d+\.\d+\b\s*(?::|[-–—]|published|released|designat|re-designat|implemented|came into effect|is now in effect)")
        .expect("valid regex")
});

static TABLE_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?mi)^\s*(?:VERSION CONTROL\s*$|\|?\s*Version(?:\s+Number)?\s*\|.*Reason for Change)",
    )
    .expect("valid regex")
});

/// Classifies a file by its content: a release note when its title line names a release
/// (designation notices included, which may have no effect sentence); else a document
/// when it has a heading naming one (`has_heading`, see
/// [`super::document::parse_heading`]), since a document's body may well say when an SEC
/// version came into effect; else a release note when it has an affected list or says an
/// SEC version came into effect.
pub fn classify(text: &str, has_heading: bool) -> Kind {
    if release_title(text) {
        Kind::ReleaseNote
    } else if has_heading {
        Kind::Document
    } else if text.contains("What parts of the SEC were affected")
        || text.contains("Which parts of the SEC have changed")
        || RELEASE_STATEMENT.is_match(text)
    {
        Kind::ReleaseNote
    } else if TABLE_HEADER.is_match(text) {
        Kind::VersionTable
    } else {
        Kind::Other
    }
}

/// Whether the first non-blank line (or the second, after a breadcrumb line) names a release.
fn release_title(text: &str) -> bool {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let Some(first) = lines.next() else {
        return false;
    };
    RELEASE_TITLE.is_match(first)
        || (first.ends_with(['»', '›']) && lines.next().is_some_and(|l| RELEASE_TITLE.is_match(l)))
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

    #[test]
    fn designation_notices_and_title_only_versions_are_release_notes() {
        for title in [
            "SEC Version 5.14 Designated\n\n3 April 2017\n\nThe changes to Section A introduce …",
            "SEC 5.5 Designation – 15th March 2017\n\nThe Secretary of State designated …",
            "SEC v58.0: departmental direction designating Appendix AZ and re-designating Appendix AM\n",
            "SEC v61.0 released to implement MP204\n\n2 November 2022\n",
            "June 2021 SEC Release »\nSEC v40.0 published for the June 2021 SEC Release\n",
        ] {
            assert_eq!(classify(title, false), Kind::ReleaseNote, "{title}");
        }
        for other in [
            "Newsletter\n\nSEC v58.0 is expected next month.",
            "The SEC 5.5 figures\n",
            "SEC Panel minutes\n\nSEC 5.5 was discussed.",
        ] {
            assert_eq!(classify(other, false), Kind::Other, "{other}");
        }
        // A document whose body says when an SEC version came into effect stays a document.
        assert_eq!(
            classify(
                "Section X: Transition\n\nX1.1 SEC version 5.0 came into effect on 1 May 2016.",
                true
            ),
            Kind::Document
        );
    }
}
