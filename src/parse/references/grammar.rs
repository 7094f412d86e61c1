//! The grammar's pieces: head words (`Section`, `paragraphs`, `Condition`), the tokens
//! that follow them (letter clauses such as `H8.16`, numbers such as `3.2` or `88(1)`,
//! designators, placeholders), ranges between two tokens, and lists joined by `,`,
//! `and` and `or`.
//!
//! Separate from `citations` because these recognise one token or one list at a time
//! and decide nothing about which document a citation names.

use std::ops::Range;

use super::CitedTitle;
use super::scan::{Scan, is_alnum};
use crate::clause;
use crate::names::DocumentKind;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Head {
    Doc(DocumentKind),
    Para,
    Condition,
}

pub(super) const HEADS: [(&str, Head, bool); 12] = [
    ("section", Head::Doc(DocumentKind::Section), false),
    ("sections", Head::Doc(DocumentKind::Section), true),
    ("appendix", Head::Doc(DocumentKind::Appendix), false),
    ("appendices", Head::Doc(DocumentKind::Appendix), true),
    ("schedule", Head::Doc(DocumentKind::Schedule), false),
    ("schedules", Head::Doc(DocumentKind::Schedule), true),
    ("paragraph", Head::Para, false),
    ("paragraphs", Head::Para, true),
    ("clause", Head::Para, false),
    ("clauses", Head::Para, true),
    ("condition", Head::Condition, false),
    ("conditions", Head::Condition, true),
];

pub(super) struct HeadWord {
    pub(super) head: Head,
    pub(super) plural: bool,
    pub(super) lower: bool,
    pub(super) start: usize,
    pub(super) end: usize,
}

/// The kind of one list item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tok {
    /// H8.16, N4A, J1.2(b)
    SecClause,
    /// Section H
    SecLetter,
    /// Appendix AC
    AppLetter,
    /// Schedule 11
    SchedNum,
    /// 3.2, 88(1), 22.33
    Num,
    /// [TBC]
    Placeholder,
}

/// What a head word lets its items be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Family {
    Section,
    Appendix,
    Schedule,
    /// paragraph / clause numbers
    Para,
    /// letter clauses only (after "clauses")
    SecClauses,
    /// bare clauses: letter clauses with a dot
    Bare,
    /// external numbers (Conditions)
    Ext,
}

pub(super) struct Item {
    pub(super) start: usize,
    pub(super) tok: Tok,
    pub(super) first: Range<usize>,
    pub(super) last: Option<Range<usize>>,
    pub(super) end: usize,
    pub(super) title: Option<CitedTitle>,
}

fn compatible(first: Tok, next: Tok, plural: bool) -> bool {
    use Tok::*;
    match (first, next) {
        (SecClause, SecClause) | (Num, Num) => true,
        (SecClause | SecLetter, SecLetter)
        | (SecLetter, SecClause)
        | (AppLetter, AppLetter)
        | (SchedNum, SchedNum) => plural,
        // "Sections H3.1 and [TBC]": a placeholder left in a list.
        (SecClause | SecLetter | AppLetter | SchedNum | Num, Placeholder) => plural,
        _ => false,
    }
}

impl Scan<'_> {
    // ---- tokens ----

    /// 1..=max digits, not starting with 0, not followed by another digit.
    fn digits(&self, i: usize, max: usize) -> Option<usize> {
        let mut j = i;
        while self.at(j).is_ascii_digit() {
            j += 1;
        }
        (j > i && j - i <= max && self.at(i) != b'0').then_some(j)
    }

    /// Attached sub-clauses `(a)(ii)`; with `spaced`, one space may come first (`88 (1)`).
    fn subclauses(&self, i: usize, spaced: bool) -> usize {
        let mut j = i;
        loop {
            let k = if spaced && j == i && self.at(j) == b' ' && self.at(j + 1) == b'(' {
                j + 1
            } else {
                j
            };
            if self.at(k) != b'(' {
                return j;
            }
            let mut m = k + 1;
            let c = self.at(m);
            let ok = if c.is_ascii_lowercase() {
                while self.at(m).is_ascii_lowercase() {
                    m += 1;
                }
                m - k - 1 <= 4
            } else if c.is_ascii_digit() {
                while self.at(m).is_ascii_digit() {
                    m += 1;
                }
                m - k - 1 <= 3
            } else if c.is_ascii_uppercase() {
                m += 1;
                true
            } else {
                false
            };
            if !ok || self.at(m) != b')' {
                return j;
            }
            j = m + 1;
        }
    }

    /// `H8.16`, `N4A.2`, `H15`, with sub-clauses; returns the end and whether it has a dot.
    pub(super) fn letter_clause(&self, i: usize) -> Option<(usize, bool)> {
        let len = clause::section_clause_len(
            self.b.get(i..)?,
            None,
            clause::COMPONENT_DIGITS,
            clause::COMPONENT_DIGITS,
            1,
        )?;
        let j = i + len;
        if is_alnum(self.at(j)) || (self.at(j) == b'.' && self.at(j + 1).is_ascii_digit()) {
            return None;
        }
        Some((self.subclauses(j, false), self.b[i..j].contains(&b'.')))
    }

    /// `3.2`, `5`, `22.33`, `4A.1`, `88(1)` (and `88 (1)` when `spaced`).
    pub(super) fn num(&self, i: usize, spaced: bool) -> Option<usize> {
        let j = i + clause::paragraph_len(self.b.get(i..)?, 3, 3)?;
        if is_alnum(self.at(j)) || (self.at(j) == b'.' && self.at(j + 1).is_ascii_digit()) {
            return None;
        }
        Some(self.subclauses(j, spaced))
    }

    fn section_des(&self, i: usize) -> Option<usize> {
        (self.at(i).is_ascii_uppercase() && !is_alnum(self.at(i + 1))).then_some(i + 1)
    }

    fn appendix_des(&self, i: usize) -> Option<usize> {
        let mut j = i;
        while self.at(j).is_ascii_uppercase() {
            j += 1;
        }
        ((1..=2).contains(&(j - i)) && !is_alnum(self.at(j))).then_some(j)
    }

    fn schedule_des(&self, i: usize) -> Option<usize> {
        let j = self.digits(i, 3)?;
        let glued = is_alnum(self.at(j)) || (self.at(j) == b'.' && self.at(j + 1).is_ascii_digit());
        (!glued).then_some(j)
    }

    fn placeholder(&self, i: usize) -> Option<usize> {
        if self.at(i) != b'[' {
            return None;
        }
        let mut j = i + 1;
        while j < self.b.len() && j - i <= 25 {
            match self.b[j] {
                b']' if j > i + 1 => return Some(j + 1),
                b']' | b'[' | b'\n' | b'\r' => return None,
                _ => j += 1,
            }
        }
        None
    }

    pub(super) fn tok(&self, i: usize, fam: Family, lower: bool) -> Option<(Tok, usize)> {
        use Family::*;
        if matches!(fam, Section | Appendix | Schedule | Para)
            && let Some(e) = self.placeholder(i)
        {
            return Some((Tok::Placeholder, e));
        }
        match fam {
            Section => {
                if let Some((e, _)) = self.letter_clause(i) {
                    return Some((Tok::SecClause, e));
                }
                if !lower && let Some(e) = self.section_des(i) {
                    return Some((Tok::SecLetter, e));
                }
                self.num(i, true).map(|e| (Tok::Num, e))
            }
            Appendix => {
                if let Some(e) = self.appendix_des(i) {
                    return Some((Tok::AppLetter, e));
                }
                self.num(i, true).map(|e| (Tok::Num, e))
            }
            Schedule => self.schedule_des(i).map(|e| (Tok::SchedNum, e)),
            Para => self.num(i, false).map(|e| (Tok::Num, e)),
            SecClauses => self.letter_clause(i).map(|(e, _)| (Tok::SecClause, e)),
            Bare => match self.letter_clause(i) {
                Some((e, true)) => Some((Tok::SecClause, e)),
                _ => None,
            },
            Ext => self.num(i, true).map(|e| (Tok::Num, e)),
        }
    }

    pub(super) fn head_word(&self, t: usize) -> Option<HeadWord> {
        let mut e = t;
        while self.at(e).is_ascii_alphabetic() {
            e += 1;
        }
        if e == t || is_alnum(self.at(e)) {
            return None;
        }
        let w = &self.b[t..e];
        let lower = w.iter().all(u8::is_ascii_lowercase);
        let upper = w.iter().all(u8::is_ascii_uppercase);
        let cap = w[0].is_ascii_uppercase() && w[1..].iter().all(u8::is_ascii_lowercase);
        if !(lower || upper || cap) {
            return None;
        }
        let &(_, head, plural) = HEADS
            .iter()
            .find(|(word, _, _)| w.eq_ignore_ascii_case(word.as_bytes()))?;
        Some(HeadWord {
            head,
            plural,
            lower,
            start: t,
            end: e,
        })
    }

    // ---- items and lists ----

    pub(super) fn item_at(&self, i: usize, fam: Family, lower: bool, start: usize) -> Option<Item> {
        let (tok, e) = self.tok(i, fam, lower)?;
        let mut item = Item {
            start,
            tok,
            first: i..e,
            last: None,
            end: e,
            title: None,
        };
        if matches!(tok, Tok::SecClause | Tok::Num)
            && let Some((r, e)) = self.range_end(e, fam, lower, tok)
        {
            item.last = Some(r);
            item.end = e;
        }
        if tok != Tok::Num && !matches!(fam, Family::Para | Family::Ext) {
            let dash_ok = matches!(
                tok,
                Tok::SecLetter | Tok::AppLetter | Tok::SchedNum | Tok::Placeholder
            );
            if let Some((t, e)) = self.title(item.end, dash_ok) {
                item.title = Some(t);
                item.end = e;
            }
        }
        Some(item)
    }

    fn range_end(
        &self,
        i: usize,
        fam: Family,
        lower: bool,
        tok: Tok,
    ) -> Option<(Range<usize>, usize)> {
        let h = self.hspace(i);
        let q = if let Some(d) = self.dash(h) {
            self.ws(d, 2).0
        } else {
            let q = self.ws1(i)?;
            let e = self.keyword(q, &["to"])?;
            self.ws1(e)?
        };
        let (t, e) = self.tok(q, fam, lower)?;
        (t == tok).then_some((q..e, e))
    }

    fn separator(&self, i: usize) -> Option<usize> {
        let h = self.hspace(i);
        if self.at(h) == b',' {
            let (q, _) = self.ws(h + 1, 2);
            if let Some(e) = self.keyword(q, &["and", "or"]) {
                return self.ws1(e);
            }
            return Some(q);
        }
        let q = self.ws1(i)?;
        let e = self.keyword(q, &["and", "or"])?;
        self.ws1(e)
    }

    pub(super) fn more_items(
        &self,
        first: Item,
        fam: Family,
        plural: bool,
        lower: bool,
    ) -> Vec<Item> {
        let first_tok = first.tok;
        let mut items = vec![first];
        if first_tok == Tok::Placeholder {
            return items;
        }
        while let Some(q) = self.separator(items[items.len() - 1].end) {
            match self.item_at(q, fam, lower, q) {
                Some(item) if compatible(first_tok, item.tok, plural) => items.push(item),
                _ => break,
            }
        }
        items
    }
}
