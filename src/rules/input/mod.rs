//! Input problems: files that could not be read as text, or are not where the corpus
//! contract puts them. Each rule picks one kind of [`ReadProblemKind`].

use crate::diagnostic::Diagnostic;
use crate::model::{Corpus, ReadProblemKind};
use crate::source::Span;

pub mod io001;
pub mod io002;
pub mod io003;
pub mod io004;
pub mod io005;
pub mod io006;
pub mod io007;
pub mod io008;
pub mod io009;

/// What a rule says about one problem: span, message, label, help.
type Finding = (Span, String, String, String);

/// Reports every read problem that `describe` recognises.
fn report(
    corpus: &Corpus,
    out: &mut Vec<Diagnostic>,
    code: &'static str,
    describe: impl Fn(&str, &ReadProblemKind) -> Option<Finding>,
) {
    for p in &corpus.read_problems {
        let path = &corpus.file(p.file).path;
        if let Some((span, message, label, help)) = describe(path, &p.kind) {
            out.push(
                Diagnostic::new(code, message)
                    .at(p.file, span, label)
                    .help(help),
            );
        }
    }
}
