//! REF002 clause-not-found: a citation of a clause, sub-clause or paragraph that does
//! not exist in the cited document's version in effect.

use super::{Missing, edit_distance, missing_clauses, target_at};
use crate::diagnostic::Diagnostic;
use crate::model::{Corpus, DocumentLog};
use crate::rules::log::list_releases;
use crate::rules::{Needs, Rule, document_anchor};
use crate::source::Span;
use rayon::prelude::*;

pub const RULE: Rule = Rule {
    code: "REF002",
    needs: Needs::Log,
    check,
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let Some(log) = &corpus.log else { return };
    // The "did you mean" search compares every clause of the cited version: build the
    // findings in parallel (in order).
    let missing: Vec<Missing> = missing_clauses(corpus, log)
        .into_iter()
        .filter(|m| m.deleted_after.is_none()) // REF004
        .collect();
    out.par_extend(missing.par_iter().map(|m| finding(corpus, log, m)));
}

fn finding(corpus: &Corpus, log: &DocumentLog, m: &Missing) -> Diagnostic {
    let first = m.at[0];
    let versions: Vec<String> = {
        let mut v: Vec<String> = m.at.iter().map(|r| r.version.to_string()).collect();
        v.dedup();
        v
    };
    let mut d = Diagnostic::new(
        RULE.code,
        format!(
            "{} cites {}, which does not exist in {} version {} in effect at {}",
            m.doc.document,
            m.clause,
            m.target,
            versions.join(" or "),
            list_releases(m.at.iter().map(|r| &r.release))
        ),
    )
    .at(
        m.doc.file,
        Span::from(m.clause_span.clone()),
        "no such clause",
    );
    let target = target_at(corpus, log, &first.release, m.target).and_then(|(_, t)| t);
    let near = target.and_then(|t| {
        t.clauses
            .iter()
            .map(|c| (edit_distance(&c.number, m.clause), c))
            .filter(|(dist, _)| *dist <= 2)
            // On a tie, a clause of the same length (a transposed digit) reads closest.
            .min_by_key(|(dist, c)| (*dist, c.number.len().abs_diff(m.clause.len())))
            .map(|(_, c)| (t, c))
    });
    d = match near {
        Some((t, c)) => d
            .related(t.file, c.span, format!("{} is here", c.number))
            .help(format!("did you mean {}?", c.number)),
        None => {
            let d = d.help(format!(
                "cite a clause that {} version {} has, or correct the clause number",
                m.target, first.version
            ));
            match target {
                Some(t) => d.related(
                    t.file,
                    document_anchor(corpus, t),
                    format!("{} version {}", m.target, first.version),
                ),
                None => d,
            }
        }
    };
    d
}
