//! Acronyms introduced in running text: "Installation Validity Period (IVP)". The scanner
//! finds each parenthesised acronym and the words just before it whose initials spell it;
//! an acronym whose expansion cannot be matched is not returned (it is not judged).
//! Groundwork for DEF005 (issue 15, item 9; see `docs/issue15-ref008-def005.md`).

use std::ops::Range;

/// An acronym and the expansion written just before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expansion {
    /// The acronym as written inside the parentheses: `IVP`.
    pub acronym: String,
    pub acronym_span: Range<usize>,
    /// The expansion's words, as written: `Installation Validity Period`.
    pub expansion_span: Range<usize>,
}

/// Small words that may stand between the matched words without a letter of their own.
const SMALL: &[&str] = &["of", "and", "the", "for", "to", "in", "on", "a", "an", "by"];

/// Every acronym in `text` written as `Words (ABC)` whose expansion matches its letters.
pub fn scan(text: &str) -> Vec<Expansion> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(off) = text[i..].find('(') {
        let open = i + off;
        i = open + 1;
        let Some(len) = text[open + 1..].find(')') else {
            break;
        };
        let inner = &text[open + 1..open + 1 + len];
        let is_acronym = (2..=8).contains(&inner.len())
            && inner.bytes().all(|b| b.is_ascii_uppercase())
            && (open == 0 || bytes[open - 1] == b' ');
        if !is_acronym {
            continue;
        }
        if let Some(start) = expansion_start(&text[..open], inner) {
            out.push(Expansion {
                acronym: inner.to_string(),
                acronym_span: open + 1..open + 1 + len,
                expansion_span: start..text[..open].trim_end().len(),
            });
        }
    }
    out
}

/// Where the expansion of `acronym` begins in `before` (the text up to the parenthesis):
/// walking back over the words, each capitalised word's parts (split at hyphens) must give
/// the acronym's letters from the last; small words are stepped over only between matched
/// words, and every matched word begins with a capital or a digit. `None` when the letters cannot be matched exactly.
fn expansion_start(before: &str, acronym: &str) -> Option<usize> {
    let letters: Vec<u8> = acronym.bytes().collect();
    let mut need = letters.len();
    let mut end = before.trim_end().len();
    let mut start = None;
    while need > 0 {
        let head = &before[..end];
        let word_start = head.rfind(|c: char| c.is_whitespace()).map_or(0, |p| p + 1);
        let word = &head[word_start..];
        if word.is_empty() || !word.chars().all(|c| c.is_alphanumeric() || c == '-') {
            return None;
        }
        let lower = word.to_ascii_lowercase();
        if SMALL.contains(&lower.as_str()) && start.is_some() {
            end = head[..word_start].trim_end().len();
            continue;
        }
        // A matched word is capitalised: "the validity period (VP)" is not judged.
        if !word.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit()) {
            return None;
        }
        let parts: Vec<&str> = word.split('-').filter(|p| !p.is_empty()).collect();
        let whole = [word.as_bytes()[0]];
        // A hyphenated word gives one letter per part, or one for the whole word.
        let mut matched = false;
        for initials in [
            parts.iter().map(|p| p.as_bytes()[0]).collect::<Vec<u8>>(),
            whole.to_vec(),
        ] {
            if initials.len() <= need
                && initials
                    .iter()
                    .zip(&letters[need - initials.len()..need])
                    .all(|(a, b)| a.eq_ignore_ascii_case(b))
            {
                need -= initials.len();
                matched = true;
                break;
            }
        }
        if !matched {
            return None;
        }
        start = Some(word_start);
        end = head[..word_start].trim_end().len();
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expansions(text: &str) -> Vec<(&str, &str)> {
        scan(text)
            .into_iter()
            .map(|e| (&text[e.acronym_span], &text[e.expansion_span]))
            .collect()
    }

    #[test]
    fn finds_the_words_whose_initials_spell_the_acronym() {
        assert_eq!(
            expansions("within the Installation Validity Period (IVP) of a Device"),
            vec![("IVP", "Installation Validity Period")]
        );
    }

    #[test]
    fn small_words_between_matched_words_have_no_letter() {
        assert_eq!(
            expansions("the Secretary of State (SS) may"),
            vec![("SS", "Secretary of State")]
        );
        // A small word is never the first word of an expansion.
        assert_eq!(
            expansions("as set out in the Data Communications Company (DCC)"),
            vec![("DCC", "Data Communications Company")]
        );
    }

    #[test]
    fn a_hyphenated_word_gives_a_letter_per_part_or_one_for_the_whole() {
        assert_eq!(
            expansions("a Pre-Payment Meter (PPM)"),
            vec![("PPM", "Pre-Payment Meter")]
        );
        assert_eq!(
            expansions("a Pre-Payment Meter (PM)"),
            vec![("PM", "Pre-Payment Meter")]
        );
    }

    #[test]
    fn expansions_that_do_not_match_are_not_returned() {
        // Letters out of order, too few words, not an acronym, a clause label.
        assert!(expansions("the Validity Installation Period (IVP)").is_empty());
        assert!(expansions("the Period (IVP)").is_empty());
        assert!(expansions("the Period (Ivp)").is_empty());
        assert!(expansions("paragraph H4.9(b) and (c)").is_empty());
        assert!(expansions("Smart Metering (SM").is_empty());
        // Matched words are capitalised: a small word is never a letter.
        assert!(expansions("the validity period (VP)").is_empty());
        assert!(expansions("the Installation of (IO)").is_empty());
    }

    #[test]
    fn spans_are_byte_exact() {
        let text = "x Installation Validity Period (IVP)";
        let e = &scan(text)[0];
        assert_eq!(e.acronym, "IVP");
        assert_eq!(e.expansion_span, 2..30);
        assert_eq!(e.acronym_span, 32..35);
    }
}
