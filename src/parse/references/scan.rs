//! The byte-level scanner under the citation grammar: the `Scan` cursor over the text,
//! its white-space, keyword and look-back primitives, the literal dashes and quotes, and
//! the prefilter (`TRIGGERS`) that finds head-word candidates for `extract` to try.
//!
//! Separate because it knows nothing of what a citation is: the rest of the grammar is
//! written in terms of these primitives.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// The head words' stems as `head_word` accepts them: lower case, capitalised, capitals.
pub(super) const STEMS: [&str; 6] = [
    "section",
    "appendi",
    "schedule",
    "paragraph",
    "clause",
    "condition",
];

/// Prefilter for the head words; each hit is checked and completed by `head_word`. The
/// SIMD packed searcher takes the three spellings of each stem; where the CPU has no
/// SIMD it cannot be built and a case-insensitive automaton is used instead.
pub(super) enum Triggers {
    Packed(aho_corasick::packed::Searcher),
    Automaton(AhoCorasick),
}

impl Triggers {
    pub(super) fn starts<'t>(&'t self, text: &'t str) -> Box<dyn Iterator<Item = usize> + 't> {
        match self {
            Triggers::Packed(s) => Box::new(s.find_iter(text).map(|m| m.start())),
            Triggers::Automaton(a) => Box::new(a.find_iter(text).map(|m| m.start())),
        }
    }
}

pub(super) static TRIGGERS: LazyLock<Triggers> = LazyLock::new(|| {
    let mut spellings = Vec::with_capacity(STEMS.len() * 3);
    for stem in STEMS {
        let mut cap = stem.to_string();
        cap[..1].make_ascii_uppercase();
        spellings.push(stem.to_string());
        spellings.push(cap);
        spellings.push(stem.to_ascii_uppercase());
    }
    let packed = aho_corasick::packed::Config::new()
        .match_kind(aho_corasick::packed::MatchKind::LeftmostFirst)
        .builder()
        .extend(&spellings)
        .build();
    match packed {
        Some(s) => Triggers::Packed(s),
        None => Triggers::Automaton(
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostFirst)
                .build(STEMS)
                .expect("static patterns compile"),
        ),
    }
});

pub(super) const EN_DASH: &[u8] = "–".as_bytes();
pub(super) const EM_DASH: &[u8] = "—".as_bytes();
pub(super) const LSQUO: &[u8] = "‘".as_bytes();
pub(super) const RSQUO: &[u8] = "’".as_bytes();
pub(super) const LDQUO: &[u8] = "“".as_bytes();
pub(super) const RDQUO: &[u8] = "”".as_bytes();

pub(super) fn is_alnum(c: u8) -> bool {
    c.is_ascii_alphanumeric()
}

pub(super) struct Scan<'a> {
    pub(super) text: &'a str,
    pub(super) b: &'a [u8],
}

impl Scan<'_> {
    // ---- bytes and white space ----

    pub(super) fn at(&self, i: usize) -> u8 {
        self.b.get(i).copied().unwrap_or(0)
    }

    pub(super) fn starts(&self, i: usize, s: &[u8]) -> bool {
        self.b.get(i..).is_some_and(|r| r.starts_with(s))
    }

    pub(super) fn hspace(&self, mut i: usize) -> usize {
        loop {
            match self.at(i) {
                b' ' | b'\t' => i += 1,
                0xC2 if self.at(i + 1) == 0xA0 => i += 2,
                _ => return i,
            }
        }
    }

    pub(super) fn newline(&self, i: usize) -> Option<usize> {
        match self.at(i) {
            b'\n' => Some(i + 1),
            b'\r' if self.at(i + 1) == b'\n' => Some(i + 2),
            _ => None,
        }
    }

    /// Skips white space with at most `max_nl` line breaks; returns the end and the
    /// number of line breaks crossed.
    pub(super) fn ws(&self, i: usize, max_nl: usize) -> (usize, usize) {
        let mut q = i;
        let mut nl = 0;
        loop {
            q = self.hspace(q);
            match self.newline(q) {
                Some(n) if nl < max_nl => {
                    nl += 1;
                    q = n;
                }
                _ => return (q, nl),
            }
        }
    }

    /// Required white space (at least one byte, at most one blank line).
    pub(super) fn ws1(&self, i: usize) -> Option<usize> {
        let (q, _) = self.ws(i, 2);
        (q > i).then_some(q)
    }

    pub(super) fn boundary_before(&self, i: usize) -> bool {
        i == 0 || !is_alnum(self.b[i - 1])
    }

    /// One of `words` (exact bytes) at `i`, not followed by a letter or digit.
    pub(super) fn keyword(&self, i: usize, words: &[&str]) -> Option<usize> {
        words.iter().find_map(|w| {
            let e = i + w.len();
            (self.starts(i, w.as_bytes()) && !is_alnum(self.at(e))).then_some(e)
        })
    }

    pub(super) fn dash(&self, i: usize) -> Option<usize> {
        if self.at(i) == b'-' {
            Some(i + 1)
        } else if self.starts(i, EN_DASH) || self.starts(i, EM_DASH) {
            Some(i + 3)
        } else {
            None
        }
    }

    /// `word` before `t` (across spaces and at most one line break), at or after `floor`.
    pub(super) fn lookback(&self, t: usize, floor: usize, words: &[&str]) -> Option<usize> {
        let b = self.b;
        let mut j = t;
        let mut nl = 0;
        while j > floor {
            match b[j - 1] {
                b' ' | b'\t' | b'\r' => j -= 1,
                b'\n' if nl < 2 => {
                    nl += 1;
                    j -= 1
                }
                0xA0 if j >= 2 && b[j - 2] == 0xC2 => j -= 2,
                _ => break,
            }
        }
        if j == t {
            return None;
        }
        words.iter().find_map(|w| {
            let n = w.len();
            if j >= floor + n && &b[j - n..j] == w.as_bytes() && self.boundary_before(j - n) {
                Some(j - n)
            } else {
                None
            }
        })
    }
}
