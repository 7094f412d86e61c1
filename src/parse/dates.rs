//! Dates as SEC prose writes them: "24 February 2022", "24th June 2021", "Tuesday,
//! 4 January 2022", "14th September\n2015" (split by PDF extraction), and ISO "2022-02-24".
//!
//! A mention needs a day, a month name and a four-digit year; "27 April" alone is not one.
//! An impossible day ("31st June 2016") is still reported, with `date: None` and the day,
//! month and year as written, so a rule can say what is wrong with it.
//!
//! The scan is a literal search for month-name prefixes (SIMD-accelerated by the regex
//! crate's literal engine) plus a `memchr` walk over `-` for ISO dates; everything else is
//! byte-level look-around, with no allocation per candidate.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::date::{Date, month_from_name, weekday_from_name};

/// One date written in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMention {
    /// The date itself, from the day to the end of the year ("24th June 2021"), or the ten
    /// bytes of an ISO date. A weekday in front is not included; see [`Self::full_span`].
    pub span: Range<usize>,
    /// The calendar date, or `None` when the day does not exist in that month.
    pub date: Option<Date>,
    /// The numbers as written (day 1..=31, month 1..=12).
    pub day: u32,
    pub month: u32,
    pub year: i32,
    /// A weekday written in front ("Monday 20 December 2021", "Tuesday, 4 January 2022"):
    /// its index (0 = Monday) and the span of the weekday word.
    pub weekday: Option<(usize, Range<usize>)>,
}

impl DateMention {
    /// The span including a leading weekday, when there is one.
    pub fn full_span(&self) -> Range<usize> {
        match &self.weekday {
            Some((_, w)) => w.start..self.span.end,
            None => self.span.clone(),
        }
    }
}

/// Three-letter prefixes of the month names, as they start a capitalised or upper-case
/// word. A pure literal alternation, so the regex crate searches it with its SIMD prefilter.
static MONTH_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|\
         JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC",
    )
    .expect("month regex")
});

/// Every date mention in `text`, in text order.
pub fn find_dates(text: &str) -> Vec<DateMention> {
    let prose = find_prose(text);
    let iso = find_iso(text);
    if iso.is_empty() {
        return prose;
    }
    if prose.is_empty() {
        return iso;
    }
    let mut out = Vec::with_capacity(prose.len() + iso.len());
    let (mut p, mut i) = (prose.into_iter().peekable(), iso.into_iter().peekable());
    loop {
        let take_prose = match (p.peek(), i.peek()) {
            (Some(a), Some(b)) => a.span.start <= b.span.start,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        let next = if take_prose { p.next() } else { i.next() };
        out.extend(next);
    }
    out
}

/// The date written in `s` alone (surrounding white space and one trailing `.` or `,`
/// ignored), in prose ("24th June 2021", "Monday 20 December 2021") or ISO form.
/// `None` when `s` is anything else or names a day that does not exist.
pub fn parse_prose_date(s: &str) -> Option<Date> {
    let t = s.trim();
    let t = t.strip_suffix(['.', ',']).unwrap_or(t).trim_end();
    if let Some(d) = Date::parse_iso(t) {
        return Some(d);
    }
    let mut found = find_dates(t);
    if found.len() != 1 {
        return None;
    }
    let m = found.pop()?;
    (m.full_span() == (0..t.len())).then_some(m.date).flatten()
}

/// A date written alone as a spreadsheet or a table cell gives it: ISO (`2021-06-24`),
/// prose (`24 June 2021`, `24th June 2021`, `24 Jun 2021`), or numbers day first
/// (`24/06/2021`, `24.06.2021`), as UK documents write them.
pub fn parse_cell_date(s: &str) -> CellDate {
    if let Some(d) = parse_prose_date(s) {
        return CellDate::Date(d);
    }
    let t = s.trim();
    let b = t.as_bytes();
    let iso_shaped = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if iso_shaped {
        let month: u32 = t[5..7].parse().unwrap_or(0);
        return if (1..=12).contains(&month) {
            CellDate::Impossible
        } else {
            CellDate::NoSuchMonth(month)
        };
    }
    let parts: Vec<&str> = t.split(['/', '.']).collect();
    let numeric = parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        && parts[0].len() <= 2
        && parts[1].len() <= 2
        && parts[2].len() == 4
        && t.contains('/') != t.contains('.');
    if !numeric {
        return CellDate::NotADate;
    }
    let (day, month, year) = (
        parts[0].parse::<u32>().unwrap_or(0),
        parts[1].parse::<u32>().unwrap_or(0),
        parts[2].parse::<i32>().unwrap_or(0),
    );
    match Date::new(year, month, day) {
        Some(d) => CellDate::Date(d),
        None if month > 12 && (1..=12).contains(&day) => CellDate::MonthFirst,
        None if !(1..=12).contains(&month) => CellDate::NoSuchMonth(month),
        None => CellDate::Impossible,
    }
}

/// What [`parse_cell_date`] read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellDate {
    Date(Date),
    /// Numbers that are a date only month first (`06/24/2021`): dates are read day first.
    MonthFirst,
    /// A day that does not exist in its month (`31/06/2021`).
    Impossible,
    /// A month number that is no month (`2022-24-02`, `24/14/2022`).
    NoSuchMonth(u32),
    NotADate,
}

/// The prose date whose day starts exactly at byte `start` of `text` ("18th March\n2015"),
/// if there is one. Used by table parsers that already know where a date begins.
pub fn date_at(text: &str, start: usize) -> Option<DateMention> {
    let b = text.as_bytes();
    if start >= b.len() || !b[start].is_ascii_digit() {
        return None;
    }
    if start > 0 && !day_may_follow(b[start - 1]) {
        return None;
    }
    let mut i = start;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    if i - start > 2 {
        return None;
    }
    if i + 2 <= b.len() && is_ordinal_suffix(&b[i..i + 2]) {
        i += 2;
    }
    let month_start = skip_separator_forward(b, i)?;
    let month_end = word_end(b, month_start);
    if month_end == month_start {
        return None;
    }
    mention_from_month(text, month_start, month_end).filter(|m| m.span.start == start)
}

fn find_prose(text: &str) -> Vec<DateMention> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut from = 0;
    while let Some(m) = MONTH_PREFIX.find_at(text, from) {
        let ms = m.start();
        let me = word_end(b, ms);
        from = me.max(m.end());
        if ms > 0 && b[ms - 1].is_ascii_alphanumeric() {
            continue;
        }
        if let Some(found) = mention_from_month(text, ms, me) {
            from = from.max(found.span.end);
            out.push(found);
        }
    }
    out
}

/// Builds the mention around the month word `text[ms..me]`, looking back for the day (and
/// a weekday) and forward for the year.
fn mention_from_month(text: &str, ms: usize, me: usize) -> Option<DateMention> {
    let b = text.as_bytes();
    let word = &text[ms..me];
    if !is_month_case(word) {
        return None;
    }
    let month = month_from_name(word)?;
    // Forward: separator, four-digit year, then no further letter or digit.
    let ys = skip_separator_forward(b, me)?;
    if ys + 4 > b.len() || !b[ys..ys + 4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    if ys + 4 < b.len() && b[ys + 4].is_ascii_alphanumeric() {
        return None;
    }
    let year: i32 = text[ys..ys + 4].parse().ok()?;
    // Backward: separator, optional ordinal suffix, one or two digits.
    let mut i = skip_separator_backward(b, ms)?;
    if i >= 2 && is_ordinal_suffix(&b[i - 2..i]) {
        i -= 2;
    }
    let day_end = i;
    while i > 0 && b[i - 1].is_ascii_digit() && day_end - i < 3 {
        i -= 1;
    }
    let day_start = i;
    let digits = day_end - day_start;
    if digits == 0 || digits > 2 {
        return None;
    }
    if day_start > 0 && !day_may_follow(b[day_start - 1]) {
        return None;
    }
    let day: u32 = text[day_start..day_end].parse().ok()?;
    if !(1..=31).contains(&day) {
        return None;
    }
    Some(DateMention {
        span: day_start..ys + 4,
        date: Date::new(year, month, day),
        day,
        month,
        year,
        weekday: weekday_before(text, day_start),
    })
}

/// A weekday name ending just before `day_start`, separated by white space and an
/// optional comma.
fn weekday_before(text: &str, day_start: usize) -> Option<(usize, Range<usize>)> {
    let b = text.as_bytes();
    let mut i = day_start;
    let mut gap = 0;
    let mut newlines = 0;
    while i > 0 && is_space(b[i - 1]) {
        newlines += usize::from(b[i - 1] == b'\n');
        i -= 1;
        gap += 1;
    }
    if i > 0 && b[i - 1] == b',' {
        i -= 1;
        gap += 1;
    }
    if gap == 0 || newlines > 1 {
        return None;
    }
    let end = i;
    while i > 0 && b[i - 1].is_ascii_alphabetic() {
        i -= 1;
    }
    if i == end || (i > 0 && b[i - 1].is_ascii_alphanumeric()) {
        return None;
    }
    let w = weekday_from_name(&text[i..end])?;
    Some((w, i..end))
}

fn find_iso(text: &str) -> Vec<DateMention> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(off) = memchr::memchr(b'-', &b[pos..]) {
        let i = pos + off; // the first hyphen: YYYY-MM-DD with i at index 4
        pos = i + 1;
        if i < 4 || i + 6 > b.len() {
            continue;
        }
        let s = i - 4;
        let digits = |r: Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        if !(digits(s..i) && digits(i + 1..i + 3) && b[i + 3] == b'-' && digits(i + 4..i + 6)) {
            continue;
        }
        if s > 0 && (b[s - 1].is_ascii_alphanumeric() || matches!(b[s - 1], b'-' | b'.' | b'/')) {
            continue;
        }
        let e = i + 6;
        if e < b.len() && (b[e].is_ascii_digit() || (b[e].is_ascii_alphabetic() && b[e] != b'T')) {
            continue;
        }
        let year: i32 = text[s..i].parse().unwrap_or(0);
        let month: u32 = text[i + 1..i + 3].parse().unwrap_or(0);
        let day: u32 = text[i + 4..e].parse().unwrap_or(0);
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            continue;
        }
        out.push(DateMention {
            span: s..e,
            date: Date::new(year, month, day),
            day,
            month,
            year,
            weekday: weekday_before(text, s),
        });
        pos = e;
    }
    out
}

fn word_end(b: &[u8], start: usize) -> usize {
    let mut i = start;
    while i < b.len() && b[i].is_ascii_alphabetic() {
        i += 1;
    }
    i
}

/// "June" or "JUNE", not "jUNE" or "JuNE".
fn is_month_case(word: &str) -> bool {
    let rest = &word.as_bytes()[1..];
    rest.iter().all(u8::is_ascii_lowercase) || rest.iter().all(u8::is_ascii_uppercase)
}

fn is_ordinal_suffix(two: &[u8]) -> bool {
    matches!(
        [two[0].to_ascii_lowercase(), two[1].to_ascii_lowercase()],
        [b's', b't'] | [b'n', b'd'] | [b'r', b'd'] | [b't', b'h']
    )
}

/// What may stand before a day number: not a letter or digit ("v4" / "SMETS2"), nor a
/// `.`, `/`, `:` or `-` that would make it part of "v4.2", a clause or a range.
fn day_may_follow(c: u8) -> bool {
    !(c.is_ascii_alphanumeric() || matches!(c, b'.' | b'/' | b':' | b'-' | b'_'))
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\r' | b'\n')
}

/// Skips the white space between two parts of a date: spaces, tabs, no-break spaces and at
/// most two line breaks (a PDF line break, possibly followed by a blank line). Needs at
/// least one such character; returns the index after it.
fn skip_separator_forward(b: &[u8], mut i: usize) -> Option<usize> {
    let start = i;
    let mut newlines = 0;
    while i < b.len() {
        if is_space(b[i]) {
            newlines += usize::from(b[i] == b'\n');
            i += 1;
        } else if b[i] == 0xC2 && b.get(i + 1) == Some(&0xA0) {
            i += 2;
        } else {
            break;
        }
    }
    (i > start && newlines <= 2).then_some(i)
}

fn skip_separator_backward(b: &[u8], mut i: usize) -> Option<usize> {
    let end = i;
    let mut newlines = 0;
    while i > 0 {
        if is_space(b[i - 1]) {
            newlines += usize::from(b[i - 1] == b'\n');
            i -= 1;
        } else if i >= 2 && b[i - 1] == 0xA0 && b[i - 2] == 0xC2 {
            i -= 2;
        } else {
            break;
        }
    }
    (i < end && newlines <= 2).then_some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<Date> {
        Date::new(y, m, day)
    }

    fn spans<'a>(text: &'a str, found: &[DateMention]) -> Vec<&'a str> {
        found.iter().map(|m| &text[m.span.clone()]).collect()
    }

    #[test]
    fn plain_and_ordinal_dates() {
        let text = "Effective 3 November 2022; approved on the 21st October 2022 and \
                    again on 2nd Dec 2022, reviewed 23rd JANUARY 2023.";
        let found = find_dates(text);
        assert_eq!(
            spans(text, &found),
            [
                "3 November 2022",
                "21st October 2022",
                "2nd Dec 2022",
                "23rd JANUARY 2023"
            ]
        );
        assert_eq!(found[0].date, d(2022, 11, 3));
        assert_eq!(found[1].date, d(2022, 10, 21));
        assert_eq!(found[2].date, d(2022, 12, 2));
        assert_eq!(found[3].date, d(2023, 1, 23));
        assert!(found.iter().all(|m| m.weekday.is_none()));
    }

    #[test]
    fn impossible_day_is_reported_without_a_date() {
        let text = "The row says 31st June 2016 and 29 February 2021, but 29 February 2020 exists.";
        let found = find_dates(text);
        assert_eq!(
            spans(text, &found),
            ["31st June 2016", "29 February 2021", "29 February 2020"]
        );
        assert_eq!(
            (found[0].date, found[0].day, found[0].month, found[0].year),
            (None, 31, 6, 2016)
        );
        assert_eq!(
            (found[1].date, found[1].day, found[1].month, found[1].year),
            (None, 29, 2, 2021)
        );
        assert_eq!(found[2].date, d(2020, 2, 29));
    }

    #[test]
    fn date_split_over_line_breaks() {
        let text = "4.4 16th September \n\n2015 \n\napproved on 25th \r\n\r\nOctober 2017.\nand 3 May\n2019";
        let found = find_dates(text);
        assert_eq!(
            spans(text, &found),
            [
                "16th September \n\n2015",
                "25th \r\n\r\nOctober 2017",
                "3 May\n2019"
            ]
        );
        assert_eq!(found[0].date, d(2015, 9, 16));
        assert_eq!(found[1].date, d(2017, 10, 25));
        assert_eq!(found[2].date, d(2019, 5, 3));
        // Three line breaks are too many: that is two paragraphs, not one date.
        assert!(find_dates("on 7 June\n\n\n2020").is_empty());
    }

    #[test]
    fn weekdays_in_front() {
        let text = "Held on Wednesday 21 December 2022 at noon; the poll opens Friday, \
                    6 January 2023. On Monday the 9 January 2023 nothing.";
        let found = find_dates(text);
        assert_eq!(found.len(), 3);
        let (w, ws) = found[0].weekday.clone().unwrap();
        assert_eq!((w, &text[ws]), (2, "Wednesday"));
        assert_eq!(&text[found[0].full_span()], "Wednesday 21 December 2022");
        let (w, ws) = found[1].weekday.clone().unwrap();
        assert_eq!((w, &text[ws]), (4, "Friday"));
        assert_eq!(&text[found[1].full_span()], "Friday, 6 January 2023");
        assert_eq!(&text[found[1].span.clone()], "6 January 2023");
        assert!(
            found[2].weekday.is_none(),
            "'the' sits between weekday and day"
        );
    }

    #[test]
    fn iso_dates() {
        let text = "effective_date 2022-02-24, bad 2022-02-30, not 2022-13-01 nor 12022-01-01 nor v2022-01-01 \
                    but Thursday 2022-03-03 and 2023-01-05T10:00.";
        let found = find_dates(text);
        assert_eq!(
            spans(text, &found),
            ["2022-02-24", "2022-02-30", "2022-03-03", "2023-01-05"]
        );
        assert_eq!(found[0].date, d(2022, 2, 24));
        assert_eq!((found[1].date, found[1].day), (None, 30));
        assert_eq!(found[2].weekday.as_ref().map(|w| w.0), Some(3));
    }

    #[test]
    fn decoys_are_not_dates() {
        for text in [
            "pre-SMETS2 v4.2 Devices",
            "from 27 April until later",
            "SMETS2 v5.1 April 2024 cohort",
            "17 December SEC Panel Meeting 99",
            "a Mayor of 3 Marching 2020",
            "March 2022 release",
            "on 0 March 2020 or 32 March 2020",
            "the 123 May 2020 batch",
            "Section H8.16 May 2020",
            "12 June 20201",
            "12 June 2020a",
        ] {
            assert!(
                find_dates(text).is_empty(),
                "{text:?}: {:?}",
                find_dates(text)
            );
        }
    }

    #[test]
    fn no_break_spaces_separate_parts() {
        let text = "from 24\u{a0}February\u{a0}2022 on";
        let found = find_dates(text);
        assert_eq!(spans(text, &found), ["24\u{a0}February\u{a0}2022"]);
        assert_eq!(found[0].date, d(2022, 2, 24));
    }

    #[test]
    fn mixed_prose_and_iso_in_order() {
        let text = "2021-06-24 then 24 February 2022 then 2022-11-03";
        let found = find_dates(text);
        assert_eq!(
            spans(text, &found),
            ["2021-06-24", "24 February 2022", "2022-11-03"]
        );
    }

    #[test]
    fn parse_single_date() {
        assert_eq!(parse_prose_date("24 February 2022"), d(2022, 2, 24));
        assert_eq!(parse_prose_date(" 6th April 2014 "), d(2014, 4, 6));
        assert_eq!(parse_prose_date("2022-02-24"), d(2022, 2, 24));
        assert_eq!(
            parse_prose_date("Thursday 24 February 2022"),
            d(2022, 2, 24)
        );
        assert_eq!(parse_prose_date("14th September\n2015."), d(2015, 9, 14));
        assert_eq!(parse_prose_date("31st June 2016"), None);
        assert_eq!(parse_prose_date("27 April"), None);
        assert_eq!(parse_prose_date("on 24 February 2022"), None);
        assert_eq!(
            parse_prose_date("24 February 2022 and 25 February 2022"),
            None
        );
        assert_eq!(parse_prose_date(""), None);
    }

    #[test]
    fn date_at_a_known_start() {
        let text = "4.2 18th March \n\n2015 \n\nModifications";
        let m = date_at(text, 4).unwrap();
        assert_eq!(&text[m.span.clone()], "18th March \n\n2015");
        assert_eq!(m.date, d(2015, 3, 18));
        assert!(date_at(text, 0).is_none());
        assert!(date_at(text, 5).is_none());
        assert!(date_at("7 June only", 0).is_none());
    }

    #[test]
    fn dates_in_cells() {
        let d = |y, m, dd| CellDate::Date(Date::new(y, m, dd).unwrap());
        for (s, want) in [
            ("2021-06-24", d(2021, 6, 24)),
            ("24/06/2021", d(2021, 6, 24)),
            ("24.06.2021", d(2021, 6, 24)),
            ("4/6/2021", d(2021, 6, 4)),
            (" 24 June 2021 ", d(2021, 6, 24)),
            ("24th June 2021", d(2021, 6, 24)),
            ("24 Jun 2021", d(2021, 6, 24)),
            ("06/24/2021", CellDate::MonthFirst),
            ("31/06/2021", CellDate::Impossible),
            ("29.02.2021", CellDate::Impossible),
            ("2021-12-32", CellDate::Impossible),
            ("2022-24-02", CellDate::NoSuchMonth(24)),
            ("24/14/2022", CellDate::NoSuchMonth(14)),
            ("24/06/21", CellDate::NotADate),
            ("24/06.2021", CellDate::NotADate),
            ("soon", CellDate::NotADate),
        ] {
            assert_eq!(parse_cell_date(s), want, "{s}");
        }
    }
}
