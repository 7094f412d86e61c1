//! The `.docx` package: a zip of XML parts. Opens it with its limits, finds the main
//! document part and the parts it relates to, and streams a part to a reader, capped.

use super::WordProblem;
use super::xml::{Capped, attr, local};
use quick_xml::Reader;
use quick_xml::events::Event;
use std::io::{Cursor, Read};
use zip::ZipArchive;
use zip::result::ZipError;

/// At most this many entries: a Word file has a few dozen.
const MAX_ENTRIES: usize = 10_000;
/// A part may inflate to at most this many bytes (a zip bomb is refused as it inflates).
pub const MAX_PART: u64 = 256 << 20;

/// The parts of a Word file seccheck reads.
pub struct Package<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    /// Zip entry names: `word/document.xml`, `word/styles.xml`, …
    pub document: String,
    pub styles: Option<String>,
    pub numbering: Option<String>,
    pub comments: Option<String>,
    /// It holds a VBA project (a macro-enabled document saved as `.docx`).
    pub macros: bool,
}

/// The compound-file signature: an encrypted Word file (or an old binary `.doc`).
const OLE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

pub fn open(bytes: &[u8]) -> Result<Package<'_>, WordProblem> {
    if bytes.starts_with(OLE) {
        return Err(WordProblem::Encrypted);
    }
    if !bytes.starts_with(b"PK") {
        return Err(WordProblem::NotZip);
    }
    let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| zip_problem(e, "the package"))?;
    if zip.len() > MAX_ENTRIES {
        return Err(WordProblem::TooManyEntries(zip.len()));
    }
    let macros = zip
        .file_names()
        .flatten()
        .any(|n| n.to_ascii_lowercase().ends_with("vbaproject.bin"));
    let mut package = Package {
        zip,
        document: String::new(),
        styles: None,
        numbering: None,
        comments: None,
        macros,
    };
    let main = package
        .relationships("_rels/.rels", "")?
        .into_iter()
        .find(|(kind, _)| kind.ends_with("/officeDocument"))
        .map(|(_, target)| target)
        .unwrap_or_else(|| "word/document.xml".into());
    if package.zip.by_name(&main).is_err() {
        return Err(WordProblem::NoDocument(main));
    }
    let (dir, file) = main.rsplit_once('/').unwrap_or(("", &main));
    let rels = if dir.is_empty() {
        format!("_rels/{file}.rels")
    } else {
        format!("{dir}/_rels/{file}.rels")
    };
    for (kind, target) in package.relationships(&rels, dir)? {
        let slot = match kind.rsplit('/').next() {
            Some("styles") => &mut package.styles,
            Some("numbering") => &mut package.numbering,
            Some("comments") => &mut package.comments,
            _ => continue,
        };
        slot.get_or_insert(target);
    }
    package.document = main;
    Ok(package)
}

fn zip_problem(e: ZipError, part: &str) -> WordProblem {
    match e {
        ZipError::UnsupportedArchive(why) if why.to_ascii_lowercase().contains("password") => {
            WordProblem::Encrypted
        }
        ZipError::InvalidPassword => WordProblem::Encrypted,
        ZipError::Io(e) => match e
            .get_ref()
            .and_then(|i| i.downcast_ref::<super::xml::OverCap>())
        {
            Some(_) => WordProblem::TooLarge(part.into()),
            None => WordProblem::Corrupt(format!("{part}: {e}")),
        },
        e => WordProblem::Corrupt(format!("{part}: {e}")),
    }
}

impl<'a> Package<'a> {
    /// Inflates the part `name` (at most [`MAX_PART`] bytes, refused as it inflates past
    /// them) and hands `f` a reader of its XML. One part is held at a time.
    pub fn read<T>(
        &mut self,
        name: &str,
        f: impl FnOnce(&mut Reader<&[u8]>) -> Result<T, XmlFailure>,
    ) -> Result<T, WordProblem> {
        let mut entry = self.zip.by_name(name).map_err(|e| zip_problem(e, name))?;
        if entry.encrypted() {
            return Err(WordProblem::Encrypted);
        }
        let mut bytes = Vec::with_capacity(entry.size().min(MAX_PART) as usize);
        Capped::new(&mut entry, MAX_PART)
            .read_to_end(&mut bytes)
            .map_err(|e| zip_problem(ZipError::Io(e), name))?;
        drop(entry);
        let mut reader = Reader::from_reader(bytes.as_slice());
        f(&mut reader).map_err(|XmlFailure::Xml(e, at)| WordProblem::BadXml {
            part: name.into(),
            offset: at,
            message: e.to_string(),
        })
    }

    /// The relationships in `rels`: (type, target as a zip entry name), targets resolved
    /// against `dir`. A missing relationships part is no relationships.
    fn relationships(
        &mut self,
        rels: &str,
        dir: &str,
    ) -> Result<Vec<(String, String)>, WordProblem> {
        if self.zip.by_name(rels).is_err() {
            return Ok(Vec::new());
        }
        self.read(rels, |reader| {
            let mut out = Vec::new();
            loop {
                let event = reader
                    .read_event()
                    .map_err(|e| XmlFailure::Xml(e, reader.error_position()))?;
                match event {
                    Event::Start(e) | Event::Empty(e)
                        if local(e.name().as_ref()) == "Relationship" =>
                    {
                        if attr(&e, "TargetMode").as_deref() == Some("External") {
                            continue;
                        }
                        if let (Some(kind), Some(target)) = (attr(&e, "Type"), attr(&e, "Target")) {
                            out.push((kind, resolve(dir, &target)));
                        }
                    }
                    Event::Eof => break,
                    _ => {}
                }
            }
            Ok(out)
        })
    }
}

/// A target relative to `dir` (`styles.xml` → `word/styles.xml`; `/word/x.xml` → `word/x.xml`;
/// `../x.xml` → `x.xml`).
fn resolve(dir: &str, target: &str) -> String {
    if let Some(abs) = target.strip_prefix('/') {
        return abs.to_string();
    }
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for piece in target.split('/') {
        match piece {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// What went wrong reading a part's XML: the error and the byte offset in the part.
pub enum XmlFailure {
    Xml(quick_xml::Error, u64),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zip(entries: usize) -> Vec<u8> {
        use std::io::Write;
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for i in 0..entries {
            w.start_file(format!("word/media/{i}.bin"), options)
                .unwrap();
            w.write_all(b"x").unwrap();
        }
        w.start_file("word/document.xml", options).unwrap();
        w.write_all(b"<w:document><w:body/></w:document>").unwrap();
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn a_package_of_too_many_entries_is_refused() {
        assert!(open(&zip(3)).is_ok());
        assert!(matches!(
            open(&zip(MAX_ENTRIES)),
            Err(WordProblem::TooManyEntries(n)) if n == MAX_ENTRIES + 1
        ));
    }

    #[test]
    fn targets_resolve_against_the_part_folder() {
        assert_eq!(resolve("word", "styles.xml"), "word/styles.xml");
        assert_eq!(
            resolve("word", "/customXml/item1.xml"),
            "customXml/item1.xml"
        );
        assert_eq!(resolve("word", "../docProps/app.xml"), "docProps/app.xml");
        assert_eq!(resolve("", "word/document.xml"), "word/document.xml");
    }
}
