//! DEF004 named-document-differs: a Section A definition that defines a term as the
//! document "of that name" ("X means the SEC Subsidiary Document of that name set out in
//! Appendix AD", "… the document of that name set out in Schedule 8") where the cited
//! document's title is not X.
//!
//! The definition's body must open with "the SEC Subsidiary Document of that name" or
//! "the document of that name" (or "of that title"), then "set out in" (or "set out at",
//! "as set out in") and right after it a citation of a whole SEC document; any other
//! wording ("means the document set out in Appendix AD", "means the arrangements of that
//! name") says nothing about the document's title and is not judged. The term is compared
//! with [`title::same`]; a term that gives alternatives ("GB Companion Specification or
//! GBCS") or an acronym in brackets after the name passes when one of them is the title.
//!
//! With a Document Log the title is the log's title of the cited document at every release
//! where the Section A version is in effect (a release where the log does not put the
//! document in effect is REF001's); without one, the heading of the folder's one copy of
//! the cited document. Definitions in a block quote are quoted wording and not judged.

use crate::diagnostic::Diagnostic;
use crate::model::{Corpus, DocumentVersion, LogRow};
use crate::names::{DocumentId, Version};
use crate::parse::definitions::{Definition, DefinitionKind};
use crate::parse::references::{Reference, Target};
use crate::rules::citing::Citing;
use crate::rules::log::list_releases;
use crate::rules::resolve::{FOLDER_NOTE, named};
use crate::rules::{Check, Needs, Rule};
use crate::source::Span;
use crate::title;
use regex::Regex;
use std::sync::LazyLock;

pub const RULE: Rule = Rule {
    code: "DEF004",
    needs: Needs::Nothing,
    check: Check::Citations(check),
};

/// The opening of a body that names the document by the term: "the SEC Subsidiary
/// Document of that name set out in ".
static OF_THAT_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?i:the)\s+(?:(?i:SEC)\s+(?i:subsidiary)\s+)?(?i:document)\s+of\s+that\s+(?:name|title)\s*,?\s+(?:as\s+)?set\s+out\s+(?:in|at)\s+",
    )
    .expect("valid regex")
});

/// A definition that names its document by the term, with the citation of it.
struct Named<'a> {
    def: &'a Definition,
    /// "the SEC Subsidiary Document of that name set out in", single-spaced.
    phrase: String,
    reference: &'a Reference,
    target: &'a DocumentId,
}

fn check(citing: &Citing<'_>, out: &mut Vec<Diagnostic>) {
    let corpus = citing.corpus();
    let Some(doc) = citing.document().filter(|d| !d.definitions.is_empty()) else {
        return;
    };
    let text = citing.source.text.as_str();
    for n in named_documents(text, doc, citing.references) {
        match &corpus.log {
            Some(_) => {
                let wrong: Vec<&LogRow> = citing
                    .cited_at(n.target)
                    .iter()
                    .filter_map(|c| c.now.map(|(t_row, _)| t_row))
                    .filter(|t_row| !names(&n.def.term, &t_row.title))
                    .collect();
                if let Some(d) = against_log(corpus, doc, &n, &wrong) {
                    out.push(d);
                }
            }
            _ => {
                if let Some(copy) = citing.run.folder.copy(Some(doc), n.target)
                    && let Some(d) = against_copy(corpus, doc, &n, copy)
                {
                    out.push(d);
                }
            }
        }
    }
}

/// Each "means the … of that name set out in <document>" definition of `doc`.
fn named_documents<'a>(
    text: &str,
    doc: &'a DocumentVersion,
    references: &'a [Reference],
) -> Vec<Named<'a>> {
    let mut out = Vec::new();
    for def in doc
        .definitions
        .iter()
        .filter(|d| d.kind == DefinitionKind::Means)
    {
        let Some(body) = text.get(def.body.clone()) else {
            continue;
        };
        let Some(m) = OF_THAT_NAME.find(body) else {
            continue;
        };
        let at = def.body.start + m.end();
        let k = references.partition_point(|r| r.span.start < at);
        let Some(r) = references.get(k).filter(|r| r.span.start == at) else {
            continue;
        };
        let Some(target) = r.document.as_ref() else {
            continue;
        };
        if r.external || r.quoted || !matches!(r.target, Target::Document) {
            continue;
        }
        out.push(Named {
            def,
            phrase: title::squeeze(&body[..m.end()]),
            reference: r,
            target,
        });
    }
    out
}

/// Whether the term names the document titled `title`: the term itself, one of the
/// alternatives it gives ("X or Y"), or the name before an acronym in brackets ("X (XY)").
fn names(term: &str, title: &str) -> bool {
    let mut candidates: Vec<&str> = vec![term];
    candidates.extend(term.split(" or ").map(str::trim));
    if let Some((name, rest)) = term.rsplit_once('(')
        && rest.ends_with(')')
    {
        candidates.push(name.trim());
    }
    candidates
        .iter()
        .any(|c| !c.is_empty() && title::same(c, title))
}

fn against_log(
    corpus: &Corpus,
    doc: &DocumentVersion,
    n: &Named<'_>,
    wrong: &[&LogRow],
) -> Option<Diagnostic> {
    let first = wrong.first()?;
    let log = corpus.log.as_ref()?;
    let target = n.target;
    let releases: Vec<&Version> = wrong
        .iter()
        .filter(|r| title::same(&r.title, &first.title))
        .map(|r| &r.release)
        .collect();
    let when = list_releases(releases.iter().copied());
    let term = &n.def.term;
    // Another document of that title at that release: the designation is what slipped.
    let other = log
        .rows
        .iter()
        .find(|r| r.release == first.release && &r.document != target && names(term, &r.title));
    // The term as the cited document's title at another release: an outdated (or early) name.
    let right_at: Vec<&Version> = log
        .rows
        .iter()
        .filter(|r| &r.document == target && names(term, &r.title))
        .map(|r| &r.release)
        .collect();
    let until = right_at.iter().filter(|r| **r < &first.release).max();
    let from = right_at.iter().filter(|r| **r > &first.release).min();
    let help = match (other, until, from) {
        (Some(o), _, _) => format!(
            "‘{term}’ is {}'s title at release {}: set the definition out in {}, or, if {target} is meant, define ‘{}’ instead",
            o.document, o.release, o.document, first.title
        ),
        (None, Some(b), _) => format!(
            "‘{term}’ was {target}'s title until release {b}: define ‘{}’ instead (and use that term wherever the Code uses this one)",
            first.title
        ),
        (None, None, Some(a)) => format!(
            "‘{term}’ is {target}'s title only from release {a}: define ‘{}’ here",
            first.title
        ),
        (None, None, None) => format!(
            "define ‘{}’, {target}'s title, or set the definition out in the document titled ‘{term}’",
            first.title
        ),
    };
    Some(
        Diagnostic::new(
            RULE.code,
            format!(
                "{} defines ‘{term}’ as {} {target}, but {target}'s title at {when} is ‘{}’",
                named(doc),
                n.phrase,
                first.title
            ),
        )
        .at(
            doc.file,
            Span::from(n.def.term_span.clone()),
            format!("not {target}'s title at {when}"),
        )
        .related(
            doc.file,
            Span::from(n.reference.span.clone()),
            "the document it names",
        )
        .related(
            log.file,
            first.title_span,
            format!("{target}'s title at release {}", first.release),
        )
        .help(help),
    )
}

/// Without a log: the term against the heading of the folder's copy of the document.
fn against_copy(
    corpus: &Corpus,
    doc: &DocumentVersion,
    n: &Named<'_>,
    copy: &DocumentVersion,
) -> Option<Diagnostic> {
    let heading = copy.heading.as_ref()?;
    if corpus.unreadable(copy.file) || names(&n.def.term, &heading.title) {
        return None;
    }
    let (term, target) = (&n.def.term, n.target);
    Some(
        Diagnostic::new(
            RULE.code,
            format!(
                "{} defines ‘{term}’ as {} {target}, but {} is headed ‘{}’",
                named(doc),
                n.phrase,
                named(copy),
                heading.title
            ),
        )
        .at(
            doc.file,
            Span::from(n.def.term_span.clone()),
            format!("not {target}'s heading"),
        )
        .related(doc.file, Span::from(n.reference.span.clone()), "the document it names")
        .related(copy.file, heading.title_span, format!("{target}'s heading"))
        .help(format!(
            "define ‘{}’, {target}'s title, or set the definition out in the document titled ‘{term}’ ({FOLDER_NOTE})",
            heading.title
        )),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::primary_texts;

    #[test]
    fn alternatives_and_acronyms() {
        assert!(names(
            "GB Companion Specification or GBCS",
            "GB Companion Specification"
        ));
        assert!(names(
            "DCC User Interface Specification (DUIS)",
            "DCC User Interface Specification"
        ));
        assert!(names(
            "Inventory Enrolment & Decommissioning Procedures",
            "Inventory, Enrolment and Decommissioning Procedures"
        ));
        assert!(!names(
            "DCC User Interface Specifications",
            "DCC User Interface Specification"
        ));
        assert!(!names(
            "Service Request Processing",
            "Service Request Processing Document"
        ));
    }

    #[test]
    fn without_a_log_the_folders_copy_is_the_reference() {
        let a = "# Section A: Definitions and Interpretation\n\n## A1 Definitions\n\n\
                 **DCC User Interface Specification** means the SEC Subsidiary Document of that name set out in Appendix AB.\n\n\
                 **Service Request Processing Document** means the SEC Subsidiary Document of that\nname set out in Appendix AB.\n\n\
                 **Message Mapping Catalogue** means the document set out in Appendix AB.\n";
        let ab = "# Appendix AB: Service Request Processing Document\n\n1.1 Text.\n";
        let got = primary_texts("DEF004", &[("a.md", a), ("ab.md", ab)]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "DCC User Interface Specification");
        assert_eq!(
            got[0].1,
            "Section A defines ‘DCC User Interface Specification’ as the SEC Subsidiary Document of that name set out in Appendix AB, but Appendix AB is headed ‘Service Request Processing Document’"
        );
    }
}
