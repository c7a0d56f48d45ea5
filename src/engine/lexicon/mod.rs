//! Lexicon files: loading and validation.
//!
//! A lexicon is a UTF-8, tab-separated file with a header of `# key: value` comment lines
//! (`table`, `source`, `licence`, optionally `columns`) followed by one row per line. Blank
//! lines and lines starting with `#` are skipped. The format is described for people in
//! `lexicons/README.md`.
//!
//! Two table kinds are parsed here into typed rows:
//! - `entities` (`surface kind canonical country attrs`) into [`EntityEntry`];
//! - `titles` (`phrase canonical role`) into [`TitleEntry`].
//!
//! Every other kind (`triggers`, `cameo`, `cues`, ...) is checked only for its header and column count
//! and kept as a generic [`Table`], which the module that owns the kind parses itself (and
//! reports its own errors with [`Table::error`]).
//!
//! [`Lexicons::embedded`] reads the files compiled into the binary; [`Lexicons::load_dir`]
//! adds a user directory. A file is accepted whole or not at all, and so is a directory.

mod parse;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::analysis::EntityKind;

pub(crate) use parse::MixHasher;
pub use parse::{ENTITY_COLUMNS, TITLE_COLUMNS, kind_from_name, kind_name};

/// The lexicon files compiled into the binary: (path as reported in errors, contents).
pub const EMBEDDED: &[(&str, &str)] = &[
    (
        "lexicons/countries.tsv",
        include_str!("../../../lexicons/countries.tsv"),
    ),
    (
        "lexicons/places.tsv",
        include_str!("../../../lexicons/places.tsv"),
    ),
    (
        "lexicons/places-extra.tsv",
        include_str!("../../../lexicons/places-extra.tsv"),
    ),
    (
        "lexicons/metonyms.tsv",
        include_str!("../../../lexicons/metonyms.tsv"),
    ),
    (
        "lexicons/organizations.tsv",
        include_str!("../../../lexicons/organizations.tsv"),
    ),
    (
        "lexicons/armed-groups.tsv",
        include_str!("../../../lexicons/armed-groups.tsv"),
    ),
    (
        "lexicons/media.tsv",
        include_str!("../../../lexicons/media.tsv"),
    ),
    (
        "lexicons/people.tsv",
        include_str!("../../../lexicons/people.tsv"),
    ),
    (
        "lexicons/groups.tsv",
        include_str!("../../../lexicons/groups.tsv"),
    ),
    (
        "lexicons/titles.tsv",
        include_str!("../../../lexicons/titles.tsv"),
    ),
    (
        "lexicons/triggers.tsv",
        include_str!("../../../lexicons/triggers.tsv"),
    ),
    (
        "lexicons/cameo.tsv",
        include_str!("../../../lexicons/cameo.tsv"),
    ),
    (
        "lexicons/cues.tsv",
        include_str!("../../../lexicons/cues.tsv"),
    ),
];

/// A lexicon file that cannot be used: where, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}:{line}: {reason}")]
pub struct LexiconError {
    /// The file.
    pub path: String,
    /// 1-based line (0 for the whole file).
    pub line: usize,
    /// What is wrong.
    pub reason: String,
}

impl LexiconError {
    pub(crate) fn new(path: &str, line: usize, reason: impl Into<String>) -> LexiconError {
        LexiconError {
            path: path.to_string(),
            line,
            reason: reason.into(),
        }
    }
}

/// One row of an `entities` table: a surface form and what it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityEntry {
    /// The words as written in text ("Ukraine", "U.S.", "Kremlin").
    pub surface: String,
    /// What it names.
    pub kind: EntityKind,
    /// Dictionary name ("Ukraine", "Kyiv", "Vladimir Putin").
    pub canonical: Arc<str>,
    /// ISO 3166-1 alpha-3 code of its country.
    pub country: Option<Arc<str>>,
    /// `case`: match only with this exact letter case ("US", "WHO", "X").
    pub case_sensitive: bool,
    /// `ambiguous`: also a common word; match only when capitalized mid-sentence.
    pub ambiguous: bool,
    /// `capital`: a national capital.
    pub capital: bool,
    /// `surname`: a surname alone that is famous and unambiguous enough to match by itself.
    pub surname: bool,
    /// `pop=N`: population of a place.
    pub population: Option<u64>,
    /// `title=...`: a person's title ("President").
    pub title: Option<Arc<str>>,
    /// `role=...`: PETRARCH-style role code (GOV, MIL, REB, OPP, CVL, MED, IGO, ...).
    pub role: Option<Arc<str>>,
    /// `from=YYYY`: first year of the term of office.
    pub from_year: Option<i16>,
    /// `to=YYYY`: last year of the term of office.
    pub to_year: Option<i16>,
}

/// One row of a `titles` table: a lower-case title phrase that precedes a name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TitleEntry {
    /// Lower-case phrase as written ("defence minister", "lt. col.").
    pub phrase: String,
    /// Title as reported ("Defence Minister").
    pub canonical: Arc<str>,
    /// Role code (GOV, MIL, ...), when known.
    pub role: Option<Arc<str>>,
}

/// One data row of a lexicon file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// 1-based line in its file.
    pub line: usize,
    /// The fields, as many as the table has columns.
    pub fields: Vec<String>,
}

/// One lexicon file: its header and, for kinds other than `entities` and `titles`, its rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// Where it was read from (as reported in errors).
    pub path: String,
    /// The `table:` kind ("entities", "titles", "triggers", ...).
    pub kind: String,
    /// The `source:` line(s), joined with "; ".
    pub source: String,
    /// The `licence:` line(s), joined with "; ".
    pub licence: String,
    /// Column names.
    pub columns: Vec<String>,
    /// The rows. Empty for `entities` and `titles` tables, whose rows are parsed into
    /// [`Lexicons::entities`] and [`Lexicons::titles`].
    pub rows: Vec<Row>,
}

impl Table {
    /// An error at `line` of this table's file, for modules that parse their own tables.
    pub fn error(&self, line: usize, reason: impl Into<String>) -> LexiconError {
        LexiconError::new(&self.path, line, reason)
    }

    /// The index of a column by name.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == name)
    }
}

/// All lexicon tables, embedded and user-supplied.
#[derive(Debug)]
pub struct Lexicons {
    tables: Vec<Table>,
    entities: Vec<EntityEntry>,
    titles: Vec<TitleEntry>,
    digest: u64,
    version: String,
}

impl Default for Lexicons {
    fn default() -> Self {
        Lexicons {
            tables: Vec::new(),
            entities: Vec::new(),
            titles: Vec::new(),
            digest: FNV_OFFSET,
            version: format!("{FNV_OFFSET:016x}"),
        }
    }
}

impl Lexicons {
    /// No tables at all (for tests and tools; the engine starts from [`Lexicons::embedded`]).
    pub fn empty() -> Lexicons {
        Lexicons::default()
    }

    /// The lexicons compiled into the binary.
    pub fn embedded() -> Result<Lexicons, LexiconError> {
        let mut lexicons = Lexicons::default();
        lexicons.add_files(
            EMBEDDED
                .iter()
                .map(|&(path, text)| (path.to_string(), path, text)),
        )?;
        Ok(lexicons)
    }

    /// Adds every `*.tsv` file below `dir` (recursively, in sorted path order). Nothing is
    /// added unless every file is valid.
    pub fn load_dir(&mut self, dir: &Path) -> Result<(), LexiconError> {
        let mut files = Vec::new();
        collect_tsv(dir, &mut files)?;
        files.sort();
        let mut contents = Vec::with_capacity(files.len());
        for file in &files {
            let shown = file.display().to_string();
            let bytes = std::fs::read(file)
                .map_err(|e| LexiconError::new(&shown, 0, format!("cannot read: {e}")))?;
            let text = String::from_utf8(bytes)
                .map_err(|e| LexiconError::new(&shown, 0, format!("not UTF-8: {e}")))?;
            // The digest sees the path relative to the directory, so that the same files give
            // the same version wherever they are installed.
            let rel = file.strip_prefix(dir).unwrap_or(file);
            let key = format!("user:{}", rel.to_string_lossy().replace('\\', "/"));
            contents.push((shown, key, text));
        }
        self.add_files(
            contents
                .iter()
                .map(|(shown, key, text)| (shown.clone(), key.as_str(), text.as_str())),
        )
    }

    /// Adds one file's contents, read from elsewhere; `path` is used in errors and, with the
    /// contents, in the version digest.
    pub fn add_str(&mut self, path: &str, contents: &str) -> Result<(), LexiconError> {
        self.add_files(std::iter::once((path.to_string(), path, contents)))
    }

    /// Parses all files first, then adds them: a failure leaves `self` unchanged.
    fn add_files<'a>(
        &mut self,
        files: impl Iterator<Item = (String, &'a str, &'a str)>,
    ) -> Result<(), LexiconError> {
        let mut interner = parse::Interner::default();
        let mut parsed = Vec::new();
        let mut digest = self.digest;
        for (path, key, text) in files {
            parsed.push(parse::parse_file(&path, text, &mut interner)?);
            digest = fnv1a(digest, key.as_bytes());
            digest = fnv1a(digest, &[0]);
            digest = fnv1a(digest, text.as_bytes());
            digest = fnv1a(digest, &[0]);
        }
        for file in parsed {
            self.tables.push(file.table);
            self.entities.extend(file.entities);
            self.titles.extend(file.titles);
        }
        self.digest = digest;
        self.version = format!("{digest:016x}");
        Ok(())
    }

    /// Every entity row, embedded first, then user files in load order.
    pub fn entities(&self) -> &[EntityEntry] {
        &self.entities
    }

    /// Every title row, embedded first, then user files in load order.
    pub fn titles(&self) -> &[TitleEntry] {
        &self.titles
    }

    /// The loaded tables of one kind ("triggers", "cameo", ...), in load order.
    pub fn tables<'a>(&'a self, kind: &'a str) -> impl Iterator<Item = &'a Table> + 'a {
        self.tables.iter().filter(move |t| t.kind == kind)
    }

    /// Every loaded table, in load order.
    pub fn files(&self) -> &[Table] {
        &self.tables
    }

    /// A digest of the loaded contents (16 hex digits, FNV-1a over each file's name and
    /// bytes in load order): the same files give the same version on every run.
    pub fn version(&self) -> &str {
        &self.version
    }
}

fn collect_tsv(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), LexiconError> {
    let shown = dir.display().to_string();
    let entries = std::fs::read_dir(dir)
        .map_err(|e| LexiconError::new(&shown, 0, format!("cannot read directory: {e}")))?;
    for entry in entries {
        let entry = entry
            .map_err(|e| LexiconError::new(&shown, 0, format!("cannot read directory: {e}")))?;
        let path = entry.path();
        // Hidden entries are skipped: a Kubernetes ConfigMap mount holds its files a second
        // time under `..data` and `..<timestamp>`, which would load every row three times.
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        // Follows symbolic links, so a linked-in folder or file counts like a real one.
        if path.is_dir() {
            collect_tsv(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "tsv") {
            out.push(path);
        }
    }
    Ok(())
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

fn fnv1a(mut hash: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(FNV_PRIME);
    }
    hash
}
