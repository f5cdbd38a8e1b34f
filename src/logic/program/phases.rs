//! Phase dates: defaults from a start day, and where a given day falls.

use chrono::{Datelike, Days, Months};

use crate::model::{Cohort, Date, Phase, PhaseKind};

/// Adds calendar months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb).
fn add_months(day: Date, months: u32) -> Date {
    day.checked_add_months(Months::new(months))
        .unwrap_or(Date::MAX)
}

fn day_before(day: Date) -> Date {
    day.checked_sub_days(Days::new(1)).unwrap_or(day)
}

fn day_after(day: Date) -> Date {
    day.checked_add_days(Days::new(1)).unwrap_or(day)
}

/// The four phases back to back from `start`, each about its default length in months. The
/// first starts on `start` as given; each later phase starts on the Monday on or after its
/// month boundary, so the program's weeks line up with working weeks. Each phase ends the day
/// before the next one starts (the last one on the Sunday before the Monday after six months).
pub fn default_phases(start: Date) -> Vec<Phase> {
    let mut phases = Vec::with_capacity(PhaseKind::ALL.len());
    let mut months = 0;
    let boundary = |months: u32| monday_on_or_after(add_months(start, months));
    for kind in PhaseKind::ALL {
        let starts_on = if months == 0 { start } else { boundary(months) };
        months += kind.default_months();
        let ends_on = day_before(boundary(months));
        phases.push(Phase {
            kind,
            starts_on,
            ends_on,
        });
    }
    phases
}

/// How a new cohort is laid out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CohortTemplate {
    /// The four phases over about six months.
    #[default]
    SixMonths,
    /// A week per phase: a month to try the program with one candidate.
    OneMonthPilot,
}

impl CohortTemplate {
    pub const ALL: [CohortTemplate; 2] = [CohortTemplate::SixMonths, CohortTemplate::OneMonthPilot];

    pub fn code(self) -> &'static str {
        match self {
            CohortTemplate::SixMonths => "six_months",
            CohortTemplate::OneMonthPilot => "pilot",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            CohortTemplate::SixMonths => "Six-month program",
            CohortTemplate::OneMonthPilot => "One-month pilot",
        }
    }

    /// What it lays out, in a line.
    pub fn about(self) -> &'static str {
        match self {
            CohortTemplate::SixMonths => {
                "Prepare 1 month, Shadow 1, Practice 2, Lead with support 2; micro-assignments of two weeks."
            }
            CohortTemplate::OneMonthPilot => {
                "A week for each phase, meant for one candidate, with one-week micro-assignments: a small first run to see whether the program suits you."
            }
        }
    }

    pub fn phases(self, start: Date) -> Vec<Phase> {
        match self {
            CohortTemplate::SixMonths => default_phases(start),
            CohortTemplate::OneMonthPilot => pilot_phases(start),
        }
    }
}

/// The four phases a week each from `start`; each later phase starts on the Monday on or after
/// its week boundary.
pub fn pilot_phases(start: Date) -> Vec<Phase> {
    let boundary = |weeks: u64| monday_on_or_after(start + Days::new(7 * weeks));
    PhaseKind::ALL
        .into_iter()
        .enumerate()
        .map(|(i, kind)| {
            let i = i as u64;
            Phase {
                kind,
                starts_on: if i == 0 { start } else { boundary(i) },
                ends_on: day_before(boundary(i + 1)),
            }
        })
        .collect()
}

/// A new micro-assignment's timebox in days: a week in a cohort of six weeks or less (a
/// pilot), two weeks otherwise.
pub fn assignment_timebox_days(cohort: &Cohort) -> u64 {
    let length = (cohort.ends_on() - cohort.starts_on()).num_days() + 1;
    if !cohort.phases.is_empty() && length <= 42 {
        7
    } else {
        14
    }
}

/// Moves every phase so the first starts on `new_start`, keeping each phase's length in days.
pub fn shift_phases(phases: &[Phase], new_start: Date) -> Vec<Phase> {
    let Some(first) = phases.first() else {
        return Vec::new();
    };
    let delta = new_start.signed_duration_since(first.starts_on);
    phases
        .iter()
        .map(|p| Phase {
            kind: p.kind,
            starts_on: p.starts_on.checked_add_signed(delta).unwrap_or(p.starts_on),
            ends_on: p.ends_on.checked_add_signed(delta).unwrap_or(p.ends_on),
        })
        .collect()
}

/// Changes the last day of phase `index` and moves the following phases so they stay back to
/// back with their lengths unchanged. Returns `None` when the new end is before the phase starts.
pub fn set_phase_end(phases: &[Phase], index: usize, new_end: Date) -> Option<Vec<Phase>> {
    let phase = phases.get(index)?;
    if new_end < phase.starts_on {
        return None;
    }
    let mut out = phases.to_vec();
    out[index].ends_on = new_end;
    for i in index + 1..out.len() {
        let length = out[i].ends_on.signed_duration_since(out[i].starts_on);
        let starts_on = day_after(out[i - 1].ends_on);
        out[i].starts_on = starts_on;
        out[i].ends_on = starts_on.checked_add_signed(length).unwrap_or(starts_on);
    }
    Some(out)
}

/// Sets every phase's last day at once, as the phase editor shows them: each end that differs
/// from `phases` is applied in order, moving the later phases as [`set_phase_end`] does (a later
/// end the person did not change follows the move). All or nothing: `Err(index)` names the
/// first phase that would end before it starts.
pub fn set_phase_ends(phases: &[Phase], ends: &[Date]) -> Result<Vec<Phase>, usize> {
    let mut out = phases.to_vec();
    for (i, end) in ends.iter().enumerate().take(phases.len()) {
        if phases[i].ends_on != *end {
            out = set_phase_end(&out, i, *end).ok_or(i)?;
        }
    }
    Ok(out)
}

/// Where a day falls relative to a cohort's phases.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Position {
    BeforeStart {
        days_to_go: i64,
    },
    In {
        index: usize,
        kind: PhaseKind,
        day: i64,
        of_days: i64,
    },
    /// Between two phases, when edits left a gap.
    Between {
        next: usize,
    },
    Finished,
}

pub fn position_on(cohort: &Cohort, day: Date) -> Position {
    let phases = &cohort.phases;
    let (Some(first), Some(last)) = (phases.first(), phases.last()) else {
        return Position::Finished;
    };
    if day < first.starts_on {
        return Position::BeforeStart {
            days_to_go: first.starts_on.signed_duration_since(day).num_days(),
        };
    }
    if day > last.ends_on {
        return Position::Finished;
    }
    for (index, p) in phases.iter().enumerate() {
        if day >= p.starts_on && day <= p.ends_on {
            return Position::In {
                index,
                kind: p.kind,
                day: day.signed_duration_since(p.starts_on).num_days() + 1,
                of_days: p.ends_on.signed_duration_since(p.starts_on).num_days() + 1,
            };
        }
    }
    let next = phases
        .iter()
        .position(|p| p.starts_on > day)
        .unwrap_or(phases.len() - 1);
    Position::Between { next }
}

/// The Monday on or before `day`.
pub fn monday_on_or_before(day: Date) -> Date {
    day.checked_sub_days(Days::new(u64::from(day.weekday().num_days_from_monday())))
        .unwrap_or(day)
}

/// The Monday on or after `day` (a good default start for a cohort).
pub fn monday_on_or_after(day: Date) -> Date {
    let ahead = (7 - day.weekday().num_days_from_monday()) % 7;
    day.checked_add_days(Days::new(u64::from(ahead)))
        .unwrap_or(day)
}

fn days(n: i64) -> String {
    if n == 1 {
        "1 day".into()
    } else {
        format!("{n} days")
    }
}

/// Where a cohort stands on a day, in words: "Shadow · day 17 of 30", "Starts in 3 days".
pub fn describe_position(cohort: &Cohort, day: Date) -> String {
    match position_on(cohort, day) {
        Position::BeforeStart { days_to_go } => format!("Starts in {}", days(days_to_go)),
        Position::In {
            kind, day, of_days, ..
        } => format!("{} · day {day} of {of_days}", kind.name()),
        Position::Between { next } => match cohort.phases.get(next) {
            Some(p) => format!("Between phases; {} starts next", p.kind.name()),
            None => "Between phases".into(),
        },
        Position::Finished => "Finished".into(),
    }
}

/// The phase a day belongs to, if any.
pub fn phase_on(cohort: &Cohort, day: Date) -> Option<PhaseKind> {
    match position_on(cohort, day) {
        Position::In { kind, .. } => Some(kind),
        _ => None,
    }
}

/// How far through the whole program a day is, from 0.0 (start or before) to 1.0 (end or after).
pub fn progress(cohort: &Cohort, day: Date) -> f64 {
    let start = cohort.starts_on();
    let end = cohort.ends_on();
    let total = end.signed_duration_since(start).num_days() + 1;
    if total <= 0 {
        return 1.0;
    }
    let done = day.signed_duration_since(start).num_days();
    (done as f64 / total as f64).clamp(0.0, 1.0)
}

/// Fraction of the program's length at which a phase starts and how long it is, for drawing
/// a timeline: `(offset, width)`, both in 0.0..=1.0.
pub fn phase_span(cohort: &Cohort, phase: &Phase) -> (f64, f64) {
    let start = cohort.starts_on();
    let total = (cohort.ends_on().signed_duration_since(start).num_days() + 1).max(1) as f64;
    let offset = phase.starts_on.signed_duration_since(start).num_days() as f64 / total;
    let width = (phase
        .ends_on
        .signed_duration_since(phase.starts_on)
        .num_days()
        + 1) as f64
        / total;
    (offset.clamp(0.0, 1.0), width.clamp(0.0, 1.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Cohort;
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> Date {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn cohort(start: Date) -> Cohort {
        let now = chrono::DateTime::UNIX_EPOCH;
        Cohort {
            id: uuid::Uuid::nil(),
            name: "c".into(),
            sponsor_id: None,
            coach_ids: vec![],
            phases: default_phases(start),
            success_signals: vec![],
            scenarios: vec![],
            week: Default::default(),
            created_at: now,
            updated_at: now,
            merge_bases: Vec::new(),
        }
    }

    #[test]
    fn default_phases_are_one_one_two_two_months_back_to_back_from_mondays() {
        // 2 March 2026 is a Monday; 2 April a Thursday, so Shadow starts on Monday 6 April.
        let p = default_phases(d(2026, 3, 2));
        let got: Vec<_> = p.iter().map(|p| (p.kind, p.starts_on, p.ends_on)).collect();
        assert_eq!(
            got,
            vec![
                (PhaseKind::Prepare, d(2026, 3, 2), d(2026, 4, 5)),
                (PhaseKind::Shadow, d(2026, 4, 6), d(2026, 5, 3)),
                (PhaseKind::Practice, d(2026, 5, 4), d(2026, 7, 5)),
                (PhaseKind::LeadWithSupport, d(2026, 7, 6), d(2026, 9, 6)),
            ]
        );
        for ph in &p[1..] {
            assert_eq!(ph.starts_on.weekday(), chrono::Weekday::Mon);
        }
    }

    #[test]
    fn the_first_phase_starts_on_the_day_given() {
        // A Wednesday start is kept as typed; the later phases still start on Mondays.
        let p = default_phases(d(2026, 3, 4));
        assert_eq!(p[0].starts_on, d(2026, 3, 4));
        assert_eq!(p[1].starts_on, d(2026, 4, 6));
    }

    #[test]
    fn default_phases_clamp_month_ends() {
        // 31 January + 1 month is the end of February (Sunday 28 Feb 2027), not 3 March; the
        // Monday after it starts Shadow.
        let p = default_phases(d(2027, 1, 31));
        assert_eq!(p[0].ends_on, d(2027, 2, 28));
        assert_eq!(p[1].starts_on, d(2027, 3, 1));
        assert_eq!(p[3].ends_on, d(2027, 8, 1));
    }

    #[test]
    fn all_phase_ends_are_set_at_once_or_not_at_all() {
        let p = default_phases(d(2026, 3, 2));
        let mut ends: Vec<Date> = p.iter().map(|x| x.ends_on).collect();
        // Shadow a week longer: Practice and Lead move, keeping their lengths.
        ends[1] = d(2026, 5, 10);
        let s = set_phase_ends(&p, &ends).unwrap();
        assert_eq!(s[1].ends_on, d(2026, 5, 10));
        assert_eq!(s[2].starts_on, d(2026, 5, 11));
        assert_eq!(s[3].ends_on, d(2026, 9, 13));
        // A later end typed too is applied after the move.
        ends[3] = d(2026, 9, 30);
        assert_eq!(
            set_phase_ends(&p, &ends).unwrap()[3].ends_on,
            d(2026, 9, 30)
        );
        // One impossible end refuses all of them, naming that phase.
        ends[2] = d(2026, 5, 1);
        assert_eq!(set_phase_ends(&p, &ends), Err(2));
    }

    #[test]
    fn position_covers_before_during_and_after() {
        let c = cohort(d(2026, 3, 2));
        assert_eq!(
            position_on(&c, d(2026, 2, 28)),
            Position::BeforeStart { days_to_go: 2 }
        );
        assert_eq!(
            position_on(&c, d(2026, 3, 2)),
            Position::In {
                index: 0,
                kind: PhaseKind::Prepare,
                day: 1,
                of_days: 35
            }
        );
        assert_eq!(phase_on(&c, d(2026, 4, 6)), Some(PhaseKind::Shadow));
        assert_eq!(phase_on(&c, d(2026, 7, 5)), Some(PhaseKind::Practice));
        assert_eq!(
            phase_on(&c, d(2026, 9, 6)),
            Some(PhaseKind::LeadWithSupport)
        );
        assert_eq!(position_on(&c, d(2026, 9, 7)), Position::Finished);
    }

    #[test]
    fn a_gap_between_phases_is_reported_as_between() {
        let mut c = cohort(d(2026, 3, 2));
        c.phases[0].ends_on = d(2026, 4, 1);
        assert_eq!(
            position_on(&c, d(2026, 4, 3)),
            Position::Between { next: 1 }
        );
    }

    #[test]
    fn progress_runs_from_zero_to_one() {
        let c = cohort(d(2026, 3, 2));
        assert_eq!(progress(&c, d(2026, 1, 1)), 0.0);
        assert_eq!(progress(&c, d(2027, 1, 1)), 1.0);
        let mid = progress(&c, d(2026, 6, 1));
        assert!(mid > 0.4 && mid < 0.6, "{mid}");
    }

    #[test]
    fn shifting_keeps_lengths() {
        let p = default_phases(d(2026, 3, 2));
        let s = shift_phases(&p, d(2026, 3, 9));
        for (a, b) in p.iter().zip(&s) {
            assert_eq!(b.starts_on.signed_duration_since(a.starts_on).num_days(), 7);
            assert_eq!(b.ends_on.signed_duration_since(a.ends_on).num_days(), 7);
        }
    }

    #[test]
    fn ending_a_phase_later_moves_the_following_ones() {
        let p = default_phases(d(2026, 3, 2));
        let s = set_phase_end(&p, 1, d(2026, 5, 15)).unwrap();
        assert_eq!(s[1].ends_on, d(2026, 5, 15));
        assert_eq!(s[2].starts_on, d(2026, 5, 16));
        assert_eq!(
            s[2].ends_on.signed_duration_since(s[2].starts_on),
            p[2].ends_on.signed_duration_since(p[2].starts_on)
        );
        assert_eq!(s[3].starts_on, s[2].ends_on.succ_opt().unwrap());
        assert!(
            set_phase_end(&p, 1, d(2026, 4, 1)).is_none(),
            "end before start is refused"
        );
    }

    #[test]
    fn mondays_and_descriptions() {
        // 2026-11-21 is a Saturday.
        assert_eq!(monday_on_or_before(d(2026, 11, 21)), d(2026, 11, 16));
        assert_eq!(monday_on_or_after(d(2026, 11, 21)), d(2026, 11, 23));
        assert_eq!(monday_on_or_after(d(2026, 11, 23)), d(2026, 11, 23));
        let c = cohort(d(2026, 3, 2));
        assert_eq!(describe_position(&c, d(2026, 3, 1)), "Starts in 1 day");
        assert_eq!(describe_position(&c, d(2026, 2, 27)), "Starts in 3 days");
        assert_eq!(describe_position(&c, d(2026, 4, 7)), "Shadow · day 2 of 28");
        assert_eq!(describe_position(&c, d(2027, 1, 1)), "Finished");
    }

    #[test]
    fn timeline_spans_add_up_to_the_whole() {
        let c = cohort(d(2026, 3, 2));
        let total: f64 = c.phases.iter().map(|p| phase_span(&c, p).1).sum();
        assert!((total - 1.0).abs() < 1e-9);
        assert_eq!(phase_span(&c, &c.phases[0]).0, 0.0);
    }
}
