//! GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` line a
//! finding, so that each lands as an annotation on the file it concerns. Paths are given
//! from where seccheck was run (`prefix` is the corpus folder as given on the command
//! line), which in CI is the repository's root.

use crate::check::Outcome;
use crate::diagnostic::Severity;
use crate::store::Held;
use std::fmt::Write as _;

/// Escapes a command's message: `%`, CR and LF (the runner's own rules).
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value: as a message, and `:` and `,`.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(outcome: &Outcome, prefix: &str) -> String {
    let corpus = &outcome.corpus;
    let held = Held::new(&corpus.files);
    let mut out = String::new();
    for d in &outcome.diagnostics {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut props = Vec::new();
        if let Some(l) = &d.primary {
            let source = held.get(l.file);
            let (line, col) = source.line_col(l.span.start as usize);
            let (end_line, end_col) = source.line_col(l.span.end as usize);
            let file = super::from_run_dir(prefix, &corpus.file(l.file).path);
            props.push(format!("file={}", property(&file)));
            props.push(format!("line={line}"));
            props.push(format!("col={col}"));
            props.push(format!("endLine={end_line}"));
            // A column range is only shown on one line.
            if end_line == line {
                props.push(format!("endColumn={end_col}"));
            }
        }
        props.push(format!("title={}", property(d.code)));
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        let _ = writeln!(out, "::{command} {}::{}", props.join(","), data(&message));
    }
    out
}
