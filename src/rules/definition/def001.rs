//! DEF001 duplicate-definition: a term defined twice in one version of Section A.

use crate::diagnostic::Diagnostic;
use crate::model::Corpus;
use crate::parse::definitions::Definition;
use crate::rules::reference::named;
use crate::rules::{Check, Needs, Rule};
use crate::source::Span;
use crate::title;
use std::collections::HashMap;

pub const RULE: Rule = Rule {
    code: "DEF001",
    needs: Needs::Nothing,
    check: Check::Corpus(check),
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    for doc in &corpus.documents {
        if doc.definitions.is_empty() || corpus.unreadable(doc.file) {
            continue;
        }
        // Terms compare as titles do: case, commas, quotes, dashes and `&`/`and` aside.
        // Each term's first definition, and how many times it has been defined so far.
        let mut first: HashMap<String, (&Definition, usize)> = HashMap::new();
        for d in &doc.definitions {
            let key = title::fold(&d.term);
            let Some((earlier, times)) = first.get_mut(&key) else {
                first.insert(key, (d, 1));
                continue;
            };
            *times += 1;
            let how_often = match *times {
                2 => "twice".to_string(),
                3 => "a third time".to_string(),
                n => format!("{n} times"),
            };
            let earlier = *earlier;
            out.push(
                Diagnostic::new(
                    RULE.code,
                    format!("‘{}’ is defined {how_often} in {}", d.term, named(doc)),
                )
                .at(doc.file, Span::from(d.term_span.clone()), "defined again here")
                .related(
                    doc.file,
                    Span::from(earlier.term_span.clone()),
                    "first defined here",
                )
                .help(
                    "keep one definition and delete the other; if both meanings are needed, give one of them another name",
                ),
            );
        }
    }
}
