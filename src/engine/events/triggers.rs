//! Trigger words from the `triggers` lexicon table, with their inflections, and the CAMEO →
//! PLOVER table from the `cameo` table.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::engine::analysis::Token;
use crate::engine::lexicon::{LexiconError, Lexicons, MixHasher, Table};
use crate::engine::model::{EventType, ProposalKind, Stance, Weapon};

/// What a trigger announces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TriggerClass {
    /// An event of this type.
    Event(EventType),
    /// A response to a proposal.
    Response(Stance),
}

/// Part of speech of a trigger's lemma.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pos {
    /// The first word inflects (strike, strikes, struck, striking).
    Verb,
    /// The last word takes its plural.
    Noun,
    /// Matched as written.
    Fixed,
}

/// One row of the triggers table.
#[derive(Clone, Debug)]
pub struct TriggerEntry {
    /// The lemma.
    pub phrase: String,
    /// What it announces.
    pub class: TriggerClass,
    /// How it inflects.
    pub pos: Pos,
    /// CAMEO code.
    pub cameo: String,
    /// How sure the cue is, 0..1.
    pub weight: f32,
    /// The weapon it implies ("drone strike").
    pub weapon: Option<Weapon>,
    /// The stance it implies (responses, counter-proposals).
    pub stance: Option<Stance>,
    /// The proposal kind it implies.
    pub kind: Option<ProposalKind>,
    /// The talks level it implies ("summit").
    pub level: Option<String>,
    /// It credits a source ("according to").
    pub reported: bool,
    /// A strike only with a weapon word after it ("fired 180 ballistic missiles").
    pub needs_weapon: bool,
    /// A strike only with a weapon word among the three words before it ("three bombs went
    /// off").
    pub weapon_before: bool,
    /// Only the forms written in the table match, not the lemma's regular inflections
    /// ("pounded|pounding", not the currency "pounds").
    pub as_written: bool,
}

/// A trigger found in the text: tokens `first..=last`, and the entries it may stand for.
#[derive(Clone, Debug)]
pub struct TriggerMatch<'t> {
    /// First token.
    pub first: usize,
    /// Last token.
    pub last: usize,
    /// Indices into [`Triggers::entries`], best first.
    pub entries: &'t [u32],
}

/// The compiled trigger lexicon.
#[derive(Debug)]
pub struct Triggers {
    /// Every entry.
    pub entries: Vec<TriggerEntry>,
    matcher: AhoCorasick,
    pattern_entries: Vec<Vec<u32>>,
    /// CAMEO code → (PLOVER category, description); looked up for every event, so with a
    /// fast hasher (the keys are the lexicon's own codes).
    cameo: HashMap<String, (String, String), BuildHasherDefault<MixHasher>>,
}

impl Triggers {
    /// Parses the `triggers` and `cameo` tables.
    pub fn new(lexicons: &Lexicons) -> Result<Triggers, LexiconError> {
        let mut entries = Vec::new();
        for table in lexicons.tables("triggers") {
            for row in &table.rows {
                entries.push(parse_row(table, row.line, &row.fields)?);
            }
        }
        let mut cameo: HashMap<String, (String, String), BuildHasherDefault<MixHasher>> =
            HashMap::default();
        for table in lexicons.tables("cameo") {
            let (code, pl, desc) = (
                column(table, "code")?,
                column(table, "plover")?,
                column(table, "description")?,
            );
            for row in &table.rows {
                cameo.insert(
                    row.fields[code].clone(),
                    (row.fields[pl].clone(), row.fields[desc].clone()),
                );
            }
        }
        let mut pattern_of: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut pattern_entries: Vec<Vec<u32>> = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            let pos = if e.as_written { Pos::Fixed } else { e.pos };
            for form in inflections(&e.phrase, pos) {
                let p = *pattern_of.entry(form.clone()).or_insert_with(|| {
                    patterns.push(form);
                    pattern_entries.push(Vec::new());
                    patterns.len() - 1
                });
                if !pattern_entries[p].contains(&(i as u32)) {
                    pattern_entries[p].push(i as u32);
                }
            }
        }
        for list in &mut pattern_entries {
            list.sort_by(|&a, &b| {
                entries[b as usize]
                    .weight
                    .total_cmp(&entries[a as usize].weight)
            });
        }
        // About a thousand forms: a DFA scans several times faster than the default NFA.
        let matcher = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .expect("trigger patterns compile");
        Ok(Triggers {
            entries,
            matcher,
            pattern_entries,
            cameo,
        })
    }

    /// The PLOVER category of a CAMEO code (its own, or its nearest parent's).
    pub fn plover(&self, cameo: &str) -> &str {
        self.cameo_row(cameo).map_or("", |(p, _)| p)
    }

    /// The description of a CAMEO code (its own, or its nearest parent's).
    pub fn description(&self, cameo: &str) -> &str {
        self.cameo_row(cameo).map_or("", |(_, d)| d)
    }

    fn cameo_row(&self, cameo: &str) -> Option<(&str, &str)> {
        let mut code = cameo;
        while !code.is_empty() {
            if let Some((p, d)) = self.cameo.get(code) {
                return Some((p, d));
            }
            code = &code[..code.len() - 1];
        }
        None
    }

    /// Trigger matches aligned with token boundaries, in text order.
    pub fn find(&self, lower: &str, tokens: &[Token]) -> Vec<TriggerMatch<'_>> {
        let mut out = Vec::new();
        for m in self.matcher.find_iter(lower) {
            let (Ok(first), Ok(last)) = (
                tokens.binary_search_by_key(&m.start(), |t| t.span.start),
                tokens.binary_search_by_key(&m.end(), |t| t.span.end),
            ) else {
                continue;
            };
            out.push(TriggerMatch {
                first,
                last,
                entries: &self.pattern_entries[m.pattern().as_usize()],
            });
        }
        out
    }
}

fn column(table: &Table, name: &str) -> Result<usize, LexiconError> {
    table
        .column(name)
        .ok_or_else(|| table.error(0, format!("no column {name:?}")))
}

fn parse_row(table: &Table, line: usize, f: &[String]) -> Result<TriggerEntry, LexiconError> {
    let get = |name: &str| -> Result<&str, LexiconError> { Ok(f[column(table, name)?].as_str()) };
    let phrase = get("phrase")?.trim().to_lowercase();
    if phrase.is_empty() {
        return Err(table.error(line, "empty phrase"));
    }
    let type_name = get("type")?;
    let class = match type_name {
        "response" => TriggerClass::Response(Stance::Accepted),
        t => TriggerClass::Event(EventType::from_name(t).ok_or_else(|| {
            table.error(
                line,
                format!("unknown type {t:?} (talks, strike, statement, proposal, response)"),
            )
        })?),
    };
    let pos = match get("pos")? {
        "verb" => Pos::Verb,
        "noun" => Pos::Noun,
        "fixed" => Pos::Fixed,
        p => return Err(table.error(line, format!("unknown pos {p:?} (verb, noun, fixed)"))),
    };
    let cameo = get("cameo")?.to_string();
    if !cameo.bytes().all(|b| b.is_ascii_digit()) || cameo.is_empty() {
        return Err(table.error(line, format!("cameo code {cameo:?} is not digits")));
    }
    let mut e = TriggerEntry {
        phrase,
        class,
        pos,
        cameo,
        weight: 0.8,
        weapon: None,
        stance: None,
        kind: None,
        level: None,
        reported: false,
        needs_weapon: false,
        weapon_before: false,
        as_written: false,
    };
    let mut forms: Vec<String> = Vec::new();
    for attr in get("attrs")?
        .split(';')
        .map(str::trim)
        .filter(|a| !a.is_empty())
    {
        let (key, value) = attr.split_once('=').unwrap_or((attr, ""));
        let bad =
            |what: &str| table.error(line, format!("bad {what} {value:?} in attribute {attr:?}"));
        match key {
            "weight" => {
                e.weight = value
                    .parse()
                    .ok()
                    .filter(|w: &f32| (0.0..=1.0).contains(w))
                    .ok_or_else(|| bad("weight"))?
            }
            "weapon" => e.weapon = Some(Weapon::from_name(value).ok_or_else(|| bad("weapon"))?),
            "stance" => e.stance = Some(parse_stance(value).ok_or_else(|| bad("stance"))?),
            "kind" => e.kind = Some(parse_kind(value).ok_or_else(|| bad("kind"))?),
            "level" => e.level = Some(value.to_string()),
            "forms" => forms.extend(
                value
                    .split('|')
                    .map(|s| s.trim().to_lowercase())
                    .filter(|s| !s.is_empty()),
            ),
            "reported" => e.reported = true,
            "needs-weapon" => e.needs_weapon = true,
            "weapon-before" => e.weapon_before = true,
            "as-written" => e.as_written = true,
            _ => return Err(table.error(line, format!("unknown attribute {key:?}"))),
        }
    }
    if let TriggerClass::Response(_) = e.class {
        let stance = e
            .stance
            .ok_or_else(|| table.error(line, "a response needs stance=..."))?;
        e.class = TriggerClass::Response(stance);
    }
    // Irregular forms ride along after the lemma, `|`-separated, for [`inflections`].
    if !forms.is_empty() {
        e.phrase = std::iter::once(e.phrase.clone())
            .chain(forms)
            .collect::<Vec<_>>()
            .join("|");
    }
    Ok(e)
}

fn parse_stance(s: &str) -> Option<Stance> {
    [
        Stance::Accepted,
        Stance::Rejected,
        Stance::CounterProposed,
        Stance::Considering,
    ]
    .into_iter()
    .find(|x| x.name() == s)
}

fn parse_kind(s: &str) -> Option<ProposalKind> {
    [
        ProposalKind::Ceasefire,
        ProposalKind::PeacePlan,
        ProposalKind::Talks,
        ProposalKind::Other,
    ]
    .into_iter()
    .find(|x| x.name() == s)
}

/// Every surface form of a lemma (and of its `|`-separated irregular forms, taken as written).
pub fn inflections(phrase: &str, pos: Pos) -> Vec<String> {
    let mut parts = phrase.split('|');
    let lemma = parts.next().unwrap_or_default();
    let mut out: Vec<String> = parts.map(str::to_string).collect();
    let words: Vec<&str> = lemma.split(' ').collect();
    match pos {
        Pos::Fixed => out.push(lemma.to_string()),
        Pos::Verb => {
            let (head, rest) = (words[0], &words[1..]);
            for form in verb_forms(head) {
                out.push(
                    std::iter::once(form.as_str())
                        .chain(rest.iter().copied())
                        .collect::<Vec<_>>()
                        .join(" "),
                );
            }
        }
        Pos::Noun => {
            let (init, last) = (&words[..words.len() - 1], words[words.len() - 1]);
            for form in [last.to_string(), plural(last)] {
                out.push(
                    init.iter()
                        .copied()
                        .chain(std::iter::once(form.as_str()))
                        .collect::<Vec<_>>()
                        .join(" "),
                );
            }
        }
    }
    // Hyphenated and closed spellings of two-word forms ("air-strike", "airstrike").
    let extra: Vec<String> = out
        .iter()
        .filter(|f| f.matches(' ').count() == 1 && pos != Pos::Verb)
        .map(|f| f.replace(' ', "-"))
        .collect();
    out.extend(extra);
    out.sort();
    out.dedup();
    out
}

fn plural(w: &str) -> String {
    if w.ends_with('s') || w.ends_with("sh") || w.ends_with("ch") || w.ends_with('x') {
        format!("{w}es")
    } else if w.ends_with('y') && !w.ends_with("ay") && !w.ends_with("ey") && !w.ends_with("oy") {
        format!("{}ies", &w[..w.len() - 1])
    } else {
        format!("{w}s")
    }
}

fn verb_forms(v: &str) -> Vec<String> {
    let b = v.as_bytes();
    let n = b.len();
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let mut forms = vec![v.to_string()];
    // third person
    forms.push(
        if v.ends_with('s')
            || v.ends_with("sh")
            || v.ends_with("ch")
            || v.ends_with('x')
            || v.ends_with('o')
        {
            format!("{v}es")
        } else if v.ends_with('y') && n > 1 && !vowel(b[n - 2]) {
            format!("{}ies", &v[..n - 1])
        } else {
            format!("{v}s")
        },
    );
    // past and present participle
    let double = n >= 3
        && !vowel(b[n - 1])
        && vowel(b[n - 2])
        && !vowel(b[n - 3])
        && !matches!(b[n - 1], b'w' | b'x' | b'y')
        && n <= 4;
    if v.ends_with('e') {
        forms.push(format!("{v}d"));
        forms.push(format!("{}ing", &v[..n - 1]));
    } else if v.ends_with('y') && n > 1 && !vowel(b[n - 2]) {
        forms.push(format!("{}ied", &v[..n - 1]));
        forms.push(format!("{v}ing"));
    } else if double {
        let last = b[n - 1] as char;
        forms.push(format!("{v}{last}ed"));
        forms.push(format!("{v}{last}ing"));
    } else {
        forms.push(format!("{v}ed"));
        forms.push(format!("{v}ing"));
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflection_table() {
        let cases: &[(&str, Pos, &[&str])] = &[
            ("strike", Pos::Noun, &["strike", "strikes"]),
            (
                "air strike",
                Pos::Noun,
                &["air strike", "air strikes", "air-strike", "air-strikes"],
            ),
            (
                "shell",
                Pos::Verb,
                &["shell", "shells", "shelled", "shelling"],
            ),
            (
                "strike|struck|striking",
                Pos::Verb,
                &["strike", "strikes", "struck", "striking"],
            ),
            (
                "call for|called for",
                Pos::Verb,
                &["call for", "calls for", "called for", "calling for"],
            ),
            ("plan", Pos::Verb, &["plan", "plans", "planned", "planning"]),
            (
                "reject",
                Pos::Verb,
                &["reject", "rejects", "rejected", "rejecting"],
            ),
            (
                "deny|denied",
                Pos::Verb,
                &["deny", "denies", "denied", "denying"],
            ),
            (
                "propose",
                Pos::Verb,
                &["propose", "proposes", "proposed", "proposing"],
            ),
            ("talks", Pos::Fixed, &["talks"]),
        ];
        for (phrase, pos, want) in cases {
            let got = inflections(phrase, *pos);
            for w in *want {
                assert!(
                    got.iter().any(|g| g == w),
                    "{phrase:?}: {w:?} missing from {got:?}"
                );
            }
        }
    }
}
