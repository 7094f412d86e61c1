//! VCT defects: one row of one version's version-control table is changed, added or
//! removed, in the document and in the redlines that show it, so only the table rules
//! can see it.
//!
//! A table's rows are appended one per version, so every row but the newest of version
//! `vi` is a plain line of redline `vi` and of redline `vi + 1`
//! ([`Ctx::edit_version_line`] changes it), and the newest is the line `{++row` of
//! redline `vi`. One defect per table (`table:` key); a row's date is the date of the
//! release that wrote it, which LOG005 may move, so its `date:` key is taken shared.

use super::{Ctx, Planter, in_version};
use crate::date::Date;
use crate::generate::index::DocInfo;
use crate::parse::dates::find_dates;

/// The cells of a generated row `| version | date | reason | overview |`.
fn cells(row: &str) -> Option<[String; 4]> {
    let inner = row.strip_prefix("| ")?.strip_suffix(" |")?;
    let parts: Vec<&str> = inner.split(" | ").collect();
    let [v, d, r, o] = parts.as_slice() else {
        return None;
    };
    Some([v, d, r, o].map(|s| s.to_string()))
}

fn join(cells: &[String; 4]) -> String {
    format!("| {} |", cells.join(" | "))
}

/// The rows of the table in a version's file, as written.
fn rows(ctx: &Ctx, path: &str) -> Option<Vec<String>> {
    let text = ctx.read(path).ok()?;
    let mut lines = text.lines().skip_while(|l| !l.starts_with("|---"));
    lines.next()?;
    Some(
        lines
            .take_while(|l| l.starts_with('|'))
            .map(str::to_string)
            .collect(),
    )
}

/// The release that first put a version in effect, if the log has it.
fn release_of(d: &DocInfo, version: &str) -> Option<usize> {
    d.versions
        .iter()
        .find(|v| v.version == version)
        .map(|v| v.first)
}

/// A random version of a random document whose table gets the defect: (doc, version
/// index, its table's rows).
fn table(ctx: &mut Ctx) -> Option<(usize, usize, Vec<String>)> {
    let (i, vi) = ctx.random_version(true)?;
    let rows = rows(ctx, &ctx.index.docs[i].versions[vi].path)?;
    Some((i, vi, rows))
}

/// Claims row `row` of version `vi`'s table (and the table) for a change, with the
/// releases whose dates the defect depends on.
fn claim_row(ctx: &mut Ctx, i: usize, vi: usize, row: &str, versions: &[&str]) -> bool {
    let d = &ctx.index.docs[i];
    let mut shared = in_version(i, &d.versions[vi].path);
    shared.extend(
        versions
            .iter()
            .filter_map(|v| release_of(d, v))
            .map(|r| format!("date:{r}")),
    );
    let mut exclusive = ctx.line_keys(i, vi, row);
    exclusive.push(format!("table:{i}:{vi}"));
    ctx.claim(&shared, &exclusive)
}

/// Changes a row other than the newest (and, with `after_first`, not the first) of a
/// random table: `make` gets the document, the rows and the row's index and gives the new
/// row, or `None` when the row does not suit.
fn older_row(
    ctx: &mut Ctx,
    after_first: bool,
    make: impl Fn(&mut Ctx, usize, &[String], usize) -> Option<String>,
) -> bool {
    let Some((i, vi, rows)) = table(ctx) else {
        return false;
    };
    let lo = usize::from(after_first);
    if rows.len() < lo + 2 {
        return false;
    }
    let k = ctx.rng.range(lo, rows.len() - 2);
    let Some(new) = make(ctx, i, &rows, k) else {
        return false;
    };
    // The row's own release, and the one above it (whose date VCT004 compares).
    let versions: Vec<String> = rows[k.saturating_sub(1)..=k]
        .iter()
        .filter_map(|r| cells(r).map(|c| c[0].clone()))
        .collect();
    let versions: Vec<&str> = versions.iter().map(String::as_str).collect();
    if !claim_row(ctx, i, vi, &rows[k], &versions) {
        return false;
    }
    ctx.edit_version_line(i, vi, &rows[k], &new);
    true
}

/// VCT001: the newest version's table is not updated (its own row is missing) or runs
/// ahead (a draft row for the next version).
pub const VCT001: Planter = Planter {
    code: "VCT001",
    plant: |ctx| {
        let index = ctx.index;
        let i = ctx.rng.below(index.docs.len());
        let d = &index.docs[i];
        let Some(v) = d.versions.last() else {
            return false;
        };
        let vi = d.versions.len() - 1;
        let newest = v.newest_row.clone();
        let path = v.path.clone();
        let redline = v.redline.clone();
        if vi > 0 && ctx.rng.chance(50) {
            // Not updated: the row for this version is left out of the document and
            // of its redline; the row before becomes the newest.
            let Some(rl) = redline else { return false };
            let before = d.versions[vi - 1].newest_row.clone();
            // Without the row, the redline must still show a change (else RED005).
            let Ok(text) = ctx.read(&rl) else {
                return false;
            };
            let marks = ["{++", "{--", "{~~"]
                .iter()
                .map(|m| text.matches(m).count())
                .sum::<usize>();
            if marks < 2 {
                return false;
            }
            let versions = [v.version.as_str(), d.versions[vi - 1].version.as_str()];
            if !claim_row(ctx, i, vi, &newest, &versions) {
                return false;
            }
            ctx.replace_text(&path, &format!("{newest}\n"), "");
            ctx.mark(&path, &before);
            ctx.replace_text(&rl, &format!("{{++{newest}\n++}}"), "");
        } else {
            // Ahead: a draft row for the next version.
            let Some((major, minor)) = v.version.split_once('.') else {
                return false;
            };
            let next = format!("{major}.{}", minor.parse::<u32>().unwrap_or(0) + 1);
            let date = index.releases.last().expect("releases").date;
            let date = date.add_days(ctx.rng.range(20, 60) as i64);
            if !claim_row(ctx, i, vi, &newest, &[v.version.as_str()]) {
                return false;
            }
            let row = format!(
                "| {next} | {date} | Modifications to SEC version {} as directed by the Secretary of State pursuant to section 88(1) of the Energy Act 2008 | Draft for consultation |",
                v.version
            );
            ctx.insert_line_after(&path, &newest, &row);
            if let Some(rl) = redline {
                ctx.replace_text(
                    &rl,
                    &format!("{{++{newest}\n"),
                    &format!("{{++{newest}\n{row}\n"),
                );
            }
        }
        true
    },
};

/// VCT002: the newest row is dated some days after the release that put the version
/// in effect.
pub const VCT002: Planter = Planter {
    code: "VCT002",
    plant: |ctx| {
        let Some((i, vi)) = ctx.random_version(true) else {
            return false;
        };
        let d = &ctx.index.docs[i];
        let v = &d.versions[vi];
        let newest = v.newest_row.clone();
        let Some(mut c) = cells(&newest) else {
            return false;
        };
        let Some(date) = Date::parse_iso(&c[1]) else {
            return false;
        };
        if !claim_row(ctx, i, vi, &newest, &[v.version.as_str()]) {
            return false;
        }
        c[1] = date.add_days(ctx.rng.range(1, 20) as i64).to_string();
        let new = join(&c);
        let (path, this_rl) = (v.path.clone(), v.redline.clone());
        let next_rl = d.versions.get(vi + 1).and_then(|n| n.redline.clone());
        ctx.replace_line(&path, &newest, &new, true);
        if let Some(rl) = this_rl {
            ctx.replace_text(&rl, &format!("{{++{newest}\n"), &format!("{{++{new}\n"));
        }
        if let Some(rl) = next_rl {
            ctx.replace_line(&rl, &newest, &format!("{{~~{new}~>{newest}~~}}"), false);
        }
        true
    },
};

/// VCT003: a row says it modifies a version of the table other than the row before it.
pub const VCT003: Planter = Planter {
    code: "VCT003",
    plant: |ctx| {
        older_row(ctx, true, |ctx, _, rows, k| {
            let versions: Vec<String> = rows
                .iter()
                .filter_map(|r| cells(r).map(|c| c[0].clone()))
                .collect();
            let (mut c, prev) = (cells(&rows[k])?, cells(&rows[k - 1])?);
            let others: Vec<&String> = versions.iter().filter(|v| **v != prev[0]).collect();
            let named = *ctx.rng.pick(&others);
            let phrase = format!("Modifications to SEC version {} ", prev[0]);
            c[2] = if c[2].contains(&phrase) {
                c[2].replacen(
                    &phrase,
                    &format!("Modifications to SEC version {named} "),
                    1,
                )
            } else {
                let rest = c[2].strip_prefix("Implementation of ")?;
                format!("Modifications to SEC version {named} implementing {rest}")
            };
            Some(join(&c))
        })
    },
};

/// Whether the Document Log dates the version of a row: it first puts the version in
/// effect after its first release. A row the log dates cannot be moved to another date
/// without VCT006 (which then speaks alone: the log says which date is right).
fn log_dates(d: &DocInfo, version: &str) -> bool {
    release_of(d, version).is_some_and(|r| r > 0)
}

/// VCT004: a row dated before the row above it: a row the log does not date (one for a
/// version in effect at the log's first release, moved earlier, or older than the log).
pub const VCT004: Planter = Planter {
    code: "VCT004",
    plant: |ctx| {
        older_row(ctx, true, |ctx, i, rows, k| {
            let (mut c, above) = (cells(&rows[k])?, cells(&rows[k - 1])?);
            if log_dates(&ctx.index.docs[i], &c[0]) {
                return None;
            }
            let top = Date::parse_iso(&above[1])?;
            // Up to a month before the row above, but not before the approval its reason
            // gives: that would be a second thing wrong with the row.
            let mut low = top.add_days(-31);
            if let Some(approved) = find_dates(&c[2]).into_iter().filter_map(|m| m.date).max() {
                low = low.max(approved);
            }
            let room = top.days_since_epoch() - low.days_since_epoch();
            if room < 2 {
                return None;
            }
            c[1] = low
                .add_days(ctx.rng.range(1, room as usize - 1) as i64)
                .to_string();
            Some(join(&c))
        })
    },
};

/// VCT005: a row's reason gives an effect date after the row's own date.
pub const VCT005: Planter = Planter {
    code: "VCT005",
    plant: |ctx| {
        older_row(ctx, false, |ctx, _, rows, k| {
            let mut c = cells(&rows[k])?;
            let date = Date::parse_iso(&c[1])?;
            let effect = date.add_days(ctx.rng.range(1, 30) as i64);
            c[2] = format!("{} with effect {}", c[2], effect.long());
            Some(join(&c))
        })
    },
};

/// VCT006: an older row (not the newest of its table) dated some days off the release
/// that first put its version in effect, later than the log's first release.
pub const VCT006: Planter = Planter {
    code: "VCT006",
    plant: |ctx| {
        older_row(ctx, false, |ctx, i, rows, k| {
            let mut c = cells(&rows[k])?;
            if !log_dates(&ctx.index.docs[i], &c[0]) {
                return None;
            }
            let date = Date::parse_iso(&c[1])?;
            let days = ctx.rng.range(1, 20) as i64;
            c[1] = date
                .add_days(if ctx.rng.chance(50) { days } else { -days })
                .to_string();
            Some(join(&c))
        })
    },
};

/// VCT007: an older row's reason gives an effect date a year (and a few days) before the
/// row's own date.
pub const VCT007: Planter = Planter {
    code: "VCT007",
    plant: |ctx| {
        older_row(ctx, false, |ctx, _, rows, k| {
            let mut c = cells(&rows[k])?;
            let date = Date::parse_iso(&c[1])?;
            let effect = date.add_days(-(365 + ctx.rng.range(1, 30) as i64));
            c[2] = format!("{} with effect {}", c[2], effect.long());
            Some(join(&c))
        })
    },
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_split_into_four_cells_and_back() {
        let row = "| 1.1 | 2015-03-27 | Implementation of MP101 approved via Change Board vote on 2 March 2015 | MP101 ‘Title’ |";
        let c = cells(row).unwrap();
        assert_eq!(c[0], "1.1");
        assert_eq!(c[1], "2015-03-27");
        assert!(c[2].starts_with("Implementation of MP101"));
        assert_eq!(join(&c), row);
        assert!(cells("| 1.1 | 2015-03-27 | reason |").is_none());
        assert!(cells("1.1 2015-03-27").is_none());
    }
}
