//! DEF002 definition-target-wrong: a "has the meaning given … in Section T3.34"
//! definition whose clause does not exist in the cited document's version in effect, or
//! exists but never mentions the term.
//!
//! With a Document Log the clause is looked up at every release where the Section A
//! version is in effect, as REF002 looks up citations; a clause that the same release
//! deleted is left to REF004. Without a log it is looked up in the folder's one copy of
//! the cited document. REF002 leaves these citations to this rule.

use super::{clause_body, clause_name, definition_targets, mentions};
use crate::diagnostic::Diagnostic;
use crate::model::{Corpus, DocumentVersion, LogRow};
use crate::names::DocumentId;
use crate::parse::definitions::Definition;
use crate::parse::references::Target;
use crate::rules::citing::Citing;
use crate::rules::log::list_releases;
use crate::rules::resolve::{FOLDER_NOTE, clauses_known, named};
use crate::rules::{Check, Needs, Rule, document_anchor};
use crate::source::Span;
use crate::store::Held;
use std::ops::Range;

pub const RULE: Rule = Rule {
    code: "DEF002",
    needs: Needs::Nothing,
    check: Check::Citations(check),
};

/// What is wrong with the clause a definition points to, in one version of its document.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Problem {
    NoSuchClause,
    Silent,
}

/// One way the target is wrong, at some releases (none without a log).
struct Found<'a> {
    problem: Problem,
    target: &'a DocumentVersion,
    rows: Vec<&'a LogRow>,
}

fn check(citing: &Citing<'_>, out: &mut Vec<Diagnostic>) {
    let corpus = citing.corpus();
    let folder = &citing.run.folder;
    let Some(doc) = citing.document().filter(|d| !d.definitions.is_empty()) else {
        return;
    };
    // Definitions point into a few documents, again and again: hold their texts while
    // this version of Section A is checked.
    let held = Held::with_capacity(&corpus.files, usize::MAX);
    for (def, r) in definition_targets(doc, citing.references) {
        let (Some(target), Target::Clause { clause, span }) = (&r.document, &r.target) else {
            continue;
        };
        let problem_in = |t: &DocumentVersion| -> Option<Problem> {
            if !clauses_known(corpus, t) {
                return None;
            }
            if !t.has_clause(corpus, clause) {
                return Some(Problem::NoSuchClause);
            }
            let body = clause_body(t, clause)?;
            let text = held.get(t.file);
            (!mentions(&text.text[body.range()], &def.term)).then_some(Problem::Silent)
        };
        let mut found: Vec<Found<'_>> = Vec::new();
        match &corpus.log {
            Some(_) => {
                for at in citing.cited_at(target).iter() {
                    let Some((t_row, Some(t_doc))) = at.now else {
                        continue; // REF001 or LOG001
                    };
                    let Some(problem) = problem_in(t_doc) else {
                        continue;
                    };
                    let deleted_here = problem == Problem::NoSuchClause
                        && at.before.is_some_and(|(p_row, p_doc)| {
                            p_row.version != t_row.version
                                && p_doc.is_some_and(|p| p.has_clause(corpus, clause))
                        });
                    if !deleted_here {
                        add(&mut found, problem, t_doc, Some(t_row));
                    }
                }
            }
            None => {
                if let Some(copy) = folder.copy(Some(doc), target)
                    && let Some(problem) = problem_in(copy)
                {
                    add(&mut found, problem, copy, None);
                }
            }
        }
        for f in found {
            out.push(report(corpus, doc, def, target, clause, span, &f));
        }
    }
}

/// Records `problem` in `t` (at `row`'s release), one entry per kind of problem.
fn add<'a>(
    found: &mut Vec<Found<'a>>,
    problem: Problem,
    t: &'a DocumentVersion,
    row: Option<&'a LogRow>,
) {
    match found.iter_mut().find(|f| f.problem == problem) {
        Some(f) => f.rows.extend(row),
        None => found.push(Found {
            problem,
            target: t,
            rows: row.into_iter().collect(),
        }),
    }
}

fn report(
    corpus: &Corpus,
    doc: &DocumentVersion,
    def: &Definition,
    target: &DocumentId,
    clause: &str,
    span: &Range<usize>,
    f: &Found<'_>,
) -> Diagnostic {
    let name = clause_name(target, clause);
    let version = match f.rows.first() {
        Some(_) => {
            let mut versions: Vec<String> = f.rows.iter().map(|r| r.version.to_string()).collect();
            versions.dedup();
            format!(
                "{target} version {} in effect at {}",
                versions.join(" or "),
                list_releases(f.rows.iter().map(|r| &r.release))
            )
        }
        None => format!("this folder's copy of {target}"),
    };
    let folder = if f.rows.is_empty() {
        format!(" ({FOLDER_NOTE})")
    } else {
        String::new()
    };
    let t_text_source = corpus.source(f.target.file);
    let t_text = t_text_source.text.as_str();
    let mut d = match f.problem {
        Problem::NoSuchClause => Diagnostic::new(
            RULE.code,
            format!(
                "the definition of ‘{}’ in {} points to {name}, which does not exist in {version}",
                def.term,
                named(doc)
            ),
        )
        .at(doc.file, Span::from(span.clone()), "no such clause")
        .related(
            f.target.file,
            document_anchor(corpus, f.target),
            named(f.target),
        ),
        Problem::Silent => {
            let d = Diagnostic::new(
                RULE.code,
                format!(
                    "the definition of ‘{}’ in {} points to {name}, which never mentions it in {version}",
                    def.term,
                    named(doc)
                ),
            )
            .at(
                doc.file,
                Span::from(span.clone()),
                format!("does not mention ‘{}’", def.term),
            );
            match f.target.clause(clause) {
                Some(c) => d.related(f.target.file, c.span, format!("{name} is here")),
                None => d,
            }
        }
    };
    // Where the meaning probably is: the narrowest clause that mentions the term.
    d = match giving(f.target, t_text, &def.term) {
        Some(c) => {
            let other = clause_name(target, &c.number);
            d.related(f.target.file, c.span, format!("{other} mentions it"))
                .help(format!("did you mean {other}?{folder}"))
        }
        None => d.help(format!(
            "point the definition to the clause that gives the meaning of ‘{}’{folder}",
            def.term
        )),
    };
    d
}

/// The narrowest numbered clause of `doc` that mentions `term`: where the meaning is
/// probably given.
fn giving<'a>(
    doc: &'a DocumentVersion,
    text: &str,
    term: &str,
) -> Option<&'a crate::model::Clause> {
    doc.clauses
        .iter()
        .filter(|c| c.number.contains('.'))
        .filter(|c| text.get(c.body.range()).is_some_and(|b| mentions(b, term)))
        .min_by_key(|c| c.body.len())
}
