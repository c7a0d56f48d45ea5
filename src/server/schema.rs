//! `DescribeSchema`: built once, from the engine's types and the protos' own descriptors.

use prost::Message;
use prost_types::FileDescriptorSet;

use crate::convert::{self, Limits};
use crate::engine::{self, Engine};
use crate::pb;

/// The schema this server answers `DescribeSchema` with.
pub fn describe(engine: &Engine, limits: &Limits) -> pb::DescribeSchemaResponse {
    let descriptors = FileDescriptorSet::decode(pb::FILE_DESCRIPTOR_SET)
        .expect("build.rs writes a valid descriptor set");
    let event_types = engine::EventType::ALL
        .into_iter()
        .map(|t| pb::EventTypeInfo {
            r#type: convert::event_type(t) as i32,
            name: t.name().to_string(),
            roles: roles(&descriptors, t),
            codes: engine
                .rules()
                .codes(t)
                .into_iter()
                .map(|c| pb::CameoCode {
                    cameo_code: c.code,
                    plover_type: c.plover,
                    description: c.description,
                })
                .collect(),
        })
        .collect();
    pb::DescribeSchemaResponse {
        api_version: pb::PACKAGE.to_string(),
        engine_version: engine::ENGINE_VERSION.to_string(),
        lexicon_version: engine.lexicon_version().to_string(),
        event_types,
        statuses: engine::Status::ALL
            .map(|s| convert::status(s) as i32)
            .to_vec(),
        actor_kinds: known(pb::ActorKind::try_from),
        weapons: known(pb::Weapon::try_from),
        stances: known(pb::Stance::try_from),
        proposal_kinds: known(pb::ProposalKind::try_from),
        precisions: known(pb::Precision::try_from),
        offset_units: known(pb::OffsetUnit::try_from),
        max_article_bytes: u32::try_from(limits.max_article_bytes).unwrap_or(u32::MAX),
    }
}

/// The values of a protobuf enum past its zero (unspecified) value, in order.
fn known<E>(from: fn(i32) -> Result<E, prost::UnknownEnumValue>) -> Vec<i32> {
    (1..).map_while(|n| from(n).ok().map(|_| n)).collect()
}

/// The roles of an event type: the fields of its detail message (`TalksDetail` for talks).
fn roles(descriptors: &FileDescriptorSet, t: engine::EventType) -> Vec<String> {
    let name = t.name();
    let message = format!("{}{}Detail", name[..1].to_uppercase(), &name[1..]);
    descriptors
        .file
        .iter()
        .filter(|f| f.package() == pb::PACKAGE)
        .flat_map(|f| &f.message_type)
        .find(|m| m.name() == message)
        .map(|m| m.field.iter().map(|f| f.name().to_string()).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_lists_roles_and_enums() {
        let engine = Engine::embedded().unwrap();
        let schema = describe(&engine, &Limits::default());
        let talks = &schema.event_types[0];
        assert_eq!(talks.name, "talks");
        assert_eq!(
            talks.roles,
            ["participants", "host", "mediator", "topics", "level"]
        );
        let strike = &schema.event_types[1];
        assert_eq!(strike.roles, ["attacker", "target", "weapon", "casualties"]);
        let assault = strike
            .codes
            .iter()
            .find(|c| c.cameo_code == "190")
            .expect("CAMEO 190");
        assert_eq!(assault.plover_type, "ASSAULT");
        assert_eq!(assault.description, "Use conventional military force");
        let proposal = &schema.event_types[3];
        assert!(
            proposal
                .codes
                .iter()
                .any(|c| c.cameo_code == "120" && c.plover_type == "REJECT")
        );
        assert_eq!(schema.statuses.len(), 5);
        assert_eq!(schema.weapons.len(), 11);
        assert_eq!(schema.offset_units, [1, 2, 3]);
        assert_eq!(schema.max_article_bytes, 1 << 20);
    }
}
