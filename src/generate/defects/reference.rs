//! REF defects: a sentence with a bad citation is added to a core clause of one document
//! version (and, in the redlines, introduced by that version and removed by the next).

use super::{Ctx, Planter, in_version};
use crate::generate::documents::NEVER_DESIGNATED;
use crate::generate::index::DocInfo;
use crate::generate::rng::Rng;
use crate::names::DocumentKind;

/// Appends a sentence to a random core-clause line of a random version (not Section
/// A's). `pick` writes the sentence for (doc, version index) and names the documents it
/// depends on, which are claimed shared; the line is claimed exclusively. Returns whether
/// the edit was queued.
pub(super) fn site(
    ctx: &mut Ctx,
    pick: impl Fn(&mut Ctx, usize, usize) -> Option<(String, Vec<usize>)>,
) -> bool {
    let Some((i, vi)) = ctx.random_version(false) else {
        return false;
    };
    let v = &ctx.index.docs[i].versions[vi];
    if v.stable.is_empty() {
        return false;
    }
    let (_, line) = ctx.rng.pick(&v.stable).clone();
    let Some((sentence, targets)) = pick(ctx, i, vi) else {
        return false;
    };
    let mut shared = in_version(i, &v.path);
    shared.extend(targets.iter().map(|t| format!("doc:{t}")));
    let exclusive = ctx.line_keys(i, vi, &line);
    if !ctx.claim(&shared, &exclusive) {
        return false;
    }
    let new = format!("{line} {sentence}");
    ctx.edit_version_line(i, vi, &line, &new);
    true
}

/// Documents in effect at every release where version `vi` of `doc` is.
fn in_effect_throughout(ctx: &Ctx, doc: usize, vi: usize) -> Vec<usize> {
    let first = ctx.index.docs[doc].versions[vi].first;
    (0..ctx.index.docs.len())
        .filter(|&t| ctx.index.docs[t].designated <= first)
        .collect()
}

fn para_of(t: &DocInfo, number: &str) -> String {
    match t.kind {
        DocumentKind::Section => format!("Section {number}"),
        _ => format!("paragraph {number} of {}", t.name()),
    }
}

/// REF001: a document not in effect at some release of the citing version.
pub const REF001: Planter = Planter {
    code: "REF001",
    plant: |ctx| {
        site(ctx, |ctx, i, vi| {
            let first = ctx.index.docs[i].versions[vi].first;
            let later: Vec<usize> = (0..ctx.index.docs.len())
                .filter(|&t| {
                    let d = ctx.index.docs[t].designated;
                    d != usize::MAX && d > first
                })
                .collect();
            if !later.is_empty() && ctx.rng.chance(60) {
                let t = *ctx.rng.pick(&later);
                let name = ctx.index.docs[t].name();
                Some((format!("The DCC shall also comply with {name}."), vec![t]))
            } else {
                let (kind, des) = *ctx.rng.pick(NEVER_DESIGNATED);
                Some((
                    format!("The DCC shall also comply with {} {des}.", kind.word()),
                    vec![],
                ))
            }
        })
    },
};

/// REF002: a clause that no version of the cited document has.
pub const REF002: Planter = Planter {
    code: "REF002",
    plant: |ctx| {
        site(ctx, |ctx, i, vi| {
            let targets = in_effect_throughout(ctx, i, vi);
            let t = *ctx.rng.pick(&targets);
            let d = &ctx.index.docs[t];
            // Parts 90 and above are never written.
            let (p, n) = (ctx.rng.range(90, 99), ctx.rng.range(1, 40));
            let number = match d.kind {
                DocumentKind::Section => format!("{}{p}.{n}", d.designator),
                _ => format!("{p}.{n}"),
            };
            Some((
                format!("The DCC shall also comply with {}.", para_of(d, &number)),
                vec![t],
            ))
        })
    },
};

/// REF004: a clause the cited document's new version deleted at the last release where
/// the citing version is in effect.
pub const REF004: Planter = Planter {
    code: "REF004",
    plant: |ctx| {
        let index = ctx.index;
        if index.vanished.is_empty() {
            return false;
        }
        let ev = &index.vanished[ctx.rng.below(index.vanished.len())];
        if ev.born >= ev.at {
            return false;
        }
        // Versions in effect from no earlier than the clause's birth up to its deletion.
        let mut fits: Vec<(usize, usize)> = Vec::new();
        for (i, d) in index.docs.iter().enumerate() {
            if i == ev.doc || d.is_section_a() {
                continue;
            }
            for (vi, v) in d.versions.iter().enumerate() {
                if v.last == ev.at && v.first >= ev.born && !v.stable.is_empty() {
                    fits.push((i, vi));
                }
            }
        }
        if fits.is_empty() {
            return false;
        }
        let (i, vi) = *ctx.rng.pick(&fits);
        let v = &index.docs[i].versions[vi];
        let (_, line) = ctx.rng.pick(&v.stable).clone();
        let mut shared = in_version(i, &v.path);
        shared.push(format!("doc:{}", ev.doc));
        let exclusive = ctx.line_keys(i, vi, &line);
        if !ctx.claim(&shared, &exclusive) {
            return false;
        }
        let cited = para_of(&index.docs[ev.doc], &ev.number);
        let new = format!("{line} The DCC shall also comply with {cited}.");
        ctx.edit_version_line(i, vi, &line, &new);
        true
    },
};

/// REF005: a range that runs backwards, between two clauses that exist.
pub const REF005: Planter = Planter {
    code: "REF005",
    plant: |ctx| {
        site(ctx, |ctx, i, vi| {
            let targets = in_effect_throughout(ctx, i, vi);
            let t = *ctx.rng.pick(&targets);
            let d = &ctx.index.docs[t];
            let parts: Vec<u32> = d.core.iter().map(|c| c.part).collect();
            let part = *ctx.rng.pick(&parts);
            let cs: Vec<&str> = d
                .core
                .iter()
                .filter(|c| c.part == part)
                .map(|c| c.number.as_str())
                .collect();
            if cs.len() < 2 {
                return None;
            }
            let pick = ctx.rng.sample(cs.len(), 2);
            let (a, b) = (cs[pick[0]], cs[pick[1]]);
            let range = match d.kind {
                DocumentKind::Section => format!("Sections {b} to {a}"),
                _ => format!("paragraphs {b} to {a} of {}", d.name()),
            };
            Some((format!("{range} apply to it as well."), vec![t]))
        })
    },
};

/// REF006: a placeholder left in.
pub const REF006: Planter = Planter {
    code: "REF006",
    plant: |ctx| {
        site(ctx, |ctx, _, _| {
            let p = *ctx.rng.pick(&[
                "Appendix [TBC]",
                "Section [X]",
                "Schedule [TBC]",
                "Appendix [to be designated]",
            ]);
            Some((
                format!("The detailed arrangements are set out in {p}."),
                vec![],
            ))
        })
    },
};

/// A title that is not `title`: shortened by its last word, as titles are cut in
/// practice, or with a word added when it has only one.
pub(super) fn wrong_title(rng: &mut Rng, title: &str) -> String {
    let words: Vec<&str> = title.split(' ').collect();
    if words.len() < 2 || rng.chance(25) {
        return format!("{title} Arrangements");
    }
    let mut keep = &words[..words.len() - 1];
    while let [init @ .., last] = keep
        && !init.is_empty()
        && ["and", "of", "for", "to", "the"].contains(last)
    {
        keep = init;
    }
    keep.join(" ").trim_end_matches(',').to_string()
}

/// REF003: a document cited under a title that is not its title.
pub const REF003: Planter = Planter {
    code: "REF003",
    plant: |ctx| {
        site(ctx, |ctx, i, vi| {
            let targets: Vec<usize> = in_effect_throughout(ctx, i, vi)
                .into_iter()
                .filter(|&t| t != i)
                .collect();
            if targets.is_empty() {
                return None;
            }
            let t = *ctx.rng.pick(&targets);
            let d = &ctx.index.docs[t];
            let wrong = wrong_title(&mut ctx.rng, &d.title);
            Some((
                format!("The DCC shall also comply with {} ‘{wrong}’.", d.name()),
                vec![t],
            ))
        })
    },
};

/// REF007: a part of a Section cited with a title that is not its heading (part
/// headings never change in a generated corpus, so any version's heading tells).
pub const REF007: Planter = Planter {
    code: "REF007",
    plant: |ctx| {
        site(ctx, |ctx, i, vi| {
            let targets: Vec<usize> = in_effect_throughout(ctx, i, vi)
                .into_iter()
                .filter(|&t| {
                    let d = &ctx.index.docs[t];
                    t != i && d.kind == DocumentKind::Section && !d.core.is_empty()
                })
                .collect();
            if targets.is_empty() {
                return None;
            }
            let t = *ctx.rng.pick(&targets);
            let d = &ctx.index.docs[t];
            let part = format!("{}{}", d.designator, ctx.rng.pick(&d.core).part);
            let text = ctx.read(&d.versions.first()?.path).ok()?;
            let prefix = format!("## {part} ");
            let heading = text
                .lines()
                .find_map(|l| l.strip_prefix(&prefix))?
                .to_string();
            let wrong = wrong_title(&mut ctx.rng, &heading);
            Some((
                format!("The DCC shall also comply with Section {part} ‘{wrong}’."),
                vec![t],
            ))
        })
    },
};

/// REF008: a release inserts a clause before a free clause of the cited document, which
/// moves to a lettered number (H4.2 becomes H4.2A and a new H4.2 takes its place), while a
/// version in effect before and at that release, unchanged there, cites the old number.
/// The move is in the version new at that release only; the next version (if any) puts
/// the clause back, as a later release might.
pub const REF008: Planter = Planter {
    code: "REF008",
    plant: |ctx| {
        let index = ctx.index;
        let Some((c, cv)) = ctx.random_version(false) else {
            return false;
        };
        let v = &index.docs[c].versions[cv];
        let t = ctx.rng.below(index.docs.len());
        let d = &index.docs[t];
        if v.stable.is_empty() || t == c || d.is_section_a() {
            return false;
        }
        // Versions of the cited document new at a release inside the citing version's run.
        let new_at: Vec<usize> = (1..d.versions.len())
            .filter(|&k| {
                let w = &d.versions[k];
                w.first > v.first && w.first <= v.last && w.redline.is_some()
            })
            .collect();
        if new_at.is_empty() {
            return false;
        }
        let tv = *ctx.rng.pick(&new_at);
        let Some(line) = movable_clause(ctx, d, tv) else {
            return false;
        };
        let number = line.split(' ').next().unwrap_or_default().to_string();
        let (_, citing) = ctx.rng.pick(&v.stable).clone();
        let mut shared = in_version(c, &v.path);
        for w in &d.versions {
            shared.extend(in_version(t, &w.path));
        }
        shared.push(format!("doc:{t}"));
        let mut exclusive = ctx.line_keys(c, cv, &citing);
        exclusive.extend(ctx.line_keys(t, tv, &line));
        exclusive.push(format!("clause:{t}:{number}"));
        if !ctx.claim(&shared, &exclusive) {
            return false;
        }
        let moved = format!(
            "{number} The DCC shall publish a notice of each change made under this Part.\n\n{number}A{}",
            &line[number.len()..]
        );
        let w = &d.versions[tv];
        ctx.replace_line(&w.path.clone(), &line, &moved, false);
        if let Some(r) = w.redline.clone() {
            ctx.replace_line(&r, &line, &format!("{{~~{line}~>{moved}~~}}"), false);
        }
        if let Some(r) = d.versions.get(tv + 1).and_then(|n| n.redline.clone()) {
            ctx.replace_line(&r, &line, &format!("{{~~{moved}~>{line}~~}}"), false);
        }
        let cited = para_of(d, &number);
        let new = format!("{citing} The DCC shall also comply with {cited}.");
        ctx.edit_version_line(c, cv, &citing, &new);
        true
    },
};

/// A free clause of document `d` that can be moved in version `tv`: a one-line clause
/// (no sub-clauses, no lettered number, not a core clause, so nothing cites it) written
/// the same in every version and shown unchanged in the redlines of `tv` and the next.
fn movable_clause(ctx: &mut Ctx, d: &DocInfo, tv: usize) -> Option<String> {
    let texts: Vec<String> = d
        .versions
        .iter()
        .map(|w| ctx.read(&w.path))
        .collect::<Result<_, _>>()
        .ok()?;
    let redlines: Vec<String> = [d.versions.get(tv), d.versions.get(tv + 1)]
        .into_iter()
        .flatten()
        .filter_map(|w| w.redline.as_ref())
        .map(|r| ctx.read(r))
        .collect::<Result<_, _>>()
        .ok()?;
    let prefix = if d.kind == DocumentKind::Section {
        d.designator.as_str()
    } else {
        ""
    };
    let candidates: Vec<String> = texts[tv]
        .lines()
        .filter(|l| l.len() >= 60 && l.ends_with('.'))
        .filter(|l| {
            let number = l.split(' ').next().unwrap_or_default();
            number.strip_prefix(prefix).is_some_and(|n| {
                n.split_once('.').is_some_and(|(p, c)| {
                    !p.is_empty()
                        && !c.is_empty()
                        && p.bytes().all(|b| b.is_ascii_digit())
                        && c.bytes().all(|b| b.is_ascii_digit())
                })
            }) && !d.core.iter().any(|k| k.number == number)
                && texts.iter().all(|t| {
                    t.contains(&format!("\n{l}\n\n")) && !t.contains(&format!("\n{number}A "))
                })
                && redlines.iter().all(|r| r.contains(&format!("\n{l}\n")))
        })
        .map(str::to_string)
        .collect();
    if candidates.is_empty() {
        return None;
    }
    Some(ctx.rng.pick(&candidates).clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::title::fold;

    #[test]
    fn a_wrong_title_is_never_the_title_and_never_ends_in_a_small_word() {
        let mut rng = Rng::new(4);
        for spec in crate::generate::documents::CATALOGUE {
            for _ in 0..8 {
                let w = wrong_title(&mut rng, spec.title);
                assert_ne!(fold(&w), fold(spec.title), "{w}");
                let last = w.rsplit(' ').next().unwrap();
                assert!(!["and", "of", "for", "to", "the"].contains(&last), "{w}");
                assert!(!w.ends_with(','), "{w}");
            }
        }
        assert_eq!(
            wrong_title(&mut Rng::new(1), "Security"),
            "Security Arrangements"
        );
    }
}
