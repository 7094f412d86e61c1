//! REF005 bad-range: a range of clauses whose ends are in different documents or whose
//! end comes before its start, in a document or a release note.

use crate::clause::{ClauseRange, RangeProblem};
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

fn check(citing: &Citing<'_>, out: &mut Vec<Diagnostic>) {
    let file = citing.file();
    for r in citing.references {
        if r.external || !matches!(r.target, Target::Range { .. }) {
            continue;
        }
        let Target::Range {
            start,
            start_span: s_span,
            end,
            end_span: e_span,
        } = &r.target
        else {
            continue;
        };
        let problem = match (ClauseRange { start, end }).problem() {
            Some(RangeProblem::CrossesSections) => {
                format!("the range {start} to {end} starts in one Section and ends in another")
            }
            Some(RangeProblem::Backwards) => {
                format!("the range {start} to {end} ends before it starts")
            }
            None => continue,
        };
        out.push(
            Diagnostic::new(RULE.code, problem)
                .at(file, Span::from(e_span.clone()), "end of the range")
                .related(file, Span::from(s_span.clone()), "start of the range")
                .help("write the range from its first clause to its last, within one document"),
        );
    }
}
