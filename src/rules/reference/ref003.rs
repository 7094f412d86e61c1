//! REF003 cited-title-differs: a document cited under a title that is not its title at
//! the release where the citing version is in effect, or cited under two titles in one
//! file.
//!
//! Only titles that name a document are compared: "Appendix AC ‘…’", "Appendix AC – …",
//! "Section X (Transition)", "paragraph 3.2 of Appendix AC ‘…’", "Section L ‘…’ 14.8". A
//! title right after a clause ("Section T3.34 (Additional Interface Testing)") names the
//! clause and is never compared, nor is a bracketed abbreviation ("Section L (SMKI and
//! DCCKI)"). Titles are compared folded ([`title::fold`]); a dash title, which has no
//! closing mark, may run on into capitalised words after the title and passes when it
//! starts with the right one. Release notes are left to REL008.
//!
//! Without a Document Log, the title is compared with the heading of the folder's one
//! copy of the cited document.

use super::{FOLDER_NOTE, document_title, named, resolvable};
use crate::diagnostic::Diagnostic;
use crate::hash::FxHashMap;
use crate::model::{Corpus, DocumentVersion, LogRow};
use crate::names::{DocumentId, Version};
use crate::parse::references::CitedTitle;
use crate::rules::citing::{Citer, Citing};
use crate::rules::log::list_releases;
use crate::rules::{Check, Needs, Rule};
use crate::source::Span;
use crate::title;

pub const RULE: Rule = Rule {
    code: "REF003",
    needs: Needs::Nothing,
    check: Check::Citations(check),
};

/// One titled citation of a document, in text order.
struct Titled<'a> {
    title: &'a CitedTitle,
    folded: String,
    /// A dash title, which may run on into the words after it.
    dashed: bool,
    /// Whether this citation already has a finding (a title that is wrong by itself).
    reported: bool,
}

fn check(citing: &Citing<'_>, out: &mut Vec<Diagnostic>) {
    let corpus = citing.corpus();
    let folder = &citing.run.folder;
    // Release notes name documents in their affected lists, which REL008 checks.
    let Citer::Document(doc) = citing.of else {
        return;
    };
    let text = citing.source.text.as_str();
    // The first titled citation of each document in this file.
    let mut first: FxHashMap<&DocumentId, Titled<'_>> = FxHashMap::default();
    // Each cited document's rows where this version is in effect, with their titles
    // folded: worked out once per document cited, not once per citation.
    let mut logged: FxHashMap<&DocumentId, Vec<(&LogRow, &str)>> = FxHashMap::default();
    for r in citing.references {
        let Some(target) = resolvable(r) else {
            continue;
        };
        let Some(title) = document_title(text, r) else {
            continue;
        };
        if r.quoted {
            continue;
        }
        let folded = title::fold(&title.text);
        let dashed = text[..title.span.start]
            .trim_end()
            .ends_with(['-', '–', '—']);
        let matches = |expected: &str| same_title(&title::fold(expected), false, &folded, dashed);
        let mut finding = match &corpus.log {
            Some(_) => {
                let wrong: Vec<&LogRow> = logged
                    .entry(target)
                    .or_insert_with(|| {
                        citing
                            .cited_at(target)
                            .iter()
                            .filter_map(|c| c.now.map(|(t_row, _)| t_row))
                            .map(|t_row| (t_row, t_row.folded_title.as_str()))
                            .collect()
                    })
                    .iter()
                    .filter(|(_, expected)| !same_title(expected, false, &folded, dashed))
                    .map(|(t_row, _)| *t_row)
                    .collect();
                against_log(corpus, doc, target, title, &wrong, &matches)
            }
            None => folder
                .copy(Some(doc), target)
                .and_then(|copy| against_copy(corpus, doc, target, title, copy, &matches)),
        };
        // A dash title runs on into the sentence ("Appendix AC – Inventory … Procedures,
        // Supplier Parties shall"): once it is seen to start with the right title, that
        // title is what it says, and two such citations agree however each runs on.
        let folded = if dashed {
            let expected: Vec<&str> = match logged.get(target) {
                Some(titles) => titles.iter().map(|(_, t)| *t).collect(),
                None => folder
                    .copy(Some(doc), target)
                    .and_then(|c| c.heading.as_ref())
                    .map(|h| h.folded_title.as_str())
                    .into_iter()
                    .collect(),
            };
            expected
                .into_iter()
                .find(|e| same_title(e, false, &folded, true))
                .map_or(folded, str::to_string)
        } else {
            folded
        };
        // The first title this file gives the same document, if this one differs.
        let earlier = first
            .get(target)
            .filter(|s| !same_title(&s.folded, s.dashed, &folded, dashed));
        let reported = finding.is_some();
        if let Some(e) = earlier {
            let label = format!("also cited as ‘{}’ here", e.title.text);
            let related = Span::from(e.title.span.clone());
            if reported {
                finding = finding.map(|mut d| {
                    d.help = d.help.map(|h| {
                        format!(
                            "{h}; the first citation of {target} in this file gives ‘{}’",
                            e.title.text
                        )
                    });
                    d.related(doc.file, related, label)
                });
            } else if !e.reported {
                finding = Some(
                    Diagnostic::new(
                        RULE.code,
                        format!(
                            "{} cites {target} under two titles: first ‘{}’, then ‘{}’ here",
                            named(doc),
                            e.title.text,
                            title.text
                        ),
                    )
                    .at(doc.file, Span::from(title.span.clone()), "second title")
                    .related(doc.file, related, "first cited under this title")
                    .help(format!(
                        "cite {target} by one title throughout the document"
                    )),
                );
            }
        }
        first.entry(target).or_insert(Titled {
            title,
            folded,
            dashed,
            reported,
        });
        out.extend(finding);
    }
}

/// The finding for a title that differs from the log's at the releases of `wrong` (rows
/// of the cited document where the citing version is in effect).
fn against_log(
    corpus: &Corpus,
    doc: &DocumentVersion,
    target: &DocumentId,
    title: &CitedTitle,
    wrong: &[&LogRow],
    matches: &dyn Fn(&str) -> bool,
) -> Option<Diagnostic> {
    let first = wrong.first()?;
    let log = corpus.log.as_ref()?;
    // Group by the log's title: name the releases that give the first one.
    let releases: Vec<&Version> = wrong
        .iter()
        .filter(|r| r.folded_title == first.folded_title)
        .map(|r| &r.release)
        .collect();
    let when = list_releases(releases.iter().copied());
    // Was the cited title right at some other release (an outdated or premature title)?
    let right_at: Vec<&Version> = log
        .rows
        .iter()
        .filter(|r| &r.document == target && matches(&r.title))
        .map(|r| &r.release)
        .collect();
    let until = right_at.iter().filter(|r| **r < &first.release).max();
    let from = right_at.iter().filter(|r| **r > &first.release).min();
    let help = match (until, from) {
        (Some(b), _) => format!(
            "‘{}’ was {target}'s title until release {b}; cite it as ‘{}’, or drop the title (the letter prevails)",
            title.text, first.title
        ),
        (None, Some(a)) => format!(
            "‘{}’ is {target}'s title only from release {a}; cite it as ‘{}’ here, or drop the title",
            title.text, first.title
        ),
        _ => format!(
            "cite {target} as ‘{}’, or drop the title (the letter prevails)",
            first.title
        ),
    };
    Some(
        Diagnostic::new(
            RULE.code,
            format!(
                "{} cites {target} as ‘{}’, but its title at {when} is ‘{}’",
                named(doc),
                title.text,
                first.title
            ),
        )
        .at(
            doc.file,
            Span::from(title.span.clone()),
            format!("not the title at {when}"),
        )
        .related(
            log.file,
            first.title_span,
            format!("{target}'s title at release {}", first.release),
        )
        .help(help),
    )
}

/// Without a log: the finding for a title that differs from the heading of the folder's
/// copy of the cited document.
fn against_copy(
    corpus: &Corpus,
    doc: &DocumentVersion,
    target: &DocumentId,
    title: &CitedTitle,
    copy: &DocumentVersion,
    matches: &dyn Fn(&str) -> bool,
) -> Option<Diagnostic> {
    let heading = copy.heading.as_ref()?;
    if matches(&heading.title) || corpus.unreadable(copy.file) {
        return None;
    }
    Some(
        Diagnostic::new(
            RULE.code,
            format!(
                "{} cites {target} as ‘{}’, but {} is headed ‘{}’",
                named(doc),
                title.text,
                named(copy),
                heading.title
            ),
        )
        .at(
            doc.file,
            Span::from(title.span.clone()),
            "not the title in its heading",
        )
        .related(copy.file, heading.title_span, format!("{target}'s heading"))
        .help(format!(
            "cite {target} as ‘{}’, or drop the title ({FOLDER_NOTE})",
            heading.title
        )),
    )
}

/// Whether two folded titles are the same title. A dash title has no closing mark and may
/// run on into the capitalised words after it, so it matches a title it starts with.
fn same_title(a: &str, a_dashed: bool, b: &str, b_dashed: bool) -> bool {
    let starts = |long: &str, short: &str| {
        long.len() > short.len() && long.starts_with(short) && long.as_bytes()[short.len()] == b' '
    };
    a == b || (b_dashed && starts(b, a)) || (a_dashed && starts(a, b))
}

#[cfg(test)]
mod tests {
    use super::same_title;

    #[test]
    fn dash_titles_may_run_on() {
        assert!(same_title("dcc services", false, "dcc services", false));
        assert!(same_title(
            "dcc services",
            false,
            "dcc services version",
            true
        ));
        assert!(!same_title(
            "dcc services",
            false,
            "dcc services version",
            false
        ));
        assert!(!same_title("dcc services", false, "dcc servicesx", true));
        assert!(same_title(
            "dcc services issue",
            true,
            "dcc services",
            false
        ));
        assert!(!same_title(
            "smart metering key infrastructure and dcc key infrastructure",
            false,
            "smart metering key infrastructure",
            false
        ));
    }
}
