//! REF002 clause-not-found: a citation of a clause, sub-clause or paragraph that does
//! not exist in the cited document's version in effect.
//!
//! With a Document Log, a document version's citations are resolved at every release
//! where it is in effect, and a release note's at its own release or the one before.
//! Without one, each citation in a document is resolved against the folder's one copy of
//! the cited document (and not at all when the folder holds none, or several); release
//! notes' citations are then not resolved.

use super::{FOLDER_NOTE, Missing, edit_distance, named, target_at};
use crate::diagnostic::{Diagnostic, MAX_PER_FILE};
use crate::model::{Clause, Corpus, DocumentVersion};
use crate::rules::citing::Citing;
use crate::rules::definition::{clause_name, definition_targets};
use crate::rules::log::list_releases;
use crate::rules::{Check, Needs, Rule, document_anchor};
use crate::source::Span;
use std::ops::Range;

pub const RULE: Rule = Rule {
    code: "REF002",
    needs: Needs::Nothing,
    check: Check::Citations(check),
};

fn check(citing: &Citing<'_>, out: &mut Vec<Diagnostic>) {
    let corpus = citing.corpus();
    // A definition pointing to a missing clause is DEF002's, which says what it breaks.
    let targets: Vec<Range<usize>> = match citing.document() {
        Some(doc) => definition_targets(doc, citing.references)
            .map(|(_, r)| r.span.clone())
            .collect(),
        None => Vec::new(),
    };
    let held_by_definition = |span: &Range<usize>| {
        // Citations do not overlap and come in text order: only the last one starting at
        // or before `span` can hold it.
        let after = targets.partition_point(|r| r.start <= span.start);
        after > 0 && span.end <= targets[after - 1].end
    };
    match &corpus.log {
        Some(log) => {
            for m in citing.missing_clauses() {
                if m.deleted_after.is_some() {
                    continue; // REF004
                }
                if held_by_definition(&m.clause_span) {
                    continue;
                }
                let hint = out.len() < MAX_PER_FILE;
                out.push(with_log(corpus, log, m, hint));
            }
        }
        None => {
            for m in citing.missing_in_folder() {
                if held_by_definition(&m.clause_span) {
                    continue;
                }
                let d = Diagnostic::new(
                    RULE.code,
                    format!(
                        "{} cites {}, which this folder's copy of {} does not have",
                        m.citer,
                        clause_name(m.target, m.clause),
                        m.target
                    ),
                )
                .at(m.file, Span::from(m.clause_span.clone()), "no such clause");
                let hint = out.len() < MAX_PER_FILE;
                out.push(suggest(
                    corpus,
                    d,
                    m.copy,
                    m.clause,
                    &named(m.copy),
                    true,
                    hint,
                ));
            }
        }
    }
}

fn with_log(
    corpus: &Corpus,
    log: &crate::model::DocumentLog,
    m: &Missing<'_>,
    hint: bool,
) -> Diagnostic {
    let first = m.at[0];
    let message = if m.note && m.at.len() > 1 {
        let parts: Vec<String> =
            m.at.iter()
                .map(|r| format!("version {} (release {})", r.version, r.release))
                .collect();
        format!(
            "{} cites {}, which exists in neither {} {}",
            m.citer,
            clause_name(m.target, m.clause),
            m.target,
            parts.join(" nor ")
        )
    } else {
        let mut versions: Vec<String> = m.at.iter().map(|r| r.version.to_string()).collect();
        versions.dedup();
        format!(
            "{} cites {}, which does not exist in {} version {} in effect at {}",
            m.citer,
            clause_name(m.target, m.clause),
            m.target,
            versions.join(" or "),
            list_releases(m.at.iter().map(|r| &r.release))
        )
    };
    let d = Diagnostic::new(RULE.code, message).at(
        m.file,
        Span::from(m.clause_span.clone()),
        "no such clause",
    );
    match target_at(corpus, log, &first.release, m.target).and_then(|(_, t)| t) {
        Some(t) => suggest(
            corpus,
            d,
            t,
            m.clause,
            &format!("{} version {}", m.target, first.version),
            false,
            hint,
        ),
        None => d.help(format!(
            "cite a clause that {} version {} has, or correct the clause number",
            m.target, first.version
        )),
    }
}

/// The closest clause of `target` to `clause`, one or two edits away. Clauses whose
/// length differs by more than two are passed over unmeasured: they are more edits away.
fn nearest<'a>(target: &'a DocumentVersion, clause: &str) -> Option<&'a Clause> {
    target
        .clauses
        .iter()
        .filter(|c| c.number.len().abs_diff(clause.len()) <= 2)
        .map(|c| (edit_distance(&c.number, clause), c))
        .filter(|(dist, _)| *dist <= 2)
        // On a tie, a clause of the same length (a transposed digit) reads closest.
        .min_by_key(|(dist, c)| (*dist, c.number.len().abs_diff(clause.len())))
        .map(|(_, c)| c)
}

/// Adds "did you mean" with the clause it means, or points at the cited document.
/// `hint`: whether to look for the clause meant (not past the findings a report lists
/// for one file, where a flood of missing clauses would cost a search each).
fn suggest(
    corpus: &Corpus,
    d: Diagnostic,
    target: &DocumentVersion,
    clause: &str,
    target_name: &str,
    folder: bool,
    hint: bool,
) -> Diagnostic {
    let note = if folder {
        format!(" ({FOLDER_NOTE})")
    } else {
        String::new()
    };
    match hint.then(|| nearest(target, clause)).flatten() {
        Some(c) => d
            .related(target.file, c.span, format!("{} is here", c.number))
            .help(format!(
                "did you mean {}?{note}",
                clause_name(&target.document, &c.number)
            )),
        None => d
            .related(
                target.file,
                document_anchor(corpus, target),
                target_name.to_string(),
            )
            .help(format!(
                "cite a clause that {target_name} has, or correct the clause number{note}"
            )),
    }
}
