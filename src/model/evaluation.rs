//! Evaluation: frameworks as data, rubric assessments backed by evidence, monthly calibration,
//! 360 feedback and team health checks.
//!
//! A [`Framework`] is named domains × ordered levels with a descriptor in each cell. The
//! built-in ones live in code ([`crate::logic::evaluation::frameworks`]) with fixed ids; a coach copies one
//! to edit it, and the copy is a record in the workspace. Domains and levels are never removed
//! from a framework that something rates against: they are *retired* (hidden from new ratings),
//! so old assessments stay readable after any edit.

use serde::{Deserialize, Serialize};

use super::journey::coded_enum;
use super::{date, opt_date, Date, Id, Timestamp};

fn is_false(b: &bool) -> bool {
    !*b
}

/// One dimension of a framework ("Communication", "People").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Domain {
    /// Unique within its framework; a copy keeps the ids, so evidence tagged with a domain
    /// counts for every copy of the framework.
    pub id: Id,
    pub name: String,
    /// What the domain covers, in a line.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// Hidden from new ratings; kept so old ratings still read.
    #[serde(default, skip_serializing_if = "is_false")]
    pub retired: bool,
}

/// One step of a framework, lowest first ("Developing", "M1").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Level {
    pub id: Id,
    pub name: String,
    /// What goes with the level: training hours and practice formats on the leadership
    /// ladder; focus, core question and typical team on the management track.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub guidance: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub retired: bool,
}

/// What a domain looks like at a level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Descriptor {
    pub domain_id: Id,
    pub level_id: Id,
    pub text: String,
}

/// A rubric, ladder or track: domains × ordered levels.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Framework {
    pub id: Id,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    pub domains: Vec<Domain>,
    /// Lowest first; the last level that is not retired is the top ("Ready").
    pub levels: Vec<Level>,
    #[serde(default)]
    pub descriptors: Vec<Descriptor>,
    /// The framework this one was copied from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub based_on: Option<Id>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merge_bases: Vec<Timestamp>,
}

impl Framework {
    pub fn domain(&self, id: Id) -> Option<&Domain> {
        self.domains.iter().find(|d| d.id == id)
    }

    pub fn level(&self, id: Id) -> Option<&Level> {
        self.levels.iter().find(|l| l.id == id)
    }

    /// Domains new ratings use.
    pub fn active_domains(&self) -> impl Iterator<Item = &Domain> {
        self.domains.iter().filter(|d| !d.retired)
    }

    /// Levels new ratings use, lowest first.
    pub fn active_levels(&self) -> impl Iterator<Item = &Level> {
        self.levels.iter().filter(|l| !l.retired)
    }

    /// The level at the top of the scale ("Ready"): the last one not retired.
    pub fn top_level(&self) -> Option<&Level> {
        self.active_levels().last()
    }

    /// A level's place on the active scale, 0 for the lowest and `top_rank` for the top. A
    /// retired level counts as the active level below it (or the lowest), so spreads,
    /// leniency and charts measure on the scale raters use now.
    pub fn rank(&self, level_id: Id) -> Option<usize> {
        let i = self.levels.iter().position(|l| l.id == level_id)?;
        let active_before = self.levels[..i].iter().filter(|l| !l.retired).count();
        Some(if self.levels[i].retired {
            active_before.saturating_sub(1)
        } else {
            active_before
        })
    }

    /// The rank of the top level (the number of active levels less one).
    pub fn top_rank(&self) -> usize {
        self.active_levels().count().saturating_sub(1)
    }

    /// The descriptor of a domain at a level ("" when none is written).
    pub fn descriptor(&self, domain_id: Id, level_id: Id) -> &str {
        self.descriptors
            .iter()
            .find(|d| d.domain_id == domain_id && d.level_id == level_id)
            .map_or("", |d| d.text.as_str())
    }
}

coded_enum! {
    /// Who is rating, relative to the candidate.
    RaterRole {
        SelfRating => "self_rating", "Self";
        Coach => "coach", "Coach";
        Sponsor => "sponsor", "Sponsor";
        Peer => "peer", "Peer";
    }
}

/// One domain's rating in an assessment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rating {
    pub domain_id: Id,
    /// `None`: not rated this time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level_id: Option<Id>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
}

/// One rater's view of a candidate against a framework on a day.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub id: Id,
    pub candidate_id: Id,
    pub framework_id: Id,
    #[serde(with = "date")]
    pub on: Date,
    pub rater_id: Id,
    pub role: RaterRole,
    #[serde(default)]
    pub ratings: Vec<Rating>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merge_bases: Vec<Timestamp>,
}

impl Assessment {
    pub fn level_for(&self, domain_id: Id) -> Option<Id> {
        self.ratings
            .iter()
            .find(|r| r.domain_id == domain_id)
            .and_then(|r| r.level_id)
    }
}

coded_enum! {
    /// What an evidence item points at.
    EvidenceKind {
        Activity => "activity", "Activity";
        MicroAssignment => "assignment", "Micro-assignment";
        OneOnOne => "one_on_one", "1:1";
        Journal => "journal", "Journal entry";
        Feedback => "feedback", "Feedback";
        Note => "note", "Note";
    }
}

/// Something that shows a candidate's practice in one or more domains.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub id: Id,
    pub candidate_id: Id,
    pub kind: EvidenceKind,
    /// The activity, micro-assignment, 1:1, journal entry or 360 round (soft: may be left
    /// out of a shared file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_id: Option<Id>,
    /// The day it happened; undated evidence cannot back a top-level rating.
    #[serde(default, with = "opt_date", skip_serializing_if = "Option::is_none")]
    pub on: Option<Date>,
    /// Domain ids (of any framework: copies share them).
    pub domain_ids: Vec<Id>,
    /// What it shows, in a line or two.
    #[serde(default)]
    pub note: String,
    /// An optional web link (http or https) to an artefact.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub link: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merge_bases: Vec<Timestamp>,
}

/// The level a calibration settled on for one candidate in one domain.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Calibrated {
    pub candidate_id: Id,
    pub domain_id: Id,
    pub level_id: Id,
    #[serde(default)]
    pub rationale: String,
}

/// A cohort's monthly calibration session for one framework.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Calibration {
    pub id: Id,
    pub cohort_id: Id,
    pub framework_id: Id,
    #[serde(with = "date")]
    pub on: Date,
    /// Whether the raters' ratings have been shown side by side. Until then each rater sees
    /// only their own.
    #[serde(default)]
    pub revealed: bool,
    /// When the ratings were revealed. Assessments saved after it wait for the next session,
    /// so what the group saw stays what it saw. `None` for sessions not revealed (or revealed
    /// by a file that did not say when: then every assessment up to its day counts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revealed_at: Option<Timestamp>,
    #[serde(default)]
    pub participants: Vec<Id>,
    #[serde(default)]
    pub outcomes: Vec<Calibrated>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merge_bases: Vec<Timestamp>,
}

coded_enum! {
    /// Who a 360 response came from.
    FeedbackGroup {
        DirectReport => "direct_report", "Direct reports";
        Peer => "peer", "Peers";
        Stakeholder => "stakeholder", "Stakeholders";
    }
}

/// A question asked in a 360 round.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub id: Id,
    pub text: String,
}

/// One answer to one question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Answer360 {
    pub question_id: Id,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<u8>,
}

/// One anonymous response: no name is kept, only the group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Response360 {
    pub id: Id,
    pub group: FeedbackGroup,
    #[serde(default)]
    pub answers: Vec<Answer360>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
}

/// The lowest and highest answer on the 360 scale.
pub const FEEDBACK_MIN: u8 = 1;
pub const FEEDBACK_MAX: u8 = 5;

/// A round of 360 / manager-effectiveness feedback about a candidate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FeedbackRound {
    pub id: Id,
    pub candidate_id: Id,
    pub title: String,
    #[serde(with = "date")]
    pub opened_on: Date,
    /// The questions, as stated when the round opened.
    pub questions: Vec<Question>,
    #[serde(default)]
    pub responses: Vec<Response360>,
    /// Answers that came back as response files, kept only as totals per group (schema 5;
    /// none before).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aggregates: Vec<GroupAggregate>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merge_bases: Vec<Timestamp>,
}

impl FeedbackRound {
    /// How many responses the round holds: typed ones and those imported as totals.
    pub fn response_count(&self) -> usize {
        self.responses.len()
            + self
                .aggregates
                .iter()
                .map(|a| a.responses as usize)
                .sum::<usize>()
    }
}

/// How many answers chose each point of a 1–5 scale: `counts[0]` is how many chose 1.
pub type ScoreCounts = [u32; 5];

/// One question's totals in a group's aggregate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionTally {
    pub question_id: Id,
    pub counts: ScoreCounts,
}

/// The responses of one group that came back as files, as totals only: no single response is
/// kept. Made from batches of at least three responses (see
/// `logic::evaluation::requests`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupAggregate {
    pub group: FeedbackGroup,
    /// How many responses the totals hold.
    pub responses: u32,
    /// Per question, how many chose each score.
    #[serde(default)]
    pub questions: Vec<QuestionTally>,
    /// The comments, in alphabetical order (never the order they came in).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<String>,
    /// The random ids of the response files counted, sorted, so a file is never counted twice.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub response_ids: Vec<Id>,
}

coded_enum! {
    /// What a team health check asks about.
    HealthDimension {
        Safety => "safety", "Psychological safety";
        Clarity => "clarity", "Clarity";
        Workload => "workload", "Workload";
        Delivery => "delivery", "Delivery confidence";
        Collaboration => "collaboration", "Collaboration";
    }
}

/// The lowest and highest health-check score.
pub const HEALTH_MIN: u8 = 1;
pub const HEALTH_MAX: u8 = 5;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HealthScore {
    pub dimension: HealthDimension,
    /// A whole number when typed in; the team's mean (3.67) when the check was made from
    /// response files. Files before schema 5 hold whole numbers, which read as they are.
    pub score: f32,
}

/// One dimension's totals in a check made from response files.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DimensionTally {
    pub dimension: HealthDimension,
    pub counts: ScoreCounts,
}

/// The response files a health check was made from, as totals only (schema 5).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HealthTally {
    /// The request the files answered: a later batch for it adds to this check.
    pub request_id: Id,
    /// How many responses the totals hold.
    pub responses: u32,
    #[serde(default)]
    pub dimensions: Vec<DimensionTally>,
    /// The comments, in alphabetical order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<String>,
    /// The random ids of the response files counted, sorted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub response_ids: Vec<Id>,
}

/// A check of the health of the team a candidate leads.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HealthCheck {
    pub id: Id,
    pub candidate_id: Id,
    #[serde(with = "date")]
    pub on: Date,
    /// The team's name.
    #[serde(default)]
    pub team: String,
    pub scores: Vec<HealthScore>,
    /// How many people answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answered: Option<u32>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// For a check made from response files: their totals, from which `scores` (the means)
    /// and `answered` are worked out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tally: Option<HealthTally>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merge_bases: Vec<Timestamp>,
}

impl HealthCheck {
    pub fn score(&self, d: HealthDimension) -> Option<f32> {
        self.scores
            .iter()
            .find(|s| s.dimension == d)
            .map(|s| s.score)
    }
}
