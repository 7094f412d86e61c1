//! Sentences that say a part of the SEC is unchanged: "The rules in Section H4 are
//! unchanged by this release", "No changes were made to Appendix AB". The citations in
//! such a sentence are claimed unchanged; REL012 compares the claim with the release.
//!
//! Precision first: a sentence is not read as a claim when it limits or qualifies it
//! ("except", "other than", "apart from", "only", "but", "save", "unless"), when it looks
//! back or ahead ("since", "previous", "will", "proposed"), or when it asks ("?").

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::changed::sentences;
use super::text::contains_ci;

static UNCHANGED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:unchanged|unaltered|unamended|not\s+(?:been\s+)?(?:changed|amended|modified|altered)|no\s+(?:changes?|amendments?|modifications?)\s+(?:(?:were|was|have\s+been|has\s+been|are|is|is\s+being|are\s+being)\s+)?(?:made\s+)?(?:to|in))(?-u:\b)",
    )
    .expect("unchanged regex")
});

/// Words that make a sentence something other than a plain claim of no change.
const QUALIFIERS: &[&str] = &[
    "except",
    "other than",
    "apart from",
    "save ",
    "only",
    " but ",
    "unless",
    "besides",
    "since",
    "previous",
    "earlier",
    "prior",
    "will ",
    "proposed",
    "propose",
    "future",
    "?",
];

/// A sentence that claims the parts it cites are unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnchangedClaim {
    pub sentence: Range<usize>,
    /// "unchanged", "no changes were made to", …
    pub phrase: Range<usize>,
}

/// The claims in `text` from `start` on, paragraph by paragraph (a paragraph ends at a
/// blank line or a bullet).
pub(super) fn unchanged_claims(text: &str, start: usize) -> Vec<UnchangedClaim> {
    let mut out = Vec::new();
    let mut para: Option<Range<usize>> = None;
    let mut at = start;
    let flush = |para: &mut Option<Range<usize>>, out: &mut Vec<UnchangedClaim>| {
        if let Some(p) = para.take() {
            for s in sentences(text, p) {
                claim_in(text, s, out);
            }
        }
    };
    for line in text[start..].split_inclusive('\n') {
        let range = at..at + line.trim_end().len();
        at += line.len();
        let trimmed = line.trim_start();
        if trimmed.trim().is_empty() {
            flush(&mut para, &mut out);
            continue;
        }
        let bullet = trimmed.starts_with(['-', '*', '•', '·', '\u{f0b7}']);
        if bullet {
            flush(&mut para, &mut out);
        }
        para = Some(para.map_or(range.clone(), |p| p.start..range.end));
    }
    flush(&mut para, &mut out);
    out
}

fn claim_in(text: &str, s: Range<usize>, out: &mut Vec<UnchangedClaim>) {
    let sentence = &text[s.clone()];
    let Some(m) = UNCHANGED.find(sentence) else {
        return;
    };
    if QUALIFIERS.iter().any(|q| contains_ci(sentence, q)) {
        return;
    }
    // Two claims in one sentence ("A is unchanged and B is not changed") are one claim.
    out.push(UnchangedClaim {
        sentence: s.clone(),
        phrase: s.start + m.start()..s.start + m.end(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(text: &str) -> Vec<(&str, &str)> {
        unchanged_claims(text, 0)
            .into_iter()
            .map(|c| (&text[c.sentence], &text[c.phrase]))
            .collect()
    }

    #[test]
    fn plain_claims_are_read() {
        let text = "The rules in Section H4 are unchanged by this release. Section J was amended.\n\nNo changes were made to Appendix AB.\n- Schedule 11 has not been modified\n";
        assert_eq!(
            claims(text),
            [
                (
                    "The rules in Section H4 are unchanged by this release.",
                    "unchanged"
                ),
                (
                    "No changes were made to Appendix AB.",
                    "No changes were made to"
                ),
                ("- Schedule 11 has not been modified", "not been modified"),
            ]
        );
    }

    #[test]
    fn qualified_or_other_sentences_are_not_claims() {
        for text in [
            "Section H is unchanged except for H4.2.",
            "Section H is unchanged other than the new H4.2.",
            "Appendix AB is unchanged apart from a typo.",
            "Only Section H4 is unchanged.",
            "Section H4 was unchanged since release 54.0.",
            "Section H4 will not be changed.",
            "Is Section H4 unchanged?",
            "Section H4 was changed by this release.",
            "The unchanging rules of Section H4 apply.",
            "The proposed changes to Section H4 are unchanged.",
        ] {
            assert_eq!(claims(text), [], "{text}");
        }
    }
}
