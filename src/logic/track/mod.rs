//! The management track: a person's level over time (from their dated [`LevelMove`]s), the
//! typical time at a level, moving between tracks, the shape of the management bench at any
//! date, and how people came into management. Everything here is derived from the moves; no
//! level is stored twice.

pub mod readiness;
pub mod records;
pub mod trials;

use crate::sort::StableSort as _;
use std::collections::BTreeSet;

use chrono::Datelike;

use crate::model::*;

/// A person's moves, oldest first.
pub fn moves_of(ws: &Workspace, person_id: Id) -> Vec<&LevelMove> {
    let mut moves: Vec<&LevelMove> = ws
        .levels
        .iter()
        .filter(|m| m.person_id == person_id)
        .collect();
    moves.stable_sort_by_key(|m| (m.on, m.created_at));
    moves
}

/// The level a person held on a day: their latest move on or before it.
pub fn level_on(ws: &Workspace, person_id: Id, on: Date) -> Option<TrackLevel> {
    moves_of(ws, person_id)
        .into_iter()
        .rfind(|m| m.on <= on)
        .map(|m| m.level)
}

/// A person's level now: their latest move (moves are never in the future, but a file from a
/// machine whose clock runs ahead may hold one: the latest still counts).
pub fn current_level(ws: &Workspace, person_id: Id) -> Option<TrackLevel> {
    moves_of(ws, person_id).last().map(|m| m.level)
}

/// The level's code, or a dash when none is recorded.
pub fn level_code(ws: &Workspace, person_id: Id) -> &'static str {
    current_level(ws, person_id).map_or("—", TrackLevel::code)
}

/// Where a person stands on the track on a day.
#[derive(Clone, Debug, PartialEq)]
pub struct Standing {
    pub level: TrackLevel,
    /// The first day of the unbroken run at this level (a confirmed trial does not restart it).
    pub since: Date,
    /// Whole days at the level up to the day asked about.
    pub days: i64,
    /// The run begins with a level on record (an older file's level), not a move: they have
    /// held it at least since `since`, perhaps longer.
    pub at_least: bool,
}

impl Standing {
    /// Time at level in years, to one decimal.
    pub fn years(&self) -> f64 {
        (self.days as f64 / 365.25 * 10.0).round() / 10.0
    }
}

/// A person's level on a day, and since when they have held it.
pub fn standing(ws: &Workspace, person_id: Id, on: Date) -> Option<Standing> {
    let moves: Vec<&LevelMove> = moves_of(ws, person_id)
        .into_iter()
        .filter(|m| m.on <= on)
        .collect();
    let last = moves.last()?;
    let first_of_run = moves
        .iter()
        .rev()
        .take_while(|m| m.level == last.level)
        .last()
        .unwrap_or(last);
    Some(Standing {
        level: last.level,
        since: first_of_run.on,
        days: (on - first_of_run.on).num_days(),
        at_least: first_of_run.kind.starts_history(),
    })
}

/// The first day of the unbroken run of manager levels that includes `on` (M1 → M2 is one
/// run; a return to engineering ends it), if they manage on that day.
pub fn managing_since(ws: &Workspace, person_id: Id, on: Date) -> Option<Date> {
    let moves: Vec<&LevelMove> = moves_of(ws, person_id)
        .into_iter()
        .filter(|m| m.on <= on)
        .collect();
    if !moves.last()?.level.is_manager() {
        return None;
    }
    moves
        .iter()
        .rev()
        .take_while(|m| m.level.is_manager())
        .last()
        .map(|m| m.on)
}

/// The usual time at a manager level before the next one, in years: `(low, high, open)`;
/// `open` means "or more" ("4–8+").
pub fn typical_years(level: TrackLevel) -> Option<(u32, u32, bool)> {
    match level {
        TrackLevel::M1 => Some((3, 5, false)),
        TrackLevel::M2 => Some((4, 8, true)),
        _ => None,
    }
}

/// The range in words ("3–5 years", "4–8+ years").
pub fn typical_text(level: TrackLevel) -> Option<String> {
    typical_years(level)
        .map(|(lo, hi, open)| format!("{lo}–{hi}{} years", if open { "+" } else { "" }))
}

/// Time at level set against the typical range, in words for the person page. Long tenure is
/// never read as readiness.
pub fn tenure_note(s: &Standing) -> Option<String> {
    let (lo, hi, open) = typical_years(s.level)?;
    let next = next_manager_level(s.level)?;
    let years = s.years();
    let range = typical_text(s.level).unwrap_or_default();
    if s.at_least {
        return Some(format!(
            "At {} at least since {} ({years} years), when this history begins; it may be longer. Time at a level does not make anyone ready — the evidence below does.",
            s.level.code(),
            crate::logic::journey::day_text(s.since)
        ));
    }
    Some(if years < lo as f64 {
        format!(
            "{years} years at {} — people usually move to {} after {range}.",
            s.level.code(),
            next.code()
        )
    } else if years <= hi as f64 || open {
        format!(
            "{years} years at {}: within the usual {range} before {}. Time at a level does not make anyone ready — the evidence below does.",
            s.level.code(),
            next.code()
        )
    } else {
        format!(
            "{years} years at {}: longer than the usual {range}. That alone says nothing about readiness: staying at a level is healthy, and a move needs the evidence below.",
            s.level.code()
        )
    })
}

/// The next level up the management track.
pub fn next_manager_level(level: TrackLevel) -> Option<TrackLevel> {
    match level {
        TrackLevel::M1 => Some(TrackLevel::M2),
        TrackLevel::M2 => Some(TrackLevel::M3),
        _ => None,
    }
}

/// Whole days spent at manager levels up to a day.
pub fn days_managing(ws: &Workspace, person_id: Id, on: Date) -> i64 {
    let moves: Vec<&LevelMove> = moves_of(ws, person_id)
        .into_iter()
        .filter(|m| m.on <= on)
        .collect();
    let mut days = 0;
    for (i, m) in moves.iter().enumerate() {
        if m.level.is_manager() {
            let end = moves.get(i + 1).map_or(on, |n| n.on);
            days += (end - m.on).num_days();
        }
    }
    days
}

/// What to expect when a manager moves back to an engineering role, from how long they have
/// managed and the level they leave.
pub fn return_expectation(years_managing: f64, from: TrackLevel) -> &'static str {
    if from > TrackLevel::M1 || years_managing >= 3.0 {
        "After three or more years in management, or from M2 and above, expect to spend time rebuilding technical depth; plan for it with the new team."
    } else if years_managing <= 2.0 {
        "After a year or two in management the way back to an engineering role (IC3 or the level held before) is usually straightforward."
    } else {
        "Between two and three years in management the way back is usually fine; some technical catching up is likely."
    }
}

/// The team a person worked in on a day. Their record holds the team they are in now; moves
/// that name a team hold the history: before a later move that names a team, they were in the
/// team of the latest such move on or before the day.
pub fn team_on(ws: &Workspace, person: &Person, on: Date) -> String {
    let moves: Vec<&LevelMove> = moves_of(ws, person.id)
        .into_iter()
        .filter(|m| !m.team.trim().is_empty())
        .collect();
    if moves.iter().all(|m| m.on <= on) {
        return person.team.clone();
    }
    moves
        .iter()
        .rfind(|m| m.on <= on)
        .map_or_else(|| person.team.clone(), |m| m.team.clone())
}

/// Sets a person's current team (a move into a new team: a trial, a return).
pub(crate) fn move_team(ws: &mut Workspace, person_id: Id, team: &str, now: Timestamp) {
    let team = team.trim();
    if team.is_empty() {
        return;
    }
    if let Some(p) = ws.people.iter_mut().find(|p| p.id == person_id) {
        if p.team != team {
            p.team = team.to_string();
            p.updated_at = now;
        }
    }
}

/// The problem of a record of a person dated before they joined, addressed to `on`.
pub fn before_joining(ws: &Workspace, person_id: Id, on: Date) -> Option<(String, String)> {
    let p = ws.person(person_id)?;
    let j = p.joined_on.filter(|j| on < *j)?;
    Some(crate::logic::records::problem(
        "on",
        format!(
            "{} is before {} joined ({})",
            crate::logic::journey::day_text(on),
            p.name,
            crate::logic::journey::day_text(j)
        ),
    ))
}

/// Time at a level in words: "7 months", "1 year", "4.2 years".
pub fn years_text(years: f64) -> String {
    if years < 1.0 {
        match (years * 12.0).round() as i64 {
            1 => "1 month".into(),
            m => format!("{m} months"),
        }
    } else if (years - 1.0).abs() < 1e-9 {
        "1 year".into()
    } else {
        format!("{} years", crate::logic::charts::num(years))
    }
}

/// Whether the person worked at the organisation on a day.
pub fn employed_on(p: &Person, on: Date) -> bool {
    p.joined_on.is_none_or(|j| j <= on) && p.left_on.is_none_or(|l| l > on)
}

/// The healthy share of managers at each level, in percent: `(level, low, high)`.
pub const BANDS: [(TrackLevel, f64, f64); 3] = [
    (TrackLevel::M1, 60.0, 70.0),
    (TrackLevel::M2, 25.0, 35.0),
    (TrackLevel::M3, 0.0, 10.0),
];

/// How many managers held each level on a day, for the organisation or one team.
#[derive(Clone, Debug, PartialEq)]
pub struct Distribution {
    pub on: Date,
    pub team: Option<String>,
    /// M1, M2, M3.
    pub counts: [usize; 3],
    /// The managers counted, by name, per level (for the text alternative).
    pub names: [Vec<String>; 3],
}

impl Distribution {
    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }

    /// The share at level index `i` (0 = M1) in percent, one decimal.
    pub fn share(&self, i: usize) -> f64 {
        let total = self.total();
        if total == 0 {
            return 0.0;
        }
        (self.counts[i] as f64 * 1000.0 / total as f64).round() / 10.0
    }

    /// Whether the share at level index `i` is inside its healthy band.
    pub fn in_band(&self, i: usize) -> bool {
        let (_, lo, hi) = BANDS[i];
        let s = self.share(i);
        // "Under 10 %" excludes 10 % itself; the other bands include their ends.
        s >= lo && (s <= hi && (lo > 0.0 || s < hi))
    }

    /// A line per level outside its band ("M2: 50 %, above the healthy 25–35 %").
    pub fn out_of_band(&self) -> Vec<String> {
        if self.total() == 0 {
            return Vec::new();
        }
        (0..3)
            .filter(|i| !self.in_band(*i))
            .map(|i| {
                let (level, lo, hi) = BANDS[i];
                let band = if lo == 0.0 {
                    format!("share of under {hi} %")
                } else {
                    format!("{lo}–{hi} %")
                };
                let share = self.share(i);
                format!(
                    "{}: {} %, {} the healthy {band}",
                    level.code(),
                    crate::logic::charts::num(share),
                    if share > hi { "above" } else { "below" }
                )
            })
            .collect()
    }
}

/// The managers on a day: everyone employed then whose level was M1–M3, optionally only in one
/// team (their team on that day).
pub fn distribution(ws: &Workspace, on: Date, team: Option<&str>) -> Distribution {
    let mut counts = [0; 3];
    let mut names: [Vec<String>; 3] = Default::default();
    for p in ws.people.iter().filter(|p| employed_on(p, on)) {
        let Some(level) = level_on(ws, p.id, on) else {
            continue;
        };
        let i = match level {
            TrackLevel::M1 => 0,
            TrackLevel::M2 => 1,
            TrackLevel::M3 => 2,
            _ => continue,
        };
        if team.is_some_and(|t| team_on(ws, p, on) != t) {
            continue;
        }
        counts[i] += 1;
        names[i].push(p.name.clone());
    }
    for n in &mut names {
        n.stable_sort();
    }
    Distribution {
        on,
        team: team.map(str::to_owned),
        counts,
        names,
    }
}

/// The teams with a manager on a day, sorted.
pub fn manager_teams(ws: &Workspace, on: Date) -> Vec<String> {
    let set: BTreeSet<String> = ws
        .people
        .iter()
        .filter(|p| employed_on(p, on))
        .filter(|p| level_on(ws, p.id, on).is_some_and(TrackLevel::is_manager))
        .map(|p| team_on(ws, p, on))
        .filter(|t| !t.trim().is_empty())
        .collect();
    set.into_iter().collect()
}

/// Days to draw a trend over: the same day in each of the `years` years before `on`, oldest
/// first, then `on` itself.
pub fn trend_days(on: Date, years: u32) -> Vec<Date> {
    let mut days: Vec<Date> = (1..=years)
        .rev()
        .filter_map(|y| {
            on.with_year(on.year() - y as i32)
                .or_else(|| on.pred_opt()?.with_year(on.year() - y as i32))
        })
        .collect();
    days.push(on);
    days
}

/// How people came into management: each person's first move from an engineering level to a
/// manager level, by the level they came from; and moves back to engineering.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EntryPaths {
    pub from_ic3: usize,
    pub from_ic4: usize,
    /// From another engineering level, or hired straight in as a manager.
    pub other: usize,
    /// Moves from a manager level back to an engineering level (by anyone, any time).
    pub returns: usize,
    /// `(person, from, to, day)` of every entry, oldest first.
    pub entries: Vec<(Id, Option<TrackLevel>, TrackLevel, Date)>,
}

impl EntryPaths {
    pub fn total(&self) -> usize {
        self.from_ic3 + self.from_ic4 + self.other
    }

    /// A count as a share of all entries, in whole percent.
    pub fn percent(&self, n: usize) -> u32 {
        match self.total() {
            0 => 0,
            t => ((n as f64 * 100.0) / t as f64).round() as u32,
        }
    }
}

/// The usual shape of entry paths, in percent: from IC3, from IC4.
pub const USUAL_ENTRY: (u32, u32) = (75, 20);

pub fn entry_paths(ws: &Workspace) -> EntryPaths {
    let mut out = EntryPaths::default();
    for p in &ws.people {
        let moves = moves_of(ws, p.id);
        let mut entered = false;
        for (i, m) in moves.iter().enumerate() {
            let before = i.checked_sub(1).map(|j| moves[j].level);
            let was_manager = before.is_some_and(TrackLevel::is_manager);
            // A level on record is where the history starts, not a way in: someone already
            // managing then came in before Runway knew them.
            if m.kind.starts_history() && before.is_none() {
                entered = m.level.is_manager();
                continue;
            }
            if m.level.is_manager() && !was_manager && !entered {
                entered = true;
                match before {
                    Some(TrackLevel::IC3) => out.from_ic3 += 1,
                    Some(TrackLevel::IC4) => out.from_ic4 += 1,
                    _ => out.other += 1,
                }
                out.entries.push((p.id, before, m.level, m.on));
            }
            if was_manager && !m.level.is_manager() {
                out.returns += 1;
            }
        }
    }
    out.entries.stable_sort_by_key(|e| e.3);
    out
}
