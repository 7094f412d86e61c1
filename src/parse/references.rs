//! Citations in SEC text: the one grammar that finds them, with exact byte spans.
//!
//! `WS` below is spaces, tabs, NBSP and at most two line breaks (one blank line, as PDF
//! extraction leaves between wrapped lines); `\r\n` counts as one line break.
//!
//! ```text
//! citation := ["SEC" WS] DOC WS item (SEP item)* [instrument]
//!           | ["SEC" WS] DOC WS designator [title] [","] WS PARA WS num-list
//!                                                      "Appendix AB paragraph 3.2"
//!           | ["SEC" WS] "Section" WS letter title num  "SEC Section L ‘…’ 14.8" = L14.8
//!           | PARA WS num-list WS ("of"|"in") WS ["the" WS] ["SEC" WS] DOC WS designator
//!                 [title] [instrument]                 "paragraph 3.2 of Appendix AB"
//!           | "Section" WS num-list WS "of" WS … (as PARA)   "Section 4.2 of Appendix AB"
//!           | PARA WS clause (SEP clause)*             "clauses H3.2 and H3.4"
//!           | ["Licence" WS] CONDITION WS num (SEP num)* [instrument]
//!           | clause-with-dot (SEP clause-with-dot)*   bare: "in H8.16"
//! DOC       = Section(s) | Appendix | Appendices | Schedule(s)    PARA = paragraph(s) | clause(s)
//! item     := (clause | designator | placeholder | num) [range] [title]
//! clause   := [A-Z] [0-9]{1,2} [A-Z]? ("." [0-9]{1,3} [A-Z]?)? sub*   H8.16 N4A.2 H15 J1.2(b)
//! num      := [0-9]{1,3} [A-Z]? ("." [0-9]{1,3}){0,3} [A-Z]? sub*    3.2  22.33  88(1)
//! sub      := "(" ([a-z]{1,4} | [0-9]{1,3} | [A-Z]) ")"
//! designator := [A-Z] (Section) | [A-Z]{1,2} (Appendix) | [1-9][0-9]{0,2} (Schedule)
//! placeholder := "[" … "]"                                        [TBC]  [X]
//! range    := ("-" | "–" | "—" | WS "to" WS) item of the same kind
//! SEP      := "," | "and" | "or" | ", and" | ", or"
//! title    := ‘…’ | “…” | '…' | "…" | "(" Title Words ")" | dash Title Words (documents only)
//! instrument := ("of"|"to"|"under") WS "the" WS Name ("Act" [year] | "Licence"
//!               | "Regulations" [year] | "Order" [year])
//! ```
//!
//! Span conventions. A reference's `span` covers the whole citation: the leading
//! `SEC`/`Licence` and head word, the designator or clause, any range end, and any cited
//! title with its closing quote or bracket. In a list ("Sections H3 and H4") the first
//! item's span starts at the head word ("Sections H3") and each later item covers only its
//! own text ("H4"); a shared tail ("of Appendix AB", "of the Energy Act 2008") belongs to
//! the last item, and a title in that tail is given to every item (so for the earlier
//! items it lies outside their span). `CitedTitle::span` covers the title text only
//! (inside the quotes), and `CitedTitle::text` is that text with white space runs folded
//! to one space. A clause target's string is the clause as written without white space
//! (`88 (1)` -> `88(1)`); when the document is a Section and the text gave only the
//! number ("Section L ‘…’ 14.8", "paragraph 3 of Section H") the letter is prefixed
//! (`L14.8`), so the string may differ from the bytes of its span.
//!
//! External instruments (Acts, licences, regulations, orders) are recognised by the tail
//! `of the … Act 2008`, `to the … Act 1989`, `of the … Licence`, by a `Licence Condition`
//! head, or by a lower-case `section` with a number; they carry `external: true`,
//! `document: None` and the number (or designator) as a clause target.
//!
//! Deliberately not recognised (precision over recall):
//! - a Section number without a letter and without an instrument tail ("Section 5"),
//!   a lower-case `section`/`appendix`/`schedule` with a bare letter ("section A", "in this
//!   section I"), or a `Condition` with neither `Licence` before nor an instrument after;
//! - a paragraph or clause number with no document ("paragraph 3.2 of this Appendix");
//! - bare clauses without a dot ("H8", "F3") unless they continue a list or range, bare
//!   clauses at the start of a line (that is where a document numbers its own clauses),
//!   bare clauses with the letter `V` ("V4.2"), after a version word, after a word ending
//!   in a digit ("SMETS2", "DP189"), after an all-capitals acronym other than `SEC`, or
//!   after Table/Figure/Annex/Step/Page and the like; numbers with a zero component
//!   ("H2.0"), three-level clauses ("H8.16.1") and clauses glued to other characters;
//! - letter ranges of documents ("Appendices A–C" yields only "Appendices A"), lists of
//!   bare letters after a singular head ("Section A and B"), titles after a colon, titles
//!   with no delimiter ("Schedule 8 GB Companion"), and dash titles after clause numbers;
//! - a dash title that breaks over a line is continued only while the next line reads as
//!   a title (capitalised words and connectors) or the line ended unfinished (on a comma
//!   or a connector such as "and"); it stops at the first word that is not title-like.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::names::{DocumentId, DocumentKind};

/// One citation found in text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    /// The whole citation, including a cited title (see the module comment for lists).
    pub span: Range<usize>,
    /// The SEC document cited; `None` for external instruments and for placeholders
    /// such as "Appendix [TBC]" (a placeholder inside "paragraph [X] of Appendix AB"
    /// keeps its document).
    pub document: Option<DocumentId>,
    pub target: Target,
    /// A title quoted, bracketed or dashed right after the reference.
    pub cited_title: Option<CitedTitle>,
    /// True for citations of instruments outside the SEC ("section 88(1) of the Energy
    /// Act 2008"): never resolved against the corpus.
    pub external: bool,
    /// The external instrument's name as written, white space folded ("Energy Act
    /// 2008", "DCC Licence"), when the text names it.
    pub instrument: Option<String>,
}

/// A title cited with a reference: `text` is white-space-normalised, `span` covers the
/// original bytes of the title text only (not its quotes or brackets).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CitedTitle {
    pub text: String,
    pub span: Range<usize>,
}

/// What inside the document is cited.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// The document as a whole: "Appendix AC", "Schedule 11".
    Document,
    /// One clause or paragraph: "H8.16", "J1.2(b)", "N4A.2"; "3.2" in an Appendix.
    Clause { clause: String, span: Range<usize> },
    /// A run of clauses, both ends as written (they may name different Sections or run
    /// backwards; that is for rules to report).
    Range {
        start: String,
        start_span: Range<usize>,
        end: String,
        end_span: Range<usize>,
    },
    /// "Appendix [TBC]", "Section [X]".
    Placeholder,
}

/// Finds every citation in `text`, in order of position.
pub fn extract(text: &str) -> Vec<Reference> {
    let sc = Scan {
        text,
        b: text.as_bytes(),
    };
    let mut out = Vec::new();
    let mut consumed = 0usize;
    let mut triggers = TRIGGERS.starts(text).peekable();
    let mut bares = memchr::memchr_iter(b'.', sc.b)
        .filter_map(|d| sc.bare_start(d))
        .peekable();
    loop {
        let (pos, is_trigger) = match (triggers.peek(), bares.peek()) {
            (None, None) => break,
            (Some(&t), Some(&l)) if l < t => (l, false),
            (Some(&t), _) => (t, true),
            (None, Some(&l)) => (l, false),
        };
        if is_trigger {
            triggers.next();
        } else {
            bares.next();
        }
        if pos < consumed {
            continue;
        }
        let found = if is_trigger {
            sc.at_trigger(pos, consumed)
        } else {
            sc.bare(pos)
        };
        if let Some((refs, end)) = found {
            consumed = end;
            out.extend(refs);
        }
    }
    out
}

/// The head words' stems as `head_word` accepts them: lower case, capitalised, capitals.
const STEMS: [&str; 6] = [
    "section",
    "appendi",
    "schedule",
    "paragraph",
    "clause",
    "condition",
];

/// Prefilter for the head words; each hit is checked and completed by `head_word`. The
/// SIMD packed searcher takes the three spellings of each stem; where the CPU has no
/// SIMD it cannot be built and a case-insensitive automaton is used instead.
enum Triggers {
    Packed(aho_corasick::packed::Searcher),
    Automaton(AhoCorasick),
}

impl Triggers {
    fn starts<'t>(&'t self, text: &'t str) -> Box<dyn Iterator<Item = usize> + 't> {
        match self {
            Triggers::Packed(s) => Box::new(s.find_iter(text).map(|m| m.start())),
            Triggers::Automaton(a) => Box::new(a.find_iter(text).map(|m| m.start())),
        }
    }
}

static TRIGGERS: LazyLock<Triggers> = LazyLock::new(|| {
    let mut spellings = Vec::with_capacity(STEMS.len() * 3);
    for stem in STEMS {
        let mut cap = stem.to_string();
        cap[..1].make_ascii_uppercase();
        spellings.push(stem.to_string());
        spellings.push(cap);
        spellings.push(stem.to_ascii_uppercase());
    }
    let packed = aho_corasick::packed::Config::new()
        .match_kind(aho_corasick::packed::MatchKind::LeftmostFirst)
        .builder()
        .extend(&spellings)
        .build();
    match packed {
        Some(s) => Triggers::Packed(s),
        None => Triggers::Automaton(
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostFirst)
                .build(STEMS)
                .expect("static patterns compile"),
        ),
    }
});

const EN_DASH: &[u8] = "–".as_bytes();
const EM_DASH: &[u8] = "—".as_bytes();
const LSQUO: &[u8] = "‘".as_bytes();
const RSQUO: &[u8] = "’".as_bytes();
const LDQUO: &[u8] = "“".as_bytes();
const RDQUO: &[u8] = "”".as_bytes();

/// Longest title accepted, in bytes.
const TITLE_MAX: usize = 300;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Head {
    Doc(DocumentKind),
    Para,
    Condition,
}

const HEADS: [(&str, Head, bool); 12] = [
    ("section", Head::Doc(DocumentKind::Section), false),
    ("sections", Head::Doc(DocumentKind::Section), true),
    ("appendix", Head::Doc(DocumentKind::Appendix), false),
    ("appendices", Head::Doc(DocumentKind::Appendix), true),
    ("schedule", Head::Doc(DocumentKind::Schedule), false),
    ("schedules", Head::Doc(DocumentKind::Schedule), true),
    ("paragraph", Head::Para, false),
    ("paragraphs", Head::Para, true),
    ("clause", Head::Para, false),
    ("clauses", Head::Para, true),
    ("condition", Head::Condition, false),
    ("conditions", Head::Condition, true),
];

const CONNECTORS: [&str; 20] = [
    "and", "of", "for", "the", "to", "in", "on", "with", "by", "a", "an", "or", "&", "at", "from",
    "into", "under", "between", "via", "as",
];

/// Words that make a following bare clause-like token something else ("Table A1.2").
const NOT_BEFORE_BARE: [&str; 22] = [
    "version", "versions", "v", "ver", "vers", "release", "releases", "issue", "rev", "revision",
    "build", "firmware", "table", "tables", "figure", "fig", "annex", "annexe", "step", "page",
    "note", "row",
];

struct HeadWord {
    head: Head,
    plural: bool,
    lower: bool,
    start: usize,
    end: usize,
}

/// The kind of one list item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tok {
    /// H8.16, N4A, J1.2(b)
    SecClause,
    /// Section H
    SecLetter,
    /// Appendix AC
    AppLetter,
    /// Schedule 11
    SchedNum,
    /// 3.2, 88(1), 22.33
    Num,
    /// [TBC]
    Placeholder,
}

/// What a head word lets its items be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Section,
    Appendix,
    Schedule,
    /// paragraph / clause numbers
    Para,
    /// letter clauses only (after "clauses")
    SecClauses,
    /// bare clauses: letter clauses with a dot
    Bare,
    /// external numbers (Conditions)
    Ext,
}

struct Item {
    start: usize,
    tok: Tok,
    first: Range<usize>,
    last: Option<Range<usize>>,
    end: usize,
    title: Option<CitedTitle>,
}

/// What the citation as a whole says about its items.
#[derive(Default)]
struct Ctx {
    /// The document of number items ("paragraph 3.2 of Appendix AB").
    doc: Option<DocumentId>,
    external: bool,
    instrument: Option<String>,
    /// Where the shared tail ends (belongs to the last item).
    tail_end: Option<usize>,
    /// A title shared by all items (the tail's document title).
    title: Option<CitedTitle>,
}

impl Ctx {
    fn external(instrument: Option<String>, tail_end: usize) -> Ctx {
        Ctx {
            external: true,
            instrument,
            tail_end: Some(tail_end),
            ..Ctx::default()
        }
    }
}

struct Tail {
    doc: Option<DocumentId>,
    title: Option<CitedTitle>,
    external: bool,
    instrument: Option<String>,
    end: usize,
}

fn is_alnum(c: u8) -> bool {
    c.is_ascii_alphanumeric()
}

fn is_connector(w: &[u8]) -> bool {
    CONNECTORS.iter().any(|c| c.as_bytes() == w)
}

fn compatible(first: Tok, next: Tok, plural: bool) -> bool {
    use Tok::*;
    match (first, next) {
        (SecClause, SecClause) | (Num, Num) => true,
        (SecClause | SecLetter, SecLetter)
        | (SecLetter, SecClause)
        | (AppLetter, AppLetter)
        | (SchedNum, SchedNum) => plural,
        _ => false,
    }
}

fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

struct Scan<'a> {
    text: &'a str,
    b: &'a [u8],
}

impl Scan<'_> {
    // ---- bytes and white space ----

    fn at(&self, i: usize) -> u8 {
        self.b.get(i).copied().unwrap_or(0)
    }

    fn starts(&self, i: usize, s: &[u8]) -> bool {
        self.b.get(i..).is_some_and(|r| r.starts_with(s))
    }

    fn hspace(&self, mut i: usize) -> usize {
        loop {
            match self.at(i) {
                b' ' | b'\t' => i += 1,
                0xC2 if self.at(i + 1) == 0xA0 => i += 2,
                _ => return i,
            }
        }
    }

    fn newline(&self, i: usize) -> Option<usize> {
        match self.at(i) {
            b'\n' => Some(i + 1),
            b'\r' if self.at(i + 1) == b'\n' => Some(i + 2),
            _ => None,
        }
    }

    /// Skips white space with at most `max_nl` line breaks; returns the end and the
    /// number of line breaks crossed.
    fn ws(&self, i: usize, max_nl: usize) -> (usize, usize) {
        let mut q = i;
        let mut nl = 0;
        loop {
            q = self.hspace(q);
            match self.newline(q) {
                Some(n) if nl < max_nl => {
                    nl += 1;
                    q = n;
                }
                _ => return (q, nl),
            }
        }
    }

    /// Required white space (at least one byte, at most one blank line).
    fn ws1(&self, i: usize) -> Option<usize> {
        let (q, _) = self.ws(i, 2);
        (q > i).then_some(q)
    }

    fn boundary_before(&self, i: usize) -> bool {
        i == 0 || !is_alnum(self.b[i - 1])
    }

    /// One of `words` (exact bytes) at `i`, not followed by a letter or digit.
    fn keyword(&self, i: usize, words: &[&str]) -> Option<usize> {
        words.iter().find_map(|w| {
            let e = i + w.len();
            (self.starts(i, w.as_bytes()) && !is_alnum(self.at(e))).then_some(e)
        })
    }

    fn dash(&self, i: usize) -> Option<usize> {
        if self.at(i) == b'-' {
            Some(i + 1)
        } else if self.starts(i, EN_DASH) || self.starts(i, EM_DASH) {
            Some(i + 3)
        } else {
            None
        }
    }

    /// `word` before `t` (across spaces and at most one line break), at or after `floor`.
    fn lookback(&self, t: usize, floor: usize, words: &[&str]) -> Option<usize> {
        let b = self.b;
        let mut j = t;
        let mut nl = 0;
        while j > floor {
            match b[j - 1] {
                b' ' | b'\t' | b'\r' => j -= 1,
                b'\n' if nl < 2 => {
                    nl += 1;
                    j -= 1
                }
                0xA0 if j >= 2 && b[j - 2] == 0xC2 => j -= 2,
                _ => break,
            }
        }
        if j == t {
            return None;
        }
        words.iter().find_map(|w| {
            let n = w.len();
            if j >= floor + n && &b[j - n..j] == w.as_bytes() && self.boundary_before(j - n) {
                Some(j - n)
            } else {
                None
            }
        })
    }

    // ---- tokens ----

    /// 1..=max digits, not starting with 0, not followed by another digit.
    fn digits(&self, i: usize, max: usize) -> Option<usize> {
        let mut j = i;
        while self.at(j).is_ascii_digit() {
            j += 1;
        }
        (j > i && j - i <= max && self.at(i) != b'0').then_some(j)
    }

    /// Attached sub-clauses `(a)(ii)`; with `spaced`, one space may come first (`88 (1)`).
    fn subclauses(&self, i: usize, spaced: bool) -> usize {
        let mut j = i;
        loop {
            let k = if spaced && j == i && self.at(j) == b' ' && self.at(j + 1) == b'(' {
                j + 1
            } else {
                j
            };
            if self.at(k) != b'(' {
                return j;
            }
            let mut m = k + 1;
            let c = self.at(m);
            let ok = if c.is_ascii_lowercase() {
                while self.at(m).is_ascii_lowercase() {
                    m += 1;
                }
                m - k - 1 <= 4
            } else if c.is_ascii_digit() {
                while self.at(m).is_ascii_digit() {
                    m += 1;
                }
                m - k - 1 <= 3
            } else if c.is_ascii_uppercase() {
                m += 1;
                true
            } else {
                false
            };
            if !ok || self.at(m) != b')' {
                return j;
            }
            j = m + 1;
        }
    }

    /// `H8.16`, `N4A.2`, `H15`, with sub-clauses; returns the end and whether it has a dot.
    fn letter_clause(&self, i: usize) -> Option<(usize, bool)> {
        if !self.at(i).is_ascii_uppercase() {
            return None;
        }
        let mut j = self.digits(i + 1, 2)?;
        if self.at(j).is_ascii_uppercase() {
            j += 1;
        }
        let mut dot = false;
        if self.at(j) == b'.' && self.at(j + 1).is_ascii_digit() {
            j = self.digits(j + 1, 3)?;
            dot = true;
            if self.at(j).is_ascii_uppercase() {
                j += 1; // an inserted clause: H14.36A
            }
        }
        if is_alnum(self.at(j)) || (self.at(j) == b'.' && self.at(j + 1).is_ascii_digit()) {
            return None;
        }
        Some((self.subclauses(j, false), dot))
    }

    /// `3.2`, `5`, `22.33`, `88(1)` (and `88 (1)` when `spaced`).
    fn num(&self, i: usize, spaced: bool) -> Option<usize> {
        let mut j = self.digits(i, 3)?;
        if self.at(j).is_ascii_uppercase() {
            j += 1;
        }
        let mut groups = 0;
        while self.at(j) == b'.' && self.at(j + 1).is_ascii_digit() && groups < 3 {
            j = self.digits(j + 1, 3)?;
            groups += 1;
        }
        if groups > 0 && self.at(j).is_ascii_uppercase() {
            j += 1;
        }
        if is_alnum(self.at(j)) || (self.at(j) == b'.' && self.at(j + 1).is_ascii_digit()) {
            return None;
        }
        Some(self.subclauses(j, spaced))
    }

    fn section_des(&self, i: usize) -> Option<usize> {
        (self.at(i).is_ascii_uppercase() && !is_alnum(self.at(i + 1))).then_some(i + 1)
    }

    fn appendix_des(&self, i: usize) -> Option<usize> {
        let mut j = i;
        while self.at(j).is_ascii_uppercase() {
            j += 1;
        }
        ((1..=2).contains(&(j - i)) && !is_alnum(self.at(j))).then_some(j)
    }

    fn schedule_des(&self, i: usize) -> Option<usize> {
        let j = self.digits(i, 3)?;
        let glued = is_alnum(self.at(j)) || (self.at(j) == b'.' && self.at(j + 1).is_ascii_digit());
        (!glued).then_some(j)
    }

    fn placeholder(&self, i: usize) -> Option<usize> {
        if self.at(i) != b'[' {
            return None;
        }
        let mut j = i + 1;
        while j < self.b.len() && j - i <= 25 {
            match self.b[j] {
                b']' if j > i + 1 => return Some(j + 1),
                b']' | b'[' | b'\n' | b'\r' => return None,
                _ => j += 1,
            }
        }
        None
    }

    fn tok(&self, i: usize, fam: Family, lower: bool) -> Option<(Tok, usize)> {
        use Family::*;
        if matches!(fam, Section | Appendix | Schedule | Para)
            && let Some(e) = self.placeholder(i)
        {
            return Some((Tok::Placeholder, e));
        }
        match fam {
            Section => {
                if let Some((e, _)) = self.letter_clause(i) {
                    return Some((Tok::SecClause, e));
                }
                if !lower && let Some(e) = self.section_des(i) {
                    return Some((Tok::SecLetter, e));
                }
                self.num(i, true).map(|e| (Tok::Num, e))
            }
            Appendix => {
                if let Some(e) = self.appendix_des(i) {
                    return Some((Tok::AppLetter, e));
                }
                self.num(i, true).map(|e| (Tok::Num, e))
            }
            Schedule => self.schedule_des(i).map(|e| (Tok::SchedNum, e)),
            Para => self.num(i, false).map(|e| (Tok::Num, e)),
            SecClauses => self.letter_clause(i).map(|(e, _)| (Tok::SecClause, e)),
            Bare => match self.letter_clause(i) {
                Some((e, true)) => Some((Tok::SecClause, e)),
                _ => None,
            },
            Ext => self.num(i, true).map(|e| (Tok::Num, e)),
        }
    }

    fn head_word(&self, t: usize) -> Option<HeadWord> {
        let mut e = t;
        while self.at(e).is_ascii_alphabetic() {
            e += 1;
        }
        if e == t || is_alnum(self.at(e)) {
            return None;
        }
        let w = &self.b[t..e];
        let lower = w.iter().all(u8::is_ascii_lowercase);
        let upper = w.iter().all(u8::is_ascii_uppercase);
        let cap = w[0].is_ascii_uppercase() && w[1..].iter().all(u8::is_ascii_lowercase);
        if !(lower || upper || cap) {
            return None;
        }
        let &(_, head, plural) = HEADS
            .iter()
            .find(|(word, _, _)| w.eq_ignore_ascii_case(word.as_bytes()))?;
        Some(HeadWord {
            head,
            plural,
            lower,
            start: t,
            end: e,
        })
    }

    // ---- items and lists ----

    fn item_at(&self, i: usize, fam: Family, lower: bool, start: usize) -> Option<Item> {
        let (tok, e) = self.tok(i, fam, lower)?;
        let mut item = Item {
            start,
            tok,
            first: i..e,
            last: None,
            end: e,
            title: None,
        };
        if matches!(tok, Tok::SecClause | Tok::Num)
            && let Some((r, e)) = self.range_end(e, fam, lower, tok)
        {
            item.last = Some(r);
            item.end = e;
        }
        if tok != Tok::Num && !matches!(fam, Family::Para | Family::Ext) {
            let dash_ok = matches!(
                tok,
                Tok::SecLetter | Tok::AppLetter | Tok::SchedNum | Tok::Placeholder
            );
            if let Some((t, e)) = self.title(item.end, dash_ok) {
                item.title = Some(t);
                item.end = e;
            }
        }
        Some(item)
    }

    fn range_end(
        &self,
        i: usize,
        fam: Family,
        lower: bool,
        tok: Tok,
    ) -> Option<(Range<usize>, usize)> {
        let h = self.hspace(i);
        let q = if let Some(d) = self.dash(h) {
            self.ws(d, 2).0
        } else {
            let q = self.ws1(i)?;
            let e = self.keyword(q, &["to"])?;
            self.ws1(e)?
        };
        let (t, e) = self.tok(q, fam, lower)?;
        (t == tok).then_some((q..e, e))
    }

    fn separator(&self, i: usize) -> Option<usize> {
        let h = self.hspace(i);
        if self.at(h) == b',' {
            let (q, _) = self.ws(h + 1, 2);
            if let Some(e) = self.keyword(q, &["and", "or"]) {
                return self.ws1(e);
            }
            return Some(q);
        }
        let q = self.ws1(i)?;
        let e = self.keyword(q, &["and", "or"])?;
        self.ws1(e)
    }

    fn more_items(&self, first: Item, fam: Family, plural: bool, lower: bool) -> Vec<Item> {
        let first_tok = first.tok;
        let mut items = vec![first];
        if first_tok == Tok::Placeholder {
            return items;
        }
        while let Some(q) = self.separator(items[items.len() - 1].end) {
            match self.item_at(q, fam, lower, q) {
                Some(item) if compatible(first_tok, item.tok, plural) => items.push(item),
                _ => break,
            }
        }
        items
    }

    // ---- citations ----

    fn at_trigger(&self, t: usize, floor: usize) -> Option<(Vec<Reference>, usize)> {
        if !self.boundary_before(t) {
            return None;
        }
        let hw = self.head_word(t)?;
        match hw.head {
            Head::Doc(kind) => self.doc_citation(&hw, kind, floor),
            Head::Para => self.para_citation(&hw),
            Head::Condition => self.condition_citation(&hw, floor),
        }
    }

    fn doc_citation(
        &self,
        hw: &HeadWord,
        kind: DocumentKind,
        floor: usize,
    ) -> Option<(Vec<Reference>, usize)> {
        let start = self.lookback(hw.start, floor, &["SEC"]).unwrap_or(hw.start);
        let fam = match kind {
            DocumentKind::Section => Family::Section,
            DocumentKind::Appendix => Family::Appendix,
            DocumentKind::Schedule => Family::Schedule,
        };
        let q = self.ws1(hw.end)?;
        let first = self.item_at(q, fam, hw.lower, start)?;
        if !hw.lower
            && matches!(first.tok, Tok::SecLetter | Tok::AppLetter | Tok::SchedNum)
            && let Some(found) = self.paragraphs_of(&first, kind, start)
        {
            return Some(found);
        }
        let items = self.more_items(first, fam, hw.plural, hw.lower);
        let last_end = items[items.len() - 1].end;
        let has_num = items.iter().any(|i| i.tok == Tok::Num);
        if let Some((name, end)) = self.instrument_suffix(last_end) {
            let ctx = Ctx::external(Some(name), end);
            return Some(self.build(&items, start, &ctx));
        }
        if has_num && kind == DocumentKind::Section {
            // "Section 3 of Appendix AB": a numbered section inside another document.
            if let Some(tail) = self.para_tail(last_end) {
                let ctx = Ctx {
                    doc: tail.doc,
                    external: tail.external,
                    instrument: tail.instrument,
                    tail_end: Some(tail.end),
                    title: tail.title,
                };
                return Some(self.build(&items, start, &ctx));
            }
            if hw.lower {
                return Some(self.build(&items, start, &Ctx::external(None, last_end)));
            }
        }
        if has_num || (hw.lower && kind != DocumentKind::Section) {
            return None;
        }
        Some(self.build(&items, start, &Ctx::default()))
    }

    /// "Appendix AB paragraph 3.2" and "SEC Section L ‘…’ 14.8".
    fn paragraphs_of(
        &self,
        first: &Item,
        kind: DocumentKind,
        start: usize,
    ) -> Option<(Vec<Reference>, usize)> {
        let doc = DocumentId::new(kind, &self.text[first.first.clone()])?;
        if first.title.is_some() && kind == DocumentKind::Section {
            let h = self.hspace(first.end);
            if h > first.end
                && let Some(e) = self.num(h, false)
                && self.text[h..e].contains('.')
            {
                let item = Item {
                    start: h,
                    tok: Tok::Num,
                    first: h..e,
                    last: None,
                    end: e,
                    title: None,
                };
                let ctx = Ctx {
                    doc: Some(doc),
                    title: first.title.clone(),
                    ..Ctx::default()
                };
                return Some(self.build(&[item], start, &ctx));
            }
        }
        let mut h = first.end;
        if self.at(self.hspace(h)) == b',' {
            h = self.hspace(h) + 1;
        }
        let q = self.ws1(h)?;
        let hw = self.head_word(q)?;
        if hw.head != Head::Para {
            return None;
        }
        let q = self.ws1(hw.end)?;
        let p = self.item_at(q, Family::Para, false, q)?;
        let items = self.more_items(p, Family::Para, hw.plural, false);
        let ctx = Ctx {
            doc: Some(doc),
            title: first.title.clone(),
            ..Ctx::default()
        };
        Some(self.build(&items, start, &ctx))
    }

    /// "paragraph 3.2 of Appendix AB", "Clause 5 of Schedule 11", "clauses H3.2 and H3.4".
    fn para_citation(&self, hw: &HeadWord) -> Option<(Vec<Reference>, usize)> {
        let q = self.ws1(hw.end)?;
        if self.letter_clause(q).is_some() {
            let first = self.item_at(q, Family::SecClauses, false, hw.start)?;
            let items = self.more_items(first, Family::SecClauses, true, false);
            return Some(self.build(&items, hw.start, &Ctx::default()));
        }
        let first = self.item_at(q, Family::Para, false, hw.start)?;
        let items = self.more_items(first, Family::Para, hw.plural, false);
        let tail = self.para_tail(items[items.len() - 1].end)?;
        let ctx = Ctx {
            doc: tail.doc,
            external: tail.external,
            instrument: tail.instrument,
            tail_end: Some(tail.end),
            title: tail.title,
        };
        Some(self.build(&items, hw.start, &ctx))
    }

    /// `of [the] [SEC] Appendix AB [title] [instrument]` or `of the … Licence`.
    fn para_tail(&self, i: usize) -> Option<Tail> {
        let q = self.ws1(i)?;
        let e = self.keyword(q, &["of", "in"])?;
        let q = self.ws1(e)?;
        if let Some((name, end)) = self.instrument_name(q) {
            return Some(Tail {
                doc: None,
                title: None,
                external: true,
                instrument: Some(name),
                end,
            });
        }
        let q = match self.keyword(q, &["SEC"]) {
            Some(e) => self.ws1(e)?,
            None => q,
        };
        let hw = self.head_word(q)?;
        let Head::Doc(kind) = hw.head else {
            return None;
        };
        if hw.lower || hw.plural {
            return None;
        }
        let q = self.ws1(hw.end)?;
        let fam = match kind {
            DocumentKind::Section => Family::Section,
            DocumentKind::Appendix => Family::Appendix,
            DocumentKind::Schedule => Family::Schedule,
        };
        let (tok, e) = self.tok(q, fam, false)?;
        if !matches!(tok, Tok::SecLetter | Tok::AppLetter | Tok::SchedNum) {
            return None;
        }
        let doc = DocumentId::new(kind, &self.text[q..e])?;
        let (title, end) = match self.title(e, true) {
            Some((t, end)) => (Some(t), end),
            None => (None, e),
        };
        if let Some((name, end)) = self.instrument_suffix(end) {
            return Some(Tail {
                doc: None,
                title,
                external: true,
                instrument: Some(name),
                end,
            });
        }
        Some(Tail {
            doc: Some(doc),
            title,
            external: false,
            instrument: None,
            end,
        })
    }

    /// "Condition 22 of the DCC Licence", "Licence Condition 22.33".
    fn condition_citation(&self, hw: &HeadWord, floor: usize) -> Option<(Vec<Reference>, usize)> {
        let lic = self.lookback(
            hw.start,
            floor,
            &["Licence", "licence", "LICENCE", "License", "license"],
        );
        let start = lic.unwrap_or(hw.start);
        let q = self.ws1(hw.end)?;
        let first = self.item_at(q, Family::Ext, false, start)?;
        let items = self.more_items(first, Family::Ext, true, false);
        let last_end = items[items.len() - 1].end;
        let ctx = match self.instrument_suffix(last_end) {
            Some((name, end)) => Ctx::external(Some(name), end),
            None if lic.is_some() => Ctx::external(None, last_end),
            None => return None,
        };
        Some(self.build(&items, start, &ctx))
    }

    // ---- bare clauses ----

    /// The start of a bare-clause candidate whose first dot is at `d`.
    fn bare_start(&self, d: usize) -> Option<usize> {
        if !self.at(d + 1).is_ascii_digit() {
            return None;
        }
        let b = self.b;
        let mut j = d;
        if j > 0 && b[j - 1].is_ascii_uppercase() {
            j -= 1;
        }
        let de = j;
        while j > 0 && b[j - 1].is_ascii_digit() && de - j < 3 {
            j -= 1;
        }
        if !(1..=2).contains(&(de - j)) || j == 0 || !b[j - 1].is_ascii_uppercase() {
            return None;
        }
        Some(j - 1)
    }

    fn bare_ok(&self, l: usize) -> bool {
        let b = self.b;
        if b[l] == b'V' {
            return false;
        }
        // CriticMarkup may open right before a clause: `{++H8.16++}`, `{--H8.16--}`.
        let marked = |j: usize| j >= 3 && matches!(&b[j - 3..j], b"{++" | b"{--" | b"{~~");
        if l > 0 && !marked(l) && (is_alnum(b[l - 1]) || b"./\\_-@#+=$&:%".contains(&b[l - 1])) {
            return false;
        }
        // At the start of a line a clause number numbers its clause; it does not cite it.
        let mut j = l;
        loop {
            if j > 0 && matches!(b[j - 1], b' ' | b'\t' | b'#' | b'>' | b'*') {
                j -= 1;
            } else if marked(j) {
                j -= 3;
            } else {
                break;
            }
        }
        if j == 0 || b[j - 1] == b'\n' || b[j - 1] == b'\r' {
            return false;
        }
        let mut k = l;
        while k > 0 && matches!(b[k - 1], b' ' | b'\t') {
            k -= 1;
        }
        let we = k;
        while k > 0 && is_alnum(b[k - 1]) && we - k < 16 {
            k -= 1;
        }
        let w = &b[k..we];
        if w.is_empty() {
            return true;
        }
        if w[w.len() - 1].is_ascii_digit() {
            return false;
        }
        if w.len() >= 2 && w.iter().all(u8::is_ascii_uppercase) && w != b"SEC" {
            return false;
        }
        !NOT_BEFORE_BARE
            .iter()
            .any(|x| w.eq_ignore_ascii_case(x.as_bytes()))
    }

    fn bare(&self, l: usize) -> Option<(Vec<Reference>, usize)> {
        if !self.bare_ok(l) {
            return None;
        }
        let first = self.item_at(l, Family::Bare, false, l)?;
        let items = self.more_items(first, Family::Bare, false, false);
        let last_end = items[items.len() - 1].end;
        let ctx = match self.instrument_suffix(last_end) {
            Some((name, end)) => Ctx::external(Some(name), end),
            None => Ctx::default(),
        };
        Some(self.build(&items, l, &ctx))
    }

    // ---- external instruments ----

    /// `of|to|under the … Act 2008` after `i`; returns the name and the end.
    fn instrument_suffix(&self, i: usize) -> Option<(String, usize)> {
        let q = self.ws1(i)?;
        let e = self.keyword(q, &["of", "to", "under"])?;
        let q = self.ws1(e)?;
        self.instrument_name(q)
    }

    /// `the … Act [year]`, `the … Licence`, `the … Regulations [year]`, `the … Order [year]`.
    fn instrument_name(&self, q: usize) -> Option<(String, usize)> {
        let e = self.keyword(q, &["the", "The"])?;
        let name_start = self.ws1(e)?;
        let mut p = name_start;
        for _ in 0..12 {
            let mut we = p;
            while is_alnum(self.at(we)) || b"-()'&".contains(&self.at(we)) {
                we += 1;
            }
            if we == p {
                return None;
            }
            let w = &self.b[p..we];
            let end = match w {
                b"Licence" | b"License" => Some(we),
                b"Act" | b"Regulations" | b"Order" => {
                    let (h, _) = self.ws(we, 2);
                    let y = self.at(h);
                    let year = (y == b'1' || y == b'2')
                        && (h..h + 4).all(|k| self.at(k).is_ascii_digit())
                        && !is_alnum(self.at(h + 4));
                    Some(if year { h + 4 } else { we })
                }
                _ => None,
            };
            if let Some(end) = end {
                return Some((norm(&self.text[name_start..end]), end));
            }
            let ok = w[0].is_ascii_uppercase()
                || (w[0] == b'(' && w.len() > 1 && w[1].is_ascii_uppercase())
                || matches!(w, b"and" | b"of" | b"for" | b"&" | b"the" | b"on" | b"in");
            if !ok {
                return None;
            }
            p = self.ws1(we)?;
        }
        None
    }

    // ---- titles ----

    fn mk_title(&self, r: Range<usize>) -> CitedTitle {
        CitedTitle {
            text: norm(&self.text[r.clone()]),
            span: r,
        }
    }

    /// A title right after `i`: quoted, bracketed, or (when `dash_ok`) after a dash.
    fn title(&self, i: usize, dash_ok: bool) -> Option<(CitedTitle, usize)> {
        let (q, _) = self.ws(i, 2);
        if let Some(found) = self.quoted(q, q > i) {
            return Some(found);
        }
        if q > i
            && let Some(found) = self.bracketed(q)
        {
            return Some(found);
        }
        if dash_ok {
            let h = self.hspace(i);
            if let Some(d) = self.dash(h) {
                let a = self.hspace(d);
                if a > d || self.newline(a).is_some() {
                    let r = self.title_run(a)?;
                    let end = r.end;
                    return Some((self.mk_title(r), end));
                }
            }
        }
        None
    }

    fn quoted(&self, q: usize, had_ws: bool) -> Option<(CitedTitle, usize)> {
        let (olen, close): (usize, &[u8]) = if self.starts(q, LSQUO) {
            (3, RSQUO)
        } else if self.starts(q, LDQUO) {
            (3, RDQUO)
        } else if had_ws && self.at(q) == b'\'' {
            (1, b"'")
        } else if had_ws && self.at(q) == b'"' {
            (1, b"\"")
        } else {
            return None;
        };
        let c = q + olen;
        let c0 = self.at(c);
        if !(c0.is_ascii_uppercase() || c0.is_ascii_digit()) {
            return None;
        }
        let limit = (c + TITLE_MAX).min(self.b.len());
        let mut nl = 0;
        let mut j = c;
        while j < limit {
            let x = self.b[j];
            if x == b'\n' {
                nl += 1;
                if nl > 4 {
                    return None;
                }
            } else if self.starts(j, close) && !is_alnum(self.at(j + close.len())) {
                let mut t = j;
                while t > c && self.b[t - 1].is_ascii_whitespace() {
                    t -= 1;
                }
                return Some((self.mk_title(c..t), j + close.len()));
            }
            j += 1;
        }
        None
    }

    fn bracketed(&self, q: usize) -> Option<(CitedTitle, usize)> {
        if self.at(q) != b'(' {
            return None;
        }
        let c = q + 1;
        let limit = (c + TITLE_MAX).min(self.b.len());
        let mut j = c;
        let mut nl = 0;
        while j < limit && self.b[j] != b')' {
            match self.b[j] {
                b'(' => return None,
                b'\n' => {
                    nl += 1;
                    if nl > 4 {
                        return None;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        if j >= limit {
            return None;
        }
        let content = &self.text[c..j];
        let words: Vec<&str> = content
            .split(|ch: char| ch.is_whitespace() || ch == ',')
            .filter(|w| !w.is_empty())
            .collect();
        let first = *words.first()?;
        if !first.as_bytes()[0].is_ascii_uppercase() {
            return None;
        }
        if words.len() == 1
            && first
                .bytes()
                .all(|x| x.is_ascii_uppercase() || x.is_ascii_digit())
        {
            return None;
        }
        let title_like = |w: &&str| {
            let wb = w.as_bytes();
            (wb[0].is_ascii_uppercase() || is_connector(wb))
                && !w.contains(['.', ';', ':', '"', '\''])
                && !HEADS
                    .iter()
                    .any(|(h, _, _)| wb.eq_ignore_ascii_case(h.as_bytes()))
        };
        if !words.iter().all(title_like) {
            return None;
        }
        let t = c + content.len() - content.trim_start().len();
        let e = c + content.trim_end().len();
        Some((self.mk_title(t..e), j + 1))
    }

    fn is_space(&self, i: usize) -> bool {
        matches!(self.at(i), b' ' | b'\t' | b'\r' | b'\n')
            || (self.at(i) == 0xC2 && self.at(i + 1) == 0xA0)
    }

    /// Where a dash title's words stop: sentence punctuation, brackets, quotes, dashes.
    fn title_stop(&self, i: usize) -> bool {
        match self.at(i) {
            b'.' | b';' | b':' | b'(' | b')' | b'[' | b']' | b'{' | b'}' | b'|' | b'"' | b'!'
            | b'?' | b'*' | b'`' | b'<' | b'>' | b'=' | b'~' | b'+' => true,
            b'\'' => !self.at(i + 1).is_ascii_alphabetic(),
            0xE2 => {
                self.starts(i, EN_DASH)
                    || self.starts(i, EM_DASH)
                    || self.starts(i, LSQUO)
                    || self.starts(i, LDQUO)
                    || self.starts(i, RDQUO)
                    || (self.starts(i, RSQUO) && !self.at(i + 3).is_ascii_alphabetic())
            }
            _ => false,
        }
    }

    fn title_word_end(&self, i: usize) -> usize {
        let mut j = i;
        while j < self.b.len() && !self.is_space(j) && self.at(j) != b',' && !self.title_stop(j) {
            j += 1;
        }
        j
    }

    /// A document word followed by a designator ends a dash title ("…, Appendix U").
    fn stops_title(&self, p: usize, we: usize) -> bool {
        let w = &self.b[p..we];
        let q = self.hspace(we);
        if w == b"SEC" {
            return self
                .head_word(q)
                .is_some_and(|h| matches!(h.head, Head::Doc(_)));
        }
        let is_doc_word = HEADS[..6]
            .iter()
            .any(|(h, _, _)| w.eq_ignore_ascii_case(h.as_bytes()));
        let c = self.at(q);
        is_doc_word && (c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'[')
    }

    fn starts_title_word(&self, q: usize) -> bool {
        let we = self.title_word_end(q);
        we > q && self.at(q).is_ascii_uppercase() && !self.stops_title(q, we)
    }

    /// Whether the line at `q` reads as the rest of a title up to its first stop:
    /// capitalised words and connectors ("of Connection"), at least one capitalised.
    fn line_is_title(&self, q: usize) -> bool {
        let mut p = q;
        let mut caps = 0;
        loop {
            p = self.hspace(p);
            if p >= self.b.len() || self.newline(p).is_some() || self.title_stop(p) {
                break;
            }
            if self.at(p) == b',' {
                p += 1;
                continue;
            }
            let we = self.title_word_end(p);
            if we == p || self.stops_title(p, we) {
                break;
            }
            let w = &self.b[p..we];
            let cap = w[0].is_ascii_uppercase();
            if !(cap || is_connector(w)) {
                return false;
            }
            caps += usize::from(cap);
            p = we;
        }
        caps > 0
    }

    /// The title after a dash: capitalised words and connectors, possibly over a few
    /// wrapped lines; trailing connectors and commas are left out.
    fn title_run(&self, a: usize) -> Option<Range<usize>> {
        let limit = a + TITLE_MAX;
        let mut p = a;
        let mut first: Option<usize> = None;
        let mut last_end = a;
        let mut open = true;
        let mut lines = 0;
        loop {
            p = self.hspace(p);
            if p >= limit || p >= self.b.len() {
                break;
            }
            if self.newline(p).is_some() {
                let (q, _) = self.ws(p, 2);
                if lines >= 4 || self.newline(q).is_some() {
                    break;
                }
                let go = if open {
                    self.starts_title_word(q)
                } else {
                    self.line_is_title(q)
                };
                if !go {
                    break;
                }
                lines += 1;
                p = q;
                continue;
            }
            if self.at(p) == b',' {
                if first.is_none() {
                    break;
                }
                open = true;
                p += 1;
                continue;
            }
            if self.title_stop(p) {
                break;
            }
            let we = self.title_word_end(p);
            if we == p || self.stops_title(p, we) {
                break;
            }
            let w = &self.b[p..we];
            if w[0].is_ascii_uppercase() {
                first.get_or_insert(p);
                last_end = we;
                open = false;
            } else if is_connector(w) && first.is_some() {
                open = true;
            } else {
                break;
            }
            p = we;
        }
        first.map(|f| f..last_end)
    }

    // ---- output ----

    fn clause_text(&self, r: &Range<usize>, prefix: Option<&str>) -> String {
        let mut s = String::with_capacity(r.len() + 1);
        if let Some(p) = prefix {
            s.push_str(p);
        }
        s.extend(self.text[r.clone()].chars().filter(|c| !c.is_whitespace()));
        s
    }

    fn clause_target(&self, it: &Item, prefix: Option<&str>) -> Target {
        match &it.last {
            None => Target::Clause {
                clause: self.clause_text(&it.first, prefix),
                span: it.first.clone(),
            },
            Some(l) => Target::Range {
                start: self.clause_text(&it.first, prefix),
                start_span: it.first.clone(),
                end: self.clause_text(l, prefix),
                end_span: l.clone(),
            },
        }
    }

    fn build(&self, items: &[Item], start: usize, ctx: &Ctx) -> (Vec<Reference>, usize) {
        let mut out = Vec::with_capacity(items.len());
        let mut end = start;
        let n = items.len();
        let prefix = ctx
            .doc
            .as_ref()
            .filter(|d| d.kind == DocumentKind::Section)
            .map(|d| d.designator.as_str());
        for (k, it) in items.iter().enumerate() {
            let s = if k == 0 { start } else { it.start };
            let e = match ctx.tail_end {
                Some(t) if k + 1 == n => t.max(it.end),
                _ => it.end,
            };
            end = end.max(e);
            let des = &self.text[it.first.clone()];
            let (document, target) = match it.tok {
                Tok::Placeholder => (ctx.doc.clone(), Target::Placeholder),
                _ if ctx.external => (None, self.clause_target(it, None)),
                Tok::SecLetter => (
                    DocumentId::new(DocumentKind::Section, des),
                    Target::Document,
                ),
                Tok::AppLetter => (
                    DocumentId::new(DocumentKind::Appendix, des),
                    Target::Document,
                ),
                Tok::SchedNum => (
                    DocumentId::new(DocumentKind::Schedule, des),
                    Target::Document,
                ),
                Tok::SecClause => (
                    DocumentId::new(DocumentKind::Section, &des[..1]),
                    self.clause_target(it, None),
                ),
                Tok::Num => (ctx.doc.clone(), self.clause_target(it, prefix)),
            };
            if document.is_none() && !ctx.external && it.tok != Tok::Placeholder {
                continue;
            }
            out.push(Reference {
                span: s..e,
                document,
                target,
                cited_title: it.title.clone().or_else(|| ctx.title.clone()),
                external: ctx.external,
                instrument: ctx.instrument.clone(),
            });
        }
        (out, end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte range of the `n`th (0-based) occurrence of `needle` in `text`.
    fn nth(text: &str, needle: &str, n: usize) -> Range<usize> {
        let i = text
            .match_indices(needle)
            .nth(n)
            .unwrap_or_else(|| panic!("{needle:?} #{n} not in text"))
            .0;
        i..i + needle.len()
    }

    fn at(text: &str, needle: &str) -> Range<usize> {
        nth(text, needle, 0)
    }

    fn doc(name: &str) -> Option<DocumentId> {
        Some(DocumentId::from_name(name).expect("valid name"))
    }

    fn spans<'t>(text: &'t str, refs: &[Reference]) -> Vec<&'t str> {
        refs.iter().map(|r| &text[r.span.clone()]).collect()
    }

    fn clause<'t, 'r>(text: &'t str, r: &'r Reference) -> (&'r str, &'t str) {
        match &r.target {
            Target::Clause { clause, span } => (clause.as_str(), &text[span.clone()]),
            other => panic!("not a clause: {other:?}"),
        }
    }

    fn one(text: &str) -> Reference {
        let refs = extract(text);
        assert_eq!(refs.len(), 1, "{text:?} gave {refs:#?}");
        refs.into_iter().next().unwrap()
    }

    fn title_of<'t>(text: &'t str, r: &Reference) -> (&'t str, String) {
        let t = r.cited_title.as_ref().expect("a cited title");
        (&text[t.span.clone()], t.text.clone())
    }

    #[test]
    fn document_refs_with_and_without_sec() {
        let text = "See Section H, SEC Section H and Appendix AC; also Schedule 11 \
                    and SEC Appendix AT.";
        let refs = extract(text);
        assert_eq!(
            spans(text, &refs),
            [
                "Section H",
                "SEC Section H",
                "Appendix AC",
                "Schedule 11",
                "SEC Appendix AT"
            ]
        );
        assert_eq!(refs[0].span, at(text, "Section H"));
        assert_eq!(refs[1].span, at(text, "SEC Section H"));
        let docs: Vec<_> = refs.iter().map(|r| r.document.clone()).collect();
        assert_eq!(
            docs,
            [
                doc("Section H"),
                doc("Section H"),
                doc("Appendix AC"),
                doc("Schedule 11"),
                doc("Appendix AT")
            ]
        );
        assert!(
            refs.iter()
                .all(|r| r.target == Target::Document && !r.external)
        );
        assert!(refs.iter().all(|r| r.cited_title.is_none()));
    }

    #[test]
    fn clause_refs_in_sections() {
        for (text, want, doc_name) in [
            ("under Section H8.16 the DCC", "H8.16", "Section H"),
            ("as Section J1.2(b) says", "J1.2(b)", "Section J"),
            ("see Section G7.16(a)(ii).", "G7.16(a)(ii)", "Section G"),
            ("in Section N4A.2, a", "N4A.2", "Section N"),
            ("activation of SEC Section F2.", "F2", "Section F"),
            ("SECTION X5.4 applies", "X5.4", "Section X"),
        ] {
            let r = one(text);
            let head = if text.contains("SEC Section") {
                "SEC Section "
            } else if text.contains("SECTION") {
                "SECTION "
            } else {
                "Section "
            };
            assert_eq!(&text[r.span.clone()], format!("{head}{want}"), "{text}");
            assert_eq!(clause(text, &r), (want, want));
            assert_eq!(r.document, doc(doc_name));
        }
    }

    #[test]
    fn inserted_clause_letters() {
        let text = "Section H14.36A and paragraph 2.4B of Appendix AB, not H14.36AB";
        let refs = extract(text);
        assert_eq!(
            spans(text, &refs),
            ["Section H14.36A", "paragraph 2.4B of Appendix AB"]
        );
        assert_eq!(clause(text, &refs[0]), ("H14.36A", "H14.36A"));
    }

    #[test]
    fn bare_clauses() {
        let text = "The DCC shall act in H8.16 and, where clauses H3.2 and H3.4 apply, \
                    as in (X5.4).";
        let refs = extract(text);
        assert_eq!(
            spans(text, &refs),
            ["H8.16", "clauses H3.2", "H3.4", "X5.4"]
        );
        assert_eq!(refs[0].span, at(text, "H8.16"));
        assert_eq!(refs[0].document, doc("Section H"));
        assert_eq!(clause(text, &refs[2]), ("H3.4", "H3.4"));
        assert_eq!(refs[3].document, doc("Section X"));
    }

    #[test]
    fn bare_clause_lists_and_ranges() {
        let text = "read with A1.1, A1.4 and H10.9 – H10.13 together";
        let refs = extract(text);
        assert_eq!(spans(text, &refs), ["A1.1", "A1.4", "H10.9 – H10.13"]);
        match &refs[2].target {
            Target::Range {
                start,
                start_span,
                end,
                end_span,
            } => {
                assert_eq!((start.as_str(), end.as_str()), ("H10.9", "H10.13"));
                assert_eq!(*start_span, at(text, "H10.9"));
                assert_eq!(*end_span, at(text, "H10.13"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn bare_clause_at_line_start_numbers_a_clause() {
        let text = "## H8 Service Management\n\nH8.16 The DCC shall comply with H8.17.\n\
                    # H8.18 heading\n- H8.19 is cited in a bullet\n";
        let refs = extract(text);
        assert_eq!(spans(text, &refs), ["H8.17", "H8.19"]);
    }

    #[test]
    fn decoys_are_not_clauses() {
        let text = "Under SRV 4.4.3 and Service Request 12.1, MP116 and DP189 changed \
                    SMETS2 v4.2 and GBCS v3.0 Devices in version 5.16 of the SEC (SEC4.2 \
                    too). Firmware V1.2, Table A1.2, Figure B2.3, CHTS H1.1, MP102A, E2.0, \
                    H8.16.1, www.example.com/H8.16, the release of 24.2.2022, 1.2.3, \
                    section of our website, sections already in force, Condition 3 above, \
                    Section 5 of this note, Section: none, appendix A of it, \
                    and the Licence Conditions. Only Section H8.16 and (H3.4) count.";
        let refs = extract(text);
        assert_eq!(spans(text, &refs), ["Section H8.16", "H3.4"]);
        assert_eq!(refs[0].span, at(text, "Section H8.16"));
        assert_eq!(refs[1].span, nth(text, "H3.4", 0));
    }

    #[test]
    fn numbers_in_tables_and_service_requests_are_not_sec_clauses() {
        let text = "| Service Request | SRV | SMETS1 |\n|---|---|---|\n\
                    | Read Inventory | 8.2 | Applicable |\n| Read Device Log | 4.4.3 | No |\n\
                    Service Requests 8.1 and 8.2, SRV 4.4.3 and SRVs 12.1 to 12.3, DUIS \
                    version 2.0, the SMETS1 Supporting Requirements version 2.0, GBCS \
                    v4.0 clause 10.2.2, section 3.2 of the DUIS, paragraph 3.2 above and \
                    MP181 ‘Retiring H4 Routing’ apply.";
        let sec: Vec<&str> = extract(text)
            .iter()
            .filter(|r| !r.external)
            .map(|r| &text[r.span.clone()])
            .collect();
        assert_eq!(sec, Vec::<&str>::new());
    }

    #[test]
    fn lower_case_section_with_clause_is_sec() {
        let text = "as required by section H8.16 and sections H3 and H4, not section I.";
        let refs = extract(text);
        assert_eq!(spans(text, &refs), ["section H8.16", "sections H3", "H4"]);
        assert!(
            refs.iter()
                .all(|r| !r.external && r.document == doc("Section H"))
        );
    }

    #[test]
    fn paragraphs_of_appendices_and_schedules() {
        let text = "under paragraph 3.2 of Appendix AB, Clause 5 of Schedule 11 and \
                    Appendix AB paragraph 3.4.";
        let refs = extract(text);
        assert_eq!(
            spans(text, &refs),
            [
                "paragraph 3.2 of Appendix AB",
                "Clause 5 of Schedule 11",
                "Appendix AB paragraph 3.4"
            ]
        );
        assert_eq!(refs[0].document, doc("Appendix AB"));
        assert_eq!(clause(text, &refs[0]), ("3.2", "3.2"));
        assert_eq!(refs[1].document, doc("Schedule 11"));
        assert_eq!(clause(text, &refs[1]), ("5", "5"));
        assert_eq!(refs[2].document, doc("Appendix AB"));
        assert_eq!(clause(text, &refs[2]), ("3.4", "3.4"));
        assert_eq!(refs[2].span, at(text, "Appendix AB paragraph 3.4"));
    }

    #[test]
    fn paragraph_lists_share_the_document() {
        let text = "paragraphs 2.1, 2.3 and 4.1(a) of Schedule 7 ‘Specimen Agreement’ apply";
        let refs = extract(text);
        assert_eq!(
            spans(text, &refs),
            [
                "paragraphs 2.1",
                "2.3",
                "4.1(a) of Schedule 7 ‘Specimen Agreement’"
            ]
        );
        assert!(refs.iter().all(|r| r.document == doc("Schedule 7")));
        assert_eq!(clause(text, &refs[2]), ("4.1(a)", "4.1(a)"));
        for r in &refs {
            assert_eq!(
                title_of(text, r),
                ("Specimen Agreement", "Specimen Agreement".to_string())
            );
        }
    }

    #[test]
    fn numbered_sections_of_other_documents() {
        let text = "see Section 4.2 of Appendix AB and Section 3 of this Document";
        let r = one(text);
        assert_eq!(&text[r.span.clone()], "Section 4.2 of Appendix AB");
        assert_eq!(r.document, doc("Appendix AB"));
        assert_eq!(clause(text, &r), ("4.2", "4.2"));
        assert!(!r.external);
    }

    #[test]
    fn redline_markup_around_clauses() {
        let text = "{++H8.17 The DCC shall++} act under {--H8.16--}{++H8.18++} and \
                    {~~Section H8.2~>Section H8.3~~}.\n";
        let refs = extract(text);
        assert_eq!(
            spans(text, &refs),
            ["H8.16", "H8.18", "Section H8.2", "Section H8.3"]
        );
    }

    #[test]
    fn paragraph_without_document_is_not_a_reference() {
        assert!(extract("as paragraph 3.2 of this Appendix sets out").is_empty());
        assert!(extract("see paragraph 4 above").is_empty());
    }

    #[test]
    fn paragraph_of_a_section_gets_the_letter() {
        let text = "paragraph 3.2 of Section H";
        let r = one(text);
        assert_eq!(clause(text, &r), ("H3.2", "3.2"));
    }

    #[test]
    fn section_title_then_clause_number() {
        let text = "The Panel reviews the policy under SEC Section L ‘Smart Metering Key \
                    Infrastructure and DCC Key Infrastructure’ 14.8 every year.";
        let r = one(text);
        let whole = "SEC Section L ‘Smart Metering Key \
                     Infrastructure and DCC Key Infrastructure’ 14.8";
        assert_eq!(&text[r.span.clone()], whole);
        assert_eq!(r.document, doc("Section L"));
        assert_eq!(clause(text, &r), ("L14.8", "14.8"));
        let (raw, norm) = title_of(text, &r);
        assert_eq!(
            raw,
            "Smart Metering Key Infrastructure and DCC Key Infrastructure"
        );
        assert_eq!(
            norm,
            "Smart Metering Key Infrastructure and DCC Key Infrastructure"
        );
    }

    #[test]
    fn ranges() {
        for (text, span, s, e) in [
            (
                "see Sections H10.9-H10.13 now",
                "Sections H10.9-H10.13",
                "H10.9",
                "H10.13",
            ),
            (
                "see Sections H10.9 to H10.13 now",
                "Sections H10.9 to H10.13",
                "H10.9",
                "H10.13",
            ),
            (
                "see Section H10.9 – H10.13 now",
                "Section H10.9 – H10.13",
                "H10.9",
                "H10.13",
            ),
            // Both ends are kept as written, even across documents or backwards.
            (
                "see Sections H10.13-J1.2 now",
                "Sections H10.13-J1.2",
                "H10.13",
                "J1.2",
            ),
            (
                "paragraphs 3.5 to 3.2 of Appendix AB",
                "paragraphs 3.5 to 3.2 of Appendix AB",
                "3.5",
                "3.2",
            ),
        ] {
            let r = one(text);
            assert_eq!(&text[r.span.clone()], span);
            match &r.target {
                Target::Range {
                    start,
                    start_span,
                    end,
                    end_span,
                } => {
                    assert_eq!((start.as_str(), end.as_str()), (s, e));
                    assert_eq!(&text[start_span.clone()], s);
                    assert_eq!(&text[end_span.clone()], e);
                }
                other => panic!("{text}: {other:?}"),
            }
        }
    }

    #[test]
    fn lists_give_one_reference_per_item() {
        let text = "Sections H3 and H4; Appendices A, B and C; Sections H3.1, H3.4 and H5.2; \
                    Schedules 8 and 11; Sections A and J.";
        let refs = extract(text);
        assert_eq!(
            spans(text, &refs),
            [
                "Sections H3",
                "H4",
                "Appendices A",
                "B",
                "C",
                "Sections H3.1",
                "H3.4",
                "H5.2",
                "Schedules 8",
                "11",
                "Sections A",
                "J"
            ]
        );
        assert_eq!(refs[1].span, at(text, "H4"));
        assert_eq!(refs[4].document, doc("Appendix C"));
        let c = at(text, "C;").start;
        assert_eq!(refs[4].span, c..c + 1);
        assert_eq!(clause(text, &refs[6]), ("H3.4", "H3.4"));
        assert_eq!(refs[9].document, doc("Schedule 11"));
        assert_eq!(refs[11].document, doc("Section J"));
    }

    #[test]
    fn wrapped_lists_from_pdf_tables() {
        let text = "Switching on Sections H4, H6 and \n\nH7.12 \n\nunder SEC \n\n\
                    Section X2.3, X7 and \n\nCondition 22.14 of the \n\nDCC Licence ";
        let refs = extract(text);
        assert_eq!(
            spans(text, &refs),
            [
                "Sections H4",
                "H6",
                "H7.12",
                "SEC \n\nSection X2.3",
                "X7",
                "Condition 22.14 of the \n\nDCC Licence"
            ]
        );
        assert!(refs[5].external);
        assert_eq!(refs[5].instrument.as_deref(), Some("DCC Licence"));
    }

    #[test]
    fn singular_head_does_not_list_bare_letters() {
        let text = "Section A and I agree; Appendix B and C differ";
        let refs = extract(text);
        assert_eq!(spans(text, &refs), ["Section A", "Appendix B"]);
    }

    #[test]
    fn quoted_titles() {
        let text = "Appendix AT ‘SMETS1 Cryptographic Key Management Policy’, \
                    Section J “Payment of Charges”, Schedule 11 'TS Applicability Tables' \
                    and Appendix X \"Registration Data Interface Specification\".";
        let refs = extract(text);
        let want = [
            "SMETS1 Cryptographic Key Management Policy",
            "Payment of Charges",
            "TS Applicability Tables",
            "Registration Data Interface Specification",
        ];
        assert_eq!(refs.len(), 4);
        for (r, w) in refs.iter().zip(want) {
            assert_eq!(title_of(text, r), (w, w.to_string()));
            assert_eq!(r.cited_title.as_ref().unwrap().span, at(text, w));
        }
        assert_eq!(
            refs[0].span,
            at(
                text,
                "Appendix AT ‘SMETS1 Cryptographic Key Management Policy’"
            )
        );
        assert_eq!(
            refs[2].span,
            at(text, "Schedule 11 'TS Applicability Tables'")
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let text = "Appendix A's scope and the Section H’s text; Appendix AC ‘Supplier’s \
                    Guide’ here";
        let refs = extract(text);
        assert_eq!(refs.len(), 3);
        assert!(refs[0].cited_title.is_none() && refs[1].cited_title.is_none());
        assert_eq!(title_of(text, &refs[2]).0, "Supplier’s Guide");
    }

    #[test]
    fn dash_titles() {
        let text = "We reissued Appendix AC – Inventory Enrolment and Withdrawal \
                    Procedures (issue 4); then Appendix AD — DCC User Interface \
                    Specification which governs, then Section Z - Alt HAN Arrangements. \
                    Appendix T - DCCKI Interface Design Specification, Appendix U- DCCKI \
                    Repository Interface Design Specification";
        let refs = extract(text);
        let titles: Vec<_> = refs
            .iter()
            .map(|r| r.cited_title.as_ref().map(|t| t.text.as_str()))
            .collect();
        assert_eq!(
            titles,
            [
                Some("Inventory Enrolment and Withdrawal Procedures"),
                Some("DCC User Interface Specification"),
                Some("Alt HAN Arrangements"),
                Some("DCCKI Interface Design Specification"),
                Some("DCCKI Repository Interface Design Specification"),
            ]
        );
        assert_eq!(
            refs[0].span,
            at(
                text,
                "Appendix AC – Inventory Enrolment and Withdrawal Procedures"
            )
        );
        assert_eq!(
            refs[0].cited_title.as_ref().unwrap().span,
            at(text, "Inventory Enrolment and Withdrawal Procedures")
        );
        assert_eq!(refs[4].document, doc("Appendix U"));
    }

    #[test]
    fn dash_title_wrapped_over_pdf_lines() {
        let text = "Reissue of Appendix AC – \n\nInventory, Enrolment and \n\n\
                    Withdrawal Procedures  \n\n7.1 3rd March \n\n\
                    plus Appendix AD – DCC User \n\nInterface Specification \n\n(issue 2.4).\n\
                    • Appendix E - DCC \n\nUser Interface Services \n\nSchedule \n\n\
                    • Appendix H - CH Support Materials\n\
                    • Appendix Q - IKI Repository \n\nof Certificates \n\n 6.2 3rd March\n";
        let refs = extract(text);
        let titles: Vec<_> = refs
            .iter()
            .map(|r| r.cited_title.as_ref().map(|t| t.text.as_str()))
            .collect();
        assert_eq!(
            titles,
            [
                Some("Inventory, Enrolment and Withdrawal Procedures"),
                Some("DCC User Interface Specification"),
                Some("DCC User Interface Services Schedule"),
                Some("CH Support Materials"),
                Some("IKI Repository of Certificates"),
            ]
        );
        let t = refs[0].cited_title.as_ref().unwrap();
        assert_eq!(
            &text[t.span.clone()],
            "Inventory, Enrolment and \n\nWithdrawal Procedures"
        );
    }

    #[test]
    fn dash_title_stops_at_prose() {
        let text = "under Appendix AC – Inventory Enrolment and Withdrawal Procedures\n\
                    The DCC shall publish it. Also Section H – the DCC services.";
        let refs = extract(text);
        assert_eq!(refs.len(), 2);
        assert_eq!(
            refs[0].cited_title.as_ref().unwrap().text,
            "Inventory Enrolment and Withdrawal Procedures"
        );
        assert_eq!(refs[1].cited_title, None);
        assert_eq!(&text[refs[1].span.clone()], "Section H");
    }

    #[test]
    fn bracketed_titles() {
        let text = "has the meaning given in Section T3.34 (Additional Interface Testing), \
                    unlike Section J1.2(b) (as amended) or Section L (SMKI) or \
                    Section H (DCC Services).";
        let refs = extract(text);
        assert_eq!(
            spans(text, &refs),
            [
                "Section T3.34 (Additional Interface Testing)",
                "Section J1.2(b)",
                "Section L",
                "Section H (DCC Services)"
            ]
        );
        assert_eq!(title_of(text, &refs[0]).0, "Additional Interface Testing");
        assert_eq!(clause(text, &refs[1]), ("J1.2(b)", "J1.2(b)"));
        assert_eq!(refs[1].cited_title, None);
        assert_eq!(refs[2].cited_title, None);
        assert_eq!(title_of(text, &refs[3]).0, "DCC Services");
    }

    #[test]
    fn line_breaks_inside_references() {
        let text = "as set out in Section\nH8.16 and in Appendix AT ‘SMETS1 Cryptographic Key\n\
                    Management Policy’ too";
        let refs = extract(text);
        assert_eq!(spans(text, &refs)[0], "Section\nH8.16");
        assert_eq!(clause(text, &refs[0]), ("H8.16", "H8.16"));
        let (raw, norm) = title_of(text, &refs[1]);
        assert_eq!(raw, "SMETS1 Cryptographic Key\nManagement Policy");
        assert_eq!(norm, "SMETS1 Cryptographic Key Management Policy");
        assert_eq!(
            refs[1].span,
            at(
                text,
                "Appendix AT ‘SMETS1 Cryptographic Key\nManagement Policy’"
            )
        );
    }

    #[test]
    fn crlf_text_works_the_same() {
        let lf = "see Section\nH8.16, Appendix AC –\nInventory Enrolment and\nWithdrawal \
                  Procedures\nand Appendix AT ‘SMETS1 Key\nPolicy’ and section 88(1) of the\n\
                  Energy Act 2008.\n";
        let crlf = lf.replace('\n', "\r\n");
        let a = extract(lf);
        let b = extract(&crlf);
        assert_eq!(a.len(), 4);
        assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(
                lf[x.span.clone()].replace('\n', "\r\n"),
                &crlf[y.span.clone()]
            );
            assert_eq!(
                x.cited_title.as_ref().map(|t| &t.text),
                y.cited_title.as_ref().map(|t| &t.text)
            );
            assert_eq!(x.target_clause(), y.target_clause());
            assert_eq!(x.instrument, y.instrument);
        }
        assert_eq!(
            b[1].cited_title.as_ref().unwrap().text,
            "Inventory Enrolment and Withdrawal Procedures"
        );
    }

    impl Reference {
        fn target_clause(&self) -> Option<&str> {
            match &self.target {
                Target::Clause { clause, .. } => Some(clause),
                _ => None,
            }
        }
    }

    #[test]
    fn external_instruments() {
        for (text, span, num, inst) in [
            (
                "pursuant to section 88(1) of the Energy Act 2008.",
                "section 88(1) of the Energy Act 2008",
                "88(1)",
                Some("Energy Act 2008"),
            ),
            (
                "pursuant to Section 88(1) of the Energy Act 2008.",
                "Section 88(1) of the Energy Act 2008",
                "88(1)",
                Some("Energy Act 2008"),
            ),
            (
                "pursuant to section 89 of the \n\nEnergy Act 2008.",
                "section 89 of the \n\nEnergy Act 2008",
                "89",
                Some("Energy Act 2008"),
            ),
            (
                "with Condition 22 of the DCC Licence and",
                "Condition 22 of the DCC Licence",
                "22",
                Some("DCC Licence"),
            ),
            (
                "see Licence Condition 22.33 of the Smart Meter Communications Licence.",
                "Licence Condition 22.33 of the Smart Meter Communications Licence",
                "22.33",
                Some("Smart Meter Communications Licence"),
            ),
            (
                "under Schedule 2 to the Electricity Act 1989,",
                "Schedule 2 to the Electricity Act 1989",
                "2",
                Some("Electricity Act 1989"),
            ),
            (
                "under paragraph 5 of Schedule 2 to the Electricity Act 1989,",
                "paragraph 5 of Schedule 2 to the Electricity Act 1989",
                "5",
                Some("Electricity Act 1989"),
            ),
            (
                "under section \n\n89 of the Gas Act \n\n1986 \n\nand",
                "section \n\n89 of the Gas Act \n\n1986",
                "89",
                Some("Gas Act 1986"),
            ),
            ("as section 5 says", "section 5", "5", None),
            (
                "under Licence Condition 22 alone",
                "Licence Condition 22",
                "22",
                None,
            ),
        ] {
            let r = one(text);
            assert_eq!(&text[r.span.clone()], span, "{text}");
            assert!(r.external, "{text}");
            assert_eq!(r.document, None);
            assert_eq!(r.target_clause(), Some(num), "{text}");
            assert_eq!(r.instrument.as_deref(), inst, "{text}");
        }
    }

    #[test]
    fn external_lists() {
        let text = "Directed under \n\nSection 88 (2) and 90 of \n\nthe Energy Act 2008, and \
                    Conditions 21 and 23 of the DCC Licence.";
        let refs = extract(text);
        assert_eq!(
            spans(text, &refs),
            [
                "Section 88 (2)",
                "90 of \n\nthe Energy Act 2008",
                "Conditions 21",
                "23 of the DCC Licence"
            ]
        );
        assert!(refs.iter().all(|r| r.external && r.document.is_none()));
        assert_eq!(refs[0].target_clause(), Some("88(2)"));
        assert_eq!(refs[0].instrument.as_deref(), Some("Energy Act 2008"));
        assert_eq!(refs[3].instrument.as_deref(), Some("DCC Licence"));
    }

    #[test]
    fn placeholders() {
        let text = "in Appendix [TBC] and Section [X], and paragraph [x] of Appendix AB";
        let refs = extract(text);
        assert_eq!(
            spans(text, &refs),
            [
                "Appendix [TBC]",
                "Section [X]",
                "paragraph [x] of Appendix AB"
            ]
        );
        assert!(refs.iter().all(|r| r.target == Target::Placeholder));
        assert_eq!(refs[0].document, None);
        assert_eq!(refs[2].document, doc("Appendix AB"));
    }

    #[test]
    fn release_note_bullets() {
        let text = "Documents changed:\n\n  • Section J ‘Charges’\n  • Schedule 10 \
                    ‘Communications Hub Technical Specifications’\n  • Appendix AC \
                    ‘Inventory Enrolment and Decommissioning Procedures’\n\nMarked-up copies \
                    of SEC Appendix A, Appendix B and Appendix M are attached.\n";
        let refs = extract(text);
        assert_eq!(refs.len(), 6);
        assert_eq!(
            refs[2].cited_title.as_ref().unwrap().text,
            "Inventory Enrolment and Decommissioning Procedures"
        );
        assert_eq!(
            spans(text, &refs)[3..],
            ["SEC Appendix A", "Appendix B", "Appendix M"]
        );
    }

    #[test]
    fn titles_in_lists() {
        let text = "Sections A ‘Definitions and Interpretation’ and J ‘Charges’ changed";
        let refs = extract(text);
        assert_eq!(
            spans(text, &refs),
            ["Sections A ‘Definitions and Interpretation’", "J ‘Charges’"]
        );
        assert_eq!(refs[1].cited_title.as_ref().unwrap().text, "Charges");
    }

    #[test]
    fn multibyte_text_around_references_is_safe() {
        let text = "€ “Section H8.16” — Appendix AC – Ünïcödé ‘x’ Schedule\u{a0}11 ‘€ Tables’ é";
        let refs = extract(text);
        assert_eq!(
            spans(text, &refs),
            ["Section H8.16", "Appendix AC", "Schedule\u{a0}11"]
        );
        // Every span and title span lies on char boundaries (slicing would panic).
        for r in &refs {
            let _ = &text[r.span.clone()];
        }
        for i in 0..text.len() {
            if text.is_char_boundary(i) {
                let _ = extract(&text[i..]);
            }
        }
    }

    #[test]
    fn fallback_automaton_finds_the_same_triggers() {
        let text = "Section x, SECTIONS, sections, Appendices APPENDIX appendix Schedule \
                    paragraphs CLAUSE clause Conditions condition SeCtion subsection";
        let automaton = Triggers::Automaton(
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostFirst)
                .build(STEMS)
                .unwrap(),
        );
        let all: Vec<usize> = automaton.starts(text).collect();
        let fast: Vec<usize> = TRIGGERS.starts(text).collect();
        // The automaton also finds odd casings ("SeCtion"), which `head_word` rejects.
        let odd = at(text, "SeCtion").start;
        let wanted: Vec<usize> = all.iter().copied().filter(|&i| i != odd).collect();
        assert_eq!(fast, wanted);
        assert_eq!(fast.len(), 13);
    }

    #[test]
    fn empty_and_tiny_inputs() {
        for t in [
            "",
            "Section",
            "Section ",
            "H8.",
            "H8.1",
            ".",
            "Appendix [",
            "(",
            "‘",
        ] {
            let _ = extract(t);
        }
        assert!(extract("Section").is_empty());
        assert_eq!(extract("see H8.1").len(), 1);
    }
}
