//! The one door through which the UI changes a workspace. Every edit is an [`Action`];
//! [`apply`] checks it, changes the workspace and stamps `updated_at`, or changes nothing and
//! says why. New ids come from the caller's id source so tests stay deterministic.

use std::fmt;

use crate::logic::program::candidates::check_hours;
use crate::logic::program::phases::{default_phases, set_phase_end, set_phase_ends, shift_phases};
use crate::logic::program::MAX_PROTECTED_HOURS;
use crate::logic::records::{
    cascade, each_kind, missing_owner, plausible_day, Entry, FieldProblem, ListVisitor, Record,
    RecordVisitor,
};
use crate::model::{
    Candidate, CandidateStatus, Cohort, Date, Decision, GreenFlag, Id, Nomination, Person,
    RecordKind, Scenario, SignalMark, SuccessSignal, Timestamp, TrackLevel, Verdict, WantsToManage,
    WeekPlan, Workspace,
};

pub use crate::content::program::DEFAULT_SUCCESS_SIGNALS;

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
    /// Sets every phase's last day at once (the phase editor's save): all or nothing.
    SetPhaseEnds {
        cohort_id: Id,
        ends: Vec<Date>,
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
    /// Rules the record breaks, each addressed to its field (by its path in the record).
    Problems(Vec<FieldProblem>),
}

impl ActionError {
    /// The problems addressed to fields (empty for other errors), for showing each next to
    /// its field.
    pub fn fields(&self) -> &[FieldProblem] {
        match self {
            ActionError::Problems(p) => p,
            _ => &[],
        }
    }
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
            ActionError::Problems(p) => f.write_str(
                &p.iter()
                    .map(|(_, m)| sentence(m))
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
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

fn cohort_mut(ws: &mut Workspace, id: Id) -> Result<&mut Cohort, ActionError> {
    ws.cohorts
        .iter_mut()
        .find(|c| c.id == id)
        .ok_or(ActionError::Missing("cohort"))
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
            delete::<Person>(ws, id, now)?;
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
                scenarios: crate::content::program::standard_scenarios(),
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
        Action::SetPhaseEnds { cohort_id, ends } => {
            let c = cohort_mut(ws, cohort_id)?;
            let phases = set_phase_ends(&c.phases, &ends).map_err(|i| {
                let name = c.phases.get(i).map_or("A phase", |p| p.kind.name());
                ActionError::Problems(vec![(
                    format!("phases[{i}].ends_on"),
                    format!("{name} cannot end before it starts: nothing was changed"),
                )])
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
            delete::<Cohort>(ws, id, now)?;
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
            delete::<Candidate>(ws, id, now)?;
            Ok(None)
        }
        Action::Put(record) => record.visit(&mut Put { ws, now, new_id }).map(Some),
        Action::Add(record) => record.visit(&mut Add { ws }).map(Some),
        Action::Remove { kind, id } => {
            struct Remove<'a> {
                ws: &'a mut Workspace,
                kind: RecordKind,
                id: Id,
                now: Timestamp,
                done: Option<Result<(), ActionError>>,
            }
            impl ListVisitor for Remove<'_> {
                fn visit<T: Entry>(&mut self) {
                    if T::KIND == self.kind {
                        self.done = Some(delete::<T>(self.ws, self.id, self.now));
                    }
                }
            }
            let mut r = Remove {
                ws,
                kind,
                id,
                now,
                done: None,
            };
            each_kind(&mut r);
            r.done.unwrap_or(Err(ActionError::Missing(kind.name())))?;
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

fn candidate_mut(ws: &mut Workspace, id: Id) -> Result<&mut Candidate, ActionError> {
    ws.candidates
        .iter_mut()
        .find(|c| c.id == id)
        .ok_or(ActionError::Missing("candidate"))
}

/// Capitalises a rule's problem text into a sentence.
fn sentence(problem: &str) -> String {
    let mut chars = problem.chars();
    match chars.next() {
        Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
        None => String::new(),
    }
}

struct Put<'a> {
    ws: &'a mut Workspace,
    now: Timestamp,
    new_id: &'a mut dyn FnMut() -> Id,
}

impl RecordVisitor for Put<'_> {
    type Out = Result<Id, ActionError>;
    fn visit<T: Entry>(&mut self, r: T) -> Self::Out {
        put(self.ws, r, self.now, self.new_id)
    }
}

struct Add<'a> {
    ws: &'a mut Workspace,
}

impl RecordVisitor for Add<'_> {
    type Out = Result<Id, ActionError>;
    fn visit<T: Entry>(&mut self, r: T) -> Self::Out {
        add(self.ws, r)
    }
}

/// A record's problems on save: every rule, each addressed to its field.
fn save_problems<T: Entry>(ws: &Workspace, r: &T) -> Result<(), ActionError> {
    // A year typed wrong (0026, 20266) is caught here; files may hold any valid date.
    if let Some(d) = r.days().into_iter().find(|d| !plausible_day(*d)) {
        return Err(ActionError::Invalid(format!(
            "The date {d} looks mistyped: use a day between 1990 and 2100."
        )));
    }
    let problems: Vec<FieldProblem> = r
        .problems(ws)
        .into_iter()
        .chain(r.save_problems(ws))
        .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ActionError::Problems(problems))
    }
}

fn put<T: Entry>(
    ws: &mut Workspace,
    mut r: T,
    now: Timestamp,
    new_id: &mut dyn FnMut() -> Id,
) -> Result<Id, ActionError> {
    if let Some(l) = missing_owner(ws, &r) {
        return Err(ActionError::Missing(l.kind.name()));
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
    save_problems(ws, &r)?;
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
        || (T::KIND == RecordKind::Framework
            && crate::logic::evaluation::frameworks::is_builtin(id));
    if taken {
        return Err(ActionError::Invalid(format!(
            "This {} is already here or was deleted here, so it was not added again under the same id.",
            T::KIND.name()
        )));
    }
    if let Some(l) = missing_owner(ws, &r) {
        return Err(ActionError::Missing(l.kind.name()));
    }
    save_problems(ws, &r)?;
    T::list_mut(ws).push(r);
    Ok(id)
}

/// Deletes one record of kind `T` with a tombstone, then everything that goes with it.
fn delete<T: Entry>(ws: &mut Workspace, id: Id, now: Timestamp) -> Result<(), ActionError> {
    if !T::list(ws).iter().any(|r| r.id() == id) {
        return Err(ActionError::Missing(T::KIND.name()));
    }
    if let Some(refusal) = T::delete_refusal(ws, id) {
        return Err(ActionError::Invalid(refusal));
    }
    T::on_delete(ws, id, now);
    let list = T::list_mut(ws);
    let Some(i) = list.iter().position(|r| r.id() == id) else {
        return Err(ActionError::Missing(T::KIND.name()));
    };
    let version = list.remove(i).updated_at();
    crate::logic::records::cascade::bury(ws, T::KIND, id, version, now);
    cascade(ws, &[id], now);
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
