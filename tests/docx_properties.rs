//! The Word reader on generated WordprocessingML: random bodies of paragraphs, runs,
//! tracked changes of text, paragraph marks and table rows, list numbering, fields and
//! tables (a fixed-seed generator, so a failure reproduces). For every body:
//! - reading never panics;
//! - the redline (`View::Markup`) is well-formed CriticMarkup whose two sides are exactly
//!   what `View::Reject` and `View::Accept` read;
//! - the paragraph map lies inside the text, on character boundaries, in order, and its
//!   marks are disjoint;
//! - with no tracked change of any kind, all three views read the same.
//!
//! And damaged packages (bytes cut, flipped or dropped anywhere) give an error or a text,
//! never a panic.

use seccheck::parse::redline::{self, Side};
use seccheck::word::{self, View};
use std::fmt::Write as _;
use std::io::Write as _;

#[path = "common/rng.rs"]
mod rng;
use rng::Rng;

const WORDS: [&str; 12] = [
    "Section",
    "H8.16",
    "the DCC",
    "shall",
    "Appendix AC",
    "‘Title’",
    "Party",
    "&",
    "<x>",
    "a\u{a0}b",
    "Sub\u{2011}Committee",
    "élan",
];

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

const AUTHOR: &str = r#"w:author="A" w:date="2026-01-01T00:00:00Z""#;

fn text(rng: &mut Rng) -> String {
    let n = 1 + rng.below(4);
    (0..n)
        .map(|_| WORDS[rng.below(WORDS.len())])
        .collect::<Vec<_>>()
        .join(" ")
}

fn run(rng: &mut Rng, id: &mut u32) -> String {
    let bold = if rng.chance(20) {
        "<w:rPr><w:b/></w:rPr>"
    } else {
        ""
    };
    let t = format!(
        r#"<w:r>{bold}<w:t xml:space="preserve">{} </w:t></w:r>"#,
        esc(&text(rng))
    );
    *id += 1;
    match rng.below(10) {
        0 | 1 => format!(r#"<w:ins w:id="{id}" {AUTHOR}>{t}</w:ins>"#),
        2 | 3 => format!(
            r#"<w:del w:id="{id}" {AUTHOR}><w:r>{bold}<w:delText xml:space="preserve">{} </w:delText></w:r></w:del>"#,
            esc(&text(rng))
        ),
        4 => format!(r#"<w:moveTo w:id="{id}" {AUTHOR}>{t}</w:moveTo>"#),
        5 => r#"<w:r><w:tab/></w:r><w:r><w:br/></w:r>"#.to_string(),
        6 => format!(
            r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF x </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>{t}<w:r><w:fldChar w:fldCharType="end"/></w:r>"#
        ),
        7 => format!(
            r#"<w:ins w:id="{id}" {AUTHOR}><w:del w:id="{}" {AUTHOR}><w:r><w:delText>gone</w:delText></w:r></w:del></w:ins>"#,
            *id + 1000
        ),
        _ => t,
    }
}

fn paragraph(rng: &mut Rng, id: &mut u32, in_table: bool) -> String {
    let mut ppr = String::new();
    if !in_table && rng.chance(15) {
        let _ = write!(ppr, r#"<w:pStyle w:val="Heading{}"/>"#, 1 + rng.below(2));
    }
    if rng.chance(40) {
        let _ = write!(
            ppr,
            r#"<w:numPr><w:ilvl w:val="{}"/><w:numId w:val="{}"/></w:numPr>"#,
            rng.below(3),
            1 + rng.below(2)
        );
    }
    *id += 1;
    match rng.below(8) {
        0 => {
            let _ = write!(ppr, r#"<w:rPr><w:ins w:id="{id}" {AUTHOR}/></w:rPr>"#);
        }
        1 => {
            let _ = write!(ppr, r#"<w:rPr><w:del w:id="{id}" {AUTHOR}/></w:rPr>"#);
        }
        2 => {
            let _ = write!(
                ppr,
                r#"<w:pPrChange w:id="{}" {AUTHOR}><w:pPr><w:pStyle w:val="Heading1"/></w:pPr></w:pPrChange>"#,
                *id + 2000
            );
        }
        _ => {}
    }
    let runs: String = (0..rng.below(4)).map(|_| run(rng, id)).collect();
    format!("<w:p><w:pPr>{ppr}</w:pPr>{runs}</w:p>")
}

fn table(rng: &mut Rng, id: &mut u32) -> String {
    let cols = 1 + rng.below(3);
    let mut t = String::from("<w:tbl><w:tblPr/><w:tblGrid/>");
    for _ in 0..1 + rng.below(4) {
        *id += 1;
        let rev = match rng.below(6) {
            0 => format!(r#"<w:trPr><w:ins w:id="{id}" {AUTHOR}/></w:trPr>"#),
            1 => format!(r#"<w:trPr><w:del w:id="{id}" {AUTHOR}/></w:trPr>"#),
            _ => String::new(),
        };
        t.push_str("<w:tr>");
        t.push_str(&rev);
        for _ in 0..cols {
            t.push_str("<w:tc>");
            for _ in 0..1 + rng.below(2) {
                t.push_str(&paragraph(rng, id, true));
            }
            t.push_str("</w:tc>");
        }
        t.push_str("</w:tr>");
    }
    t + "</w:tbl>"
}

const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlText w:val="H%1"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="H%1.%2"/></w:lvl><w:lvl w:ilvl="2"><w:numFmt w:val="upperRoman"/><w:suff w:val="nothing"/><w:lvlText w:val="(%3)"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="8"/></w:lvlOverride></w:num></w:numbering>"#;
const STYLES: &str = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style></w:styles>"#;
const DOC_RELS: &str = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="r2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>"#;

fn package(body: &str) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in [
        ("word/_rels/document.xml.rels", DOC_RELS.to_string()),
        ("word/styles.xml", STYLES.to_string()),
        ("word/numbering.xml", NUMBERING.to_string()),
        (
            "word/document.xml",
            format!(
                r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}<w:sectPr/></w:body></w:document>"#
            ),
        ),
    ] {
        z.start_file(name, options).unwrap();
        z.write_all(text.as_bytes()).unwrap();
    }
    z.finish().unwrap().into_inner()
}

fn body(rng: &mut Rng) -> String {
    let mut id = 0;
    (0..1 + rng.below(12))
        .map(|_| {
            if rng.chance(15) {
                table(rng, &mut id)
            } else {
                paragraph(rng, &mut id, false)
            }
        })
        .collect()
}

fn check_map(read: &word::WordText, case: u64) {
    let text = &read.text;
    let p = &read.paragraphs;
    let mut last = 0;
    for &(start, number) in &p.starts {
        let start = start as usize;
        assert!(
            start >= last && start <= text.len(),
            "case {case}: start {start}"
        );
        assert!(text.is_char_boundary(start), "case {case}: start {start}");
        assert!(number >= 1, "case {case}");
        last = start;
    }
    let mut end = 0;
    for m in &p.marks {
        let (a, b) = (m.start as usize, m.end as usize);
        assert!(
            a >= end && a < b && b <= text.len(),
            "case {case}: mark {a}..{b}"
        );
        assert!(
            text.is_char_boundary(a) && text.is_char_boundary(b),
            "case {case}"
        );
        end = b;
    }
    assert_eq!(p.starts.len(), p.clauses.len(), "case {case}");
}

#[test]
fn generated_bodies_read_consistently_in_every_view() {
    let mut rng = Rng::new(0x5EC_C4EC);
    let mut with_changes = 0;
    for case in 0..400 {
        let bytes = package(&body(&mut rng));
        let markup = word::read(&bytes, View::Markup).unwrap();
        let accept = word::read(&bytes, View::Accept).unwrap();
        let reject = word::read(&bytes, View::Reject).unwrap();
        for r in [&markup, &accept, &reject] {
            check_map(r, case);
        }
        let parsed = redline::parse(&markup.text);
        assert!(
            parsed.errors.is_empty(),
            "case {case}: {:?}\n{}",
            parsed.errors,
            markup.text
        );
        assert_eq!(
            parsed.render(&markup.text, Side::After),
            accept.text,
            "case {case}:\n{}",
            markup.text
        );
        assert_eq!(
            parsed.render(&markup.text, Side::Before),
            reject.text,
            "case {case}:\n{}",
            markup.text
        );
        // A property change (`w:pPrChange`) may change a heading's marks or a number: only
        // a body with no change at all reads the same in every view.
        if markup.revisions == 0 && markup.formatting_changes == 0 {
            assert_eq!(markup.text, accept.text, "case {case}");
            assert_eq!(accept.text, reject.text, "case {case}");
        } else {
            with_changes += 1;
        }
    }
    // The generator does make tracked changes (and bodies without).
    assert!((100..400).contains(&with_changes), "{with_changes}");
}

#[test]
fn damaged_packages_never_panic() {
    let mut rng = Rng::new(0xBAD_F11E);
    let good = package(&body(&mut rng));
    let mut read = 0;
    for case in 0..300 {
        let mut bytes = good.clone();
        match rng.below(3) {
            0 => bytes.truncate(rng.below(bytes.len())),
            1 => {
                for _ in 0..1 + rng.below(8) {
                    let i = rng.below(bytes.len());
                    bytes[i] ^= 1 << rng.below(8);
                }
            }
            _ => {
                let i = rng.below(bytes.len());
                let n = rng.below(64).min(bytes.len() - i);
                bytes.drain(i..i + n);
            }
        }
        for view in [View::Markup, View::Accept] {
            let result = std::panic::catch_unwind(|| word::read(&bytes, view));
            match result {
                Ok(Ok(r)) => {
                    check_map(&r, case);
                    read += 1;
                }
                Ok(Err(_)) => {}
                Err(_) => panic!("case {case}: the Word reader panicked"),
            }
        }
    }
    // Some damage leaves the package readable (a flipped bit in an unused part).
    assert!(read > 0);
}
