//! CriticMarkup redlines from the blocks of two versions of a document.
//!
//! Blocks keep their identity across versions, so the walk needs no diff: a block in
//! both is kept (or, if its text changed, marked as a substitution of the words that
//! differ), a block only before is deleted, a block only after is inserted. Runs of
//! deleted and inserted blocks become one `{--…--}{++…++}` pair.
//!
//! Marks are placed so that every unchanged line of the redline is a whole line of both
//! versions: when a changed run follows a blank line, the blank line's break moves into
//! the mark (`X\n{++\nNEW\n++}\nY`), which is the same text on both sides.

use super::documents::Block;
use std::collections::HashSet;

pub fn redline(old: &[Block], new: &[Block]) -> String {
    let old_ids: HashSet<u32> = old.iter().map(|b| b.id).collect();
    let new_ids: HashSet<u32> = new.iter().map(|b| b.id).collect();
    let mut out = String::with_capacity(new.iter().map(|b| b.text.len()).sum::<usize>() + 1024);
    let (mut i, mut j) = (0, 0);
    while i < old.len() || j < new.len() {
        // A run of deletions and insertions.
        let mut del = String::new();
        let mut ins = String::new();
        while i < old.len() && !new_ids.contains(&old[i].id) {
            del.push_str(&old[i].text);
            i += 1;
        }
        while j < new.len() && !old_ids.contains(&new[j].id) {
            ins.push_str(&new[j].text);
            j += 1;
        }
        // Deletions that come after insertions in the walk join the same run.
        while i < old.len() && !new_ids.contains(&old[i].id) {
            del.push_str(&old[i].text);
            i += 1;
        }
        if !del.is_empty() || !ins.is_empty() {
            change(&mut out, &del, &ins);
            continue;
        }
        if i < old.len() && j < new.len() {
            debug_assert_eq!(old[i].id, new[j].id, "blocks keep their order");
            if old[i].text == new[j].text {
                out.push_str(&old[i].text);
            } else {
                substitute(&mut out, &old[i].text, &new[j].text);
            }
            i += 1;
            j += 1;
        }
    }
    out
}

/// Writes a run of deleted and inserted text (each whole lines, ending with `\n`).
fn change(out: &mut String, del: &str, ins: &str) {
    let rotate = out.ends_with("\n\n");
    if rotate {
        // Move the blank line's break into the marks: every mark's content then starts
        // with `\n` and gives up its own final `\n` to the text after the marks.
        out.pop();
        if !del.is_empty() {
            out.push_str("{--\n");
            out.push_str(&del[..del.len() - 1]);
            out.push_str("--}");
        }
        if !ins.is_empty() {
            out.push_str("{++\n");
            out.push_str(&ins[..ins.len() - 1]);
            out.push_str("++}");
        }
        out.push('\n');
    } else {
        if !del.is_empty() {
            out.push_str("{--");
            out.push_str(del);
            out.push_str("--}");
        }
        if !ins.is_empty() {
            out.push_str("{++");
            out.push_str(ins);
            out.push_str("++}");
        }
    }
}

/// Marks the words that differ between two versions of one block.
fn substitute(out: &mut String, old: &str, new: &str) {
    let (o, n) = (old.as_bytes(), new.as_bytes());
    let mut pre = o.iter().zip(n).take_while(|(a, b)| a == b).count();
    // Back to a word boundary, so whole words are marked.
    while pre > 0 && !matches!(o[pre - 1], b' ' | b'\n') {
        pre -= 1;
    }
    let max_suf = (o.len() - pre).min(n.len() - pre);
    let mut suf = o
        .iter()
        .rev()
        .zip(n.iter().rev())
        .take(max_suf)
        .take_while(|(a, b)| a == b)
        .count();
    while suf > 0 && !matches!(o[o.len() - suf], b' ' | b'\n' | b'.' | b',' | b';') {
        suf -= 1;
    }
    let (om, nm) = (&old[pre..old.len() - suf], &new[pre..new.len() - suf]);
    out.push_str(&old[..pre]);
    match (om.is_empty(), nm.is_empty()) {
        (true, true) => {}
        (false, true) => {
            out.push_str("{--");
            out.push_str(om);
            out.push_str("--}");
        }
        (true, false) => {
            out.push_str("{++");
            out.push_str(nm);
            out.push_str("++}");
        }
        (false, false) => {
            out.push_str("{~~");
            out.push_str(om);
            out.push_str("~>");
            out.push_str(nm);
            out.push_str("~~}");
        }
    }
    out.push_str(&old[old.len() - suf..]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::redline::{Side, parse};

    fn b(id: u32, text: &str) -> Block {
        Block {
            id,
            text: text.into(),
            stable: false,
        }
    }

    fn check(old: &[Block], new: &[Block]) -> String {
        let r = redline(old, new);
        let parsed = parse(&r);
        assert!(parsed.errors.is_empty(), "{r}: {:?}", parsed.errors);
        let before: String = old.iter().map(|b| b.text.as_str()).collect();
        let after: String = new.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(parsed.render(&r, Side::Before), before, "{r}");
        assert_eq!(parsed.render(&r, Side::After), after, "{r}");
        r
    }

    #[test]
    fn both_sides_are_exact_and_plain_lines_stay_whole() {
        let old = [
            b(1, "# H\n\n"),
            b(2, "| 1.0 |\n"),
            b(3, "\n"),
            b(4, "H1.1 keep this.\n\n"),
            b(5, "H1.2 delete me.\n\n"),
            b(6, "H1.3 within five Working Days here.\n\n"),
            b(7, "H1.4 last.\n\n"),
        ];
        let new = [
            b(1, "# H\n\n"),
            b(2, "| 1.0 |\n"),
            b(20, "| 1.1 |\n"),
            b(3, "\n"),
            b(4, "H1.1 keep this.\n\n"),
            b(21, "H1.1A inserted.\n\n"),
            b(6, "H1.2 within ten Working Days here.\n\n"),
            b(7, "H1.4 last.\n\n"),
            b(22, "H1.5 appended.\n\n"),
        ];
        let r = check(&old, &new);
        for whole in ["H1.1 keep this.", "H1.4 last.", "| 1.0 |", "# H"] {
            assert!(
                r.lines().any(|l| l == whole),
                "{whole:?} not a whole line in\n{r}"
            );
        }
        assert!(
            r.contains("{~~H1.3 within five~>H1.2 within ten~~} Working Days"),
            "{r}"
        );
    }

    #[test]
    fn runs_at_the_start_and_end() {
        check(&[b(1, "a\n\n")], &[b(2, "b\n\n")]);
        check(&[b(1, "a\n\n"), b(2, "x\n")], &[b(1, "a\n\n")]);
        check(&[b(1, "a\n")], &[b(1, "a\n"), b(2, "b\n\n")]);
        check(&[b(1, "same words\n")], &[b(1, "same words.\n")]);
    }
}
