//! VCT004 rows-out-of-order: a version-control row comes before an older version, or is
//! dated before the row above it.

use super::{Table, ascending, disputed_rows, release_dates_of, tables};
use crate::diagnostic::Diagnostic;
use crate::model::Corpus;
use crate::parse::version_table::VersionRow;
use crate::rules::{Check, Needs, Rule};
use crate::source::Span;

pub const RULE: Rule = Rule {
    code: "VCT004",
    needs: Needs::Nothing,
    check: Check::Corpus(check),
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let dates = release_dates_of(corpus);
    for t in tables(corpus) {
        let up = ascending(t.table);
        let disputed = disputed_rows(corpus, &dates, &t);
        let rows = &t.table.rows;
        // The last row above with a date that can be compared.
        let mut dated: Option<&VersionRow> = None;
        for (i, row) in rows.iter().enumerate() {
            let above = i.checked_sub(1).map(|j| &rows[j]);
            let by_version = above.filter(|a| {
                if up {
                    row.version < a.version
                } else {
                    row.version > a.version
                }
            });
            let usable = row.date.is_some() && !disputed.has(row);
            let by_date = dated.filter(|a| {
                usable
                    && match (a.date, row.date) {
                        (Some(x), Some(y)) => {
                            if up {
                                y < x
                            } else {
                                y > x
                            }
                        }
                        _ => false,
                    }
            });
            if let Some(d) = report(&t, row, by_version, by_date, up) {
                out.push(d);
            }
            if usable {
                dated = Some(row);
            }
        }
    }
}

fn report(
    t: &Table<'_>,
    row: &VersionRow,
    by_version: Option<&VersionRow>,
    by_date: Option<&VersionRow>,
    up: bool,
) -> Option<Diagnostic> {
    let order = if up {
        "from the oldest version to the newest"
    } else {
        "from the newest version to the oldest"
    };
    let when = |r: &VersionRow| r.date.map(|d| d.long()).unwrap_or_default();
    // A row below the one it is compared with comes after it, whichever way the table
    // runs; its date is out of order when it is earlier (or, newest first, later).
    let earlier = if up { "before" } else { "after" };
    let d = match (by_version, by_date) {
        (Some(a), _) => {
            let mut d = Diagnostic::new(
                RULE.code,
                format!(
                    "the version-control table runs {order}, but the {} row comes after the {} row",
                    row.version, a.version
                ),
            )
            .at(
                t.file,
                Span::from(row.version_span.clone()),
                format!("version {} here", row.version),
            )
            .related(
                t.file,
                Span::from(a.version_span.clone()),
                format!("version {} above it", a.version),
            );
            if by_date.is_some_and(|b| std::ptr::eq(a, b)) {
                d = d.related(
                    t.file,
                    Span::from(row.date_span.clone()),
                    format!("and dated {earlier} it, {}", when(row)),
                );
            }
            d.help("put the rows in version order, each version after the one it modifies")
        }
        (None, Some(a)) => Diagnostic::new(
            RULE.code,
            format!(
                "the {} row is dated {}, {earlier} the {} row above it ({})",
                row.version,
                when(row),
                a.version,
                when(a)
            ),
        )
        .at(
            t.file,
            Span::from(row.date_span.clone()),
            format!("version {} dated {}", row.version, when(row)),
        )
        .related(
            t.file,
            Span::from(a.date_span.clone()),
            format!("version {} dated {}", a.version, when(a)),
        )
        .help(
            "a later version cannot take effect before an earlier one: check both dates against the releases that implemented them",
        ),
        (None, None) => return None,
    };
    Some(d)
}

#[cfg(test)]
mod tests {
    fn run(files: &[(&str, &str)]) -> Vec<(String, String)> {
        crate::rules::testing::primary_texts("VCT004", files)
    }

    fn md(rows: &str) -> String {
        format!(
            "# Section T: Testing During Transition\n\n| Version | Implementation Date | Reason for Change | Overview of Modifications |\n|---|---|---|---|\n{rows}\nT1.1 Testing applies.\n"
        )
    }

    #[test]
    fn a_date_running_backwards_is_one_finding_at_the_later_row() {
        let text = md("| 1.0 | 2014-07-31 | a | b |\n\
             | 2.0 | 2015-09-14 | a | b |\n\
             | 3.0 | 2015-06-16 | a | b |\n\
             | 4.0 | 2018-05-31 | a | b |\n");
        let got = run(&[("documents/section-t/4.0.md", &text)]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "2015-06-16");
        assert!(got[0].1.contains("before the 2.0 row"), "{}", got[0].1);
    }

    #[test]
    fn swapped_rows_are_one_finding_for_version_and_date_together() {
        let text = md("| 1.0 | 2014-07-31 | a | b |\n\
             | 3.0 | 2018-05-31 | a | b |\n\
             | 2.0 | 2015-09-14 | a | b |\n");
        let got = run(&[("documents/section-t/3.0.md", &text)]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "2.0");
    }

    #[test]
    fn newest_first_tables_and_rows_without_dates_are_not_out_of_order() {
        let text = md("| 3.0 | 2018-05-31 | a | b |\n\
             | 2.0 | 2015-09-14 | a | b |\n\
             | 1.0 | 2014-07-31 | a | b |\n");
        assert!(run(&[("documents/section-t/3.0.md", &text)]).is_empty());
        // The impossible date is DATE001's; the rows around it are in order.
        let text = md("| 1.0 | 2014-07-31 | a | b |\n\
             | 2.0 | 31st June 2016 | a | b |\n\
             | 3.0 | 2018-05-31 | a | b |\n");
        assert!(run(&[("documents/section-t/3.0.md", &text)]).is_empty());
    }

    #[test]
    fn the_seed_shaped_fixture_is_in_order() {
        let text = include_str!("../../../tests/fixtures/extract/version-control-pdf.txt");
        assert!(run(&[("table.txt", text)]).is_empty());
    }
}
