//! Promotion packages: a case for moving someone up the management track (or to M1 at the end
//! of a cohort), the letters that back it, the applicant's written document, and the
//! committee's blind reads before the debrief.
//!
//! Four kinds, so that the people who write each part never edit the same record: the sponsor
//! keeps the case (steps, letter slots, debrief, decision, plan), the applicant the document,
//! each writer their letter, each committee member their read.

use serde::{Deserialize, Serialize};

use super::journey::coded_enum;
use super::{date, opt_date, Date, Id, Timestamp, TrackLevel};

coded_enum! {
    /// Where a promotion case stands. Every step is dated and by whom ([`CaseStep`]).
    CaseStatus {
        Draft => "draft", "Draft";
        LettersRequested => "letters_requested", "Letters requested";
        Ready => "ready", "Ready to submit";
        Submitted => "submitted", "Submitted";
        Debrief => "debrief", "In debrief";
        ApprovedLeadership => "approved_leadership", "Approved by engineering leadership";
        ApprovedExecutive => "approved_executive", "Approved by the executive team";
        NotYet => "not_yet", "Not yet";
        Withdrawn => "withdrawn", "Withdrawn";
    }
}

impl CaseStatus {
    /// Whether the case is over: approved at the top, "not yet", or withdrawn.
    pub fn is_closed(self) -> bool {
        matches!(
            self,
            CaseStatus::ApprovedExecutive | CaseStatus::NotYet | CaseStatus::Withdrawn
        )
    }
}

/// One dated step of a case.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CaseStep {
    pub status: CaseStatus,
    #[serde(with = "date")]
    pub on: Date,
    /// Who took the step (soft: a person may be missing from a shared file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<Id>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

coded_enum! {
    /// The kinds of recommendation letter a package asks for.
    LetterKind {
        SeniorEngineer => "senior_engineer", "Staff or lead engineer (or higher) from the same team";
        ProductPartner => "product_partner", "Product or program manager from several projects together";
        OutsideTeam => "outside_team", "Engineer from another team, or a manager or director from another org";
        Optional => "optional", "Optional: engineer, PM, QA manager, or support or solutions manager";
        Sponsor => "sponsor", "The sponsor's letter";
    }
}

impl LetterKind {
    /// The kinds every package needs a letter of (the sponsor's letter is asked for apart).
    pub const REQUIRED: [LetterKind; 3] = [
        LetterKind::SeniorEngineer,
        LetterKind::ProductPartner,
        LetterKind::OutsideTeam,
    ];

    /// A short name for lists ("Same-team senior engineer").
    pub fn short(self) -> &'static str {
        match self {
            LetterKind::SeniorEngineer => "Same-team senior engineer",
            LetterKind::ProductPartner => "Product or program partner",
            LetterKind::OutsideTeam => "Outside the team",
            LetterKind::Optional => "Optional fourth letter",
            LetterKind::Sponsor => "Sponsor",
        }
    }
}

/// A place for one letter: who the applicant suggested, and the request the sponsor sent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LetterSlot {
    pub id: Id,
    pub kind: LetterKind,
    /// The writer's name, as the applicant suggested it.
    pub writer: String,
    /// Their role ("Staff engineer, Payments").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    /// What the letter should speak to (goes in the request file).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub speaks_to: String,
    /// The day the request file was made.
    #[serde(default, with = "opt_date", skip_serializing_if = "Option::is_none")]
    pub requested_on: Option<Date>,
    #[serde(default, with = "opt_date", skip_serializing_if = "Option::is_none")]
    pub due_on: Option<Date>,
}

/// Engineering leadership's debrief: who takes part, when, and whether the reads are shown.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Debrief {
    #[serde(default, with = "opt_date", skip_serializing_if = "Option::is_none")]
    pub on: Option<Date>,
    /// The committee members (soft).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<Id>,
    /// Set by the chair to show every read; `revealed_at` is stamped by the save that sets it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub revealed: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revealed_at: Option<Timestamp>,
    /// The discussion after the reveal.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

/// One gap in the plan a "not yet" leaves: a data point from the decision, what it is about,
/// who owns closing it, the next step and by when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanGap {
    pub id: Id,
    /// The data point behind the decision, in the committee's words.
    pub data_point: String,
    /// The framework domain it is about (soft; a domain of the track framework).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_id: Option<Id>,
    /// Who owns closing it (soft).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_id: Option<Id>,
    #[serde(default)]
    pub next_step: String,
    /// The cycle it should be closed by ("2027 H2").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub cycle: String,
    #[serde(default, with = "opt_date", skip_serializing_if = "Option::is_none")]
    pub done_on: Option<Date>,
}

/// A promotion case: the applicant, the move asked for, the sponsor and the steps taken.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PromotionCase {
    pub id: Id,
    /// The applicant.
    pub person_id: Id,
    pub from_level: TrackLevel,
    pub to_level: TrackLevel,
    /// The sponsor: their direct manager (soft).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sponsor_id: Option<Id>,
    /// Set when the sponsor is not the direct manager (a skip-level): why.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub skip_level_reason: String,
    /// The day applicant and sponsor agreed the applicant is eligible.
    #[serde(default, with = "opt_date", skip_serializing_if = "Option::is_none")]
    pub eligible_on: Option<Date>,
    /// The promotion cycle it is aimed at ("2027 H1").
    #[serde(default)]
    pub cycle: String,
    /// The steps taken, oldest first; the last is where the case stands.
    #[serde(default)]
    pub steps: Vec<CaseStep>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub slots: Vec<LetterSlot>,
    #[serde(default)]
    pub debrief: Debrief,
    /// The decision's reasons (approved or not yet).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reasons: String,
    /// After a "not yet": the plan to close the gaps.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plan: Vec<PlanGap>,
    /// The sponsor's own lesson from the case.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sponsor_lesson: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merge_bases: Vec<Timestamp>,
}

impl PromotionCase {
    /// Where the case stands: its last step, or a draft.
    pub fn status(&self) -> CaseStatus {
        self.steps.last().map_or(CaseStatus::Draft, |s| s.status)
    }

    /// The day the case reached `status`, if it did (the latest such step).
    pub fn reached(&self, status: CaseStatus) -> Option<Date> {
        self.steps
            .iter()
            .rev()
            .find(|s| s.status == status)
            .map(|s| s.on)
    }
}

/// One selected project of the document.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DocProject {
    pub id: Id,
    pub title: String,
    #[serde(default)]
    pub overview: String,
    #[serde(default)]
    pub roles: String,
    #[serde(default)]
    pub results: String,
    /// The micro-assignment it was started from (soft).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignment_id: Option<Id>,
}

coded_enum! {
    /// Who someone the applicant mentored is.
    MenteeKind {
        NewGrad => "new_grad", "New-grad hire";
        Intern => "intern", "Intern";
        Other => "other", "Other";
    }
}

/// Someone the applicant mentored or coached.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mentee {
    pub name: String,
    pub kind: MenteeKind,
}

/// The applicant's written document: the sections in the order the committee reads them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PromotionDocument {
    pub id: Id,
    pub case_id: Id,
    #[serde(default)]
    pub background: String,
    #[serde(default)]
    pub intent: String,
    #[serde(default)]
    pub alignment: String,
    #[serde(default)]
    pub projects: Vec<DocProject>,
    #[serde(default)]
    pub technical: String,
    #[serde(default)]
    pub mentoring: String,
    #[serde(default)]
    pub mentees: Vec<Mentee>,
    #[serde(default)]
    pub scope: String,
    #[serde(default)]
    pub cross_functional: String,
    #[serde(default)]
    pub values: String,
    #[serde(default)]
    pub summary: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merge_bases: Vec<Timestamp>,
}

/// A recommendation letter: received by file from its writer, or the sponsor's own.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Letter {
    pub id: Id,
    pub case_id: Id,
    /// The slot it fills (none: the sponsor's letter).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slot_id: Option<Id>,
    pub kind: LetterKind,
    /// The writer's name, as they signed it.
    pub writer: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    /// The writer, when they are a person in this workspace (the sponsor): the letter goes
    /// with them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub writer_id: Option<Id>,
    pub body: String,
    #[serde(with = "date")]
    pub written_on: Date,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merge_bases: Vec<Timestamp>,
}

coded_enum! {
    /// A committee member's read of a package before the debrief.
    ReadVerdict {
        Recommend => "recommend", "Recommend";
        NotYet => "not_yet", "Not yet";
    }
}

/// One committee member's own read of a package, made before seeing the others'.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DebriefRead {
    pub id: Id,
    pub case_id: Id,
    pub reader_id: Id,
    pub verdict: ReadVerdict,
    #[serde(default)]
    pub why: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merge_bases: Vec<Timestamp>,
}
