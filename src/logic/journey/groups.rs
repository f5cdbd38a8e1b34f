//! Sessions for several candidates at once: who takes part, planning a session weekly, and
//! copying last week's plan of a cohort into this week. A group session is one record (filed
//! under one candidacy, with the others in `Activity::group`), so a change shows for everyone.

use crate::sort::StableSort as _;
use chrono::Days;

use crate::logic::program::phases::monday_on_or_before;
use crate::logic::records::{candidate_name, problem, FieldProblem};
use crate::model::{Activity, Candidate, CandidateStatus, Date, Id, Timestamp, Workspace};

/// The most sessions one "Repeat weekly" makes (the first included): 26 weeks is half a year,
/// the length of a whole program, so a longer run is a slip (260 for 26).
pub const MAX_WEEKLY_SESSIONS: u32 = 26;

/// How a planned session repeats, one copy a week on the same weekday.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Repeat {
    /// This many sessions in all, the first included.
    Times(u32),
    /// Every week up to this day (included).
    Until(Date),
}

/// Whether a candidacy takes part in the program now (so is offered for group sessions).
pub fn taking_part(c: &Candidate) -> bool {
    matches!(
        c.status,
        CandidateStatus::Selected | CandidateStatus::InProgram | CandidateStatus::Ready
    )
}

/// The candidacies of a cohort that take part in the program now, in the cohort's order.
pub fn active_candidates(ws: &Workspace, cohort_id: Id) -> Vec<&Candidate> {
    ws.candidates_in(cohort_id)
        .filter(|c| taking_part(c))
        .collect()
}

/// How a group session for the ticked candidacies is filed: under the first of them in the
/// cohort's order, the others its group. `None` when nobody is ticked.
pub fn filing(ws: &Workspace, cohort_id: Id, ticked: &[Id]) -> Option<(Id, Vec<Id>)> {
    let order: Vec<Id> = ws.candidates_in(cohort_id).map(|c| c.id).collect();
    let mut people: Vec<Id> = order
        .iter()
        .copied()
        .filter(|c| ticked.contains(c))
        .collect();
    people.extend(ticked.iter().copied().filter(|c| !order.contains(c)));
    let (&filed, group) = people.split_first()?;
    Some((filed, group.to_vec()))
}

/// Whether a session is for every candidacy of its cohort taking part now (at least two).
pub fn whole_cohort(ws: &Workspace, a: &Activity) -> bool {
    let Some(cohort) = ws.candidate(a.candidate_id).map(|c| c.cohort_id) else {
        return false;
    };
    let active = active_candidates(ws, cohort);
    active.len() >= 2 && active.iter().all(|c| a.involves(c.id))
}

/// Who else takes part in a group session, as seen from `viewer`'s page: "with the whole
/// cohort", or "with Ana Ruiz and Ben Okafor". `None` for a session of one candidate.
pub fn group_line(ws: &Workspace, a: &Activity, viewer: Option<Id>) -> Option<String> {
    if a.group.is_empty() {
        return None;
    }
    if whole_cohort(ws, a) {
        return Some("with the whole cohort".into());
    }
    let names: Vec<&str> = a
        .candidates()
        .filter(|c| Some(*c) != viewer)
        .map(|c| candidate_name(ws, c))
        .collect();
    Some(format!("with {}", and_list(&names)))
}

/// The names of everyone taking part: "Ana, Ben and Cleo".
pub fn taking_part_names(ws: &Workspace, a: &Activity) -> String {
    let names: Vec<&str> = a.candidates().map(|c| candidate_name(ws, c)).collect();
    and_list(&names)
}

fn and_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The days of a session planned weekly from `first`: the first day, then one a week. Refused
/// (addressed to `repeat`) when it makes fewer than two sessions, more than
/// [`MAX_WEEKLY_SESSIONS`], or runs past the last day of the cohort (`ends_on`): sessions after
/// the program has ended would only have to be deleted again.
pub fn weekly_days(
    first: Date,
    repeat: Repeat,
    ends_on: Option<Date>,
) -> Result<Vec<Date>, FieldProblem> {
    let week = |n: u32| first.checked_add_days(Days::new(7 * u64::from(n)));
    let count = match repeat {
        Repeat::Times(n) => n,
        Repeat::Until(last) => {
            if last < first {
                return Err(problem(
                    "repeat",
                    "the day to repeat until is before the first session".into(),
                ));
            }
            // Whole weeks from the first day to the last, plus the first itself.
            let weeks = (last - first).num_days() / 7;
            u32::try_from(weeks + 1).unwrap_or(u32::MAX)
        }
    };
    if count < 2 {
        return Err(problem(
            "repeat",
            match repeat {
                Repeat::Times(_) => "repeating needs at least 2 sessions".into(),
                Repeat::Until(_) => {
                    "the day to repeat until is less than a week after the first session".into()
                }
            },
        ));
    }
    // Past the cap, only the days up to the cohort's end are worked out.
    let n = count.min(MAX_WEEKLY_SESSIONS + 1);
    let days: Vec<Date> = (0..n).filter_map(week).collect();
    if days.len() as u32 != n {
        return Err(problem(
            "repeat",
            "those weeks run past the calendar".into(),
        ));
    }
    if let Some(end) = ends_on {
        let last = week(count - 1).unwrap_or(Date::MAX);
        if last > end {
            let fit = days.iter().filter(|d| **d <= end).count();
            return Err(problem(
                "repeat",
                format!(
                    "the last session would be on {}, after the cohort ends on {}: {}",
                    super::day_text(last),
                    super::day_text(end),
                    if fit >= 2 {
                        format!("at most {fit} weekly sessions fit")
                    } else {
                        "there is no second week left to repeat in".into()
                    }
                ),
            ));
        }
    }
    if count > MAX_WEEKLY_SESSIONS {
        return Err(problem(
            "repeat",
            format!(
                "at most {MAX_WEEKLY_SESSIONS} weekly sessions are planned at once (half a year); this would be {count}"
            ),
        ));
    }
    Ok(days)
}

/// The sessions a weekly plan makes: `first` as given, then a planned copy each week (new
/// records, so each can be logged or changed on its own). Only a planned session repeats.
pub fn weekly_copies(
    ws: &Workspace,
    first: &Activity,
    repeat: Repeat,
) -> Result<Vec<Activity>, FieldProblem> {
    if first.done {
        return Err(problem(
            "repeat",
            "only a planned session repeats: untick “Done”, or save it without repeating".into(),
        ));
    }
    let ends_on = ws
        .candidate(first.candidate_id)
        .and_then(|c| ws.cohort(c.cohort_id))
        .map(|c| c.ends_on());
    let days = weekly_days(first.on, repeat, ends_on)?;
    Ok(days
        .into_iter()
        .map(|on| Activity {
            on,
            ..first.clone()
        })
        .collect())
}

/// What copying last week's plan into this week would do: the copies, and last week's sessions
/// passed over because this week already has them.
#[derive(Clone, Debug, PartialEq)]
pub struct WeekCopy {
    /// The Monday of the week copied from.
    pub from: Date,
    /// The Monday of the week copied into.
    pub to: Date,
    /// The new sessions (nil ids, planned).
    pub copies: Vec<Activity>,
    /// Copies that this week already holds (same kind, title, day and candidates), not made.
    pub skipped: Vec<Activity>,
}

impl WeekCopy {
    /// How many copies each candidate takes part in, in the cohort's order: (name, count).
    pub fn per_candidate(&self, ws: &Workspace, cohort_id: Id) -> Vec<(String, usize)> {
        ws.candidates_in(cohort_id)
            .map(|c| {
                let n = self.copies.iter().filter(|a| a.involves(c.id)).count();
                (ws.person_name(c.person_id).to_string(), n)
            })
            .filter(|(_, n)| *n > 0)
            .collect()
    }

    /// The preview, in words: what is copied for whom, and what is skipped.
    pub fn summary(&self, ws: &Workspace, cohort_id: Id) -> Vec<String> {
        let mut lines = Vec::new();
        let sessions = |n: usize| format!("{n} session{}", if n == 1 { "" } else { "s" });
        if self.copies.is_empty() {
            lines.push(if self.skipped.is_empty() {
                format!(
                    "The week of {} has no sessions to copy.",
                    super::day_text(self.from)
                )
            } else {
                "Every session of last week is already planned this week: nothing to copy.".into()
            });
        } else {
            let whom: Vec<String> = self
                .per_candidate(ws, cohort_id)
                .into_iter()
                .map(|(name, n)| format!("{n} for {name}"))
                .collect();
            lines.push(format!(
                "{} from the week of {} go into the week of {}: {} (a group session counts for each candidate in it, and stays one session).",
                sessions(self.copies.len()),
                super::day_text(self.from),
                super::day_text(self.to),
                whom.join(", ")
            ));
        }
        if !self.skipped.is_empty() {
            let names: Vec<String> = self
                .skipped
                .iter()
                .map(|a| format!("“{}” on {}", a.title, super::day_text(a.on)))
                .collect();
            lines.push(format!(
                "{} already in this week, so not copied again: {}.",
                sessions(self.skipped.len()),
                names.join("; ")
            ));
        }
        lines
    }
}

/// Whether two sessions are the same plan: kind, title, day and who takes part.
fn same_session(a: &Activity, b: &Activity) -> bool {
    let mut x: Vec<Id> = a.candidates().collect();
    let mut y: Vec<Id> = b.candidates().collect();
    x.stable_sort();
    y.stable_sort();
    a.kind == b.kind
        && a.on == b.on
        && a.title.trim().to_lowercase() == b.title.trim().to_lowercase()
        && x == y
}

/// Last week's plan (Monday to Sunday before the week of `today`) for the cohort's candidates,
/// copied a week on: every planned or done session that involves one of them, as planned, with
/// notes, debriefs and journal picks cleared, the group kept. A copy this week already holds is
/// skipped.
pub fn copy_last_week(ws: &Workspace, cohort_id: Id, today: Date) -> WeekCopy {
    let to = monday_on_or_before(today);
    let from = to.checked_sub_days(Days::new(7)).unwrap_or(to);
    let in_cohort = |a: &Activity| {
        a.candidates()
            .any(|c| ws.candidate(c).is_some_and(|k| k.cohort_id == cohort_id))
    };
    let mut sources: Vec<&Activity> = ws
        .activities
        .iter()
        .filter(|a| a.on >= from && a.on < to && in_cohort(a))
        .collect();
    sources.stable_sort_by_key(|a| (a.on, a.at, a.created_at));
    let next_monday = to.checked_add_days(Days::new(7)).unwrap_or(Date::MAX);
    let this_week: Vec<&Activity> = ws
        .activities
        .iter()
        .filter(|a| a.on >= to && a.on < next_monday && in_cohort(a))
        .collect();
    let mut copy = WeekCopy {
        from,
        to,
        copies: Vec::new(),
        skipped: Vec::new(),
    };
    for a in sources {
        let Some(on) = a.on.checked_add_days(Days::new(7)) else {
            continue;
        };
        let next = Activity {
            id: Id::nil(),
            on,
            done: false,
            notes: String::new(),
            noticed: String::new(),
            differently: String::new(),
            journal_ids: Vec::new(),
            created_at: Timestamp::UNIX_EPOCH,
            updated_at: Timestamp::UNIX_EPOCH,
            merge_bases: Vec::new(),
            ..a.clone()
        };
        if this_week.iter().any(|b| same_session(b, &next)) {
            copy.skipped.push(next);
        } else {
            copy.copies.push(next);
        }
    }
    copy
}
