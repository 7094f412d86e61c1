//! LOG008 malformed-log-row: a log row that cannot be read; the rest of the log is used.

use crate::diagnostic::Diagnostic;
use crate::model::Corpus;
use crate::parse::dates::{CellDate, parse_cell_date};
use crate::parse::log::{HEADER, RowProblem};
use crate::rules::{Check, Needs, Rule};

pub const RULE: Rule = Rule {
    code: "LOG008",
    needs: Needs::Log,
    check: Check::Corpus(check),
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let Some(log) = &corpus.log else { return };
    for m in &log.malformed {
        let (message, label, help) = words(&m.problem);
        out.push(
            Diagnostic::new(RULE.code, message)
                .at(log.file, m.span, label)
                .help(help),
        );
    }
}

/// The message, label and help for one problem.
fn words(problem: &RowProblem) -> (String, &'static str, String) {
    const LEFT_OUT: &str = "cannot be read; this row is left out";
    let header = HEADER.join(",");
    match problem {
        RowProblem::NoHeader => (
            "the Document Log has no header line".into(),
            "read as the first row: the header is missing",
            format!("make the first line `{header}`; rows are read in that column order"),
        ),
        RowProblem::WrongHeader(found) => (
            format!("the Document Log header is `{}`, not `{header}`", clip(found)),
            "not the header; rows are read in the standard column order",
            format!("make the first line `{header}`; rows are read in that column order"),
        ),
        RowProblem::UnclosedQuote => (
            "this row has a quote that is never closed".into(),
            LEFT_OUT,
            "close the quoted field with `\"`; a quote inside it is written `\"\"`".into(),
        ),
        RowProblem::FieldCount { found, width } => {
            let expected = if *width == 5 {
                "5".to_string()
            } else {
                format!("{width} (the header's columns)")
            };
            let fields = if *found == 1 { "field" } else { "fields" };
            (
                format!("this row has {found} {fields}, not {expected}"),
                LEFT_OUT,
                format!(
                    "give every row the five fields `{header}`; quote a title that holds a comma"
                ),
            )
        }
        RowProblem::BadRelease(v) => (
            format!("`{}` is not an SEC release number", clip(v)),
            LEFT_OUT,
            "write the SEC version as digits and dots, e.g. `57.0`".into(),
        ),
        RowProblem::BadDate(v) => (
            match parse_cell_date(v) {
                CellDate::MonthFirst => format!(
                    "`{}` is not a date: dates are read day first, and there is no month {}",
                    clip(v),
                    v.split(['/', '.']).nth(1).unwrap_or_default()
                ),
                CellDate::Impossible => format!("`{}` is a day that does not exist", clip(v)),
                CellDate::NoSuchMonth(m) => {
                    format!("`{}` is not a date: there is no month {m}", clip(v))
                }
                _ => format!("`{}` is not a date", clip(v)),
            },
            LEFT_OUT,
            "write the effective date as `2022-02-24`, `24/02/2022` (day first) or `24 February 2022`, and check the day exists"
                .into(),
        ),
        RowProblem::BadDocument(v) => (
            format!("`{}` is not a document key", clip(v)),
            LEFT_OUT,
            "use `section-<letter>`, `schedule-<number>` or `appendix-<letters>`, lower case, e.g. `appendix-ac`".into(),
        ),
        RowProblem::BadVersion(v) => (
            format!("`{}` is not a document version", clip(v)),
            LEFT_OUT,
            "write the document's version as digits and dots, e.g. `3.1`".into(),
        ),
        RowProblem::NoTitle => (
            "this row has no title".into(),
            LEFT_OUT,
            "give the document's title at this release, without the `Section H` prefix".into(),
        ),
    }
}

/// A field quoted in a message, cut short when it is long.
fn clip(text: &str) -> String {
    const MAX: usize = 80;
    match text.char_indices().nth(MAX) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}
