//! The concise format: one line a finding, `path:line:column: CODE severity message`, in
//! report order, then the summary line. For terminals and editors that jump to a place.

use crate::check::Outcome;
use crate::store::Held;
use std::io::{self, Write};

pub fn render(outcome: &Outcome) -> String {
    let mut out = Vec::new();
    write(outcome, true, &mut out).expect("writing to memory");
    String::from_utf8(out).expect("the report is UTF-8")
}

/// Writes the report a line at a time, so that a report of many findings is never held
/// whole; without `summary`, no summary line (`--quiet`).
pub fn write(outcome: &Outcome, summary: bool, out: &mut dyn Write) -> io::Result<()> {
    let corpus = &outcome.corpus;
    let held = Held::new(&corpus.files);
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
        writeln!(out, "{place}: {} {} {message}", d.code, d.severity.as_str())?;
    }
    if summary {
        writeln!(out, "{}", super::Summary::of(outcome).line())?;
    }
    Ok(())
}
