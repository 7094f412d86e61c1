//! The loader puts every parse into the model: release notes, version-control tables and
//! dates of the sample corpus are there, with the values its README describes.

use seccheck::discover::discover;
use seccheck::load::load;
use seccheck::names::{DocumentId, Version};
use std::path::Path;

#[test]
fn the_sample_corpus_model_holds_notes_tables_and_dates() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let corpus = load(discover(&root).unwrap());

    // Every note states a version, and it is the one its file is named after.
    assert_eq!(corpus.release_notes.len(), 4);
    for n in &corpus.release_notes {
        let (stated, _) = n.note.version.clone().expect("a stated version");
        assert_eq!(Some(stated), n.release, "{}", corpus.file(n.file).path);
        assert!(!n.note.affected.is_empty());
    }

    // Every document but Schedule 11 has a version-control table; Appendix A 1.6's was
    // not updated (the VCT001 plant), so its newest row is 1.5.
    let schedule_11 = DocumentId::from_key("schedule-11").unwrap();
    for d in &corpus.documents {
        let path = &corpus.file(d.file).path;
        if d.document == schedule_11 || path.ends_with("5.17.md") {
            continue;
        }
        let table = d.version_table.as_ref().unwrap_or_else(|| panic!("{path}"));
        assert!(!table.rows.is_empty(), "{path}");
    }
    let a16 = corpus
        .document(
            &DocumentId::from_key("appendix-a").unwrap(),
            &Version::parse("1.6").unwrap(),
        )
        .unwrap();
    let newest = &a16
        .version_table
        .as_ref()
        .unwrap()
        .rows
        .last()
        .unwrap()
        .version;
    assert_eq!(newest, &Version::parse("1.5").unwrap());

    // The impossible date of the DATE001 plant is found, as written, with no calendar date.
    let note = corpus
        .files
        .iter()
        .position(|f| f.path == "releases/5.16.txt")
        .unwrap();
    let dates = corpus
        .dates
        .iter()
        .find(|d| d.file.0 as usize == note)
        .unwrap();
    assert!(
        dates
            .mentions
            .iter()
            .any(|m| m.date.is_none() && (m.day, m.month, m.year) == (31, 6, 2018))
    );
    // The log's ISO dates are not date mentions: LOG008 owns them.
    let log = corpus.log.as_ref().unwrap().file;
    assert!(corpus.dates.iter().all(|d| d.file != log));
}
