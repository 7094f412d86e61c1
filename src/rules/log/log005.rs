//! LOG005 release-dates-out-of-order: a later release takes effect before an earlier one.

use crate::date::Date;
use crate::diagnostic::Diagnostic;
use crate::history::History;
use crate::model::{Corpus, LogRow};
use crate::names::Version;
use crate::rules::{Check, Needs, Rule};

pub const RULE: Rule = Rule {
    code: "LOG005",
    needs: Needs::Log,
    check: Check::Corpus(check),
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let Some(log) = &corpus.log else { return };
    let history = History::new(log);
    let dates = history.effective_dates();
    // The latest date so far, with its release: each release must not come before it.
    let mut latest: Option<(&Version, &Date, &&LogRow)> = None;
    for (release, (date, row)) in &dates {
        if let Some((prev_release, prev_date, prev_row)) = latest
            && date < prev_date
        {
            out.push(
                    Diagnostic::new(
                        RULE.code,
                        format!(
                            "release {release} takes effect on {}, before release {prev_release} on {}",
                            date.long(),
                            prev_date.long()
                        ),
                    )
                    .at(log.file, row.date_span, "earlier than the release before it")
                    .related(
                        log.file,
                        prev_row.date_span,
                        format!("release {prev_release}"),
                    )
                    .help("releases take effect in the order of their numbers: correct the date or the release number"),
                );
            continue;
        }
        latest = Some((release, date, row));
    }
}
