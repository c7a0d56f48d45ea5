//! Cue words from the `cues` lexicon table: the domain vocabulary the event rules read around a
//! trigger (weapon words, casualty words, status cues, words that link talks to their parties,
//! proposal nouns, organization head nouns).
//!
//! Every cue but a status cue is one word. Status cues (negation, hypothesis, future, ongoing)
//! may be phrases of several words ("called off"), matched word by word from a token; the
//! longest phrase wins, then the stronger status. Everything the table says about a word (its
//! roles, its weapon, the status cues it starts) is found with one lookup of its word key.

use std::collections::HashMap;

use super::doc::{is_exact, key_at, key_of, slot_of};
use crate::engine::lexicon::{LexiconError, Lexicons, Table};
use crate::engine::model::{Status, Weapon};

/// The roles of one-word cues that a rule asks about by yes or no (`NotProposalObject` stays last:
/// `WORD_ROLES` counts from it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordRole {
    /// Before a strike trigger, makes it a labour or figurative action ("hunger strike").
    NotAttackBefore,
    /// Right after a strike trigger, makes it no attack ("bomb shelter", "strike action").
    NotAttackAfter,
    /// The head noun of a strike verb's object that makes the attack verbal ("attacked the
    /// decision").
    NotAttackTarget,
    /// A casualty word counting the killed ("killed", "dead", "deaths").
    Kill,
    /// A casualty word counting the injured ("wounded", "injuries").
    Injure,
    /// May stand between the parties and a talks noun ("X and Y started talks").
    TalksSupport,
    /// Names a proposal in the object of a response ("rejected the plan").
    ProposalNoun,
    /// Makes an unknown noun phrase an organization ("the health ministry").
    OrganizationHead,
    /// Carries a strike noun: its subject attacks ("carried out airstrikes").
    LightVerb,
    /// Asks someone else to act: a response verb after it is requested, not given ("urged
    /// both sides to accept the truce").
    Request,
    /// The object of a talks verb that makes it no meeting ("meet the requirements").
    NotTalksObject,
    /// A verb whose subject speaks of, suffers or looks into a strike named after it, and so
    /// did not carry it out ("condemned the attack", "survived an attack").
    ReactionVerb,
    /// A verb after which a clause reports someone's words ("Governor X said a missile
    /// struck"): no attacker is looked for before it.
    ReportingVerb,
    /// A verb of beginning, going on or stopping before a gerund, whose subject is the
    /// gerund's ("Russia will not stop bombing").
    AspectualVerb,
    /// An adjective before a strike noun that names no attacker ("a fresh attack").
    StrikeAdjective,
    /// The occasion of a saying, not what was said ("in an interview", "at a briefing").
    SpeechOccasion,
    /// A past speech verb whose "would" is a future seen from the past ("said Egypt would
    /// host"), not a condition.
    PastSpeechVerb,
    /// A participle that tells who put a proposal forward ("a truce proposed by X").
    ProposerParticiple,
    /// A verb whose subject puts a proposal noun after it forward ("X unveiled a plan").
    ProposerVerb,
    /// Labour news around a bare "strike": it is a walkout, not an attack ("the union said
    /// the strike would expand").
    Labour,
    /// The head of a response verb's object that makes it an answer to words, not to a
    /// proposal ("rejected the claim").
    NotProposalObject,
}

/// What a row of the `cues` table does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Weapon,
    Word(WordRole),
    Status(Status),
}

/// Every role, by its name in the files.
const ROLES: &[(&str, Role)] = &[
    ("weapon", Role::Weapon),
    ("not-attack-before", Role::Word(WordRole::NotAttackBefore)),
    ("not-attack-after", Role::Word(WordRole::NotAttackAfter)),
    ("not-attack-target", Role::Word(WordRole::NotAttackTarget)),
    ("kill", Role::Word(WordRole::Kill)),
    ("injure", Role::Word(WordRole::Injure)),
    ("negation", Role::Status(Status::Negated)),
    ("hypothesis", Role::Status(Status::Hypothetical)),
    ("future", Role::Status(Status::Planned)),
    ("ongoing", Role::Status(Status::Ongoing)),
    ("talks-support", Role::Word(WordRole::TalksSupport)),
    ("proposal-noun", Role::Word(WordRole::ProposalNoun)),
    ("organization-head", Role::Word(WordRole::OrganizationHead)),
    ("request", Role::Word(WordRole::Request)),
    ("light-verb", Role::Word(WordRole::LightVerb)),
    ("not-talks-object", Role::Word(WordRole::NotTalksObject)),
    ("reaction-verb", Role::Word(WordRole::ReactionVerb)),
    ("reporting-verb", Role::Word(WordRole::ReportingVerb)),
    ("aspectual-verb", Role::Word(WordRole::AspectualVerb)),
    ("strike-adjective", Role::Word(WordRole::StrikeAdjective)),
    ("speech-occasion", Role::Word(WordRole::SpeechOccasion)),
    ("past-speech-verb", Role::Word(WordRole::PastSpeechVerb)),
    (
        "proposer-participle",
        Role::Word(WordRole::ProposerParticiple),
    ),
    ("proposer-verb", Role::Word(WordRole::ProposerVerb)),
    ("labour", Role::Word(WordRole::Labour)),
    (
        "not-proposal-object",
        Role::Word(WordRole::NotProposalObject),
    ),
];

/// How many [`WordRole`]s there are: one bit each in [`CueWord::roles`].
const WORD_ROLES: usize = WordRole::NotProposalObject as usize + 1;
const _: () = assert!(WORD_ROLES <= 32, "the roles of a word are a u32");

/// A status cue: the words after its first, and the status it gives.
#[derive(Clone, Debug, PartialEq, Eq)]
struct StatusCue {
    rest: Vec<String>,
    status: Status,
}

/// Which status wins when one phrase has several: negation, then hypothesis, future, ongoing.
fn strength(s: Status) -> u8 {
    match s {
        Status::Negated => 4,
        Status::Hypothetical => 3,
        Status::Planned => 2,
        Status::Ongoing => 1,
        Status::Occurred => 0,
    }
}

/// Everything the cue table says about one word.
#[derive(Debug, Default)]
struct CueWord {
    /// The word, lower case.
    word: String,
    /// Bit `role as usize` for every [`WordRole`] it has.
    roles: u32,
    /// The weapon it names.
    weapon: Option<Weapon>,
    /// The status cues starting with it, longest first, then strongest.
    status: Vec<StatusCue>,
}

/// The compiled cue lexicon: built once with the engine, read by every request.
#[derive(Debug)]
pub struct Cues {
    /// Every word of a one-word cue and every first word of a status cue.
    words: Vec<CueWord>,
    /// An open-addressing table of the words' keys ([`super::doc::word_key`]) and indices
    /// into `words`; key 0 in the empty slots.
    table: Vec<(u64, u32)>,
}

impl Cues {
    /// Parses every `cues` table, embedded and user-supplied.
    pub fn new(lexicons: &Lexicons) -> Result<Cues, LexiconError> {
        let mut cue_words: Vec<CueWord> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        // The entry of `word`, made on first sight.
        fn entry<'w>(
            words: &'w mut Vec<CueWord>,
            index: &mut HashMap<String, usize>,
            word: &str,
        ) -> &'w mut CueWord {
            let i = *index.entry(word.to_string()).or_insert_with(|| {
                words.push(CueWord {
                    word: word.to_string(),
                    ..CueWord::default()
                });
                words.len() - 1
            });
            &mut words[i]
        }
        // Where each weapon word was first given, to report a conflicting row.
        let mut weapon_rows: HashMap<String, (Weapon, String, usize)> = HashMap::new();
        for table in lexicons.tables("cues") {
            let phrase_col = column(table, "phrase")?;
            let role_col = column(table, "role")?;
            let attrs_col = table.column("attrs");
            for row in &table.rows {
                let line = row.line;
                let words: Vec<String> = row.fields[phrase_col]
                    .split_whitespace()
                    .map(str::to_ascii_lowercase)
                    .collect();
                let role_name = row.fields[role_col].trim();
                let role = ROLES
                    .iter()
                    .find(|(n, _)| *n == role_name)
                    .map(|&(_, r)| r)
                    .ok_or_else(|| {
                        table.error(
                            line,
                            format!("unknown role {role_name:?} ({})", role_names()),
                        )
                    })?;
                let Some(first) = words.first() else {
                    return Err(table.error(line, "empty phrase"));
                };
                if words.len() > 1 && !matches!(role, Role::Status(_)) {
                    return Err(table.error(
                        line,
                        format!(
                            "a {role_name} cue is one word, not {:?} (only negation, \
                             hypothesis, future and ongoing cues may be phrases)",
                            words.join(" ")
                        ),
                    ));
                }
                let attrs = attrs_col.map_or("", |c| row.fields[c].as_str());
                let weapon = parse_attrs(table, line, attrs)?;
                match (role, weapon) {
                    (Role::Weapon, None) => {
                        return Err(table.error(
                            line,
                            format!("a weapon cue needs weapon=NAME ({})", weapon_names()),
                        ));
                    }
                    (Role::Weapon, Some(w)) => {
                        if let Some((old, path, old_line)) = weapon_rows.get(first)
                            && *old != w
                        {
                            return Err(table.error(
                                line,
                                format!(
                                    "{first:?} is already weapon {} ({path}:{old_line})",
                                    old.name()
                                ),
                            ));
                        }
                        weapon_rows
                            .entry(first.clone())
                            .or_insert_with(|| (w, table.path.clone(), line));
                        entry(&mut cue_words, &mut index, first).weapon = Some(w);
                    }
                    (_, Some(_)) => {
                        return Err(table.error(
                            line,
                            format!("weapon= goes with role weapon only, not {role_name}"),
                        ));
                    }
                    (Role::Word(r), None) => {
                        entry(&mut cue_words, &mut index, first).roles |= 1 << r as u32
                    }
                    (Role::Status(status), None) => {
                        let cue = StatusCue {
                            rest: words[1..].to_vec(),
                            status,
                        };
                        let list = &mut entry(&mut cue_words, &mut index, first).status;
                        if !list.contains(&cue) {
                            list.push(cue);
                        }
                    }
                }
            }
        }
        for w in &mut cue_words {
            w.status.sort_by(|a, b| {
                (b.rest.len(), strength(b.status)).cmp(&(a.rest.len(), strength(a.status)))
            });
        }
        let size = (2 * cue_words.len()).next_power_of_two();
        let mut table = vec![(0, 0); size];
        for (i, w) in cue_words.iter().enumerate() {
            let key = key_of(w.word.as_bytes());
            let mut slot = slot_of(key, size);
            while table[slot].0 != 0 {
                slot = (slot + 1) & (size - 1);
            }
            table[slot] = (key, i as u32);
        }
        Ok(Cues {
            words: cue_words,
            table,
        })
    }

    /// What the table says about `word` (lower case), whose key is `key`.
    #[inline]
    fn find(&self, key: u64, word: &[u8]) -> Option<&CueWord> {
        let size = self.table.len();
        let mut slot = slot_of(key, size);
        loop {
            let (k, i) = self.table[slot];
            if k == 0 {
                return None;
            }
            if k == key {
                let cue = &self.words[i as usize];
                if is_exact(key) || cue.word.as_bytes() == word {
                    return Some(cue);
                }
            }
            slot = (slot + 1) & (size - 1);
        }
    }

    /// What the table says about `word` (lower case).
    #[inline]
    fn find_word(&self, word: &str) -> Option<&CueWord> {
        self.find(key_of(word.as_bytes()), word.as_bytes())
    }

    /// The weapon a word names ("drones" → DRONE).
    pub fn weapon(&self, word: &str) -> Option<Weapon> {
        self.find_word(word)?.weapon
    }

    /// True when `word` (lower case) is a cue of `role`.
    pub fn is(&self, role: WordRole, word: &str) -> bool {
        self.find_word(word)
            .is_some_and(|c| c.roles >> role as u32 & 1 != 0)
    }

    /// True when the word `text[start..end]` (lower case) is a cue of `role`.
    #[inline]
    pub fn is_at(&self, role: WordRole, text: &[u8], start: usize, end: usize) -> bool {
        self.find(key_at(text, start, end), &text[start..end])
            .is_some_and(|c| c.roles >> role as u32 & 1 != 0)
    }

    /// The status cue starting at token `i`, reading lower-case words with `word` (which
    /// returns "" past the end): the longest phrase that matches, the strongest status first.
    pub fn status<'w>(&self, word: impl Fn(usize) -> &'w str, i: usize) -> Option<Status> {
        let list = &self.find_word(word(i))?.status;
        list.iter()
            .find(|c| c.rest.iter().enumerate().all(|(k, w)| word(i + 1 + k) == w))
            .map(|c| c.status)
    }
}

fn column(table: &Table, name: &str) -> Result<usize, LexiconError> {
    table
        .column(name)
        .ok_or_else(|| table.error(0, format!("no column {name:?}")))
}

/// The `;`-separated attributes of a row: `weapon=NAME` is the only one.
fn parse_attrs(table: &Table, line: usize, attrs: &str) -> Result<Option<Weapon>, LexiconError> {
    let mut weapon = None;
    for attr in attrs.split(';').map(str::trim).filter(|a| !a.is_empty()) {
        match attr.split_once('=') {
            Some(("weapon", value)) => {
                weapon = Some(Weapon::from_name(value.trim()).ok_or_else(|| {
                    table.error(line, format!("bad weapon {value:?} ({})", weapon_names()))
                })?);
            }
            _ => {
                return Err(table.error(line, format!("unknown attribute {attr:?} (weapon=NAME)")));
            }
        }
    }
    Ok(weapon)
}

fn role_names() -> String {
    ROLES.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
}

fn weapon_names() -> String {
    Weapon::ALL
        .iter()
        .map(|w| w.name())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::model::{Detail, Event};
    use crate::engine::{Article, Engine};

    const HEADER: &str =
        "# table: cues\n# source: test\n# licence: test\n# columns: phrase\trole\tattrs\n";

    fn temp_dir(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("sitrep-cues-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// The embedded `cues` table alone, plus the files of `dir`.
    fn cues_with(dir: &std::path::Path) -> Result<Cues, LexiconError> {
        let (path, text) = crate::engine::lexicon::EMBEDDED
            .iter()
            .find(|(p, _)| p.ends_with("/cues.tsv"))
            .expect("cues.tsv is embedded");
        let mut lex = Lexicons::empty();
        lex.add_str(path, text)?;
        lex.load_dir(dir)?;
        Cues::new(&lex)
    }

    /// One line per event: type, status, weapon, killed count and attacker where it has them.
    fn summary(events: &[Event]) -> Vec<String> {
        events
            .iter()
            .map(|e| {
                let mut s = format!("{} {}", e.event_type().name(), e.status.name());
                if let Detail::Strike(x) = &e.detail {
                    if let Some(w) = x.weapon {
                        s += &format!(" weapon={}", w.name());
                    }
                    if let Some(k) = x.casualties.killed {
                        s += &format!(" killed={k}");
                    }
                    if let Some(a) = &x.attacker {
                        s += &format!(" attacker={}", a.name);
                    }
                }
                s
            })
            .collect()
    }

    #[test]
    fn user_cues_take_effect() {
        let dir = temp_dir("user");
        std::fs::write(
            dir.join("cues.tsv"),
            format!(
                "{HEADER}scrapped\tnegation\t\nput off\tnegation\t\n\
                 howitzer\tweapon\tweapon=ARTILLERY\nperished\tkill\t\nbemoaned\treaction-verb\t\n"
            ),
        )
        .unwrap();
        let plain = Engine::embedded().unwrap();
        let extended = Engine::builder().user_lexicons(&dir).build().unwrap();
        // (text, events on the embedded lexicons, events with the user's cues)
        let cases: &[(&str, &[&str], &[&str])] = &[
            (
                "Officials scrapped talks with Iran on Monday.",
                &["talks OCCURRED"],
                &["talks NEGATED"],
            ),
            (
                "Officials put off talks with Iran on Monday.",
                &["talks OCCURRED"],
                &["talks NEGATED"],
            ),
            (
                "Russian forces attacked Kharkiv with a howitzer on Monday.",
                &["strike OCCURRED attacker=Russian forces"],
                &["strike OCCURRED weapon=ARTILLERY attacker=Russian forces"],
            ),
            (
                "Three civilians perished in a Russian missile strike on Kharkiv.",
                &["strike OCCURRED weapon=MISSILE attacker=Russian"],
                &["strike OCCURRED weapon=MISSILE killed=3 attacker=Russian"],
            ),
            (
                "Putin bemoaned an attack on Kharkiv on Monday.",
                &["strike OCCURRED attacker=Putin"],
                &["strike OCCURRED"],
            ),
        ];
        for (text, before, after) in cases {
            let article = Article {
                id: "t",
                text,
                published: None,
            };
            assert_eq!(
                summary(&plain.extract(&article).events),
                *before,
                "embedded: {text}"
            );
            assert_eq!(
                summary(&extended.extract(&article).events),
                *after,
                "with user cues: {text}"
            );
        }
        assert_ne!(plain.lexicon_version(), extended.lexicon_version());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn status_phrases_match_longest_first() {
        let dir = temp_dir("empty");
        let cues = cues_with(&dir).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        let cases: &[(&str, Option<Status>)] = &[
            ("not", Some(Status::Negated)),
            ("called off", Some(Status::Negated)),
            ("called", None),
            ("ruled out", Some(Status::Negated)),
            ("set to", Some(Status::Planned)),
            ("set", None),
            ("going to", Some(Status::Planned)),
            ("ahead of", Some(Status::Planned)),
            ("could", Some(Status::Hypothetical)),
            ("underway", Some(Status::Ongoing)),
            ("talks", None),
        ];
        for (text, want) in cases {
            let words: Vec<&str> = text.split(' ').collect();
            let got = cues.status(|j| words.get(j).copied().unwrap_or(""), 0);
            assert_eq!(got, *want, "{text:?}");
        }
        assert_eq!(cues.weapon("drones"), Some(Weapon::Drone));
        assert!(cues.is(WordRole::OrganizationHead, "ministry"));
        assert!(!cues.is(WordRole::Kill, "ministry"));
    }

    #[test]
    fn malformed_rows_are_rejected_with_path_line_and_reason() {
        let cases: &[(&str, usize, &str)] = &[
            (
                "drone\tweapn\t",
                5,
                "unknown role \"weapn\" (weapon, not-attack-before, not-attack-after, not-attack-target, kill, injure, negation, \
                 hypothesis, future, ongoing, talks-support, proposal-noun, organization-head, request, light-verb, \
                 not-talks-object, reaction-verb, reporting-verb, aspectual-verb, strike-adjective, speech-occasion, \
                 past-speech-verb, proposer-participle, proposer-verb, labour, not-proposal-object)",
            ),
            (
                "howitzer\tweapon\tweapon=CANNON",
                5,
                "bad weapon \"CANNON\" (DRONE, MISSILE, AIRSTRIKE, ARTILLERY, ROCKET, BOMB, \
                 GUNFIRE, CHEMICAL, KNIFE, NAVAL, ARSON)",
            ),
            ("howitzer\tweapon\t", 5, "a weapon cue needs weapon=NAME"),
            (
                "scrapped\tnegation\tweapon=DRONE",
                5,
                "weapon= goes with role weapon only, not negation",
            ),
            (
                "scrapped\tnegation\tstrong",
                5,
                "unknown attribute \"strong\"",
            ),
            ("\tnegation\t", 5, "empty phrase"),
            ("mass grave\tkill\t", 5, "a kill cue is one word"),
            (
                "scrapped\tnegation\t\ndrone\tweapon\tweapon=MISSILE",
                6,
                "\"drone\" is already weapon DRONE (lexicons/cues.tsv:",
            ),
        ];
        for (i, (rows, line, reason)) in cases.iter().enumerate() {
            let dir = temp_dir(&format!("bad{i}"));
            let file = dir.join("mine.tsv");
            std::fs::write(&file, format!("{HEADER}{rows}\n")).unwrap();
            let err = cues_with(&dir).map(|_| ()).unwrap_err();
            assert_eq!(err.path, file.display().to_string(), "{rows:?}");
            assert_eq!(err.line, *line, "{rows:?}: {err}");
            assert!(err.reason.contains(reason), "{rows:?}: {err}");
            std::fs::remove_dir_all(&dir).unwrap();
        }
        // The same file stops the engine from being built.
        let dir = temp_dir("engine");
        std::fs::write(dir.join("mine.tsv"), format!("{HEADER}drone\tweapn\t\n")).unwrap();
        let err = Engine::builder().user_lexicons(&dir).build().unwrap_err();
        assert!(
            err.to_string().contains("mine.tsv:5: unknown role"),
            "{err}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
