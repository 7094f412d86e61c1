//! The whole check on a small corpus held in memory: the input is split into a log, two
//! document versions, a redline and a release note (at NUL bytes, `\0`), checked, and
//! rendered in every format. Every finding lies inside its file's text, on character
//! boundaries.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| seccheck_fuzz::harness::check_input(data));
