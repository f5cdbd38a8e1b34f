//! The arithmetic of imported totals: adding a score, keeping ids and comments sorted, the
//! means of a health tally, and merging two copies' totals without loss.

use crate::model::{GroupAggregate, HealthDimension, HealthScore, HealthTally, Id, ScoreCounts};
use crate::sort::StableSort as _;

pub(crate) fn add_score(counts: &mut ScoreCounts, score: Option<u8>) {
    if let Some(s) = score.and_then(|s| usize::from(s).checked_sub(1)) {
        if let Some(c) = counts.get_mut(s) {
            *c += 1;
        }
    }
}

pub(crate) fn merge_sorted(into: &mut Vec<Id>, more: impl IntoIterator<Item = Id>) {
    into.extend(more);
    into.stable_sort();
    into.dedup();
}

pub(crate) fn merge_comments(into: &mut Vec<String>, more: impl IntoIterator<Item = String>) {
    into.extend(more.into_iter().filter(|c| !c.trim().is_empty()));
    // Alphabetical: the order says nothing about which file, or which batch, a comment came in.
    into.stable_sort();
}

/// The means of a tally, per dimension answered at all.
pub fn health_means(t: &HealthTally) -> Vec<HealthScore> {
    HealthDimension::ALL
        .iter()
        .filter_map(|d| {
            let c = t.dimensions.iter().find(|x| x.dimension == *d)?;
            let n: u32 = c.counts.iter().sum();
            let sum: u32 = c
                .counts
                .iter()
                .enumerate()
                .map(|(i, k)| (i as u32 + 1) * k)
                .sum();
            (n > 0).then(|| HealthScore {
                dimension: *d,
                score: sum as f32 / n as f32,
            })
        })
        .collect()
}

/// Two copies' health totals for one check, as [`combine_aggregates`] does for a group:
/// the larger when one holds the other, the sum when they share no response (and answer the
/// same request), otherwise `None` (the person chooses).
pub fn combine_health(m: &HealthTally, t: &HealthTally) -> Option<HealthTally> {
    let shared = t
        .response_ids
        .iter()
        .filter(|id| m.response_ids.contains(id))
        .count();
    if shared == t.response_ids.len() {
        Some(m.clone())
    } else if shared == m.response_ids.len() {
        Some(t.clone())
    } else if shared == 0 && m.request_id == t.request_id {
        let mut c = m.clone();
        c.responses += t.responses;
        for d in &t.dimensions {
            match c.dimensions.iter_mut().find(|x| x.dimension == d.dimension) {
                Some(x) => {
                    for (a, b) in x.counts.iter_mut().zip(d.counts) {
                        *a += b;
                    }
                }
                None => c.dimensions.push(d.clone()),
            }
        }
        c.comments.extend(t.comments.iter().cloned());
        c.comments.stable_sort();
        c.response_ids.extend(t.response_ids.iter().copied());
        c.response_ids.stable_sort();
        c.response_ids.dedup();
        Some(c)
    } else {
        None
    }
}

/// Merging two copies' totals without loss: when one copy's responses include all of the
/// other's, it is the newer total; when they share none, the totals add up. Otherwise (each
/// holds responses the other lacks, and some in common) the totals cannot be split, and the
/// person chooses: `None`.
pub fn combine_aggregates(
    mine: &[GroupAggregate],
    theirs: &[GroupAggregate],
) -> Option<Vec<GroupAggregate>> {
    let mut out = mine.to_vec();
    for t in theirs {
        match out.iter_mut().find(|m| m.group == t.group) {
            None => out.push(t.clone()),
            Some(m) => {
                let shared = t
                    .response_ids
                    .iter()
                    .filter(|id| m.response_ids.contains(id))
                    .count();
                if shared == t.response_ids.len() {
                    // Theirs is within mine.
                } else if shared == m.response_ids.len() {
                    *m = t.clone();
                } else if shared == 0 {
                    m.responses += t.responses;
                    for q in &t.questions {
                        match m
                            .questions
                            .iter_mut()
                            .find(|x| x.question_id == q.question_id)
                        {
                            Some(x) => {
                                for (a, b) in x.counts.iter_mut().zip(q.counts) {
                                    *a += b;
                                }
                            }
                            None => m.questions.push(q.clone()),
                        }
                    }
                    merge_comments(&mut m.comments, t.comments.iter().cloned());
                    merge_sorted(&mut m.response_ids, t.response_ids.iter().copied());
                } else {
                    return None;
                }
            }
        }
    }
    Some(out)
}
