//! A document version: heading, clauses, version table, citations; as Markdown and as
//! plain text, of a Section and of an Appendix.
#![no_main]
use libfuzzer_sys::fuzz_target;
use seccheck::names::DocumentId;
use seccheck_fuzz::{assert_spans, text_of};

fuzz_target!(|data: &[u8]| {
    let Some(text) = text_of(data) else { return };
    let section = DocumentId::from_key("section-h");
    let appendix = DocumentId::from_key("appendix-ac");
    for markdown in [true, false] {
        for doc in [section.as_ref(), appendix.as_ref(), None] {
            assert_spans(
                &text,
                &seccheck::parse::parse_document(&text, markdown, doc),
            );
        }
    }
});
