//! Bare clauses: a clause number cited with no head word ("in H8.16", "(X5.4)"). Their
//! candidates come from the dots in the text, not from the head-word prefilter, and
//! most dotted tokens are not citations (version numbers, table rows, service requests,
//! a document numbering its own clauses at the start of a line); `bare_ok` rejects them.
//!
//! Separate because this is the one place that guesses from context rather than from a
//! head word, so all the precision rules for that guess live together.

use super::Reference;
use super::citations::Ctx;
use super::grammar::Family;
use super::scan::{Scan, is_alnum};

/// Words that make a following bare clause-like token something else ("Table A1.2").
const NOT_BEFORE_BARE: [&str; 22] = [
    "version", "versions", "v", "ver", "vers", "release", "releases", "issue", "rev", "revision",
    "build", "firmware", "table", "tables", "figure", "fig", "annex", "annexe", "step", "page",
    "note", "row",
];

impl Scan<'_> {
    /// The start of a bare-clause candidate whose first dot is at `d`.
    pub(super) fn bare_start(&self, d: usize) -> Option<usize> {
        if !self.at(d + 1).is_ascii_digit() {
            return None;
        }
        let b = self.b;
        let mut j = d;
        if j > 0 && b[j - 1].is_ascii_uppercase() {
            j -= 1;
        }
        let de = j;
        while j > 0 && b[j - 1].is_ascii_digit() && de - j < 3 {
            j -= 1;
        }
        if !(1..=2).contains(&(de - j)) || j == 0 || !b[j - 1].is_ascii_uppercase() {
            return None;
        }
        Some(j - 1)
    }

    fn bare_ok(&self, l: usize) -> bool {
        let b = self.b;
        if b[l] == b'V' {
            return false;
        }
        // CriticMarkup may open right before a clause: `{++H8.16++}`, `{--H8.16--}`.
        let marked = |j: usize| j >= 3 && matches!(&b[j - 3..j], b"{++" | b"{--" | b"{~~");
        if l > 0 && !marked(l) && (is_alnum(b[l - 1]) || b"./\\_-@#+=$&:%".contains(&b[l - 1])) {
            return false;
        }
        // At the start of a line a clause number numbers its clause; it does not cite it.
        let mut j = l;
        loop {
            if j > 0 && matches!(b[j - 1], b' ' | b'\t' | b'#' | b'>' | b'*') {
                j -= 1;
            } else if marked(j) {
                j -= 3;
            } else {
                break;
            }
        }
        if j == 0 || b[j - 1] == b'\n' || b[j - 1] == b'\r' {
            return false;
        }
        let mut k = l;
        while k > 0 && matches!(b[k - 1], b' ' | b'\t') {
            k -= 1;
        }
        let we = k;
        while k > 0 && is_alnum(b[k - 1]) && we - k < 16 {
            k -= 1;
        }
        let w = &b[k..we];
        if w.is_empty() {
            return true;
        }
        if w[w.len() - 1].is_ascii_digit() {
            return false;
        }
        if w.len() >= 2 && w.iter().all(u8::is_ascii_uppercase) && w != b"SEC" {
            return false;
        }
        !NOT_BEFORE_BARE
            .iter()
            .any(|x| w.eq_ignore_ascii_case(x.as_bytes()))
    }

    pub(super) fn bare(&self, l: usize) -> Option<(Vec<Reference>, usize)> {
        if !self.bare_ok(l) {
            return None;
        }
        let first = self.item_at(l, Family::Bare, false, l)?;
        let items = self.more_items(first, Family::Bare, false, false);
        let last_end = items[items.len() - 1].end;
        let ctx = match self.instrument_suffix(last_end) {
            Some((name, end)) => Ctx::external(Some(name), end),
            None => Ctx::default(),
        };
        Some(self.build(&items, l, &ctx))
    }
}
