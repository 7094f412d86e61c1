//! REF007 cited-heading-differs: a part or clause cited with a title ("Section H8 (Incident
//! Management)", "Section H8 ‘Incident Management’") that is not its heading in the
//! version of the cited document in effect where the citing text is.
//!
//! Only a title written right after the clause number is compared (one after the document,
//! "Section L ‘…’ 14.8", names the document: REF003), and only with a heading that
//! seccheck read whole: a Markdown heading line, a bold line, or a part number with title
//! words alone on its line, not cut by a line wrap ([`crate::parse::document`]). A clause
//! with no heading of its own ("Section T3.34 (Additional Interface Testing)", where the
//! words may name a cross-heading that is not read) is never judged; nor is a title after
//! the last item of a list whose earlier items have none ("Sections T2 and T3 (Testing)":
//! it may describe them all), a bracketed abbreviation ("Section L3 (SMKI and DCCKI)"),
//! or a citation in a block quote. Titles are compared with [`title::same`].
//!
//! With a Document Log, a document's citation is checked at every release where the
//! citing version is in effect, against the version of the cited document the log puts in
//! effect there; a release whose cited version the corpus does not hold (or whose clause
//! is missing: REF002, REF004) is skipped. A release note's citation may name the heading
//! before or after its release's change: it is reported only when the heading is known at
//! the note's release and the one before, and differs at both. Without a log, a document's
//! citation is compared with the folder's one copy of the cited document.

use super::{FOLDER_NOTE, named, resolvable, target_at};
use crate::clause::ClauseNumber;
use crate::diagnostic::Diagnostic;
use crate::hash::FxHashMap;
use crate::model::{ClauseHeading, Corpus, DocumentVersion, LogRow};
use crate::names::{DocumentId, DocumentKind, Version};
use crate::parse::references::{CitedTitle, Reference, Target};
use crate::rules::citing::{Citer, Citing};
use crate::rules::log::list_releases;
use crate::rules::{Check, Needs, Rule};
use crate::source::Span;
use crate::title;

pub const RULE: Rule = Rule {
    code: "REF007",
    needs: Needs::Nothing,
    check: Check::Citations(check),
};

/// A heading the cited title was compared with: the cited version, its row (none
/// without a log) and the clause.
struct Seen<'a> {
    row: Option<&'a LogRow>,
    doc: &'a DocumentVersion,
    heading: &'a ClauseHeading,
}

fn check(citing: &Citing<'_>, out: &mut Vec<Diagnostic>) {
    let corpus = citing.corpus();
    let text = citing.source.text.as_str();
    let mut previous_titled = false;
    // Each cited document's versions where the citing version is in effect, once.
    let mut targets: FxHashMap<&DocumentId, Vec<(&LogRow, &DocumentVersion)>> =
        FxHashMap::default();
    for (k, r) in citing.references.iter().enumerate() {
        let own = own_title(text, r);
        // A later item of a list ("Sections T2 and T3 (…)") starts at its clause: its
        // title is its own only when the item before had one too.
        let later_item =
            k > 0 && matches!(&r.target, Target::Clause { span, .. } if span.start == r.span.start);
        let judged = own.is_some() && (!later_item || previous_titled);
        previous_titled = own.is_some();
        let (Some((clause, title)), true) = (own, judged) else {
            continue;
        };
        let Some(target) = resolvable(r) else {
            continue;
        };
        if r.quoted {
            continue;
        }
        let wrong = match (&corpus.log, &citing.run.history, citing.of) {
            (Some(_), Some(_), Citer::Document(_)) => {
                let versions = targets.entry(target).or_insert_with(|| {
                    citing
                        .cited_at(target)
                        .iter()
                        .filter_map(|c| match c.now {
                            Some((t_row, Some(t_doc))) => Some((t_row, t_doc)),
                            _ => None,
                        })
                        .collect()
                });
                let folded = title::fold(&title.text);
                let mut wrong = Vec::new();
                // Consecutive releases usually share the cited version: judge it once.
                let mut last: Option<(usize, Option<&ClauseHeading>, bool)> = None;
                for &(t_row, t_doc) in versions.iter() {
                    let at = std::ptr::from_ref(t_doc) as usize;
                    let (heading, differs) = match last {
                        Some((p, h, d)) if p == at => (h, d),
                        _ => {
                            let h = t_doc.heading(clause.as_str());
                            let d = h.is_some_and(|h| title::fold(&h.title) != folded);
                            last = Some((at, h, d));
                            (h, d)
                        }
                    };
                    if let (Some(heading), true) = (heading, differs) {
                        wrong.push(Seen {
                            row: Some(t_row),
                            doc: t_doc,
                            heading,
                        });
                    }
                }
                wrong
            }
            (Some(log), Some(history), Citer::Note(note)) => {
                let releases = history.note_releases(note.release.as_ref());
                let seen: Vec<Option<Seen>> = releases
                    .iter()
                    .map(|v| heading_at(corpus, log, v, target, clause))
                    .collect();
                let all_known_and_wrong = !seen.is_empty()
                    && seen.iter().all(|s| {
                        s.as_ref()
                            .is_some_and(|s| !title::same(&s.heading.title, &title.text))
                    });
                if all_known_and_wrong {
                    seen.into_iter().flatten().collect()
                } else {
                    Vec::new()
                }
            }
            (None, _, Citer::Document(doc)) => citing
                .run
                .folder
                .copy(Some(doc), target)
                .filter(|c| !corpus.unreadable(c.file))
                .and_then(|c| {
                    let heading = c.heading(clause.as_str())?;
                    (!title::same(&heading.title, &title.text)).then_some(Seen {
                        row: None,
                        doc: c,
                        heading,
                    })
                })
                .into_iter()
                .collect(),
            _ => Vec::new(),
        };
        if let Some(d) = report(citing, target, clause, title, &wrong) {
            out.push(d);
        }
    }
}

/// The title written right after a citation's clause number, with the clause: "Section
/// H8 (Incident Management)", "Section H8 ‘…’". Not a bracketed abbreviation.
fn own_title<'r>(text: &str, r: &'r Reference) -> Option<(&'r ClauseNumber, &'r CitedTitle)> {
    let Target::Clause { clause, span } = &r.target else {
        return None;
    };
    let title = r.cited_title.as_ref()?;
    let between = text.get(span.end..title.span.start)?;
    let mut marks = 0;
    for c in between.chars() {
        if "(‘“'\"".contains(c) {
            marks += 1;
        } else if !c.is_whitespace() {
            return None;
        }
    }
    if marks != 1 {
        return None;
    }
    let bracketed = between.trim_end().ends_with('(');
    let abbreviation = title.text.split_whitespace().all(|w| {
        w.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            || ["and", "&", "of", "or"].contains(&w)
    });
    if bracketed && abbreviation {
        return None;
    }
    Some((clause, title))
}

/// The heading of `clause` in the version of `target` in effect at `release`, when the
/// corpus holds that version, read, with the clause and a heading read whole.
fn heading_at<'a>(
    corpus: &'a Corpus,
    log: &'a crate::model::DocumentLog,
    release: &Version,
    target: &DocumentId,
    clause: &ClauseNumber,
) -> Option<Seen<'a>> {
    let (row, doc) = target_at(corpus, log, release, target)?;
    let doc = doc?;
    Some(Seen {
        row: Some(row),
        doc,
        heading: doc.heading(clause.as_str())?,
    })
}

/// "Section H8", "paragraph 3 of Appendix AC".
fn clause_name(target: &DocumentId, clause: &ClauseNumber) -> String {
    match target.kind {
        DocumentKind::Section => format!("Section {clause}"),
        _ => format!("paragraph {clause} of {target}"),
    }
}

fn report(
    citing: &Citing<'_>,
    target: &DocumentId,
    clause: &ClauseNumber,
    title: &CitedTitle,
    wrong: &[Seen<'_>],
) -> Option<Diagnostic> {
    let corpus = citing.corpus();
    let first = wrong.first()?;
    let citer = match citing.of {
        Citer::Document(doc) => named(doc),
        Citer::Note(note) => crate::rules::release::note_name(note),
    };
    let name = clause_name(target, clause);
    let heading = &first.heading.title;
    // The releases where the heading is the first wrong one.
    let same: Vec<&Seen> = wrong
        .iter()
        .filter(|s| title::same(&s.heading.title, heading))
        .collect();
    let (where_, label) = match first.row {
        Some(_) => {
            let releases: Vec<&Version> = same
                .iter()
                .filter_map(|s| s.row.map(|r| &r.release))
                .collect();
            let mut versions: Vec<String> = same
                .iter()
                .filter_map(|s| s.row.map(|r| r.version.to_string()))
                .collect();
            versions.dedup();
            let when = list_releases(releases.iter().copied());
            (
                format!(
                    "in {target} version {} (in effect at {when})",
                    versions.join(" and ")
                ),
                format!("not {clause}'s heading at {when}"),
            )
        }
        None => (
            format!("in {}", named(first.doc)),
            format!("not {clause}'s heading"),
        ),
    };
    let message = format!(
        "{citer} cites {name} as ‘{}’, but {clause}'s heading {where_} is ‘{heading}’",
        title.text
    );
    let help = match first.row {
        None => format!("cite {name} as ‘{heading}’, or drop the title ({FOLDER_NOTE})"),
        Some(row) => match other_release(corpus, target, clause, title, &row.release) {
            Some((v, true)) => format!(
                "‘{}’ was {clause}'s heading until release {v}; cite it as ‘{heading}’, or drop the title (the number prevails)",
                title.text
            ),
            Some((v, false)) => format!(
                "‘{}’ is {clause}'s heading only from release {v}; cite it as ‘{heading}’ here, or drop the title",
                title.text
            ),
            None => format!("cite {name} as ‘{heading}’, or drop the title (the number prevails)"),
        },
    };
    // Other wrong headings, at other releases.
    let mut help = help;
    let mut noted: Vec<&str> = vec![heading];
    for s in wrong {
        if let Some(row) = s.row
            && !noted.iter().any(|n| title::same(n, &s.heading.title))
        {
            noted.push(&s.heading.title);
            help.push_str(&format!(
                "; at release {} ({target} version {}) its heading is ‘{}’",
                row.release, row.version, s.heading.title
            ));
        }
    }
    Some(
        Diagnostic::new(RULE.code, message)
            .at(citing.file(), Span::from(title.span.clone()), label)
            .related(
                first.doc.file,
                first.heading.span,
                format!("{clause}'s heading in {}", named(first.doc)),
            )
            .help(help),
    )
}

/// A release at which the cited title was the clause's heading: the last before
/// `release` (`true`) or else the first after it (`false`).
fn other_release<'a>(
    corpus: &'a Corpus,
    target: &DocumentId,
    clause: &ClauseNumber,
    title: &CitedTitle,
    release: &Version,
) -> Option<(&'a Version, bool)> {
    let log = corpus.log.as_ref()?;
    let right: Vec<&Version> = log
        .rows_of(target)
        .filter(|row| {
            corpus
                .document(target, &row.version)
                .filter(|d| !corpus.unreadable(d.file))
                .and_then(|d| d.heading(clause.as_str()))
                .is_some_and(|h| title::same(&h.title, &title.text))
        })
        .map(|row| &row.release)
        .collect();
    if let Some(v) = right.iter().filter(|v| **v < release).max() {
        return Some((v, true));
    }
    right
        .iter()
        .filter(|v| **v > release)
        .min()
        .map(|v| (*v, false))
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::primary_texts;

    const H: &str =
        "# Section H: DCC Services\n\n## H8 Service Management\n\nH8.1 The DCC shall act.\n";

    #[test]
    fn without_a_log_the_folders_copy_is_the_reference() {
        let j = "# Section J: Charges\n\nJ1.1 See Section H8 (Incident Management) and \
                 Section H8 ‘SERVICE MANAGEMENT’.\n";
        let got = primary_texts("REF007", &[("h.md", H), ("j.md", j)]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Incident Management");
        assert_eq!(
            got[0].1,
            "Section J cites Section H8 as ‘Incident Management’, but H8's heading in Section H is ‘Service Management’"
        );
        // Two copies of Section H: the folder cannot tell which is meant.
        let h2 = H.replace("Service Management", "Incident Management");
        assert!(primary_texts("REF007", &[("h.md", H), ("h2.md", &h2), ("j.md", j)]).is_empty());
    }

    #[test]
    fn list_items_keep_their_own_titles() {
        let h = format!("{H}\n## H9 Incident Management\n\nH9.1 The DCC shall act.\n");
        // Each item titled: each judged. Only the last titled: not judged.
        let j = "# Section J: Charges\n\nJ1.1 Sections H8 (Service Management) and H9 \
                 (Incidents) apply.\n\nJ1.2 Sections H8 and H9 (Service Arrangements) apply.\n";
        let got = primary_texts("REF007", &[("h.md", &h), ("j.md", j)]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Incidents");
    }
}
