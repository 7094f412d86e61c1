//! Redlines against the Document Log and the clean texts.
//!
//! A redline `redlines/<key>/<v>.md` shows the change that produced version `<v>`. It is
//! compared with the version the log puts in effect at the release *before* the one that
//! first bumps the document to `<v>` (rejecting every change must give that text), and
//! with `<v>` itself (accepting every change must give it).
//!
//! Texts are compared as streams of pieces of the files as written: neither side of a
//! redline is ever built whole, so a 5 MB redline costs one pass. The comparison ignores
//! the CR of a CR LF line end and whitespace at the very end of a text. Only when the
//! texts differ is a small window around the first difference copied out and diffed word
//! by word, under a deadline.

use crate::diagnostic::Diagnostic;
use crate::model::{Corpus, DocumentLog, DocumentVersion, LogRow, RedlineFile};
use crate::names::{DocumentId, Version};
use crate::parse::redline::{Redline, Side};
use crate::source::{FileId, Span};
use similar::{Algorithm, DiffTag, TextDiff};
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

pub mod red001;
pub mod red002;
pub mod red003;
pub mod red004;
pub mod red005;
pub mod red006;

// ---------------------------------------------------------------------------------------
// The log: which release bumps each document to each version.

/// A release at which the log bumps a document: the document is new there, or its
/// version is higher than at the release before.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bump<'a> {
    /// The row that puts the new version in effect (a release's first row for the
    /// document counts, as everywhere else).
    pub row: &'a LogRow,
    /// The document's row at the release before; `None` when the document is new there
    /// (at the log's first release everything is new).
    pub previous: Option<&'a LogRow>,
}

/// The first bump to each (document, version), in log order of releases.
pub(crate) fn bumps(log: &DocumentLog) -> BTreeMap<(&DocumentId, &Version), Bump<'_>> {
    let mut out = BTreeMap::new();
    let releases = log.releases();
    for (i, rel) in releases.iter().enumerate() {
        for row in &rel.rows {
            // Only the release's first row for the document counts (LOG004 reports the rest).
            if !log
                .row(rel.release, &row.document)
                .is_some_and(|first| std::ptr::eq(first, *row))
            {
                continue;
            }
            let previous = i
                .checked_sub(1)
                .and_then(|p| log.row(releases[p].release, &row.document));
            if previous.is_some_and(|p| p.version >= row.version) {
                continue;
            }
            out.entry((&row.document, &row.version))
                .or_insert(Bump { row, previous });
        }
    }
    out
}

/// The clean text of a document version, when the corpus has it and it could be read.
pub(crate) fn readable_document<'a>(
    corpus: &'a Corpus,
    document: &DocumentId,
    version: &Version,
) -> Option<&'a DocumentVersion> {
    corpus
        .document(document, version)
        .filter(|d| !crate::rules::unreadable(corpus, d.file))
}

/// Whether a malformed log row (LOG008, left out of the log) seems to name this document
/// version: then the log's silence about it is that row's fault, not the redline's.
pub(crate) fn named_by_malformed_row(
    corpus: &Corpus,
    log: &DocumentLog,
    document: &DocumentId,
    version: &Version,
) -> bool {
    let file = corpus.file(log.file);
    let key = document.key();
    log.malformed.iter().any(|m| {
        let line = file.line_range(file.line_index(m.span.start as usize));
        let fields: Vec<&str> = file.text[line].split(',').map(str::trim).collect();
        fields.get(2) == Some(&key.as_str())
            && fields
                .get(3)
                .and_then(|v| Version::parse(v))
                .is_some_and(|v| &v == version)
    })
}

/// The first line of a file, for findings about a whole file.
pub(crate) fn first_line(corpus: &Corpus, file: FileId) -> Span {
    let f = corpus.file(file);
    if f.text.is_empty() {
        Span::default()
    } else {
        f.line_range(0).into()
    }
}

// ---------------------------------------------------------------------------------------
// Comparison.

/// One text as compared: pieces of a file (its offset, its bytes), in order, with the CR
/// of every CR LF line end left out and no empty piece.
pub(crate) struct Text<'a> {
    pieces: Vec<(usize, &'a [u8])>,
}

impl<'a> Text<'a> {
    /// A whole file's text.
    pub fn of_file(text: &'a str) -> Text<'a> {
        Text::new(std::iter::once((0, text)))
    }

    /// One side of a redline: its chunks, in place in the redline's text.
    pub fn of_side(redline: &'a Redline, text: &'a str, side: Side) -> Text<'a> {
        Text::new(
            redline
                .chunks(side)
                .map(move |c| (c.start as usize, &text[c.range()])),
        )
    }

    fn new(pieces: impl Iterator<Item = (usize, &'a str)>) -> Text<'a> {
        let raw: Vec<(usize, &[u8])> = pieces
            .filter(|(_, s)| !s.is_empty())
            .map(|(o, s)| (o, s.as_bytes()))
            .collect();
        let mut out = Vec::with_capacity(raw.len());
        for (i, &(offset, bytes)) in raw.iter().enumerate() {
            // A CR at the end of a piece pairs with an LF at the start of the next.
            let next_is_lf = raw.get(i + 1).is_some_and(|(_, b)| b[0] == b'\n');
            let mut start = 0;
            for cr in memchr::memchr_iter(b'\r', bytes) {
                let lf_follows = bytes.get(cr + 1).map_or(next_is_lf, |&b| b == b'\n');
                if lf_follows {
                    if cr > start {
                        out.push((offset + start, &bytes[start..cr]));
                    }
                    start = cr + 1;
                }
            }
            if start < bytes.len() {
                out.push((offset + start, &bytes[start..]));
            }
        }
        Text { pieces: out }
    }

    /// The file offset of a position (piece, offset in piece); past the last piece, the
    /// end of the last piece.
    fn file_offset(&self, piece: usize, within: usize) -> usize {
        match self.pieces.get(piece) {
            Some((o, _)) => o + within,
            None => self.pieces.last().map_or(0, |(o, b)| o + b.len()),
        }
    }

    /// Whether everything from this position on is whitespace.
    fn blank_from(&self, piece: usize, within: usize) -> bool {
        self.pieces.get(piece).is_none_or(|(_, b)| {
            b[within..].iter().all(u8::is_ascii_whitespace)
                && self.pieces[piece + 1..]
                    .iter()
                    .all(|(_, b)| b.iter().all(u8::is_ascii_whitespace))
        })
    }

    /// The text between two offsets of the compared stream, with where each part is in
    /// the file. The ends are moved inwards to whole characters.
    fn window(&self, from: usize, to: usize) -> Window {
        let mut bytes = Vec::new();
        let mut parts = Vec::new();
        let mut pos = 0;
        for &(offset, piece) in &self.pieces {
            let end = pos + piece.len();
            if end > from && pos < to {
                let a = from.max(pos) - pos;
                let b = to.min(end) - pos;
                parts.push(Part {
                    at: bytes.len(),
                    file: offset + a,
                    len: b - a,
                });
                bytes.extend_from_slice(&piece[a..b]);
            }
            if end >= to {
                break;
            }
            pos = end;
        }
        // Cut characters at the ends: drop their bytes.
        let lead = bytes
            .iter()
            .take_while(|&&b| b & 0xC0 == 0x80)
            .count()
            .min(3);
        let valid = match std::str::from_utf8(&bytes[lead..]) {
            Ok(s) => s.len(),
            Err(e) => e.valid_up_to(),
        };
        let text = String::from_utf8_lossy(&bytes[lead..lead + valid]).into_owned();
        let parts = parts
            .into_iter()
            .filter_map(|p| {
                let a = p.at.max(lead);
                let b = (p.at + p.len).min(lead + valid);
                (a < b).then(|| Part {
                    at: a - lead,
                    file: p.file + (a - p.at),
                    len: b - a,
                })
            })
            .collect();
        Window {
            start: from + lead,
            text,
            parts,
        }
    }
}

/// Where two texts first differ (ignoring CR LF and trailing whitespace).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Divergence {
    /// Offset in the compared stream: the texts agree before it.
    pub at: usize,
    /// File offset of the first differing character in each text, or the end of its
    /// last piece when that text has run out.
    pub got: usize,
    pub expected: usize,
}

/// Compares two texts in one pass; `None` when they are the same text.
pub(crate) fn compare(got: &Text, expected: &Text) -> Option<Divergence> {
    let (a, b) = (&got.pieces, &expected.pieces);
    let (mut i, mut ia, mut j, mut jb, mut at) = (0, 0, 0, 0, 0);
    while i < a.len() && j < b.len() {
        let (pa, pb) = (&a[i].1[ia..], &b[j].1[jb..]);
        let m = pa.len().min(pb.len());
        if pa[..m] != pb[..m] {
            let mut k = pa.iter().zip(pb).position(|(x, y)| x != y).unwrap_or(m);
            // Back to the start of the character (both sides agree up to here).
            while k > 0 && pa[k] & 0xC0 == 0x80 {
                k -= 1;
            }
            ia += k;
            jb += k;
            at += k;
            break;
        }
        at += m;
        ia += m;
        jb += m;
        if ia == a[i].1.len() {
            i += 1;
            ia = 0;
        }
        if jb == b[j].1.len() {
            j += 1;
            jb = 0;
        }
    }
    if got.blank_from(i, ia) && expected.blank_from(j, jb) {
        return None;
    }
    Some(Divergence {
        at,
        got: got.file_offset(i, ia),
        expected: expected.file_offset(j, jb),
    })
}

// ---------------------------------------------------------------------------------------
// Reporting a difference.

/// How much text around the first difference is diffed word by word.
const BEFORE: usize = 80;
const AFTER: usize = 400;
/// The word diff of that window gives up (and approximates) after this long.
const DIFF_TIME: Duration = Duration::from_millis(100);

#[derive(Debug, Clone, Copy)]
struct Part {
    /// Offset in the window's text.
    at: usize,
    /// Offset in the file.
    file: usize,
    len: usize,
}

/// A copy of a little of one text, with where each part of it is in the file.
struct Window {
    /// Offset of the window in the compared stream.
    start: usize,
    text: String,
    parts: Vec<Part>,
}

impl Window {
    /// File offset of a window offset.
    fn file_offset(&self, at: usize) -> usize {
        let i = self.parts.partition_point(|p| p.at <= at).saturating_sub(1);
        match self.parts.get(i) {
            Some(p) => p.file + (at - p.at).min(p.len),
            None => 0,
        }
    }

    /// File span of a window range (which may cross parts).
    fn file_span(&self, a: usize, b: usize) -> Span {
        let start = self.file_offset(a);
        let end = if b > a {
            self.file_offset(b - 1) + 1
        } else {
            start
        };
        Span::new(start, end.max(start))
    }
}

/// The first difference, word by word: what each text has there, where, and a little
/// of the text around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WordDiff {
    /// What each text has in place of the other's (possibly nothing).
    pub got: String,
    pub expected: String,
    /// Where that is in each file (empty when that text has nothing there).
    pub got_span: Span,
    pub expected_span: Span,
    /// The text before, the same in both; whether it starts partway into the texts.
    pub before: String,
    pub before_is_cut: bool,
    /// The text after, in each.
    pub got_after: String,
    pub expected_after: String,
}

/// The word diff of a small window around `div`, computed before `deadline` (past it,
/// the diff is approximate but still bounded by the window).
pub(crate) fn word_diff(
    got: &Text,
    expected: &Text,
    div: Divergence,
    deadline: Instant,
) -> WordDiff {
    let from = div.at.saturating_sub(BEFORE);
    let (gw, ew) = (
        got.window(from, div.at + AFTER),
        expected.window(from, div.at + AFTER),
    );
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .deadline(deadline)
        .diff_words(ew.text.as_str(), gw.text.as_str());
    // Byte offset of each token (and of the end) on each side.
    fn offsets<'t>(tokens: impl Iterator<Item = &'t str>) -> Vec<usize> {
        let mut v = vec![0];
        let mut pos = 0;
        for t in tokens {
            pos += t.len();
            v.push(pos);
        }
        v
    }
    let old_at = offsets(diff.iter_old_slices());
    let new_at = offsets(diff.iter_new_slices());
    let ops = diff.ops();
    // The first change, joined with any change that follows it after only whitespace.
    let (old_range, new_range) = match ops.iter().position(|op| op.tag() != DiffTag::Equal) {
        Some(f) => {
            let mut last = f;
            for (k, op) in ops.iter().enumerate().skip(f + 1) {
                if op.tag() != DiffTag::Equal {
                    last = k;
                    continue;
                }
                let r = op.old_range();
                if k + 1 == ops.len() || !ew.text[old_at[r.start]..old_at[r.end]].trim().is_empty()
                {
                    break;
                }
            }
            let (o1, n1) = (ops[f].old_range().start, ops[f].new_range().start);
            let (o2, n2) = (ops[last].old_range().end, ops[last].new_range().end);
            (old_at[o1]..old_at[o2], new_at[n1]..new_at[n2])
        }
        // Texts that differ differ within the window; should they not, show the point.
        None => {
            let e = div.at.saturating_sub(ew.start).min(ew.text.len());
            let g = div.at.saturating_sub(gw.start).min(gw.text.len());
            (e..e, g..g)
        }
    };
    let span = |w: &Window, r: &std::ops::Range<usize>, fallback: usize| {
        if w.parts.is_empty() {
            Span::new(fallback, fallback)
        } else {
            w.file_span(r.start, r.end)
        }
    };
    WordDiff {
        got: gw.text[new_range.clone()].to_string(),
        expected: ew.text[old_range.clone()].to_string(),
        got_span: span(&gw, &new_range, div.got),
        expected_span: span(&ew, &old_range, div.expected),
        before: ew.text[..old_range.start].to_string(),
        before_is_cut: ew.start > 0,
        got_after: gw.text[new_range.end..].to_string(),
        expected_after: ew.text[old_range.end..].to_string(),
    }
}

/// Text as one line: line ends shown as `¶`, other whitespace as spaces.
fn visible(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\n' => '¶',
            c if c.is_whitespace() || c.is_control() => ' ',
            c => c,
        })
        .collect()
}

/// At most `max` characters of `s`, with `…` when cut.
fn head(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        None => s.to_string(),
        Some((i, _)) => {
            // End at a word when there is one to end at.
            let cut = s[..i].rfind(' ').filter(|&j| j > 0).unwrap_or(i);
            format!("{}…", &s[..cut])
        }
    }
}

/// At most `max` characters from the end of `s`, with `…` when cut.
fn tail(s: &str, max: usize, cut_already: bool) -> String {
    let n = s.chars().count();
    if n <= max {
        return if cut_already {
            format!("…{s}")
        } else {
            s.to_string()
        };
    }
    let (i, _) = s.char_indices().nth(n - max).unwrap_or((0, ' '));
    let rest = &s[i..];
    // Start at a word when there is one to start at.
    let rest = match rest.find(' ') {
        Some(j) if j + 1 < rest.len() => &rest[j + 1..],
        _ => rest,
    };
    format!("…{rest}")
}

/// What a text has at the difference, for a label: quoted, on one line, short.
pub(crate) fn quoted(s: &str) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() {
        let plural = |n: usize, what: &str| match n {
            1 => format!("one {what}"),
            n => format!("{n} {what}s"),
        };
        return match s.matches('\n').count() {
            _ if s.is_empty() => "nothing".into(),
            0 => plural(s.chars().count(), "space"),
            n => plural(n, "line break"),
        };
    }
    format!("‘{}’", head(&words.join(" "), 40))
}

impl WordDiff {
    /// Two lines, one per text, with the difference between ‹ and ›.
    pub fn lines(&self, expected_name: &str, got_name: &str) -> String {
        let width = expected_name.chars().count().max(got_name.chars().count());
        let before = tail(&visible(&self.before), 32, self.before_is_cut);
        let line = |name: &str, changed: &str, after: &str| {
            format!(
                "  {name:>width$}: {before}‹{}›{}",
                head(&visible(changed), 40),
                head(&visible(after), 24)
            )
        };
        format!(
            "{}\n{}",
            line(expected_name, &self.expected, &self.expected_after),
            line(got_name, &self.got, &self.got_after)
        )
    }
}

/// A redline side that does not give the text it should: RED001 (rejected, against the
/// previous version) and RED002 (accepted, against this version).
pub(crate) fn mismatch(
    corpus: &Corpus,
    code: &'static str,
    redline: &RedlineFile,
    side: Side,
    expected: &DocumentVersion,
    expected_version: &Version,
) -> Option<Diagnostic> {
    let rtext = &corpus.file(redline.file).text;
    let etext = &corpus.file(expected.file).text;
    let got = Text::of_side(&redline.redline, rtext, side);
    let exp = Text::of_file(etext);
    let div = compare(&got, &exp)?;
    let wd = word_diff(&got, &exp, div, Instant::now() + DIFF_TIME);
    let name = format!("{} version {}", expected.document, expected_version);
    let (verb, what, changed) = match side {
        Side::Before => ("rejecting", "rejected", "unchanged or deleted"),
        Side::After => ("accepting", "accepted", "unchanged or inserted"),
    };
    let primary = if wd.got.is_empty() {
        if wd.expected.is_empty() {
            format!("{verb} the changes gives a different text from here")
        } else {
            format!("{verb} the changes leaves out {}", quoted(&wd.expected))
        }
    } else {
        format!("{verb} the changes gives {}", quoted(&wd.got))
    };
    let related = if !wd.expected.is_empty() {
        format!("{name} has {}", quoted(&wd.expected))
    } else if wd.expected_span.start as usize >= etext.trim_end().len() {
        format!("{name} ends here")
    } else {
        format!("{name} has nothing here")
    };
    let message = match side {
        Side::Before => format!(
            "with every change rejected, this redline does not give the text of {name}, the version it changes"
        ),
        Side::After => {
            format!("with every change accepted, this redline does not give the text of {name}")
        }
    };
    // Short lines, each under the report's width, so none is wrapped mid-name.
    let help = format!(
        "{verb} the changes must give {name} exactly. The first difference:\n{}\nfix the redline's {changed} text, or {name} if that is what is wrong",
        wd.lines(
            &format!("version {expected_version}"),
            &format!("changes {what}")
        )
    );
    Some(
        Diagnostic::new(code, message)
            .at(redline.file, one_line(rtext, wd.got_span), primary)
            .related(expected.file, one_line(etext, wd.expected_span), related)
            .help(help),
    )
}

/// A span cut at the end of its first line, so a long difference underlines one line.
fn one_line(text: &str, span: Span) -> Span {
    let r = span.range();
    match memchr::memchr(b'\n', &text.as_bytes()[r.clone()]) {
        Some(0) => Span::new(r.start, r.start + 1),
        Some(i) if text.as_bytes()[r.start + i - 1] == b'\r' && i > 1 => {
            Span::new(r.start, r.start + i - 1)
        }
        Some(i) => Span::new(r.start, r.start + i),
        None => span,
    }
}

/// Whether RED001/RED002 compare this redline at all: it must be readable and its markup
/// well-formed (RED006 reports markup errors; a broken mark has no one reading).
pub(crate) fn comparable(corpus: &Corpus, redline: &RedlineFile) -> bool {
    redline.redline.errors.is_empty() && !crate::rules::unreadable(corpus, redline.file)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::redline::parse;

    /// Compares one side of `redline` with `expected`.
    fn diverges(redline: &str, side: Side, expected: &str) -> Option<Divergence> {
        let r = parse(redline);
        assert!(r.errors.is_empty(), "{:?}", r.errors);
        compare(&Text::of_side(&r, redline, side), &Text::of_file(expected))
    }

    /// The word diff of one side of `redline` and `expected`, with the usual time for the
    /// diff, or with the deadline already past.
    fn diff(redline: &str, side: Side, expected: &str, deadline_past: bool) -> WordDiff {
        let r = parse(redline);
        let got = Text::of_side(&r, redline, side);
        let exp = Text::of_file(expected);
        let div = compare(&got, &exp).expect("the texts differ");
        let deadline = if deadline_past {
            Instant::now() - Duration::from_millis(1)
        } else {
            Instant::now() + DIFF_TIME
        };
        word_diff(&got, &exp, div, deadline)
    }

    #[test]
    fn both_sides_equal_their_texts() {
        let r = "A {++new ++}clause {--old --}and {~~Charges~>Payment~~}{>>MP1<<} {==kept==}.\n";
        assert_eq!(
            diverges(r, Side::Before, "A clause old and Charges kept.\n"),
            None
        );
        assert_eq!(
            diverges(r, Side::After, "A new clause and Payment kept.\n"),
            None
        );
    }

    #[test]
    fn crlf_counts_as_lf_but_a_lone_cr_does_not() {
        // Redline in LF, text in CRLF, and the other way round.
        assert_eq!(
            diverges("a\n{++x\n++}b\n", Side::Before, "a\r\nb\r\n"),
            None
        );
        assert_eq!(
            diverges("a\r\n{++x\r\n++}b\r\n", Side::After, "a\nx\nb\n"),
            None
        );
        // A CR LF split by a mark: the CR ends one chunk, the LF starts the next.
        assert_eq!(diverges("a\r{--gone--}\nb", Side::After, "a\nb"), None);
        assert_eq!(diverges("a\r{++\n++}b", Side::Before, "a\rb"), None);
        // A CR that ends no line is text.
        let d = diverges("a\rb", Side::After, "a\nb").unwrap();
        assert_eq!((d.at, d.got, d.expected), (1, 1, 1));
    }

    #[test]
    fn whitespace_at_the_very_end_is_ignored_and_nowhere_else() {
        assert_eq!(diverges("text{++ ++}\n\n", Side::After, "text"), None);
        assert_eq!(diverges("text", Side::After, "text \t\r\n\n"), None);
        assert!(diverges("a  b", Side::After, "a b").is_some());
        let wd = diff("a  b", Side::After, "a b", false);
        assert_eq!(
            (quoted(&wd.got), quoted(&wd.expected)),
            ("2 spaces".into(), "one space".into())
        );
        assert!(diverges("text\n", Side::After, "text\nmore\n").is_some());
    }

    #[test]
    fn divergence_at_the_start() {
        let d = diverges("{~~b~>a~~}bc", Side::After, "xbc").unwrap();
        // The first differing character is the new side of the substitution.
        assert_eq!((d.at, d.got, d.expected), (0, 6, 0));
    }

    #[test]
    fn divergence_in_the_middle_points_into_the_right_chunk() {
        let r = "once in each {~~quarter.~>week.~~}\n";
        let d = diverges(r, Side::Before, "once in each month.\n").unwrap();
        assert_eq!(d.at, "once in each ".len());
        assert_eq!(&r[d.got..d.got + 7], "quarter");
        assert_eq!(d.expected, "once in each ".len());
        // A multi-byte character that differs in its second byte: point at its start.
        let d = diverges("caf\u{e9}", Side::After, "caf\u{e8}").unwrap();
        assert_eq!((d.at, d.got, d.expected), (3, 3, 3));
    }

    #[test]
    fn divergence_at_the_end() {
        // This side runs out: point at the end of its last chunk, not of the file.
        let r = "abc{--def--}{>>note<<}";
        let d = diverges(r, Side::After, "abcdef").unwrap();
        assert_eq!((d.at, d.got, d.expected), (3, 3, 3));
        // The other text runs out.
        let d = diverges("abc{++def++}", Side::After, "abc").unwrap();
        assert_eq!((d.at, d.got, d.expected), (3, 6, 3));
    }

    #[test]
    fn empty_texts() {
        assert_eq!(diverges("", Side::After, ""), None);
        assert_eq!(diverges("{++ ++}", Side::After, "\n"), None);
        assert_eq!(diverges("{--all--}", Side::After, ""), None);
        let d = diverges("", Side::After, "a").unwrap();
        assert_eq!((d.at, d.got, d.expected), (0, 0, 0));
        let d = diverges("{++a++}", Side::Before, "b").unwrap();
        assert_eq!((d.at, d.got, d.expected), (0, 0, 0));
    }

    #[test]
    fn word_diff_names_the_words_and_their_spans() {
        let r = "H8.16 The DCC shall refresh it at least once in each {~~quarter.~>week.~~}\n\nH8.17 Next.\n";
        let e = "H8.16 The DCC shall refresh it at least once in each month.\n\nH8.17 Next.\n";
        let wd = diff(r, Side::Before, e, false);
        assert_eq!(
            (wd.got.as_str(), wd.expected.as_str()),
            ("quarter.", "month.")
        );
        assert_eq!(&r[wd.got_span.range()], "quarter.");
        assert_eq!(&e[wd.expected_span.range()], "month.");
        let lines = wd.lines("Section H 9.0", "changes rejected");
        assert_eq!(
            lines,
            "     Section H 9.0: …it at least once in each ‹month.›¶¶H8.17 Next.¶\n  \
             changes rejected: …it at least once in each ‹quarter.›¶¶H8.17 Next.¶"
        );
    }

    #[test]
    fn word_diff_of_text_missing_on_one_side() {
        // The redline side leaves out a sentence: nothing on its side, an empty span.
        let r = "One. {--Two. --}Three.";
        let wd = diff(r, Side::After, "One. Two. Three.", false);
        assert_eq!(wd.got, "");
        assert!(wd.got_span.is_empty());
        assert_eq!(wd.expected.trim(), "Two.");
        assert_eq!(quoted(&wd.got), "nothing");
        // The spans of a CRLF text map back past the left-out CRs.
        let e = "One.\r\nTwo.\r\nThree.\r\n";
        let wd = diff("One.\nTwo.\nFour.\n", Side::After, e, false);
        assert_eq!(&e[wd.expected_span.range()], "Three.");
    }

    #[test]
    fn past_the_deadline_the_diff_is_still_short() {
        // Two texts that differ in many words: with the deadline already past, the diff
        // gives up at once, and the help is still two short lines.
        let a: String = (0..2000).map(|i| format!("w{i} ")).collect();
        let b: String = (0..2000).map(|i| format!("w{} ", i * 7 % 2000)).collect();
        let wd = diff(&b, Side::After, &a, true);
        assert!(!wd.got.is_empty() && !wd.expected.is_empty());
        let lines = wd.lines("Section H 1.0", "changes accepted");
        assert_eq!(lines.lines().count(), 2);
        assert!(lines.lines().all(|l| l.chars().count() < 120), "{lines}");
    }

    #[test]
    fn a_large_text_gives_a_short_diff() {
        // 5 MB of text with one difference in the middle.
        let para = "H1.1 The DCC shall provide the Services in accordance with this Section.\n\n";
        let n = 5_000_000 / para.len();
        let mut expected = para.repeat(n);
        let mut redline = para.repeat(n / 2);
        redline.push_str("H1.1 The DCC shall {~~supply~>provide~~} the Services in accordance with this Section.\n\n");
        redline.push_str(&para.repeat(n - n / 2 - 1));
        assert_eq!(diverges(&redline, Side::After, &expected), None);
        let wd = diff(&redline, Side::Before, &expected, false);
        assert_eq!(
            (wd.got.as_str(), wd.expected.as_str()),
            ("supply", "provide")
        );
        let lines = wd.lines("Section H 1.0", "changes rejected");
        assert!(lines.len() < 300, "{lines}");
        // The same text with one word more at the very end.
        expected.push_str("Extra.");
        let d = diverges(&redline, Side::After, &expected).unwrap();
        assert_eq!(d.got, redline.len());
    }

    #[test]
    fn bumps_follow_the_log() {
        let text = "release,effective_date,document,version,title\n\
            40.0,2021-06-24,section-h,1.0,DCC Services\n\
            40.0,2021-06-24,section-j,2.0,Charges\n\
            54.0,2021-12-17,section-h,1.1,DCC Services\n\
            54.0,2021-12-17,section-h,1.0,DCC Services\n\
            54.0,2021-12-17,section-j,1.0,Charges\n\
            54.0,2021-12-17,appendix-at,1.0,Policy\n\
            57.0,2022-02-24,section-h,1.1,DCC Services\n\
            57.0,2022-02-24,section-j,2.0,Charges\n";
        let parsed = crate::parse::log::parse(text);
        let log = DocumentLog::new(FileId(0), parsed.rows, parsed.malformed);
        let bumps = bumps(&log);
        let show: Vec<String> = bumps
            .iter()
            .map(|((d, v), b)| {
                format!(
                    "{d} {v} at {} from {}",
                    b.row.release,
                    b.previous.map_or("-".into(), |p| p.version.to_string())
                )
            })
            .collect();
        // Section J going down at 54.0 is no bump, and 2.0 again at 57.0 is no new bump
        // to 2.0 (its first bump is at the first release). Appendix AT is new at 54.0.
        assert_eq!(
            show,
            vec![
                "Section H 1.0 at 40.0 from -",
                "Section H 1.1 at 54.0 from 1.0",
                "Section J 2.0 at 40.0 from -",
                "Appendix AT 1.0 at 54.0 from -",
            ]
        );
    }

    /// (code, path, line, primary label) of every finding for these files.
    fn run(files: &[(&str, &str)]) -> Vec<(String, String, usize, String)> {
        let outcome = crate::rules::testing::check_strs(files);
        outcome
            .diagnostics
            .iter()
            .map(|d| {
                let p = d.primary.as_ref().unwrap();
                let f = outcome.corpus.file(p.file);
                (
                    d.code.to_string(),
                    f.path.clone(),
                    f.line_col(p.span.start as usize).0,
                    p.message.clone(),
                )
            })
            .collect()
    }

    const LOG3: &str = "release,effective_date,document,version,title\n\
        40.0,2021-06-24,section-h,1.0,DCC Services\n\
        54.0,2021-12-17,section-h,1.1,DCC Services\n\
        54.0,2021-12-17,appendix-at,1.0,Policy\n";
    const H10: &str = "# Section H: DCC Services\n\nH1.1 The DCC shall act monthly.\n";
    const H11: &str = "# Section H: DCC Services\n\nH1.1 The DCC shall act weekly.\n";
    const AT10: &str = "# Appendix AT – Policy\n\n1.1 Keys.\n";

    #[test]
    fn a_new_document_needs_no_redline_and_a_crlf_redline_is_exact() {
        let red =
            "# Section H: DCC Services\r\n\r\nH1.1 The DCC shall act {~~monthly~>weekly~~}.\r\n";
        let found = run(&[
            ("document-log.csv", LOG3),
            ("documents/section-h/1.0.md", H10),
            ("documents/section-h/1.1.md", H11),
            ("documents/appendix-at/1.0.md", AT10),
            ("redlines/section-h/1.1.md", red),
        ]);
        assert_eq!(found, vec![]);
    }

    #[test]
    fn a_redline_for_a_new_document_is_checked_when_accepted_only() {
        // Appendix AT is new at 54.0: no earlier text, so rejecting is not compared.
        let red = "# Appendix AT – Policy\n\n1.1 {++Keys and certificates.++}\n";
        let found = run(&[
            ("document-log.csv", LOG3),
            ("documents/section-h/1.0.md", H10),
            ("documents/section-h/1.1.md", H11),
            ("documents/appendix-at/1.0.md", AT10),
            (
                "redlines/section-h/1.1.md",
                "# Section H: DCC Services\n\nH1.1 The DCC shall act {~~monthly~>weekly~~}.\n",
            ),
            ("redlines/appendix-at/1.0.md", red),
        ]);
        assert_eq!(
            found,
            vec![(
                "RED002".into(),
                "redlines/appendix-at/1.0.md".into(),
                3,
                "accepting the changes gives ‘Keys and certificates.’".into()
            )]
        );
    }

    #[test]
    fn a_malformed_redline_is_not_compared() {
        let red = "# Section H: DCC Services\n\nH1.1 The DCC shall act {~~quarterly~>daily.\n";
        let found = run(&[
            ("document-log.csv", LOG3),
            ("documents/section-h/1.0.md", H10),
            ("documents/section-h/1.1.md", H11),
            ("documents/appendix-at/1.0.md", AT10),
            ("redlines/section-h/1.1.md", red),
        ]);
        assert_eq!(
            found,
            vec![(
                "RED006".into(),
                "redlines/section-h/1.1.md".into(),
                3,
                "never closed".into()
            )]
        );
    }

    #[test]
    fn an_unchanged_version_without_one_of_its_files_is_told_by_its_redline() {
        // 1.1 has no file (LOG001); the redline marks no change (RED005), and accepting
        // cannot be compared.
        let found = run(&[
            ("document-log.csv", LOG3),
            ("documents/section-h/1.0.md", H10),
            ("documents/appendix-at/1.0.md", AT10),
            ("redlines/section-h/1.1.md", H10),
        ]);
        let codes: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(codes, vec!["LOG001", "RED005"]);
        assert_eq!(found[1].3, "this redline marks no change");
    }

    #[test]
    fn a_redline_for_a_version_only_a_malformed_row_names_is_left_to_log008() {
        let log = LOG3.replace("54.0,2021-12-17,section-h", "54.0,2021-12-32,section-h");
        let found = run(&[
            ("document-log.csv", &log),
            ("documents/section-h/1.0.md", H10),
            ("documents/appendix-at/1.0.md", AT10),
            (
                "redlines/section-h/1.1.md",
                "# Section H: DCC Services\n\nH1.1 The DCC shall act {~~monthly~>weekly~~}.\n",
            ),
        ]);
        let codes: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(codes, vec!["LOG008"]);
        // With a readable log that does not name 1.1, RED004 reports it.
        let log = LOG3.replace(
            "54.0,2021-12-17,section-h,1.1",
            "54.0,2021-12-17,section-h,1.0",
        );
        let found = run(&[
            ("document-log.csv", &log),
            ("documents/section-h/1.0.md", H10),
            ("documents/appendix-at/1.0.md", AT10),
            (
                "redlines/section-h/1.1.md",
                "# Section H: DCC Services\n\nH1.1 The DCC shall act {~~monthly~>weekly~~}.\n",
            ),
        ]);
        assert_eq!(
            found,
            vec![(
                "RED004".into(),
                "redlines/section-h/1.1.md".into(),
                1,
                "Section H version 1.1 is in no release".into()
            )]
        );
    }
}
