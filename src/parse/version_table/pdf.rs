//! The shape of text extracted from PDF: where the table starts (a `VERSION CONTROL`
//! heading or a `Reason for Change` header line), where a row starts ("4.2 18th March")
//! and where the table ends (a heading or numbered paragraph of the document body).
//!
//! Separate from `pdf_reasons` because this part only finds rows and their lines; what
//! the lines of a row say is decided there.

use crate::clause;
use std::ops::Range;

use super::pdf_reasons::{finish_row, is_ordinal};
use super::{TableShape, VersionTable, lines_from, trim_span};
use crate::date::{Date, month_from_name};
use crate::names::Version;
use crate::parse::dates::{CellDate, date_at, parse_cell_date};
use crate::parse::furniture::{is_page_furniture, repeats_on_pages};

/// The headings a version-control table is published under, in any case: "VERSION
/// CONTROL", "Document History", "Version History", "Amendment Record", "Change Record".
pub const TABLE_HEADINGS: [&str; 6] = [
    "version control",
    "document history",
    "version history",
    "amendment record",
    "change record",
    "revision history",
];

/// Whether a line is a version-control table's heading: one of [`TABLE_HEADINGS`] alone,
/// with Markdown `#` or `**` around it allowed.
pub fn is_table_heading(line: &str) -> bool {
    let t = line
        .trim()
        .trim_start_matches('#')
        .trim()
        .trim_matches(['*', '_', ':'])
        .trim();
    t.len() <= 32 && TABLE_HEADINGS.iter().any(|h| t.eq_ignore_ascii_case(h))
}

fn find_pdf_start(text: &str) -> Option<usize> {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if is_table_heading(line) {
            return Some(at + (line.len() - line.trim_start().len()));
        }
        at += line.len();
    }
    memchr::memmem::find_iter(text.as_bytes(), b"Reason for Change").find_map(|i| {
        let ls = text[..i].rfind('\n').map_or(0, |p| p + 1);
        text[ls..i].trim().is_empty().then_some(ls)
    })
}

/// A line that closes the table: a Markdown heading or an all-capitals heading ("SECTION A:
/// DEFINITIONS AND INTERPRETATION", "CONTENTS PAGE"): no lower-case letter, at least eight
/// letters, no final `.`, `,` or `;`, and either three or more words or a first word that
/// names a part of a document.
pub(super) fn is_table_end(line: &str) -> bool {
    let t = line.trim();
    if t.starts_with('#') || is_clause_heading(t) || is_numbered_sentence(t) {
        return true;
    }
    let letters = t.bytes().filter(u8::is_ascii_alphabetic).count();
    let words = t.split_whitespace().count();
    let first = t.split_whitespace().next().unwrap_or("");
    let first = first.trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
    letters >= 8
        && words >= 2
        && !t.bytes().any(|c| c.is_ascii_lowercase())
        && !t.ends_with(['.', ',', ';'])
        && !t.starts_with('•')
        && (words >= 3
            || [
                "SECTION",
                "SCHEDULE",
                "APPENDIX",
                "PART",
                "CONTENTS",
                "ANNEX",
                "INTRODUCTION",
            ]
            .contains(&first))
}

/// A part heading of the document body: "A1 Definitions", "H8 Service Management",
/// "AC1 Introduction" (clause number, then only capitalised words, no final punctuation).
fn is_clause_heading(t: &str) -> bool {
    let mut words = t.split_whitespace();
    let Some(num) = words.next() else {
        return false;
    };
    let b = num.as_bytes();
    match clause::line_number_len(b, 2) {
        Some((letters, len)) if letters > 0 && b[len..].iter().all(|&c| c == b'.') => {}
        _ => return false,
    }
    let rest: Vec<&str> = words.collect();
    !rest.is_empty()
        && rest.len() <= 8
        && !t.ends_with(|c: char| c.is_ascii_punctuation())
        && !t.contains([',', ';'])
        && rest
            .last()
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
        && rest.iter().all(|w| {
            let small = ["and", "of", "the", "for", "to", "in", "&"].contains(w);
            small || w.starts_with(|c: char| c.is_ascii_uppercase())
        })
        && rest[0].len() > 1
        && rest[0].as_bytes()[1].is_ascii_lowercase()
}

/// A numbered paragraph of the document body that is not a row: "1.1 This document sets
/// out …" (a number, then a capitalised word that is not a day, four words or more).
fn is_numbered_sentence(t: &str) -> bool {
    let mut words = t.split_whitespace();
    let Some(num) = words.next() else {
        return false;
    };
    let num = num.trim_end_matches('.');
    if num.is_empty() || !num.bytes().all(|c| c.is_ascii_digit() || c == b'.') {
        return false;
    }
    let Some(next) = words.next() else {
        return false;
    };
    next.starts_with(|c: char| c.is_ascii_uppercase())
        && month_from_name(next.trim_end_matches(|c: char| !c.is_ascii_alphabetic())).is_none()
        && words.count() >= 2
}

pub(super) struct RowBuild {
    pub(super) version: Version,
    pub(super) version_span: Range<usize>,
    pub(super) date: Option<Date>,
    pub(super) date_span: Range<usize>,
    pub(super) pieces: Vec<Range<usize>>,
    pub(super) end: usize,
    /// The end of a year that wrapped to the start of the next line: the row's text on
    /// that line starts after it.
    pub(super) year_end: Option<usize>,
}

pub(super) fn parse_pdf(text: &str) -> Option<VersionTable> {
    let start = find_pdf_start(text)?;
    let mut rows = Vec::new();
    let mut cur: Option<RowBuild> = None;
    let mut lines = lines_from(text, start);
    lines.next(); // the heading
    let mut skip_to = 0;
    for (s, e) in lines {
        if e < skip_to {
            continue; // consumed by a date split over lines
        }
        let s = s.max(skip_to);
        let t = trim_span(text, s, e);
        if t.is_empty() {
            continue;
        }
        let line = &text[t.clone()];
        // A page break: its page number and running header are no part of the table.
        if is_page_furniture(line) {
            continue;
        }
        if let Some(row) = row_start(text, t.clone()) {
            if let Some(done) = cur.take() {
                rows.push(finish_row(text, done));
            }
            // The rest of the line holding the end of the date is the row's first piece.
            let rest_from = row.date_span.end.max(row.version_span.end);
            let rest_end = text[rest_from..]
                .find('\n')
                .map_or(text.len(), |p| rest_from + p);
            let rest = trim_span(text, rest_from, rest_end);
            let mut row = row;
            row.end = row.date_span.end.max(row.version_span.end);
            if !rest.is_empty() {
                row.end = rest.end;
                row.pieces.push(rest);
            }
            skip_to = row.year_end.unwrap_or(rest_end);
            cur = Some(row);
            continue;
        }
        if cur.is_some() && is_table_end(line) {
            // A running header in capitals ("SECTION H – DCC SERVICES") repeated on every
            // page does not end the table: the page broke inside it.
            if repeats_on_pages(text, line) {
                continue;
            }
            break;
        }
        if let Some(row) = cur.as_mut() {
            row.end = t.end;
            row.pieces.push(t);
        }
    }
    if let Some(done) = cur.take() {
        rows.push(finish_row(text, done));
    }
    let end = rows.last().map_or_else(
        || text[start..].find('\n').map_or(text.len(), |p| start + p),
        |r| r.span.end,
    );
    Some(VersionTable {
        span: start..trim_span(text, start, end).end,
        shape: TableShape::PdfText,
        rows,
        complete: false,       // set by `parse_version_table`
        unread: Vec::new(),    // set by `parse_version_table`
        proposals: Vec::new(), // set by `parse_version_table`
    })
}

/// A row's first line: version number, day and month (the year may be on a later line).
fn row_start(text: &str, line: Range<usize>) -> Option<RowBuild> {
    let base = line.start;
    let shift = |r: Range<usize>| base + r.start..base + r.end;
    // (version, day or numeric date, month word, end of the line holding the month)
    let (v, day, month, month_line_end) = match row_start_parts(&text[line.clone()]) {
        Some((v, day, month)) => (shift(v), shift(day), month.map(shift), line.end),
        // "1.2 14th" / "September Modifications to …": the day alone, the month opening
        // the next line.
        None => {
            let (v, day) = day_alone(&text[line.clone()])?;
            let (month, end) = month_opening_next_line(text, line.end)?;
            (shift(v), shift(day), Some(month), end)
        }
    };
    let version = Version::parse(&text[v.clone()])?;
    let mut year_end = None;
    let (date, date_span) = match (date_at(text, day.start), month) {
        (Some(m), _) => (m.date, m.span),
        // "01/10/2020", "24.06.2021": the whole date in one token.
        (None, None) => match parse_cell_date(&text[day.clone()]) {
            CellDate::Date(d) => (Some(d), day),
            _ => (None, day),
        },
        // "2nd May Modifications to SEC version 1.0 as" / "2020 directed by …": the date
        // cell wrapped with the next cell's words, its year opening the next line.
        (None, Some(month)) => {
            let day_month = day.start..month.end;
            match wrapped_year(text, month_line_end) {
                Some((year, end)) => {
                    let written = format!("{} {} {year}", &text[day.clone()], &text[month]);
                    year_end = Some(end);
                    match parse_cell_date(&written) {
                        CellDate::Date(d) => (Some(d), day_month),
                        _ => (None, day_month),
                    }
                }
                None => (None, day_month),
            }
        }
    };
    Some(RowBuild {
        version,
        version_span: v,
        date,
        date_span,
        pieces: Vec::new(),
        end: 0,
        year_end,
    })
}

/// "1.2 14th", "1.2 14": a version and a day alone on a line (relative spans).
fn day_alone(l: &str) -> Option<(Range<usize>, Range<usize>)> {
    let mut words = l.split_whitespace();
    let (v, d) = (words.next()?, words.next()?);
    if words.next().is_some() {
        return None;
    }
    let version_like = v.contains('.')
        && v.split('.')
            .all(|p| (1..=3).contains(&p.len()) && p.bytes().all(|c| c.is_ascii_digit()));
    let digits = d.bytes().take_while(u8::is_ascii_digit).count();
    let day_like = (1..=2).contains(&digits) && (digits == d.len() || is_ordinal(d));
    let ds = l.rfind(d)?;
    (version_like && day_like).then(|| (0..v.len(), ds..ds + d.len()))
}

/// The next non-blank line after the line that `from` ends, with at most one blank line
/// between: its trimmed span and the end of the line.
fn next_filled_line(text: &str, from: usize) -> Option<(Range<usize>, usize)> {
    let mut blank = 0;
    // `from` ends a trimmed line: white space (a no-break space, two bytes) may sit
    // between it and the line feed, so the next line starts after that line feed.
    let next = text[from..].find('\n').map_or(text.len(), |p| from + p + 1);
    for (s, e) in lines_from(text, next) {
        let t = trim_span(text, s, e);
        if !t.is_empty() {
            return Some((t, e));
        }
        blank += 1;
        if blank > 1 {
            return None;
        }
    }
    None
}

/// A month name opening the next non-blank line after `from` (at most one blank line
/// between): its span, and the end of that line.
fn month_opening_next_line(text: &str, from: usize) -> Option<(Range<usize>, usize)> {
    let (t, e) = next_filled_line(text, from)?;
    let l = &text[t.clone()];
    let word_len = l.bytes().take_while(u8::is_ascii_alphabetic).count();
    let word = &l[..word_len];
    let rest = &word.as_bytes()[word_len.min(1)..];
    let cased = rest.iter().all(u8::is_ascii_lowercase) || rest.iter().all(u8::is_ascii_uppercase);
    let ends = l
        .as_bytes()
        .get(word_len)
        .is_none_or(|c| !c.is_ascii_alphanumeric());
    (word_len > 0 && cased && ends && month_from_name(word).is_some())
        .then_some((t.start..t.start + word_len, e))
}

/// A year opening the next non-blank line after `from` (at most one blank line between):
/// its value and the end of its four digits, when what follows it on that line is not a
/// date's continuation.
fn wrapped_year(text: &str, from: usize) -> Option<(i32, usize)> {
    let (t, _) = next_filled_line(text, from)?;
    let l = &text[t.clone()];
    let b = l.as_bytes();
    let four = b.len() >= 4 && b[..4].iter().all(u8::is_ascii_digit);
    if !four || b.get(4).is_some_and(|c| !c.is_ascii_whitespace()) {
        return None;
    }
    let year: i32 = l[..4].parse().ok()?;
    (1990..=2100).contains(&year).then_some((year, t.start + 4))
}

/// The spans of a row's first line: the version, the day (or a numeric date), the month
/// word (none after a numeric date).
type RowStartParts = (Range<usize>, Range<usize>, Option<Range<usize>>);

/// Splits "4.2 18th March …" into the spans of the version, the day and the month word
/// (relative to `l`), if the line starts that way; "4.2 18/03/2019 …" gives the version
/// and the numeric date, with no month word.
fn row_start_parts(l: &str) -> Option<RowStartParts> {
    let b = l.as_bytes();
    let mut i = 0;
    let digits = |i: &mut usize| {
        let s = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - s
    };
    if !(1..=3).contains(&digits(&mut i)) {
        return None;
    }
    let mut dots = 0;
    while i < b.len() && b[i] == b'.' {
        i += 1;
        if !(1..=3).contains(&digits(&mut i)) {
            return None;
        }
        dots += 1;
    }
    if dots == 0 {
        return None;
    }
    let v = 0..i;
    let spaces = |i: &mut usize| {
        let s = *i;
        while *i < b.len() && matches!(b[*i], b' ' | b'\t') {
            *i += 1;
        }
        *i > s
    };
    if !spaces(&mut i) {
        return None;
    }
    let ds = i;
    // A numeric UK date, day first: "24/06/2021", "24.06.2021".
    let token_end = l[ds..]
        .find(char::is_whitespace)
        .map_or(l.len(), |k| ds + k);
    let token = &l[ds..token_end];
    if token.contains(['/', '.']) && !matches!(parse_cell_date(token), CellDate::NotADate) {
        return Some((v, ds..token_end, None));
    }
    if !(1..=2).contains(&digits(&mut i)) {
        return None;
    }
    // `get`: the two bytes after the day may be half of a character ("4‘").
    if l.get(ds..i + 2).is_some_and(is_ordinal) {
        i += 2;
    }
    let day = ds..i;
    if !spaces(&mut i) {
        return None;
    }
    let ms = i;
    while i < b.len() && b[i].is_ascii_alphabetic() {
        i += 1;
    }
    let word = &l[ms..i];
    if word.is_empty() || (i < b.len() && b[i].is_ascii_alphanumeric()) {
        return None;
    }
    let rest = &word.as_bytes()[1..];
    let cased = rest.iter().all(u8::is_ascii_lowercase) || rest.iter().all(u8::is_ascii_uppercase);
    (cased && month_from_name(word).is_some()).then_some((v, day, Some(ms..i)))
}
