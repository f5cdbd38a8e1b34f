//! The scenario interview's scores (hidden until every scorecard is complete) and the
//! cohort's selection board.

use crate::model::{Candidate, Id, Scenario, Scorecard, Verdict, Workspace};
use crate::sort::StableSort as _;

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

fn interview_complete(i: &Scorecard, scenarios: &[Scenario]) -> bool {
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
    let mut cards: Vec<&Scorecard> = ws
        .interviews
        .iter()
        .filter(|i| i.candidate_id == candidate_id)
        .collect();
    cards.stable_sort_by_key(|i| i.created_at);
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
