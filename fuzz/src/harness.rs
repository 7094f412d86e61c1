//! One function a parser target: what the fuzzer (and `tests/fuzz_parsers.rs`) feeds it.
//! Each panics on a finding.

use super::{assert_spans, text_of};
use seccheck::names::DocumentId;
use seccheck::parse::dates;
use seccheck::source::{SourceFile, decode, lines_with_offsets};
use seccheck::word::View;

/// The Document Log (CSV).
pub fn log(data: &[u8]) {
    let Some(text) = text_of(data) else { return };
    assert_spans(&text, &seccheck::parse::log::parse(&text));
}

/// A document version: heading, clauses, version table, citations; as Markdown and as
/// plain text, of a Section and of an Appendix.
pub fn document(data: &[u8]) {
    let Some(text) = text_of(data) else { return };
    let section = DocumentId::from_key("section-h");
    let appendix = DocumentId::from_key("appendix-ac");
    for markdown in [true, false] {
        for doc in [section.as_ref(), appendix.as_ref(), None] {
            assert_spans(
                &text,
                &seccheck::parse::parse_document(&text, markdown, doc),
            );
        }
    }
}

/// Section A's definitions.
pub fn definitions(data: &[u8]) {
    let Some(text) = text_of(data) else { return };
    assert_spans(
        &text,
        &seccheck::parse::definitions::parse_definitions(&text, None),
    );
}

/// Citations in running text.
pub fn references(data: &[u8]) {
    let Some(text) = text_of(data) else { return };
    assert_spans(&text, &seccheck::parse::references::extract(&text));
}

/// A redline's CriticMarkup.
pub fn redline(data: &[u8]) {
    let Some(text) = text_of(data) else { return };
    assert_spans(&text, &seccheck::parse::redline::parse(&text));
}

/// A release note: proposals, affected list, stated count, dates.
pub fn release_note(data: &[u8]) {
    let Some(text) = text_of(data) else { return };
    assert_spans(
        &text,
        &seccheck::parse::release_note::parse_release_note(&text),
    );
}

/// The version-control table in its Markdown shape: the input follows a table head.
pub fn version_table_markdown(data: &[u8]) {
    let Some(body) = text_of(data) else { return };
    let text =
        format!("| Version | Implementation Date | Reason for Change |\n|---|---|---|\n{body}");
    assert_spans(
        &text,
        &seccheck::parse::version_table::parse_version_table(&text),
    );
}

/// The version-control table in the shape text extracted from a PDF has: the input
/// follows its heading.
pub fn version_table_pdf(data: &[u8]) {
    let Some(body) = text_of(data) else { return };
    let text = format!("VERSION CONTROL\n{body}");
    assert_spans(
        &text,
        &seccheck::parse::version_table::parse_version_table(&text),
    );
}

/// Dates in prose and in table cells.
pub fn dates(data: &[u8]) {
    let Some(text) = text_of(data) else { return };
    assert_spans(&text, &dates::find_dates(&text));
    let _ = dates::parse_prose_date(&text);
    let _ = dates::parse_cell_date(&text);
    for (i, _) in text.char_indices().take(64) {
        if let Some(m) = dates::date_at(&text, i) {
            assert_spans(&text, &m);
        }
    }
}

/// Decoding bytes to text and the line index: lines tile the text, every offset has a
/// line and column, in order.
pub fn decode_lines(data: &[u8]) {
    let (text, _problems) = decode(data.to_vec());
    let Some(text) = text else { return };
    let mut next = 0;
    for (start, line) in lines_with_offsets(&text) {
        assert!(start >= next && start + line.len() <= text.len());
        assert!(text.is_char_boundary(start) && text.is_char_boundary(start + line.len()));
        next = start + line.len();
    }
    let file = SourceFile::new("f.md".into(), text.clone());
    let mut last = (0, 0);
    for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
        let place = file.line_col(i);
        assert!(place.0 >= 1 && place.1 >= 1, "{place:?} at {i}");
        assert!(place > last || i == 0, "{place:?} after {last:?} at {i}");
        last = place;
    }
}

/// Telling a loose file's kind from its text.
pub fn classify(data: &[u8]) {
    let Some(text) = text_of(data) else { return };
    let _ = seccheck::parse::classify::classify(&text, true);
    let _ = seccheck::parse::classify::classify(&text, false);
}

/// `seccheck.toml`.
pub fn config(data: &[u8]) {
    let Some(text) = text_of(data) else { return };
    assert_spans(&text, &seccheck::parse::config::parse(&text));
}

/// The target of `seccheck refs` as a user types it (`H8.16`, `Section H`, `AC 2.1`).
pub fn refs_target(data: &[u8]) {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let _ = seccheck::refs::parse_target(input);
}

/// The Word reader (.docx), in each of its three views: the paragraph map lies inside the
/// text read, on character boundaries.
pub fn word(data: &[u8]) {
    for view in [View::Markup, View::Accept, View::Reject] {
        if let Ok(word) = seccheck::word::read(data, view) {
            assert_spans(&word.text, &word.paragraphs);
        }
    }
}

/// The five files of the `check` target, cut from one input at NUL bytes.
const CHECK_PATHS: [&str; 5] = [
    "document-log.csv",
    "documents/section-h/1.0.md",
    "documents/section-h/1.1.md",
    "redlines/section-h/1.1.md",
    "releases/54.0.md",
];

/// The `check` target: the input split at NUL bytes (`\0`) into a log, two document
/// versions, a redline and a release note, and checked whole ([`check`]).
pub fn check_input(data: &[u8]) {
    let files = data
        .split(|b| *b == 0)
        .zip(CHECK_PATHS)
        .map(|(bytes, path)| (path.to_string(), bytes.to_vec()))
        .collect();
    check(files, "");
}

/// The whole check on files held in memory, rendered in every format. Panics (naming
/// `case`) when a finding has a code that is no rule's, or a place outside its file's text
/// or inside a character, or when a format leaves a finding out. Returns the outcome, for
/// more checks.
pub fn check(files: Vec<(String, Vec<u8>)>, case: &str) -> seccheck::check::Outcome {
    use seccheck::report::{self, human::HumanOptions};
    let outcome = seccheck::check::check_memory(files);
    let known: Vec<&str> = seccheck::rules::RULES.iter().map(|r| r.code).collect();
    let held = seccheck::store::Held::new(&outcome.corpus.files);
    for d in &outcome.diagnostics {
        assert!(known.contains(&d.code), "{case}: unknown code {}", d.code);
        for l in d.primary.iter().chain(&d.related) {
            let text = &held.get(l.file).text;
            let (a, b) = (l.span.start as usize, l.span.end as usize);
            assert!(
                a <= b && b <= text.len(),
                "{case}: {} span {a}..{b} of {}",
                d.code,
                text.len()
            );
            assert!(
                text.is_char_boundary(a) && text.is_char_boundary(b),
                "{case}: {} span {a}..{b} inside a character",
                d.code
            );
        }
    }
    let human = report::human::render(
        &outcome,
        &HumanOptions {
            color: false,
            width: 100,
            show_suppressed: true,
            quiet: false,
        },
    );
    assert!(human.contains("Checked "), "{case}");
    assert!(report::json::render(&outcome).starts_with('{'), "{case}");
    let _ = report::json::render_lines(&outcome);
    let _ = report::concise::render(&outcome);
    let html = report::html::render(&outcome, None);
    assert_eq!(
        html.matches(r#"<li class="finding"#).count(),
        outcome.diagnostics.len(),
        "{case}"
    );
    outcome
}
