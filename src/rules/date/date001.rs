//! DATE001 impossible-date: a date whose day does not exist in its month ("31st June 2018",
//! "29 February 2021").

use crate::date::{MONTHS, days_in_month, is_leap_year};
use crate::diagnostic::Diagnostic;
use crate::model::Corpus;
use crate::rules::{Check, Needs, Rule};
use crate::source::Span;

pub const RULE: Rule = Rule {
    code: "DATE001",
    needs: Needs::Nothing,
    check: Check::Corpus(check),
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    for fd in &corpus.dates {
        // Read the text again only for a file with an impossible date to quote.
        if corpus.unreadable(fd.file) || fd.mentions.iter().all(|m| m.date.is_some()) {
            continue;
        }
        let text_source = corpus.source(fd.file);
        let text = text_source.text.as_str();
        for m in fd.mentions.iter().filter(|m| m.date.is_none()) {
            let Some(month) = m.month.checked_sub(1).and_then(|i| MONTHS.get(i as usize)) else {
                continue;
            };
            let last = days_in_month(m.year, m.month);
            let written = text
                .get(m.span.clone())
                .map(crate::title::squeeze)
                .unwrap_or_default();
            let why = if m.month == 2 && m.day == 29 && !is_leap_year(m.year) {
                format!("{:04} is not a leap year, so February has 28 days", m.year)
            } else {
                format!("{month} has {last} days")
            };
            out.push(
                Diagnostic::new(
                    RULE.code,
                    format!("\u{2018}{written}\u{2019} is not a date: {why}"),
                )
                .at(fd.file, Span::from(m.span.clone()), "no such day")
                .help(format!(
                    "check the date against its source and correct it; the last day of {month} {:04} is the {last}th",
                    m.year
                )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::check_memory;

    fn run(text: &str) -> Vec<(String, String)> {
        let out = check_memory(vec![("note.txt".into(), text.as_bytes().to_vec())]);
        out.diagnostics
            .iter()
            .filter(|d| d.code == "DATE001")
            .map(|d| {
                let p = d.primary.as_ref().unwrap();
                (
                    out.corpus.source(p.file).slice(p.span).to_string(),
                    d.message.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn impossible_days_are_reported_as_written() {
        let got = run(
            "The Panel meets on 31st June 2018, again on 29 February 2021 and on 29 February 2020.\nReview by 31 April\n2019.",
        );
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[0].0, "31st June 2018");
        assert!(got[0].1.contains("June has 30 days"), "{}", got[0].1);
        assert_eq!(got[1].0, "29 February 2021");
        assert!(got[1].1.contains("2021 is not a leap year"), "{}", got[1].1);
        assert_eq!(got[2].0, "31 April\n2019");
        assert!(
            got[2].1.contains("\u{2018}31 April 2019\u{2019}"),
            "{}",
            got[2].1
        );
    }

    #[test]
    fn the_help_gives_the_last_day_and_the_year_as_written() {
        let out = check_memory(vec![(
            "note.txt".into(),
            "On 31 April 2021 and 31 February 0000.".as_bytes().to_vec(),
        )]);
        let helps: Vec<&str> = out
            .diagnostics
            .iter()
            .filter_map(|d| d.help.as_deref())
            .collect();
        assert_eq!(
            helps,
            [
                "check the date against its source and correct it; the last day of April 2021 is the 30th",
                "check the date against its source and correct it; the last day of February 0000 is the 29th",
            ]
        );
    }

    #[test]
    fn real_dates_are_not_reported() {
        assert!(run("Effective 30th June 2018, 29 February 2024 and 2022-02-28.").is_empty());
    }
}
