//! One entry of the "What parts of the SEC were affected?" list: the document it names
//! ("Section J", "SEC Appendix AC"), its quoted title and any note after it.
//!
//! Separate because the list has its own fixed shape (one document per bullet), unlike
//! the prose the changed-documents heuristic reads.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::AffectedEntry;
use super::text::quoted_after;
use crate::names::{DocumentId, DocumentKind, kind_from_word};

static ENTRY_DOC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:SEC\s+)?(Section|Schedule|Appendix)\s+([A-Z]{1,2}|[1-9]\d{0,2})(?:$|[^A-Za-z0-9])",
    )
    .expect("entry regex")
});

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
    let title = if let Some(t) = quoted_after(text, rest_start) {
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
        Some(rest_start..line.end)
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
