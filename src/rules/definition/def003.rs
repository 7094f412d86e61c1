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

use super::{at_word_boundary, spellings};
use crate::diagnostic::Diagnostic;
use crate::model::{Corpus, DocumentVersion};
use crate::parse::definitions::Definition;
use crate::rules::{Check, Needs, Rule};
use crate::source::Span;
use crate::title::fold_for_search;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use rayon::prelude::*;
use std::collections::HashMap;
use std::ops::Range;

/// Documents searched together before the terms still to find are taken again.
const BATCH: usize = 32;

/// When this few terms are left to find (usually the unused ones, once the first
/// batches have found the rest), a document is not folded whole: its raw text is first
/// searched for a plain token of each term, and only the text around a hit is folded.
const PREFILTER_TERMS: usize = 512;

/// Bytes of raw text folded on each side of a token hit: more than any term's spelling
/// spreads over, emphasis and line breaks included.
const WINDOW: usize = 512;

/// The automaton of the terms still to find, and its prefilter.
struct Search {
    terms: AhoCorasick,
    pattern_term: Vec<usize>,
    prefilter: Option<AhoCorasick>,
}

/// For each spelling, its longest run of ASCII letters and digits: every use of the term
/// has that run verbatim in the raw text (case aside), since folding only drops emphasis
/// marks and folds white space, commas, quotes and case. `None` when a spelling has no
/// run of three or more, which would find too much to save anything.
fn tokens(spellings: &[String]) -> Option<Vec<String>> {
    spellings
        .iter()
        .map(|s| {
            s.split(|c: char| !c.is_ascii_alphanumeric())
                .max_by_key(|w| w.len())
                .filter(|w| w.len() >= 3)
                .map(str::to_string)
        })
        .collect()
}

/// The stretches of `text` to fold: around each prefilter hit, merged, on character
/// boundaries.
fn windows(text: &str, prefilter: &AhoCorasick) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for m in prefilter.find_iter(text) {
        let mut start = m.start().saturating_sub(WINDOW);
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = (m.end() + WINDOW).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        match out.last_mut() {
            Some(last) if start <= last.end => last.end = last.end.max(end),
            _ => out.push(start..end),
        }
    }
    out
}

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
        if corpus.unreadable(doc.file) {
            continue;
        }
        for d in &doc.definitions {
            let (key, _) = fold_for_search(&d.term);
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
    let mut search: Option<Search> = None;
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
            let prefilter = (remaining.len() <= PREFILTER_TERMS)
                .then(|| tokens(&patterns))
                .flatten()
                .and_then(|t| {
                    AhoCorasick::builder()
                        .ascii_case_insensitive(true)
                        .kind(Some(AhoCorasickKind::DFA))
                        .build(t)
                        .ok()
                });
            // A DFA: the fastest search, and its size (the terms of one Section A) is
            // small.
            search = AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .kind(Some(AhoCorasickKind::DFA))
                .build(&patterns)
                .ok()
                .map(|terms| Search {
                    terms,
                    pattern_term,
                    prefilter,
                });
        }
        let Some(search) = &search else {
            return;
        };
        let found: Vec<bool> = batch
            .par_iter()
            .map(|doc| uses(corpus, doc, search, &ids, defined.len()))
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
    search: &Search,
    ids: &HashMap<String, usize>,
    terms: usize,
) -> Vec<bool> {
    let mut used = vec![false; terms];
    if corpus.unreadable(doc.file) {
        return used;
    }
    let text_source = corpus.source(doc.file);
    let text = text_source.text.as_str();
    let stretches = match &search.prefilter {
        Some(p) => windows(text, p),
        None => std::iter::once(0..text.len()).collect(),
    };
    let table: Option<Range<usize>> = doc.version_table.as_ref().map(|t| t.span.clone());
    // This document's own definitions, by term, in text order.
    let own: Vec<(Range<usize>, Option<usize>)> = doc
        .definitions
        .iter()
        .map(|d| {
            (
                d.span.clone(),
                ids.get(&fold_for_search(&d.term).0).copied(),
            )
        })
        .collect();
    for stretch in stretches {
        let (from, cut_end) = (stretch.start, stretch.end < text.len());
        let (folded, map) = fold_for_search(&text[stretch]);
        for m in search.terms.find_overlapping_iter(&folded) {
            let id = search.pattern_term[m.pattern().as_usize()];
            if used[id] || !at_word_boundary(&folded, m.start(), m.end()) {
                continue;
            }
            // A window may begin or end inside a word, where the boundary cannot be seen;
            // a term there would be spread over more than the window around its token.
            if (from > 0 && m.start() == 0) || (cut_end && m.end() == folded.len()) {
                continue;
            }
            let at = from + map[m.start()] as usize;
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
    }
    used
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_each_spellings_longest_plain_run() {
        let spellings = ["smart metering systems".to_string(), "dcc's".to_string()];
        assert_eq!(
            tokens(&spellings),
            Some(vec!["metering".to_string(), "dcc".to_string()])
        );
        assert_eq!(tokens(&["x y".to_string()]), None);
    }

    #[test]
    fn windows_surround_each_hit_and_merge() {
        let pre = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(["ledger"])
            .unwrap();
        let text = format!(
            "{}Ledger{}LEDGER{}",
            "a".repeat(2000),
            "b".repeat(100),
            "é".repeat(1000)
        );
        let w = windows(&text, &pre);
        assert_eq!(w.len(), 1, "two hits 100 bytes apart share a window: {w:?}");
        assert_eq!(w[0].start, 2000 - WINDOW);
        assert!(text.is_char_boundary(w[0].end) && w[0].end > 2112 + WINDOW - 2);
        assert!(windows("no hit here", &pre).is_empty());
    }
}
