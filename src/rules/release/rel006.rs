//! REL006 proposal-title-differs: one Modification Proposal called by two titles.
//!
//! Titles are gathered from every release note, from the version-control table of every
//! document, from loose version-control tables and from other loose texts (newsletters).
//! A title counts only when it follows the identifier in quotes on the same line, so a
//! title that a PDF line wrap cuts is never read. The release note is the reference: for
//! each proposal, the first titled mention in the release notes (in release order) is
//! taken as its title, and every other mention that titles it differently is reported
//! where it stands. A proposal no note titles is checked against its first titled
//! mention. A Draft Proposal (DP189) is not compared with the Modification Proposal it
//! becomes (MP189): proposals are often renamed between the two.
//!
//! A mention that REL011 reports (the title of another proposal, given to this one's
//! number) is left to it: it is neither compared nor taken as the reference.

use super::rel011::number_slips;
use super::titled::{Mention, describe, pdf, reference, titled_mentions};
use crate::diagnostic::Diagnostic;
use crate::model::Corpus;
use crate::rules::{Check, Needs, Rule};
use crate::source::Span;
use crate::title;
use std::collections::{BTreeMap, HashSet};

pub const RULE: Rule = Rule {
    code: "REL006",
    needs: Needs::Nothing,
    check: Check::Corpus(check),
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    // Every titled mention, as the parsers kept them: notes', tables' and other texts'.
    let mentions = titled_mentions(corpus);
    let slips: HashSet<usize> = number_slips(corpus, &mentions)
        .into_iter()
        .map(|s| s.mention)
        .collect();
    let mut by_id: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (k, m) in mentions.iter().enumerate() {
        if !slips.contains(&k) {
            by_id.entry(m.id).or_default().push(k);
        }
    }
    for (id, ks) in by_id {
        // The reference: the first titled mention in the notes, by release, else the first.
        let r = &mentions[reference(corpus, &mentions, &ks)];
        let r_folded = title::fold(r.title);
        for &k in &ks {
            let m: &Mention = &mentions[k];
            if std::ptr::eq(m, r) {
                continue;
            }
            let folded = title::fold(m.title);
            if folded == r_folded || (pdf(m.source) || pdf(r.source)) && prefix(&folded, &r_folded)
            {
                continue;
            }
            let there = if m.file == r.file {
                "the same file, earlier,".to_string()
            } else {
                describe(corpus, r.source, false)
            };
            out.push(
                Diagnostic::new(
                    RULE.code,
                    format!(
                        "{} calls {id} ‘{}’, but {there} calls it ‘{}’",
                        describe(corpus, m.source, true),
                        m.title,
                        r.title
                    ),
                )
                .at(m.file, Span::from(m.title_span.clone()), format!("{id} titled here"))
                .related(
                    r.file,
                    Span::from(r.title_span.clone()),
                    format!("{id}'s title in {}", describe(corpus, r.source, false)),
                )
                .help(format!(
                    "a Modification Proposal keeps one title everywhere: write ‘{}’ here, or correct {} if this title is the right one",
                    r.title,
                    describe(corpus, r.source, false)
                )),
            );
        }
    }
}

/// Whether one folded title is the other's first words: what a PDF cell cut short leaves.
fn prefix(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    long.starts_with(short) && long.as_bytes().get(short.len()) == Some(&b' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_are_whole_words() {
        assert!(prefix("ch handover", "ch handover support materials"));
        assert!(prefix("ch handover support materials", "ch handover"));
        assert!(!prefix("ch hand", "ch handover support"));
        assert!(!prefix("explicit charging", "explicit charges for tests"));
    }
}

#[cfg(test)]
mod rule_tests {
    use crate::rules::release::run;

    fn note(v: &str, mps: &str) -> String {
        format!(
            "# SEC v{v} published\n\nSEC version {v} came into effect today.\n\n\
             ## Summary of changes\n\n{mps}\n\n\
             ## What parts of the SEC were affected?\n\n- Section J ‘Charges’\n"
        )
    }

    fn doc(rows: &str) -> String {
        format!(
            "# Section J: Charges\n\n\
             | Version | Implementation Date | Reason for Change | Overview of Modifications |\n\
             |---|---|---|---|\n{rows}\n\nJ1.1 The DCC shall levy the Charges.\n"
        )
    }

    #[test]
    fn tables_are_checked_against_the_note() {
        let n = note(
            "57.0",
            "MP190 ‘Explicit Charges for Test Environment Access’ does it.",
        );
        let d = doc(
            "| 3.1 | 2021-06-24 | Implementation of MP168 | MP168 ‘Hub Charges’ |\n\
             | 3.2 | 2022-02-24 | Implementation of MP190 | MP190 ‘Explicit Charging for Test Environments’ |",
        );
        let got = run(
            "REL006",
            &[("releases/57.0.md", &n), ("documents/section-j/3.2.md", &d)],
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            (got[0].0.as_str(), got[0].1),
            ("documents/section-j/3.2.md", 6)
        );
        assert_eq!(
            got[0].2,
            "the version-control table of Section J version 3.2 calls MP190 ‘Explicit Charging for Test Environments’, but the 57.0 release note calls it ‘Explicit Charges for Test Environment Access’"
        );
        assert_eq!(got[0].3, [("releases/57.0.md".to_string(), 7)]);
        // Case, quotes, commas, dashes and white space are folded.
        let d = doc(
            "| 3.2 | 2022-02-24 | Implementation of MP190 | MP190 “explicit  charges for test-environment access” |",
        );
        assert!(
            run(
                "REL006",
                &[("releases/57.0.md", &n), ("documents/section-j/3.2.md", &d)]
            )
            .is_empty()
        );
    }

    #[test]
    fn the_earliest_note_is_the_reference() {
        let early = note("54.0", "MP190 ‘Explicit Charges’ was approved.");
        let late = note("57.0", "MP190 ‘Explicit Charging’ goes live.");
        // File order would put 57.0 first if it sorted first; the release decides.
        let got = run(
            "REL006",
            &[("releases/57.0.md", &late), ("releases/54.0.md", &early)],
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "releases/57.0.md");
        assert!(got[0].2.starts_with(
            "the 57.0 release note calls MP190 ‘Explicit Charging’, but the 54.0 release note"
        ));
        // The same note titling it twice: the second is reported.
        let twice = note(
            "57.0",
            "MP190 ‘Explicit Charges’ goes live.\n\nMP190 ‘Explicit Charging’ again.",
        );
        let got = run("REL006", &[("releases/57.0.md", &twice)]);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1, 9);
        assert!(
            got[0].2.contains("but the same file, earlier, calls it"),
            "{}",
            got[0].2
        );
    }

    #[test]
    fn drafts_and_loose_texts() {
        // A Draft Proposal may be renamed when it becomes a Modification Proposal.
        let n = note("57.0", "MP190 ‘Explicit Charges’ goes live.");
        let news = "SEC Newsletter\n\nDP190 ‘Charging for tests’ was raised.\n\n\
                    MP190 ‘Explicit Charging’ is out for consultation.\n";
        let got = run("REL006", &[("a-note.txt", &n), ("b-news.txt", news)]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!((got[0].0.as_str(), got[0].1), ("b-news.txt", 5));
        assert!(
            got[0].2.starts_with("this text calls MP190"),
            "{}",
            got[0].2
        );
    }

    #[test]
    fn pdf_tables_wrap_titles() {
        let n = note(
            "5.9",
            "SECMP0033 ‘CH Handover Support Materials’ goes live.",
        );
        // A title whose quote closes on a later line is never read; one cut to its first
        // words by the cell is accepted; a different one is not.
        let table = "VERSION CONTROL\n\n\
            Version Implementation Date Reason for Change Overview of Modifications\n\n\
            5.7 11th May 2017 Implementation of a Amendments due to implementation\n\n\
            Modification Proposal of SECMP0033 “CH Handover\n\n\
            approved via Change Support Materials”.\n\n\
            5.8 13th July 2017 Implementation of a Amendments for SECMP0033 “CH Handover”\n\n\
            Modification Proposal\n\n\
            5.9 21st July 2017 Implementation of a Amendments for SECMP0033 “CH Takeover”\n\n\
            Modification Proposal\n";
        let got = run("REL006", &[("a-note.txt", &n), ("b-table.txt", table)]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, 15);
        assert!(
            got[0]
                .2
                .starts_with("this version-control table calls SECMP0033 ‘CH Takeover’"),
            "{}",
            got[0].2
        );
    }
}
