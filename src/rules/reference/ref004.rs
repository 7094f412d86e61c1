//! REF004 cites-deleted-clause: a citation of a clause that the same release's new
//! version of the cited document deleted or renumbered.

use crate::diagnostic::Diagnostic;
use crate::parse::redline::Segment;
use crate::rules::citing::Citing;
use crate::rules::definition::clause_name;
use crate::rules::{Check, Needs, Rule};
use crate::source::Span;

pub const RULE: Rule = Rule {
    code: "REF004",
    needs: Needs::Log,
    check: Check::Citations(check),
};

fn check(citing: &Citing<'_>, out: &mut Vec<Diagnostic>) {
    let corpus = citing.corpus();
    for m in citing.missing_clauses() {
        let Some(before) = m.deleted_after else {
            continue;
        };
        let now = m.at[0];
        let mut d = Diagnostic::new(
            RULE.code,
            format!(
                "{} cites {}, which {} version {} deleted or renumbered at release {}",
                m.citer,
                clause_name(m.target, m.clause),
                m.target,
                now.version,
                now.release
            ),
        )
        .at(
            m.file,
            Span::from(m.clause_span.clone()),
            "no longer exists",
        )
        .help(format!(
            "update this citation in the same release: {} was in {} version {} (release {})",
            clause_name(m.target, m.clause),
            m.target,
            before.version,
            before.release
        ));
        // Point at the deletion in the redline, where the corpus has one.
        let redline = corpus
            .redlines
            .iter()
            .find(|r| &r.document == m.target && r.version == now.version);
        if let Some(r) = redline {
            let text_source = corpus.source(r.file);
            let text = text_source.text.as_str();
            // The clause's number in a deletion; for a sub-clause (`H4.9(b)`), the number
            // of the clause it is under when that was deleted whole.
            let numbers = std::iter::once(m.clause).chain(
                crate::clause::ancestors(m.clause)
                    .filter(|a| a.contains('.'))
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev(),
            );
            let deleted = numbers.into_iter().find_map(|number| {
                r.redline.segments.iter().find_map(|s| {
                    let span = match s {
                        Segment::Delete(x) => *x,
                        Segment::Substitute { old, .. } => *old,
                        _ => return None,
                    };
                    let at = text[span.range()].find(number)?;
                    let start = span.start as usize + at;
                    Some(Span::new(start, start + number.len()))
                })
            });
            if let Some(span) = deleted {
                d = d.related(r.file, span, "deleted here");
            }
        }
        out.push(d);
    }
}
