//! REF008 cites-renumbered-clause: a document version still in effect after a release
//! renumbered the cited document cites a clause by its old number, which that release
//! gave to another clause.
//!
//! A release renumbers a clause when its new version of the cited document holds the
//! clause's text, word for word, under another number, while the old number now heads
//! different text (a clause inserted or deleted before it moved it along). Judged only
//! where nothing is in doubt:
//! - the text is the same once white space is squeezed, at least five words long, and
//!   held by one clause in each version (repeated text such as "[Not used]" proves
//!   nothing);
//! - the old number still exists in the new version (else it is REF004's);
//! - the citing version was already in effect at the release before, unchanged: a citing
//!   version new at the renumbering release may mean the new clause, and release notes
//!   describe changes in the numbers of their time;
//! - versions whose clause numbers are the same list are not compared (a swap of two
//!   clauses that both changed stays silent).

use crate::diagnostic::Diagnostic;
use crate::hash::{FxHashMap, FxHashSet};
use crate::model::{Corpus, DocumentVersion};
use crate::names::{DocumentId, Version};
use crate::rules::citing::BumpAt;
use crate::rules::citing::Citing;
use crate::rules::definition::clause_name;
use crate::rules::reference::{cited_clauses, clauses_known, resolvable};
use crate::rules::{Check, Needs, Rule};
use crate::source::Span;
use crate::title::squeeze;
use std::collections::HashMap;
use std::sync::Arc;

pub const RULE: Rule = Rule {
    code: "REF008",
    needs: Needs::Log,
    check: Check::Citations(check),
};

/// The fewest words a clause's text must have to be recognised under another number.
const MIN_WORDS: usize = 5;

/// What one bump renumbered: old number → (new number, the clause's number span in the
/// new version, the old number's span in the new version).
pub(crate) type Renumbered = HashMap<String, (String, Span, Span)>;

/// The clauses of `part` (`H4`) that `new` holds under another number of the part than
/// `old` did (see the module docs). A clause moved to another part is not looked for.
pub(crate) fn renumbered(
    corpus: &Corpus,
    old: &DocumentVersion,
    new: &DocumentVersion,
    part: &str,
) -> Renumbered {
    let mut out = Renumbered::new();
    let same_numbers = old.clauses.len() == new.clauses.len()
        && old
            .clauses
            .iter()
            .zip(&new.clauses)
            .all(|(a, b)| a.number == b.number.as_str());
    if same_numbers {
        return out;
    }
    // Each clause's own text (after its number), squeezed, for the clauses that hold
    // text no other clause of the version holds.
    let texts = |d: &DocumentVersion| -> HashMap<String, Option<usize>> {
        let source = corpus.source(d.file);
        let mut by_text: HashMap<String, Option<usize>> = HashMap::new();
        for (i, c) in d.clauses.iter().enumerate() {
            // Parts are headings, not clauses with their own text.
            if parent(c.number.as_str()) != Some(part) {
                continue;
            }
            let Some(body) = source.text.get(c.span.end as usize..c.body.end as usize) else {
                continue;
            };
            let text = squeeze(body);
            if text.split(' ').count() < MIN_WORDS {
                continue;
            }
            by_text
                .entry(text)
                .and_modify(|e| *e = None)
                .or_insert(Some(i));
        }
        by_text
    };
    let before = texts(old);
    let after = texts(new);
    for (text, i) in &before {
        let (Some(i), Some(Some(j))) = (i, after.get(text)) else {
            continue;
        };
        let (was, now) = (&old.clauses[*i], &new.clauses[*j]);
        if was.number == now.number.as_str() {
            continue;
        }
        // The old number must now head other text: else it is deleted (REF004's).
        if let Some(taken) = new.clause(was.number.as_str()) {
            out.insert(
                was.number.as_str().to_string(),
                (now.number.as_str().to_string(), now.span, taken.span),
            );
        }
    }
    out
}

/// The number a clause is numbered under: `H4` for `H4.2`, `H4.2` for `H4.2(a)`; `None`
/// for a part.
fn parent(number: &str) -> Option<&str> {
    crate::clause::ancestors(number).last()
}

/// The clause numbers of `old` under which `new` holds text of another length: only
/// these can have been given to another clause, so only these are looked for in the
/// texts. Read from the clause lists, without the texts (a renumbering that leaves text
/// of exactly the same length under the old number is not found).
pub(crate) fn shifted(old: &DocumentVersion, new: &DocumentVersion) -> FxHashSet<String> {
    let length = |c: &crate::model::Clause| c.body.end.saturating_sub(c.span.end);
    // Both lists sorted by number, walked together; of a number written twice in `new`,
    // the last (in text order) counts.
    let now = new.clauses_by_number();
    let mut j = 0;
    let mut out = FxHashSet::default();
    for c in old.clauses_by_number() {
        let number = c.number.as_str();
        if parent(number).is_none() {
            continue;
        }
        while now.get(j).is_some_and(|n| n.number.as_str() < number) {
            j += 1;
        }
        let same = now[j..].iter().take_while(|n| n.number.as_str() == number);
        if same.last().is_some_and(|n| length(n) != length(c)) {
            out.insert(number.to_string());
        }
    }
    out
}

fn check(citing: &Citing<'_>, out: &mut Vec<Diagnostic>) {
    let corpus = citing.corpus();
    let Some(doc) = citing.document() else {
        return;
    };
    // The releases this citing version is in effect at (none without a log): a bump of a
    // cited document is judged where the version was in effect at the bump's release and
    // the one before.
    let rows = citing.in_effect();
    if rows.len() < 2 {
        return;
    }
    let in_effect: FxHashSet<&Version> = rows.iter().map(|r| &r.release).collect();
    // Per cited document, the bumps under this citing version: worked out once a file,
    // not once a citation.
    type Bump<'a> = (
        &'a BumpAt,
        &'a DocumentVersion,
        &'a DocumentVersion,
        Arc<FxHashSet<String>>,
    );
    let mut bumps: FxHashMap<&DocumentId, Vec<Bump<'_>>> = FxHashMap::default();
    for r in citing.references {
        let Some(target) = resolvable(r) else {
            continue;
        };
        if r.quoted {
            continue;
        }
        let under = bumps.entry(target).or_insert_with(|| {
            citing
                .run
                .bumps_of(target)
                .iter()
                .filter(|b| {
                    in_effect.contains(&b.release)
                        && b.before.as_ref().is_some_and(|p| in_effect.contains(p))
                })
                .filter_map(|b| {
                    let p_doc = corpus
                        .document(target, &b.previous)
                        .filter(|d| clauses_known(corpus, d))?;
                    let t_doc = corpus
                        .document(target, &b.version)
                        .filter(|d| clauses_known(corpus, d))?;
                    (b.previous != b.version)
                        .then(|| (b, p_doc, t_doc, citing.run.shifted(p_doc, t_doc)))
                })
                .collect()
        });
        // Most cited documents were not renumbered under this version: nothing to read.
        if under.is_empty() {
            continue;
        }
        let cited = cited_clauses(r);
        for (bump, p_doc, t_doc, shifted) in under.iter() {
            let (p_doc, t_doc) = (*p_doc, *t_doc);
            for (clause, clause_span) in &cited {
                // A sub-clause (`H4.2(a)`) moves with its clause: `H4.3(a)`.
                let (number, sub) = crate::clause::split_sub_clauses(clause);
                let Some(part) = parent(number) else {
                    continue;
                };
                if !shifted.contains(number) {
                    continue;
                }
                let moved = citing.run.renumbered(p_doc, t_doc, part);
                let Some((new_number, new_span, taken_span)) = moved.get(number) else {
                    continue;
                };
                // A sub-clause the old number's new clause lacks is no longer there at
                // all: REF004's.
                if !sub.is_empty() && !t_doc.has_clause(corpus, clause) {
                    continue;
                }
                let new_number = format!("{new_number}{sub}");
                let old_name = clause_name(target, clause);
                let new_name = clause_name(target, &new_number);
                out.push(
                    Diagnostic::new(
                        RULE.code,
                        format!(
                            "{} cites {old_name}, but {target} version {} renumbered that clause to {new_number} at release {}: {clause} now names another clause",
                            crate::rules::reference::named(doc),
                            bump.version,
                            bump.release
                        ),
                    )
                    .at(
                        citing.file(),
                        Span::from(clause_span.clone()),
                        format!("meant the clause numbered {clause} in {target} version {}", bump.previous),
                    )
                    .related(t_doc.file, *new_span, format!("that clause is {new_number} from version {}", bump.version))
                    .related(
                        t_doc.file,
                        *taken_span,
                        if sub.is_empty() {
                            format!("{clause} is now this clause")
                        } else {
                            format!("{clause} is now part of this clause")
                        },
                    )
                    .help(format!(
                        "write {new_name} if this citation still means the same clause (in a new version of {} at release {}), or confirm that it means the new {clause}",
                        doc.document, bump.release
                    )),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::primary_texts;

    const LOG: &str = "release,effective_date,document,version,title\n\
        40.0,2021-06-24,section-h,1.0,DCC Services\n\
        40.0,2021-06-24,section-g,1.0,Security\n\
        54.0,2021-12-17,section-h,1.1,DCC Services\n\
        54.0,2021-12-17,section-g,1.0,Security\n";
    const H10: &str = "# Section H: DCC Services\n\n\
        H4.1 The DCC shall keep records of every Service Request.\n\n\
        H4.2 The DCC shall publish a monthly report of its performance.\n";
    /// A clause inserted before H4.2: the report is H4.3 now.
    const H11: &str = "# Section H: DCC Services\n\n\
        H4.1 The DCC shall keep records of every Service Request.\n\n\
        H4.2 The DCC shall notify Users of planned maintenance in advance.\n\n\
        H4.3 The DCC shall publish a monthly report of its performance.\n";
    const G: &str = "# Section G: Security\n\nG1.1 As Section H4.2 requires, the DCC shall report on security.\n";

    fn found(files: &[(&str, &str)]) -> Vec<(String, String)> {
        primary_texts("REF008", files)
    }

    #[test]
    fn an_unchanged_citing_version_that_cites_the_old_number() {
        let got = found(&[
            ("document-log.csv", LOG),
            ("documents/section-h/1.0.md", H10),
            ("documents/section-h/1.1.md", H11),
            ("documents/section-g/1.0.md", G),
        ]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "H4.2");
        assert_eq!(
            got[0].1,
            "Section G version 1.0 cites Section H4.2, but Section H version 1.1 renumbered that clause to H4.3 at release 54.0: H4.2 now names another clause"
        );
    }

    #[test]
    fn near_misses_stay_silent() {
        // The citing version is new at the renumbering release (it may mean the new H4.2).
        let log_new_g = LOG.replace(
            "54.0,2021-12-17,section-g,1.0",
            "54.0,2021-12-17,section-g,1.1",
        );
        assert!(
            found(&[
                ("document-log.csv", &log_new_g),
                ("documents/section-h/1.0.md", H10),
                ("documents/section-h/1.1.md", H11),
                ("documents/section-g/1.0.md", G),
                ("documents/section-g/1.1.md", G),
            ])
            .is_empty()
        );
        // The old number is cited only by a version no longer in effect after it.
        let log_old_g = LOG.replace(
            "54.0,2021-12-17,section-g,1.0",
            "54.0,2021-12-17,section-g,1.1",
        );
        let g11 = G.replace("H4.2", "H4.3");
        assert!(
            found(&[
                ("document-log.csv", &log_old_g),
                ("documents/section-h/1.0.md", H10),
                ("documents/section-h/1.1.md", H11),
                ("documents/section-g/1.0.md", G),
                ("documents/section-g/1.1.md", &g11),
            ])
            .is_empty()
        );
        // H4.2 reworded in place, nothing moved.
        let reworded = H10.replace("monthly report", "quarterly report");
        assert!(
            found(&[
                ("document-log.csv", LOG),
                ("documents/section-h/1.0.md", H10),
                ("documents/section-h/1.1.md", &reworded),
                ("documents/section-g/1.0.md", G),
            ])
            .is_empty()
        );
        // Two clauses swapped, both reworded: nothing is the same text.
        let swapped = "# Section H: DCC Services\n\n\
            H4.1 The DCC shall publish a quarterly report of its performance.\n\n\
            H4.2 The DCC shall keep full records of every Service Request.\n";
        assert!(
            found(&[
                ("document-log.csv", LOG),
                ("documents/section-h/1.0.md", H10),
                ("documents/section-h/1.1.md", swapped),
                ("documents/section-g/1.0.md", G),
            ])
            .is_empty()
        );
        // Text held by two clauses proves nothing; a short text neither.
        let twice = H10.replace(
            "H4.1 The DCC shall keep records of every Service Request.",
            "H4.1 The DCC shall publish a monthly report of its performance.",
        );
        let twice_after = H11.replace(
            "H4.1 The DCC shall keep records of every Service Request.",
            "H4.1 The DCC shall publish a monthly report of its performance.",
        );
        assert!(
            found(&[
                ("document-log.csv", LOG),
                ("documents/section-h/1.0.md", &twice),
                ("documents/section-h/1.1.md", &twice_after),
                ("documents/section-g/1.0.md", G),
            ])
            .is_empty()
        );
        let short = "# Section H: DCC Services\n\nH4.1 Not used.\n\nH4.2 Reserved.\n";
        let short_after = "# Section H: DCC Services\n\nH4.1 Not used.\n\nH4.2 The DCC shall act.\n\nH4.3 Reserved.\n";
        assert!(
            found(&[
                ("document-log.csv", LOG),
                ("documents/section-h/1.0.md", short),
                ("documents/section-h/1.1.md", short_after),
                ("documents/section-g/1.0.md", G),
            ])
            .is_empty()
        );
        // A release note citing the old number describes its release: not judged.
        let note = "# SEC v54.0 published\n\nMP300 moves Section H4.2 to Section H4.3.\n\n## What parts of the SEC were affected?\n\n- Section H ‘DCC Services’\n";
        assert!(
            found(&[
                ("document-log.csv", LOG),
                ("documents/section-h/1.0.md", H10),
                ("documents/section-h/1.1.md", H11),
                ("documents/section-g/1.0.md", &G.replace("H4.2", "H4.1")),
                ("releases/54.0.md", note),
            ])
            .is_empty()
        );
        // The old number gone altogether: REF004's, not this rule's.
        let deleted = H10.replace(
            "H4.1 The DCC shall keep records of every Service Request.\n\nH4.2",
            "H4.1",
        );
        assert!(
            found(&[
                ("document-log.csv", LOG),
                ("documents/section-h/1.0.md", H10),
                ("documents/section-h/1.1.md", &deleted),
                ("documents/section-g/1.0.md", G),
            ])
            .is_empty()
        );
    }
}
