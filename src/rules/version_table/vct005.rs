//! VCT005 dated-before-effect: a version-control row is dated before a date its own reason
//! gives as the effect of a change the version includes ("… with effect 17th August 2016").

use super::{disputed_rows, release_dates_of, tables};
use crate::diagnostic::Diagnostic;
use crate::model::Corpus;
use crate::rules::{Check, Needs, Rule};
use crate::source::Span;

pub const RULE: Rule = Rule {
    code: "VCT005",
    needs: Needs::Nothing,
    check: Check::Corpus(check),
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let dates = release_dates_of(corpus);
    for t in tables(corpus) {
        let disputed = disputed_rows(corpus, &dates, &t);
        for row in &t.table.rows {
            let Some(date) = row.date else { continue };
            // The latest effect date after the row's own: one finding per row.
            let Some((effect, span)) = row
                .reasons
                .iter()
                .flat_map(|re| &re.effect_dates)
                .filter(|(d, _)| *d > date)
                .max_by_key(|(d, _)| *d)
            else {
                continue;
            };
            if disputed.has(row) {
                continue; // VCT002 or VCT006 says what the row's date should be
            }
            out.push(
                Diagnostic::new(
                    RULE.code,
                    format!(
                        "the {} row is dated {}, before a change it includes takes effect ({})",
                        row.version,
                        date.long(),
                        effect.long()
                    ),
                )
                .at(
                    t.file,
                    Span::from(row.date_span.clone()),
                    format!("version {} dated {}", row.version, date.long()),
                )
                .related(
                    t.file,
                    Span::from(span.clone()),
                    format!("the change takes effect on {}", effect.long()),
                )
                .help(
                    "a version cannot be implemented before a change it includes takes effect: correct the row's date or the effect date",
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {

    fn run(files: &[(&str, &str)]) -> Vec<(String, Vec<String>)> {
        let out = crate::rules::testing::check_strs(files);
        out.diagnostics
            .iter()
            .filter(|d| d.code == "VCT005")
            .map(|d| {
                let p = d.primary.as_ref().unwrap();
                let f = out.corpus.source(p.file);
                let related = d
                    .related
                    .iter()
                    .map(|l| f.slice(l.span).to_string())
                    .collect();
                (f.slice(p.span).to_string(), related)
            })
            .collect()
    }

    fn md(rows: &str) -> String {
        format!(
            "# Schedule 7 – Specimen Enabling Services Agreement\n\n| Version | Implementation Date | Reason for Change | Overview of Modifications |\n|---|---|---|---|\n{rows}\n1.1 This Agreement is made between the DCC and the Recipient.\n"
        )
    }

    #[test]
    fn a_row_dated_before_its_latest_effect_date_is_one_finding() {
        let text = md("| 1.0 | 2015-07-01 | Designation | First |\n\
             | 1.1 | 2018-05-31 | Modification to SEC version 1.0 as directed by the SEC Panel with effect 4th June 2018<br>Modification to SEC version 1.0 as directed by the SEC Panel with effect from 14th June 2018 | Second |\n");
        let got = run(&[("documents/schedule-7/1.1.md", &text)]);
        assert_eq!(
            got,
            [("2018-05-31".to_string(), vec!["14th June 2018".to_string()])]
        );
    }

    #[test]
    fn an_effect_on_or_before_the_row_date_is_fine() {
        // The seeds' shape: the row is dated the day after the change took effect.
        let text = md("| 1.0 | 2015-07-01 | Designation | First |\n\
             | 1.1 | 18th August 2016 | Modification to SEC version 1.0 as directed by the SEC Panel with effect 17th August 2016. | Second |\n\
             | 1.2 | 2018-05-31 | Modification to SEC version 1.1 with effect 31st May 2018 | Third |\n");
        assert!(run(&[("documents/schedule-7/1.2.md", &text)]).is_empty());
    }

    #[test]
    fn the_seed_shaped_fixture_has_no_row_dated_before_its_effect() {
        let text = include_str!("../../../tests/fixtures/extract/version-control-pdf.txt");
        assert!(run(&[("table.txt", text)]).is_empty());
    }
}
