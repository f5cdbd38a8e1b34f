//! The one door through which the UI changes a workspace. Every edit is an [`Action`];
//! [`apply`] checks it, changes the workspace and stamps `updated_at`, or changes nothing and
//! says why. New ids come from the caller's id source so tests stay deterministic.

use std::fmt;

use chrono::Datelike;

use crate::logic::entries::{owner_exists, prune, with_record, Entry, Owner, Record};
use crate::logic::phases::{default_phases, set_phase_end, shift_phases};
use crate::logic::validate::MAX_PROTECTED_HOURS;
use crate::model::{
    standard_scenarios, Candidate, CandidateStatus, Cohort, Date, Decision, GreenFlag, Id,
    Nomination, Person, RecordKind, Scenario, SignalMark, SuccessSignal, Timestamp, Tombstone,
    TrackLevel, Verdict, WantsToManage, WeekPlan, Workspace,
};

/// The success signals a new cohort starts with; the coach edits them to fit.
pub const DEFAULT_SUCCESS_SIGNALS: [&str; 4] = [
    "Runs 1:1s that end with a coaching goal and an agreed next step",
    "Leads team planning and shapes priorities with product and engineering",
    "Settles at least two people or technical disagreements with the coach present, and writes up what happened and what they learned",
    "Ships a small change that moves a team metric or removes a developer-experience pain",
];

#[derive(Clone, Debug, PartialEq)]
pub struct PersonFields {
    pub name: String,
    pub email: Option<String>,
    pub team: String,
    pub role_title: String,
    pub level: TrackLevel,
    pub joined_on: Option<Date>,
    pub left_on: Option<Date>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CohortFields {
    pub name: String,
    pub sponsor_id: Option<Id>,
    pub coach_ids: Vec<Id>,
    pub starts_on: Date,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CandidateFields {
    pub status: CandidateStatus,
    pub protected_hours_per_week: f32,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetOrganisation(String),
    AddPerson(PersonFields),
    UpdatePerson {
        id: Id,
        fields: PersonFields,
    },
    /// Removes the person, their candidacies, and their sponsor/coach roles.
    DeletePerson {
        id: Id,
    },
    /// Creates a cohort with default phases and the default success signals.
    AddCohort(CohortFields),
    /// Changing the start moves every phase, keeping their lengths.
    UpdateCohort {
        id: Id,
        fields: CohortFields,
    },
    /// Sets a phase's last day; later phases move to stay back to back.
    SetPhaseEnd {
        cohort_id: Id,
        index: usize,
        ends_on: Date,
    },
    ResetPhases {
        cohort_id: Id,
    },
    /// Removes the cohort and its candidates.
    DeleteCohort {
        id: Id,
    },
    AddSignal {
        cohort_id: Id,
        text: String,
    },
    UpdateSignal {
        cohort_id: Id,
        signal_id: Id,
        text: String,
    },
    RemoveSignal {
        cohort_id: Id,
        signal_id: Id,
    },
    AddCandidate {
        cohort_id: Id,
        person_id: Id,
        fields: CandidateFields,
    },
    UpdateCandidate {
        id: Id,
        fields: CandidateFields,
    },
    RemoveCandidate {
        id: Id,
    },
    /// Saves a journey record: a nil id creates it, any other id replaces that record.
    Put(Record),
    /// Adds a record that comes from a file under its own id (a framework imported on its
    /// own), so later files that refer to it still match. Refused when the id is taken here
    /// or was deleted here.
    Add(Record),
    /// Deletes a journey record (and clears links to it).
    Remove {
        kind: RecordKind,
        id: Id,
    },
    /// The nomination, green flags and "wants to manage" answer of a candidate.
    SetSelection {
        candidate_id: Id,
        nomination: Option<Nomination>,
        green_flags: Vec<GreenFlag>,
        wants_to_manage: Option<WantsToManage>,
    },
    /// Records (or withdraws, with `None`) the selection decision; the status follows it.
    Decide {
        candidate_id: Id,
        decision: Option<Decision>,
    },
    /// Ticks a 1:1 follow-up off (on a day) or opens it again (`None`).
    TickFollowUp {
        one_on_one_id: Id,
        follow_up_id: Id,
        done_on: Option<Date>,
    },
    /// One success signal for one candidate: met (on a day) or not yet, with its evidence.
    MarkSignal {
        candidate_id: Id,
        signal_id: Id,
        met_on: Option<Date>,
        evidence: Vec<Id>,
    },
    SetWeekPlan {
        cohort_id: Id,
        plan: WeekPlan,
    },
    AddScenario {
        cohort_id: Id,
        title: String,
        prompt: String,
    },
    RemoveScenario {
        cohort_id: Id,
        scenario_id: Id,
    },
}

/// Why an action was refused. The workspace is unchanged when this is returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActionError {
    Missing(&'static str),
    Blank(&'static str),
    Invalid(String),
}

impl fmt::Display for ActionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ActionError::Missing(what) => write!(
                f,
                "That {what} no longer exists (it may have been deleted in another tab or by an import)."
            ),
            ActionError::Blank(what) => write!(f, "Please enter {what}."),
            ActionError::Invalid(msg) => f.write_str(msg),
        }
    }
}

fn require_text(text: &str, what: &'static str) -> Result<String, ActionError> {
    let t = text.trim();
    if t.is_empty() {
        Err(ActionError::Blank(what))
    } else {
        Ok(t.to_string())
    }
}

fn check_person(ws: &Workspace, id: Id) -> Result<(), ActionError> {
    ws.person(id)
        .map(|_| ())
        .ok_or(ActionError::Missing("person"))
}

fn clean_person(f: PersonFields) -> Result<PersonFields, ActionError> {
    let name = require_text(&f.name, "a name")?;
    let email = f
        .email
        .map(|e| e.trim().to_string())
        .filter(|e| !e.is_empty());
    if let Some(e) = &email {
        if !e.contains('@') {
            return Err(ActionError::Invalid(format!(
                "“{e}” is not an email address."
            )));
        }
    }
    if let (Some(j), Some(l)) = (f.joined_on, f.left_on) {
        if l < j {
            return Err(ActionError::Invalid(
                "The left date is before the joined date.".into(),
            ));
        }
    }
    Ok(PersonFields {
        name,
        email,
        team: f.team.trim().to_string(),
        role_title: f.role_title.trim().to_string(),
        ..f
    })
}

fn clean_cohort(ws: &Workspace, f: CohortFields) -> Result<CohortFields, ActionError> {
    let name = require_text(&f.name, "a cohort name")?;
    if let Some(s) = f.sponsor_id {
        check_person(ws, s)?;
    }
    let mut coach_ids: Vec<Id> = Vec::new();
    for c in f.coach_ids {
        check_person(ws, c)?;
        if !coach_ids.contains(&c) {
            coach_ids.push(c);
        }
    }
    Ok(CohortFields {
        name,
        coach_ids,
        ..f
    })
}

fn check_hours(f: &CandidateFields) -> Result<(), ActionError> {
    let h = f.protected_hours_per_week;
    if h.is_finite() && (0.0..=MAX_PROTECTED_HOURS).contains(&h) {
        Ok(())
    } else {
        Err(ActionError::Invalid(format!(
            "Protected hours must be a number from 0 to {MAX_PROTECTED_HOURS}."
        )))
    }
}

fn cohort_mut(ws: &mut Workspace, id: Id) -> Result<&mut Cohort, ActionError> {
    ws.cohorts
        .iter_mut()
        .find(|c| c.id == id)
        .ok_or(ActionError::Missing("cohort"))
}

/// Records deletions as tombstones, so a later merge does not bring the records back.
fn bury(
    ws: &mut Workspace,
    kind: RecordKind,
    records: impl IntoIterator<Item = (Id, Timestamp)>,
    now: Timestamp,
) {
    for (id, version) in records {
        if !ws.deleted.iter().any(|t| t.id == id) {
            ws.deleted.push(Tombstone {
                id,
                kind,
                deleted_at: now,
                version: Some(version),
            });
        }
    }
}

/// Applies one action. Returns the id of a record it created, if any.
pub fn apply(
    ws: &mut Workspace,
    action: Action,
    now: Timestamp,
    new_id: &mut dyn FnMut() -> Id,
) -> Result<Option<Id>, ActionError> {
    match action {
        Action::SetOrganisation(name) => {
            ws.organisation = require_text(&name, "an organisation name")?;
            Ok(None)
        }
        Action::AddPerson(fields) => {
            let f = clean_person(fields)?;
            let id = new_id();
            ws.people.push(Person {
                id,
                name: f.name,
                email: f.email,
                team: f.team,
                role_title: f.role_title,
                level: f.level,
                joined_on: f.joined_on,
                left_on: f.left_on,
                created_at: now,
                updated_at: now,
                merge_bases: Vec::new(),
            });
            Ok(Some(id))
        }
        Action::UpdatePerson { id, fields } => {
            let f = clean_person(fields)?;
            let p = ws
                .people
                .iter_mut()
                .find(|p| p.id == id)
                .ok_or(ActionError::Missing("person"))?;
            p.name = f.name;
            p.email = f.email;
            p.team = f.team;
            p.role_title = f.role_title;
            p.level = f.level;
            p.joined_on = f.joined_on;
            p.left_on = f.left_on;
            p.updated_at = now;
            Ok(None)
        }
        Action::DeletePerson { id } => {
            check_person(ws, id)?;
            let version = ws.person(id).map_or(now, |p| p.updated_at);
            bury(ws, RecordKind::Person, [(id, version)], now);
            let candidacies: Vec<_> = ws
                .candidacies_of(id)
                .map(|c| (c.id, c.updated_at))
                .collect();
            bury(ws, RecordKind::Candidate, candidacies, now);
            ws.people.retain(|p| p.id != id);
            ws.candidates.retain(|c| c.person_id != id);
            cascade(ws, &[id], now);
            for cohort in &mut ws.cohorts {
                let before = (cohort.sponsor_id, cohort.coach_ids.len());
                if cohort.sponsor_id == Some(id) {
                    cohort.sponsor_id = None;
                }
                cohort.coach_ids.retain(|c| *c != id);
                if before != (cohort.sponsor_id, cohort.coach_ids.len()) {
                    cohort.updated_at = now;
                }
            }
            Ok(None)
        }
        Action::AddCohort(fields) => {
            let f = clean_cohort(ws, fields)?;
            let id = new_id();
            let success_signals = DEFAULT_SUCCESS_SIGNALS
                .iter()
                .map(|text| SuccessSignal {
                    id: new_id(),
                    text: (*text).to_string(),
                })
                .collect();
            ws.cohorts.push(Cohort {
                id,
                name: f.name,
                sponsor_id: f.sponsor_id,
                coach_ids: f.coach_ids,
                phases: default_phases(f.starts_on),
                success_signals,
                scenarios: standard_scenarios(),
                week: WeekPlan::default(),
                created_at: now,
                updated_at: now,
                merge_bases: Vec::new(),
            });
            Ok(Some(id))
        }
        Action::UpdateCohort { id, fields } => {
            let f = clean_cohort(ws, fields)?;
            let c = cohort_mut(ws, id)?;
            c.name = f.name;
            c.sponsor_id = f.sponsor_id;
            c.coach_ids = f.coach_ids;
            if f.starts_on != c.starts_on() {
                c.phases = shift_phases(&c.phases, f.starts_on);
            }
            c.updated_at = now;
            Ok(None)
        }
        Action::SetPhaseEnd {
            cohort_id,
            index,
            ends_on,
        } => {
            let c = cohort_mut(ws, cohort_id)?;
            let phases = set_phase_end(&c.phases, index, ends_on).ok_or_else(|| {
                ActionError::Invalid("A phase cannot end before it starts.".into())
            })?;
            c.phases = phases;
            c.updated_at = now;
            Ok(None)
        }
        Action::ResetPhases { cohort_id } => {
            let c = cohort_mut(ws, cohort_id)?;
            c.phases = default_phases(c.starts_on());
            c.updated_at = now;
            Ok(None)
        }
        Action::DeleteCohort { id } => {
            cohort_mut(ws, id)?;
            let version = ws.cohort(id).map_or(now, |c| c.updated_at);
            bury(ws, RecordKind::Cohort, [(id, version)], now);
            let enrolled: Vec<_> = ws.candidates_in(id).map(|c| (c.id, c.updated_at)).collect();
            bury(ws, RecordKind::Candidate, enrolled, now);
            ws.cohorts.retain(|c| c.id != id);
            ws.candidates.retain(|c| c.cohort_id != id);
            cascade(ws, &[id], now);
            Ok(None)
        }
        Action::AddSignal { cohort_id, text } => {
            let text = require_text(&text, "the signal's text")?;
            let id = new_id();
            let c = cohort_mut(ws, cohort_id)?;
            c.success_signals.push(SuccessSignal { id, text });
            c.updated_at = now;
            Ok(Some(id))
        }
        Action::UpdateSignal {
            cohort_id,
            signal_id,
            text,
        } => {
            let text = require_text(&text, "the signal's text")?;
            let c = cohort_mut(ws, cohort_id)?;
            let s = c
                .success_signals
                .iter_mut()
                .find(|s| s.id == signal_id)
                .ok_or(ActionError::Missing("success signal"))?;
            s.text = text;
            c.updated_at = now;
            Ok(None)
        }
        Action::RemoveSignal {
            cohort_id,
            signal_id,
        } => {
            let c = cohort_mut(ws, cohort_id)?;
            let before = c.success_signals.len();
            c.success_signals.retain(|s| s.id != signal_id);
            if c.success_signals.len() == before {
                return Err(ActionError::Missing("success signal"));
            }
            c.updated_at = now;
            Ok(None)
        }
        Action::AddCandidate {
            cohort_id,
            person_id,
            fields,
        } => {
            check_hours(&fields)?;
            check_person(ws, person_id)?;
            let cohort = cohort_mut(ws, cohort_id)?;
            if cohort.sponsor_id == Some(person_id) || cohort.coach_ids.contains(&person_id) {
                return Err(ActionError::Invalid(format!(
                    "{} is this cohort's sponsor or coach, so cannot also be one of its candidates.",
                    ws.person_name(person_id)
                )));
            }
            if ws
                .candidates
                .iter()
                .any(|c| c.cohort_id == cohort_id && c.person_id == person_id)
            {
                return Err(ActionError::Invalid(format!(
                    "{} is already a candidate in this cohort.",
                    ws.person_name(person_id)
                )));
            }
            let id = new_id();
            ws.candidates.push(Candidate {
                id,
                cohort_id,
                person_id,
                status: fields.status,
                protected_hours_per_week: fields.protected_hours_per_week,
                nomination: None,
                green_flags: Vec::new(),
                wants_to_manage: None,
                decision: None,
                signals: Vec::new(),
                created_at: now,
                updated_at: now,
                merge_bases: Vec::new(),
            });
            Ok(Some(id))
        }
        Action::UpdateCandidate { id, fields } => {
            check_hours(&fields)?;
            let c = ws
                .candidates
                .iter_mut()
                .find(|c| c.id == id)
                .ok_or(ActionError::Missing("candidate"))?;
            c.status = fields.status;
            c.protected_hours_per_week = fields.protected_hours_per_week;
            c.updated_at = now;
            Ok(None)
        }
        Action::RemoveCandidate { id } => {
            let Some(version) = ws.candidate(id).map(|c| c.updated_at) else {
                return Err(ActionError::Missing("candidate"));
            };
            bury(ws, RecordKind::Candidate, [(id, version)], now);
            ws.candidates.retain(|c| c.id != id);
            cascade(ws, &[id], now);
            Ok(None)
        }
        Action::Put(record) => with_record!(record, r => put(ws, r, now, new_id).map(Some)),
        Action::Add(record) => with_record!(record, r => add(ws, r).map(Some)),
        Action::Remove { kind, id } => {
            if kind == RecordKind::OneOnOne {
                hand_on_open_follow_ups(ws, id, now);
            }
            if kind == RecordKind::Framework {
                let (assessments, calibrations) = crate::logic::frameworks::usage(ws, id);
                if assessments + calibrations > 0 {
                    return Err(ActionError::Invalid(format!(
                        "This framework is in use by {assessments} assessment(s) and {calibrations} calibration(s), so deleting it would leave them unreadable. Retire its domains or levels instead, or delete those first."
                    )));
                }
            }
            remove_entry(ws, kind, id, now)?;
            cascade(ws, &[id], now);
            Ok(None)
        }
        Action::SetSelection {
            candidate_id,
            nomination,
            green_flags,
            wants_to_manage,
        } => {
            let c = candidate_mut(ws, candidate_id)?;
            c.nomination = nomination.map(|n| Nomination {
                rationale: n.rationale.trim().to_string(),
                ..n
            });
            // Stored in the order of the checklist, each once.
            c.green_flags = GreenFlag::ALL
                .iter()
                .copied()
                .filter(|f| green_flags.contains(f))
                .collect();
            c.wants_to_manage = wants_to_manage;
            c.updated_at = now;
            Ok(None)
        }
        Action::Decide {
            candidate_id,
            decision,
        } => {
            let c = candidate_mut(ws, candidate_id)?;
            match &decision {
                Some(d) => {
                    if d.reason.trim().is_empty() {
                        return Err(ActionError::Blank("a reason for the decision"));
                    }
                    c.status = match d.verdict {
                        Verdict::Selected => match c.status {
                            CandidateStatus::Nominated | CandidateStatus::NotSelected => {
                                CandidateStatus::Selected
                            }
                            other => other,
                        },
                        Verdict::NotNow => CandidateStatus::NotSelected,
                    };
                }
                None => {
                    if matches!(
                        c.status,
                        CandidateStatus::Selected | CandidateStatus::NotSelected
                    ) {
                        c.status = CandidateStatus::Nominated;
                    }
                }
            }
            c.decision = decision.map(|d| Decision {
                reason: d.reason.trim().to_string(),
                feedback: d.feedback.trim().to_string(),
                ..d
            });
            c.updated_at = now;
            Ok(None)
        }
        Action::TickFollowUp {
            one_on_one_id,
            follow_up_id,
            done_on,
        } => {
            let o = ws
                .one_on_ones
                .iter_mut()
                .find(|o| o.id == one_on_one_id)
                .ok_or(ActionError::Missing("1:1"))?;
            let f = o
                .follow_ups
                .iter_mut()
                .find(|f| f.id == follow_up_id)
                .ok_or(ActionError::Missing("follow-up"))?;
            f.done_on = done_on;
            o.updated_at = now;
            Ok(None)
        }
        Action::MarkSignal {
            candidate_id,
            signal_id,
            met_on,
            evidence,
        } => {
            let cohort_id = ws
                .candidate(candidate_id)
                .ok_or(ActionError::Missing("candidate"))?
                .cohort_id;
            if !ws
                .cohort(cohort_id)
                .is_some_and(|c| c.success_signals.iter().any(|s| s.id == signal_id))
            {
                return Err(ActionError::Missing("success signal"));
            }
            let c = candidate_mut(ws, candidate_id)?;
            let mut evidence_once = Vec::new();
            for e in evidence {
                if !evidence_once.contains(&e) {
                    evidence_once.push(e);
                }
            }
            c.signals.retain(|s| s.signal_id != signal_id);
            if met_on.is_some() || !evidence_once.is_empty() {
                c.signals.push(SignalMark {
                    signal_id,
                    met_on,
                    evidence: evidence_once,
                });
            }
            c.updated_at = now;
            Ok(None)
        }
        Action::SetWeekPlan { cohort_id, plan } => {
            let p = &plan;
            if !(p.assignment_hours_min.is_finite()
                && p.assignment_hours_max.is_finite()
                && p.assignment_hours_min >= 0.0
                && p.assignment_hours_min <= p.assignment_hours_max
                && p.assignment_hours_max <= MAX_PROTECTED_HOURS)
            {
                return Err(ActionError::Invalid(format!(
                    "Micro-assignment hours must be a range from 0 to {MAX_PROTECTED_HOURS}, the first no more than the second."
                )));
            }
            if [p.workshops, p.shadowing, p.coaching_labs]
                .iter()
                .any(|n| *n > 10)
            {
                return Err(ActionError::Invalid(
                    "A week can plan at most 10 sessions of one kind.".into(),
                ));
            }
            let c = cohort_mut(ws, cohort_id)?;
            c.week = plan;
            c.updated_at = now;
            Ok(None)
        }
        Action::AddScenario {
            cohort_id,
            title,
            prompt,
        } => {
            let title = require_text(&title, "a title for the scenario")?;
            let id = new_id();
            let c = cohort_mut(ws, cohort_id)?;
            c.scenarios.push(Scenario {
                id,
                title,
                prompt: prompt.trim().to_string(),
            });
            c.updated_at = now;
            Ok(Some(id))
        }
        Action::RemoveScenario {
            cohort_id,
            scenario_id,
        } => {
            let c = cohort_mut(ws, cohort_id)?;
            let before = c.scenarios.len();
            c.scenarios.retain(|s| s.id != scenario_id);
            if c.scenarios.len() == before {
                return Err(ActionError::Missing("scenario"));
            }
            c.updated_at = now;
            Ok(None)
        }
    }
}

/// The next 1:1 with the same person after `one`, if any.
fn next_one_on_one(ws: &Workspace, one: &crate::model::OneOnOne) -> Option<Id> {
    ws.one_on_ones
        .iter()
        .filter(|o| {
            o.id != one.id
                && o.candidate_id == one.candidate_id
                && o.with_id == one.with_id
                && (o.held_on, o.created_at) > (one.held_on, one.created_at)
        })
        .min_by_key(|o| (o.held_on, o.created_at))
        .map(|o| o.id)
}

/// Before a 1:1 is deleted, its open follow-ups move to the next 1:1 with the same person, so
/// they keep coming back until ticked.
fn hand_on_open_follow_ups(ws: &mut Workspace, id: Id, now: Timestamp) {
    let Some(one) = ws.one_on_ones.iter().find(|o| o.id == id).cloned() else {
        return;
    };
    let open: Vec<_> = one
        .follow_ups
        .iter()
        .filter(|f| f.done_on.is_none())
        .cloned()
        .collect();
    if open.is_empty() {
        return;
    }
    if let Some(next) = next_one_on_one(ws, &one) {
        if let Some(n) = ws.one_on_ones.iter_mut().find(|o| o.id == next) {
            n.follow_ups.extend(open);
            n.updated_at = now;
        }
    }
}

fn candidate_mut(ws: &mut Workspace, id: Id) -> Result<&mut Candidate, ActionError> {
    ws.candidates
        .iter_mut()
        .find(|c| c.id == id)
        .ok_or(ActionError::Missing("candidate"))
}

/// After records are deleted: removes what they owned (with tombstones) and links to them.
fn cascade(ws: &mut Workspace, gone: &[Id], now: Timestamp) {
    let mut buried = Vec::new();
    prune(ws, gone, now, &mut buried);
    for (kind, id, version) in buried {
        bury(ws, kind, [(id, version)], now);
    }
}

fn owner_name(owner: Owner) -> &'static str {
    match owner {
        Owner::Candidate(_) => "candidate",
        Owner::Cohort(_) => "cohort",
        Owner::Person(_) => "person",
        Owner::Organisation => "organisation",
    }
}

/// Capitalises a rule's problem text into a sentence.
fn sentence(problem: &str) -> String {
    let mut chars = problem.chars();
    match chars.next() {
        Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
        None => String::new(),
    }
}

fn put<T: Entry>(
    ws: &mut Workspace,
    mut r: T,
    now: Timestamp,
    new_id: &mut dyn FnMut() -> Id,
) -> Result<Id, ActionError> {
    if !owner_exists(ws, r.owner()) {
        return Err(ActionError::Missing(owner_name(r.owner())));
    }
    let existing = T::list(ws).iter().position(|x| x.id() == r.id());
    match existing {
        None if r.id().is_nil() => {
            r.set_id(new_id());
            r.set_created_at(now);
            r.bases_mut().clear();
        }
        None => return Err(ActionError::Missing(T::KIND.name())),
        Some(i) => {
            let old = &T::list(ws)[i];
            r.set_created_at(old.created_at());
            *r.bases_mut() = old.bases().to_vec();
            r.keep_from(old, ws);
        }
    }
    r.fresh_ids(new_id);
    r.stamp(now);
    r.set_updated_at(now);
    // A year typed wrong (0026, 20266) is caught here; files may hold any valid date.
    if let Some(d) = r
        .days()
        .into_iter()
        .find(|d| !(1990..=2100).contains(&d.year()))
    {
        return Err(ActionError::Invalid(format!(
            "The date {d} looks mistyped: use a day between 1990 and 2100."
        )));
    }
    if let Some((_, problem)) = r.problems(ws).into_iter().chain(r.save_problems(ws)).next() {
        return Err(ActionError::Invalid(sentence(&problem)));
    }
    let id = r.id();
    let list = T::list_mut(ws);
    match existing {
        Some(i) => list[i] = r,
        None => list.push(r),
    }
    Ok(id)
}

fn add<T: Entry>(ws: &mut Workspace, r: T) -> Result<Id, ActionError> {
    let id = r.id();
    let taken = id.is_nil()
        || T::list(ws).iter().any(|x| x.id() == id)
        || ws.deleted.iter().any(|t| t.id == id)
        || (T::KIND == RecordKind::Framework && crate::logic::frameworks::is_builtin(id));
    if taken {
        return Err(ActionError::Invalid(format!(
            "This {} is already here or was deleted here, so it was not added again under the same id.",
            T::KIND.name()
        )));
    }
    if !owner_exists(ws, r.owner()) {
        return Err(ActionError::Missing(owner_name(r.owner())));
    }
    if let Some((_, problem)) = r.problems(ws).into_iter().chain(r.save_problems(ws)).next() {
        return Err(ActionError::Invalid(sentence(&problem)));
    }
    T::list_mut(ws).push(r);
    Ok(id)
}

fn remove_entry(
    ws: &mut Workspace,
    kind: RecordKind,
    id: Id,
    now: Timestamp,
) -> Result<(), ActionError> {
    struct Take {
        kind: RecordKind,
        id: Id,
        found: Option<Timestamp>,
        ws: Workspace,
    }
    impl crate::logic::entries::ListVisitor for Take {
        fn visit<T: Entry>(&mut self) {
            if T::KIND == self.kind {
                let list = T::list_mut(&mut self.ws);
                if let Some(i) = list.iter().position(|r| r.id() == self.id) {
                    self.found = Some(list.remove(i).updated_at());
                }
            }
        }
    }
    let mut t = Take {
        kind,
        id,
        found: None,
        ws: std::mem::take(ws),
    };
    crate::logic::entries::each_kind(&mut t);
    *ws = t.ws;
    let version = t.found.ok_or(ActionError::Missing(kind.name()))?;
    bury(ws, kind, [(id, version)], now);
    Ok(())
}

/// Applies an action to a copy and keeps the result only if the whole workspace still obeys
/// every rule ([`validate`](crate::logic::validate)). This is the door the UI uses: an edit can
/// never leave data that the next start would refuse to load.
pub fn apply_checked(
    ws: &mut Workspace,
    action: Action,
    now: Timestamp,
    new_id: &mut dyn FnMut() -> Id,
) -> Result<Option<Id>, ActionError> {
    let mut next = ws.clone();
    let created = apply(&mut next, action, now, new_id)?;
    if let Some(problem) = crate::logic::validate(&next).into_iter().next() {
        return Err(ActionError::Invalid(format!(
            "That change was not made: it would break a rule ({problem})."
        )));
    }
    *ws = next;
    Ok(created)
}

/// People who can still be enrolled in a cohort (not already candidates there), by name.
pub fn enrollable(ws: &Workspace, cohort_id: Id) -> Vec<&crate::model::Person> {
    let leads = |id: Id| {
        ws.cohort(cohort_id)
            .is_some_and(|c| c.sponsor_id == Some(id) || c.coach_ids.contains(&id))
    };
    let mut out: Vec<_> = ws
        .people
        .iter()
        .filter(|p| !ws.candidates_in(cohort_id).any(|c| c.person_id == p.id) && !leads(p.id))
        .collect();
    out.sort_by_key(|p| p.name.to_lowercase());
    out
}

/// Reads protected hours as typed in a form ("6", "6.5", "6,5").
pub fn parse_hours(text: &str) -> Result<f32, ActionError> {
    let h: f32 = text.trim().replace(',', ".").parse().map_err(|_| {
        ActionError::Invalid("Protected hours must be a number of hours, e.g. 6 or 6.5.".into())
    })?;
    check_hours(&CandidateFields {
        status: CandidateStatus::Nominated,
        protected_hours_per_week: h,
    })?;
    Ok(h)
}

/// What deleting a record would take with it, said before it happens.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Impact {
    /// One line per consequence, e.g. "their candidacy in Spring 2026 cohort".
    pub lines: Vec<String>,
}

impl Impact {
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
}

/// What deleting a person removes or changes.
pub fn person_deletion_impact(ws: &Workspace, id: Id) -> Impact {
    let mut lines = Vec::new();
    for cand in ws.candidacies_of(id) {
        let cohort = ws
            .cohort(cand.cohort_id)
            .map_or("an unknown cohort", |c| &c.name);
        lines.push(format!(
            "their candidacy in “{cohort}” ({}){}",
            cand.status.label(),
            owned_summary(ws, cand.id)
        ));
    }
    let cards = ws
        .interviews
        .iter()
        .filter(|i| i.interviewer_id == id)
        .count();
    if cards > 0 {
        lines.push(format!(
            "{cards} interview scorecard{} they wrote",
            if cards == 1 { "" } else { "s" }
        ));
    }
    let rated = ws
        .assessments
        .iter()
        .filter(|a| {
            a.rater_id == id
                && ws
                    .candidate(a.candidate_id)
                    .is_some_and(|c| c.person_id != id)
        })
        .count();
    if rated > 0 {
        lines.push(format!(
            "{rated} assessment{} they made of candidates",
            if rated == 1 { "" } else { "s" }
        ));
    }
    let nominated = ws
        .candidates
        .iter()
        .filter(|c| c.nomination.as_ref().is_some_and(|n| n.by == Some(id)) && c.person_id != id)
        .count();
    if nominated > 0 {
        lines.push(format!(
            "their name as nominator of {nominated} candidate{} (the nominations stay)",
            if nominated == 1 { "" } else { "s" }
        ));
    }
    let sessions = ws
        .activities
        .iter()
        .filter(|a| a.with.contains(&id))
        .count();
    let talks = ws
        .one_on_ones
        .iter()
        .filter(|o| o.with_id == Some(id))
        .count();
    if sessions + talks > 0 {
        lines.push(format!(
            "their name on {sessions} activit{} and {talks} 1:1{} they took part in (the records stay)",
            if sessions == 1 { "y" } else { "ies" },
            if talks == 1 { "" } else { "s" }
        ));
    }
    let retros = ws.retros.iter().filter(|r| r.person_id == id).count();
    if retros > 0 {
        lines.push(format!(
            "{retros} leadership retrospective{}",
            if retros == 1 { "" } else { "s" }
        ));
    }
    for cohort in &ws.cohorts {
        if cohort.sponsor_id == Some(id) {
            lines.push(format!(
                "their role as sponsor of “{}” (it will have no sponsor)",
                cohort.name
            ));
        }
        if cohort.coach_ids.contains(&id) {
            lines.push(format!("their role as coach of “{}”", cohort.name));
        }
    }
    Impact { lines }
}

/// What deleting a cohort removes.
pub fn cohort_deletion_impact(ws: &Workspace, id: Id) -> Impact {
    let mut lines: Vec<String> = ws
        .candidates_in(id)
        .map(|c| {
            format!(
                "the candidacy of {} ({}){}",
                ws.person_name(c.person_id),
                c.status.label(),
                owned_summary(ws, c.id)
            )
        })
        .collect();
    let reviews = ws.case_reviews.iter().filter(|r| r.cohort_id == id).count();
    if reviews > 0 {
        lines.push(format!(
            "{reviews} peer case review{}",
            if reviews == 1 { "" } else { "s" }
        ));
    }
    let sessions = ws.calibrations.iter().filter(|c| c.cohort_id == id).count();
    if sessions > 0 {
        lines.push(format!(
            "{sessions} calibration session{} and the levels they recorded",
            if sessions == 1 { "" } else { "s" }
        ));
    }
    Impact { lines }
}

/// What a candidacy holds, for deletion warnings: ", with 5 activities and 2 journal entries".
pub fn owned_summary(ws: &Workspace, candidate_id: Id) -> String {
    let n = |count: usize, one: &str, many: &str| {
        (count > 0).then(|| format!("{count} {}", if count == 1 { one } else { many }))
    };
    let mine = |c: Id| c == candidate_id;
    let parts: Vec<String> = [
        n(
            ws.activities
                .iter()
                .filter(|a| mine(a.candidate_id))
                .count(),
            "activity",
            "activities",
        ),
        n(
            ws.assignments
                .iter()
                .filter(|a| mine(a.candidate_id))
                .count(),
            "micro-assignment",
            "micro-assignments",
        ),
        n(
            ws.one_on_ones
                .iter()
                .filter(|a| mine(a.candidate_id))
                .count(),
            "1:1",
            "1:1s",
        ),
        n(
            ws.journal.iter().filter(|a| mine(a.candidate_id)).count(),
            "journal entry",
            "journal entries",
        ),
        n(
            ws.references
                .iter()
                .filter(|a| mine(a.candidate_id))
                .count()
                + ws.interviews
                    .iter()
                    .filter(|a| mine(a.candidate_id))
                    .count(),
            "selection note",
            "selection notes",
        ),
        n(
            ws.assessments
                .iter()
                .filter(|a| mine(a.candidate_id))
                .count(),
            "assessment",
            "assessments",
        ),
        n(
            ws.evidence.iter().filter(|a| mine(a.candidate_id)).count(),
            "evidence item",
            "evidence items",
        ),
        n(
            ws.feedback_rounds
                .iter()
                .filter(|a| mine(a.candidate_id))
                .count(),
            "round of 360 feedback",
            "rounds of 360 feedback",
        ),
        n(
            ws.health_checks
                .iter()
                .filter(|a| mine(a.candidate_id))
                .count(),
            "team health check",
            "team health checks",
        ),
    ]
    .into_iter()
    .flatten()
    .collect();
    match parts.as_slice() {
        [] => String::new(),
        [one] => format!(", with {one}"),
        [rest @ .., last] => format!(", with {} and {last}", rest.join(", ")),
    }
}

/// What deleting a journey record takes with it or changes elsewhere, said before it happens.
pub fn entry_deletion_impact(ws: &Workspace, kind: RecordKind, id: Id) -> Impact {
    let mut lines = Vec::new();
    if kind == RecordKind::OneOnOne {
        if let Some(o) = ws.one_on_ones.iter().find(|o| o.id == id) {
            let open = o.follow_ups.iter().filter(|f| f.done_on.is_none()).count();
            if !o.follow_ups.is_empty() {
                let mut line = format!(
                    "its {} follow-up{}",
                    o.follow_ups.len(),
                    if o.follow_ups.len() == 1 { "" } else { "s" }
                );
                if open > 0 {
                    let next = next_one_on_one(ws, o)
                        .and_then(|n| ws.one_on_ones.iter().find(|x| x.id == n));
                    line.push_str(&match next {
                        Some(n) => format!(
                            " — {open} still open, which move{} to the 1:1 of {}",
                            if open == 1 { "s" } else { "" },
                            crate::logic::journey::day_text(n.held_on)
                        ),
                        None => format!(
                            " — {open} still open, which will no longer come up in later 1:1s"
                        ),
                    });
                }
                lines.push(line);
            }
        }
    }
    if kind == RecordKind::Interview {
        if let Some(i) = ws.interviews.iter().find(|i| i.id == id) {
            lines.push(format!(
                "{}'s scores: the panel's spread and mean change",
                ws.person_name(i.interviewer_id)
            ));
        }
    }
    if kind == RecordKind::Calibration {
        if let Some(c) = ws.calibrations.iter().find(|c| c.id == id) {
            if !c.outcomes.is_empty() {
                lines.push(format!(
                    "the {} calibrated level{} it recorded (readiness goes back to the session before)",
                    c.outcomes.len(),
                    if c.outcomes.len() == 1 { "" } else { "s" }
                ));
            }
            let covered = crate::logic::calibration::covered(ws, c).len();
            if c.revealed && covered > 0 {
                lines.push(format!(
                    "the reveal: {covered} assessment{} it covers become blind again",
                    if covered == 1 { "" } else { "s" }
                ));
            }
        }
    }
    if kind == RecordKind::FeedbackRound {
        if let Some(r) = ws.feedback_rounds.iter().find(|r| r.id == id) {
            if !r.responses.is_empty() {
                lines.push(format!(
                    "its {} response{} (they are not kept anywhere else)",
                    r.responses.len(),
                    if r.responses.len() == 1 { "" } else { "s" }
                ));
            }
        }
    }
    if kind == RecordKind::Evidence {
        if let Some(e) = ws.evidence.iter().find(|e| e.id == id) {
            for d in crate::logic::frameworks::unbacked_by_removing(ws, e) {
                lines.push(format!(
                    "the only dated evidence for {d}, which is rated at the top level: that rating would rest on nothing"
                ));
            }
        }
    }
    let sourced = ws
        .evidence
        .iter()
        .filter(|e| e.source_id == Some(id))
        .count();
    if sourced > 0 {
        lines.push(format!(
            "the link from {sourced} evidence item{} to it (the item{} and {} note stay)",
            if sourced == 1 { "" } else { "s" },
            if sourced == 1 { "" } else { "s" },
            if sourced == 1 { "its" } else { "their" }
        ));
    }
    for c in &ws.candidates {
        for m in c.signals.iter().filter(|m| m.evidence.contains(&id)) {
            let text = ws
                .cohort(c.cohort_id)
                .and_then(|k| k.success_signals.iter().find(|s| s.id == m.signal_id))
                .map_or("(a removed signal)", |s| s.text.as_str());
            lines.push(format!(
                "the evidence it gives for {}'s success signal “{text}”{}",
                ws.person_name(c.person_id),
                if m.met_on.is_some() {
                    " (the signal stays marked met: check it)"
                } else {
                    ""
                }
            ));
        }
    }
    let linked = ws
        .activities
        .iter()
        .filter(|a| a.assignment_id == Some(id))
        .count();
    if linked > 0 {
        lines.push(format!(
            "the link from {linked} micro-assignment work session{} (the sessions stay)",
            if linked == 1 { "" } else { "s" }
        ));
    }
    let picked = ws
        .activities
        .iter()
        .filter(|a| a.journal_ids.contains(&id))
        .count();
    if picked > 0 {
        lines.push(format!(
            "its place on the list of {picked} reflection session{}",
            if picked == 1 { "" } else { "s" }
        ));
    }
    Impact { lines }
}
