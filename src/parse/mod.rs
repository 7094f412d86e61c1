//! Parsers: text in, plain data with byte spans out. They know nothing of rules.

pub mod acronyms;
pub mod classify;
pub mod config;
pub mod dates;
pub mod definitions;
pub mod document;
pub mod furniture;
pub mod html;
pub mod log;
pub mod redline;
pub mod references;
pub mod release_note;
pub mod suppressions;
pub mod version_table;

use crate::names::DocumentId;
use crate::source::{Span, lines_with_offsets};
use document::{Clause, Heading};

/// Whether `s` ends with `suffix`, ignoring ASCII case.
pub(crate) fn ends_with_ci(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len()
        && s.is_char_boundary(s.len() - suffix.len())
        && s[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

/// Whether `hay` contains `needle`, ignoring ASCII case.
pub(crate) fn contains_ci(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    h.len() >= n.len() && h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}

/// What a document file yields.
#[derive(Debug, Default)]
pub struct ParsedDocument {
    pub heading: Option<Heading>,
    pub clauses: Vec<Clause>,
    /// The version-control table's block: the Markdown one ([`version_table_block`]), else
    /// the span of a table in the PDF shape; it holds no clauses or citations of the text.
    pub table_block: Option<Span>,
    /// The version-control table: Markdown in `.md` files, PDF-extracted in `.txt`.
    pub version_table: Option<version_table::VersionTable>,
    /// Defined terms: read in Section A only, outside the version-control table.
    pub definitions: Vec<definitions::Definition>,
    /// Acronyms with their expansions, outside the version-control table, in text order;
    /// in Section A, with its definitions of acronyms ([`acronyms::defined`]).
    pub acronyms: Vec<acronyms::Expansion>,
}

/// The Markdown version-control table: the block of `|` lines whose header names both
/// Version and Reason for Change.
pub fn version_table_block(text: &str) -> Option<Span> {
    let mut start: Option<usize> = None;
    let mut is_version_table = false;
    // A table's cells are split by `|` (outer pipes optional) or by tabs.
    let mut sep = '|';
    for (at, line) in lines_with_offsets(text) {
        let is_row = match start {
            None => line.contains('|') || line.contains('\t'),
            Some(_) => line.contains(sep),
        };
        match (start, is_row) {
            (None, true) => {
                let l = line.to_ascii_lowercase();
                is_version_table = l.contains("version") && l.contains("reason for change");
                if !is_version_table {
                    continue;
                }
                start = Some(at);
                sep = if line.contains('|') { '|' } else { '\t' };
            }
            (Some(s), false) => {
                if is_version_table {
                    return Some(Span::new(s, at));
                }
                start = None;
            }
            _ => {}
        }
    }
    start
        .filter(|_| is_version_table)
        .map(|s| Span::new(s, text.len()))
}

/// A document's citations: in the body, not in the heading (`heading`, its span) nor in
/// the version-control table (`table_block`), whose reasons cite history, not the text in
/// effect. Not part of [`parse_document`]: citations are the bulk of a parse, so the
/// rules take them one document at a time rather than hold the whole corpus's.
pub fn document_citations(
    text: &str,
    heading: Option<Span>,
    table_block: Option<Span>,
) -> Vec<references::Reference> {
    let outside = |r: &references::Reference| {
        let inside = |s: Option<Span>| {
            s.is_some_and(|s| r.span.start >= s.start as usize && r.span.start < s.end as usize)
        };
        !inside(heading) && !inside(table_block)
    };
    let mut refs = references::extract(text);
    refs.retain(outside);
    refs
}

/// Parses a document's heading and clauses. `document` is what the path says it is; the
/// clauses are numbered after it (a heading naming another document is a finding, not a
/// reason to read the clauses differently).
pub fn parse_document(text: &str, markdown: bool, document: Option<&DocumentId>) -> ParsedDocument {
    let heading = document::parse_heading(text, markdown);
    let numbering = document.or(heading.as_ref().map(|h| &h.document));
    let block = version_table_block(text);
    // A Markdown document's table is the block found above, or the PDF shape under a
    // heading that names it ("VERSION CONTROL", "Document History", …); a plain-text
    // document is searched for the PDF shape anywhere. So prose never becomes table rows.
    let version_table = if markdown {
        let pdf_heading = || {
            lines_with_offsets(text)
                .take(200)
                .any(|(_, l)| version_table::is_table_heading(l))
        };
        (block.is_some() || pdf_heading())
            .then(|| version_table::parse_version_table(text))
            .flatten()
    } else {
        version_table::parse_version_table(text)
    };
    // The table holds no clauses or citations of the text, in either shape: its reasons
    // cite history ("in accordance with SEC Section X5.4"), not the text in effect.
    let table = block.or_else(|| {
        version_table
            .as_ref()
            .filter(|t| t.shape == version_table::TableShape::PdfText && !t.rows.is_empty())
            .map(|t| Span::new(t.span.start, t.span.end))
    });
    let clauses = numbering
        .map(|d| document::parse_clauses(text, d, table))
        .unwrap_or_default();
    let is_section_a = numbering
        .is_some_and(|d| d.kind == crate::names::DocumentKind::Section && d.designator == "A");
    let definitions = if is_section_a {
        definitions::parse_definitions(text, table.map(Span::range))
    } else {
        Vec::new()
    };
    let mut acronyms = acronyms::scan(text, table.map(Span::range));
    if !definitions.is_empty() {
        let defined = acronyms::defined(text, &definitions);
        // A term "Installation Validity Period (IVP)" is found by the scan too.
        acronyms.retain(|e| !defined.iter().any(|d| d.acronym_span == e.acronym_span));
        acronyms.extend(defined);
        acronyms.sort_by_key(|e| (e.acronym_span.start, e.expansion_span.start));
    }
    ParsedDocument {
        heading,
        clauses,
        table_block: table,
        version_table,
        definitions,
        acronyms,
    }
}
