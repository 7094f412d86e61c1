//! VCT002 table-date-differs: the newest row of a document's version-control table is not
//! dated on the effective date of the release that first puts that version in effect
//! (older rows: VCT006, which shares the comparison).

use super::{newest_date_mismatch, release_dates_of};
use crate::diagnostic::Diagnostic;
use crate::model::Corpus;
use crate::rules::{Check, Needs, Rule};

pub const RULE: Rule = Rule {
    code: "VCT002",
    needs: Needs::Log,
    check: Check::Corpus(check),
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let Some(log) = &corpus.log else { return };
    let dates = release_dates_of(corpus);
    for doc in &corpus.documents {
        let Some(m) = newest_date_mismatch(corpus, &dates, doc) else {
            continue;
        };
        let version = &m.row.version;
        let message = if m.first_in_log {
            format!(
                "{} version {version} is dated {} in its version-control table, after release {} (the first in the Document Log) already had it in effect on {}",
                doc.document,
                m.date.long(),
                m.release,
                m.release_date.long()
            )
        } else {
            format!(
                "{} version {version} is dated {} in its version-control table, but release {} put it in effect on {}",
                doc.document,
                m.date.long(),
                m.release,
                m.release_date.long()
            )
        };
        out.push(m.finding(RULE.code, log.file, doc.file, message));
    }
}

#[cfg(test)]
mod tests {
    use crate::check::check_memory;

    fn run(log: &str, table_rows: &str) -> Vec<(String, String, Vec<String>)> {
        let doc = format!(
            "# Appendix AT – SMETS1 Cryptographic Key Management Policy\n\n| Version | Implementation Date | Reason for Change | Overview of Modifications |\n|---|---|---|---|\n{table_rows}\n1.1 This Policy applies to the keys held on SMETS1 Devices.\n"
        );
        let h = "# Section H: DCC Services\n\n| Version | Implementation Date | Reason for Change | Overview of Modifications |\n|---|---|---|---|\n| 1.0 | 2021-06-24 | Designation by the Secretary of State | First |\n\nH1.1 The DCC shall provide the Services.\n";
        let out = check_memory(vec![
            ("document-log.csv".into(), log.as_bytes().to_vec()),
            ("documents/appendix-at/1.0.md".into(), doc.into_bytes()),
            ("documents/section-h/1.0.md".into(), h.as_bytes().to_vec()),
        ]);
        out.diagnostics
            .iter()
            .filter(|d| d.code == "VCT002")
            .map(|d| {
                let p = d.primary.as_ref().unwrap();
                let f = out.corpus.source(p.file);
                let related = d
                    .related
                    .iter()
                    .map(|l| out.corpus.source(l.file).slice(l.span).to_string())
                    .collect();
                (
                    f.slice(p.span).to_string(),
                    d.help.clone().unwrap(),
                    related,
                )
            })
            .collect()
    }

    const TWO: &str = "release,effective_date,document,version,title\n\
                       40.0,2021-06-24,section-h,1.0,DCC Services\n\
                       54.0,2021-12-17,section-h,1.0,DCC Services\n\
                       54.0,2021-12-17,appendix-at,1.0,SMETS1 Cryptographic Key Management Policy\n";

    #[test]
    fn the_approval_date_in_the_date_column_is_reported_with_both_dates() {
        let got = run(
            TWO,
            "| 1.0 | 10 December 2021 | Implementation of MP175 approved by the Authority on 10 December 2021 | First |\n",
        );
        assert_eq!(got.len(), 1);
        let (primary, help, related) = &got[0];
        assert_eq!(primary, "10 December 2021");
        assert_eq!(related, &["2021-12-17", "10 December 2021"]);
        assert!(help.contains("approved"), "{help}");
    }

    #[test]
    fn a_plain_wrong_date_is_reported_and_the_right_one_is_not() {
        let got = run(TWO, "| 1.0 | 2021-12-16 | Designation | First |\n");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "2021-12-16");
        assert!(got[0].1.contains("17 December 2021"));
        assert!(run(TWO, "| 1.0 | 17th December 2021 | Designation | First |\n").is_empty());
        // An impossible date is DATE001's, not this rule's.
        assert!(run(TWO, "| 1.0 | 31st November 2021 | Designation | First |\n").is_empty());
        // A row dated on the effect date its own reason gives explains itself.
        assert!(
            run(
                TWO,
                "| 1.0 | 2021-12-15 | Modifications as directed by the SEC Panel with effect 15th December 2021 | First |\n"
            )
            .is_empty()
        );
    }

    #[test]
    fn at_the_first_release_of_the_log_only_a_later_date_is_wrong() {
        let one = "release,effective_date,document,version,title\n\
                   54.0,2021-12-17,section-h,1.0,DCC Services\n\
                   54.0,2021-12-17,appendix-at,1.0,SMETS1 Cryptographic Key Management Policy\n";
        // Older than the log: it may have come into effect at a release the log does not hold.
        assert!(run(one, "| 1.0 | 2021-06-24 | Designation | First |\n").is_empty());
        let got = run(one, "| 1.0 | 2022-01-05 | Designation | First |\n");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "2022-01-05");
    }

    #[test]
    fn a_wrong_newest_date_is_one_finding_not_three() {
        let doc = "# Appendix AT – SMETS1 Cryptographic Key Management Policy\n\n| Version | Implementation Date | Reason for Change | Overview of Modifications |\n|---|---|---|---|\n| 0.9 | 2021-12-01 | Consultation draft | Draft |\n| 1.0 | 2021-11-15 | Modifications to SEC version 0.9 as directed by the SEC Panel with effect 17th December 2021 | First |\n\n1.1 This Policy applies to the keys held on SMETS1 Devices.\n";
        let h = "# Section H: DCC Services\n\n| Version | Implementation Date | Reason for Change | Overview of Modifications |\n|---|---|---|---|\n| 1.0 | 2021-06-24 | Designation by the Secretary of State | First |\n\nH1.1 The DCC shall provide the Services.\n";
        let out = check_memory(vec![
            ("document-log.csv".into(), TWO.as_bytes().to_vec()),
            (
                "documents/appendix-at/1.0.md".into(),
                doc.as_bytes().to_vec(),
            ),
            ("documents/section-h/1.0.md".into(), h.as_bytes().to_vec()),
        ]);
        // Dated before the row above (VCT004) and before its own effect (VCT005), but the
        // log says what the date should be: VCT002 alone.
        let codes: Vec<&str> = out
            .diagnostics
            .iter()
            .map(|d| d.code)
            .filter(|c| c.starts_with("VCT"))
            .collect();
        assert_eq!(codes, ["VCT002"]);
    }
}
