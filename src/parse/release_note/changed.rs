//! Documents the prose says were changed: sentences, change verbs, document references
//! and the attribution rules described on [`super::parse_release_note`].
//!
//! Separate because it is a heuristic with its own word lists and limits, and the one
//! part of the parser that trades recall for precision.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::ChangedMention;
use super::text::{contains_ci, ends_with_ci, quote_at, quoted_after};
use crate::names::{DocumentId, DocumentKind, kind_from_word};

static CHANGE_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:implement(?:s|ed|ing)?|amend(?:s|ed|ing|ment|ments)?|insert(?:s|ed|ing)?|remov(?:e|es|ed|ing)|delet(?:e|es|ed|ing)|replac(?:e|es|ed|ing)|renumber(?:s|ed|ing)?|(?:re-?)?designat(?:e|es|ed|ing|ion)|changes\s+(?:to|in)|made\s+to|modif(?:y|ies|ied|ying))(?-u:\b)",
    )
    .expect("verb regex")
});

static DOC_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(Sections?|Schedules?|Appendix|Appendices)[ \t\u{a0}]+").expect("doc regex")
});

const BLOCKERS: &[&str] = &[
    "required by",
    "pursuant to",
    "accordance with",
    "set out in",
    "defined in",
    "referred to in",
    "under",
    "in line with",
    "consistent with",
    "as per",
    "according to",
    "described in",
    "specified in",
    "see",
    "governed by",
    "permitted by",
    "directed by",
];

const CLAUSE_WORDS: &[&str] = &[
    "so", "which", "where", "because", "while", "whereas", "although", "if", "unless", "when",
    "but",
];

const AUXILIARIES: &[&str] = &["be", "been", "being", "is", "are", "was", "were"];

/// No verb is attributed to a reference further away than this (it bounds the work on
/// pathological paragraphs; the word limits are far tighter in practice).
const MAX_GAP_BYTES: usize = 600;

struct DocRef {
    document: DocumentId,
    span: Range<usize>,
    /// Where the reference's phrase starts (the family word), for the blocker check.
    phrase_start: usize,
}

pub(super) fn changed_in_paragraph(text: &str, para: Range<usize>, out: &mut Vec<ChangedMention>) {
    for sentence in sentences(text, para) {
        changed_in_sentence(text, sentence, out);
    }
}

/// Sentence ranges: a `.`, `?` or `!` followed by white space and a capital, digit or
/// quote ends a sentence ("H8.16" and "e.g. the" do not).
pub(super) fn sentences(text: &str, para: Range<usize>) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = para.start;
    let mut i = para.start;
    while i < para.end {
        if matches!(b[i], b'.' | b'?' | b'!') && i + 1 < para.end && b[i + 1].is_ascii_whitespace()
        {
            let mut j = i + 1;
            while j < para.end && b[j].is_ascii_whitespace() {
                j += 1;
            }
            let next = text[j..para.end].chars().next();
            if next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "‘“'\"(".contains(c))
            {
                out.push(start..i + 1);
                start = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if start < para.end {
        out.push(start..para.end);
    }
    out
}

fn changed_in_sentence(text: &str, s: Range<usize>, out: &mut Vec<ChangedMention>) {
    let sentence = &text[s.clone()];
    for skip in ["redlin", "can be found", "document log", "codeworks"] {
        if contains_ci(sentence, skip) {
            return;
        }
    }
    let quotes = quoted_regions(text, s.clone());
    let in_quotes = |p: usize| {
        let k = quotes.partition_point(|q| q.end <= p);
        quotes.get(k).is_some_and(|q| q.contains(&p))
    };
    let verbs: Vec<Range<usize>> = CHANGE_VERB
        .find_iter(sentence)
        .map(|m| s.start + m.start()..s.start + m.end())
        .filter(|v| !in_quotes(v.start))
        .collect();
    if verbs.is_empty() {
        return;
    }
    let refs: Vec<DocRef> = doc_refs(text, s.clone())
        .into_iter()
        .filter(|r| !in_quotes(r.span.start))
        .collect();
    // A comma is a list comma when a reference (and perhaps its quoted title) ends just
    // before it: "amend Section A ‘…’, Section I and Section M".
    let list_comma = |c: usize| {
        let k = refs.partition_point(|r| r.span.end <= c);
        k > 0 && words_outside(text, refs[k - 1].span.end..c, &quotes).is_empty()
    };
    for r in &refs {
        if blocked(text, s.start, r.phrase_start) {
            continue;
        }
        let before = verbs.partition_point(|v| v.end <= r.phrase_start);
        let active = verbs[..before]
            .iter()
            .rev()
            .take_while(|v| r.phrase_start - v.end <= MAX_GAP_BYTES)
            .find(|v| {
                let gap = words_outside(text, v.end..r.phrase_start, &quotes);
                gap.len() <= 12
                    && !gap.iter().any(|w| w.contains(';') || is_clause_word(w))
                    && commas_outside(text, v.end..r.phrase_start, &quotes).all(&list_comma)
            });
        let passive = || {
            let after = verbs.partition_point(|v| v.start < r.span.end);
            verbs[after..]
                .iter()
                .take_while(|v| v.start - r.span.end <= MAX_GAP_BYTES)
                .find(|v| {
                    let gap = words_outside(text, r.span.end..v.start, &quotes);
                    let n = gap.len();
                    n <= 15
                        && gap[n.saturating_sub(3)..]
                            .iter()
                            .any(|w| AUXILIARIES.iter().any(|a| a.eq_ignore_ascii_case(w)))
                        && !gap
                            .iter()
                            .any(|w| w.contains([',', ';']) || is_clause_word(w))
                })
        };
        let Some(verb) = active.or_else(passive) else {
            continue;
        };
        let title = quoted_after(text, r.span.end);
        out.push(ChangedMention {
            document: r.document.clone(),
            span: r.span.clone(),
            title: title.as_ref().map(|t| text[t.clone()].to_string()),
            title_span: title,
            verb_span: verb.clone(),
        });
    }
}

fn is_clause_word(w: &str) -> bool {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    CLAUSE_WORDS.iter().any(|c| c.eq_ignore_ascii_case(w))
}

/// Whether the words before the reference (an "SEC" or "the" aside) end in a phrase that
/// cites rather than changes.
fn blocked(text: &str, sentence_start: usize, phrase_start: usize) -> bool {
    let mut before = text[sentence_start..phrase_start].trim_end();
    for filler in ["SEC", "the", "The"] {
        if let Some(b) = before.strip_suffix(filler)
            && (b.is_empty() || b.ends_with(char::is_whitespace))
        {
            before = b.trim_end();
        }
    }
    BLOCKERS.iter().any(|p| {
        ends_with_ci(before, p) && {
            let head = &before[..before.len() - p.len()];
            head.chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
        }
    })
}

/// Quoted stretches in the sentence, quotes included.
fn quoted_regions(text: &str, s: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = s.start;
    while i < s.end {
        let c = text[i..].chars().next().unwrap_or(' ');
        let opens = match c {
            '‘' | '“' | '"' => true,
            // A straight single quote opens only after a space or bracket.
            '\'' => text[..i]
                .chars()
                .next_back()
                .is_none_or(|p| p.is_whitespace() || p == '('),
            _ => false,
        };
        if opens
            && let Some((_, close)) = quote_at(text, i)
            && close < s.end
        {
            let close_len = text[close..].chars().next().map_or(1, char::len_utf8);
            out.push(i..close + close_len);
            i = close + close_len;
            continue;
        }
        i += c.len_utf8();
    }
    out
}

/// Positions of the commas in `text[r]` outside the quoted regions.
fn commas_outside<'a>(
    text: &'a str,
    r: Range<usize>,
    quotes: &'a [Range<usize>],
) -> impl Iterator<Item = usize> + 'a {
    let start = r.start;
    text[r]
        .match_indices(',')
        .map(move |(i, _)| start + i)
        .filter(move |c| {
            let k = quotes.partition_point(|q| q.end <= *c);
            quotes.get(k).is_none_or(|q| !q.contains(c))
        })
}

/// The words of `text[r]` outside the quoted regions.
fn words_outside<'a>(text: &'a str, r: Range<usize>, quotes: &[Range<usize>]) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut pos = r.start;
    let mut pieces = Vec::new();
    let first = quotes.partition_point(|q| q.end <= r.start);
    for q in quotes[first..].iter().take_while(|q| q.start < r.end) {
        if q.start > pos {
            pieces.push(pos..q.start);
        }
        pos = pos.max(q.end);
    }
    if pos < r.end {
        pieces.push(pos..r.end);
    }
    for p in pieces {
        out.extend(text[p].split_whitespace());
    }
    out
}

/// Document references in `r`: "Section H8.16", "SEC Appendix AC", "Schedule 11",
/// "Sections A and J".
fn doc_refs(text: &str, r: Range<usize>) -> Vec<DocRef> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    for c in DOC_WORD.captures_iter(&text[r.clone()]) {
        let (Some(all), Some(word)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let phrase_start = r.start + all.start();
        if phrase_start > 0 && b[phrase_start - 1].is_ascii_alphanumeric() {
            continue;
        }
        let Some(kind) = kind_from_word(word.as_str()) else {
            continue;
        };
        let plural = word.as_str().ends_with('s');
        let mut pos = r.start + all.end();
        let mut first = true;
        while let Some((des, end)) = designator(text, pos, r.end, kind) {
            if let Some(document) = DocumentId::new(kind, &text[des.clone()]) {
                out.push(DocRef {
                    document,
                    span: if first {
                        phrase_start..end
                    } else {
                        des.start..end
                    },
                    phrase_start,
                });
            }
            first = false;
            if !plural {
                break;
            }
            // ", B", " and C", " & D"
            let rest = &text[end..r.end];
            let sep = [", and ", ", ", " and ", " & "]
                .into_iter()
                .find(|s| rest.starts_with(s));
            match sep {
                Some(s) => pos = end + s.len(),
                None => break,
            }
        }
    }
    out
}

/// The designator at `pos` for a document of `kind`, and the end of the whole reference
/// (with a clause number for Sections: "H8.16", "J1.2(b)", "N4A").
fn designator(
    text: &str,
    pos: usize,
    limit: usize,
    kind: DocumentKind,
) -> Option<(Range<usize>, usize)> {
    let b = &text.as_bytes()[..limit];
    let at = |i: usize| b.get(i).copied().unwrap_or(b' ');
    match kind {
        DocumentKind::Section => {
            if !at(pos).is_ascii_uppercase() {
                return None;
            }
            let mut e = pos + 1;
            if at(e).is_ascii_digit() {
                while at(e).is_ascii_digit()
                    || (at(e) == b'.' && at(e + 1).is_ascii_digit())
                    || (at(e).is_ascii_uppercase() && at(e - 1).is_ascii_digit())
                {
                    e += 1;
                }
                while at(e) == b'(' {
                    let close = (e + 1..b.len().min(e + 8)).find(|&k| b[k] == b')')?;
                    if !b[e + 1..close].iter().all(u8::is_ascii_alphanumeric) {
                        break;
                    }
                    e = close + 1;
                }
            } else if at(e).is_ascii_alphanumeric() {
                return None;
            }
            Some((pos..pos + 1, e))
        }
        DocumentKind::Appendix => {
            let mut e = pos;
            while e < pos + 2 && at(e).is_ascii_uppercase() {
                e += 1;
            }
            (e > pos && !at(e).is_ascii_alphanumeric()).then_some((pos..e, e))
        }
        DocumentKind::Schedule => {
            let mut e = pos;
            while e < pos + 3 && at(e).is_ascii_digit() {
                e += 1;
            }
            let ok = e > pos
                && !at(e).is_ascii_alphanumeric()
                && !(at(e) == b'.' && at(e + 1).is_ascii_digit());
            ok.then_some((pos..e, e))
        }
    }
}
