//! Citations of every form the reference grammar (`parse::references`) reads, built only
//! from what exists: a document that is in effect, a clause that every version of it
//! keeps (a *core* clause), a part that holds core clauses. A clean corpus therefore
//! resolves every citation it writes, at every release.

use super::prose::NOT_CLAUSES;
use super::rng::Rng;
use crate::names::DocumentKind;

/// A clause that every version of its document keeps: it is never reworded, renumbered
/// or deleted, so it can be cited from anywhere at any time.
#[derive(Clone, Debug)]
pub struct CoreClause {
    /// As cited: `H8.16` in a Section, `3.2` in an Appendix or Schedule.
    pub number: String,
    pub part: u32,
    pub n: u32,
    /// How many sub-clauses `(a)`, `(b)`, … it has.
    pub subs: u8,
}

/// What one document offers to citations.
#[derive(Clone, Debug)]
pub struct Citable {
    pub kind: DocumentKind,
    pub designator: String,
    pub title: String,
    pub core: Vec<CoreClause>,
    /// Parts holding core clauses, with their titles.
    pub parts: Vec<(u32, String)>,
}

impl Citable {
    pub fn name(&self) -> String {
        format!("{} {}", self.kind.word(), self.designator)
    }

    fn clauses_in(&self, part: u32) -> Vec<&CoreClause> {
        self.core.iter().filter(|c| c.part == part).collect()
    }

    /// Letters, for lists of Sections and Appendices.
    fn is_section(&self) -> bool {
        self.kind == DocumentKind::Section
    }
}

/// A citation of something in effect, as prose: "Section H8.16", "paragraph 3.2 of
/// Appendix AC", "Appendix AT ‘…’". `at_end` says the citation ends a sentence, where a
/// dash title may close it. `avail` indexes `docs`: the documents that may be cited.
pub fn citation(rng: &mut Rng, docs: &[Citable], avail: &[usize], at_end: bool) -> String {
    for _ in 0..8 {
        if let Some(s) = try_form(rng, docs, avail, at_end) {
            return s;
        }
    }
    let d = &docs[*rng.pick(avail)];
    d.name()
}

fn pick_kind<'a>(
    rng: &mut Rng,
    docs: &'a [Citable],
    avail: &[usize],
    want: impl Fn(&Citable) -> bool,
) -> Option<&'a Citable> {
    let c: Vec<&Citable> = avail
        .iter()
        .map(|&i| &docs[i])
        .filter(|d| want(d))
        .collect();
    (!c.is_empty()).then(|| c[rng.below(c.len())])
}

fn quoted(rng: &mut Rng, title: &str) -> String {
    match rng.below(4) {
        0 => format!("“{title}”"),
        1 => format!("\"{title}\""),
        _ => format!("‘{title}’"),
    }
}

fn try_form(rng: &mut Rng, docs: &[Citable], avail: &[usize], at_end: bool) -> Option<String> {
    let section = |d: &Citable| d.is_section() && !d.core.is_empty();
    let other = |d: &Citable| !d.is_section() && !d.core.is_empty();
    Some(match rng.below(22) {
        // Section H8.16, SEC Section X5.4
        0..=2 => {
            let s = pick_kind(rng, docs, avail, section)?;
            let c = rng.pick(&s.core);
            let sec = if rng.chance(25) { "SEC " } else { "" };
            format!("{sec}Section {}", c.number)
        }
        // Section J1.2(b)
        3 => {
            let s = pick_kind(rng, docs, avail, |d| {
                section(d) && d.core.iter().any(|c| c.subs > 0)
            })?;
            let with: Vec<&CoreClause> = s.core.iter().filter(|c| c.subs > 0).collect();
            let c = with[rng.below(with.len())];
            let sub = (b'a' + rng.below(c.subs as usize) as u8) as char;
            format!("Section {}({sub})", c.number)
        }
        // Sections H10.9 to H10.13, Sections H10.9-H10.12, Section H10.9 – H10.13
        4 | 5 => {
            let s = pick_kind(rng, docs, avail, section)?;
            let (part, _) = rng.pick(&s.parts);
            let cs = s.clauses_in(*part);
            if cs.len() < 2 {
                return None;
            }
            let pick = rng.sample(cs.len(), 2);
            let (a, b) = (cs[pick[0]], cs[pick[1]]);
            match rng.below(3) {
                0 => format!("Sections {} to {}", a.number, b.number),
                1 => format!("Sections {}-{}", a.number, b.number),
                _ => format!("Section {} – {}", a.number, b.number),
            }
        }
        // Sections H3 and H4
        6 => {
            let s = pick_kind(rng, docs, avail, |d| section(d) && d.parts.len() >= 2)?;
            let pick = rng.sample(s.parts.len(), 2);
            format!(
                "Sections {}{} and {}{}",
                s.designator, s.parts[pick[0]].0, s.designator, s.parts[pick[1]].0
            )
        }
        // Sections H3.1, H3.4 and H5.2
        7 => {
            let s = pick_kind(rng, docs, avail, |d| section(d) && d.core.len() >= 3)?;
            let pick = rng.sample(s.core.len(), 3);
            format!(
                "Sections {}, {} and {}",
                s.core[pick[0]].number, s.core[pick[1]].number, s.core[pick[2]].number
            )
        }
        // Sections A, H and J; Appendices AC and AT; Schedules 8 and 11
        8 => {
            let kind = *rng.pick(&[
                DocumentKind::Section,
                DocumentKind::Appendix,
                DocumentKind::Schedule,
            ]);
            let of: Vec<&Citable> = avail
                .iter()
                .map(|&i| &docs[i])
                .filter(|d| d.kind == kind)
                .collect();
            if of.len() < 2 {
                return None;
            }
            let n = if of.len() >= 3 && rng.chance(50) {
                3
            } else {
                2
            };
            let pick = rng.sample(of.len(), n);
            let names: Vec<&str> = pick.iter().map(|&i| of[i].designator.as_str()).collect();
            let plural = match kind {
                DocumentKind::Section => "Sections",
                DocumentKind::Appendix => "Appendices",
                DocumentKind::Schedule => "Schedules",
            };
            match names.len() {
                2 => format!("{plural} {} and {}", names[0], names[1]),
                _ => format!("{plural} {}, {} and {}", names[0], names[1], names[2]),
            }
        }
        // Appendix AT ‘…’, Section T (Testing During Transition), Appendix AC – …
        9..=11 => {
            let d = &docs[*rng.pick(avail)];
            let dash_ok = at_end && !d.title.contains(',');
            match rng.below(if dash_ok { 4 } else { 3 }) {
                0 | 1 => format!("{} {}", d.name(), quoted(rng, &d.title)),
                2 if !d.title.contains(',') => format!("{} ({})", d.name(), d.title),
                2 => format!("{} ‘{}’", d.name(), d.title),
                _ => format!("{} – {}", d.name(), d.title),
            }
        }
        // Section T3.34 (Additional Interface Testing): the bracket names the clause's part
        12 => {
            let s = pick_kind(rng, docs, avail, section)?;
            let c = rng.pick(&s.core);
            let title = &s.parts.iter().find(|(p, _)| *p == c.part)?.1;
            format!("Section {} ({title})", c.number)
        }
        // SEC Section L ‘…’ 14.8
        13 => {
            let s = pick_kind(rng, docs, avail, section)?;
            let c = rng.pick(&s.core);
            format!(
                "SEC Section {} ‘{}’ {}.{}",
                s.designator, s.title, c.part, c.n
            )
        }
        // paragraph 3.2 of Appendix AC, Appendix AB paragraph 3.4, Section 4.2 of …
        14..=16 => {
            let a = pick_kind(rng, docs, avail, other)?;
            let c = rng.pick(&a.core);
            match rng.below(4) {
                0 => format!("paragraph {} of {}", c.number, a.name()),
                1 => format!("{} paragraph {}", a.name(), c.number),
                2 => format!("Section {} of {}", c.number, a.name()),
                _ => format!("paragraph {} in {}", c.number, a.name()),
            }
        }
        // paragraphs 2.1, 2.3 and 4.1(a) of Schedule 7 ‘…’
        17 => {
            let a = pick_kind(rng, docs, avail, |d| other(d) && d.core.len() >= 2)?;
            let pick = rng.sample(a.core.len(), 2);
            let (x, y) = (&a.core[pick[0]], &a.core[pick[1]]);
            let y_text = if y.subs > 0 {
                format!("{}(a)", y.number)
            } else {
                y.number.clone()
            };
            format!(
                "paragraphs {} and {y_text} of {} {}",
                x.number,
                a.name(),
                quoted(rng, &a.title)
            )
        }
        // Clause 5 of Schedule 11: a part of an Appendix or Schedule
        18 => {
            let a = pick_kind(rng, docs, avail, other)?;
            let (part, _) = rng.pick(&a.parts);
            format!("Clause {part} of {}", a.name())
        }
        // clauses H3.2 and H3.4; a bare H8.16
        19 | 20 => {
            let s = pick_kind(rng, docs, avail, |d| section(d) && d.designator != "V")?;
            if rng.chance(50) && s.core.len() >= 2 {
                let pick = rng.sample(s.core.len(), 2);
                format!(
                    "clauses {} and {}",
                    s.core[pick[0]].number, s.core[pick[1]].number
                )
            } else {
                // Bare: the caller's "in" or "under" comes before it.
                rng.pick(&s.core).number.clone()
            }
        }
        // External instruments: cited in the same words, never resolved.
        _ => rng
            .pick(&[
                "section 88(1) of the Energy Act 2008",
                "Condition 22 of the DCC Licence",
                "Licence Condition 22.33 of the Smart Meter Communications Licence",
                "Condition 13 of the DCC Licence",
                "section 41 of the Energy Act 2008",
            ])
            .to_string(),
    })
}

/// A number that looks like a clause but is not one ("Service Request 12.1").
pub fn decoy(rng: &mut Rng) -> &'static str {
    NOT_CLAUSES[rng.below(NOT_CLAUSES.len())]
}
