//! The layout of a release note as lines: blank lines, headings (`#` in Markdown, short
//! unpunctuated lines in plain text), bullets (`•`, `-`, `*`), the breadcrumb above the
//! title, and what kind of section a heading opens.
//!
//! Separate because every reader of the note (proposals, the affected list, the changed
//! documents) works on these lines rather than on the raw text.

use std::ops::Range;

use crate::parse::dates::find_dates;

/// "June 2021 SEC Release »": a navigation trail left above the title by the web page;
/// or the tail of the previous item's title copied from a list view ("and re-designating
/// Appendix AC", "…Designated"): a line that starts in lower case or with an ellipsis,
/// as no title does.
pub(super) fn is_breadcrumb(line: &str) -> bool {
    line.ends_with(['»', '›'])
        || line.ends_with(" >")
        || line.starts_with(['…', '.'])
        || line.starts_with(|c: char| c.is_lowercase())
}

pub(super) struct Line {
    pub(super) start: usize,
    /// End of the content, before `\r\n`.
    pub(super) end: usize,
    /// The content without surrounding white space.
    pub(super) tstart: usize,
    tend: usize,
}

impl Line {
    pub(super) fn is_blank(&self) -> bool {
        self.tstart == self.tend
    }
    pub(super) fn trimmed(&self) -> Range<usize> {
        self.tstart..self.tend
    }
}

pub(super) fn split_lines(text: &str) -> Vec<Line> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut pos = 0;
    if text.starts_with('\u{feff}') {
        pos = 3;
    }
    while pos < b.len() {
        let nl = memchr::memchr(b'\n', &b[pos..]).map_or(b.len(), |i| pos + i);
        let mut end = nl;
        if end > pos && b[end - 1] == b'\r' {
            end -= 1;
        }
        let s = &text[pos..end];
        let tstart = pos + (s.len() - s.trim_start().len());
        let tend = tstart + s.trim().len();
        out.push(Line {
            start: pos,
            end,
            tstart,
            tend,
        });
        pos = nl + 1;
    }
    out
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum SectionKind {
    /// Summary and other prose: read for changed documents.
    Prose,
    Affected,
    /// "Where can I access the legal text?" and anything about redlines.
    LegalText,
    /// "Where can I find further information?"
    FurtherInfo,
}

/// A heading that opens the list of documents a release changed, however it is worded:
/// "What parts of the SEC were affected?", "Which parts of the SEC have changed?",
/// "Documents affected", "SEC documents impacted", "Affected documents".
pub(super) fn is_affected_heading(lower: &str) -> bool {
    let says_changed = [
        "affected",
        "impacted",
        "have changed",
        "were changed",
        "changed documents",
    ]
    .iter()
    .any(|w| lower.contains(w));
    let names_parts = ["part", "document", "sec"]
        .iter()
        .any(|w| lower.contains(w));
    says_changed && names_parts && lower.split_whitespace().count() <= 10
}

pub(super) fn section_kind(heading: &str) -> SectionKind {
    let h = heading.to_ascii_lowercase();
    if is_affected_heading(&h) {
        SectionKind::Affected
    } else if h.starts_with("where can i access") || h.contains("redlin") {
        SectionKind::LegalText
    } else if h.starts_with("where can i") || h.contains("further information") {
        SectionKind::FurtherInfo
    } else {
        SectionKind::Prose
    }
}

/// The heading's words: without a Markdown `#` prefix or `**` emphasis.
pub(super) fn heading_text(text: &str, line: &Line) -> Range<usize> {
    let mut r = line.trimmed();
    let s = &text[r.clone()];
    let hashes = s.len() - s.trim_start_matches('#').len();
    if hashes > 0 {
        r.start += hashes;
    }
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    r.start += lead;
    let s = &text[r.clone()];
    if s.len() > 4 && s.starts_with("**") && s.ends_with("**") {
        r = r.start + 2..r.end - 2;
    }
    let s = &text[r.clone()];
    let t = s.trim_end_matches('#').trim_end();
    r.start..r.start + t.len()
}

/// A Markdown heading, or in plain text a short stand-alone line that does not read as a
/// sentence: between blank lines, capitalised, no final `.`, `:`, `,` or `;`, not a
/// bullet and not just a date.
pub(super) fn is_heading(text: &str, lines: &[Line], i: usize) -> bool {
    let line = &lines[i];
    if line.is_blank() {
        return false;
    }
    let s = &text[line.trimmed()];
    if s.starts_with('#') {
        return true;
    }
    if bullet_text(text, line).is_some() || s.contains(['\t', '|']) {
        return false;
    }
    let h = &text[heading_text(text, line)];
    // An entry of an unbulleted affected list ("Section A ‘Definitions …’") is no heading.
    if super::affected::names_document(h) {
        return false;
    }
    let lower = h.to_ascii_lowercase();
    let known = ["summary of changes", "where can i "]
        .iter()
        .any(|k| lower.starts_with(k))
        || (is_affected_heading(&lower) && !lower.ends_with(':'));
    let alone = (i == 0 || lines[i - 1].is_blank()) && lines.get(i + 1).is_none_or(Line::is_blank);
    // A known heading needs no blank lines around it (text pasted without them).
    if known && (alone || (h.len() <= 60 && !h.ends_with(['.', ',', ';']))) {
        return true;
    }
    alone
        && h.len() <= 90
        && h.split_whitespace().count() <= 12
        && h.chars().next().is_some_and(char::is_uppercase)
        && !h.ends_with(['.', ':', ',', ';'])
        && find_dates(h)
            .first()
            .is_none_or(|m| m.full_span() != (0..h.len()))
}

/// The bullet marks of published notes: typed, Word's (U+F0B7, the Symbol-font bullet,
/// and `o` for a second level), and typographic ones.
const BULLETS: [char; 10] = ['•', '-', '*', '‣', '◦', '▪', '·', '\u{f0b7}', '–', '■'];

/// The text of a bullet line after its mark (`•`, `-`, `*`, `·`, `▪`, Word's U+F0B7, `o`
/// before a capital, a number `1.` or `1)`), if it is one.
pub(super) fn bullet_text(text: &str, line: &Line) -> Option<Range<usize>> {
    let s = &text[line.trimmed()];
    let mark_len = if let Some(m) = BULLETS.into_iter().find(|&m| s.starts_with(m)) {
        let rest = &s[m.len_utf8()..];
        if m == '*' && rest.trim_start().starts_with('*') {
            return None;
        }
        // Word's Symbol bullet is often glued to the text; the others are followed by a
        // space, or a dash would be a minus or a hyphenated word.
        if m != '\u{f0b7}' && !rest.starts_with(char::is_whitespace) {
            return None;
        }
        m.len_utf8()
    } else if let Some(rest) = s.strip_prefix("o ").or_else(|| s.strip_prefix("o\t")) {
        // Word's second-level bullet: only before a capital ("o Section A …").
        if !rest.trim_start().starts_with(char::is_uppercase) {
            return None;
        }
        1
    } else {
        numbered_mark(s)?
    };
    let rest = &s[mark_len..];
    let start = line.tstart + mark_len + (rest.len() - rest.trim_start().len());
    (start < line.tend).then_some(start..line.tend)
}

/// `1.`, `12)`, `(3)`, `a)` opening a line and followed by white space: a numbered item.
fn numbered_mark(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let (open, body_start) = if b.first() == Some(&b'(') {
        (true, 1)
    } else {
        (false, 0)
    };
    let digits = b[body_start..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let body = if digits > 0 && digits <= 2 {
        digits
    } else if b.get(body_start).is_some_and(u8::is_ascii_lowercase)
        && !b.get(body_start + 1).is_some_and(u8::is_ascii_alphanumeric)
    {
        1
    } else {
        return None;
    };
    let close = body_start + body;
    let ok = match b.get(close) {
        Some(b')') => true,
        Some(b'.') => !open && digits > 0,
        _ => false,
    };
    (ok && b.get(close + 1).is_some_and(|c| *c == b' ' || *c == b'\t')).then_some(close + 1)
}
