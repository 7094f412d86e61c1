//! VCT003 wrong-modifies: a row says "Modifications to SEC version X" where X is not the
//! version of the row before it.

use super::{Versions, tables};
use crate::diagnostic::Diagnostic;
use crate::model::Corpus;
use crate::names::Version;
use crate::parse::version_table::TableShape;
use crate::rules::{Check, Needs, Rule};
use crate::source::Span;
use std::collections::BTreeSet;

pub const RULE: Rule = Rule {
    code: "VCT003",
    needs: Needs::Nothing,
    check: Check::Corpus(check),
};

/// Releases of the whole Code that the corpus knows: the log's and the release notes'.
fn known_releases(corpus: &Corpus) -> BTreeSet<&Version> {
    let mut out: BTreeSet<&Version> = BTreeSet::new();
    if let Some(log) = &corpus.log {
        out.extend(log.rows.iter().map(|r| &r.release));
    }
    for n in &corpus.release_notes {
        out.extend(n.release.iter());
        out.extend(n.note.version.iter().map(|(v, _)| v));
    }
    out
}

/// How one "Modifications to SEC version X" reads against the table.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// X is the version of the row before.
    Chain,
    /// X is not one of this document's versions but a release of the whole Code: later
    /// than every row of the table, or a release the corpus knows.
    Code,
    /// Neither: the chain is broken.
    Broken,
}

fn reading(
    versions: &Versions,
    releases: &BTreeSet<&Version>,
    prev: &Version,
    named: &Version,
) -> Reading {
    if named == prev {
        return Reading::Chain;
    }
    let own = versions.has(named);
    let beyond = versions.all_below(named);
    if !own && (beyond || releases.contains(named)) {
        Reading::Code
    } else {
        Reading::Broken
    }
}

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let releases = known_releases(corpus);
    for t in tables(corpus) {
        // (row, its predecessor, the reason's version and span, how it reads)
        let mut found = Vec::new();
        let versions = Versions::new(t.table);
        for row in &t.table.rows {
            // The row before, in version order: rows out of order are VCT004's, not this
            // rule's. The first row has none to compare with.
            let Some(prev) = versions.predecessor(&row.version) else {
                continue;
            };
            for reason in &row.reasons {
                let Some(first) = &reason.modifies else {
                    continue;
                };
                // "SEC version 1.0 and 1.1": right when one of them is the row before.
                let named = std::iter::once(first).chain(&reason.modifies_also);
                let (named, span) = named
                    .clone()
                    .find(|(v, _)| v == &prev.version)
                    .unwrap_or(first);
                let r = reading(&versions, &releases, &prev.version, named);
                found.push((row, prev, named, span, r));
            }
        }
        // Many published tables of Subsidiary Documents name the release of the whole Code
        // that each change modified ("Modifications to SEC version 56.0"), not the
        // document's own previous version. Such a table has no chain to check.
        let chain = found.iter().filter(|f| f.4 == Reading::Chain).count();
        let code = found.iter().filter(|f| f.4 == Reading::Code).count();
        if code > chain {
            continue;
        }
        for (row, prev, named, span, r) in found {
            if r != Reading::Broken {
                continue;
            }
            // In text extracted from PDF a row for a version between the two may have
            // been lost: do not guess.
            let lost = t.table.shape == TableShape::PdfText
                && named > &prev.version
                && named < &row.version
                && !versions.has(named);
            if lost {
                continue;
            }
            let label = if named == &row.version {
                format!("version {named} is this row's own version")
            } else {
                format!("names version {named}")
            };
            let write = format!(
                "each version modifies the one before it: write \u{2018}Modifications to SEC version {}\u{2019}",
                prev.version
            );
            let in_table = versions.has(named);
            let help = if named > &prev.version && named < &row.version && !in_table {
                format!("{write}, or add the missing row for version {named} if it exists")
            } else if named < &prev.version {
                format!(
                    "{write}; a change drafted against version {named} is still made to the version in effect when it is implemented"
                )
            } else {
                write
            };
            let mut d = Diagnostic::new(
                    RULE.code,
                    format!(
                        "the {} row says it modifies SEC version {named}, but the row before it is version {}",
                        row.version, prev.version
                    ),
                )
                .at(t.file, Span::from(span.clone()), label)
                .related(
                    t.file,
                    Span::from(prev.version_span.clone()),
                    format!("the row before is version {}", prev.version),
                );
            // Another reason of the same row that names the right version.
            if let Some((_, other)) = row
                .reasons
                .iter()
                .filter_map(|re| re.modifies.as_ref())
                .find(|(v, _)| v == &prev.version)
            {
                d = d.related(
                    t.file,
                    Span::from(other.clone()),
                    format!("this row's other reason names {}", prev.version),
                );
            }
            out.push(d.help(help));
        }
    }
}

#[cfg(test)]
mod tests {
    fn run(files: &[(&str, &str)]) -> Vec<(String, String)> {
        crate::rules::testing::primary_texts("VCT003", files)
    }

    fn md(rows: &str) -> String {
        format!(
            "# Appendix AM – SMETS1 Supporting Requirements\n\n| Version | Implementation Date | Reason for Change | Overview of Modifications |\n|---|---|---|---|\n{rows}\n1.1 These requirements apply to SMETS1 Devices.\n"
        )
    }

    #[test]
    fn a_reason_naming_another_version_is_reported_at_the_number() {
        let text = md("| 1.0 | 2021-06-24 | Designation | First |\n\
             | 2.0 | 2021-12-17 | Modifications to SEC version 1.1 as directed by the Secretary of State | Second |\n");
        let got = run(&[("documents/appendix-am/2.0.md", &text)]);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "1.1");
        assert!(got[0].1.contains("row before it is version 1.0"));
    }

    #[test]
    fn a_reason_naming_several_versions_is_right_when_one_is_the_row_before() {
        let text = md("| 0.9 | 2020-01-02 | Designation | First |\n\
             | 1.0 | 2020-06-02 | Modifications to SEC version 0.9 | Second |\n\
             | 1.1 | 2021-01-02 | Modifications to SEC versions 0.9 and 1.0 as directed by the Secretary of State | Third |\n\
             | 1.2 | 2021-06-02 | Modifications to SEC version 1.0 and 1.1 | Fourth |\n\
             | 1.3 | 2021-09-02 | Modifications to SEC version 1.0, 1.1 and 1.2 | Fifth |\n");
        assert!(run(&[("documents/appendix-am/1.3.md", &text)]).is_empty());
        // None of them the row before: reported at the first.
        let text = md("| 0.9 | 2020-01-02 | Designation | First |\n\
             | 1.0 | 2020-06-02 | Modifications to SEC version 0.9 | Second |\n\
             | 1.1 | 2021-01-02 | Modifications to SEC versions 0.9 and 0.9 | Third |\n");
        let got = run(&[("documents/appendix-am/1.1.md", &text)]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "0.9");
    }

    #[test]
    fn the_chain_is_read_in_version_order_and_unnamed_reasons_are_skipped() {
        // Out of order (VCT004's business), but each row names its predecessor.
        let text = md("| 1.0 | 2020-01-02 | Designation | First |\n\
             | 1.2 | 2021-01-02 | Modifications to SEC version 1.1 | Third |\n\
             | 1.1 | 2020-06-02 | Modifications to SEC version 1.0 | Second |\n\
             | 1.3 | 2021-06-02 | Implementation of a Modification Proposal approved via Change Board vote on 3rd May 2021 | Fourth |\n");
        assert!(run(&[("documents/appendix-am/1.3.md", &text)]).is_empty());
    }

    #[test]
    fn a_pdf_table_with_a_possibly_lost_row_is_not_guessed_at() {
        let text = "VERSION CONTROL\n\n1.0 1st May 2020 Designation by the\nSecretary of State\n\
                    1.2 3rd July 2021 Modifications to SEC\nversion 1.1 as directed by the\nSecretary of State\n\
                    1.3 4th July 2021 Modifications to SEC\nversion 1.0 as directed by the\nSecretary of State\n";
        let got = run(&[("table.txt", text)]);
        // 1.2 names 1.1, which may be a row lost in extraction; 1.3 names 1.0, which the
        // table has, before 1.2.
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "1.0");
    }

    #[test]
    fn the_seed_shaped_fixture_reports_only_the_row_naming_an_older_version() {
        let text = include_str!("../../../tests/fixtures/extract/version-control-pdf.txt");
        let got = run(&[("table.txt", text)]);
        // The 4.8 row carries a second direction made to version 4.6, though 4.7 came
        // between: the chain is broken there, and only there.
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "4.6");
        assert!(got[0].1.starts_with("the 4.8 row"), "{}", got[0].1);
    }

    #[test]
    fn a_table_naming_releases_of_the_whole_code_has_no_chain_to_check() {
        // The parser fixture's Appendix AC names SEC releases 5.8, 31.0 and 56.0.
        let text = include_str!("../../../tests/fixtures/extract/version-control.md");
        assert!(run(&[("appendix-ac.md", text)]).is_empty());

        // A release the corpus knows (from its log) is read as the Code's, not a row's.
        let log = "release,effective_date,document,version,title\n\
                   5.16,2018-05-31,section-h,9.0,DCC Services\n";
        let text = "# Section H: DCC Services\n\n| Version | Implementation Date | Reason for Change | Overview of Modifications |\n|---|---|---|---|\n\
                    | 1.0 | 2013-09-23 | Designation | First |\n\
                    | 9.0 | 2018-05-31 | Modifications to SEC version 5.16 as directed by the Secretary of State | Second |\n\nH1.1 The DCC shall provide the Services.\n";
        let files = [
            ("document-log.csv", log),
            ("documents/section-h/9.0.md", text),
        ];
        assert!(run(&files).is_empty());
        // Without the log, 5.16 could be one of this document's versions: the chain is
        // checked and found broken.
        assert_eq!(run(&files[1..]).len(), 1);
    }
}
