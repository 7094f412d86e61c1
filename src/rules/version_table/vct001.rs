//! VCT001 table-not-updated: the newest row of a document's version-control table is for
//! another version than the document itself.

use super::{newest, tables};
use crate::diagnostic::Diagnostic;
use crate::model::Corpus;
use crate::rules::{Check, Needs, Rule};
use crate::source::Span;

pub const RULE: Rule = Rule {
    code: "VCT001",
    needs: Needs::Nothing,
    check: Check::Corpus(check),
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    for t in tables(corpus) {
        let Some(doc) = t.doc else { continue };
        let Some(version) = &doc.version else {
            continue;
        };
        let Some(row) = newest(t.table) else { continue };
        if &row.version == version {
            continue;
        }
        // A version the log does not name is LOG002's: it may be a draft.
        let mut logged = Vec::new();
        if let Some(log) = &corpus.log {
            logged = log.rows_for(&doc.document, version).collect();
            if logged.is_empty() {
                continue;
            }
            logged.sort_by(|a, b| a.release.cmp(&b.release));
            logged.dedup_by(|a, b| a.release == b.release);
        }
        let (message, label, help) = if &row.version < version {
            (
                format!(
                    "the version-control table of {} version {version} was not updated: its newest row is for version {}",
                    doc.document, row.version
                ),
                format!("newest row: version {}, not {version}", row.version),
                format!(
                    "add a row for version {version} after this one, with its implementation date, reason for change and overview"
                ),
            )
        } else {
            (
                format!(
                    "the version-control table of {} version {version} has a row for a later version, {}",
                    doc.document, row.version
                ),
                format!(
                    "version {} is later than this file's {version}",
                    row.version
                ),
                format!(
                    "remove the row for version {} if it was added by mistake, or check that this file really holds version {version}",
                    row.version
                ),
            )
        };
        let mut d = Diagnostic::new(RULE.code, message)
            .at(t.file, Span::from(row.version_span.clone()), label)
            .help(help);
        if let Some(log) = &corpus.log {
            for r in logged {
                d = d.related(
                    log.file,
                    r.version_span,
                    format!(
                        "release {} puts {} version {version} in effect",
                        r.release, doc.document
                    ),
                );
            }
        }
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    fn run(files: &[(&str, &str)]) -> Vec<(String, String)> {
        crate::rules::testing::primary_texts("VCT001", files)
    }

    const LOG: &str = "release,effective_date,document,version,title\n\
                       40.0,2021-06-24,section-h,1.1,DCC Services\n";

    fn doc(rows: &str) -> String {
        format!(
            "# Section H: DCC Services\n\n| Version | Implementation Date | Reason for Change | Overview of Modifications |\n|---|---|---|---|\n{rows}\nH1.1 The DCC shall provide the Services.\n"
        )
    }

    #[test]
    fn a_table_that_stops_short_or_runs_ahead_is_reported_at_its_newest_row() {
        let short = doc("| 1.0 | 2020-01-02 | Designation | First |\n");
        let got = run(&[
            ("document-log.csv", LOG),
            ("documents/section-h/1.1.md", &short),
        ]);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "1.0");
        assert!(got[0].1.contains("not updated"), "{}", got[0].1);

        let ahead = doc(
            "| 1.0 | 2020-01-02 | Designation | First |\n| 1.1 | 2021-06-24 | x | y |\n| 1.2 | 2021-12-17 | x | y |\n",
        );
        let got = run(&[
            ("document-log.csv", LOG),
            ("documents/section-h/1.1.md", &ahead),
        ]);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "1.2");
        assert!(got[0].1.contains("later version"), "{}", got[0].1);
    }

    #[test]
    fn quiet_when_up_to_date_unlogged_or_out_of_order() {
        let ok = doc("| 1.0 | 2020-01-02 | Designation | First |\n| 1.1 | 2021-06-24 | x | y |\n");
        assert!(
            run(&[
                ("document-log.csv", LOG),
                ("documents/section-h/1.1.md", &ok)
            ])
            .is_empty()
        );
        // The newest row is the highest version, wherever it stands.
        let swapped =
            doc("| 1.1 | 2021-06-24 | x | y |\n| 1.0 | 2020-01-02 | Designation | First |\n");
        assert!(
            run(&[
                ("document-log.csv", LOG),
                ("documents/section-h/1.1.md", &swapped)
            ])
            .is_empty()
        );
        // Version 1.2 is in no log row: LOG002 says so, VCT001 does not pile on.
        assert!(
            run(&[
                ("document-log.csv", LOG),
                ("documents/section-h/1.1.md", &ok),
                ("documents/section-h/1.2.md", &ok)
            ])
            .is_empty()
        );
    }
}
