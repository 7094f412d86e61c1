//! Dates in prose and in table cells.
#![no_main]
use libfuzzer_sys::fuzz_target;
use seccheck::parse::dates;
use seccheck_fuzz::{assert_spans, text_of};

fuzz_target!(|data: &[u8]| {
    let Some(text) = text_of(data) else { return };
    assert_spans(&text, &dates::find_dates(&text));
    let _ = dates::parse_prose_date(&text);
    let _ = dates::parse_cell_date(&text);
    for (i, _) in text.char_indices().take(64) {
        if let Some(m) = dates::date_at(&text, i) {
            assert_spans(&text, &m);
        }
    }
});
