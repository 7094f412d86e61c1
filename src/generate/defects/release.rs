//! REL defects: a release note that disagrees with the Document Log, with itself, or with
//! a version-control table. Each changes one phrase or one bullet of a note (or one
//! version-control row), so nothing else in the corpus moves.
//!
//! Claims on notes: `note:{r}` (shared) keeps LOG005, which rewrites a note whole, away;
//! `note:{r}:<phrase>` (exclusive) is one phrase of the opening paragraph; `listed:{r}:{doc}`
//! (exclusive) is whether the note's affected list names a document.

use super::reference::wrong_title;
use super::{Ctx, Planter, in_version};
use crate::generate::index::ReleaseInfo;
use crate::generate::notes::date_phrases;
use crate::parse::release_note::{count_from_words, count_in_words};

/// Documents a release bumps (changed or designated), in log order: its affected list.
fn bumped(rel: &ReleaseInfo) -> Vec<usize> {
    let mut out: Vec<usize> = rel.changed.iter().chain(&rel.new).copied().collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Document `doc`'s bullet in the affected list of the note of `rel`.
fn bullet(ctx: &Ctx, rel: &ReleaseInfo, doc: usize) -> String {
    let d = &ctx.index.docs[doc];
    let mark = if rel.note.ends_with(".md") {
        "- "
    } else {
        "  • "
    };
    format!("{mark}{} ‘{}’", d.name(), d.title)
}

/// A random release after the log's first (which lists everything in effect).
fn later_release(ctx: &mut super::Ctx) -> Option<usize> {
    let n = ctx.index.releases.len();
    (n >= 2).then(|| ctx.rng.range(1, n - 1))
}

fn affected_heading(rel: &ReleaseInfo) -> &'static str {
    if rel.note.ends_with(".md") {
        "## What parts of the SEC were affected?"
    } else {
        "What parts of the SEC were affected?"
    }
}

/// REL001: the note's opening paragraph gives another effective date than the log (with
/// the right weekday for it).
pub const REL001: Planter = Planter {
    code: "REL001",
    plant: |ctx| {
        let index = ctx.index;
        let r = ctx.rng.below(index.releases.len());
        let rel = &index.releases[r];
        let days = ctx.rng.range(1, 3) as i64 * if ctx.rng.chance(50) { 1 } else { -1 };
        if !ctx.claim(
            &[format!("date:{r}"), format!("note:{r}")],
            &[format!("note:{r}:date")],
        ) {
            return false;
        }
        let (old, _) = date_phrases(rel.date);
        let (new, _) = date_phrases(rel.date.add_days(days));
        ctx.replace_text_found(&rel.note, &old, &new);
        true
    },
};

/// REL002: the note's title or opening paragraph names the release before (or after).
pub const REL002: Planter = Planter {
    code: "REL002",
    plant: |ctx| {
        let index = ctx.index;
        let n = index.releases.len();
        if n < 2 {
            return false;
        }
        let r = ctx.rng.below(n);
        let rel = &index.releases[r];
        let other = &index.releases[if r > 0 { r - 1 } else { r + 1 }].number;
        let (old, new, key) = if ctx.rng.chance(50) {
            (
                format!("SEC v{} published", rel.number),
                format!("SEC v{other} published"),
                "title",
            )
        } else {
            (
                format!("SEC version {} ", rel.number),
                format!("SEC version {other} "),
                "version",
            )
        };
        if !ctx.claim(&[format!("note:{r}")], &[format!("note:{r}:{key}")]) {
            return false;
        }
        ctx.replace_text_found(&rel.note, &old, &new);
        true
    },
};

/// REL003: a bumped document left out of the affected list. Only where the note's prose
/// does not say the document changed (else REL007 would fire too): any document at the
/// log's first release, or Section A where a release designates a new document.
pub const REL003: Planter = Planter {
    code: "REL003",
    plant: |ctx| {
        let index = ctx.index;
        let r = ctx.rng.below(index.releases.len());
        let rel = &index.releases[r];
        let doc = if r == 0 {
            rel.rows[ctx.rng.below(rel.rows.len())].doc
        } else if !rel.new.is_empty() && rel.changed.contains(&0) {
            0
        } else {
            return false;
        };
        // One per note: the finding is on the list's heading.
        if !ctx.claim(
            &[format!("note:{r}"), format!("logrow:{r}:{doc}")],
            &[format!("note:{r}:heading"), format!("listed:{r}:{doc}")],
        ) {
            return false;
        }
        let line = bullet(ctx, rel, doc);
        ctx.replace_text(&rel.note, &format!("{line}\n"), "");
        ctx.mark(&rel.note, affected_heading(rel));
        true
    },
};

/// REL004: the affected list names a document the release kept at its version, in log
/// order among the others.
pub const REL004: Planter = Planter {
    code: "REL004",
    plant: |ctx| {
        let index = ctx.index;
        let Some(r) = later_release(ctx) else {
            return false;
        };
        let rel = &index.releases[r];
        let doc = rel.rows[ctx.rng.below(rel.rows.len())].doc;
        let listed = bumped(rel);
        if listed.contains(&doc) || index.docs[doc].designated >= r {
            return false;
        }
        // After the listed document before it; none before it: another site.
        let Some(&before) = listed.iter().rev().find(|&&d| d < doc) else {
            return false;
        };
        if !ctx.claim(
            &[
                format!("note:{r}"),
                format!("logrow:{r}:{doc}"),
                format!("logrow:{}:{doc}", r - 1),
            ],
            &[format!("listed:{r}:{doc}")],
        ) {
            return false;
        }
        let (anchor, line) = (bullet(ctx, rel, before), bullet(ctx, rel, doc));
        ctx.insert_line_after(&rel.note, &anchor, &line);
        true
    },
};

/// REL005: the opening paragraph states one Modification Proposal more or fewer than
/// the note summarises.
pub const REL005: Planter = Planter {
    code: "REL005",
    plant: |ctx| {
        let index = ctx.index;
        let r = ctx.rng.below(index.releases.len());
        let rel = &index.releases[r];
        let Ok(text) = ctx.read(&rel.note) else {
            return false;
        };
        let Some(at) = text.find("This included ") else {
            return false;
        };
        let Some(len) = text[at..].find('.') else {
            return false;
        };
        let old = &text[at..at + len];
        let word = old["This included ".len()..]
            .split(' ')
            .next()
            .unwrap_or_default();
        let Some(n) = count_from_words(word)
            .map(|n| n as usize)
            .filter(|&n| n > 0)
        else {
            return false;
        };
        let m = if n == 1 || (n < 10 && ctx.rng.chance(50)) {
            n + 1
        } else {
            n - 1
        };
        let new = format!(
            "This included {} Modification Proposal{}",
            count_in_words(m).unwrap_or_else(|| m.to_string()),
            if m == 1 { "" } else { "s" }
        );
        if !ctx.claim(&[format!("note:{r}")], &[format!("note:{r}:count")]) {
            return false;
        }
        ctx.replace_text_found(&rel.note, old, &new);
        true
    },
};

/// REL006: one version's version-control table gives a proposal another title than its
/// release note (a row from an earlier version, so the redlines show it unchanged).
pub const REL006: Planter = Planter {
    code: "REL006",
    plant: |ctx| {
        let index = ctx.index;
        let i = ctx.rng.below(index.docs.len());
        let d = &index.docs[i];
        if d.versions.len() < 2 {
            return false;
        }
        let k = ctx.rng.below(d.versions.len() - 1);
        let row = &d.versions[k].newest_row;
        if !row.contains("Implementation of MP") {
            return false;
        }
        let Some(title) = row
            .rsplit_once('‘')
            .and_then(|(_, t)| t.split_once('’'))
            .map(|(t, _)| t)
        else {
            return false;
        };
        let wrong = wrong_title(&mut ctx.rng, title);
        let new = row.replacen(&format!("‘{title}’"), &format!("‘{wrong}’"), 1);
        let vi = ctx.rng.range(k + 1, d.versions.len() - 1);
        let mut shared = in_version(i, &d.versions[vi].path);
        // LOG005 would change this row's date.
        shared.push(format!("date:{}", d.versions[k].first));
        // REL010 would take the proposal out of its note, and the reference title with it.
        if let Some(id) = row
            .split("Implementation of ")
            .nth(1)
            .and_then(|s| s.split(' ').next())
        {
            shared.push(format!("proposal:{id}"));
        }
        let exclusive = ctx.line_keys(i, vi, row);
        if !ctx.claim(&shared, &exclusive) {
            return false;
        }
        ctx.edit_version_line(i, vi, &row.clone(), &new);
        true
    },
};

/// REL007: a proposal's summary says it also amends a document the release did not
/// change, which the affected list (rightly) leaves out.
pub const REL007: Planter = Planter {
    code: "REL007",
    plant: |ctx| {
        let index = ctx.index;
        let r = ctx.rng.below(index.releases.len());
        let rel = &index.releases[r];
        let doc = rel.rows[ctx.rng.below(rel.rows.len())].doc;
        if bumped(rel).contains(&doc) {
            return false;
        }
        let Ok(text) = ctx.read(&rel.note) else {
            return false;
        };
        let paras: Vec<&str> = text
            .lines()
            .filter(|l| l.starts_with("MP") && l.contains(" will amend "))
            .collect();
        if paras.is_empty() {
            return false;
        }
        let para = ctx.rng.pick(&paras).to_string();
        if !ctx.claim(
            &[format!("note:{r}")],
            &[
                format!("listed:{r}:{doc}"),
                format!("noteline:{}:{para}", rel.note),
            ],
        ) {
            return false;
        }
        let d = &index.docs[doc];
        let new = format!("{para} It will also amend {} ‘{}’.", d.name(), d.title);
        ctx.replace_line(&rel.note, &para, &new, true);
        true
    },
};

/// REL008: the affected list gives a document a title that is not its title.
pub const REL008: Planter = Planter {
    code: "REL008",
    plant: |ctx| {
        let index = ctx.index;
        let r = ctx.rng.below(index.releases.len());
        let rel = &index.releases[r];
        let listed = bumped(rel);
        if listed.is_empty() {
            return false;
        }
        let doc = *ctx.rng.pick(&listed);
        if !ctx.claim(
            &[format!("note:{r}"), format!("logrow:{r}:{doc}")],
            &[format!("listed:{r}:{doc}")],
        ) {
            return false;
        }
        let d = &index.docs[doc];
        let old = bullet(ctx, rel, doc);
        let wrong = wrong_title(&mut ctx.rng, &d.title);
        let new = old.replacen(&format!("‘{}’", d.title), &format!("‘{wrong}’"), 1);
        ctx.replace_line(&rel.note, &old, &new, true);
        true
    },
};

/// The summary paragraphs of a note ("MP123 ‘Title’ will amend …"), each with its
/// proposal's id and title as written ("MP123 ‘Title’").
fn summaries(text: &str) -> Vec<(&str, &str)> {
    text.lines()
        .filter(|l| l.starts_with("MP") && l.contains(" will amend "))
        .filter_map(|l| {
            let end = l.find('’')? + '’'.len_utf8();
            Some((l, &l[..end]))
        })
        .collect()
}

/// REL010: a later note summarises, as implemented, a proposal an earlier note already
/// summarised: one summary's "MPnnn ‘Title’" is replaced by an earlier release's (the
/// title too, so REL006 is quiet; the count stays, so REL005 is quiet).
pub const REL010: Planter = Planter {
    code: "REL010",
    plant: |ctx| {
        let index = ctx.index;
        let n = index.releases.len();
        if n < 2 {
            return false;
        }
        let r2 = ctx.rng.range(1, n - 1);
        let r1 = ctx.rng.below(r2);
        let (rel1, rel2) = (&index.releases[r1], &index.releases[r2]);
        let (Ok(text1), Ok(text2)) = (ctx.read(&rel1.note), ctx.read(&rel2.note)) else {
            return false;
        };
        let (earlier, later) = (summaries(&text1), summaries(&text2));
        if earlier.is_empty() || later.is_empty() {
            return false;
        }
        let (_, named) = *ctx.rng.pick(&earlier);
        let (line, replaced) = *ctx.rng.pick(&later);
        let id = |s: &str| s.split(' ').next().unwrap_or_default().to_string();
        // Claims: both notes (LOG005 rewrites a note whole), the later note's line, the
        // proposal taken out of it (REL006 would lose its reference title) and the one
        // copied in (one REL010 per proposal).
        if !ctx.claim(
            &[format!("note:{r1}"), format!("note:{r2}")],
            &[
                format!("noteline:{}:{line}", rel2.note),
                format!("proposal:{}", id(replaced)),
                format!("proposal:{}", id(named)),
            ],
        ) {
            return false;
        }
        let new = line.replacen(replaced, named, 1);
        ctx.replace_line(&rel2.note.clone(), line, &new, true);
        true
    },
};

/// REL011: one version's version-control table credits a proposal's title to another
/// number (one no text names), in a row from an earlier version, so the redlines show it
/// unchanged elsewhere. The proposal's note keeps its title, so the note owns it.
pub const REL011: Planter = Planter {
    code: "REL011",
    plant: |ctx| {
        let index = ctx.index;
        let i = ctx.rng.below(index.docs.len());
        let d = &index.docs[i];
        if d.versions.len() < 2 {
            return false;
        }
        let k = ctx.rng.below(d.versions.len() - 1);
        let row = &d.versions[k].newest_row;
        let Some(id) = row
            .split("Implementation of ")
            .nth(1)
            .and_then(|s| s.split(' ').next())
        else {
            return false;
        };
        let titled = format!("{id} ‘");
        let digits: String = id.chars().filter(char::is_ascii_digit).collect();
        let Ok(number) = digits.parse::<u32>() else {
            return false;
        };
        if !row.contains(&titled) {
            return false;
        }
        // Generated numbers start at 100 and grow by at most 6 a proposal: 90000 and above
        // are never given.
        let slip = id.replacen(&digits, &(90_000 + number % 10_000).to_string(), 1);
        let new = row.replacen(&titled, &format!("{slip} ‘"), 1);
        let vi = ctx.rng.range(k + 1, d.versions.len() - 1);
        let mut shared = in_version(i, &d.versions[vi].path);
        shared.push(format!("date:{}", d.versions[k].first));
        // REL010 would take the proposal out of its note, and the owner's title with it.
        shared.push(format!("proposal:{id}"));
        let exclusive = ctx.line_keys(i, vi, row);
        if !ctx.claim(&shared, &exclusive) {
            return false;
        }
        ctx.edit_version_line(i, vi, &row.clone(), &new);
        true
    },
};

/// REL012: the note says a document the release bumps is unchanged by it, in a paragraph
/// of its own at the note's end.
pub const REL012: Planter = Planter {
    code: "REL012",
    plant: |ctx| {
        let index = ctx.index;
        let Some(r) = later_release(ctx) else {
            return false;
        };
        let rel = &index.releases[r];
        if rel.changed.is_empty() {
            return false;
        }
        let doc = rel.changed[ctx.rng.below(rel.changed.len())];
        if !ctx.claim(
            &[format!("note:{r}"), format!("logrow:{r}:{doc}")],
            &[format!("note:{r}:unchanged")],
        ) {
            return false;
        }
        let name = index.docs[doc].name();
        ctx.insert_paragraph_after(
            &rel.note,
            "Our Document Log lists the versions of each SEC document now in effect following this release.",
            &format!("{name} is unchanged by this release."),
        );
        true
    },
};
