//! The citation pass: the rules about citations (REF, DEF002, DEF004) see one citing file at a
//! time, a document version or a release note with its citations.
//!
//! Citations are the bulk of what the parsers find (a few million in the whole SEC
//! history), so a document's citations are extracted when the pass reaches it, given to
//! every citation rule, and dropped, never held for the whole corpus. What several rules
//! need of one file (its missing clauses) is worked out once, on first use, in [`Citing`];
//! what they need of the whole run (the log's release order, the folder's copies) in
//! [`CitationRun`].

use super::reference::ref008::{Renumbered, renumbered, shifted};
use super::reference::{Folder, Missing, missing_clauses, missing_in_folder};
use super::resolve::{TargetAt, target_at};
use crate::hash::{FxHashMap, FxHashSet};
use crate::history::History;
use crate::model::{Corpus, DocumentVersion, LogRow, ReleaseNoteFile};
use crate::names::{DocumentId, Version};
use crate::parse::references::Reference;
use crate::source::{FileId, SourceFile};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::{Arc, Mutex, OnceLock};

/// Values worked out once a run and shared by the citing files' jobs.
type Cache<K, V> = Mutex<HashMap<K, Arc<V>>>;

/// What every citation rule shares in one run.
pub struct CitationRun<'a> {
    pub corpus: &'a Corpus,
    /// The log as a history of releases (`None` without a log).
    pub history: Option<History<'a>>,
    /// The folder's copy of each document, for resolving without a log (empty with one).
    pub(crate) folder: Folder<'a>,
    /// What each bump of a cited document renumbered in a part (REF008), by (old file, new
    /// file, part):
    /// worked out once a run, whichever citing file asks first.
    renumbered: Cache<(FileId, FileId, String), Renumbered>,
    /// Each document's bumps from a previous version, releases in order (REF008): the
    /// release, the previous version, the new version. Owned, so the run stays covariant.
    bumps: OnceLock<HashMap<DocumentId, Vec<BumpAt>>>,
    /// The numbers each bump may have moved ([`shifted`]), by (old file, new file).
    shifted: Cache<(FileId, FileId), FxHashSet<String>>,
    /// Every document the log names at every release, once a run.
    grid: OnceLock<Grid>,
    /// DEF002's answers about target versions, shared by the versions of Section A.
    pub(crate) definition_answers: super::definition::def002::Answers,
}

/// Every document the log names, at every release of the log, as [`target_at`] gives
/// it: releases × documents (a few thousand cells for the SEC), built once a run so that a
/// citation is resolved at a release by an index rather than by two lookups by key. Held
/// as indexes into the log's rows and the corpus's documents, owned, so that the run
/// stays covariant. A log too wide for that (a hostile one: a release and a document a
/// row) gets no grid, and each cell is looked up by key instead.
#[derive(Default)]
struct Grid {
    documents: FxHashMap<DocumentId, usize>,
    /// By position in [`History::releases`], then document: the log row's index + 1 and
    /// the document version's index + 1 (0: none). Empty when the log is too wide.
    at: Vec<(u32, u32)>,
}

/// The most cells a grid holds (8 bytes each).
const GRID_CELLS: usize = 1 << 20;

/// The index of `item` in `slice`, which holds it.
fn index_in<T>(slice: &[T], item: &T) -> usize {
    (std::ptr::from_ref(item) as usize - slice.as_ptr() as usize) / std::mem::size_of::<T>()
}

impl Grid {
    /// The grid, or none (a lookup by key a cell) when it would have more than `limit`
    /// cells.
    fn new(corpus: &Corpus, history: &History<'_>, limit: usize) -> Grid {
        let log = history.log;
        let mut documents: FxHashMap<DocumentId, usize> = FxHashMap::default();
        for row in &log.rows {
            let next = documents.len();
            documents.entry(row.document.clone()).or_insert(next);
        }
        let cells = history.releases().len().saturating_mul(documents.len());
        if cells > limit {
            return Grid {
                documents,
                at: Vec::new(),
            };
        }
        let mut at = vec![(0, 0); cells];
        for (r, release) in history.releases().iter().enumerate() {
            for (document, &d) in &documents {
                if let Some((row, doc)) = target_at(corpus, log, release, document) {
                    let doc = doc.map_or(0, |doc| index_in(&corpus.documents, doc) + 1);
                    at[r * documents.len() + d] = (index_in(&log.rows, row) as u32 + 1, doc as u32);
                }
            }
        }
        Grid { documents, at }
    }

    /// `document` (named `id`, at `document` in the grid) at the release in position
    /// `release`.
    fn get<'a>(
        &self,
        run: &CitationRun<'a>,
        release: usize,
        document: usize,
        id: &DocumentId,
    ) -> TargetAt<'a> {
        let corpus = run.corpus;
        let log = corpus.log.as_ref()?;
        if self.at.is_empty() {
            let history = run.history.as_ref()?;
            return target_at(corpus, log, history.releases()[release], id);
        }
        let (row, doc) = self.at[release * self.documents.len() + document];
        let row = log.rows.get((row as usize).checked_sub(1)?)?;
        let doc = (doc as usize)
            .checked_sub(1)
            .and_then(|d| corpus.documents.get(d));
        Some((row, doc))
    }
}

impl<'a> CitationRun<'a> {
    pub fn new(corpus: &'a Corpus) -> CitationRun<'a> {
        CitationRun {
            corpus,
            history: corpus.log.as_ref().map(History::new),
            folder: match corpus.log {
                Some(_) => Folder::default(),
                None => Folder::new(corpus),
            },
            renumbered: Mutex::new(HashMap::new()),
            shifted: Mutex::new(HashMap::new()),
            bumps: OnceLock::new(),
            grid: OnceLock::new(),
            definition_answers: Default::default(),
        }
    }

    fn grid(&self) -> &Grid {
        self.grid.get_or_init(|| match &self.history {
            Some(history) => Grid::new(self.corpus, history, GRID_CELLS),
            None => Grid::default(),
        })
    }

    /// What the bump from `old` to `new` renumbered in `part` ([`renumbered`]), computed
    /// once a run (outside the lock: two files asking at once may both compute it, alike).
    pub(crate) fn renumbered(
        &self,
        old: &DocumentVersion,
        new: &DocumentVersion,
        part: &str,
    ) -> Arc<Renumbered> {
        let key = (old.file, new.file, part.to_string());
        if let Some(r) = self.lock().get(&key) {
            return Arc::clone(r);
        }
        let r = Arc::new(renumbered(self.corpus, old, new, part));
        Arc::clone(self.lock().entry(key).or_insert(r))
    }

    /// The bumps of `document` from a previous version, releases in order.
    pub(crate) fn bumps_of(&self, document: &DocumentId) -> &[BumpAt] {
        let all = self.bumps.get_or_init(|| {
            let mut by: HashMap<DocumentId, Vec<BumpAt>> = HashMap::new();
            if let Some(h) = &self.history {
                for ((d, _), bump) in h.bumps() {
                    if let Some(prev) = bump.previous {
                        by.entry(d.clone()).or_default().push(BumpAt {
                            before: h.before(&bump.row.release).cloned(),
                            release: bump.row.release.clone(),
                            previous: prev.version.clone(),
                            version: bump.row.version.clone(),
                        });
                    }
                }
            }
            for v in by.values_mut() {
                v.sort_by(|a, b| a.release.cmp(&b.release));
            }
            by
        });
        all.get(document).map_or(&[], Vec::as_slice)
    }

    /// What the bump from `old` to `new` may have moved ([`shifted`]), once a run.
    pub(crate) fn shifted(
        &self,
        old: &DocumentVersion,
        new: &DocumentVersion,
    ) -> Arc<FxHashSet<String>> {
        let key = (old.file, new.file);
        let cache = || self.shifted.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(s) = cache().get(&key) {
            return Arc::clone(s);
        }
        let s = Arc::new(shifted(old, new));
        Arc::clone(cache().entry(key).or_insert(s))
    }

    #[allow(clippy::type_complexity)]
    fn lock(
        &self,
    ) -> std::sync::MutexGuard<'_, HashMap<(FileId, FileId, String), Arc<Renumbered>>> {
        self.renumbered.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Every file with citations, in corpus order: document versions, then release notes.
    pub fn citing_files(&self) -> impl Iterator<Item = Citer<'a>> + 'a {
        let c = self.corpus;
        c.documents
            .iter()
            .filter(move |d| !c.unreadable(d.file))
            .map(Citer::Document)
            .chain(c.release_notes.iter().map(Citer::Note))
    }
}

/// A document's bump: at `release` (after `before`), from version `previous` to `version`.
pub(crate) struct BumpAt {
    /// The release before `release` in the log.
    pub before: Option<Version>,
    pub release: Version,
    pub previous: Version,
    pub version: Version,
}

/// The file citing.
#[derive(Clone, Copy)]
pub enum Citer<'a> {
    Document(&'a DocumentVersion),
    Note(&'a ReleaseNoteFile),
}

impl Citer<'_> {
    pub fn file(&self) -> FileId {
        match self {
            Citer::Document(d) => d.file,
            Citer::Note(n) => n.file,
        }
    }
}

/// A cited document at one release where the citing document version is in effect.
#[derive(Clone, Copy)]
pub(crate) struct CitedAt<'a> {
    /// The citing version's own row at that release.
    pub row: &'a LogRow,
    /// The cited document's row there, and its text if its clauses are known
    /// ([`target_at`]).
    pub now: TargetAt<'a>,
    /// The same at the release before (to tell a clause that release deleted).
    pub before: TargetAt<'a>,
}

/// One citing file, as the citation rules see it.
pub struct Citing<'a> {
    pub run: &'a CitationRun<'a>,
    pub of: Citer<'a>,
    pub source: Arc<SourceFile>,
    /// In text order.
    pub references: &'a [Reference],
    missing: OnceLock<Vec<Missing<'a>>>,
    /// [`Citing::in_effect`], with each row's position in the log's release order.
    in_effect: OnceLock<(Vec<&'a LogRow>, Vec<usize>)>,
    /// [`Citing::cited_at`] of each document cited so far. The rules of one file run on
    /// one thread, one after another, and all ask the same questions of the log.
    cited: RefCell<FxHashMap<&'a DocumentId, Rc<[CitedAt<'a>]>>>,
}

impl<'a> Citing<'a> {
    pub fn new(
        run: &'a CitationRun<'a>,
        of: Citer<'a>,
        source: Arc<SourceFile>,
        references: &'a [Reference],
    ) -> Citing<'a> {
        Citing {
            run,
            of,
            source,
            references,
            missing: OnceLock::new(),
            in_effect: OnceLock::new(),
            cited: RefCell::default(),
        }
    }

    /// The log's rows of the citing document version, one a release, in release order:
    /// where it is in effect. Empty for a release note, or without a log.
    pub(crate) fn in_effect(&self) -> &[&'a LogRow] {
        &self.in_effect_at().0
    }

    fn in_effect_at(&self) -> &(Vec<&'a LogRow>, Vec<usize>) {
        self.in_effect
            .get_or_init(|| match (&self.run.history, self.of) {
                (Some(history), Citer::Document(doc)) => {
                    let rows = history.in_effect(doc);
                    let at = rows
                        .iter()
                        .map(|r| history.position(&r.release).expect("a row's release"))
                        .collect();
                    (rows, at)
                }
                _ => Default::default(),
            })
    }

    /// `target` at each release of [`Citing::in_effect`], and at the release before
    /// each: worked out once per citing file and cited document, for every rule.
    pub(crate) fn cited_at(&self, target: &'a DocumentId) -> Rc<[CitedAt<'a>]> {
        if let Some(c) = self.cited.borrow().get(target) {
            return Rc::clone(c);
        }
        let grid = self.run.grid();
        let document = grid.documents.get(target).copied();
        let cell = |release: usize| document.and_then(|d| grid.get(self.run, release, d, target));
        let (rows, positions) = self.in_effect_at();
        let at: Rc<[CitedAt<'a>]> = rows
            .iter()
            .zip(positions)
            .map(|(&row, &p)| CitedAt {
                row,
                now: cell(p),
                before: p.checked_sub(1).and_then(cell),
            })
            .collect();
        self.cited.borrow_mut().insert(target, Rc::clone(&at));
        at
    }

    pub fn corpus(&self) -> &'a Corpus {
        self.run.corpus
    }

    pub fn file(&self) -> FileId {
        self.of.file()
    }

    pub fn document(&self) -> Option<&'a DocumentVersion> {
        match self.of {
            Citer::Document(d) => Some(d),
            Citer::Note(_) => None,
        }
    }

    /// Every cited clause missing where it is resolved (REF002 and REF004 share them).
    pub(crate) fn missing_clauses(&self) -> &[Missing<'a>] {
        self.missing.get_or_init(|| match &self.run.corpus.log {
            Some(log) => missing_clauses(self, log),
            None => Vec::new(),
        })
    }

    /// Without a log: every cited clause missing from the folder's copy.
    pub(crate) fn missing_in_folder(&self) -> Vec<super::reference::FolderMissing<'a>> {
        match self.of {
            Citer::Document(d) => missing_in_folder(self.run, d, self.references),
            Citer::Note(_) => Vec::new(),
        }
    }
}

/// A document version's citations, with its text: read again and extracted on demand.
pub fn document_citations(
    corpus: &Corpus,
    doc: &DocumentVersion,
) -> (Arc<SourceFile>, Vec<Reference>) {
    let source = corpus.source(doc.file);
    let references = crate::parse::document_citations(
        &source.text,
        doc.heading.as_ref().map(|h| h.span),
        doc.table_block,
    );
    (source, references)
}

/// Runs `each` on one citing file with its citations (extracted now, for a document).
pub fn with_citing<T>(
    run: &CitationRun<'_>,
    of: Citer<'_>,
    each: impl FnOnce(&Citing<'_>) -> T,
) -> T {
    match of {
        Citer::Document(d) => {
            let (source, references) = document_citations(run.corpus, d);
            each(&Citing::new(run, of, source, &references))
        }
        Citer::Note(n) => each(&Citing::new(
            run,
            of,
            run.corpus.source(n.file),
            &n.references,
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::check_strs;

    /// The grid answers as the lookups by key do, and so does the fallback of a log too
    /// wide for a grid.
    #[test]
    fn the_grid_answers_as_the_log_and_the_corpus_do() {
        let outcome = check_strs(&[
            (
                "document-log.csv",
                "release,effective_date,document,version,title\n\
                 40.0,2021-06-24,section-h,1.0,DCC Services\n\
                 40.0,2021-06-24,section-g,1.0,Security\n\
                 54.0,2021-12-17,section-h,1.1,DCC Services\n\
                 57.0,2022-02-24,section-g,2.0,Security\n\
                 57.0,2022-02-24,section-h,1.1,DCC Services\n",
            ),
            (
                "documents/section-h/1.0.md",
                "# Section H: DCC Services\n\nH1.1 Text.\n",
            ),
            (
                "documents/section-h/1.1.md",
                "# Section H: DCC Services\n\nH1.1 Text.\n",
            ),
            (
                "documents/section-g/1.0.md",
                "# Section G: Security\n\nG1.1 Text.\n",
            ),
        ]);
        let corpus = &outcome.corpus;
        let run = CitationRun::new(corpus);
        let history = run.history.as_ref().unwrap();
        let (log, ids) = (corpus.log.as_ref().unwrap(), ["section-h", "section-g"]);
        let mut some_cell_empty_or_textless = false;
        for grid in [
            Grid::new(corpus, history, GRID_CELLS),
            Grid::new(corpus, history, 0),
        ] {
            for (r, release) in history.releases().iter().enumerate() {
                for id in ids {
                    let id = DocumentId::from_key(id).unwrap();
                    let d = grid.documents[&id];
                    let got = grid.get(&run, r, d, &id);
                    let want = target_at(corpus, log, release, &id);
                    let key = |t: TargetAt<'_>| t.map(|(row, doc)| (row.span, doc.map(|d| d.file)));
                    assert_eq!(key(got), key(want), "{id} at {release}");
                    if want.is_none_or(|(_, doc)| doc.is_none()) {
                        some_cell_empty_or_textless = true;
                    }
                }
            }
        }
        // Section G at 54.0 has no row; Section G 2.0 has no text.
        assert!(some_cell_empty_or_textless);
    }
}
