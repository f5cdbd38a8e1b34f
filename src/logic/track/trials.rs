//! The reversible first step into managing. Starting a trial records the move to M1; its end
//! is a decision — confirm (the history gets "trial confirmed"), extend, or return to
//! engineering at the guaranteed level — and the candidacy's status follows. A return is a
//! move like any other, recorded with the same care as a confirmation.

use crate::sort::StableSort as _;
use chrono::Months;

use crate::logic::actions::ActionError;
use crate::logic::records::problem;
use crate::model::*;

use super::level_on;

/// The default length of a trial, in months.
pub const DEFAULT_MONTHS: u32 = 6;

/// Reminders start this many days before a checkpoint or the end.
pub const REMIND_DAYS: i64 = 14;

/// Checkpoints a month apart from the start; the last one is the trial's last day (the end
/// review), never after it.
pub fn monthly_checkpoints(starts_on: Date, months: u32) -> Vec<Checkpoint> {
    let last = super::records::trial_last_day(starts_on, months);
    (1..=months)
        .filter_map(|m| starts_on.checked_add_months(Months::new(m)))
        .map(|on| on.min(last))
        .map(|on| Checkpoint {
            id: Id::nil(),
            on,
            held_on: None,
            delivery: String::new(),
            feedback: String::new(),
            support_note: String::new(),
        })
        .collect()
}

/// A new trial for a person starting on a day, with what Runway can fill in: the level held
/// before (the guaranteed return), the candidacy it follows from, monthly checkpoints.
pub fn draft(ws: &Workspace, person_id: Id, starts_on: Date) -> Trial {
    let before = starts_on.pred_opt().unwrap_or(starts_on);
    let held = level_on(ws, person_id, before)
        .filter(|l| !l.is_manager())
        .unwrap_or_default();
    let candidate_id = ws
        .candidacies_of(person_id)
        .max_by_key(|k| k.created_at)
        .map(|k| k.id);
    Trial {
        id: Id::nil(),
        person_id,
        candidate_id,
        starts_on,
        months: DEFAULT_MONTHS,
        return_level: held,
        return_band: String::new(),
        team: String::new(),
        from_team: String::new(),
        supporter_id: None,
        no_coding_expected: false,
        checkpoints: monthly_checkpoints(starts_on, DEFAULT_MONTHS),
        outcomes: Vec::new(),
        created_at: Timestamp::default(),
        updated_at: Timestamp::default(),
        merge_bases: Vec::new(),
    }
}

/// Something about a trial that needs attention soon.
#[derive(Clone, Debug, PartialEq)]
pub struct Reminder {
    pub trial_id: Id,
    pub person_id: Id,
    pub on: Date,
    pub text: String,
    pub overdue: bool,
}

/// What is due on an open trial around `today`: checkpoints not held that are past or within
/// [`REMIND_DAYS`], and the end.
pub fn reminders(ws: &Workspace, t: &Trial, today: Date) -> Vec<Reminder> {
    if t.end().is_some() {
        return Vec::new();
    }
    let soon = today + chrono::Days::new(REMIND_DAYS as u64);
    let name = ws.person_name(t.person_id);
    let mut out: Vec<Reminder> = t
        .checkpoints
        .iter()
        .filter(|c| c.held_on.is_none() && c.on <= soon)
        .map(|c| Reminder {
            trial_id: t.id,
            person_id: t.person_id,
            on: c.on,
            text: format!("{name}'s trial checkpoint"),
            overdue: c.on < today,
        })
        .collect();
    // A new manager's team is checked every week or two: say when that has lapsed.
    let fortnight = today - chrono::Days::new(14);
    if t.starts_on <= fortnight && today <= t.last_day() {
        let recent = signals(ws, t, fortnight, today).health;
        if recent.is_empty() {
            let since = signals(ws, t, t.starts_on, today)
                .health
                .last()
                .map(|h| h.0);
            out.push(Reminder {
                trial_id: t.id,
                person_id: t.person_id,
                on: today,
                text: match since {
                    Some(d) => format!(
                        "No team health check of {} since {}: during a trial, check every week or two",
                        if t.team.is_empty() { "the team" } else { t.team.as_str() },
                        crate::logic::journey::day_text(d)
                    ),
                    None => format!(
                        "No team health check of {} yet: during a trial, check every week or two",
                        if t.team.is_empty() { "the team" } else { t.team.as_str() }
                    ),
                },
                overdue: true,
            });
        }
    }
    let last = t.last_day();
    if last <= soon {
        out.push(Reminder {
            trial_id: t.id,
            person_id: t.person_id,
            on: last,
            text: format!("{name}'s trial ends: confirm, extend or return"),
            overdue: last < today,
        });
    }
    out
}

/// Every open trial's reminders, soonest first.
pub fn all_reminders(ws: &Workspace, today: Date) -> Vec<Reminder> {
    let mut out: Vec<Reminder> = ws
        .trials
        .iter()
        .flat_map(|t| reminders(ws, t, today))
        .collect();
    out.stable_sort_by_key(|r| r.on);
    out
}

/// The next checkpoint not yet held.
pub fn next_checkpoint(t: &Trial) -> Option<&Checkpoint> {
    t.checkpoints
        .iter()
        .filter(|c| c.held_on.is_none())
        .min_by_key(|c| c.on)
}

/// The early signals Runway already holds for a trial between two days: team health checks
/// (of the trial's team or candidacy) and 360 rounds about them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Signals {
    /// `(day, team, psychological-safety score, answered)`.
    pub health: Vec<(Date, String, Option<f32>, Option<u32>)>,
    /// `(opened on, title, responses)`.
    pub rounds: Vec<(Date, String, usize)>,
}

pub fn signals(ws: &Workspace, t: &Trial, from: Date, to: Date) -> Signals {
    let theirs = |candidate_id: Id| {
        ws.candidate(candidate_id)
            .is_some_and(|k| k.person_id == t.person_id)
    };
    let mut health: Vec<_> = ws
        .health_checks
        .iter()
        .filter(|h| h.on >= from && h.on <= to)
        .filter(|h| theirs(h.candidate_id) || h.team.trim().eq_ignore_ascii_case(t.team.trim()))
        .map(|h| {
            (
                h.on,
                h.team.clone(),
                h.score(HealthDimension::Safety),
                h.answered,
            )
        })
        .collect();
    health.stable_sort_by_key(|h| h.0);
    let mut rounds: Vec<_> = ws
        .feedback_rounds
        .iter()
        .filter(|r| r.opened_on >= from && r.opened_on <= to && theirs(r.candidate_id))
        .map(|r| (r.opened_on, r.title.clone(), r.response_count()))
        .collect();
    rounds.stable_sort_by_key(|r| r.0);
    Signals { health, rounds }
}

/// A refusal of a record saved on the way, with its fields renamed to the form's (a move's
/// `on` is the trial's start).
fn renamed(e: ActionError, map: &[(&str, &str)]) -> ActionError {
    match e {
        ActionError::Problems(p) => ActionError::Problems(
            p.into_iter()
                .map(|(f, m)| {
                    let to = map
                        .iter()
                        .find(|(a, _)| *a == f)
                        .map(|(_, b)| b.to_string());
                    (to.unwrap_or(f), m)
                })
                .collect(),
        ),
        e => e,
    }
}

/// Starts a trial (nil id): saves it, with the team they leave recorded, and the move to the
/// manager level on its first day ("trial started", with the team). All or nothing.
pub(crate) fn start(
    ws: &mut Workspace,
    mut trial: Trial,
    level: TrackLevel,
    now: Timestamp,
    new_id: &mut dyn FnMut() -> Id,
) -> Result<Option<Id>, ActionError> {
    if !trial.id.is_nil() {
        return Err(ActionError::Invalid(
            "That trial has started already: edit it instead.".into(),
        ));
    }
    if !level.is_manager() {
        return Err(ActionError::Problems(vec![problem(
            "level",
            "a trial in management is at a manager level".into(),
        )]));
    }
    if open_trial(ws, trial.person_id).is_some() {
        return Err(ActionError::Problems(vec![problem(
            "starts_on",
            "they already have a trial in progress: decide that one first".into(),
        )]));
    }
    trial.from_team = trial.old_team(ws);
    let mut next = ws.clone();
    let id = crate::logic::actions::put_record(&mut next, trial.clone(), now, new_id)?;
    let mv = LevelMove::new(
        trial.person_id,
        trial.starts_on,
        MoveKind::TrialStarted,
        level,
        &trial.team,
        "",
        now,
    );
    crate::logic::actions::put_record(&mut next, mv, now, new_id)
        .map_err(|e| renamed(e, &[("on", "starts_on")]))?;
    *ws = next;
    Ok(Some(id))
}

/// Records a decision on an open trial. Extending sets the new length and adds checkpoints up
/// to it; confirming records "trial confirmed" at the trial's level; returning records the
/// move back to the guaranteed level and the team they came from (or the one given). The
/// candidacy's status follows (promoted, or returned to engineering). All or nothing.
pub(crate) fn decide(
    ws: &mut Workspace,
    trial_id: Id,
    outcome: TrialOutcome,
    now: Timestamp,
    new_id: &mut dyn FnMut() -> Id,
) -> Result<Option<Id>, ActionError> {
    let Some(mut t) = ws.trials.iter().find(|t| t.id == trial_id).cloned() else {
        return Err(ActionError::Missing("management trial"));
    };
    if t.end().is_some() {
        return Err(ActionError::Invalid(
            "This trial has ended already: its decision stands (record a new level move to change the level).".into(),
        ));
    }
    if outcome.on <= t.starts_on {
        return Err(ActionError::Problems(vec![problem(
            "on",
            format!(
                "a decision comes after the trial starts ({}): pick a later day",
                crate::logic::journey::day_text(t.starts_on)
            ),
        )]));
    }
    let mut next = ws.clone();
    let level_then = level_on(ws, t.person_id, outcome.on).unwrap_or(TrackLevel::M1);
    let mv = match outcome.decision {
        TrialDecision::Extended => {
            let Some(months) = outcome.months.filter(|m| *m > t.months) else {
                return Err(ActionError::Problems(vec![problem(
                    "months",
                    format!(
                        "enter a length of more than {} months, counted from the start",
                        t.months
                    ),
                )]));
            };
            // The schedule follows the new length: checkpoints held stay, those not held that
            // the new schedule has no place for (the old end review) go.
            let schedule = monthly_checkpoints(t.starts_on, months);
            let days: Vec<Date> = schedule.iter().map(|c| c.on).collect();
            t.checkpoints
                .retain(|c| c.held_on.is_some() || days.contains(&c.on));
            let have: Vec<Date> = t.checkpoints.iter().map(|c| c.on).collect();
            t.checkpoints
                .extend(schedule.into_iter().filter(|c| !have.contains(&c.on)));
            t.checkpoints.stable_sort_by_key(|c| c.on);
            t.months = months;
            None
        }
        TrialDecision::Confirmed => Some(LevelMove::new(
            t.person_id,
            outcome.on,
            MoveKind::TrialConfirmed,
            if level_then.is_manager() {
                level_then
            } else {
                TrackLevel::M1
            },
            &outcome.team,
            &outcome.note,
            now,
        )),
        TrialDecision::Returned => {
            let team = if outcome.team.trim().is_empty() {
                t.old_team(ws)
            } else {
                outcome.team.clone()
            };
            Some(LevelMove::new(
                t.person_id,
                outcome.on,
                MoveKind::Returned,
                t.return_level,
                &team,
                &outcome.note,
                now,
            ))
        }
    };
    t.outcomes.push(TrialOutcome {
        note: outcome.note.trim().to_string(),
        team: outcome.team.trim().to_string(),
        ..outcome.clone()
    });
    // The decision's own problems (dated before the start) belong to the form's day.
    let n = t.outcomes.len() - 1;
    let day_field = format!("outcomes[{n}].on");
    crate::logic::actions::put_record(&mut next, t.clone(), now, new_id)
        .map_err(|e| renamed(e, &[(day_field.as_str(), "on")]))?;
    if let Some(mv) = mv {
        crate::logic::actions::put_record(&mut next, mv, now, new_id)
            .map_err(|e| renamed(e, &[("level", "decision")]))?;
        let status = match outcome.decision {
            TrialDecision::Confirmed => Some(CandidateStatus::Promoted),
            TrialDecision::Returned => Some(CandidateStatus::ReturnedToEngineering),
            TrialDecision::Extended => None,
        };
        if let (Some(status), Some(k)) = (status, t.candidate_id) {
            if let Some(c) = next.candidates.iter_mut().find(|c| c.id == k) {
                if c.status != status {
                    c.status = status;
                    c.updated_at = now;
                }
            }
        }
    }
    *ws = next;
    Ok(None)
}

/// Whether a trial may start for someone: not in one already, and not managing now (a trial
/// is a first step into managing).
pub fn can_start(ws: &Workspace, person_id: Id) -> bool {
    open_trial(ws, person_id).is_none()
        && !super::current_level(ws, person_id).is_some_and(TrackLevel::is_manager)
}

/// The trial a person is in now, if any.
pub fn open_trial(ws: &Workspace, person_id: Id) -> Option<&Trial> {
    ws.trials
        .iter()
        .filter(|t| t.person_id == person_id && t.end().is_none())
        .max_by_key(|t| t.starts_on)
}

/// A person's trials, newest first.
pub fn trials_of(ws: &Workspace, person_id: Id) -> Vec<&Trial> {
    let mut list: Vec<&Trial> = ws
        .trials
        .iter()
        .filter(|t| t.person_id == person_id)
        .collect();
    list.stable_sort_by_key(|t| std::cmp::Reverse(t.starts_on));
    list
}

/// Whether a trial's rules hold (for a form's live warning before saving).
pub fn warnings(ws: &Workspace, t: &Trial) -> Vec<String> {
    let mut out = Vec::new();
    if !t.team.trim().is_empty() && t.manages_old_team(ws) {
        out.push(if t.no_coding_expected {
            format!(
                "{} is the team they worked in as an engineer; the trial records that coding is not expected of them.",
                t.team.trim()
            )
        } else {
            format!(
                "{} is the team they worked in as an engineer. Managing former peers is hard: choose another team if you can.",
                t.team.trim()
            )
        });
    }
    if let Some(held) = t
        .starts_on
        .pred_opt()
        .and_then(|d| level_on(ws, t.person_id, d))
        .filter(|l| !l.is_manager())
    {
        if t.return_level < held {
            out.push(format!(
                "The guaranteed return ({}) is below {}, the level they hold before the trial: the way back is usually to the same level and pay.",
                t.return_level.code(),
                held.code()
            ));
        }
    }
    let team = t.team.trim();
    if let Some(other) = ws.trials.iter().find(|o| {
        o.id != t.id
            && o.person_id != t.person_id
            && o.end().is_none()
            && !team.is_empty()
            && o.team.trim().eq_ignore_ascii_case(team)
    }) {
        out.push(format!(
            "{} is already managing {} in a trial of their own.",
            ws.person_name(other.person_id),
            team
        ));
    }
    match t.supporter_id {
        None => out.push(
            "No supporting manager yet: someone senior should take them as a report for the trial."
                .into(),
        ),
        Some(s) => {
            let level = super::current_level(ws, s);
            if level.is_none_or(|l| l < TrackLevel::M2) {
                out.push(format!(
                    "{} is not a senior manager on record ({}): the supporting manager is usually M2 or above, with room to take a new manager as a report.",
                    ws.person_name(s),
                    level.map_or("no level recorded", TrackLevel::code)
                ));
            }
        }
    }
    out
}
