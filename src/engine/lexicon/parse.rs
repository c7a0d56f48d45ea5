//! Parsing one lexicon file: header, rows, and the typed `entities` and `titles` tables.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

use super::{EntityEntry, LexiconError, Row, Table, TitleEntry};
use crate::engine::analysis::EntityKind;

/// Columns of an `entities` table.
pub const ENTITY_COLUMNS: &[&str] = &["surface", "kind", "canonical", "country", "attrs"];
/// Columns of a `titles` table.
pub const TITLE_COLUMNS: &[&str] = &["phrase", "canonical", "role"];

/// The kinds an `entities` row may name, by their name in the files.
const KINDS: &[(&str, EntityKind)] = &[
    ("COUNTRY", EntityKind::Country),
    ("NATIONALITY", EntityKind::Nationality),
    ("CITY", EntityKind::City),
    ("REGION", EntityKind::Region),
    ("ORGANIZATION", EntityKind::Organization),
    ("GOVERNMENT", EntityKind::Government),
    ("ARMED_GROUP", EntityKind::ArmedGroup),
    ("MEDIA", EntityKind::Media),
    ("PERSON", EntityKind::Person),
    ("GROUP", EntityKind::Group),
];

/// The kind named `name` in a lexicon file (`PRONOUN` is not a lexicon kind).
pub fn kind_from_name(name: &str) -> Option<EntityKind> {
    KINDS.iter().find(|(n, _)| *n == name).map(|&(_, k)| k)
}

/// The name of `kind` in lexicon files; `None` for [`EntityKind::Pronoun`].
pub fn kind_name(kind: EntityKind) -> Option<&'static str> {
    KINDS.iter().find(|(_, k)| *k == kind).map(|&(n, _)| n)
}

/// Shares one allocation among equal canonical names, countries, titles and roles.
#[derive(Default)]
pub(super) struct Interner {
    strings: HashSet<Arc<str>, BuildHasherDefault<MixHasher>>,
}

impl Interner {
    fn get(&mut self, s: &str) -> Arc<str> {
        if let Some(a) = self.strings.get(s) {
            return a.clone();
        }
        let a: Arc<str> = Arc::from(s);
        self.strings.insert(a.clone());
        a
    }
}

/// A fast, non-cryptographic hasher for the interner (the keys are our own lexicon strings, so
/// hash flooding is not a concern): eight bytes at a time, rotate, xor and multiply.
#[derive(Default, Clone, Copy)]
pub(crate) struct MixHasher(u64);

impl Hasher for MixHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let word = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
        }
        let mut tail = 0u64;
        for (i, &b) in chunks.remainder().iter().enumerate() {
            tail |= u64::from(b) << (8 * i);
        }
        self.0 = (self.0.rotate_left(5) ^ tail ^ bytes.len() as u64).wrapping_mul(K);
    }

    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 29)
    }
}

/// What one file holds once parsed.
pub(super) struct ParsedFile {
    pub table: Table,
    pub entities: Vec<EntityEntry>,
    pub titles: Vec<TitleEntry>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Entities,
    Titles,
    Other,
}

pub(super) fn parse_file(
    path: &str,
    text: &str,
    interner: &mut Interner,
) -> Result<ParsedFile, LexiconError> {
    let err = |line: usize, reason: String| LexiconError::new(path, line, reason);
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);

    // The header: the leading block of comment (and blank) lines.
    let mut table_kind: Option<String> = None;
    let mut sources: Vec<String> = Vec::new();
    let mut licences: Vec<String> = Vec::new();
    let mut columns: Option<(usize, Vec<String>)> = None;
    let mut body_start = 0usize; // line index (0-based) of the first data row
    let lines: Vec<&str> = text.lines().collect();
    for (i, raw) in lines.iter().enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        body_start = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let Some(comment) = line.strip_prefix('#') else {
            body_start = i;
            break;
        };
        let Some((key, value)) = comment.split_once(':') else {
            continue;
        };
        let key = key.trim().to_ascii_lowercase();
        let value = value.trim();
        match key.as_str() {
            "table" => {
                if table_kind.is_some() {
                    return Err(err(i + 1, "second `table:` line in the header".into()));
                }
                if value.is_empty()
                    || !value
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b == b'_' || b == b'-')
                {
                    return Err(err(
                        i + 1,
                        format!("bad table kind {value:?} (lower-case letters, `_`, `-`)"),
                    ));
                }
                table_kind = Some(value.to_string());
            }
            "source" if !value.is_empty() => sources.push(value.to_string()),
            "licence" | "license" if !value.is_empty() => licences.push(value.to_string()),
            "source" | "licence" | "license" => {
                return Err(err(i + 1, format!("empty `{key}:` line")));
            }
            "columns" => {
                let names: Vec<String> = value.split_whitespace().map(str::to_string).collect();
                if names.is_empty() {
                    return Err(err(i + 1, "empty `columns:` line".into()));
                }
                columns = Some((i + 1, names));
            }
            _ => {} // any other comment
        }
    }

    let Some(kind_name) = table_kind else {
        return Err(err(0, "missing `# table:` header line".into()));
    };
    if sources.is_empty() {
        return Err(err(0, "missing `# source:` header line".into()));
    }
    if licences.is_empty() {
        return Err(err(0, "missing `# licence:` header line".into()));
    }
    let kind = match kind_name.as_str() {
        "entities" => Kind::Entities,
        "titles" => Kind::Titles,
        _ => Kind::Other,
    };
    let expected: Option<&[&str]> = match kind {
        Kind::Entities => Some(ENTITY_COLUMNS),
        Kind::Titles => Some(TITLE_COLUMNS),
        Kind::Other => None,
    };
    let columns = match (columns, expected) {
        (Some((line, names)), Some(exp)) => {
            if names.iter().map(String::as_str).ne(exp.iter().copied()) {
                return Err(err(
                    line,
                    format!(
                        "`{kind_name}` tables have columns {:?}, not {names:?}",
                        exp.join(" ")
                    ),
                ));
            }
            names
        }
        (None, Some(exp)) => exp.iter().map(|s| s.to_string()).collect(),
        (Some((_, names)), None) => names,
        (None, None) => {
            return Err(err(
                0,
                format!("missing `# columns:` header line (required for `{kind_name}` tables)"),
            ));
        }
    };

    let mut table = Table {
        path: path.to_string(),
        kind: kind_name,
        source: sources.join("; "),
        licence: licences.join("; "),
        columns,
        rows: Vec::new(),
    };
    let mut entities = Vec::new();
    let mut titles = Vec::new();
    let ncols = table.columns.len();
    let mut fields: Vec<&str> = Vec::with_capacity(ncols + 1);

    for (i, raw) in lines.iter().enumerate().skip(body_start) {
        let line_no = i + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        fields.clear();
        fields.extend(line.split('\t'));
        if fields.len() != ncols {
            return Err(err(
                line_no,
                format!(
                    "{} tab-separated fields, expected {ncols} ({})",
                    fields.len(),
                    table.columns.join(", ")
                ),
            ));
        }
        match kind {
            Kind::Entities => {
                entities.push(entity_row(&fields, interner).map_err(|r| err(line_no, r))?);
            }
            Kind::Titles => titles.push(title_row(&fields, interner).map_err(|r| err(line_no, r))?),
            Kind::Other => table.rows.push(Row {
                line: line_no,
                fields: fields.iter().map(|f| f.to_string()).collect(),
            }),
        }
    }
    Ok(ParsedFile {
        table,
        entities,
        titles,
    })
}

fn check_text(what: &str, value: &str) -> Result<(), String> {
    if value.is_empty() {
        return Err(format!("empty {what}"));
    }
    if value.trim() != value {
        return Err(format!(
            "{what} {value:?} has leading or trailing white space"
        ));
    }
    Ok(())
}

fn valid_role(role: &str) -> bool {
    (2..=6).contains(&role.len()) && role.bytes().all(|b| b.is_ascii_uppercase())
}

fn entity_row(f: &[&str], interner: &mut Interner) -> Result<EntityEntry, String> {
    let (surface, kind, canonical, country, attrs) = (f[0], f[1], f[2], f[3], f[4]);
    check_text("surface", surface)?;
    let kind = match kind_from_name(kind) {
        Some(k) => k,
        None => {
            let names: Vec<&str> = KINDS.iter().map(|(n, _)| *n).collect();
            return Err(format!(
                "unknown kind {kind:?} (one of {})",
                names.join(", ")
            ));
        }
    };
    check_text("canonical", canonical)?;
    let country = match country {
        "" => None,
        c if c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()) => Some(interner.get(c)),
        c => {
            return Err(format!(
                "bad country code {c:?} (ISO 3166-1 alpha-3: three upper-case letters, or empty)"
            ));
        }
    };
    let mut e = EntityEntry {
        surface: surface.to_string(),
        kind,
        canonical: interner.get(canonical),
        country,
        case_sensitive: false,
        ambiguous: false,
        capital: false,
        surname: false,
        population: None,
        title: None,
        role: None,
        from_year: None,
        to_year: None,
    };
    for attr in attrs.split(';') {
        let attr = attr.trim();
        if attr.is_empty() {
            continue;
        }
        match attr.split_once('=') {
            None => match attr {
                "case" => e.case_sensitive = true,
                "ambiguous" => e.ambiguous = true,
                "capital" => e.capital = true,
                "surname" => e.surname = true,
                _ => {
                    return Err(format!(
                        "unknown attr {attr:?} (flags: case, ambiguous, capital, surname)"
                    ));
                }
            },
            Some((key, value)) => {
                let value = value.trim();
                match key.trim() {
                    "pop" => {
                        let n = value.parse::<u64>().map_err(|_| {
                            format!("bad attr {attr:?}: pop must be a whole number")
                        })?;
                        e.population = Some(n);
                    }
                    "title" => {
                        if value.is_empty() {
                            return Err(format!("bad attr {attr:?}: empty title"));
                        }
                        e.title = Some(interner.get(value));
                    }
                    "role" => {
                        if !valid_role(value) {
                            return Err(format!(
                                "bad attr {attr:?}: role must be 2-6 upper-case letters (GOV, MIL, ...)"
                            ));
                        }
                        e.role = Some(interner.get(value));
                    }
                    "from" | "to" => {
                        let year = parse_year(value)
                            .ok_or_else(|| format!("bad attr {attr:?}: year must be YYYY"))?;
                        if key.trim() == "from" {
                            e.from_year = Some(year);
                        } else {
                            e.to_year = Some(year);
                        }
                    }
                    other => {
                        return Err(format!(
                            "unknown attr key {other:?} (keys: pop, title, role, from, to)"
                        ));
                    }
                }
            }
        }
    }
    if let (Some(from), Some(to)) = (e.from_year, e.to_year)
        && from > to
    {
        return Err(format!("from={from} is after to={to}"));
    }
    Ok(e)
}

fn parse_year(value: &str) -> Option<i16> {
    if value.len() != 4 || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    value.parse().ok()
}

fn title_row(f: &[&str], interner: &mut Interner) -> Result<TitleEntry, String> {
    let (phrase, canonical, role) = (f[0], f[1], f[2]);
    check_text("phrase", phrase)?;
    if phrase.chars().any(char::is_uppercase) {
        return Err(format!("title phrase {phrase:?} must be lower case"));
    }
    check_text("canonical", canonical)?;
    let role = match role {
        "" => None,
        r if valid_role(r) => Some(interner.get(r)),
        r => {
            return Err(format!(
                "bad role {r:?} (2-6 upper-case letters: GOV, MIL, ...)"
            ));
        }
    };
    Ok(TitleEntry {
        phrase: phrase.to_string(),
        canonical: interner.get(canonical),
        role,
    })
}
