//! The version-control table in its Markdown shape: the input follows a table head.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| seccheck_fuzz::harness::version_table_markdown(data));
