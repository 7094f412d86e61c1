//! The streaming comparison: a text as pieces of a file as written (a whole file, or one
//! side of a redline's chunks), compared in one pass that ignores the CR of CR LF and
//! whitespace at the very end, giving where the texts first differ.
//!
//! Separate because this is the hot path: it never builds either text whole, so a large
//! redline costs one pass; copying text out is left to `word_diff`.

use crate::parse::redline::{Redline, Side};

/// One text as compared: pieces of a file (its offset, its bytes), in order, with the CR
/// of every CR LF line end left out and no empty piece ([`crate::digest`], which owns
/// what "the same text" means; the loader's digests follow it).
pub(crate) struct Text<'a> {
    pub(super) pieces: Vec<(usize, &'a [u8])>,
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
        Text {
            pieces: crate::digest::compared_pieces(pieces),
        }
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
