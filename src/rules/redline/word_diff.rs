//! The first difference shown word by word: a small window of each text around it is
//! copied out, diffed under a deadline, and turned into the short quoted labels and the
//! two aligned lines of the finding's help.
//!
//! Separate because it runs only once two texts are known to differ, and all its cost
//! (copying, diffing, formatting) is bounded by the window.

use super::compare::{Divergence, Text};
use crate::source::Span;
use similar::{Algorithm, DiffTag, TextDiff};
use std::time::{Duration, Instant};

/// How much text around the first difference is diffed word by word.
const BEFORE: usize = 80;
const AFTER: usize = 400;
/// The word diff of that window gives up (and approximates) after this long.
pub(super) const DIFF_TIME: Duration = Duration::from_millis(100);

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

    /// File span of a window range as a label underlines it: from its first word (past
    /// leading white space, unless it is all white space) to the end of the stretch of
    /// the file that word is in, so never across redline markup (the range may take
    /// text from both sides of a mark: `quarter` in `{~~quarter~>week~~}.`).
    fn label_span(&self, a: usize, b: usize) -> Span {
        let text = &self.text[a..b];
        let a = if text.trim().is_empty() {
            a
        } else {
            a + text.len() - text.trim_start().len()
        };
        let i = self.parts.partition_point(|p| p.at <= a).saturating_sub(1);
        let b = match self.parts.get(i) {
            Some(p) if b > a => b.min(p.at + p.len),
            _ => b,
        };
        self.file_span(a, b)
    }
}

impl Text<'_> {
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

/// The first difference, word by word: what each text has there, where, and a little
/// of the text around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WordDiff {
    /// What each text has in place of the other's (possibly nothing).
    pub got: String,
    pub expected: String,
    /// Where that is in each file (empty when that text has nothing there), as a label
    /// underlines it: from its first word to the end of the stretch of the file that
    /// word is in (see `Window::label_span`).
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
            w.label_span(r.start, r.end)
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
