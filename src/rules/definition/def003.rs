//! DEF003 unused-definition: a term that Section A defines and no other text uses.
//!
//! A use is the term (case, line breaks, emphasis and plurals aside) in the text of any
//! document version in the corpus, whatever its version and whether or not it is in
//! effect: a clause, a heading, another definition. What does not count: the term's own
//! definitions (in any version of Section A), version-control tables, release notes and
//! redlines. Those describe changes; they do not use the Code's defined terms. Every
//! document is searched once for all terms together (one Aho-Corasick automaton), so the
//! cost grows with the text, not with the number of terms.
//!
//! The rule needs the Document Log: only a corpus with one is a whole SEC, where a term
//! that no file uses is unused. A loose folder is a selection of files, where most terms
//! would seem unused.

use super::{at_word_boundary, fold, spellings};
use crate::diagnostic::Diagnostic;
use crate::model::{Corpus, DocumentVersion};
use crate::parse::definitions::Definition;
use crate::rules::{Check, Needs, Rule};
use crate::source::Span;
use aho_corasick::{AhoCorasick, MatchKind};
use rayon::prelude::*;
use std::collections::HashMap;
use std::ops::Range;

/// Documents searched together before the terms still to find are taken again.
const BATCH: usize = 32;

pub const RULE: Rule = Rule {
    code: "DEF003",
    needs: Needs::Log,
    check: Check::Corpus(check),
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    // Terms by their folded spelling; each remembers where it is defined.
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut defined: Vec<Vec<(&DocumentVersion, &Definition)>> = Vec::new();
    for doc in &corpus.documents {
        if crate::rules::unreadable(corpus, doc.file) {
            continue;
        }
        for d in &doc.definitions {
            let (key, _) = fold(&d.term);
            if key.is_empty() {
                continue;
            }
            let id = *ids.entry(key).or_insert_with(|| {
                defined.push(Vec::new());
                defined.len() - 1
            });
            defined[id].push((doc, d));
        }
    }
    if defined.is_empty() {
        return;
    }
    let mut keys = vec![""; defined.len()];
    for (key, &id) in &ids {
        keys[id] = key.as_str();
    }
    // Documents are searched a batch at a time, for the terms not yet seen used: in a
    // Code whose terms are all used, the search stops after the first few batches.
    let mut used = vec![false; defined.len()];
    let mut searched_for = usize::MAX;
    let mut search: Option<(AhoCorasick, Vec<usize>)> = None;
    for batch in search_order(corpus).chunks(BATCH) {
        let remaining: Vec<usize> = (0..defined.len()).filter(|&id| !used[id]).collect();
        if remaining.is_empty() {
            break;
        }
        if remaining.len() != searched_for {
            searched_for = remaining.len();
            let mut patterns: Vec<String> = Vec::new();
            let mut pattern_term: Vec<usize> = Vec::new();
            for &id in &remaining {
                for s in spellings(keys[id]) {
                    patterns.push(s);
                    pattern_term.push(id);
                }
            }
            search = AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .build(&patterns)
                .ok()
                .map(|ac| (ac, pattern_term));
        }
        let Some((ac, pattern_term)) = &search else {
            return;
        };
        let found: Vec<bool> = batch
            .par_iter()
            .map(|doc| uses(corpus, doc, ac, pattern_term, &ids, defined.len()))
            .reduce(
                || vec![false; defined.len()],
                |mut a, b| {
                    a.iter_mut().zip(b).for_each(|(x, y)| *x |= y);
                    a
                },
            );
        used.iter_mut().zip(found).for_each(|(x, y)| *x |= y);
    }
    for (id, defs) in defined.iter().enumerate() {
        if used[id] {
            continue;
        }
        // Report once, at the newest version of Section A that defines it.
        let Some((doc, d)) = defs
            .iter()
            .max_by(|a, b| a.0.version.cmp(&b.0.version).then(b.0.file.cmp(&a.0.file)))
        else {
            continue;
        };
        out.push(
            Diagnostic::new(
                RULE.code,
                format!("‘{}’ is defined but not used anywhere else in the corpus", d.term),
            )
            .at(doc.file, Span::from(d.term_span.clone()), "defined here, used nowhere")
            .help(
                "use the defined term where it is meant, or remove the definition (release notes, redlines and version-control tables do not count as uses)",
            ),
        );
    }
}

/// Every document version, newest of each document first, then the next newest of
/// each, and so on: a term used anywhere is most likely seen early this way.
fn search_order(corpus: &Corpus) -> Vec<&DocumentVersion> {
    let mut by_document: HashMap<&crate::names::DocumentId, Vec<&DocumentVersion>> = HashMap::new();
    for doc in &corpus.documents {
        by_document.entry(&doc.document).or_default().push(doc);
    }
    let mut groups: Vec<Vec<&DocumentVersion>> = by_document.into_values().collect();
    for g in &mut groups {
        g.sort_by(|a, b| b.version.cmp(&a.version).then(a.file.cmp(&b.file)));
    }
    groups.sort_by_key(|g| g[0].file);
    let mut order = Vec::with_capacity(corpus.documents.len());
    for rank in 0.. {
        let before = order.len();
        order.extend(groups.iter().filter_map(|g| g.get(rank).copied()));
        if order.len() == before {
            break;
        }
    }
    order
}

/// Which terms `doc` uses, by term id.
fn uses(
    corpus: &Corpus,
    doc: &DocumentVersion,
    ac: &AhoCorasick,
    pattern_term: &[usize],
    ids: &HashMap<String, usize>,
    terms: usize,
) -> Vec<bool> {
    let mut used = vec![false; terms];
    if crate::rules::unreadable(corpus, doc.file) {
        return used;
    }
    let text_source = corpus.source(doc.file);
    let text = text_source.text.as_str();
    let (folded, map) = fold(text);
    let table: Option<Range<usize>> = doc.version_table.as_ref().map(|t| t.span.clone());
    // This document's own definitions, by term, in text order.
    let own: Vec<(Range<usize>, Option<usize>)> = doc
        .definitions
        .iter()
        .map(|d| (d.span.clone(), ids.get(&fold(&d.term).0).copied()))
        .collect();
    for m in ac.find_overlapping_iter(&folded) {
        let id = pattern_term[m.pattern().as_usize()];
        if used[id] || !at_word_boundary(&folded, m.start(), m.end()) {
            continue;
        }
        let at = map[m.start()] as usize;
        if table.as_ref().is_some_and(|t| t.contains(&at)) {
            continue;
        }
        let i = own.partition_point(|(span, _)| span.end <= at);
        if own
            .get(i)
            .is_some_and(|(span, term)| span.contains(&at) && *term == Some(id))
        {
            continue; // inside a definition of this very term
        }
        used[id] = true;
    }
    used
}
