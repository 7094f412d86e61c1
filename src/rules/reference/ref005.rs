//! REF005 bad-range: a range of clauses whose ends are in different documents or whose
//! end comes before its start, in a document or a release note.

use super::cited_clauses;
use crate::diagnostic::Diagnostic;
use crate::parse::references::Target;
use crate::rules::citing::Citing;
use crate::rules::{Check, Needs, Rule};
use crate::source::Span;

pub const RULE: Rule = Rule {
    code: "REF005",
    needs: Needs::Nothing,
    check: Check::Citations(check),
};

/// A clause number as (letter prefix, numbers): `H10.13` → ("H", [10, 13]).
fn key(clause: &str) -> (&str, Vec<u32>) {
    let main = clause.split('(').next().unwrap_or(clause);
    let digits = main
        .find(|c: char| c.is_ascii_digit())
        .unwrap_or(main.len());
    let nums = main[digits..]
        .split('.')
        .map(|p| {
            p.trim_end_matches(|c: char| c.is_ascii_alphabetic())
                .parse()
                .unwrap_or(0)
        })
        .collect();
    (&main[..digits], nums)
}

fn check(citing: &Citing<'_>, out: &mut Vec<Diagnostic>) {
    let file = citing.file();
    for r in citing.references {
        if r.external || !matches!(r.target, Target::Range { .. }) {
            continue;
        }
        let ends = cited_clauses(r);
        let [(start, s_span), (end, e_span)] = &ends[..] else {
            continue;
        };
        let (s_key, e_key) = (key(start), key(end));
        let problem = if s_key.0 != e_key.0 {
            format!("the range {start} to {end} starts in one Section and ends in another")
        } else if e_key.1 < s_key.1 {
            format!("the range {start} to {end} ends before it starts")
        } else {
            continue;
        };
        out.push(
            Diagnostic::new(RULE.code, problem)
                .at(file, Span::from(e_span.clone()), "end of the range")
                .related(file, Span::from(s_span.clone()), "start of the range")
                .help("write the range from its first clause to its last, within one document"),
        );
    }
}
