//! LOG008 malformed-log-row: a log row that cannot be read; the rest of the log is used.

use crate::diagnostic::Diagnostic;
use crate::model::Corpus;
use crate::rules::{Check, Needs, Rule};

pub const RULE: Rule = Rule {
    code: "LOG008",
    needs: Needs::Log,
    check: Check::Corpus(check),
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let Some(log) = &corpus.log else { return };
    for m in &log.malformed {
        out.push(
            Diagnostic::new(RULE.code, m.message.clone())
                .at(log.file, m.span, "cannot be read; this row is left out")
                .help(m.help.clone()),
        );
    }
}
