//! What a fix may write into a file: the text a reader sees is the file's text in plain
//! text and Markdown; a web page's source needs its markup characters escaped; a Word
//! file's text is rendered from XML, so no textual edit of it is offered.

use crate::model::Corpus;
use crate::source::FileId;

/// How `file` takes a textual edit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Markup {
    Plain,
    Html,
}

/// `None` for a file no textual edit fits (a Word file).
pub(crate) fn markup(corpus: &Corpus, file: FileId) -> Option<Markup> {
    let path = corpus.file(file).path.to_ascii_lowercase();
    if path.ends_with(".docx") {
        None
    } else if [".html", ".htm", ".xhtml"]
        .iter()
        .any(|e| path.ends_with(e))
    {
        Some(Markup::Html)
    } else {
        Some(Markup::Plain)
    }
}

/// `text` as it must be written into `file` to read as `text`; `None` where no textual
/// edit is offered.
pub(crate) fn replacement(corpus: &Corpus, file: FileId, text: &str) -> Option<String> {
    Some(match markup(corpus, file)? {
        Markup::Plain => text.to_string(),
        Markup::Html => text
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;"),
    })
}
