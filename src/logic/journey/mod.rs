//! Rules of the program journey, as pure functions: where an activity falls, which 1:1
//! follow-ups carry over, when interview scores may be seen, what is overdue, how a week went,
//! the selection board, the candidate's timeline and the calendar file.

mod records;

pub use records::MAX_ACTIVITY_MINUTES;

use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveTime};

use crate::logic::program::phases::{monday_on_or_before, phase_on};
use crate::model::{
    Activity, ActivityKind, Assignment, AssignmentStatus, Candidate, Cohort, Date, FollowUp, Id,
    Interview, OneOnOne, PhaseKind, RecordKind, Scenario, SnippetCategory, Timestamp, Verdict,
    Visibility, WeekPlan, Workspace,
};

/// A day as people read it: "21 Nov 2026".
pub fn day_text(d: Date) -> String {
    d.format("%-d %b %Y").to_string()
}

/// The phase an activity (or anything dated) falls in, from the cohort's phases.
pub fn phase_of(cohort: &Cohort, day: Date) -> Option<PhaseKind> {
    phase_on(cohort, day)
}

// ---------------------------------------------------------------------------------------------
// 1:1 follow-ups

/// A follow-up from an earlier 1:1, as it shows on a later one.
#[derive(Clone, Debug, PartialEq)]
pub struct Carried<'a> {
    pub from: &'a OneOnOne,
    pub follow_up: &'a FollowUp,
}

fn same_pair(a: &OneOnOne, b: &OneOnOne) -> bool {
    a.candidate_id == b.candidate_id && a.with_id == b.with_id
}

/// Follow-ups from earlier 1:1s with the same person that are still open on `one`'s day:
/// not ticked, or ticked on that day or later. A follow-up keeps coming back until ticked.
pub fn carried_over<'a>(ws: &'a Workspace, one: &OneOnOne) -> Vec<Carried<'a>> {
    let mut out: Vec<Carried<'a>> = ws
        .one_on_ones
        .iter()
        .filter(|o| o.id != one.id && same_pair(o, one) && earlier(o, one))
        .flat_map(|o| {
            o.follow_ups
                .iter()
                .filter(|f| f.done_on.is_none_or(|d| d >= one.held_on))
                .map(move |f| Carried {
                    from: o,
                    follow_up: f,
                })
        })
        .collect();
    out.sort_by_key(|c| (c.from.held_on, c.from.created_at));
    out
}

/// `a` took place before `b` (same day: created first).
fn earlier(a: &OneOnOne, b: &OneOnOne) -> bool {
    (a.held_on, a.created_at) < (b.held_on, b.created_at)
}

/// Follow-ups still open with this person, for a 1:1 about to be written on `on`.
pub fn open_follow_ups<'a>(
    ws: &'a Workspace,
    candidate_id: Id,
    with_id: Option<Id>,
    on: Date,
) -> Vec<Carried<'a>> {
    let mut out: Vec<Carried<'a>> = ws
        .one_on_ones
        .iter()
        .filter(|o| o.candidate_id == candidate_id && o.with_id == with_id && o.held_on <= on)
        .flat_map(|o| {
            o.follow_ups
                .iter()
                .filter(|f| f.done_on.is_none())
                .map(move |f| Carried {
                    from: o,
                    follow_up: f,
                })
        })
        .collect();
    out.sort_by_key(|c| (c.from.held_on, c.from.created_at));
    out
}

/// The next 1:1 with the same person after `one`, if any.
pub fn next_one_on_one<'a>(ws: &'a Workspace, one: &OneOnOne) -> Option<&'a OneOnOne> {
    ws.one_on_ones
        .iter()
        .filter(|o| o.id != one.id && same_pair(o, one) && earlier(one, o))
        .min_by_key(|o| (o.held_on, o.created_at))
}

/// Before a 1:1 is deleted, its open follow-ups move to the next 1:1 with the same person, so
/// they keep coming back until ticked.
pub fn hand_on_open_follow_ups(ws: &mut Workspace, id: Id, now: Timestamp) {
    let Some(one) = ws.one_on_ones.iter().find(|o| o.id == id).cloned() else {
        return;
    };
    let open: Vec<FollowUp> = one
        .follow_ups
        .iter()
        .filter(|f| f.done_on.is_none())
        .cloned()
        .collect();
    if open.is_empty() {
        return;
    }
    let Some(next) = next_one_on_one(ws, &one).map(|n| n.id) else {
        return;
    };
    if let Some(n) = ws.one_on_ones.iter_mut().find(|o| o.id == next) {
        for f in open {
            if !n.follow_ups.iter().any(|g| g.id == f.id) {
                n.follow_ups.push(f);
            }
        }
        n.updated_at = now;
    }
}

/// Keeps each follow-up in one 1:1 only. A delete in one copy hands a 1:1's open follow-ups
/// on to the next 1:1 (same ids); if a merge keeps that 1:1 from the other copy, they would be
/// there twice. The earliest 1:1 keeps each (later ones show it as carried over anyway),
/// ticked if any copy ticked it. Returns a line for the merge report when it changed anything.
pub fn dedupe_follow_ups(ws: &mut Workspace, now: Timestamp) -> Vec<String> {
    let mut order: Vec<usize> = (0..ws.one_on_ones.len()).collect();
    order.sort_by_key(|&i| (ws.one_on_ones[i].held_on, ws.one_on_ones[i].created_at));
    // Follow-up id → (1:1 index, follow-up index) of the copy kept.
    let mut kept: std::collections::HashMap<Id, (usize, usize)> = Default::default();
    let mut dropped = 0;
    for &i in &order {
        let mut j = 0;
        while j < ws.one_on_ones[i].follow_ups.len() {
            let f = ws.one_on_ones[i].follow_ups[j].clone();
            match kept.get(&f.id) {
                Some(&(ki, kj)) if ki != i => {
                    let k = &mut ws.one_on_ones[ki].follow_ups[kj];
                    let done = match (k.done_on, f.done_on) {
                        (Some(a), Some(b)) => Some(a.min(b)),
                        (a, b) => a.or(b),
                    };
                    if k.done_on != done {
                        k.done_on = done;
                        ws.one_on_ones[ki].updated_at = now;
                    }
                    ws.one_on_ones[i].follow_ups.remove(j);
                    ws.one_on_ones[i].updated_at = now;
                    dropped += 1;
                }
                _ => {
                    kept.insert(f.id, (i, j));
                    j += 1;
                }
            }
        }
    }
    if dropped == 0 {
        Vec::new()
    } else {
        vec![format!(
            "{dropped} follow-up{} handed on to a later 1:1 in one copy {} kept once, on the 1:1 {} came from.",
            if dropped == 1 { "" } else { "s" },
            if dropped == 1 { "is" } else { "are" },
            if dropped == 1 { "it" } else { "they" },
        )]
    }
}

/// A 1:1's follow-ups from its edited text, one per line. A line keeps the id (and tick) of the
/// old follow-up with the same text, each old one used once; where the text changed, the line
/// in the same place keeps its tick, so fixing a typo does not reopen a follow-up. New lines get
/// a nil id (saving gives them one).
pub fn follow_ups_from_lines(old: &[FollowUp], text: &str) -> Vec<FollowUp> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let mut used = vec![false; old.len()];
    let mut out: Vec<Option<FollowUp>> = lines
        .iter()
        .map(|line| {
            let i = (0..old.len()).find(|i| !used[*i] && old[*i].text == *line)?;
            used[i] = true;
            Some(old[i].clone())
        })
        .collect();
    for (pos, slot) in out.iter_mut().enumerate() {
        if slot.is_none() {
            let same_place = old.get(pos).filter(|_| !used[pos]);
            if same_place.is_some() {
                used[pos] = true;
            }
            *slot = Some(FollowUp {
                text: lines[pos].to_string(),
                ..same_place.cloned().unwrap_or(FollowUp {
                    id: Id::nil(),
                    text: String::new(),
                    done_on: None,
                })
            });
        }
    }
    out.into_iter().flatten().collect()
}

/// Records that can stand as a success signal's evidence: (id, kind, label). Only sessions that
/// took place count; a private journal entry is marked.
pub fn evidence_choices(ws: &Workspace, candidate_id: Id) -> Vec<(Id, RecordKind, String)> {
    let mut out = Vec::new();
    // Only what took place can show a signal: planned sessions are not evidence yet.
    for a in ws
        .activities
        .iter()
        .filter(|a| a.candidate_id == candidate_id && a.done)
    {
        out.push((
            a.id,
            RecordKind::Activity,
            format!("{} — {} ({})", a.kind.label(), a.title, day_text(a.on)),
        ));
    }
    for a in ws
        .assignments
        .iter()
        .filter(|a| a.candidate_id == candidate_id)
    {
        out.push((
            a.id,
            RecordKind::Assignment,
            format!("Micro-assignment — {}", a.title),
        ));
    }
    for o in ws
        .one_on_ones
        .iter()
        .filter(|o| o.candidate_id == candidate_id)
    {
        let with = o.with_id.map_or("someone", |p| ws.person_name(p));
        out.push((
            o.id,
            RecordKind::OneOnOne,
            format!("1:1 — with {with} ({})", day_text(o.held_on)),
        ));
    }
    for j in ws.journal.iter().filter(|j| j.candidate_id == candidate_id) {
        let private = if j.visibility == Visibility::Private {
            " [private]"
        } else {
            ""
        };
        out.push((
            j.id,
            RecordKind::JournalEntry,
            format!("Journal — {} ({}){private}", j.title, day_text(j.on)),
        ));
    }
    out
}

/// What a 1:1 lacks of its checklist (two coaching questions, one development goal).
pub fn checklist_gaps(o: &OneOnOne) -> Vec<String> {
    let mut gaps = Vec::new();
    if o.questions.len() < 2 {
        gaps.push(format!("{} of 2 coaching questions", o.questions.len()));
    }
    if o.goal.trim().is_empty() {
        gaps.push("no development goal".into());
    }
    gaps
}

// ---------------------------------------------------------------------------------------------
// Interview scores

/// What one cell of the scoreboard shows to the person looking.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cell {
    /// The score, visible (the viewer's own, or everyone's once all have scored).
    Score(u8),
    /// Scored, but hidden until every interviewer has scored.
    Hidden,
    /// Not scored yet.
    Missing,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ScoreRow {
    pub scenario: Scenario,
    /// One cell per interviewer, in the order of [`Scoreboard::interviewers`].
    pub cells: Vec<Cell>,
    /// Highest minus lowest score, once revealed.
    pub spread: Option<u8>,
    /// Mean score, once revealed.
    pub mean: Option<f32>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Scoreboard {
    /// Scorecards in the order they were started: (scorecard id, interviewer id).
    pub interviewers: Vec<(Id, Id)>,
    pub rows: Vec<ScoreRow>,
    /// Every interviewer has scored every scenario: all scores are shown side by side.
    pub revealed: bool,
    /// How many scorecards are complete.
    pub complete: usize,
}

fn interview_complete(i: &Interview, scenarios: &[Scenario]) -> bool {
    scenarios.iter().all(|s| {
        i.answers
            .iter()
            .any(|a| a.scenario_id == s.id && a.score.is_some())
    })
}

/// The interview scores for a candidate as `viewer` may see them: until every scorecard on
/// the panel scores every scenario, an interviewer sees only their own scores (so nobody
/// anchors on another's). A viewer with no scorecard yet sees none. `viewer` is `None` for
/// someone reading the board without scoring (the coach deciding), who sees who has scored,
/// and the scores once all have.
pub fn scoreboard(ws: &Workspace, candidate_id: Id, viewer: Option<Id>) -> Scoreboard {
    let scenarios = ws
        .candidate(candidate_id)
        .and_then(|c| ws.cohort(c.cohort_id))
        .map(|c| c.scenarios.clone())
        .unwrap_or_default();
    let mut cards: Vec<&Interview> = ws
        .interviews
        .iter()
        .filter(|i| i.candidate_id == candidate_id)
        .collect();
    cards.sort_by_key(|i| i.created_at);
    let complete = cards
        .iter()
        .filter(|i| interview_complete(i, &scenarios))
        .count();
    // Someone looking as an interviewer who has not scored yet must not see the others'
    // scores first, even when every started scorecard is complete.
    let viewer_may_see = viewer.is_none_or(|v| cards.iter().any(|i| i.interviewer_id == v));
    let revealed =
        !cards.is_empty() && !scenarios.is_empty() && complete == cards.len() && viewer_may_see;
    let rows = scenarios
        .iter()
        .map(|s| {
            let scores: Vec<Option<u8>> = cards
                .iter()
                .map(|i| {
                    i.answers
                        .iter()
                        .find(|a| a.scenario_id == s.id)
                        .and_then(|a| a.score)
                })
                .collect();
            let cells = cards
                .iter()
                .zip(&scores)
                .map(|(i, score)| match score {
                    None => Cell::Missing,
                    Some(v) if revealed || viewer == Some(i.interviewer_id) => Cell::Score(*v),
                    Some(_) => Cell::Hidden,
                })
                .collect();
            let known: Vec<u8> = scores.iter().flatten().copied().collect();
            let (spread, mean) = if revealed && !known.is_empty() {
                let max = known.iter().copied().max().unwrap_or(0);
                let min = known.iter().copied().min().unwrap_or(0);
                let sum: u32 = known.iter().map(|v| u32::from(*v)).sum();
                (Some(max - min), Some(sum as f32 / known.len() as f32))
            } else {
                (None, None)
            };
            ScoreRow {
                scenario: s.clone(),
                cells,
                spread,
                mean,
            }
        })
        .collect();
    Scoreboard {
        interviewers: cards.iter().map(|i| (i.id, i.interviewer_id)).collect(),
        rows,
        revealed,
        complete,
    }
}

// ---------------------------------------------------------------------------------------------
// Overdue

/// Still open (planned or active) after its timebox ended.
pub fn assignment_overdue(a: &Assignment, today: Date) -> bool {
    matches!(
        a.status,
        AssignmentStatus::Planned | AssignmentStatus::Active
    ) && a.ends_on < today
}

/// Planned for a day that has passed and not logged as done.
pub fn activity_overdue(a: &Activity, today: Date) -> bool {
    !a.done && a.on < today
}

// ---------------------------------------------------------------------------------------------
// The week

#[derive(Clone, Debug, PartialEq)]
pub struct WeekSummary {
    pub monday: Date,
    pub plan: WeekPlan,
    /// Done sessions of each planned kind this week: workshops, shadowing, coaching labs.
    pub workshops: u32,
    pub shadowing: u32,
    pub coaching_labs: u32,
    /// Hours of micro-assignment work logged as done.
    pub assignment_hours: f32,
    /// Hours of every done activity: the protected time used.
    pub hours_used: f32,
    pub protected_hours: f32,
    /// Every activity dated this week (planned and done), by day.
    pub activities: Vec<Activity>,
}

impl WeekSummary {
    /// The planned sessions still to do this week, for each kind: (kind, planned, done).
    pub fn rows(&self) -> Vec<(ActivityKind, u32, u32)> {
        vec![
            (
                ActivityKind::Workshop,
                u32::from(self.plan.workshops),
                self.workshops,
            ),
            (
                ActivityKind::Shadowing,
                u32::from(self.plan.shadowing),
                self.shadowing,
            ),
            (
                ActivityKind::CoachingLab,
                u32::from(self.plan.coaching_labs),
                self.coaching_labs,
            ),
        ]
    }
}

fn hours(minutes: u32) -> f32 {
    minutes as f32 / 60.0
}

/// Planned against done for the week (Monday to Sunday) containing `day`.
pub fn week_summary(ws: &Workspace, candidate_id: Id, day: Date) -> Option<WeekSummary> {
    let cand = ws.candidate(candidate_id)?;
    let cohort = ws.cohort(cand.cohort_id)?;
    let monday = monday_on_or_before(day);
    let sunday = monday.checked_add_days(Days::new(6)).unwrap_or(monday);
    let mut activities: Vec<Activity> = ws
        .activities
        .iter()
        .filter(|a| a.candidate_id == candidate_id && a.on >= monday && a.on <= sunday)
        .cloned()
        .collect();
    activities.sort_by_key(|a| (a.on, a.at));
    let done = |k: ActivityKind| activities.iter().filter(|a| a.done && a.kind == k).count() as u32;
    // Whole minutes are added up first, so 9 × 20 min is exactly 3 h.
    let assignment_hours = hours(
        activities
            .iter()
            .filter(|a| a.done && a.kind == ActivityKind::AssignmentWork)
            .map(|a| a.minutes)
            .sum(),
    );
    let hours_used = hours(
        activities
            .iter()
            .filter(|a| a.done)
            .map(|a| a.minutes)
            .sum(),
    );
    Some(WeekSummary {
        monday,
        plan: cohort.week.clone(),
        workshops: done(ActivityKind::Workshop),
        shadowing: done(ActivityKind::Shadowing),
        coaching_labs: done(ActivityKind::CoachingLab),
        assignment_hours,
        hours_used,
        protected_hours: cand.protected_hours_per_week,
        activities,
    })
}

// ---------------------------------------------------------------------------------------------
// Selection board

#[derive(Clone, Debug, PartialEq)]
pub struct BoardRow {
    pub candidate: Candidate,
    pub references: usize,
    pub scorecards: usize,
    pub scorecards_complete: usize,
    /// Mean of all scores, once every scorecard is complete.
    pub mean_score: Option<f32>,
    /// Largest spread on any scenario, once revealed.
    pub max_spread: Option<u8>,
}

/// Everyone nominated to a cohort with their selection facts.
pub fn selection_board(ws: &Workspace, cohort_id: Id) -> Vec<BoardRow> {
    ws.candidates_in(cohort_id)
        .map(|c| {
            let board = scoreboard(ws, c.id, None);
            let means: Vec<f32> = board.rows.iter().filter_map(|r| r.mean).collect();
            BoardRow {
                candidate: c.clone(),
                references: ws
                    .references
                    .iter()
                    .filter(|r| r.candidate_id == c.id)
                    .count(),
                scorecards: board.interviewers.len(),
                scorecards_complete: board.complete,
                mean_score: (!means.is_empty())
                    .then(|| means.iter().sum::<f32>() / means.len() as f32),
                max_spread: board.rows.iter().filter_map(|r| r.spread).max(),
            }
        })
        .collect()
}

/// What a decision means for the person, in one line.
pub fn verdict_line(v: Verdict) -> &'static str {
    match v {
        Verdict::Selected => "Selected for the program",
        Verdict::NotNow => "Not now — the feedback is kept for the conversation",
    }
}

// ---------------------------------------------------------------------------------------------
// Timeline

/// What kind of thing a timeline item is, and where it lives on the candidate page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemKind {
    Activity(ActivityKind),
    Assignment,
    OneOnOne,
    Journal(Visibility),
    Decision,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemState {
    Done,
    Planned,
    Overdue,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TimelineItem {
    pub id: Id,
    pub on: Date,
    pub kind: ItemKind,
    pub title: String,
    pub state: ItemState,
}

/// A candidate's story: everything dated, grouped by phase (`None`: before or after the
/// phases, or between them).
#[derive(Clone, Debug, PartialEq)]
pub struct Timeline {
    pub groups: Vec<(Option<PhaseKind>, Vec<TimelineItem>)>,
    /// The next few planned things, soonest first.
    pub next: Vec<TimelineItem>,
    pub overdue: Vec<TimelineItem>,
}

/// How many planned items "what's next" lists.
const NEXT_COUNT: usize = 5;

pub fn timeline(ws: &Workspace, candidate_id: Id, today: Date) -> Timeline {
    let mut items = Vec::new();
    let state_of = |done: bool, overdue: bool| {
        if done {
            ItemState::Done
        } else if overdue {
            ItemState::Overdue
        } else {
            ItemState::Planned
        }
    };
    for a in ws
        .activities
        .iter()
        .filter(|a| a.candidate_id == candidate_id)
    {
        items.push(TimelineItem {
            id: a.id,
            on: a.on,
            kind: ItemKind::Activity(a.kind),
            title: a.title.clone(),
            state: state_of(a.done, activity_overdue(a, today)),
        });
    }
    for a in ws
        .assignments
        .iter()
        .filter(|a| a.candidate_id == candidate_id)
    {
        let finished = matches!(a.status, AssignmentStatus::Done | AssignmentStatus::Dropped);
        items.push(TimelineItem {
            id: a.id,
            // Dated by its deadline: that is when it needs attention.
            on: a.ends_on,
            kind: ItemKind::Assignment,
            title: format!("{} ({})", a.title, a.status.label().to_lowercase()),
            state: state_of(finished, assignment_overdue(a, today)),
        });
    }
    for o in ws
        .one_on_ones
        .iter()
        .filter(|o| o.candidate_id == candidate_id)
    {
        let with = o
            .with_id
            .map_or("someone".to_string(), |p| ws.person_name(p).to_string());
        items.push(TimelineItem {
            id: o.id,
            on: o.held_on,
            kind: ItemKind::OneOnOne,
            title: format!("1:1 with {with}"),
            state: if o.held_on > today {
                ItemState::Planned
            } else {
                ItemState::Done
            },
        });
    }
    for j in ws.journal.iter().filter(|j| j.candidate_id == candidate_id) {
        items.push(TimelineItem {
            id: j.id,
            on: j.on,
            kind: ItemKind::Journal(j.visibility),
            title: j.title.clone(),
            state: ItemState::Done,
        });
    }
    let cand = ws.candidate(candidate_id);
    if let Some((c, d)) = cand.and_then(|c| c.decision.as_ref().map(|d| (c, d))) {
        items.push(TimelineItem {
            id: c.id,
            on: d.on,
            kind: ItemKind::Decision,
            title: verdict_line(d.verdict).into(),
            state: ItemState::Done,
        });
    }
    items.sort_by(|a, b| a.on.cmp(&b.on).then_with(|| a.title.cmp(&b.title)));
    let cohort = cand.and_then(|c| ws.cohort(c.cohort_id));
    let mut groups: Vec<(Option<PhaseKind>, Vec<TimelineItem>)> = Vec::new();
    for item in &items {
        let phase = cohort.and_then(|c| phase_of(c, item.on));
        match groups.last_mut() {
            Some((p, list)) if *p == phase => list.push(item.clone()),
            _ => groups.push((phase, vec![item.clone()])),
        }
    }
    let mut next: Vec<TimelineItem> = items
        .iter()
        .filter(|i| i.state == ItemState::Planned)
        .cloned()
        .collect();
    next.truncate(NEXT_COUNT);
    let overdue = items
        .iter()
        .filter(|i| i.state == ItemState::Overdue)
        .cloned()
        .collect();
    Timeline {
        groups,
        next,
        overdue,
    }
}

// ---------------------------------------------------------------------------------------------
// Calendar (.ics)

/// Escapes text for an iCalendar value (RFC 5545 §3.3.11).
fn ics_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets, never inside a character (RFC 5545 §3.1).
fn fold(line: &str, out: &mut String) {
    let mut used = 0;
    for ch in line.chars() {
        let len = ch.len_utf8();
        if used + len > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(ch);
        used += len;
    }
    out.push_str("\r\n");
}

fn ics_date(d: Date) -> String {
    d.format("%Y%m%d").to_string()
}

/// Planned activities from `today` on, for the given candidates, as an iCalendar file.
/// Times are floating (the reader's local time), as people plan them; an activity without a
/// time is an all-day entry. `with_notes` puts each activity's notes in its description (for
/// one candidate's own calendar; a cohort-wide file, often shared, leaves them out).
pub fn calendar(
    ws: &Workspace,
    candidate_ids: &[Id],
    today: Date,
    now: Timestamp,
    with_notes: bool,
) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        "PRODID:-//Runway//Manager-in-Training//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        format!(
            "X-WR-CALNAME:{}",
            ics_text(&calendar_name(ws, candidate_ids))
        ),
    ];
    let stamp = now.format("%Y%m%dT%H%M%SZ").to_string();
    let mut upcoming: Vec<&Activity> = ws
        .activities
        .iter()
        .filter(|a| candidate_ids.contains(&a.candidate_id) && !a.done && a.on >= today)
        .collect();
    upcoming.sort_by_key(|a| (a.on, a.at));
    for a in upcoming {
        let who = ws
            .candidate(a.candidate_id)
            .map_or("", |c| ws.person_name(c.person_id));
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{}@runway.local", a.id));
        lines.push(format!("DTSTAMP:{stamp}"));
        match a.at {
            Some(t) => {
                let start = a.on.and_time(t);
                // An end past the last day the calendar can hold: the session just starts.
                let end = start
                    .checked_add_signed(chrono::Duration::minutes(i64::from(a.minutes)))
                    .unwrap_or(start);
                lines.push(format!("DTSTART:{}", start.format("%Y%m%dT%H%M%S")));
                lines.push(format!("DTEND:{}", end.format("%Y%m%dT%H%M%S")));
            }
            None => {
                let next = a.on.checked_add_days(Days::new(1)).unwrap_or(a.on);
                lines.push(format!("DTSTART;VALUE=DATE:{}", ics_date(a.on)));
                lines.push(format!("DTEND;VALUE=DATE:{}", ics_date(next)));
            }
        }
        lines.push(format!(
            "SUMMARY:{}",
            ics_text(&format!("{} — {}", a.title, who))
        ));
        let mut description = a.kind.label().to_string();
        if !a.with.is_empty() {
            let names: Vec<&str> = a.with.iter().map(|p| ws.person_name(*p)).collect();
            description.push_str(&format!("\nWith: {}", names.join(", ")));
        }
        if with_notes && !a.notes.trim().is_empty() {
            description.push_str(&format!("\n{}", a.notes.trim()));
        }
        lines.push(format!("DESCRIPTION:{}", ics_text(&description)));
        lines.push(format!("CATEGORIES:{}", ics_text(a.kind.label())));
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for l in &lines {
        fold(l, &mut out);
    }
    out
}

fn calendar_name(ws: &Workspace, candidate_ids: &[Id]) -> String {
    match candidate_ids {
        [one] => ws.candidate(*one).map_or("Runway".into(), |c| {
            format!("{} — Manager-in-Training", ws.person_name(c.person_id))
        }),
        _ => "Runway — Manager-in-Training sessions".into(),
    }
}

/// How many planned sessions the calendar for these candidates would hold.
pub fn upcoming_count(ws: &Workspace, candidate_ids: &[Id], today: Date) -> usize {
    ws.activities
        .iter()
        .filter(|a| candidate_ids.contains(&a.candidate_id) && !a.done && a.on >= today)
        .count()
}

// ---------------------------------------------------------------------------------------------
// Snippets

/// A built-in snippet, written for Runway.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Starter {
    pub key: &'static str,
    pub title: &'static str,
    pub category: SnippetCategory,
    pub body: &'static str,
}

/// The starter library every workspace has. Copy one to make it the organisation's own.
pub const STARTER_SNIPPETS: &[Starter] = &[
    Starter {
        key: "feedback-hard",
        title: "Giving feedback someone won't like",
        category: SnippetCategory::Feedback,
        body: "Open: \"I'd like to talk about something I noticed, because I think it's holding you back.\"\n\
Describe one specific moment: what happened, when, who was affected. No labels, no \"always\".\n\
Say the effect: \"When the review waited three days, the release slipped and Sam had to redo the tests.\"\n\
Pause and ask: \"How did it look from where you were?\" Listen to the end.\n\
Agree one change and how you'll both know it worked.\n\
Close with when you'll check in, and mean it.",
    },
    Starter {
        key: "career",
        title: "Career conversation",
        category: SnippetCategory::Career,
        body: "Looking back: which work in the last year gave you energy, and which drained it?\n\
Looking ahead: what would you like to be known for in two years?\n\
Gaps: what skill or experience stands between you and that?\n\
Options: a stretch project, a rotation, a mentor, a course — which feels most real?\n\
Next step: one thing each of us does before we talk again.",
    },
    Starter {
        key: "conflict",
        title: "Mediating a disagreement between two people",
        category: SnippetCategory::Conflict,
        body: "Before: talk to each person alone; hear their version and what they need.\n\
Set the frame together: we're here to find a way to work, not to find who's right.\n\
Each person restates the other's view until the other agrees it's fair.\n\
Separate facts, interpretations and feelings; write the shared facts down.\n\
Agree on one or two concrete changes and a date to look back.\n\
Afterwards: note what was agreed and send it to both.",
    },
    Starter {
        key: "agenda-new",
        title: "1:1 agenda — a new report",
        category: SnippetCategory::Agenda,
        body: "How are the first weeks feeling, honestly?\n\
What has surprised you about the team or the work?\n\
Who have you met, and who should you meet next?\n\
What do you need from me to be effective sooner?\n\
How do you like to get feedback — in the moment, or saved for our 1:1?",
    },
    Starter {
        key: "agenda-struggling",
        title: "1:1 agenda — a report who is struggling",
        category: SnippetCategory::Agenda,
        body: "Check in on the person first, the work second.\n\
Name what you've seen, specifically and without judgement.\n\
Ask what's getting in the way: workload, clarity, skills, something outside work?\n\
Agree one small, concrete goal for the next two weeks.\n\
Say what support you'll give, and when you'll look at it together.",
    },
    Starter {
        key: "agenda-high",
        title: "1:1 agenda — a high performer",
        category: SnippetCategory::Agenda,
        body: "What are you proud of since we last spoke?\n\
Where do you feel under-used?\n\
What would a real stretch look like for you this quarter?\n\
Who could you help grow, and would you like to?\n\
Is anything making you think about leaving? (Ask it plainly.)",
    },
];

/// One week's planned sessions, for the "standard week" text.
pub fn week_plan_line(p: &WeekPlan) -> String {
    format!(
        "{} workshop{}, {} shadowing session{}, {} coaching lab{}, {}–{} h of micro-assignment work",
        p.workshops,
        if p.workshops == 1 { "" } else { "s" },
        p.shadowing,
        if p.shadowing == 1 { "" } else { "s" },
        p.coaching_labs,
        if p.coaching_labs == 1 { "" } else { "s" },
        trim_float(p.assignment_hours_min),
        trim_float(p.assignment_hours_max)
    )
}

/// "3" for 3.0, "2.5" for 2.5.
pub fn trim_float(v: f32) -> String {
    // An empty sum of f32 is -0.0; nobody wants to read "-0 h".
    let v = if v == 0.0 { 0.0 } else { v };
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

/// A metric's change as text: "12 → 5 (−58 %)".
pub fn metric_change(before: Option<f64>, after: Option<f64>) -> Option<String> {
    let fmt = |v: f64| {
        if v.fract() == 0.0 {
            format!("{v:.0}")
        } else {
            format!("{v:.1}")
        }
    };
    match (before, after) {
        (Some(b), Some(a)) => {
            let pct = if b != 0.0 {
                let p = (a - b) / b.abs() * 100.0;
                format!(" ({}{:.0} %)", if p >= 0.0 { "+" } else { "−" }, p.abs())
            } else {
                String::new()
            };
            Some(format!("{} → {}{pct}", fmt(b), fmt(a)))
        }
        (Some(b), None) => Some(format!("{} → not measured yet", fmt(b))),
        (None, Some(a)) => Some(format!("now {}", fmt(a))),
        (None, None) => None,
    }
}

/// A time as typed in an `<input type="time">` ("09:30").
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M").ok()
}

/// How many of a candidate's signals are met: (met, of).
pub fn signals_met(ws: &Workspace, candidate: &Candidate) -> (usize, usize) {
    let Some(cohort) = ws.cohort(candidate.cohort_id) else {
        return (0, 0);
    };
    let met = cohort
        .success_signals
        .iter()
        .filter(|s| {
            candidate
                .signals
                .iter()
                .any(|m| m.signal_id == s.id && m.met_on.is_some())
        })
        .count();
    (met, cohort.success_signals.len())
}

/// Journal entries grouped by tag, for the tag filter: tag → count.
pub fn journal_tags(ws: &Workspace, candidate_id: Id) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for j in ws.journal.iter().filter(|j| j.candidate_id == candidate_id) {
        for t in &j.tags {
            *out.entry(t.clone()).or_insert(0) += 1;
        }
    }
    out
}

/// "2026 Q4" for a day.
pub fn quarter_of(day: Date) -> (i32, u8) {
    (day.year(), (day.month0() / 3 + 1) as u8)
}
