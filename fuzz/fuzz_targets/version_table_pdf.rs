//! The version-control table in the shape text extracted from a PDF has: the input
//! follows its heading.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| seccheck_fuzz::harness::version_table_pdf(data));
