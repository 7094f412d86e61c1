//! Word files (`.docx`): the body's text as seccheck reads every other file, Markdown
//! with CriticMarkup for tracked changes, and where each of its paragraphs lies in that
//! text ([`Paragraphs`]), so that findings name the paragraph a person finds in Word.
//!
//! Like [`crate::source::decode`], this turns a file's bytes into text; what the text
//! means is the parsers' business. The package is a zip (`package`); its parts are
//! streamed as XML events (`xml`), never built into a tree: the styles (`styles`), the
//! list numbering (`numbering`), the body (`body`: paragraphs and tables with their
//! tracked changes), and the comments. `render` writes the body as text.
//!
//! Not body text, and not read: headers, footers, footnotes, endnotes, text boxes and
//! drawings, field codes (their shown results are read).

mod body;
mod numbering;
mod package;
mod render;
mod styles;
mod xml;

use crate::source::Paragraphs;

/// Which text of a Word file to render.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// Tracked changes as CriticMarkup: the redline.
    Markup,
    /// Every change accepted.
    Accept,
    /// Every change rejected.
    Reject,
}

/// A Word file's body as text.
#[derive(Debug)]
pub struct WordText {
    pub text: String,
    pub paragraphs: Paragraphs,
    /// Tracked changes of text, paragraph marks and table rows.
    pub revisions: usize,
    /// Tracked changes of formatting only (they change no text).
    pub formatting_changes: usize,
    /// The package holds a VBA project (macros, never run).
    pub macros: bool,
    /// Comments, with the paragraph each is anchored on.
    pub comments: Vec<Comment>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    pub paragraph: u32,
    pub text: String,
}

/// Why a Word file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WordProblem {
    /// A compound file: an encrypted (password-protected) Word file, or an old `.doc`.
    Encrypted,
    /// Not a zip package at all.
    NotZip,
    /// The zip is damaged or cut short.
    Corrupt(String),
    TooManyEntries(usize),
    /// This part inflates past the cap (a zip bomb, or a document far past any real one).
    TooLarge(String),
    /// The package has no main document part (this one was looked for).
    NoDocument(String),
    /// A part's XML is malformed at this byte offset of the part.
    BadXml {
        part: String,
        offset: u64,
        message: String,
    },
}

impl std::fmt::Display for WordProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WordProblem::Encrypted => write!(
                f,
                "it is encrypted (password-protected) or an old binary Word file, not a .docx package"
            ),
            WordProblem::NotZip => write!(f, "it is not a Word .docx file (not a zip package)"),
            WordProblem::Corrupt(why) => write!(f, "the package is damaged or cut short ({why})"),
            WordProblem::TooManyEntries(n) => {
                write!(
                    f,
                    "the package holds {n} entries, more than a Word file could"
                )
            }
            WordProblem::TooLarge(part) => write!(
                f,
                "`{part}` inflates past {} MiB (a zip bomb, or far larger than any SEC document)",
                package::MAX_PART >> 20
            ),
            WordProblem::NoDocument(part) => {
                write!(
                    f,
                    "the package has no main document part (`{part}` is missing)"
                )
            }
            WordProblem::BadXml {
                part,
                offset,
                message,
            } => write!(
                f,
                "`{part}` is not well-formed XML at byte {offset}: {message}"
            ),
        }
    }
}

/// Whether `path` names a Word file seccheck reads.
pub fn is_word_path(path: &str) -> bool {
    path.to_ascii_lowercase().ends_with(".docx")
}

/// Reads a Word file's body as `view` says.
pub fn read(bytes: &[u8], view: View) -> Result<WordText, WordProblem> {
    let mut package = package::open(bytes)?;
    let mut styles = styles::Styles::default();
    if let Some(part) = package.styles.clone() {
        let mut reading = styles::Reading::default();
        optional(package.read(&part, |r| xml::walk(r, |s| styles.step(&mut reading, s))))?;
    }
    let mut numbering = numbering::Numbering::default();
    if let Some(part) = package.numbering.clone() {
        let mut reading = numbering::Reading::default();
        optional(package.read(&part, |r| xml::walk(r, |s| numbering.step(&mut reading, s))))?;
    }
    numbering.finish();
    let mut body = body::Body::default();
    let document = package.document.clone();
    {
        let mut reading = body::Reading::default();
        let bold = |id: &str| styles.bold(id).unwrap_or(false);
        package.read(&document, |r| {
            xml::walk(r, |s| body.step(&mut reading, s, &bold))
        })?;
    }
    let mut comments = Vec::new();
    if let Some(part) = package.comments.clone() {
        let mut texts: Vec<(String, String)> = Vec::new();
        optional(package.read(&part, |r| {
            let mut in_text = false;
            xml::walk(r, |s| match s {
                xml::Step::Open(e) => match xml::local(e.name().as_ref()) {
                    "comment" => {
                        texts.push((xml::attr(e, "id").unwrap_or_default(), String::new()))
                    }
                    "t" => in_text = true,
                    "p" => {
                        if let Some((_, t)) = texts.last_mut()
                            && !t.is_empty()
                        {
                            t.push('\n');
                        }
                    }
                    _ => {}
                },
                xml::Step::Close("t") => in_text = false,
                xml::Step::Text(t) if in_text => {
                    if let Some((_, text)) = texts.last_mut() {
                        text.push_str(t);
                    }
                }
                _ => {}
            })
        }))?;
        for (id, paragraph) in &body.comment_anchors {
            if let Some((_, text)) = texts.iter().find(|(i, _)| i == id) {
                comments.push(Comment {
                    paragraph: *paragraph,
                    text: text.clone(),
                });
            }
        }
    }
    let (text, paragraphs) = render::render(&body, &styles, &numbering, view);
    Ok(WordText {
        text,
        paragraphs,
        revisions: body.revisions,
        formatting_changes: body.formatting_changes,
        macros: package.macros,
        comments,
    })
}

/// A part the body can be read without (styles, numbering, comments): a damaged one is
/// still a damaged file, but one the package names and lacks is none.
fn optional(r: Result<(), WordProblem>) -> Result<(), WordProblem> {
    match r {
        Err(WordProblem::Corrupt(why)) if why.contains("specified file not found") => Ok(()),
        r => r,
    }
}
