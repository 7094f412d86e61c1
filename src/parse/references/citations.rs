//! The citation forms: what may follow each head word (a document and its items,
//! "Appendix AB paragraph 3.2", "paragraph 3.2 of Appendix AB", "clauses H3.2 and
//! H3.4"), the shared `of …` tail, and `build`, which turns items and what the citation
//! says about them into `Reference`s with the spans the module comment promises.
//!
//! Separate because this is where the grammar's alternatives are chosen and the span
//! conventions applied; the tokens and lists it combines live in `grammar`.

use crate::clause::ClauseNumber;
use std::ops::Range;

use super::grammar::{Family, Head, HeadWord, Item, Tok};
use super::scan::Scan;
use super::{CitedTitle, Reference, Target};
use crate::names::{DocumentId, DocumentKind};

/// What the citation as a whole says about its items.
#[derive(Default)]
pub(super) struct Ctx {
    /// The document of number items ("paragraph 3.2 of Appendix AB").
    doc: Option<DocumentId>,
    external: bool,
    instrument: Option<String>,
    /// Where the shared tail ends (belongs to the last item).
    tail_end: Option<usize>,
    /// A title shared by all items (the tail's document title).
    title: Option<CitedTitle>,
}

impl Ctx {
    pub(super) fn external(instrument: Option<String>, tail_end: usize) -> Ctx {
        Ctx {
            external: true,
            instrument,
            tail_end: Some(tail_end),
            ..Ctx::default()
        }
    }
}

struct Tail {
    doc: Option<DocumentId>,
    title: Option<CitedTitle>,
    external: bool,
    instrument: Option<String>,
    end: usize,
}

impl Scan<'_> {
    // ---- citations ----

    pub(super) fn at_trigger(&self, t: usize, floor: usize) -> Option<(Vec<Reference>, usize)> {
        if !self.boundary_before(t) {
            return None;
        }
        let hw = self.head_word(t)?;
        match hw.head {
            Head::Doc(kind) => self.doc_citation(&hw, kind, floor),
            Head::Para => self.para_citation(&hw),
            Head::Condition => self.condition_citation(&hw, floor),
        }
    }

    fn doc_citation(
        &self,
        hw: &HeadWord,
        kind: DocumentKind,
        floor: usize,
    ) -> Option<(Vec<Reference>, usize)> {
        let start = self.lookback(hw.start, floor, &["SEC"]).unwrap_or(hw.start);
        let fam = match kind {
            DocumentKind::Section => Family::Section,
            DocumentKind::Appendix => Family::Appendix,
            DocumentKind::Schedule => Family::Schedule,
        };
        let q = self.ws1(hw.end)?;
        let first = self.item_at(q, fam, hw.lower, start)?;
        if !hw.lower
            && matches!(first.tok, Tok::SecLetter | Tok::AppLetter | Tok::SchedNum)
            && let Some(found) = self.paragraphs_of(&first, kind, start)
        {
            return Some(found);
        }
        let items = self.more_items(first, fam, hw.plural, hw.lower);
        let last_end = items[items.len() - 1].end;
        let has_num = items.iter().any(|i| i.tok == Tok::Num);
        if let Some((name, end)) = self.instrument_suffix(last_end) {
            let ctx = Ctx::external(Some(name), end);
            return Some(self.build(&items, start, &ctx));
        }
        if has_num && kind == DocumentKind::Section {
            // "Section 3 of Appendix AB": a numbered section inside another document.
            if let Some(tail) = self.para_tail(last_end) {
                let ctx = Ctx {
                    doc: tail.doc,
                    external: tail.external,
                    instrument: tail.instrument,
                    tail_end: Some(tail.end),
                    title: tail.title,
                };
                return Some(self.build(&items, start, &ctx));
            }
            if hw.lower {
                return Some(self.build(&items, start, &Ctx::external(None, last_end)));
            }
        }
        if has_num || (hw.lower && kind != DocumentKind::Section) {
            return None;
        }
        Some(self.build(&items, start, &Ctx::default()))
    }

    /// "Appendix AB paragraph 3.2" and "SEC Section L ‘…’ 14.8".
    fn paragraphs_of(
        &self,
        first: &Item,
        kind: DocumentKind,
        start: usize,
    ) -> Option<(Vec<Reference>, usize)> {
        let doc = DocumentId::new(kind, &self.text[first.first.clone()])?;
        if first.title.is_some() && kind == DocumentKind::Section {
            let h = self.hspace(first.end);
            if h > first.end
                && let Some(e) = self.num(h, false)
                && self.text[h..e].contains('.')
            {
                let item = Item {
                    start: h,
                    tok: Tok::Num,
                    first: h..e,
                    last: None,
                    end: e,
                    title: None,
                };
                let ctx = Ctx {
                    doc: Some(doc),
                    title: first.title.clone(),
                    ..Ctx::default()
                };
                return Some(self.build(&[item], start, &ctx));
            }
        }
        let mut h = first.end;
        if self.at(self.hspace(h)) == b',' {
            h = self.hspace(h) + 1;
        }
        let q = self.ws1(h)?;
        let hw = self.head_word(q)?;
        if hw.head != Head::Para {
            return None;
        }
        let q = self.ws1(hw.end)?;
        let p = self.item_at(q, Family::Para, false, q)?;
        let items = self.more_items(p, Family::Para, hw.plural, false);
        let ctx = Ctx {
            doc: Some(doc),
            title: first.title.clone(),
            ..Ctx::default()
        };
        Some(self.build(&items, start, &ctx))
    }

    /// "paragraph 3.2 of Appendix AB", "Clause 5 of Schedule 11", "clauses H3.2 and H3.4".
    fn para_citation(&self, hw: &HeadWord) -> Option<(Vec<Reference>, usize)> {
        let q = self.ws1(hw.end)?;
        if self.letter_clause(q).is_some() {
            let first = self.item_at(q, Family::SecClauses, false, hw.start)?;
            let items = self.more_items(first, Family::SecClauses, true, false);
            return Some(self.build(&items, hw.start, &Ctx::default()));
        }
        let first = self.item_at(q, Family::Para, false, hw.start)?;
        let items = self.more_items(first, Family::Para, hw.plural, false);
        let tail = self.para_tail(items[items.len() - 1].end)?;
        let ctx = Ctx {
            doc: tail.doc,
            external: tail.external,
            instrument: tail.instrument,
            tail_end: Some(tail.end),
            title: tail.title,
        };
        Some(self.build(&items, hw.start, &ctx))
    }

    /// `of [the] [SEC] Appendix AB [title] [instrument]` or `of the … Licence`.
    fn para_tail(&self, i: usize) -> Option<Tail> {
        let q = self.ws1(i)?;
        let e = self.keyword(q, &["of", "in"])?;
        let q = self.ws1(e)?;
        if let Some((name, end)) = self.instrument_name(q) {
            return Some(Tail {
                doc: None,
                title: None,
                external: true,
                instrument: Some(name),
                end,
            });
        }
        let q = match self.keyword(q, &["SEC"]) {
            Some(e) => self.ws1(e)?,
            None => q,
        };
        let hw = self.head_word(q)?;
        let Head::Doc(kind) = hw.head else {
            return None;
        };
        if hw.lower || hw.plural {
            return None;
        }
        let q = self.ws1(hw.end)?;
        let fam = match kind {
            DocumentKind::Section => Family::Section,
            DocumentKind::Appendix => Family::Appendix,
            DocumentKind::Schedule => Family::Schedule,
        };
        let (tok, e) = self.tok(q, fam, false)?;
        if !matches!(tok, Tok::SecLetter | Tok::AppLetter | Tok::SchedNum) {
            return None;
        }
        let doc = DocumentId::new(kind, &self.text[q..e])?;
        let (title, end) = match self.title(e, true) {
            Some((t, end)) => (Some(t), end),
            None => (None, e),
        };
        if let Some((name, end)) = self.instrument_suffix(end) {
            return Some(Tail {
                doc: None,
                title,
                external: true,
                instrument: Some(name),
                end,
            });
        }
        Some(Tail {
            doc: Some(doc),
            title,
            external: false,
            instrument: None,
            end,
        })
    }

    // ---- output ----

    fn clause_text(&self, r: &Range<usize>, prefix: Option<&str>) -> ClauseNumber {
        match prefix {
            Some(p) => ClauseNumber::new(&format!("{p}{}", &self.text[r.clone()])),
            None => ClauseNumber::new(&self.text[r.clone()]),
        }
    }

    fn clause_target(&self, it: &Item, prefix: Option<&str>) -> Target {
        match &it.last {
            None => Target::Clause {
                clause: self.clause_text(&it.first, prefix),
                span: it.first.clone(),
            },
            Some(l) => Target::Range {
                start: self.clause_text(&it.first, prefix),
                start_span: it.first.clone(),
                end: self.clause_text(l, prefix),
                end_span: l.clone(),
            },
        }
    }

    pub(super) fn build(&self, items: &[Item], start: usize, ctx: &Ctx) -> (Vec<Reference>, usize) {
        let mut out = Vec::with_capacity(items.len());
        let mut end = start;
        let n = items.len();
        let prefix = ctx
            .doc
            .as_ref()
            .filter(|d| d.kind == DocumentKind::Section)
            .map(|d| d.designator.as_str());
        for (k, it) in items.iter().enumerate() {
            let s = if k == 0 { start } else { it.start };
            let e = match ctx.tail_end {
                Some(t) if k + 1 == n => t.max(it.end),
                _ => it.end,
            };
            end = end.max(e);
            let des = &self.text[it.first.clone()];
            let (document, target) = match it.tok {
                Tok::Placeholder => (ctx.doc.clone(), Target::Placeholder),
                _ if ctx.external => (None, self.clause_target(it, None)),
                Tok::SecLetter => (
                    DocumentId::new(DocumentKind::Section, des),
                    Target::Document,
                ),
                Tok::AppLetter => (
                    DocumentId::new(DocumentKind::Appendix, des),
                    Target::Document,
                ),
                Tok::SchedNum => (
                    DocumentId::new(DocumentKind::Schedule, des),
                    Target::Document,
                ),
                Tok::SecClause => (
                    DocumentId::new(DocumentKind::Section, &des[..1]),
                    self.clause_target(it, None),
                ),
                Tok::Num => (ctx.doc.clone(), self.clause_target(it, prefix)),
            };
            if document.is_none() && !ctx.external && it.tok != Tok::Placeholder {
                continue;
            }
            out.push(Reference {
                span: s..e,
                document,
                target,
                cited_title: it.title.clone().or_else(|| ctx.title.clone()),
                external: ctx.external,
                instrument: ctx.instrument.clone(),
                quoted: false, // set by `extract`
            });
        }
        (out, end)
    }
}
