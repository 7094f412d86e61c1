//! Inline suppressions (`<!-- seccheck-ignore REF002 — reason -->`; see
//! [`crate::parse::suppressions`]): which findings each one covers, and SUP001 for those
//! that cannot be applied or cover nothing.
//!
//! The runner applies them after every other rule ([`apply`]): a finding whose primary
//! place a valid suppression covers, for its code or family, is moved out of the report
//! into the suppressed list (counted, and shown with `--show-suppressed`). A suppression
//! is valid when it names at least one code, every code it names exists, and it gives a
//! reason. SUP001's own findings are never suppressed.

use crate::diagnostic::Diagnostic;
use crate::model::{Corpus, Suppression, SuppressionScope};
use crate::source::FileId;
use crate::store::Held;

pub mod sup001;

/// One suppression and what became of it.
#[derive(Debug, Clone)]
pub struct Use {
    pub file: FileId,
    /// Index in the file's list in [`Corpus::suppressions`].
    pub index: usize,
    /// The codes it names that no rule or family has.
    pub unknown: Vec<String>,
    /// Findings it moved out of the report.
    pub matched: usize,
    /// Every rule it names ran (none switched off or skipped), so that matching nothing
    /// means there is nothing to suppress.
    pub ran: bool,
}

/// A finding moved out of the report, with the reason given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppressed {
    pub diagnostic: Diagnostic,
    pub reason: String,
}

fn known(code: &str) -> bool {
    crate::rules::RULES.iter().any(|r| {
        r.code.eq_ignore_ascii_case(code) || crate::rules::family(r.code).eq_ignore_ascii_case(code)
    })
}

fn names(s: &Suppression, code: &str) -> bool {
    s.codes.iter().any(|(c, _)| {
        c.eq_ignore_ascii_case(code) || c.eq_ignore_ascii_case(crate::rules::family(code))
    })
}

/// Moves the findings valid suppressions cover out of `diagnostics`; `ran` says whether a
/// rule ran. Returns what was suppressed and what became of each suppression.
pub fn apply(
    corpus: &Corpus,
    diagnostics: &mut Vec<Diagnostic>,
    ran: impl Fn(&str) -> bool,
) -> (Vec<Suppressed>, Vec<Use>) {
    let mut uses = Vec::new();
    let mut suppressed = Vec::new();
    if corpus.suppressions.is_empty() {
        return (suppressed, uses);
    }
    for (file, list) in &corpus.suppressions {
        for (index, s) in list.iter().enumerate() {
            let rules = crate::rules::RULES.iter().filter(|r| names(s, r.code));
            uses.push(Use {
                file: *file,
                index,
                unknown: s
                    .codes
                    .iter()
                    .filter(|(c, _)| !known(c))
                    .map(|(c, _)| c.clone())
                    .collect(),
                matched: 0,
                ran: rules.clone().count() > 0 && rules.clone().all(|r| ran(r.code)),
            });
        }
    }
    let valid = |u: &Use, s: &Suppression| {
        u.unknown.is_empty() && !s.codes.is_empty() && s.reason.is_some()
    };
    let held = Held::new(&corpus.files);
    let mut kept = Vec::with_capacity(diagnostics.len());
    for d in std::mem::take(diagnostics) {
        let Some(primary) = &d.primary else {
            kept.push(d);
            continue;
        };
        let Some(at) = uses.iter().position(|u| u.file == primary.file) else {
            kept.push(d);
            continue;
        };
        let list = &corpus
            .suppressions
            .iter()
            .find(|(f, _)| *f == primary.file)
            .expect("a use per suppression")
            .1;
        let source = held.get(primary.file);
        let offset = primary.span.start as usize;
        let covers = |s: &Suppression| match s.scope {
            SuppressionScope::File => true,
            SuppressionScope::Line(l) => source.line_index(offset) == l,
            SuppressionScope::Paragraph(p) => {
                source.paragraph_at(offset).map(|w| w.paragraph as u32) == Some(p)
            }
        };
        let hit = list
            .iter()
            .enumerate()
            .find(|(i, s)| valid(&uses[at + i], s) && names(s, d.code) && covers(s));
        match hit {
            Some((i, s)) => {
                uses[at + i].matched += 1;
                suppressed.push(Suppressed {
                    reason: s.reason.clone().unwrap_or_default(),
                    diagnostic: d,
                });
            }
            None => kept.push(d),
        }
    }
    *diagnostics = kept;
    (suppressed, uses)
}
