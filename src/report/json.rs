//! The JSON format: one object, schema version 1, documented in docs/json-format.md.
//! Field order and names are part of the contract; add fields, never rename them.

use crate::check::Outcome;
use crate::diagnostic::Label;
use crate::model::Corpus;
use crate::store::Held;
use serde::Serialize;

#[derive(Serialize)]
struct Report<'a> {
    schema: u32,
    summary: super::Summary,
    skipped: Vec<SkippedJson<'a>>,
    /// What each file was read as (every file read, in path order).
    files: Vec<FileJson<'a>>,
    diagnostics: Vec<DiagnosticJson<'a>>,
}

#[derive(Serialize)]
struct FileJson<'a> {
    path: &'a str,
    kind: &'static str,
}

#[derive(Serialize)]
struct SkippedJson<'a> {
    family: &'a str,
    codes: &'a [&'static str],
    reason: &'a str,
}

#[derive(Serialize)]
struct DiagnosticJson<'a> {
    code: &'static str,
    severity: &'static str,
    message: &'a str,
    #[serde(flatten)]
    location: Option<Location<'a>>,
    help: Option<&'a str>,
    related: Vec<Location<'a>>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    span: Span,
    label: &'a str,
}

#[derive(Serialize)]
struct Span {
    start: usize,
    end: usize,
}

fn location<'a>(corpus: &'a Corpus, held: &Held<'_>, l: &'a Label) -> Location<'a> {
    let file = held.get(l.file);
    let (line, column) = file.line_col(l.span.start as usize);
    let (end_line, end_column) = file.line_col(l.span.end as usize);
    Location {
        path: &corpus.file(l.file).path,
        line,
        column,
        end_line,
        end_column,
        span: Span {
            start: l.span.start as usize,
            end: l.span.end as usize,
        },
        label: &l.message,
    }
}

pub fn render(outcome: &Outcome) -> String {
    let corpus = &outcome.corpus;
    // Diagnostics come sorted by file: `Held` keeps the texts of the last few files they
    // are placed in.
    let held = Held::new(&corpus.files);
    let report = Report {
        schema: 1,
        summary: super::Summary::of(outcome),
        skipped: outcome
            .skipped
            .iter()
            .map(|s| SkippedJson {
                family: &s.family,
                codes: &s.codes,
                reason: &s.reason,
            })
            .collect(),
        files: corpus
            .file_kinds()
            .into_iter()
            .map(|(f, kind)| FileJson {
                path: &corpus.file(f).path,
                kind,
            })
            .collect(),
        diagnostics: outcome
            .diagnostics
            .iter()
            .map(|d| DiagnosticJson {
                code: d.code,
                severity: d.severity.as_str(),
                message: &d.message,
                location: d.primary.as_ref().map(|l| location(corpus, &held, l)),
                help: d.help.as_deref(),
                related: d
                    .related
                    .iter()
                    .map(|l| location(corpus, &held, l))
                    .collect(),
            })
            .collect(),
    };
    let mut s = serde_json::to_string_pretty(&report).expect("plain data serialises");
    s.push('\n');
    s
}
