//! REF006 placeholder-reference: a citation left as a placeholder ("Appendix [TBC]").

use crate::diagnostic::Diagnostic;
use crate::model::Corpus;
use crate::parse::references::Target;
use crate::rules::{Needs, Rule};
use crate::source::Span;

pub const RULE: Rule = Rule {
    code: "REF006",
    needs: Needs::Nothing,
    check,
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    for doc in &corpus.documents {
        for r in &doc.references {
            if !matches!(r.target, Target::Placeholder) {
                continue;
            }
            let text = &corpus.file(doc.file).text[r.span.clone()];
            out.push(
                Diagnostic::new(
                    RULE.code,
                    format!(
                        "a placeholder citation `{}` was left in the text",
                        text.split_whitespace().collect::<Vec<_>>().join(" ")
                    ),
                )
                .at(doc.file, Span::from(r.span.clone()), "placeholder")
                .help(
                    "replace the placeholder with the document or clause meant before publication",
                ),
            );
        }
    }
}
