//! REL007 changed-document-not-listed: a release note's prose says a document was changed
//! ("will amend Section J1.2(b)", "has designated Appendix AM"), but the note's affected
//! list does not include it. Which sentences count as saying so is the release-note
//! parser's heuristic (`parse_release_note`): a change verb attributed to the reference,
//! never a citation ("as required by Section L …").

use super::note_name;
use crate::diagnostic::Diagnostic;
use crate::model::Corpus;
use crate::names::DocumentId;
use crate::rules::{Check, Needs, Rule};
use crate::source::Span;

pub const RULE: Rule = Rule {
    code: "REL007",
    needs: Needs::Nothing,
    check: Check::Corpus(check),
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    for nf in &corpus.release_notes {
        if corpus.unreadable(nf.file) {
            continue;
        }
        let note = &nf.note;
        // Not a list read only in part (IO007 says so): the document may be in the rest.
        let (Some(heading), true) = (&note.affected_heading, note.affected_complete()) else {
            continue;
        };
        let text_source = corpus.source(nf.file);
        let text = text_source.text.as_str();
        let mut reported: Vec<&DocumentId> = Vec::new();
        for c in &note.changed_mentions {
            let d = &c.document;
            if reported.contains(&d) || note.affected.iter().any(|a| a.document.as_ref() == Some(d))
            {
                continue;
            }
            reported.push(d);
            let verb = text.get(c.verb_span.clone()).unwrap_or("changed");
            out.push(
                Diagnostic::new(
                    RULE.code,
                    format!(
                        "{} says {d} is changed, but its affected list does not include {d}",
                        note_name(nf)
                    ),
                )
                .at(
                    nf.file,
                    Span::from(c.span.clone()),
                    format!("changed here (‘{verb}’)"),
                )
                .related(
                    nf.file,
                    Span::from(heading.clone()),
                    format!("{d} is not in this list"),
                )
                .help(format!(
                    "add {d} to the affected list, or reword the summary if {d} did not change"
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::release::run;

    fn note(summary: &str, list: &str) -> String {
        format!(
            "SEC v40.0 published\n\n24 June 2021\n\n\
             SEC version 40.0 came into effect on 24 June 2021.\n\n\n\
             Summary of changes\n\n{summary}\n\n\n\
             What parts of the SEC were affected?\n\n{list}\n"
        )
    }

    #[test]
    fn changed_documents_must_be_listed_once() {
        let summary = "MP168 ‘Hub Charges’ will amend Section J1.2(b) and Section J3.\n\n\
                       As required by Section L, the DCC consulted.\n\n\
                       The SEC Appendix R ‘Common Test Scenarios Document’ legal text has also been implemented.\n\n\
                       MP170 will update Schedule 11 so that it is clear.";
        let got = run(
            "REL007",
            &[(
                "releases/40.0.txt",
                &note(summary, "  • Section H ‘DCC Services’"),
            )],
        );
        // Section J once (at its first mention), Appendix R; not the cited Section L, and
        // not Schedule 11 ("update" is not read as a change verb).
        let found: Vec<(usize, &str)> = got.iter().map(|g| (g.1, g.2.as_str())).collect();
        assert_eq!(
            found,
            [
                (
                    10,
                    "the 40.0 release note says Section J is changed, but its affected list does not include Section J"
                ),
                (
                    14,
                    "the 40.0 release note says Appendix R is changed, but its affected list does not include Appendix R"
                ),
            ]
        );
        assert_eq!(got[0].3, [("releases/40.0.txt".to_string(), 19)]);
        let listed = note(summary, "  • Section J ‘Charges’\n  • Appendix R");
        assert!(run("REL007", &[("releases/40.0.txt", &listed)]).is_empty());
    }

    #[test]
    fn a_note_without_an_affected_list_is_not_checked() {
        let text = "SEC v40.0 published\n\nSEC version 40.0 came into effect.\n\n\
                    MP168 will amend Section J1.2(b).\n";
        assert!(run("REL007", &[("releases/40.0.txt", text)]).is_empty());
    }

    #[test]
    fn changes_said_below_the_list_to_have_become_effective_count() {
        let text = note(
            "MP168 ‘Hub Charges’ will amend Section J1.2(b).",
            "  • Section J ‘Charges’\n\n\
             Changes to Appendix B previously designated by the Secretary of State also became effective.\n\n\
             Where can I access the legal text?\n\n\
             The redlines of Section H and Appendix C are on the website.",
        );
        let got = run("REL007", &[("releases/40.0.txt", &text)]);
        let found: Vec<&str> = got.iter().map(|g| g.2.as_str()).collect();
        // Appendix B (below the list); not Section H or Appendix C (where the redlines are).
        assert_eq!(
            found,
            [
                "the 40.0 release note says Appendix B is changed, but its affected list does not include Appendix B"
            ]
        );
        assert_eq!(got[0].1, 17);
    }
}
