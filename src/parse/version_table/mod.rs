//! The version-control table at the front of an SEC document: one row per version, with its
//! implementation date, the reason for the change and an overview of what changed.
//!
//! Two shapes are read:
//!
//! * **Markdown**: a pipe table whose header names the columns Version, Implementation
//!   Date, Reason for Change and Overview of Modifications (matched case-insensitively, in
//!   any order). Dates are ISO or prose. Several reasons in one cell are separated by
//!   `<br>` or simply start again with "Modification(s) to SEC version …".
//! * **Text extracted from PDF**: a `VERSION CONTROL` heading (or, failing that, a header
//!   line starting "Reason for Change"), a header broken over several lines, then rows
//!   whose cells wrap over many lines, often with blank lines in between, and with the
//!   Reason and Overview columns interleaved line by line. See [`parse_version_table`] for
//!   how rows and reasons are recovered.
//!
//! Layout: `markdown` (the pipe table), `pdf` (finding the table and its rows in text
//! extracted from PDF), `pdf_reasons` (sorting a PDF row's lines into reasons and
//! overview), `reasons` (where a reason starts, and building a `Reason` with its
//! spans), `tests`. The line helpers below are shared by both shapes.

mod markdown;
mod pdf;
mod pdf_reasons;
mod reasons;

use crate::parse::release_note::{ProposalMention, find_proposals};
pub use pdf::is_table_heading;
use std::ops::Range;

use crate::date::Date;
use crate::names::Version;
use crate::parse::dates::{CellDate, find_dates, parse_cell_date};
use crate::parse::furniture::{is_page_furniture, repeats_on_pages};

use markdown::parse_markdown;
use pdf::parse_pdf;
use regex::Regex;
use std::sync::LazyLock;

/// A version-control table.
#[derive(Clone, Debug, PartialEq)]
pub struct VersionTable {
    /// From the heading (PDF shape) or header row (Markdown) to the end of the last row.
    pub span: Range<usize>,
    pub shape: TableShape,
    pub rows: Vec<VersionRow>,
    /// Whether every row was read (`unread` is empty): the rules check only tables read
    /// whole, since a lost row would make the rest look wrong.
    pub complete: bool,
    /// What could not be read (see [`unread_parts`]): a line that looks like a row the
    /// parser could not read, a row whose date was lost; the whole table when no row was
    /// read. In text order.
    pub unread: Vec<Range<usize>>,
    /// Modification and Draft Proposals named in the table with a title in quotes on the
    /// same line, in text order (spans in the file): kept so that no rule reads the table
    /// again to compare proposal titles (REL006).
    pub proposals: Vec<ProposalMention>,
}

/// Which layout the table was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableShape {
    Markdown,
    PdfText,
}

/// One row: a version of the document.
#[derive(Clone, Debug, PartialEq)]
pub struct VersionRow {
    pub version: Version,
    pub version_span: Range<usize>,
    /// `None` when the date is missing, has no year, or names a day that does not exist;
    /// `date_span` then covers what was written (empty when nothing was).
    pub date: Option<Date>,
    pub date_span: Range<usize>,
    pub reasons: Vec<Reason>,
    /// The Overview of Modifications cell, white space normalised (in the PDF shape: every
    /// line of the row not taken as part of a reason, in order).
    pub overview: String,
    /// From the version number to the end of the row's last line.
    pub span: Range<usize>,
}

/// One reason for change in a row ("Modifications to SEC version 4.7 as directed by …").
#[derive(Clone, Debug, PartialEq)]
pub struct Reason {
    /// The reason's words joined by single spaces.
    pub text: String,
    /// From the first byte of the reason to its last; in the PDF shape this may enclose
    /// overview lines interleaved with it, see `pieces`.
    pub span: Range<usize>,
    /// The spans of the text that make up the reason, in order.
    pub pieces: Vec<Range<usize>>,
    /// The SEC version named by "Modification(s) to SEC version X", and the span of `X`.
    pub modifies: Option<(Version, Range<usize>)>,
    /// The further versions the same words name, in order: "SEC version 1.0 and 1.1",
    /// "SEC versions 0.9, 1.0 and 1.1" give 1.1, or 1.0 and 1.1 (the first is `modifies`).
    /// A row naming several earlier versions is right when one of them is the row before.
    pub modifies_also: Vec<(Version, Range<usize>)>,
    /// Dates introduced by "with effect (from)".
    pub effect_dates: Vec<(Date, Range<usize>)>,
    /// The date of an approval: "approved via Change Board vote on …", "approved by the
    /// Authority on …" (the first such date).
    pub approval_date: Option<(Date, Range<usize>)>,
    /// Any other valid date in the reason. Impossible dates are not kept here; find them
    /// with [`find_dates`](crate::parse::dates::find_dates) over the row.
    pub other_dates: Vec<(Date, Range<usize>)>,
}

/// Reads the first version-control table in `text`, Markdown shape first, then the shape of
/// text extracted from PDF. `None` when there is no table (a PDF-shape heading with no rows
/// under it still gives a table with no rows).
///
/// # The PDF shape, heuristically
///
/// * **Rows.** A row starts only at a line whose first non-blank text is a version number
///   (`4.2`, digits and dots) followed by a day and a month name ("4.2 18th March"); the
///   year may follow on a later line after at most one blank line. A leading space (left
///   by a page break) is allowed. Lines such as "2008", "88(1) of the Energy Act", "1st May"
///   or "2018." never start rows.
/// * **End.** After the first row, the table ends at the end of the text, at a Markdown
///   heading, at an all-capitals heading ("SECTION A: DEFINITIONS AND INTERPRETATION"), at
///   a part heading ("A1 Definitions", "H8 Service Management") or at a numbered paragraph
///   that is not a row ("1.1 This document sets out …").
/// * **Reasons versus overview.** Reason cells are written in a small legal vocabulary
///   ("Modifications to SEC version X as directed by the Secretary of State pursuant to
///   section 88(1) of the Energy Act 2008", "… in accordance with SEC Section X5.4 and
///   Condition 22 of the DCC Licence", "Implementation of a Modification Proposal approved
///   via Change Board vote on …"). A reason starts at a line beginning "Modification(s) to
///   SEC", "Modifications as", "Implementation of a/an/<number>" or "Designation by". The
///   following lines join it while it is *open* and the line uses only that vocabulary
///   (numbers, dates, clause references like `X5.4`, SECMP numbers, and a single capital
///   letter only after "Appendix", so "Section A," and "C, Section E" are overview). A reason *closes* when its text ends with `.`, with
///   "Energy Act 2008", with "Licence" or with a date; it is *half closed* after a clause
///   reference or an SECMP number, where only a line starting with a connective ("and",
///   "with", "pursuant", …) continues it. Everything else is overview. This keeps a
///   reason's continuation that a page break pushed below overview lines, and keeps
///   overview lines such as "Section X as directed by the" (after a closed reason) or
///   "Section J, Section K and" (a bare letter after "Section") out of the reasons.
pub fn parse_version_table(text: &str) -> Option<VersionTable> {
    let markdown = (memchr::memchr2(b'|', b'\t', text.as_bytes()).is_some())
        .then(|| parse_markdown(text))
        .flatten();
    let mut table = match markdown {
        Some(t) => t,
        None => parse_pdf(text)?,
    };
    table.unread = unread_parts(text, &table);
    table.complete = table.unread.is_empty();
    table.proposals = titled_proposals(text, table.span.clone());
    Some(table)
}

/// The proposals named with a title in `text[range]`, with spans in `text`.
pub fn titled_proposals(text: &str, range: Range<usize>) -> Vec<ProposalMention> {
    let Some(slice) = text.get(range.clone()) else {
        return Vec::new();
    };
    let shift = |r: Range<usize>| r.start + range.start..r.end + range.start;
    find_proposals(slice)
        .into_iter()
        .filter(|p| p.title.is_some())
        .map(|p| ProposalMention {
            span: shift(p.span),
            title_span: p.title_span.map(shift),
            ..p
        })
        .collect()
}

/// A line of a PDF-extracted table that looks like the start of a row the parser could
/// not read: a version number alone, or followed by a day ("4.2", "4.2 18th", "4.2 18th
/// Modifications to"), the month and year having been pushed to later lines.
static LOST_ROW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\d{1,3}(?:\.\d{1,3})+(?:$|[ \t]+\d{1,2}(?:st|nd|rd|th)?(?:$|[ \t]))")
        .expect("lost row")
});

/// The parts of the table the parser could not read (empty when it read every row). A
/// Markdown table must have produced a row from every line under its header (a row whose
/// version cell is not a version is dropped by the parser); a PDF-extracted table must
/// have no line that looks like a row start the parser could not read, and no row whose
/// date was lost. A table without rows is not read at all: its whole span.
fn unread_parts(text: &str, table: &VersionTable) -> Vec<Range<usize>> {
    let Some(span) = text.get(table.span.clone()) else {
        return vec![table.span.clone()];
    };
    if table.rows.is_empty() {
        return vec![table.span.clone()];
    }
    // Each non-blank line of the table, trimmed, as a span of `text`.
    let mut lines = Vec::new();
    let mut offset = table.span.start;
    for line in span.split_inclusive('\n') {
        let t = trim_span(text, offset, offset + line.len());
        if !t.is_empty() {
            lines.push(t);
        }
        offset += line.len();
    }
    let starts: Vec<usize> = table.rows.iter().map(|r| r.version_span.start).collect();
    let mut unread = Vec::new();
    match table.shape {
        TableShape::Markdown => {
            let is_rule = |t: &str| t.contains('-') && t.bytes().all(|c| b"|-: \t".contains(&c));
            let header = lines.first().map_or("", |h| &text[h.clone()]);
            let row_starts: Vec<usize> = table.rows.iter().map(|r| r.span.start).collect();
            for l in lines.iter().skip(1) {
                let t = &text[l.clone()];
                // A page break inside the table: its furniture, the header and its rule
                // line repeated at the top of the next page.
                let furniture = t == header
                    || is_rule(t)
                    || is_page_furniture(t)
                    || (!t.contains(['|', '\t']) && repeats_on_pages(text, t));
                if !furniture && !row_starts.contains(&l.start) {
                    unread.push(l.clone());
                }
            }
        }
        TableShape::PdfText => {
            // A row whose date could not be read: its date cell wrapped with the next
            // cell's words past recovery ("2nd May Modifications to SEC" with no year
            // opening the next line). A date written whole but impossible ("31st June
            // 2016", "31/06/2021") was read: DATE001 speaks of it.
            for r in &table.rows {
                let lost = r.date.is_none()
                    && text.get(r.date_span.clone()).is_none_or(|d| {
                        find_dates(d).is_empty() && matches!(parse_cell_date(d), CellDate::NotADate)
                    });
                if lost {
                    unread.push(r.version_span.start..r.date_span.end.max(r.version_span.end));
                }
            }
            for l in &lines {
                if LOST_ROW.is_match(&text[l.clone()]) && !starts.contains(&l.start) {
                    unread.push(l.clone());
                }
            }
        }
    }
    unread.sort_by_key(|r| r.start);
    unread
}

// ---------------------------------------------------------------------------------------
// Lines

/// Lines of `text` from byte `from`: (start of line, end of content without `\r\n`).
fn lines_from(text: &str, from: usize) -> impl Iterator<Item = (usize, usize)> + Clone + '_ {
    let b = text.as_bytes();
    let mut pos = from;
    std::iter::from_fn(move || {
        if pos >= b.len() {
            return None;
        }
        let start = pos;
        let nl = memchr::memchr(b'\n', &b[pos..]).map_or(b.len(), |i| pos + i);
        pos = nl + 1;
        let mut end = nl;
        if end > start && b[end - 1] == b'\r' {
            end -= 1;
        }
        Some((start, end))
    })
}

/// The span of `text[start..end]` without surrounding white space.
fn trim_span(text: &str, start: usize, end: usize) -> Range<usize> {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    start + lead..start + lead + t.len()
}

use super::{contains_ci, ends_with_ci};

#[cfg(test)]
mod tests;
