//! VCT007 effect-before-version: a version-control row's reason says a change it includes
//! took effect on a date before the row's own implementation date, so the change had
//! effect while a version that did not contain it was in effect.
//!
//! The mirror of VCT005 (a row dated before its effect). The published record dates a
//! Panel-directed change's version a day or so after the change took effect (the version is
//! re-published once the direction has effect), so a short lag is not reported: an effect
//! date within [`LAG_DAYS`] before the row's date passes, unless the version before the
//! row was already implemented on or after that day (then that version, which does not
//! hold the change, was in effect when the change took effect, whatever the lag).

use super::{Versions, disputed_rows, release_dates_of, tables};
use crate::date::Date;
use crate::diagnostic::Diagnostic;
use crate::model::Corpus;
use crate::parse::version_table::{VersionRow, VersionTable};
use crate::rules::{Check, Needs, Rule};
use crate::source::Span;

pub const RULE: Rule = Rule {
    code: "VCT007",
    needs: Needs::Nothing,
    check: Check::Corpus(check),
};

/// How many days a row may be dated after the effect its reason gives without a finding,
/// when no earlier version came between: the time it takes to publish the version.
pub(crate) const LAG_DAYS: i64 = 7;

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let dates = release_dates_of(corpus);
    for t in tables(corpus) {
        let disputed = disputed_rows(corpus, &dates, &t);
        let versions = Versions::new(t.table);
        for row in &t.table.rows {
            let Some(date) = row.date else { continue };
            // The earliest effect date before the row's own: one finding per row.
            let Some((effect, span)) = row
                .reasons
                .iter()
                .flat_map(|re| &re.effect_dates)
                .filter(|(d, _)| *d < date)
                .min_by_key(|(d, _)| *d)
            else {
                continue;
            };
            if disputed.has(row) {
                continue; // VCT002 or VCT006 says what the row's date should be
            }
            // The version before, when its date is in order (else VCT004 speaks).
            let before = versions
                .predecessor(&row.version)
                .and_then(|p| p.date.filter(|d| *d <= date));
            let lag = date.days_since_epoch() - effect.days_since_epoch();
            if lag <= LAG_DAYS && before.is_none_or(|b| *effect > b) {
                continue;
            }
            let effect = *effect;
            let holder = in_effect_on(t.table, row, effect);
            let message = match holder {
                Some(w) => format!(
                    "the {} row is dated {}, but its reason says a change it includes took effect on {}, when version {} (which does not include it) was in effect",
                    row.version,
                    date.long(),
                    effect.long(),
                    w.version
                ),
                None => format!(
                    "the {} row is dated {}, but its reason says a change it includes took effect earlier, on {}",
                    row.version,
                    date.long(),
                    effect.long()
                ),
            };
            let mut d = Diagnostic::new(RULE.code, message)
                .at(
                    t.file,
                    Span::from(span.clone()),
                    format!("the change takes effect on {}", effect.long()),
                )
                .related(
                    t.file,
                    Span::from(row.date_span.clone()),
                    format!("version {} dated {}", row.version, date.long()),
                );
            if let Some(w) = holder {
                d = d.related(
                    t.file,
                    Span::from(w.date_span.clone()),
                    format!(
                        "version {} in effect from {}",
                        w.version,
                        w.date.map(|d| d.long()).unwrap_or_default()
                    ),
                );
            }
            out.push(d.help(format!(
                "a change takes effect in the version that includes it: correct the effect date (on or shortly before {}) or the row's date, or move the reason to the row of the version that first included the change",
                date.long()
            )));
        }
    }
}

/// The version of the table in effect on `day`, before `row`'s: the lower version dated
/// latest on or before that day.
fn in_effect_on<'a>(
    table: &'a VersionTable,
    row: &VersionRow,
    day: Date,
) -> Option<&'a VersionRow> {
    table
        .rows
        .iter()
        .filter(|r| r.version < row.version && r.date.is_some_and(|d| d <= day))
        .max_by(|a, b| a.date.cmp(&b.date).then(a.version.cmp(&b.version)))
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::check_strs;

    /// (primary text, related texts, message) of a VCT007 finding.
    type Found = (String, Vec<String>, String);

    /// Each VCT007 finding, and every VCT code found.
    fn run(files: &[(&str, &str)]) -> (Vec<Found>, Vec<&'static str>) {
        let out = check_strs(files);
        let found = out
            .diagnostics
            .iter()
            .filter(|d| d.code == "VCT007")
            .map(|d| {
                let p = d.primary.as_ref().unwrap();
                assert!(d.help.is_some());
                let f = out.corpus.source(p.file);
                let related = d
                    .related
                    .iter()
                    .map(|l| f.slice(l.span).to_string())
                    .collect();
                (f.slice(p.span).to_string(), related, d.message.clone())
            })
            .collect();
        let codes = out
            .diagnostics
            .iter()
            .map(|d| d.code)
            .filter(|c| c.starts_with("VCT"))
            .collect();
        (found, codes)
    }

    fn md(rows: &str) -> String {
        format!(
            "# Appendix J – Enduring Testing Approach Document\n\n| Version | Implementation Date | Reason for Change | Overview of Modifications |\n|---|---|---|---|\n{rows}\n1.1 This document sets out the testing approach.\n"
        )
    }

    const HEAD: &str = "| 1.0 | 2015-07-01 | Designation by the Secretary of State | First |\n\
                        | 1.1 | 2016-03-09 | Modification to SEC version 1.0 as directed by the Secretary of State | Second |\n";

    #[test]
    fn an_effect_a_year_before_the_row_is_reported_with_both_dates() {
        let text = md(&format!(
            "{HEAD}| 1.2 | 2016-09-13 | Modification to SEC version 1.1 as directed by the SEC Panel with effect 12th September 2015 | Third |\n"
        ));
        let (found, codes) = run(&[("documents/appendix-j/1.2.md", &text)]);
        assert_eq!(codes, ["VCT007"]);
        let (primary, related, message) = &found[0];
        assert_eq!(primary, "12th September 2015");
        assert_eq!(related, &["2016-09-13", "2015-07-01"]);
        assert_eq!(
            message,
            "the 1.2 row is dated 13 September 2016, but its reason says a change it includes took effect on 12 September 2015, when version 1.0 (which does not include it) was in effect"
        );
    }

    #[test]
    fn an_effect_before_the_previous_version_is_reported_whatever_the_lag() {
        // 1.1 was implemented on 9 March 2016; the change took effect on 8 March, in 1.0.
        let text = md(&format!(
            "{HEAD}| 1.2 | 2016-03-11 | Modification to SEC version 1.1 with effect from 8th March 2016 | Third |\n"
        ));
        let (found, _) = run(&[("documents/appendix-j/1.2.md", &text)]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "8th March 2016");
        // On the day 1.1 was implemented: 1.1 did not hold it either.
        let text = md(&format!(
            "{HEAD}| 1.2 | 2016-03-11 | Modification to SEC version 1.1 with effect from 9th March 2016 | Third |\n"
        ));
        assert_eq!(run(&[("documents/appendix-j/1.2.md", &text)]).0.len(), 1);
    }

    #[test]
    fn one_finding_per_row_at_the_earliest_effect() {
        let text = md(&format!(
            "{HEAD}| 1.2 | 2017-01-10 | Modification to SEC version 1.1 with effect 1st June 2016<br>Modification to SEC version 1.1 with effect 1st May 2016 | Third |\n"
        ));
        let (found, _) = run(&[("documents/appendix-j/1.2.md", &text)]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "1st May 2016");
    }

    #[test]
    fn near_misses_stay_silent() {
        let quiet = |rows: &str| {
            let text = md(&format!("{HEAD}{rows}"));
            let (found, _) = run(&[("documents/appendix-j/1.2.md", &text)]);
            assert!(found.is_empty(), "{rows}: {found:?}");
        };
        // The seeds' shape: dated the day after the change took effect.
        quiet(
            "| 1.2 | 2016-09-13 | Modification to SEC version 1.1 as directed by the SEC Panel with effect 12th September 2016. | Third |\n",
        );
        // A week's lag, no version in between.
        quiet(
            "| 1.2 | 2016-09-19 | Modification to SEC version 1.1 with effect 12th September 2016 | Third |\n",
        );
        // On the day.
        quiet(
            "| 1.2 | 2016-09-12 | Modification to SEC version 1.1 with effect 12th September 2016 | Third |\n",
        );
        // After the row's date: VCT005's, not this rule's.
        quiet(
            "| 1.2 | 2016-09-12 | Modification to SEC version 1.1 with effect 1st October 2016 | Third |\n",
        );
        // An approval date long before the row is no effect date.
        quiet(
            "| 1.2 | 2016-09-13 | Implementation of MP050 approved via Change Board vote on 2nd February 2016 | Third |\n",
        );
        // An effect date in the Overview column is not the reason's.
        quiet(
            "| 1.2 | 2016-09-13 | Modification to SEC version 1.1 | Changes with effect 1st January 2016 |\n",
        );
        // A table with a row that could not be read.
        quiet(
            "| 1.2 | 2016-09-13 | Modification to SEC version 1.1 with effect 12th September 2015 | Third |\n| v1.3 draft | 2017-01-01 | x | y |\n",
        );
    }

    #[test]
    fn a_row_whose_date_the_log_disputes_is_left_to_the_log() {
        let log = "release,effective_date,document,version,title\n\
                   40.0,2021-06-24,appendix-j,1.0,Enduring Testing Approach Document\n\
                   54.0,2021-12-17,appendix-j,1.1,Enduring Testing Approach Document\n";
        let text = md(
            "| 1.0 | 2021-06-24 | Designation by the Secretary of State | First |\n\
             | 1.1 | 2022-03-01 | Modification to SEC version 1.0 as directed by the SEC Panel with effect 17th December 2021 | Second |\n",
        );
        let (found, codes) = run(&[
            ("document-log.csv", log),
            ("documents/appendix-j/1.1.md", &text),
        ]);
        assert!(found.is_empty());
        assert_eq!(codes, ["VCT002"]);
    }

    #[test]
    fn the_seed_shaped_fixture_has_no_effect_before_its_version() {
        let text = include_str!("../../../tests/fixtures/extract/version-control-pdf.txt");
        assert!(run(&[("table.txt", text)]).0.is_empty());
    }
}
