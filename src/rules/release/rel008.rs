//! REL008 note-title-differs: a release note's affected list gives a document a title
//! other than the Document Log's at that release, or other than the title the same note
//! gives it elsewhere.
//!
//! The rule needs nothing: with a Document Log it compares with the log's title at the
//! note's release; without one (a loose folder), or where the log agrees, it compares the
//! list with the note's own prose. Only titles in quotes are compared.

use super::{ProseTitle, note_name, prose_titles, quoted, release_of};
use crate::diagnostic::Diagnostic;
use crate::history::History;
use crate::model::Corpus;
use crate::names::DocumentId;
use crate::rules::{Check, Needs, Rule};
use crate::source::Span;
use crate::title;
use std::collections::HashMap;

pub const RULE: Rule = Rule {
    code: "REL008",
    needs: Needs::Nothing,
    check: Check::Corpus(check),
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let releases = corpus.log.as_ref().map(History::new);
    for nf in &corpus.release_notes {
        if corpus.unreadable(nf.file) {
            continue;
        }
        let text_source = corpus.source(nf.file);
        let text = text_source.text.as_str();
        let name = note_name(nf);
        let release = release_of(nf);
        // Each prose title folded once, by document: a long list is then not quadratic.
        let mut prose: HashMap<&DocumentId, Vec<(String, ProseTitle)>> = HashMap::new();
        for p in prose_titles(text, nf) {
            prose
                .entry(p.document)
                .or_default()
                .push((title::fold(p.title), p));
        }
        for entry in &nf.note.affected {
            let (Some(d), Some(title), Some(t_span)) =
                (&entry.document, &entry.title, &entry.title_span)
            else {
                continue;
            };
            if !quoted(text, t_span) {
                continue;
            }
            let folded = title::fold(title);
            let others: Vec<&ProseTitle> = prose
                .get(d)
                .into_iter()
                .flatten()
                .filter(|(f, _)| *f != folded)
                .map(|(_, p)| p)
                .collect();
            let log_row = match (&releases, release) {
                (Some(r), Some(v)) => r.log.row(v, d),
                _ => None,
            }
            .filter(|row| row.folded_title != folded);
            let here = Span::from(t_span.clone());
            let mut diag = if let (Some(row), Some(log)) = (log_row, &corpus.log) {
                Diagnostic::new(
                    RULE.code,
                    format!(
                        "{name} titles {d} ‘{title}’, but the Document Log's title for it at release {} is ‘{}’",
                        row.release, row.title
                    ),
                )
                .at(nf.file, here, "title in the affected list")
                .related(log.file, row.title_span, format!("title in the log at release {}", row.release))
                .help(format!(
                    "write ‘{}’ in the affected list, or correct the log if the document's title changed at this release",
                    row.title
                ))
                .fix_if(crate::rules::edit::replacement(corpus, nf.file, &row.title).map(|t| (nf.file, here, t)))
            } else if let Some(first) = others.first() {
                Diagnostic::new(
                    RULE.code,
                    format!(
                        "{name} gives {d} two titles: ‘{title}’ in its affected list and ‘{}’ in its text",
                        first.title
                    ),
                )
                .at(nf.file, here, "title in the affected list")
                .help(format!(
                    "give {d} its one title in force at this release throughout the note"
                ))
            } else {
                continue;
            };
            for p in others {
                diag = diag.related(
                    nf.file,
                    Span::from(p.span.clone()),
                    format!("‘{}’ here", p.title),
                );
            }
            out.push(diag);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::release::run;

    const LOG: &str = "release,effective_date,document,version,title\n\
        40.0,2021-06-24,section-t,1.0,Testing During Transition\n\
        40.0,2021-06-24,schedule-9,1.0,Smart Metering Equipment Technical Specifications\n\
        40.0,2021-06-24,appendix-ac,1.3,\"Inventory, Enrolment and Withdrawal Procedures\"\n";

    fn note(summary: &str, list: &str) -> String {
        format!(
            "SEC v40.0 published\n\n24 June 2021\n\n\
             SEC version 40.0 came into effect on 24 June 2021.\n\n\n\
             Summary of changes\n\n{summary}\n\n\n\
             What parts of the SEC were affected?\n\n{list}\n"
        )
    }

    const LIST: &str = "  • Section T ‘Testing During Transition’\n\
                        \x20 • Schedule 9 – SMETS2 v5.1\n\
                        \x20 • Appendix AC ‘Inventory Enrolment and Decommissioning Procedures’";

    #[test]
    fn list_titles_are_checked_against_the_log() {
        let got = run(
            "REL008",
            &[
                ("document-log.csv", LOG),
                ("releases/40.0.txt", &note("No changes.", LIST)),
            ],
        );
        // Schedule 9's dashed words name a version, not a title: not compared.
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, 17);
        assert_eq!(
            got[0].2,
            "the 40.0 release note titles Appendix AC ‘Inventory Enrolment and Decommissioning Procedures’, but the Document Log's title for it at release 40.0 is ‘Inventory, Enrolment and Withdrawal Procedures’"
        );
        assert_eq!(got[0].3, [("document-log.csv".to_string(), 4)]);
    }

    #[test]
    fn without_a_log_the_note_is_checked_against_itself() {
        // A title after a clause names the clause; one before the number names the document.
        let summary = "MP300 will amend Section T3.34 ‘Additional Interface Testing’.\n\n\
                       As required by Section T ‘Testing Arrangements’ 3.4, the Panel consulted.";
        let got = run("REL008", &[("note.txt", &note(summary, LIST))]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, 17);
        assert_eq!(
            got[0].2,
            "the 40.0 release note gives Section T two titles: ‘Testing During Transition’ in its affected list and ‘Testing Arrangements’ in its text"
        );
        assert_eq!(got[0].3, [("note.txt".to_string(), 12)]);
        let summary = "MP300 will amend Section T3.34 ‘Additional Interface Testing’.";
        assert!(run("REL008", &[("note.txt", &note(summary, LIST))]).is_empty());
    }

    #[test]
    fn where_the_log_agrees_the_prose_is_still_compared() {
        let summary = "MP300 will amend Section T ‘Testing Arrangements’.";
        let got = run(
            "REL008",
            &[
                ("document-log.csv", LOG),
                (
                    "releases/40.0.txt",
                    &note(summary, "  • Section T ‘Testing During Transition’"),
                ),
            ],
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].2.contains("two titles"), "{}", got[0].2);
    }
}
