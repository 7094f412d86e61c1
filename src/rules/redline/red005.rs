//! RED005 unchanged-version: the log bumps a document to a new version whose text is the
//! same as the version before.
//!
//! The finding points at the redline of the bump (its first line), the record that should
//! show the change; with no redline, at the new version's heading.

use super::{Text, comparable, compare, first_line, readable_document};
use crate::diagnostic::Diagnostic;
use crate::history::History;
use crate::model::Corpus;
use crate::rules::{Check, Needs, Rule, document_anchor};

pub const RULE: Rule = Rule {
    code: "RED005",
    needs: Needs::Log,
    check: Check::Corpus(check),
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let Some(log) = &corpus.log else { return };
    for ((document, version), bump) in History::new(log).bumps() {
        let Some(previous) = bump.previous else {
            continue;
        };
        let redline = corpus
            .redlines
            .iter()
            .find(|r| &r.document == document && &r.version == version);
        let before = readable_document(corpus, document, &previous.version);
        let after = readable_document(corpus, document, version);
        let unchanged = match (before, after) {
            // Digests taken at load: the texts are read again only if they agree.
            (Some(b), Some(a)) if b.digest.is_some() && b.digest != a.digest => false,
            (Some(b), Some(a)) => compare(
                &Text::of_file(&corpus.source(a.file).text),
                &Text::of_file(&corpus.source(b.file).text),
            )
            .is_none(),
            // Without both texts (LOG001 says which is missing), a well-formed redline
            // that marks no change still shows it.
            _ => redline.is_some_and(|r| comparable(corpus, r) && !r.redline.has_changes()),
        };
        if !unchanged {
            continue;
        }
        let same = format!(
            "{document} version {version} has the same text as version {}",
            previous.version
        );
        let mut d = Diagnostic::new(
            RULE.code,
            format!(
                "the Document Log bumps {document} from version {} to {version} at release {}, but the text did not change",
                previous.version, bump.row.release
            ),
        );
        d = match (redline, after) {
            (Some(r), _) => d.at(
                r.file,
                first_line(corpus, r.file),
                if r.redline.has_changes() {
                    same.clone()
                } else {
                    "this redline marks no change".to_string()
                },
            ),
            (None, Some(a)) => d.at(a.file, document_anchor(corpus, a), same.clone()),
            (None, None) => continue,
        };
        d = d.related(
            log.file,
            bump.row.version_span,
            format!("bumped to {version} at release {}", bump.row.release),
        );
        if let (Some(_), Some(a)) = (redline, after) {
            d = d.related(a.file, document_anchor(corpus, a), same);
        }
        out.push(d.help(format!(
            "if version {version} was meant to change {document}, put its changes into the new version's file and the redline; otherwise keep {document} at version {} at release {} in the log",
            previous.version, bump.row.release
        )));
    }
}
