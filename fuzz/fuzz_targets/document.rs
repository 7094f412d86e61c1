//! A document version: heading, clauses, version table, citations; as Markdown and as
//! plain text, of a Section and of an Appendix.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| seccheck_fuzz::harness::document(data));
