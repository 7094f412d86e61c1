//! The target of `seccheck refs` as a user types it (`H8.16`, `Section H`, `AC 2.1`).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| seccheck_fuzz::harness::refs_target(data));
