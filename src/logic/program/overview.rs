//! The organisation's overview (issue 15): every cohort at a glance, the managers in trial
//! and their next checkpoint, the promotion cases in flight and what each waits for; the
//! program's metrics, each with its count, its period and a caution when the count is small;
//! and the pitfalls the records show, each with what triggered it and where it is put right.

use crate::sort::StableSort as _;
use chrono::Days;

use crate::logic::evaluation::frameworks::find;
use crate::logic::evaluation::readiness::{summary, DomainStatus, DEFAULT_FRAMEWORK};
use crate::logic::journey::groups::active_candidates;
use crate::logic::journey::{calibration_due, coach_week, week_summary, Due, UNUSED_SHARE};
use crate::logic::journey::{day_text, metric_change};
use crate::logic::ladder::ledgers;
use crate::logic::program::phases::{describe_position, monday_on_or_before};
use crate::logic::promotion::{cases_of, waiting_for};
use crate::logic::records::candidate_name;
use crate::logic::track::readiness::{months_between, months_text};
use crate::logic::track::{distribution, BANDS};
use crate::logic::track::{employed_on, level_on, trials::next_checkpoint};
use crate::model::{
    ActivityKind, CandidateStatus, CaseStatus, Date, Id, TrackLevel, TrialDecision, Workspace,
};

/// Below this many people a rate is shown with a caution: one person changes it a lot.
pub const SMALL_N: usize = 5;
/// A coach with more candidates taking part than this is stretched.
pub const CANDIDATES_PER_COACH: usize = 3;
/// A cohort is too theoretical when workshops take more than this share of its done sessions'
/// time (the rest is practice: shadowing, paired leadership, coaching labs, rotations, practice
/// 1:1s, micro-assignment work).
pub const WORKSHOP_SHARE: f64 = 0.5;
/// Protected time counts as unused when this many full weeks in a row used less than
/// [`UNUSED_SHARE`] of it.
pub const UNUSED_WEEKS: u64 = 3;

/// One cohort's line on the overview.
#[derive(Clone, Debug, PartialEq)]
pub struct CohortGlance {
    pub id: Id,
    pub name: String,
    /// "Shadow · day 17 of 30", "Finished".
    pub now: String,
    /// Candidates by status, in the statuses' order, only those with any.
    pub statuses: Vec<(CandidateStatus, usize)>,
    /// The next calibration session planned, or the one due.
    pub calibration: Option<Due>,
    /// Candidates behind on the coach's week.
    pub behind: usize,
    /// Open micro-assignments past their end.
    pub overdue: usize,
}

/// A manager in a trial that has not ended.
#[derive(Clone, Debug, PartialEq)]
pub struct TrialGlance {
    pub trial_id: Id,
    pub person_id: Id,
    pub name: String,
    pub team: String,
    pub starts_on: Date,
    pub last_day: Date,
    /// The next checkpoint not yet held.
    pub next_checkpoint: Option<Date>,
}

/// A promotion case not yet closed.
#[derive(Clone, Debug, PartialEq)]
pub struct CaseGlance {
    pub case_id: Id,
    pub person_id: Id,
    pub name: String,
    pub status: CaseStatus,
    pub waiting_for: String,
}

/// One row of a metric's table: what it is about (a cohort, an outcome) and what it measured.
#[derive(Clone, Debug, PartialEq)]
pub struct MetricRow {
    pub label: String,
    /// The count the value is taken over.
    pub n: usize,
    pub value: String,
}

/// A program metric: its headline over every period, with its count, and the rows behind it.
#[derive(Clone, Debug, PartialEq)]
pub struct Metric {
    pub name: &'static str,
    /// What each row is ("Cohort", "Outcome").
    pub row_label: &'static str,
    /// What it measures, in one line.
    pub measures: &'static str,
    pub value: String,
    pub n: usize,
    pub period: String,
    /// One row per period, oldest first (a trend when there is more than one).
    pub rows: Vec<MetricRow>,
    /// Said when the count is small or there is nothing to count yet.
    pub caution: Option<String>,
}

/// Where a pitfall is put right.
#[derive(Clone, Debug, PartialEq)]
pub enum FixAt {
    Cohort(Id),
    /// A candidate's section.
    Candidate(Id, &'static str),
}

/// A pitfall the records show.
#[derive(Clone, Debug, PartialEq)]
pub enum Pitfall {
    /// Workshops took this many of these minutes of a cohort's done sessions.
    TooTheoretical {
        cohort: Id,
        name: String,
        workshop_minutes: u32,
        all_minutes: u32,
    },
    /// A coach has more candidates taking part than [`CANDIDATES_PER_COACH`]: a cohort's
    /// candidates are shared between its coaches, and a coach's shares add up over cohorts.
    CoachStretched {
        coach: Id,
        name: String,
        candidates: f32,
        /// The cohort with the largest share, where a coach is added.
        cohort: Id,
    },
    /// A candidate marked promoted without what backs it.
    PromotedByAssumption {
        candidate: Id,
        name: String,
        missing: Vec<String>,
    },
    /// A cohort without phase dates.
    NoTimeline { cohort: Id, name: String },
    /// A candidate taking part with no protected hours.
    NoProtectedTime { candidate: Id, name: String },
    /// Protected time under half used for [`UNUSED_WEEKS`] full weeks in a row.
    UnusedTime { candidate: Id, name: String },
}

impl Pitfall {
    /// Which pitfall, in a few words.
    pub fn kind(&self) -> &'static str {
        match self {
            Pitfall::TooTheoretical { .. } => "Too theoretical",
            Pitfall::CoachStretched { .. } => "Too little coaching bandwidth",
            Pitfall::PromotedByAssumption { .. } => "Promotion by assumption",
            Pitfall::NoTimeline { .. } => "No timeline",
            Pitfall::NoProtectedTime { .. } => "No protected time",
            Pitfall::UnusedTime { .. } => "Protected time unused",
        }
    }

    /// What triggered it.
    pub fn trigger(&self) -> String {
        match self {
            Pitfall::TooTheoretical {
                name,
                workshop_minutes,
                all_minutes,
                ..
            } => format!(
                "{name}: workshops took {}% of the time in done sessions ({} of {} hours); practice is the rest",
                percent(*workshop_minutes as usize, *all_minutes as usize),
                hours(*workshop_minutes),
                hours(*all_minutes)
            ),
            Pitfall::CoachStretched {
                name, candidates, ..
            } => format!(
                "{name} coaches {} candidates taking part (a cohort's candidates shared between its coaches); more than {CANDIDATES_PER_COACH} leaves too little time for each",
                crate::logic::journey::trim_float(*candidates)
            ),
            Pitfall::PromotedByAssumption { name, missing, .. } => {
                format!("{name} is marked promoted with {}", missing.join(" and "))
            }
            Pitfall::NoTimeline { name, .. } => format!("{name} has no phase dates"),
            Pitfall::NoProtectedTime { name, .. } => {
                format!("{name} takes part with no protected hours a week")
            }
            Pitfall::UnusedTime { name, .. } => format!(
                "{name} used less than half of the protected time in each of the last {UNUSED_WEEKS} weeks"
            ),
        }
    }

    /// Whom or what it is about (a cohort, a coach, a candidate).
    pub fn subject(&self) -> &str {
        match self {
            Pitfall::TooTheoretical { name, .. }
            | Pitfall::CoachStretched { name, .. }
            | Pitfall::PromotedByAssumption { name, .. }
            | Pitfall::NoTimeline { name, .. }
            | Pitfall::NoProtectedTime { name, .. }
            | Pitfall::UnusedTime { name, .. } => name,
        }
    }

    /// Where it is put right, and what the link says.
    pub fn fix(&self) -> (FixAt, &'static str) {
        match self {
            Pitfall::TooTheoretical { cohort, .. } => {
                (FixAt::Cohort(*cohort), "Plan practice in the standard week")
            }
            Pitfall::CoachStretched { cohort, .. } => {
                (FixAt::Cohort(*cohort), "Add a coach to the cohort")
            }
            Pitfall::PromotedByAssumption { candidate, .. } => (
                FixAt::Candidate(*candidate, "summary"),
                "See the readiness summary",
            ),
            Pitfall::NoTimeline { cohort, .. } => (FixAt::Cohort(*cohort), "Set the phase dates"),
            Pitfall::NoProtectedTime { candidate, .. } => {
                (FixAt::Candidate(*candidate, ""), "Set the protected hours")
            }
            Pitfall::UnusedTime { candidate, .. } => {
                (FixAt::Candidate(*candidate, "week"), "Plan the week")
            }
        }
    }
}

/// The whole overview on a day.
#[derive(Clone, Debug, PartialEq)]
pub struct Overview {
    pub cohorts: Vec<CohortGlance>,
    pub trials: Vec<TrialGlance>,
    pub cases: Vec<CaseGlance>,
    pub metrics: Vec<Metric>,
    pub pitfalls: Vec<Pitfall>,
}

fn percent(part: usize, of: usize) -> u32 {
    if of == 0 {
        0
    } else {
        ((part as f64 / of as f64) * 100.0).round() as u32
    }
}

fn hours(minutes: u32) -> String {
    crate::logic::journey::trim_float(minutes as f32 / 60.0)
}

fn rate(part: usize, of: usize) -> String {
    if of == 0 {
        "—".to_string()
    } else {
        format!("{}% ({part} of {of})", percent(part, of))
    }
}

fn caution(n: usize, none: &str) -> Option<String> {
    match n {
        0 => Some(none.to_string()),
        n if n < SMALL_N => Some(format!(
            "Only {n} counted: one person more or less moves this a lot. Read it with the others."
        )),
        _ => None,
    }
}

pub fn overview(ws: &Workspace, today: Date) -> Overview {
    Overview {
        cohorts: cohorts(ws, today),
        trials: trials(ws),
        cases: cases(ws, today),
        metrics: vec![
            readiness_rate(ws, today),
            time_to_ready(ws, today),
            retention(ws, today),
            trial_outcomes(ws, today),
            assignment_outcomes(ws),
            managers_and_ladder(ws, today),
        ],
        pitfalls: pitfalls(ws, today),
    }
}

/// Cohorts newest first.
fn cohorts(ws: &Workspace, today: Date) -> Vec<CohortGlance> {
    let mut out: Vec<CohortGlance> = ws
        .cohorts
        .iter()
        .map(|c| {
            let statuses = CandidateStatus::ALL
                .into_iter()
                .map(|s| (s, ws.candidates_in(c.id).filter(|k| k.status == s).count()))
                .filter(|(_, n)| *n > 0)
                .collect();
            let week = coach_week(ws, c.id, today);
            CohortGlance {
                id: c.id,
                name: c.name.clone(),
                now: if c.phases.is_empty() {
                    "No phase dates".to_string()
                } else {
                    describe_position(c, today)
                },
                statuses,
                calibration: calibration_due(ws, c, today),
                behind: week.as_ref().map_or(0, |w| w.behind()),
                overdue: week
                    .as_ref()
                    .map_or(0, |w| w.candidates.iter().map(|l| l.overdue.len()).sum()),
            }
        })
        .collect();
    let start = |id: Id| ws.cohort(id).map(|c| c.starts_on());
    out.stable_sort_by(|a, b| start(b.id).cmp(&start(a.id)));
    out
}

/// Open trials, the next checkpoint soonest first.
fn trials(ws: &Workspace) -> Vec<TrialGlance> {
    let mut out: Vec<TrialGlance> = ws
        .trials
        .iter()
        .filter(|t| t.end().is_none())
        .map(|t| TrialGlance {
            trial_id: t.id,
            person_id: t.person_id,
            name: ws.person_name(t.person_id).to_string(),
            team: t.team.clone(),
            starts_on: t.starts_on,
            last_day: t.last_day(),
            next_checkpoint: next_checkpoint(t).map(|c| c.on),
        })
        .collect();
    out.stable_sort_by(|a, b| {
        a.next_checkpoint
            .unwrap_or(Date::MAX)
            .cmp(&b.next_checkpoint.unwrap_or(Date::MAX))
    });
    out
}

/// Cases not closed, by name.
fn cases(ws: &Workspace, today: Date) -> Vec<CaseGlance> {
    let mut out: Vec<CaseGlance> = ws
        .promotions
        .iter()
        .filter(|c| !c.status().is_closed())
        .map(|c| CaseGlance {
            case_id: c.id,
            person_id: c.person_id,
            name: ws.person_name(c.person_id).to_string(),
            status: c.status(),
            waiting_for: waiting_for(ws, c, today),
        })
        .collect();
    out.stable_sort_by(|a, b| a.name.to_lowercase().cmp(&b.name.to_lowercase()));
    out
}

/// Took part to the end: ready, promoted or back in engineering (not withdrawn).
fn finished_program(s: CandidateStatus) -> bool {
    matches!(
        s,
        CandidateStatus::Ready | CandidateStatus::Promoted | CandidateStatus::ReturnedToEngineering
    )
}

/// Took part at all: everyone who was in the program, whatever came of it.
fn took_part(s: CandidateStatus) -> bool {
    finished_program(s) || matches!(s, CandidateStatus::InProgram | CandidateStatus::Withdrawn)
}

/// Candidates approved for full manager duties (Ready or promoted) of those who finished, per
/// cohort that has ended.
fn readiness_rate(ws: &Workspace, today: Date) -> Metric {
    let mut ended: Vec<_> = ws
        .cohorts
        .iter()
        .filter(|c| !c.phases.is_empty() && c.ends_on() < today)
        .collect();
    ended.stable_sort_by_key(|c| c.starts_on());
    let mut rows = Vec::new();
    let (mut ready, mut finished) = (0, 0);
    for c in &ended {
        let done: Vec<_> = ws
            .candidates_in(c.id)
            .filter(|k| finished_program(k.status))
            .collect();
        let r = done
            .iter()
            .filter(|k| matches!(k.status, CandidateStatus::Ready | CandidateStatus::Promoted))
            .count();
        ready += r;
        finished += done.len();
        rows.push(MetricRow {
            label: c.name.clone(),
            n: done.len(),
            value: rate(r, done.len()),
        });
    }
    Metric {
        name: "Promotion readiness rate",
        row_label: "Cohort",
        measures: "Candidates approved for full manager duties (Ready or promoted) of those who finished the program, per cohort that has ended",
        value: rate(ready, finished),
        n: finished,
        period: period_of(ended.first().map(|c| c.starts_on()), ended.last().map(|c| c.ends_on())),
        rows,
        caution: caution(finished, "No cohort has ended yet: this counts candidates of ended cohorts."),
    }
}

fn period_of(from: Option<Date>, to: Option<Date>) -> String {
    match (from, to) {
        (Some(a), Some(b)) => format!("{} to {}", a.format("%b %Y"), b.format("%b %Y")),
        _ => "none yet".to_string(),
    }
}

/// Retention of participants against comparable people who did not take part: of those
/// employed when a cohort started, the share still employed 12 months later (cohorts that
/// started a year ago or more) or today (the others). Comparable: employed at the start, at a
/// level a participant held then, in no cohort of the program.
fn retention(ws: &Workspace, today: Date) -> Metric {
    let anywhere: std::collections::HashSet<Id> = ws
        .candidates
        .iter()
        .filter(|k| took_part(k.status))
        .map(|k| k.person_id)
        .collect();
    let cohorts = started_cohorts(ws, today);
    let mut rows = Vec::new();
    let mut full = (0, 0, 0, 0);
    let mut young = (0, 0, 0, 0);
    for c in &cohorts {
        let start = c.starts_on();
        let year_on = start + Days::new(365);
        let until = if year_on <= today { year_on } else { today };
        let participants: Vec<_> = ws
            .candidates_in(c.id)
            .filter(|k| took_part(k.status))
            .filter_map(|k| ws.person(k.person_id))
            .filter(|p| employed_on(p, start))
            .collect();
        let levels: Vec<Option<TrackLevel>> = participants
            .iter()
            .map(|p| level_on(ws, p.id, start))
            .collect();
        let peers: Vec<_> = ws
            .people
            .iter()
            .filter(|p| !anywhere.contains(&p.id) && employed_on(p, start))
            .filter(|p| {
                let l = level_on(ws, p.id, start);
                l.is_some() && levels.contains(&l)
            })
            .collect();
        let k = participants
            .iter()
            .filter(|p| employed_on(p, until))
            .count();
        let pk = peers.iter().filter(|p| employed_on(p, until)).count();
        // The headline pools like with like: a year on where a cohort is a year old, else
        // (no cohort is) to date.
        let t = if until == year_on {
            &mut full
        } else {
            &mut young
        };
        t.0 += k;
        t.1 += participants.len();
        t.2 += pk;
        t.3 += peers.len();
        rows.push(MetricRow {
            label: format!(
                "{} ({})",
                c.name,
                if until == year_on {
                    "12 months"
                } else {
                    "to date"
                }
            ),
            n: participants.len(),
            value: format!(
                "participants {} · peers {}",
                rate(k, participants.len()),
                rate(pk, peers.len())
            ),
        });
    }
    let a_year = full.1 > 0;
    let (kept, of, peers_kept, peers_of) = if a_year { full } else { young };
    Metric {
        name: "Retention against peers",
        row_label: "Cohort",
        measures: "Of those employed when their cohort started, the share still here 12 months on (or today, for younger cohorts): participants against people at the same levels who did not take part",
        value: format!(
            "participants {} · peers {}, {}",
            rate(kept, of),
            rate(peers_kept, peers_of),
            if a_year { "12 months on" } else { "to date" }
        ),
        n: of,
        period: period_of(cohorts.first().map(|c| c.starts_on()), Some(today)),
        rows,
        caution: caution(of, "No cohort has started yet."),
    }
}

/// Trials by how they ended, and how many confirmed managers are still here a year on.
fn trial_outcomes(ws: &Workspace, today: Date) -> Metric {
    let n = ws.trials.len();
    let ended = |d: TrialDecision| {
        ws.trials
            .iter()
            .filter(|t| t.end().is_some_and(|e| e.decision == d))
            .count()
    };
    let confirmed = ended(TrialDecision::Confirmed);
    let returned = ended(TrialDecision::Returned);
    let open = ws.trials.iter().filter(|t| t.end().is_none()).count();
    let extended = ws
        .trials
        .iter()
        .filter(|t| {
            t.outcomes
                .iter()
                .any(|o| o.decision == TrialDecision::Extended)
        })
        .count();
    // New-manager retention: confirmed a year ago or more, and still employed a year after.
    let year_old: Vec<_> = ws
        .trials
        .iter()
        .filter_map(|t| {
            let e = t.end()?;
            (e.decision == TrialDecision::Confirmed && e.on + Days::new(365) <= today)
                .then_some((t.person_id, e.on + Days::new(365)))
        })
        .collect();
    let stayed = year_old
        .iter()
        .filter(|(p, on)| ws.person(*p).is_some_and(|p| employed_on(p, *on)))
        .count();
    let row = |label: &str, count: usize| MetricRow {
        label: label.to_string(),
        n,
        value: rate(count, n),
    };
    let mut first: Vec<Date> = ws.trials.iter().map(|t| t.starts_on).collect();
    first.stable_sort();
    Metric {
        name: "Trials",
        row_label: "Outcome",
        measures: "How first steps into management came out: confirmed, extended on the way, returned to engineering, still open; and confirmed managers still here a year later",
        value: format!(
            "{confirmed} confirmed · {returned} returned · {open} open"
        ),
        n,
        period: period_of(first.first().copied(), Some(today)),
        rows: vec![
            row("Confirmed as a manager", confirmed),
            row("Extended on the way", extended),
            row("Returned to engineering", returned),
            row("Still open", open),
            MetricRow {
                label: "Confirmed a year ago or more, still here a year on".to_string(),
                n: year_old.len(),
                value: rate(stayed, year_old.len()),
            },
        ],
        caution: caution(n, "No trial recorded yet."),
    }
}

/// The first calibration session at which a candidate stood at the top level in every domain
/// of its framework (each domain's latest calibrated level counting), if any by `today`.
fn ready_on(ws: &Workspace, cohort: Id, candidate: Id, today: Date) -> Option<Date> {
    let mut sessions: Vec<_> = ws
        .calibrations
        .iter()
        .filter(|s| s.cohort_id == cohort && s.on <= today)
        .collect();
    sessions.stable_sort_by_key(|s| s.on);
    let mut latest: Vec<(Id, Id, Id)> = Vec::new(); // (framework, domain, level)
    for s in sessions {
        for o in s.outcomes.iter().filter(|o| o.candidate_id == candidate) {
            latest.retain(|(f, d, _)| !(*f == s.framework_id && *d == o.domain_id));
            latest.push((s.framework_id, o.domain_id, o.level_id));
        }
        let fw = find(ws, s.framework_id)?;
        let top = fw.top_level().and_then(|l| fw.rank(l.id))?;
        let mut domains = fw.active_domains().peekable();
        domains.peek()?;
        let all_top = domains.all(|d| {
            latest
                .iter()
                .find(|(f, dom, _)| *f == s.framework_id && *dom == d.id)
                .and_then(|(_, _, l)| fw.rank(*l))
                .is_some_and(|r| r >= top)
        });
        if all_top {
            return Some(s.on);
        }
    }
    None
}

/// Cohorts with phase dates that have started by `today`, oldest first.
fn started_cohorts(ws: &Workspace, today: Date) -> Vec<&crate::model::Cohort> {
    let mut cohorts: Vec<_> = ws
        .cohorts
        .iter()
        .filter(|c| !c.phases.is_empty() && c.starts_on() <= today)
        .collect();
    cohorts.stable_sort_by_key(|c| c.starts_on());
    cohorts
}

/// Months from a cohort's start to the calibration that found the candidate Ready in every
/// domain, for everyone who took part.
fn time_to_ready(ws: &Workspace, today: Date) -> Metric {
    let cohorts = started_cohorts(ws, today);
    let mut rows = Vec::new();
    let mut months = Vec::new();
    for c in &cohorts {
        for k in ws.candidates_in(c.id).filter(|k| took_part(k.status)) {
            if let Some(on) = ready_on(ws, c.id, k.id, today) {
                let m = months_between(c.starts_on(), on);
                months.push(m);
                rows.push(MetricRow {
                    label: format!("{} ({})", ws.person_name(k.person_id), c.name),
                    n: 1,
                    value: format!("{} (calibrated {})", months_text(m), day_text(on)),
                });
            }
        }
    }
    let took: usize = cohorts
        .iter()
        .map(|c| {
            ws.candidates_in(c.id)
                .filter(|k| took_part(k.status))
                .count()
        })
        .sum();
    months.stable_sort();
    let value = match months.len() {
        0 => "—".to_string(),
        n => format!(
            "median {} ({n} of {took} who took part)",
            months_text(if n % 2 == 1 {
                months[n / 2]
            } else {
                (months[n / 2 - 1] + months[n / 2]).div_ceil(2)
            })
        ),
    };
    Metric {
        name: "Time from start to Ready",
        row_label: "Candidate",
        measures: "Months from the cohort's start to the calibration that found the candidate Ready in every domain",
        value,
        n: months.len(),
        period: period_of(cohorts.first().map(|c| c.starts_on()), Some(today)),
        rows,
        caution: caution(months.len(), "Nobody has been calibrated Ready in every domain yet."),
    }
}

/// The numbers micro-assignments set out to move, before and after, as recorded.
fn assignment_outcomes(ws: &Workspace) -> Metric {
    let mut measured: Vec<_> = ws
        .assignments
        .iter()
        .filter(|a| a.metric.is_some())
        .collect();
    measured.stable_sort_by_key(|a| a.ends_on);
    let both = measured
        .iter()
        .filter(|a| {
            a.metric
                .as_ref()
                .is_some_and(|m| m.before.is_some() && m.after.is_some())
        })
        .count();
    let rows = measured
        .iter()
        .filter_map(|a| {
            let m = a.metric.as_ref()?;
            Some(MetricRow {
                label: format!(
                    "{} ({}): {}",
                    a.title,
                    candidate_name(ws, a.candidate_id),
                    m.name
                ),
                n: 1,
                value: metric_change(m.before, m.after)
                    .unwrap_or_else(|| "no figures yet".to_string()),
            })
        })
        .collect();
    Metric {
        name: "Micro-assignment outcomes",
        row_label: "Assignment: what it measured",
        measures: "Each number a micro-assignment set out to move, before and after (whether up or down is better depends on the number)",
        value: format!("{both} of {} measured before and after", measured.len()),
        n: measured.len(),
        period: period_of(
            measured.first().map(|a| a.starts_on),
            measured.last().map(|a| a.ends_on),
        ),
        rows,
        caution: caution(measured.len(), "No micro-assignment names a number to move yet."),
    }
}

/// The management track: managers by level against the healthy bands, training and practice
/// against the ladder's targets, and managers who left in the last twelve months.
fn managers_and_ladder(ws: &Workspace, today: Date) -> Metric {
    let d = distribution(ws, today, None);
    let total = d.total();
    let mut rows: Vec<MetricRow> = BANDS
        .iter()
        .enumerate()
        .map(|(i, (level, lo, hi))| MetricRow {
            label: format!(
                "{} (healthy {})",
                level.code(),
                if *lo == 0.0 {
                    format!("under {hi} %")
                } else {
                    format!("{lo}–{hi} %")
                }
            ),
            n: total,
            value: format!(
                "{} ({} of {total}){}",
                format_args!("{} %", crate::logic::charts::num(d.share(i))),
                d.counts[i],
                if total > 0 && !d.in_band(i) {
                    ", outside the band"
                } else {
                    ""
                }
            ),
        })
        .collect();
    let books = ledgers(ws, today);
    let on_track = books.iter().filter(|l| !l.behind()).count();
    rows.push(MetricRow {
        label: "On track with training and practice".to_string(),
        n: books.len(),
        value: rate(on_track, books.len()),
    });
    let year_ago = today - Days::new(365);
    let managers_then: Vec<Id> = ws
        .people
        .iter()
        .filter(|p| employed_on(p, year_ago))
        .filter(|p| level_on(ws, p.id, year_ago).is_some_and(TrackLevel::is_manager))
        .map(|p| p.id)
        .collect();
    let left = managers_then
        .iter()
        .filter(|id| ws.person(**id).is_some_and(|p| !employed_on(p, today)))
        .count();
    rows.push(MetricRow {
        label: "Managers a year ago who have left since".to_string(),
        n: managers_then.len(),
        value: rate(left, managers_then.len()),
    });
    Metric {
        name: "Managers and the ladder",
        row_label: "Measure",
        measures: "Managers by level against the healthy shares, training and practice against the ladder's targets, and manager attrition over twelve months",
        value: format!(
            "{total} {} · {on_track} of {} on track · {left} of {} left in a year",
            if total == 1 { "manager" } else { "managers" },
            books.len(),
            managers_then.len()
        ),
        n: total,
        period: format!("{} to {}", year_ago.format("%b %Y"), today.format("%b %Y")),
        rows,
        caution: caution(total, "Nobody holds a manager level (M1–M3) yet."),
    }
}

fn pitfalls(ws: &Workspace, today: Date) -> Vec<Pitfall> {
    let mut out = Vec::new();
    for c in &ws.cohorts {
        if c.phases.is_empty() {
            out.push(Pitfall::NoTimeline {
                cohort: c.id,
                name: c.name.clone(),
            });
        }
        // The rest is about cohorts under way (or about to start): an ended cohort is the
        // program review's business.
        if !c.phases.is_empty() && c.ends_on() < today {
            continue;
        }
        // Too theoretical: workshops against everything else done, by time, once the first
        // phase (mostly workshops by design) is over.
        let past_first = c.phases.first().is_some_and(|p| p.ends_on < today);
        let ids: Vec<Id> = ws.candidates_in(c.id).map(|k| k.id).collect();
        let done: Vec<_> = ws
            .activities
            .iter()
            .filter(|a| a.done && a.on <= today && ids.contains(&a.candidate_id))
            .collect();
        let all: u32 = done.iter().map(|a| a.minutes).sum();
        let workshops: u32 = done
            .iter()
            .filter(|a| a.kind == ActivityKind::Workshop)
            .map(|a| a.minutes)
            .sum();
        if past_first && all > 0 && f64::from(workshops) > WORKSHOP_SHARE * f64::from(all) {
            out.push(Pitfall::TooTheoretical {
                cohort: c.id,
                name: c.name.clone(),
                workshop_minutes: workshops,
                all_minutes: all,
            });
        }
        let running = !c.phases.is_empty() && c.starts_on() <= today && today <= c.ends_on();
        for k in active_candidates(ws, c.id) {
            let name = ws.person_name(k.person_id).to_string();
            if k.protected_hours_per_week <= 0.0 {
                out.push(Pitfall::NoProtectedTime {
                    candidate: k.id,
                    name,
                });
            } else if running && unused_for_weeks(ws, k.id, c.starts_on(), today) {
                out.push(Pitfall::UnusedTime {
                    candidate: k.id,
                    name,
                });
            }
        }
    }
    // Coaching bandwidth: candidates taking part in cohorts not yet ended, shared between each
    // cohort's coaches.
    let mut per_coach: Vec<(Id, f32, Id, f32)> = Vec::new();
    for c in ws
        .cohorts
        .iter()
        .filter(|c| c.phases.is_empty() || c.ends_on() >= today)
    {
        if c.coach_ids.is_empty() {
            continue;
        }
        let share = active_candidates(ws, c.id).len() as f32 / c.coach_ids.len() as f32;
        for coach in &c.coach_ids {
            match per_coach.iter_mut().find(|e| e.0 == *coach) {
                Some(e) => {
                    e.1 += share;
                    if share > e.3 {
                        e.2 = c.id;
                        e.3 = share;
                    }
                }
                None => per_coach.push((*coach, share, c.id, share)),
            }
        }
    }
    for (coach, n, cohort, _) in per_coach {
        // Shares such as 4/3 + 2/3 add up a hair above 3 in floating point.
        if n > CANDIDATES_PER_COACH as f32 + 1e-3 {
            out.push(Pitfall::CoachStretched {
                coach,
                name: ws.person_name(coach).to_string(),
                candidates: n,
                cohort,
            });
        }
    }
    // Promotion by assumption.
    for k in ws
        .candidates
        .iter()
        .filter(|k| k.status == CandidateStatus::Promoted)
    {
        let mut missing = Vec::new();
        if let Some(s) = summary(ws, k.id, DEFAULT_FRAMEWORK, today) {
            let short: Vec<String> = s
                .domains
                .iter()
                .filter(|d| d.status != DomainStatus::Ready)
                .map(|d| d.name.clone())
                .collect();
            if !short.is_empty() {
                missing.push(format!(
                    "no calibrated Ready backed by evidence in {}",
                    short.join(", ")
                ));
            }
        }
        if cases_of(ws, k.person_id).is_empty() {
            missing.push("no promotion package".to_string());
        }
        if !missing.is_empty() {
            out.push(Pitfall::PromotedByAssumption {
                candidate: k.id,
                name: ws.person_name(k.person_id).to_string(),
                missing,
            });
        }
    }
    out
}

/// Whether each of the last [`UNUSED_WEEKS`] full weeks, all inside the program, used less
/// than [`UNUSED_SHARE`] of the protected time.
fn unused_for_weeks(ws: &Workspace, candidate: Id, started: Date, today: Date) -> bool {
    let this_monday = monday_on_or_before(today);
    (1..=UNUSED_WEEKS).all(|w| {
        let monday = this_monday - Days::new(7 * w);
        monday >= started
            && week_summary(ws, candidate, monday)
                .is_some_and(|s| s.hours_used < UNUSED_SHARE * s.protected_hours)
    })
}

/// Text as CSV (RFC 4180: a field with a comma, quote or line break is quoted, quotes
/// doubled; lines end in CRLF). A field that a spreadsheet would read as a formula (it starts
/// with `=`, `+`, `-` or `@`) gets a leading apostrophe, so opening the file runs nothing.
pub fn to_csv(rows: &[Vec<String>]) -> String {
    let field = |f: &str| {
        let f = if f.starts_with(['=', '+', '-', '@']) {
            format!("'{f}")
        } else {
            f.to_string()
        };
        if f.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", f.replace('"', "\"\""))
        } else {
            f
        }
    };
    rows.iter()
        .map(|r| r.iter().map(|f| field(f)).collect::<Vec<_>>().join(",") + "\r\n")
        .collect()
}

impl Metric {
    /// The metric's table as CSV: one line per period, then the total.
    pub fn csv(&self) -> String {
        let mut rows = vec![vec![
            self.row_label.to_string(),
            "Counted".to_string(),
            self.name.to_string(),
        ]];
        rows.extend(
            self.rows
                .iter()
                .map(|r| vec![r.label.clone(), r.n.to_string(), r.value.clone()]),
        );
        rows.push(vec![
            format!("All ({})", self.period),
            self.n.to_string(),
            self.value.clone(),
        ]);
        to_csv(&rows)
    }
}
