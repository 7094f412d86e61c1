//! Texts as seccheck compares versions of a document: pieces of a file in order, the CR of
//! every CR LF left out, whitespace at the very end not counting; and a digest of such a
//! text. The loader takes the digest of every document version and of both sides of every
//! redline while their text is in memory, so RED001, RED002 and RED005 compare versions
//! by digest and read a text again only to explain a difference (`rules/redline`).

/// A text as compared: pieces (file offset, bytes) in order, no empty piece.
pub type Pieces<'a> = Vec<(usize, &'a [u8])>;

/// `pieces` (file offset, text) with the CR of every CR LF line end left out, also where
/// the CR ends one piece and the LF opens the next.
pub fn compared_pieces<'a>(pieces: impl Iterator<Item = (usize, &'a str)>) -> Pieces<'a> {
    let raw: Vec<(usize, &[u8])> = pieces
        .filter(|(_, s)| !s.is_empty())
        .map(|(o, s)| (o, s.as_bytes()))
        .collect();
    let mut out = Vec::with_capacity(raw.len());
    for (i, &(offset, bytes)) in raw.iter().enumerate() {
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
    out
}

/// A 128-bit digest of a text as compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Digest(u128);

/// The digest of the text `pieces` make, without the whitespace at its very end: two
/// texts the comparison finds the same have the same digest, whatever their pieces; two
/// it finds different have different digests but for a chance of 2^-128.
pub fn digest(pieces: &[(usize, &[u8])]) -> Digest {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let last = pieces.iter().enumerate().rev().find_map(|(i, (_, b))| {
        b.iter()
            .rposition(|c| !c.is_ascii_whitespace())
            .map(|at| (i, at + 1))
    });
    if let Some((i, end)) = last {
        for (_, b) in &pieces[..i] {
            hasher.update(b);
        }
        hasher.update(&pieces[i].1[..end]);
    }
    Digest(hasher.digest128())
}

/// The digest of a whole file's text.
pub fn of_text(text: &str) -> Digest {
    digest(&compared_pieces(std::iter::once((0, text))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of_pieces(pieces: &[&str]) -> Digest {
        let mut at = 0;
        let with_offsets = pieces.iter().map(|p| {
            let o = at;
            at += p.len();
            (o, *p)
        });
        digest(&compared_pieces(
            with_offsets.collect::<Vec<_>>().into_iter(),
        ))
    }

    #[test]
    fn the_same_text_whatever_its_pieces_line_ends_and_trailing_space() {
        let one = of_text("H1.1 The DCC shall act.\nH1.2 It shall report.\n");
        assert_eq!(
            of_pieces(&["H1.1 The DCC ", "shall act.\n", "H1.2 It shall report."]),
            one
        );
        assert_eq!(
            of_text("H1.1 The DCC shall act.\r\nH1.2 It shall report.\r\n \t\n"),
            one
        );
        // A CR ending one piece and the LF opening the next are one line end.
        assert_eq!(
            of_pieces(&["H1.1 The DCC shall act.\r", "\nH1.2 It shall report."]),
            one
        );
    }

    #[test]
    fn different_texts_differ() {
        let one = of_text("H1.1 The DCC shall act.\nH1.2 It shall report.\n");
        for other in [
            "H1.1 The DCC shall act.\nH1.2 It shall report",
            "H1.1 The DCC shall act.\n\nH1.2 It shall report.\n",
            "H1.1 The DCC shall act.\rH1.2 It shall report.\n",
            " H1.1 The DCC shall act.\nH1.2 It shall report.\n",
            "",
        ] {
            assert_ne!(of_text(other), one, "{other:?}");
        }
        assert_eq!(of_text(""), of_text(" \n\t"));
    }
}
