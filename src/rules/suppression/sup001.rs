//! SUP001 invalid-suppression: an inline suppression that cannot be applied (no code, an
//! unknown code, no reason) or that covers no finding.

use super::Use;
use crate::diagnostic::Diagnostic;
use crate::model::{Corpus, SuppressionScope};
use crate::rules::{Check, Needs, Rule};
use crate::source::Span;

pub const RULE: Rule = Rule {
    code: "SUP001",
    needs: Needs::Nothing,
    check: Check::Suppressions(check),
};

fn check(corpus: &Corpus, uses: &[Use], out: &mut Vec<Diagnostic>) {
    for u in uses {
        let Some((_, list)) = corpus.suppressions.iter().find(|(f, _)| *f == u.file) else {
            continue;
        };
        let s = &list[u.index];
        let span = Span::from(s.span.clone());
        let codes: Vec<&str> = s.codes.iter().map(|(c, _)| c.as_str()).collect();
        let named = codes.join(", ");
        let (message, label, help) = if s.codes.is_empty() {
            (
                "this suppression names no rule, so it suppresses nothing".to_string(),
                "no rule code".to_string(),
                "write the code of the finding after `seccheck-ignore` (e.g. `seccheck-ignore REF002 — why`)".to_string(),
            )
        } else if !u.unknown.is_empty() {
            (
                format!(
                    "this suppression names {}, which {} no rule, so it is not applied",
                    u.unknown.join(", "),
                    if u.unknown.len() == 1 { "is" } else { "are" }
                ),
                "unknown code".to_string(),
                "`seccheck rules` lists every code; fix or remove the code".to_string(),
            )
        } else if s.reason.is_none() {
            (
                format!("this suppression of {named} gives no reason, so it is not applied"),
                "no reason".to_string(),
                format!(
                    "say why the finding is accepted, after a dash: `seccheck-ignore {named} — the reason`"
                ),
            )
        } else if u.matched == 0 && u.ran {
            let place = match s.scope {
                SuppressionScope::File => "in this file".to_string(),
                SuppressionScope::Line(l) => format!("on line {}, the line it covers", l + 1),
                SuppressionScope::Paragraph(p) => format!("in paragraph {p}, where its comment is"),
            };
            (
                format!("this suppression of {named} covers no finding: there is none {place}"),
                "suppresses nothing".to_string(),
                "remove it: what it accepted is no longer found (or it sits on the wrong line)"
                    .to_string(),
            )
        } else {
            continue;
        };
        out.push(
            Diagnostic::new(RULE.code, message)
                .at(u.file, span, label)
                .help(help),
        );
    }
}
