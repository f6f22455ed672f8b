//! Logboek Dataverwerkingen (Logius): the trace context of a processing and what one record of
//! it holds beside the audit facts.
//!
//! A request is one action (*Actie*) with its own span id inside a trace. The trace comes from
//! the caller's W3C `traceparent` header when it sends one: a caller of our own organisation
//! continues its trace and its span becomes our `parent_span_id`; a caller of another
//! organisation (a client with `externe_organisatie`) is named as `foreign_operation` and we start
//! a trace of our own, as the standard asks. Every call we make on the request's behalf carries
//! our span as its parent ([`Trace::traceparent`]).
//!
//! The data subject (a BSN) is never stored: a record holds an HMAC of it under the audit key
//! ([`crate::audit`] keys it before anything is written), so a citizen's own records are found by
//! keying their BSN the same way, and nobody reading the table learns whose they are.

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The W3C Trace Context request header.
pub const TRACEPARENT: &str = "traceparent";

/// A 16-byte trace id, written as 32 lowercase hex digits.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct TraceId([u8; 16]);

/// An 8-byte span (action) id, written as 16 lowercase hex digits.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct SpanId([u8; 8]);

fn random_bytes() -> [u8; 16] {
    // a v4 UUID is 122 random bits from the operating system's generator
    *uuid::Uuid::new_v4().as_bytes()
}

impl TraceId {
    /// A new random trace id.
    pub fn random() -> Self {
        TraceId(random_bytes())
    }
}

impl SpanId {
    /// A new random span id.
    pub fn random() -> Self {
        let b = random_bytes();
        // the UUID's fully random bytes (byte 6 holds the version, byte 8 the variant)
        SpanId([b[0], b[1], b[2], b[3], b[4], b[5], b[7], b[9]])
    }
}

macro_rules! hex_id {
    ($t:ident, $n:literal) => {
        impl $t {
            /// Parses lowercase hex of the right length; all zeros is invalid (W3C).
            pub fn parse(s: &str) -> Option<Self> {
                if s.len() != $n * 2
                    || !s
                        .bytes()
                        .all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(&c))
                {
                    return None;
                }
                let mut bytes = [0u8; $n];
                hex::decode_to_slice(s, &mut bytes).ok()?;
                (bytes != [0u8; $n]).then_some($t(bytes))
            }

            /// The id's bytes.
            pub fn bytes(&self) -> &[u8; $n] {
                &self.0
            }
        }

        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&hex::encode(self.0))
            }
        }

        impl fmt::Debug for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({self})", stringify!($t))
            }
        }

        impl Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.to_string())
            }
        }

        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                $t::parse(&s).ok_or_else(|| serde::de::Error::custom(concat!("not a ", stringify!($t))))
            }
        }
    };
}
hex_id!(TraceId, 16);
hex_id!(SpanId, 8);

/// What an incoming `traceparent` header names: the caller's trace and span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Traceparent {
    /// The caller's trace.
    pub trace_id: TraceId,
    /// The caller's span (the header's `parent-id`).
    pub span_id: SpanId,
    /// The trace flags (bit 0: sampled).
    pub flags: u8,
}

impl Traceparent {
    /// Parses a `traceparent` value by the W3C rules: version `00` exactly four fields; a later
    /// version may add fields after the fourth, which are ignored; version `ff` and all-zero ids
    /// are invalid. An invalid header is ignored (a new trace starts), never refused.
    pub fn parse(value: &str) -> Option<Self> {
        let value = value.trim();
        let mut parts = value.split('-');
        let version = parts.next()?;
        let trace_id = TraceId::parse(parts.next()?)?;
        let span_id = SpanId::parse(parts.next()?)?;
        let flags = parts.next()?;
        if version.len() != 2 || version == "ff" || flags.len() != 2 {
            return None;
        }
        let version = u8::from_str_radix(version, 16).ok()?;
        if version == 0 && parts.next().is_some() {
            return None;
        }
        if !flags.bytes().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()) {
            return None;
        }
        let flags = u8::from_str_radix(flags, 16).ok()?;
        Some(Traceparent {
            trace_id,
            span_id,
            flags,
        })
    }
}

/// The calling action at another organisation (the standard's `foreign_operation`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForeignOperation {
    /// The trace at the other organisation.
    pub trace_id: TraceId,
    /// The calling action at the other organisation.
    pub span_id: SpanId,
    /// URI of the other organisation.
    pub entity: String,
}

/// The trace context of one request (one action): where our records and our outgoing calls
/// belong.
#[derive(Debug, Clone, PartialEq)]
pub struct Trace {
    /// The trace this action belongs to.
    pub trace_id: TraceId,
    /// This action's span.
    pub span_id: SpanId,
    /// The calling action within our organisation.
    pub parent_span_id: Option<SpanId>,
    /// The calling action at another organisation.
    pub foreign_operation: Option<ForeignOperation>,
    /// When the action started (the request arrived).
    pub started_at: DateTime<Utc>,
}

impl Trace {
    /// A new trace, started now, without a caller (a scheduled job, a command).
    pub fn start() -> Self {
        Trace {
            trace_id: TraceId::random(),
            span_id: SpanId::random(),
            parent_span_id: None,
            foreign_operation: None,
            started_at: Utc::now(),
        }
    }

    /// The action of a request that arrived at `started_at` with `incoming` (its
    /// `traceparent`, if valid), from a client of `foreign_entity` (`None`: our organisation).
    pub fn of_request(incoming: Option<Traceparent>, foreign_entity: Option<&str>, started_at: DateTime<Utc>) -> Self {
        let span_id = SpanId::random();
        match (incoming, foreign_entity) {
            (Some(caller), Some(entity)) => Trace {
                trace_id: TraceId::random(),
                span_id,
                parent_span_id: None,
                foreign_operation: Some(ForeignOperation {
                    trace_id: caller.trace_id,
                    span_id: caller.span_id,
                    entity: entity.to_string(),
                }),
                started_at,
            },
            (Some(caller), None) => Trace {
                trace_id: caller.trace_id,
                span_id,
                parent_span_id: Some(caller.span_id),
                foreign_operation: None,
                started_at,
            },
            (None, _) => Trace {
                trace_id: TraceId::random(),
                span_id,
                parent_span_id: None,
                foreign_operation: None,
                started_at,
            },
        }
    }

    /// The `traceparent` for a call this action makes: our trace, our span as the parent,
    /// sampled.
    pub fn traceparent(&self) -> String {
        format!("00-{}-{}-01", self.trace_id, self.span_id)
    }
}

/// The status of an action (the standard's `status_code`, OpenTelemetry's values).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum StatusCode {
    /// Done without an internal fault, not marked as a success.
    Unset,
    /// Done, explicitly successful.
    Ok,
    /// Failed inside the system.
    Error,
}

impl StatusCode {
    /// The enum's number (0, 1, 2), as stored.
    pub fn number(self) -> i32 {
        match self {
            StatusCode::Unset => 0,
            StatusCode::Ok => 1,
            StatusCode::Error => 2,
        }
    }

    /// From the stored number.
    pub fn from_number(n: i32) -> Option<Self> {
        match n {
            0 => Some(StatusCode::Unset),
            1 => Some(StatusCode::Ok),
            2 => Some(StatusCode::Error),
            _ => None,
        }
    }
}

/// The `dpl.core.data_subject_id_type` of a BSN.
pub const SUBJECT_TYPE_BSN: &str = "BSN";

/// Who a record is about, in clear: only ever held in memory. The audit log keys it before
/// anything is stored; serialising it fails, so a clear id cannot slip into a stored row.
#[derive(Clone, PartialEq, Eq)]
pub struct DataSubject {
    id_type: &'static str,
    id: String,
}

impl fmt::Debug for DataSubject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // a BSN is never printed, not even in a debug line
        write!(f, "DataSubject({}, …)", self.id_type)
    }
}

impl DataSubject {
    /// A citizen by BSN.
    pub fn bsn(bsn: &crate::Bsn) -> Self {
        DataSubject {
            id_type: SUBJECT_TYPE_BSN,
            id: bsn.to_string(),
        }
    }

    /// A subject by an id of `id_type` as another system gave it (a BSN in a registry's
    /// answer is keyed as it came, valid or not).
    pub fn of(id_type: &'static str, id: &str) -> Self {
        DataSubject {
            id_type,
            id: id.to_string(),
        }
    }

    /// The `data_subject_id_type`.
    pub fn id_type(&self) -> &'static str {
        self.id_type
    }

    /// The id in clear (for keying only).
    pub(crate) fn clear_id(&self) -> &str {
        &self.id
    }
}

/// The data subject as stored: the type and the keyed id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyedSubject {
    /// `dpl.core.data_subject_id_type`, e.g. `BSN`.
    pub id_type: String,
    /// `dpl.core.data_subject_id`: HMAC-SHA256 of type and id under an audit key, hex.
    pub id: String,
}

/// The subject of an entry: in clear until the audit log keys it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// As the caller gave it; never stored.
    Clear(DataSubject),
    /// Keyed, as stored.
    Keyed(KeyedSubject),
}

impl Serialize for Subject {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Subject::Keyed(k) => k.serialize(s),
            Subject::Clear(_) => Err(serde::ser::Error::custom("a data subject is keyed before it is stored")),
        }
    }
}

impl<'de> Deserialize<'de> for Subject {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        KeyedSubject::deserialize(d).map(Subject::Keyed)
    }
}

/// The Logboek Dataverwerkingen facts of one record beside the audit facts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Processing {
    /// The trace.
    pub trace_id: TraceId,
    /// The action.
    pub span_id: SpanId,
    /// The calling action within our organisation.
    pub parent_span_id: Option<SpanId>,
    /// The calling action at another organisation.
    pub foreign_operation: Option<ForeignOperation>,
    /// The action's status.
    pub status: StatusCode,
    /// When the action started.
    pub started_at: NaiveDateTime,
    /// When it ended.
    pub ended_at: NaiveDateTime,
    /// `dpl.core.processing_activity_id`: URI of the activity's version in the register.
    pub activity: String,
    /// Who it was about (none for an action on no person).
    pub subject: Option<Subject>,
}

impl Processing {
    /// An action of `trace` in `activity`, ended now, about `subject`.
    pub fn of(trace: &Trace, activity: &str, subject: Option<DataSubject>, status: StatusCode) -> Self {
        Processing {
            trace_id: trace.trace_id,
            span_id: trace.span_id,
            parent_span_id: trace.parent_span_id,
            foreign_operation: trace.foreign_operation.clone(),
            status,
            started_at: micros(trace.started_at.naive_utc()),
            ended_at: micros(Utc::now().naive_utc()),
            activity: activity.to_string(),
            subject: subject.map(Subject::Clear),
        }
    }
}

/// A time cut to microseconds (what PostgreSQL stores), so hashes survive a round trip.
pub fn micros(t: NaiveDateTime) -> NaiveDateTime {
    use chrono::Timelike;
    t.with_nanosecond(t.nanosecond() / 1000 * 1000).unwrap_or(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traceparent_follows_the_w3c_rules() {
        let ok = Traceparent::parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").expect("valid");
        assert_eq!(ok.trace_id.to_string(), "4bf92f3577b34da6a3ce929d0e0e4736");
        assert_eq!(ok.span_id.to_string(), "00f067aa0ba902b7");
        assert_eq!(ok.flags, 1);
        // a later version may carry more fields
        assert!(Traceparent::parse("cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-ever").is_some());
        for bad in [
            "",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
            "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1",
            "0-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-zz",
        ] {
            assert_eq!(Traceparent::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_caller_of_ours_continues_its_trace_another_organisation_is_foreign() {
        let caller = Traceparent::parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").expect("valid");
        let now = Utc::now();
        let ours = Trace::of_request(Some(caller), None, now);
        assert_eq!(ours.trace_id, caller.trace_id);
        assert_eq!(ours.parent_span_id, Some(caller.span_id));
        assert_ne!(ours.span_id, caller.span_id);
        assert_eq!(ours.foreign_operation, None);
        assert_eq!(
            ours.traceparent(),
            format!("00-4bf92f3577b34da6a3ce929d0e0e4736-{}-01", ours.span_id)
        );

        let theirs = Trace::of_request(Some(caller), Some("https://example.org/oin/1"), now);
        assert_ne!(theirs.trace_id, caller.trace_id);
        assert_eq!(theirs.parent_span_id, None);
        let foreign = theirs.foreign_operation.expect("foreign");
        assert_eq!((foreign.trace_id, foreign.span_id), (caller.trace_id, caller.span_id));
        assert_eq!(foreign.entity, "https://example.org/oin/1");

        let fresh = Trace::of_request(None, None, now);
        assert_ne!(fresh.trace_id, caller.trace_id);
        assert_eq!((fresh.parent_span_id, fresh.foreign_operation), (None, None));
        assert_ne!(Trace::start().span_id, Trace::start().span_id);
    }

    #[test]
    fn a_clear_subject_cannot_be_serialised() {
        let bsn: crate::Bsn = "999993653".parse().expect("bsn");
        let p = Processing::of(&Trace::start(), "urn:x", Some(DataSubject::bsn(&bsn)), StatusCode::Ok);
        let err = serde_json::to_string(&p).expect_err("refused");
        assert!(err.to_string().contains("keyed"));
        assert!(!format!("{p:?}").contains("999993653"));
    }
}
