//! REL003 bumped-document-not-listed: the Document Log gives a document a new version at
//! a release, but that release's note does not list it as affected.

use super::{note_name, release_of};
use crate::diagnostic::Diagnostic;
use crate::history::{Change, History};
use crate::model::Corpus;
use crate::rules::{Check, Needs, Rule};
use crate::source::Span;

pub const RULE: Rule = Rule {
    code: "REL003",
    needs: Needs::Log,
    check: Check::Corpus(check),
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let Some(log) = &corpus.log else { return };
    let releases = History::new(log);
    for nf in &corpus.release_notes {
        if corpus.unreadable(nf.file) {
            continue;
        }
        // A note with no affected list at all cannot be checked against the log, nor one
        // whose list was not read whole (IO007 says so): the document may be in the rest.
        let (Some(release), Some(heading)) = (release_of(nf), &nf.note.affected_heading) else {
            continue;
        };
        if !nf.note.affected_complete() {
            continue;
        }
        if !releases.contains(release) {
            continue;
        }
        let first = releases.before(release).is_none();
        for change in releases.bumped(release) {
            let (row, what, did) = match change {
                Change::New(row) if first => (
                    row,
                    format!(
                        "{release} is the log's first release: every document in effect counts as changed"
                    ),
                    format!(
                        "puts {} (version {}) in effect at its first release, {release}",
                        row.document, row.version
                    ),
                ),
                Change::New(row) => (
                    row,
                    format!("{} {} is new at {release}", row.document, row.version),
                    format!(
                        "adds {} (version {}) at release {release}",
                        row.document, row.version
                    ),
                ),
                Change::Bumped { row, prev } => (
                    row,
                    format!("{}, up from {}", super::at(row), super::at(prev)),
                    format!(
                        "moves {} from version {} to {} at release {release}",
                        row.document, prev.version, row.version
                    ),
                ),
                _ => continue,
            };
            if nf
                .note
                .affected
                .iter()
                .any(|a| a.document.as_ref() == Some(&row.document))
            {
                continue;
            }
            let d = &row.document;
            let mut diag = Diagnostic::new(
                    RULE.code,
                    format!(
                        "the Document Log {did}, but {} does not list it as affected",
                        note_name(nf)
                    ),
                )
                .at(nf.file, Span::from(heading.clone()), format!("{d} is missing from this list"))
                .related(log.file, row.span, what)
                .help(format!(
                    "add {d} to the note's affected list, or correct the log if {d} did not change at {release}"
                ));
            if let Some((span, line)) = super::fix::insert_entry(corpus, nf, d, &row.title) {
                diag = diag.fix(nf.file, span, line);
            }
            out.push(diag);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::release::{Found, run};

    const LOG: &str = "release,effective_date,document,version,title\n\
        40.0,2021-06-24,section-h,1.0,DCC Services\n\
        40.0,2021-06-24,section-j,1.0,Charges\n\
        40.0,2021-06-24,schedule-11,2.0,TS Applicability Tables\n\
        54.0,2021-12-17,section-h,1.1,DCC Services\n\
        54.0,2021-12-17,section-h,1.1,DCC Services\n\
        54.0,2021-12-17,section-j,1.0,Charges\n\
        54.0,2021-12-17,schedule-11,1.0,TS Applicability Tables\n\
        54.0,2021-12-17,appendix-at,1.0,SMETS1 Cryptographic Key Management Policy\n";

    fn note(v: &str, list: &str) -> String {
        format!("# SEC v{v} published\n\n## What parts of the SEC were affected?\n\n{list}\n")
    }

    fn check(n40: &str, n54: &str) -> Vec<Found> {
        run(
            "REL003",
            &[
                ("document-log.csv", LOG),
                ("releases/40.0.md", n40),
                ("releases/54.0.md", n54),
            ],
        )
    }

    #[test]
    fn bumped_and_new_documents_must_be_listed() {
        let all40 = note(
            "40.0",
            "- Section H ‘DCC Services’\n- Section J ‘Charges’\n- Schedule 11 ‘TS Applicability Tables’",
        );
        // At 54.0: Section H goes up (listed twice in the log: once), Appendix AT is new,
        // Section J is kept and Schedule 11 goes down (LOG003's, not a change).
        let got = check(&all40, &note("54.0", "- Section H ‘DCC Services’"));
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!((got[0].0.as_str(), got[0].1), ("releases/54.0.md", 3));
        assert_eq!(
            got[0].2,
            "the Document Log adds Appendix AT (version 1.0) at release 54.0, but the 54.0 release note does not list it as affected"
        );
        assert_eq!(got[0].3, [("document-log.csv".to_string(), 9)]);

        let got = check(
            &all40,
            &note(
                "54.0",
                "- Appendix AT ‘SMETS1 Cryptographic Key Management Policy’",
            ),
        );
        assert_eq!(got.len(), 1);
        assert_eq!(
            got[0].2,
            "the Document Log moves Section H from version 1.0 to 1.1 at release 54.0, but the 54.0 release note does not list it as affected"
        );
        assert_eq!(got[0].3, [("document-log.csv".to_string(), 5)]);
    }

    #[test]
    fn everything_is_new_at_the_first_release() {
        let got = check(
            &note("40.0", "- Section H ‘DCC Services’"),
            &note("54.0", "- Section H\n- Appendix AT"),
        );
        let docs: Vec<&str> = got
            .iter()
            .map(|g| g.2.split(" (").next().unwrap())
            .collect();
        // Both at the heading: sorted by message.
        assert_eq!(
            docs,
            [
                "the Document Log puts Schedule 11",
                "the Document Log puts Section J"
            ]
        );
        assert!(got.iter().all(|g| g.0 == "releases/40.0.md"));
    }

    #[test]
    fn a_note_without_an_affected_list_is_not_checked() {
        let got = check("# SEC v40.0 published\n\nNothing else.\n", "# SEC v54.0\n");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_list_not_read_whole_is_not_judged_and_io007_says_so() {
        let all40 = note(
            "40.0",
            "- Section H ‘DCC Services’\n- Section J ‘Charges’\n- Schedule 11 ‘TS Applicability Tables’",
        );
        // Appendix AT is missing from what was read, but a line of the list was not read:
        // it may be there.
        let n54 = note(
            "54.0",
            "- Section H ‘DCC Services’\n- The new SMETS1 key management policy",
        );
        assert!(check(&all40, &n54).is_empty());
        let files = [
            ("document-log.csv", LOG),
            ("releases/40.0.md", all40.as_str()),
            ("releases/54.0.md", n54.as_str()),
        ];
        let info = run("IO007", &files);
        assert_eq!(info.len(), 1, "{info:?}");
        assert_eq!((info[0].0.as_str(), info[0].1), ("releases/54.0.md", 6));
        assert_eq!(
            info[0].2,
            "this release note's affected list could not be read whole: 1 entry was read, this line was not"
        );
        // The same list read whole gives the finding.
        let whole = note(
            "54.0",
            "The following parts were affected:\n\n· Section H ‘DCC Services’",
        );
        assert_eq!(check(&all40, &whole).len(), 1);
    }
}
