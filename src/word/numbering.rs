//! `word/numbering.xml` and the numbers Word shows: list levels (`H%1.%2`), number
//! formats, start values, restarts and overrides.
//!
//! Counting follows Word: paragraphs of numbering instances (`w:num`) that share an
//! abstract definition share its counters, so a list continues across instances, unless
//! an instance overrides a level's start, which restarts that level the first time the
//! instance is used. A level restarts after any higher level is used, or after the level
//! its `w:lvlRestart` names (0: never). Letters run a…z, aa…zz (Word repeats the letter).

use super::xml::{Step, attr, local, on};
use crate::hash::FxHashMap as HashMap;

const LEVELS: usize = 9;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Decimal,
    DecimalZero,
    LowerLetter,
    UpperLetter,
    LowerRoman,
    UpperRoman,
    /// A bullet or a fixed text: the level text as written.
    Bullet,
    None,
}

impl Format {
    fn parse(s: &str) -> Format {
        match s {
            "decimalZero" => Format::DecimalZero,
            "lowerLetter" => Format::LowerLetter,
            "upperLetter" => Format::UpperLetter,
            "lowerRoman" => Format::LowerRoman,
            "upperRoman" => Format::UpperRoman,
            "bullet" => Format::Bullet,
            "none" => Format::None,
            _ => Format::Decimal,
        }
    }

    fn render(self, n: i64) -> String {
        match self {
            Format::Decimal | Format::Bullet => n.to_string(),
            Format::DecimalZero if (0..10).contains(&n) => format!("0{n}"),
            Format::DecimalZero => n.to_string(),
            Format::LowerLetter => letters(n),
            Format::UpperLetter => letters(n).to_ascii_uppercase(),
            Format::LowerRoman => roman(n).to_ascii_lowercase(),
            Format::UpperRoman => roman(n),
            Format::None => String::new(),
        }
    }
}

/// 1 → a, 26 → z, 27 → aa, 28 → bb: Word repeats the letter.
fn letters(n: i64) -> String {
    if n < 1 {
        return n.to_string();
    }
    let n = (n - 1) as usize;
    let c = (b'a' + (n % 26) as u8) as char;
    std::iter::repeat_n(c, n / 26 + 1).collect()
}

fn roman(n: i64) -> String {
    if !(1..4000).contains(&n) {
        return n.to_string();
    }
    let mut n = n;
    let mut out = String::new();
    for (v, s) in [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ] {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// What follows the number: Word's default is a tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Suffix {
    #[default]
    Tab,
    Space,
    Nothing,
}

#[derive(Debug, Clone, Default)]
struct Level {
    start: Option<i64>,
    format: Format,
    text: Option<String>,
    /// `w:lvlRestart`: restart after a level up to this (1-based) one is used; 0 never.
    restart: Option<u8>,
    legal: bool,
    suffix: Suffix,
    /// The paragraph style this level belongs to.
    style: Option<String>,
}

#[derive(Debug, Clone, Default)]
struct Abstract {
    levels: [Option<Level>; LEVELS],
}

#[derive(Debug, Clone, Default)]
struct Num {
    abstract_id: String,
    /// `(level, start override, level replaced)`.
    overrides: Vec<(usize, Option<i64>, Option<Level>)>,
    /// Each level as this instance defines it: the override's, else the abstract's
    /// (filled by [`Numbering::finish`]).
    levels: [Option<Level>; LEVELS],
    /// This instance's place among the instances, and its abstract definition's among
    /// theirs: the counters' indices (filled by [`Numbering::finish`]).
    index: usize,
    abstract_index: usize,
}

/// The numbering definitions of one Word file.
#[derive(Debug, Default)]
pub struct Numbering {
    /// How many instances and abstract definitions are in use (set by `finish`).
    counted: (usize, usize),
    abstracts: HashMap<String, Abstract>,
    nums: HashMap<String, Num>,
}

/// Where [`Numbering::step`] is in numbering.xml.
#[derive(Default)]
pub struct Reading {
    abstract_id: Option<(String, Abstract)>,
    num: Option<(String, Num)>,
    /// The level being read, and whether it sits in a `w:lvlOverride`.
    level: Option<(usize, Level)>,
    override_level: Option<usize>,
    override_start: Option<i64>,
    /// Inside a tracked change of properties: not the current definition.
    in_change: usize,
}

fn int(e: &quick_xml::events::BytesStart<'_>) -> Option<i64> {
    attr(e, "val").and_then(|v| v.trim().parse().ok())
}

impl Numbering {
    /// Takes one step of numbering.xml.
    pub fn step(&mut self, r: &mut Reading, step: Step<'_>) {
        match step {
            Step::Open(e) => match local(e.name().as_ref()) {
                "pPrChange" | "rPrChange" => r.in_change += 1,
                _ if r.in_change > 0 => {}
                "abstractNum" => {
                    r.abstract_id = Some((
                        attr(e, "abstractNumId").unwrap_or_default(),
                        Abstract::default(),
                    ))
                }
                "num" => r.num = Some((attr(e, "numId").unwrap_or_default(), Num::default())),
                "abstractNumId" => {
                    if let Some((_, n)) = &mut r.num {
                        n.abstract_id = attr(e, "val").unwrap_or_default();
                    }
                }
                "lvlOverride" => {
                    r.override_level = attr(e, "ilvl").and_then(|v| v.parse().ok());
                    r.override_start = None;
                }
                "startOverride" => r.override_start = int(e),
                "lvl" => {
                    let ilvl = attr(e, "ilvl")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0usize);
                    r.level = (ilvl < LEVELS).then(|| (ilvl, Level::default()));
                }
                name => {
                    if let Some((_, l)) = &mut r.level {
                        match name {
                            "start" => l.start = int(e),
                            "numFmt" => {
                                l.format = Format::parse(&attr(e, "val").unwrap_or_default())
                            }
                            "lvlText" => l.text = attr(e, "val"),
                            "lvlRestart" => l.restart = int(e).map(|v| v.clamp(0, 9) as u8),
                            "isLgl" => l.legal = on(e),
                            "suff" => {
                                l.suffix = match attr(e, "val").as_deref() {
                                    Some("space") => Suffix::Space,
                                    Some("nothing") => Suffix::Nothing,
                                    _ => Suffix::Tab,
                                }
                            }
                            "pStyle" => l.style = attr(e, "val"),
                            _ => {}
                        }
                    }
                }
            },
            Step::Close("pPrChange" | "rPrChange") => r.in_change = r.in_change.saturating_sub(1),
            Step::Close("lvl") => {
                if let Some((ilvl, level)) = r.level.take() {
                    if let Some((_, n)) = &mut r.num {
                        // A level inside an override replaces the abstract's.
                        n.overrides.push((ilvl, None, Some(level)));
                    } else if let Some((_, a)) = &mut r.abstract_id {
                        a.levels[ilvl] = Some(level);
                    }
                }
            }
            Step::Close("lvlOverride") => {
                if let (Some((_, n)), Some(ilvl)) = (&mut r.num, r.override_level.take())
                    && ilvl < LEVELS
                {
                    n.overrides.push((ilvl, r.override_start.take(), None));
                }
            }
            Step::Close("abstractNum") => {
                if let Some((id, a)) = r.abstract_id.take() {
                    self.abstracts.entry(id).or_insert(a);
                }
            }
            Step::Close("num") => {
                if let Some((id, n)) = r.num.take() {
                    self.nums.entry(id).or_insert(n);
                }
            }
            _ => {}
        }
    }

    fn level<'s>(&'s self, num: &'s Num, ilvl: usize) -> Option<&'s Level> {
        num.overrides
            .iter()
            .rev()
            .find_map(|(l, _, level)| (*l == ilvl).then_some(level.as_ref()).flatten())
            .or_else(|| {
                self.abstracts
                    .get(&num.abstract_id)?
                    .levels
                    .get(ilvl)?
                    .as_ref()
            })
    }

    /// Resolves each instance's levels once, after the part is read.
    pub fn finish(&mut self) {
        let mut abstract_ids: Vec<&String> = self.nums.values().map(|n| &n.abstract_id).collect();
        abstract_ids.sort();
        abstract_ids.dedup();
        let mut ids: Vec<&String> = self.nums.keys().collect();
        ids.sort();
        let resolved: Vec<(String, [Option<Level>; LEVELS], usize, usize)> = self
            .nums
            .iter()
            .map(|(id, num)| {
                (
                    id.clone(),
                    std::array::from_fn(|l| self.level(num, l).cloned()),
                    ids.binary_search(&id).unwrap_or(0),
                    abstract_ids.binary_search(&&num.abstract_id).unwrap_or(0),
                )
            })
            .collect();
        self.counted = (ids.len(), abstract_ids.len());
        for (id, levels, index, abstract_index) in resolved {
            if let Some(num) = self.nums.get_mut(&id) {
                num.levels = levels;
                num.index = index;
                num.abstract_index = abstract_index;
            }
        }
    }

    /// The level of instance `num_id` linked to paragraph style `style`, for a paragraph
    /// whose numbering comes from its style without a level.
    pub fn level_of_style(&self, num_id: &str, style: &str) -> Option<u8> {
        let num = self.nums.get(num_id)?;
        (0..LEVELS)
            .find(|&l| num.levels[l].as_ref().and_then(|l| l.style.as_deref()) == Some(style))
            .map(|l| l as u8)
    }
}

/// The counters of one view of a document (before or after its tracked changes).
#[derive(Debug, Default)]
pub struct Counters {
    /// Each abstract definition's counters, by its index.
    values: Vec<[Option<i64>; LEVELS]>,
    /// Whether each instance has been used, by its index.
    used: Vec<bool>,
}

impl Counters {
    /// Counts a paragraph of instance `num_id` at level `ilvl`, and returns the number
    /// Word shows before it and what follows the number; `None` for no number (instance
    /// 0, an unknown instance or level, or a level whose text is empty).
    pub fn next(
        &mut self,
        numbering: &Numbering,
        num_id: &str,
        ilvl: u8,
    ) -> Option<(String, Suffix)> {
        let num = numbering.nums.get(num_id)?;
        let ilvl = (ilvl as usize).min(LEVELS - 1);
        let levels = &num.levels;
        let level = levels[ilvl].as_ref()?;
        if self.used.is_empty() {
            self.used = vec![false; numbering.counted.0];
            self.values = vec![[None; LEVELS]; numbering.counted.1];
        }
        let values = self.values.get_mut(num.abstract_index)?;
        let used = self.used.get_mut(num.index)?;
        if !*used {
            *used = true;
            for (l, start, _) in &num.overrides {
                if let Some(start) = start {
                    values[*l] = Some(start - 1);
                }
            }
        }
        let start = level.start.unwrap_or(1);
        values[ilvl] = Some(values[ilvl].map_or(start, |v| v + 1));
        for deeper in ilvl + 1..LEVELS {
            let restart = levels[deeper]
                .as_ref()
                .and_then(|l| l.restart)
                .map_or(deeper, usize::from);
            // Level `deeper` restarts when a level above `restart` (1-based) is used.
            if restart > ilvl {
                values[deeper] = None;
            }
        }
        if level.format == Format::None && level.text.as_deref().is_none_or(|t| !t.contains('%')) {
            return None;
        }
        let text = level
            .text
            .clone()
            .unwrap_or_else(|| format!("%{}", ilvl + 1));
        let mut out = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek()) {
                ('%', Some(d @ '1'..='9')) => {
                    let l = (*d as usize) - ('1' as usize);
                    chars.next();
                    let shown = levels[l].as_ref();
                    let value =
                        values[l].unwrap_or_else(|| shown.and_then(|s| s.start).unwrap_or(1));
                    let format = match shown {
                        _ if level.legal => Format::Decimal,
                        Some(s) => s.format,
                        None => Format::Decimal,
                    };
                    match format {
                        // The common case, written in place.
                        Format::Decimal | Format::Bullet if (0..10_000).contains(&value) => {
                            let mut digits = [0u8; 4];
                            let mut n = value as usize;
                            let mut k = digits.len();
                            loop {
                                k -= 1;
                                digits[k] = b'0' + (n % 10) as u8;
                                n /= 10;
                                if n == 0 {
                                    break;
                                }
                            }
                            for &d in &digits[k..] {
                                out.push(d as char);
                            }
                        }
                        f => out.push_str(&f.render(value)),
                    }
                }
                _ => out.push(super::body::symbol(c)),
            }
        }
        if out.trim().is_empty() {
            return None;
        }
        Some((out, level.suffix))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(letters(1), "a");
        assert_eq!(letters(26), "z");
        assert_eq!(letters(27), "aa");
        assert_eq!(letters(53), "aaa");
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(1994), "MCMXCIV");
        assert_eq!(Format::LowerRoman.render(9), "ix");
        assert_eq!(Format::DecimalZero.render(7), "07");
        assert_eq!(Format::UpperLetter.render(28), "BB");
    }
}
