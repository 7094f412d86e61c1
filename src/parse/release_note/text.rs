//! Small text helpers shared by the readers of a note: case-insensitive matching and
//! a quoted title on one line (with apostrophes told apart from closing quotes).
//!
//! Separate because proposals, the affected list and the changed-documents heuristic
//! all use them, and none of them owns them.

use std::ops::Range;

/// Quoted titles longer than this are not looked for.
const MAX_QUOTE_BYTES: usize = 400;

pub(super) use crate::parse::{contains_ci, ends_with_ci};

/// A quoted title starting after spaces at `pos`, on the same line: the span of what is
/// inside the quotes.
pub(super) fn quoted_after(text: &str, pos: usize) -> Option<Range<usize>> {
    let rest = &text[pos..];
    let ws = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    let open = pos + ws;
    let (inner_start, close) = quote_at(text, open)?;
    let inner = text[inner_start..close].trim();
    if inner.is_empty() {
        return None;
    }
    let lead = text[inner_start..close].len() - text[inner_start..close].trim_start().len();
    Some(inner_start + lead..inner_start + lead + inner.len())
}

/// If a quote opens at `open`, the start of its content and the position of its closing
/// quote on the same line. A `’` or `'` followed by a letter is an apostrophe, not a close
/// — unless no other close follows on the line and the letter is a capital: a status
/// glued to the title in a pasted list ("MP080 ‘Title’Implemented").
pub(super) fn quote_at(text: &str, open: usize) -> Option<(usize, usize)> {
    let c = text[open..].chars().next()?;
    let closer = match c {
        '‘' => '’',
        '“' => '”',
        '\'' => '\'',
        '"' => '"',
        _ => return None,
    };
    let start = open + c.len_utf8();
    let mut limit = (start + MAX_QUOTE_BYTES).min(text.len());
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let line_end = text[start..limit].find('\n').map_or(limit, |i| start + i);
    let mut from = start;
    let mut glued = None;
    while let Some(i) = text[from..line_end].find(closer) {
        let at = from + i;
        let after = text[at + closer.len_utf8()..].chars().next();
        let apostrophe = matches!(closer, '’' | '\'') && after.is_some_and(char::is_alphabetic);
        if !apostrophe {
            return Some((start, at));
        }
        if glued.is_none() && after.is_some_and(char::is_uppercase) {
            glued = Some(at);
        }
        from = at + closer.len_utf8();
    }
    glued.map(|at| (start, at))
}

/// The non-empty cells of a table row pasted as text (cells split by `|`, outer pipes
/// optional, or by tabs), trimmed, in order; empty for a line without either separator.
pub(super) fn cells(text: &str, line: Range<usize>) -> Vec<Range<usize>> {
    let s = &text[line.clone()];
    if !s.contains(['\t', '|']) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut at = line.start;
    for cell in s.split(['\t', '|']) {
        let lead = cell.len() - cell.trim_start().len();
        let trimmed = cell.trim();
        if !trimmed.is_empty() {
            out.push(at + lead..at + lead + trimmed.len());
        }
        at += cell.len() + 1;
    }
    out
}
