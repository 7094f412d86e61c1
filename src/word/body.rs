//! `word/document.xml`'s body, read as a stream into paragraphs and tables: each
//! paragraph's text in pieces (inserted, deleted or neither; bold or not), what became of
//! its paragraph mark, and its properties before and after a tracked change of them.
//!
//! Only what a person reads as the body's text is kept: the cached results of fields,
//! not their codes; the text of hyperlinks, content controls and smart tags; not
//! drawings, text boxes, footnote and comment references, bookmarks, or the properties
//! of sections and tables.

use super::xml::{Step, attr, attr_with, local, on};

/// Whether a piece of text, a paragraph mark or a table row is a tracked change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Rev {
    #[default]
    Same,
    Inserted,
    Deleted,
}

impl Rev {
    /// Whether it is there in the version before the changes.
    pub fn before(self) -> bool {
        self != Rev::Inserted
    }
    /// Whether it is there in the version after the changes.
    pub fn after(self) -> bool {
        self != Rev::Deleted
    }
    /// Inside `outer` (a row, say): `None` when it is in neither version.
    pub fn within(self, outer: Rev) -> Option<Rev> {
        match (outer, self) {
            (Rev::Same, r) | (r, Rev::Same) => Some(r),
            (a, b) if a == b => Some(a),
            _ => None,
        }
    }
}

/// A stretch of a paragraph's text with one change and one weight: a range of
/// [`Body::text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    start: u32,
    end: u32,
    pub rev: Rev,
    pub bold: bool,
}

/// A paragraph's properties that change its text: its style, its numbering, its
/// outline level.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Props {
    pub style: Option<String>,
    pub num_id: Option<String>,
    pub ilvl: Option<u8>,
    pub outline: Option<u8>,
}

#[derive(Debug, Clone, Default)]
pub struct Para {
    /// 1-based, in document order over the body, table cells included.
    pub number: u32,
    /// Its pieces: a range of [`Body::pieces`].
    pieces: std::ops::Range<u32>,
    /// The paragraph mark: inserted (the paragraph was split off or added) or deleted
    /// (it joins the next).
    pub mark: Rev,
    pub props: Props,
    /// The properties before a tracked change of them (`w:pPrChange`).
    pub props_before: Option<Props>,
    /// Last in its cell, or followed by a table or the end of the body: never joined
    /// with what follows.
    pub ends_container: bool,
    /// In a table cell.
    pub in_table: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Row {
    pub rev: Rev,
    /// Each cell's paragraphs (indices into [`Body::paras`]).
    pub cells: Vec<Vec<usize>>,
}

#[derive(Debug, Clone)]
pub enum Block {
    Para(usize),
    Table(Vec<Row>),
}

#[derive(Debug, Default)]
pub struct Body {
    /// The text of every piece, one after another: one allocation for the body.
    text: String,
    pieces: Vec<Piece>,
    pub paras: Vec<Para>,
    pub blocks: Vec<Block>,
    /// Tracked changes of text, paragraph marks and rows.
    pub revisions: usize,
    /// Tracked changes of formatting only.
    pub formatting_changes: usize,
    /// `(comment id, paragraph number)` where each comment's range starts.
    pub comment_anchors: Vec<(String, u32)>,
}

/// Elements whose content is not body text.
fn skipped(name: &str) -> bool {
    matches!(
        name,
        "sectPr"
            | "drawing"
            | "pict"
            | "AlternateContent"
            | "object"
            | "sdtPr"
            | "sdtEndPr"
            | "rPrChange"
            | "tblPr"
            | "tblGrid"
            | "tcPr"
            | "tblPrEx"
            | "instrText"
            | "delInstrText"
    )
}

/// Where the reader is in document.xml.
#[derive(Default)]
pub struct Reading {
    in_body: bool,
    /// Depth inside an element [`skipped`] says is not body text.
    skip: usize,
    para: Option<Para>,
    in_ppr: bool,
    /// Inside `w:pPrChange`: the properties read go to `props_before`.
    in_ppr_change: bool,
    /// Inside the paragraph mark's `w:rPr`.
    in_mark_rpr: bool,
    in_run: bool,
    in_run_rpr: bool,
    bold: Option<bool>,
    /// The run's character style makes it bold.
    style_bold: bool,
    in_text: bool,
    inserted: usize,
    deleted: usize,
    /// Complex fields: whether each open one is past its `separate` (showing its result).
    fields: Vec<bool>,
    tables: Vec<Vec<Row>>,
    in_trpr: bool,
}

impl Body {
    /// Takes one step of document.xml; `bold_style` says whether a character style is
    /// bold.
    pub fn step(&mut self, r: &mut Reading, step: Step<'_>, bold_style: &dyn Fn(&str) -> bool) {
        match step {
            Step::Open(e) => {
                let qname = e.name();
                let name = local(qname.as_ref());
                if r.skip > 0 {
                    r.skip += 1;
                    return;
                }
                if name == "body" {
                    r.in_body = true;
                    return;
                }
                if !r.in_body {
                    return;
                }
                if skipped(name) {
                    if name == "rPrChange" {
                        self.formatting_changes += 1;
                    }
                    r.skip = 1;
                    return;
                }
                self.open(r, name, e, bold_style);
            }
            Step::Close(name) => {
                if r.skip > 0 {
                    r.skip -= 1;
                    return;
                }
                if r.in_body {
                    self.close(r, name);
                }
            }
            Step::Text(t) => {
                if r.skip == 0 && r.in_text && r.fields.iter().all(|&shown| shown) {
                    self.push_text(r, t, true);
                }
            }
        }
    }

    fn open(
        &mut self,
        r: &mut Reading,
        name: &str,
        e: &quick_xml::events::BytesStart<'_>,
        bold_style: &dyn Fn(&str) -> bool,
    ) {
        match name {
            "p" => {
                let at = self.pieces.len() as u32;
                r.para = Some(Para {
                    number: self.paras.len() as u32 + 1,
                    pieces: at..at,
                    ..Para::default()
                });
            }
            "pPr" if !r.in_run => r.in_ppr = true,
            "pPrChange" if r.in_ppr => {
                r.in_ppr_change = true;
                self.formatting_changes += 1;
                if let Some(p) = &mut r.para {
                    p.props_before = Some(Props::default());
                }
            }
            "pStyle" if r.in_ppr => {
                if let Some(p) = props(r) {
                    p.style = attr(e, "val");
                }
            }
            "numId" if r.in_ppr => {
                if let Some(p) = props(r) {
                    p.num_id = attr(e, "val");
                }
            }
            "ilvl" if r.in_ppr => {
                if let Some(p) = props(r) {
                    p.ilvl = attr_with(e, "val", |v| v.parse().ok()).flatten();
                }
            }
            "outlineLvl" if r.in_ppr => {
                if let Some(p) = props(r) {
                    p.outline = attr_with(e, "val", |v| v.parse().ok()).flatten();
                }
            }
            "rPr" if r.in_ppr && !r.in_ppr_change => r.in_mark_rpr = true,
            "ins" | "moveTo" if r.in_mark_rpr => {
                self.revisions += 1;
                if let Some(p) = &mut r.para {
                    p.mark = Rev::Inserted;
                }
            }
            "del" | "moveFrom" if r.in_mark_rpr => {
                self.revisions += 1;
                if let Some(p) = &mut r.para {
                    p.mark = Rev::Deleted;
                }
            }
            _ if r.in_ppr => {}
            "trPr" => r.in_trpr = true,
            "ins" | "del" if r.in_trpr => {
                self.revisions += 1;
                if let Some(row) = r.tables.last_mut().and_then(|t| t.last_mut()) {
                    row.rev = if name == "ins" {
                        Rev::Inserted
                    } else {
                        Rev::Deleted
                    };
                }
            }
            "ins" | "moveTo" => {
                self.revisions += 1;
                r.inserted += 1;
            }
            "del" | "moveFrom" => {
                self.revisions += 1;
                r.deleted += 1;
            }
            "r" => {
                r.in_run = true;
                r.bold = None;
                r.style_bold = false;
            }
            "rPr" if r.in_run => r.in_run_rpr = true,
            "b" if r.in_run_rpr => r.bold = Some(on(e)),
            "rStyle" if r.in_run_rpr => {
                r.style_bold = attr(e, "val").is_some_and(|s| bold_style(&s))
            }
            "t" | "delText" if r.in_run => r.in_text = true,
            "tab" | "ptab" if r.in_run && !r.in_run_rpr => self.push_char(r, "\t"),
            // A page or column break is layout, not text.
            "br" | "cr"
                if r.in_run
                    && !r.in_run_rpr
                    && !attr_with(e, "type", |v| matches!(v, "page" | "column"))
                        .unwrap_or(false) =>
            {
                self.push_char(r, "\n")
            }
            "noBreakHyphen" if r.in_run => self.push_char(r, "-"),
            "sym" if r.in_run => {
                let c = attr(e, "char")
                    .and_then(|h| u32::from_str_radix(&h, 16).ok())
                    .map(|c| match c {
                        0xF0B7 => '•',
                        // Symbol fonts map their glyphs to F020–F0FF.
                        0xF020..=0xF07E => char::from_u32(c - 0xF000).unwrap_or('\u{FFFD}'),
                        c => char::from_u32(c).unwrap_or('\u{FFFD}'),
                    });
                if let Some(c) = c {
                    self.push_char(r, &c.to_string());
                }
            }
            "fldChar" => match attr_with(e, "fldCharType", |v| match v {
                "begin" => Some("begin"),
                "separate" => Some("separate"),
                "end" => Some("end"),
                _ => None,
            })
            .flatten()
            {
                Some("begin") => r.fields.push(false),
                Some("separate") => {
                    if let Some(f) = r.fields.last_mut() {
                        *f = true;
                    }
                }
                Some("end") => {
                    r.fields.pop();
                }
                _ => {}
            },
            "commentRangeStart" => {
                if let (Some(id), Some(p)) = (attr(e, "id"), &r.para) {
                    self.comment_anchors.push((id, p.number));
                }
            }
            "tbl" => r.tables.push(Vec::new()),
            "tr" => {
                if let Some(t) = r.tables.last_mut() {
                    t.push(Row::default());
                }
            }
            "tc" => {
                if let Some(row) = r.tables.last_mut().and_then(|t| t.last_mut()) {
                    row.cells.push(Vec::new());
                }
            }
            _ => {}
        }
    }

    fn close(&mut self, r: &mut Reading, name: &str) {
        match name {
            "p" => {
                if let Some(mut p) = r.para.take() {
                    p.in_table = !r.tables.is_empty();
                    let i = self.paras.len();
                    self.paras.push(p);
                    match r.tables.last_mut() {
                        Some(t) => {
                            if let Some(cell) = t.last_mut().and_then(|row| row.cells.last_mut()) {
                                cell.push(i);
                            }
                        }
                        None => self.blocks.push(Block::Para(i)),
                    }
                }
                r.in_ppr = false;
                r.in_ppr_change = false;
                r.in_mark_rpr = false;
            }
            "pPr" if r.in_ppr && !r.in_ppr_change => r.in_ppr = false,
            "pPrChange" => r.in_ppr_change = false,
            "rPr" if r.in_mark_rpr => r.in_mark_rpr = false,
            "rPr" if r.in_run_rpr => r.in_run_rpr = false,
            _ if r.in_ppr => {}
            "trPr" => r.in_trpr = false,
            "ins" | "moveTo" if !r.in_trpr => r.inserted = r.inserted.saturating_sub(1),
            "del" | "moveFrom" if !r.in_trpr => r.deleted = r.deleted.saturating_sub(1),
            "r" => r.in_run = false,
            "t" | "delText" => r.in_text = false,
            "tbl" => {
                if let Some(rows) = r.tables.pop() {
                    match r.tables.last_mut() {
                        // A table in a cell: its paragraphs are read as the cell's.
                        Some(outer) => {
                            if let Some(cell) =
                                outer.last_mut().and_then(|row| row.cells.last_mut())
                            {
                                cell.extend(rows.into_iter().flat_map(|row| row.cells).flatten());
                            }
                        }
                        None => self.blocks.push(Block::Table(rows)),
                    }
                }
            }
            "body" => {
                r.in_body = false;
                self.finish();
            }
            _ => {}
        }
    }

    fn push_char(&mut self, r: &mut Reading, s: &str) {
        if r.fields.iter().all(|&shown| shown) {
            self.push_text(r, s, false);
        }
    }

    /// Adds text to the paragraph, read as [`normalise`] says when `normal`.
    fn push_text(&mut self, r: &mut Reading, t: &str, normal: bool) {
        let rev = match (r.inserted > 0, r.deleted > 0) {
            (true, true) => return, // inserted, then deleted: in neither version
            (true, false) => Rev::Inserted,
            (false, true) => Rev::Deleted,
            (false, false) => Rev::Same,
        };
        let Some(p) = &mut r.para else { return };
        let bold = r.bold.unwrap_or(r.style_bold);
        let start = self.text.len() as u32;
        if normal {
            normalise(t, &mut self.text);
        } else {
            self.text.push_str(t);
        }
        let end = self.text.len() as u32;
        match self.pieces.last_mut() {
            // The paragraph's last piece, ending where this text starts: one piece.
            Some(last)
                if p.pieces.end > p.pieces.start
                    && last.rev == rev
                    && last.bold == bold
                    && last.end == start =>
            {
                last.end = end
            }
            _ => {
                self.pieces.push(Piece {
                    start,
                    end,
                    rev,
                    bold,
                });
                p.pieces.end = self.pieces.len() as u32;
            }
        }
    }

    /// The pieces of a paragraph: its text with the change and weight of each part.
    pub fn pieces(&self, p: &Para) -> impl Iterator<Item = (Rev, &str, bool)> + '_ {
        self.pieces[p.pieces.start as usize..p.pieces.end as usize]
            .iter()
            .map(|piece| {
                (
                    piece.rev,
                    &self.text[piece.start as usize..piece.end as usize],
                    piece.bold,
                )
            })
    }

    /// The bytes of text in the body.
    pub fn text_len(&self) -> usize {
        self.text.len()
    }

    /// Marks the paragraphs that end their container.
    fn finish(&mut self) {
        for (i, b) in self.blocks.iter().enumerate() {
            match b {
                Block::Para(p) => {
                    if !matches!(self.blocks.get(i + 1), Some(Block::Para(_))) {
                        self.paras[*p].ends_container = true;
                    }
                }
                Block::Table(rows) => {
                    for cell in rows.iter().flat_map(|r| &r.cells) {
                        if let Some(&last) = cell.last() {
                            self.paras[last].ends_container = true;
                        }
                    }
                }
            }
        }
    }
}

/// A character of a symbol font as the character it shows: Word stores Symbol and
/// Wingdings glyphs in the private use area, F020–F0FF; the bullet (F0B7) and the
/// ASCII range are read as such, other glyphs as the replacement character.
pub fn symbol(c: char) -> char {
    match c as u32 {
        0xF0B7 | 0xF0A7 | 0xF0D8 | 0xF0FC => '•',
        c @ 0xF020..=0xF07E => char::from_u32(c - 0xF000).unwrap_or('\u{FFFD}'),
        0xF000..=0xF0FF => '\u{FFFD}',
        _ => c,
    }
}

/// The properties a `w:pPr` being read sets: the paragraph's, or those before a change.
fn props(r: &mut Reading) -> Option<&mut Props> {
    let p = r.para.as_mut()?;
    if r.in_ppr_change {
        Some(p.props_before.get_or_insert_with(Props::default))
    } else {
        Some(&mut p.props)
    }
}

/// Characters Word shows as others: a non-breaking space as a space, a non-breaking
/// hyphen as a hyphen; a soft hyphen (shown only at a line break) is dropped, and a line
/// end inside a text run (which Word shows as a space) is a space.
fn normalise(t: &str, out: &mut String) {
    // Most text has none of these (curly quotes, which share their lead byte, are common).
    let b = t.as_bytes();
    let special = b.contains(&b'\r')
        || memchr::memchr3_iter(b'\n', 0xC2, 0xE2, b).any(|i| match b[i] {
            0xC2 => matches!(b.get(i + 1), Some(0xA0 | 0xAD)),
            0xE2 => b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x91 | 0xAF)),
            _ => true,
        });
    if !special {
        out.push_str(t);
        return;
    }
    out.extend(t.chars().filter_map(|c| match c {
        '\u{A0}' | '\u{202F}' | '\r' | '\n' => Some(' '),
        '\u{2011}' => Some('-'),
        '\u{AD}' => None,
        c => Some(c),
    }));
}
