//! The engine's output types: events and their arguments, in byte offsets.
//!
//! These mirror `../shared/docs/event-model.md` (and `proto/sitrep/v1/`), but they are plain
//! Rust values: the transport layer converts them at the edge. Every [`Span`] counts UTF-8 bytes
//! into the article text as given; spans never carry text, the converter slices it.

use serde::Serialize;

/// A half-open byte range `[start, end)` into the article text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (byte offsets).
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True for a zero-length span.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The text this span covers in `text`.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// True when `other` lies inside `self`.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// The four event types the service extracts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum EventType {
    /// Negotiations or meetings that started or are scheduled.
    Talks,
    /// Attacks and air, drone, missile or artillery strikes.
    Strike,
    /// Someone said something.
    Statement,
    /// A ceasefire or peace proposal, with the responses to it.
    Proposal,
}

impl EventType {
    /// Every type, in the order of the contract.
    pub const ALL: [EventType; 4] = [
        EventType::Talks,
        EventType::Strike,
        EventType::Statement,
        EventType::Proposal,
    ];

    /// Lower-case name as used in lexicon files and the evaluation data.
    pub const fn name(self) -> &'static str {
        match self {
            EventType::Talks => "talks",
            EventType::Strike => "strike",
            EventType::Statement => "statement",
            EventType::Proposal => "proposal",
        }
    }

    /// Parses a lower-case name (`talks`, `strike`, `statement`, `proposal`).
    pub fn from_name(name: &str) -> Option<EventType> {
        EventType::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// Whether an event happened, is planned, hypothetical or denied.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Status {
    /// Happened or started.
    Occurred,
    /// Going on at the time of writing.
    Ongoing,
    /// Scheduled or announced for the future.
    Planned,
    /// Could, would, if, expected.
    Hypothetical,
    /// Did not happen, or was denied.
    Negated,
}

impl Status {
    /// Every status, in the order of the contract.
    pub const ALL: [Status; 5] = [
        Status::Occurred,
        Status::Ongoing,
        Status::Planned,
        Status::Hypothetical,
        Status::Negated,
    ];

    /// Upper-case name as in the contract.
    pub const fn name(self) -> &'static str {
        match self {
            Status::Occurred => "OCCURRED",
            Status::Ongoing => "ONGOING",
            Status::Planned => "PLANNED",
            Status::Hypothetical => "HYPOTHETICAL",
            Status::Negated => "NEGATED",
        }
    }
}

/// What kind of thing an [`Actor`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum ActorKind {
    /// A country or its government taken as a whole ("Russia", "Ukrainian").
    Country,
    /// A named or titled person.
    Person,
    /// An organization, institution or government body ("NATO", "the Kremlin").
    Organization,
    /// A non-state armed group ("Hamas", "FMLN").
    ArmedGroup,
    /// A news outlet or channel ("Fox News", "Facebook", "state TV").
    Media,
    /// An unnamed group of people ("officials", "civilians", "rebels").
    Group,
}

impl ActorKind {
    /// Upper-case name as in the contract.
    pub const fn name(self) -> &'static str {
        match self {
            ActorKind::Country => "COUNTRY",
            ActorKind::Person => "PERSON",
            ActorKind::Organization => "ORGANIZATION",
            ActorKind::ArmedGroup => "ARMED_GROUP",
            ActorKind::Media => "MEDIA",
            ActorKind::Group => "GROUP",
        }
    }
}

/// A participant in an event: who proposed, attacked, spoke, met.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Actor {
    /// The words of the article naming it ("Ukrainian Defence Minister Rustem Umerov", "he").
    pub name: String,
    /// Dictionary name ("Rustem Umerov", "Russia"); equal to `name` when unknown.
    pub canonical: String,
    /// What kind of actor this is.
    pub kind: ActorKind,
    /// ISO 3166-1 alpha-3 code of its country, when known.
    pub country: Option<String>,
    /// Title or role ("Defence Minister", "special envoy", "spokesman"), when known.
    pub title: Option<String>,
    /// Where the article names it (the mention nearest the event).
    pub span: Span,
}

/// Where an event took place.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Place {
    /// The words of the article ("the Ukrainian capital", "Riyadh").
    pub name: String,
    /// Gazetteer name ("Kyiv"); equal to `name` when unknown.
    pub canonical: String,
    /// ISO 3166-1 alpha-3 code of its country, when known.
    pub country: Option<String>,
    /// Where the article names it.
    pub span: Span,
}

/// How precise a resolved date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Precision {
    /// A time of day ("Sunday evening", "at 10 a.m.").
    TimeOfDay,
    /// A calendar day.
    Day,
    /// A week ("last week").
    Week,
    /// A month ("this month", "March 2025").
    Month,
    /// A year ("in 2014").
    Year,
    /// A length of time rather than a point ("30-day", "three-year").
    Duration,
}

impl Precision {
    /// Upper-case name as in the contract.
    pub const fn name(self) -> &'static str {
        match self {
            Precision::TimeOfDay => "TIME_OF_DAY",
            Precision::Day => "DAY",
            Precision::Week => "WEEK",
            Precision::Month => "MONTH",
            Precision::Year => "YEAR",
            Precision::Duration => "DURATION",
        }
    }
}

/// When an event happened, as written and resolved against the dateline.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TimeRef {
    /// The words of the article ("on Sunday (Mar 23)").
    pub text: String,
    /// The resolved date (first day of the week, month or year for coarser precisions); `None`
    /// when it cannot be resolved (a relative date without a dateline).
    #[serde(serialize_with = "serialize_date")]
    pub date: Option<jiff::civil::Date>,
    /// How precise `date` is.
    pub precision: Precision,
    /// Where the article says it.
    pub span: Span,
}

/// Serializes an optional civil date as `YYYY-MM-DD` (or null).
pub(crate) fn serialize_date<S: serde::Serializer>(
    date: &Option<jiff::civil::Date>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match date {
        Some(d) => s.serialize_some(&d.to_string()),
        None => s.serialize_none(),
    }
}

/// The means of a strike.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Weapon {
    /// Drones, UAVs.
    Drone,
    /// Missiles, cruise or ballistic.
    Missile,
    /// Air strikes, air raids, warplanes, helicopters.
    Airstrike,
    /// Artillery, shelling, mortars, tanks.
    Artillery,
    /// Rockets, RPGs.
    Rocket,
    /// Bombs, explosives, IEDs, mines, grenades.
    Bomb,
    /// Guns, rifles, shooting.
    Gunfire,
    /// Chemical agents, gas.
    Chemical,
    /// Knives, blades, machetes.
    Knife,
    /// Warships, torpedoes.
    Naval,
    /// Arson, incendiaries.
    Arson,
}

impl Weapon {
    /// Every weapon, in the order of the contract.
    pub const ALL: [Weapon; 11] = [
        Weapon::Drone,
        Weapon::Missile,
        Weapon::Airstrike,
        Weapon::Artillery,
        Weapon::Rocket,
        Weapon::Bomb,
        Weapon::Gunfire,
        Weapon::Chemical,
        Weapon::Knife,
        Weapon::Naval,
        Weapon::Arson,
    ];

    /// Upper-case name as in the contract.
    pub const fn name(self) -> &'static str {
        match self {
            Weapon::Drone => "DRONE",
            Weapon::Missile => "MISSILE",
            Weapon::Airstrike => "AIRSTRIKE",
            Weapon::Artillery => "ARTILLERY",
            Weapon::Rocket => "ROCKET",
            Weapon::Bomb => "BOMB",
            Weapon::Gunfire => "GUNFIRE",
            Weapon::Chemical => "CHEMICAL",
            Weapon::Knife => "KNIFE",
            Weapon::Naval => "NAVAL",
            Weapon::Arson => "ARSON",
        }
    }

    /// Parses an upper-case name.
    pub fn from_name(name: &str) -> Option<Weapon> {
        Weapon::ALL.into_iter().find(|w| w.name() == name)
    }
}

/// People killed and injured by a strike.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Casualties {
    /// Number killed, when the article gives one.
    pub killed: Option<u64>,
    /// Number injured, when the article gives one.
    pub injured: Option<u64>,
    /// Who the victims were ("civilians", "a soldier").
    pub victims: Vec<Actor>,
}

/// What a strike's target was: someone, or somewhere.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Target {
    /// A person, group, organization or country.
    Actor(Actor),
    /// A place ("the Ukrainian capital").
    Place(Place),
}

/// Arguments of a talks event.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Talks {
    /// Who takes part.
    pub participants: Vec<Actor>,
    /// Who hosts, when said.
    pub host: Option<Actor>,
    /// Who mediates, when said.
    pub mediator: Option<Actor>,
    /// What the talks are about ("a partial ceasefire").
    pub topics: Vec<String>,
    /// Level of the talks ("technical-level", "summit").
    pub level: Option<String>,
}

/// Arguments of a strike event.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Strike {
    /// Who attacked.
    pub attacker: Option<Actor>,
    /// What or whom the strike hit.
    pub target: Option<Target>,
    /// By what means.
    pub weapon: Option<Weapon>,
    /// Who was killed or hurt.
    pub casualties: Casualties,
}

/// Arguments of a statement event.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Statement {
    /// Who spoke.
    pub speaker: Option<Actor>,
    /// The verbatim quote, without quote marks (direct speech).
    pub quote: Option<String>,
    /// Where the quote stands.
    pub quote_span: Option<Span>,
    /// True for quoted speech, false for reported speech.
    pub direct: bool,
    /// What was said, for reported speech ("that talks were just beginning").
    pub content: Option<String>,
    /// Where the reported content stands.
    pub content_span: Option<Span>,
    /// The medium ("Facebook", "Fox News", "Russian state TV").
    pub channel: Option<Actor>,
}

/// The kind of thing proposed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum ProposalKind {
    /// A ceasefire, truce, pause or halt in fighting.
    Ceasefire,
    /// A peace plan, deal or settlement.
    PeacePlan,
    /// A proposal to hold talks.
    Talks,
    /// Anything else.
    Other,
}

impl ProposalKind {
    /// Upper-case name as in the contract.
    pub const fn name(self) -> &'static str {
        match self {
            ProposalKind::Ceasefire => "CEASEFIRE",
            ProposalKind::PeacePlan => "PEACE_PLAN",
            ProposalKind::Talks => "TALKS",
            ProposalKind::Other => "OTHER",
        }
    }
}

/// How an actor responded to a proposal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Stance {
    /// Accepted, agreed to, welcomed.
    Accepted,
    /// Rejected, dismissed, refused.
    Rejected,
    /// Answered with a proposal of its own.
    CounterProposed,
    /// Is considering, studying.
    Considering,
}

impl Stance {
    /// Upper-case name as in the contract.
    pub const fn name(self) -> &'static str {
        match self {
            Stance::Accepted => "ACCEPTED",
            Stance::Rejected => "REJECTED",
            Stance::CounterProposed => "COUNTER_PROPOSED",
            Stance::Considering => "CONSIDERING",
        }
    }
}

/// One actor's response to a proposal.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Response {
    /// Who responded.
    pub actor: Actor,
    /// How.
    pub stance: Stance,
    /// The word(s) of the response ("rejected").
    pub trigger: Span,
}

/// Arguments of a proposal event.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Proposal {
    /// Who proposed.
    pub proposers: Vec<Actor>,
    /// What was proposed ("a full and immediate 30-day pause").
    pub content: Option<String>,
    /// Where the content stands.
    pub content_span: Option<Span>,
    /// What kind of proposal.
    pub kind: ProposalKind,
    /// Length in days, for a time-limited ceasefire.
    pub duration_days: Option<u32>,
    /// Who accepted or rejected it.
    pub responses: Vec<Response>,
}

/// The type-specific arguments of an event.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Detail {
    /// For [`EventType::Talks`].
    Talks(Talks),
    /// For [`EventType::Strike`].
    Strike(Strike),
    /// For [`EventType::Statement`].
    Statement(Statement),
    /// For [`EventType::Proposal`].
    Proposal(Proposal),
}

impl Detail {
    /// The event type this detail belongs to.
    pub const fn event_type(&self) -> EventType {
        match self {
            Detail::Talks(_) => EventType::Talks,
            Detail::Strike(_) => EventType::Strike,
            Detail::Statement(_) => EventType::Statement,
            Detail::Proposal(_) => EventType::Proposal,
        }
    }
}

/// One event found in an article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Event {
    /// Deterministic id: the same article id, text and engine version give the same id.
    pub id: String,
    /// Happened, planned, hypothetical or denied.
    pub status: Status,
    /// The word(s) naming the event.
    pub trigger: Span,
    /// Further mentions of the same event, merged.
    pub mentions: Vec<Span>,
    /// The sentence of the trigger: the evidence a reader checks. In a sentence longer than
    /// [`crate::engine::EVIDENCE_WINDOW`] × 2 bytes, the whole tokens within that many bytes of
    /// the trigger, so that an answer does not repeat a huge sentence for every event.
    pub sentence: Span,
    /// When.
    pub time: Option<TimeRef>,
    /// Where.
    pub place: Option<Place>,
    /// Who the article credits ("according to officials").
    pub reported_by: Option<Actor>,
    /// 0..1: higher for explicit patterns than for weak cues.
    pub confidence: f32,
    /// Nearest CAMEO code.
    pub cameo_code: String,
    /// PLOVER category.
    pub plover_type: String,
    /// Type-specific arguments.
    pub detail: Detail,
}

impl Event {
    /// The event type, from its detail.
    pub const fn event_type(&self) -> EventType {
        self.detail.event_type()
    }
}
