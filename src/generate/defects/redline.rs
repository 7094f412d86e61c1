//! RED defects: a redline that misstates its change, is missing, is named after a version
//! the log never lists, or has broken CriticMarkup.
//!
//! RED005 (a bump to a version whose text is unchanged) has no planter: every generated
//! document carries a version-control table, so a new version with the old text also has
//! a table whose newest row is the old version, and VCT001 reports it too.
//!
//! A defect inside a redline takes the redline's `redline:` key exclusively: the redline
//! rules report only the first difference in a redline, and none when its markup is broken.

use super::{Ctx, Planter};

const LOG: &str = "document-log.csv";

/// Sentences a redline marks as changed where the clean texts have nothing.
const SENTENCES: &[&str] = &[
    "The DCC shall keep a record of each such request.",
    "This obligation applies from the date of the next release.",
    "Each Party shall bear its own costs of doing so.",
    "The Panel may extend that period by notice to the Parties.",
];

/// A random stable line of a random version that has a redline, claimed for a change to
/// that redline alone: (redline path, line).
fn redline_line(ctx: &mut Ctx) -> Option<(String, String)> {
    let (i, vi) = ctx.random_version(true)?;
    let v = &ctx.index.docs[i].versions[vi];
    let rl = v.redline.clone()?;
    if v.stable.is_empty() {
        return None;
    }
    let (_, line) = ctx.rng.pick(&v.stable).clone();
    let shared = [format!("doc:{i}"), format!("file:{rl}")];
    let exclusive = [format!("redline:{rl}"), format!("rl:{i}:{vi}:{line}")];
    ctx.claim(&shared, &exclusive).then_some((rl, line))
}

/// RED001: a deletion of words the previous version never had.
pub const RED001: Planter = Planter {
    code: "RED001",
    plant: |ctx| {
        let Some((rl, line)) = redline_line(ctx) else {
            return false;
        };
        let s = ctx.rng.pick(SENTENCES);
        ctx.replace_line(&rl, &line, &format!("{line}{{-- {s}--}}"), true);
        true
    },
};

/// RED002: an insertion of words the new version does not have.
pub const RED002: Planter = Planter {
    code: "RED002",
    plant: |ctx| {
        let Some((rl, line)) = redline_line(ctx) else {
            return false;
        };
        let s = ctx.rng.pick(SENTENCES);
        ctx.replace_line(&rl, &line, &format!("{line}{{++ {s}++}}"), true);
        true
    },
};

/// RED003: the redline of a bump is missing; the finding is at the log row of the bump.
pub const RED003: Planter = Planter {
    code: "RED003",
    plant: |ctx| {
        let index = ctx.index;
        let i = ctx.rng.below(index.docs.len());
        let d = &index.docs[i];
        if d.versions.len() < 2 {
            return false;
        }
        let v = &d.versions[ctx.rng.range(1, d.versions.len() - 1)];
        let Some(rl) = v.redline.clone() else {
            return false;
        };
        let r = v.first;
        let Some(row) = index.releases[r].rows.iter().find(|row| row.doc == i) else {
            return false;
        };
        // The whole document: no other defect may edit the redline that goes.
        let exclusive = [
            format!("doc:{i}"),
            format!("file:{rl}"),
            format!("redline:{rl}"),
            format!("logrow:{r}:{i}"),
        ];
        if !ctx.claim(&[format!("date:{r}")], &exclusive) {
            return false;
        }
        ctx.delete(&rl);
        ctx.mark(LOG, &row.text.clone());
        true
    },
};

/// RED004: a draft redline for the next version of a document, which no row names.
pub const RED004: Planter = Planter {
    code: "RED004",
    plant: |ctx| {
        let index = ctx.index;
        let i = ctx.rng.below(index.docs.len());
        let d = &index.docs[i];
        let Some(v) = d.versions.last() else {
            return false;
        };
        let Some((major, minor)) = v.version.split_once('.') else {
            return false;
        };
        let next = format!("{major}.{}", minor.parse::<u32>().unwrap_or(0) + 1);
        let date = index.releases.last().expect("releases").date.add_days(45);
        // LOG002 writes a draft of the same version: one or the other.
        if !ctx.claim(&[format!("doc:{i}")], &[format!("stray:{i}")]) {
            return false;
        }
        let Ok(text) = ctx.read(&v.path) else {
            return false;
        };
        let row = format!(
            "{{++| {next} | {date} | Modifications to SEC version {} as directed by the Secretary of State pursuant to section 88(1) of the Energy Act 2008 | Draft for consultation |\n++}}",
            v.version
        );
        let mut text = text.replacen(
            &format!("{}\n", v.newest_row),
            &format!("{}\n{row}", v.newest_row),
            1,
        );
        if let Some((_, line)) = v.stable.first() {
            let s = ctx.rng.pick(SENTENCES);
            text = text.replacen(&format!("{line}\n"), &format!("{line}{{++ {s}++}}\n"), 1);
        }
        ctx.write(&format!("redlines/{}/{next}.md", d.key), text, Some(1));
        true
    },
};

/// RED006: broken CriticMarkup on one line of a redline.
pub const RED006: Planter = Planter {
    code: "RED006",
    plant: |ctx| {
        let Some((rl, line)) = redline_line(ctx) else {
            return false;
        };
        let Some((head, last)) = line.rsplit_once(' ') else {
            return false;
        };
        let word = last.trim_end_matches('.');
        let new = match ctx.rng.below(5) {
            // A substitution without `~>`.
            0 => format!("{head} {{~~{word}~~}}."),
            // A substitution with two.
            1 => format!("{head} {{~~{word}~>records~>{word}~~}}."),
            // A closing mark whose opening mark was lost.
            2 => format!("{head} {word} of it++}}."),
            // A `~>` outside any mark.
            3 => format!("{head} {word}~>records."),
            // A mark opened inside another.
            _ => format!("{{++{head} {{--{word}--}}++}}."),
        };
        ctx.replace_line(&rl, &line, &new, true);
        true
    },
};
