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

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::date::{Date, MONTHS, month_from_name};
use crate::names::Version;
use crate::parse::dates::{date_at, find_dates, parse_prose_date};

/// A version-control table.
#[derive(Clone, Debug, PartialEq)]
pub struct VersionTable {
    /// From the heading (PDF shape) or header row (Markdown) to the end of the last row.
    pub span: Range<usize>,
    pub shape: TableShape,
    pub rows: Vec<VersionRow>,
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
    /// Dates introduced by "with effect (from)".
    pub effect_dates: Vec<(Date, Range<usize>)>,
    /// The date of an approval: "approved via Change Board vote on …", "approved by the
    /// Authority on …" (the first such date).
    pub approval_date: Option<(Date, Range<usize>)>,
    /// Any other valid date in the reason. Impossible dates are not kept here; find them
    /// with [`find_dates`] over the row.
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
    if memchr::memchr(b'|', text.as_bytes()).is_some()
        && let Some(t) = parse_markdown(text)
    {
        return Some(t);
    }
    parse_pdf(text)
}

// ---------------------------------------------------------------------------------------
// Lines

/// Lines of `text` from byte `from`: (start of line, end of content without `\r\n`).
fn lines_from(text: &str, from: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
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

fn ends_with_ci(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len()
        && s.is_char_boundary(s.len() - suffix.len())
        && s[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

fn contains_ci(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    h.len() >= n.len() && h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}

// ---------------------------------------------------------------------------------------
// Markdown

#[derive(Default)]
struct Columns {
    version: Option<usize>,
    date: Option<usize>,
    reason: Option<usize>,
    overview: Option<usize>,
}

/// Cells of a pipe-table line as trimmed spans (an escaped `\|` does not split).
fn cells(text: &str, start: usize, end: usize) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut bars = Vec::new();
    for i in start..end {
        if b[i] == b'|' && (i == start || b[i - 1] != b'\\') {
            bars.push(i);
        }
    }
    let line = trim_span(text, start, end);
    let mut out = Vec::new();
    let mut cell_start = line.start;
    if b.get(line.start) == Some(&b'|') {
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

fn parse_markdown(text: &str) -> Option<VersionTable> {
    let mut lines = lines_from(text, 0);
    let (header_start, cols) = loop {
        let (s, e) = lines.next()?;
        let line = text[s..e].trim_start();
        if !line.starts_with('|') || !contains_ci(line, "version") || !contains_ci(line, "reason") {
            continue;
        }
        let mut cols = Columns::default();
        for (i, c) in cells(text, s, e).into_iter().enumerate() {
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
            break (s, cols);
        }
    };
    let (ds, de) = lines.next()?;
    let delim = text[ds..de].trim();
    if !delim.starts_with('|') || !delim.bytes().all(|c| b"|-: \t".contains(&c)) {
        return None;
    }
    let mut rows = Vec::new();
    let mut end = de;
    for (s, e) in lines {
        if !text[s..e].trim_start().starts_with('|') {
            break;
        }
        end = e;
        let cs = cells(text, s, e);
        let cell = |i: Option<usize>| i.and_then(|i| cs.get(i).cloned());
        let Some(vspan) = cell(cols.version) else {
            continue;
        };
        let Some(version) = Version::parse(&text[vspan.clone()]) else {
            continue;
        };
        let date_span = cell(cols.date).unwrap_or(vspan.end..vspan.end);
        let date = parse_prose_date(&text[date_span.clone()]);
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
    })
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

// ---------------------------------------------------------------------------------------
// Text extracted from PDF

static REASON_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:Modifications?\s+(?:to\s+(?:the\s+)?SEC\b|as\b)|Implementation\s+of\s+(?:a|an|one|two|three|four|five|six|\d+)\b|Designation\s+by\b)",
    )
    .expect("reason regex")
});

/// A reason starting inside a Markdown cell, after the end of a sentence.
static REASON_START_INNER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"[.;]\s+(?:Modifications?\s+to\s+(?:the\s+)?SEC\b|Modifications?\s+as\b|Implementation\s+of\s+(?:a|an|one|two|three|four|five|six|\d+)\b|Designation\s+by\b)",
    )
    .expect("inner reason regex")
});

fn find_pdf_start(text: &str) -> Option<usize> {
    for needle in ["VERSION CONTROL", "Version Control", "Version control"] {
        for i in memchr::memmem::find_iter(text.as_bytes(), needle.as_bytes()) {
            // Must be a heading: nothing much else on its line.
            let ls = text[..i].rfind('\n').map_or(0, |p| p + 1);
            let le = text[i..].find('\n').map_or(text.len(), |p| i + p);
            let line = text[ls..le].trim();
            if line.len() <= 32 {
                return Some(ls + (text[ls..].len() - text[ls..].trim_start().len()));
            }
        }
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
fn is_table_end(line: &str) -> bool {
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
    let letters = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
    if !(1..=2).contains(&letters)
        || b.len() == letters
        || !b[letters].is_ascii_digit()
        || !b[letters..]
            .iter()
            .all(|c| c.is_ascii_digit() || *c == b'.')
    {
        return false;
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

struct RowBuild {
    version: Version,
    version_span: Range<usize>,
    date: Option<Date>,
    date_span: Range<usize>,
    pieces: Vec<Range<usize>>,
    end: usize,
}

fn parse_pdf(text: &str) -> Option<VersionTable> {
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
            skip_to = rest_end;
            cur = Some(row);
            continue;
        }
        if cur.is_some() && is_table_end(line) {
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
    })
}

/// A row's first line: version number, day and month (the year may be on a later line).
fn row_start(text: &str, line: Range<usize>) -> Option<RowBuild> {
    let (v, day, month) = row_start_parts(&text[line.clone()])?;
    let version = Version::parse(&text[line.start + v.start..line.start + v.end])?;
    let base = line.start;
    let (date, date_span) = match date_at(text, base + day.start) {
        Some(m) => (m.date, m.span),
        None => (None, base + day.start..base + month.end),
    };
    Some(RowBuild {
        version,
        version_span: base + v.start..base + v.end,
        date,
        date_span,
        pieces: Vec::new(),
        end: 0,
    })
}

/// Splits "4.2 18th March …" into the spans of the version, the day and the month word
/// (relative to `l`), if the line starts that way.
fn row_start_parts(l: &str) -> Option<(Range<usize>, Range<usize>, Range<usize>)> {
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
    if !(1..=2).contains(&digits(&mut i)) {
        return None;
    }
    if i + 2 <= b.len() && is_ordinal(&l[ds..i + 2]) {
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
    (cased && month_from_name(word).is_some()).then_some((v, day, ms..i))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Closure {
    Open,
    Half,
    Closed,
}

fn finish_row(text: &str, row: RowBuild) -> VersionRow {
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
    "directed",
    "effect",
    "energy",
    "five",
    "four",
    "from",
    "implementation",
    "in",
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
    "via",
    "vote",
    "with",
];

fn strip_punct(tok: &str) -> &str {
    tok.trim_matches(|c: char| ",.;:()“”\"‘’'".contains(c))
}

fn is_clause_ref(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() >= 2
        && b[0].is_ascii_uppercase()
        && b[1].is_ascii_digit()
        && b[1..]
            .iter()
            .all(|c| c.is_ascii_digit() || *c == b'.' || c.is_ascii_uppercase())
}

fn is_number(t: &str) -> bool {
    !t.is_empty() && t.bytes().all(|c| c.is_ascii_digit() || b".()".contains(&c))
}

fn is_ordinal(t: &str) -> bool {
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
    [
        "and", "with", "pursuant", "by", "of", "in", "the", "under", "version",
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

// ---------------------------------------------------------------------------------------
// Reasons

/// White space normalised: words joined by single spaces.
fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_words(&mut out, s);
    out
}

/// Appends the words of `s` to `out`, single-spaced.
fn push_words(out: &mut String, s: &str) {
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
}

static MODIFIES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)Modifications?\s+to\s+(?:the\s+)?SEC\s+(?:version\s+|v)\d+(?:\.\d+)*")
        .expect("modifies regex")
});

/// Builds a reason from its pieces, mapping spans found in the normalised text back to
/// the original.
fn build_reason(text: &str, pieces: &[Range<usize>]) -> Reason {
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
    let modifies = maybe.then(|| MODIFIES.find(&norm)).flatten().and_then(|m| {
        // The version number is the match's tail of digits and dots.
        let s = m.as_str();
        let v = s.len()
            - s.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.')
                .len();
        let r = m.end() - v..m.end();
        Some((Version::parse(&norm[r.clone()])?, map_span(r)))
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
        effect_dates,
        approval_date,
        other_dates,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PDF: &str = include_str!("../../tests/fixtures/extract/version-control-pdf.txt");
    const MD: &str = include_str!("../../tests/fixtures/extract/version-control.md");

    fn v(s: &str) -> Version {
        Version::parse(s).unwrap()
    }

    fn iso(d: Option<Date>) -> String {
        d.map_or_else(|| "-".to_string(), |d| d.to_string())
    }

    fn pdf() -> VersionTable {
        parse_version_table(PDF).expect("table")
    }

    fn row<'a>(t: &'a VersionTable, version: &str) -> &'a VersionRow {
        t.rows
            .iter()
            .find(|r| r.version.as_str() == version)
            .unwrap()
    }

    const PDF_ROWS: [(&str, &str); 40] = [
        ("1.0", "2013-10-07"),
        ("2.0", "2014-04-03"),
        ("2.1", "2014-04-09"),
        ("2.2", "2014-06-02"),
        ("3.0", "2014-08-04"),
        ("3.1", "2014-10-22"),
        ("4.0", "2015-01-19"),
        ("4.1", "2015-01-29"),
        ("4.2", "2015-03-23"),
        ("4.3", "2015-07-06"),
        ("4.4", "2015-09-16"),
        ("4.5", "2015-09-30"),
        ("4.6", "2015-10-26"),
        ("4.7", "2016-02-11"),
        ("4.8", "2016-02-15"),
        ("4.9", "2016-03-14"),
        ("4.10", "2016-04-21"),
        ("4.11", "2016-06-08"),
        ("4.12", "2016-06-17"),
        ("4.13", "2016-07-07"),
        ("4.14", "2016-07-14"),
        ("4.15", "2016-08-19"),
        ("4.16", "2016-10-24"),
        ("4.17", "2016-10-31"),
        ("5.0", "2016-11-10"),
        ("5.1", "2016-12-15"),
        ("5.2", "2016-12-22"),
        ("5.3", "2017-01-30"),
        ("5.4", "2017-02-13"),
        ("5.5", "2017-03-16"),
        ("5.6", "2017-04-03"),
        ("5.7", "2017-05-12"),
        ("5.8", "2017-07-14"),
        ("5.9", "2017-07-24"),
        ("5.10", "2017-09-15"),
        ("5.11", "2017-11-07"),
        ("5.12", "2017-11-23"),
        ("5.13", "2018-02-02"),
        ("5.14", "2018-02-23"),
        ("5.15", "2018-05-29"),
    ];

    #[test]
    fn pdf_table_gives_forty_rows_with_versions_and_dates() {
        let t = pdf();
        assert_eq!(t.shape, TableShape::PdfText);
        let got: Vec<(String, String)> = t
            .rows
            .iter()
            .map(|r| (r.version.as_str().to_string(), iso(r.date)))
            .collect();
        let want: Vec<(String, String)> = PDF_ROWS
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(got, want);
        for r in &t.rows {
            assert_eq!(&PDF[r.version_span.clone()], r.version.as_str());
            assert!(PDF[r.span.clone()].starts_with(r.version.as_str()));
            assert!(r.span.start <= r.date_span.start && r.date_span.end <= r.span.end);
        }
    }

    #[test]
    fn pdf_dates_keep_their_line_breaks_in_the_span() {
        let t = pdf();
        let date_text = |ver: &str| &PDF[row(&t, ver).date_span.clone()];
        assert_eq!(date_text("1.0"), "7th October \n\n2013");
        assert_eq!(date_text("2.0"), "3rd April 2014");
        assert_eq!(date_text("4.4"), "16th September \n\n2015");
        assert_eq!(date_text("4.15"), "19th August \n\n2016");
        assert_eq!(date_text("5.9"), "24th July 2017");
        assert_eq!(date_text("5.15"), "29th May 2018");
    }

    #[test]
    fn rows_after_a_page_break_have_a_leading_space() {
        let t = pdf();
        for ver in ["4.2", "5.1", "5.12"] {
            let r = row(&t, ver);
            assert_eq!(
                &PDF[r.version_span.start - 2..r.version_span.start],
                "\n ",
                "{ver}"
            );
        }
    }

    #[test]
    fn pdf_modifies_chain() {
        let t = pdf();
        let got: Vec<(String, Vec<Option<String>>)> = t
            .rows
            .iter()
            .map(|r| {
                let m = r
                    .reasons
                    .iter()
                    .map(|re| re.modifies.as_ref().map(|(v, _)| v.as_str().to_string()))
                    .collect();
                (r.version.as_str().to_string(), m)
            })
            .collect();
        let s = |x: &str| Some(x.to_string());
        let want: Vec<(String, Vec<Option<String>>)> = vec![
            ("1.0", vec![None]),
            ("2.0", vec![s("1.0")]),
            ("2.1", vec![s("2.0")]),
            ("2.2", vec![s("2.1")]),
            ("3.0", vec![s("2.2")]),
            ("3.1", vec![s("3.0")]),
            ("4.0", vec![s("3.1")]),
            ("4.1", vec![s("4.0")]),
            ("4.2", vec![s("4.1")]),
            ("4.3", vec![s("4.2")]),
            ("4.4", vec![s("4.3")]),
            ("4.5", vec![s("4.4")]),
            ("4.6", vec![s("4.5")]),
            ("4.7", vec![s("4.6")]),
            ("4.8", vec![s("4.7"), s("4.6")]),
            ("4.9", vec![s("4.8")]),
            ("4.10", vec![s("4.9")]),
            ("4.11", vec![s("4.10")]),
            ("4.12", vec![s("4.11")]),
            ("4.13", vec![s("4.12")]),
            ("4.14", vec![s("4.13")]),
            ("4.15", vec![s("4.14"), s("4.14")]),
            ("4.16", vec![s("4.15")]),
            ("4.17", vec![s("4.16")]),
            ("5.0", vec![s("4.17")]),
            ("5.1", vec![None]),
            ("5.2", vec![s("5.1")]),
            ("5.3", vec![s("5.2")]),
            ("5.4", vec![s("5.3"), None]),
            ("5.5", vec![None]),
            ("5.6", vec![None]),
            ("5.7", vec![None]),
            ("5.8", vec![None]),
            ("5.9", vec![s("5.8")]),
            ("5.10", vec![None]),
            ("5.11", vec![s("5.10")]),
            ("5.12", vec![None]),
            ("5.13", vec![s("5.12")]),
            ("5.14", vec![s("5.13"), s("5.13")]),
            ("5.15", vec![None]),
        ]
        .into_iter()
        .map(|(a, b)| (a.to_string(), b))
        .collect();
        assert_eq!(got, want);
        // Every "modifies" span points at the version number in the text.
        for r in &t.rows {
            for re in &r.reasons {
                if let Some((ver, span)) = &re.modifies {
                    assert_eq!(&PDF[span.clone()], ver.as_str());
                    assert!(PDF[span.start - 8..span.start].ends_with("version "));
                }
            }
        }
    }

    #[test]
    fn two_reason_rows() {
        let t = pdf();
        let r = row(&t, "5.14");
        assert_eq!(r.reasons.len(), 2);
        assert_eq!(
            r.reasons[0].text,
            "Modifications to SEC version 5.13 as directed by the Secretary of State pursuant \
             to Section 88(1) of the Energy Act 2008"
        );
        assert_eq!(
            r.reasons[1].text,
            "Modifications to SEC version 5.13 as directed by the Secretary of State pursuant \
             to SEC Section X5"
        );
        assert_eq!(r.reasons[0].modifies.as_ref().unwrap().0, v("5.13"));
        assert_eq!(r.reasons[1].modifies.as_ref().unwrap().0, v("5.13"));
        assert!(r.reasons[0].span.end < r.reasons[1].span.start);
        assert_eq!(
            r.overview,
            "Section A definitions updated Appendix AJ (SEC Variation Testing Approach \
             Document) designated"
        );

        // 4.8: the second reason is finished after a page break, below overview lines.
        let r = row(&t, "4.8");
        assert_eq!(r.reasons.len(), 2);
        let second = &r.reasons[1];
        assert_eq!(
            second.text,
            "Modifications to SEC version 4.6 as directed by the Secretary of State in \
             accordance with SEC Section X5.4 and Condition 22 of the DCC Licence"
        );
        assert_eq!(second.pieces.len(), 7);
        assert_eq!(&PDF[second.pieces[3].clone()], "State in accordance");
        assert_eq!(&PDF[second.pieces[6].clone()], "DCC Licence");
        assert!(PDF[second.span.clone()].contains("maintenance guidance"));
        assert_eq!(
            r.overview,
            "More Communications Hub provisions. Designating the CH install and maintenance \
             guidance."
        );

        // 4.15: a Secretary of State direction and a Panel direction with an effect date.
        let r = row(&t, "4.15");
        assert_eq!(r.reasons.len(), 2);
        assert!(
            r.reasons[0]
                .text
                .ends_with("and pursuant to SEC Appendix J.")
        );
        let (d, span) = &r.reasons[1].effect_dates[0];
        assert_eq!(
            (d.to_string().as_str(), &PDF[span.clone()]),
            ("2016-08-16", "16th August 2016")
        );
        assert_eq!(r.reasons[1].effect_dates.len(), 1);
        assert!(r.reasons[1].approval_date.is_none());

        // 5.4: the second reason names no version.
        let r = row(&t, "5.4");
        assert_eq!(
            r.reasons[1].text,
            "Modifications as directed by the Secretary of State pursuant to SEC Section X5."
        );
        assert!(r.reasons[1].modifies.is_none());
    }

    #[test]
    fn approval_dates_including_ones_split_over_lines() {
        let t = pdf();
        let got: Vec<(&str, String, &str)> = t
            .rows
            .iter()
            .flat_map(|r| r.reasons.iter().map(move |re| (r, re)))
            .filter_map(|(r, re)| {
                let (d, span) = re.approval_date.as_ref()?;
                Some((r.version.as_str(), d.to_string(), &PDF[span.clone()]))
            })
            .collect();
        assert_eq!(
            got,
            [
                ("5.1", "2016-11-23".to_string(), "23rd November 2016"),
                ("5.5", "2017-02-22".to_string(), "22nd \n\nFebruary 2017"),
                ("5.6", "2017-01-18".to_string(), "18th \n\nJanuary 2017"),
                ("5.7", "2017-04-19".to_string(), "19th \n\nApril 2017"),
                ("5.8", "2017-06-21".to_string(), "21st \n\nJune 2017"),
                ("5.10", "2017-08-23".to_string(), "23rd August 2017"),
                ("5.12", "2017-10-25".to_string(), "25th \n\nOctober 2017"),
                ("5.15", "2018-05-01".to_string(), "1st May \n\n2018"),
            ]
        );
        let r = row(&t, "5.12");
        assert_eq!(
            r.reasons[0].text,
            "Implementation of a Modification Proposal approved via the Change Board on 25th \
             October 2017."
        );
        // No other row carries a date in its reasons.
        assert!(
            t.rows
                .iter()
                .flat_map(|r| &r.reasons)
                .all(|re| re.other_dates.is_empty())
        );
    }

    #[test]
    fn reasons_keep_legal_fragments_and_overviews_keep_the_rest() {
        let t = pdf();
        let r = row(&t, "1.0");
        assert_eq!(
            r.reasons[0].text,
            "Designation by the Secretary of State pursuant to section 88(1) of the Energy Act 2008"
        );
        assert_eq!(r.overview, "Initial designation of the Code");
        assert_eq!(
            &PDF[r.reasons[0].span.clone()],
            "Designation by the \n\nSecretary of State \n\npursuant to section \n\n88(1) of the \
             Energy Act \n\n2008"
        );

        let r = row(&t, "2.2");
        assert_eq!(
            r.reasons[0].text,
            "Modification to SEC version 2.1 as directed by the SEC Panel pursuant to SECMP 0002"
        );
        assert_eq!(
            r.overview,
            "Removing references to a consumer body that has been dissolved"
        );

        // The reason resumes after overview lines; "Section X as directed by the" after the
        // closed reason is overview.
        let r = row(&t, "5.13");
        assert_eq!(r.reasons.len(), 1);
        assert_eq!(
            r.reasons[0].text,
            "Modifications to SEC version 5.12 as directed by the Secretary of State pursuant \
             to section 89 of the Energy Act 2008"
        );
        assert_eq!(
            r.overview,
            "Section P – Production Proving designated; edits to Section A, C, Section E, \
             Section H, Section J, Section K and Section X as directed by the Secretary of \
             State."
        );

        // A reason half closed after "Section X6": "(Section X9)." stays in the overview.
        let r = row(&t, "4.10");
        assert!(r.reasons[0].text.ends_with("with SEC Section X6"));
        assert_eq!(
            r.overview,
            "Arrangements for interim device and user testing (Section X9)."
        );

        // The page-break fragment "Sections X3.1, X5, and / X6" joins the open reason.
        let r = row(&t, "4.14");
        assert!(
            r.reasons[0]
                .text
                .ends_with("the Energy Act 2008, and pursuant to SEC Sections X3.1, X5, and X6")
        );
        assert_eq!(
            r.overview,
            "Designating Section Z - Alt HAN Arrangements. Designating Appendix T - DCCKI \
             Interface Design Specification. Appendices A, B and C re-designated."
        );

        let r = row(&t, "5.1");
        assert_eq!(
            r.overview,
            "Implementation of Modification Proposals: • Amendment to Section L due to \
             SECMP0024 “Widening SMKI PMA membership” • Amendments to Schedule 5 due to \
             SECMP0021 “Publishing Party identifiers”"
        );
    }

    #[test]
    fn decoy_lines_are_not_rows() {
        let t = pdf();
        // "2008", "88(1) of the Energy Act", "2018.", "2.3 and 2.4 of Appendix J.",
        // "Authority on 1st May" and "Section 88 (1) and 89 of" all occur in the fixture.
        for decoy in [
            "\n2008  \n",
            "\n88(1) of the Energy Act \n",
            "\n2018. \n",
            "\n2.3 and 2.4 of",
        ] {
            assert!(PDF.contains(decoy), "{decoy:?}");
        }
        assert_eq!(t.rows.len(), 40);
        assert!(
            row(&t, "5.4")
                .overview
                .ends_with("paragraphs 2.3 and 2.4 of Appendix J.")
        );
        assert!(t.rows.iter().all(|r| r.version.parts()[0] <= 5));

        let text = "VERSION CONTROL\n\n1.0 1st May 2020 Designation by the\n2008\n\
                    88(1) of the Energy Act\n2.3 1st Line Support\n2.4 and 2.5 amended\n\
                    1st May 2021 reviewed\n1.1 2nd June 2021 Modifications to SEC\nversion 1.0\n";
        let t = parse_version_table(text).unwrap();
        let got: Vec<(&str, String)> = t
            .rows
            .iter()
            .map(|r| (r.version.as_str(), iso(r.date)))
            .collect();
        assert_eq!(
            got,
            [
                ("1.0", "2020-05-01".to_string()),
                ("1.1", "2021-06-02".to_string())
            ]
        );
    }

    #[test]
    fn table_span_stops_at_the_next_heading() {
        let t = pdf();
        assert!(PDF[t.span.clone()].starts_with("VERSION CONTROL"));
        assert!(PDF[t.span.clone()].ends_with("protection updates”."));
        assert!(PDF[t.span.end..].contains("SECTION A: DEFINITIONS"));
        let last = t.rows.last().unwrap();
        assert_eq!(last.span.end, t.span.end);
        assert_eq!(
            last.overview,
            "Amendments to Sections A, I and M for SECMP0046 “Data protection updates”."
        );
    }

    #[test]
    fn crlf_text_gives_the_same_table() {
        let crlf = PDF.replace('\n', "\r\n");
        let a = pdf();
        let b = parse_version_table(&crlf).unwrap();
        assert_eq!(a.rows.len(), b.rows.len());
        for (x, y) in a.rows.iter().zip(&b.rows) {
            assert_eq!(x.version, y.version);
            assert_eq!(x.date, y.date);
            assert_eq!(x.overview, y.overview);
            assert_eq!(
                PDF[x.date_span.clone()].replace('\n', "\r\n"),
                &crlf[y.date_span.clone()]
            );
            let texts = |r: &VersionRow| {
                r.reasons
                    .iter()
                    .map(|re| re.text.clone())
                    .collect::<Vec<_>>()
            };
            assert_eq!(texts(x), texts(y));
            for (rx, ry) in x.reasons.iter().zip(&y.reasons) {
                assert_eq!(
                    rx.modifies.as_ref().map(|m| &PDF[m.1.clone()]),
                    ry.modifies.as_ref().map(|m| &crlf[m.1.clone()])
                );
            }
        }
    }

    #[test]
    fn markdown_table() {
        let t = parse_version_table(MD).unwrap();
        assert_eq!(t.shape, TableShape::Markdown);
        assert!(MD[t.span.clone()].starts_with("| Version | Implementation Date |"));
        assert!(MD[t.span.clone()].ends_with("| Two small fixes |"));
        let got: Vec<(&str, &str, String)> = t
            .rows
            .iter()
            .map(|r| {
                (
                    &MD[r.version_span.clone()],
                    &MD[r.date_span.clone()],
                    iso(r.date),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("1.0", "2016-11-10", "2016-11-10".to_string()),
                ("1.1", "21st July 2017", "2017-07-21".to_string()),
                ("2.0", "2019-06-27", "2019-06-27".to_string()),
                ("2.1", "2020-11-05", "2020-11-05".to_string()),
                ("3.0", "31st June 2021", "-".to_string()),
                ("3.1", "2022-02-24", "2022-02-24".to_string()),
            ]
        );
        let r = &t.rows[0];
        assert_eq!(
            r.reasons[0].text,
            "Designation by the Secretary of State pursuant to Section X5"
        );
        assert_eq!(r.overview, "First version of the procedures");
        assert!(MD[r.span.clone()].starts_with("| 1.0 |"));

        let r = &t.rows[2];
        let (d, span) = r.reasons[0].approval_date.as_ref().unwrap();
        assert_eq!(
            (d.to_string().as_str(), &MD[span.clone()]),
            ("2019-05-02", "2nd May 2019")
        );

        // Two reasons split at <br>, the second with an effect date; an escaped pipe.
        let r = &t.rows[3];
        assert_eq!(r.reasons.len(), 2);
        assert_eq!(
            r.reasons[1].text,
            "Modifications to SEC version 31.0 as directed by the SEC Panel with effect 4th \
             November 2020"
        );
        for re in &r.reasons {
            let (ver, span) = re.modifies.as_ref().unwrap();
            assert_eq!((ver.as_str(), &MD[span.clone()]), ("31.0", "31.0"));
        }
        let (d, span) = &r.reasons[1].effect_dates[0];
        assert_eq!(
            (d.to_string().as_str(), &MD[span.clone()]),
            ("2020-11-04", "4th November 2020")
        );
        assert_eq!(r.overview, "Device status table | renumbered");

        // Two reasons in one cell without <br>, split where the second begins.
        let r = &t.rows[5];
        let texts: Vec<&str> = r.reasons.iter().map(|re| re.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Modifications to SEC version 56.0 as directed by the Secretary of State.",
                "Modifications to SEC version 56.0 as directed by the SEC Panel pursuant to SECMP0018."
            ]
        );
        for re in &r.reasons {
            assert_eq!(&MD[re.span.clone()], re.text);
        }
    }

    #[test]
    fn table_ends_at_the_document_body() {
        let body = [
            "H8 Service Management\nH8.1 The DCC shall …\n",
            "1.1 This document sets out the steps.\n",
            "CONTENTS PAGE\n",
            "# Section H: DCC Services\n",
        ];
        for b in body {
            let text = format!(
                "VERSION CONTROL\n\n1.0 3rd May 2021 Designation by the\nSecretary of State\nFirst issue\n\n{b}more body text\n"
            );
            let t = parse_version_table(&text).unwrap();
            assert_eq!(t.rows.len(), 1, "{b:?}");
            assert_eq!(t.rows[0].overview, "First issue", "{b:?}");
            assert!(text[t.span.clone()].ends_with("First issue"), "{b:?}");
        }
        // Fragments that look like headings but are not.
        for line in [
            "X6 Design Specification, and",
            "H3.22",
            "SMKI RAPP.",
            "2.3 and 2.4 of Appendix J.",
        ] {
            assert!(!is_table_end(line), "{line:?}");
        }
    }

    #[test]
    fn no_table() {
        assert!(parse_version_table("").is_none());
        assert!(parse_version_table("Just prose about version 4.2 on 18th March 2015.").is_none());
        assert!(parse_version_table("| a | b |\n|---|---|\n| 1 | 2 |\n").is_none());
        let t = parse_version_table("VERSION CONTROL\n\nVersion Number\n").unwrap();
        assert!(t.rows.is_empty());
    }
}
