//! A deterministic corpus generator: writes a corpus in the contract layout
//! (`docs/corpus-format.md`) of about a requested size, with the structure of the real
//! SEC, and plants a requested number of defects whose findings are known in advance.
//!
//! Submodules follow the domain: [`documents`] (catalogue, clauses, edits),
//! [`cite`] (citations of every form the grammar reads), [`redlines`] (CriticMarkup from
//! two versions), [`releases`] (release numbers, dates, proposals, log rows),
//! [`notes`] (release notes), [`defects`] (planters, one table row per rule), and
//! [`index`] (what was written, for the planters).
//!
//! Size comes from the number of releases: documents keep a size that depends on the
//! requested total only below 256 MiB, and each release adds a handful of changed
//! documents and their redlines. Files are written as they are made; memory holds only
//! the current version of each document and a small index.
//!
//! The clean corpus (`defects: 0`) must give no finding at all. It is built so: every
//! citation points at a *core* clause (see [`documents`]) of a document already in
//! effect; releases edit only free clauses; version-control tables, release notes and
//! the log are written from the same facts.

pub mod cite;
pub mod defects;
pub mod documents;
pub mod index;
pub mod notes;
pub mod prose;
pub mod redlines;
pub mod releases;
pub mod rng;

use crate::names::DocumentKind;
use cite::Citable;
use documents::{Block, CATALOGUE, Doc, DocSpec};
use index::{DocInfo, Index, ReleaseInfo, RowInfo, TermInfo, VanishInfo, VersionInfo};
use notes::{Named, Note};
use releases::{Calendar, LOG_HEADER, Proposals, log_row};
use rng::Rng;
use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

pub use defects::{Planted, read_planted};

/// The name of the list of planted defects, at the corpus root. seccheck does not read
/// it: the contract layout reads only `document-log.csv`, `seccheck.toml`, `documents/`,
/// `releases/` and `redlines/`.
pub const PLANTED_FILE: &str = "planted-defects.csv";

#[derive(Clone, Debug)]
pub struct Options {
    /// Target size in bytes; the corpus stops at the first release that reaches it.
    pub size: u64,
    pub seed: u64,
    /// How many defects to plant (0: a clean corpus).
    pub defects: usize,
    pub shape: Shape,
}

/// How the corpus's bytes are spread.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Shape {
    /// Documents up to 256 KiB each, as many as the size allows (up to the whole
    /// catalogue); past that, more releases.
    #[default]
    Standard,
    /// Fewer, larger documents: twenty, each about a 150th of the size (1.7 MiB at
    /// 256 MiB), thirty to forty releases changing at most four each, and a long Section A
    /// (fifteen to thirty definitions given in each Section, pointing into most
    /// documents).
    Wide,
}

#[derive(Debug)]
pub struct Summary {
    pub bytes: u64,
    pub files: usize,
    pub releases: usize,
    pub documents: usize,
    pub versions: usize,
    pub planted: Vec<Planted>,
}

/// Parses `256MiB`, `1GiB`, `300KB`, `5000` (bytes).
pub fn parse_size(s: &str) -> Option<u64> {
    let s = s.trim();
    let split = s
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(s.len());
    let (num, unit) = s.split_at(split);
    let num: f64 = num.parse().ok()?;
    let mult: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" => 1000,
        "kib" => 1 << 10,
        "m" | "mb" => 1_000_000,
        "mib" => 1 << 20,
        "g" | "gb" => 1_000_000_000,
        "gib" => 1 << 30,
        _ => return None,
    };
    (num >= 0.0).then_some((num * mult as f64) as u64)
}

/// Sizes derived from the requested total.
struct Plan {
    docs: usize,
    doc_bytes: usize,
    releases_estimate: usize,
    max_changes: usize,
    /// How many terms each Section of the first release defines: a range for the rng.
    terms_per_section: (usize, usize),
}

impl Plan {
    fn new(size: u64, shape: Shape) -> Plan {
        if shape == Shape::Wide {
            // 20 documents, then about 40 releases, each writing about three documents'
            // worth (new versions and their redlines): 150 documents' worth in all.
            let docs = 20.min(CATALOGUE.len());
            return Plan {
                docs,
                doc_bytes: (size / 150).max(1500) as usize,
                releases_estimate: 40,
                max_changes: 4,
                terms_per_section: (15, 30),
            };
        }
        // Documents grow with the corpus up to 256 KiB each; beyond that only the
        // number of releases grows, so 1 GiB is four times 256 MiB of the same history.
        let doc_bytes = (size / 1024).clamp(1500, 262_144) as usize;
        let docs = ((size / (doc_bytes as u64 * 6)) as usize).clamp(8, CATALOGUE.len());
        let max_changes = (docs / 3).clamp(2, 12);
        let avg = (2 + max_changes) / 2;
        let rest = size.saturating_sub((docs * doc_bytes) as u64);
        let releases_estimate = ((rest / (2 * avg * doc_bytes) as u64) as usize).max(4);
        Plan {
            docs,
            doc_bytes,
            releases_estimate,
            max_changes,
            terms_per_section: (1, 3),
        }
    }
}

/// Writes files under the corpus root and counts what it wrote.
struct Out {
    root: PathBuf,
    bytes: u64,
    files: usize,
}

impl Out {
    fn write(&mut self, rel: &str, text: &str) -> io::Result<()> {
        let path = self.root.join(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        fs::write(path, text)?;
        self.bytes += text.len() as u64;
        self.files += 1;
        Ok(())
    }
}

/// Paths and entries a generated corpus consists of; `--force` removes only these.
pub const GENERATED: &[&str] = &[
    "documents",
    "redlines",
    "releases",
    "document-log.csv",
    PLANTED_FILE,
    "README.md",
    "seccheck.toml",
];

struct Gen {
    rng: Rng,
    /// Draws for the index only, so that sampling never changes the corpus.
    sample_rng: Rng,
    out: Out,
    specs: Vec<&'static DocSpec>,
    docs: Vec<Option<Doc>>,
    cites: Vec<Citable>,
    designate_at: Vec<usize>,
    index: Index,
    log: BufWriter<File>,
    log_lines: usize,
    calendar: Calendar,
    proposals: Proposals,
    terms_used: HashSet<String>,
    plan: Plan,
}

/// Generates a corpus into `root` (which must exist and be empty of generated files).
pub fn generate(root: &Path, opts: &Options) -> io::Result<Summary> {
    fs::create_dir_all(root)?;
    let plan = Plan::new(opts.size, opts.shape);
    let mut rng = Rng::fork(opts.seed, 1);
    let specs = select(&mut rng, plan.docs);
    let designate_at = designations(&mut rng, &specs, plan.releases_estimate);
    let log = BufWriter::new(File::create(root.join("document-log.csv"))?);
    let n = specs.len();
    let mut g = Gen {
        rng,
        sample_rng: Rng::fork(opts.seed, 2),
        out: Out {
            root: root.to_path_buf(),
            bytes: 0,
            files: 1,
        },
        docs: (0..n).map(|_| None).collect(),
        cites: specs
            .iter()
            .map(|s| Citable {
                kind: s.kind,
                designator: s.designator.to_string(),
                title: s.title.to_string(),
                core: Vec::new(),
                parts: Vec::new(),
            })
            .collect(),
        designate_at,
        index: Index::default(),
        log,
        log_lines: 1,
        calendar: Calendar::new(),
        proposals: Proposals::new(),
        terms_used: CATALOGUE.iter().map(|s| s.title.to_string()).collect(),
        specs,
        plan,
    };
    writeln!(g.log, "{LOG_HEADER}")?;
    g.out.bytes += LOG_HEADER.len() as u64 + 1;
    for s in &g.specs {
        g.index.docs.push(DocInfo {
            kind: s.kind,
            designator: s.designator.to_string(),
            key: format!(
                "{}-{}",
                s.kind.word().to_ascii_lowercase(),
                s.designator.to_ascii_lowercase()
            ),
            title: s.title.to_string(),
            designated: usize::MAX,
            versions: Vec::new(),
            core: Vec::new(),
            heading: String::new(),
        });
    }
    let mut r = 0;
    loop {
        if r > 0 {
            g.calendar.advance(&mut g.rng);
        }
        g.release(r)?;
        if g.out.bytes >= opts.size && r >= 3 {
            break;
        }
        r += 1;
    }
    g.log.flush()?;
    for d in &mut g.index.docs {
        if let Some(v) = d.versions.last_mut() {
            v.last = r;
        }
    }
    let versions = g.index.docs.iter().map(|d| d.versions.len()).sum();
    let documents = g
        .index
        .docs
        .iter()
        .filter(|d| !d.versions.is_empty())
        .count();
    let planted = defects::plant(root, &g.index, opts.seed, opts.defects)?;
    defects::write_planted(&root.join(PLANTED_FILE), &planted)?;
    let readme = format!(
        "# Generated SEC corpus\n\nWritten by `seccheck-gen` (seed {}, requested size {} bytes): {} releases, {} documents, {} document versions, {} files, {} bytes.\n\nEverything here is made up by the generator. `{PLANTED_FILE}` lists the {} defects planted on purpose, as `code,path,line`; seccheck must report exactly those. Check with `seccheck-gen --check <this folder>`.\n",
        opts.seed,
        opts.size,
        r + 1,
        documents,
        versions,
        g.out.files,
        g.out.bytes,
        planted.len()
    );
    fs::write(root.join("README.md"), readme)?;
    Ok(Summary {
        bytes: g.out.bytes,
        files: g.out.files,
        releases: r + 1,
        documents,
        versions,
        planted,
    })
}

/// Section A, then a mix of Sections, Schedules and Appendices in catalogue order.
fn select(rng: &mut Rng, n: usize) -> Vec<&'static DocSpec> {
    if n >= CATALOGUE.len() {
        return CATALOGUE.iter().collect();
    }
    let of = |k: DocumentKind| -> Vec<usize> {
        (1..CATALOGUE.len())
            .filter(|&i| CATALOGUE[i].kind == k)
            .collect()
    };
    let (secs, schs, apps) = (
        of(DocumentKind::Section),
        of(DocumentKind::Schedule),
        of(DocumentKind::Appendix),
    );
    let rest = n - 1;
    let n_sch = (rest * 15 / 100).max(1);
    let n_app = (rest * 45 / 100).max(2);
    let n_sec = rest - n_sch - n_app;
    let mut chosen = vec![0];
    for (group, k) in [(secs, n_sec), (schs, n_sch), (apps, n_app)] {
        for i in rng.sample(group.len(), k) {
            chosen.push(group[i]);
        }
    }
    chosen.sort_unstable();
    chosen.into_iter().map(|i| &CATALOGUE[i]).collect()
}

/// The release at which each document is designated: Sections and Schedules at the
/// first, most Appendices too, the others over the first half of the history.
fn designations(rng: &mut Rng, specs: &[&DocSpec], releases: usize) -> Vec<usize> {
    let mut at: Vec<usize> = specs
        .iter()
        .map(|s| {
            if s.kind == DocumentKind::Appendix && rng.chance(35) {
                rng.range(1, (releases / 2).max(1))
            } else {
                0
            }
        })
        .collect();
    let apps: Vec<usize> = (0..specs.len())
        .filter(|&i| specs[i].kind == DocumentKind::Appendix)
        .collect();
    if apps.len() >= 2 {
        if apps.iter().all(|&i| at[i] > 0) {
            at[apps[0]] = 0;
        }
        if apps.iter().all(|&i| at[i] == 0) {
            at[*apps.last().expect("two")] = 1;
        }
    }
    at
}

impl Gen {
    fn doc(&mut self, i: usize) -> &mut Doc {
        self.docs[i].as_mut().expect("designated")
    }

    fn named(&mut self, i: usize, with_clause: bool) -> Named {
        let c = &self.cites[i];
        let clause = (with_clause && c.kind == DocumentKind::Section && !c.core.is_empty())
            .then(|| self.rng.pick(&c.core).number.clone());
        Named {
            name: c.name(),
            title: c.title.clone(),
            clause,
        }
    }

    fn release(&mut self, r: usize) -> io::Result<()> {
        let number = self.calendar.number();
        let date = self.calendar.date;
        let iso = date.to_string();
        let new: Vec<usize> = (0..self.specs.len())
            .filter(|&i| self.designate_at[i] == r)
            .collect();
        for &i in &new {
            let factor = self.rng.range(50, 150);
            let clauses = self.plan.doc_bytes * factor / 100 / 260;
            let doc = Doc::skeleton(&mut self.rng, self.specs[i], clauses, r);
            self.cites[i] = doc.citable();
            self.index.docs[i].core = self.cites[i].core.clone();
            self.index.docs[i].designated = r;
            self.index.docs[i].heading = doc.heading_line();
            self.docs[i] = Some(doc);
        }
        let avail: Vec<usize> = (0..self.specs.len())
            .filter(|&i| self.designate_at[i] <= r)
            .collect();
        if r == 0 {
            self.plan_terms(&new);
        }
        for &i in &new {
            let (cites, rng) = (&self.cites, &mut self.rng);
            self.docs[i]
                .as_mut()
                .expect("designated")
                .fill(rng, cites, &avail);
        }
        let mut changed: Vec<usize> = Vec::new();
        let mut proposals = Vec::new();
        if r == 0 {
            self.define_initial(&new);
            for &i in &new {
                self.first_rows(i, &iso);
                self.write_version(i, r, None)?;
            }
        } else {
            let pool: Vec<usize> = avail
                .iter()
                .copied()
                .filter(|&i| i != 0 && !new.contains(&i))
                .collect();
            let k = self.rng.range(1, self.plan.max_changes).min(pool.len());
            changed = self
                .rng
                .sample(pool.len(), k)
                .into_iter()
                .map(|j| pool[j])
                .collect();
            proposals = self.proposals.assign(&mut self.rng, &changed, date);
            for p in &proposals {
                for &i in &p.docs {
                    let old = self.doc(i).render();
                    let (cites, rng) = (&self.cites, &mut self.rng);
                    let doc = self.docs[i].as_mut().expect("designated");
                    let vanished = doc.edit(rng, cites, &avail, r);
                    doc.bump(rng);
                    doc.push_row(&iso, &p.reason(), &p.named());
                    for v in vanished {
                        self.index.vanished.push(VanishInfo {
                            doc: i,
                            number: v.number,
                            born: v.born,
                            at: r,
                        });
                    }
                    self.write_version(i, r, Some(old))?;
                }
            }
            if !new.is_empty() {
                // Section A defines each newly designated document.
                let old = self.doc(0).render();
                let prev = self.doc(0).version();
                let mut what = Vec::new();
                for &i in &new {
                    let (name, title) = (self.cites[i].name(), self.cites[i].title.clone());
                    self.doc(0).define(
                        &title,
                        format!("**{title}** means the SEC Subsidiary Document of that name set out in {name}."),
                    );
                    what.push(format!("{name} ‘{title}’"));
                }
                let rng = &mut self.rng;
                let a = self.docs[0].as_mut().expect("Section A");
                a.bump(rng);
                a.push_row(
                    &iso,
                    &format!("Modifications to SEC version {prev} as directed by the Secretary of State pursuant to section 88(1) of the Energy Act 2008"),
                    &format!("Definitions consequential on the designation of {}", what.join(" and ")),
                );
                self.write_version(0, r, Some(old))?;
                changed.push(0);
                for &i in &new {
                    self.doc(i).push_row(
                        &iso,
                        "Designation by the Secretary of State pursuant to section 88(1) of the Energy Act 2008",
                        "First publication",
                    );
                    self.write_version(i, r, None)?;
                }
            }
        }
        changed.sort_unstable();
        // The log: every document in effect, in catalogue order.
        let mut rows = Vec::new();
        for &i in &avail {
            let d = self.docs[i].as_ref().expect("designated");
            let text = log_row(&number, date, &d.key(), &d.version(), &d.title);
            writeln!(self.log, "{text}")?;
            self.out.bytes += text.len() as u64 + 1;
            self.log_lines += 1;
            rows.push(RowInfo {
                doc: i,
                version: d.version(),
                line: self.log_lines,
                text,
            });
        }
        // The release note.
        let mut bumped: Vec<usize> = changed.iter().chain(&new).copied().collect();
        bumped.sort_unstable();
        bumped.dedup();
        let affected: Vec<Named> = bumped.iter().map(|&i| self.named(i, false)).collect();
        let designated: Vec<Named> = if r == 0 {
            Vec::new()
        } else {
            new.iter().map(|&i| self.named(i, false)).collect()
        };
        let with_docs: Vec<(releases::Proposal, Vec<Named>)> = proposals
            .iter()
            .map(|p| {
                let docs = p.docs.iter().map(|&i| self.named(i, true)).collect();
                (p.clone(), docs)
            })
            .collect();
        let markdown = self.rng.chance(70);
        let note = notes::render(
            &mut self.rng,
            &Note {
                release: &number,
                date,
                markdown,
                first: r == 0,
                proposals: &with_docs,
                designated: &designated,
                affected: &affected,
            },
        );
        let path = format!("releases/{number}.{}", if markdown { "md" } else { "txt" });
        self.out.write(&path, &note)?;
        changed.retain(|i| !new.contains(i));
        self.index.releases.push(ReleaseInfo {
            number,
            date,
            note: path,
            rows,
            changed,
            new,
        });
        Ok(())
    }

    /// Terms the first release's Sections define, and where else each is used.
    fn plan_terms(&mut self, new: &[usize]) {
        let sections: Vec<usize> = new
            .iter()
            .copied()
            .filter(|&i| i != 0 && self.specs[i].kind == DocumentKind::Section)
            .collect();
        let mut terms: Vec<(String, usize)> = Vec::new();
        for &i in &sections {
            let (lo, hi) = self.plan.terms_per_section;
            let k = self.rng.range(lo, hi);
            for _ in 0..k {
                let term = prose::term(&mut self.rng, &mut self.terms_used);
                let (rng, doc) = (&mut self.rng, self.docs[i].as_mut().expect("new"));
                let mut open = doc.open_core();
                if open.is_empty() {
                    break;
                }
                let c = open.swap_remove(rng.below(open.len()));
                c.defines = Some(term.clone());
                terms.push((term, i));
            }
        }
        let users: Vec<usize> = new.iter().copied().filter(|&i| i != 0).collect();
        for (term, definer) in &terms {
            let others: Vec<usize> = users.iter().copied().filter(|i| i != definer).collect();
            if others.is_empty() {
                continue;
            }
            for _ in 0..2 {
                let i = *self.rng.pick(&others);
                let (rng, doc) = (&mut self.rng, self.docs[i].as_mut().expect("new"));
                let mut open = doc.open_core();
                if open.is_empty() {
                    continue;
                }
                let c = open.swap_remove(rng.below(open.len()));
                if !c.uses.contains(term) {
                    c.uses.push(term.clone());
                }
            }
        }
    }

    /// Section A's definitions at the first release: each Section term, and each
    /// Appendix and Schedule by its title.
    fn define_initial(&mut self, new: &[usize]) {
        let mut defs: Vec<TermInfo> = Vec::new();
        for &i in new {
            let d = self.docs[i].as_ref().expect("new");
            for p in &d.parts {
                for c in &p.clauses {
                    if let Some(t) = &c.defines {
                        defs.push(TermInfo {
                            term: t.clone(),
                            line: format!(
                                "**{t}** has the meaning given to that expression in Section {}.",
                                c.number
                            ),
                            given_in: Some((i, c.number.clone())),
                        });
                    }
                }
            }
            if d.kind != DocumentKind::Section {
                defs.push(TermInfo {
                    term: d.title.clone(),
                    line: format!(
                        "**{}** means the SEC Subsidiary Document of that name set out in {}.",
                        d.title,
                        d.name()
                    ),
                    given_in: None,
                });
            }
        }
        let a = self.doc(0);
        for t in &defs {
            a.define(&t.term, t.line.clone());
        }
        self.index.terms = defs;
    }

    /// The version-control rows of a document in effect at the first release: its
    /// history before the log starts, then the version now in effect.
    fn first_rows(&mut self, i: usize, iso: &str) {
        let rng = &mut self.rng;
        let doc = self.docs[i].as_mut().expect("new");
        let designation = "Designation by the Secretary of State pursuant to section 88(1) of the Energy Act 2008";
        let (major, minor) = (rng.range(1, 6) as u32, rng.range(0, 3) as u32);
        if (major, minor) == (1, 0) {
            doc.push_row(iso, designation, "First publication");
            return;
        }
        let first = self.calendar.date.add_days(-(rng.range(300, 900) as i64));
        doc.push_row(&first.to_string(), designation, "First publication");
        let prev = doc.version();
        doc.major = major;
        doc.minor = minor;
        doc.push_row(
            iso,
            &format!("Modifications to SEC version {prev} as directed by the Secretary of State pursuant to section 88(1) of the Energy Act 2008"),
            "Consolidated text at the start of the Document Log",
        );
    }

    /// Writes the current version of document `i`, and its redline when `old` (the
    /// previous version's blocks) is given; records both in the index.
    fn write_version(&mut self, i: usize, r: usize, old: Option<Vec<Block>>) -> io::Result<()> {
        let d = self.docs[i].as_ref().expect("designated");
        let blocks = d.render();
        let version = d.version();
        let key = d.key();
        let newest_row = d.rows.last().map(|r| r.text.clone()).unwrap_or_default();
        let mut text = String::with_capacity(blocks.iter().map(|b| b.text.len()).sum());
        let mut line = 1;
        let mut stable: Vec<(usize, String)> = Vec::new();
        let mut seen = 0usize;
        const SAMPLE: usize = 32;
        for b in &blocks {
            if b.stable {
                seen += 1;
                let entry = (line, b.text.lines().next().unwrap_or("").to_string());
                if stable.len() < SAMPLE {
                    stable.push(entry);
                } else {
                    let j = self.sample_rng.below(seen);
                    if j < SAMPLE {
                        stable[j] = entry;
                    }
                }
            }
            line += memchr::memchr_iter(b'\n', b.text.as_bytes()).count();
            text.push_str(&b.text);
        }
        stable.sort();
        let path = format!("documents/{key}/{version}.md");
        self.out.write(&path, &text)?;
        drop(text);
        let redline = match old {
            Some(old) => {
                let rl = redlines::redline(&old, &blocks);
                let p = format!("redlines/{key}/{version}.md");
                self.out.write(&p, &rl)?;
                Some(p)
            }
            None => None,
        };
        let info = &mut self.index.docs[i];
        if let Some(prev) = info.versions.last_mut() {
            prev.last = r - 1;
        }
        info.versions.push(VersionInfo {
            version,
            path,
            first: r,
            last: r,
            redline,
            newest_row,
            stable,
        });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse() {
        assert_eq!(parse_size("256MiB"), Some(256 << 20));
        assert_eq!(parse_size("1GiB"), Some(1 << 30));
        assert_eq!(parse_size("300KB"), Some(300_000));
        assert_eq!(parse_size("1.5 KiB"), Some(1536));
        assert_eq!(parse_size("12"), Some(12));
        assert_eq!(parse_size("12 parsecs"), None);
    }
}

/// The outcome of checking a generated corpus against its planted list.
#[derive(Debug)]
pub struct Recall {
    pub planted: usize,
    pub reported: usize,
    /// Planted but not reported at that place with that code.
    pub missing: Vec<Planted>,
    /// Reported but not planted: false alarms on generated text.
    pub unexpected: Vec<Planted>,
}

/// Runs seccheck on a generated corpus and compares (code, path, line) of its findings
/// with `planted-defects.csv`.
pub fn recall(root: &Path) -> io::Result<Recall> {
    let planted = read_planted(&root.join(PLANTED_FILE))?;
    let outcome = crate::check::check_path(root)?;
    let mut reported: Vec<Planted> = outcome
        .diagnostics
        .iter()
        .map(|d| match &d.primary {
            Some(p) => {
                let f = outcome.corpus.source(p.file);
                Planted {
                    code: d.code.to_string(),
                    path: f.path.clone(),
                    line: f.line_col(p.span.start as usize).0,
                }
            }
            None => Planted {
                code: d.code.to_string(),
                path: String::new(),
                line: 0,
            },
        })
        .collect();
    reported.sort();
    reported.dedup();
    let want: HashSet<&Planted> = planted.iter().collect();
    let got: HashSet<&Planted> = reported.iter().collect();
    let missing = planted
        .iter()
        .filter(|p| !got.contains(p))
        .cloned()
        .collect();
    let unexpected = reported
        .iter()
        .filter(|p| !want.contains(p))
        .cloned()
        .collect();
    Ok(Recall {
        planted: planted.len(),
        reported: reported.len(),
        missing,
        unexpected,
    })
}
