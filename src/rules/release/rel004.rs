//! REL004 listed-document-not-bumped: a release note lists a document as affected, but
//! the Document Log does not give it a new version at that release.

use super::{at, note_name, release_of};
use crate::diagnostic::Diagnostic;
use crate::history::{Change, History};
use crate::model::Corpus;
use crate::rules::{Check, Needs, Rule};
use crate::source::Span;

pub const RULE: Rule = Rule {
    code: "REL004",
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
        let Some(release) = release_of(nf) else {
            continue;
        };
        if !releases.contains(release) {
            continue;
        }
        let name = note_name(nf);
        for entry in &nf.note.affected {
            let (Some(d), Some(d_span)) = (&entry.document, &entry.document_span) else {
                continue;
            };
            // A log row for it that could not be read may be the bump (LOG008 says so).
            let before = releases.before(release);
            if log.maybe_row(release, d) || before.is_some_and(|b| log.maybe_row(b, d)) {
                continue;
            }
            let at_here = Span::from(d_span.clone());
            let diag = match releases.change(release, d) {
                // New, bumped, or withdrawn at this release: listing it is right.
                Change::New(_) | Change::Bumped { .. } | Change::Removed => continue,
                Change::Kept { row, prev } => Diagnostic::new(
                    RULE.code,
                    format!(
                        "{name} lists {d} as affected, but the Document Log keeps it at version {}, as at {}",
                        row.version, prev.release
                    ),
                )
                .at(nf.file, at_here, "listed as affected")
                .related(log.file, row.span, at(row))
                .related(log.file, prev.span, format!("already {}", at(prev))),
                Change::Lowered { row, prev } => Diagnostic::new(
                    RULE.code,
                    format!(
                        "{name} lists {d} as affected, but the Document Log does not give it a new version at {release}: it goes from {} down to {}",
                        prev.version, row.version
                    ),
                )
                .at(nf.file, at_here, "listed as affected")
                .related(log.file, row.span, at(row))
                .related(log.file, prev.span, at(prev)),
                Change::Absent => Diagnostic::new(
                    RULE.code,
                    format!(
                        "{name} lists {d} as affected, but the Document Log has no row for {d} at {release} or the release before"
                    ),
                )
                .at(nf.file, at_here, "not in the Document Log"),
            };
            let mut diag = diag.help(format!(
                "remove {d} from the affected list if it did not change at {release}, or give it its new version in the Document Log"
            ));
            if let Some((span, nothing)) = super::fix::remove_entry(corpus, nf, entry) {
                diag = diag.fix(nf.file, span, nothing);
            }
            out.push(diag);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::release::run;

    const LOG: &str = "release,effective_date,document,version,title\n\
        40.0,2021-06-24,section-h,1.0,DCC Services\n\
        40.0,2021-06-24,section-t,4.0,Testing During Transition\n\
        40.0,2021-06-24,schedule-7,1.1,Specimen Enabling Services Agreement\n\
        40.0,2021-06-24,schedule-11,2.0,TS Applicability Tables\n\
        54.0,2021-12-17,section-h,1.1,DCC Services\n\
        54.0,2021-12-17,section-t,4.0,Testing During Transition\n\
        54.0,2021-12-17,schedule-11,1.0,TS Applicability Tables\n\
        54.0,2021-12-17,appendix-at,1.0,SMETS1 Cryptographic Key Management Policy\n";

    #[test]
    fn listed_documents_must_change() {
        let note = "# SEC v54.0 published\n\n## What parts of the SEC were affected?\n\n\
                    - Section H ‘DCC Services’\n\
                    - Section T ‘Testing During Transition’\n\
                    - Schedule 7 ‘Specimen Enabling Services Agreement’\n\
                    - Schedule 11 ‘TS Applicability Tables’\n\
                    - Appendix AT\n\
                    - Appendix Z ‘Not in the log’\n\
                    - The Document Log\n";
        let got = run(
            "REL004",
            &[("document-log.csv", LOG), ("releases/54.0.md", note)],
        );
        // Section H goes up, Appendix AT is new and Schedule 7 is withdrawn: all fine.
        let lines: Vec<usize> = got.iter().map(|g| g.1).collect();
        assert_eq!(lines, [6, 8, 10], "{got:?}");
        assert_eq!(
            got[0].2,
            "the 54.0 release note lists Section T as affected, but the Document Log keeps it at version 4.0, as at 40.0"
        );
        assert_eq!(
            got[0].3,
            [
                ("document-log.csv".to_string(), 7),
                ("document-log.csv".to_string(), 3)
            ]
        );
        assert!(
            got[1].2.contains("goes from 2.0 down to 1.0"),
            "{}",
            got[1].2
        );
        assert!(got[2].2.contains("no row for Appendix Z"), "{}", got[2].2);
    }

    #[test]
    fn a_note_for_a_release_the_log_lacks_is_not_checked() {
        let note = "# SEC v55.0\n\n## What parts of the SEC were affected?\n\n- Section T\n";
        assert!(
            run(
                "REL004",
                &[("document-log.csv", LOG), ("releases/55.0.md", note)]
            )
            .is_empty()
        );
    }
}
