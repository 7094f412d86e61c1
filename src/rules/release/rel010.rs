//! REL010 proposal-implemented-twice: the same Modification Proposal is summarised as
//! implemented in the notes of two different releases.
//!
//! A note's implemented proposals are those that open a paragraph or bullet of its summary
//! (`ReleaseNote::summarised`, the same reading as REL005) and whose opening sentence the
//! parser reads as a plain implementation (`SummaryClaim::Implemented`): a sentence that
//! says the release implements a further phase, part or the remaining changes of the
//! proposal, or corrects or fixes it, or that it will be implemented later or was
//! deferred, withdrawn or rejected, does not count. Proposals are the same when their
//! series (MP or SECMP), number and alternative letter are: `MP102A` is not `MP102`, and
//! `MP0096` is `MP96`. The earliest release is taken as the implementation; every later
//! note that summarises the proposal as implemented is reported where it names it, with the
//! first note's mention as the related place. Two notes of one release are not compared.

use super::{note_name, release_of};
use crate::diagnostic::Diagnostic;
use crate::model::Corpus;
use crate::names::Version;
use crate::parse::release_note::{ProposalMention, SummaryClaim};
use crate::rules::{Check, Needs, Rule};
use crate::source::Span;
use crate::title;
use std::collections::{BTreeMap, HashSet};

pub const RULE: Rule = Rule {
    code: "REL010",
    needs: Needs::Nothing,
    check: Check::Corpus(check),
};

/// A proposal whatever its id's spelling: (an SECMP number, the number, the letter).
type Key = (bool, u32, Option<char>);

fn key(p: &ProposalMention) -> Key {
    (p.id.starts_with("SECMP"), p.number, p.suffix)
}

/// A note that summarises a proposal as implemented: its release, its index in
/// `corpus.release_notes`, and the mention that opens the summary.
struct Implemented<'a> {
    release: &'a Version,
    note: usize,
    mention: &'a ProposalMention,
}

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let mut by_key: BTreeMap<Key, Vec<Implemented>> = BTreeMap::new();
    for (n, nf) in corpus.release_notes.iter().enumerate() {
        if corpus.unreadable(nf.file) {
            continue;
        }
        let Some(release) = release_of(nf) else {
            continue;
        };
        let note = &nf.note;
        // A proposal summarised twice in one note counts once, at its first summary.
        let mut seen = HashSet::new();
        for (&k, &claim) in note.summarised.iter().zip(&note.summary_claims) {
            let Some(p) = note.proposals.get(k) else {
                continue;
            };
            if claim != SummaryClaim::Implemented || !seen.insert(key(p)) {
                continue;
            }
            by_key.entry(key(p)).or_default().push(Implemented {
                release,
                note: n,
                mention: p,
            });
        }
    }
    for (_, mut notes) in by_key {
        if notes.len() < 2 {
            continue;
        }
        notes.sort_by(|a, b| a.release.cmp(b.release).then(a.note.cmp(&b.note)));
        let first = &notes[0];
        let first_nf = &corpus.release_notes[first.note];
        for later in &notes[1..] {
            if later.release == first.release {
                continue; // two notes of one release
            }
            let nf = &corpus.release_notes[later.note];
            let (id, first_id) = (&later.mention.id, &first.mention.id);
            let already = if id == first_id {
                "already did".to_string()
            } else {
                format!("already summarised it, as {first_id}")
            };
            let message = format!(
                "{} summarises {id} as implemented, but {} {already}",
                note_name(nf),
                note_name(first_nf),
            );
            let help = match (&later.mention.title, &first.mention.title) {
                (Some(here), Some(there)) if !title::same(here, there) => format!(
                    "the titles differ (\u{2018}{here}\u{2019} here, \u{2018}{there}\u{2019} at {}): if this is another proposal, write its number",
                    first.release
                ),
                _ => format!(
                    "a proposal is implemented at one release: remove {id} from one of the two summaries, or, if release {} implements a further phase or a correction of it, say so in this sentence",
                    later.release
                ),
            };
            out.push(
                Diagnostic::new(RULE.code, message)
                    .at(
                        nf.file,
                        Span::from(later.mention.span.clone()),
                        format!("{id} summarised as implemented at {}", later.release),
                    )
                    .related(
                        first_nf.file,
                        Span::from(first.mention.span.clone()),
                        format!("{first_id} summarised as implemented at {}", first.release),
                    )
                    .help(help),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::release::run;

    fn note(version: &str, date: &str, summary: &str) -> String {
        format!(
            "# SEC v{version} published\n\n{date}\n\n\
             SEC version {version} came into effect on {date}.\n\n\
             ## Summary of changes\n\n{summary}\n\n\
             ## What parts of the SEC were affected?\n\n- Section H ‘DCC Services’\n"
        )
    }

    fn two(first: &str, second: &str) -> Vec<crate::rules::release::Found> {
        let a = note("61.0", "30 June 2022", first);
        let b = note("63.0", "3 November 2022", second);
        run(
            "REL010",
            &[("releases/61.0.md", &a), ("releases/63.0.md", &b)],
        )
    }

    const FIRST: &str = "MP201 ‘Retry Limits’ caps the number of Service Request retries.";

    #[test]
    fn a_proposal_summarised_in_two_releases_is_reported_at_the_later() {
        let got = two(
            FIRST,
            "MP201 ‘Retry Limits’ caps retries for each DCC User.",
        );
        assert_eq!(got.len(), 1);
        let (path, line, message, related) = &got[0];
        assert_eq!((path.as_str(), *line), ("releases/63.0.md", 9));
        assert_eq!(
            message,
            "the 63.0 release note summarises MP201 as implemented, but the 61.0 release note already did"
        );
        assert_eq!(related, &[("releases/61.0.md".to_string(), 9)]);
        // Written with leading zeros, it is the same proposal.
        let got = two(
            FIRST,
            "MP0201 ‘Retry Limits’ caps retries for each DCC User.",
        );
        assert_eq!(got.len(), 1);
        assert_eq!(
            got[0].2,
            "the 63.0 release note summarises MP0201 as implemented, but the 61.0 release note already summarised it, as MP201"
        );
    }

    #[test]
    fn differing_titles_suggest_a_number_slip_in_the_help() {
        let a = note("61.0", "30 June 2022", FIRST);
        let b = note(
            "63.0",
            "3 November 2022",
            "MP201 ‘Faster Enrolment’ shortens the enrolment window.",
        );
        let out = crate::rules::testing::check_strs(&[
            ("releases/61.0.md", &a),
            ("releases/63.0.md", &b),
        ]);
        let d = out.diagnostics.iter().find(|d| d.code == "REL010").unwrap();
        assert!(
            d.help
                .as_ref()
                .unwrap()
                .starts_with("the titles differ (‘Faster Enrolment’ here, ‘Retry Limits’ at 61.0)"),
            "{:?}",
            d.help
        );
    }

    #[test]
    fn near_misses_stay_silent() {
        let quiet = |second: &str| {
            let got = two(FIRST, second);
            assert!(got.is_empty(), "{second}: {got:?}");
        };
        // The alternative solution is another proposal.
        quiet("MP201A ‘Retry Limits (Alternative)’ caps retries differently.");
        // A further phase, a part, the remaining changes, a correction, a fix.
        quiet("MP201 ‘Retry Limits’ implements the second phase of the retry caps.");
        quiet("MP201 ‘Retry Limits’ Part 2 extends the caps to SMETS1 Devices.");
        quiet("MP201 ‘Retry Limits’ delivers the remaining changes for Communications Hubs.");
        quiet(
            "MP201 ‘Retry Limits’ corrects a cross-reference in the legal text implemented in June.",
        );
        quiet("MP201 ‘Retry Limits’: a fix to the retry counter wording implemented at 61.0.");
        quiet("MP201 ‘Retry Limits’ was previously implemented; this release tidies the wording.");
        // Named inside another proposal's summary, not opening a paragraph.
        quiet("MP208 ‘Returns Window’ builds on MP201 and lengthens the window.");
        // Not implemented by this release.
        quiet("MP201 ‘Retry Limits’ will be implemented in the February 2023 release.");
        quiet("MP201 ‘Retry Limits’ has been deferred.");
        // A Draft Proposal of the same number.
        quiet("DP201 ‘Retry Limits’ was raised to extend the caps.");
        // A later sentence of the paragraph is not the one read.
        let got = two(
            FIRST,
            "MP201 ‘Retry Limits’ caps retries for each DCC User. A correction follows later.",
        );
        assert_eq!(got.len(), 1);
    }

    #[test]
    fn the_first_note_summarising_it_as_a_phase_is_not_an_implementation() {
        let got = two(
            "MP201 ‘Retry Limits’ implements the first phase of the caps.",
            "MP201 ‘Retry Limits’ caps retries for each DCC User.",
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn two_notes_of_one_release_are_not_compared_and_a_third_is() {
        let a = note("61.0", "30 June 2022", FIRST);
        let c = note("64.0", "24 February 2023", FIRST);
        let got = run(
            "REL010",
            &[
                ("releases/61.0.md", &a),
                ("releases/61.0.txt", &a),
                ("releases/64.0.md", &c),
            ],
        );
        let places: Vec<(&str, usize)> = got.iter().map(|f| (f.0.as_str(), f.1)).collect();
        assert_eq!(places, [("releases/64.0.md", 9)]);
    }
}
