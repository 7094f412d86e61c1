//! The Markdown shape: a pipe table whose header names the Version, Implementation
//! Date, Reason for Change and Overview columns in any order, with several reasons in one
//! cell split at `<br>` or where a new reason starts after a sentence.
//!
//! Separate because the cells are explicit here; nothing of the PDF heuristics applies.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::reasons::{REASON_START, REASON_START_INNER, build_reason};
use super::{Reason, TableShape, VersionRow, VersionTable, contains_ci, lines_from, trim_span};
use crate::names::Version;
use crate::parse::dates::{CellDate, parse_cell_date};
use crate::parse::furniture::{is_page_furniture, repeats_on_pages};
use crate::title::squeeze as normalize;

#[derive(Default)]
struct Columns {
    version: Option<usize>,
    date: Option<usize>,
    reason: Option<usize>,
    overview: Option<usize>,
}

/// Cells of a table line as trimmed spans, split at `sep` (`|`, with or without outer
/// pipes, an escaped `\|` not splitting; or a tab).
fn cells(text: &str, start: usize, end: usize, sep: u8) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut bars = Vec::new();
    for i in start..end {
        if b[i] == sep && (i == start || b[i - 1] != b'\\') {
            bars.push(i);
        }
    }
    let line = if sep == b'\t' {
        start..text[start..end].trim_end_matches(['\r', '\n']).len() + start
    } else {
        trim_span(text, start, end)
    };
    let mut out = Vec::new();
    let mut cell_start = line.start;
    if b.get(line.start) == Some(&sep) {
        cell_start = line.start + 1;
    }
    for &bar in bars.iter().filter(|&&i| i > line.start) {
        out.push(trim_span(text, cell_start, bar));
        cell_start = bar + 1;
    }
    if cell_start < line.end {
        out.push(trim_span(text, cell_start, line.end));
    }
    out
}

pub(super) fn parse_markdown(text: &str) -> Option<VersionTable> {
    let mut lines = lines_from(text, 0);
    let (header_start, cols, sep) = loop {
        let (s, e) = lines.next()?;
        let line = text[s..e].trim_start();
        let sep = match (line.contains('|'), line.contains('\t')) {
            (true, _) => b'|',
            (false, true) => b'\t',
            _ => continue,
        };
        if !contains_ci(line, "version") || !contains_ci(line, "reason") {
            continue;
        }
        let mut cols = Columns::default();
        for (i, c) in cells(text, s, e, sep).into_iter().enumerate() {
            let name = &text[c];
            if contains_ci(name, "reason") {
                cols.reason = Some(i);
            } else if contains_ci(name, "overview") {
                cols.overview = Some(i);
            } else if contains_ci(name, "date") {
                cols.date = Some(i);
            } else if contains_ci(name, "version") {
                cols.version = Some(i);
            }
        }
        if cols.version.is_some() {
            break (s, cols, sep);
        }
    };
    // A pipe table has a rule line under its header (`|---|---|`, outer pipes optional);
    // a tab-separated one has none.
    let mut rows = Vec::new();
    let mut end = text[header_start..]
        .find('\n')
        .map_or(text.len(), |p| header_start + p);
    let header = text[header_start..end].trim();
    let mut lines = lines.peekable();
    if sep == b'|' {
        let (ds, de) = lines.next()?;
        let delim = text[ds..de].trim();
        if !delim.contains('|')
            || !delim.contains('-')
            || !delim.bytes().all(|c| b"|-: \t".contains(&c))
        {
            return None;
        }
        end = de;
    }
    while let Some((s, e)) = lines.next() {
        if !text.as_bytes()[s..e].contains(&sep) || text[s..e].trim().is_empty() {
            // A page break inside the table: blank lines and page furniture, then more
            // rows. Anything else ends the table.
            if page_break_then_row(text, (s, e), lines.clone(), sep) {
                // Past the break, to the next row.
                while lines
                    .next_if(|&(s, e)| !text.as_bytes()[s..e].contains(&sep))
                    .is_some()
                {}
                continue;
            }
            break;
        }
        // The header row repeated at the top of the next page, and its rule line.
        let t = text[s..e].trim();
        if t == header || (t.contains('-') && t.bytes().all(|c| b"|-: \t".contains(&c))) {
            continue;
        }
        end = e;
        let cs = cells(text, s, e, sep);
        let cell = |i: Option<usize>| i.and_then(|i| cs.get(i).cloned());
        let Some(vspan) = cell(cols.version) else {
            continue;
        };
        let Some(version) = Version::parse(&text[vspan.clone()]) else {
            continue;
        };
        let date_span = cell(cols.date).unwrap_or(vspan.end..vspan.end);
        let date = match parse_cell_date(&text[date_span.clone()]) {
            CellDate::Date(d) => Some(d),
            _ => None,
        };
        let reasons = cell(cols.reason)
            .map(|r| markdown_reasons(text, r))
            .unwrap_or_default();
        let overview = cell(cols.overview)
            .map(|o| normalize(&strip_br(&text[o]).replace("\\|", "|")))
            .unwrap_or_default();
        rows.push(VersionRow {
            version,
            version_span: vspan.clone(),
            date,
            date_span,
            reasons,
            overview,
            span: trim_span(text, s, e),
        });
    }
    let start =
        header_start + (text[header_start..].len() - text[header_start..].trim_start().len());
    Some(VersionTable {
        span: start..trim_span(text, header_start, end).end.max(start),
        shape: TableShape::Markdown,
        rows,
        complete: false,       // set by `parse_version_table`
        unread: Vec::new(),    // set by `parse_version_table`
        proposals: Vec::new(), // set by `parse_version_table`
    })
}

/// Whether the line `at` (blank, or without a cell separator) and those after it are a
/// page break inside the table: blank lines and page furniture (at least one line of it),
/// then a row.
fn page_break_then_row(
    text: &str,
    at: (usize, usize),
    rest: impl Iterator<Item = (usize, usize)>,
    sep: u8,
) -> bool {
    let mut furniture = false;
    for (s, e) in std::iter::once(at).chain(rest) {
        let t = text[s..e].trim();
        if t.is_empty() {
            continue;
        }
        if is_page_furniture(t) || (!t.as_bytes().contains(&sep) && repeats_on_pages(text, t)) {
            furniture = true;
            continue;
        }
        return furniture && t.as_bytes().contains(&sep);
    }
    false
}

static BR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)<br\s*/?>").expect("br regex"));

fn strip_br(s: &str) -> String {
    BR.replace_all(s, " ").into_owned()
}

/// Splits a reason cell into reasons: at `<br>` and where a new reason starts after the end
/// of a sentence ("… Act 2008. Modifications to SEC version …").
fn markdown_reasons(text: &str, cell: Range<usize>) -> Vec<Reason> {
    let mut parts: Vec<Range<usize>> = Vec::new();
    let mut from = cell.start;
    for m in BR.find_iter(&text[cell.clone()]) {
        parts.push(trim_span(text, from, cell.start + m.start()));
        from = cell.start + m.end();
    }
    parts.push(trim_span(text, from, cell.end));
    let mut groups: Vec<Vec<Range<usize>>> = Vec::new();
    for part in parts.into_iter().filter(|p| !p.is_empty()) {
        let mut cut = part.start;
        let s = &text[part.clone()];
        for m in REASON_START_INNER.find_iter(s) {
            let at = part.start + m.start() + m.as_str().len()
                - m.as_str()
                    .trim_start_matches(|c: char| ".;".contains(c) || c.is_whitespace())
                    .len();
            if at > cut {
                push_piece(&mut groups, text, cut..at);
                cut = at;
            }
        }
        push_piece(&mut groups, text, cut..part.end);
    }
    groups.iter().map(|g| build_reason(text, g)).collect()
}

fn push_piece(groups: &mut Vec<Vec<Range<usize>>>, text: &str, r: Range<usize>) {
    let r = trim_span(text, r.start, r.end);
    if r.is_empty() {
        return;
    }
    if groups.is_empty() || REASON_START.is_match(&text[r.clone()]) {
        groups.push(vec![r]);
    } else if let Some(last) = groups.last_mut() {
        last.push(r);
    }
}
