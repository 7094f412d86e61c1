//! VCT006 older-row-date-differs: a row for an earlier version in a document's
//! version-control table is not dated on the effective date of the release that first put
//! that version in effect.
//!
//! VCT002 compares the newest row with the Document Log; this rule compares every older
//! row the same way (`older_date_mismatches` in the family module, which shares VCT002's
//! comparison), so a date copied wrong into a later version's table is found where it
//! stands. A row whose version the log never names (older than the log, or a draft) is not
//! judged; at the log's first release only a date after it is wrong.

use super::{newest, older_date_mismatches, release_dates_of};
use crate::diagnostic::Diagnostic;
use crate::model::Corpus;
use crate::rules::{Check, Needs, Rule};
use crate::source::Span;

pub const RULE: Rule = Rule {
    code: "VCT006",
    needs: Needs::Log,
    check: Check::Corpus(check),
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let Some(log) = &corpus.log else { return };
    let dates = release_dates_of(corpus);
    for doc in &corpus.documents {
        let Some(own) = &doc.version else { continue };
        for m in older_date_mismatches(corpus, &dates, doc) {
            let version = &m.row.version;
            let message = if m.first_in_log {
                format!(
                    "the version-control table of {} version {own} dates version {version} {}, after release {} (the first in the Document Log) already had it in effect on {}",
                    doc.document,
                    m.date.long(),
                    m.release,
                    m.release_date.long()
                )
            } else {
                format!(
                    "the version-control table of {} version {own} dates version {version} {}, but release {} put version {version} in effect on {}",
                    doc.document,
                    m.date.long(),
                    m.release,
                    m.release_date.long()
                )
            };
            let mut d = m.finding(RULE.code, log.file, doc.file, message);
            // The version's own file, when its newest row gives the log's date: the slip is
            // in the copy, not in the original.
            let original = corpus
                .document(&doc.document, version)
                .filter(|o| !corpus.unreadable(o.file))
                .and_then(|o| {
                    let table = o.version_table.as_ref().filter(|t| t.complete)?;
                    let r = newest(table)
                        .filter(|r| &r.version == version && r.date == Some(m.release_date))?;
                    Some((o.file, r))
                });
            if let Some((file, r)) = original {
                d = d.related(
                    file,
                    Span::from(r.date_span.clone()),
                    format!(
                        "version {version}'s own table dates it {}",
                        m.release_date.long()
                    ),
                );
            }
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::check_memory;

    /// (primary text, related texts, message, help) of each VCT006 finding, and every
    /// VCT code found.
    type Found = (String, Vec<String>, String, String);

    fn run(files: &[(&str, &str)]) -> (Vec<Found>, Vec<&'static str>) {
        let out = check_memory(
            files
                .iter()
                .map(|(p, t)| (p.to_string(), t.as_bytes().to_vec()))
                .collect(),
        );
        let found = out
            .diagnostics
            .iter()
            .filter(|d| d.code == "VCT006")
            .map(|d| {
                let p = d.primary.as_ref().unwrap();
                let related = d
                    .related
                    .iter()
                    .map(|l| out.corpus.source(l.file).slice(l.span).to_string())
                    .collect();
                (
                    out.corpus.source(p.file).slice(p.span).to_string(),
                    related,
                    d.message.clone(),
                    d.help.clone().unwrap(),
                )
            })
            .collect();
        let codes = out
            .diagnostics
            .iter()
            .map(|d| d.code)
            .filter(|c| c.starts_with("VCT"))
            .collect();
        (found, codes)
    }

    const LOG: &str = "release,effective_date,document,version,title\n\
                       40.0,2021-06-24,section-g,4.0,Security\n\
                       54.0,24/12/2021,section-g,4.1,Security\n\
                       57.0,2022-02-24,section-g,4.2,Security\n";

    fn g(version: &str, rows: &str) -> (String, String) {
        (
            format!("documents/section-g/{version}.md"),
            format!(
                "# Section G: Security\n\n| Version | Implementation Date | Reason for Change | Overview of Modifications |\n|---|---|---|---|\n{rows}\nG1.1 The DCC shall secure its Systems.\n"
            ),
        )
    }

    fn files(docs: &[(String, String)]) -> Vec<(&str, &str)> {
        let mut f = vec![("document-log.csv", LOG)];
        f.extend(docs.iter().map(|(p, t)| (p.as_str(), t.as_str())));
        f
    }

    const R40: &str = "| 4.0 | 2021-06-24 | Designation by the Secretary of State | First |\n";
    const R41: &str = "| 4.1 | 2021-12-24 | Implementation of MP180 approved via Change Board vote on 1 December 2021 | Second |\n";
    const R42: &str = "| 4.2 | 2022-02-24 | Implementation of MP186 approved via Change Board vote on 26 January 2022 | Third |\n";

    #[test]
    fn an_older_row_dated_otherwise_than_its_release_is_reported_at_its_date() {
        let docs = [
            g("4.1", &format!("{R40}{R41}")),
            g(
                "4.2",
                &format!("{R40}{}{R42}", R41.replace("2021-12-24", "2021-12-14")),
            ),
        ];
        let (found, codes) = run(&files(&docs));
        assert_eq!(codes, ["VCT006"], "one finding, not also VCT004");
        let (primary, related, message, help) = &found[0];
        assert_eq!(primary, "2021-12-14");
        // The log's date (written day first), then version 4.1's own newest row.
        assert_eq!(related, &["24/12/2021", "2021-12-24"]);
        assert_eq!(
            message,
            "the version-control table of Section G version 4.2 dates version 4.1 14 December 2021, but release 54.0 put version 4.1 in effect on 24 December 2021"
        );
        assert!(help.contains("24 December 2021"), "{help}");
        // A wrong date is wrong in every format (so the near-misses below are read too).
        for date in ["14th December 2021", "14/12/2021", "14.12.2021"] {
            let docs = [g(
                "4.2",
                &format!("{R40}{}{R42}", R41.replace("2021-12-24", date)),
            )];
            assert_eq!(run(&files(&docs)).0.len(), 1, "{date}");
        }
    }

    #[test]
    fn a_wrong_older_date_out_of_order_is_one_finding_not_two() {
        // Dated before the 4.0 row above it (VCT004) and off the log (VCT006): the log
        // says which date is right, so VCT006 alone, and the rows around it stay in order.
        let docs = [g(
            "4.2",
            &format!("{R40}{}{R42}", R41.replace("2021-12-24", "2021-06-01")),
        )];
        let (found, codes) = run(&files(&docs));
        assert_eq!(codes, ["VCT006"]);
        assert_eq!(found[0].0, "2021-06-01");
    }

    #[test]
    fn the_approval_date_copied_into_the_date_column_is_named() {
        let docs = [g(
            "4.2",
            &format!(
                "{R40}{}{R42}",
                R41.replace("2021-12-24", "1st December 2021")
            ),
        )];
        let (found, _) = run(&files(&docs));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, ["24/12/2021", "1 December 2021"]);
        assert!(found[0].3.contains("approved"), "{}", found[0].3);
    }

    #[test]
    fn near_misses_stay_silent() {
        // The same date in other formats.
        for date in [
            "24th December 2021",
            "24 December 2021",
            "24/12/2021",
            "24.12.2021",
        ] {
            let docs = [g(
                "4.2",
                &format!("{R40}{}{R42}", R41.replace("2021-12-24", date)),
            )];
            assert!(run(&files(&docs)).0.is_empty(), "{date}");
        }
        // A version older than the log (3.9), and 4.0, first in effect at the log's first
        // release, dated before it: either may have taken effect before the log begins.
        let docs = [g(
            "4.2",
            &format!(
                "| 3.9 | 2019-03-01 | Designation | Old |\n{}{R41}{R42}",
                R40.replace("2021-06-24", "2020-11-05")
            ),
        )];
        assert!(run(&files(&docs)).0.is_empty());
        // A row dated on the effect date its own reason gives.
        let docs = [g(
            "4.2",
            &format!(
                "{R40}| 4.1 | 2021-12-20 | Modifications to SEC version 4.0 as directed by the SEC Panel with effect 20th December 2021 | Second |\n{R42}"
            ),
        )];
        assert!(run(&files(&docs)).0.is_empty());
        // A table with a row that could not be read.
        let docs = [g(
            "4.2",
            &format!(
                "{R40}{}| v4.1a draft | 2021-12-01 | x | y |\n{R42}",
                R41.replace("2021-12-24", "2021-12-14")
            ),
        )];
        assert!(run(&files(&docs)).0.is_empty());
        // The newest row is VCT002's, not this rule's.
        let docs = [g(
            "4.2",
            &format!("{R40}{R41}{}", R42.replace("2022-02-24", "2022-02-25")),
        )];
        let (found, codes) = run(&files(&docs));
        assert!(found.is_empty());
        assert_eq!(codes, ["VCT002"]);
        // Without a log nothing is compared.
        let docs = [g(
            "4.2",
            &format!("{R40}{}{R42}", R41.replace("2021-12-24", "2021-12-14")),
        )];
        let f: Vec<(&str, &str)> = docs.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
        assert!(run(&f).0.is_empty());
    }

    #[test]
    fn at_the_first_release_of_the_log_only_a_later_date_is_wrong() {
        let docs = [g(
            "4.2",
            &format!("{}{R41}{R42}", R40.replace("2021-06-24", "2021-07-01")),
        )];
        let (found, _) = run(&files(&docs));
        assert_eq!(found.len(), 1);
        assert!(
            found[0].2.ends_with(
                "after release 40.0 (the first in the Document Log) already had it in effect on 24 June 2021"
            ),
            "{}",
            found[0].2
        );
    }
}
