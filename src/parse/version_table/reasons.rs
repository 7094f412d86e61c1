//! Reasons for change, in either shape: the patterns where a reason starts
//! ("Modification(s) to SEC version …", "Implementation of …", "Designation by …"), and
//! `build_reason`, which reads a reason's pieces (the versions it modifies, its dates)
//! and maps what it finds in the normalised text back to spans in the original.
//!
//! Separate because both the Markdown and the PDF shape end in the same `Reason`.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::Reason;
use crate::names::Version;
use crate::parse::dates::find_dates;

pub(super) static REASON_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:Modifications?\s+(?:to\s+(?:the\s+)?SEC\b|as\b)|Implementation\s+of\s+(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|(?:SEC)?MP\s?\d+[A-Z]?|Modification\s+Proposals?)\b|Designation\s+by\b|As\s+directed\s+by\b)",
    )
    .expect("reason regex")
});

/// A reason starting inside a Markdown cell, after the end of a sentence.
pub(super) static REASON_START_INNER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"[.;]\s+(?:Modifications?\s+to\s+(?:the\s+)?SEC\b|Modifications?\s+as\b|Implementation\s+of\s+(?:a|an|one|two|three|four|five|six|\d+)\b|Designation\s+by\b)",
    )
    .expect("inner reason regex")
});

static MODIFIES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)Modifications?\s+to\s+(?:the\s+)?SEC\s+(?:versions?\s+|v)\d+(?:\.\d+)*",
    )
    .expect("modifies regex")
});

/// A further version right after the first: ", 1.1", " and 1.1", " & v1.1", " and SEC
/// version 1.1". The match ends with the number.
static MODIFIES_MORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:SEC\s+)?(?:versions?\s+|v)?\d{1,3}(?:\.\d{1,3}){1,2}(?-u:\b)")
        .expect("modifies more regex")
});

/// Builds a reason from its pieces, mapping spans found in the normalised text back to
/// the original.
pub(super) fn build_reason(text: &str, pieces: &[Range<usize>]) -> Reason {
    // (offset in normalised text, offset in `text`) for the start of every word.
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut norm = String::new();
    for p in pieces {
        let piece = &text[p.clone()];
        let mut word_start = None;
        for (i, c) in piece
            .char_indices()
            .chain(std::iter::once((piece.len(), ' ')))
        {
            match (c.is_whitespace(), word_start) {
                (false, None) => word_start = Some(i),
                (true, Some(ws)) => {
                    if !norm.is_empty() {
                        norm.push(' ');
                    }
                    words.push((norm.len(), p.start + ws));
                    norm.push_str(&piece[ws..i]);
                    word_start = None;
                }
                _ => {}
            }
        }
    }
    let map = |pos: usize| -> usize {
        let k = words.partition_point(|&(n, _)| n <= pos).saturating_sub(1);
        words.get(k).map_or(0, |&(n, o)| o + (pos - n))
    };
    let map_span = |r: Range<usize>| -> Range<usize> {
        let start = map(r.start);
        let end = if r.end > r.start {
            map(r.end - 1) + 1
        } else {
            start
        };
        // `end - 1` may fall inside a multi-byte character: extend to its end.
        let mut end = end;
        while end < text.len() && !text.is_char_boundary(end) {
            end += 1;
        }
        start..end
    };
    let maybe = memchr::memmem::find(norm.as_bytes(), b"odification").is_some()
        || memchr::memmem::find(norm.as_bytes(), b"ODIFICATION").is_some();
    // The version number is a match's tail of digits and dots.
    let tail = |end: usize, s: &str| {
        let v = s.len()
            - s.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.')
                .len();
        end - v..end
    };
    let mut modifies_also = Vec::new();
    let modifies = maybe.then(|| MODIFIES.find(&norm)).flatten().and_then(|m| {
        let r = tail(m.end(), m.as_str());
        let first = (Version::parse(&norm[r.clone()])?, map_span(r));
        // "SEC version 1.0 and 1.1", "SEC versions 0.9, 1.0 and 1.1".
        let mut at = m.end();
        while let Some(more) = MODIFIES_MORE.find(&norm[at..]) {
            let r = tail(at + more.end(), more.as_str());
            at += more.end();
            // "and 24.06.2021" is a date, not versions.
            let b = norm.as_bytes();
            if b.get(at) == Some(&b'.') && b.get(at + 1).is_some_and(u8::is_ascii_digit) {
                break;
            }
            match Version::parse(&norm[r.clone()]) {
                Some(v) => modifies_also.push((v, map_span(r))),
                None => break,
            }
        }
        Some(first)
    });
    let mut effect_dates = Vec::new();
    let mut approval_date = None;
    let mut other_dates = Vec::new();
    for m in find_dates(&norm) {
        let Some(date) = m.date else { continue };
        let before = norm[..m.span.start].to_ascii_lowercase();
        let before = before.trim_end();
        let span = map_span(m.span.clone());
        if before.ends_with("with effect") || before.ends_with("with effect from") {
            effect_dates.push((date, span));
        } else if approval_date.is_none()
            && before.contains("approved")
            && (before.ends_with(" on") || before.ends_with(" on the"))
        {
            approval_date = Some((date, span));
        } else {
            other_dates.push((date, span));
        }
    }
    let span = match (pieces.first(), pieces.last()) {
        (Some(a), Some(b)) => a.start..b.end,
        _ => 0..0,
    };
    Reason {
        text: norm,
        span,
        pieces: pieces.to_vec(),
        modifies,
        modifies_also,
        effect_dates,
        approval_date,
        other_dates,
    }
}
