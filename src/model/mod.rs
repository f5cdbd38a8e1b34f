//! The domain types of a Runway workspace. Plain data with serde; no I/O, no web APIs.
//!
//! Every record has a stable id and `created_at`/`updated_at` timestamps (UTC). Records point at
//! each other by id only.

mod dates;
mod evaluation;
mod journey;
mod promotion;
mod track;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub use dates::{date, opt_date};
pub use evaluation::*;
pub use journey::*;
pub use promotion::*;
pub use track::*;

/// A record id: a UUID (v4 for records the app creates).
pub type Id = Uuid;
/// A moment in time, UTC; serialised as RFC 3339.
pub type Timestamp = DateTime<Utc>;
/// A calendar day; serialised as `YYYY-MM-DD`.
pub type Date = NaiveDate;

/// The one registry of record kinds. Each line: the kind's variant, its Rust type, its list in
/// the workspace (the key in the file), and its name for people. Every piece of machinery that
/// must know every kind (the `RecordKind` enum, the `Record` enum the edit door takes, the list
/// visitor behind saving, deleting, validating, merging and scoping) is generated from this
/// list, so a kind is added by one line here and forgotten nowhere.
///
/// Variant names are the file's own names for kinds (tombstones say `"assignment"`), so they
/// stay as they are even where the type has a longer name.
#[macro_export]
macro_rules! record_kinds {
    ($then:ident) => {
        $crate::$then! {
            Person: Person, people, "person";
            Cohort: Cohort, cohorts, "cohort";
            Candidate: Candidate, candidates, "candidate";
            Reference: Reference, references, "reference";
            Interview: Scorecard, interviews, "interview scorecard";
            Activity: Activity, activities, "activity";
            Assignment: MicroAssignment, assignments, "micro-assignment";
            OneOnOne: OneOnOne, one_on_ones, "1:1";
            JournalEntry: JournalEntry, journal, "journal entry";
            Snippet: Snippet, snippets, "snippet";
            CaseReview: CaseReview, case_reviews, "case review";
            Retro: Retrospective, retros, "retrospective";
            // Frameworks written or copied here (the built-in ones live in code).
            Framework: Framework, frameworks, "framework";
            Assessment: Assessment, assessments, "assessment";
            Evidence: Evidence, evidence, "evidence item";
            Calibration: Calibration, calibrations, "calibration session";
            FeedbackRound: FeedbackRound, feedback_rounds, "360 feedback round";
            HealthCheck: HealthCheck, health_checks, "team health check";
            LevelMove: LevelMove, levels, "level move";
            Trial: Trial, trials, "management trial";
            Training: TrainingEntry, training, "training entry";
            TrackEvidence: TrackEvidence, track_evidence, "track evidence item";
            Promotion: PromotionCase, promotions, "promotion case";
            PromotionDoc: PromotionDocument, promotion_documents, "promotion document";
            Letter: Letter, letters, "recommendation letter";
            DebriefRead: DebriefRead, debrief_reads, "debrief read";
        }
    };
}

/// Generates [`RecordKind`] from [`record_kinds!`].
#[macro_export]
#[doc(hidden)]
macro_rules! define_record_kind {
    ($($kind:ident: $ty:ident, $list:ident, $name:literal;)+) => {
        /// One organisation's program data: what one file holds. A list per registered kind
        /// (in the file under the kind's list name; empty lists are left out), and the
        /// tombstones of records deleted here.
        #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
        pub struct Workspace {
            pub organisation: String,
            /// The organisation's values, in its own words (a promotion document speaks to
            /// each).
            #[serde(default, skip_serializing_if = "Vec::is_empty")]
            pub values: Vec<String>,
            $(
                #[serde(default, skip_serializing_if = "Vec::is_empty")]
                pub $list: Vec<$ty>,
            )+
            /// Records deleted here, so a merge does not bring them back (ids only: no
            /// personal data).
            #[serde(default)]
            pub deleted: Vec<Tombstone>,
            /// Where people, cohorts and candidates are in their lists (a cache, never in a
            /// file or in equality).
            #[doc(hidden)]
            #[serde(skip)]
            pub lookup: $crate::model::Lookup,
        }

        /// What kind of record an id belongs to.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum RecordKind {
            $($kind,)+
        }

        impl RecordKind {
            /// Every kind, in the registry's order.
            pub const ALL: &'static [RecordKind] = &[$(RecordKind::$kind,)+];

            /// The kind's name for people ("micro-assignment").
            pub fn name(self) -> &'static str {
                match self {
                    $(RecordKind::$kind => $name,)+
                }
            }

            /// The kind's list in the file (`"assignments"`).
            pub fn list(self) -> &'static str {
                match self {
                    $(RecordKind::$kind => stringify!($list),)+
                }
            }
        }
    };
}

record_kinds!(define_record_kind);

/// A deleted record's id and when it was deleted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tombstone {
    pub id: Id,
    pub kind: RecordKind,
    pub deleted_at: Timestamp,
    /// The version (`updated_at`) of the record that was deleted: a copy still at that version
    /// may be removed by a merge; a copy changed since is a conflict.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<Timestamp>,
}

impl Workspace {
    pub fn is_empty(&self) -> bool {
        self.people.is_empty() && self.cohorts.is_empty() && self.candidates.is_empty()
    }

    pub fn person(&self, id: Id) -> Option<&Person> {
        self.lookup
            .find(&self.people, id, |p| p.id, |l| &mut l.people)
    }

    pub fn cohort(&self, id: Id) -> Option<&Cohort> {
        self.lookup
            .find(&self.cohorts, id, |c| c.id, |l| &mut l.cohorts)
    }

    pub fn candidate(&self, id: Id) -> Option<&Candidate> {
        self.lookup
            .find(&self.candidates, id, |c| c.id, |l| &mut l.candidates)
    }

    /// The display name of a person, or a placeholder when the id is unknown.
    pub fn person_name(&self, id: Id) -> &str {
        self.person(id)
            .map_or("(unknown person)", |p| p.name.as_str())
    }

    /// The name of a candidacy's person, if the candidacy is here.
    pub fn candidate_name(&self, candidate_id: Id) -> Option<&str> {
        self.candidate(candidate_id)
            .map(|c| self.person_name(c.person_id))
    }

    /// Candidates enrolled in a cohort, in the order they were added.
    pub fn candidates_in(&self, cohort_id: Id) -> impl Iterator<Item = &Candidate> {
        self.candidates
            .iter()
            .filter(move |c| c.cohort_id == cohort_id)
    }

    /// Every candidacy of a person, across cohorts.
    pub fn candidacies_of(&self, person_id: Id) -> impl Iterator<Item = &Candidate> {
        self.candidates
            .iter()
            .filter(move |c| c.person_id == person_id)
    }

    /// Counts for summaries ("3 people, 1 cohort, 2 candidates").
    pub fn counts(&self) -> Counts {
        Counts {
            people: self.people.len(),
            cohorts: self.cohorts.len(),
            candidates: self.candidates.len(),
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub people: usize,
    pub cohorts: usize,
    pub candidates: usize,
}

/// A level on the engineering career ladder: individual contributor or manager track.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum TrackLevel {
    IC1,
    IC2,
    #[default]
    IC3,
    IC4,
    IC5,
    M1,
    M2,
    M3,
}

impl TrackLevel {
    pub const ALL: [TrackLevel; 8] = [
        TrackLevel::IC1,
        TrackLevel::IC2,
        TrackLevel::IC3,
        TrackLevel::IC4,
        TrackLevel::IC5,
        TrackLevel::M1,
        TrackLevel::M2,
        TrackLevel::M3,
    ];

    pub fn code(self) -> &'static str {
        match self {
            TrackLevel::IC1 => "IC1",
            TrackLevel::IC2 => "IC2",
            TrackLevel::IC3 => "IC3",
            TrackLevel::IC4 => "IC4",
            TrackLevel::IC5 => "IC5",
            TrackLevel::M1 => "M1",
            TrackLevel::M2 => "M2",
            TrackLevel::M3 => "M3",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.code() == code)
    }

    pub fn is_manager(self) -> bool {
        matches!(self, TrackLevel::M1 | TrackLevel::M2 | TrackLevel::M3)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub id: Id,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default)]
    pub team: String,
    #[serde(default)]
    pub role_title: String,
    /// Their level on the leadership ladder, where it was set (managers; the track level
    /// suggests one otherwise). The track level itself is the latest of their level moves.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ladder: Option<LadderLevel>,
    #[serde(default, with = "opt_date", skip_serializing_if = "Option::is_none")]
    pub joined_on: Option<Date>,
    #[serde(default, with = "opt_date", skip_serializing_if = "Option::is_none")]
    pub left_on: Option<Date>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    /// Versions (`updated_at`) of this record known to be shared with another copy of the
    /// workspace: the ones exports sent and merges settled on, newest last, a few at most.
    /// How a merge tells "their copy grew from mine" from "both changed it".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merge_bases: Vec<Timestamp>,
}

/// The four phases of a Manager-in-Training run, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhaseKind {
    Prepare,
    Shadow,
    Practice,
    LeadWithSupport,
}

impl PhaseKind {
    pub const ALL: [PhaseKind; 4] = [
        PhaseKind::Prepare,
        PhaseKind::Shadow,
        PhaseKind::Practice,
        PhaseKind::LeadWithSupport,
    ];

    pub fn name(self) -> &'static str {
        match self {
            PhaseKind::Prepare => "Prepare",
            PhaseKind::Shadow => "Shadow",
            PhaseKind::Practice => "Practice",
            PhaseKind::LeadWithSupport => "Lead with support",
        }
    }

    /// Default length in months for a six-month run.
    pub fn default_months(self) -> u32 {
        match self {
            PhaseKind::Prepare | PhaseKind::Shadow => 1,
            PhaseKind::Practice | PhaseKind::LeadWithSupport => 2,
        }
    }

    /// One line on what the phase is for, in our own words.
    pub fn purpose(self) -> &'static str {
        match self {
            PhaseKind::Prepare => "Agree goals, success signals and a plan; clear protected time.",
            PhaseKind::Shadow => "Sit beside an experienced manager, then debrief what you saw.",
            PhaseKind::Practice => "Co-lead, take on micro-assignments, get feedback quickly.",
            PhaseKind::LeadWithSupport => "Own a small team charter with a mentor close at hand.",
        }
    }
}

/// One phase of a cohort, with inclusive start and end days.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Phase {
    pub kind: PhaseKind,
    #[serde(with = "date")]
    pub starts_on: Date,
    #[serde(with = "date")]
    pub ends_on: Date,
}

/// An observable outcome the cohort agreed on before it started.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SuccessSignal {
    pub id: Id,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cohort {
    pub id: Id,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sponsor_id: Option<Id>,
    #[serde(default)]
    pub coach_ids: Vec<Id>,
    /// The four phases in order; the first one's start is the cohort's start.
    pub phases: Vec<Phase>,
    #[serde(default)]
    pub success_signals: Vec<SuccessSignal>,
    /// Scenarios for the selection interview: the three standard ones plus the coach's own.
    #[serde(default = "crate::content::program::standard_scenarios")]
    pub scenarios: Vec<Scenario>,
    /// The standard week every candidate plans for.
    #[serde(default)]
    pub week: WeekPlan,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    /// Versions (`updated_at`) of this record known to be shared with another copy of the
    /// workspace: the ones exports sent and merges settled on, newest last, a few at most.
    /// How a merge tells "their copy grew from mine" from "both changed it".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merge_bases: Vec<Timestamp>,
}

impl Cohort {
    /// First day of the first phase.
    pub fn starts_on(&self) -> Date {
        self.phases.first().map_or(Date::MIN, |p| p.starts_on)
    }

    /// Last day of the last phase (or the start day for a cohort without phases).
    pub fn ends_on(&self) -> Date {
        self.phases.last().map_or(self.starts_on(), |p| p.ends_on)
    }
}

/// Where a candidate stands in the program.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CandidateStatus {
    #[default]
    Nominated,
    Selected,
    InProgram,
    Ready,
    Promoted,
    ReturnedToEngineering,
    Withdrawn,
    NotSelected,
}

impl CandidateStatus {
    pub const ALL: [CandidateStatus; 8] = [
        CandidateStatus::Nominated,
        CandidateStatus::Selected,
        CandidateStatus::InProgram,
        CandidateStatus::Ready,
        CandidateStatus::Promoted,
        CandidateStatus::ReturnedToEngineering,
        CandidateStatus::Withdrawn,
        CandidateStatus::NotSelected,
    ];

    pub fn label(self) -> &'static str {
        match self {
            CandidateStatus::Nominated => "Nominated",
            CandidateStatus::Selected => "Selected",
            CandidateStatus::InProgram => "In program",
            CandidateStatus::Ready => "Ready",
            CandidateStatus::Promoted => "Promoted",
            CandidateStatus::ReturnedToEngineering => "Returned to engineering",
            CandidateStatus::Withdrawn => "Withdrawn",
            CandidateStatus::NotSelected => "Not selected",
        }
    }

    /// The stable code used in the file (`in_program`, …).
    pub fn code(self) -> &'static str {
        match self {
            CandidateStatus::Nominated => "nominated",
            CandidateStatus::Selected => "selected",
            CandidateStatus::InProgram => "in_program",
            CandidateStatus::Ready => "ready",
            CandidateStatus::Promoted => "promoted",
            CandidateStatus::ReturnedToEngineering => "returned_to_engineering",
            CandidateStatus::Withdrawn => "withdrawn",
            CandidateStatus::NotSelected => "not_selected",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Still taking part (not finished, not out).
    pub fn is_active(self) -> bool {
        matches!(
            self,
            CandidateStatus::Nominated | CandidateStatus::Selected | CandidateStatus::InProgram
        )
    }
}

/// A person enrolled in a cohort.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    pub id: Id,
    pub cohort_id: Id,
    pub person_id: Id,
    pub status: CandidateStatus,
    /// Hours a week taken off the candidate's delivery load for the program.
    pub protected_hours_per_week: f32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nomination: Option<Nomination>,
    /// Readiness signals seen (the green flags), in the order of [`GreenFlag::ALL`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub green_flags: Vec<GreenFlag>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wants_to_manage: Option<WantsToManage>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
    /// The cohort's success signals as they stand for this candidate.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signals: Vec<SignalMark>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    /// Versions (`updated_at`) of this record known to be shared with another copy of the
    /// workspace: the ones exports sent and merges settled on, newest last, a few at most.
    /// How a merge tells "their copy grew from mine" from "both changed it".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merge_bases: Vec<Timestamp>,
}

/// Positions of people, cohorts and candidates by id, so that looking one up does not scan
/// its list (validating or drawing a large workspace looked up people millions of times).
///
/// A cache that checks itself rather than one to keep in step: a remembered position is used
/// only if the record there still has the id; otherwise the list is scanned and the positions
/// are worked out again. So the lists stay plain `Vec`s that any code may change. It is never
/// in a file, never compared (two workspaces are equal whatever they remember) and a clone
/// starts empty.
#[derive(Default)]
pub struct Lookup(std::sync::Mutex<Positions>);

#[doc(hidden)]
#[derive(Default)]
pub struct Positions {
    people: std::collections::HashMap<Id, usize>,
    cohorts: std::collections::HashMap<Id, usize>,
    candidates: std::collections::HashMap<Id, usize>,
}

impl Lookup {
    fn find<'a, T>(
        &self,
        list: &'a [T],
        id: Id,
        key: fn(&T) -> Id,
        map: fn(&mut Positions) -> &mut std::collections::HashMap<Id, usize>,
    ) -> Option<&'a T> {
        let mut positions = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let at = map(&mut positions);
        if let Some(r) = at.get(&id).and_then(|&i| list.get(i)) {
            if key(r) == id {
                return Some(r);
            }
        }
        // Not known, or the list changed: scan it (a miss costs what it always did).
        let i = list.iter().position(|r| key(r) == id)?;
        at.clear();
        // From the end, so that the first of two records with one id wins, as a scan finds.
        at.extend(list.iter().enumerate().rev().map(|(i, r)| (key(r), i)));
        list.get(i)
    }
}

impl Clone for Lookup {
    fn clone(&self) -> Self {
        Lookup::default()
    }
}

impl PartialEq for Lookup {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for Lookup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Lookup")
    }
}
