//! Release notes against the Document Log, against themselves, and against every other
//! place that names the same Modification Proposals.
//!
//! A note belongs to the release its file name gives (`releases/57.0.md`); in a loose
//! folder, where files have no such name, to the SEC version it states first.

use crate::model::{LogRow, ReleaseNoteFile};
use crate::names::{DocumentId, Version};
use crate::parse::references::Target;
use std::ops::Range;

mod fix;
pub mod rel001;
pub mod rel002;
pub mod rel003;
pub mod rel004;
pub mod rel005;
pub mod rel006;
pub mod rel007;
pub mod rel008;
pub mod rel009;
pub mod rel010;
pub mod rel011;
pub mod rel012;
mod titled;

/// The release a note is about: its file name's, else the version it states first.
pub(crate) fn release_of(nf: &ReleaseNoteFile) -> Option<&Version> {
    nf.release_of()
}

/// "the 40.0 release note", or "this release note" when it names no release.
pub(crate) fn note_name(nf: &ReleaseNoteFile) -> String {
    match release_of(nf) {
        Some(v) => format!("the {v} release note"),
        None => "this release note".to_string(),
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
/// In a web page's source the quote may be written as a character reference
/// (`&lsquo;`, `&#8216;`).
pub(crate) fn quoted(text: &str, span: &Range<usize>) -> bool {
    let Some(before) = text.get(..span.start) else {
        return false;
    };
    before
        .chars()
        .next_back()
        .is_some_and(|c| "‘“'\"".contains(c))
        || [
            "&lsquo;", "&ldquo;", "&quot;", "&apos;", "&#8216;", "&#8220;", "&#x2018;", "&#x201C;",
            "&#39;", "&#34;",
        ]
        .iter()
        .any(|e| before.ends_with(e))
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

/// "four" for 4, "twenty-two" for 22 (up to ninety-nine), else the digits; "no" for 0.
pub(crate) fn number_word(n: usize) -> String {
    match n {
        0 => "no".to_string(),
        n => crate::parse::release_note::count_in_words(n).unwrap_or_else(|| n.to_string()),
    }
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
    #[test]
    fn titles_quoted_by_character_or_character_reference() {
        let at = |text: &str, title: &str| {
            let start = text.find(title).unwrap();
            quoted(text, &(start..start + title.len()))
        };
        assert!(at("Section H ‘DCC Services’", "DCC Services"));
        assert!(at("Section H &lsquo;DCC Services&rsquo;", "DCC Services"));
        assert!(at("Section H &#8216;DCC Services&#8217;", "DCC Services"));
        assert!(!at("Section H – DCC Services", "DCC Services"));
        assert!(!at("Section H (DCC Services)", "DCC Services"));
    }

    #[test]
    fn lists() {
        assert_eq!(crate::diagnostic::and_list(&["a".into()]), "a");
        assert_eq!(
            crate::diagnostic::and_list(&["a".into(), "b".into(), "c".into()]),
            "a, b and c"
        );
        assert_eq!(number_word(4), "four");
        assert_eq!(number_word(21), "twenty-one");
        assert_eq!(number_word(100), "100");
    }
}
