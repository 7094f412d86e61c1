//! Web pages saved as `.html`: read with an HTML5 parser (html5ever, through scraper) and
//! written out as the plain text the release-note parser reads, with a map from that
//! text back to the page's source, so that a finding points at the line an editor shows.
//!
//! # The text
//!
//! Headings (`h1`–`h6`) become `#`-headings on a line of their own; paragraphs are
//! separated by blank lines; list items become `- ` lines (nested lists indented by two
//! spaces a level); a table row becomes `| cell | cell |`; `<br>` breaks the line. White
//! space is folded as a browser folds it (a non-breaking space is kept as U+00A0), and
//! character references are decoded. When the page has a `main` element (else an
//! `article`, else `[role=main]`) only that is read. Left out: `script`, `style`,
//! `noscript`, `template`, `nav`, `header`, `footer`, `aside`, `form`, `head` and form
//! controls; elements marked `hidden`, `aria-hidden="true"` or `display:none`; and blocks
//! whose id, class or role names a cookie notice, a consent form, a banner, a breadcrumb,
//! navigation, a menu, a skip link, share or social links, a header or a footer. The
//! element holding the page's title (its first `h1`, in the part read) is never left
//! out, since a note is read from its title.
//!
//! # The map back
//!
//! html5ever gives no source positions. The source is scanned once on its own
//! ([`Decoded`]): the text outside tags, comments and raw-text elements, character
//! references decoded and line ends normalised as html5ever does, each piece with the
//! source bytes it came from. Each text node of the tree is then found in that text,
//! searching forward from the previous one, and every character written out keeps the
//! source bytes of the character it came from. Text the converter adds (`# `, `- `, ` | `,
//! line breaks) has no source; a span starting there maps to the next character that has
//! one, a span ending there to the end of the last one before it. A text node that cannot
//! be found exactly is mapped as a whole to where its first word is (or to where the
//! search stood), never character by character. The searching is bounded, so a hostile
//! page costs time in proportion to its size.

use std::collections::HashSet;
use std::ops::Range;

use ego_tree::NodeRef;
use scraper::{Html, Node};

/// Whether a path names a web page (`.html`, `.htm`, any case).
pub fn is_html_path(path: &str) -> bool {
    super::ends_with_ci(path, ".html") || super::ends_with_ci(path, ".htm")
}

/// A page as plain text, with the map back to its source.
#[derive(Debug, Default)]
pub struct Converted {
    pub text: String,
    pub map: OffsetMap,
}

/// Byte offsets in converted text → byte offsets in the HTML source.
#[derive(Debug, Default)]
pub struct OffsetMap {
    /// In converted order, not overlapping; gaps are text the converter added.
    runs: Vec<Run>,
    /// The source's length: nothing maps past it.
    source_len: usize,
}

/// Converted bytes `conv` came from source bytes `src`. When both are as long (the text
/// was copied), an offset inside maps one for one; otherwise (a character reference, a
/// folded run of white space, a text node that was not found exactly) any offset inside
/// maps to the start of `src`.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Run {
    conv: Range<usize>,
    src: Range<usize>,
    /// Copied text: `conv` and `src` are as long, byte for byte.
    linear: bool,
}

impl OffsetMap {
    /// The source offset of the character at converted offset `at` (a span's start).
    pub fn start(&self, at: usize) -> usize {
        let i = self.runs.partition_point(|r| r.conv.end <= at);
        match self.runs.get(i) {
            Some(r) if r.conv.start <= at => {
                if r.linear {
                    r.src.start + (at - r.conv.start)
                } else {
                    r.src.start
                }
            }
            // Added text: the next character that has a source.
            Some(r) => r.src.start,
            None => self.runs.last().map_or(0, |r| r.src.end),
        }
        .min(self.source_len)
    }

    /// The source offset just after the character that ends at converted offset `at` (a
    /// span's end).
    pub fn end(&self, at: usize) -> usize {
        // The last run starting before `at`.
        let i = self.runs.partition_point(|r| r.conv.start < at);
        let Some(r) = i.checked_sub(1).map(|i| &self.runs[i]) else {
            return self.start(at);
        };
        if at >= r.conv.end {
            // Added text after the run: the end of what came before.
            r.src.end
        } else if r.linear {
            r.src.start + (at - r.conv.start)
        } else {
            r.src.start
        }
        .min(self.source_len)
    }

    /// A converted span as a source span: never backwards, on character boundaries of the
    /// source.
    pub fn span(&self, r: &Range<usize>) -> Range<usize> {
        let start = self.start(r.start);
        let end = if r.end > r.start {
            self.end(r.end).max(start)
        } else {
            start
        };
        start..end
    }
}

/// Reads `html` as a page and writes its text; never fails.
pub fn html_to_text(html: &str) -> Converted {
    let decoded = Decoded::new(html);
    let document = Html::parse_document(html);
    let root = content_root(&document);
    let title_path = title_path(root);
    let mut w = Writer::new(html.len());
    let mut finder = Finder::new(&decoded);

    // Depth-first over the whole tree (text outside the part read is still found, so that
    // the search for the next node starts after it), without recursion: pages nest deep.
    let top = document.tree.root();
    let mut node = top;
    // The node whose subtree is left out, and whether we are inside the part read.
    let mut skipping: Option<ego_tree::NodeId> = None;
    let mut inside: Option<ego_tree::NodeId> = None;
    loop {
        let mut descend = true;
        if node.id() == root.id() {
            inside = Some(node.id());
        }
        match node.value() {
            Node::Element(e) => {
                if RAW_TEXT.contains(&e.name()) {
                    // Its text is not in the scanned text; it is never read.
                    descend = false;
                } else if skipping.is_none()
                    && inside.is_some()
                    && left_out(e, node.id() == root.id() || title_path.contains(&node.id()))
                {
                    skipping = Some(node.id());
                }
                if descend && skipping.is_none() && inside.is_some() {
                    w.open(e);
                }
            }
            Node::Text(t) => {
                let found = finder.find(t);
                if skipping.is_none() && inside.is_some() {
                    w.text(t, found, &decoded);
                }
            }
            _ => {}
        }
        if descend && let Some(child) = node.first_child() {
            node = child;
            continue;
        }
        // Close `node` and every ancestor whose last child it is.
        loop {
            if let Node::Element(e) = node.value()
                && !(RAW_TEXT.contains(&e.name()))
            {
                if skipping.is_none() && inside.is_some() {
                    w.close(e);
                }
                if skipping == Some(node.id()) {
                    skipping = None;
                }
            }
            if inside == Some(node.id()) {
                inside = None;
            }
            if node.id() == top.id() {
                return w.finish();
            }
            if let Some(next) = node.next_sibling() {
                node = next;
                break;
            }
            match node.parent() {
                Some(p) => node = p,
                None => return w.finish(),
            }
        }
    }
}

/// Elements whose content html5ever reads as raw text (not markup, no references): the
/// scan skips them too, so their text is never searched for.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "noscript",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// The part of the page read: `main`, else `article`, else `[role=main]`, else `body`,
/// else the whole document.
fn content_root(document: &Html) -> NodeRef<'_, Node> {
    let mut body = None;
    let mut article = None;
    let mut role_main = None;
    for node in document.tree.root().descendants() {
        let Node::Element(e) = node.value() else {
            continue;
        };
        match e.name() {
            "main" => return node,
            "article" if article.is_none() => article = Some(node),
            "body" if body.is_none() => body = Some(node),
            _ => {}
        }
        if role_main.is_none()
            && e.attr("role")
                .is_some_and(|r| r.trim().eq_ignore_ascii_case("main"))
        {
            role_main = Some(node);
        }
    }
    article
        .or(role_main)
        .or(body)
        .unwrap_or_else(|| document.tree.root())
}

/// The first `h1` under `root` and its ancestors up to `root`: never left out.
fn title_path(root: NodeRef<'_, Node>) -> HashSet<ego_tree::NodeId> {
    let mut out = HashSet::new();
    let Some(h1) = root
        .descendants()
        .find(|n| matches!(n.value(), Node::Element(e) if e.name() == "h1"))
    else {
        return out;
    };
    out.insert(h1.id());
    let mut at = h1;
    while at.id() != root.id()
        && let Some(p) = at.parent()
    {
        out.insert(p.id());
        at = p;
    }
    out
}

/// Elements never read.
const LEFT_OUT: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "head",
    "title", "button", "select", "textarea", "input", "svg", "canvas", "dialog", "object", "embed",
];

/// Words in an id, class or role that mark a block as the site's rather than the note's.
const CHROME_WORDS: &[&str] = &[
    "cookie",
    "cookies",
    "consent",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "nav",
    "navbar",
    "navigation",
    "menu",
    "menus",
    "menubar",
    "skip",
    "share",
    "sharing",
    "social",
    "footer",
    "header",
    "contentinfo",
];

/// Whether an element is left out with what it holds. `kept` is the part read or an
/// element holding its title: never left out for its name, id or class.
fn left_out(e: &scraper::node::Element, kept: bool) -> bool {
    if e.attr("hidden").is_some()
        || e.attr("aria-hidden")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
        || e.attr("style").is_some_and(|s| {
            let s: String = s
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
    {
        return true;
    }
    if kept {
        return false;
    }
    if LEFT_OUT.contains(&e.name()) {
        return true;
    }
    ["id", "class", "role"]
        .iter()
        .filter_map(|a| e.attr(a))
        .any(names_chrome)
}

/// Whether an id, class or role value holds one of [`CHROME_WORDS`] as a word: split at
/// anything not a letter or digit and where a lower-case letter meets a capital
/// (`cookieBanner`), compared ignoring case.
fn names_chrome(value: &str) -> bool {
    let mut word = String::new();
    let mut prev_lower = false;
    let mut hit = false;
    let mut check = |w: &mut String| {
        if !w.is_empty() {
            hit |= CHROME_WORDS.contains(&w.as_str());
            w.clear();
        }
    };
    for c in value.chars() {
        if !c.is_alphanumeric() || (prev_lower && c.is_uppercase()) {
            check(&mut word);
        }
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        }
        prev_lower = c.is_lowercase();
    }
    check(&mut word);
    hit
}

// ---------------------------------------------------------------------------------------
// The scanned source.

/// The source's text outside markup, as html5ever decodes it, with where each piece came
/// from.
struct Decoded {
    text: String,
    /// In order; `dec` offsets into `text`. Between pieces nothing is missing from `text`
    /// (each decoded byte belongs to one piece).
    pieces: Vec<Piece>,
}

#[derive(Clone, Debug)]
struct Piece {
    dec: Range<usize>,
    src: Range<usize>,
}

impl Decoded {
    fn new(src: &str) -> Decoded {
        let b = src.as_bytes();
        let mut d = Decoded {
            text: String::with_capacity(src.len() / 2),
            pieces: Vec::new(),
        };
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'<' => match skip_markup(src, i) {
                    Some(next) => i = next,
                    None => {
                        d.push("<", i..i + 1);
                        i += 1;
                    }
                },
                b'&' => match decode_reference(src, i) {
                    Some((chars, len)) => {
                        d.push(&chars, i..i + len);
                        i += len;
                    }
                    None => {
                        d.push("&", i..i + 1);
                        i += 1;
                    }
                },
                b'\r' => {
                    let len = if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                    d.push("\n", i..i + len);
                    i += len;
                }
                _ => {
                    let end =
                        memchr::memchr3(b'<', b'&', b'\r', &b[i..]).map_or(b.len(), |k| i + k);
                    d.push(&src[i..end], i..end);
                    i = end;
                }
            }
        }
        d
    }

    /// Appends `text`, which came from `src`; a copy joins the copy before it.
    fn push(&mut self, text: &str, src: Range<usize>) {
        let dec = self.text.len()..self.text.len() + text.len();
        self.text.push_str(text);
        let copied = dec.len() == src.len();
        if let Some(last) = self.pieces.last_mut()
            && copied
            && last.dec.len() == last.src.len()
            && last.dec.end == dec.start
            && last.src.end == src.start
        {
            last.dec.end = dec.end;
            last.src.end = src.end;
            return;
        }
        self.pieces.push(Piece { dec, src });
    }

    /// The index of the piece holding decoded offset `at`.
    fn piece_at(&self, at: usize) -> usize {
        self.pieces
            .partition_point(|p| p.dec.end <= at)
            .min(self.pieces.len().saturating_sub(1))
    }

    /// The source bytes of the decoded character at `at` (`from` is a piece index at or
    /// before it, to walk forward from; it is updated).
    fn source_of(&self, at: usize, char_len: usize, from: &mut usize) -> Range<usize> {
        while *from + 1 < self.pieces.len() && self.pieces[*from].dec.end <= at {
            *from += 1;
        }
        let p = &self.pieces[*from];
        if p.dec.len() == p.src.len() {
            let s = p.src.start + (at - p.dec.start);
            s..s + char_len
        } else {
            p.src.clone()
        }
    }

    /// The source offset of decoded offset `at` (the start of its piece when not copied).
    fn source_at(&self, at: usize) -> usize {
        if self.pieces.is_empty() {
            return 0;
        }
        let p = &self.pieces[self.piece_at(at)];
        if at >= p.dec.end {
            p.src.end
        } else if p.dec.len() == p.src.len() {
            p.src.start + (at - p.dec.start)
        } else {
            p.src.start
        }
    }
}

/// Where markup starting at `<` (byte `i`) ends: after a tag, comment, doctype or
/// processing instruction, and after a raw-text element's content (up to its end tag).
/// `None` when the `<` is text.
fn skip_markup(src: &str, i: usize) -> Option<usize> {
    let b = src.as_bytes();
    let rest = &b[i..];
    let find = |from: usize, pat: &[u8]| -> usize {
        memchr::memmem::find(&b[from.min(b.len())..], pat).map_or(b.len(), |k| from + k + pat.len())
    };
    if rest.starts_with(b"<!--") {
        if rest.starts_with(b"<!-->") {
            return Some(i + 5);
        }
        if rest.starts_with(b"<!--->") {
            return Some(i + 6);
        }
        return Some(find(i + 4, b"-->"));
    }
    match rest.get(1) {
        Some(b'!' | b'?') => Some(find(i + 2, b">")),
        Some(b'/') => match rest.get(2) {
            Some(c) if c.is_ascii_alphabetic() => Some(find(i + 2, b">")),
            Some(b'>') => Some(i + 3),
            Some(_) => Some(find(i + 2, b">")),
            None => None,
        },
        Some(c) if c.is_ascii_alphabetic() => {
            let name_end = (i + 1..b.len())
                .find(|&k| matches!(b[k], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>'))
                .unwrap_or(b.len());
            let name = src[i + 1..name_end].to_ascii_lowercase();
            let after = end_of_start_tag(b, name_end);
            if RAW_TEXT.contains(&name.as_str()) {
                if name == "plaintext" {
                    return Some(b.len());
                }
                return Some(raw_text_end(b, after, name.as_bytes()));
            }
            Some(after)
        }
        _ => None,
    }
}

/// The end of a start tag whose attributes begin at `k`: after its `>`, skipping quoted
/// attribute values.
fn end_of_start_tag(b: &[u8], mut k: usize) -> usize {
    let mut after_equals = false;
    while k < b.len() {
        match b[k] {
            b'>' => return k + 1,
            b'=' => after_equals = true,
            b'"' | b'\'' if after_equals => {
                let q = b[k];
                k = memchr::memchr(q, &b[k + 1..]).map_or(b.len(), |j| k + 1 + j);
                after_equals = false;
            }
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' => {}
            _ => after_equals = false,
        }
        k += 1;
    }
    b.len()
}

/// Where a raw-text element's content ends: at its end tag `</name` (any case).
fn raw_text_end(b: &[u8], from: usize, name: &[u8]) -> usize {
    let mut k = from;
    while let Some(j) = memchr::memmem::find(&b[k.min(b.len())..], b"</") {
        let at = k + j;
        let tail = &b[at + 2..];
        if tail.len() >= name.len()
            && tail[..name.len()].eq_ignore_ascii_case(name)
            && tail
                .get(name.len())
                .is_none_or(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>'))
        {
            return at;
        }
        k = at + 2;
    }
    b.len()
}

/// A character reference at `&` (byte `i`), as html5ever reads one in text: the
/// characters and the bytes it takes. `None` when the `&` is text.
fn decode_reference(src: &str, i: usize) -> Option<(String, usize)> {
    let b = src.as_bytes();
    if b.get(i + 1) == Some(&b'#') {
        let hex = matches!(b.get(i + 2), Some(b'x' | b'X'));
        let digits_at = i + 2 + usize::from(hex);
        let digits = b[digits_at.min(b.len())..]
            .iter()
            .take_while(|c| {
                if hex {
                    c.is_ascii_hexdigit()
                } else {
                    c.is_ascii_digit()
                }
            })
            .count();
        if digits == 0 {
            return None;
        }
        let text = &src[digits_at..digits_at + digits];
        let value = u32::from_str_radix(text, if hex { 16 } else { 10 }).unwrap_or(u32::MAX);
        let mut len = digits_at + digits - i;
        if b.get(i + len) == Some(&b';') {
            len += 1;
        }
        let c = match value {
            0x80..=0x9F => html5ever::data::C1_REPLACEMENTS[(value - 0x80) as usize]
                .unwrap_or_else(|| char::from_u32(value).unwrap_or('\u{fffd}')),
            0 => '\u{fffd}',
            v => char::from_u32(v).unwrap_or('\u{fffd}'),
        };
        return Some((c.to_string(), len));
    }
    // A named reference: the longest name in the table, with its `;` or (the legacy
    // ones) without.
    let name_len = b[i + 1..]
        .iter()
        .take(40)
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    if name_len == 0 {
        return None;
    }
    let with_semicolon = b.get(i + 1 + name_len) == Some(&b';');
    let lookup = |key: &str| {
        html5ever::data::NAMED_ENTITIES
            .get(key)
            .filter(|&&(a, _)| a != 0)
            .map(|&(a, b)| {
                [a, b]
                    .into_iter()
                    .filter(|&c| c != 0)
                    .filter_map(char::from_u32)
                    .collect::<String>()
            })
    };
    if with_semicolon && let Some(chars) = lookup(&src[i + 1..i + 2 + name_len]) {
        return Some((chars, name_len + 2));
    }
    (1..=name_len)
        .rev()
        .find_map(|k| lookup(&src[i + 1..i + 1 + k]).map(|chars| (chars, k + 1)))
}

// ---------------------------------------------------------------------------------------
// Finding text nodes in the scanned source.

/// Finds each text node in the decoded source, in order, within a budget of bytes
/// searched proportional to the page's size.
struct Finder<'d> {
    decoded: &'d Decoded,
    /// Where the next search starts.
    cursor: usize,
    /// Bytes that may still be searched.
    budget: usize,
}

/// Where a text node was found in the decoded source.
#[derive(Clone, Copy, Debug)]
enum Found {
    /// Exactly, at this decoded offset.
    Exact(usize),
    /// Not exactly: every character maps to this source offset.
    Near(usize),
    /// White space only: not searched.
    Blank,
}

impl<'d> Finder<'d> {
    fn new(decoded: &'d Decoded) -> Finder<'d> {
        Finder {
            decoded,
            cursor: 0,
            budget: decoded.text.len().saturating_mul(4) + 4096,
        }
    }

    fn search(&mut self, needle: &str) -> Option<usize> {
        let hay = &self.decoded.text[self.cursor..];
        // A missing needle costs the whole rest: stop searching once the budget is spent.
        let window = hay.len().min(self.budget);
        // A match of whole UTF-8 in UTF-8 starts on a character boundary.
        let at = memchr::memmem::find(&hay.as_bytes()[..window], needle.as_bytes());
        self.budget = self
            .budget
            .saturating_sub(at.map_or(window, |k| k + needle.len()));
        at.map(|k| self.cursor + k)
    }

    fn find(&mut self, text: &str) -> Found {
        if text.chars().all(|c| c.is_ascii_whitespace()) {
            return Found::Blank;
        }
        if let Some(at) = self.search(text) {
            self.cursor = at + text.len();
            return Found::Exact(at);
        }
        // Not exactly (html5ever dropped or changed a character): the node as a whole maps
        // to where it starts. Only markup lies between the previous node and this one, so
        // that is the next character that is not white space, when it is the node's
        // first; else where its first word is found.
        let first = text.trim_start_matches(|c: char| c.is_ascii_whitespace());
        let rest = &self.decoded.text[self.cursor..];
        let next = rest
            .bytes()
            .take(4096)
            .take_while(u8::is_ascii_whitespace)
            .count();
        if let (Some(a), Some(b)) = (first.chars().next(), rest[next..].chars().next())
            && a == b
        {
            let at = self.cursor + next;
            self.cursor = at + a.len_utf8();
            return Found::Near(self.decoded.source_at(at));
        }
        let word: &str = text.split_ascii_whitespace().next().unwrap_or_default();
        let word = &word[..word.char_indices().nth(32).map_or(word.len(), |(k, _)| k)];
        if let Some(at) = self.search(word) {
            self.cursor = at + word.len();
            return Found::Near(self.decoded.source_at(at));
        }
        Found::Near(self.decoded.source_at(self.cursor))
    }
}

// ---------------------------------------------------------------------------------------
// Writing the text.

struct Writer {
    text: String,
    runs: Vec<Run>,
    source_len: usize,
    /// Line breaks owed before the next content: 1 ends the line, 2 leaves a blank line.
    breaks: u8,
    /// A folded space owed before the next content on this line, and its source.
    space: Option<Option<Range<usize>>>,
    /// What starts the next line (`# `, `- `), in place of the list indentation.
    prefix: Option<String>,
    /// Right after added text (a cell's `| `): no space before what follows.
    fresh: bool,
    lists: usize,
    cells: usize,
    /// Cells opened in the current row.
    row_cells: usize,
    pre: usize,
}

/// Elements that start and end a block of their own, with a blank line around it.
const PARAGRAPHS: &[&str] = &[
    "p",
    "blockquote",
    "pre",
    "table",
    "figure",
    "address",
    "dl",
    "details",
    "fieldset",
    "hr",
];

/// Elements that start and end on a line of their own.
const LINES: &[&str] = &[
    "div",
    "section",
    "article",
    "main",
    "body",
    "html",
    "dt",
    "dd",
    "figcaption",
    "summary",
    "caption",
    "center",
    "legend",
    "thead",
    "tbody",
    "tfoot",
    "option",
];

impl Writer {
    fn new(source_len: usize) -> Writer {
        Writer {
            text: String::new(),
            runs: Vec::new(),
            source_len,
            breaks: 0,
            space: None,
            prefix: None,
            fresh: false,
            lists: 0,
            cells: 0,
            row_cells: 0,
            pre: 0,
        }
    }

    fn finish(mut self) -> Converted {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
        Converted {
            text: self.text,
            map: OffsetMap {
                runs: self.runs,
                source_len: self.source_len,
            },
        }
    }

    fn at_line_start(&self) -> bool {
        self.text.is_empty() || self.text.ends_with('\n')
    }

    /// Owes `n` line breaks (inside a table cell: a space).
    fn block(&mut self, n: u8) {
        if self.cells > 0 {
            self.space.get_or_insert(None);
            return;
        }
        self.breaks = self.breaks.max(n);
        self.space = None;
    }

    /// Pays what is owed before content: breaks, the line's prefix, a space.
    fn before_content(&mut self) {
        if self.breaks > 0 && !self.text.is_empty() {
            let have = self.text.bytes().rev().take_while(|&c| c == b'\n').count();
            for _ in have..usize::from(self.breaks) {
                self.text.push('\n');
            }
            self.space = None;
        }
        self.breaks = 0;
        if self.at_line_start() {
            self.space = None;
            match self.prefix.take() {
                Some(p) => self.text.push_str(&p),
                None if self.lists > 0 && self.cells == 0 => {
                    self.text.push_str(&"  ".repeat(self.lists))
                }
                None => {}
            }
        } else if self.fresh {
            self.space = None;
        } else if let Some(space) = self.space.take() {
            self.push_char(' ', space);
        }
    }

    /// Text the converter adds, in place of any space owed.
    fn added(&mut self, s: &str) {
        self.space = None;
        self.before_content();
        self.text.push_str(s);
        self.fresh = true;
    }

    fn push_char(&mut self, c: char, src: Option<Range<usize>>) {
        self.fresh = false;
        let at = self.text.len();
        self.text.push(c);
        let Some(src) = src else { return };
        let conv = at..self.text.len();
        let linear = conv.len() == src.len();
        if let Some(last) = self.runs.last_mut()
            && last.conv.end == conv.start
        {
            // Copied text goes on; so does text mapped as a whole to one place.
            if last.linear && linear && last.src.end == src.start {
                last.conv.end = conv.end;
                last.src.end = src.end;
                return;
            }
            if !last.linear && !linear && last.src == src {
                last.conv.end = conv.end;
                return;
            }
        }
        self.runs.push(Run { conv, src, linear });
    }

    fn open(&mut self, e: &scraper::node::Element) {
        let name = e.name();
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.block(2);
                if self.cells == 0 {
                    let level = usize::from(name.as_bytes()[1] - b'0');
                    self.prefix = Some(format!("{} ", "#".repeat(level)));
                }
            }
            "ul" | "ol" | "menu" => {
                self.block(if self.lists == 0 { 2 } else { 1 });
                self.lists += 1;
            }
            "li" => {
                self.block(1);
                if self.cells == 0 {
                    let depth = self.lists.max(1) - 1;
                    self.prefix = Some(format!("{}- ", "  ".repeat(depth)));
                }
            }
            "tr" => {
                self.block(1);
                self.row_cells = 0;
            }
            "td" | "th" => {
                if self.cells == 0 {
                    self.added(if self.row_cells == 0 { "| " } else { " | " });
                    self.row_cells += 1;
                } else {
                    self.space.get_or_insert(None);
                }
                self.cells += 1;
            }
            "br" => {
                if self.cells > 0 {
                    self.space.get_or_insert(None);
                } else {
                    // A second `<br>` leaves a blank line.
                    self.breaks = (self.breaks + 1).min(2);
                    self.space = None;
                }
            }
            "pre" => {
                self.block(2);
                self.pre += 1;
            }
            _ if PARAGRAPHS.contains(&name) => self.block(if self.lists > 0 { 1 } else { 2 }),
            _ if LINES.contains(&name) => self.block(1),
            _ => {}
        }
    }

    fn close(&mut self, e: &scraper::node::Element) {
        let name = e.name();
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.prefix = None;
                self.block(2);
            }
            "ul" | "ol" | "menu" => {
                self.lists = self.lists.saturating_sub(1);
                self.block(if self.lists == 0 { 2 } else { 1 });
            }
            "li" => {
                self.prefix = None;
                self.block(1);
            }
            "td" | "th" => {
                self.cells = self.cells.saturating_sub(1);
                if self.cells == 0 {
                    self.space = None;
                }
            }
            "tr" => {
                if self.row_cells > 0 && self.cells == 0 {
                    self.space = None;
                    self.text.push_str(" |");
                }
                self.row_cells = 0;
                self.block(1);
            }
            "pre" => {
                self.pre = self.pre.saturating_sub(1);
                self.block(2);
            }
            _ if PARAGRAPHS.contains(&name) => self.block(if self.lists > 0 { 1 } else { 2 }),
            _ if LINES.contains(&name) => self.block(1),
            _ => {}
        }
    }

    /// A text node, found in the source as `found`.
    fn text(&mut self, t: &str, found: Found, decoded: &Decoded) {
        let mut piece = match found {
            Found::Exact(at) => decoded.piece_at(at),
            _ => 0,
        };
        for (k, c) in t.char_indices() {
            let src = match found {
                Found::Exact(at) => Some(decoded.source_of(at + k, c.len_utf8(), &mut piece)),
                Found::Near(at) => Some(at..at),
                Found::Blank => None,
            };
            if self.pre > 0 && self.cells == 0 {
                // Preformatted: every character as it is, each line a line.
                self.before_content();
                if c == '\n' {
                    self.text.push('\n');
                } else {
                    self.push_char(c, src);
                }
                continue;
            }
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c') {
                if self.space.is_none() {
                    self.space = Some(src.map(|s| s.start..s.start + s.len().min(1)));
                }
                continue;
            }
            self.before_content();
            self.push_char(c, src);
        }
    }
}

#[cfg(test)]
mod tests;
