//! Calendar dates as the SEC writes them: ISO in the Document Log, "24th June 2021" in prose.
//!
//! A tiny proleptic-Gregorian date is all the rules need (ordering, validity, weekday), so
//! no date crate is pulled in.

use std::fmt;

/// A valid calendar date. Construct it with [`Date::new`], which rejects 31 June.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

impl Date {
    /// The date, or `None` when the day does not exist in that month.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date {
            year,
            month: month as u8,
            day: day as u8,
        })
    }

    /// Parses `YYYY-MM-DD` exactly.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = &s[r];
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        Date::new(num(0..4)? as i32, num(5..7)?, num(8..10)?)
    }

    pub fn year(self) -> i32 {
        self.year
    }
    pub fn month(self) -> u32 {
        self.month as u32
    }
    pub fn day(self) -> u32 {
        self.day as u32
    }

    /// Days since 1970-01-01 (negative before), after Howard Hinnant's `days_from_civil`.
    pub fn days_since_epoch(self) -> i64 {
        let y = self.year as i64 - if self.month <= 2 { 1 } else { 0 };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    /// The date `days` after 1970-01-01 (negative before), after Howard Hinnant's
    /// `civil_from_days`: the inverse of [`Self::days_since_epoch`].
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date::new(year, month, day).expect("civil_from_days gives a valid date")
    }

    /// The date `days` after this one (before, when negative).
    pub fn add_days(self, days: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + days)
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> usize {
        // 1970-01-01 was a Thursday (index 3).
        (self.days_since_epoch() + 3).rem_euclid(7) as usize
    }

    pub fn weekday_name(self) -> &'static str {
        WEEKDAYS[self.weekday()]
    }

    /// "24 June 2021", the form used in messages.
    pub fn long(self) -> String {
        format!(
            "{} {} {:04}",
            self.day,
            MONTHS[self.month as usize - 1],
            self.year
        )
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// The month number for a full or three-letter English month name, any case.
pub fn month_from_name(name: &str) -> Option<u32> {
    let lower = name.to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|m| {
            let m = m.to_ascii_lowercase();
            lower == m || (lower.len() >= 3 && m.starts_with(&lower) && lower.len() <= m.len())
        })
        .map(|i| i as u32 + 1)
}

/// The weekday index (0 = Monday) for a full English weekday name, any case.
pub fn weekday_from_name(name: &str) -> Option<usize> {
    WEEKDAYS.iter().position(|w| w.eq_ignore_ascii_case(name))
}

#[cfg(test)]
mod tests {
    #[test]
    fn days_since_epoch_round_trips() {
        for (y, m, d) in [
            (1970, 1, 1),
            (2021, 12, 21),
            (2000, 2, 29),
            (1969, 12, 31),
            (2024, 3, 1),
        ] {
            let date = Date::new(y, m, d).unwrap();
            assert_eq!(Date::from_days_since_epoch(date.days_since_epoch()), date);
        }
        let d = Date::new(2021, 12, 17).unwrap();
        assert_eq!(d.add_days(0), d);
        assert_eq!(d.add_days(15), Date::new(2022, 1, 1).unwrap());
        assert_eq!(d.add_days(-17), Date::new(2021, 11, 30).unwrap());
        assert_eq!(
            Date::new(2024, 2, 28).unwrap().add_days(1),
            Date::new(2024, 2, 29).unwrap()
        );
    }

    use super::*;

    #[test]
    fn rejects_impossible_days() {
        assert!(Date::new(2016, 6, 31).is_none());
        assert!(Date::new(2021, 2, 29).is_none());
        assert!(Date::new(2020, 2, 29).is_some());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2000, 2, 29).is_some());
        assert!(Date::new(2021, 13, 1).is_none());
    }

    #[test]
    fn parses_iso_strictly() {
        assert_eq!(Date::parse_iso("2022-02-24"), Date::new(2022, 2, 24));
        assert_eq!(Date::parse_iso("2022-2-24"), None);
        assert_eq!(Date::parse_iso("2022-02-30"), None);
        assert_eq!(Date::parse_iso("24/02/2022"), None);
        assert_eq!(Date::parse_iso("2022-0a-24"), None);
    }

    #[test]
    fn weekdays_of_known_dates() {
        // Checked against a calendar: the SEC was designated on Monday 23 September 2013,
        // v57.0 took effect on Thursday 24 February 2022, 21 December 2021 was a Tuesday.
        assert_eq!(Date::new(2013, 9, 23).unwrap().weekday_name(), "Monday");
        assert_eq!(Date::new(2022, 2, 24).unwrap().weekday_name(), "Thursday");
        assert_eq!(Date::new(2021, 12, 21).unwrap().weekday_name(), "Tuesday");
        assert_eq!(Date::new(1970, 1, 1).unwrap().weekday_name(), "Thursday");
        assert_eq!(Date::new(1969, 12, 31).unwrap().weekday_name(), "Wednesday");
    }

    #[test]
    fn month_names() {
        assert_eq!(month_from_name("June"), Some(6));
        assert_eq!(month_from_name("sept"), Some(9));
        assert_eq!(month_from_name("Dec"), Some(12));
        assert_eq!(month_from_name("Ju"), None);
        assert_eq!(month_from_name("Junes"), None);
    }
}
