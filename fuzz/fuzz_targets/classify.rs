//! Telling a loose file's kind from its text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use seccheck_fuzz::text_of;

fuzz_target!(|data: &[u8]| {
    let Some(text) = text_of(data) else { return };
    let _ = seccheck::parse::classify::classify(&text, true);
    let _ = seccheck::parse::classify::classify(&text, false);
});
