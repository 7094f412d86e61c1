//! The documents: the catalogue of Sections, Schedules and Appendices, each document's
//! structure (parts, numbered clauses, sub-clauses, Section A's definitions), its
//! version-control table, the edits a release makes, and its text as a list of blocks.
//!
//! A block is a run of whole lines with an identity that survives edits (a clause keeps
//! its block when it is reworded or renumbered), so the redline of a release is a walk
//! over the blocks before and after (see `redlines`).
//!
//! Clauses come in two kinds. *Core* clauses are the ones citations point at: they exist
//! from a document's first version on and are never reworded, renumbered or deleted.
//! Every other clause is *free*: releases reword, insert, delete and renumber free
//! clauses only, so a clean corpus never breaks a citation.

use super::cite::{Citable, CoreClause, citation, decoy};
use super::prose::{EXTRAS, OBJECTS, PART_TITLES, SUBJECTS, TIMINGS, VERBS};
use super::rng::Rng;
use crate::names::DocumentKind;
use std::collections::HashSet;

pub struct DocSpec {
    pub kind: DocumentKind,
    pub designator: &'static str,
    pub title: &'static str,
}

const fn sec(designator: &'static str, title: &'static str) -> DocSpec {
    DocSpec {
        kind: DocumentKind::Section,
        designator,
        title,
    }
}
const fn sch(designator: &'static str, title: &'static str) -> DocSpec {
    DocSpec {
        kind: DocumentKind::Schedule,
        designator,
        title,
    }
}
const fn app(designator: &'static str, title: &'static str) -> DocSpec {
    DocSpec {
        kind: DocumentKind::Appendix,
        designator,
        title,
    }
}

/// Every document the generator can write, in the Document Log's order. The first entry
/// is Section A, which holds the definitions.
pub const CATALOGUE: &[DocSpec] = &[
    sec("A", "Definitions and Interpretation"),
    sec("B", "Accession"),
    sec("C", "Governance"),
    sec("D", "Modification Process"),
    sec("E", "Registration Data"),
    sec("F", "Smart Metering System Requirements"),
    sec("G", "Security"),
    sec("H", "DCC Services"),
    sec("I", "Data Privacy"),
    sec("J", "Charges"),
    sec("K", "Charging Methodology"),
    sec(
        "L",
        "Smart Metering Key Infrastructure and DCC Key Infrastructure",
    ),
    sec("M", "General"),
    sec("N", "SMETS1 Services"),
    sec("O", "Communications Hub Arrangements"),
    sec("P", "Production Proving"),
    sec("Q", "Performance Reporting"),
    sec("R", "Interface Testing"),
    sec("S", "Device Assurance"),
    sec("T", "Testing During Transition"),
    sec("U", "Release Management"),
    sec("X", "Transition"),
    sec("Z", "Alt HAN Arrangements"),
    sch("1", "Framework Agreement"),
    sch("2", "Specimen Accession Agreement"),
    sch("3", "Specimen Bilateral Agreement"),
    sch("4", "Establishment of SECCo"),
    sch("5", "Accession Information"),
    sch("6", "Specimen Deed of Undertaking"),
    sch("7", "Specimen Enabling Services Agreement"),
    sch("8", "GB Companion Specification"),
    sch("9", "Smart Metering Equipment Technical Specifications"),
    sch("10", "Communications Hub Technical Specifications"),
    sch("11", "TS Applicability Tables"),
    app("A", "Device Certificate Policy"),
    app("B", "Organisation Certificate Policy"),
    app("C", "SMKI Compliance Policy"),
    app("D", "SMKI Registration Authority Policies and Procedures"),
    app("E", "Communications Hub Support Materials"),
    app("F", "Smart Metering Inventory Rules"),
    app("G", "Incident Management Policy"),
    app("H", "Security Controls Framework"),
    app("I", "CH Installation and Maintenance Support Materials"),
    app("J", "Enduring Testing Approach Document"),
    app("K", "SMKI and Repository Test Scenarios Document"),
    app("L", "SMKI Recovery Procedure"),
    app("M", "SMKI Interface Design Specification"),
    app("N", "SMKI Code of Connection"),
    app("O", "SMKI Repository Interface Design Specification"),
    app("P", "SMKI Repository Code of Connection"),
    app("Q", "IKI Certificate Policy"),
    app("R", "Common Test Scenarios Document"),
    app("S", "DCCKI Certificate Policy"),
    app("T", "DCCKI Interface Design Specification"),
    app("U", "DCCKI Repository Interface Design Specification"),
    app("V", "DCCKI Code of Connection"),
    app("W", "DCCKI Registration Authority Policies and Procedures"),
    app("X", "Registration Data Interface Specification"),
    app("Y", "Registration Data Interface Code of Connection"),
    app("Z", "CPA Issue Resolution Policy"),
    app("AA", "Threshold Anomaly Detection Procedures"),
    app("AB", "Service Request Processing Document"),
    app("AC", "Inventory, Enrolment and Withdrawal Procedures"),
    app("AD", "DCC User Interface Specification"),
    app("AE", "DCC User Interface Code of Connection"),
    app("AF", "Message Mapping Catalogue"),
    app("AG", "Parse and Correlate Interface Specification"),
    app("AH", "Self Service Interface Design Specification"),
    app("AI", "Self Service Interface Code of Connection"),
    app("AJ", "DCC Release Management Policy"),
    app("AK", "Error Handling Strategy"),
    app("AL", "SMETS1 Transition and Migration Approach Document"),
    app("AM", "SMETS1 Supporting Requirements"),
    app("AN", "SMETS1 Service Request Processing Document"),
    app("AO", "Service Provider Security Requirements"),
    app("AP", "Alt HAN Equipment Requirements"),
    app("AQ", "Network Evolution Requirements"),
    app("AR", "Anomaly Detection Reporting Procedures"),
    app("AS", "Communications Hub Returns Procedures"),
    app("AT", "SMETS1 Cryptographic Key Management Policy"),
];

/// Designators the catalogue never uses: citing one is citing a document that is in
/// effect at no release.
pub const NEVER_DESIGNATED: &[(DocumentKind, &str)] = &[
    (DocumentKind::Appendix, "AY"),
    (DocumentKind::Appendix, "AZ"),
    (DocumentKind::Schedule, "14"),
    (DocumentKind::Schedule, "17"),
    (DocumentKind::Section, "Y"),
];

/// One run of whole lines; `text` ends with a line break.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub id: u32,
    pub text: String,
    /// A core clause of one line: the same whole line in every version and redline.
    pub stable: bool,
}

#[derive(Clone, Debug)]
pub struct Clause {
    pub id: u32,
    pub number: String,
    /// The clause's lines (number first, then any sub-clauses), ending with `\n`.
    pub text: String,
    pub core: bool,
    /// The timing phrase written in it, for rewording; `None` for a clause with
    /// sub-clauses or a fixed text.
    pub timing: Option<u8>,
    pub subs: u8,
    /// The release since when this number has existed without a break.
    pub born: usize,
    /// The term this clause defines (core clauses of Sections).
    pub defines: Option<String>,
    /// Defined terms this clause uses.
    pub uses: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct Part {
    pub id: u32,
    pub number: u32,
    pub title: String,
    pub clauses: Vec<Clause>,
    /// The next clause number at the end of this part: never one used before.
    pub next_no: u32,
}

#[derive(Clone, Debug)]
pub struct Definition {
    pub id: u32,
    pub term: String,
    pub text: String,
}

#[derive(Clone, Debug)]
pub struct Row {
    pub id: u32,
    pub version: String,
    /// The table row, without its line break.
    pub text: String,
}

/// A clause number that a release made disappear (deleted, or renumbered away).
#[derive(Clone, Debug)]
pub struct Vanished {
    pub number: String,
    pub born: usize,
}

const HEADING_ID: u32 = 1;
const TABLE_HEADER_ID: u32 = 2;
const TABLE_END_ID: u32 = 3;
const FIRST_FREE_ID: u32 = 10;

pub struct Doc {
    pub kind: DocumentKind,
    pub designator: String,
    pub title: String,
    pub major: u32,
    pub minor: u32,
    pub rows: Vec<Row>,
    pub parts: Vec<Part>,
    /// Section A only: the definitions, in alphabetical order, after clause A1.1.
    pub definitions: Vec<Definition>,
    next_id: u32,
    /// Every clause number ever used in this document: numbers are never reused.
    used: HashSet<String>,
}

impl Doc {
    pub fn name(&self) -> String {
        format!("{} {}", self.kind.word(), self.designator)
    }

    pub fn key(&self) -> String {
        format!(
            "{}-{}",
            self.kind.word().to_ascii_lowercase(),
            self.designator.to_ascii_lowercase()
        )
    }

    pub fn version(&self) -> String {
        format!("{}.{}", self.major, self.minor)
    }

    pub fn is_section_a(&self) -> bool {
        self.kind == DocumentKind::Section && self.designator == "A"
    }

    pub fn heading_line(&self) -> String {
        let sep = match self.kind {
            DocumentKind::Section => ": ",
            DocumentKind::Appendix => " – ",
            DocumentKind::Schedule => " - ",
        };
        format!("# {}{sep}{}", self.name(), self.title)
    }

    fn id(&mut self) -> u32 {
        self.next_id += 1;
        self.next_id
    }

    fn label(&self, part: u32) -> String {
        match self.kind {
            DocumentKind::Section => format!("{}{part}", self.designator),
            _ => part.to_string(),
        }
    }

    fn number(&self, part: u32, n: u32) -> String {
        format!("{}.{n}", self.label(part))
    }

    /// The structure of a new document: parts, clause numbers, which clauses are core and
    /// which have sub-clauses. The text is written by [`Doc::fill`], once every document
    /// of the release has a structure to cite.
    pub fn skeleton(rng: &mut Rng, spec: &DocSpec, clauses: usize, release: usize) -> Doc {
        let mut doc = Doc {
            kind: spec.kind,
            designator: spec.designator.to_string(),
            title: spec.title.to_string(),
            major: 1,
            minor: 0,
            rows: Vec::new(),
            parts: Vec::new(),
            definitions: Vec::new(),
            next_id: FIRST_FREE_ID,
            used: HashSet::new(),
        };
        let clauses = clauses.max(6);
        // At most 40 parts numbered at most 80: the grammar reads two-digit parts, and
        // parts 90 to 99 stay free for citations that must not resolve.
        let parts = (clauses / 12).clamp(2, 40);
        let mut titles: Vec<&str> = PART_TITLES.to_vec();
        rng.shuffle(&mut titles);
        let mut part_no = 0;
        for p in 0..parts {
            part_no += if p == 0 || rng.chance(85) { 1 } else { 2 };
            let count = (clauses / parts).max(3);
            let title = if doc.is_section_a() {
                ["Definitions", "Interpretation", "Construction", "Notices"]
                    .get(p)
                    .copied()
                    .unwrap_or(titles[p % titles.len()])
                    .to_string()
            } else {
                titles[p % titles.len()].to_string()
            };
            let id = doc.id();
            let mut part = Part {
                id,
                number: part_no,
                title,
                clauses: Vec::new(),
                next_no: 1,
            };
            for i in 0..count {
                let number = doc.number(part_no, part.next_no);
                part.next_no += 1;
                let core = i < 2 || rng.chance(30);
                let fixed = doc.kind != DocumentKind::Section && p == 0 && i == 0;
                let subs = if !doc.is_section_a() && !fixed && rng.chance(20) {
                    rng.range(2, 4) as u8
                } else {
                    0
                };
                doc.used.insert(number.clone());
                let id = doc.id();
                part.clauses.push(Clause {
                    id,
                    number,
                    text: String::new(),
                    core,
                    timing: None,
                    subs,
                    born: release,
                    defines: None,
                    uses: Vec::new(),
                });
            }
            doc.parts.push(part);
        }
        doc
    }

    /// What other documents may cite in this one.
    pub fn citable(&self) -> Citable {
        let mut core = Vec::new();
        let mut parts = Vec::new();
        for part in &self.parts {
            let mut any = false;
            for c in &part.clauses {
                if c.core {
                    any = true;
                    let n = c.number.rsplit('.').next().and_then(|n| n.parse().ok());
                    core.push(CoreClause {
                        number: c.number.clone(),
                        part: part.number,
                        n: n.unwrap_or(1),
                        subs: c.subs,
                    });
                }
            }
            if any {
                parts.push((part.number, part.title.clone()));
            }
        }
        Citable {
            kind: self.kind,
            designator: self.designator.clone(),
            title: self.title.clone(),
            core,
            parts,
        }
    }

    /// Core clauses whose text is still to be written and has no sub-clauses: they may
    /// define or use a term. (The first paragraph of an Appendix or Schedule has a fixed
    /// text.)
    pub fn open_core(&mut self) -> Vec<&mut Clause> {
        let fixed_first = self.kind != DocumentKind::Section;
        self.parts
            .iter_mut()
            .enumerate()
            .flat_map(|(pi, p)| {
                p.clauses
                    .iter_mut()
                    .enumerate()
                    .filter(move |(ci, _)| !(fixed_first && pi == 0 && *ci == 0))
                    .map(|(_, c)| c)
            })
            .filter(|c| c.core && c.subs == 0 && c.text.is_empty() && c.defines.is_none())
            .collect()
    }

    /// Writes the text of every clause that has none yet.
    pub fn fill(&mut self, rng: &mut Rng, docs: &[Citable], avail: &[usize]) {
        let section_a = self.is_section_a();
        let title = self.title.clone();
        let kind = self.kind;
        for (pi, part) in self.parts.iter_mut().enumerate() {
            for (ci, c) in part.clauses.iter_mut().enumerate() {
                if !c.text.is_empty() {
                    continue;
                }
                if section_a && pi == 0 && ci == 0 {
                    c.text = format!(
                        "{} In this Code, except where the context otherwise requires, each expression shown in bold below has the meaning given to it alongside that expression.\n",
                        c.number
                    );
                } else if section_a && pi == 0 && ci == 1 {
                    c.text = format!(
                        "{} Where an expression defined in Section A1.1 is used in a SEC Subsidiary Document, it has the same meaning in that document unless the document expressly provides otherwise.\n",
                        c.number
                    );
                } else if kind != DocumentKind::Section && pi == 0 && ci == 0 {
                    c.text = format!(
                        "{} This document is the {title}, and the obligations in it are obligations under this Code.\n",
                        c.number
                    );
                } else {
                    let (text, timing) = clause_text(rng, c, docs, avail);
                    c.text = text;
                    c.timing = timing;
                }
            }
        }
    }

    /// The document as blocks, in order.
    pub fn render(&self) -> Vec<Block> {
        let mut out = Vec::with_capacity(self.rows.len() + 8 + self.parts.len() * 12);
        let block = |id: u32, text: String| Block {
            id,
            text,
            stable: false,
        };
        out.push(block(HEADING_ID, format!("{}\n\n", self.heading_line())));
        out.push(block(
            TABLE_HEADER_ID,
            "| Version | Implementation Date | Reason for Change | Overview of Modifications |\n|---|---|---|---|\n".into(),
        ));
        for r in &self.rows {
            out.push(block(r.id, format!("{}\n", r.text)));
        }
        out.push(block(TABLE_END_ID, "\n".into()));
        let section_a = self.is_section_a();
        for (pi, part) in self.parts.iter().enumerate() {
            out.push(block(
                part.id,
                format!("## {} {}\n\n", self.label(part.number), part.title),
            ));
            for (ci, c) in part.clauses.iter().enumerate() {
                let mut text = String::with_capacity(c.text.len() + 1);
                text.push_str(&c.text);
                text.push('\n');
                let stable = c.core
                    && !section_a
                    && c.subs == 0
                    && c.text.ends_with(".\n")
                    && c.text.find('\n') == Some(c.text.len() - 1);
                out.push(Block {
                    id: c.id,
                    text,
                    stable,
                });
                if section_a && pi == 0 && ci == 0 {
                    for d in &self.definitions {
                        out.push(block(d.id, format!("{}\n\n", d.text)));
                    }
                }
            }
        }
        out
    }

    /// Adds a version-control row for the current version.
    pub fn push_row(&mut self, date: &str, reason: &str, overview: &str) {
        let id = self.id();
        let version = self.version();
        self.rows.push(Row {
            id,
            text: format!("| {version} | {date} | {reason} | {overview} |"),
            version,
        });
    }

    /// Moves to the next version: usually a minor step, sometimes a major one.
    pub fn bump(&mut self, rng: &mut Rng) {
        if rng.chance(15) {
            self.major += 1;
            self.minor = 0;
        } else {
            self.minor += 1;
        }
    }

    /// Section A: adds a definition, keeping the list alphabetical.
    pub fn define(&mut self, term: &str, text: String) {
        let id = self.id();
        let at = self
            .definitions
            .partition_point(|d| d.term.to_lowercase() < term.to_lowercase());
        self.definitions.insert(
            at,
            Definition {
                id,
                term: term.to_string(),
                text,
            },
        );
    }

    /// One release's edits to free clauses: rewording, insertion, deletion,
    /// renumbering. Returns the clause numbers that no longer exist.
    pub fn edit(
        &mut self,
        rng: &mut Rng,
        docs: &[Citable],
        avail: &[usize],
        release: usize,
    ) -> Vec<Vanished> {
        let mut vanished = Vec::new();
        let ops = rng.range(1, 4);
        let mut done = 0;
        let mut tries = 0;
        while done < ops && tries < 40 {
            tries += 1;
            let ok = match rng.below(10) {
                0..=3 => self.reword(rng),
                4 => self.extend(rng),
                5 | 6 => self.insert(rng, docs, avail, release),
                7 => self.delete(rng, &mut vanished),
                _ => self.renumber(rng, &mut vanished),
            };
            if ok {
                done += 1;
            }
        }
        vanished
    }

    fn free_positions(&self, want: impl Fn(&Clause) -> bool) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (pi, p) in self.parts.iter().enumerate() {
            for (ci, c) in p.clauses.iter().enumerate() {
                if !c.core && !c.text.is_empty() && want(c) {
                    out.push((pi, ci));
                }
            }
        }
        out
    }

    fn reword(&mut self, rng: &mut Rng) -> bool {
        let at = self.free_positions(|c| c.timing.is_some());
        if at.is_empty() {
            return false;
        }
        let (pi, ci) = *rng.pick(&at);
        let c = &mut self.parts[pi].clauses[ci];
        let old = c.timing.expect("filtered") as usize;
        let mut new = rng.below(TIMINGS.len() - 1);
        if new >= old {
            new += 1;
        }
        c.text = c.text.replacen(TIMINGS[old], TIMINGS[new], 1);
        c.timing = Some(new as u8);
        true
    }

    fn extend(&mut self, rng: &mut Rng) -> bool {
        let at = self.free_positions(|c| c.subs == 0 && c.text.len() < 900);
        if at.is_empty() {
            return false;
        }
        let (pi, ci) = *rng.pick(&at);
        let c = &mut self.parts[pi].clauses[ci];
        let extra = rng.pick(EXTRAS);
        if c.text.contains(extra) {
            return false;
        }
        c.text.pop();
        c.text.push(' ');
        c.text.push_str(extra);
        c.text.push('\n');
        true
    }

    fn insert(&mut self, rng: &mut Rng, docs: &[Citable], avail: &[usize], release: usize) -> bool {
        let pi = rng.below(self.parts.len());
        let part_no = self.parts[pi].number;
        let (ci, number) = if self.kind == DocumentKind::Section && rng.chance(40) {
            // An inserted clause takes a letter after the clause it follows: H8.16A.
            let ci = rng.below(self.parts[pi].clauses.len());
            let base = &self.parts[pi].clauses[ci].number;
            if base.ends_with(|c: char| c.is_ascii_uppercase()) {
                return false;
            }
            let Some(number) = ["A", "B", "C", "D"]
                .iter()
                .map(|s| format!("{base}{s}"))
                .find(|n| !self.used.contains(n))
            else {
                return false;
            };
            // After the clause and any lettered clauses already following it.
            let mut at = ci + 1;
            while at < self.parts[pi].clauses.len()
                && self.parts[pi].clauses[at].number.starts_with(base.as_str())
                && self.parts[pi].clauses[at].number.len() == base.len() + 1
            {
                at += 1;
            }
            (at, number)
        } else {
            let n = self.parts[pi].next_no;
            self.parts[pi].next_no += 1;
            (self.parts[pi].clauses.len(), self.number(part_no, n))
        };
        self.used.insert(number.clone());
        let id = self.id();
        let mut c = Clause {
            id,
            number,
            text: String::new(),
            core: false,
            timing: None,
            subs: if rng.chance(15) { 2 } else { 0 },
            born: release,
            defines: None,
            uses: Vec::new(),
        };
        let (text, timing) = clause_text(rng, &c, docs, avail);
        c.text = text;
        c.timing = timing;
        self.parts[pi].clauses.insert(ci, c);
        true
    }

    fn delete(&mut self, rng: &mut Rng, vanished: &mut Vec<Vanished>) -> bool {
        let at = self.free_positions(|_| true);
        if at.is_empty() {
            return false;
        }
        let (pi, ci) = *rng.pick(&at);
        let c = self.parts[pi].clauses.remove(ci);
        vanished.push(Vanished {
            number: c.number,
            born: c.born,
        });
        true
    }

    /// Deletes a free clause and gives its number to the free clause after it, as a
    /// drafter closing the gap would: the second clause's old number disappears.
    fn renumber(&mut self, rng: &mut Rng, vanished: &mut Vec<Vanished>) -> bool {
        let at = self.free_positions(|_| true);
        let ok: Vec<(usize, usize)> = at
            .into_iter()
            .filter(|&(pi, ci)| {
                self.parts[pi].clauses.get(ci + 1).is_some_and(|n| {
                    !n.core
                        && !n.number.ends_with(|c: char| c.is_ascii_uppercase())
                        && !self.parts[pi].clauses[ci]
                            .number
                            .ends_with(|c: char| c.is_ascii_uppercase())
                })
            })
            .collect();
        if ok.is_empty() {
            return false;
        }
        let (pi, ci) = *rng.pick(&ok);
        let gone = self.parts[pi].clauses.remove(ci);
        let next = &mut self.parts[pi].clauses[ci];
        vanished.push(Vanished {
            number: next.number.clone(),
            born: next.born,
        });
        next.text = format!("{}{}", gone.number, &next.text[next.number.len()..]);
        next.number = gone.number;
        next.born = gone.born;
        true
    }
}

/// The text of one clause: its number, a sentence with a timing phrase and often a
/// citation, or a list of sub-clauses; a defined term where it defines or uses one.
fn clause_text(
    rng: &mut Rng,
    c: &Clause,
    docs: &[Citable],
    avail: &[usize],
) -> (String, Option<u8>) {
    let subject = rng.pick(SUBJECTS);
    let timing = rng.below(TIMINGS.len());
    let mut s = String::with_capacity(320);
    s.push_str(&c.number);
    s.push(' ');
    if let Some(term) = &c.defines {
        s.push_str(&format!(
            "{subject} shall establish and keep a record (the **{term}**) of {} and shall update it {}.",
            rng.pick(OBJECTS),
            TIMINGS[timing]
        ));
    } else if c.subs > 0 {
        s.push_str(&format!("{subject} shall ensure that:\n"));
        for i in 0..c.subs {
            let letter = (b'a' + i) as char;
            let end = if i + 1 == c.subs { "." } else { ";" };
            let cite = if rng.chance(35) && !avail.is_empty() {
                format!(" in accordance with {}", citation(rng, docs, avail, false))
            } else {
                String::new()
            };
            s.push_str(&format!(
                "({letter}) the DCC reviews {} {}{cite}{end}\n",
                rng.pick(OBJECTS),
                rng.pick(TIMINGS)
            ));
        }
        return (s, None);
    } else {
        s.push_str(&format!(
            "{subject} {} {} {}",
            rng.pick(VERBS),
            rng.pick(OBJECTS),
            TIMINGS[timing]
        ));
        if !avail.is_empty() {
            match rng.below(10) {
                0..=2 => {
                    s.push_str(" in accordance with ");
                    s.push_str(&citation(rng, docs, avail, true));
                }
                3 => {
                    s.push_str(", subject to ");
                    s.push_str(&citation(rng, docs, avail, true));
                }
                4 | 5 => {
                    s.push_str(" as described in ");
                    s.push_str(&citation(rng, docs, avail, true));
                }
                6 => {
                    s.push_str(" for each ");
                    s.push_str(decoy(rng));
                    s.push_str(" message");
                }
                _ => {}
            }
        }
        s.push('.');
    }
    for term in &c.uses {
        s.push_str(&format!(
            " {} shall have regard to the {term} when doing so.",
            rng.pick(SUBJECTS)
        ));
    }
    if rng.chance(25) {
        s.push(' ');
        s.push_str(EXTRAS[rng.below(EXTRAS.len())]);
    }
    s.push('\n');
    (s, Some(timing as u8))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Doc {
        let mut rng = Rng::new(3);
        let spec = &CATALOGUE[7]; // Section H
        let mut d = Doc::skeleton(&mut rng, spec, 30, 0);
        let cites = vec![d.citable()];
        d.fill(&mut rng, &cites, &[0]);
        d.push_row("2020-01-01", "Designation", "First publication");
        d
    }

    #[test]
    fn core_clauses_survive_every_edit() {
        let mut rng = Rng::new(9);
        let mut d = doc();
        let before: Vec<String> = d.citable().core.iter().map(|c| c.number.clone()).collect();
        let texts: Vec<String> = d
            .parts
            .iter()
            .flat_map(|p| p.clauses.iter().filter(|c| c.core).map(|c| c.text.clone()))
            .collect();
        let cites = vec![d.citable()];
        for r in 1..50 {
            for v in d.edit(&mut rng, &cites, &[0], r) {
                assert!(!before.contains(&v.number), "core {} vanished", v.number);
            }
        }
        let after: Vec<String> = d
            .parts
            .iter()
            .flat_map(|p| p.clauses.iter().filter(|c| c.core).map(|c| c.text.clone()))
            .collect();
        assert_eq!(texts, after);
        // Numbers stay unique.
        let mut all: Vec<&String> = d
            .parts
            .iter()
            .flat_map(|p| p.clauses.iter().map(|c| &c.number))
            .collect();
        let n = all.len();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), n);
    }

    #[test]
    fn parts_stay_below_90_whatever_the_size() {
        let mut rng = Rng::new(1);
        for clauses in [6, 100, 1000, 5000] {
            let d = Doc::skeleton(&mut rng, &CATALOGUE[7], clauses, 0);
            let max = d.parts.iter().map(|p| p.number).max().unwrap();
            assert!(max < 90, "{clauses} clauses: part {max}");
        }
    }

    #[test]
    fn rendered_text_parses_back_to_its_clauses() {
        let d = doc();
        let text: String = d.render().into_iter().map(|b| b.text).collect();
        let parsed = crate::parse::parse_document(
            &text,
            true,
            crate::names::DocumentId::from_key("section-h").as_ref(),
        );
        assert_eq!(parsed.heading.unwrap().title, "DCC Services");
        for p in &d.parts {
            for c in &p.clauses {
                assert!(
                    parsed.clauses.iter().any(|x| x.number == c.number),
                    "{} missing",
                    c.number
                );
            }
        }
        assert!(parsed.version_table.is_some());
    }
}
