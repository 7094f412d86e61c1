//! The impact query behind `seccheck refs TARGET`: every citation of a clause or a
//! document across the corpus (document versions and release notes), with the releases
//! at which the citing file is in effect. What a drafter asks before deleting or
//! renumbering a clause.
//!
//! This module reads the [`Corpus`] and returns plain data; it knows nothing of output
//! formats (`main.rs` renders it) and nothing of rules.
//!
//! Matching. A clause target matches a citation of that clause, of anything under it
//! (`H8.16(a)` under `H8.16`, `H8.16` under the part `H8`), and a range whose clauses
//! include it (`H8.10 to H8.20` includes `H8.16`; numbers are compared part by part, so
//! `H8.9` comes before `H8.10`). A citation of the part *around* the target (`Section H8`
//! for `H8.16`) is not listed: deleting or renumbering `H8.16` leaves it right. A range
//! written backwards (`H10.13 to H10.9`) is read in the order meant. A document target
//! matches every citation of that document, placeholders such as "paragraph [x] of
//! Appendix AB" included. Citations of external instruments never match.
//!
//! Searched: each document version's body (the model leaves out its heading and its
//! version-control table, which record history), each release note in full, and every
//! other text read (newsletters, tables on their own), shown with its kind. Redlines are
//! not searched: they repeat the text of the versions on either side.

use crate::clause::{ClauseNumber, ClauseRange};
use crate::history::{self, in_effect};
use crate::model::Corpus;
use crate::names::{DocumentId, DocumentKind, Version};
use crate::parse::references::{Reference, Target};
use crate::rules::citing::{CitationRun, Citer, with_citing};
use crate::source::{FileId, Span};
use rayon::prelude::*;
use std::fmt;

/// What `refs` looks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RefTarget {
    /// Every citation of a document: `section-h`, `Appendix AT`.
    Document(DocumentId),
    /// A clause or paragraph of a document: `H8.16` of Section H, `3.2` of Appendix AC.
    Clause {
        document: DocumentId,
        /// As the parser writes clause targets: `H8.16`, `J1.2(b)`, `3.2`.
        clause: ClauseNumber,
    },
}

impl RefTarget {
    pub fn document(&self) -> &DocumentId {
        match self {
            RefTarget::Document(d) | RefTarget::Clause { document: d, .. } => d,
        }
    }

    pub fn clause(&self) -> Option<&ClauseNumber> {
        match self {
            RefTarget::Document(_) => None,
            RefTarget::Clause { clause, .. } => Some(clause),
        }
    }
}

impl fmt::Display for RefTarget {
    /// `Section H8.16`, `paragraph 3.2 of Appendix AC`, `Section H`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RefTarget::Document(d) => write!(f, "{d}"),
            RefTarget::Clause { document, clause } if document.kind == DocumentKind::Section => {
                write!(f, "Section {clause}")
            }
            RefTarget::Clause { document, clause } => write!(f, "paragraph {clause} of {document}"),
        }
    }
}

/// The forms `parse_target` accepts, for error messages and `--help`.
pub const TARGET_FORMS: &str = "a Section clause (`H8.16`, `J1.2(b)`, `N4A.2`, `Section H8.16`), \
a document (`section-h`, `appendix-at`, `schedule-11`, `Section H`, `Appendix AT`), \
or a paragraph of a document (`appendix-ac:3.2`, `Appendix AC:3.2`, `schedule-11:2.1`)";

/// Reads a target as the user typed it. The error says what was wrong, in plain words.
pub fn parse_target(input: &str) -> Result<RefTarget, String> {
    let s = input.trim();
    let bad = || format!("`{input}` is not a clause or document; expected {TARGET_FORMS}");
    if s.is_empty() {
        return Err(bad());
    }
    if let Some(d) = document(s) {
        return Ok(RefTarget::Document(d));
    }
    if let Some((doc, para)) = s.split_once(':') {
        let document = document(doc.trim()).ok_or_else(bad)?;
        return document_clause(input, document, para.trim()).ok_or_else(bad)?;
    }
    // `Appendix AC 3.2`, `Appendix AC paragraph 3.2`, `Section H 8.16`.
    let words: Vec<&str> = s.split_whitespace().collect();
    for n in [2, 3] {
        if words.len() <= n {
            break;
        }
        let Some(document) = document(&words[..n].join(" ")) else {
            continue;
        };
        let mut para = &words[n..];
        if para.len() > 1
            && ["paragraph", "clause"].contains(&para[0].to_ascii_lowercase().as_str())
        {
            para = &para[1..];
        }
        if let Some(result) = document_clause(input, document, &para.join(" ")) {
            return result;
        }
    }
    // `H8.16`, `Section H8.16`, `SEC Section H8.16`.
    let mut rest = s;
    if let Some(r) = strip_word(rest, "SEC") {
        rest = r;
    }
    if let Some(r) = strip_word(rest, "Section") {
        rest = r;
    }
    let clause = section_clause(rest).ok_or_else(bad)?;
    let document = DocumentId::new(DocumentKind::Section, &clause[..1]).ok_or_else(bad)?;
    Ok(RefTarget::Clause { document, clause })
}

/// `para` of `document`: for a Section, its clause with or without the letter
/// (`H8.16`, `8.16`). `None` when `para` is no clause number at all.
fn document_clause(
    input: &str,
    document: DocumentId,
    para: &str,
) -> Option<Result<RefTarget, String>> {
    let clause = match document.kind {
        DocumentKind::Section => {
            let c = section_clause(para)
                .or_else(|| section_clause(&format!("{}{para}", document.designator)))?;
            if !c.starts_with(document.designator.as_str()) {
                return Some(Err(format!(
                    "`{input}`: clause {c} is not in {document}; write `{c}` on its own"
                )));
            }
            c
        }
        _ => paragraph(para)?,
    };
    Some(Ok(RefTarget::Clause { document, clause }))
}

fn document(s: &str) -> Option<DocumentId> {
    DocumentId::from_key(&s.to_ascii_lowercase()).or_else(|| DocumentId::from_name(s))
}

/// `rest` after a leading `word` (any case) and white space.
fn strip_word<'a>(s: &'a str, word: &str) -> Option<&'a str> {
    let head = s.get(..word.len())?;
    let rest = &s[word.len()..];
    (head.eq_ignore_ascii_case(word) && rest.starts_with(char::is_whitespace))
        .then(|| rest.trim_start())
}

/// A Section clause as typed (`h8.16`, `J1.2 (b)`); `None` unless it reads as one.
fn section_clause(s: &str) -> Option<ClauseNumber> {
    ClauseNumber::parse(s).filter(|c| c.section_letter().is_some())
}

/// An Appendix or Schedule paragraph: `3.2`, `3.2.1`, `4(a)`.
fn paragraph(s: &str) -> Option<ClauseNumber> {
    ClauseNumber::parse(s).filter(|c| c.section_letter().is_none())
}

/// How a citation matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Match {
    /// It cites the target clause itself.
    Exact,
    /// It cites something under the target (`H8.16(a)` for `H8.16`).
    SubClause,
    /// It cites a range that includes the target.
    Range,
    /// The target is a document and this cites it (in whole or in part).
    Document,
}

impl Match {
    pub fn as_str(self) -> &'static str {
        match self {
            Match::Exact => "exact",
            Match::SubClause => "sub_clause",
            Match::Range => "range",
            Match::Document => "document",
        }
    }
}

/// When the citing file is in effect.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// A document version the Document Log names: the releases it is in effect at, in
    /// release order (never empty).
    Logged(Vec<Version>),
    /// A document version the Document Log does not name (a draft, a stray file).
    NotInLog,
    /// A release note: its own release.
    ReleaseNote(Version),
    /// No Document Log (a loose folder, or a corpus without `document-log.csv`).
    NoLog,
    /// A text that is neither a document version nor a release note (a newsletter, a
    /// version-control table on its own): what it was read as.
    Text(&'static str),
}

/// One citation of the target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Citation {
    pub file: FileId,
    /// The whole citation (see `parse::references` for lists and titles).
    pub span: Span,
    /// The citation's text with white space runs folded to one space.
    pub text: String,
    /// What inside the document is cited: `H8.16`, `H10.9 to H10.13`; `None` for the
    /// whole document or a placeholder.
    pub cited: Option<String>,
    pub matched: Match,
    pub effect: Effect,
}

/// One version of the target's document, and whether it has the target clause: so the
/// reader can see that the target is the clause meant, and where it was deleted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Presence {
    pub file: FileId,
    pub version: Option<Version>,
    pub has_clause: bool,
    /// The clause's number where this version writes it; `None` when it lacks the
    /// clause or has it only as clauses under it or inline in its parent's text.
    pub span: Option<Span>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refs {
    /// Sorted by file (path order), then position.
    pub citations: Vec<Citation>,
    /// For a clause target, every version of its document in the corpus, in file order;
    /// empty for a document target.
    pub versions: Vec<Presence>,
    /// Releases of the log in order, for grouping [`Effect::Logged`] into runs.
    pub releases: Vec<Version>,
    /// How many files of each kind were searched.
    pub searched: Searched,
}

/// How many files of each kind `refs` searched (files that could not be read are not).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Searched {
    pub documents: usize,
    pub release_notes: usize,
    /// Texts of no corpus kind and version-control tables on their own.
    pub other: usize,
}

/// Every citation of `target` in the corpus's document versions, release notes and
/// other texts.
pub fn find(corpus: &Corpus, target: &RefTarget) -> Refs {
    let log = corpus.log.as_ref();
    // What the citation pass gives the rules: each citing file with its citations,
    // extracted from a document's text again, in parallel.
    let run = CitationRun::new(corpus);
    let files: Vec<Citer<'_>> = run.citing_files().collect();
    let mut citations: Vec<Citation> = files
        .par_iter()
        .flat_map_iter(|&of| {
            with_citing(&run, of, |citing| {
                let effect = || match (of, log) {
                    (Citer::Note(note), _) => match &note.release {
                        Some(v) => Effect::ReleaseNote(v.clone()),
                        None => Effect::NoLog,
                    },
                    (Citer::Document(_), None) => Effect::NoLog,
                    (Citer::Document(doc), Some(log)) => {
                        let rows = in_effect(log, doc);
                        if rows.is_empty() {
                            Effect::NotInLog
                        } else {
                            Effect::Logged(rows.into_iter().map(|r| r.release.clone()).collect())
                        }
                    }
                };
                let text = citing.source.text.as_str();
                let mut found = Vec::new();
                let mut effect_once: Option<Effect> = None;
                for r in citing.references {
                    let Some(matched) = matches(r, target) else {
                        continue;
                    };
                    found.push(Citation {
                        file: of.file(),
                        span: Span::from(r.span.clone()),
                        text: crate::title::squeeze(text.get(r.span.clone()).unwrap_or_default()),
                        cited: cited(r),
                        matched,
                        effect: effect_once.get_or_insert_with(effect).clone(),
                    });
                }
                found
            })
        })
        .collect();
    // Every other text read: newsletters, minutes, tables on their own.
    let texts: Vec<(FileId, &'static str)> = corpus
        .others
        .iter()
        .map(|o| (o.file, "other text"))
        .chain(
            corpus
                .version_tables
                .iter()
                .map(|t| (t.file, "version-control table")),
        )
        .filter(|&(f, _)| !corpus.unreadable(f))
        .collect();
    citations.par_extend(texts.par_iter().flat_map_iter(|&(file, kind)| {
        let source = corpus.source(file);
        crate::parse::references::extract(&source.text)
            .into_iter()
            .filter_map(|r| {
                let matched = matches(&r, target)?;
                Some(Citation {
                    file,
                    span: Span::from(r.span.clone()),
                    text: crate::title::squeeze(
                        source.text.get(r.span.clone()).unwrap_or_default(),
                    ),
                    cited: cited(&r),
                    matched,
                    effect: Effect::Text(kind),
                })
            })
            .collect::<Vec<_>>()
    }));
    citations.sort_by_key(|c| (c.file, c.span.start, c.span.end));
    let searched = Searched {
        documents: files
            .iter()
            .filter(|f| matches!(f, Citer::Document(_)))
            .count(),
        release_notes: files.iter().filter(|f| matches!(f, Citer::Note(_))).count(),
        other: texts.len(),
    };

    let mut versions = Vec::new();
    if let Some(clause) = target.clause() {
        for doc in corpus
            .documents
            .iter()
            .filter(|d| &d.document == target.document())
        {
            let has_clause = doc.has_clause(corpus, clause);
            versions.push(Presence {
                file: doc.file,
                version: doc.version.clone(),
                has_clause,
                span: doc.clause(clause).map(|c| c.span),
            });
        }
        versions.sort_by_key(|d| d.file);
    }
    let releases = log
        .map(|l| {
            history::History::new(l)
                .releases()
                .iter()
                .map(|&r| r.clone())
                .collect()
        })
        .unwrap_or_default();
    Refs {
        citations,
        versions,
        releases,
        searched,
    }
}

fn cited(r: &Reference) -> Option<String> {
    match &r.target {
        Target::Clause { clause, .. } => Some(clause.to_string()),
        Target::Range { start, end, .. } => Some(format!("{start} to {end}")),
        Target::Document | Target::Placeholder => None,
    }
}

fn matches(r: &Reference, target: &RefTarget) -> Option<Match> {
    if r.external || r.document.as_ref() != Some(target.document()) {
        return None;
    }
    let Some(t) = target.clause() else {
        return Some(Match::Document);
    };
    match &r.target {
        Target::Clause { clause, .. } if clause == t => Some(Match::Exact),
        Target::Clause { clause, .. } => clause.is_under(t).then_some(Match::SubClause),
        Target::Range { start, end, .. } => ClauseRange { start, end }
            .contains(t)
            .then_some(Match::Range),
        Target::Document | Target::Placeholder => None,
    }
}

/// `in effect at 5.16–40.0, 57.0`; `not in the log`; `release note for 57.0`; empty
/// without a log.
pub fn describe(effect: &Effect, all: &[Version]) -> String {
    match effect {
        Effect::Logged(releases) => {
            let runs: Vec<String> = history::runs(releases, all)
                .into_iter()
                .map(|(a, b)| {
                    if a == b {
                        a.to_string()
                    } else {
                        format!("{a}–{b}")
                    }
                })
                .collect();
            format!("in effect at {}", runs.join(", "))
        }
        Effect::NotInLog => "not in the log".into(),
        Effect::ReleaseNote(v) => format!("release note for {v}"),
        Effect::NoLog => String::new(),
        Effect::Text(kind) => (*kind).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clause(doc: &str, c: &str) -> RefTarget {
        RefTarget::Clause {
            document: DocumentId::from_key(doc).unwrap(),
            clause: c.into(),
        }
    }

    #[test]
    fn target_forms() {
        let h = |c: &str| clause("section-h", c);
        for (input, want) in [
            ("H8.16", h("H8.16")),
            ("Section H8.16", h("H8.16")),
            ("SEC Section H8.16", h("H8.16")),
            ("section  h8.16", h("H8.16")),
            ("H8", h("H8")),
            ("J1.2(b)", clause("section-j", "J1.2(b)")),
            ("j1.2 (b)", clause("section-j", "J1.2(b)")),
            ("N4A.2", clause("section-n", "N4A.2")),
            ("G7.16(a)(ii)", clause("section-g", "G7.16(a)(ii)")),
            ("section-h:H8.16", h("H8.16")),
            ("section-h:8.16", h("H8.16")),
            ("appendix-ac:3.2", clause("appendix-ac", "3.2")),
            ("Appendix AC:3.2", clause("appendix-ac", "3.2")),
            ("schedule-11: 2.1.3", clause("schedule-11", "2.1.3")),
            ("Appendix AC 3.2", clause("appendix-ac", "3.2")),
            (
                "SEC Appendix AC paragraph 3.2",
                clause("appendix-ac", "3.2"),
            ),
            ("Section H 8.16", h("H8.16")),
            ("Section H H8.16", h("H8.16")),
        ] {
            assert_eq!(parse_target(input), Ok(want), "{input}");
        }
        for (input, key) in [
            ("section-h", "section-h"),
            ("Section H", "section-h"),
            ("appendix-at", "appendix-at"),
            ("Appendix AT", "appendix-at"),
            ("SEC Appendix AT", "appendix-at"),
            ("schedule-11", "schedule-11"),
            ("Schedule 11", "schedule-11"),
            ("APPENDIX-AC", "appendix-ac"),
        ] {
            assert_eq!(
                parse_target(input),
                Ok(RefTarget::Document(DocumentId::from_key(key).unwrap())),
                "{input}"
            );
        }
    }

    #[test]
    fn bad_targets_name_the_expected_forms() {
        for input in [
            "",
            "H",
            "8.16",
            "H8.",
            "H8..16",
            "H8.16(",
            "H8.16()",
            "Annex A",
            "appendix-ac:",
            "appendix-ac:A3",
            "section-q:x",
            "appendix-abc",
            "Appendix AC paragraph",
            "Appendix AC 3.2 and 3.3",
            "H8.1 6",
            "N4AB.2",
        ] {
            let e = parse_target(input).unwrap_err();
            assert!(e.contains("expected a Section clause"), "{input}: {e}");
        }
        let e = parse_target("section-h:J1.2").unwrap_err();
        assert!(e.contains("J1.2 is not in Section H"), "{e}");
    }

    #[test]
    fn targets_display_as_the_sec_cites_them() {
        assert_eq!(parse_target("h8.16").unwrap().to_string(), "Section H8.16");
        assert_eq!(
            parse_target("appendix-ac:3.2").unwrap().to_string(),
            "paragraph 3.2 of Appendix AC"
        );
        assert_eq!(
            parse_target("schedule-11").unwrap().to_string(),
            "Schedule 11"
        );
    }

    #[test]
    fn runs_of_consecutive_releases() {
        let v = |s: &[&str]| {
            s.iter()
                .map(|x| Version::parse(x).unwrap())
                .collect::<Vec<_>>()
        };
        let all = v(&["5.16", "40.0", "54.0", "57.0"]);
        let logged = |s: &[&str]| describe(&Effect::Logged(v(s)), &all);
        assert_eq!(logged(&["40.0", "54.0"]), "in effect at 40.0–54.0");
        assert_eq!(logged(&["57.0"]), "in effect at 57.0");
        assert_eq!(
            logged(&["5.16", "40.0", "57.0"]),
            "in effect at 5.16–40.0, 57.0"
        );
        assert_eq!(logged(&["40.0", "57.0"]), "in effect at 40.0, 57.0");
    }
}
