//! The Word reader (.docx), in each of its three views: the paragraph map lies inside the
//! text read, on character boundaries.
#![no_main]
use libfuzzer_sys::fuzz_target;
use seccheck::word::{View, read};
use seccheck_fuzz::assert_spans;

fuzz_target!(|data: &[u8]| {
    for view in [View::Markup, View::Accept, View::Reject] {
        if let Ok(word) = read(data, view) {
            assert_spans(&word.text, &word.paragraphs);
        }
    }
});
