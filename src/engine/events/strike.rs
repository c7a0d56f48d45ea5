//! Strikes and attacks: attacker, target, place, weapon and casualties.
//!
//! Patterns: "X strike on Y", "X drone strikes in Z", "strikes by X on Y", "X shelled Y",
//! "Y was attacked by X", "killed N VICTIMS", "resulted in N deaths", "N people were killed".

use super::cues::WordRole;
use super::doc::Doc;
use super::{Candidate, Pos, Trigger, candidate};
use crate::engine::analysis::{Case, EntityKind};
use crate::engine::model::{Actor, ActorKind, Casualties, Detail, Place, Strike, Target, Weapon};

/// Builds a strike from its trigger, or nothing for a strike that is not an attack.
pub(crate) fn build(
    doc: &Doc,
    t: Trigger,
    published: Option<jiff::civil::Date>,
) -> Option<Candidate> {
    if t.first > 0 && doc.is_cue(t.first - 1, WordRole::NotAttackBefore) {
        return None;
    }
    // A labour strike ("a 48-hour strike", "a nationwide strike").
    let labour = t.first > 0
        && doc.word(t.first).starts_with("strike")
        && (doc.a.times.iter().any(|x| {
            x.precision == crate::engine::model::Precision::Duration
                && x.span.end == doc.span(t.first - 1).end
        }) || doc.is(
            t.first - 1,
            &[
                "nationwide",
                "opposition-called",
                "one-day",
                "indefinite",
                "workers'",
                "on", // "went on strike"
            ],
        ));
    // "hits 13 Venezuelans with sanctions": a measure, not an attack.
    let measure = (t.last + 1..doc.clause_end(t.last)).any(|i| {
        doc.word(i) == "with"
            && doc.is(
                i + 1,
                &["sanctions", "tariffs", "fines", "charges", "a", "new"],
            )
            && doc.is(
                i + 1 + usize::from(doc.is(i + 1, &["a", "new"])),
                &["sanctions", "tariffs", "fines", "charges", "lawsuit", "ban"],
            )
    });
    // "shot down 67 of the 103 drones": an interception, not an attack; "shot down" an
    // aircraft is one.
    let interception = doc.is(t.last + 1, &["down"])
        && !(t.last + 2..doc.clause_end(t.last).min(t.last + 8)).any(|i| {
            doc.is(
                i,
                &[
                    "plane",
                    "planes",
                    "jet",
                    "jets",
                    "airliner",
                    "aircraft",
                    "helicopter",
                    "helicopters",
                    "fighter",
                ],
            )
        });
    // "three bombs went off": a weapon-before verb is a strike only after its weapon.
    let weapon_missing = t.entry.weapon_before
        && !(t.first.saturating_sub(3)..t.first).any(|k| doc.cues.weapon(doc.word(k)).is_some());
    if labour || labour_context(doc, &t) || measure || interception || weapon_missing {
        return None;
    }
    // "shooting ceasefire", "strike action", "bomb shelters": not an attack.
    if doc.is_cue(t.last + 1, WordRole::NotAttackAfter) {
        return None;
    }
    let cs = doc.clause_start(t.first);
    // "launched 45 drones and two missiles at Ukraine": the weapons may be coordinated.
    let ce = if t.entry.needs_weapon {
        doc.clause_end_loose(t.last)
    } else {
        doc.clause_end(t.last)
    };
    // "fired about 180 ballistic missiles": the weapon names the attack.
    let fired_weapon = if t.entry.needs_weapon {
        Some(fired_weapon(doc, &t, ce)?)
    } else {
        None
    };
    let passive = t.entry.pos == Pos::Verb
        && t.first > 0
        && doc.is(
            t.first - 1,
            &[
                "was", "were", "been", "being", "be", "is", "are", "get", "gets", "got", "getting",
            ],
        );

    let mut attacker: Option<Actor> = None;
    let mut target: Option<Target> = None;
    let mut place: Option<Place> = None;

    // "by X" after the trigger: the attacker ("strikes by X", "was attacked by X", "an attack
    // carried out by X"); not the agent of another participle ("attacked positions held by X").
    // "blamed on X" names the attacker too.
    let mut i = t.last + 1;
    while i < ce {
        let agent = match doc.word(i) {
            "by" => !other_participle(doc, i - 1, t.last),
            "on" => i == t.last + 2 && doc.is(i - 1, &["blamed"]),
            _ => false,
        };
        if agent {
            if let Some((a, _)) = doc.np_starting_at(i + 1, ce)
                && a.kind != ActorKind::Media
            {
                attacker = Some(a);
            }
            break;
        }
        if doc.word(i) == "by" {
            break;
        }
        i += 1;
    }
    // "the city came under attack", "while under fire": the subject is attacked.
    let under = t.first > cs && doc.is(t.first - 1, &["under"]);
    if under {
        let verb = t.first - 1;
        if verb > cs
            && doc.is(
                verb - 1,
                &[
                    "came", "come", "comes", "coming", "was", "were", "is", "are", "been",
                    "remained", "remains",
                ],
            )
            && let Some((a, _)) = doc.subject_before(verb - 1, cs)
        {
            target = Some(target_of(doc, a));
        }
    } else if passive {
        if let Some((a, _)) = doc.subject_before(t.first, cs) {
            target = Some(target_of(doc, a));
        }
    } else if attacker.is_none() {
        attacker = attacker_before(doc, t.first, cs, t.entry.pos != Pos::Verb)
            .or_else(|| claimant(doc, t.first, cs))
            .or_else(|| accused_of(doc, t.first, cs))
            .or_else(|| {
                (t.entry.pos == Pos::Verb && !doc.a.all_caps)
                    .then(|| doc.subject_of_infinitive(t.first, cs))
                    .flatten()
            });
    }

    // Targets and places after the trigger.
    let mut i = t.last + 1;
    while i < ce {
        let w = doc.word(i);
        // "claimed responsibility for the attack in a statement on its radio": the occasion of
        // a saying ends the strike's words.
        if matches!(w, "in" | "on" | "at")
            && doc.is(i + 1, &["a", "an", "the", "its", "their", "his", "her"])
            && doc.is_cue(i + 2, WordRole::SpeechOccasion)
        {
            break;
        }
        if matches!(
            w,
            "on" | "against" | "at" | "into" | "targeting" | "targetting" | "hitting"
        ) && target.is_none()
            && !(w == "on" && doc.is(i - 1, &["blamed"]))
        {
            // "on Friday", "on a Friday afternoon": a time, not a target.
            let time_next = doc.time_at_token(i + 1).is_some()
                || doc.is(i + 1, &["a", "the"]) && doc.time_at_token(i + 2).is_some();
            if !time_next && let Some((a, last)) = doc.np_starting_at(i + 1, ce) {
                target = Some(target_of(doc, a));
                i = last + 1;
                continue;
            }
        } else if matches!(w, "in" | "near" | "outside" | "across" | "inside") && place.is_none() {
            place = place_after(doc, i, ce);
        } else if i == t.last + 1
            && t.entry.pos == Pos::Verb
            && !passive
            && !t.entry.needs_weapon
            && target.is_none()
            && !doc.is_punct(i)
        {
            // Direct object of an active verb: "shelled Kharkiv", "attacked a convoy" (not of
            // "launched 45 drones at Ukraine": that object is the weapon).
            if let Some((a, last)) = doc.np_starting_at(i, ce)
                && !doc.is(
                    i,
                    &[
                        "in", "on", "at", "by", "with", "from", "for", "to", "over", "and",
                    ],
                )
            {
                target = Some(target_of(doc, a));
                i = last + 1;
                continue;
            }
        }
        i += 1;
    }
    // A place before the trigger in the clause ("In Kharkiv, a missile strike ...").
    if place.is_none() {
        for i in cs..t.first {
            if doc.is(i, &["in", "near"])
                && let Some((e, _)) = doc.entity(i + 1)
            {
                place = doc.place_of(e);
            }
        }
    }
    if place.is_none()
        && let Some(Target::Place(p)) = &target
    {
        place = Some(p.clone());
    }

    let weapon = t
        .entry
        .weapon
        .or(fired_weapon)
        .or_else(|| weapon_near(doc, t.first, t.last, cs, ce));
    let mut casualties = casualties(doc, cs, casualty_end(doc, ce));
    // The target of a killing is its victim.
    if is_killing(doc, &t) {
        let victim = match target.take() {
            Some(Target::Actor(a)) => Some(a),
            Some(place) => {
                target = Some(place);
                None
            }
            None if t.entry.pos != Pos::Verb && doc.is(t.last + 1, &["of"]) => {
                doc.np_starting_at(t.last + 2, ce).map(|(a, _)| a)
            }
            None => None,
        };
        if let Some(v) = victim
            && !casualties.victims.iter().any(|x| x.span.overlaps(v.span))
        {
            casualties.victims.push(v);
        }
    }

    // Weak cues ("hit", "clash", "raid") need more than the word itself.
    let has_casualties = casualties.killed.is_some()
        || casualties.injured.is_some()
        || !casualties.victims.is_empty();
    if t.entry.weight < 0.6
        && !(has_casualties
            || t.entry.weapon.is_some()
            || weapon.is_some()
            || (attacker.is_some() && target.is_some()))
    {
        return None;
    }
    // "the population exploded", "an explosion of anger": growth and feeling, not a blast.
    if figurative_explosion(doc, &t, cs, ce, has_casualties || place.is_some()) {
        return None;
    }
    // "X attacked Y for ...": a verbal attack on someone is criticism, not a strike.
    if t.entry.pos == Pos::Verb
        && weapon.is_none()
        && !has_casualties
        && let Some(Target::Actor(a)) = &target
        && doc.is(doc.token_at_or_after(a.span.end), &["for", "over", "as"])
    {
        return None;
    }
    // "Warren attacked the decision": an attack on an idea is criticism.
    if weapon.is_none()
        && !has_casualties
        && let Some(Target::Actor(a)) = &target
        && doc.is_cue(doc.token_before(a.span.end), WordRole::NotAttackTarget)
    {
        return None;
    }
    let time = doc
        .time_in(t.last + 1..ce)
        .or_else(|| doc.time_in(cs..t.first));
    let support = [
        attacker.is_some(),
        target.is_some() || place.is_some(),
        weapon.is_some(),
        has_casualties,
    ]
    .iter()
    .filter(|&&x| x)
    .count() as f32
        / 3.0;
    let detail = Detail::Strike(Strike {
        attacker,
        target,
        weapon,
        casualties,
    });
    let mut c = candidate(doc, t, detail, time, published);
    c.event.place = place;
    c.support = support;
    Some(c)
}

/// "accused Russia of launching 40 drones": the accused is the attacker of the gerund.
fn accused_of(doc: &Doc, first: usize, cs: usize) -> Option<Actor> {
    if first < cs + 3 || !doc.is(first - 1, &["of"]) || !doc.word(first).ends_with("ing") {
        return None;
    }
    let (a, start) = doc.np_ending_at(first - 2, cs)?;
    (start > cs
        && doc.is(
            start - 1,
            &[
                "accused",
                "accuses",
                "accusing",
                "accuse",
                "suspected",
                "suspects",
            ],
        ))
    .then_some(a)
}

/// A bare "strike" in labour news: a `labour` cue word in its sentence or the one before
/// ("the union said the strike would expand"), and no weapon or casualty word in its sentence.
fn labour_context(doc: &Doc, t: &Trigger) -> bool {
    if !doc.word(t.first).starts_with("strik") || t.first != t.last {
        return false;
    }
    let sent = doc.sentence_tokens(t.first);
    let from = if sent.start > 0 {
        doc.sentence_tokens(sent.start - 1).start
    } else {
        sent.start
    };
    let lower_cue =
        |k: usize| doc.a.tokens[k].case == Case::Lower && doc.is_cue(k, WordRole::Labour);
    (from..sent.end).any(lower_cue)
        && !sent.clone().any(|k| {
            doc.cues.weapon(doc.word(k)).is_some()
                || doc.is_cue(k, WordRole::Kill)
                || doc.is_cue(k, WordRole::Injure)
        })
}

/// The weapon a needs-weapon verb fires ("fired about 180 ballistic missiles at Israel",
/// "launched drones"), within five words after it; `None` when it fires none, or no attack:
/// "launched an attack" leaves it to the noun, "a missile test", "warning shots", "flares were
/// launched", "three missiles into the sea".
fn fired_weapon(doc: &Doc, t: &Trigger, ce: usize) -> Option<Weapon> {
    let end = ce.min(t.last + 6);
    let j = (t.last + 1..end).find(|&j| doc.cues.weapon(doc.word(j)).is_some())?;
    // "a missile test", "drone factories": the weapon word is a modifier.
    let not_attack = doc.is_cue(j + 1, WordRole::NotAttackAfter);
    // "launched a drone attack": the noun is the trigger.
    let noun_follows = (t.last + 1..=j + 1).any(|k| {
        doc.is(
            k,
            &[
                "attack", "attacks", "strike", "strikes", "barrage", "assault",
            ],
        )
    });
    // "fired warning shots", "test launches of missiles", "flares were launched from
    // helicopters", "fired three missiles into the sea": no attack.
    let no_attack = (t.last + 1..j).any(|k| doc.is_punct(k) || doc.is(k, &["warning"]))
        || (t.first > 0 && doc.is(t.first - 1, &["test", "was", "were", "been", "be"]))
        || (j + 1..ce.min(j + 6)).any(|k| {
            const SEA: &[&str] = &["sea", "ocean", "water", "waters"];
            doc.is(k, &["into"]) && (doc.is(k + 1, SEA) || doc.is(k + 2, SEA))
        });
    if not_attack || noun_follows || no_attack {
        return None;
    }
    doc.cues.weapon(doc.word(j))
}

/// The attacker before a strike trigger: the nearest actor in the clause ("Russian strike",
/// "Israel struck"), skipping victims and channels.
fn attacker_before(doc: &Doc, first: usize, cs: usize, noun: bool) -> Option<Actor> {
    // "Governor X said a missile struck …": the speaker of reported words is no attacker.
    // "India said it had struck": a pronoun points back to the speaker, who attacked.
    let cs = (cs..first)
        .rev()
        .find(|&k| doc.is_cue(k, WordRole::ReportingVerb) || doc.is(k, &["that"]))
        .filter(|&k| {
            !doc.is(
                k + 1,
                &[
                    "it", "they", "we", "its", "their", "our", "he", "she", "his", "her",
                ],
            )
        })
        .map_or(cs, |k| k + 1);
    let mut i = first;
    while i > cs {
        i -= 1;
        if doc.is(i, &["on", "against", "in", "at", "near", "of", "for", "to"]) {
            // "attacks on Kyiv by ..." — anything before a preposition is not the attacker.
            break;
        }
        // "Al Thani called the strike 'state terrorism'", "Maduro survived an attack": the
        // subject of a verb about the strike did not carry it out.
        if doc.is_cue(i, WordRole::ReactionVerb) {
            return None;
        }
        // "the rebel group attacked": the armed group it names back.
        if doc.is(i, &["group"])
            && let Some((a, _)) = doc.np_ending_at(i, cs)
            && a.kind == ActorKind::ArmedGroup
        {
            return Some(a);
        }
        if let Some((e, ent)) = doc.entity(i) {
            // "told reporters the attacker detonated …": the press told is no attacker.
            let civilian = matches!(ent.role.as_deref(), Some("CVL" | "MED"));
            if matches!(
                ent.kind,
                EntityKind::Media | EntityKind::City | EntityKind::Region
            ) || civilian
            {
                continue;
            }
            // "M23 fighters": the group the members belong to (`np_ending_at` names it).
            if ent.kind == EntityKind::Group
                && let Some((a, _)) = doc.np_ending_at(i, cs)
                && matches!(a.kind, ActorKind::ArmedGroup | ActorKind::Organization)
            {
                return Some(a);
            }
            return Some(doc.actor_of(e));
        }
    }
    // "Gunmen attacked ...": a plain noun phrase subject, in text with letter case to go by.
    if doc.a.all_caps {
        return None;
    }
    // "The air force carried out airstrikes": the subject stands before the light verb; the
    // words right before a noun without one are its modifiers ("a deadly attack").
    let (first, modifiers) = match light_verb_before(doc, first, cs) {
        Some(verb) => (verb, false),
        // "Russia will not stop bombing": the subject of the aspectual verb.
        None if first > cs
            && doc.word(first).ends_with("ing")
            && doc.is_cue(first - 1, WordRole::AspectualVerb) =>
        {
            (first - 1, false)
        }
        None => (first, noun),
    };
    // "Saudi-led coalition airstrikes": a noun modifier may name the attacker; an adjective
    // ("a deadly attack", "the latest strikes") does not.
    if modifiers && first > 0 {
        let w = doc.word(first - 1);
        if w.ends_with("ly")
            || w.ends_with("est")
            || doc.is_cue(first - 1, WordRole::StrikeAdjective)
        {
            return None;
        }
    }
    // "a missile struck": the weapon, not who fired it.
    doc.subject_before(first, cs)
        .map(|(a, _)| a)
        .filter(|a| a.kind != ActorKind::Media && !a.name.is_empty())
        .filter(|a| {
            let head = doc.token_before(a.span.end);
            doc.entity(head).is_some() || doc.cues.weapon(doc.word(head)).is_none()
        })
}

/// The light verb (a `light-verb` cue) a strike noun is the object of, within four words
/// before it ("carried out airstrikes", "launched a massive drone attack").
fn light_verb_before(doc: &Doc, first: usize, cs: usize) -> Option<usize> {
    (cs.max(first.saturating_sub(4))..first)
        .rev()
        .find(|&i| doc.is_cue(i, WordRole::LightVerb))
}

/// Killing words: their object is the victim, not a target ("murdered three peasants",
/// "the murder of the Jesuit priests", "was shot").
fn is_killing(doc: &Doc, t: &Trigger) -> bool {
    let w = doc.word(t.last);
    [
        "murder",
        "assassin",
        "kill",
        "shot",
        "shoot",
        "massacre",
        "slaughter",
        "gun",
    ]
    .iter()
    .any(|k| w.starts_with(k))
}

/// A target from an actor: places stay places.
fn target_of(doc: &Doc, a: Actor) -> Target {
    if let Some((e, ent)) = doc.entity(doc.token_at_or_after(a.span.start))
        && ent.span == a.span
        && matches!(
            ent.kind,
            EntityKind::City | EntityKind::Region | EntityKind::Country
        )
        && let Some(p) = doc.place_of(e)
    {
        return Target::Place(p);
    }
    Target::Actor(a)
}

/// "the group claimed (responsibility for) a missile attack": whoever claims the attack made
/// it.
fn claimant(doc: &Doc, first: usize, cs: usize) -> Option<Actor> {
    let verb = (cs.max(first.saturating_sub(6))..first).rev().find(|&i| {
        doc.is(
            i,
            &[
                "claimed", "claims", "claim", "claiming", "admitted", "admits",
            ],
        )
    })?;
    // Only words between ("responsibility for a missile"): no punctuation, no number.
    let between_ok = (verb + 1..first).all(|i| doc.word(i).starts_with(|c: char| c.is_lowercase()));
    if !between_ok {
        return None;
    }
    super::statement::subject_of(doc, verb, cs).filter(|a| a.kind != ActorKind::Media)
}

/// The place named after a preposition at `prep`: "in Kharkiv", "in the southern city of
/// Odesa" (a few lower-case words may come first).
fn place_after(doc: &Doc, prep: usize, ce: usize) -> Option<Place> {
    for k in prep + 1..ce.min(prep + 7) {
        if let Some((e, _)) = doc.entity(k) {
            return doc.place_of(e);
        }
        let word = doc.raw(k);
        if doc.is_punct(k) || !word.starts_with(|c: char| c.is_lowercase()) {
            return None;
        }
    }
    None
}

/// The nearest weapon word in the clause.
fn weapon_near(doc: &Doc, first: usize, last: usize, cs: usize, ce: usize) -> Option<Weapon> {
    let mut best: Option<(usize, Weapon)> = None;
    for i in cs..ce {
        let w = doc.word(i);
        if let Some(weapon) = doc.cues.weapon(w) {
            let dist = if i < first {
                first - i
            } else {
                i.saturating_sub(last)
            };
            if best.is_none_or(|(d, _)| dist < d) {
                best = Some((dist, weapon));
            }
        }
    }
    best.map(|(_, w)| w)
}

/// Whether an explosion word speaks of no explosive: the verb ("exploded") with no weapon
/// word, casualty or place in its clause, or the noun followed by "of" and no weapon word
/// ("an explosion of violence", "a blast of cold air").
fn figurative_explosion(doc: &Doc, t: &Trigger, cs: usize, ce: usize, grounded: bool) -> bool {
    let word = doc.word(t.first);
    match t.entry.pos {
        Pos::Verb if word.starts_with("explod") => {
            // "they exploded", "which exploded": the thing is named before.
            let pronoun = t.first > 0 && doc.is(t.first - 1, &["it", "they", "which", "that"]);
            // "The bomb was placed at the entrance and exploded": the sentence names it.
            let sentence_start = doc.sentence_tokens(t.first).start;
            !grounded
                && !pronoun
                && weapon_near(doc, t.first, t.last, sentence_start.min(cs), ce).is_none()
        }
        Pos::Noun if word.starts_with("explosion") || word.starts_with("blast") => {
            let after = t.last + 1;
            doc.is(after, &["of"])
                && weapon_near(
                    doc,
                    after,
                    after,
                    after + 1,
                    (after + 5).min(ce.max(after + 1)),
                )
                .is_none()
        }
        _ => false,
    }
}

/// Where casualty cues for this trigger may stand: its clause, extended over a comma that
/// introduces "killing ..." or "leaving ... dead".
fn casualty_end(doc: &Doc, ce: usize) -> usize {
    if ce < doc.len()
        && doc.raw(ce) == ","
        && doc.is(
            ce + 1,
            &["killing", "leaving", "injuring", "wounding", "claiming"],
        )
    {
        return doc.clause_end(ce + 1);
    }
    ce
}

/// Killed, injured and victims in tokens `cs..ce`.
fn casualties(doc: &Doc, cs: usize, ce: usize) -> Casualties {
    let mut c = Casualties::default();
    for k in cs..ce {
        let w = doc.word(k);
        let killed = doc.cues.is(WordRole::Kill, w);
        let injured = doc.cues.is(WordRole::Injure, w);
        if !killed && !injured {
            continue;
        }
        if w == "death" && !doc.is(k + 1, &["toll"]) {
            continue;
        }
        let Some((count, victim)) = count_near(doc, k, cs, ce) else {
            continue;
        };
        let slot = if killed {
            &mut c.killed
        } else {
            &mut c.injured
        };
        if slot.is_none() {
            *slot = Some(count);
        }
        if let Some(v) = victim
            && !c.victims.iter().any(|x| x.canonical == v.canonical)
        {
            c.victims.push(v);
        }
    }
    c
}

/// The count (and victims) next to a casualty word at `k`: "killed three civilians",
/// "three civilians were killed", "resulted in two deaths", "killed a soldier".
fn count_near(doc: &Doc, k: usize, cs: usize, ce: usize) -> Option<(u64, Option<Actor>)> {
    // After: "killed (at least) N VICTIMS", "killing a soldier".
    for j in k + 1..(k + 4).min(ce) {
        if let Some(n) = doc.number_at[j] {
            let num = &doc.a.numbers[n as usize];
            let after = doc.token_at_or_after(num.span.end);
            return Some((num.value, victim_at(doc, after, ce)));
        }
        if doc.is(j, &["a", "an"]) && !doc.is(j + 1, &["number", "total", "dozen", "few"]) {
            return victim_at(doc, j + 1, ce).map(|v| (1, Some(v)));
        }
        if doc.is_punct(j) || doc.is(j, &["in", "on", "at", "by"]) {
            break;
        }
    }
    // Before: "N VICTIMS were killed", "N dead", "two deaths".
    let mut j = k;
    while j > cs && j + 6 > k {
        j -= 1;
        if let Some(n) = doc.number_at[j] {
            let num = &doc.a.numbers[n as usize];
            let after = doc.token_at_or_after(num.span.end);
            let victim = if after < k {
                victim_at(doc, after, k)
            } else {
                None
            };
            return Some((num.value, victim));
        }
        if doc.is_punct(j) {
            break;
        }
    }
    None
}

/// The victims named at token `i` ("civilians", "three Russian soldiers").
fn victim_at(doc: &Doc, i: usize, ce: usize) -> Option<Actor> {
    if i >= ce {
        return None;
    }
    if let Some((e, ent)) = doc.entity(i) {
        if matches!(ent.kind, EntityKind::Group | EntityKind::Person) {
            return Some(doc.actor_of(e));
        }
        if ent.kind == EntityKind::Nationality {
            // "38 Palestinians": a plural people's name is the victims.
            let text = ent.span.slice(doc.text);
            if text.ends_with('s') && !text.ends_with("ss") {
                return Some(Actor {
                    name: text.to_string(),
                    canonical: text.to_string(),
                    kind: ActorKind::Group,
                    country: ent.country.as_deref().map(str::to_string),
                    title: None,
                    span: ent.span,
                });
            }
            // "three Russian soldiers": the group word after the nationality.
            let next = doc.token_at_or_after(ent.span.end);
            return victim_at(doc, next, ce);
        }
    }
    let w = doc.word(i);
    let noun_like = doc.a.tokens[i].kind == crate::engine::analysis::TokenKind::Word
        && w.len() > 2
        && !doc.is(
            i,
            &[
                "people's", "were", "was", "and", "in", "on", "at", "of", "the", "more", "others",
                "other", "more", "while", "when",
            ],
        )
        && !doc.cues.is(WordRole::Kill, w)
        && !doc.cues.is(WordRole::Injure, w);
    noun_like.then(|| Actor {
        name: doc.raw(i).to_string(),
        canonical: w.to_string(),
        kind: ActorKind::Group,
        country: None,
        title: None,
        span: doc.span(i),
    })
}

/// Whether the word at `i`, just before a "by", is a past participle other than the trigger
/// ending at `trigger_last` whose agent is not the attacker: "positions held by militias", "a
/// town controlled by the rebels" (but "an attack carried out by", "claimed by", "led by").
fn other_participle(doc: &Doc, i: usize, trigger_last: usize) -> bool {
    // "The shooting was initiated by": the clause's own passive verb.
    if i <= trigger_last || doc.is(i - 1, &["was", "were", "is", "are", "been", "be"]) {
        return false;
    }
    let w = doc.word(i);
    let participle = w.ends_with("ed")
        || w.ends_with("en")
        || matches!(
            w,
            "held" | "run" | "built" | "hit" | "won" | "lost" | "kept" | "made"
        );
    participle
        && !matches!(
            w,
            "claimed"
                | "conducted"
                | "launched"
                | "led"
                | "orchestrated"
                | "staged"
                | "mounted"
                | "executed"
                | "perpetrated"
                | "ordered"
                | "planned"
                | "organized"
                | "organised"
                | "committed"
                | "carried"
                | "fired"
                | "directed"
        )
}
