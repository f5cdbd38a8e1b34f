//! The program journey: selection, activities, micro-assignments, 1:1s, the learning journal,
//! the snippets library, peer case reviews and leadership retrospectives.
//!
//! Selection facts that belong to one candidacy (nomination, green flags, the decision) live on
//! the [`Candidate`](super::Candidate). Everything a person writes separately (a reference, an
//! interviewer's scorecard, an activity, a journal entry, …) is its own record with an id, so
//! copies of the workspace edited by different people merge record by record.

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

use super::{date, opt_date, Date, Id, Timestamp};

/// Expands to a list of variants with a stable file code and a label, plus `ALL`.
macro_rules! coded_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $code:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The stable code used in the file.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }
            pub fn from_code(code: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.code() == code)
            }
        }
    };
}
pub(super) use coded_enum;

coded_enum! {
    /// Who put the candidate forward.
    NominationKind {
        SelfNominated => "self_nominated", "Self-nominated";
        Manager => "manager", "Nominated by their manager";
    }
}

coded_enum! {
    /// The readiness signals a selection looks for.
    GreenFlag {
        HelpsOthers => "helps_others", "Makes the people around them better";
        FeedbackUnprompted => "feedback_unprompted", "Offers useful feedback in team rituals without being asked";
        LeadsRituals => "leads_rituals", "Steps up to run team rituals";
        SimplifiesWork => "simplifies_work", "Breaks work down simply and reaches value fast";
        DeliveryFocused => "delivery_focused", "Keeps the focus on delivering";
        ReachBeyondTeam => "reach_beyond_team", "Has working relationships beyond the team, business included";
        BusinessAware => "business_aware", "Weighs business goals when choosing what to work on";
    }
}

coded_enum! {
    /// The explicit answer to "do you want to manage people?".
    WantsToManage {
        Yes => "yes", "Yes";
        NotSure => "not_sure", "Not sure";
        No => "no", "No";
    }
}

coded_enum! {
    /// The outcome of selection.
    Verdict {
        Selected => "selected", "Selected";
        NotNow => "not_now", "Not now";
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Nomination {
    pub kind: NominationKind,
    /// The person who nominated (the candidate themselves for a self-nomination).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<Id>,
    #[serde(default)]
    pub rationale: String,
    #[serde(default, with = "opt_date", skip_serializing_if = "Option::is_none")]
    pub on: Option<Date>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub verdict: Verdict,
    #[serde(default)]
    pub reason: String,
    /// For "not now": what the person should hear, kept for the conversation and the next round.
    #[serde(default)]
    pub feedback: String,
    #[serde(with = "date")]
    pub on: Date,
}

/// One of the cohort's success signals as it stands for one candidate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SignalMark {
    pub signal_id: Id,
    /// The day it was judged met; `None` is "not yet".
    #[serde(default, with = "opt_date", skip_serializing_if = "Option::is_none")]
    pub met_on: Option<Date>,
    /// Activities, micro-assignments or journal entries that show it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Id>,
}

/// A standard or coach-written scenario for the selection interview.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    pub id: Id,
    pub title: String,
    #[serde(default)]
    pub prompt: String,
}

/// The standard week every candidate of a cohort plans for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WeekPlan {
    pub workshops: u8,
    pub shadowing: u8,
    pub coaching_labs: u8,
    pub assignment_hours_min: f32,
    pub assignment_hours_max: f32,
}

impl Default for WeekPlan {
    fn default() -> Self {
        WeekPlan {
            workshops: 1,
            shadowing: 1,
            coaching_labs: 1,
            assignment_hours_min: 3.0,
            assignment_hours_max: 6.0,
        }
    }
}

/// A referee's view of a nominee.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reference {
    pub id: Id,
    pub candidate_id: Id,
    /// Who gave the reference (free text: referees need not be in the workspace).
    pub who: String,
    /// Their working relation to the candidate ("manager", "peer on Payments", …).
    #[serde(default)]
    pub relation: String,
    #[serde(default)]
    pub collaboration: String,
    #[serde(default)]
    pub curiosity: String,
    #[serde(default)]
    pub ownership: String,
    #[serde(default, with = "opt_date", skip_serializing_if = "Option::is_none")]
    pub on: Option<Date>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merge_bases: Vec<Timestamp>,
}

/// The lowest and highest score on the interview scale.
pub const SCORE_MIN: u8 = 1;
pub const SCORE_MAX: u8 = 4;

/// What each interview score means.
pub fn score_label(score: u8) -> &'static str {
    match score {
        1 => "1 — concerning",
        2 => "2 — mixed",
        3 => "3 — solid",
        4 => "4 — strong",
        _ => "not on the scale",
    }
}

/// One interviewer's notes and score for one scenario.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    pub scenario_id: Id,
    #[serde(default)]
    pub context: String,
    #[serde(default)]
    pub action: String,
    #[serde(default)]
    pub result: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<u8>,
}

/// One interviewer's scorecard for one nominee.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scorecard {
    pub id: Id,
    pub candidate_id: Id,
    pub interviewer_id: Id,
    #[serde(default, with = "opt_date", skip_serializing_if = "Option::is_none")]
    pub held_on: Option<Date>,
    #[serde(default)]
    pub answers: Vec<Answer>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merge_bases: Vec<Timestamp>,
}

coded_enum! {
    /// The kinds of curriculum activity.
    ActivityKind {
        Workshop => "workshop", "Workshop";
        Shadowing => "shadowing", "Shadowing session";
        PairedLeadership => "paired_leadership", "Paired leadership";
        CoachingLab => "coaching_lab", "Coaching lab (role-play)";
        StakeholderRotation => "stakeholder_rotation", "Stakeholder rotation";
        Reflection => "reflection", "Reflection session";
        PracticeOneOnOne => "practice_one_on_one", "Practice 1:1";
        Dispute => "dispute", "Dispute resolved with a coach present";
        AssignmentWork => "assignment_work", "Micro-assignment work";
    }
}

/// A session in the candidate's plan: planned ahead or logged after.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    pub id: Id,
    /// The candidacy the session is filed under.
    pub candidate_id: Id,
    /// A group session (a workshop, a coaching lab): the other candidacies of the same cohort
    /// that take part. One record for all of them, so a change shows for everyone.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub group: Vec<Id>,
    pub kind: ActivityKind,
    pub title: String,
    #[serde(with = "date")]
    pub on: Date,
    /// Start time, for the calendar; `None` is an all-day entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<NaiveTime>,
    pub minutes: u32,
    /// Took place (logged), as opposed to planned.
    #[serde(default)]
    pub done: bool,
    /// Others from the workspace who took part.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub with: Vec<Id>,
    #[serde(default)]
    pub notes: String,
    /// Shadowing debrief: what I noticed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub noticed: String,
    /// Shadowing debrief: what I would do differently.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub differently: String,
    /// For micro-assignment work: which assignment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignment_id: Option<Id>,
    /// For a reflection session: journal entries picked to discuss.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub journal_ids: Vec<Id>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merge_bases: Vec<Timestamp>,
}

impl Activity {
    /// Whether candidacy `candidate_id` takes part (filed under it, or in its group).
    pub fn involves(&self, candidate_id: Id) -> bool {
        self.candidate_id == candidate_id || self.group.contains(&candidate_id)
    }

    /// Every candidacy that takes part, the one it is filed under first.
    pub fn candidates(&self) -> impl Iterator<Item = Id> + '_ {
        std::iter::once(self.candidate_id).chain(self.group.iter().copied())
    }
}

coded_enum! {
    MicroAssignmentStatus {
        Planned => "planned", "Planned";
        Active => "active", "Active";
        Done => "done", "Done";
        Dropped => "dropped", "Dropped";
    }
}

/// A number the assignment set out to move, before and after.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Metric {
    /// What is measured, with its unit ("pages per week").
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<f64>,
}

/// A small piece of real leadership work with a timebox.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MicroAssignment {
    pub id: Id,
    pub candidate_id: Id,
    pub title: String,
    #[serde(default)]
    pub objective: String,
    #[serde(default)]
    pub scope: String,
    #[serde(default)]
    pub stakeholders: String,
    #[serde(default)]
    pub success_criteria: String,
    #[serde(with = "date")]
    pub starts_on: Date,
    #[serde(with = "date")]
    pub ends_on: Date,
    #[serde(default)]
    pub handoff: String,
    pub status: MicroAssignmentStatus,
    #[serde(default)]
    pub outcome: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric: Option<Metric>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merge_bases: Vec<Timestamp>,
}

/// An action agreed in a 1:1.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FollowUp {
    pub id: Id,
    pub text: String,
    /// The day it was ticked off; `None` while open.
    #[serde(default, with = "opt_date", skip_serializing_if = "Option::is_none")]
    pub done_on: Option<Date>,
}

/// A 1:1 between the candidate and someone (their coach, or a report in a practice 1:1).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OneOnOne {
    pub id: Id,
    pub candidate_id: Id,
    /// Who wrote it (usually the coach). The `notes` are theirs alone: no shared file carries
    /// them but with their own tick. `None`: not known (files before schema 5 without a coach).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author_id: Option<Id>,
    /// The other person; follow-ups carry over between 1:1s with the same person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub with_id: Option<Id>,
    #[serde(with = "date")]
    pub held_on: Date,
    #[serde(default)]
    pub agenda: String,
    /// The two coaching questions asked.
    #[serde(default)]
    pub questions: Vec<String>,
    #[serde(default)]
    pub goal: String,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub follow_ups: Vec<FollowUp>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merge_bases: Vec<Timestamp>,
}

coded_enum! {
    /// Who may read a journal entry.
    Visibility {
        Private => "private", "Private to its author";
        Coach => "coach", "Shared with the coach";
        Sponsor => "sponsor", "Shared with the coach and sponsor";
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JournalEntry {
    pub id: Id,
    pub candidate_id: Id,
    /// Who wrote it; `None` is the candidate. A private entry belongs to its author: no shared
    /// file carries it but with the author's own tick.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author_id: Option<Id>,
    #[serde(with = "date")]
    pub on: Date,
    pub title: String,
    #[serde(default)]
    pub body: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    pub visibility: Visibility,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merge_bases: Vec<Timestamp>,
}

coded_enum! {
    SnippetCategory {
        Feedback => "feedback", "Feedback";
        Career => "career", "Career conversation";
        Conflict => "conflict", "Conflict";
        Agenda => "agenda", "1:1 agenda";
        Other => "other", "Other";
    }
}

/// A reusable text for a hard conversation or a 1:1 agenda, written by the organisation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Snippet {
    pub id: Id,
    pub title: String,
    pub category: SnippetCategory,
    #[serde(default)]
    pub body: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merge_bases: Vec<Timestamp>,
}

/// A hard people situation, anonymised, worked through with peers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CaseReview {
    pub id: Id,
    pub cohort_id: Id,
    #[serde(with = "date")]
    pub on: Date,
    pub title: String,
    #[serde(default)]
    pub scenario: String,
    #[serde(default)]
    pub suggestions: String,
    #[serde(default)]
    pub tried: String,
    #[serde(default)]
    pub outcome: String,
    #[serde(default)]
    pub lessons: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merge_bases: Vec<Timestamp>,
}

/// A quarterly leadership retrospective by one person.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Retrospective {
    pub id: Id,
    pub person_id: Id,
    pub year: i32,
    /// 1 to 4.
    pub quarter: u8,
    #[serde(default)]
    pub worked: String,
    #[serde(default)]
    pub challenges: String,
    #[serde(default)]
    pub try_next: String,
    #[serde(default)]
    pub support: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merge_bases: Vec<Timestamp>,
}
