//! The one door through which the UI changes a workspace. Every edit is an [`Action`];
//! [`apply`] checks it, changes the workspace and stamps `updated_at`, or changes nothing and
//! says why. New ids come from the caller's id source so tests stay deterministic.

use std::fmt;

use crate::logic::journey::groups::Repeat;
use crate::logic::records::{
    cascade, each_kind, missing_owner, plausible_day, Entry, FieldProblem, ListVisitor, Record,
    RecordVisitor,
};
use crate::model::{
    Activity, Candidate, CandidateStatus, Cohort, Date, Decision, GreenFlag, Id, Nomination,
    Person, RecordKind, Timestamp, TrackLevel, WantsToManage, WeekPlan, Workspace,
};

pub use crate::content::program::DEFAULT_SUCCESS_SIGNALS;

#[derive(Clone, Debug, PartialEq)]
pub struct PersonFields {
    pub name: String,
    pub email: Option<String>,
    pub team: String,
    pub role_title: String,
    /// A new person's level when they joined: it becomes the first move of their level
    /// history. Levels change through level moves afterwards, so an update leaves it `None`
    /// (and refuses a different level).
    pub level: Option<TrackLevel>,
    pub joined_on: Option<Date>,
    pub left_on: Option<Date>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CohortFields {
    pub name: String,
    pub sponsor_id: Option<Id>,
    pub coach_ids: Vec<Id>,
    pub starts_on: Date,
    /// How a new cohort's phases are laid out (an edit keeps the phases it has).
    pub template: crate::logic::program::phases::CohortTemplate,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CandidateFields {
    pub status: CandidateStatus,
    pub protected_hours_per_week: f32,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetOrganisation(String),
    /// The organisation's values, one a line (blank lines dropped, repeats refused).
    SetValues(Vec<String>),
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
    /// Plans a new session (nil id) and a planned copy of it each week after: separate
    /// records, all saved or none.
    PlanWeekly {
        activity: Activity,
        repeat: Repeat,
    },
    /// Copies the previous week's sessions of a cohort's candidates into the week of `today`
    /// (see [`copy_last_week`](crate::logic::journey::groups::copy_last_week)): all or none.
    CopyLastWeek {
        cohort_id: Id,
        today: Date,
    },
    /// Starts a reversible trial in management (nil id) and records the move to `level` on
    /// its first day: both or neither.
    StartTrial {
        trial: crate::model::Trial,
        level: TrackLevel,
    },
    /// A decision on an open trial: confirm, extend or return to engineering (see
    /// [`trials::decide`](crate::logic::track::trials)).
    DecideTrial {
        trial_id: Id,
        outcome: crate::model::TrialOutcome,
    },
    /// Takes a promotion case one step on (see
    /// [`promotion::advance`](crate::logic::promotion)); final approval also writes the
    /// promotion into the level history.
    AdvanceCase {
        case_id: Id,
        step: crate::model::CaseStep,
    },
    /// The decision "not yet": its reasons and the data points behind it, each of which
    /// becomes a gap of the plan.
    NotYet {
        case_id: Id,
        step: crate::model::CaseStep,
        reasons: String,
        data_points: Vec<String>,
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

pub(crate) fn require_text(text: &str, what: &'static str) -> Result<String, ActionError> {
    let t = text.trim();
    if t.is_empty() {
        Err(ActionError::Blank(what))
    } else {
        Ok(t.to_string())
    }
}

pub(crate) fn cohort_mut(ws: &mut Workspace, id: Id) -> Result<&mut Cohort, ActionError> {
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
        Action::SetValues(values) => {
            let values: Vec<String> = values
                .iter()
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
                .collect();
            let mut seen: Vec<String> = Vec::new();
            for v in &values {
                let key = v.to_lowercase();
                if seen.contains(&key) {
                    return Err(ActionError::Problems(vec![crate::logic::records::problem(
                        "values",
                        format!("“{v}” is in the list twice"),
                    )]));
                }
                seen.push(key);
            }
            ws.values = values;
            Ok(None)
        }
        Action::AddPerson(fields) => crate::logic::program::people::add(ws, fields, now, new_id),
        Action::UpdatePerson { id, fields } => {
            crate::logic::program::people::update(ws, id, fields, now, new_id)
        }
        Action::DeletePerson { id } => {
            delete::<Person>(ws, id, now)?;
            Ok(None)
        }
        Action::AddCohort(fields) => crate::logic::program::cohorts::add(ws, fields, now, new_id),
        Action::UpdateCohort { id, fields } => {
            crate::logic::program::cohorts::update(ws, id, fields, now)
        }
        Action::SetPhaseEnds { cohort_id, ends } => {
            crate::logic::program::cohorts::set_phase_ends(ws, cohort_id, ends, now)
        }
        Action::ResetPhases { cohort_id } => {
            crate::logic::program::cohorts::reset_phases(ws, cohort_id, now)
        }
        Action::DeleteCohort { id } => {
            delete::<Cohort>(ws, id, now)?;
            Ok(None)
        }
        Action::AddSignal { cohort_id, text } => {
            crate::logic::program::cohorts::add_signal(ws, cohort_id, text, now, new_id)
        }
        Action::UpdateSignal {
            cohort_id,
            signal_id,
            text,
        } => crate::logic::program::cohorts::update_signal(ws, cohort_id, signal_id, text, now),
        Action::RemoveSignal {
            cohort_id,
            signal_id,
        } => crate::logic::program::cohorts::remove_signal(ws, cohort_id, signal_id, now),
        Action::AddCandidate {
            cohort_id,
            person_id,
            fields,
        } => crate::logic::program::candidates::add(ws, cohort_id, person_id, fields, now, new_id),
        Action::UpdateCandidate { id, fields } => {
            crate::logic::program::candidates::update(ws, id, fields, now)
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
        } => crate::logic::selection::decisions::set_selection(
            ws,
            candidate_id,
            nomination,
            green_flags,
            wants_to_manage,
            now,
        ),
        Action::Decide {
            candidate_id,
            decision,
        } => crate::logic::selection::decisions::decide(ws, candidate_id, decision, now),
        Action::TickFollowUp {
            one_on_one_id,
            follow_up_id,
            done_on,
        } => crate::logic::journey::follow_ups::tick_follow_up(
            ws,
            one_on_one_id,
            follow_up_id,
            done_on,
            now,
        ),
        Action::MarkSignal {
            candidate_id,
            signal_id,
            met_on,
            evidence,
        } => crate::logic::journey::signals::mark_signal(
            ws,
            candidate_id,
            signal_id,
            met_on,
            evidence,
            now,
        ),
        Action::SetWeekPlan { cohort_id, plan } => {
            crate::logic::program::cohorts::set_week_plan(ws, cohort_id, plan, now)
        }
        Action::AddScenario {
            cohort_id,
            title,
            prompt,
        } => crate::logic::selection::decisions::add_scenario(
            ws, cohort_id, title, prompt, now, new_id,
        ),
        Action::RemoveScenario {
            cohort_id,
            scenario_id,
        } => crate::logic::selection::decisions::remove_scenario(ws, cohort_id, scenario_id, now),
        Action::PlanWeekly { activity, repeat } => {
            if !activity.id.is_nil() {
                return Err(ActionError::Invalid(
                    "Only a new session can be planned weekly: save this one, then plan the others as new sessions."
                        .into(),
                ));
            }
            let copies = crate::logic::journey::groups::weekly_copies(ws, &activity, repeat)
                .map_err(|p| ActionError::Problems(vec![p]))?;
            put_all(ws, copies, now, new_id)
        }
        Action::CopyLastWeek { cohort_id, today } => {
            if ws.cohort(cohort_id).is_none() {
                return Err(ActionError::Missing("cohort"));
            }
            let plan = crate::logic::journey::groups::copy_last_week(ws, cohort_id, today);
            if plan.copies.is_empty() {
                return Err(ActionError::Invalid(plan.summary(ws, cohort_id).join(" ")));
            }
            put_all(ws, plan.copies, now, new_id)
        }
        Action::StartTrial { trial, level } => {
            crate::logic::track::trials::start(ws, trial, level, now, new_id)
        }
        Action::DecideTrial { trial_id, outcome } => {
            crate::logic::track::trials::decide(ws, trial_id, outcome, now, new_id)
        }
        Action::AdvanceCase { case_id, step } => {
            crate::logic::promotion::advance(ws, case_id, step, now, new_id)
        }
        Action::NotYet {
            case_id,
            step,
            reasons,
            data_points,
        } => crate::logic::promotion::not_yet(ws, case_id, step, reasons, data_points, now, new_id),
    }
}

/// Saves several new records as one change: every one, or none (the first refusal is
/// returned). Returns the first new id.
fn put_all<T: Entry>(
    ws: &mut Workspace,
    records: Vec<T>,
    now: Timestamp,
    new_id: &mut dyn FnMut() -> Id,
) -> Result<Option<Id>, ActionError> {
    let mut next = ws.clone();
    let mut first = None;
    for r in records {
        let id = put(&mut next, r, now, new_id)?;
        first.get_or_insert(id);
    }
    *ws = next;
    Ok(first)
}

pub(crate) fn candidate_mut(ws: &mut Workspace, id: Id) -> Result<&mut Candidate, ActionError> {
    ws.candidates
        .iter_mut()
        .find(|c| c.id == id)
        .ok_or(ActionError::Missing("candidate"))
}

/// Capitalises a rule's problem text into a sentence.
pub fn sentence(problem: &str) -> String {
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

/// Saves one record through the same checks as [`Action::Put`], for actions that save several
/// kinds at once.
pub(crate) fn put_record<T: Entry>(
    ws: &mut Workspace,
    r: T,
    now: Timestamp,
    new_id: &mut dyn FnMut() -> Id,
) -> Result<Id, ActionError> {
    put(ws, r, now, new_id)
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
    // A day up to tomorrow is accepted: "today" where the person is may be tomorrow in UTC.
    let latest = now.date_naive() + chrono::Days::new(1);
    let future: Vec<FieldProblem> = r
        .not_after_today()
        .into_iter()
        .filter(|(_, d)| *d > latest)
        .map(|(f, d)| {
            (
                f.to_string(),
                format!("{d} is in the future: record it once it has happened"),
            )
        })
        .collect();
    if !future.is_empty() {
        return Err(ActionError::Problems(future));
    }
    save_problems(ws, &r)?;
    let id = r.id();
    let list = T::list_mut(ws);
    match existing {
        Some(i) => list[i] = r,
        None => list.push(r),
    }
    T::after_save(ws, id, now);
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
