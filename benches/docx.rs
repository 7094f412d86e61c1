//! Reading Word files against reading the same text as Markdown: a 5 MB document with
//! list numbering and a version-control table, and a redline of 10,000 tracked changes.
//! Each pair is measured side by side: bytes to parsed document (or redline), the Word
//! file through `word::read`, the Markdown through `source::decode`.
//!
//! `cargo bench --bench docx`

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use seccheck::names::DocumentId;
use seccheck::parse;
use seccheck::source::decode;
use seccheck::word::{self, View};
use std::fmt::Write as _;
use std::hint::black_box;
use std::io::Write as _;

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

const STYLES: &str = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style></w:styles>"#;

const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="space"/><w:lvlText w:val="H%1"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:suff w:val="space"/><w:lvlText w:val="H%1.%2"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>"#;

const RELS: &str = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
const DOC_RELS: &str = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>"#;

fn package(body: &str) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in [
        ("_rels/.rels", RELS.to_string()),
        ("word/_rels/document.xml.rels", DOC_RELS.to_string()),
        ("word/styles.xml", STYLES.to_string()),
        ("word/numbering.xml", NUMBERING.to_string()),
        (
            "word/document.xml",
            format!("<w:document {W}><w:body>{body}</w:body></w:document>"),
        ),
    ] {
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;")
}

fn run(text: &str) -> String {
    format!(
        r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#,
        esc(text)
    )
}

const CLAUSE: &str = "The DCC shall process each Service Request in accordance with Section H4.9 and Appendix AC ‘Inventory, Enrolment and Withdrawal Procedures’, and shall";

/// A Section H of about `size` bytes, as Markdown and as Word (numbering rendered by
/// Word's lists, each paragraph in three runs), the same text.
fn document(size: usize) -> (String, Vec<u8>) {
    let mut md = String::from(
        "# Section H: DCC Services\n\n| Version | Implementation Date | Reason for Change |\n|---|---|---|\n",
    );
    let mut body = format!(
        r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>{}</w:p><w:tbl>"#,
        run("Section H: DCC Services")
    );
    let row = |cells: [&str; 3]| {
        let mut r = String::from("<w:tr>");
        for c in cells {
            let _ = write!(r, "<w:tc><w:p>{}</w:p></w:tc>", run(c));
        }
        r + "</w:tr>"
    };
    body.push_str(&row([
        "Version",
        "Implementation Date",
        "Reason for Change",
    ]));
    for v in 1..=10 {
        let version = format!("{v}.0");
        let _ = writeln!(
            md,
            "| {version} | 2020-01-0{} | Implementation of MP{v:03} |",
            v % 9 + 1
        );
        body.push_str(&row([
            &version,
            &format!("2020-01-0{}", v % 9 + 1),
            &format!("Implementation of MP{v:03}"),
        ]));
    }
    body.push_str("</w:tbl>");
    md.push('\n');
    let mut part = 0;
    while md.len() < size {
        part += 1;
        let _ = write!(md, "## H{part} Part {part}\n\n");
        let _ = write!(
            body,
            r#"<w:p><w:pPr><w:pStyle w:val="Heading2"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>{}</w:p>"#,
            run(&format!("Part {part}"))
        );
        for n in 1..=40 {
            let tail = format!(" act under Section H{part}.{n}.");
            let _ = write!(md, "H{part}.{n} {CLAUSE}{tail}\n\n");
            let (a, b) = CLAUSE.split_at(40);
            let _ = write!(
                body,
                r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr>{}{}{}</w:p>"#,
                run(a),
                run(b),
                run(&tail)
            );
        }
    }
    (md.trim_end().to_string() + "\n", package(&body))
}

/// A redline of `changes` tracked changes, as CriticMarkup and as Word.
fn redline(changes: usize) -> (String, Vec<u8>) {
    let mut md = String::from("# Section H: DCC Services\n\n");
    let mut body = format!(
        r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>{}</w:p>"#,
        run("Section H: DCC Services")
    );
    for n in 1..=changes {
        let _ = write!(
            md,
            "H1.{n} The DCC shall respond within {{--five--}}{{++ten++}} Working Days of {CLAUSE}.\n\n"
        );
        let _ = write!(
            body,
            r#"<w:p>{}<w:del w:id="{}" w:author="A"><w:r><w:delText>five</w:delText></w:r></w:del><w:ins w:id="{}" w:author="A">{}</w:ins>{}</w:p>"#,
            run(&format!("H1.{n} The DCC shall respond within ")),
            2 * n,
            2 * n + 1,
            run("ten"),
            run(&format!(" Working Days of {CLAUSE}.")),
        );
    }
    (md.trim_end().to_string() + "\n", package(&body))
}

fn docx(c: &mut Criterion) {
    let key = DocumentId::from_key("section-h");
    let (md, docx) = document(5 << 20);
    // Both read as the same text: the comparison is of like with like.
    assert_eq!(word::read(&docx, View::Accept).unwrap().text, md);
    // `DOCX_BENCH_DIR=…` also writes the inputs, as two one-document corpora, for
    // timing whole runs of `seccheck` (BENCHMARKS.md).
    let dump = std::env::var_os("DOCX_BENCH_DIR").map(std::path::PathBuf::from);
    let write = |sub: &str, name: &str, bytes: &[u8]| {
        if let Some(dir) = &dump {
            let p = dir.join(sub).join(name);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, bytes).unwrap();
        }
    };
    write("md", "documents/section-h/1.0.md", md.as_bytes());
    write("docx", "documents/section-h/1.0.docx", &docx);
    let mut g = c.benchmark_group("docx");
    g.bench_function("document 5 MB: inflate document.xml only", |b| {
        b.iter(|| inflate_only(black_box(&docx)))
    });
    eprintln!("document.xml: {} bytes", inflate_only(&docx));
    g.sample_size(10);
    g.throughput(Throughput::Bytes(md.len() as u64));
    g.bench_function("document 5 MB: .md decode + parse_document", |b| {
        b.iter(|| {
            let text = decode(black_box(md.as_bytes().to_vec())).0.unwrap();
            parse::parse_document(&text, true, key.as_ref())
        })
    });
    // What loading and checking does with a document's text: its clauses and table, its
    // dates, its citations.
    let read_all = |text: &str| {
        (
            parse::parse_document(text, true, key.as_ref()),
            parse::dates::find_dates(text),
            parse::references::extract(text),
        )
    };
    g.bench_function(
        "document 5 MB: .md decode + parse + dates + citations",
        |b| b.iter(|| read_all(&decode(black_box(md.as_bytes().to_vec())).0.unwrap())),
    );
    g.bench_function(
        "document 5 MB: .docx word::read + parse + dates + citations",
        |b| b.iter(|| read_all(&word::read(black_box(&docx), View::Accept).unwrap().text)),
    );
    g.bench_function("document 5 MB: .docx word::read + parse_document", |b| {
        b.iter(|| {
            let text = word::read(black_box(&docx), View::Accept).unwrap().text;
            parse::parse_document(&text, true, key.as_ref())
        })
    });
    let (md, docx) = redline(10_000);
    assert_eq!(word::read(&docx, View::Markup).unwrap().text, md);
    write("md-redline", "redlines/section-h/1.1.md", md.as_bytes());
    write("docx-redline", "redlines/section-h/1.1.docx", &docx);
    g.throughput(Throughput::Bytes(md.len() as u64));
    g.bench_function("redline 10,000 changes: .md decode + redline::parse", |b| {
        b.iter(|| {
            let text = decode(black_box(md.as_bytes().to_vec())).0.unwrap();
            parse::redline::parse(&text)
        })
    });
    g.bench_function(
        "redline 10,000 changes: .docx word::read + redline::parse",
        |b| {
            b.iter(|| {
                let text = word::read(black_box(&docx), View::Markup).unwrap().text;
                parse::redline::parse(&text)
            })
        },
    );
    g.finish();
}

criterion_group!(benches, docx);
criterion_main!(benches);

#[allow(dead_code)]
fn inflate_only(docx: &[u8]) -> usize {
    use std::io::Read;
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut f = z.by_name("word/document.xml").unwrap();
    let mut v = Vec::new();
    f.read_to_end(&mut v).unwrap();
    v.len()
}
