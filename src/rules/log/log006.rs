//! LOG006 release-with-two-dates: rows of one release give different effective dates.

use crate::diagnostic::Diagnostic;
use crate::history::History;
use crate::model::Corpus;
use crate::rules::{Check, Needs, Rule};

pub const RULE: Rule = Rule {
    code: "LOG006",
    needs: Needs::Log,
    check: Check::Corpus(check),
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let Some(log) = &corpus.log else { return };
    let history = History::new(log);
    let dates = history.effective_dates();
    for rel in history.grouped() {
        let (date, majority) = dates[rel.release];
        let agreeing = rel.rows.iter().filter(|r| r.effective_date == date).count();
        for row in rel.rows.iter().filter(|r| r.effective_date != date) {
            out.push(
                Diagnostic::new(
                    RULE.code,
                    format!(
                        "release {} is given the effective date {} here but {} in {agreeing} other row{}",
                        rel.release,
                        row.effective_date,
                        date,
                        if agreeing == 1 { "" } else { "s" }
                    ),
                )
                .at(log.file, row.date_span, "differs from the release's other rows")
                .related(log.file, majority.date_span, format!("{date} here"))
                .help(format!("a release has one effective date: write {date} if that is right")),
            );
        }
    }
}
