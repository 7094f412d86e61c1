//! Decoding bytes to text and the line index: lines tile the text, every offset has a
//! line and column, in order.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| seccheck_fuzz::harness::decode_lines(data));
