//! A PDF row's lines, where the Reason and Overview columns come interleaved line by
//! line: a line joins the open reason only while it keeps to the small legal vocabulary
//! of reasons, and a reason closes (or half closes) on how its text ends. See
//! [`super::parse_version_table`] for the rules.
//!
//! Separate because this vocabulary and the closure states are the heuristic the PDF
//! shape depends on, and they are easier to check when read on their own.

use crate::clause;
use std::ops::Range;

use super::pdf::RowBuild;
use super::reasons::{REASON_START, build_reason};
use super::{VersionRow, ends_with_ci};
use crate::date::MONTHS;
use crate::title::push_words;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Closure {
    Open,
    Half,
    Closed,
}

pub(super) fn finish_row(text: &str, row: RowBuild) -> VersionRow {
    let mut reasons: Vec<(Vec<Range<usize>>, String, Closure)> = Vec::new();
    let mut overview = String::new();
    for piece in row.pieces {
        let line = &text[piece.clone()];
        if REASON_START.is_match(line) {
            let mut norm = String::with_capacity(120);
            push_words(&mut norm, line);
            let c = closure(&norm);
            reasons.push((vec![piece], norm, c));
            continue;
        }
        if let Some((pieces, norm, c)) = reasons.last_mut() {
            let joins = match *c {
                Closure::Open => true,
                Closure::Half => starts_with_connective(line),
                Closure::Closed => false,
            };
            if joins && is_reason_vocabulary(line) {
                pieces.push(piece);
                push_words(norm, line);
                *c = closure(norm);
                continue;
            }
        }
        push_words(&mut overview, line);
    }
    VersionRow {
        version: row.version,
        version_span: row.version_span.clone(),
        date: row.date,
        date_span: row.date_span,
        reasons: reasons
            .iter()
            .map(|(pieces, _, _)| build_reason(text, pieces))
            .collect(),
        overview,
        span: row.version_span.start..row.end,
    }
}

const VOCABULARY: &[&str] = &[
    "a",
    "accordance",
    "act",
    "an",
    "and",
    "appendix",
    "approved",
    "as",
    "authority",
    "board",
    "by",
    "change",
    "communication",
    "communications",
    "condition",
    "conditions",
    "dcc",
    "decision",
    "directed",
    "effect",
    "energy",
    "five",
    "following",
    "four",
    "from",
    "implementation",
    "in",
    "its",
    "licence",
    "meter",
    "modification",
    "modifications",
    "of",
    "on",
    "one",
    "panel",
    "proposal",
    "proposals",
    "pursuant",
    "sec",
    "secmp",
    "secretary",
    "section",
    "sections",
    "smart",
    "state",
    "the",
    "three",
    "to",
    "two",
    "version",
    "versions",
    "via",
    "vote",
    "with",
];

fn strip_punct(tok: &str) -> &str {
    tok.trim_matches(|c: char| ",.;:()“”\"‘’'".contains(c))
}

fn is_clause_ref(t: &str) -> bool {
    clause::line_number_len(t.as_bytes(), 1)
        .is_some_and(|(letters, len)| letters == 1 && len == t.len())
}

fn is_number(t: &str) -> bool {
    !t.is_empty() && t.bytes().all(|c| c.is_ascii_digit() || b".()".contains(&c))
}

pub(super) fn is_ordinal(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() >= 3
        && b[..b.len() - 2].iter().all(u8::is_ascii_digit)
        && matches!(
            &t[t.len() - 2..].to_ascii_lowercase()[..],
            "st" | "nd" | "rd" | "th"
        )
}

fn is_proposal_id(t: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
    t.strip_prefix("SECMP").is_some_and(digits) || t.strip_prefix("MP").is_some_and(digits)
}

/// Whether every word of `line` belongs to the legal vocabulary of reason cells.
fn is_reason_vocabulary(line: &str) -> bool {
    let mut prev = "";
    for raw in line.split_whitespace() {
        let t = strip_punct(raw);
        // One capital letter is a designator ("Section J"), not the article "a".
        let ok = t.is_empty()
            || (t.len() > 1 && VOCABULARY.iter().any(|w| w.eq_ignore_ascii_case(t)))
            || t == "a"
            || is_number(t)
            || is_ordinal(t)
            || is_clause_ref(t)
            || is_proposal_id(t)
            || MONTHS.iter().any(|m| m.eq_ignore_ascii_case(t))
            || (t.len() == 1
                && t.as_bytes()[0].is_ascii_uppercase()
                && strip_punct(prev) == "Appendix");
        if !ok {
            return false;
        }
        prev = raw;
    }
    true
}

fn starts_with_connective(line: &str) -> bool {
    let first = line.split_whitespace().next().unwrap_or("");
    // "as directed by the Authority …" and "approved via Change Board vote …" carry a
    // reason on after a proposal's id, as later eras write them.
    [
        "and",
        "with",
        "pursuant",
        "by",
        "of",
        "in",
        "the",
        "under",
        "version",
        "versions",
        "as",
        "approved",
        "following",
        "directed",
        "via",
    ]
    .contains(&first)
}

/// How far the reason whose normalised text is `norm` has got.
fn closure(norm: &str) -> Closure {
    let t = norm.trim_end();
    if t.ends_with('.') {
        return Closure::Closed;
    }
    if t.ends_with([',', ';', ':', '-']) {
        return Closure::Open;
    }
    let mut words = t.rsplit(' ');
    let last = words.next().unwrap_or("");
    let before = words.next().unwrap_or("");
    if ends_with_ci(t, "energy act 2008") || ends_with_ci(t, "licence") {
        return Closure::Closed;
    }
    if last.len() == 4 && is_number(last) && MONTHS.iter().any(|m| m.eq_ignore_ascii_case(before)) {
        return Closure::Closed;
    }
    if is_clause_ref(last)
        || is_proposal_id(last)
        || (is_number(last) && before == "SECMP")
        || (last.len() <= 2 && before == "Appendix")
    {
        return Closure::Half;
    }
    Closure::Open
}
