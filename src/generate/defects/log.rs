//! LOG defects: rows of the Document Log changed, added or left without their file.

use super::Planter;
use crate::generate::notes::date_phrases;
use crate::generate::releases::log_row;

const LOG: &str = "document-log.csv";

/// Keys for a change to the log row of document `doc` at release `r`.
fn row_keys(r: usize, doc: usize) -> (Vec<String>, Vec<String>) {
    (vec![format!("date:{r}")], vec![format!("logrow:{r}:{doc}")])
}

/// LOG001: the final version of a document loses its file.
pub const LOG001: Planter = Planter {
    code: "LOG001",
    plant: |ctx| {
        let index = ctx.index;
        let i = ctx.rng.below(index.docs.len());
        let d = &index.docs[i];
        // With an earlier version left, the document's text (and its title, used as a
        // defined term) is still in the corpus.
        if d.is_section_a() || d.versions.len() < 2 {
            return false;
        }
        let v = d.versions.last().expect("two versions");
        let row = &index.releases[v.first].rows;
        let Some(row) = row.iter().find(|r| r.doc == i) else {
            return false;
        };
        let (mut shared, mut exclusive) = row_keys(v.first, i);
        shared.push(format!("doc:{i}"));
        exclusive.push(format!("doc:{i}"));
        exclusive.push(format!("file:{}", v.path));
        shared.retain(|k| !exclusive.contains(k));
        if !ctx.claim(&shared, &exclusive) {
            return false;
        }
        ctx.delete(&v.path.clone());
        ctx.mark(LOG, &row.text.clone());
        true
    },
};

/// LOG002: a draft of the next version that no row names.
pub const LOG002: Planter = Planter {
    code: "LOG002",
    plant: |ctx| {
        let index = ctx.index;
        let i = ctx.rng.below(index.docs.len());
        let d = &index.docs[i];
        if d.is_section_a() || d.versions.is_empty() {
            return false;
        }
        let v = d.versions.last().expect("a version");
        let Some((major, minor)) = v.version.split_once('.') else {
            return false;
        };
        let next = format!("{major}.{}", minor.parse::<u32>().unwrap_or(0) + 1);
        let last = index.releases.last().expect("releases").date;
        let date = last.add_days(60);
        // The draft copies the table's dates: a release whose date LOG005 moves would leave
        // the copy behind (VCT006).
        let mut shared = vec![format!("doc:{i}")];
        shared.extend(d.versions.iter().map(|v| format!("date:{}", v.first)));
        if !ctx.claim(&shared, &[format!("stray:{i}")]) {
            return false;
        }
        let Ok(text) = ctx.read(&v.path) else {
            return false;
        };
        let row = format!(
            "| {next} | {date} | Modifications to SEC version {} as directed by the Secretary of State pursuant to section 88(1) of the Energy Act 2008 | Draft for consultation |",
            v.version
        );
        let text = text.replacen(
            &format!("{}\n", v.newest_row),
            &format!("{}\n{row}\n", v.newest_row),
            1,
        );
        ctx.write(&format!("documents/{}/{next}.md", d.key), text, Some(1));
        true
    },
};

/// LOG003: at the last release, a document unchanged there goes back to its previous
/// version.
pub const LOG003: Planter = Planter {
    code: "LOG003",
    plant: |ctx| {
        let index = ctx.index;
        let r = index.releases.len() - 1;
        let rel = &index.releases[r];
        let row = &rel.rows[ctx.rng.below(rel.rows.len())];
        let i = row.doc;
        let d = &index.docs[i];
        if d.is_section_a()
            || rel.changed.contains(&i)
            || rel.new.contains(&i)
            || d.versions.len() < 2
        {
            return false;
        }
        let prev = &d.versions[d.versions.len() - 2];
        let (shared, mut exclusive) = row_keys(r, i);
        exclusive.push(format!("doc:{i}"));
        if !ctx.claim(&shared, &exclusive) {
            return false;
        }
        let new = log_row(&rel.number, rel.date, &d.key, &prev.version, &d.title);
        ctx.replace_line(LOG, &row.text.clone(), &new, true);
        true
    },
};

/// LOG004: a release lists a document a second time.
pub const LOG004: Planter = Planter {
    code: "LOG004",
    plant: |ctx| {
        let index = ctx.index;
        let r = ctx.rng.below(index.releases.len());
        let rows = &index.releases[r].rows;
        let row = &rows[ctx.rng.below(rows.len())];
        let (shared, exclusive) = row_keys(r, row.doc);
        if !ctx.claim(&shared, &exclusive) {
            return false;
        }
        ctx.insert_line_after(LOG, &row.text.clone(), &row.text.clone());
        true
    },
};

/// LOG005: a release takes effect before the one before it. Its date moves everywhere
/// it is written (log, note, version-control rows of the documents it bumps, in every
/// later version and redline too), so only the order of releases is wrong.
pub const LOG005: Planter = Planter {
    code: "LOG005",
    plant: |ctx| {
        let index = ctx.index;
        let n = index.releases.len();
        if n < 3 {
            return false;
        }
        // Not the last release when there is a choice: LOG003 needs it.
        let r = if n >= 5 {
            ctx.rng.range(2, n - 2)
        } else {
            ctx.rng.range(2, n - 1)
        };
        let rel = &index.releases[r];
        let (before, prev) = (&index.releases[r - 2], &index.releases[r - 1]);
        let gap = prev.date.days_since_epoch() - before.date.days_since_epoch();
        let bumped: Vec<usize> = rel.changed.iter().chain(&rel.new).copied().collect();
        // A document bumped at both releases would then have its rows out of order.
        if gap < 2
            || bumped
                .iter()
                .any(|i| prev.changed.contains(i) || prev.new.contains(i))
        {
            return false;
        }
        let date = before
            .date
            .add_days(ctx.rng.range(1, gap as usize - 1) as i64);
        // Every file that writes a bumped document's row for this release.
        let mut files: Vec<(String, String)> = Vec::new();
        for &i in &bumped {
            let versions = &index.docs[i].versions;
            let Some(at) = versions.iter().position(|v| v.first == r) else {
                return false;
            };
            let row = format!("| {} | {} |", versions[at].version, rel.date);
            let new = format!("| {} | {date} |", versions[at].version);
            for v in &versions[at..] {
                files.push((v.path.clone(), format!("{row}\n{new}")));
                if let Some(rl) = &v.redline {
                    files.push((rl.clone(), format!("{row}\n{new}")));
                }
            }
        }
        let shared: Vec<String> = files.iter().map(|(p, _)| format!("file:{p}")).collect();
        let mut exclusive = vec![
            format!("date:{r}"),
            format!("order:{}", r - 2),
            format!("order:{}", r - 1),
            format!("order:{r}"),
            // The note is written whole.
            format!("note:{r}"),
        ];
        exclusive.extend(rel.rows.iter().map(|row| format!("logrow:{r}:{}", row.doc)));
        if !ctx.claim(&shared, &exclusive) {
            return false;
        }
        for (k, row) in rel.rows.iter().enumerate() {
            let d = &index.docs[row.doc];
            let new = log_row(&rel.number, date, &d.key, &row.version, &d.title);
            ctx.replace_line(LOG, &row.text, &new, k == 0);
        }
        if let Ok(note) = ctx.read(&rel.note) {
            let (old_day, old_plain) = date_phrases(rel.date);
            let (new_day, new_plain) = date_phrases(date);
            let note = note
                .replace(&old_day, &new_day)
                .replace(&old_plain, &new_plain);
            ctx.write(&rel.note.clone(), note, None);
        }
        for (path, change) in files {
            let (old, new) = change.split_once('\n').expect("two parts");
            ctx.replace_text(&path, old, new);
        }
        true
    },
};

/// LOG006: one row of a release gives another date than the rest.
pub const LOG006: Planter = Planter {
    code: "LOG006",
    plant: |ctx| {
        let index = ctx.index;
        let r = ctx.rng.below(index.releases.len());
        let rel = &index.releases[r];
        if rel.rows.len() < 3 {
            return false;
        }
        let row = &rel.rows[ctx.rng.range(1, rel.rows.len() - 1)];
        // Not a document bumped here: its version-control row carries the date too.
        if rel.changed.contains(&row.doc) || rel.new.contains(&row.doc) {
            return false;
        }
        if !ctx.claim(
            &[],
            &[format!("date:{r}"), format!("logrow:{r}:{}", row.doc)],
        ) {
            return false;
        }
        let d = &index.docs[row.doc];
        let days = if ctx.rng.chance(50) { 1 } else { -1 };
        let new = log_row(
            &rel.number,
            rel.date.add_days(days),
            &d.key,
            &row.version,
            &d.title,
        );
        ctx.replace_line(LOG, &row.text.clone(), &new, true);
        true
    },
};

/// LOG007: a version's heading gives another title than the log.
pub const LOG007: Planter = Planter {
    code: "LOG007",
    plant: super::document::retitle,
};

/// LOG008: a malformed row, added after a good one (so nothing else goes missing).
pub const LOG008: Planter = Planter {
    code: "LOG008",
    plant: |ctx| {
        let index = ctx.index;
        let r = ctx.rng.below(index.releases.len());
        let rel = &index.releases[r];
        let row = &rel.rows[ctx.rng.below(rel.rows.len())];
        let (shared, exclusive) = row_keys(r, row.doc);
        if !ctx.claim(&shared, &exclusive) {
            return false;
        }
        let d = &index.docs[row.doc];
        let bad = match ctx.rng.below(4) {
            0 => {
                let iso = rel.date.to_string();
                let swapped = format!("{}-{}-{}", &iso[..4], 13 + ctx.rng.below(12), &iso[8..]);
                row.text.replacen(&iso, &swapped, 1)
            }
            1 => row
                .text
                .replacen(&format!(",{},", d.key), &format!(",{}-draft,", d.key), 1),
            2 => format!("{},{},{},{}", rel.number, rel.date, d.key, row.version),
            _ => format!(
                "{},{},{},{},\"{}",
                rel.number, rel.date, d.key, row.version, d.title
            ),
        };
        ctx.insert_line_after(LOG, &row.text.clone(), &bad);
        true
    },
};
