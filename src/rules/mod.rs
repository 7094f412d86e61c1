//! The rules: one file per rule, grouped by family, and [`RULES`], the one table from
//! code to check. A rule reads the [`Corpus`] and pushes [`Diagnostic`]s; it knows
//! nothing of output formats and does not choose its severity (the catalogue does).

use crate::diagnostic::Diagnostic;
use crate::model::Corpus;

pub mod citing;
mod config;
mod date;
mod definition;
mod document;
mod edit;
mod input;

pub use input::io005::{citations_failed, rule_failed};
pub(crate) mod log;
mod redline;
mod reference;
mod release;
pub mod resolve;
pub mod suppression;
mod version_table;

/// What a rule needs from the corpus beyond its files; without it the rule is skipped
/// and the report says so once per family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Needs {
    Nothing,
    /// `document-log.csv`.
    Log,
}

pub struct Rule {
    pub code: &'static str,
    pub needs: Needs,
    pub check: Check,
}

/// How a rule reads the corpus.
#[derive(Clone, Copy)]
pub enum Check {
    /// All at once.
    Corpus(fn(&Corpus, &mut Vec<Diagnostic>)),
    /// One citing file at a time, with its citations ([`citing`]).
    Citations(fn(&citing::Citing<'_>, &mut Vec<Diagnostic>)),
    /// All at once, after every other rule has run: for what the other rules' reads
    /// find out (a file that changed on disk between two reads).
    Last(fn(&Corpus, &mut Vec<Diagnostic>)),
    /// After the inline suppressions were applied to every other rule's findings, with
    /// what became of each ([`suppression::Use`]).
    Suppressions(fn(&Corpus, &[suppression::Use], &mut Vec<Diagnostic>)),
}

/// Every implemented rule. A test checks this table against the `rules/` catalogue.
pub static RULES: &[Rule] = &[
    config::cfg001::RULE,
    date::date001::RULE,
    date::date002::RULE,
    definition::def001::RULE,
    definition::def002::RULE,
    definition::def003::RULE,
    definition::def004::RULE,
    definition::def005::RULE,
    definition::def006::RULE,
    document::doc001::RULE,
    document::doc002::RULE,
    input::io001::RULE,
    input::io002::RULE,
    input::io003::RULE,
    input::io004::RULE,
    input::io005::RULE,
    input::io006::RULE,
    input::io007::RULE,
    input::io008::RULE,
    input::io009::RULE,
    log::log001::RULE,
    log::log002::RULE,
    log::log003::RULE,
    log::log004::RULE,
    log::log005::RULE,
    log::log006::RULE,
    log::log007::RULE,
    log::log008::RULE,
    redline::red001::RULE,
    redline::red002::RULE,
    redline::red003::RULE,
    redline::red004::RULE,
    redline::red005::RULE,
    redline::red006::RULE,
    reference::ref001::RULE,
    reference::ref002::RULE,
    reference::ref003::RULE,
    reference::ref004::RULE,
    reference::ref005::RULE,
    reference::ref006::RULE,
    reference::ref007::RULE,
    reference::ref008::RULE,
    release::rel001::RULE,
    release::rel002::RULE,
    release::rel003::RULE,
    release::rel004::RULE,
    release::rel005::RULE,
    release::rel006::RULE,
    release::rel007::RULE,
    release::rel008::RULE,
    release::rel009::RULE,
    release::rel010::RULE,
    release::rel011::RULE,
    release::rel012::RULE,
    suppression::sup001::RULE,
    version_table::vct001::RULE,
    version_table::vct002::RULE,
    version_table::vct003::RULE,
    version_table::vct004::RULE,
    version_table::vct005::RULE,
    version_table::vct006::RULE,
    version_table::vct007::RULE,
];

pub fn get(code: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.code == code)
}

/// Every rule's code, in the order of [`RULES`].
pub fn codes() -> Vec<&'static str> {
    RULES.iter().map(|r| r.code).collect()
}

pub use crate::diagnostic::family;

/// Where to point for a whole document version: its heading, else its first line.
pub(crate) fn document_anchor(
    corpus: &Corpus,
    doc: &crate::model::DocumentVersion,
) -> crate::source::Span {
    match &doc.heading {
        Some(h) => h.span,
        None => {
            let file = corpus.source(doc.file);
            if file.text.is_empty() {
                crate::source::Span::default()
            } else {
                file.line_range(0).into()
            }
        }
    }
}

/// Helpers for the rules' unit tests.
#[cfg(test)]
pub(crate) mod testing {
    use crate::check::{Outcome, check_memory};

    /// Runs the whole check on files held in memory: (path, text).
    pub(crate) fn check_strs(files: &[(&str, &str)]) -> Outcome {
        check_memory(
            files
                .iter()
                .map(|(p, t)| (p.to_string(), t.as_bytes().to_vec()))
                .collect(),
        )
    }

    /// (text under the primary label, message) of each finding of `code`, in report order.
    pub(crate) fn primary_texts(code: &str, files: &[(&str, &str)]) -> Vec<(String, String)> {
        let out = check_strs(files);
        out.diagnostics
            .iter()
            .filter(|d| d.code == code)
            .map(|d| {
                let p = d.primary.as_ref().expect("a primary label");
                let f = out.corpus.source(p.file);
                (f.slice(p.span).to_string(), d.message.clone())
            })
            .collect()
    }
}
