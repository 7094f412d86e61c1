//! DEF defects: one version of Section A defines a term twice, points a definition at the
//! wrong clause, or defines a term nothing uses. Each works on a definition of the first
//! release ([`Index::terms`](crate::generate::index::Index)), a whole line of every
//! version of Section A that every redline shows unchanged, and changes the redlines of
//! that version and the next to match.

use super::{Ctx, Planter, in_version};

/// Inserts `line` after the definition line `anchor` in version `vi` of Section A (the
/// finding is on it), as an insertion in its redline and a deletion in the next one. The
/// marks go at the end of the anchor's line, so the blank line after it stays unmarked.
fn add_line(ctx: &mut Ctx, vi: usize, anchor: &str, line: &str) {
    let versions = &ctx.index.docs[0].versions;
    let path = versions[vi].path.clone();
    let this_redline = versions[vi].redline.clone();
    let next_redline = versions.get(vi + 1).and_then(|v| v.redline.clone());
    ctx.insert_line_after(&path, anchor, line);
    if let Some(r) = this_redline {
        ctx.replace_line(&r, anchor, &format!("{anchor}{{++\n{line}++}}"), false);
    }
    if let Some(r) = next_redline {
        ctx.replace_line(&r, anchor, &format!("{anchor}{{--\n{line}--}}"), false);
    }
}

/// A random version of Section A and a definition of the first release, claimed for an
/// edit of its line (plus `shared` and `exclusive`); returns (version index, term index).
fn pick(ctx: &mut Ctx, shared: &[String], exclusive: &[String]) -> Option<(usize, usize)> {
    let index = ctx.index;
    let a = index.docs.first()?;
    if !a.is_section_a() || a.versions.is_empty() || index.terms.is_empty() {
        return None;
    }
    let vi = ctx.rng.below(a.versions.len());
    let t = ctx.rng.below(index.terms.len());
    let mut s = in_version(0, &a.versions[vi].path);
    s.extend_from_slice(shared);
    let mut e = ctx.line_keys(0, vi, &index.terms[t].line);
    e.extend_from_slice(exclusive);
    ctx.claim(&s, &e).then_some((vi, t))
}

/// DEF001: a second definition of a term, right after the first, with another meaning.
pub const DEF001: Planter = Planter {
    code: "DEF001",
    plant: |ctx| {
        let Some((vi, t)) = pick(ctx, &[], &[]) else {
            return false;
        };
        let term = &ctx.index.terms[t];
        let dup = format!(
            "**{}** means the arrangements of that name approved by the Panel from time to time.",
            term.term
        );
        add_line(ctx, vi, &term.line.clone(), &dup);
        true
    },
};

/// DEF002: a "has the meaning given … in Section H8.16" definition pointed at a clause
/// that does not exist, or at another clause of the same Section, which never mentions
/// the term.
pub const DEF002: Planter = Planter {
    code: "DEF002",
    plant: |ctx| {
        let index = ctx.index;
        let given: Vec<usize> = (0..index.terms.len())
            .filter(|&t| index.terms[t].given_in.is_some())
            .collect();
        if given.is_empty() {
            return false;
        }
        let t = *ctx.rng.pick(&given);
        let term = &index.terms[t];
        let (s, number) = term.given_in.clone().expect("filtered");
        let d = &index.docs[s];
        let others: Vec<&str> = d
            .core
            .iter()
            .filter(|c| c.number != number && c.subs == 0)
            .map(|c| c.number.as_str())
            .collect();
        let wrong = if !others.is_empty() && ctx.rng.chance(50) {
            // Another core clause: core clauses never change, so one version tells.
            let other = *ctx.rng.pick(&others);
            let Some(v) = d.versions.first() else {
                return false;
            };
            let Ok(text) = ctx.read(&v.path) else {
                return false;
            };
            let prefix = format!("{other} ");
            let Some(line) = text.lines().find(|l| l.starts_with(&prefix)) else {
                return false;
            };
            // The term without its last letter: plurals and "-ies" forms count as uses.
            let cut = term.term.char_indices().last().map_or(0, |(i, _)| i);
            let stem = term.term[..cut].to_lowercase();
            if line.to_lowercase().contains(&stem) {
                return false;
            }
            other.to_string()
        } else {
            // Parts 90 and above are never written.
            format!(
                "{}{}.{}",
                d.designator,
                ctx.rng.range(90, 99),
                ctx.rng.range(1, 20)
            )
        };
        let old = term.line.clone();
        let new = old.replacen(
            &format!("in Section {number}."),
            &format!("in Section {wrong}."),
            1,
        );
        if new == old {
            return false;
        }
        let a = &index.docs[0];
        let vi = ctx.rng.below(a.versions.len());
        let mut shared = in_version(0, &a.versions[vi].path);
        // LOG001 would delete a version of the cited Section.
        shared.push(format!("doc:{s}"));
        let exclusive = ctx.line_keys(0, vi, &old);
        if !ctx.claim(&shared, &exclusive) {
            return false;
        }
        ctx.edit_version_line(0, vi, &old, &new);
        true
    },
};

/// Words no generated text uses, for terms nothing uses.
const UNUSED_HEADS: &[&str] = &[
    "Dormant",
    "Orphaned",
    "Provisional",
    "Residual",
    "Standby",
    "Surplus",
    "Deferred",
    "Lapsed",
];
const UNUSED_MIDS: &[&str] = &[
    "Pairing",
    "Handover",
    "Escrow",
    "Reserve",
    "Quarantine",
    "Contingency",
];
const UNUSED_TAILS: &[&str] = &["Ledger", "Roster"];

/// DEF003: one version of Section A defines a term that no document uses, in its
/// alphabetical place among the first release's definitions.
pub const DEF003: Planter = Planter {
    code: "DEF003",
    plant: |ctx| {
        let index = ctx.index;
        let term = format!(
            "{} {} {}",
            ctx.rng.pick(UNUSED_HEADS),
            ctx.rng.pick(UNUSED_MIDS),
            ctx.rng.pick(UNUSED_TAILS)
        );
        let key = term.to_lowercase();
        let Some(before) = index
            .terms
            .iter()
            .filter(|t| t.term.to_lowercase() < key)
            .max_by_key(|t| t.term.to_lowercase())
        else {
            return false;
        };
        let a = &index.docs[0];
        if a.versions.is_empty() {
            return false;
        }
        let vi = ctx.rng.below(a.versions.len());
        let mut exclusive = ctx.line_keys(0, vi, &before.line);
        // Each term once: a term defined in two versions is reported once.
        exclusive.push(format!("term:{key}"));
        if !ctx.claim(&in_version(0, &a.versions[vi].path), &exclusive) {
            return false;
        }
        let line = format!(
            "**{term}** means the record of that name kept by the DCC for the purposes of this Code."
        );
        add_line(ctx, vi, &before.line.clone(), &line);
        true
    },
};

/// DEF004: a "means the SEC Subsidiary Document of that name set out in Appendix X"
/// definition pointed at another document, in effect wherever this version of Section A
/// is, whose title is not the term.
pub const DEF004: Planter = Planter {
    code: "DEF004",
    plant: |ctx| {
        let index = ctx.index;
        let named: Vec<usize> = (0..index.terms.len())
            .filter(|&t| index.terms[t].line.contains(" of that name set out in "))
            .collect();
        let a = &index.docs[0];
        if named.is_empty() || !a.is_section_a() || a.versions.is_empty() {
            return false;
        }
        let term = &index.terms[*ctx.rng.pick(&named)];
        let vi = ctx.rng.below(a.versions.len());
        let first = a.versions[vi].first;
        let others: Vec<usize> = (1..index.docs.len())
            .filter(|&t| {
                let d = &index.docs[t];
                d.designated <= first
                    && crate::title::fold(&d.title) != crate::title::fold(&term.term)
            })
            .collect();
        if others.is_empty() {
            return false;
        }
        let t = *ctx.rng.pick(&others);
        let Some((head, _)) = term.line.rsplit_once(" set out in ") else {
            return false;
        };
        let old = term.line.clone();
        let new = format!("{head} set out in {}.", index.docs[t].name());
        let mut shared = in_version(0, &a.versions[vi].path);
        shared.push(format!("doc:{t}"));
        let exclusive = ctx.line_keys(0, vi, &old);
        if !ctx.claim(&shared, &exclusive) {
            return false;
        }
        ctx.edit_version_line(0, vi, &old, &new);
        true
    },
};

/// Two capitalised words for each letter an acronym may be built from: an acronym's
/// second meaning swaps one word for the other of its letter. No word is a small word,
/// a document name ("Section", "Schedule") or a verb the citation grammar reads.
const ACRONYM_WORDS: &[(u8, [&str; 2])] = &[
    (b'A', ["Access", "Assurance"]),
    (b'B', ["Billing", "Balancing"]),
    (b'C', ["Control", "Capacity"]),
    (b'D', ["Data", "Delivery"]),
    (b'E', ["Exchange", "Energy"]),
    (b'F', ["Forecast", "Flow"]),
    (b'G', ["Gateway", "Grid"]),
    (b'H', ["Hub", "Handling"]),
    (b'I', ["Interface", "Incident"]),
    (b'K', ["Key", "Keeper"]),
    (b'L', ["Load", "Ledger"]),
    (b'M', ["Meter", "Monitoring"]),
    (b'N', ["Network", "Notice"]),
    (b'O', ["Operation", "Order"]),
    (b'P', ["Payment", "Procedure"]),
    (b'Q', ["Quality", "Query"]),
    (b'R', ["Record", "Review"]),
    (b'S', ["Supply", "Signal"]),
    (b'T', ["Tariff", "Testing"]),
    (b'U', ["Usage", "Update"]),
    (b'V', ["Validity", "Verification"]),
    (b'W', ["Window", "Workflow"]),
];

/// A three-letter acronym no other planted defect uses (claimed), with the word pair of
/// each letter; `None` when the drawn acronym is taken.
fn fresh_acronym(ctx: &mut Ctx) -> Option<(String, [[&'static str; 2]; 3])> {
    let mut picks = [0usize; 3];
    for p in &mut picks {
        *p = ctx.rng.below(ACRONYM_WORDS.len());
    }
    let acronym: String = picks.iter().map(|&p| ACRONYM_WORDS[p].0 as char).collect();
    ctx.claim(&[], &[format!("acronym:{acronym}")])
        .then(|| (acronym, picks.map(|p| ACRONYM_WORDS[p].1)))
}

/// DEF005: a core clause of one version spells an acronym out twice, with two meanings
/// (one word differs). Both expansions are on the line; the second is reported.
pub const DEF005: Planter = Planter {
    code: "DEF005",
    plant: |ctx| {
        super::reference::site(ctx, |ctx, _, _| {
            let (acronym, words) = fresh_acronym(ctx)?;
            let swap = ctx.rng.below(3);
            let first: Vec<&str> = words.iter().map(|w| w[0]).collect();
            let second: Vec<&str> = (0..3).map(|k| words[k][usize::from(k == swap)]).collect();
            Some((
                format!(
                    "Each {} ({acronym}) is recorded apart from each {} ({acronym}).",
                    first.join(" "),
                    second.join(" ")
                ),
                Vec::new(),
            ))
        })
    },
};

/// DEF006: a core clause of one version spells an acronym out twice with the same words,
/// the second time in lower case after the first word. The second is reported.
pub const DEF006: Planter = Planter {
    code: "DEF006",
    plant: |ctx| {
        super::reference::site(ctx, |ctx, _, _| {
            let (acronym, words) = fresh_acronym(ctx)?;
            let first: Vec<&str> = words.iter().map(|w| w[0]).collect();
            let lower: Vec<String> = first
                .iter()
                .enumerate()
                .map(|(k, w)| {
                    if k == 0 {
                        w.to_string()
                    } else {
                        w.to_lowercase()
                    }
                })
                .collect();
            Some((
                format!(
                    "Each {} ({acronym}) is listed with the {} ({acronym}) it replaces.",
                    first.join(" "),
                    lower.join(" ")
                ),
                Vec::new(),
            ))
        })
    },
};
