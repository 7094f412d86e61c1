//! Definitions in Section A: terms defined twice, definitions that point to a clause that
//! does not give the meaning, terms that nothing uses, and documents defined "of that
//! name" under a term that is not their title.

use crate::model::{Clause, DocumentVersion};
use crate::names::{DocumentId, DocumentKind};
use crate::parse::definitions::{Definition, DefinitionKind};
use crate::parse::references::{Reference, Target};
use crate::source::Span;
use crate::title::fold_for_search;

mod acronym;
pub mod def001;
pub mod def002;
pub mod def003;
pub mod def004;
pub mod def005;
pub mod def006;

/// Each "has the meaning given … in Section T3.34" definition of a Section A version with
/// the citation it points to: the first citation in its body, when that cites an SEC
/// clause. Definitions whose first citation is of a whole document or of an external
/// instrument ("in Condition 22 of the DCC Licence, as applied by Section X5.4"), or that
/// cite nothing the grammar reads, are left out.
pub(crate) fn definition_targets<'a>(
    doc: &'a DocumentVersion,
    references: &'a [Reference],
) -> impl Iterator<Item = (&'a Definition, &'a Reference)> {
    doc.definitions
        .iter()
        .filter(|d| d.kind == DefinitionKind::MeaningGiven)
        .filter_map(|d| {
            let from = references.partition_point(|r| r.span.start < d.body.start);
            let r = references[from..]
                .first()
                .filter(|r| r.span.start < d.body.end)?;
            let sec_clause =
                !r.external && r.document.is_some() && matches!(r.target, Target::Clause { .. });
            sec_clause.then_some((d, r))
        })
}

/// A clause named as the text would: "Section T3.34", "paragraph 3.3 of Appendix AC".
pub(crate) fn clause_name(document: &DocumentId, clause: &str) -> String {
    match document.kind {
        DocumentKind::Section => format!("Section {clause}"),
        _ => format!("paragraph {clause} of {document}"),
    }
}

/// The text a clause covers: its body; for an inline sub-clause (`J1.2(b)` written in
/// J1.2's text) its parent's; for a part (`H3`) every clause in it.
pub(crate) fn clause_body(doc: &DocumentVersion, number: &str) -> Option<Span> {
    if let Some(c) = doc.clause(number) {
        return Some(c.body);
    }
    let under: Vec<&Clause> = doc
        .clauses
        .iter()
        .filter(|c| c.number.is_under(number))
        .collect();
    if let (Some(first), Some(last)) = (under.first(), under.last()) {
        return Some(Span::new(
            first.span.start as usize,
            last.body.end.max(first.span.end) as usize,
        ));
    }
    let (parent, subs) = crate::clause::split_sub_clauses(number);
    (!subs.is_empty()).then(|| doc.clause(parent).map(|c| c.body))?
}

/// Whether a match of a folded term at `start..end` of folded `text` stands as words: no
/// letter or digit right before it, and after it none, or a plural ending ("s", "es").
pub(crate) fn at_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    if alnum(text[..start].chars().next_back()) {
        return false;
    }
    let rest = &text[end..];
    for ending in ["", "s", "es"] {
        if rest.starts_with(ending) && !alnum(rest[ending.len()..].chars().next()) {
            return true;
        }
    }
    false
}

/// The spellings of a folded term that count as uses besides plurals in "s" and "es"
/// (see [`at_word_boundary`]): itself, its singular when it is a plural ("testing
/// services" also matches "testing service"), and "ies" for "y" ("party", "parties"); a
/// term that gives its acronym in brackets also its words and its acronym alone.
pub(crate) fn spellings(folded: &str) -> Vec<String> {
    // A term that gives its acronym, "installation validity period (ivp)", is used by
    // either: the words, or the acronym alone.
    if let Some((name, rest)) = folded.rsplit_once(" (")
        && let Some(acronym) = rest.strip_suffix(')')
        && !name.is_empty()
        && !acronym.is_empty()
        && acronym.bytes().all(|b| b.is_ascii_alphanumeric())
    {
        let mut out = vec![folded.to_string()];
        out.extend(spellings(name));
        out.push(acronym.to_string());
        return out;
    }
    let mut out = vec![folded.to_string()];
    if let Some(stem) = folded.strip_suffix('y') {
        out.push(format!("{stem}ies"));
    } else if let Some(stem) = folded.strip_suffix("ies") {
        out.push(format!("{stem}y"));
    } else if let Some(stem) = folded.strip_suffix('s')
        && !stem.ends_with('s')
        && stem.len() > 1
    {
        out.push(stem.to_string());
    }
    out
}

/// Whether `text` mentions `term` (case, line breaks, emphasis and plurals aside).
pub(crate) fn mentions(text: &str, term: &str) -> bool {
    let (folded, _) = fold_for_search(text);
    let (term, _) = fold_for_search(term);
    if term.is_empty() {
        return false;
    }
    spellings(&term).iter().any(|t| {
        folded
            .match_indices(t.as_str())
            .any(|(i, m)| at_word_boundary(&folded, i, i + m.len()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_a_map_to_the_text() {
        let text = "The **WAN\n  Coverage** Database’s, X";
        let (f, map) = fold_for_search(text);
        assert_eq!(f, "the wan coverage database's x");
        assert_eq!(f.len(), map.len());
        let at = f.find("wan").unwrap();
        assert_eq!(&text[map[at] as usize..map[at] as usize + 3], "WAN");
        let x = f.find('x').unwrap();
        assert_eq!(&text[map[x] as usize..], "X");
    }

    #[test]
    fn mentions_allow_case_line_breaks_and_plurals() {
        assert!(mentions(
            "each Enrolment Failure\nNotice shall",
            "Enrolment Failure Notice"
        ));
        assert!(mentions(
            "all enrolment failure notices",
            "Enrolment Failure Notice"
        ));
        assert!(mentions("the (**Testing Service**)", "Testing Services"));
        assert!(mentions("two Parties", "Party"));
        assert!(mentions("a Party", "Parties"));
        assert!(!mentions("a Partner", "Party"));
        assert!(!mentions(
            "Enrolment Failure Notified",
            "Enrolment Failure Notice"
        ));
        assert!(!mentions(
            "SubEnrolment Failure Notice",
            "Enrolment Failure Notice"
        ));
        assert!(!mentions("anything", ""));
    }

    #[test]
    fn spellings_of_plural_terms() {
        assert_eq!(
            spellings("testing services"),
            ["testing services", "testing service"]
        );
        assert_eq!(spellings("parties"), ["parties", "party"]);
        assert_eq!(spellings("party"), ["party", "parties"]);
        assert_eq!(spellings("access"), ["access"]);
        assert_eq!(
            spellings("pre-payment meters (ppm)"),
            [
                "pre-payment meters (ppm)",
                "pre-payment meters",
                "pre-payment meter",
                "ppm"
            ]
        );
        assert_eq!(spellings("database"), ["database"]);
    }

    #[test]
    fn a_definition_points_to_its_first_citation_only() {
        let text = "# Section A: Definitions and Interpretation\n\n\
                    **Alpha** has the meaning given to it in Condition 22 of the DCC Licence, \
                    as applied by Section X5.4.\n\n\
                    **Bravo** has the meaning given to that expression in paragraph 3.2 of \
                    Appendix AC, read with Section X5.4.\n\n\
                    **Charlie** has the meaning given to it in Appendix AC.\n\n\
                    **Delta** means the thing in Section X5.4.\n\n\
                    **Echo** has the meaning given to it by the Gas Act.\n\n\
                    **Foxtrot** has the meaning given in\nSection H8.16.\n";
        let a = DocumentId::from_name("Section A").unwrap();
        let parsed = crate::parse::parse_document(text, true, Some(&a));
        let doc = DocumentVersion {
            file: crate::source::FileId(0),
            document: a,
            version: None,
            heading: parsed.heading,
            clauses: parsed.clauses,
            table_block: parsed.table_block,
            version_table: None,
            definitions: parsed.definitions,
            acronyms: parsed.acronyms,
            digest: None,
            numbers: Vec::new(),
            indexed: false,
            headed: Vec::new(),
            by_number: Vec::new(),
            long_numbers: Vec::new(),
        };
        let references =
            crate::parse::document_citations(text, doc.heading.as_ref().map(|h| h.span), None);
        let got: Vec<(&str, &str)> = definition_targets(&doc, &references)
            .map(|(d, r)| (d.term.as_str(), &text[r.span.clone()]))
            .collect();
        assert_eq!(
            got,
            [
                ("Bravo", "paragraph 3.2 of Appendix AC"),
                ("Foxtrot", "Section H8.16")
            ]
        );
    }

    #[test]
    fn clause_names() {
        let t = DocumentId::from_name("Section T").unwrap();
        let ac = DocumentId::from_name("Appendix AC").unwrap();
        assert_eq!(clause_name(&t, "T3.34"), "Section T3.34");
        assert_eq!(clause_name(&ac, "3.3"), "paragraph 3.3 of Appendix AC");
    }
}
