//! The one finding type every rule produces and every renderer consumes.
//!
//! A diagnostic points at one primary span (the place that is wrong) and may carry
//! related spans in the same or other files (the record it disagrees with). Rules do not
//! choose the severity: the engine takes it from the catalogue and `seccheck.toml`.

use crate::source::{FileId, Span};
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A labelled span in one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub file: FileId,
    pub span: Span,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: &'static str,
    /// Set by the engine from the catalogue and configuration.
    pub severity: Severity,
    pub message: String,
    /// Where the inconsistency is. `None` only for findings about the run itself.
    pub primary: Option<Label>,
    /// The other side of the inconsistency, in this or another file.
    pub related: Vec<Label>,
    pub help: Option<String>,
    /// The edit that resolves it, when the rule knows it for certain enough to offer it.
    pub fix: Option<Fix>,
}

/// A machine-applicable edit: replace `span` of `file` with `replacement` (an empty span
/// inserts). seccheck never applies it — the corpus is never written — but the JSON
/// report carries it and `check --diff` shows it as a unified diff.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub file: FileId,
    pub span: Span,
    pub replacement: String,
}

impl Diagnostic {
    pub fn new(code: &'static str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code,
            severity: Severity::Error,
            message: clip(message.into()),
            primary: None,
            related: Vec::new(),
            help: None,
            fix: None,
        }
    }

    pub fn at(mut self, file: FileId, span: Span, label: impl Into<String>) -> Diagnostic {
        let label = clip(label.into());
        self.primary = Some(Label {
            file,
            span,
            message: label,
        });
        self
    }

    pub fn related(mut self, file: FileId, span: Span, label: impl Into<String>) -> Diagnostic {
        self.related.push(Label {
            file,
            span,
            message: clip(label.into()),
        });
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(clip(help.into()));
        self
    }

    /// [`Diagnostic::fix`] when there is one: `(file, span, replacement)`.
    pub fn fix_if(self, fix: Option<(FileId, Span, String)>) -> Diagnostic {
        match fix {
            Some((file, span, replacement)) => self.fix(file, span, replacement),
            None => self,
        }
    }

    /// Offers the edit that resolves the finding (see [`Fix`]).
    pub fn fix(mut self, file: FileId, span: Span, replacement: impl Into<String>) -> Diagnostic {
        self.fix = Some(Fix {
            file,
            span,
            replacement: replacement.into(),
        });
        self
    }

    /// The order of the report: by file, position, then code and message, so that the
    /// output never depends on which thread found what first.
    pub fn sort_key(&self) -> (u32, u32, u32, &'static str, &str) {
        match &self.primary {
            Some(l) => (l.file.0, l.span.start, l.span.end, self.code, &self.message),
            None => (u32::MAX, 0, 0, self.code, &self.message),
        }
    }
}

/// The family of a rule code: its letters (`LOG` for `LOG001`).
pub fn family(code: &str) -> &str {
    code.trim_end_matches(|c: char| c.is_ascii_digit())
}

/// Items as a message lists them: "MP161, MP164 and MP168".
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The most findings of one rule listed for one file: past it, a file is broken in one
/// way many times over (a million unclosed marks), and listing each one would only bury
/// the rest of the report. The first ones stand, then one finding says how many more
/// (`check`); rules may spare the work of findings past it. `--max-per-file` changes it
/// for a run.
pub const MAX_PER_FILE: usize = 100;

/// The longest message or label kept whole, in characters: a message that quotes its
/// input (a 50 MB title) must not carry it into every report.
pub const MAX_MESSAGE: usize = 1000;

/// The longest quotation of input kept whole in a message, label or help, in characters:
/// ‘a title’ longer than this is cut, with `…`, so one long line or title quoted by
/// every finding of a file cannot swell the report.
pub const MAX_QUOTE: usize = 120;

/// `text` with each quotation cut to [`MAX_QUOTE`] characters, then the whole to
/// [`MAX_MESSAGE`], with `…` where each was cut.
fn clip(text: String) -> String {
    let mut text = clip_quotes(text);
    if let Some((at, _)) = text.char_indices().nth(MAX_MESSAGE) {
        text.truncate(at);
        text.push('…');
    }
    text
}

/// Cuts each quotation in `‘…’` or `“…”` longer than [`MAX_QUOTE`]. A quotation closes
/// at the closing mark not followed by a letter, so an apostrophe inside it
/// (‘Supplier’s Charges’) does not end it; one that never closes runs to the end.
fn clip_quotes(text: String) -> String {
    let long = |t: &str| t.chars().nth(MAX_QUOTE).is_some();
    if !long(&text) || !text.contains(['‘', '“']) {
        return text;
    }
    let mut out = String::with_capacity(text.len().min(4 * MAX_MESSAGE));
    let mut rest = text.as_str();
    while let Some(open) = rest.find(['‘', '“']) {
        let mark = rest[open..].chars().next().expect("found");
        let close_mark = if mark == '‘' { '’' } else { '”' };
        let inner_start = open + mark.len_utf8();
        out.push_str(&rest[..inner_start]);
        let inner = &rest[inner_start..];
        let close = inner
            .char_indices()
            .find(|&(i, c)| {
                c == close_mark
                    && !inner[i + c.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphabetic)
            })
            .map_or(inner.len(), |(i, _)| i);
        let quoted = &inner[..close];
        match quoted.char_indices().nth(MAX_QUOTE) {
            Some((cut, _)) => {
                out.push_str(&quoted[..cut]);
                out.push('…');
            }
            None => out.push_str(quoted),
        }
        rest = &inner[close..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_messages_are_cut() {
        let d = Diagnostic::new("LOG007", "y".repeat(5000)).at(
            FileId(0),
            Span::new(0, 1),
            "x".repeat(2000),
        );
        assert_eq!(d.message.chars().count(), MAX_MESSAGE + 1);
        assert!(d.message.ends_with('…'));
        assert_eq!(d.primary.unwrap().message.chars().count(), MAX_MESSAGE + 1);
        assert_eq!(Diagnostic::new("LOG007", "short").message, "short");
    }

    #[test]
    fn long_quotations_are_cut_and_short_ones_kept() {
        let title = "Word ".repeat(100);
        let d = Diagnostic::new(
            "LOG007",
            format!("the heading says ‘{title}’ but the log says ‘Security’"),
        )
        .help(format!("write “{title}”"));
        let cut: String = title.chars().take(MAX_QUOTE).collect();
        assert_eq!(
            d.message,
            format!("the heading says ‘{cut}…’ but the log says ‘Security’")
        );
        assert_eq!(d.help.unwrap(), format!("write “{cut}…”"));
        // An apostrophe does not close a quotation; one that never closes is cut too.
        let long = format!("‘Supplier’s {title}’");
        let d = Diagnostic::new("REL006", long.clone());
        assert!(d.message.starts_with("‘Supplier’s Word"), "{}", d.message);
        assert_eq!(d.message.chars().count(), MAX_QUOTE + 3);
        let d = Diagnostic::new("REL006", format!("see ‘{title}"));
        assert_eq!(d.message, format!("see ‘{cut}…"));
        // Short quotations, and long text outside quotations, are left alone.
        let plain = format!("‘Security’ {}", "x".repeat(300));
        assert_eq!(Diagnostic::new("LOG007", plain.clone()).message, plain);
    }
}
