//! Citations in running text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use seccheck_fuzz::{assert_spans, text_of};

fuzz_target!(|data: &[u8]| {
    let Some(text) = text_of(data) else { return };
    assert_spans(&text, &seccheck::parse::references::extract(&text));
});
