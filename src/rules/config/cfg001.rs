//! CFG001 invalid-config: `seccheck.toml` cannot be read or names what does not exist.

use crate::diagnostic::Diagnostic;
use crate::model::Corpus;
use crate::rules::{Check, Needs, Rule};

pub const RULE: Rule = Rule {
    code: "CFG001",
    needs: Needs::Nothing,
    check: Check::Corpus(check),
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let Some(file) = corpus.config else { return };
    let text_source = corpus.source(file);
    let text = text_source.text.as_str();
    let (_, problems) = crate::config::parse(text, |c| crate::rules::get(c).is_some());
    for p in problems {
        out.push(
            Diagnostic::new(RULE.code, p.message)
                .at(file, p.span, "here")
                .help(p.help),
        );
    }
}
