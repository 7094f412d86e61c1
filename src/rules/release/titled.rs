//! Proposals named with a title, wherever the corpus names them: what REL006 (one
//! proposal, two titles) and REL011 (one title, two proposals) compare.
//!
//! Titles are gathered from every release note, from the version-control table of every
//! document, from loose version-control tables and from other loose texts (newsletters).
//! A title counts only when it follows the identifier in quotes on the same line, so a
//! title that a PDF line wrap cuts is never read. Unreadable files are left out.

use super::{note_name, release_of};
use crate::model::Corpus;
use crate::names::Version;
use crate::parse::release_note::ProposalMention;
use crate::parse::version_table::TableShape;
use crate::source::FileId;
use std::ops::Range;

/// Where a mention is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    /// A release note, with its index in `corpus.release_notes`.
    Note(usize),
    /// A document's version-control table, with its index in `corpus.documents`.
    DocumentTable(usize, TableShape),
    LooseTable(TableShape),
    Other,
}

/// One proposal named with a title.
pub(crate) struct Mention<'a> {
    pub file: FileId,
    pub source: Source,
    /// The identifier as the parser normalised it ("MP190").
    pub id: &'a str,
    /// Its number ("MP0190", "DP190" and "MP190A" are all 190).
    pub number: u32,
    /// The identifier's bytes.
    pub span: Range<usize>,
    pub title: &'a str,
    pub title_span: Range<usize>,
}

/// Every titled mention in the corpus, sorted by file and place.
pub(crate) fn titled_mentions<'a>(corpus: &'a Corpus) -> Vec<Mention<'a>> {
    let mut out = Vec::new();
    let mut add = |file: FileId, source: Source, proposals: &'a [ProposalMention]| {
        if corpus.unreadable(file) {
            return;
        }
        for p in proposals {
            if let (Some(t), Some(ts)) = (&p.title, &p.title_span) {
                out.push(Mention {
                    file,
                    source,
                    id: p.id.as_str(),
                    number: p.number,
                    span: p.span.clone(),
                    title: t,
                    title_span: ts.clone(),
                });
            }
        }
    };
    for (i, nf) in corpus.release_notes.iter().enumerate() {
        add(nf.file, Source::Note(i), &nf.note.proposals);
    }
    for (i, doc) in corpus.documents.iter().enumerate() {
        if let Some(t) = &doc.version_table {
            add(doc.file, Source::DocumentTable(i, t.shape), &t.proposals);
        }
    }
    for t in &corpus.version_tables {
        add(
            t.file,
            Source::LooseTable(t.table.shape),
            &t.table.proposals,
        );
    }
    for o in &corpus.others {
        add(o.file, Source::Other, &o.proposals);
    }
    out.sort_by_key(|m| (m.file, m.span.start));
    out
}

/// The release of a note's mention; `None` for any other source.
pub(crate) fn note_release<'a>(corpus: &'a Corpus, m: &Mention) -> Option<&'a Version> {
    match m.source {
        Source::Note(i) => release_of(&corpus.release_notes[i]),
        _ => None,
    }
}

/// The index in `mentions` of the reference among `candidates` (indexes into
/// `mentions`): the first in the release notes by release, else the first.
pub(crate) fn reference(corpus: &Corpus, mentions: &[Mention], candidates: &[usize]) -> usize {
    candidates
        .iter()
        .filter_map(|&k| note_release(corpus, &mentions[k]).map(|r| (k, r)))
        .min_by(|a, b| order(Some(a.1), Some(b.1)).then(a.0.cmp(&b.0)))
        .map_or(candidates[0], |(k, _)| k)
}

/// Releases in order; a note without one after all that have one.
pub(crate) fn order(a: Option<&Version>, b: Option<&Version>) -> std::cmp::Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp(b),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    }
}

/// Whether the mention is in a table extracted from PDF, whose cells cut titles short.
pub(crate) fn pdf(s: Source) -> bool {
    matches!(
        s,
        Source::DocumentTable(_, TableShape::PdfText) | Source::LooseTable(TableShape::PdfText)
    )
}

/// "the 57.0 release note", "the version-control table of Section J version 3.2", "this
/// text".
pub(crate) fn describe(corpus: &Corpus, s: Source, here: bool) -> String {
    match s {
        Source::Note(i) => note_name(&corpus.release_notes[i]),
        Source::DocumentTable(i, _) => {
            let d = &corpus.documents[i];
            match &d.version {
                Some(v) => format!("the version-control table of {} version {v}", d.document),
                None => format!("the version-control table of {}", d.document),
            }
        }
        Source::LooseTable(_) if here => "this version-control table".to_string(),
        Source::LooseTable(_) => "a version-control table".to_string(),
        Source::Other if here => "this text".to_string(),
        Source::Other => "another text".to_string(),
    }
}
