//! Decoding bytes to text and the line index: lines tile the text, every offset has a
//! line and column, in order.
#![no_main]
use libfuzzer_sys::fuzz_target;
use seccheck::source::{SourceFile, decode, lines_with_offsets};

fuzz_target!(|data: &[u8]| {
    let (text, _problems) = decode(data.to_vec());
    let Some(text) = text else { return };
    let mut next = 0;
    for (start, line) in lines_with_offsets(&text) {
        assert!(start >= next && start + line.len() <= text.len());
        assert!(text.is_char_boundary(start) && text.is_char_boundary(start + line.len()));
        next = start + line.len();
    }
    let file = SourceFile::new("f.md".into(), text.clone());
    let mut last = (0, 0);
    for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
        let place = file.line_col(i);
        assert!(place.0 >= 1 && place.1 >= 1, "{place:?} at {i}");
        assert!(place > last || i == 0, "{place:?} after {last:?} at {i}");
        last = place;
    }
});
