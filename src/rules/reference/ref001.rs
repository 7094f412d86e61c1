//! REF001 document-not-in-effect: a citation of a document that the Document Log does
//! not put in effect at a release where the citing version is in effect.

use super::{in_effect, resolvable};
use crate::diagnostic::Diagnostic;
use crate::hash::FxHashMap;
use crate::model::Corpus;
use crate::names::{DocumentId, Version};
use crate::rules::log::list_releases;
use crate::rules::{Needs, Rule};
use crate::source::Span;
use std::collections::BTreeSet;

pub const RULE: Rule = Rule {
    code: "REF001",
    needs: Needs::Log,
    check,
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let Some(log) = &corpus.log else { return };
    for doc in &corpus.documents {
        let rows = in_effect(log, doc);
        if rows.is_empty() {
            continue;
        }
        // A document cites the same few documents many times: look each up once.
        let mut not_in_effect: FxHashMap<&DocumentId, Vec<&Version>> = FxHashMap::default();
        for r in &doc.references {
            let Some(target) = resolvable(r) else {
                continue;
            };
            if *target == doc.document {
                continue;
            }
            let broken = not_in_effect.entry(target).or_insert_with(|| {
                rows.iter()
                    .filter(|row| log.row(&row.release, target).is_none())
                    .map(|row| &row.release)
                    .collect()
            });
            if broken.is_empty() {
                continue;
            }
            let ever: BTreeSet<_> = log.rows_of(target).map(|row| &row.release).collect();
            let (message, help) = if ever.is_empty() {
                (
                    format!(
                        "{} cites {target}, which the Document Log does not list at any release",
                        doc.document
                    ),
                    format!(
                        "check the designator: no release in the log has a {target}; cite the document meant, or add it to the log if it is being designated"
                    ),
                )
            } else {
                (
                    format!(
                        "{} version {} cites {target}, which is not in effect at {}",
                        doc.document,
                        doc.version.as_ref().map_or("", |v| v.as_str()),
                        list_releases(broken.iter().copied())
                    ),
                    format!(
                        "{target} is in effect at {} only: remove the citation from this version, or bring {target} in at the same release",
                        list_releases(ever.iter().copied())
                    ),
                )
            };
            out.push(
                Diagnostic::new(RULE.code, message)
                    .at(doc.file, Span::from(r.span.clone()), "cited here")
                    .help(help),
            );
        }
    }
}
