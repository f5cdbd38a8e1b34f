//! 360 feedback in aggregate (with the anonymity threshold) and team health trends, with the
//! nudge when a check is due.

use crate::sort::StableSort as _;
use chrono::Days;

use crate::logic::program::phases::phase_on;
use crate::model::{
    Date, FeedbackGroup, FeedbackRound, HealthDimension, Id, PhaseKind, ScoreCounts, Workspace,
};

// ---------------------------------------------------------------------------------------------
// 360 feedback in aggregate
// ---------------------------------------------------------------------------------------------

/// A group's figures and comments are shown only when at least this many people from the
/// group answered.
pub const ANONYMITY_MIN: usize = 3;

/// No figure at all is shown while fewer than this many people answered a question: one
/// answer's "mean" would be that person's answer.
pub const OVERALL_MIN: usize = 2;

/// The threshold rule as the page states it.
pub fn threshold_rule() -> String {
    format!(
        "To protect the people who answer, figures and comments for a group (direct reports, \
         peers, stakeholders) appear only once at least {ANONYMITY_MIN} people from that group \
         have answered. Smaller groups count only in the overall figures, and their comments \
         are not shown. No figure is shown for fewer than {OVERALL_MIN} answers, and no single \
         response is ever shown."
    )
}

/// The mean answer to one question over some responses.
#[derive(Clone, Debug, PartialEq)]
pub struct Mean {
    /// `None` while too few answered for a figure to be shown.
    pub mean: Option<f64>,
    /// How many answered the question.
    pub count: usize,
}

/// One question's figures: over everyone, and per group where the threshold allows.
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionFigures {
    pub question_id: Id,
    pub text: String,
    pub overall: Mean,
    /// One per group in [`FeedbackAggregate::groups`], in the same order.
    pub by_group: Vec<Mean>,
}

/// A group large enough to be shown on its own.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupFigures {
    pub group: FeedbackGroup,
    pub responses: usize,
    /// The group's comments, sorted so their order says nothing about who wrote them.
    pub comments: Vec<String>,
}

/// A 360 round's results as they may be shown.
#[derive(Clone, Debug, PartialEq)]
pub struct FeedbackAggregate {
    pub responses: usize,
    /// Responses per group (every group, including those held back): counts only.
    pub counts: Vec<(FeedbackGroup, usize)>,
    /// Groups with at least [`ANONYMITY_MIN`] responses.
    pub groups: Vec<GroupFigures>,
    pub questions: Vec<QuestionFigures>,
    /// Plain sentences on what is held back and why.
    pub notes: Vec<String>,
}

fn mean_of(tally: &ScoreCounts, min: usize) -> Mean {
    let count = tally.iter().sum::<u32>() as usize;
    let sum: u32 = tally
        .iter()
        .enumerate()
        .map(|(i, n)| (i as u32 + 1) * n)
        .sum();
    let mean = (count >= min && count > 0).then(|| f64::from(sum) / count as f64);
    Mean { mean, count }
}

/// How many answered `question` with each score, in the typed responses and the imported
/// totals of `group` (or of everyone).
fn tally_of(round: &FeedbackRound, question: Id, group: Option<FeedbackGroup>) -> ScoreCounts {
    let mut t: ScoreCounts = [0; 5];
    let in_group = |g: FeedbackGroup| group.is_none_or(|x| x == g);
    for r in round.responses.iter().filter(|r| in_group(r.group)) {
        let score = r
            .answers
            .iter()
            .find(|a| a.question_id == question)
            .and_then(|a| a.score);
        if let Some(c) = score
            .and_then(|s| usize::from(s).checked_sub(1))
            .and_then(|i| t.get_mut(i))
        {
            *c += 1;
        }
    }
    for a in round.aggregates.iter().filter(|a| in_group(a.group)) {
        if let Some(q) = a.questions.iter().find(|q| q.question_id == question) {
            for (x, y) in t.iter_mut().zip(q.counts) {
                *x += y;
            }
        }
    }
    t
}

/// How many responses `group` gave: typed and imported.
fn group_count(round: &FeedbackRound, g: FeedbackGroup) -> usize {
    round.responses.iter().filter(|r| r.group == g).count()
        + round
            .aggregates
            .iter()
            .filter(|a| a.group == g)
            .map(|a| a.responses as usize)
            .sum::<usize>()
}

/// Plain words for a mean: "4", "3.67".
pub fn score_text(v: f32) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

fn group_noun(g: FeedbackGroup, n: usize) -> &'static str {
    match (g, n == 1) {
        (FeedbackGroup::DirectReport, true) => "a direct report",
        (FeedbackGroup::DirectReport, false) => "direct reports",
        (FeedbackGroup::Peer, true) => "a peer",
        (FeedbackGroup::Peer, false) => "peers",
        (FeedbackGroup::Stakeholder, true) => "a stakeholder",
        (FeedbackGroup::Stakeholder, false) => "stakeholders",
    }
}

/// A round's results in aggregate. Per question: the mean over everyone who answered it, and
/// the mean per group for groups of at least [`ANONYMITY_MIN`]. A group's figures for a
/// question are also withheld when showing them would let the answers of a smaller group be
/// worked out by subtraction from the overall figure.
pub fn aggregate(round: &FeedbackRound) -> FeedbackAggregate {
    let counts: Vec<(FeedbackGroup, usize)> = FeedbackGroup::ALL
        .iter()
        .map(|g| (*g, group_count(round, *g)))
        .collect();
    let shown: Vec<FeedbackGroup> = counts
        .iter()
        .filter(|(_, n)| *n >= ANONYMITY_MIN)
        .map(|(g, _)| *g)
        .collect();
    let groups = shown
        .iter()
        .map(|g| {
            let mut comments: Vec<String> = round
                .responses
                .iter()
                .filter(|r| r.group == *g && !r.comment.trim().is_empty())
                .map(|r| r.comment.trim().to_string())
                .chain(
                    round
                        .aggregates
                        .iter()
                        .filter(|a| a.group == *g)
                        .flat_map(|a| a.comments.iter().map(|c| c.trim().to_string())),
                )
                .collect();
            comments.stable_sort();
            GroupFigures {
                group: *g,
                responses: counts.iter().find(|(x, _)| x == g).map_or(0, |(_, n)| *n),
                comments,
            }
        })
        .collect();
    let mut subtraction_guard = false;
    let questions = round
        .questions
        .iter()
        .map(|q| {
            let all = tally_of(round, q.id, None);
            let all_n = all.iter().sum::<u32>() as usize;
            let per: Vec<ScoreCounts> = shown
                .iter()
                .map(|g| tally_of(round, q.id, Some(*g)))
                .collect();
            let n_of = |t: &ScoreCounts| t.iter().sum::<u32>() as usize;
            let in_shown: usize = per.iter().map(n_of).filter(|n| *n >= ANONYMITY_MIN).sum();
            let rest = all_n - in_shown.min(all_n);
            let hide_groups = rest > 0 && rest < ANONYMITY_MIN && in_shown > 0;
            subtraction_guard |= hide_groups;
            let by_group = per
                .iter()
                .map(|s| {
                    if hide_groups {
                        Mean {
                            mean: None,
                            count: n_of(s),
                        }
                    } else {
                        mean_of(s, ANONYMITY_MIN)
                    }
                })
                .collect();
            QuestionFigures {
                question_id: q.id,
                text: q.text.clone(),
                overall: mean_of(&all, OVERALL_MIN),
                by_group,
            }
        })
        .collect();
    let mut notes = Vec::new();
    let responses = round.response_count();
    if responses > 0 && responses < OVERALL_MIN {
        notes.push(format!(
            "Only 1 response so far: figures appear once at least {OVERALL_MIN} people have answered."
        ));
    }
    for (g, n) in &counts {
        if *n > 0 && *n < ANONYMITY_MIN {
            let what = if *n == 1 { "response" } else { "responses" };
            notes.push(format!(
                "{n} {what} from {} {} counted only in the overall figures.",
                group_noun(*g, *n),
                if *n == 1 { "is" } else { "are" }
            ));
        }
    }
    if subtraction_guard {
        notes.push(format!(
            "Some group figures are not shown: with fewer than {ANONYMITY_MIN} answers outside the groups shown, those answers could be worked out from the difference."
        ));
    }
    FeedbackAggregate {
        responses,
        counts,
        groups,
        questions,
        notes,
    }
}

/// The candidate's 360 rounds, latest first.
pub fn rounds_of(ws: &Workspace, candidate_id: Id) -> Vec<&FeedbackRound> {
    let mut out: Vec<&FeedbackRound> = ws
        .feedback_rounds
        .iter()
        .filter(|r| r.candidate_id == candidate_id)
        .collect();
    out.stable_sort_by_key(|r| std::cmp::Reverse((r.opened_on, r.created_at)));
    out
}

pub use crate::content::program::DEFAULT_QUESTIONS;

// ---------------------------------------------------------------------------------------------
// Team health
// ---------------------------------------------------------------------------------------------

/// How the latest score compares with the one before.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    Same,
    /// Only one score so far.
    First,
}

impl Direction {
    pub fn text(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
            Direction::Same => "unchanged",
            Direction::First => "first check",
        }
    }
}

/// One dimension's scores over time.
#[derive(Clone, Debug, PartialEq)]
pub struct Trend {
    pub dimension: HealthDimension,
    /// (day, score), oldest first. A check made from response files scores the team's mean.
    pub points: Vec<(Date, f32)>,
    pub latest: Option<f32>,
    pub previous: Option<f32>,
    /// `None` when there is no score at all.
    pub direction: Option<Direction>,
    /// The day of the latest check that scored this dimension, when the candidate's latest
    /// check left it out (so "4, up from 3" is not read as today's news).
    pub stale_since: Option<Date>,
}

impl Trend {
    /// The latest move in words: "Clarity: 2, down from 3", "Workload: 3 (first check)", or,
    /// when the latest check skipped the dimension, "Delivery confidence: 4 on 2 Nov, up from 3".
    /// `None` when the dimension was never scored.
    pub fn move_text(&self) -> Option<String> {
        let latest = self.latest?;
        let when = self
            .stale_since
            .map(|d| format!(" on {}", d.format("%-d %b %Y")))
            .unwrap_or_default();
        let name = self.dimension.label();
        Some(match (self.direction, self.previous) {
            (Some(dir), Some(p)) => format!(
                "{name}: {}{when}, {} from {}",
                score_text(latest),
                dir.text(),
                score_text(p)
            ),
            _ => format!("{name}: {}{when} (first check)", score_text(latest)),
        })
    }
}

/// Per health dimension (in the model's order), the candidate's team scores by date.
/// Dimensions never scored are included with no points.
pub fn health_trends(ws: &Workspace, candidate_id: Id) -> Vec<Trend> {
    let mut checks: Vec<_> = ws
        .health_checks
        .iter()
        .filter(|h| h.candidate_id == candidate_id)
        .collect();
    checks.stable_sort_by_key(|h| (h.on, h.created_at));
    let newest = checks.last().copied();
    HealthDimension::ALL
        .iter()
        .map(|d| {
            let points: Vec<(Date, f32)> = checks
                .iter()
                .filter_map(|h| h.score(*d).map(|s| (h.on, s)))
                .collect();
            let latest = points.last().map(|p| p.1);
            let previous = points.len().checked_sub(2).map(|i| points[i].1);
            let direction = match (latest, previous) {
                (None, _) => None,
                (Some(_), None) => Some(Direction::First),
                (Some(l), Some(p)) if l > p => Some(Direction::Up),
                (Some(l), Some(p)) if l < p => Some(Direction::Down),
                _ => Some(Direction::Same),
            };
            let stale_since = match (newest, points.last()) {
                (Some(n), Some(p)) if n.score(*d).is_none() => Some(p.0),
                _ => None,
            };
            Trend {
                dimension: *d,
                points,
                latest,
                previous,
                direction,
                stale_since,
            }
        })
        .collect()
}

/// How often a team health check is due while leading with support.
pub const HEALTH_EVERY_DAYS: u64 = 14;

/// The phase the candidate's cohort is in on `today`.
pub fn phase_today(ws: &Workspace, candidate_id: Id, today: Date) -> Option<PhaseKind> {
    let c = ws.candidate(candidate_id)?;
    phase_on(ws.cohort(c.cohort_id)?, today)
}

/// A reminder when the candidate leads with support and their team had no health check in the
/// last two weeks (today and the 14 days before).
pub fn health_nudge(ws: &Workspace, candidate_id: Id, today: Date) -> Option<String> {
    if phase_today(ws, candidate_id, today) != Some(PhaseKind::LeadWithSupport) {
        return None;
    }
    let since = today.checked_sub_days(Days::new(HEALTH_EVERY_DAYS))?;
    let recent = ws
        .health_checks
        .iter()
        .any(|h| h.candidate_id == candidate_id && h.on >= since && h.on <= today);
    (!recent).then(|| {
        "No team health check in the last two weeks. While leading with support, check the team's health every week or two.".to_string()
    })
}
