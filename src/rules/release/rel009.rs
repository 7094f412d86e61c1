//! REL009 proposals-not-named: a release note says how many Modification Proposals the
//! release included ("This included five Modification Proposals:") but names none.
//!
//! A warning: the list may have been left off when the note was published, or written in
//! a shape seccheck does not read; either way the count cannot be checked (REL005 checks
//! it when proposals are summarised).

use super::note_name;
use crate::diagnostic::Diagnostic;
use crate::model::Corpus;
use crate::rules::{Check, Needs, Rule};
use crate::source::Span;

pub const RULE: Rule = Rule {
    code: "REL009",
    needs: Needs::Nothing,
    check: Check::Corpus(check),
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    for nf in &corpus.release_notes {
        let note = &nf.note;
        let Some(stated) = &note.stated_count else {
            continue;
        };
        if stated.value == 0 || !note.proposals.is_empty() || corpus.unreadable(nf.file) {
            continue;
        }
        let text = corpus.source(nf.file);
        // The number as the note writes it ("five", "5"); "the following ten
        // modifications" is worded as proposals too, so the sentence reads as English.
        let number = text.text.get(stated.span.clone()).unwrap_or_default();
        let message = if stated.value == 1 {
            format!(
                "{} says the release included {number} Modification Proposal, but does not name it",
                note_name(nf)
            )
        } else {
            format!(
                "{} says the release included {number} Modification Proposals, but names none of them",
                note_name(nf)
            )
        };
        out.push(
            Diagnostic::new(RULE.code, message)
            .at(nf.file, Span::from(stated.phrase_span.clone()), "no proposal is named in the note")
            .help("list the Modification Proposals the release implemented (one per line, `MP123 ‘Title’`), or remove the count"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::release::run;

    fn note(body: &str) -> String {
        format!(
            "SEC v40.0 published for the June 2021 SEC Release\n\n24 June 2021\n\n{body}\n\n\
             What parts of the SEC were affected?\n\n  • Section H ‘DCC Services’\n"
        )
    }

    #[test]
    fn a_count_with_nothing_named_is_warned_about() {
        let got = run(
            "REL009",
            &[(
                "releases/40.0.txt",
                &note(
                    "SEC version 40.0 came into effect on 24 June 2021. This included five Modification Proposals:",
                ),
            )],
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            got[0].2,
            "the 40.0 release note says the release included five Modification Proposals, but names none of them"
        );
        // "the following ten modifications:" with nothing after it, and a count of one.
        let got = run(
            "REL009",
            &[(
                "releases/40.0.txt",
                &note("SEC version 40.0 implemented the following ten modifications:"),
            )],
        );
        assert_eq!(
            got[0].2,
            "the 40.0 release note says the release included ten Modification Proposals, but names none of them"
        );
        let got = run(
            "REL009",
            &[(
                "releases/40.0.txt",
                &note("This included one Modification Proposal."),
            )],
        );
        assert_eq!(
            got[0].2,
            "the 40.0 release note says the release included one Modification Proposal, but does not name it"
        );
        assert_eq!(got[0].1, 5);
        // Named anywhere (summarised or not): REL005's business, not this rule's.
        let named = note(
            "This included two Modification Proposals.\n\nMP116 ‘Faster Enrolment’ and MP120.",
        );
        assert!(run("REL009", &[("releases/40.0.txt", &named)]).is_empty());
        // No count, or a count of none.
        assert!(
            run(
                "REL009",
                &[(
                    "releases/40.0.txt",
                    &note("SEC version 40.0 came into effect.")
                )]
            )
            .is_empty()
        );
    }
}
