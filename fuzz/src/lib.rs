//! The parser harnesses, shared by the cargo-fuzz targets (`fuzz_targets/*.rs`, one line
//! each) and by `tests/fuzz_parsers.rs`, which runs the same functions on seeded, bounded
//! inputs in every `cargo test` (it includes this file with `#[path]`; it must not depend
//! on libFuzzer).
//!
//! What every harness asserts of a parser's output: each span it holds lies inside the
//! text and on character boundaries. Spans are found in the output's `Debug` form
//! (`Span { start: 3, end: 9 }` and `3..9`), outside quoted strings, so one check serves
//! every parser without knowing its types.

use std::fmt::Debug;

pub mod harness;

/// Panics (a finding for the fuzzer) when a span in `parsed` is outside `text`, backwards,
/// or cuts a character.
pub fn assert_spans(text: &str, parsed: &impl Debug) {
    for (start, end) in spans_in(&format!("{parsed:?}")) {
        assert!(start <= end, "backwards span {start}..{end}");
        assert!(end <= text.len(), "span {start}..{end} past {}", text.len());
        assert!(
            text.is_char_boundary(start) && text.is_char_boundary(end),
            "span {start}..{end} inside a character"
        );
    }
}

/// The `(start, end)` pairs written in a `Debug` rendering, outside string and char
/// literals.
pub fn spans_in(debug: &str) -> Vec<(usize, usize)> {
    let b = debug.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let number = |i: &mut usize| -> Option<usize> {
        let s = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        debug[s..*i].parse().ok()
    };
    while i < b.len() {
        match b[i] {
            // A string or char literal: skip to its unescaped end.
            q @ (b'"' | b'\'') => {
                i += 1;
                while i < b.len() && b[i] != q {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            }
            b'S' if debug[i..].starts_with("Span { start: ") => {
                i += "Span { start: ".len();
                let start = number(&mut i);
                if debug[i..].starts_with(", end: ") {
                    i += ", end: ".len();
                    if let (Some(s), Some(e)) = (start, number(&mut i)) {
                        out.push((s, e));
                    }
                }
            }
            c if c.is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) => {
                let start = number(&mut i);
                if debug[i..].starts_with("..") && b.get(i + 2).is_some_and(u8::is_ascii_digit) {
                    i += 2;
                    if let (Some(s), Some(e)) = (start, number(&mut i)) {
                        out.push((s, e));
                    }
                }
            }
            _ => i += 1,
        }
    }
    out
}

/// The input as text: fuzzers give bytes; parsers take what `source::decode` makes of
/// them, as the loader does.
pub fn text_of(data: &[u8]) -> Option<String> {
    seccheck::source::decode(data.to_vec()).0
}
