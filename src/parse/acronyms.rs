//! Acronyms introduced in running text: "Installation Validity Period (IVP)". The scanner
//! finds each parenthesised acronym and the words just before it whose initials spell it;
//! an acronym whose expansion cannot be matched is not returned (it is not judged).
//!
//! Matching, walking back from the parenthesis:
//! - each matched word gives the acronym its first letter, and the first matched word
//!   begins with a capital or a digit ("the validity period (VP)" is not judged); a hyphenated word gives a letter per part ("Pre-Payment" for PP) or one for
//!   the whole; a word in capitals gives all its letters ("DCC Key Infrastructure" for
//!   DCCKI);
//! - the small words of, and, the, for, to, in, on, a, an, by may stand between matched
//!   words without a letter of their own, never first; written with a capital ("In Home
//!   Display (IHD)") one gives its letter when the acronym needs it;
//! - Markdown emphasis and quotes around a word are not part of it
//!   ("**Smart Metering Key Infrastructure** (SMKI)").
//!
//! Section A may define the acronym: its term is the acronym and its body opens with the
//! words that spell it ("**IVP** means the Installation Validity Period"), or its term is
//! the expansion with the acronym ("**Installation Validity Period (IVP)** means …"). Such
//! an expansion is [`Expansion::defining`]. DEF005 and DEF006 compare expansions.

use crate::parse::definitions::{Definition, DefinitionKind};
use std::ops::Range;

/// An acronym and the expansion written for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expansion {
    /// The acronym as written inside the parentheses: `IVP`.
    pub acronym: String,
    /// The acronym in the text; for a Section A definition whose term is the acronym, the
    /// term.
    pub acronym_span: Range<usize>,
    /// The expansion's words, as written: `Installation Validity Period`.
    pub expansion_span: Range<usize>,
    /// The expansion's words, single-spaced.
    pub written: String,
    /// Whether this is Section A's definition of the acronym.
    pub defining: bool,
}

/// Small words that may stand between the matched words without a letter of their own.
const SMALL: &[&str] = &["of", "and", "the", "for", "to", "in", "on", "a", "an", "by"];

/// Longest acronym judged, in letters.
const MAX_LETTERS: usize = 8;

/// Every acronym in `text` written as `Words (ABC)` whose expansion matches its letters,
/// outside `skip` (the version-control table).
pub fn scan(text: &str, skip: Option<Range<usize>>) -> Vec<Expansion> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(off) = text[i..].find('(') {
        let open = i + off;
        i = open + 1;
        if skip.as_ref().is_some_and(|s| s.contains(&open)) {
            continue;
        }
        // The acronym closes within its own few letters: no search to the end of the text
        // for every parenthesis.
        let window = &bytes[open + 1..bytes.len().min(open + 2 + MAX_LETTERS)];
        let Some(len) = window.iter().position(|&b| b == b')') else {
            continue;
        };
        let inner = &text[open + 1..open + 1 + len];
        let is_acronym = (2..=MAX_LETTERS).contains(&inner.len())
            && inner.bytes().all(|b| b.is_ascii_uppercase())
            && open > 0
            && (matches!(bytes[open - 1], b' ' | b'*' | b'_' | b'\'' | b'"')
                || text[..open].ends_with(['’', '”', '\u{a0}']));
        if !is_acronym {
            continue;
        }
        if let Some(words) = expansion_before(&text[..open], inner) {
            out.push(expansion(
                text,
                inner,
                open + 1..open + 1 + len,
                words,
                false,
            ));
        }
    }
    out
}

/// Section A's definitions of acronyms among `definitions`: a term that is the acronym,
/// with the words that spell it at the opening of a "means" body (several when the body
/// gives several meanings: "… or, in Appendix X, the …"), and a term that writes the
/// expansion with the acronym in brackets.
pub fn defined(text: &str, definitions: &[Definition]) -> Vec<Expansion> {
    let mut out = Vec::new();
    for d in definitions {
        let term = &d.term;
        if is_acronym_term(term) {
            if d.kind != DefinitionKind::Means {
                continue;
            }
            let Some(body) = text.get(d.body.clone()) else {
                continue;
            };
            for words in spelled_within(body, term) {
                let words = d.body.start + words.start..d.body.start + words.end;
                out.push(expansion(text, term, d.term_span.clone(), words, true));
            }
        } else if let Some(term_text) = text.get(d.term_span.clone()) {
            for mut e in scan(term_text, None) {
                let shift =
                    |r: &Range<usize>| d.term_span.start + r.start..d.term_span.start + r.end;
                e.acronym_span = shift(&e.acronym_span);
                e.expansion_span = shift(&e.expansion_span);
                e.defining = true;
                out.push(e);
            }
        }
    }
    out
}

fn is_acronym_term(term: &str) -> bool {
    (2..=MAX_LETTERS).contains(&term.len()) && term.bytes().all(|b| b.is_ascii_uppercase())
}

fn expansion(
    text: &str,
    acronym: &str,
    acronym_span: Range<usize>,
    words: Range<usize>,
    defining: bool,
) -> Expansion {
    Expansion {
        acronym: acronym.to_string(),
        acronym_span,
        written: crate::title::squeeze(&text[words.clone()]),
        expansion_span: words,
        defining,
    }
}

/// The runs of words in `body` that spell `acronym`, not overlapping, in text order: the
/// first must open the body (after "the", "a" or "an"); a later one must follow " or ".
fn spelled_within(body: &str, acronym: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    // Each word's end before the punctuation after it: "the Installation Validity Period."
    let mut ends: Vec<usize> = Vec::new();
    let mut word_start = None;
    for (i, c) in body.char_indices().chain([(body.len(), ' ')]) {
        if !c.is_whitespace() {
            word_start.get_or_insert(i);
        } else if let Some(s) = word_start.take() {
            let bare = body[s..i].trim_end_matches(['.', ',', ';', ':']);
            if !bare.is_empty() {
                ends.push(s + bare.len());
            }
        }
    }
    for end in ends {
        let Some(words) = expansion_before(&body[..end], acronym) else {
            continue;
        };
        if out.last().is_some_and(|last| words.start < last.end) {
            continue;
        }
        let lead = body[..words.start].trim_end();
        let opens = {
            let lead = lead.trim_start().to_ascii_lowercase();
            matches!(lead.as_str(), "" | "the" | "a" | "an")
        };
        let alternative = out.last().is_some_and(|last| {
            body[last.end..words.start]
                .split(|c: char| !c.is_alphabetic())
                .any(|w| w == "or")
        });
        if (out.is_empty() && opens) || alternative {
            out.push(words);
        } else if out.is_empty() {
            // Words that spell the acronym later in a body that does not open with them
            // describe something else ("IVP means the period within which an Installation
            // Validity Period …"): not a definition of the acronym.
            break;
        }
    }
    out
}

/// Emphasis and quote characters around a word.
fn is_wrapping(c: char) -> bool {
    matches!(c, '*' | '_' | '\'' | '"' | '‘' | '’' | '“' | '”')
}

/// The expansion of `acronym` ending `before` (the text up to the parenthesis): walking
/// back over the words, each matched word gives the acronym's letters from the last.
/// `None` when the letters cannot be matched exactly.
fn expansion_before(before: &str, acronym: &str) -> Option<Range<usize>> {
    let letters = acronym.as_bytes();
    let mut need = letters.len();
    let mut end = before.trim_end().len();
    let mut range: Option<Range<usize>> = None;
    while need > 0 {
        let head = &before[..end];
        let token_start = head.rfind(char::is_whitespace).map_or(0, |p| {
            p + head[p..].chars().next().map_or(1, char::len_utf8)
        });
        let token = &head[token_start..];
        let word_start = token_start + (token.len() - token.trim_start_matches(is_wrapping).len());
        let word = token.trim_matches(is_wrapping);
        let word_end = word_start + word.len();
        if word.is_empty() || !word.chars().all(|c| c.is_alphanumeric() || c == '-') {
            return None;
        }
        // The next word back starts before this token.
        let back = head[..token_start].trim_end().len();
        let lower = word.to_ascii_lowercase();
        let small = SMALL.contains(&lower.as_str());
        if small && !word.starts_with(|c: char| c.is_ascii_uppercase()) {
            // A small word is never first (the last word before the bracket).
            range.as_ref()?;
            end = back;
            continue;
        }
        let parts: Vec<&str> = word.split('-').filter(|p| !p.is_empty()).collect();
        let capitals = word.len() >= 2 && word.bytes().all(|b| b.is_ascii_uppercase());
        let mut candidates: Vec<Vec<u8>> = vec![
            parts.iter().map(|p| p.as_bytes()[0]).collect(),
            vec![word.as_bytes()[0]],
        ];
        if capitals {
            candidates.push(word.as_bytes().to_vec());
        }
        let matched = candidates.iter().find(|initials| {
            initials.len() <= need
                && initials
                    .iter()
                    .zip(&letters[need - initials.len()..need])
                    .all(|(a, b)| a.eq_ignore_ascii_case(b))
        });
        let Some(initials) = matched else {
            // A capitalised small word gives its letter when it fits ("In Home Display"
            // for IHD), and is stepped over when it does not ("Secretary Of State" for SS).
            if small && range.is_some() {
                end = back;
                continue;
            }
            return None;
        };
        need -= initials.len();
        range = Some(word_start..range.map_or(word_end, |r| r.end));
        end = back;
    }
    // The first word is capitalised: "the validity period (VP)" is not judged, while
    // "Installation validity period (IVP)" is (and differs from the capitalised one only
    // in case).
    let range = range?;
    before[range.clone()]
        .starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit())
        .then_some(range)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expansions(text: &str) -> Vec<(&str, &str)> {
        scan(text, None)
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
        // A capitalised small word gives its letter when it fits, else is stepped over.
        assert_eq!(
            expansions("an In Home Display (IHD) and"),
            vec![("IHD", "In Home Display")]
        );
        assert_eq!(
            expansions("the Secretary Of State (SS) may"),
            vec![("SS", "Secretary Of State")]
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
        let e = &scan(text, None)[0];
        assert_eq!(e.acronym, "IVP");
        assert_eq!(e.expansion_span, 2..30);
        assert_eq!(e.acronym_span, 32..35);
    }

    #[test]
    fn emphasis_quotes_and_capital_words() {
        assert_eq!(
            expansions("the **Smart Metering Key Infrastructure** (SMKI) applies"),
            vec![("SMKI", "Smart Metering Key Infrastructure")]
        );
        assert_eq!(
            expansions("a ‘Data Exchange’ (DE) and"),
            vec![("DE", "Data Exchange")]
        );
        // A word in capitals gives all its letters, or only its first.
        assert_eq!(
            expansions("the DCC Key Infrastructure (DCCKI) and"),
            vec![("DCCKI", "DCC Key Infrastructure")]
        );
        assert_eq!(
            expansions("the SMKI Policy Management Authority (PMA)"),
            vec![("PMA", "Policy Management Authority")]
        );
        // A word run into the parenthesis is not an expansion ("Meter(s)"), nor is an
        // acronym that does not close within its letters.
        assert!(expansions("the Smart Meter(SM) and").is_empty());
        assert!(expansions("the Smart Meter (SMXXXXXXXXXX) and").is_empty());
    }

    #[test]
    fn the_table_is_skipped() {
        let text = "| 1.0 | Data Exchange (DE) |\n\nData Exchange (DE)";
        let found = scan(text, Some(0..28));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].acronym_span.start, text.rfind("DE)").unwrap());
        assert_eq!(found[0].written, "Data Exchange");
    }

    fn defined_in(text: &str) -> Vec<(String, String)> {
        let defs = crate::parse::definitions::parse_definitions(text, None);
        defined(text, &defs)
            .into_iter()
            .inspect(|e| assert!(e.defining))
            .map(|e| (text[e.acronym_span].to_string(), e.written))
            .collect()
    }

    #[test]
    fn section_a_defines_an_acronym_by_term_or_by_body() {
        assert_eq!(
            defined_in("**IVP** means the Installation Validity Period.\n"),
            vec![("IVP".into(), "Installation Validity Period".into())]
        );
        assert_eq!(
            defined_in(
                "**Installation Validity Period (IVP)** means the period for which a Device may be installed.\n"
            ),
            vec![("IVP".into(), "Installation Validity Period".into())]
        );
        // Two meanings, when the body gives the second as an alternative.
        assert_eq!(
            defined_in(
                "**IVP** means the Installation Validity Period or, in Appendix X, the Initial Verification Procedure.\n"
            ),
            vec![
                ("IVP".into(), "Installation Validity Period".into()),
                ("IVP".into(), "Initial Verification Procedure".into())
            ]
        );
    }

    #[test]
    fn definitions_that_do_not_spell_the_acronym_define_nothing() {
        // The body does not open with the words; a "has the meaning" definition points
        // elsewhere; the term is not an acronym.
        assert!(
            defined_in(
                "**IVP** means the period within which an Installation Validity Period runs.\n"
            )
            .is_empty()
        );
        assert!(
            defined_in("**IVP** has the meaning given to that expression in Section H4.2.\n")
                .is_empty()
        );
        assert!(defined_in("**Validity** means the Installation Validity Period.\n").is_empty());
    }
}
