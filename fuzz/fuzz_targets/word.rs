//! The Word reader (.docx), in each of its three views: the paragraph map lies inside the
//! text read, on character boundaries.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| seccheck_fuzz::harness::word(data));
