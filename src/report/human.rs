//! The human format: each diagnostic as rustc would show it, through miette's graphical
//! handler, with the labelled snippet of the file that is wrong and, below it, the
//! snippets of the other files it disagrees with.
//!
//! miette's own `SourceCode` for `str` rescans the file from the start for every label;
//! [`Indexed`] answers from the file's precomputed line index instead.

use crate::check::{Outcome, Skipped};
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::model::Corpus;
use crate::source::SourceFile;
use crate::store::Held;
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};
use rayon::prelude::*;
use std::fmt::{self, Write as _};
use std::sync::Arc;

/// A file's text as miette reads it, with line lookups by binary search.
struct Indexed(Arc<SourceFile>);

impl SourceCode for Indexed {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let file = &*self.0;
        let text = file.text.as_bytes();
        let start = span.offset();
        let end = start + span.len();
        if end > text.len() {
            return Err(MietteError::OutOfBounds);
        }
        if file.is_word() {
            return word_span(file, start, end);
        }
        let first = file.line_index(start);
        let last = file.line_index(end.saturating_sub(1).max(start));
        let mut from_line = first.saturating_sub(before);
        let mut to_line = (last + after).min(file.line_count() - 1);
        // Context lines are left out when one of them is long, and a long labelled line
        // is shown as a window around the labels (see [`clamp`]).
        if (from_line..=to_line).any(|l| long_line(file, l)) {
            (from_line, to_line) = (first, last);
        }
        let (mut from, mut to) = (
            file.line_range(from_line).start,
            file.line_range(to_line).end,
        );
        if from_line == to_line && long_line(file, first) {
            from = floor_char(&file.text, start.saturating_sub(WINDOW).max(from));
            to = ceil_char(&file.text, (end + WINDOW).min(to));
            if to - from > LONG_LINE {
                // Two labels far apart on one line: miette then shows each on its own.
                return Err(MietteError::OutOfBounds);
            }
        }
        let column = if before == 0 {
            file.line_col(start).1 - 1
        } else {
            0
        };
        Ok(Box::new(MietteSpanContents::new_named(
            file.path.clone(),
            &text[from..to],
            SourceSpan::new(from.into(), to - from),
            from_line,
            column,
            to_line - from_line + 1,
        )))
    }
}

/// A snippet of a Word file: the paragraph's line alone (no context: the lines around it
/// are the blank lines between paragraphs), named as a person finds it in Word,
/// `path ¶57, in H8.16`, with the paragraph's number in the gutter.
fn word_span(
    file: &SourceFile,
    start: usize,
    end: usize,
) -> Result<Box<dyn SpanContents<'_> + '_>, MietteError> {
    let first = file.line_index(start);
    let last = file.line_index(end.saturating_sub(1).max(start));
    let (mut from, mut to) = (file.line_range(first).start, file.line_range(last).end);
    if long_line(file, first) {
        from = floor_char(&file.text, start.saturating_sub(WINDOW).max(from));
        to = ceil_char(&file.text, (end + WINDOW).min(to.max(end)));
        if to - from > LONG_LINE {
            return Err(MietteError::OutOfBounds);
        }
    }
    let place = file.paragraph_at(start);
    let paragraph = place.map_or(first + 1, |p| p.paragraph);
    let name = match place.and_then(|p| p.clause) {
        Some(clause) => format!("{} ¶{paragraph}, in {clause}", file.path),
        None => format!("{} ¶{paragraph}", file.path),
    };
    Ok(Box::new(MietteSpanContents::new_named(
        name,
        &file.text.as_bytes()[from..to],
        SourceSpan::new(from.into(), to - from),
        paragraph - 1,
        place.map_or(0, |p| p.column - 1),
        last - first + 1,
    )))
}

/// The handlers a finding is drawn with: a Word file's snippet is headed by its name
/// alone (`file.docx ¶57`), without a line and column.
struct Handlers {
    text: GraphicalReportHandler,
    word: GraphicalReportHandler,
}

impl Handlers {
    fn of(&self, source: Option<&Indexed>) -> &GraphicalReportHandler {
        match source {
            Some(s) if s.0.is_word() => &self.word,
            _ => &self.text,
        }
    }
}

/// How many lines above the next label a label may be and still share its snippet.
const NEAR_LINES: usize = 3;

/// A line longer than this many bytes is not shown whole (a PDF extraction can put a
/// document on one line; miette would also refuse a label that far to the right).
const LONG_LINE: usize = 1000;
/// Bytes shown either side of a label on a long line.
const WINDOW: usize = 60;

fn long_line(file: &SourceFile, line: usize) -> bool {
    file.line_range(line).len() > LONG_LINE
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The part of a label that is shown: all of it, unless it reaches a long line; then it
/// stops before that line, or, when it starts on one, after at most [`WINDOW`] bytes.
fn clamp(file: &SourceFile, start: usize, end: usize) -> (usize, usize) {
    let first = file.line_index(start);
    let last = file.line_index(end.saturating_sub(1).max(start));
    match (first..=last).find(|&l| long_line(file, l)) {
        None => (start, end),
        Some(l) if l == first => {
            let line_end = file.line_range(first).end.max(start);
            (
                start,
                ceil_char(&file.text, end.min(line_end).min(start + WINDOW)),
            )
        }
        Some(l) => (start, file.line_range(l - 1).end.max(start)),
    }
}

/// One diagnostic (or one of its notes in another file) as miette wants it.
struct View<'a> {
    /// `error[LOG001]`, as rustc heads a diagnostic.
    code: Option<String>,
    severity: miette::Severity,
    message: String,
    help: Option<String>,
    source: Option<Indexed>,
    labels: Vec<&'a Label>,
    /// Notes carry their label as the message; the snippet needs no second copy.
    blank_labels: bool,
    notes: Vec<View<'a>>,
}

impl fmt::Debug for View<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
impl fmt::Display for View<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
impl std::error::Error for View<'_> {}

impl miette::Diagnostic for View<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.code
            .as_ref()
            .map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }
    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.source.as_ref()?;
        let file = &*self.source.as_ref()?.0;
        Some(Box::new(self.labels.iter().enumerate().map(
            move |(i, l)| {
                let (start, end) = clamp(file, l.span.start as usize, l.span.end as usize);
                let span = SourceSpan::new(start.into(), end - start);
                let text = (!self.blank_labels).then(|| l.message.clone());
                if i == 0 {
                    LabeledSpan::new_primary_with_span(text, span)
                } else {
                    LabeledSpan::new_with_span(text, span)
                }
            },
        )))
    }
}

fn source_of(held: &Held<'_>, label: &Label) -> Option<Indexed> {
    let file = held.get(label.file);
    // A file with no text (binary, unreadable) has no snippet: the message names it.
    (!file.text.is_empty()).then_some(Indexed(file))
}

fn view<'a>(held: &Held<'_>, d: &'a Diagnostic) -> View<'a> {
    let severity = match d.severity {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Info => miette::Severity::Advice,
    };
    let mut labels = Vec::new();
    let mut notes = Vec::new();
    if let Some(primary) = &d.primary {
        labels.push(primary);
        let file = held.get(primary.file);
        let line = |l: &Label| file.line_index(l.span.start as usize);
        // A label in the same file shares the primary's snippet, unless it is above the
        // primary and too far to join its snippet: it would then open a snippet of its own
        // before the primary's, and head the finding with the wrong line. Such a label
        // becomes a note after the primary. (miette joins two snippets whose lines, with
        // one line of context each, touch.)
        let mut above: Vec<&Label> = d
            .related
            .iter()
            .filter(|r| r.file == primary.file && line(r) < line(primary))
            .collect();
        above.sort_by_key(|r| std::cmp::Reverse(r.span.start));
        let mut joined: Vec<*const Label> = Vec::new();
        let mut reach = line(primary);
        for r in above {
            if reach - line(r) > NEAR_LINES {
                break;
            }
            reach = line(r);
            joined.push(r);
        }
        for r in &d.related {
            let inline = r.file == primary.file
                && (line(r) >= line(primary) || joined.contains(&(r as *const Label)));
            if inline {
                labels.push(r);
            } else {
                notes.push(View {
                    code: None,
                    severity: miette::Severity::Advice,
                    message: r.message.clone(),
                    help: None,
                    source: source_of(held, r),
                    labels: vec![r],
                    blank_labels: true,
                    notes: vec![],
                });
            }
        }
    }
    View {
        code: Some(format!("{}[{}]", d.severity, d.code)),
        severity,
        message: d.message.clone(),
        help: d.help.clone(),
        source: d.primary.as_ref().and_then(|p| source_of(held, p)),
        labels,
        blank_labels: false,
        notes,
    }
}

pub struct HumanOptions {
    pub color: bool,
    pub width: usize,
    /// List the findings inline suppressions accepted, with their reasons.
    pub show_suppressed: bool,
    /// The findings only: no notes, no summary line.
    pub quiet: bool,
}

/// Renders every diagnostic, the skipped families and the summary line.
pub fn render(outcome: &Outcome, options: &HumanOptions) -> String {
    let theme = if options.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_links(false)
        .with_width(options.width)
        .with_context_lines(1);
    let handler = Handlers {
        word: handler.clone().without_primary_span_start(),
        text: handler,
    };
    // The findings of one file are rendered together, holding the texts they show; files
    // are rendered in parallel and the texts joined in order.
    let corpus = &outcome.corpus;
    let by_file: Vec<&[Diagnostic]> = outcome
        .diagnostics
        .chunk_by(|a, b| a.primary.as_ref().map(|l| l.file) == b.primary.as_ref().map(|l| l.file))
        .collect();
    let parts: Vec<String> = by_file
        .par_iter()
        .flat_map_iter(|findings| {
            let held = Held::new(&corpus.files);
            findings
                .iter()
                .map(|d| render_one(&handler, &held, d))
                .collect::<Vec<_>>()
        })
        .collect();
    let mut out = String::with_capacity(parts.iter().map(String::len).sum::<usize>() + 256);
    for p in parts {
        out.push_str(&p);
    }
    if options.quiet {
        return out;
    }
    if outcome.corpus.layout == crate::model::Layout::Loose {
        render_kinds(&mut out, &outcome.corpus);
    }
    render_suppressed(&mut out, outcome, options.show_suppressed);
    render_skipped(&mut out, &outcome.skipped);
    render_disabled(&mut out, &outcome.disabled);
    out.push_str(&super::Summary::of(outcome).line());
    out.push('\n');
    out
}

fn render_one(handlers: &Handlers, held: &Held<'_>, d: &Diagnostic) -> String {
    let mut out = String::new();
    let v = view(held, d);
    let handler = handlers.of(v.source.as_ref());
    // A failure (or a panic) of the snippet renderer on odd text must not lose the
    // finding: it is then written plainly, with its place.
    let rendered = crate::load::guarded(|| {
        let mut s = String::new();
        handler.render_report(&mut s, &v).map(|_| s)
    });
    match rendered {
        Ok(Ok(s)) => out.push_str(&s),
        _ => plain(&mut out, held, d),
    }
    for note in &v.notes {
        render_note(&mut out, handlers.of(note.source.as_ref()), note);
    }
    out.push('\n');
    out
}

/// A finding without a snippet: severity, code, message, place and help.
fn plain(out: &mut String, held: &Held<'_>, d: &Diagnostic) {
    let _ = writeln!(out, "{}[{}]: {}", d.severity, d.code, d.message);
    if let Some(p) = &d.primary {
        let file = held.get(p.file);
        let (line, column) = file.line_col(p.span.start as usize);
        let _ = writeln!(out, "  --> {}:{line}:{column}: {}", file.path, p.message);
    }
    if let Some(help) = &d.help {
        let _ = writeln!(out, "  help: {help}");
    }
}

/// A label in another file, as rustc shows a note: `note: <label>` and the snippet.
/// miette would head it "Advice:"; its own header line (the first it writes) is
/// replaced by ours.
fn render_note(out: &mut String, handler: &GraphicalReportHandler, note: &View<'_>) {
    let mut snippet = String::new();
    let _ = writeln!(out, "  note: {}", note.message);
    if !matches!(
        crate::load::guarded(|| handler.render_report(&mut snippet, note)),
        Ok(Ok(()))
    ) {
        return;
    }
    let body = snippet.trim_start_matches('\n');
    if let Some((_header, rest)) = body.split_once('\n') {
        out.push_str(rest);
    }
}

/// In a loose folder nothing but the content says what a file is: show what was decided.
fn render_kinds(out: &mut String, corpus: &Corpus) {
    for (file, kind) in corpus.file_kinds() {
        let _ = writeln!(out, "note: read {} as {kind}", corpus.file(file).path);
    }
}

fn render_skipped(out: &mut String, skipped: &[Skipped]) {
    // One note per reason (they usually share one: no Document Log), codes in runs.
    let mut reasons: Vec<(&str, Vec<&str>)> = Vec::new();
    for s in skipped {
        match reasons.iter_mut().find(|(r, _)| *r == s.reason) {
            Some((_, codes)) => codes.extend(s.codes.iter().copied()),
            None => reasons.push((&s.reason, s.codes.clone())),
        }
    }
    for (reason, codes) in reasons {
        let _ = writeln!(out, "note: skipped {}: {reason}", code_runs(&codes));
    }
}

/// Rules switched off, by what: nothing is silently off.
/// The findings suppressed inline: a count, or each on a line with its reason.
fn render_suppressed(out: &mut String, outcome: &Outcome, show: bool) {
    let n = outcome.suppressed.len();
    if n == 0 {
        return;
    }
    if !show {
        let _ = writeln!(
            out,
            "note: {n} finding{} suppressed inline (--show-suppressed lists them)",
            if n == 1 { " was" } else { "s were" }
        );
        return;
    }
    let held = Held::new(&outcome.corpus.files);
    let _ = writeln!(out, "suppressed inline:");
    for s in &outcome.suppressed {
        let d = &s.diagnostic;
        let place = d.primary.as_ref().map(|p| {
            let file = held.get(p.file);
            let (line, column) = file.line_col(p.span.start as usize);
            format!("{}:{line}:{column}: ", file.path)
        });
        let _ = writeln!(
            out,
            "  {}{} {} — because: {}",
            place.unwrap_or_default(),
            d.code,
            d.message,
            s.reason
        );
    }
}

fn render_disabled(out: &mut String, disabled: &[crate::check::Disabled]) {
    // (by what, for which paths) → codes.
    type Why<'a> = (&'a str, Option<&'a str>);
    let mut by: Vec<(Why<'_>, Vec<&str>)> = Vec::new();
    for d in disabled {
        let key = (d.by, d.paths.as_deref());
        match by.iter_mut().find(|(b, _)| *b == key) {
            Some((_, codes)) => codes.push(d.code),
            None => by.push((key, vec![d.code])),
        }
    }
    for ((what, paths), codes) in by {
        let place = paths.map(|g| format!(" for {g}")).unwrap_or_default();
        let _ = writeln!(
            out,
            "note: switched off by {what}{place}: {}",
            code_runs(&codes)
        );
    }
}

/// `LOG001, LOG002, LOG003, REF001` → `LOG001–LOG003, REF001`.
fn code_runs(codes: &[&str]) -> String {
    let split = |c: &str| {
        let family = crate::rules::family(c);
        (family.to_string(), c[family.len()..].parse::<u32>().ok())
    };
    let mut runs: Vec<(&str, &str)> = Vec::new();
    for &code in codes {
        if let Some((_, last)) = runs.last_mut() {
            let (f0, n0) = split(last);
            let (f1, n1) = split(code);
            if f0 == f1 && n0.zip(n1).is_some_and(|(a, b)| b == a + 1) {
                *last = code;
                continue;
            }
        }
        runs.push((code, code));
    }
    runs.iter()
        .map(|(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_finding_is_headed_by_its_own_line_and_far_labels_above_become_notes() {
        // Six 40.0 rows give 2021-06-24; the last gives 2021-06-23 (LOG006), with the
        // first of the others, five lines above, as its related label.
        let mut log = String::from("release,effective_date,document,version,title\n");
        for letter in ["a", "b", "c", "d", "e", "f"] {
            log.push_str(&format!("40.0,2021-06-24,section-{letter},1.0,Title\n"));
        }
        log.push_str("40.0,2021-06-23,section-g,1.0,Title\n");
        let mut files = vec![("document-log.csv".to_string(), log)];
        for letter in ["a", "b", "c", "d", "e", "f", "g"] {
            files.push((
                format!("documents/section-{letter}/1.0.md"),
                format!(
                    "# Section {}: Title\n\n{}1.1 Text.\n",
                    letter.to_uppercase(),
                    letter.to_uppercase()
                ),
            ));
        }
        let files: Vec<(&str, &str)> = files
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        let mut outcome = crate::rules::testing::check_strs(&files);
        outcome.diagnostics.retain(|d| d.code == "LOG006");
        assert_eq!(outcome.diagnostics.len(), 1);
        let text = super::render(
            &outcome,
            &super::HumanOptions {
                color: false,
                width: 100,
                show_suppressed: false,
                quiet: false,
            },
        );
        let headers: Vec<&str> = text.lines().filter(|l| l.contains("╭─[")).collect();
        assert_eq!(headers.len(), 2, "{text}");
        assert!(headers[0].contains("[document-log.csv:8:6]"), "{text}");
        assert!(headers[1].contains("[document-log.csv:2:6]"), "{text}");
        assert!(text.contains("  note: "), "{text}");
    }

    #[test]
    fn a_finding_written_plainly_keeps_its_place_and_help() {
        let outcome = crate::rules::testing::check_strs(&[
            (
                "document-log.csv",
                "release,effective_date,document,version,title\n",
            ),
            (
                "documents/section-h/1.0.md",
                "# Section H: DCC Services\n\nH1.1 Text.\n",
            ),
        ]);
        let d = &outcome.diagnostics[0];
        let mut out = String::new();
        super::plain(&mut out, &crate::store::Held::new(&outcome.corpus.files), d);
        assert!(out.starts_with(&format!("{}[{}]: {}\n", d.severity, d.code, d.message)));
        assert!(
            out.contains("  --> documents/section-h/1.0.md:1:1: "),
            "{out}"
        );
        assert!(out.contains("  help: "), "{out}");
    }

    #[test]
    fn codes_are_shown_in_runs() {
        assert_eq!(
            super::code_runs(&["LOG001", "LOG002", "LOG003", "REF001", "REF004", "REF005"]),
            "LOG001–LOG003, REF001, REF004–REF005"
        );
        assert_eq!(super::code_runs(&[]), "");
    }
}
