//! Redlines against the Document Log and the clean texts.
//!
//! A redline `redlines/<key>/<v>.md` shows the change that produced version `<v>`. It is
//! compared with the version the log puts in effect at the release *before* the one that
//! first bumps the document to `<v>` (rejecting every change must give that text), and
//! with `<v>` itself (accepting every change must give it).
//!
//! Texts are compared as streams of pieces of the files as written: neither side of a
//! redline is ever built whole, so a 5 MB redline costs one pass. The comparison ignores
//! the CR of a CR LF line end and whitespace at the very end of a text. Only when the
//! texts differ is a small window around the first difference copied out and diffed word
//! by word, under a deadline.
//!
//! Which release bumps each document to each version is [`crate::history`]'s. Layout:
//! `compare` (the one-pass streaming comparison), `word_diff` (the window around the
//! first difference, diffed word by word, and its labels). This file keeps what the
//! rules share: corpus look-ups and the RED001/RED002 finding. The rules themselves are
//! `red001.rs` to `red006.rs`.

use crate::diagnostic::Diagnostic;
use crate::model::{Corpus, DocumentVersion, RedlineFile};
use crate::names::{DocumentId, Version};
use crate::parse::redline::Side;
use crate::source::{FileId, Span};
use std::time::Instant;

pub mod red001;
pub mod red002;
pub mod red003;
pub mod red004;
pub mod red005;
pub mod red006;

mod compare;
mod word_diff;

use compare::{Text, compare};
use word_diff::{DIFF_TIME, quoted, word_diff};

/// The clean text of a document version, when the corpus has it and it could be read.
pub(crate) fn readable_document<'a>(
    corpus: &'a Corpus,
    document: &DocumentId,
    version: &Version,
) -> Option<&'a DocumentVersion> {
    corpus
        .document(document, version)
        .filter(|d| !corpus.unreadable(d.file))
}

/// The first line of a file, for findings about a whole file.
pub(crate) fn first_line(corpus: &Corpus, file: FileId) -> Span {
    let f = corpus.source(file);
    if f.text.is_empty() {
        Span::default()
    } else {
        f.line_range(0).into()
    }
}

/// A redline side that does not give the text it should: RED001 (rejected, against the
/// previous version) and RED002 (accepted, against this version).
pub(crate) fn mismatch(
    corpus: &Corpus,
    code: &'static str,
    redline: &RedlineFile,
    side: Side,
    expected: &DocumentVersion,
    expected_version: &Version,
) -> Option<Diagnostic> {
    let rtext_source = corpus.source(redline.file);
    let rtext = rtext_source.text.as_str();
    let etext_source = corpus.source(expected.file);
    let etext = etext_source.text.as_str();
    let got = Text::of_side(&redline.redline, rtext, side);
    let exp = Text::of_file(etext);
    let div = compare(&got, &exp)?;
    let wd = word_diff(&got, &exp, div, Instant::now() + DIFF_TIME);
    let name = format!("{} version {}", expected.document, expected_version);
    let (verb, what, changed) = match side {
        Side::Before => ("rejecting", "rejected", "unchanged or deleted"),
        Side::After => ("accepting", "accepted", "unchanged or inserted"),
    };
    let primary = if wd.got.is_empty() {
        if wd.expected.is_empty() {
            format!("{verb} the changes gives a different text from here")
        } else {
            format!("{verb} the changes leaves out {}", quoted(&wd.expected))
        }
    } else {
        format!("{verb} the changes gives {}", quoted(&wd.got))
    };
    let related = if !wd.expected.is_empty() {
        format!("{name} has {}", quoted(&wd.expected))
    } else if wd.expected_span.start as usize >= etext.trim_end().len() {
        format!("{name} ends here")
    } else {
        format!("{name} has nothing here")
    };
    let message = match side {
        Side::Before => format!(
            "with every change rejected, this redline does not give the text of {name}, the version it changes"
        ),
        Side::After => {
            format!("with every change accepted, this redline does not give the text of {name}")
        }
    };
    // Short lines, each under the report's width, so none is wrapped mid-name.
    let help = format!(
        "{verb} the changes must give {name} exactly. The first difference:\n{}\nfix the redline's {changed} text, or {name} if that is what is wrong",
        wd.lines(
            &format!("version {expected_version}"),
            &format!("changes {what}"),
        )
    );
    Some(
        Diagnostic::new(code, message)
            .at(redline.file, one_line(rtext, wd.got_span), primary)
            .related(expected.file, one_line(etext, wd.expected_span), related)
            .help(help),
    )
}

/// A span cut at the end of its first line, so a long difference underlines one line.
/// A difference that starts with line breaks (a paragraph added or dropped) underlines
/// the first line of text after them, not the line break.
fn one_line(text: &str, span: Span) -> Span {
    let r = span.range();
    // Past white space and marks (`{++`, `++}`, …) at the start, to the first text.
    let mut at = r.start;
    loop {
        let rest = &text.as_bytes()[at..r.end];
        if rest.first().is_some_and(u8::is_ascii_whitespace) {
            at += 1;
            continue;
        }
        match ["{++", "{--", "{~~", "++}", "--}", "~~}", "~>"]
            .iter()
            .find(|m| rest.starts_with(m.as_bytes()))
        {
            Some(m) => at += m.len(),
            None => break,
        }
    }
    let r = if at < r.end { at..r.end } else { r };
    let span = Span::new(r.start, r.end);
    match memchr::memchr(b'\n', &text.as_bytes()[r.clone()]) {
        Some(0) => Span::new(r.start, r.start + 1),
        Some(i) if text.as_bytes()[r.start + i - 1] == b'\r' && i > 1 => {
            Span::new(r.start, r.start + i - 1)
        }
        Some(i) => Span::new(r.start, r.start + i),
        None => span,
    }
}

/// Whether a side of the redline is the text of `expected`, by the digests taken at load
/// (`false` when one is missing: then the texts are compared).
pub(crate) fn same_side(redline: &RedlineFile, expected: &DocumentVersion, side: Side) -> bool {
    match (redline.sides, expected.digest) {
        (Some((before, _)), Some(e)) if side == Side::Before => before == e,
        (Some((_, after)), Some(e)) if side == Side::After => after == e,
        _ => false,
    }
}

/// Whether RED001/RED002 compare this redline at all: it must be readable and its markup
/// well-formed (RED006 reports markup errors; a broken mark has no one reading).
pub(crate) fn comparable(corpus: &Corpus, redline: &RedlineFile) -> bool {
    redline.redline.errors.is_empty() && !corpus.unreadable(redline.file)
}

#[cfg(test)]
mod tests;
