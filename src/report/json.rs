//! The JSON format: one object, schema version 1, documented in docs/json-format.md.
//! Field order and names are part of the contract; add fields, never rename them.

use crate::check::Outcome;
use crate::diagnostic::{Diagnostic, Label};
use crate::model::Corpus;
use crate::source::{FileId, Span as SourceSpan};
use crate::store::Held;
use serde::Serialize;

#[derive(Serialize)]
struct Report<'a> {
    schema: u32,
    /// `"check"`: which report this is (`refs` and `inspect` say theirs).
    kind: &'static str,
    summary: super::Summary,
    skipped: Vec<SkippedJson<'a>>,
    /// Rules switched off by `seccheck.toml` or the command line.
    disabled: Vec<DisabledJson<'a>>,
    /// What each file was read as (every file read, in path order).
    files: Vec<FileJson<'a>>,
    diagnostics: Vec<DiagnosticJson<'a>>,
    /// Findings inline suppressions accepted, with the reasons given (only when there
    /// are some).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suppressed: Vec<SuppressedJson<'a>>,
}

#[derive(Serialize)]
struct SuppressedJson<'a> {
    #[serde(flatten)]
    diagnostic: DiagnosticJson<'a>,
    reason: &'a str,
}

#[derive(Serialize)]
struct FileJson<'a> {
    path: &'a str,
    kind: &'static str,
}

#[derive(Serialize)]
struct DisabledJson<'a> {
    code: &'static str,
    by: &'static str,
    /// Off only in the files this `[per-path]` glob matches.
    #[serde(skip_serializing_if = "Option::is_none")]
    paths: Option<&'a str>,
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
    /// Stable across line moves and version bumps (see `baseline`).
    fingerprint: String,
    /// The edit that resolves it, where the rule offers one.
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<FixJson<'a>>,
}

/// A fix: the place to replace (an empty span inserts) and what to write there.
#[derive(Serialize)]
struct FixJson<'a> {
    #[serde(flatten)]
    place: Place<'a>,
    replacement: &'a str,
}

#[derive(Serialize)]
struct Location<'a> {
    #[serde(flatten)]
    place: Place<'a>,
    label: &'a str,
}

/// Where a span is, as every JSON report gives it: the path relative to the corpus root,
/// 1-based line and column (characters) of its start and of just after its end, and its
/// byte offsets. The findings of `check` and the citations of `refs` share it.
#[derive(Serialize)]
pub struct Place<'a> {
    pub path: &'a str,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub span: Span,
    /// In a Word file: the paragraph (the same number as `line`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<usize>,
    /// In a Word file: the clause the place sits in, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clause: Option<String>,
}

#[derive(Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl<'a> Place<'a> {
    /// The place of `span` in `file`, its text taken from `held`.
    pub fn of(corpus: &'a Corpus, held: &Held<'_>, file: FileId, span: SourceSpan) -> Place<'a> {
        let source = held.get(file);
        let (line, column) = source.line_col(span.start as usize);
        let (end_line, end_column) = source.line_col(span.end as usize);
        let word = source.paragraph_at(span.start as usize);
        let (start, end) = corpus.file(file).as_written(span);
        Place {
            paragraph: word.map(|w| w.paragraph),
            clause: word.and_then(|w| w.clause).map(String::from),
            path: &corpus.file(file).path,
            line,
            column,
            end_line,
            end_column,
            span: Span { start, end },
        }
    }
}

fn diagnostic<'a>(corpus: &'a Corpus, held: &Held<'_>, d: &'a Diagnostic) -> DiagnosticJson<'a> {
    DiagnosticJson {
        code: d.code,
        severity: d.severity.as_str(),
        message: &d.message,
        location: d.primary.as_ref().map(|l| location(corpus, held, l)),
        help: d.help.as_deref(),
        related: d
            .related
            .iter()
            .map(|l| location(corpus, held, l))
            .collect(),
        fingerprint: crate::baseline::fingerprint(corpus, held, d),
        fix: d.fix.as_ref().map(|f| FixJson {
            place: Place::of(corpus, held, f.file, f.span),
            replacement: &f.replacement,
        }),
    }
}

/// JSON Lines: one finding a line, each the object the JSON report lists under
/// `diagnostics` (for CI systems that stream findings).
pub fn render_lines(outcome: &Outcome) -> String {
    let mut out = Vec::new();
    write_lines(outcome, &mut out).expect("writing to memory");
    String::from_utf8(out).expect("the report is UTF-8")
}

/// Writes JSON Lines a finding at a time, so that a report of many findings is never
/// held whole.
pub fn write_lines(outcome: &Outcome, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let corpus = &outcome.corpus;
    let held = Held::new(&corpus.files);
    for d in &outcome.diagnostics {
        serde_json::to_writer(&mut *out, &diagnostic(corpus, &held, d))?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

fn location<'a>(corpus: &'a Corpus, held: &Held<'_>, l: &'a Label) -> Location<'a> {
    Location {
        place: Place::of(corpus, held, l.file, l.span),
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
        kind: "check",
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
        disabled: outcome
            .disabled
            .iter()
            .map(|d| DisabledJson {
                code: d.code,
                by: d.by,
                paths: d.paths.as_deref(),
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
            .map(|d| diagnostic(corpus, &held, d))
            .collect(),
        suppressed: outcome
            .suppressed
            .iter()
            .map(|s| SuppressedJson {
                diagnostic: diagnostic(corpus, &held, &s.diagnostic),
                reason: &s.reason,
            })
            .collect(),
    };
    let mut s = serde_json::to_string_pretty(&report).expect("plain data serialises");
    s.push('\n');
    s
}

#[derive(Serialize)]
struct DiffReport<'a> {
    schema: u32,
    kind: &'static str,
    from: String,
    to: String,
    /// Findings at `to` that `from` did not have, placed in the corpus as at `to`.
    introduced: Vec<DiagnosticJson<'a>>,
    /// Findings at `from` that `to` no longer has, placed in the corpus as at `from`.
    resolved: Vec<DiagnosticJson<'a>>,
    kept: usize,
}

/// `seccheck diff --format json`: `{"schema":1,"kind":"diff","from","to","introduced",
/// "resolved","kept"}`, each finding as the check report gives it.
pub fn render_diff(d: &crate::diff::Diff) -> String {
    let held_to = Held::new(&d.at_to.corpus.files);
    let held_from = Held::new(&d.at_from.corpus.files);
    let report = DiffReport {
        schema: 1,
        kind: "diff",
        from: d.from.to_string(),
        to: d.to.to_string(),
        introduced: d
            .introduced
            .iter()
            .map(|&i| diagnostic(&d.at_to.corpus, &held_to, &d.at_to.diagnostics[i]))
            .collect(),
        resolved: d
            .resolved
            .iter()
            .map(|&i| diagnostic(&d.at_from.corpus, &held_from, &d.at_from.diagnostics[i]))
            .collect(),
        kept: d.kept,
    };
    let mut s = serde_json::to_string_pretty(&report).expect("plain data serialises");
    s.push('\n');
    s
}
