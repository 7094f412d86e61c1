//! Cited titles after a reference: quoted (‘…’, “…”, '…', "…"), bracketed
//! ("(DCC Services)") or, after a document, a dash ("Appendix AC – Inventory …"),
//! including dash titles wrapped over PDF-extracted lines.
//!
//! Separate because where a title ends is its own small grammar of capitalised words
//! and connectors, independent of clause numbers and lists.

use std::ops::Range;

use super::CitedTitle;
use super::grammar::{HEADS, Head};
use super::scan::{EM_DASH, EN_DASH, LDQUO, LSQUO, RDQUO, RSQUO, Scan, is_alnum};

/// Longest title accepted, in bytes.
const TITLE_MAX: usize = 300;

const CONNECTORS: [&str; 20] = [
    "and", "of", "for", "the", "to", "in", "on", "with", "by", "a", "an", "or", "&", "at", "from",
    "into", "under", "between", "via", "as",
];

fn is_connector(w: &[u8]) -> bool {
    CONNECTORS.iter().any(|c| c.as_bytes() == w)
}

impl Scan<'_> {
    fn mk_title(&self, r: Range<usize>) -> CitedTitle {
        CitedTitle {
            text: crate::title::squeeze(&self.text[r.clone()]),
            span: r,
        }
    }

    /// A title right after `i`: quoted, bracketed, or (when `dash_ok`) after a dash.
    pub(super) fn title(&self, i: usize, dash_ok: bool) -> Option<(CitedTitle, usize)> {
        let (q, _) = self.ws(i, 2);
        if let Some(found) = self.quoted(q, q > i) {
            return Some(found);
        }
        if q > i
            && let Some(found) = self.bracketed(q)
        {
            return Some(found);
        }
        if dash_ok {
            let h = self.hspace(i);
            if let Some(d) = self.dash(h) {
                let a = self.hspace(d);
                if a > d || self.newline(a).is_some() {
                    let r = self.title_run(a)?;
                    let end = r.end;
                    return Some((self.mk_title(r), end));
                }
            }
        }
        None
    }

    fn quoted(&self, q: usize, had_ws: bool) -> Option<(CitedTitle, usize)> {
        let (olen, close): (usize, &[u8]) = if self.starts(q, LSQUO) {
            (3, RSQUO)
        } else if self.starts(q, LDQUO) {
            (3, RDQUO)
        } else if had_ws && self.at(q) == b'\'' {
            (1, b"'")
        } else if had_ws && self.at(q) == b'"' {
            (1, b"\"")
        } else {
            return None;
        };
        let c = q + olen;
        let c0 = self.at(c);
        if !(c0.is_ascii_uppercase() || c0.is_ascii_digit()) {
            return None;
        }
        let limit = (c + TITLE_MAX).min(self.b.len());
        let mut nl = 0;
        let mut j = c;
        while j < limit {
            let x = self.b[j];
            if x == b'\n' {
                nl += 1;
                if nl > 4 {
                    return None;
                }
            } else if self.starts(j, close) && !is_alnum(self.at(j + close.len())) {
                let mut t = j;
                while t > c && self.b[t - 1].is_ascii_whitespace() {
                    t -= 1;
                }
                return Some((self.mk_title(c..t), j + close.len()));
            }
            j += 1;
        }
        None
    }

    fn bracketed(&self, q: usize) -> Option<(CitedTitle, usize)> {
        if self.at(q) != b'(' {
            return None;
        }
        let c = q + 1;
        let limit = (c + TITLE_MAX).min(self.b.len());
        let mut j = c;
        let mut nl = 0;
        while j < limit && self.b[j] != b')' {
            match self.b[j] {
                b'(' => return None,
                b'\n' => {
                    nl += 1;
                    if nl > 4 {
                        return None;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        if j >= limit {
            return None;
        }
        let content = &self.text[c..j];
        let words: Vec<&str> = content
            .split(|ch: char| ch.is_whitespace() || ch == ',')
            .filter(|w| !w.is_empty())
            .collect();
        let first = *words.first()?;
        if !first.as_bytes()[0].is_ascii_uppercase() {
            return None;
        }
        if words.len() == 1
            && first
                .bytes()
                .all(|x| x.is_ascii_uppercase() || x.is_ascii_digit())
        {
            return None;
        }
        let title_like = |w: &&str| {
            let wb = w.as_bytes();
            (wb[0].is_ascii_uppercase() || is_connector(wb))
                && !w.contains(['.', ';', ':', '"', '\''])
                && !HEADS
                    .iter()
                    .any(|(h, _, _)| wb.eq_ignore_ascii_case(h.as_bytes()))
        };
        if !words.iter().all(title_like) {
            return None;
        }
        let t = c + content.len() - content.trim_start().len();
        let e = c + content.trim_end().len();
        Some((self.mk_title(t..e), j + 1))
    }

    fn is_space(&self, i: usize) -> bool {
        matches!(self.at(i), b' ' | b'\t' | b'\r' | b'\n')
            || (self.at(i) == 0xC2 && self.at(i + 1) == 0xA0)
    }

    /// Where a dash title's words stop: sentence punctuation, brackets, quotes, dashes.
    fn title_stop(&self, i: usize) -> bool {
        match self.at(i) {
            b'.' | b';' | b':' | b'(' | b')' | b'[' | b']' | b'{' | b'}' | b'|' | b'"' | b'!'
            | b'?' | b'*' | b'`' | b'<' | b'>' | b'=' | b'~' | b'+' => true,
            b'\'' => !self.at(i + 1).is_ascii_alphabetic(),
            0xE2 => {
                self.starts(i, EN_DASH)
                    || self.starts(i, EM_DASH)
                    || self.starts(i, LSQUO)
                    || self.starts(i, LDQUO)
                    || self.starts(i, RDQUO)
                    || (self.starts(i, RSQUO) && !self.at(i + 3).is_ascii_alphabetic())
            }
            _ => false,
        }
    }

    fn title_word_end(&self, i: usize) -> usize {
        let mut j = i;
        while j < self.b.len() && !self.is_space(j) && self.at(j) != b',' && !self.title_stop(j) {
            j += 1;
        }
        j
    }

    /// A document word followed by a designator ends a dash title ("…, Appendix U").
    fn stops_title(&self, p: usize, we: usize) -> bool {
        let w = &self.b[p..we];
        let q = self.hspace(we);
        if w == b"SEC" {
            return self
                .head_word(q)
                .is_some_and(|h| matches!(h.head, Head::Doc(_)));
        }
        let is_doc_word = HEADS[..6]
            .iter()
            .any(|(h, _, _)| w.eq_ignore_ascii_case(h.as_bytes()));
        let c = self.at(q);
        is_doc_word && (c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'[')
    }

    fn starts_title_word(&self, q: usize) -> bool {
        let we = self.title_word_end(q);
        we > q && self.at(q).is_ascii_uppercase() && !self.stops_title(q, we)
    }

    /// Whether the line at `q` reads as the rest of a title up to its first stop:
    /// capitalised words and connectors ("of Connection"), at least one capitalised.
    fn line_is_title(&self, q: usize) -> bool {
        let mut p = q;
        let mut caps = 0;
        loop {
            p = self.hspace(p);
            if p >= self.b.len() || self.newline(p).is_some() || self.title_stop(p) {
                break;
            }
            if self.at(p) == b',' {
                p += 1;
                continue;
            }
            let we = self.title_word_end(p);
            if we == p || self.stops_title(p, we) {
                break;
            }
            let w = &self.b[p..we];
            let cap = w[0].is_ascii_uppercase();
            if !(cap || is_connector(w)) {
                return false;
            }
            caps += usize::from(cap);
            p = we;
        }
        caps > 0
    }

    /// The title after a dash: capitalised words and connectors, possibly over a few
    /// wrapped lines; trailing connectors and commas are left out.
    fn title_run(&self, a: usize) -> Option<Range<usize>> {
        let limit = a + TITLE_MAX;
        let mut p = a;
        let mut first: Option<usize> = None;
        let mut last_end = a;
        let mut open = true;
        let mut lines = 0;
        loop {
            p = self.hspace(p);
            if p >= limit || p >= self.b.len() {
                break;
            }
            if self.newline(p).is_some() {
                let (q, _) = self.ws(p, 2);
                if lines >= 4 || self.newline(q).is_some() {
                    break;
                }
                let go = if open {
                    self.starts_title_word(q)
                } else {
                    self.line_is_title(q)
                };
                if !go {
                    break;
                }
                lines += 1;
                p = q;
                continue;
            }
            if self.at(p) == b',' {
                if first.is_none() {
                    break;
                }
                open = true;
                p += 1;
                continue;
            }
            if self.title_stop(p) {
                break;
            }
            let we = self.title_word_end(p);
            if we == p || self.stops_title(p, we) {
                break;
            }
            let w = &self.b[p..we];
            if w[0].is_ascii_uppercase() {
                first.get_or_insert(p);
                last_end = we;
                open = false;
            } else if is_connector(w) && first.is_some() {
                open = true;
            } else {
                break;
            }
            p = we;
        }
        first.map(|f| f..last_end)
    }
}
