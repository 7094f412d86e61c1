//! One entry of the "What parts of the SEC were affected?" list: the document it names
//! ("Section J", "SEC Appendix AC"), its quoted title and any note after it.
//!
//! Separate because the list has its own fixed shape (one document per bullet), unlike
//! the prose the changed-documents heuristic reads.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::AffectedEntry;
use super::sections::{Line, bullet_text, heading_text};
use super::text::{cells, quoted_after};
use crate::names::{DocumentId, DocumentKind, kind_from_word};

static ENTRY_DOC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:SEC\s+)?(Section|Schedule|Appendix)\s+([A-Z]{1,2}|[1-9]\d{0,2})(?:$|[^A-Za-z0-9])",
    )
    .expect("entry regex")
});

/// A document named anywhere in a text: "Section A", "Appendix AC", "Schedule 11".
static ANY_DOC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:Section\s+[A-Z]|Schedule\s+[1-9]\d{0,2}|Appendix\s+[A-Z]{1,2})\b")
        .expect("document regex")
});

/// The affected list: every line from the heading (`lines[heading]`) to `end` (the next
/// heading's line, or the end of the note) read as an entry, an introducing sentence, a
/// table header, or trailing prose. Returns the entries, and the lines that look like part
/// of the list but could not be read as entries (the list is then not complete).
///
/// Read as entries: bullet lines of every style, lines without a bullet that start by
/// naming a document (`Section A ‘…’`, `SEC Appendix O …`), and table rows (cells split by
/// tabs or `|`, or glued: `Section G ‘Security’YesYesNo`), whose first cell names the
/// document. Skipped: an introducing sentence ending in `:` before the first entry, a
/// table's header and separator rows. After the entries, a line of prose ends the list
/// ("Changes to … also became effective."), unless entries follow it: then it is a line
/// of the list that could not be read. Prose after the last entry is returned apart.
pub(super) fn read_list(text: &str, lines: &[Line], heading: usize, end: usize) -> AffectedList {
    let mut entries: Vec<AffectedEntry> = Vec::new();
    let mut unread: Vec<Range<usize>> = Vec::new();
    // Prose met after the entries: unread only if more entries follow it.
    let mut pending: Vec<Range<usize>> = Vec::new();
    let mut ended = false;
    for line in &lines[heading + 1..end] {
        if line.is_blank() {
            continue;
        }
        let t = line.trimmed();
        let s = &text[t.clone()];
        if is_table_rule(s) {
            continue;
        }
        let item = bullet_text(text, line)
            .or_else(|| names_document(s).then(|| t.clone()))
            .or_else(|| {
                let cell = first_cell(text, t.clone())?;
                names_document(&text[cell.clone()]).then_some(cell)
            });
        let Some(item) = item else {
            if entries.is_empty() && (s.ends_with(':') || is_table_header(s)) {
                continue;
            }
            if entries.is_empty() {
                unread.push(t);
            } else {
                ended = true;
                pending.push(t);
            }
            continue;
        };
        if ended {
            // Entries after prose: the prose was part of the list after all.
            unread.append(&mut pending);
            ended = false;
        }
        let item = first_cell(text, item.clone()).unwrap_or(item);
        let entry = affected_entry(text, strip_glued_cells(text, item));
        // An entry that names no document, or a line that names more than one (a list
        // written as a sentence: "Section H ‘…’ and Appendix AC ‘…’ were changed"), is
        // not one entry read whole.
        let names_another = entry
            .note_span
            .as_ref()
            .is_some_and(|n| ANY_DOC.is_match(&text[n.clone()]));
        if entry.document.is_none() || names_another {
            unread.push(entry.line_span.clone());
        }
        entries.push(entry);
    }
    if entries.is_empty() && unread.is_empty() {
        // A heading with nothing under it: "no entries read" is not "the list is empty".
        unread.push(heading_text(text, &lines[heading]));
    }
    unread.sort_by_key(|r| r.start);
    AffectedList {
        entries,
        unread,
        after: pending,
    }
}

/// The affected list as [`read_list`] reads it.
pub(super) struct AffectedList {
    pub(super) entries: Vec<AffectedEntry>,
    pub(super) unread: Vec<Range<usize>>,
    /// Prose after the list, under the same heading ("Changes to Appendix B previously
    /// designated also became effective."): read for changed documents like the summary.
    pub(super) after: Vec<Range<usize>>,
}

/// Whether a line starts by naming a document: `Section A`, `SEC Appendix AC`, `Schedule 11`.
pub(super) fn names_document(s: &str) -> bool {
    ENTRY_DOC.captures(s).is_some_and(|c| {
        let (Some(word), Some(des)) = (c.get(1), c.get(2)) else {
            return false;
        };
        let Some(kind) = kind_from_word(word.as_str()) else {
            return false;
        };
        (kind == DocumentKind::Schedule) == des.as_str().as_bytes()[0].is_ascii_digit()
            && (kind != DocumentKind::Section || des.as_str().len() == 1)
    })
}

/// The first non-empty cell of a row split by tabs or `|`; `None` for a line that is no
/// such row.
fn first_cell(text: &str, line: Range<usize>) -> Option<Range<usize>> {
    cells(text, line).into_iter().next()
}

/// `|---|---|`, `+----+`: a table's rule line.
fn is_table_rule(s: &str) -> bool {
    s.contains('-')
        && s.chars()
            .all(|c| matches!(c, '|' | '-' | ':' | '+' | ' ' | '\t'))
}

/// A table's header row: cells that name columns, not documents ("Document | Redline
/// available | Clean version available", "Document | Title").
fn is_table_header(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    [
        "document",
        "redline",
        "clean",
        "version",
        "available",
        "part",
        "title",
        "name",
        "description",
    ]
    .iter()
    .filter(|w| lower.contains(*w))
    .count()
        >= 2
        && (lower.contains("redline") || lower.contains("clean") || s.contains(['\t', '|']))
}

/// Cuts the cells a pasted table glues to the end of a row: `…’YesYesNo`, `…ServicesYesNo`.
fn strip_glued_cells(text: &str, item: Range<usize>) -> Range<usize> {
    let mut end = item.end;
    loop {
        let s = &text[item.start..end];
        let Some(word) = ["Yes", "No", "N/A"].into_iter().find(|w| s.ends_with(w)) else {
            break;
        };
        let before = s[..s.len() - word.len()].chars().next_back();
        // Glued: right after a letter or a closing quote or bracket, or another cell.
        if !before.is_some_and(|c| c.is_alphanumeric() || "’”'\")/".contains(c)) {
            break;
        }
        end -= word.len();
    }
    let s = text[item.start..end].trim_end();
    item.start..item.start + s.len()
}

pub(super) fn affected_entry(text: &str, line: Range<usize>) -> AffectedEntry {
    let s = &text[line.clone()];
    let mut entry = AffectedEntry {
        document: None,
        document_span: None,
        title: None,
        title_span: None,
        note_span: None,
        line_span: line.clone(),
    };
    let Some(c) = ENTRY_DOC.captures(s) else {
        return entry;
    };
    let (Some(word), Some(des)) = (c.get(1), c.get(2)) else {
        return entry;
    };
    let Some(kind) = kind_from_word(word.as_str()) else {
        return entry;
    };
    let is_schedule = kind == DocumentKind::Schedule;
    if is_schedule != des.as_str().as_bytes()[0].is_ascii_digit()
        || (kind == DocumentKind::Section && des.as_str().len() != 1)
    {
        return entry;
    }
    entry.document = DocumentId::new(kind, des.as_str());
    entry.document_span = Some(line.start + word.start()..line.start + des.end());
    let after = line.start + des.end();
    let rest = &text[after..line.end];
    let rest_t = rest.trim_start();
    let rest_start = after + (rest.len() - rest_t.len());
    // A quote that closes on a later line is not this entry's title (its end past the
    // line's panicked when the rest of the line was cut after it).
    let title = if let Some(t) = quoted_after(text, rest_start).filter(|t| t.end <= line.end) {
        Some(t)
    } else if let Some(sep) = ['–', '—', '-', ':']
        .into_iter()
        .find(|&c| rest_t.starts_with(c))
    {
        let r = rest_start + sep.len_utf8();
        let t = &text[r..line.end];
        let lead = t.len() - t.trim_start().len();
        (!t.trim().is_empty()).then(|| r + lead..r + lead + t.trim().len())
    } else if !rest_t.is_empty() && !rest_t.starts_with('(') {
        // A title whose closing quote is glued to what follows (a pasted table's cells
        // were cut after it): drop the pair of quotes.
        let r = rest_start..line.end;
        let t = &text[r.clone()];
        match [('‘', '’'), ('“', '”'), ('\'', '\''), ('"', '"')]
            .into_iter()
            .find(|&(o, c)| t.len() > 2 && t.starts_with(o) && t.ends_with(c))
        {
            Some((o, c)) => Some(r.start + o.len_utf8()..r.end - c.len_utf8()),
            None => Some(r),
        }
    } else {
        None
    };
    if let Some(t) = title {
        entry.title = Some(text[t.clone()].to_string());
        // Skip a closing quote after the title, then anything left is a note.
        let mut after_title = t.end;
        if let Some(c) = text[after_title..line.end].chars().next()
            && "’”'\"".contains(c)
        {
            after_title += c.len_utf8();
        }
        let n = &text[after_title..line.end];
        if !n.trim().is_empty() {
            let lead = n.len() - n.trim_start().len();
            entry.note_span = Some(after_title + lead..line.end);
        }
        entry.title_span = Some(t);
    } else if !rest_t.is_empty() {
        entry.note_span = Some(rest_start..line.end);
    }
    entry
}
