//! 1:1 follow-ups: which carry over to later 1:1s, handing them on when a 1:1 is deleted,
//! keeping each once after a merge, editing them as lines; the 1:1 checklist; what can be
//! evidence for a success signal.

use super::day_text;
use crate::logic::actions::ActionError;
use crate::model::{Date, FollowUp, Id, OneOnOne, RecordKind, Timestamp, Visibility, Workspace};
use crate::sort::StableSort as _;

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
    out.stable_sort_by_key(|c| (c.from.held_on, c.from.created_at));
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
    out.stable_sort_by_key(|c| (c.from.held_on, c.from.created_at));
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
/// ticked if any copy ticked it, in the words of the 1:1 changed last. Returns a line for the merge report when it changed anything.
pub fn dedupe_follow_ups(ws: &mut Workspace, now: Timestamp) -> Vec<String> {
    let mut order: Vec<usize> = (0..ws.one_on_ones.len()).collect();
    order.stable_sort_by_key(|&i| (ws.one_on_ones[i].held_on, ws.one_on_ones[i].created_at));
    // Follow-up id → (1:1 index, follow-up index) of the copy kept.
    let mut kept: std::collections::HashMap<Id, (usize, usize)> = Default::default();
    let mut dropped = 0;
    for &i in &order {
        let mut j = 0;
        while j < ws.one_on_ones[i].follow_ups.len() {
            let f = ws.one_on_ones[i].follow_ups[j].clone();
            match kept.get(&f.id) {
                Some(&(ki, kj)) if ki != i => {
                    // Reworded on the later 1:1 since it was handed on: the newer words stay.
                    let newer = ws.one_on_ones[i].updated_at > ws.one_on_ones[ki].updated_at;
                    let k = &mut ws.one_on_ones[ki].follow_ups[kj];
                    if newer && k.text != f.text {
                        k.text = f.text.clone();
                    }
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
        .filter(|a| a.involves(candidate_id) && a.done)
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

pub(crate) fn tick_follow_up(
    ws: &mut Workspace,
    one_on_one_id: Id,
    follow_up_id: Id,
    done_on: Option<Date>,
    now: Timestamp,
) -> Result<Option<Id>, ActionError> {
    let o = ws
        .one_on_ones
        .iter_mut()
        .find(|o| o.id == one_on_one_id)
        .ok_or(ActionError::Missing("1:1"))?;
    let f = o
        .follow_ups
        .iter_mut()
        .find(|f| f.id == follow_up_id)
        .ok_or(ActionError::Missing("follow-up"))?;
    f.done_on = done_on;
    o.updated_at = now;
    Ok(None)
}
