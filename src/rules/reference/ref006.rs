//! REF006 placeholder-reference: a citation left as a placeholder ("Appendix [TBC]"), in
//! a document or a release note.

use crate::diagnostic::Diagnostic;
use crate::parse::references::Target;
use crate::rules::citing::Citing;
use crate::rules::{Check, Needs, Rule};
use crate::source::Span;

pub const RULE: Rule = Rule {
    code: "REF006",
    needs: Needs::Nothing,
    check: Check::Citations(check),
};

fn check(citing: &Citing<'_>, out: &mut Vec<Diagnostic>) {
    let file = citing.file();
    for r in citing.references {
        if !matches!(r.target, Target::Placeholder) {
            continue;
        }
        let text = &citing.source.text[r.span.clone()];
        out.push(
            Diagnostic::new(
                RULE.code,
                format!(
                    "a placeholder citation `{}` was left in the text",
                    crate::title::squeeze(text)
                ),
            )
            .at(file, Span::from(r.span.clone()), "placeholder")
            .help("replace the placeholder with the document or clause meant before publication"),
        );
    }
}
