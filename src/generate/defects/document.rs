//! DOC and heading defects: a version's first heading is changed in the document and in
//! the redlines that show it, so only the heading rule can see it.

use super::{Ctx, Planter, in_version};
use crate::names::DocumentKind;

pub const DOC001: Planter = Planter {
    code: "DOC001",
    plant: |ctx| heading(ctx, |_, d| format!("# {}", d.title)),
};

pub const DOC002: Planter = Planter {
    code: "DOC002",
    plant: |ctx| {
        heading(ctx, |ctx, d| {
            // Another document of the same kind, in the corpus or not.
            let others: Vec<String> = ctx
                .index
                .docs
                .iter()
                .filter(|o| o.kind == d.kind && o.designator != d.designator)
                .map(|o| o.designator.clone())
                .collect();
            let other = if others.is_empty() {
                match d.kind {
                    DocumentKind::Section => {
                        if d.designator == "B" { "C" } else { "B" }.to_string()
                    }
                    DocumentKind::Schedule => {
                        if d.designator == "2" { "3" } else { "2" }.to_string()
                    }
                    DocumentKind::Appendix => {
                        if d.designator == "B" { "C" } else { "B" }.to_string()
                    }
                }
            } else {
                ctx.rng.pick(&others).clone()
            };
            let own = d.name();
            d.heading
                .replacen(&own, &format!("{} {other}", d.kind.word()), 1)
        })
    },
};

/// LOG007 lives with the log rules but is planted like the other heading defects.
pub(super) fn retitle(ctx: &mut Ctx) -> bool {
    heading(ctx, |ctx, d| {
        let title = if d.title.contains(' ') && ctx.rng.chance(50) {
            d.title[..d.title.rfind(' ').expect("has a space")].to_string()
        } else {
            format!("{} Arrangements", d.title)
        };
        d.heading.replacen(&d.title, &title, 1)
    })
}

/// Rewrites the heading of a random version (not Section A's) with `new`.
fn heading(ctx: &mut Ctx, new: impl Fn(&mut Ctx, &super::super::index::DocInfo) -> String) -> bool {
    let index = ctx.index;
    let Some((i, vi)) = ctx.random_version(false) else {
        return false;
    };
    let d = &index.docs[i];
    let old = d.heading.clone();
    let mut exclusive = ctx.line_keys(i, vi, &old);
    exclusive.push(format!("heading:{i}:{vi}"));
    let shared = in_version(i, &d.versions[vi].path);
    if !ctx.claim(&shared, &exclusive) {
        return false;
    }
    let new = new(ctx, d);
    ctx.edit_version_line(i, vi, &old, &new);
    true
}
