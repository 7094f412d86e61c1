//! Titles and terms: the one rule for comparing them, and for squeezing white space out
//! of text quoted from a file. Leaf vocabulary.
//!
//! Two titles are the same when they differ only in what PDF extraction and typing
//! habits vary: case, runs of white space (line breaks included), commas, quotes around
//! a word, dashes and hyphens (`Tidy-Up`, `Tidy Up`, and `Sub- Committee` where a PDF
//! line broke after the hyphen), `&` for `and`, Markdown emphasis (`*`, `_`), and curly
//! or straight apostrophes. Anything else (a word added, dropped or changed) makes them
//! different: `Charges` and `Payment of Charges` are two titles.

/// What the folding rule does with one character.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Separates words: white space and commas.
    Space,
    /// A hyphen or dash: separates words in a title; kept in a term search.
    Dash,
    /// A quote mark: dropped at the edges of a word, an apostrophe inside one.
    Quote,
    /// Markdown emphasis: dropped.
    Emphasis,
    Other,
}

fn class(c: char) -> Class {
    match c {
        ',' => Class::Space,
        c if c.is_whitespace() => Class::Space,
        '-' | '–' | '—' | '‐' | '‑' | '−' => Class::Dash,
        '\'' | '"' | '‘' | '’' | '“' | '”' => Class::Quote,
        '*' | '_' => Class::Emphasis,
        _ => Class::Other,
    }
}

/// The folded form of a title: equal folded forms are the same title.
pub fn fold(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    for word in title.split(|c: char| matches!(class(c), Class::Space | Class::Dash)) {
        let word = word.trim_matches(|c: char| matches!(class(c), Class::Quote | Class::Emphasis));
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        if word == "&" {
            out.push_str("and");
            continue;
        }
        for c in word.chars() {
            match class(c) {
                Class::Emphasis => {}
                Class::Quote => out.push('\''),
                _ => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

/// Whether two titles are the same under the folding rule.
pub fn same(a: &str, b: &str) -> bool {
    fold(a) == fold(b)
}

/// Text folded for finding a defined term in running text, with a map back: the title
/// rule for case, white space, commas, emphasis and apostrophes, but hyphens and `&` are
/// kept (a term is searched for as the text writes it, and its hyphen is part of it); a
/// word hyphenated at a line break is joined ("Sub-\nCommittee" reads "sub-committee").
/// Returns the folded text and, for each of its bytes, the offset in `text` it came from.
pub fn fold_for_search(text: &str) -> (String, Vec<u32>) {
    let mut out = String::with_capacity(text.len());
    let mut map: Vec<u32> = Vec::with_capacity(text.len());
    let mut space = false;
    let mut line_broken_hyphen = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // A run of ASCII letters and digits, most of the text, at once: each folds to its
        // lower case, with nothing to decide.
        let run = bytes[i..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if run > 0 {
            line_broken_hyphen = false;
            if space {
                out.push(' ');
                map.push(i as u32);
                space = false;
            }
            out.extend(
                bytes[i..i + run]
                    .iter()
                    .map(|b| b.to_ascii_lowercase() as char),
            );
            map.extend(i as u32..(i + run) as u32);
            i += run;
            continue;
        }
        // Other ASCII byte by byte; other characters whole.
        let (c, len) = match bytes[i] {
            b if b.is_ascii() => (b as char, 1),
            _ => {
                let c = text[i..].chars().next().expect("a character at a boundary");
                (c, c.len_utf8())
            }
        };
        let at = i as u32;
        i += len;
        match class(c) {
            // A line break right after a hyphen is the hyphen of a word broken at the end
            // of a line ("Sub-\nCommittee"): the word goes on, with no space.
            Class::Space if c == '\n' && out.ends_with('-') => {
                space = false;
                line_broken_hyphen = true;
                continue;
            }
            Class::Space if line_broken_hyphen => continue,
            Class::Space => {
                space = !out.is_empty();
                continue;
            }
            Class::Emphasis => continue,
            _ => {}
        }
        line_broken_hyphen = false;
        if space {
            out.push(' ');
            map.push(at);
            space = false;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            map.push(at);
            continue;
        }
        let before = out.len();
        if c == '’' || c == '‘' {
            out.push('\'');
        } else {
            out.extend(c.to_lowercase());
        }
        map.extend(std::iter::repeat_n(at, out.len() - before));
    }
    (out, map)
}

/// Text with each run of white space as one space, trimmed: how a phrase spread over
/// lines is quoted in a message.
pub fn squeeze(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_words(&mut out, text);
    out
}

/// Appends the words of `text` to `out`, single-spaced.
pub fn push_words(out: &mut String, text: &str) {
    for w in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_folds_away() {
        assert!(same(
            "Inventory, Enrolment and Withdrawal Procedures",
            "Inventory Enrolment  and Withdrawal procedures"
        ));
        assert!(same("SMKI & DCCKI", "SMKI and DCCKI"));
        assert!(same(
            "SMKI Document Set Tidy-Up",
            "smki document set tidy up"
        ));
        assert!(same("‘DCC Services’", "DCC Services"));
        assert!(same("Panel Sub- Committee", "Panel Sub-Committee"));
        assert!(same("Panel Sub-\nCommittee", "Panel Sub Committee"));
        assert!(same("Parties’ Obligations", "Parties' Obligations"));
        assert!(same("**DCC Services**", "DCC Services"));
        assert!(same(
            "Smart Metering – Key Infrastructure",
            "Smart Metering Key Infrastructure"
        ));
    }

    #[test]
    fn what_does_not() {
        assert!(!same("Charges", "Payment of Charges"));
        assert!(!same("Explicit Charging", "Explicit Charges"));
        assert!(!same("Sub Committee", "Subcommittee"));
        assert!(!same("DCC Services", "DCC Service"));
    }

    #[test]
    fn search_folding_keeps_a_map_to_the_text() {
        let (f, map) = fold_for_search("The **Panel  Sub-Committee**, Party’s");
        assert_eq!(f, "the panel sub-committee party's");
        assert_eq!(map.len(), f.len());
        assert_eq!(map[f.find("sub").unwrap()], 13);
    }

    #[test]
    fn a_word_hyphenated_at_a_line_break_is_joined_for_search() {
        let (f, map) = fold_for_search("the Panel Sub-\n  Committee meets");
        assert_eq!(f, "the panel sub-committee meets");
        assert_eq!(map.len(), f.len());
        // A hyphen followed by a space on the same line is not a broken word.
        assert_eq!(fold_for_search("Sub- Committee").0, "sub- committee");
    }

    #[test]
    fn squeezing() {
        assert_eq!(squeeze("  a\n b\t\tc "), "a b c");
        assert_eq!(squeeze(""), "");
    }
}
