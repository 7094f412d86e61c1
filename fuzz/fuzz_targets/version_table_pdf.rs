//! The version-control table in the shape text extracted from a PDF has: the input
//! follows its heading.
#![no_main]
use libfuzzer_sys::fuzz_target;
use seccheck_fuzz::{assert_spans, text_of};

fuzz_target!(|data: &[u8]| {
    let Some(body) = text_of(data) else { return };
    let text = format!("VERSION CONTROL\n{body}");
    assert_spans(
        &text,
        &seccheck::parse::version_table::parse_version_table(&text),
    );
});
