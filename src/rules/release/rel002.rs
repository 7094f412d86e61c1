//! REL002 note-version-differs: a release note states an SEC version other than the
//! release it is the note for, or a release the Document Log does not have.
//!
//! The note's release is its file name's (`releases/57.0.md`); in a loose folder, where
//! the file name says nothing, the version its title (or first mention) states. Every
//! "SEC version X" / "SEC vX" in the title and the opening paragraphs must name it. When
//! the corpus has a Document Log, the release must also be one of the log's.

use super::{note_name, release_of};
use crate::diagnostic::Diagnostic;
use crate::history::History;
use crate::model::Corpus;
use crate::rules::{Check, Needs, Rule};
use crate::source::Span;

pub const RULE: Rule = Rule {
    code: "REL002",
    needs: Needs::Nothing,
    check: Check::Corpus(check),
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let releases = corpus.log.as_ref().map(History::new);
    for nf in &corpus.release_notes {
        if corpus.unreadable(nf.file) {
            continue;
        }
        let Some(release) = release_of(nf) else {
            continue;
        };
        let from_name = nf.release.is_some();
        let mentions = &nf.note.version_mentions;
        // The mention that agrees with the release, to point at: the title's, usually.
        let agreeing = mentions.iter().find(|(v, _)| v == release);
        let title_agrees = agreeing.is_some_and(|(_, a)| {
            nf.note
                .title_span
                .as_ref()
                .is_some_and(|t| t.start <= a.start && a.end <= t.end)
        });
        let whose = match (from_name, title_agrees) {
            (true, true) => "its file name and its title say so",
            (true, false) => "its file name says so",
            (false, _) => "it says so first",
        };
        for (v, span) in mentions.iter().filter(|(v, _)| v != release) {
            let mut d = Diagnostic::new(
                RULE.code,
                format!(
                    "{} states SEC version {v} here, but it is the note for release {release} ({whose})",
                    note_name(nf),
                ),
            )
            .at(nf.file, Span::from(span.clone()), format!("{v} here"));
            if let Some((_, a)) = agreeing {
                d = d.related(nf.file, Span::from(a.clone()), format!("{release} here"));
            }
            out.push(d.help(format!(
                "write {release} wherever the note names its SEC version, or rename the file if the note is for release {v}"
            )));
        }
        // A note for a release the log does not have.
        let Some(releases) = &releases else { continue };
        if releases.releases().is_empty() || releases.contains(release) {
            continue;
        }
        let span = match (agreeing, &nf.note.title_span) {
            (Some((_, s)), _) => s.clone(),
            (None, Some(t)) => t.clone(),
            (None, None) => continue,
        };
        let header = corpus.source(releases.log.file).line_range(0);
        let held = match (releases.releases().first(), releases.releases().last()) {
            (Some(a), Some(b)) if a != b => format!("it has releases {a} to {b}, not {release}"),
            _ => format!("it has release {} only", releases.releases()[0]),
        };
        out.push(
            Diagnostic::new(
                RULE.code,
                format!(
                    "{} is for release {release}, but the Document Log has no release {release}",
                    note_name(nf)
                ),
            )
            .at(nf.file, Span::from(span), format!("release {release}"))
            .related(releases.log.file, Span::from(header), held)
            .help(format!(
                "add release {release}'s rows to the Document Log, or correct the note's version and file name"
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::release::run;

    const NOTE: &str = "# SEC v57.0 published for the February 2022 SEC Release\n\n\
        24 February 2022\n\n\
        SEC version 57.0 came into effect on 24 February 2022.\n\n\
        ## What parts of the SEC were affected?\n\n- Section H ‘DCC Services’\n";

    #[test]
    fn every_mention_must_name_the_file_names_release() {
        let body = NOTE.replace("SEC version 57.0", "SEC version 54.0");
        let got = run("REL002", &[("releases/57.0.md", &body)]);
        assert_eq!(got.len(), 1);
        assert_eq!((got[0].0.as_str(), got[0].1), ("releases/57.0.md", 5));
        assert!(got[0].2.contains("SEC version 54.0"), "{}", got[0].2);
        assert!(got[0].2.contains("file name and its title"), "{}", got[0].2);
        assert_eq!(got[0].3, [("releases/57.0.md".to_string(), 1)]);
        // The file name wins over the title: both mentions are wrong for releases/58.0.md.
        let got = run("REL002", &[("releases/58.0.md", NOTE)]);
        assert_eq!(
            got.iter().map(|g| g.1).collect::<Vec<_>>(),
            [1, 5],
            "{got:?}"
        );
        assert!(got[0].2.contains("(its file name says so)"));
        assert!(run("REL002", &[("releases/57.0.md", NOTE)]).is_empty());
    }

    #[test]
    fn a_loose_note_is_checked_against_its_first_mention() {
        let body = NOTE.replace("SEC version 57.0", "SEC version 56.0");
        let got = run("REL002", &[("000_note.txt", &body)]);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1, 5);
        assert!(got[0].2.contains("(it says so first)"), "{}", got[0].2);
        assert!(run("REL002", &[("000_note.txt", NOTE)]).is_empty());
    }

    #[test]
    fn the_release_must_be_in_the_log() {
        let log = "release,effective_date,document,version,title\n\
                   54.0,2021-12-17,section-h,1.0,DCC Services\n\
                   55.0,2022-01-06,section-h,1.0,DCC Services\n";
        let h = "# Section H: DCC Services\n\nH1.1 The DCC shall act.\n";
        let files = |name: &'static str| {
            vec![
                ("document-log.csv", log),
                ("documents/section-h/1.0.md", h),
                (name, NOTE),
            ]
        };
        let got = run("REL002", &files("releases/57.0.md"));
        assert_eq!(got.len(), 1);
        assert_eq!(
            got[0].2,
            "the 57.0 release note is for release 57.0, but the Document Log has no release 57.0"
        );
        assert_eq!(got[0].1, 1);
        assert_eq!(got[0].3, [("document-log.csv".to_string(), 1)]);
    }

    #[test]
    fn the_version_replaced_is_not_the_notes_version() {
        let body = NOTE.replace(
            "came into effect on 24 February 2022.",
            "came into effect on 24 February 2022, replacing SEC version 56.0.",
        );
        assert!(run("REL002", &[("releases/57.0.md", &body)]).is_empty());
        // A near-miss: the version the release came to is still judged.
        let wrong = NOTE.replace(
            "SEC version 57.0 came",
            "The Code moved from SEC version 56.0 to SEC version 58.0, which came",
        );
        let got = run("REL002", &[("releases/57.0.md", &wrong)]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].2.contains("SEC version 58.0"), "{}", got[0].2);
    }
}
