//! Release notes against the Document Log, against themselves, and against every other
//! place that names the same Modification Proposals.
//!
//! A note belongs to the release its file name gives (`releases/57.0.md`); in a loose
//! folder, where files have no such name, to the SEC version it states first.

use crate::model::{DocumentLog, LogRow, ReleaseNoteFile};
use crate::names::{DocumentId, Version};
use crate::parse::references::Target;
use std::ops::Range;

pub mod rel001;
pub mod rel002;
pub mod rel003;
pub mod rel004;
pub mod rel005;
pub mod rel006;
pub mod rel007;
pub mod rel008;

/// The release a note is about: its file name's, else the version it states first.
pub(crate) fn release_of(nf: &ReleaseNoteFile) -> Option<&Version> {
    nf.release
        .as_ref()
        .or(nf.note.version.as_ref().map(|(v, _)| v))
}

/// "the 40.0 release note", or "this release note" when it names no release.
pub(crate) fn note_name(nf: &ReleaseNoteFile) -> String {
    match release_of(nf) {
        Some(v) => format!("the {v} release note"),
        None => "this release note".to_string(),
    }
}

/// What the Document Log does to one document at one release, compared with the release
/// before it in the log.
#[derive(Debug)]
pub(crate) enum Change<'a> {
    /// In effect at the release and not at the one before (everything is new at the
    /// log's first release).
    New(&'a LogRow),
    /// At a higher version than at the release before.
    Bumped { row: &'a LogRow, prev: &'a LogRow },
    /// At the same version as at the release before.
    Kept { row: &'a LogRow, prev: &'a LogRow },
    /// At a lower version than at the release before (LOG003's business; not a bump).
    Lowered { row: &'a LogRow, prev: &'a LogRow },
    /// In effect at the release before but not at this one: withdrawn.
    Removed,
    /// In effect at neither.
    Absent,
}

impl Change<'_> {
    pub(crate) fn is_bump(&self) -> bool {
        matches!(self, Change::New(_) | Change::Bumped { .. })
    }
}

/// The log seen release by release.
pub(crate) struct Releases<'a> {
    pub log: &'a DocumentLog,
    /// Every release in the log, in order.
    pub order: Vec<&'a Version>,
}

impl<'a> Releases<'a> {
    pub(crate) fn new(log: &'a DocumentLog) -> Releases<'a> {
        Releases {
            log,
            order: log.releases().into_iter().map(|r| r.release).collect(),
        }
    }

    pub(crate) fn contains(&self, release: &Version) -> bool {
        self.order.binary_search(&release).is_ok()
    }

    /// The release before `release` in the log, if any.
    pub(crate) fn previous(&self, release: &Version) -> Option<&'a Version> {
        let i = self.order.binary_search(&release).ok()?;
        i.checked_sub(1).map(|j| self.order[j])
    }

    /// What the log does to `document` at `release` (a release that lists a document
    /// twice counts its first row, as everywhere else).
    pub(crate) fn change(&self, release: &Version, document: &DocumentId) -> Change<'a> {
        let row = self.log.row(release, document);
        let prev = self
            .previous(release)
            .and_then(|p| self.log.row(p, document));
        match (row, prev) {
            (Some(row), None) => Change::New(row),
            (Some(row), Some(prev)) if row.version > prev.version => Change::Bumped { row, prev },
            (Some(row), Some(prev)) if row.version == prev.version => Change::Kept { row, prev },
            (Some(row), Some(prev)) => Change::Lowered { row, prev },
            (None, Some(_)) => Change::Removed,
            (None, None) => Change::Absent,
        }
    }

    /// The documents the log bumps at `release`, in log order, first row each.
    pub(crate) fn bumped(&self, release: &Version) -> Vec<Change<'a>> {
        let mut seen: Vec<&DocumentId> = Vec::new();
        let mut out = Vec::new();
        for row in self.log.rows.iter().filter(|r| &r.release == release) {
            if seen.contains(&&row.document) {
                continue;
            }
            seen.push(&row.document);
            let c = self.change(release, &row.document);
            if c.is_bump() {
                out.push(c);
            }
        }
        out
    }
}

/// "version 3.0 at 5.16" for a row.
pub(crate) fn at(row: &LogRow) -> String {
    format!("version {} at {}", row.version, row.release)
}

/// A title given to a document in a note's prose (outside its affected list).
pub(crate) struct ProseTitle<'a> {
    pub document: &'a DocumentId,
    pub title: &'a str,
    pub span: Range<usize>,
}

/// Whether the title at `span` is in quotes (not in brackets or after a dash, where the
/// words may be an acronym, a version or a remark: "Schedule 9 – SMETS2 v5.1").
pub(crate) fn quoted(text: &str, span: &Range<usize>) -> bool {
    text.get(..span.start)
        .and_then(|t| t.chars().next_back())
        .is_some_and(|c| "‘“'\"".contains(c))
}

/// The titles a note's prose gives documents in quotes: citations outside the affected
/// list. A title right after a clause number names the clause ("Section T3.34
/// ‘Additional Interface Testing’"), so it does not count; one between the document and
/// the number names the document ("Section L ‘…’ 14.8").
pub(crate) fn prose_titles<'a>(text: &str, nf: &'a ReleaseNoteFile) -> Vec<ProseTitle<'a>> {
    // The list's lines, sorted, so that each citation is a binary search, not a scan of
    // the list (a long list full of citations would otherwise be quadratic).
    let mut lines: Vec<&Range<usize>> = nf.note.affected.iter().map(|a| &a.line_span).collect();
    lines.sort_by_key(|r| (r.start, r.end));
    // Lines do not overlap: only the last one starting at or before `p` can hold it.
    let in_list = |p: usize| {
        let after = lines.partition_point(|r| r.start <= p);
        after > 0 && lines[after - 1].contains(&p)
    };
    let mut out = Vec::new();
    for r in &nf.references {
        let (Some(document), Some(title)) = (&r.document, &r.cited_title) else {
            continue;
        };
        if r.external || in_list(r.span.start) || !quoted(text, &title.span) {
            continue;
        }
        let names_clause = match &r.target {
            Target::Document => false,
            Target::Clause { span, .. } => title.span.start >= span.end,
            Target::Range { end_span, .. } => title.span.start >= end_span.end,
            Target::Placeholder => true,
        };
        if names_clause {
            continue;
        }
        out.push(ProseTitle {
            document,
            title: &title.text,
            span: title.span.clone(),
        });
    }
    out
}

/// "MP161, MP164 and MP168".
pub(crate) fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// "four" for 4 (up to twenty), else the digits.
pub(crate) fn number_word(n: usize) -> String {
    let word = match n {
        0 => Some("no"),
        n => crate::parse::release_note::NUMBER_WORDS.get(n - 1).copied(),
    };
    word.map_or_else(|| n.to_string(), |w| w.to_string())
}

/// A finding as tests see it: (path, line, message, [(related path, related line)]).
#[cfg(test)]
pub(crate) type Found = (String, usize, String, Vec<(String, usize)>);

/// Runs the whole check on files held in memory and keeps one rule's findings, in report
/// order.
#[cfg(test)]
pub(crate) fn run(code: &str, files: &[(&str, &str)]) -> Vec<Found> {
    let outcome = crate::rules::testing::check_strs(files);
    let place = |l: &crate::diagnostic::Label| {
        let f = outcome.corpus.source(l.file);
        (f.path.clone(), f.line_col(l.span.start as usize).0)
    };
    outcome
        .diagnostics
        .iter()
        .filter(|d| d.code == code)
        .map(|d| {
            let (path, line) = place(d.primary.as_ref().expect("a place"));
            assert!(d.help.is_some(), "{code} without help");
            (
                path,
                line,
                d.message.clone(),
                d.related.iter().map(place).collect(),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::FileId;

    fn log(csv: &str) -> DocumentLog {
        let parsed = crate::parse::log::parse(csv);
        DocumentLog::new(FileId(0), parsed.rows, parsed.malformed)
    }

    #[test]
    fn changes_release_by_release() {
        let log = log("release,effective_date,document,version,title\n\
             1.0,2020-01-01,section-a,1.0,A\n\
             1.0,2020-01-01,section-b,1.0,B\n\
             1.0,2020-01-01,section-c,2.0,C\n\
             2.0,2020-06-01,section-a,1.1,A\n\
             2.0,2020-06-01,section-c,1.9,C\n\
             2.0,2020-06-01,section-d,1.0,D\n\
             2.0,2020-06-01,section-e,1.0,E\n\
             2.0,2020-06-01,section-e,0.9,E\n\
             3.0,2020-09-01,section-a,1.1,A\n");
        let rel = Releases::new(&log);
        let v = |s: &str| Version::parse(s).unwrap();
        let d = |s: &str| DocumentId::from_key(s).unwrap();
        assert!(rel.contains(&v("2.0")) && !rel.contains(&v("2.5")));
        assert_eq!(rel.previous(&v("2.0")), Some(&v("1.0")));
        assert_eq!(rel.previous(&v("1.0")), None);
        // Everything is new at the first release.
        assert!(matches!(
            rel.change(&v("1.0"), &d("section-b")),
            Change::New(_)
        ));
        assert!(matches!(
            rel.change(&v("2.0"), &d("section-a")),
            Change::Bumped { .. }
        ));
        assert!(matches!(
            rel.change(&v("2.0"), &d("section-c")),
            Change::Lowered { .. }
        ));
        assert!(matches!(
            rel.change(&v("2.0"), &d("section-b")),
            Change::Removed
        ));
        assert!(matches!(
            rel.change(&v("3.0"), &d("section-a")),
            Change::Kept { .. }
        ));
        assert!(matches!(
            rel.change(&v("3.0"), &d("section-z")),
            Change::Absent
        ));
        let bumped: Vec<String> = rel
            .bumped(&v("2.0"))
            .iter()
            .map(|c| match c {
                Change::New(r) | Change::Bumped { row: r, .. } => r.document.to_string(),
                _ => unreachable!(),
            })
            .collect();
        // Section E is listed twice; it counts once.
        assert_eq!(bumped, ["Section A", "Section D", "Section E"]);
    }

    #[test]
    fn lists() {
        assert_eq!(and_list(&["a".into()]), "a");
        assert_eq!(
            and_list(&["a".into(), "b".into(), "c".into()]),
            "a, b and c"
        );
        assert_eq!(number_word(4), "four");
        assert_eq!(number_word(21), "21");
    }
}
