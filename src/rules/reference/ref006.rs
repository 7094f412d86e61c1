//! REF006 placeholder-reference: a citation left as a placeholder ("Appendix [TBC]"), in
//! a document or a release note.

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
    let citers = corpus
        .documents
        .iter()
        .map(|d| (d.file, &d.references))
        .chain(corpus.release_notes.iter().map(|n| (n.file, &n.references)));
    for (file, references) in citers {
        for r in references {
            if !matches!(r.target, Target::Placeholder) {
                continue;
            }
            let source = corpus.source(file);
            let text = &source.text[r.span.clone()];
            out.push(
                Diagnostic::new(
                    RULE.code,
                    format!(
                        "a placeholder citation `{}` was left in the text",
                        text.split_whitespace().collect::<Vec<_>>().join(" ")
                    ),
                )
                .at(file, Span::from(r.span.clone()), "placeholder")
                .help(
                    "replace the placeholder with the document or clause meant before publication",
                ),
            );
        }
    }
}
