//! RED003 missing-redline: the log bumps a document from one version to a higher one, and
//! the corpus has no redline for the new version.

use crate::diagnostic::Diagnostic;
use crate::history::History;
use crate::model::Corpus;
use crate::rules::{Check, Needs, Rule};

pub const RULE: Rule = Rule {
    code: "RED003",
    needs: Needs::Log,
    check: Check::Corpus(check),
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let Some(log) = &corpus.log else { return };
    for ((document, version), bump) in History::new(log).bumps() {
        // A document new at a release (at the log's first release, every document) has
        // no previous version to show changes from.
        let Some(previous) = bump.previous else {
            continue;
        };
        if corpus
            .redlines
            .iter()
            .any(|r| &r.document == document && &r.version == version)
        {
            continue;
        }
        let path = format!("redlines/{}/{}.md", document.key(), version);
        out.push(
            Diagnostic::new(
                RULE.code,
                format!(
                    "the Document Log bumps {document} from version {} to {version} at release {}, but the corpus has no redline of that change",
                    previous.version, bump.row.release
                ),
            )
            .at(log.file, bump.row.version_span, format!("no {path}"))
            .related(
                log.file,
                previous.version_span,
                format!("version {} at release {}", previous.version, previous.release),
            )
            .help(format!(
                "add {path} showing the changes from version {} to {version} in CriticMarkup, or correct the version in the log",
                previous.version
            )),
        );
    }
}
