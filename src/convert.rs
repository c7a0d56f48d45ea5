//! The edge between the engine and the API: request validation, and engine types to protobuf
//! types with span offsets in the unit the caller asked for.
//!
//! The engine counts UTF-8 bytes; [`OffsetIndex`] converts every offset of one article with a
//! single byte → unit table, built once per article.

use std::time::Instant;

use crate::engine::{self, Engine};
use crate::error::Error;
use crate::pb;

/// The default largest article text, in UTF-8 bytes (1 MiB).
pub const DEFAULT_MAX_ARTICLE_BYTES: usize = 1 << 20;

/// The most sentence and trigger text one article's answer may carry, in bytes (64 MiB). Every
/// event repeats its sentence, so a long text without sentence ends and dense in trigger words
/// would otherwise be answered with gigabytes; refused instead (`Error::AnswerTooLarge`).
pub const MAX_ANSWER_BYTES: usize = 64 << 20;

/// Limits a request must keep to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest article text in UTF-8 bytes; at most `u32::MAX`, as spans carry `uint32`.
    pub max_article_bytes: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_article_bytes: DEFAULT_MAX_ARTICLE_BYTES,
        }
    }
}

/// A validated request: what the engine needs, and the options to apply to its output.
#[derive(Clone, Debug)]
pub struct Request {
    /// The caller's article id.
    pub article_id: String,
    /// The article text.
    pub text: String,
    /// The parsed `published_date`.
    pub published: Option<jiff::civil::Date>,
    /// Event types wanted; empty means all.
    pub types: Vec<engine::EventType>,
    /// Events below this confidence are left out.
    pub min_confidence: f32,
    /// The unit of span offsets in the response.
    pub offset_unit: pb::OffsetUnit,
}

/// Checks a request against the contract and `limits`.
pub fn validate(request: pb::ExtractRequest, limits: &Limits) -> Result<Request, Error> {
    let article = request.article.ok_or(Error::MissingArticle)?;
    let options = request.options.unwrap_or_default();
    let limit = limits.max_article_bytes.min(u32::MAX as usize);
    if article.text.len() > limit {
        return Err(Error::ArticleTooLarge {
            bytes: article.text.len(),
            limit,
        });
    }
    let published = match article.published_date.as_str() {
        "" => None,
        date => Some(engine::parse_date(date)?),
    };
    let language = article.language.to_ascii_lowercase();
    if !(language.is_empty() || language == "en" || language.starts_with("en-")) {
        return Err(Error::UnsupportedLanguage(article.language));
    }
    if !(0.0..=1.0).contains(&options.min_confidence) {
        return Err(Error::BadMinConfidence(options.min_confidence));
    }
    let types = options
        .types
        .iter()
        .enumerate()
        .map(|(index, &value)| {
            pb::EventType::try_from(value)
                .ok()
                .and_then(engine_event_type)
                .ok_or(Error::BadEventType { index, value })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let offset_unit = pb::OffsetUnit::try_from(options.offset_unit)
        .map_err(|_| Error::BadOffsetUnit(options.offset_unit))?;
    Ok(Request {
        article_id: article.id,
        text: article.text,
        published,
        types,
        min_confidence: options.min_confidence,
        offset_unit,
    })
}

/// The answer for one article: its events in text order of their triggers, and the summary.
#[derive(Clone, Debug, PartialEq)]
pub struct Output {
    /// Events that passed the request's type and confidence filters.
    pub events: Vec<pb::Event>,
    /// Counts, versions and time taken.
    pub summary: pb::Summary,
}

/// Runs the engine on a validated request and converts its events (blocking: CPU-bound); fails
/// when the answer would carry more than [`MAX_ANSWER_BYTES`].
pub fn extract(engine: &Engine, request: &Request) -> Result<Output, Error> {
    let started = Instant::now();
    let article = engine::Article {
        id: &request.article_id,
        text: &request.text,
        published: request.published,
    };
    let extraction = engine.extract(&article);
    let mut wanted: Vec<&engine::Event> = extraction
        .events
        .iter()
        .filter(|e| request.types.is_empty() || request.types.contains(&e.event_type()))
        .filter(|e| e.confidence >= request.min_confidence)
        .collect();
    wanted.sort_by_key(|e| (e.trigger.start, e.trigger.end));
    let answer_bytes: usize = wanted
        .iter()
        .map(|e| span_bytes(e.sentence) + span_bytes(e.trigger))
        .sum();
    if answer_bytes > MAX_ANSWER_BYTES {
        return Err(Error::AnswerTooLarge {
            article_id: request.article_id.clone(),
            bytes: answer_bytes,
            limit: MAX_ANSWER_BYTES,
        });
    }
    let index = OffsetIndex::new(&request.text, request.offset_unit);
    let events: Vec<pb::Event> = wanted.into_iter().map(|e| index.event(e)).collect();

    let event_counts = engine::EventType::ALL
        .into_iter()
        .filter_map(|t| {
            let count = events
                .iter()
                .filter(|e| e.r#type == event_type(t) as i32)
                .count();
            (count > 0).then(|| pb::EventTypeCount {
                r#type: event_type(t) as i32,
                count: saturate(count),
            })
        })
        .collect();
    let summary = pb::Summary {
        event_counts,
        event_count: saturate(events.len()),
        sentence_count: saturate(extraction.sentence_count),
        char_count: saturate(extraction.char_count),
        engine_version: engine::ENGINE_VERSION.to_string(),
        lexicon_version: engine.lexicon_version().to_string(),
        processing_time: Some(started.elapsed().into()),
    };
    Ok(Output { events, summary })
}

fn span_bytes(span: engine::Span) -> usize {
    span.end.saturating_sub(span.start)
}

fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Byte offsets of one article's text to offsets in the requested unit.
#[derive(Debug)]
pub struct OffsetIndex<'t> {
    text: &'t str,
    /// For every byte of the text and one past its end, the units before the character holding
    /// it; `None` for UTF-8 bytes, where the offset is the byte itself.
    units: Option<Vec<u32>>,
}

impl<'t> OffsetIndex<'t> {
    /// Builds the table for `text` (nothing to build for UTF-8 bytes).
    pub fn new(text: &'t str, unit: pb::OffsetUnit) -> OffsetIndex<'t> {
        let width: fn(char) -> u32 = match unit {
            pb::OffsetUnit::Unspecified | pb::OffsetUnit::Utf8Byte => {
                return OffsetIndex { text, units: None };
            }
            pb::OffsetUnit::Utf16CodeUnit => |c| c.len_utf16() as u32,
            pb::OffsetUnit::CodePoint => |_| 1,
        };
        let mut units = Vec::with_capacity(text.len() + 1);
        let mut n = 0u32;
        for c in text.chars() {
            units.extend(std::iter::repeat_n(n, c.len_utf8()));
            n += width(c);
        }
        units.push(n);
        OffsetIndex {
            text,
            units: Some(units),
        }
    }

    /// The offset of byte `byte` in the requested unit.
    pub fn offset(&self, byte: usize) -> u32 {
        match &self.units {
            None => saturate(byte),
            Some(units) => units[byte.min(units.len() - 1)],
        }
    }

    /// A span with offsets in the requested unit and the text it covers. (A span off character
    /// boundaries, an engine bug, gets empty text rather than bringing the server down.)
    pub fn span(&self, span: engine::Span) -> pb::Span {
        pb::Span {
            start: self.offset(span.start),
            end: self.offset(span.end),
            text: self
                .text
                .get(span.start..span.end)
                .unwrap_or_default()
                .to_string(),
        }
    }

    fn opt_span(&self, span: Option<engine::Span>) -> Option<pb::Span> {
        span.map(|s| self.span(s))
    }

    /// Converts one event.
    pub fn event(&self, e: &engine::Event) -> pb::Event {
        pb::Event {
            id: e.id.clone(),
            r#type: event_type(e.event_type()) as i32,
            status: status(e.status) as i32,
            trigger: Some(self.span(e.trigger)),
            mentions: e.mentions.iter().map(|&s| self.span(s)).collect(),
            time: e.time.as_ref().map(|t| self.time(t)),
            place: e.place.as_ref().map(|p| self.place(p)),
            reported_by: e.reported_by.as_ref().map(|a| self.actor(a)),
            confidence: e.confidence,
            cameo_code: e.cameo_code.clone(),
            plover_type: e.plover_type.clone(),
            sentence: Some(self.span(e.sentence)),
            detail: Some(self.detail(&e.detail)),
        }
    }

    fn actor(&self, a: &engine::Actor) -> pb::Actor {
        pb::Actor {
            name: a.name.clone(),
            canonical: a.canonical.clone(),
            kind: actor_kind(a.kind) as i32,
            country: a.country.clone().unwrap_or_default(),
            title: a.title.clone().unwrap_or_default(),
            span: Some(self.span(a.span)),
        }
    }

    fn actors(&self, actors: &[engine::Actor]) -> Vec<pb::Actor> {
        actors.iter().map(|a| self.actor(a)).collect()
    }

    fn place(&self, p: &engine::Place) -> pb::Place {
        pb::Place {
            name: p.name.clone(),
            canonical: p.canonical.clone(),
            country: p.country.clone().unwrap_or_default(),
            span: Some(self.span(p.span)),
        }
    }

    fn time(&self, t: &engine::TimeRef) -> pb::TimeRef {
        pb::TimeRef {
            text: t.text.clone(),
            date: t.date.map(|d| d.to_string()).unwrap_or_default(),
            precision: precision(t.precision) as i32,
            span: Some(self.span(t.span)),
        }
    }

    fn detail(&self, detail: &engine::Detail) -> pb::event::Detail {
        use pb::event::Detail;
        match detail {
            engine::Detail::Talks(t) => Detail::Talks(pb::TalksDetail {
                participants: self.actors(&t.participants),
                host: t.host.as_ref().map(|a| self.actor(a)),
                mediator: t.mediator.as_ref().map(|a| self.actor(a)),
                topics: t.topics.clone(),
                level: t.level.clone().unwrap_or_default(),
            }),
            engine::Detail::Strike(s) => Detail::Strike(pb::StrikeDetail {
                attacker: s.attacker.as_ref().map(|a| self.actor(a)),
                target: s.target.as_ref().map(|t| pb::Target {
                    target: Some(match t {
                        engine::Target::Actor(a) => pb::target::Target::Actor(self.actor(a)),
                        engine::Target::Place(p) => pb::target::Target::Place(self.place(p)),
                    }),
                }),
                weapon: s.weapon.map_or(pb::Weapon::Unspecified, weapon) as i32,
                casualties: Some(pb::Casualties {
                    killed: s.casualties.killed.map(saturate_u64),
                    injured: s.casualties.injured.map(saturate_u64),
                    victims: self.actors(&s.casualties.victims),
                }),
            }),
            engine::Detail::Statement(s) => Detail::Statement(pb::StatementDetail {
                speaker: s.speaker.as_ref().map(|a| self.actor(a)),
                quote: s.quote.clone().unwrap_or_default(),
                quote_span: self.opt_span(s.quote_span),
                direct: s.direct,
                content: s.content.clone().unwrap_or_default(),
                content_span: self.opt_span(s.content_span),
                channel: s.channel.as_ref().map(|a| self.actor(a)),
            }),
            engine::Detail::Proposal(p) => Detail::Proposal(pb::ProposalDetail {
                proposers: self.actors(&p.proposers),
                content: p.content.clone().unwrap_or_default(),
                content_span: self.opt_span(p.content_span),
                kind: proposal_kind(p.kind) as i32,
                duration_days: p.duration_days,
                responses: p
                    .responses
                    .iter()
                    .map(|r| pb::Response {
                        actor: Some(self.actor(&r.actor)),
                        stance: stance(r.stance) as i32,
                        trigger: Some(self.span(r.trigger)),
                    })
                    .collect(),
            }),
        }
    }
}

fn saturate_u64(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The API's name for an engine event type.
pub fn event_type(t: engine::EventType) -> pb::EventType {
    match t {
        engine::EventType::Talks => pb::EventType::Talks,
        engine::EventType::Strike => pb::EventType::Strike,
        engine::EventType::Statement => pb::EventType::Statement,
        engine::EventType::Proposal => pb::EventType::Proposal,
    }
}

/// The engine's event type for an API one; `None` for `EVENT_TYPE_UNSPECIFIED`.
pub fn engine_event_type(t: pb::EventType) -> Option<engine::EventType> {
    engine::EventType::ALL
        .into_iter()
        .find(|&e| event_type(e) == t)
}

/// The API's name for an engine status.
pub fn status(s: engine::Status) -> pb::EventStatus {
    match s {
        engine::Status::Occurred => pb::EventStatus::Occurred,
        engine::Status::Ongoing => pb::EventStatus::Ongoing,
        engine::Status::Planned => pb::EventStatus::Planned,
        engine::Status::Hypothetical => pb::EventStatus::Hypothetical,
        engine::Status::Negated => pb::EventStatus::Negated,
    }
}

/// The API's name for an engine actor kind.
pub fn actor_kind(k: engine::ActorKind) -> pb::ActorKind {
    match k {
        engine::ActorKind::Country => pb::ActorKind::Country,
        engine::ActorKind::Person => pb::ActorKind::Person,
        engine::ActorKind::Organization => pb::ActorKind::Organization,
        engine::ActorKind::ArmedGroup => pb::ActorKind::ArmedGroup,
        engine::ActorKind::Media => pb::ActorKind::Media,
        engine::ActorKind::Group => pb::ActorKind::Group,
    }
}

/// The API's name for an engine date precision.
pub fn precision(p: engine::Precision) -> pb::Precision {
    match p {
        engine::Precision::TimeOfDay => pb::Precision::TimeOfDay,
        engine::Precision::Day => pb::Precision::Day,
        engine::Precision::Week => pb::Precision::Week,
        engine::Precision::Month => pb::Precision::Month,
        engine::Precision::Year => pb::Precision::Year,
        engine::Precision::Duration => pb::Precision::Duration,
    }
}

/// The API's name for an engine weapon.
pub fn weapon(w: engine::Weapon) -> pb::Weapon {
    match w {
        engine::Weapon::Drone => pb::Weapon::Drone,
        engine::Weapon::Missile => pb::Weapon::Missile,
        engine::Weapon::Airstrike => pb::Weapon::Airstrike,
        engine::Weapon::Artillery => pb::Weapon::Artillery,
        engine::Weapon::Rocket => pb::Weapon::Rocket,
        engine::Weapon::Bomb => pb::Weapon::Bomb,
        engine::Weapon::Gunfire => pb::Weapon::Gunfire,
        engine::Weapon::Chemical => pb::Weapon::Chemical,
        engine::Weapon::Knife => pb::Weapon::Knife,
        engine::Weapon::Naval => pb::Weapon::Naval,
        engine::Weapon::Arson => pb::Weapon::Arson,
    }
}

/// The API's name for an engine proposal kind.
pub fn proposal_kind(k: engine::ProposalKind) -> pb::ProposalKind {
    match k {
        engine::ProposalKind::Ceasefire => pb::ProposalKind::Ceasefire,
        engine::ProposalKind::PeacePlan => pb::ProposalKind::PeacePlan,
        engine::ProposalKind::Talks => pb::ProposalKind::Talks,
        engine::ProposalKind::Other => pb::ProposalKind::Other,
    }
}

/// The API's name for an engine stance.
pub fn stance(s: engine::Stance) -> pb::Stance {
    match s {
        engine::Stance::Accepted => pb::Stance::Accepted,
        engine::Stance::Rejected => pb::Stance::Rejected,
        engine::Stance::CounterProposed => pb::Stance::CounterProposed,
        engine::Stance::Considering => pb::Stance::Considering,
    }
}

impl From<pb::Article> for pb::ExtractRequest {
    fn from(article: pb::Article) -> pb::ExtractRequest {
        pb::ExtractRequest {
            article: Some(article),
            options: None,
        }
    }
}

/// An article from a plain-text file: a leading `date YYYY-MM-DD` header, if any, becomes
/// `published_date` and is stripped from the text (see the event model).
pub fn plain_text_article(id: &str, raw: &str) -> pb::Article {
    let (published_date, text) = split_date_header(raw);
    pb::Article {
        id: id.to_string(),
        text: text.to_string(),
        published_date: published_date.unwrap_or_default().to_string(),
        ..Default::default()
    }
}

/// Splits off a leading `date YYYY-MM-DD` (after optional white space) and the white space
/// after it: `(Some("2025-03-23"), rest)`, or `(None, raw)` when there is no such header.
pub fn split_date_header(raw: &str) -> (Option<&str>, &str) {
    let Some(after) = raw.trim_start().strip_prefix("date") else {
        return (None, raw);
    };
    let value = after.trim_start();
    if value.len() == after.len() || value.len() < 10 || !value.is_char_boundary(10) {
        return (None, raw);
    }
    let (date, rest) = value.split_at(10);
    let shaped = date.bytes().enumerate().all(|(i, b)| {
        if i == 4 || i == 7 {
            b == b'-'
        } else {
            b.is_ascii_digit()
        }
    });
    let ends = rest.chars().next().is_none_or(char::is_whitespace);
    if shaped && ends {
        (Some(date), rest.trim_start())
    } else {
        (None, raw)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(text: &str) -> pb::ExtractRequest {
        pb::Article {
            id: "a".into(),
            text: text.into(),
            ..Default::default()
        }
        .into()
    }

    #[test]
    fn date_header() {
        assert_eq!(
            split_date_header(" date 2025-03-23 Ukraine and"),
            (Some("2025-03-23"), "Ukraine and")
        );
        assert_eq!(
            split_date_header("date 2025-03-23\n\nText"),
            (Some("2025-03-23"), "Text")
        );
        assert_eq!(
            split_date_header("date 2025-03-23"),
            (Some("2025-03-23"), "")
        );
        for raw in [
            "date night in Kyiv",
            "dated 2025-03-23 x",
            "date 2025-03-234",
            "date 2025-03-2é",
            "Text",
            "",
        ] {
            assert_eq!(split_date_header(raw), (None, raw), "{raw:?}");
        }
        let article = plain_text_article("f.txt", "date 2025-03-23 Talks began.");
        assert_eq!(
            (article.text.as_str(), article.published_date.as_str()),
            ("Talks began.", "2025-03-23")
        );
    }

    fn actor(text: &str, name: &str, kind: engine::ActorKind) -> engine::Actor {
        let start = text.find(name).unwrap();
        engine::Actor {
            name: name.into(),
            canonical: name.into(),
            kind,
            country: Some("RUS".into()),
            title: None,
            span: engine::Span::new(start, start + name.len()),
        }
    }

    fn event(text: &str, trigger: &str, confidence: f32, detail: engine::Detail) -> engine::Event {
        let start = text.find(trigger).unwrap();
        engine::Event {
            id: format!("e-{start}"),
            status: engine::Status::Occurred,
            trigger: engine::Span::new(start, start + trigger.len()),
            mentions: Vec::new(),
            sentence: engine::Span::new(0, text.len()),
            time: None,
            place: None,
            reported_by: None,
            confidence,
            cameo_code: "190".into(),
            plover_type: "ATTACK".into(),
            detail,
        }
    }

    #[test]
    fn events_convert_with_offsets_in_the_requested_unit() {
        let text =
            "Émigrés 😀 say a Russian drone strike on Kyiv killed 3; Putin rejected the truce.";
        let strike = engine::Strike {
            attacker: Some(actor(text, "Russian", engine::ActorKind::Country)),
            target: Some(engine::Target::Place(engine::Place {
                name: "Kyiv".into(),
                canonical: "Kyiv".into(),
                country: Some("UKR".into()),
                span: engine::Span::new(text.find("Kyiv").unwrap(), text.find("Kyiv").unwrap() + 4),
            })),
            weapon: Some(engine::Weapon::Drone),
            casualties: engine::Casualties {
                killed: Some(3),
                injured: None,
                victims: Vec::new(),
            },
        };
        let putin = actor(text, "Putin", engine::ActorKind::Person);
        let rejected = text.find("rejected").unwrap();
        let proposal = engine::Proposal {
            proposers: Vec::new(),
            content: Some("the truce".into()),
            content_span: None,
            kind: engine::ProposalKind::Ceasefire,
            duration_days: Some(30),
            responses: vec![engine::Response {
                actor: putin,
                stance: engine::Stance::Rejected,
                trigger: engine::Span::new(rejected, rejected + "rejected".len()),
            }],
        };
        let events = [
            event(text, "truce", 0.9, engine::Detail::Proposal(proposal)),
            event(text, "strike", 0.6, engine::Detail::Strike(strike)),
        ];
        for unit in [
            pb::OffsetUnit::Utf8Byte,
            pb::OffsetUnit::Utf16CodeUnit,
            pb::OffsetUnit::CodePoint,
        ] {
            let index = OffsetIndex::new(text, unit);
            for e in &events {
                let converted = index.event(e);
                let trigger = converted.trigger.as_ref().unwrap();
                let expected = match unit {
                    pb::OffsetUnit::CodePoint => text[..e.trigger.start].chars().count(),
                    pb::OffsetUnit::Utf16CodeUnit => text[..e.trigger.start].encode_utf16().count(),
                    _ => e.trigger.start,
                };
                assert_eq!(trigger.start as usize, expected, "{unit:?}");
                assert_eq!(trigger.text, e.trigger.slice(text));
            }
        }

        let json = serde_json::to_value(
            OffsetIndex::new(text, pb::OffsetUnit::CodePoint).event(&events[1]),
        )
        .unwrap();
        assert_eq!(json["type"], "EVENT_TYPE_STRIKE");
        assert_eq!(json["status"], "EVENT_STATUS_OCCURRED");
        assert_eq!(json["cameoCode"], "190");
        let strike = &json["strike"];
        assert_eq!(strike["weapon"], "WEAPON_DRONE");
        assert_eq!(strike["casualties"]["killed"], 3);
        assert_eq!(strike["attacker"]["kind"], "ACTOR_KIND_COUNTRY");
        assert_eq!(strike["target"]["place"]["name"], "Kyiv");
        assert_eq!(strike["target"]["place"]["span"]["start"], 40);

        let json = serde_json::to_value(
            OffsetIndex::new(text, pb::OffsetUnit::Utf8Byte).event(&events[0]),
        )
        .unwrap();
        let proposal = &json["proposal"];
        assert_eq!(proposal["kind"], "PROPOSAL_KIND_CEASEFIRE");
        assert_eq!(proposal["durationDays"], 30);
        assert_eq!(proposal["responses"][0]["stance"], "STANCE_REJECTED");
        assert_eq!(proposal["responses"][0]["trigger"]["text"], "rejected");
    }

    #[test]
    fn offsets_in_each_unit() {
        // "é" is 2 bytes, 1 UTF-16 unit, 1 code point; "😀" is 4 bytes, 2 units, 1 code point.
        let text = "é😀x";
        let x = engine::Span::new(6, 7);
        let cases = [
            (pb::OffsetUnit::Unspecified, 6),
            (pb::OffsetUnit::Utf8Byte, 6),
            (pb::OffsetUnit::Utf16CodeUnit, 3),
            (pb::OffsetUnit::CodePoint, 2),
        ];
        for (unit, start) in cases {
            let span = OffsetIndex::new(text, unit).span(x);
            assert_eq!(
                (span.start, span.end, span.text.as_str()),
                (start, start + 1, "x"),
                "{unit:?}"
            );
        }
    }

    #[test]
    fn span_off_char_boundaries_has_empty_text() {
        let span = OffsetIndex::new("é", pb::OffsetUnit::CodePoint).span(engine::Span::new(1, 2));
        assert_eq!((span.start, span.end, span.text.as_str()), (0, 1, ""));
    }

    #[test]
    fn validation_names_field_and_limit() {
        let limits = Limits {
            max_article_bytes: 4,
        };
        let err = validate(request("12345"), &limits).unwrap_err();
        assert_eq!(err.to_string(), "article.text is 5 bytes; the limit is 4");

        let mut bad_date = request("x");
        bad_date.article.as_mut().unwrap().published_date = "2025-02-30".into();
        let err = validate(bad_date, &limits).unwrap_err();
        assert_eq!(
            err.to_string(),
            "article.published_date \"2025-02-30\" is not a calendar date in the form YYYY-MM-DD"
        );

        let mut bad_type = request("x");
        bad_type.options = Some(pb::ExtractOptions {
            types: vec![1, 0],
            ..Default::default()
        });
        let err = validate(bad_type, &limits).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("options.types[1] is EVENT_TYPE_UNSPECIFIED; expected one of")
        );

        let no_article = pb::ExtractRequest::default();
        assert_eq!(
            validate(no_article, &limits).unwrap_err(),
            Error::MissingArticle
        );
    }

    #[test]
    fn validation_accepts_english_and_blank_text() {
        for language in ["", "en", "EN-us"] {
            let mut req = request("  \n");
            req.article.as_mut().unwrap().language = language.into();
            assert!(validate(req, &Limits::default()).is_ok(), "{language}");
        }
        let mut req = request("x");
        req.article.as_mut().unwrap().language = "fr".into();
        assert_eq!(
            validate(req, &Limits::default()).unwrap_err().field(),
            "article.language"
        );
    }

    #[test]
    fn blank_text_gives_an_empty_summary() {
        let engine = Engine::embedded().unwrap();
        let req = validate(request(" \n "), &Limits::default()).unwrap();
        let out = extract(&engine, &req).unwrap();
        assert!(out.events.is_empty());
        assert_eq!(out.summary.event_count, 0);
        assert_eq!(out.summary.engine_version, engine::ENGINE_VERSION);
    }
}
