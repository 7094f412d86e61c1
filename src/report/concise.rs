//! The concise format: one line a finding, `path:line:column: CODE severity message`, in
//! report order, then the summary line. For terminals and editors that jump to a place.

use crate::check::Outcome;
use crate::store::Held;
use std::fmt::Write as _;

pub fn render(outcome: &Outcome) -> String {
    let corpus = &outcome.corpus;
    let held = Held::new(&corpus.files);
    let mut out = String::new();
    for d in &outcome.diagnostics {
        let place = match &d.primary {
            Some(l) => {
                let (line, col) = held.get(l.file).line_col(l.span.start as usize);
                format!("{}:{line}:{col}", corpus.file(l.file).path)
            }
            None => "-".to_string(),
        };
        // One line: a message never carries a line break into the listing.
        let message = crate::title::squeeze(&d.message);
        let _ = writeln!(out, "{place}: {} {} {message}", d.code, d.severity.as_str());
    }
    let _ = writeln!(out, "{}", super::Summary::of(outcome).line());
    out
}
