//! IO005 internal-error: seccheck failed on a file. A bug in seccheck, never in the
//! corpus; reported instead of crashing so every other file is still checked.

use super::report;
use crate::diagnostic::Diagnostic;
use crate::model::ReadProblemKind;
use crate::rules::{Check, Needs, Rule};
use crate::source::Span;

pub const RULE: Rule = Rule {
    code: "IO005",
    needs: Needs::Nothing,
    check: Check::Corpus(|corpus, out| {
        report(corpus, out, RULE.code, |path, kind| {
            match kind {
            ReadProblemKind::ParserPanic(msg) => Some((
                Span::default(),
                format!("seccheck failed while reading {path}: {msg}"),
                "not checked".into(),
                "this is a bug in seccheck: please report it with this file; the other files were still checked"
                    .into(),
            )),
            _ => None,
        }
        })
    }),
};

/// The finding for a rule that failed while it ran (the runner catches the panic and
/// the other rules still run); `file` names the file it was checking, if one.
pub fn rule_failed(code: &str, file: Option<&str>, panic: &str) -> Diagnostic {
    let on = file.map(|f| format!(" on {f}")).unwrap_or_default();
    failed(format!("seccheck's rule {code} failed{on}: {panic}"))
}

/// The finding for a file whose citations could not be read for the citation rules.
pub fn citations_failed(file: &str, panic: &str) -> Diagnostic {
    failed(format!(
        "seccheck failed reading the citations of {file}: {panic}"
    ))
}

fn failed(message: String) -> Diagnostic {
    Diagnostic::new(RULE.code, message)
        .help("this is a bug in seccheck: please report it; the other rules still ran")
}
