//! The names the SEC gives its documents and versions: `Section H`, `Schedule 11`,
//! `Appendix AC`, version `57.0`. Leaf module: everything else may use it.

use std::cmp::Ordering;
use std::fmt;

/// Which of the three families a document belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DocumentKind {
    Section,
    Schedule,
    Appendix,
}

impl DocumentKind {
    pub fn word(self) -> &'static str {
        match self {
            DocumentKind::Section => "Section",
            DocumentKind::Schedule => "Schedule",
            DocumentKind::Appendix => "Appendix",
        }
    }
}

/// One SEC document: `Section H`, `Schedule 11`, `Appendix AC`.
///
/// The designator is stored upper case (`H`, `11`, `AC`). Ordering puts Sections before
/// Schedules before Appendices, and Appendix Z before Appendix AA, as the SEC lists them.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DocumentId {
    pub kind: DocumentKind,
    pub designator: String,
}

impl DocumentId {
    pub fn new(kind: DocumentKind, designator: &str) -> Option<DocumentId> {
        let designator = designator.to_ascii_uppercase();
        let ok = match kind {
            DocumentKind::Section => {
                designator.len() == 1 && designator.bytes().all(|b| b.is_ascii_uppercase())
            }
            DocumentKind::Appendix => {
                (1..=2).contains(&designator.len())
                    && designator.bytes().all(|b| b.is_ascii_uppercase())
            }
            DocumentKind::Schedule => {
                (1..=3).contains(&designator.len())
                    && designator.bytes().all(|b| b.is_ascii_digit())
                    && !designator.starts_with('0')
            }
        };
        ok.then_some(DocumentId { kind, designator })
    }

    /// Parses a corpus key: `section-h`, `schedule-11`, `appendix-ac`.
    pub fn from_key(key: &str) -> Option<DocumentId> {
        let (word, designator) = key.split_once('-')?;
        let kind = match word {
            "section" => DocumentKind::Section,
            "schedule" => DocumentKind::Schedule,
            "appendix" => DocumentKind::Appendix,
            _ => return None,
        };
        if designator.bytes().any(|b| b.is_ascii_uppercase()) {
            return None;
        }
        DocumentId::new(kind, designator)
    }

    /// Parses a display name: `Section H`, `SEC Appendix AC`, `schedule 11`.
    pub fn from_name(name: &str) -> Option<DocumentId> {
        let mut words = name.split_whitespace();
        let mut word = words.next()?;
        if word.eq_ignore_ascii_case("SEC") {
            word = words.next()?;
        }
        let kind = kind_from_word(word)?;
        let designator = words.next()?;
        if words.next().is_some() {
            return None;
        }
        DocumentId::new(kind, designator)
    }

    /// The corpus key, `section-h`.
    pub fn key(&self) -> String {
        format!(
            "{}-{}",
            self.kind.word().to_ascii_lowercase(),
            self.designator.to_ascii_lowercase()
        )
    }
}

/// `Section`, `Sections`, `Schedule`, `Schedules`, `Appendix`, `Appendices`, any case.
pub fn kind_from_word(word: &str) -> Option<DocumentKind> {
    let w = word.to_ascii_lowercase();
    match w.as_str() {
        "section" | "sections" => Some(DocumentKind::Section),
        "schedule" | "schedules" => Some(DocumentKind::Schedule),
        "appendix" | "appendices" => Some(DocumentKind::Appendix),
        _ => None,
    }
}

impl fmt::Display for DocumentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.kind.word(), self.designator)
    }
}

impl Ord for DocumentId {
    fn cmp(&self, other: &Self) -> Ordering {
        self.kind
            .cmp(&other.kind)
            .then(self.designator.len().cmp(&other.designator.len()))
            .then(self.designator.cmp(&other.designator))
    }
}

impl PartialOrd for DocumentId {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A dotted version number: an SEC release (`57.0`, `5.16`) or a document's own version
/// (`1.2`). Compared numerically, component by component, so `5.16` > `5.9`; trailing
/// zero components do not count (`5.1` = `5.1.0`). The text as written is kept for messages.
#[derive(Clone, Debug)]
pub struct Version {
    parts: Vec<u32>,
    text: String,
}

impl Version {
    pub fn parse(s: &str) -> Option<Version> {
        if s.is_empty() {
            return None;
        }
        let mut parts = Vec::with_capacity(2);
        for p in s.split('.') {
            if p.is_empty() || p.len() > 6 || !p.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            parts.push(p.parse().ok()?);
        }
        Some(Version {
            parts,
            text: s.to_string(),
        })
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn parts(&self) -> &[u32] {
        &self.parts
    }

    fn significant(&self) -> &[u32] {
        let n = self
            .parts
            .iter()
            .rposition(|&p| p != 0)
            .map_or(0, |i| i + 1);
        &self.parts[..n]
    }
}

impl PartialEq for Version {
    fn eq(&self, other: &Self) -> bool {
        self.significant() == other.significant()
    }
}
impl Eq for Version {}

impl std::hash::Hash for Version {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.significant().hash(state)
    }
}

impl Ord for Version {
    fn cmp(&self, other: &Self) -> Ordering {
        self.significant().cmp(other.significant())
    }
}
impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_keys_round_trip() {
        for key in ["section-h", "schedule-11", "appendix-ac", "appendix-a"] {
            assert_eq!(DocumentId::from_key(key).unwrap().key(), key);
        }
        for bad in [
            "section-hh",
            "section-1",
            "schedule-x",
            "appendix-abc",
            "annex-a",
            "Section-H",
            "schedule-011",
        ] {
            assert_eq!(DocumentId::from_key(bad), None, "{bad}");
        }
    }

    #[test]
    fn display_names() {
        let id = DocumentId::from_name("SEC Appendix AT").unwrap();
        assert_eq!(id.to_string(), "Appendix AT");
        assert_eq!(id.key(), "appendix-at");
        assert_eq!(
            DocumentId::from_name("schedule 11").unwrap().key(),
            "schedule-11"
        );
        assert_eq!(DocumentId::from_name("Section"), None);
    }

    #[test]
    fn appendix_z_sorts_before_appendix_aa() {
        let z = DocumentId::from_key("appendix-z").unwrap();
        let aa = DocumentId::from_key("appendix-aa").unwrap();
        let s = DocumentId::from_key("section-z").unwrap();
        assert!(z < aa);
        assert!(s < z);
    }

    #[test]
    fn versions_compare_numerically() {
        let v = |s| Version::parse(s).unwrap();
        assert!(v("5.16") > v("5.9"));
        assert!(v("57.0") > v("54.0"));
        assert_eq!(v("5.1"), v("5.1.0"));
        assert_eq!(v("2"), v("2.0"));
        assert!(Version::parse("5.").is_none());
        assert!(Version::parse("v5.1").is_none());
        assert!(Version::parse("").is_none());
    }
}
