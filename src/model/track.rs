//! The management track after (and around) the program: a person's dated level moves, the
//! reversible first step into managing (a trial), the leadership ladder's training ledger, and
//! dated evidence against the management track's outcomes.
//!
//! A person's current level is never stored: it is the level of their latest move
//! ([`crate::logic::track`] derives it, and time at level, from the moves).

use serde::{Deserialize, Serialize};

use super::journey::coded_enum;
use super::{date, opt_date, Date, Id, Timestamp, TrackLevel};

coded_enum! {
    /// What kind of step a level move is.
    MoveKind {
        Hired => "hired", "Hired at";
        Promoted => "promoted", "Promoted";
        BetweenTracks => "between_tracks", "Moved between tracks";
        Returned => "returned", "Returned to engineering";
        TrialStarted => "trial_started", "Trial started";
        TrialConfirmed => "trial_confirmed", "Trial confirmed";
        Adjusted => "adjusted", "Level corrected";
        Recorded => "recorded", "Level on record";
    }
}

impl MoveKind {
    /// Whether the move only records a level already held when the history begins (an older
    /// file's level, migrated): not a step anyone took on that day.
    pub fn starts_history(self) -> bool {
        self == MoveKind::Recorded
    }
}

/// One dated step in a person's level history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LevelMove {
    pub id: Id,
    pub person_id: Id,
    #[serde(with = "date")]
    pub on: Date,
    pub kind: MoveKind,
    /// The level held from this day.
    pub level: TrackLevel,
    /// The team they work in from this day, where the move changed it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub team: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merge_bases: Vec<Timestamp>,
}

impl LevelMove {
    /// A new move (nil id: the edit door gives it one), stamped `now`.
    pub fn new(
        person_id: Id,
        on: Date,
        kind: MoveKind,
        level: TrackLevel,
        team: &str,
        note: &str,
        now: Timestamp,
    ) -> Self {
        LevelMove {
            id: Id::nil(),
            person_id,
            on,
            kind,
            level,
            team: team.trim().to_string(),
            note: note.trim().to_string(),
            created_at: now,
            updated_at: now,
            merge_bases: Vec::new(),
        }
    }
}

/// One checkpoint of a trial (monthly by default): the early signals, noted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Checkpoint {
    pub id: Id,
    #[serde(with = "date")]
    pub on: Date,
    /// The day it was held; `None` while it is still ahead.
    #[serde(default, with = "opt_date", skip_serializing_if = "Option::is_none")]
    pub held_on: Option<Date>,
    /// Delivery against the team's usual measures.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub delivery: String,
    /// Feedback given by them and about them.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub feedback: String,
    /// The supporting manager's note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub support_note: String,
}

coded_enum! {
    /// A decision about a trial: the end (confirmed, or back to engineering), or more time.
    TrialDecision {
        Confirmed => "confirmed", "Confirmed as a manager";
        Extended => "extended", "Extended";
        Returned => "returned", "Returned to engineering";
    }
}

/// A decision about a trial, dated. An extension keeps the trial going with a new length; a
/// confirmation or a return ends it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrialOutcome {
    pub decision: TrialDecision,
    #[serde(with = "date")]
    pub on: Date,
    /// For an extension: the new length in months, counted from the start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months: Option<u32>,
    /// The team they go to (on return: usually an engineering team).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub team: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Trial {
    /// The decision that ended the trial, if one did.
    pub fn end(&self) -> Option<&TrialOutcome> {
        self.outcomes
            .iter()
            .rfind(|o| o.decision != TrialDecision::Extended)
    }
}

/// A reversible first step into managing: a set length, a guaranteed way back, a supporting
/// senior manager and checkpoints.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Trial {
    pub id: Id,
    pub person_id: Id,
    /// The candidacy it follows from, if any (soft).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub candidate_id: Option<Id>,
    #[serde(with = "date")]
    pub starts_on: Date,
    /// Length in months (six by default; an extension makes it longer).
    pub months: u32,
    /// The level held on return: the engineering level held before, at the same pay.
    pub return_level: TrackLevel,
    /// The pay band guaranteed on return.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub return_band: String,
    /// The team they manage during the trial.
    #[serde(default)]
    pub team: String,
    /// The team they worked in before it (recorded when the trial starts: where they return
    /// by default, and what "their old team" means).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub from_team: String,
    /// The senior manager who takes them as a report for the trial (soft).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supporter_id: Option<Id>,
    /// Set when they manage the team they worked in as an engineer: coding is then not
    /// expected of them.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub no_coding_expected: bool,
    #[serde(default)]
    pub checkpoints: Vec<Checkpoint>,
    /// The decisions taken, oldest first; the trial has ended once one confirms or returns.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<TrialOutcome>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merge_bases: Vec<Timestamp>,
}

coded_enum! {
    /// A level of the leadership ladder.
    LadderLevel {
        Junior => "junior", "1 Junior manager";
        MidLevel => "mid_level", "2 Mid-level manager";
        Senior => "senior", "3 Senior manager";
        Staff => "staff", "4 Staff manager";
    }
}

coded_enum! {
    /// What a training ledger entry logs.
    TrainingKind {
        Training => "training", "Training";
        Practice => "practice", "Practice";
        PeerReview => "peer_review", "Peer review";
        Strategy => "strategy", "Strategy session";
    }
}

/// A session in a manager's training ledger.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrainingEntry {
    pub id: Id,
    pub person_id: Id,
    #[serde(with = "date")]
    pub on: Date,
    pub kind: TrainingKind,
    pub hours: f32,
    #[serde(default)]
    pub topic: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merge_bases: Vec<Timestamp>,
}

/// Dated evidence that a manager meets one outcome of the management track (a domain at a
/// level of the M1–M3 framework or a copy of it).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrackEvidence {
    pub id: Id,
    pub person_id: Id,
    pub domain_id: Id,
    pub level_id: Id,
    #[serde(with = "date")]
    pub on: Date,
    pub note: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub link: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merge_bases: Vec<Timestamp>,
}
