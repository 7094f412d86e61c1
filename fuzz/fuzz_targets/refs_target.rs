//! The target of `seccheck refs` as a user types it (`H8.16`, `Section H`, `AC 2.1`).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let _ = seccheck::refs::parse_target(input);
});
