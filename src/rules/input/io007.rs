//! IO007 not-fully-read: a part of a file that other rules judge (a release note's
//! affected list, a version-control table) was found but could not be read whole, so the
//! rules that depend on it stayed silent.
//!
//! Half-read text is not judged: a document missing from a list that was read only in
//! part may be in the part that was not read. Rather than guess, the rules that compare
//! against such a part skip it, and this one info says so once per part, naming the first
//! line that could not be read, so the user knows the check did not happen.

use crate::diagnostic::Diagnostic;
use crate::model::Corpus;
use crate::rules::{Check, Needs, Rule};
use crate::source::Span;

pub const RULE: Rule = Rule {
    code: "IO007",
    needs: Needs::Nothing,
    check: Check::Corpus(check),
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    for nf in &corpus.release_notes {
        let note = &nf.note;
        let (Some(heading), Some(first)) = (&note.affected_heading, note.affected_unread.first())
        else {
            continue;
        };
        if corpus.unreadable(nf.file) {
            continue;
        }
        let read = note
            .affected
            .iter()
            .filter(|a| a.document.is_some())
            .count();
        let more = match note.affected_unread.len() {
            1 => String::new(),
            n => format!(" (and {} more)", n - 1),
        };
        let message = if read == 0 {
            "no entry of this release note's affected list could be read".to_string()
        } else {
            format!(
                "this release note's affected list could not be read whole: {read} {} read, this line was not{more}",
                if read == 1 {
                    "entry was"
                } else {
                    "entries were"
                }
            )
        };
        let mut d = Diagnostic::new(RULE.code, message);
        d = if first == heading {
            d.at(
                nf.file,
                Span::from(heading.clone()),
                "nothing under this heading could be read",
            )
        } else {
            d.at(
                nf.file,
                Span::from(first.clone()),
                "not read as an affected document",
            )
            .related(nf.file, Span::from(heading.clone()), "the affected list")
        };
        out.push(d.help("REL003 and REL007 did not check this list: write one document per line, starting with its name (`Section A ‘Definitions and Interpretation’`), or run `seccheck inspect` on the note to see what was read"));
    }
    for nf in &corpus.release_notes {
        let note = &nf.note;
        let Some(first) = note.summary_unread.first() else {
            continue;
        };
        if corpus.unreadable(nf.file) {
            continue;
        }
        let more = match note.summary_unread.len() {
            1 => String::new(),
            n => format!(" (and {} more)", n - 1),
        };
        out.push(
            Diagnostic::new(
                RULE.code,
                format!(
                    "this release note's table of proposals could not be read whole: this row names no proposal{more}"
                ),
            )
            .at(nf.file, Span::from(first.clone()), "no proposal id in its first cell")
            .help("REL005 did not count this note's proposals: start each row with the proposal's id (`| MP211 | Title | Implemented |`), or run `seccheck inspect` on the note to see what was read"),
        );
    }
    let tables = corpus
        .documents
        .iter()
        .filter_map(|d| d.version_table.as_ref().map(|t| (d.file, t)))
        .chain(corpus.version_tables.iter().map(|t| (t.file, &t.table)));
    for (file, table) in tables {
        if table.complete || corpus.unreadable(file) {
            continue;
        }
        let read = table.rows.len();
        let first = table.unread.first().unwrap_or(&table.span);
        let whole = table.rows.is_empty() || first == &table.span;
        let more = match table.unread.len() {
            0 | 1 => String::new(),
            n => format!(" (and {} more)", n - 1),
        };
        let mut d = if whole {
            Diagnostic::new(
                RULE.code,
                "no row of this version-control table could be read",
            )
            .at(
                file,
                Span::from(table.span.clone()),
                "no row of this table was read",
            )
        } else {
            Diagnostic::new(
                RULE.code,
                format!(
                    "this version-control table could not be read whole: {read} {} read, but not this row's version and date{more}",
                    if read == 1 { "row was" } else { "rows were" }
                ),
            )
            .at(
                file,
                Span::from(first.clone()),
                "not read as a row with its version and date",
            )
        };
        if !whole {
            // The table's first line: its heading, or its header row.
            let source = corpus.source(file);
            let first_line = source
                .text
                .get(table.span.clone())
                .and_then(|t| t.lines().next())
                .map_or(0, |l| l.trim_end().len());
            d = d.related(
                file,
                Span::from(table.span.start..table.span.start + first_line),
                "the version-control table",
            );
        }
        out.push(d.help("VCT001 to VCT007 did not check this table: give each row its version, date and reason, or run `seccheck inspect` on the file to see which rows were read"));
    }
}
