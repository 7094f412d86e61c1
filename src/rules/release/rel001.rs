//! REL001 note-date-differs: a release note gives its release another effective date than
//! the Document Log.

use super::{note_name, release_of};
use crate::diagnostic::Diagnostic;
use crate::history::History;
use crate::model::Corpus;
use crate::rules::{Check, Needs, Rule};
use crate::source::Span;

pub const RULE: Rule = Rule {
    code: "REL001",
    needs: Needs::Log,
    check: Check::Corpus(check),
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let Some(log) = &corpus.log else { return };
    let releases = History::new(log);
    let history = History::new(log);
    let dates = history.effective_dates();
    for nf in &corpus.release_notes {
        if corpus.unreadable(nf.file) {
            continue;
        }
        let (Some(release), Some(stated)) = (release_of(nf), &nf.note.effective_date) else {
            continue;
        };
        // An impossible date is DATE001's; a release the log lacks is REL002's.
        let Some(date) = stated.date else { continue };
        if !releases.contains(release) {
            continue;
        }
        let Some(&(log_date, row)) = dates.get(release) else {
            continue;
        };
        if date == log_date {
            continue;
        }
        out.push(
            Diagnostic::new(
                RULE.code,
                format!(
                    "{} dates release {release} to {}, but the Document Log gives {}",
                    note_name(nf),
                    date.long(),
                    log_date.long()
                ),
            )
            .at(
                nf.file,
                Span::from(stated.span.clone()),
                format!("{} here", date.long()),
            )
            .related(
                log.file,
                row.date_span,
                format!("release {release} takes effect on {log_date}"),
            )
            .help(format!(
                "a release has one effective date: write {} in the note, or correct the log if the note is right",
                log_date.long()
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::release::{Found, run};

    const LOG: &str = "release,effective_date,document,version,title\n\
        40.0,2021-06-24,section-h,1.0,DCC Services\n\
        40.0,2021-06-23,section-x,1.0,Transition\n\
        40.0,2021-06-24,section-t,1.0,Testing During Transition\n";
    const H: &str = "# Section H: DCC Services\n\nH1.1 The DCC shall act.\n";
    const X: &str = "# Section X: Transition\n\nX1.1 Transition ends.\n";
    const T: &str = "# Section T: Testing During Transition\n\nT1.1 Tests run.\n";

    fn note(body: &str) -> String {
        format!(
            "SEC v40.0 published for the June 2021 SEC Release\n\n{body}\n\n\
             What parts of the SEC were affected?\n\n  • Section H ‘DCC Services’\n"
        )
    }

    fn check(note: &str) -> Vec<Found> {
        run(
            "REL001",
            &[
                ("document-log.csv", LOG),
                ("documents/section-h/1.0.md", H),
                ("documents/section-x/1.0.md", X),
                ("documents/section-t/1.0.md", T),
                ("releases/40.0.txt", note),
            ],
        )
    }

    #[test]
    fn the_stated_date_is_compared_with_the_release_date() {
        // "came into effect on" wins over the date line; the log's date is the majority's.
        let got = check(&note(
            "24 June 2021\n\nSEC version 40.0 came into effect on 23 June 2021.",
        ));
        assert_eq!(got.len(), 1);
        let (path, line, message, related) = &got[0];
        assert_eq!((path.as_str(), *line), ("releases/40.0.txt", 5));
        assert_eq!(
            message,
            "the 40.0 release note dates release 40.0 to 23 June 2021, but the Document Log gives 24 June 2021"
        );
        assert_eq!(related, &[("document-log.csv".to_string(), 2)]);
    }

    #[test]
    fn agreeing_missing_and_impossible_dates_are_quiet() {
        assert!(check(&note("24 June 2021\n\nSEC version 40.0 came into effect.")).is_empty());
        assert!(check(&note("On 24 June 2021, a new SEC came into effect.")).is_empty());
        assert!(check(&note("The SEC changed.")).is_empty());
        // 31 June does not exist: DATE001 says so, not this rule.
        assert!(check(&note("SEC version 40.0 came into effect on 31 June 2021.")).is_empty());
    }

    #[test]
    fn a_publication_date_alone_is_not_the_effective_date() {
        // Published the day after the release took effect: no effect sentence, not judged.
        assert!(check(&note("25 June 2021\n\nSEC version 40.0 was published.")).is_empty());
        // "came into effect today" makes the date line the effective date.
        let got = check(&note(
            "25 June 2021\n\nSEC version 40.0 came into effect today.",
        ));
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, 3);
    }

    #[test]
    fn a_note_for_a_release_the_log_lacks_is_left_to_rel002() {
        let got = run(
            "REL001",
            &[
                ("document-log.csv", LOG),
                ("documents/section-h/1.0.md", H),
                ("documents/section-x/1.0.md", X),
                ("documents/section-t/1.0.md", T),
                ("releases/41.0.txt", &note("1 July 2021")),
            ],
        );
        assert!(got.is_empty());
    }
}
