//! REF002 clause-not-found: a citation of a clause, sub-clause or paragraph that does
//! not exist in the cited document's version in effect.
//!
//! With a Document Log, a document version's citations are resolved at every release
//! where it is in effect, and a release note's at its own release or the one before.
//! Without one, each citation in a document is resolved against the folder's one copy of
//! the cited document (and not at all when the folder holds none, or several); release
//! notes' citations are then not resolved.

use super::{
    FOLDER_NOTE, Missing, edit_distance, missing_clauses, missing_in_folder, named, target_at,
};
use crate::diagnostic::Diagnostic;
use crate::model::{Clause, Corpus, DocumentVersion};
use crate::rules::definition::{clause_name, definition_targets};
use crate::rules::log::list_releases;
use crate::rules::{Needs, Rule, document_anchor};
use crate::source::{FileId, Span};
use std::collections::HashMap;
use std::ops::Range;

pub const RULE: Rule = Rule {
    code: "REF002",
    needs: Needs::Nothing,
    check,
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    // A definition pointing to a missing clause is DEF002's, which says what it breaks.
    let targets = DefinitionTargets::new(corpus);
    match &corpus.log {
        Some(log) => {
            for m in missing_clauses(corpus, log) {
                if m.deleted_after.is_some() {
                    continue; // REF004
                }
                if targets.holds(m.file, &m.clause_span) {
                    continue;
                }
                out.push(with_log(corpus, log, &m));
            }
        }
        None => {
            for m in missing_in_folder(corpus) {
                if targets.holds(m.file, &m.clause_span) {
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
                out.push(suggest(corpus, d, m.copy, m.clause, &named(m.copy), true));
            }
        }
    }
}

/// The citations that Section A definitions point with (DEF002's), by file and sorted,
/// built once per run: a lookup per missing clause, not a scan of every definition.
struct DefinitionTargets(HashMap<FileId, Vec<Range<usize>>>);

impl DefinitionTargets {
    fn new(corpus: &Corpus) -> DefinitionTargets {
        let mut by_file: HashMap<FileId, Vec<Range<usize>>> = HashMap::new();
        for d in &corpus.documents {
            by_file
                .entry(d.file)
                .or_default()
                .extend(definition_targets(d).map(|(_, r)| r.span.clone()));
        }
        for spans in by_file.values_mut() {
            spans.sort_by_key(|r| (r.start, r.end));
        }
        DefinitionTargets(by_file)
    }

    /// Whether the clause at `span` is inside one of them.
    fn holds(&self, file: FileId, span: &Range<usize>) -> bool {
        let Some(spans) = self.0.get(&file) else {
            return false;
        };
        // Citations do not overlap: only the last one starting at or before `span` can
        // hold it.
        let after = spans.partition_point(|r| r.start <= span.start);
        after > 0 && span.end <= spans[after - 1].end
    }
}

fn with_log(corpus: &Corpus, log: &crate::model::DocumentLog, m: &Missing<'_>) -> Diagnostic {
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
        ),
        None => d.help(format!(
            "cite a clause that {} version {} has, or correct the clause number",
            m.target, first.version
        )),
    }
}

/// The closest clause of `target` to `clause`, one or two edits away.
fn nearest<'a>(target: &'a DocumentVersion, clause: &str) -> Option<&'a Clause> {
    target
        .clauses
        .iter()
        .map(|c| (edit_distance(&c.number, clause), c))
        .filter(|(dist, _)| *dist <= 2)
        // On a tie, a clause of the same length (a transposed digit) reads closest.
        .min_by_key(|(dist, c)| (*dist, c.number.len().abs_diff(clause.len())))
        .map(|(_, c)| c)
}

/// Adds "did you mean" with the clause it means, or points at the cited document.
fn suggest(
    corpus: &Corpus,
    d: Diagnostic,
    target: &DocumentVersion,
    clause: &str,
    target_name: &str,
    folder: bool,
) -> Diagnostic {
    let note = if folder {
        format!(" ({FOLDER_NOTE})")
    } else {
        String::new()
    };
    match nearest(target, clause) {
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
