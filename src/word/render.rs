//! The body as text: Markdown for what Word shows by formatting (headings, bold, tables)
//! and CriticMarkup for tracked changes, or one side of them.
//!
//! - A paragraph is a line, paragraphs are separated by a blank line; a table row is a
//!   line `| cell | cell |`, the first row followed by `|---|`; the paragraphs of a cell
//!   are joined by a space.
//! - A heading paragraph starts with one `#` a level; bold text (direct or by character
//!   style, not by paragraph style) is set in `**`.
//! - List numbering is rendered as Word shows it, then a space (Word's tab too).
//! - A tracked change is `{++…++}` or `{--…--}`. A paragraph mark inserted or deleted
//!   is the blank line between two paragraphs inserted or deleted, so that rejecting
//!   every change joins what was split and accepting joins what was merged. The numbers
//!   and heading marks are worked out for each side on its own (a paragraph inserted
//!   above a numbered one renumbers it on one side only) and, where the sides differ,
//!   shown as a deletion and an insertion.
//!
//! Every byte that is not the paragraph's own text (its number included) is a *mark*,
//! recorded so that a place can be given in the paragraph's own characters.

use super::View;
use super::body::{Block, Body, Para, Rev};
use super::numbering::{Counters, Numbering, Suffix};
use super::styles::Styles;
use crate::source::{Paragraphs, Span};

/// What a paragraph starts with on one side: heading marks and its number.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Prefix {
    marks: String,
    number: String,
}

impl Prefix {
    fn is_empty(&self) -> bool {
        self.marks.is_empty() && self.number.is_empty()
    }
}

/// The prefix of each paragraph that starts a paragraph on `side` (true: after).
fn prefixes(body: &Body, styles: &Styles, numbering: &Numbering, after: bool) -> Vec<Prefix> {
    let mut out = vec![Prefix::default(); body.paras.len()];
    let mut counters = Counters::default();
    let mut start = 0;
    for (i, p) in body.paras.iter().enumerate() {
        let present = if after {
            p.mark.after()
        } else {
            p.mark.before()
        };
        if !(present || p.ends_container || i + 1 == body.paras.len()) {
            continue;
        }
        // Paragraphs `start..=i` are one paragraph on this side, with `i`'s properties.
        let props = match (&p.props_before, after) {
            (Some(before), false) => before,
            _ => &p.props,
        };
        let mut prefix = Prefix::default();
        if !p.in_table
            && let Some(level) = styles.heading_level(props.style.as_deref(), props.outline)
        {
            prefix.marks = format!("{} ", "#".repeat(level as usize));
        }
        let from_style = styles.numbering(props.style.as_deref());
        let num = props.num_id.as_deref().or(from_style.map(|(n, _)| n));
        if let Some(num) = num.filter(|&n| n != "0") {
            let ilvl = props
                .ilvl
                .or_else(|| from_style.and_then(|(_, l)| l))
                .or_else(|| {
                    styles
                        .chain_ids(props.style.as_deref())
                        .into_iter()
                        .find_map(|s| numbering.level_of_style(num, s))
                })
                .unwrap_or(0);
            if let Some((number, suffix)) = counters.next(numbering, num, ilvl) {
                prefix.number = number;
                if suffix != Suffix::Nothing {
                    prefix.number.push(' ');
                }
            }
        }
        out[start] = prefix;
        start = i + 1;
    }
    out
}

struct Writer {
    view: View,
    text: String,
    marks: Vec<Span>,
    open: Rev,
    paragraphs: Paragraphs,
    clause: Option<Box<str>>,
}

impl Writer {
    fn put(&mut self, rev: Rev, s: &str, mark: bool) {
        if s.is_empty() {
            return;
        }
        match self.view {
            View::Accept if rev == Rev::Deleted => return,
            View::Reject if rev == Rev::Inserted => return,
            View::Accept | View::Reject => {}
            View::Markup => {
                if rev != self.open {
                    self.close();
                    match rev {
                        Rev::Inserted => self.mark("{++"),
                        Rev::Deleted => self.mark("{--"),
                        Rev::Same => {}
                    }
                    self.open = rev;
                }
            }
        }
        if mark {
            self.mark(s);
        } else {
            self.text.push_str(s);
        }
    }

    fn mark(&mut self, s: &str) {
        let start = self.text.len();
        self.text.push_str(s);
        match self.marks.last_mut() {
            Some(last) if last.end as usize == start => last.end = self.text.len() as u32,
            _ => self.marks.push(Span::new(start, self.text.len())),
        }
    }

    /// Closes an open change.
    fn close(&mut self) {
        match std::mem::take(&mut self.open) {
            Rev::Inserted => self.mark("++}"),
            Rev::Deleted => self.mark("--}"),
            Rev::Same => {}
        }
    }

    fn start_paragraph(&mut self, number: u32) {
        self.paragraphs
            .starts
            .push((self.text.len() as u32, number));
        self.paragraphs.clauses.push(None);
    }
}

struct Renderer<'a> {
    body: &'a Body,
    /// A block has been rendered (in any view).
    started: bool,
    /// The last block rendered was a table.
    after_table: bool,
    before: Vec<Prefix>,
    after: Vec<Prefix>,
    w: Writer,
}

impl Renderer<'_> {
    fn blank(&self, i: usize) -> bool {
        self.before[i].is_empty()
            && self.after[i].is_empty()
            && self
                .body
                .pieces(&self.body.paras[i])
                .all(|(_, t, _)| t.trim().is_empty())
    }

    /// Starts a block of the body (a run of paragraphs, a table) that has something to
    /// show: a blank line after the block before it (a table's rows already end their
    /// line). Decided by what was rendered in every view, never by the text of one, so
    /// that all views agree.
    fn open_block(&mut self, table: bool) {
        if self.started {
            let sep = if self.after_table { "\n" } else { "\n\n" };
            self.w.put(Rev::Same, sep, true);
        }
        self.started = true;
        self.after_table = table;
    }

    /// The paragraphs of one container (the body's run of paragraphs, or a cell), joined
    /// by `sep`; `outer` is the change of the row they sit in; `top` for the body's.
    fn container(&mut self, paras: &[usize], sep: &str, outer: Rev, top: bool) {
        let mut rendered = false;
        let (mut after, mut before) = (false, false);
        for &i in paras {
            let p = &self.body.paras[i];
            if !self.blank(i) {
                if top && !rendered {
                    self.open_block(false);
                }
                if rendered {
                    let rev = match (after, before) {
                        (true, true) => Some(Rev::Same),
                        (true, false) => Some(Rev::Inserted),
                        (false, true) => Some(Rev::Deleted),
                        (false, false) => None,
                    };
                    if let Some(rev) = rev.and_then(|r| r.within(outer)) {
                        self.w.put(rev, sep, true);
                    }
                }
                self.paragraph(i, outer);
                rendered = true;
                (after, before) = (false, false);
            }
            after |= p.mark.after();
            before |= p.mark.before();
        }
    }

    fn paragraph(&mut self, i: usize, outer: Rev) {
        let p: &Para = &self.body.paras[i];
        self.w.start_paragraph(p.number);
        // Each paragraph's prefixes are read once, here.
        let (b, a) = (
            std::mem::take(&mut self.before[i]),
            std::mem::take(&mut self.after[i]),
        );
        let heading = !a.marks.is_empty() || !b.marks.is_empty();
        let sides: Vec<(Rev, &Prefix)> = if a == b {
            vec![(Rev::Same, &a)]
        } else {
            vec![(Rev::Deleted, &b), (Rev::Inserted, &a)]
        };
        for (rev, prefix) in sides {
            if let Some(rev) = rev.within(outer) {
                self.w.put(rev, &prefix.marks, true);
                self.w.put(rev, &prefix.number, false);
            }
        }
        // Bold text is one `**…**` span however its runs and changes split it; the marks
        // are on the side(s) where the span has text.
        let pieces: Vec<(Rev, &str, bool)> = self
            .body
            .pieces(p)
            .filter_map(|(rev, text, bold)| Some((rev.within(outer)?, text, bold && !heading)))
            .collect();
        let mut k = 0;
        while k < pieces.len() {
            let (rev, text, bold) = pieces[k];
            if !bold || text.trim().is_empty() {
                self.w.put(rev, text, false);
                k += 1;
                continue;
            }
            let end = k + pieces[k..].iter().take_while(|(_, _, b)| *b).count();
            let span = &pieces[k..end];
            let has = |side: fn(Rev) -> bool| {
                span.iter()
                    .any(|(r, t, _)| side(*r) && !t.trim().is_empty())
            };
            let marks = match (has(Rev::before), has(Rev::after)) {
                (true, true) => Rev::Same,
                (false, true) => Rev::Inserted,
                _ => Rev::Deleted,
            };
            let last = span.len() - 1;
            for (j, &(rev, text, _)) in span.iter().enumerate() {
                let mut text = text;
                if j == 0 {
                    let core = text.trim_start();
                    self.w.put(rev, &text[..text.len() - core.len()], false);
                    self.w.put(marks, "**", true);
                    text = core;
                }
                if j == last {
                    let core = text.trim_end();
                    self.w.put(rev, core, false);
                    self.w.put(marks, "**", true);
                    self.w.put(rev, &text[core.len()..], false);
                } else {
                    self.w.put(rev, text, false);
                }
            }
            k = end;
        }
        // The clause it sits in: its own number (rendered or typed), or the last above.
        let p: &Para = &self.body.paras[i];
        let mut lead = a.number.clone();
        for (_, text, _) in self.body.pieces(p).filter(|(rev, _, _)| rev.after()) {
            if lead.len() > 32 {
                break;
            }
            lead.push_str(text);
        }
        let lead = lead.trim_start();
        // Table cells (a version-control table's "1.5") hold no clause numbers.
        if p.in_table {
            if let Some(c) = self.w.paragraphs.clauses.last_mut() {
                *c = None;
            }
            return;
        }
        if let Some((_, len)) = crate::clause::line_number_len(lead.as_bytes(), 2) {
            let next = lead.as_bytes().get(len);
            if matches!(next, None | Some(b' ' | b'\t' | b'.')) {
                self.w.clause = Some(lead[..len].into());
            }
        }
        if let Some(c) = self.w.paragraphs.clauses.last_mut() {
            *c = self.w.clause.clone();
        }
    }

    fn table(&mut self, rows: &[super::body::Row]) {
        if !rows.is_empty() {
            self.open_block(true);
        }
        for (ri, row) in rows.iter().enumerate() {
            self.w.put(row.rev, "| ", true);
            for (ci, cell) in row.cells.iter().enumerate() {
                if ci > 0 {
                    self.w.put(row.rev, " | ", true);
                }
                self.container(cell, " ", row.rev, false);
            }
            self.w.put(row.rev, " |\n", true);
            if ri == 0 {
                let rule = format!("|{}\n", "---|".repeat(row.cells.len().max(1)));
                self.w.put(row.rev, &rule, true);
            }
        }
    }
}

/// Renders `body` as `view` says.
pub fn render(
    body: &Body,
    styles: &Styles,
    numbering: &Numbering,
    view: View,
) -> (String, Paragraphs) {
    let after = prefixes(body, styles, numbering, true);
    // Without tracked changes of paragraphs, both sides number alike.
    let same = body
        .paras
        .iter()
        .all(|p| p.mark == Rev::Same && p.props_before.is_none());
    let mut r = Renderer {
        body,
        started: false,
        after_table: false,
        before: if same {
            after.clone()
        } else {
            prefixes(body, styles, numbering, false)
        },
        after,
        w: Writer {
            view,
            // The text, plus a blank line a paragraph and the marks: one allocation.
            text: String::with_capacity(body.text_len() + 8 * body.paras.len()),
            marks: Vec::new(),
            open: Rev::Same,
            paragraphs: Paragraphs::default(),
            clause: None,
        },
    };
    let mut i = 0;
    while i < body.blocks.len() {
        match &body.blocks[i] {
            Block::Table(rows) => {
                r.table(rows);
                i += 1;
            }
            Block::Para(_) => {
                let run: Vec<usize> = body.blocks[i..]
                    .iter()
                    .map_while(|b| match b {
                        Block::Para(p) => Some(*p),
                        Block::Table(_) => None,
                    })
                    .collect();
                i += run.len();
                r.container(&run, "\n\n", Rev::Same, true);
            }
        }
    }
    r.w.close();
    // The last line's end (a table's rows end theirs).
    if r.started && !r.after_table {
        r.w.mark("\n");
    }
    let Writer {
        text,
        marks,
        mut paragraphs,
        ..
    } = r.w;
    paragraphs.marks = marks;
    (text, paragraphs)
}
