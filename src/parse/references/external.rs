//! Instruments outside the SEC: `Licence Condition 22.33`, and the tails (`of the Energy
//! Act 2008`, `to the Electricity Act 1989`, `of the DCC Licence`) that make a citation
//! external (`external: true`, no document, the instrument's name).
//!
//! Separate because these citations are never resolved against the corpus, and the
//! words that name an instrument are best kept in one place.

use super::Reference;
use super::citations::Ctx;
use super::grammar::{Family, HeadWord};
use super::scan::{Scan, is_alnum};

impl Scan<'_> {
    /// "Condition 22 of the DCC Licence", "Licence Condition 22.33".
    pub(super) fn condition_citation(
        &self,
        hw: &HeadWord,
        floor: usize,
    ) -> Option<(Vec<Reference>, usize)> {
        let lic = self.lookback(
            hw.start,
            floor,
            &["Licence", "licence", "LICENCE", "License", "license"],
        );
        let start = lic.unwrap_or(hw.start);
        let q = self.ws1(hw.end)?;
        let first = self.item_at(q, Family::Ext, false, start)?;
        let items = self.more_items(first, Family::Ext, true, false);
        let last_end = items[items.len() - 1].end;
        let ctx = match self.instrument_suffix(last_end) {
            Some((name, end)) => Ctx::external(Some(name), end),
            None if lic.is_some() => Ctx::external(None, last_end),
            None => return None,
        };
        Some(self.build(&items, start, &ctx))
    }

    /// `of|to|under the … Act 2008` after `i`; returns the name and the end.
    pub(super) fn instrument_suffix(&self, i: usize) -> Option<(String, usize)> {
        let q = self.ws1(i)?;
        let e = self.keyword(q, &["of", "to", "under"])?;
        let q = self.ws1(e)?;
        self.instrument_name(q)
    }

    /// `the … Act [year]`, `the … Licence`, `the … Regulations [year]`, `the … Order [year]`.
    pub(super) fn instrument_name(&self, q: usize) -> Option<(String, usize)> {
        let e = self.keyword(q, &["the", "The"])?;
        let name_start = self.ws1(e)?;
        let mut p = name_start;
        for _ in 0..12 {
            let mut we = p;
            while is_alnum(self.at(we)) || b"-()'&".contains(&self.at(we)) {
                we += 1;
            }
            if we == p {
                return None;
            }
            let w = &self.b[p..we];
            let end = match w {
                b"Licence" | b"License" => Some(we),
                b"Act" | b"Regulations" | b"Order" => {
                    let (h, _) = self.ws(we, 2);
                    let y = self.at(h);
                    let year = (y == b'1' || y == b'2')
                        && (h..h + 4).all(|k| self.at(k).is_ascii_digit())
                        && !is_alnum(self.at(h + 4));
                    Some(if year { h + 4 } else { we })
                }
                _ => None,
            };
            if let Some(end) = end {
                return Some((crate::title::squeeze(&self.text[name_start..end]), end));
            }
            let ok = w[0].is_ascii_uppercase()
                || (w[0] == b'(' && w.len() > 1 && w[1].is_ascii_uppercase())
                || matches!(w, b"and" | b"of" | b"for" | b"&" | b"the" | b"on" | b"in");
            if !ok {
                return None;
            }
            p = self.ws1(we)?;
        }
        None
    }
}
