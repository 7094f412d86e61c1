//! DATE002 wrong-weekday: a weekday written in front of a date it does not fall on
//! ("Monday 21 December 2021", which was a Tuesday).

use crate::date::{Date, WEEKDAYS};
use crate::diagnostic::Diagnostic;
use crate::model::Corpus;
use crate::rules::{Check, Needs, Rule};
use crate::source::Span;

pub const RULE: Rule = Rule {
    code: "DATE002",
    needs: Needs::Nothing,
    check: Check::Corpus(check),
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    for fd in &corpus.dates {
        if corpus.unreadable(fd.file) {
            continue;
        }
        for m in &fd.mentions {
            let (Some(date), Some((written, wspan))) = (m.date, &m.weekday) else {
                continue;
            };
            let Some(written_name) = WEEKDAYS.get(*written) else {
                continue;
            };
            if date.weekday() == *written {
                continue;
            }
            let actual = date.weekday_name();
            let near = nearest_with_weekday(date, *written);
            let mut help = format!("write \u{2018}{actual} {}\u{2019}", date.long());
            if let Some(near) = near {
                help.push_str(&format!(
                    ", or, if {written_name} is right, \u{2018}{written_name} {}\u{2019}",
                    near.long()
                ));
            }
            out.push(
                Diagnostic::new(
                    RULE.code,
                    format!("{} was a {actual}, not a {written_name}", date.long()),
                )
                .at(
                    fd.file,
                    Span::from(wspan.clone()),
                    format!("should be {actual}"),
                )
                .related(
                    fd.file,
                    Span::from(m.span.clone()),
                    format!("{} is a {actual}", date.long()),
                )
                .help(help)
                .fix_if(
                    weekday_as_written(&corpus.source(fd.file).text, wspan, date.weekday())
                        .and_then(|w| crate::rules::edit::replacement(corpus, fd.file, &w))
                        .map(|w| (fd.file, Span::from(wspan.clone()), w)),
                ),
            );
        }
    }
}

/// The right weekday in the written one's case ("Monday", "MONDAY", "monday"); the
/// date reader knows whole names only.
fn weekday_as_written(
    text: &str,
    written: &std::ops::Range<usize>,
    right: usize,
) -> Option<String> {
    let was = text.get(written.clone())?;
    let name = *crate::date::WEEKDAYS.get(right)?;
    Some(if was.chars().all(|c| !c.is_lowercase()) {
        name.to_uppercase()
    } else if was.starts_with(|c: char| c.is_lowercase()) {
        name.to_lowercase()
    } else {
        name.to_string()
    })
}

/// The date nearest `date` (within three days, earlier first on a tie) that falls on
/// `weekday` (0 = Monday).
fn nearest_with_weekday(date: Date, weekday: usize) -> Option<Date> {
    [-1i64, 1, -2, 2, -3, 3]
        .into_iter()
        .map(|k| date.add_days(k))
        .find(|d| d.weekday() == weekday)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::check_memory;

    #[test]
    fn the_fix_writes_the_weekday_in_the_case_written() {
        let t = "on MONDAY 21, on monday 21, on Monday 21";
        assert_eq!(
            weekday_as_written(t, &(3..9), 1).as_deref(),
            Some("TUESDAY")
        );
        assert_eq!(
            weekday_as_written(t, &(17..23), 1).as_deref(),
            Some("tuesday")
        );
        assert_eq!(
            weekday_as_written(t, &(31..37), 1).as_deref(),
            Some("Tuesday")
        );
    }

    #[test]
    fn nearest_date_on_the_written_weekday() {
        let tue = Date::new(2021, 12, 21).unwrap();
        assert_eq!(nearest_with_weekday(tue, 0), Date::new(2021, 12, 20));
        assert_eq!(nearest_with_weekday(tue, 2), Date::new(2021, 12, 22));
        assert_eq!(nearest_with_weekday(tue, 4), Date::new(2021, 12, 24));
    }

    fn run(text: &str) -> Vec<(String, String, String)> {
        let out = check_memory(vec![("note.txt".into(), text.as_bytes().to_vec())]);
        out.diagnostics
            .iter()
            .filter(|d| d.code == "DATE002")
            .map(|d| {
                let p = d.primary.as_ref().unwrap();
                (
                    out.corpus.source(p.file).slice(p.span).to_string(),
                    d.message.clone(),
                    d.help.clone().unwrap(),
                )
            })
            .collect()
    }

    #[test]
    fn a_wrong_weekday_is_reported_with_the_right_one() {
        let got =
            run("The PMA meets on Monday 21 December 2021 and again on Tuesday, 4 January 2022.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Monday");
        assert_eq!(got[0].1, "21 December 2021 was a Tuesday, not a Monday");
        assert!(
            got[0].2.contains("Tuesday 21 December 2021"),
            "{}",
            got[0].2
        );
        assert!(got[0].2.contains("Monday 20 December 2021"), "{}", got[0].2);
    }

    #[test]
    fn impossible_dates_are_left_to_date001() {
        assert!(run("on Friday 31st June 2018").is_empty());
        assert!(run("on Thursday 2022-02-24 and Friday, 25 February 2022").is_empty());
    }
}
