//! REL005 proposal-count-differs: a release note says how many Modification Proposals the
//! release included, and summarises another number.

use super::{note_name, number_word};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::and_list;
use crate::model::Corpus;
use crate::model::SummaryClaim;
use crate::rules::{Check, Needs, Rule};
use crate::source::Span;

pub const RULE: Rule = Rule {
    code: "REL005",
    needs: Needs::Nothing,
    check: Check::Corpus(check),
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    for nf in &corpus.release_notes {
        if corpus.unreadable(nf.file) {
            continue;
        }
        let note = &nf.note;
        let Some(stated) = &note.stated_count else {
            continue;
        };
        // A table of proposals with a row that names none: not counted (IO007 says so).
        if !note.summary_unread.is_empty() {
            continue;
        }
        // One per proposal, in text order: a proposal summarised twice counts once.
        let mut seen = std::collections::HashSet::new();
        let summarised: Vec<_> = note
            .summarised
            .iter()
            .filter_map(|&i| note.proposals.get(i))
            .filter(|p| seen.insert(p.id.as_str()))
            .collect();
        // A note that summarises no proposal paragraph by paragraph cannot be counted.
        // A proposal the summary says the release did not implement ("‘Title’Deferred",
        // "has been deferred") may be left out of the count: the count agrees with either.
        let mut seen_included = std::collections::HashSet::new();
        let included = note
            .summarised
            .iter()
            .zip(&note.summary_claims)
            .filter(|(_, c)| **c != SummaryClaim::NotImplemented)
            .filter_map(|(&i, _)| note.proposals.get(i))
            .filter(|p| seen_included.insert(p.id.as_str()))
            .count();
        if summarised.is_empty()
            || summarised.len() == stated.value as usize
            || included == stated.value as usize
        {
            continue;
        }
        let n = summarised.len();
        // The ids, up to a screenful, then how many more.
        let mut ids: Vec<String> = summarised.iter().take(20).map(|p| p.id.clone()).collect();
        if n > ids.len() {
            ids.push(format!("{} more", n - ids.len()));
        }
        let mut d = Diagnostic::new(
            RULE.code,
            format!(
                "{} says {} Modification Proposal{} but summarises {}: {}",
                note_name(nf),
                corpus
                    .source(nf.file)
                    .text
                    .get(stated.span.clone())
                    .unwrap_or_default(),
                if stated.value == 1 { "" } else { "s" },
                number_word(n),
                and_list(&ids)
            ),
        )
        .at(
            nf.file,
            Span::from(stated.span.clone()),
            format!("{} stated here", stated.value),
        );
        // Each summarised proposal is pointed at, up to a screenful.
        const SHOWN: usize = 20;
        for (k, p) in summarised.iter().take(SHOWN).enumerate() {
            d = d.related(
                nf.file,
                Span::from(p.span.clone()),
                format!("{} of {n}", k + 1),
            );
        }
        // The fix writes the count summarised, in the note's own style (digits or words).
        let written = corpus
            .source(nf.file)
            .text
            .get(stated.span.clone())
            .unwrap_or_default()
            .to_string();
        let count = if written.bytes().any(|b| b.is_ascii_digit()) {
            n.to_string()
        } else if written.starts_with(|c: char| c.is_uppercase()) {
            let w = number_word(n);
            let mut cs = w.chars();
            cs.next()
                .map_or(w.clone(), |f| f.to_uppercase().chain(cs).collect())
        } else {
            number_word(n)
        };
        out.push(
            d.help(format!(
                "write the number of Modification Proposals the release implemented ({} if the summary is complete), or summarise the missing ones",
                number_word(n)
            ))
            .fix_if(
                crate::rules::edit::replacement(corpus, nf.file, &count)
                    .map(|c| (nf.file, Span::from(stated.span.clone()), c)),
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::release::run;

    fn note(count: &str, summary: &str) -> String {
        format!(
            "# SEC v63.0 published\n\n3 November 2022\n\n\
             SEC version 63.0 came into effect on 3 November 2022. It included {count} Modification Proposals.\n\n\
             ## Summary of changes\n\n{summary}\n\n\
             ## Implementation of the SECMP0009 legal text\n\nSECMP0009 ‘Old’ is also in.\n\n\
             ## What parts of the SEC were affected?\n\n- Section H ‘DCC Services’\n"
        )
    }

    const SUMMARY: &str = "MP201 ‘Retry Limits’ caps retries.\n\n\
        MP204A ‘Thresholds (Alternative)’ is the alternative solution to MP204.\n\n\
        - MP208 ‘Returns Window’ lengthens the window.\n\n\
        MP201 is also worth a second paragraph.";

    #[test]
    fn the_count_is_of_proposals_opening_summary_paragraphs() {
        // MP204 (inside MP204A's summary), MP201's second paragraph and SECMP0009 (under its
        // own heading) do not count: three.
        assert!(run("REL005", &[("releases/63.0.md", &note("three", SUMMARY))]).is_empty());
        let got = run("REL005", &[("releases/63.0.md", &note("five", SUMMARY))]);
        assert_eq!(got.len(), 1);
        assert_eq!((got[0].0.as_str(), got[0].1), ("releases/63.0.md", 5));
        assert_eq!(
            got[0].2,
            "the 63.0 release note says five Modification Proposals but summarises three: MP201, MP204A and MP208"
        );
        let related: Vec<usize> = got[0].3.iter().map(|r| r.1).collect();
        assert_eq!(related, [9, 11, 13]);
        // Digits are read too.
        assert_eq!(
            run("REL005", &[("releases/63.0.md", &note("2", SUMMARY))]).len(),
            1
        );
    }

    #[test]
    fn a_proposal_listed_as_not_implemented_may_be_left_out_of_the_count() {
        let listed = "MP201 ‘Retry Limits’Implemented\nMP208 ‘Returns Window’Implemented\nMP209 ‘Alert Retention’Deferred";
        for count in ["two", "three"] {
            let got = run("REL005", &[("releases/63.0.md", &note(count, listed))]);
            assert!(got.is_empty(), "{count}: {got:?}");
        }
        assert_eq!(
            run("REL005", &[("releases/63.0.md", &note("four", listed))]).len(),
            1
        );
    }

    #[test]
    fn a_note_with_no_summarised_proposal_is_not_counted() {
        let got = run(
            "REL005",
            &[(
                "releases/63.0.md",
                &note("two", "The changes tidy the SEC."),
            )],
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_long_summary_is_named_and_pointed_at_up_to_twenty() {
        let summary: String = (1..=25)
            .map(|i| format!("MP{} ‘Change {i}’ amends Section H.\n\n", 300 + i))
            .collect();
        let got = run("REL005", &[("releases/63.0.md", &note("two", &summary))]);
        assert_eq!(got.len(), 1);
        assert!(
            got[0].2.ends_with("summarises twenty-five: MP301, MP302, MP303, MP304, MP305, MP306, MP307, MP308, MP309, MP310, MP311, MP312, MP313, MP314, MP315, MP316, MP317, MP318, MP319, MP320 and 5 more"),
            "{}",
            got[0].2
        );
        assert_eq!(got[0].3.len(), 20, "related labels");
    }
}
