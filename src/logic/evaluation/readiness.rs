//! Readiness: the per-candidate summary, readiness over months, evidence coverage, 360
//! aggregates with the anonymity threshold, and team health trends.
//!
//! Everything here is a pure function of the workspace (and of "today" where it matters), so
//! the pages only draw what these return.

use crate::sort::StableSort as _;
use std::collections::BTreeMap;

use chrono::Datelike;

use super::feedback::health_nudge;
use crate::logic::evaluation::frameworks::{self, dated_evidence, latest_calibrated};
use crate::model::{Date, Framework, Id, Workspace};

// ---------------------------------------------------------------------------------------------
// The readiness summary
// ---------------------------------------------------------------------------------------------

/// Where one domain stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DomainStatus {
    /// At the top level at the latest calibration, with dated evidence.
    Ready,
    /// At the top level but no dated evidence backs it.
    ReadyNoEvidence,
    /// Calibrated below the top level.
    Lagging,
    /// No calibration has rated it yet.
    NotCalibrated,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DomainState {
    pub domain_id: Id,
    pub name: String,
    /// The latest calibrated level's name, and the session's day.
    pub level: Option<String>,
    pub calibrated_on: Option<Date>,
    /// 0 for the lowest level.
    pub rank: Option<usize>,
    /// Dated evidence items on or before today.
    pub evidence: usize,
    pub status: DomainStatus,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SignalState {
    pub signal_id: Id,
    pub text: String,
    pub met_on: Option<Date>,
}

/// A candidate's readiness against a framework, explained.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub framework_id: Id,
    pub framework_name: String,
    /// The top level's name ("Ready").
    pub top: String,
    /// The framework's level names, lowest first (active levels).
    pub levels: Vec<String>,
    pub domains: Vec<DomainState>,
    pub signals: Vec<SignalState>,
    /// Rounds of 360 feedback with at least one response.
    pub feedback_rounds: usize,
    /// "What's missing before a promotion decision", one plain sentence each.
    pub missing: Vec<String>,
}

impl Summary {
    pub fn with_status(&self, s: DomainStatus) -> impl Iterator<Item = &DomainState> {
        self.domains.iter().filter(move |d| d.status == s)
    }

    pub fn signals_met(&self) -> usize {
        self.signals.iter().filter(|s| s.met_on.is_some()).count()
    }
}

/// The framework readiness is judged against by default.
pub const DEFAULT_FRAMEWORK: Id = frameworks::MIT_RUBRIC;

/// The summary for a candidate against a framework, as of `today`. `None` when the candidate
/// or the framework is not in the workspace.
pub fn summary(ws: &Workspace, candidate_id: Id, framework_id: Id, today: Date) -> Option<Summary> {
    let cand = ws.candidate(candidate_id)?;
    let fw = frameworks::find(ws, framework_id)?;
    let top = fw.top_level()?.clone();
    let top_rank = fw.rank(top.id).unwrap_or(0);
    let latest = latest_calibrated(ws, candidate_id, framework_id);
    let domains: Vec<DomainState> = fw
        .active_domains()
        .map(|d| {
            let cal = latest.iter().find(|(dom, _, _)| *dom == d.id);
            let evidence = dated_evidence(ws, candidate_id, d.id, today).len();
            // What backs a calibrated Ready is evidence from before the session, not after.
            let backing = cal.map_or(0, |(_, _, on)| {
                dated_evidence(ws, candidate_id, d.id, *on).len()
            });
            let rank = cal.and_then(|(_, l, _)| fw.rank(*l));
            let status = match rank {
                None => DomainStatus::NotCalibrated,
                Some(r) if r >= top_rank && backing > 0 => DomainStatus::Ready,
                Some(r) if r >= top_rank => DomainStatus::ReadyNoEvidence,
                Some(_) => DomainStatus::Lagging,
            };
            DomainState {
                domain_id: d.id,
                name: d.name.clone(),
                level: cal.and_then(|(_, l, _)| fw.level(*l).map(|l| l.name.clone())),
                calibrated_on: cal.map(|c| c.2),
                rank,
                evidence,
                status,
            }
        })
        .collect();
    let signals: Vec<SignalState> = ws
        .cohort(cand.cohort_id)
        .map(|c| {
            c.success_signals
                .iter()
                .map(|s| SignalState {
                    signal_id: s.id,
                    text: s.text.clone(),
                    met_on: cand
                        .signals
                        .iter()
                        .find(|m| m.signal_id == s.id)
                        .and_then(|m| m.met_on),
                })
                .collect()
        })
        .unwrap_or_default();
    let feedback_rounds = ws
        .feedback_rounds
        .iter()
        .filter(|r| r.candidate_id == candidate_id && r.response_count() > 0)
        .count();

    let mut missing = Vec::new();
    if domains
        .iter()
        .all(|d| d.status == DomainStatus::NotCalibrated)
    {
        missing.push("No calibration yet".to_string());
    } else {
        for d in &domains {
            match d.status {
                DomainStatus::NotCalibrated => {
                    missing.push(format!("{} has no calibrated level yet", d.name))
                }
                DomainStatus::Lagging => missing.push(format!(
                    "{} is {}, not {}",
                    d.name,
                    d.level.as_deref().unwrap_or("below the top level"),
                    top.name
                )),
                DomainStatus::ReadyNoEvidence => missing.push(format!(
                    "{} is {} but has no dated evidence",
                    d.name, top.name
                )),
                DomainStatus::Ready => {}
            }
        }
    }
    if feedback_rounds == 0 {
        missing.push("No 360 feedback yet".to_string());
    }
    let not_met = signals.iter().filter(|s| s.met_on.is_none()).count();
    if signals.is_empty() {
        missing.push("The cohort has no success signals to judge against".to_string());
    } else if not_met > 0 {
        missing.push(format!(
            "{not_met} of {} success signals not met",
            signals.len()
        ));
    }
    if health_nudge(ws, candidate_id, today).is_some() {
        missing.push("No team health check in the last two weeks".to_string());
    }
    Some(Summary {
        framework_id,
        framework_name: fw.name.clone(),
        top: top.name.clone(),
        levels: fw.active_levels().map(|l| l.name.clone()).collect(),
        domains,
        signals,
        feedback_rounds,
        missing,
    })
}

// ---------------------------------------------------------------------------------------------
// Readiness over months
// ---------------------------------------------------------------------------------------------

/// Where a candidate stood at the end of a month with a calibration.
#[derive(Clone, Debug, PartialEq)]
pub struct MonthPoint {
    /// The first day of the month.
    pub month: Date,
    /// Domains at the top level.
    pub ready: usize,
    /// Active domains of the framework.
    pub domains: usize,
    /// `ready / domains` (0 with no domains).
    pub share: f64,
    /// The mean level of the calibrated domains, 1 for the lowest level.
    pub mean_level: f64,
}

/// "Mar 2027".
pub fn month_text(d: Date) -> String {
    d.format("%b %Y").to_string()
}

fn first_of_month(d: Date) -> Date {
    d.with_day(1).unwrap_or(d)
}

/// For each month in which a calibration rated the candidate against the framework: the
/// latest calibrated level per domain as of that month's last session, as counts for a line.
pub fn over_months(ws: &Workspace, candidate_id: Id, framework_id: Id) -> Vec<MonthPoint> {
    let Some(fw) = frameworks::find(ws, framework_id) else {
        return Vec::new();
    };
    let Some(top_rank) = fw.top_level().and_then(|t| fw.rank(t.id)) else {
        return Vec::new();
    };
    let mut sessions: Vec<_> = ws
        .calibrations
        .iter()
        .filter(|c| {
            c.framework_id == framework_id
                && c.outcomes.iter().any(|o| o.candidate_id == candidate_id)
        })
        .collect();
    sessions.stable_sort_by_key(|c| (c.on, c.created_at));
    let mut by_month: BTreeMap<Date, usize> = BTreeMap::new();
    for (i, s) in sessions.iter().enumerate() {
        by_month.insert(first_of_month(s.on), i);
    }
    let active: Vec<Id> = fw.active_domains().map(|d| d.id).collect();
    by_month
        .into_iter()
        .map(|(month, last)| {
            let ranks: Vec<usize> = active
                .iter()
                .filter_map(|d| {
                    sessions[..=last].iter().rev().find_map(|c| {
                        c.outcomes
                            .iter()
                            .find(|o| o.candidate_id == candidate_id && o.domain_id == *d)
                            .and_then(|o| fw.rank(o.level_id))
                    })
                })
                .collect();
            let ready = ranks.iter().filter(|r| **r >= top_rank).count();
            let mean_level = if ranks.is_empty() {
                0.0
            } else {
                ranks.iter().map(|r| (*r + 1) as f64).sum::<f64>() / ranks.len() as f64
            };
            MonthPoint {
                month,
                ready,
                domains: active.len(),
                share: if active.is_empty() {
                    0.0
                } else {
                    ready as f64 / active.len() as f64
                },
                mean_level,
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Evidence coverage
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq)]
pub struct CoverageRow {
    pub candidate_id: Id,
    pub name: String,
    /// Dated evidence items per domain, in the order of [`Coverage::domains`].
    pub counts: Vec<usize>,
}

/// Candidates of a cohort × active domains of a framework: how much dated evidence.
#[derive(Clone, Debug, PartialEq)]
pub struct Coverage {
    pub domains: Vec<(Id, String)>,
    pub rows: Vec<CoverageRow>,
    /// The largest count (for shading).
    pub max: usize,
}

/// Dated evidence (on or before `today`) per candidate of the cohort and domain.
pub fn coverage(ws: &Workspace, cohort_id: Id, framework: &Framework, today: Date) -> Coverage {
    let domains: Vec<(Id, String)> = framework
        .active_domains()
        .map(|d| (d.id, d.name.clone()))
        .collect();
    // Candidates taking part or done; not those not selected or withdrawn.
    let mut rows: Vec<CoverageRow> = ws
        .candidates_in(cohort_id)
        .filter(|c| {
            !matches!(
                c.status,
                crate::model::CandidateStatus::NotSelected
                    | crate::model::CandidateStatus::Withdrawn
            )
        })
        .map(|c| CoverageRow {
            candidate_id: c.id,
            name: ws.person_name(c.person_id).to_string(),
            counts: domains
                .iter()
                .map(|(d, _)| dated_evidence(ws, c.id, *d, today).len())
                .collect(),
        })
        .collect();
    rows.stable_sort_by_key(|r| r.name.to_lowercase());
    let max = rows
        .iter()
        .flat_map(|r| r.counts.iter().copied())
        .max()
        .unwrap_or(0);
    Coverage { domains, rows, max }
}

/// A candidate's dated evidence count per active domain of a framework (for the summary).
pub fn evidence_counts(
    ws: &Workspace,
    candidate_id: Id,
    framework: &Framework,
    today: Date,
) -> Vec<(String, usize)> {
    framework
        .active_domains()
        .map(|d| {
            (
                d.name.clone(),
                dated_evidence(ws, candidate_id, d.id, today).len(),
            )
        })
        .collect()
}
