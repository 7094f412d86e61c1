//! Clause numbers: `H8.16`, `N4A.2`, `H8.16(a)(ii)`, `H8` (a part), `3.2.1` (a paragraph
//! of an Appendix or Schedule). Leaf vocabulary: the one owner of what a clause number
//! is, how two compare, which lies under which, and what a range of them holds. Parsers
//! build [`ClauseNumber`]s; rules and `refs` compare them; nobody splits the text again.
//!
//! Also the byte-level recognisers that the scanners of running text share
//! ([`section_clause_len`], [`paragraph_len`]), so a clause number is recognised by one
//! grammar whether it opens a line of a document or sits inside a citation.

use compact_str::CompactString;
use std::cmp::Ordering;
use std::fmt;

/// A clause number as the text writes it, white space removed (`J1.2 (b)` → `J1.2(b)`).
///
/// Equality and hashing are on that text; [`Ord`] is document order (a part before its
/// clauses, `H8.9` before `H8.10`, `(ii)` after `(i)`). Inline up to 24 bytes: a corpus
/// holds millions of these, none allocates.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct ClauseNumber(CompactString);

/// The most digits one component of a clause number has (`H12345.1`, `H1.1000`): any
/// count a drafter could reach, and still a `u32`. Every recogniser uses this bound, so a
/// long clause number is read whole or not at all, never cut.
pub const COMPONENT_DIGITS: usize = 6;

/// One component of a clause number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part<'a> {
    /// The Section letter: `H` in `H8.16`.
    Letter(u8),
    /// A number with an optional capital suffix: `8`, `4A` (in `N4A.2`), `36A`.
    Num(u32, Option<u8>),
    /// A bracketed sub-clause: `a`, `ii`, `1`, `A`.
    Sub(&'a str),
}

impl ClauseNumber {
    /// The number as a parser found it in the text; white space is dropped, nothing else
    /// is checked (the scanner that found it has).
    pub fn new(written: &str) -> ClauseNumber {
        if written.bytes().any(|b| b.is_ascii_whitespace()) {
            ClauseNumber(written.split_ascii_whitespace().collect())
        } else {
            ClauseNumber(CompactString::new(written))
        }
    }

    /// Reads a number as a person types it (`h8.16`, `J1.2 (b)`, `3.2`): letters outside
    /// brackets upper-cased, white space allowed only before a bracket. `None` unless it
    /// is a clause number.
    pub fn parse(input: &str) -> Option<ClauseNumber> {
        let words: Vec<&str> = input.split_whitespace().collect();
        if words.is_empty() || words.iter().skip(1).any(|w| !w.starts_with('(')) {
            return None;
        }
        let mut out = CompactString::default();
        let mut depth = 0usize;
        for ch in words.concat().chars() {
            match ch {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ => {}
            }
            out.push(if depth == 0 {
                ch.to_ascii_uppercase()
            } else {
                ch
            });
        }
        let number = ClauseNumber(out);
        let ok = number.parts_checked().is_some();
        ok.then_some(number)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The Section letter, for a Section clause (`H` of `H8.16`); `None` for a paragraph.
    pub fn section_letter(&self) -> Option<char> {
        self.0
            .as_bytes()
            .first()
            .filter(|b| b.is_ascii_uppercase())
            .map(|&b| b as char)
    }

    /// The components, or `None` when the text is not a well-formed clause number.
    pub fn parts_checked(&self) -> Option<Vec<Part<'_>>> {
        parts(&self.0)
    }

    /// Whether this number lies strictly under `ancestor`: `H8.16(a)` under `H8.16`
    /// under `H8`; `H8.16` is not under `H8.1`, nor under itself.
    pub fn is_under(&self, ancestor: &str) -> bool {
        is_under(&self.0, ancestor)
    }

    /// This number, or one under it, is `other`: `H8` covers `H8.16(a)` and `H8`.
    pub fn covers(&self, other: &str) -> bool {
        self.0 == other || is_under(other, &self.0)
    }

    /// Every number this one lies under, outermost first: `H8`, `H8.16` for `H8.16(a)`.
    pub fn ancestors(&self) -> impl Iterator<Item = &str> + '_ {
        ancestors(&self.0)
    }

    /// The number without its bracketed sub-clauses: `H8.16` for `H8.16(a)(ii)`, and the
    /// sub-clauses (`(a)(ii)`).
    pub fn split_sub_clauses(&self) -> (&str, &str) {
        split_sub_clauses(&self.0)
    }

    /// Whether both numbers belong to one Section (both paragraphs count as one).
    pub fn same_section(&self, other: &ClauseNumber) -> bool {
        self.section_letter() == other.section_letter()
    }
}

/// `child` lies strictly under `ancestor` (text form of [`ClauseNumber::is_under`]).
pub fn is_under(child: &str, ancestor: &str) -> bool {
    child.len() > ancestor.len()
        && !ancestor.is_empty()
        && child.starts_with(ancestor)
        && matches!(child.as_bytes()[ancestor.len()], b'.' | b'(')
}

/// Text form of [`ClauseNumber::split_sub_clauses`].
pub fn split_sub_clauses(number: &str) -> (&str, &str) {
    number.split_at(number.find('(').unwrap_or(number.len()))
}

/// Every number `number` lies under, outermost first.
pub fn ancestors(number: &str) -> impl Iterator<Item = &str> + '_ {
    number
        .bytes()
        .enumerate()
        .filter(|&(i, b)| i > 0 && matches!(b, b'.' | b'('))
        .map(move |(i, _)| &number[..i])
}

/// `H8.16(a)(ii)` → [H, 8, 16, (a), (ii)]; `3.2` → [3, 2]. `None` for anything else.
fn parts(s: &str) -> Option<Vec<Part<'_>>> {
    let mut out = Vec::with_capacity(4);
    let b = s.as_bytes();
    let mut i = 0;
    if b.first()?.is_ascii_uppercase() {
        out.push(Part::Letter(b[0]));
        i = 1;
    }
    loop {
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == start || i - start > COMPONENT_DIGITS {
            return None;
        }
        let n: u32 = s[start..i].parse().ok()?;
        let suffix = b.get(i).copied().filter(u8::is_ascii_uppercase);
        i += usize::from(suffix.is_some());
        out.push(Part::Num(n, suffix));
        if b.get(i) == Some(&b'.') {
            i += 1;
            continue;
        }
        break;
    }
    while i < b.len() {
        if b[i] != b'(' {
            return None;
        }
        let close = s[i..].find(')')? + i;
        let sub = &s[i + 1..close];
        if sub.is_empty() || !sub.bytes().all(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        out.push(Part::Sub(sub));
        i = close + 1;
    }
    Some(out)
}

/// The value of a roman numeral (`iv` → 4), any case; `None` if it is not one.
pub fn roman_value(s: &str) -> Option<u32> {
    let value = |c: u8| match c.to_ascii_lowercase() {
        b'i' => Some(1i64),
        b'v' => Some(5),
        b'x' => Some(10),
        b'l' => Some(50),
        b'c' => Some(100),
        _ => None,
    };
    let vals: Vec<i64> = s.bytes().map(value).collect::<Option<_>>()?;
    let mut total = 0i64;
    for (i, v) in vals.iter().enumerate() {
        if vals.get(i + 1).is_some_and(|next| next > v) {
            total -= v;
        } else {
            total += v;
        }
    }
    u32::try_from(total).ok().filter(|&t| t > 0)
}

/// Whether a lower-case sub-clause label reads as a roman numeral up to (xxxix) rather
/// than as a letter: `i`, `iv`, `xiii`, `xxiv`.
pub fn is_roman_label(token: &str) -> bool {
    !token.is_empty()
        && token.len() <= 6
        && token.bytes().all(|b| matches!(b, b'i' | b'v' | b'x'))
        && roman_value(token).is_some_and(|v| to_roman(v) == token)
}

fn to_roman(mut n: u32) -> String {
    let mut out = String::new();
    for (value, digits) in [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")] {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// Sub-clauses: numbers by value; `(ii)` after `(i)` and `(iv)` before `(v)` when either
/// is a roman numeral of more than one letter; single letters alphabetically.
fn cmp_sub(a: &str, b: &str) -> Ordering {
    if let (Ok(x), Ok(y)) = (a.parse::<u32>(), b.parse::<u32>()) {
        return x.cmp(&y);
    }
    if (a.len() > 1 || b.len() > 1)
        && let (Some(x), Some(y)) = (roman_value(a), roman_value(b))
    {
        return x.cmp(&y);
    }
    (a.len(), a).cmp(&(b.len(), b))
}

fn cmp_part(a: &Part<'_>, b: &Part<'_>) -> Ordering {
    let rank = |p: &Part<'_>| match p {
        Part::Letter(_) => 0,
        Part::Num(..) => 1,
        Part::Sub(_) => 2,
    };
    match (a, b) {
        (Part::Letter(x), Part::Letter(y)) => x.cmp(y),
        (Part::Num(x, xs), Part::Num(y, ys)) => x.cmp(y).then_with(|| xs.cmp(ys)),
        (Part::Sub(x), Part::Sub(y)) => cmp_sub(x, y),
        _ => rank(a).cmp(&rank(b)),
    }
}

/// Compares over the parts both have: `Equal` when one lies within the other (`H8` and
/// `H8.16`), as well as when they are the same.
fn cmp_prefix(a: &[Part<'_>], b: &[Part<'_>]) -> Ordering {
    a.iter()
        .zip(b)
        .map(|(x, y)| cmp_part(x, y))
        .find(|o| o.is_ne())
        .unwrap_or(Ordering::Equal)
}

/// Document order: a part before its clauses, `H8.9` before `H8.10`.
fn cmp_full(a: &[Part<'_>], b: &[Part<'_>]) -> Ordering {
    cmp_prefix(a, b).then(a.len().cmp(&b.len()))
}

impl Ord for ClauseNumber {
    /// Document order; a malformed number sorts by its text after every well-formed one.
    fn cmp(&self, other: &Self) -> Ordering {
        match (parts(&self.0), parts(&other.0)) {
            (Some(a), Some(b)) => cmp_full(&a, &b).then_with(|| self.0.cmp(&other.0)),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => self.0.cmp(&other.0),
        }
    }
}

impl PartialOrd for ClauseNumber {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for ClauseNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<str> for ClauseNumber {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<String> for ClauseNumber {
    fn eq(&self, other: &String) -> bool {
        self.0 == other.as_str()
    }
}

impl From<&str> for ClauseNumber {
    fn from(written: &str) -> ClauseNumber {
        ClauseNumber::new(written)
    }
}

impl PartialEq<&str> for ClauseNumber {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl std::ops::Deref for ClauseNumber {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

/// A run of clauses written `start to end` (either way round).
#[derive(Clone, Copy, Debug)]
pub struct ClauseRange<'a> {
    pub start: &'a ClauseNumber,
    pub end: &'a ClauseNumber,
}

/// What is wrong with a range as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RangeProblem {
    /// Its ends are in different Sections (`H10.13 to J1.2`).
    CrossesSections,
    /// Its end comes before its start in document order (`H10.13 to H10.9`).
    Backwards,
}

impl ClauseRange<'_> {
    /// Whether the run includes `target` or anything under it. A range written backwards
    /// is read the way round it was meant; an end that is a part includes the whole part.
    pub fn contains(&self, target: &ClauseNumber) -> bool {
        let (Some(s), Some(e), Some(t)) = (
            self.start.parts_checked(),
            self.end.parts_checked(),
            target.parts_checked(),
        ) else {
            return false;
        };
        let (lo, hi) = if cmp_full(&s, &e) == Ordering::Greater {
            (e, s)
        } else {
            (s, e)
        };
        cmp_prefix(&t, &lo) != Ordering::Less && cmp_prefix(&t, &hi) != Ordering::Greater
    }

    /// What is wrong with the range, if anything. An end under the start (`H8 to H8.4`)
    /// is not backwards.
    pub fn problem(&self) -> Option<RangeProblem> {
        if !self.start.same_section(self.end) {
            return Some(RangeProblem::CrossesSections);
        }
        let (Some(s), Some(e)) = (self.start.parts_checked(), self.end.parts_checked()) else {
            return None;
        };
        (cmp_prefix(&e, &s) == Ordering::Less).then_some(RangeProblem::Backwards)
    }
}

/// The length of a Section clause number at the start of `b` (`H8.16`, `N4A.2`,
/// `H14.36A`, `H15`; no sub-clauses), if `letter` is its Section letter (any, if `None`).
/// `max_part` and `max_clause` bound the digits of the part and of each later component,
/// `max_groups` the number of dots. The caller decides what may follow.
pub fn section_clause_len(
    b: &[u8],
    letter: Option<u8>,
    max_part: usize,
    max_clause: usize,
    max_groups: usize,
) -> Option<usize> {
    let first = *b.first()?;
    if !first.is_ascii_uppercase() || letter.is_some_and(|l| l != first) {
        return None;
    }
    Some(1 + dotted_len(&b[1..], max_part, max_clause, max_groups)?)
}

/// The length of a dotted paragraph number at the start of `b` (`3`, `3.2`, `3.2.1`,
/// `4A.1`), with at most `max_groups` dots and `max_digits` digits a component.
pub fn paragraph_len(b: &[u8], max_digits: usize, max_groups: usize) -> Option<usize> {
    dotted_len(b, max_digits, max_digits, max_groups)
}

/// Components of digits with an optional capital suffix (`4A`), joined by dots: the first
/// of at most `max_first` digits, the others of at most `max_rest`, at most `max_groups`
/// dots.
fn dotted_len(b: &[u8], max_first: usize, max_rest: usize, max_groups: usize) -> Option<usize> {
    let suffix = |i: usize| usize::from(b.get(i).is_some_and(u8::is_ascii_uppercase));
    let mut i = digits(b, max_first)?;
    i += suffix(i);
    let mut groups = 0;
    while groups < max_groups
        && b.get(i) == Some(&b'.')
        && b.get(i + 1).is_some_and(u8::is_ascii_digit)
    {
        groups += 1;
        i += 1 + digits(&b[i + 1..], max_rest)?;
        i += suffix(i);
    }
    Some(i)
}

/// A clause number opening a line of exported text: up to `max_letters` capitals (a
/// Section's `H`, an Appendix's prefix `AC` in `AC1.2`), then a paragraph number (as
/// [`paragraph_len`]). Returns how many letters, and the length of the whole.
pub fn line_number_len(b: &[u8], max_letters: usize) -> Option<(usize, usize)> {
    let letters = b
        .iter()
        .take(max_letters)
        .take_while(|c| c.is_ascii_uppercase())
        .count();
    let len = paragraph_len(&b[letters..], 4, 8)?;
    Some((letters, letters + len))
}

/// 1..=max digits at the start of `b`, not starting with 0: no clause is numbered `0` or
/// `08`, and `E2.0` is a version, not a clause.
fn digits(b: &[u8], max: usize) -> Option<usize> {
    let n = b.iter().take_while(|c| c.is_ascii_digit()).count();
    (n > 0 && n <= max && b[0] != b'0').then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> ClauseNumber {
        ClauseNumber::new(s)
    }

    fn within(start: &str, end: &str, t: &str) -> bool {
        let (s, e) = (n(start), n(end));
        ClauseRange { start: &s, end: &e }.contains(&n(t))
    }

    #[test]
    fn ranges_compare_numbers_part_by_part() {
        assert!(within("H8.10", "H8.20", "H8.16"));
        assert!(within("H8.10", "H8.20", "H8.10"));
        assert!(within("H8.10", "H8.20", "H8.20"));
        assert!(within("H8.10", "H8.20", "H8.16(a)"));
        assert!(within("H8.9", "H8.10", "H8.10(b)"));
        assert!(within("H8.9", "H8.20", "H8.16"));
        assert!(!within("H8.9", "H8.12", "H8.16"));
        assert!(!within("H8.10", "H8.20", "H8.2"));
        assert!(!within("H8.10", "H8.20", "H8.21"));
        assert!(!within("H8.10", "H8.20", "H9.1"));
        assert!(within("H3", "H4", "H4.9"));
        assert!(within("H4.1", "H4.12", "H4"));
        assert!(!within("H3", "H4", "H5.1"));
        assert!(within("H10.13", "H10.9", "H10.11"));
        assert!(!within("H10.13", "H10.9", "H10.14"));
        assert!(within("H10.13", "J1.2", "I4.1"));
        assert!(within("N4.1", "N5.1", "N4A.2"));
        assert!(within("J1.2(a)", "J1.2(d)", "J1.2(c)"));
        assert!(!within("J1.2(a)", "J1.2(d)", "J1.2(e)"));
        assert!(within("G7.16(a)(i)", "G7.16(a)(v)", "G7.16(a)(iv)"));
        assert!(!within("G7.16(a)(ii)", "G7.16(a)(iv)", "G7.16(a)(ix)"));
        assert!(within("3.2", "3.10", "3.5"));
    }

    #[test]
    fn parts_and_parse() {
        assert_eq!(
            n("N4A.2(b)(ii)").parts_checked(),
            Some(vec![
                Part::Letter(b'N'),
                Part::Num(4, Some(b'A')),
                Part::Num(2, None),
                Part::Sub("b"),
                Part::Sub("ii"),
            ])
        );
        for bad in ["", "H", "H8.", "H8.16(", "H8.16()", "8..1", "H8.16x"] {
            assert_eq!(n(bad).parts_checked(), None, "{bad}");
        }
        assert_eq!(ClauseNumber::parse("j1.2 (b)").unwrap().as_str(), "J1.2(b)");
        assert_eq!(ClauseNumber::parse("3.2").unwrap().as_str(), "3.2");
        assert!(ClauseNumber::parse("H8.1 6").is_none());
        assert!(ClauseNumber::parse("Section").is_none());
    }

    #[test]
    fn under_and_ancestors() {
        assert!(n("H8.16(a)").is_under("H8.16"));
        assert!(n("H8.16").is_under("H8"));
        assert!(!n("H8.16").is_under("H8.1"));
        assert!(!n("H8.16").is_under("H8.16"));
        assert!(!n("H80.1").is_under("H8"));
        assert!(n("H8").covers("H8.16(a)") && n("H8").covers("H8"));
        assert_eq!(
            n("H8.16(a)(ii)").ancestors().collect::<Vec<_>>(),
            ["H8", "H8.16", "H8.16(a)"]
        );
        assert_eq!(n("3.2").ancestors().collect::<Vec<_>>(), ["3"]);
        assert_eq!(n("H8.16(a)").split_sub_clauses(), ("H8.16", "(a)"));
    }

    #[test]
    fn document_order() {
        let mut v: Vec<ClauseNumber> = ["H8.10", "H8", "H8.9", "H8.9(b)", "H8.9(a)", "H10", "G1"]
            .into_iter()
            .map(n)
            .collect();
        v.sort();
        let got: Vec<&str> = v.iter().map(|c| c.as_str()).collect();
        assert_eq!(
            got,
            ["G1", "H8", "H8.9", "H8.9(a)", "H8.9(b)", "H8.10", "H10"]
        );
        assert!(n("G7.16(a)(ix)") > n("G7.16(a)(iv)"));
    }

    #[test]
    fn range_problems() {
        let p = |a: &str, b: &str| {
            let (s, e) = (n(a), n(b));
            ClauseRange { start: &s, end: &e }.problem()
        };
        assert_eq!(p("H10.13", "H10.9"), Some(RangeProblem::Backwards));
        assert_eq!(p("H10.9", "H10.13"), None);
        assert_eq!(p("H10.13", "J1.2"), Some(RangeProblem::CrossesSections));
        assert_eq!(p("J1.2(d)", "J1.2(a)"), Some(RangeProblem::Backwards));
        assert_eq!(p("H8", "H8.4"), None);
        assert_eq!(p("3.10", "3.2"), Some(RangeProblem::Backwards));
        assert_eq!(p("3.2", "3.10"), None);
    }

    #[test]
    fn roman_labels() {
        for r in ["i", "ii", "iv", "ix", "xii", "xiii", "xix", "xxiv"] {
            assert!(is_roman_label(r), "{r}");
        }
        for l in ["a", "vv", "iiii", "ic", "xm", "", "h"] {
            assert!(!is_roman_label(l), "{l}");
        }
    }

    #[test]
    fn recognisers() {
        assert_eq!(section_clause_len(b"H8.16 x", Some(b'H'), 4, 4, 9), Some(5));
        assert_eq!(section_clause_len(b"N4A.2 x", None, 2, 3, 1), Some(5));
        assert_eq!(section_clause_len(b"H14.36A", None, 2, 3, 1), Some(7));
        assert_eq!(section_clause_len(b"J8.16", Some(b'H'), 4, 4, 9), None);
        assert_eq!(section_clause_len(b"H08", None, 2, 3, 1), None);
        assert_eq!(section_clause_len(b"E2.0", None, 2, 3, 1), None);
        assert_eq!(paragraph_len(b"3.2.1 x", 4, 3), Some(5));
        assert_eq!(paragraph_len(b"2013 x", 4, 3), Some(4));
        assert_eq!(paragraph_len(b"x", 4, 3), None);
        assert_eq!(line_number_len(b"AC1.2 x", 2), Some((2, 5)));
        assert_eq!(line_number_len(b"H8 x", 2), Some((1, 2)));
        assert_eq!(line_number_len(b"3.1 x", 2), Some((0, 3)));
        assert_eq!(line_number_len(b"ABC1", 2), None);
        assert_eq!(section_clause_len(b"H8.16.2", None, 2, 3, 1), Some(5));
        let d = COMPONENT_DIGITS;
        assert_eq!(section_clause_len(b"H1.1000 x", None, d, d, 1), Some(7));
        assert_eq!(section_clause_len(b"H12345.1 x", None, d, d, 1), Some(8));
        assert_eq!(section_clause_len(b"H1.1234567", None, d, d, 1), None);
        assert!(ClauseNumber::parse("H12345.1").is_some());
        assert!(ClauseNumber::parse("H1.1234567").is_none());
    }
}
