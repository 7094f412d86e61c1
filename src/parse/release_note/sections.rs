//! The layout of a release note as lines: blank lines, headings (`#` in Markdown, short
//! unpunctuated lines in plain text), bullets (`•`, `-`, `*`), the breadcrumb above the
//! title, and what kind of section a heading opens.
//!
//! Separate because every reader of the note (proposals, the affected list, the changed
//! documents) works on these lines rather than on the raw text.

use std::ops::Range;

use crate::parse::dates::find_dates;

/// "June 2021 SEC Release »": a navigation trail left above the title by the web page.
pub(super) fn is_breadcrumb(line: &str) -> bool {
    line.ends_with(['»', '›']) || line.ends_with(" >")
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

pub(super) fn section_kind(heading: &str) -> SectionKind {
    let h = heading.to_ascii_lowercase();
    if h.contains("what parts") && h.contains("affected") {
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
    if bullet_text(text, line).is_some() {
        return false;
    }
    let h = &text[heading_text(text, line)];
    let lower = h.to_ascii_lowercase();
    let known = [
        "summary of changes",
        "what parts of the sec",
        "where can i ",
    ]
    .iter()
    .any(|k| lower.starts_with(k));
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

/// The text of a bullet line after its mark (`•`, `-`, `*`, `‣`, `◦`, `▪`), if it is one.
pub(super) fn bullet_text(text: &str, line: &Line) -> Option<Range<usize>> {
    let s = &text[line.trimmed()];
    let mark = ['•', '-', '*', '‣', '◦', '▪']
        .into_iter()
        .find(|&m| s.starts_with(m))?;
    let rest = &s[mark.len_utf8()..];
    if !rest.starts_with(char::is_whitespace) || (mark == '*' && rest.trim_start().starts_with('*'))
    {
        return None;
    }
    let start = line.tstart + mark.len_utf8() + (rest.len() - rest.trim_start().len());
    (start < line.tend).then_some(start..line.tend)
}
