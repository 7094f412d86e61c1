//! The clean text of one document version: its heading and its numbered clauses.
//!
//! Sections number clauses with their letter (`H8.16`, `N4A.2`) and parts without a dot
//! (`## H8 Service Management`); Appendices and Schedules number paragraphs `3.2`,
//! `3.2.1`, with parts as numbered headings (`## 3 Enrolment`). Sub-clauses are lines
//! that start `(a)` and, below them, `(i)`; they are recorded as `H8.16(a)(i)`.

use crate::clause::{self, ClauseNumber, is_roman_label};
use crate::names::{DocumentId, DocumentKind, kind_from_word};
use crate::source::{Span, lines_with_offsets};
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// The first heading of a document: `# Section H: DCC Services`.
#[derive(Debug, Clone)]
pub struct Heading {
    pub span: Span,
    pub document: DocumentId,
    pub document_span: Span,
    pub title: String,
    pub title_span: Span,
}

/// A numbered clause, part or paragraph: `H8.16`, `H8`, `H8.16(a)`, `3.2`.
#[derive(Debug, Clone)]
pub struct Clause {
    pub number: ClauseNumber,
    /// The number where it is defined.
    pub span: Span,
    /// From the number to the next clause of the same or a higher level.
    pub body: Span,
}

static HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:#{1,6}\s*)?((?:SEC\s+)?(?i:section|schedule|appendix)\s+(?:[A-Z]{1,2}|\d{1,3}))(?:\s*[:–—-]\s*|\s+)(.*?)\s*$",
    )
    .expect("valid regex")
});

/// The first heading, if the first non-blank line (in Markdown, the first `#` line)
/// names a document. `markdown` says whether to look past leading prose for a `#` line.
pub fn parse_heading(text: &str, markdown: bool) -> Option<Heading> {
    let (start, line) = lines_with_offsets(text)
        .filter(|(_, l)| !l.trim().is_empty())
        .find(|(_, l)| !markdown || l.trim_start().starts_with('#'))?;
    let caps = HEADING.captures(line)?;
    let name = caps.get(1)?;
    let document = document_from_name(name.as_str())?;
    let title = caps.get(2)?;
    let (t_start, t_end) = strip_quotes(line, title.range());
    if t_start >= t_end {
        return None;
    }
    Some(Heading {
        span: Span::new(start, start + line.len()),
        document,
        document_span: Span::new(start + name.start(), start + name.end()),
        title: line[t_start..t_end].to_string(),
        title_span: Span::new(start + t_start, start + t_end),
    })
}

fn document_from_name(name: &str) -> Option<DocumentId> {
    let mut words = name.split_whitespace();
    let mut word = words.next()?;
    if word == "SEC" {
        word = words.next()?;
    }
    DocumentId::new(kind_from_word(word)?, words.next()?)
}

/// Drops one pair of quotes around a title: ‘…’, “…”, '…' or "…".
fn strip_quotes(line: &str, r: Range<usize>) -> (usize, usize) {
    let s = &line[r.clone()];
    for (open, close) in [("‘", "’"), ("“", "”"), ("'", "'"), ("\"", "\"")] {
        if s.len() >= open.len() + close.len() && s.starts_with(open) && s.ends_with(close) {
            return (r.start + open.len(), r.end - close.len());
        }
    }
    (r.start, r.end)
}

/// Every numbered clause, part and sub-clause of `document`, in text order. Lines inside
/// `skip` (the version-control table) are not read.
pub fn parse_clauses(text: &str, document: &DocumentId, skip: Option<Span>) -> Vec<Clause> {
    let mut clauses: Vec<Clause> = Vec::new();
    // Where each clause's line starts, to close bodies.
    let mut line_starts: Vec<usize> = Vec::new();
    let mut current: Option<usize> = None; // index of the last numbered clause
    let mut letter: Option<(usize, char)> = None; // last (a)-level sub-clause and its letter
    for (start, line) in lines_with_offsets(text) {
        if skip.is_some_and(|s| start >= s.start as usize && start < s.end as usize) {
            continue;
        }
        let trimmed_at = line.len() - line.trim_start().len();
        let rest = &line[trimmed_at..];
        if let Some(num) = clause_number(rest, document) {
            let at = start + trimmed_at + num.start;
            clauses.push(Clause {
                number: ClauseNumber::new(&rest[num.clone()]),
                span: Span::new(at, start + trimmed_at + num.end),
                body: Span::new(start, text.len()),
            });
            line_starts.push(start);
            current = Some(clauses.len() - 1);
            letter = None;
            continue;
        }
        let Some(cur) = current else { continue };
        let Some((token, range)) = sub_clause_token(rest) else {
            continue;
        };
        let at = start + trimmed_at;
        // Under a letter sub-clause, a roman numeral is one level down, unless it is
        // simply the next letter ("(i)" after "(h)").
        let roman_parent =
            letter.filter(|&(_, prev)| is_roman_label(token) && !follows(prev, token));
        let parent = roman_parent.map_or(cur, |(li, _)| li);
        let number = ClauseNumber::new(&format!("{}({token})", clauses[parent].number));
        let is_roman_child = roman_parent.is_some();
        clauses.push(Clause {
            number,
            span: Span::new(at + range.start, at + range.end),
            body: Span::new(start, text.len()),
        });
        line_starts.push(start);
        if !is_roman_child {
            letter = Some((clauses.len() - 1, token.chars().next().unwrap_or('a')));
        }
    }
    close_bodies(&mut clauses, &line_starts, text.len());
    clauses
}

/// A clause's body runs to the next clause that is not one of its descendants.
fn close_bodies(clauses: &mut [Clause], line_starts: &[usize], end: usize) {
    let mut stack: Vec<usize> = Vec::new();
    for i in 0..clauses.len() {
        while let Some(&top) = stack.last() {
            if clauses[i].number.is_under(&clauses[top].number) {
                break;
            }
            clauses[top].body.end = line_starts[i] as u32;
            stack.pop();
        }
        stack.push(i);
    }
    for i in stack {
        clauses[i].body.end = end as u32;
    }
}

/// The clause number at the start of a line: `H8.16 …`, `**H8.16** …`, `## H8 Title`,
/// `3.2 …`, `## 3 Title`. Returns its range in `rest`.
fn clause_number(rest: &str, document: &DocumentId) -> Option<Range<usize>> {
    let bytes = rest.as_bytes();
    let mut i = 0;
    let heading = rest.starts_with('#');
    if heading {
        while i < bytes.len() && bytes[i] == b'#' {
            i += 1;
        }
        while i < bytes.len() && bytes[i] == b' ' {
            i += 1;
        }
    }
    if rest[i..].starts_with("**") {
        i += 2;
    }
    let start = i;
    // Components: digits with an optional capital suffix (N4A), separated by dots.
    let len = if document.kind == DocumentKind::Section {
        let letter = document.designator.as_bytes()[0];
        clause::section_clause_len(&bytes[i..], Some(letter), 4, 4, usize::MAX)?
    } else {
        clause::paragraph_len(&bytes[i..], 4, usize::MAX)?
    };
    let components = 1 + bytes[i..i + len].iter().filter(|&&b| b == b'.').count();
    i += len;
    let end = i;
    // A trailing full stop after the number ("3.2. Text") is allowed.
    if bytes.get(i) == Some(&b'.') {
        i += 1;
    }
    if rest[i..].starts_with("**") {
        i += 2;
    }
    let ends_well = i == bytes.len() || bytes[i] == b' ' || bytes[i] == b'\t';
    if !ends_well {
        return None;
    }
    // In Appendices and Schedules a bare number ("2013 …") is a paragraph only as a heading.
    if document.kind != DocumentKind::Section && components == 1 && !heading {
        return None;
    }
    Some(start..end)
}

/// `(a)`, `(ii)`, `(aa)` at the start of a line: the token and the range of `(…)`.
fn sub_clause_token(rest: &str) -> Option<(&str, Range<usize>)> {
    let rest_b = rest.as_bytes();
    let open = if rest.starts_with("**(") { 2 } else { 0 };
    if rest_b.get(open) != Some(&b'(') {
        return None;
    }
    let close = open + 1 + rest[open + 1..].find(')')?;
    let token = &rest[open + 1..close];
    if token.is_empty() || token.len() > 4 || !token.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    Some((token, open..close + 1))
}

/// Whether `token` is the letter after `prev`: `(i)` after `(h)` is a letter, not a numeral.
fn follows(prev: char, token: &str) -> bool {
    token.len() == 1 && token.chars().next() == char::from_u32(prev as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_in_every_form() {
        let h = parse_heading("# Section H: DCC Services\n", true).unwrap();
        assert_eq!(h.document.key(), "section-h");
        assert_eq!(h.title, "DCC Services");
        let text = "\n# Appendix AC – Inventory, Enrolment and Withdrawal Procedures\r\n";
        let h = parse_heading(text, true).unwrap();
        assert_eq!(h.document.key(), "appendix-ac");
        assert_eq!(
            &text[h.title_span.range()],
            "Inventory, Enrolment and Withdrawal Procedures"
        );
        let h = parse_heading("SEC Schedule 11 ‘TS Applicability Tables’\nmore", false).unwrap();
        assert_eq!(h.document.key(), "schedule-11");
        assert_eq!(h.title, "TS Applicability Tables");
        assert!(parse_heading("# Release notes\n", true).is_none());
        assert!(parse_heading("Section H8.16 says\n", false).is_none());
    }

    fn numbers(text: &str, key: &str) -> Vec<String> {
        let doc = DocumentId::from_key(key).unwrap();
        parse_clauses(text, &doc, None)
            .into_iter()
            .map(|c| c.number.to_string())
            .collect()
    }

    #[test]
    fn section_clauses_parts_and_sub_clauses() {
        let text = "# Section H: DCC Services\n\n## H8 Service Management\n\nH8.16 The DCC shall:\n(a) do one;\n(b) do two:\n  (i) first;\n  (ii) second;\n(c) three.\n**H8.17** Next.\nN4.2 is not ours.\nH8.17A Inserted.\nH80 is a part? no: H80 Title\nH9.1.\n";
        assert_eq!(
            numbers(text, "section-h"),
            vec![
                "H8",
                "H8.16",
                "H8.16(a)",
                "H8.16(b)",
                "H8.16(b)(i)",
                "H8.16(b)(ii)",
                "H8.16(c)",
                "H8.17",
                "H8.17A",
                "H80",
                "H9.1"
            ]
        );
    }

    #[test]
    fn letter_i_after_h_is_a_letter() {
        let text = "H1.1 List:\n(g) g\n(h) h\n(i) i\n(j) j\n";
        assert_eq!(
            numbers(text, "section-h"),
            vec!["H1.1", "H1.1(g)", "H1.1(h)", "H1.1(i)", "H1.1(j)"]
        );
    }

    #[test]
    fn appendix_paragraphs() {
        let text = "# Appendix AC – X\n\n## 3 Enrolment\n\n3.1 First.\n3.2. Second:\n(a) sub.\n3.2.1 Deeper.\n2013 was a year.\n| 1.0 | 2013-09-23 |\n";
        assert_eq!(
            numbers(text, "appendix-ac"),
            vec!["3", "3.1", "3.2", "3.2(a)", "3.2.1"]
        );
    }

    #[test]
    fn bodies_cover_descendants() {
        let text = "H1.1 A.\n(a) b.\nH1.2 C.\n";
        let doc = DocumentId::from_key("section-h").unwrap();
        let clauses = parse_clauses(text, &doc, None);
        assert_eq!(&text[clauses[0].body.range()], "H1.1 A.\n(a) b.\n");
        assert_eq!(&text[clauses[1].body.range()], "(a) b.\n");
        assert_eq!(&text[clauses[2].body.range()], "H1.2 C.\n");
    }
}
