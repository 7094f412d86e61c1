//! DATE defects: a sentence with a bad date is added to a core clause of one document
//! version (and, in the redlines, introduced by that version and removed by the next),
//! as the REF defects add a bad citation.

use super::Planter;
use super::reference::site;
use crate::date::{Date, MONTHS, WEEKDAYS, is_leap_year};

/// A year of the corpus's history.
fn year(ctx: &mut super::Ctx) -> i32 {
    let releases = &ctx.index.releases;
    releases[ctx.rng.below(releases.len())].date.year()
}

/// "4" or "4th".
fn day(ctx: &mut super::Ctx, d: u32) -> String {
    if ctx.rng.chance(50) {
        return d.to_string();
    }
    let suffix = match d {
        1 | 21 | 31 => "st",
        2 | 22 => "nd",
        3 | 23 => "rd",
        _ => "th",
    };
    format!("{d}{suffix}")
}

/// DATE001: a day that its month does not have.
pub const DATE001: Planter = Planter {
    code: "DATE001",
    plant: |ctx| {
        site(ctx, |ctx, _, _| {
            let y = year(ctx);
            let (d, m) = match ctx.rng.below(3) {
                0 => (31, *ctx.rng.pick(&[4, 6, 9, 11])),
                1 if !is_leap_year(y) => (29, 2),
                _ => (30, 2),
            };
            let when = format!("{} {} {y}", day(ctx, d), MONTHS[m - 1]);
            Some((
                format!("The DCC shall report on it to the Panel by {when}."),
                vec![],
            ))
        })
    },
};

/// DATE002: a weekday that its date does not fall on.
pub const DATE002: Planter = Planter {
    code: "DATE002",
    plant: |ctx| {
        site(ctx, |ctx, _, _| {
            let y = year(ctx);
            let date = Date::new(y, ctx.rng.range(1, 12) as u32, ctx.rng.range(1, 28) as u32)?;
            let wrong = (date.weekday() + ctx.rng.range(1, 6)) % 7;
            let comma = if ctx.rng.chance(50) { "," } else { "" };
            Some((
                format!(
                    "The first review of it shall take place on {}{comma} {} {} {y}.",
                    WEEKDAYS[wrong],
                    day(ctx, date.day()),
                    MONTHS[date.month() as usize - 1]
                ),
                vec![],
            ))
        })
    },
};
