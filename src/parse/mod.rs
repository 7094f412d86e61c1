//! Parsers: text in, plain data with byte spans out. They know nothing of rules.

pub mod classify;
pub mod document;
pub mod log;
pub mod redline;
pub mod references;

use crate::model::{Clause, Heading};
use crate::names::DocumentId;

/// What a document file yields.
#[derive(Debug, Default)]
pub struct ParsedDocument {
    pub heading: Option<Heading>,
    pub clauses: Vec<Clause>,
}

/// Parses a document's heading and clauses. `document` is what the path says it is; the
/// clauses are numbered after it (a heading naming another document is a finding, not a
/// reason to read the clauses differently).
pub fn parse_document(text: &str, markdown: bool, document: Option<&DocumentId>) -> ParsedDocument {
    let heading = document::parse_heading(text, markdown);
    let numbering = document.or(heading.as_ref().map(|h| &h.document));
    let clauses = numbering
        .map(|d| document::parse_clauses(text, d, None))
        .unwrap_or_default();
    ParsedDocument { heading, clauses }
}
