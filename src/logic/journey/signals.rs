//! Success signals for one candidate: met (on a day) or not yet, with their evidence.

use crate::logic::actions::{candidate_mut, ActionError};
use crate::model::{Date, Id, SignalMark, Timestamp, Workspace};

pub(crate) fn mark_signal(
    ws: &mut Workspace,
    candidate_id: Id,
    signal_id: Id,
    met_on: Option<Date>,
    evidence: Vec<Id>,
    now: Timestamp,
) -> Result<Option<Id>, ActionError> {
    let cohort_id = ws
        .candidate(candidate_id)
        .ok_or(ActionError::Missing("candidate"))?
        .cohort_id;
    if !ws
        .cohort(cohort_id)
        .is_some_and(|c| c.success_signals.iter().any(|s| s.id == signal_id))
    {
        return Err(ActionError::Missing("success signal"));
    }
    let c = candidate_mut(ws, candidate_id)?;
    let mut evidence_once = Vec::new();
    for e in evidence {
        if !evidence_once.contains(&e) {
            evidence_once.push(e);
        }
    }
    c.signals.retain(|s| s.signal_id != signal_id);
    if met_on.is_some() || !evidence_once.is_empty() {
        c.signals.push(SignalMark {
            signal_id,
            met_on,
            evidence: evidence_once,
        });
    }
    c.updated_at = now;
    Ok(None)
}
