//! `word/styles.xml`: what a paragraph's style says about headings, numbering and bold.
//!
//! A style inherits from the style it is `basedOn`; the first style in the chain that
//! says something decides it. A heading is a style named "heading 1" to "heading 9" or
//! "Title" (names are compared without case: producers write "heading 1" or "Heading 1"),
//! a style based on one, or an outline level 0–8 on the style or the paragraph.

use super::xml::{Step, attr, local, on};
use crate::hash::FxHashMap as HashMap;

#[derive(Debug, Default, Clone)]
struct Style {
    name: String,
    based_on: Option<String>,
    outline: Option<u8>,
    num_id: Option<String>,
    ilvl: Option<u8>,
    bold: Option<bool>,
}

/// The styles of one Word file.
#[derive(Debug, Default)]
pub struct Styles {
    styles: HashMap<String, Style>,
    /// The paragraph style of a paragraph that names none.
    default_paragraph: Option<String>,
}

/// Where [`Styles::step`] is in styles.xml.
#[derive(Default)]
pub struct Reading {
    current: Option<(String, Style)>,
    in_change: usize,
}

/// How deep a `basedOn` chain is followed (a cycle stops there).
const MAX_CHAIN: usize = 16;

impl Styles {
    /// Takes one step of styles.xml.
    pub fn step(&mut self, reading: &mut Reading, step: Step<'_>) {
        match step {
            Step::Open(e) => match local(e.name().as_ref()) {
                "style" => {
                    let id = attr(e, "styleId").unwrap_or_default();
                    let paragraph = attr(e, "type").is_none_or(|t| t == "paragraph");
                    if paragraph && attr(e, "default").is_some_and(|d| d == "1" || d == "true") {
                        self.default_paragraph = Some(id.clone());
                    }
                    reading.current = Some((id, Style::default()));
                }
                // The properties before a tracked change of the style are not its own.
                "rPrChange" | "pPrChange" => reading.in_change += 1,
                _ if reading.in_change > 0 => {}
                name => {
                    if let Some((_, s)) = &mut reading.current {
                        match name {
                            "name" => s.name = attr(e, "val").unwrap_or_default().to_lowercase(),
                            "basedOn" => s.based_on = attr(e, "val"),
                            "outlineLvl" => s.outline = attr(e, "val").and_then(|v| v.parse().ok()),
                            "numId" => s.num_id = attr(e, "val"),
                            "ilvl" => s.ilvl = attr(e, "val").and_then(|v| v.parse().ok()),
                            "b" => s.bold = Some(on(e)),
                            _ => {}
                        }
                    }
                }
            },
            Step::Close("rPrChange" | "pPrChange") => {
                reading.in_change = reading.in_change.saturating_sub(1)
            }
            Step::Close("style") => {
                if let Some((id, s)) = reading.current.take() {
                    self.styles.entry(id).or_insert(s);
                }
            }
            _ => {}
        }
    }

    /// The chain of styles from `id` up through `basedOn`.
    fn chain<'s>(&'s self, id: Option<&'s str>) -> impl Iterator<Item = &'s Style> + 's {
        let mut next = id.or(self.default_paragraph.as_deref());
        std::iter::from_fn(move || {
            let s = self.styles.get(next?)?;
            next = s.based_on.as_deref();
            Some(s)
        })
        .take(MAX_CHAIN)
    }

    /// The heading level (1-based) of a paragraph with style `id` and, if it has one, its
    /// own outline level.
    pub fn heading_level(&self, id: Option<&str>, outline: Option<u8>) -> Option<u8> {
        if let Some(level) = outline {
            return (level < 9).then_some(level + 1);
        }
        for s in self.chain(id) {
            if let Some(n) = s.name.strip_prefix("heading ")
                && let Ok(n @ 1..=9) = n.trim().parse::<u8>()
            {
                return Some(n);
            }
            if s.name == "title" {
                return Some(1);
            }
            if let Some(level) = s.outline {
                return (level < 9).then_some(level + 1);
            }
        }
        None
    }

    /// The numbering a paragraph style carries: its numbering instance and, if the style
    /// says, its level.
    pub fn numbering<'s>(&'s self, id: Option<&'s str>) -> Option<(&'s str, Option<u8>)> {
        let mut ilvl = None;
        for s in self.chain(id) {
            ilvl = ilvl.or(s.ilvl);
            if let Some(num) = &s.num_id {
                return Some((num, ilvl));
            }
        }
        None
    }

    /// Whether a character style makes its runs bold.
    pub fn bold(&self, id: &str) -> Option<bool> {
        self.chain(Some(id)).find_map(|s| s.bold)
    }

    /// The ids of the style `id` and those it is based on, nearest first: a list level
    /// linked to any of them (`w:lvl/w:pStyle`) is the level of a paragraph numbered by
    /// its style.
    pub fn chain_ids<'s>(&'s self, id: Option<&'s str>) -> Vec<&'s str> {
        let mut out = Vec::new();
        let mut next = id.or(self.default_paragraph.as_deref());
        while let Some(i) = next {
            if out.len() == MAX_CHAIN || out.contains(&i) {
                break;
            }
            out.push(i);
            next = self.styles.get(i).and_then(|s| s.based_on.as_deref());
        }
        out
    }
}
