//! A release note: proposals, affected list, stated count, dates.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| seccheck_fuzz::harness::release_note(data));
