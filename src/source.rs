//! One file of the corpus as text, read once and shared by parsers, rules and renderers.
//!
//! Each file carries a precomputed line index, so turning a byte offset into a line and
//! column is a binary search, not a rescan of the file (miette's default for `str` rescans
//! from the start for every label).

use std::ops::Range;

/// A byte range in one file's text. `u32` halves the size of every span in the model;
/// files over 4 GiB are refused when read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span {
            start: start as u32,
            end: end as u32,
        }
    }
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
    /// The span moved `by` bytes later: for spans found in a slice of the text.
    pub fn shift(self, by: usize) -> Span {
        Span::new(self.start as usize + by, self.end as usize + by)
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

/// Index of a file in [`crate::model::Corpus::files`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub u32);

/// A file's text and where its lines start.
#[derive(Debug)]
pub struct SourceFile {
    /// Path relative to the corpus root, with `/` separators: what every report shows.
    pub path: String,
    pub text: String,
    /// Built on first use: most files read again for a rule are never asked for a line.
    line_starts: std::sync::OnceLock<Vec<u32>>,
    /// The number of characters before each [`CHAR_BLOCK`]-byte block of the text, so
    /// that a column on a long line is counted from the nearest block, not from the
    /// line's start (a 50 MB line with many findings would otherwise be quadratic).
    char_blocks: std::sync::OnceLock<Vec<u32>>,
    /// For text read from a Word file: where each of its paragraphs starts in the text,
    /// so that a place is given as a paragraph and a character in it (see [`Paragraphs`]).
    paragraphs: Option<std::sync::Arc<Paragraphs>>,
}

/// Where the paragraphs of a Word file lie in the text seccheck renders from it.
///
/// The rendered text adds what Word shows by formatting, not by characters: Markdown's
/// heading marks, `**` for bold, table pipes, CriticMarkup for tracked changes and the
/// blank lines between paragraphs. Those bytes are *marks*; every other byte belongs to
/// the paragraph it follows. A place in the text is then the 1-based number of the
/// paragraph in the body (every `w:p` in document order, table cells included) and the
/// 1-based character of the paragraph's own text, marks not counted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Paragraphs {
    /// `(byte offset in the text, paragraph number)`, by offset.
    pub starts: Vec<(u32, u32)>,
    /// The clause each paragraph of `starts` sits in (its own number, or the last one
    /// above it), where known; same order as `starts`.
    pub clauses: Vec<Option<Box<str>>>,
    /// The marks' byte ranges, sorted and disjoint.
    pub marks: Vec<Span>,
}

/// A place in a Word file: what a person finds in Word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParagraphPlace<'a> {
    pub paragraph: usize,
    /// 1-based, in characters of the paragraph's text.
    pub column: usize,
    pub clause: Option<&'a str>,
}

impl Paragraphs {
    /// Characters of marks within `from..to`.
    fn mark_chars(&self, text: &str, from: usize, to: usize) -> usize {
        let first = self.marks.partition_point(|m| (m.end as usize) <= from);
        self.marks[first..]
            .iter()
            .take_while(|m| (m.start as usize) < to)
            .map(|m| {
                let (a, b) = ((m.start as usize).max(from), (m.end as usize).min(to));
                count_chars(&text.as_bytes()[a..b])
            })
            .sum()
    }
}

/// Bytes per entry of [`SourceFile::char_blocks`].
const CHAR_BLOCK: usize = 4096;

/// Characters in `bytes`, which may start or end inside one: UTF-8 lead bytes.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

impl SourceFile {
    pub fn new(path: String, text: String) -> SourceFile {
        SourceFile {
            path,
            text,
            line_starts: Default::default(),
            char_blocks: Default::default(),
            paragraphs: None,
        }
    }

    /// Text rendered from a Word file, with where its paragraphs lie.
    pub fn with_paragraphs(
        path: String,
        text: String,
        paragraphs: std::sync::Arc<Paragraphs>,
    ) -> SourceFile {
        SourceFile {
            paragraphs: Some(paragraphs),
            ..SourceFile::new(path, text)
        }
    }

    /// Whether this text was rendered from a Word file.
    pub fn is_word(&self) -> bool {
        self.paragraphs.is_some()
    }

    /// Where a Word file's paragraphs lie, shared with every later read of it.
    pub fn paragraphs(&self) -> Option<&std::sync::Arc<Paragraphs>> {
        self.paragraphs.as_ref()
    }

    /// The paragraph, character and clause of `offset`, in a file read from Word.
    pub fn paragraph_at(&self, offset: usize) -> Option<ParagraphPlace<'_>> {
        let p = self.paragraphs.as_ref()?;
        let offset = offset.min(self.text.len());
        let i = p
            .starts
            .partition_point(|&(start, _)| start as usize <= offset)
            .checked_sub(1)?;
        let (start, number) = p.starts[i];
        let start = start as usize;
        let chars = if offset - start < CHAR_BLOCK {
            count_chars(&self.text.as_bytes()[start..offset])
        } else {
            self.chars_before(offset) - self.chars_before(start)
        };
        Some(ParagraphPlace {
            paragraph: number as usize,
            column: chars - p.mark_chars(&self.text, start, offset) + 1,
            clause: p.clauses.get(i).and_then(|c| c.as_deref()),
        })
    }

    fn line_starts(&self) -> &[u32] {
        self.line_starts.get_or_init(|| {
            let text = self.text.as_bytes();
            let mut starts = Vec::with_capacity(text.len() / 40 + 1);
            starts.push(0);
            starts.extend(memchr::memchr_iter(b'\n', text).map(|i| i as u32 + 1));
            starts
        })
    }

    fn char_blocks(&self) -> &[u32] {
        self.char_blocks.get_or_init(|| {
            let mut blocks = Vec::with_capacity(self.text.len() / CHAR_BLOCK + 1);
            let mut chars = 0u32;
            for block in self.text.as_bytes().chunks(CHAR_BLOCK) {
                blocks.push(chars);
                chars += count_chars(block) as u32;
            }
            blocks
        })
    }

    /// Characters before byte `offset` of the text.
    fn chars_before(&self, offset: usize) -> usize {
        let block = offset / CHAR_BLOCK;
        match self.char_blocks().get(block) {
            Some(&n) => n as usize + count_chars(&self.text.as_bytes()[block * CHAR_BLOCK..offset]),
            None => count_chars(&self.text.as_bytes()[..offset]),
        }
    }

    /// 0-based line index of the line holding `offset`.
    pub fn line_index(&self, offset: usize) -> usize {
        match self.line_starts().binary_search(&(offset as u32)) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// 1-based line and 1-based column (in characters) of `offset`; in a file read from
    /// Word, the paragraph and the character in it ([`SourceFile::paragraph_at`]).
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        if let Some(p) = self.paragraph_at(offset) {
            return (p.paragraph, p.column);
        }
        let offset = offset.min(self.text.len());
        let line = self.line_index(offset);
        let start = self.line_starts()[line] as usize;
        let col = if offset - start < CHAR_BLOCK {
            count_chars(&self.text.as_bytes()[start..offset]) + 1
        } else {
            self.chars_before(offset) - self.chars_before(start) + 1
        };
        (line + 1, col)
    }

    /// Byte range of the 0-based line `line`, without its line end.
    pub fn line_range(&self, line: usize) -> Range<usize> {
        let start = self.line_starts()[line] as usize;
        let mut end = self
            .line_starts()
            .get(line + 1)
            .map_or(self.text.len(), |&s| s as usize);
        let bytes = self.text.as_bytes();
        if end > start && bytes[end - 1] == b'\n' {
            end -= 1;
        }
        if end > start && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        start..end
    }

    pub fn line_count(&self) -> usize {
        self.line_starts().len()
    }

    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }
}

/// Iterates the lines of `text` as `(start offset, line without its line end)`.
/// CRLF and LF both end a line; the `\r` is not part of the line.
pub fn lines_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos >= text.len() {
            return None;
        }
        let start = pos;
        let rest = &text[start..];
        let (line, next) = match memchr::memchr(b'\n', rest.as_bytes()) {
            Some(i) => (&rest[..i], start + i + 1),
            None => (rest, text.len()),
        };
        pos = next;
        Some((start, line.strip_suffix('\r').unwrap_or(line)))
    })
}

/// What went wrong turning a file's bytes into text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeProblem {
    /// The file is not valid UTF-8. It was read as `read_as` says; `offset..offset + len`
    /// is, in the decoded text, what the first byte that is not UTF-8 became; `count` is
    /// how many invalid sequences (or, read as Windows-1252, characters outside ASCII).
    InvalidUtf8 {
        offset: usize,
        len: usize,
        count: usize,
        read_as: Encoding,
    },
    /// A NUL byte at this offset: the file is treated as binary and not read.
    Binary {
        offset: usize,
    },
    Empty,
    /// Over the 4 GiB a span can address.
    TooLarge,
}

/// How a file that is not UTF-8 was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// As UTF-8, with each invalid sequence replaced by U+FFFD: a UTF-8 file with a few
    /// bad bytes.
    Utf8Lossy,
    /// Byte by byte as Windows-1252: a file with no UTF-8 sequence at all beyond ASCII,
    /// as Word and older Windows tools save text (smart quotes as 0x91–0x94).
    Windows1252,
    /// As UTF-16, little or big endian, from its byte-order mark.
    Utf16,
}

/// Windows-1252 for 0x80–0x9F (0xA0–0xFF are Latin-1); `None` where it defines nothing.
const CP1252_HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

fn cp1252(b: u8) -> Option<char> {
    match b {
        0x80..=0x9F => CP1252_HIGH[(b - 0x80) as usize],
        _ => Some(b as char),
    }
}

/// Turns a file's bytes into text: a BOM is dropped, a file with NUL bytes is binary and
/// yields no text. A file that is not UTF-8 is reported and read the likeliest way: as
/// UTF-16 when it starts with that byte-order mark, as Windows-1252 when nothing in it is
/// UTF-8 beyond ASCII and every byte means something there, else as UTF-8 with each
/// invalid sequence replaced by U+FFFD.
pub fn decode(bytes: Vec<u8>) -> (Option<String>, Vec<DecodeProblem>) {
    if bytes.len() >= u32::MAX as usize {
        return (None, vec![DecodeProblem::TooLarge]);
    }
    let (text, problems) = decode_bytes(bytes);
    (text.map(lone_cr_as_lf), problems)
}

/// A line end written as a lone CR (old Mac files) is read as LF: the same one byte, so
/// every offset is still the file's.
fn lone_cr_as_lf(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut bytes = text.into_bytes();
    for i in 0..bytes.len() {
        if bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n') {
            bytes[i] = b'\n';
        }
    }
    // Only ASCII bytes changed, for ASCII bytes.
    String::from_utf8(bytes).expect("still UTF-8")
}

/// UTF-16 without a byte-order mark, told by its zeros: nine in ten of the first 2,048
/// code units have a zero high byte (little endian) or low byte (big endian) and the
/// other byte set, as text in a Latin script does.
fn utf16_by_zeros(bytes: &[u8]) -> Option<fn([u8; 2]) -> u16> {
    if bytes.len() < 4 {
        return None;
    }
    // An odd last byte is half a code unit, reported by the caller, not a sign of binary.
    let sample = &bytes[..bytes.len().min(4096) & !1];
    let pairs = sample.len() / 2;
    let count = |f: fn(&[u8]) -> bool| sample.chunks_exact(2).filter(|c| f(c)).count();
    if count(|c| c[1] == 0 && c[0] != 0) * 10 >= pairs * 9 {
        Some(u16::from_le_bytes)
    } else if count(|c| c[0] == 0 && c[1] != 0) * 10 >= pairs * 9 {
        Some(u16::from_be_bytes)
    } else {
        None
    }
}

fn decode_bytes(bytes: Vec<u8>) -> (Option<String>, Vec<DecodeProblem>) {
    let (utf16, skip) = match bytes.get(..2) {
        Some([0xFF, 0xFE]) => (Some(u16::from_le_bytes as fn([u8; 2]) -> u16), 2),
        Some([0xFE, 0xFF]) => (Some(u16::from_be_bytes as fn([u8; 2]) -> u16), 2),
        _ => (utf16_by_zeros(&bytes), 0),
    };
    if let Some(unit) = utf16 {
        let units = bytes[skip..].chunks_exact(2).map(|c| unit([c[0], c[1]]));
        let mut text: String = char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect();
        // An odd last byte is half a character: kept as � at the end and reported there
        // (count 1), never dropped without a word.
        let odd = (bytes.len() - skip) % 2;
        let offset = text.len();
        if odd == 1 {
            text.push(char::REPLACEMENT_CHARACTER);
        }
        let problem = DecodeProblem::InvalidUtf8 {
            offset: if odd == 1 { offset } else { 0 },
            len: odd * char::REPLACEMENT_CHARACTER.len_utf8(),
            count: odd,
            read_as: Encoding::Utf16,
        };
        return if text.trim().is_empty() {
            (Some(String::new()), vec![problem, DecodeProblem::Empty])
        } else if text.contains('\0') {
            // The NUL's place in the file: after the byte-order mark, two bytes a unit.
            let unit_at = bytes[skip..]
                .chunks_exact(2)
                .position(|c| unit([c[0], c[1]]) == 0)
                .unwrap_or(0);
            (
                None,
                vec![DecodeProblem::Binary {
                    offset: skip + 2 * unit_at,
                }],
            )
        } else {
            (Some(text), vec![problem])
        };
    }
    let start = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let body = &bytes[start..];
    if body.iter().all(|b| b.is_ascii_whitespace()) {
        return (Some(String::new()), vec![DecodeProblem::Empty]);
    }
    if let Some(offset) = memchr::memchr(0, body) {
        // Counted in the file, byte-order mark included.
        return (
            None,
            vec![DecodeProblem::Binary {
                offset: start + offset,
            }],
        );
    }
    match std::str::from_utf8(body) {
        // Only Unicode white space (no-break spaces, em spaces): no text, as in UTF-16.
        Ok(text) if text.trim().is_empty() => (Some(String::new()), vec![DecodeProblem::Empty]),
        Ok(_) => {
            let mut bytes = bytes;
            bytes.drain(..start);
            // Checked just above.
            (Some(String::from_utf8(bytes).expect("valid UTF-8")), vec![])
        }
        Err(e) => {
            let no_utf8 = body.utf8_chunks().all(|c| c.valid().is_ascii());
            let as_cp1252: Option<String> = no_utf8
                .then(|| body.iter().map(|&b| cp1252(b)).collect())
                .flatten();
            if let Some(text) = as_cp1252 {
                let offset = e.valid_up_to();
                let len = text[offset..].chars().next().map_or(0, char::len_utf8);
                let count = body.iter().filter(|b| !b.is_ascii()).count();
                return (
                    Some(text),
                    vec![DecodeProblem::InvalidUtf8 {
                        offset,
                        len,
                        count,
                        read_as: Encoding::Windows1252,
                    }],
                );
            }
            let text = String::from_utf8_lossy(body).into_owned();
            let count = body
                .utf8_chunks()
                .filter(|c| !c.invalid().is_empty())
                .count();
            (
                Some(text),
                vec![DecodeProblem::InvalidUtf8 {
                    offset: e.valid_up_to(),
                    // U+FFFD, which replaced the first invalid sequence, is three bytes.
                    len: 3,
                    count,
                    read_as: Encoding::Utf8Lossy,
                }],
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_odd_last_byte_of_utf16_is_reported_not_dropped() {
        for bom in [&b""[..], &[0xFF, 0xFE][..]] {
            let mut bytes: Vec<u8> = bom.to_vec();
            bytes.extend("H1.1 Text.".encode_utf16().flat_map(u16::to_le_bytes));
            bytes.push(b'x');
            let (text, problems) = decode(bytes);
            assert_eq!(text.as_deref(), Some("H1.1 Text.\u{FFFD}"), "{bom:?}");
            assert_eq!(
                problems,
                [DecodeProblem::InvalidUtf8 {
                    offset: 10,
                    len: 3,
                    count: 1,
                    read_as: Encoding::Utf16,
                }]
            );
        }
    }

    #[test]
    fn utf16_without_a_bom_is_told_by_its_zeros() {
        let le: Vec<u8> = "# Section H\nH1.1 Text.\n"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        let (text, problems) = decode(le);
        assert_eq!(text.as_deref(), Some("# Section H\nH1.1 Text.\n"));
        assert!(matches!(
            problems[..],
            [DecodeProblem::InvalidUtf8 {
                read_as: Encoding::Utf16,
                ..
            }]
        ));
        let be: Vec<u8> = "Section H"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert_eq!(decode(be).0.as_deref(), Some("Section H"));
        // A binary file with a few zeros is still binary.
        let (text, problems) = decode(b"%PDF-1.7\x00\x01binary stream".to_vec());
        assert!(text.is_none());
        assert!(matches!(
            problems[..],
            [DecodeProblem::Binary { offset: 8 }]
        ));
    }

    #[test]
    fn a_lone_cr_ends_a_line_and_keeps_every_offset() {
        let (text, _) = decode(b"# Section H\rH1.1 Text.\r\nH1.2 More.\r".to_vec());
        let text = text.unwrap();
        assert_eq!(text, "# Section H\nH1.1 Text.\r\nH1.2 More.\n");
        let f = SourceFile::new("a.txt".into(), text);
        assert_eq!(f.line_col(12), (2, 1));
        assert_eq!(f.line_count(), 4);
    }

    #[test]
    fn columns_on_a_long_line_count_characters() {
        // Blocks of the char index end inside the two-byte ‘é’ at varying places.
        let line: String = "é".repeat(5000) + "a" + &"b".repeat(9000);
        let text = format!("x\n{line}\ny");
        let f = SourceFile::new("a".into(), text.clone());
        for offset in [
            2,
            4,
            4096,
            4098,
            8194,
            10_002,
            10_003,
            19_001,
            text.len() - 2,
        ] {
            let want = text[2..offset].chars().count() + 1;
            assert_eq!(f.line_col(offset), (2, want), "offset {offset}");
        }
        assert_eq!(f.line_col(text.len()), (3, 2));
    }

    #[test]
    fn line_and_column_lookup() {
        let f = SourceFile::new("a".into(), "ab\r\ncdé\nx".into());
        assert_eq!(f.line_col(0), (1, 1));
        assert_eq!(f.line_col(4), (2, 1));
        assert_eq!(f.line_col(6), (2, 3));
        // after the two-byte é
        assert_eq!(f.line_col(8), (2, 4));
        assert_eq!(f.line_col(9), (3, 1));
        assert_eq!(f.line_range(0), 0..2);
        assert_eq!(&f.text[f.line_range(1)], "cdé");
        assert_eq!(f.line_count(), 3);
    }

    #[test]
    fn lines_strip_crlf() {
        let lines: Vec<_> = lines_with_offsets("a\r\nbc\n\nd").collect();
        assert_eq!(lines, vec![(0, "a"), (3, "bc"), (6, ""), (7, "d")]);
    }

    #[test]
    fn decode_handles_bom_binary_empty_and_invalid() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFhi".to_vec()),
            (Some("hi".into()), vec![])
        );
        assert_eq!(
            decode(b"ab\0c".to_vec()),
            (None, vec![DecodeProblem::Binary { offset: 2 }])
        );
        assert_eq!(
            decode(b" \n".to_vec()),
            (Some(String::new()), vec![DecodeProblem::Empty])
        );
        // UTF-8 (the é) with two bad bytes: each is replaced.
        let (text, problems) = decode(b"\xC3\xA9\n\xFFx\xFE".to_vec());
        assert_eq!(text.unwrap(), "é\n\u{FFFD}x\u{FFFD}");
        assert_eq!(
            problems,
            vec![DecodeProblem::InvalidUtf8 {
                offset: 3,
                len: 3,
                count: 2,
                read_as: Encoding::Utf8Lossy,
            }]
        );
    }

    #[test]
    fn windows_1252_and_utf16_are_read_as_such() {
        // Word's smart quotes and a pound sign, saved as Windows-1252.
        let (text, problems) = decode(b"Section L \x91Smart\x92 \xA3".to_vec());
        assert_eq!(text.unwrap(), "Section L ‘Smart’ £");
        assert_eq!(
            problems,
            vec![DecodeProblem::InvalidUtf8 {
                offset: 10,
                len: 3,
                count: 3,
                read_as: Encoding::Windows1252,
            }]
        );
        // 0x81 means nothing in Windows-1252: then the bytes are bad UTF-8.
        let (text, _) = decode(b"a\x81b".to_vec());
        assert_eq!(text.unwrap(), "a\u{FFFD}b");
        let utf16le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("H1.1 ‘x’".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let (text, problems) = decode(utf16le);
        assert_eq!(text.unwrap(), "H1.1 ‘x’");
        assert!(matches!(
            problems[..],
            [DecodeProblem::InvalidUtf8 {
                read_as: Encoding::Utf16,
                ..
            }]
        ));
        let utf16be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("ok".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(utf16be).0.unwrap(), "ok");
    }
}
