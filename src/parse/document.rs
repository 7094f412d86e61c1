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
    /// `title` folded ([`crate::title::fold`]) once, when the heading is read: citations
    /// of this version are compared with it.
    pub folded_title: String,
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
    /// The heading written after the number, when the line is a heading read whole
    /// (see [`clause_heading`]): `Service Management` in `## H8 Service Management`.
    /// Boxed: most clauses have none, and a corpus holds millions of clauses (one word a
    /// clause, not four).
    pub heading: Option<Box<ClauseHeading>>,
}

/// A part's or clause's heading: its words as written (white space folded) and where
/// they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClauseHeading {
    pub title: String,
    pub span: Span,
}

static HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:#{1,6}\s*)?((?:SEC\s+)?(?i:section|schedule|appendix)\s+(?:[A-Z]{1,2}|\d{1,3}))(?:\s*([:–—-])\s*|\s+)(.*?)\s*$",
    )
    .expect("valid regex")
});

/// "SECTION H", "SEC Appendix AC" alone on a line: the title follows on the next line.
static NAME_ALONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:#{1,6}\s*)?((?:SEC\s+)?(?i:section|schedule|appendix)\s+(?:[A-Z]{1,2}|\d{1,3}))\s*$")
        .expect("valid regex")
});

/// How many non-blank lines at the top may be cover lines before the heading.
const COVER_LINES: usize = 12;

/// The document's heading: the first line that names a document and its title, in any
/// of the exported forms — `# Section H: DCC Services`, `Section H – DCC Services`,
/// `**Section H: DCC Services**`, a setext heading (underlined with `===` or `---`), or
/// "SECTION H" on one line and the title on the next. Cover lines may come first ("Smart
/// Energy Code", "SEC Section H v9.1", a date): short lines that are not sentences. The
/// first line may name the document loosely ("Section H DCC Services"); a later one needs
/// a separator (`:`, `–`, `-`), quotes, or heading markup, so prose that starts with a
/// document's name is not taken for a heading. In Markdown (`markdown`), prose before the
/// first heading is skipped as well.
pub fn parse_heading(text: &str, markdown: bool) -> Option<Heading> {
    let lines: Vec<(usize, &str)> = lines_with_offsets(text)
        .map(|(s, l)| (s, l.strip_suffix('\r').unwrap_or(l)))
        .collect();
    let mut seen = 0;
    for (k, &(start, line)) in lines.iter().enumerate() {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        seen += 1;
        if seen > COVER_LINES {
            return None;
        }
        // A running header ("SEC Section H v9.1") or a page number is a cover line, even
        // first: it names the document and its version, not its title.
        if crate::parse::furniture::is_page_furniture(t) {
            continue;
        }
        let setext = lines.get(k + 1).is_some_and(|(_, next)| {
            let n = next.trim();
            n.len() >= 3 && (n.bytes().all(|b| b == b'=') || n.bytes().all(|b| b == b'-'))
        });
        let (inner, lead) = unbold(line);
        let marked = t.starts_with('#') || setext || inner.len() < line.len();
        // An unmarked line that ends a sentence is prose. In Markdown, where headings are
        // marked up, an unmarked one needs a separator or quotes even on the first line.
        let sentence = !marked && t.ends_with(['.', ';', ',']);
        let loose = marked || (seen == 1 && !markdown);
        if !sentence && let Some(h) = heading_on(inner, start + lead, loose) {
            return Some(Heading {
                span: Span::new(start, start + line.len()),
                ..h
            });
        }
        if !sentence && let Some(h) = heading_over_two_lines(&lines, k) {
            return Some(h);
        }
        let cover = t.chars().count() <= 80
            && !t.ends_with(['.', '?', ':', ';', ','])
            && !t.contains('|')
            && !t.starts_with(['•', '-', '*', '·'])
            && clause::line_number_len(t.as_bytes(), 2).is_none_or(|(l, _)| l == 0);
        // Past cover lines (and, in Markdown, prose before the first heading) only.
        let passed_over = cover || (markdown && !t.starts_with('#'));
        if !passed_over {
            return None;
        }
    }
    None
}

/// A line without `**…**` (or `__…__`) around it, and the offset of what is left.
fn unbold(line: &str) -> (&str, usize) {
    let lead = line.len() - line.trim_start().len();
    let t = line.trim();
    for m in ["**", "__"] {
        if t.len() > 2 * m.len() && t.starts_with(m) && t.ends_with(m) {
            return (&t[m.len()..t.len() - m.len()], lead + m.len());
        }
    }
    (line, 0)
}

/// The heading on one line (`line` starts at byte `at` of the text); `loose` allows the
/// title to follow the name after white space alone, without quotes.
fn heading_on(line: &str, at: usize, loose: bool) -> Option<Heading> {
    let caps = HEADING.captures(line)?;
    let name = caps.get(1)?;
    let document = document_from_name(name.as_str())?;
    let title = caps.get(3)?;
    let (t_start, t_end) = strip_quotes(line, title.range());
    let quoted = (t_start, t_end) != (title.start(), title.end());
    if t_start >= t_end || !(loose || quoted || caps.get(2).is_some()) {
        return None;
    }
    Some(Heading {
        span: Span::new(at, at + line.len()),
        document,
        document_span: Span::new(at + name.start(), at + name.end()),
        title: line[t_start..t_end].to_string(),
        folded_title: crate::title::fold(&line[t_start..t_end]),
        title_span: Span::new(at + t_start, at + t_end),
    })
}

/// "SECTION H" on line `k` and the title on the next non-blank line.
fn heading_over_two_lines(lines: &[(usize, &str)], k: usize) -> Option<Heading> {
    let (start, line) = lines[k];
    let (inner, lead) = unbold(line);
    let caps = NAME_ALONE.captures(inner)?;
    let name = caps.get(1)?;
    let document = document_from_name(name.as_str())?;
    let &(t_line_start, t_line) = lines[k + 1..].iter().find(|(_, l)| !l.trim().is_empty())?;
    let (t_inner, t_lead) = unbold(t_line);
    let tt = t_inner.trim();
    let looks_like_title = tt.chars().count() <= 100
        && !tt.ends_with(['.', ':', ';', ','])
        && tt.chars().next().is_some_and(char::is_alphabetic)
        && HEADING.captures(tt).is_none();
    if !looks_like_title {
        return None;
    }
    let off = t_line_start + t_lead + (t_inner.len() - t_inner.trim_start().len());
    let r = 0..tt.len();
    let (t_start, t_end) = strip_quotes(tt, r);
    Some(Heading {
        span: Span::new(start, t_line_start + t_line.len()),
        document,
        document_span: Span::new(start + lead + name.start(), start + lead + name.end()),
        title: tt[t_start..t_end].to_string(),
        folded_title: crate::title::fold(&tt[t_start..t_end]),
        title_span: Span::new(off + t_start, off + t_end),
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
        // A table of contents names parts with their page numbers: not the parts.
        if is_contents_entry(rest) {
            continue;
        }
        if let Some(num) = clause_number(rest, document) {
            let at = start + trimmed_at + num.start;
            let heading = clause_heading(rest, num.clone(), document).map(|r| {
                Box::new(ClauseHeading {
                    title: crate::title::squeeze(&rest[r.clone()]),
                    span: Span::new(start + trimmed_at + r.start, start + trimmed_at + r.end),
                })
            });
            clauses.push(Clause {
                number: ClauseNumber::new(&rest[num.clone()]),
                span: Span::new(at, start + trimmed_at + num.end),
                body: Span::new(start, text.len()),
                heading,
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
            heading: None,
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
/// A table-of-contents line as Word and PDF exports give it: a part's number and title,
/// then its page number after a tab, dot leaders or a run of spaces ("H1 General\t3",
/// "H8 Service Management ........ 12", "3 Enrolment   7").
fn is_contents_entry(line: &str) -> bool {
    let t = line.trim_end();
    let digits = t.len() - t.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if !(1..=4).contains(&digits) || digits == t.len() {
        return false;
    }
    let before = &t[..t.len() - digits];
    let dots = before.trim_end().ends_with("..") || before.trim_end().ends_with('…');
    // A tab or a run of spaces leads to the page number only after a part's number
    // ("H1", "3"), not a clause's ("H2.2 … 10   20" is the clause's text).
    let part = before
        .split_whitespace()
        .next()
        .is_some_and(|n| !n.trim_end_matches('.').contains('.'));
    let leader = dots || (part && (before.ends_with('\t') || before.ends_with("   ")));
    leader && before.split_whitespace().count() >= 2
}

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
        clause::section_clause_len(
            &bytes[i..],
            Some(letter),
            clause::COMPONENT_DIGITS,
            clause::COMPONENT_DIGITS,
            usize::MAX,
        )?
    } else {
        clause::paragraph_len(&bytes[i..], clause::COMPONENT_DIGITS, usize::MAX)?
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

/// Small words a heading may hold in lower case, and that a heading cut by a line
/// wrap ends with.
const HEADING_CONNECTORS: [&str; 16] = [
    "and", "of", "for", "the", "to", "in", "on", "with", "by", "a", "an", "or", "&", "at", "from",
    "under",
];

/// The heading after the clause number at `num` of a line (`rest`, trimmed at the
/// start), as a range of `rest`, when the line is a heading read whole:
/// - a Markdown heading (`## H8 Service Management`, `### H8.16 WAN Coverage Database`),
///   or a line bold from end to end (`**H8 Service Management**`);
/// - in a Section, a part number alone with title words, as Word and PDF exports give it
///   (`H8 Service Management`, `H8 SERVICE MANAGEMENT`): every word capitalised, a digit,
///   or a small joining word, and no sentence punctuation.
///
/// A heading that ends on a joining word, a comma or a dash was cut by a line wrap and
/// is not read ("## H10 Business Continuity and"); nor is one longer than 150 bytes.
pub fn clause_heading(
    rest: &str,
    num: Range<usize>,
    document: &DocumentId,
) -> Option<Range<usize>> {
    let line = rest.trim_end();
    let markdown = line.starts_with('#');
    let bold = line.starts_with("**") && line.ends_with("**") && line.len() > 4;
    let mut s = num.end;
    let after = &line[s..];
    // "3.2. Title": the full stop after the number.
    if after.starts_with('.') {
        s += 1;
    }
    let mut e = line.len();
    if bold {
        e -= 2;
        // "**H8.17** Next.": the bold covers the number only.
        if line[s..e].contains("**") {
            return None;
        }
    }
    if markdown {
        e = s + line[s..e].trim_end_matches('#').len();
    }
    let inner = &line[s..e];
    let t_start = s + (inner.len() - inner.trim_start().len());
    let t_end = s + inner.trim_end().len();
    if t_start >= t_end || t_start == s || t_end - t_start > 150 {
        return None;
    }
    let (t_start, t_end) = strip_quotes(line, t_start..t_end);
    let title = &line[t_start..t_end];
    let last = title.split_whitespace().next_back()?;
    if title.ends_with([',', '-', '–', '—', ':', ';'])
        || HEADING_CONNECTORS.contains(&last.to_ascii_lowercase().as_str())
    {
        return None;
    }
    if !(markdown || bold) {
        let part = document.kind == DocumentKind::Section && !line[num.clone()].contains('.');
        let title_like = title.split_whitespace().all(|w| {
            let c = w.chars().next().unwrap_or(' ');
            (c.is_uppercase() || c.is_ascii_digit() || HEADING_CONNECTORS.contains(&w))
                && !w.ends_with(['.', ';', ':', '?', '!'])
        });
        if !(part && title_like) {
            return None;
        }
    }
    Some(t_start..t_end)
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

    /// (document key, title, the heading's first line) for each exported form.
    fn heading(text: &str, markdown: bool) -> Option<(String, String, String)> {
        let h = parse_heading(text, markdown)?;
        let first = text[h.span.range()]
            .lines()
            .next()
            .unwrap_or("")
            .to_string();
        assert_eq!(&text[h.title_span.range()], h.title, "title span");
        Some((h.document.key(), h.title, first))
    }

    #[test]
    fn headings_as_exported_from_word_and_pdf() {
        let h = |k: &str, t: &str, l: &str| Some((k.to_string(), t.to_string(), l.to_string()));
        // Cover lines first.
        assert_eq!(
            heading(
                "Smart Energy Code\n\nSEC Section H v9.1\n\nSection H – DCC Services\n\nH1.1 x\n",
                false
            ),
            h("section-h", "DCC Services", "Section H – DCC Services")
        );
        // The name on one line, the title on the next.
        assert_eq!(
            heading(
                "SEC Section H v9.1\nPage 1 of 80\n\nSection H – DCC Services\n\nH1.1 x\n",
                false
            ),
            h("section-h", "DCC Services", "Section H – DCC Services")
        );
        assert_eq!(
            heading("Smart Energy Code\nSECTION J\nCHARGES\n\nJ1.1 x\n", false),
            h("section-j", "CHARGES", "SECTION J")
        );
        // A bold line, and a setext heading, in Markdown.
        assert_eq!(
            heading("**Section G: Security**\n\nG1.1 x\n", true),
            h("section-g", "Security", "**Section G: Security**")
        );
        assert_eq!(
            heading(
                "Section H: DCC Services\n=======================\n\nH1.1 x\n",
                true
            ),
            h("section-h", "DCC Services", "Section H: DCC Services")
        );
        // A cover heading in Markdown before the document's own.
        assert_eq!(
            heading(
                "# Smart Energy Code\n\n# Section L: Smart Metering Key Infrastructure\n",
                true
            ),
            h(
                "section-l",
                "Smart Metering Key Infrastructure",
                "# Section L: Smart Metering Key Infrastructure"
            )
        );
        // CR LF line ends.
        assert_eq!(
            heading(
                "SEC\r\nAppendix AC\r\nInventory, Enrolment and Decommissioning Procedures\r\n",
                false
            ),
            h(
                "appendix-ac",
                "Inventory, Enrolment and Decommissioning Procedures",
                "Appendix AC"
            )
        );
    }

    #[test]
    fn prose_is_not_a_heading() {
        // A later line needs a separator, quotes or markup: prose naming a document is not one.
        assert_eq!(
            heading("Smart Energy Code\nSection H applies to the DCC\n", false),
            None
        );
        // A sentence ends the cover lines.
        assert_eq!(
            heading(
                "This note explains the change.\nSection H – DCC Services\n",
                false
            ),
            None
        );
        // A bullet or a clause is no cover line.
        assert_eq!(
            heading("• Section A\nSection H – DCC Services\n", false),
            None
        );
        assert_eq!(
            heading("H1.1 The DCC\nSection H – DCC Services\n", false),
            None
        );
        // The name alone followed by a sentence or a clause is no heading.
        assert_eq!(heading("SECTION H\nH1.1 The DCC shall act.\n", false), None);
        assert_eq!(heading("Section H\nThe DCC shall act.\n", false), None);
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
    fn a_table_of_contents_is_not_the_parts() {
        let text = "Section H – DCC Services\n\nCONTENTS\n\nH1 General\t3\nH2 Forecasts ........ 4\nH3 Charges … 5\nH4 Other Matters     6\n\n\
                    H1 General\n\nH1.1 The DCC shall act.\n\nH2 Forecasts\n\nH2.1 Forecasts are monthly.\nH2.2 Values of 10   20\n";
        assert_eq!(
            numbers(text, "section-h"),
            vec!["H1", "H1.1", "H2", "H2.1", "H2.2"]
        );
        assert!(!is_contents_entry("H2.2 The DCC shall pay 3"));
        assert!(!is_contents_entry("12"));
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

    /// (number, heading) of each clause that has one.
    fn headings(text: &str, key: &str) -> Vec<(String, String)> {
        let doc = DocumentId::from_key(key).unwrap();
        parse_clauses(text, &doc, None)
            .into_iter()
            .filter_map(|c| {
                let h = c.heading?;
                assert_eq!(crate::title::squeeze(&text[h.span.range()]), h.title);
                Some((c.number.to_string(), h.title))
            })
            .collect()
    }

    #[test]
    fn headings_read_whole() {
        let text = "## H8 Service Management

H8.16 The DCC shall act.
                    ### H8.17 WAN Coverage Database ##
                    **H9 Incident Management**
**H9.1** Next.
                    H10 BUSINESS CONTINUITY
H11 Testing of the DCC Systems
                    H12 The DCC shall test.
H13 Testing and
## H14 Cut Over, 
                    ## H15 ‘Quoted Title’
H80 is a part? no: H80 Title
";
        assert_eq!(
            headings(text, "section-h"),
            [
                ("H8", "Service Management"),
                ("H8.17", "WAN Coverage Database"),
                ("H9", "Incident Management"),
                ("H10", "BUSINESS CONTINUITY"),
                ("H11", "Testing of the DCC Systems"),
                ("H15", "Quoted Title"),
            ]
            .map(|(a, b)| (a.to_string(), b.to_string()))
        );
        // In an Appendix a part is a numbered heading; a plain "3.2 Title" is a paragraph.
        let text = "## 3 Enrolment

3.1 Enrolment Procedures
## 4. Withdrawal
";
        assert_eq!(
            headings(text, "appendix-ac"),
            [("3", "Enrolment"), ("4", "Withdrawal")].map(|(a, b)| (a.to_string(), b.to_string()))
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
