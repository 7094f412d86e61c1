//! What DEF005 and DEF006 share: the expansions of each acronym written in the document
//! versions in effect together, the one the others are compared with, and those that
//! differ from it.
//!
//! Decisions (documented in `rules/DEF005.toml` and `rules/DEF006.toml`):
//! - **In effect together.** With a Document Log, the document versions in effect at each
//!   release, releases in order; without one, the folder's documents that have a single
//!   copy (several copies of a document without a log cannot be placed in time, and are
//!   not judged). Release notes, redlines and version-control tables are not documents in
//!   effect: their acronyms are not compared.
//! - **The reference expansion.** Section A's definition of the acronym, when it has one;
//!   when Section A gives it two or more meanings ("… or, in Appendix X, the …"), the
//!   acronym is allowed to mean different things and is not judged. Without a definition,
//!   the meaning written in the most documents; on a tie, the first written (Sections,
//!   Schedules, Appendices, then text order).
//! - **Same meaning, other spelling.** Two expansions have the same meaning (DEF006, an
//!   info) when they differ only in case, hyphens, white space or a final "s" of a word
//!   ("Pre-Payment Meters", "Prepayment Meter"); otherwise (DEF005) they are two meanings.
//! - **Once.** A differing expansion is reported at the first release where it is in
//!   effect beside the reference, once for its document and wording: later releases, and
//!   later versions of the same document that keep the same wording, stay silent. A new
//!   differing expansion is a new finding at its release.
//! - **Half-read text.** A document whose text was not read whole gives no expansions.

use crate::diagnostic::Diagnostic;
use crate::history::History;
use crate::model::{Corpus, DocumentVersion};
use crate::names::{DocumentId, Version};
use crate::parse::acronyms::Expansion;
use crate::title;
use std::collections::{BTreeMap, HashMap, HashSet};

/// An expansion, with the document version that writes it.
#[derive(Clone, Copy)]
pub(super) struct Written<'a> {
    pub doc: &'a DocumentVersion,
    pub e: &'a Expansion,
}

/// What the reference expansion is.
pub(super) enum Authority {
    /// Section A's definition of the acronym.
    Defined,
    /// The wording written in this many documents (the most).
    Most(usize),
}

/// Expansions of one acronym that differ from its reference, first reported at `release`.
pub(super) struct Disagreement<'a> {
    pub acronym: &'a str,
    /// `None` without a Document Log.
    pub release: Option<&'a Version>,
    pub reference: Written<'a>,
    pub authority: Authority,
    /// The first differing expansion not reported before.
    pub primary: Written<'a>,
    /// The other differing expansions, one per document and wording.
    pub others: Vec<Written<'a>>,
}

impl Disagreement<'_> {
    /// " (both in effect at release 54.0)", or nothing without a Document Log.
    pub fn when(&self) -> String {
        self.release
            .map(|r| format!(" (both in effect at release {r})"))
            .unwrap_or_default()
    }

    /// `d` placed at the differing expansion, with the reference and every other
    /// differing expansion related; `other` labels each by its wording.
    pub fn placed(
        &self,
        d: Diagnostic,
        primary: String,
        reference: String,
        other: impl Fn(&str) -> String,
    ) -> Diagnostic {
        let span = |w: &Written<'_>| w.e.expansion_span.clone().into();
        let mut d = d
            .at(self.primary.doc.file, span(&self.primary), primary)
            .related(self.reference.doc.file, span(&self.reference), reference);
        for w in &self.others {
            d = d.related(w.doc.file, span(w), other(&w.e.written));
        }
        d
    }
}

/// Which comparison: two meanings (DEF005), or one meaning spelled two ways (DEF006).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Compare {
    Meaning,
    Spelling,
}

/// The meaning an expansion's words carry: the title folding (case, hyphens, white
/// space), without the spaces and with each word's final "s" dropped.
pub(super) fn meaning(written: &str) -> String {
    let mut out = String::with_capacity(written.len());
    for word in title::fold(written).split(' ') {
        let w = match word.strip_suffix('s') {
            Some(stem) if stem.len() >= 3 && !stem.ends_with('s') => stem,
            _ => word,
        };
        out.push_str(w);
    }
    out
}

/// Every disagreement of the kind `compare`, in report order of their releases.
pub(super) fn disagreements(corpus: &Corpus, compare: Compare) -> Vec<Disagreement<'_>> {
    let mut out = Vec::new();
    // (acronym, document, wording) already reported.
    let mut reported: HashSet<(&str, &DocumentId, &str)> = HashSet::new();
    // (acronym, wording) -> the first set it was in effect in: on a tie, the wording in
    // effect longest is the reference, not the one a release has just brought.
    let mut since: HashMap<(&str, &str), usize> = HashMap::new();
    for (set, (release, docs)) in in_effect_together(corpus).into_iter().enumerate() {
        let mut by_acronym: BTreeMap<&str, Vec<Written<'_>>> = BTreeMap::new();
        for doc in docs {
            for e in &doc.acronyms {
                by_acronym
                    .entry(e.acronym.as_str())
                    .or_default()
                    .push(Written { doc, e });
            }
        }
        for (acronym, mut items) in by_acronym {
            items.sort_by(|a, b| {
                (&a.doc.document, a.e.acronym_span.start)
                    .cmp(&(&b.doc.document, b.e.acronym_span.start))
            });
            for w in &items {
                since.entry((acronym, w.e.written.as_str())).or_insert(set);
            }
            let age = |written: &str| since.get(&(acronym, written)).copied().unwrap_or(set);
            let Some(found) = compare_one(&items, compare, age) else {
                continue;
            };
            let (reference, authority, differing) = found;
            let Some(primary) = differing
                .iter()
                .find(|w| !reported.contains(&key(acronym, w)))
            else {
                continue;
            };
            let mut seen = HashSet::from([key(acronym, primary)]);
            let others: Vec<Written<'_>> = differing
                .iter()
                .filter(|w| seen.insert(key(acronym, w)))
                .copied()
                .collect();
            reported.extend(differing.iter().map(|w| key(acronym, w)));
            out.push(Disagreement {
                acronym,
                release,
                reference,
                authority,
                primary: *primary,
                others,
            });
        }
    }
    out
}

/// What makes a differing expansion the same finding again: its acronym, document and
/// wording.
fn key<'a>(acronym: &'a str, w: &Written<'a>) -> (&'a str, &'a DocumentId, &'a str) {
    (acronym, &w.doc.document, w.e.written.as_str())
}

/// The reference expansion of one acronym among `items` (sorted), and those that differ
/// from it; `None` when none differs or the acronym is not judged.
fn compare_one<'a>(
    items: &[Written<'a>],
    compare: Compare,
    since: impl Fn(&str) -> usize,
) -> Option<(Written<'a>, Authority, Vec<Written<'a>>)> {
    let defining: Vec<&Written<'a>> = items.iter().filter(|w| w.e.defining).collect();
    let meanings: HashSet<String> = defining.iter().map(|w| meaning(&w.e.written)).collect();
    if meanings.len() > 1 {
        return None;
    }
    // The meaning compared with: the definition's, else the one most documents write.
    let (reference, authority) = match defining.first() {
        Some(d) => (**d, Authority::Defined),
        None => most_written(items, |w| meaning(&w.e.written), &since)?,
    };
    let ref_meaning = meaning(&reference.e.written);
    match compare {
        Compare::Meaning => {
            let differing: Vec<Written<'a>> = items
                .iter()
                .filter(|w| meaning(&w.e.written) != ref_meaning)
                .copied()
                .collect();
            (!differing.is_empty()).then_some((reference, authority, differing))
        }
        Compare::Spelling => {
            let same: Vec<Written<'a>> = items
                .iter()
                .filter(|w| meaning(&w.e.written) == ref_meaning)
                .copied()
                .collect();
            let (reference, authority) = match authority {
                Authority::Defined => (reference, Authority::Defined),
                Authority::Most(_) => most_written(&same, |w| w.e.written.clone(), &since)?,
            };
            let differing: Vec<Written<'a>> = same
                .into_iter()
                .filter(|w| w.e.written != reference.e.written)
                .collect();
            (!differing.is_empty()).then_some((reference, authority, differing))
        }
    }
}

/// The first item of the form (by `form`) written in the most documents; on a tie, the
/// form in effect longest (`since`: the set a wording was first in effect in), then the
/// form written first.
fn most_written<'a>(
    items: &[Written<'a>],
    form: impl Fn(&Written<'a>) -> String,
    since: impl Fn(&str) -> usize,
) -> Option<(Written<'a>, Authority)> {
    // form -> (first item, documents writing it, first set any of its wordings was in)
    let mut forms: HashMap<String, (usize, HashSet<&DocumentId>, usize)> = HashMap::new();
    for (i, w) in items.iter().enumerate() {
        let entry = forms
            .entry(form(w))
            .or_insert_with(|| (i, HashSet::new(), usize::MAX));
        entry.1.insert(&w.doc.document);
        entry.2 = entry.2.min(since(&w.e.written));
    }
    let (first, docs, _) = forms.into_values().max_by(|(ia, da, sa), (ib, db, sb)| {
        da.len().cmp(&db.len()).then(sb.cmp(sa)).then(ib.cmp(ia))
    })?;
    Some((items[first], Authority::Most(docs.len())))
}

/// The document versions in effect together, each set with its release.
fn in_effect_together(corpus: &Corpus) -> Vec<(Option<&Version>, Vec<&DocumentVersion>)> {
    let readable = |d: &&DocumentVersion| !d.acronyms.is_empty() && !corpus.unreadable(d.file);
    match &corpus.log {
        Some(log) => History::new(log)
            .grouped()
            .iter()
            .map(|rel| {
                let docs = rel
                    .rows
                    .iter()
                    .filter_map(|row| corpus.document(&row.document, &row.version))
                    .filter(readable)
                    .collect();
                (Some(rel.release), docs)
            })
            .collect(),
        None => {
            let mut copies: HashMap<&DocumentId, usize> = HashMap::new();
            for d in &corpus.documents {
                *copies.entry(&d.document).or_default() += 1;
            }
            let docs = corpus
                .documents
                .iter()
                .filter(|d| copies[&d.document] == 1)
                .filter(readable)
                .collect();
            vec![(None, docs)]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::meaning;

    #[test]
    fn one_meaning_whatever_the_case_hyphens_or_plural() {
        let m = meaning("Pre-Payment Meters");
        assert_eq!(m, meaning("Prepayment Meter"));
        assert_eq!(m, meaning("pre-payment meter"));
        assert_eq!(
            meaning("Smart Metering Equipment Technical Specifications"),
            meaning("Smart Metering Equipment Technical Specification")
        );
        // Another word is another meaning; "Access" and "Acces" are not one word.
        assert_ne!(
            meaning("Installation Validity Period"),
            meaning("Installation Verification Period")
        );
        assert_ne!(meaning("Data Access"), meaning("Data Acces"));
    }
}
