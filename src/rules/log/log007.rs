//! LOG007 heading-title-mismatch: a document's heading gives another title than the log
//! gives it at a release where that version is in effect.

use super::list_releases;
use crate::diagnostic::Diagnostic;
use crate::model::{Corpus, LogRow};
use crate::rules::{Check, Needs, Rule};

pub const RULE: Rule = Rule {
    code: "LOG007",
    needs: Needs::Log,
    check: Check::Corpus(check),
};

fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let Some(log) = &corpus.log else { return };
    for doc in &corpus.documents {
        let (Some(version), Some(heading)) = (&doc.version, &doc.heading) else {
            continue;
        };
        let own = &heading.folded_title;
        // Group the disagreeing rows by the title they give, in release order.
        let mut titles: Vec<(&str, Vec<&LogRow>)> = Vec::new();
        for row in log.rows_for(&doc.document, version) {
            let theirs = row.folded_title.as_str();
            if theirs == own {
                continue;
            }
            match titles.iter_mut().find(|(t, _)| *t == theirs) {
                Some((_, rows)) => rows.push(row),
                None => titles.push((theirs, vec![row])),
            }
        }
        for (_, rows) in titles {
            let row = rows[0];
            out.push(
                Diagnostic::new(
                    RULE.code,
                    format!(
                        "{} version {version} is titled ‘{}’, but the Document Log titles it ‘{}’ at {}",
                        doc.document,
                        heading.title,
                        row.title,
                        list_releases(rows.iter().map(|r| &r.release))
                    ),
                )
                .at(doc.file, heading.title_span, "title in the document")
                .related(log.file, row.title_span, format!("title in the log at release {}", row.release))
                .help("make the heading and the log agree on the title in effect at this release"),
            );
        }
    }
}
