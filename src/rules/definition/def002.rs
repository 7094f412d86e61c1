//! DEF002 definition-target-wrong: a "has the meaning given … in Section T3.34"
//! definition whose clause does not exist in the cited document's version in effect, or
//! exists but never mentions the term.
//!
//! With a Document Log the clause is looked up at every release where the Section A
//! version is in effect, as REF002 looks up citations; a clause that the same release
//! deleted is left to REF004. Without a log it is looked up in the folder's one copy of
//! the cited document. REF002 leaves these citations to this rule.
//!
//! Each question (does this clause of this target version exist, and mention this term?)
//! is answered once a run and shared by every version of Section A ([`Answers`]); a job
//! reads the texts it needs one target version at a time.

use super::{clause_body, clause_name, definition_targets, mentions};
use crate::diagnostic::Diagnostic;
use crate::hash::FxHashMap;
use crate::model::{Corpus, DocumentVersion, LogRow};
use crate::names::DocumentId;
use crate::parse::definitions::Definition;
use crate::parse::references::Target;
use crate::rules::citing::Citing;
use crate::rules::log::list_releases;
use crate::rules::resolve::{FOLDER_NOTE, clauses_known, named};
use crate::rules::{Check, Needs, Rule, document_anchor};
use crate::source::Span;
use crate::source::{FileId, SourceFile};
use std::ops::Range;
use std::sync::{Arc, Mutex};

pub const RULE: Rule = Rule {
    code: "DEF002",
    needs: Needs::Nothing,
    check: Check::Citations(check),
};

/// What is wrong with the clause a definition points to, in one version of its document.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Problem {
    NoSuchClause,
    Silent,
}

/// One way the target is wrong, at some releases (none without a log).
struct Found<'a> {
    problem: Problem,
    target: &'a DocumentVersion,
    rows: Vec<&'a LogRow>,
}

/// The answers to DEF002's questions of target versions, once a run: consecutive
/// versions of Section A point to the same clauses of the same versions, and each
/// question is asked of the text only once. By (target version, clause, term).
pub(crate) type Answers = Mutex<FxHashMap<(FileId, String, String), Option<Problem>>>;

/// What is wrong with `clause` of `t` as the place that gives the meaning of `term`, if
/// anything; `None` too when `t`'s clauses are not known. `text` is `t`'s text, read
/// only when the clause exists.
fn problem_in(
    corpus: &Corpus,
    t: &DocumentVersion,
    clause: &str,
    term: &str,
    text: &mut Option<Arc<SourceFile>>,
) -> Option<Problem> {
    if !clauses_known(corpus, t) {
        return None;
    }
    if !t.has_clause(corpus, clause) {
        return Some(Problem::NoSuchClause);
    }
    let body = clause_body(t, clause)?;
    let text = text.get_or_insert_with(|| corpus.source(t.file));
    (!mentions(&text.text[body.range()], term)).then_some(Problem::Silent)
}

/// The answers to `asked` ((target version, clause, term), in any order), one target
/// version at a time: its text is read once, for the questions no other version of
/// Section A has asked yet, and dropped before the next.
fn answer<'q>(
    corpus: &Corpus,
    run_answers: &Answers,
    mut asked: Vec<(&DocumentVersion, &'q str, &'q str)>,
) -> FxHashMap<(FileId, &'q str, &'q str), Option<Problem>> {
    asked.sort_by(|a, b| (a.0.file, a.1, a.2).cmp(&(b.0.file, b.1, b.2)));
    asked.dedup_by(|a, b| (a.0.file, a.1, a.2) == (b.0.file, b.1, b.2));
    let lock = || run_answers.lock().unwrap_or_else(|e| e.into_inner());
    let mut out = FxHashMap::default();
    let mut text: Option<Arc<SourceFile>> = None;
    let mut text_of = None;
    for (t, clause, term) in asked {
        if text_of != Some(t.file) {
            text = None; // the previous target's text goes
            text_of = Some(t.file);
        }
        let key = (t.file, clause.to_string(), term.to_string());
        let known = lock().get(&key).copied();
        let problem = match known {
            Some(p) => p,
            None => {
                let p = problem_in(corpus, t, clause, term, &mut text);
                lock().insert(key, p);
                p
            }
        };
        out.insert((t.file, clause, term), problem);
    }
    out
}

fn check(citing: &Citing<'_>, out: &mut Vec<Diagnostic>) {
    let corpus = citing.corpus();
    let folder = &citing.run.folder;
    let Some(doc) = citing.document().filter(|d| !d.definitions.is_empty()) else {
        return;
    };
    // The definitions that point to a clause, and the target version each is checked
    // against at each release (without a log, the folder's one copy).
    let pointing: Vec<(&Definition, &DocumentId, &str, &Range<usize>)> =
        definition_targets(doc, citing.references)
            .filter_map(|(def, r)| match (&r.document, &r.target) {
                (Some(target), Target::Clause { clause, span }) => {
                    Some((def, target, clause.as_str(), span))
                }
                _ => None,
            })
            .collect();
    let mut asked = Vec::new();
    for &(def, target, clause, _) in &pointing {
        match &corpus.log {
            Some(_) => asked.extend(
                citing
                    .cited_at(target)
                    .iter()
                    .filter_map(|at| match at.now {
                        Some((_, Some(t_doc))) => Some((t_doc, clause, def.term.as_str())),
                        _ => None,
                    }),
            ),
            None => asked.extend(
                folder
                    .copy(Some(doc), target)
                    .map(|copy| (copy, clause, def.term.as_str())),
            ),
        }
    }
    let answers = answer(corpus, &citing.run.definition_answers, asked);
    let answered = |t: &DocumentVersion, clause: &str, term: &str| {
        answers.get(&(t.file, clause, term)).copied().flatten()
    };
    for (def, target, clause, span) in pointing {
        let mut found: Vec<Found<'_>> = Vec::new();
        match &corpus.log {
            Some(_) => {
                for at in citing.cited_at(target).iter() {
                    let Some((t_row, Some(t_doc))) = at.now else {
                        continue; // REF001 or LOG001
                    };
                    let Some(problem) = answered(t_doc, clause, &def.term) else {
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
                    && let Some(problem) = answered(copy, clause, &def.term)
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

#[cfg(test)]
mod tests {
    use crate::rules::testing::primary_texts;

    const LOG: &str = "release,effective_date,document,version,title\n\
        40.0,2021-06-24,section-a,1.0,Definitions and Interpretation\n\
        40.0,2021-06-24,section-h,1.0,DCC Services\n\
        54.0,2021-12-17,section-a,1.1,Definitions and Interpretation\n\
        54.0,2021-12-17,section-h,1.0,DCC Services\n";
    const H: &str = "# Section H: DCC Services\n\n\
        H3.1 The DCC shall keep a register of Smart Metering Systems.\n\n\
        H3.2 The Ledger Notice is the notice the DCC sends each month.\n";

    fn section_a(ledger_in: &str, register_in: &str) -> String {
        format!(
            "# Section A: Definitions and Interpretation\n\n## A1 Definitions\n\n\
             **Ledger Notice** has the meaning given to that expression in Section {ledger_in}.\n\n\
             **Register** has the meaning given to that expression in Section {register_in}.\n"
        )
    }

    /// Two versions of Section A ask of the same clause of the same version of Section H;
    /// the answers are shared by the run, so they must be kept apart by clause and term.
    #[test]
    fn versions_of_section_a_share_answers_by_clause_and_term() {
        let (a10, a11) = (section_a("H3.1", "H3.1"), section_a("H3.2", "H3.1"));
        let found = primary_texts(
            "DEF002",
            &[
                ("document-log.csv", LOG),
                ("documents/section-a/1.0.md", &a10),
                ("documents/section-a/1.1.md", &a11),
                ("documents/section-h/1.0.md", H),
            ],
        );
        let placed: Vec<(&str, bool)> = found
            .iter()
            .map(|(at, message)| (at.as_str(), message.contains("‘Ledger Notice’")))
            .collect();
        // 1.0 points Ledger Notice at H3.1, which never mentions it; 1.1 points it at
        // H3.2, which does. Register is mentioned in H3.1 ("register") in both.
        assert_eq!(placed, vec![("H3.1", true)], "{found:?}");
    }
}
