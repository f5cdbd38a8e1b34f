//! Calibration: who may see which ratings, the side-by-side reveal, disagreements, rater
//! leniency, and the monthly reminder; with them the assessment history by month and the
//! evidence a candidate has per domain.
//!
//! The blind rule works like the interview scoreboard (`logic::selection::scoreboard`): until
//! a calibration session of the candidate's cohort, for the same framework, has revealed the
//! ratings it covers, a rater's levels and comments are shown to that rater only (and a
//! self-assessment to the candidate too). Everyone else sees that the assessment exists —
//! who, in what role, on which day — and nothing more. This is a courtesy against anchoring,
//! not a secret: the levels are in the file.

use crate::sort::StableSort as _;
use std::collections::{BTreeMap, HashMap};

use chrono::Datelike;

use super::evidence::top_without_evidence;
use crate::model::{
    Assessment, Calibrated, Calibration, Cohort, Date, Framework, Id, RaterRole, Rating, Workspace,
};

/// A spread of this many levels or more between raters is a disagreement to talk through.
pub const DISAGREEMENT: usize = 2;
/// A rater whose leniency is this far (in levels) from the group's, either way, is flagged.
pub const LENIENCY_FLAG: f64 = 0.5;

// ---------------------------------------------------------------------------------------------
// The blind rule

fn cohort_of(ws: &Workspace, candidate_id: Id) -> Option<Id> {
    ws.candidate(candidate_id).map(|c| c.cohort_id)
}

/// The session an assessment belongs to: the earliest session of the candidate's cohort for
/// the same framework dated on or after the assessment's day that had not been revealed when
/// the assessment was made. An assessment saved after a reveal waits for the next session, so
/// a revealed session shows what the group saw.
pub fn session_of<'a>(ws: &'a Workspace, a: &Assessment) -> Option<&'a Calibration> {
    let cohort = cohort_of(ws, a.candidate_id)?;
    ws.calibrations
        .iter()
        .filter(|c| {
            c.cohort_id == cohort
                && c.framework_id == a.framework_id
                && c.on >= a.on
                && c.revealed_at.is_none_or(|t| a.created_at <= t)
        })
        .min_by_key(|c| (c.on, c.id))
}

/// The revealed session that covers an assessment, if it has been revealed.
pub fn revealed_by<'a>(ws: &'a Workspace, a: &Assessment) -> Option<&'a Calibration> {
    session_of(ws, a).filter(|c| c.revealed)
}

/// The role a person usually rates a candidate in: the candidate themselves, the cohort's
/// sponsor or a coach; anyone else is a peer.
pub fn role_for(ws: &Workspace, candidate_id: Id, person: Id) -> RaterRole {
    let Some(c) = ws.candidate(candidate_id) else {
        return RaterRole::Peer;
    };
    let cohort = ws.cohort(c.cohort_id);
    if c.person_id == person {
        RaterRole::SelfRating
    } else if cohort.is_some_and(|k| k.sponsor_id == Some(person)) {
        RaterRole::Sponsor
    } else if cohort.is_some_and(|k| k.coach_ids.contains(&person)) {
        RaterRole::Coach
    } else {
        RaterRole::Peer
    }
}

/// Whether `viewer` may read an assessment's levels and comments: the rater always; the
/// candidate their self-assessment; anyone once a calibration session has revealed it.
/// `viewer` is `None` for someone reading without picking who they are.
pub fn may_see(ws: &Workspace, a: &Assessment, viewer: Option<Id>) -> bool {
    if viewer.is_some_and(|v| v == a.rater_id) {
        return true;
    }
    if a.role == RaterRole::SelfRating {
        let person = ws.candidate(a.candidate_id).map(|c| c.person_id);
        if viewer.is_some() && viewer == person {
            return true;
        }
    }
    revealed_by(ws, a).is_some()
}

/// An assessment as a viewer may see it: `ratings` is `None` while it is blind to them.
#[derive(Clone, Debug, PartialEq)]
pub struct Seen {
    pub id: Id,
    pub candidate_id: Id,
    pub framework_id: Id,
    pub on: Date,
    pub rater_id: Id,
    pub role: RaterRole,
    /// The levels and comments, or `None`: "ratings hidden until calibration".
    pub ratings: Option<Vec<Rating>>,
    /// The viewer's own assessment (they may edit or delete it).
    pub own: bool,
}

/// Applies the blind rule to one assessment.
pub fn seen(ws: &Workspace, a: &Assessment, viewer: Option<Id>) -> Seen {
    Seen {
        id: a.id,
        candidate_id: a.candidate_id,
        framework_id: a.framework_id,
        on: a.on,
        rater_id: a.rater_id,
        role: a.role,
        ratings: may_see(ws, a, viewer).then(|| a.ratings.clone()),
        own: viewer == Some(a.rater_id),
    }
}

/// A candidate's assessments as `viewer` may see them, newest first.
pub fn assessments_for(ws: &Workspace, candidate_id: Id, viewer: Option<Id>) -> Vec<Seen> {
    let mut list: Vec<&Assessment> = ws
        .assessments
        .iter()
        .filter(|a| a.candidate_id == candidate_id)
        .collect();
    list.stable_sort_by(|a, b| b.on.cmp(&a.on).then(b.created_at.cmp(&a.created_at)));
    list.into_iter().map(|a| seen(ws, a, viewer)).collect()
}

// ---------------------------------------------------------------------------------------------
// A session: what it covers, and the reveal grid

/// The session of the same cohort and framework just before this one, if any.
pub fn previous_session<'a>(ws: &'a Workspace, session: &Calibration) -> Option<&'a Calibration> {
    ws.calibrations
        .iter()
        .filter(|c| {
            c.cohort_id == session.cohort_id
                && c.framework_id == session.framework_id
                && (c.on, c.id) < (session.on, session.id)
        })
        .max_by_key(|c| (c.on, c.id))
}

/// The assessments a session covers: those that belong to it (see [`session_of`]: dated on or
/// before its day, after the previous session's, and made before its reveal); of these, each
/// rater's latest per candidate. Sorted by candidate's name, then by when the rater rated (by
/// name when that is the same moment).
pub fn covered<'a>(ws: &'a Workspace, session: &Calibration) -> Vec<&'a Assessment> {
    let mut latest: BTreeMap<(Id, Id), &Assessment> = BTreeMap::new();
    for a in ws.assessments.iter().filter(|a| {
        a.framework_id == session.framework_id
            && a.on <= session.on
            && session_of(ws, a).is_some_and(|s| s.id == session.id)
    }) {
        latest
            .entry((a.candidate_id, a.rater_id))
            .and_modify(|held| {
                if (a.on, a.updated_at) > (held.on, held.updated_at) {
                    *held = a;
                }
            })
            .or_insert(a);
    }
    let mut out: Vec<&Assessment> = latest.into_values().collect();
    let name = |id: Id| ws.person_name(id).to_lowercase();
    let cand_name = |id: Id| {
        ws.candidate(id)
            .map(|c| name(c.person_id))
            .unwrap_or_default()
    };
    out.stable_sort_by_key(|a| {
        (
            cand_name(a.candidate_id),
            a.candidate_id,
            a.created_at,
            name(a.rater_id),
            a.rater_id,
        )
    });
    out
}

/// How many covered assessments each rater has in a session (shown before the reveal:
/// counts, no levels), in the order raters first appear.
pub fn covered_per_rater(ws: &Workspace, session: &Calibration) -> Vec<(Id, usize)> {
    let mut out: Vec<(Id, usize)> = Vec::new();
    for a in covered(ws, session) {
        match out.iter_mut().find(|(r, _)| *r == a.rater_id) {
            Some((_, n)) => *n += 1,
            None => out.push((a.rater_id, 1)),
        }
    }
    out
}

/// One rater's level in one domain of one candidate.
#[derive(Clone, Debug, PartialEq)]
pub struct GridCell {
    pub rater_id: Id,
    pub level_id: Option<Id>,
    /// The level's place on the scale, 0 the lowest.
    pub rank: Option<usize>,
    pub comment: String,
}

/// One domain of one candidate: every rater's level side by side.
#[derive(Clone, Debug, PartialEq)]
pub struct GridRow {
    pub domain_id: Id,
    /// One per rater of the candidate, in the order of [`CandidateGrid::raters`].
    pub cells: Vec<GridCell>,
    /// Highest rank minus lowest, when two or more raters rated the domain.
    pub spread: Option<usize>,
    /// The spread is [`DISAGREEMENT`] levels or more.
    pub disagreement: bool,
}

/// One candidate in a session's reveal.
#[derive(Clone, Debug, PartialEq)]
pub struct CandidateGrid {
    pub candidate_id: Id,
    /// The raters of this candidate with their role, in the order they first rated.
    pub raters: Vec<(Id, RaterRole)>,
    pub rows: Vec<GridRow>,
}

/// The reveal: candidate × domain × rater → level, for the assessments a session covers.
/// Domains are the framework's active ones, plus any retired one that was rated.
pub fn grid(ws: &Workspace, session: &Calibration) -> Vec<CandidateGrid> {
    let Some(fw) = crate::logic::evaluation::frameworks::find(ws, session.framework_id) else {
        return Vec::new();
    };
    let covered = covered(ws, session);
    let mut candidates: Vec<Id> = Vec::new();
    for a in &covered {
        if !candidates.contains(&a.candidate_id) {
            candidates.push(a.candidate_id);
        }
    }
    candidates
        .into_iter()
        .map(|cid| {
            let mine: Vec<&&Assessment> =
                covered.iter().filter(|a| a.candidate_id == cid).collect();
            let raters: Vec<(Id, RaterRole)> = mine.iter().map(|a| (a.rater_id, a.role)).collect();
            let rows = fw
                .domains
                .iter()
                .filter(|d| !d.retired || mine.iter().any(|a| a.level_for(d.id).is_some()))
                .map(|d| {
                    let cells: Vec<GridCell> = mine
                        .iter()
                        .map(|a| {
                            let rating = a.ratings.iter().find(|r| r.domain_id == d.id);
                            let level_id = rating.and_then(|r| r.level_id);
                            GridCell {
                                rater_id: a.rater_id,
                                level_id,
                                rank: level_id.and_then(|l| fw.rank(l)),
                                comment: rating.map(|r| r.comment.clone()).unwrap_or_default(),
                            }
                        })
                        .collect();
                    let ranks: Vec<usize> = cells.iter().filter_map(|c| c.rank).collect();
                    let spread = (ranks.len() >= 2).then(|| {
                        ranks.iter().max().copied().unwrap_or(0)
                            - ranks.iter().min().copied().unwrap_or(0)
                    });
                    GridRow {
                        domain_id: d.id,
                        cells,
                        spread,
                        disagreement: spread.is_some_and(|s| s >= DISAGREEMENT),
                    }
                })
                .collect();
            CandidateGrid {
                candidate_id: cid,
                raters,
                rows,
            }
        })
        .collect()
}

/// One rater's leniency against the group.
#[derive(Clone, Debug, PartialEq)]
pub struct Leniency {
    pub rater_id: Id,
    /// Cells (candidate × domain) they rated together with at least one other rater.
    pub cells: usize,
    /// Mean over those cells of (their rank − the mean rank of the other raters), in levels:
    /// positive is more lenient than the group, negative stricter. `None` with no such cell.
    pub value: Option<f64>,
    /// |value| ≥ [`LENIENCY_FLAG`].
    pub flagged: bool,
}

/// Each rater's leniency over a reveal grid, in the order raters first appear. Cells with a
/// single rater don't count.
pub fn leniency(grid: &[CandidateGrid]) -> Vec<Leniency> {
    let mut order: Vec<Id> = Vec::new();
    let mut sums: HashMap<Id, (f64, usize)> = HashMap::new();
    for cand in grid {
        for (r, _) in &cand.raters {
            if !order.contains(r) {
                order.push(*r);
            }
        }
        for row in &cand.rows {
            let rated: Vec<(Id, f64)> = row
                .cells
                .iter()
                .filter_map(|c| c.rank.map(|k| (c.rater_id, k as f64)))
                .collect();
            if rated.len() < 2 {
                continue;
            }
            let total: f64 = rated.iter().map(|(_, k)| k).sum();
            let others = (rated.len() - 1) as f64;
            for (r, k) in &rated {
                let diff = k - (total - k) / others;
                let e = sums.entry(*r).or_insert((0.0, 0));
                e.0 += diff;
                e.1 += 1;
            }
        }
    }
    order
        .into_iter()
        .map(|r| {
            let (sum, n) = sums.get(&r).copied().unwrap_or((0.0, 0));
            let value = (n > 0).then(|| sum / n as f64);
            Leniency {
                rater_id: r,
                cells: n,
                value,
                // A hair of tolerance: 0.5 computed from thirds must still count as 0.5.
                flagged: value.is_some_and(|v| v.abs() >= LENIENCY_FLAG - 1e-9),
            }
        })
        .collect()
}

/// "+0.67", "−0.50", "0.00": a leniency for reading.
pub fn leniency_text(v: f64) -> String {
    let v = if v.abs() < 0.005 { 0.0 } else { v };
    if v > 0.0 {
        format!("+{v:.2}")
    } else if v < 0.0 {
        format!("\u{2212}{:.2}", -v)
    } else {
        "0.00".into()
    }
}

/// The calibrated outcome recorded for a candidate's domain in a session.
pub fn outcome_of(session: &Calibration, candidate_id: Id, domain_id: Id) -> Option<&Calibrated> {
    session
        .outcomes
        .iter()
        .find(|o| o.candidate_id == candidate_id && o.domain_id == domain_id)
}

/// The level every rater who rated a grid row agrees on: two or more raters rated the domain,
/// all at the same level, and that level is still in use in the framework. One rater alone is
/// not an agreement; a rater who left the domain unrated does not count either way.
pub fn agreed_level(fw: &Framework, row: &GridRow) -> Option<Id> {
    let mut rated = row.cells.iter().filter_map(|c| c.level_id);
    let first = rated.next()?;
    let mut n = 1;
    for l in rated {
        if l != first {
            return None;
        }
        n += 1;
    }
    (n >= 2 && fw.level(first).is_some_and(|l| !l.retired)).then_some(first)
}

/// A calibrated level a session's form starts with: the raters agree and the session has no
/// outcome for that candidate and domain yet. The rationale is left for the group to write.
#[derive(Clone, Debug, PartialEq)]
pub struct Prefill {
    pub candidate_id: Id,
    pub domain_id: Id,
    pub level_id: Id,
    /// "All raters said Competent": why the level is there.
    pub hint: String,
}

/// The pre-filled calibrated levels of a session (see [`agreed_level`]), in grid order.
pub fn prefills(ws: &Workspace, session: &Calibration) -> Vec<Prefill> {
    let Some(fw) = crate::logic::evaluation::frameworks::find(ws, session.framework_id) else {
        return Vec::new();
    };
    grid(ws, session)
        .iter()
        .flat_map(|c| {
            let fw = &fw;
            c.rows.iter().filter_map(move |r| {
                let level_id = agreed_level(fw, r)?;
                if outcome_of(session, c.candidate_id, r.domain_id).is_some() {
                    return None;
                }
                Some(Prefill {
                    candidate_id: c.candidate_id,
                    domain_id: r.domain_id,
                    level_id,
                    hint: format!(
                        "All raters said {}",
                        fw.level(level_id).map_or("the same", |l| l.name.as_str())
                    ),
                })
            })
        })
        .collect()
}

/// A candidate × domain of a session.
pub type Cell = (Id, Id);

/// A session with the coach's edits applied to its calibrated levels: `levels` holds the cells
/// whose level was chosen here (`None`: cleared), `reasons` the rationales typed here. Cells
/// not edited keep what the record holds now (so changes from elsewhere survive), and an
/// unrecorded cell where all raters agree takes the agreed level ([`prefills`]). A rationale
/// without a level is refused with a sentence naming the cell.
pub fn apply_cell_edits(
    ws: &Workspace,
    mut s: Calibration,
    levels: &HashMap<Cell, Option<Id>>,
    reasons: &HashMap<Cell, String>,
) -> Result<Calibration, String> {
    let pre: HashMap<Cell, Id> = prefills(ws, &s)
        .into_iter()
        .map(|p| ((p.candidate_id, p.domain_id), p.level_id))
        .collect();
    let mut keys: Vec<Cell> = levels
        .keys()
        .chain(reasons.keys())
        .chain(pre.keys())
        .copied()
        .collect();
    keys.stable_sort();
    keys.dedup();
    for key in keys {
        let held = outcome_of(&s, key.0, key.1).cloned();
        let level_id = match levels.get(&key) {
            Some(chosen) => *chosen,
            None => held.as_ref().map(|o| o.level_id).or(pre.get(&key).copied()),
        };
        let rationale = reasons
            .get(&key)
            .map(|r| r.trim().to_string())
            .or(held.map(|o| o.rationale))
            .unwrap_or_default();
        let at = s
            .outcomes
            .iter()
            .position(|o| (o.candidate_id, o.domain_id) == key);
        match (level_id, at) {
            (Some(level_id), at) => {
                let o = Calibrated {
                    candidate_id: key.0,
                    domain_id: key.1,
                    level_id,
                    rationale,
                };
                match at.and_then(|i| s.outcomes.get_mut(i)) {
                    Some(slot) => *slot = o,
                    None => s.outcomes.push(o),
                }
            }
            (None, Some(i)) => {
                s.outcomes.remove(i);
            }
            (None, None) if !rationale.is_empty() => {
                let domain = crate::logic::evaluation::frameworks::find(ws, s.framework_id)
                    .and_then(|f| f.domain(key.1).map(|d| d.name.clone()))
                    .unwrap_or_else(|| "a domain".into());
                let who = ws.candidate_name(key.0).unwrap_or("a candidate");
                return Err(format!(
                    "Choose a calibrated level for {who}, {domain}, or clear its rationale."
                ));
            }
            (None, None) => {}
        }
    }
    Ok(s)
}

/// The warning under a calibrated level while it is being chosen: the same rule a save
/// applies (`frameworks::rating_problems`), a top level needs dated evidence for the domain on
/// or before the session's day. `None` when the level is fine.
pub fn calibrated_warning(
    ws: &Workspace,
    session: &Calibration,
    candidate_id: Id,
    domain_id: Id,
    level_id: Id,
) -> Option<String> {
    let fw = crate::logic::evaluation::frameworks::find(ws, session.framework_id)?;
    let missing = top_without_evidence(ws, candidate_id, &fw, session.on, &[(domain_id, level_id)]);
    if missing.is_empty() {
        return None;
    }
    let domain = fw
        .domain(domain_id)
        .map_or("this domain", |d| d.name.as_str());
    let level = fw
        .level(level_id)
        .map_or("the top level", |l| l.name.as_str());
    Some(format!(
        "No dated evidence for {domain} on or before {} — a calibrated {level} needs some. Add it on the candidate's Assessments page, or choose a lower level.",
        crate::logic::journey::day_text(session.on)
    ))
}

// ---------------------------------------------------------------------------------------------
// The monthly reminder

/// Whether a cohort is under way on `today` (within its phases).
pub fn is_running(cohort: &Cohort, today: Date) -> bool {
    !cohort.phases.is_empty() && cohort.starts_on() <= today && today <= cohort.ends_on()
}

fn same_month(a: Date, b: Date) -> bool {
    (a.year(), a.month()) == (b.year(), b.month())
}

/// A cohort's sessions in `today`'s month (any framework), earliest first.
pub fn sessions_this_month(ws: &Workspace, cohort_id: Id, today: Date) -> Vec<&Calibration> {
    let mut out: Vec<&Calibration> = ws
        .calibrations
        .iter()
        .filter(|c| c.cohort_id == cohort_id && same_month(c.on, today))
        .collect();
    out.stable_sort_by_key(|c| (c.on, c.id));
    out
}

/// A cohort that needs a calibration this month.
#[derive(Clone, Debug, PartialEq)]
pub struct Reminder {
    pub cohort_id: Id,
    pub text: String,
}

/// Running cohorts with no calibration dated in `today`'s month.
pub fn reminders(ws: &Workspace, today: Date) -> Vec<Reminder> {
    ws.cohorts
        .iter()
        .filter(|c| is_running(c, today) && sessions_this_month(ws, c.id, today).is_empty())
        .map(|c| Reminder {
            cohort_id: c.id,
            text: format!(
                "{} has no calibration yet in {}.",
                c.name,
                today.format("%B %Y")
            ),
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// History by month

/// A calibrated level recorded for the candidate in a session.
#[derive(Clone, Debug, PartialEq)]
pub struct CalibratedIn {
    pub session_id: Id,
    pub on: Date,
    pub framework_id: Id,
    pub outcome: Calibrated,
}

/// One month of a candidate's assessment history.
#[derive(Clone, Debug, PartialEq)]
pub struct Month {
    /// The first day of the month.
    pub month: Date,
    /// Newest first, as the viewer may see them.
    pub assessments: Vec<Seen>,
    pub calibrated: Vec<CalibratedIn>,
}

/// A candidate's assessments and calibrated levels by month, newest month first.
pub fn history(ws: &Workspace, candidate_id: Id, viewer: Option<Id>) -> Vec<Month> {
    let first = |d: Date| d.with_day(1).unwrap_or(d);
    let mut months: BTreeMap<Date, Month> = BTreeMap::new();
    let slot = |months: &mut BTreeMap<Date, Month>, d: Date| -> Month {
        months.remove(&first(d)).unwrap_or(Month {
            month: first(d),
            assessments: Vec::new(),
            calibrated: Vec::new(),
        })
    };
    for s in assessments_for(ws, candidate_id, viewer) {
        let mut m = slot(&mut months, s.on);
        m.assessments.push(s);
        months.insert(m.month, m);
    }
    let cohort = cohort_of(ws, candidate_id);
    let mut sessions: Vec<&Calibration> = ws
        .calibrations
        .iter()
        .filter(|c| Some(c.cohort_id) == cohort)
        .collect();
    sessions.stable_sort_by_key(|c| (c.on, c.id));
    for c in sessions {
        let mine: Vec<&Calibrated> = c
            .outcomes
            .iter()
            .filter(|o| o.candidate_id == candidate_id)
            .collect();
        if mine.is_empty() {
            continue;
        }
        let mut m = slot(&mut months, c.on);
        m.calibrated.extend(mine.into_iter().map(|o| CalibratedIn {
            session_id: c.id,
            on: c.on,
            framework_id: c.framework_id,
            outcome: o.clone(),
        }));
        months.insert(m.month, m);
    }
    months.into_values().rev().collect()
}
