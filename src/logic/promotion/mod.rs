//! Promotion packages: a case's steps, its letters against the rules, the document's
//! completeness, the committee's blind reads, and the decision (approval writes the level
//! history; "not yet" becomes a plan). Pages ask here; they hold no rules.

pub mod document;
pub mod letters;
pub mod markdown;
pub mod records;

use crate::logic::actions::{put_record, ActionError};
use crate::logic::journey::day_text;
use crate::logic::records::{blank, problem};
use crate::model::*;
use crate::sort::StableSort as _;

pub use document::{completeness, word_count, Section, SECTIONS};

/// The cases about a person, newest first.
pub fn cases_of(ws: &Workspace, person_id: Id) -> Vec<&PromotionCase> {
    let mut out: Vec<&PromotionCase> = ws
        .promotions
        .iter()
        .filter(|c| c.person_id == person_id)
        .collect();
    out.stable_sort_by_key(|b| std::cmp::Reverse(b.created_at));
    out
}

/// The person's case still in progress, if any (one at a time).
pub fn open_case(ws: &Workspace, person_id: Id) -> Option<&PromotionCase> {
    ws.promotions
        .iter()
        .find(|c| c.person_id == person_id && !c.status().is_closed())
}

pub fn case(ws: &Workspace, id: Id) -> Option<&PromotionCase> {
    ws.promotions.iter().find(|c| c.id == id)
}

/// The document of a case, if one was started.
pub fn document_of(ws: &Workspace, case_id: Id) -> Option<&PromotionDocument> {
    ws.promotion_documents.iter().find(|d| d.case_id == case_id)
}

/// The letters received for a case, in the order of the slots (the sponsor's last).
pub fn letters_of(ws: &Workspace, case_id: Id) -> Vec<&Letter> {
    let mut out: Vec<&Letter> = ws.letters.iter().filter(|l| l.case_id == case_id).collect();
    out.stable_sort_by_key(|l| (l.kind == LetterKind::Sponsor, l.kind, l.created_at));
    out
}

/// The letters that fill one slot (two when a writer sent a second one).
pub fn letters_for_slot(ws: &Workspace, case_id: Id, slot_id: Id) -> Vec<&Letter> {
    let mut out: Vec<&Letter> = ws
        .letters
        .iter()
        .filter(|l| l.case_id == case_id && l.slot_id == Some(slot_id))
        .collect();
    out.stable_sort_by_key(|l| (l.written_on, l.created_at));
    out
}

/// The sponsor's own letter.
pub fn sponsor_letter(ws: &Workspace, case_id: Id) -> Option<&Letter> {
    ws.letters
        .iter()
        .find(|l| l.case_id == case_id && l.kind == LetterKind::Sponsor)
}

/// One slot as the package shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct SlotState {
    pub slot: LetterSlot,
    /// Letters received for it (more than one: the sponsor chooses which to keep).
    pub letters: Vec<Id>,
    /// Asked, not yet in, and past its due day.
    pub overdue: bool,
}

/// Every slot of a case with what came in, and whether it is overdue on `today`.
pub fn slots(ws: &Workspace, c: &PromotionCase, today: Date) -> Vec<SlotState> {
    c.slots
        .iter()
        .map(|s| {
            let letters: Vec<Id> = letters_for_slot(ws, c.id, s.id)
                .iter()
                .map(|l| l.id)
                .collect();
            let overdue = letters.is_empty()
                && s.requested_on.is_some()
                && s.due_on.is_some_and(|d| d < today);
            SlotState {
                slot: s.clone(),
                letters,
                overdue,
            }
        })
        .collect()
}

/// What the letters still lack against the rules: each required kind without a letter, and the
/// sponsor's letter. Empty when the letters are complete.
pub fn letter_gaps(ws: &Workspace, c: &PromotionCase) -> Vec<String> {
    let mut out = Vec::new();
    for kind in LetterKind::REQUIRED {
        let has = ws
            .letters
            .iter()
            .any(|l| l.case_id == c.id && l.kind == kind);
        if !has {
            let asked = c.slots.iter().any(|s| s.kind == kind);
            out.push(format!(
                "no letter yet for “{}”{}",
                kind.short(),
                if asked { "" } else { " (nobody is asked yet)" }
            ));
        }
    }
    if sponsor_letter(ws, c.id).is_none() {
        out.push("no sponsor's letter yet".into());
    }
    out
}

/// Slots whose request is past its due day with no letter in.
pub fn overdue(ws: &Workspace, c: &PromotionCase, today: Date) -> Vec<LetterSlot> {
    slots(ws, c, today)
        .into_iter()
        .filter(|s| s.overdue)
        .map(|s| s.slot)
        .collect()
}

/// What the case is waiting for, in a few words (for lists).
pub fn waiting_for(ws: &Workspace, c: &PromotionCase, today: Date) -> String {
    match c.status() {
        CaseStatus::Draft | CaseStatus::LettersRequested | CaseStatus::Ready => {
            let missing = completeness(ws, c);
            let late = overdue(ws, c, today).len();
            match (missing.len(), late) {
                (0, _) => "ready to submit".into(),
                (n, 0) => format!("{n} {} before it can be submitted", plural(n, "item")),
                (n, l) => format!(
                    "{n} {} before it can be submitted; {l} {} overdue",
                    plural(n, "item"),
                    plural(l, "letter")
                ),
            }
        }
        CaseStatus::Submitted => "the debrief to be scheduled".into(),
        CaseStatus::Debrief => {
            let (done, of) = reads_in(ws, c);
            if c.debrief.revealed {
                "the decision".into()
            } else {
                format!("reads: {done} of {of} in")
            }
        }
        CaseStatus::ApprovedLeadership => "the executive team's approval".into(),
        CaseStatus::ApprovedExecutive => "nothing: approved".into(),
        CaseStatus::NotYet => {
            let open = c.plan.iter().filter(|g| g.done_on.is_none()).count();
            format!("the plan: {open} {} open", plural(open, "gap"))
        }
        CaseStatus::Withdrawn => "nothing: withdrawn".into(),
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_string()
    } else {
        format!("{word}s")
    }
}

/// The steps a case may take next from where it stands.
pub fn next_steps(c: &PromotionCase) -> Vec<CaseStatus> {
    use CaseStatus::*;
    match c.status() {
        Draft => vec![LettersRequested, Ready, Withdrawn],
        LettersRequested => vec![Ready, Withdrawn],
        Ready => vec![Submitted, Withdrawn],
        Submitted => vec![Debrief, Withdrawn],
        Debrief => vec![ApprovedLeadership, NotYet],
        ApprovedLeadership => vec![ApprovedExecutive, NotYet],
        ApprovedExecutive | NotYet | Withdrawn => Vec::new(),
    }
}

// ----- the debrief: blind reads -----

/// The reads recorded for a case.
pub fn reads_of(ws: &Workspace, case_id: Id) -> Vec<&DebriefRead> {
    ws.debrief_reads
        .iter()
        .filter(|r| r.case_id == case_id)
        .collect()
}

/// `(participants who have read, participants)`.
pub fn reads_in(ws: &Workspace, c: &PromotionCase) -> (usize, usize) {
    let done = c
        .debrief
        .participants
        .iter()
        .filter(|p| {
            ws.debrief_reads
                .iter()
                .any(|r| r.case_id == c.id && r.reader_id == **p)
        })
        .count();
    (done, c.debrief.participants.len())
}

/// Whether `viewer` may see `read` now: their own always, the others' once the chair reveals.
/// A courtesy against anchoring, as in calibration; the guarantee is in the files
/// ([`crate::logic::records::audience`]).
pub fn may_see(c: &PromotionCase, read: &DebriefRead, viewer: Option<Id>) -> bool {
    c.debrief.revealed || Some(read.reader_id) == viewer
}

/// Why the reads cannot be revealed yet, or `None` when they can.
pub fn reveal_refusal(ws: &Workspace, c: &PromotionCase) -> Option<String> {
    if c.debrief.participants.is_empty() {
        return Some("Add the debrief's participants first.".into());
    }
    let missing: Vec<&str> = c
        .debrief
        .participants
        .iter()
        .filter(|p| {
            !ws.debrief_reads
                .iter()
                .any(|r| r.case_id == c.id && r.reader_id == **p)
        })
        .map(|p| ws.person_name(*p))
        .collect();
    (!missing.is_empty()).then(|| {
        format!(
            "Every participant records their own read before the reveal; still to come: {}. (Someone who cannot take part can be taken off the participants.)",
            missing.join(", ")
        )
    })
}

// ----- taking a step -----

/// The level move approval writes: promoted within a track, or moved between tracks (to M1 at
/// the end of a cohort).
fn approval_move(c: &PromotionCase, on: Date, now: Timestamp) -> LevelMove {
    let kind = if c.from_level.is_manager() == c.to_level.is_manager() {
        MoveKind::Promoted
    } else {
        MoveKind::BetweenTracks
    };
    let cycle = if c.cycle.trim().is_empty() {
        String::new()
    } else {
        format!(" ({})", c.cycle.trim())
    };
    LevelMove::new(
        c.person_id,
        on,
        kind,
        c.to_level,
        "",
        &format!("Promotion case approved by the executive team{cycle}."),
        now,
    )
}

/// Takes a case to `to` on `on`, by `by`: refused (with the reason, at the field) when the
/// step does not follow from where the case stands, when *Submit* finds the package
/// incomplete, or when a decision comes before the reveal. Final approval also writes the
/// applicant's promotion into their level history; both or neither. "Not yet" goes through
/// [`not_yet`], which needs the data points.
pub(crate) fn advance(
    ws: &mut Workspace,
    case_id: Id,
    step: CaseStep,
    now: Timestamp,
    new_id: &mut dyn FnMut() -> Id,
) -> Result<Option<Id>, ActionError> {
    let Some(mut c) = case(ws, case_id).cloned() else {
        return Err(ActionError::Missing("promotion case"));
    };
    let to = step.status;
    if to == CaseStatus::NotYet {
        return Err(ActionError::Invalid(
            "A “not yet” lists its data points: use the decision form.".into(),
        ));
    }
    check_step(ws, &c, &step)?;
    // An approval's note is the decision's reasons, unless they were written already.
    if matches!(
        to,
        CaseStatus::ApprovedLeadership | CaseStatus::ApprovedExecutive
    ) && blank(&c.reasons)
    {
        c.reasons = step.note.trim().to_string();
    }
    c.steps.push(CaseStep {
        note: step.note.trim().to_string(),
        ..step.clone()
    });
    let mut next = ws.clone();
    let id = put_record(&mut next, c.clone(), now, new_id)?;
    if to == CaseStatus::ApprovedExecutive {
        let mv = approval_move(&c, step.on, now);
        put_record(&mut next, mv, now, new_id).map_err(|e| match e {
            ActionError::Problems(p) => ActionError::Invalid(format!(
                "The promotion cannot go into {}'s level history: {}",
                ws.person_name(c.person_id),
                p.iter().map(|p| p.1.clone()).collect::<Vec<_>>().join("; ")
            )),
            other => other,
        })?;
    }
    *ws = next;
    Ok(Some(id))
}

/// The rules of taking a step, each addressed to a field of the step form.
fn check_step(ws: &Workspace, c: &PromotionCase, step: &CaseStep) -> Result<(), ActionError> {
    let to = step.status;
    if !next_steps(c).contains(&to) {
        return Err(ActionError::Invalid(format!(
            "A case that is “{}” cannot go to “{}”{}.",
            c.status().label(),
            to.label(),
            match next_steps(c).as_slice() {
                [] => " (it is closed)".to_string(),
                steps => format!(
                    " (next: {})",
                    steps
                        .iter()
                        .map(|s| s.label())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            }
        )));
    }
    if let Some(last) = c.steps.last() {
        if step.on < last.on {
            return Err(ActionError::Problems(vec![problem(
                "on",
                format!(
                    "the last step was on {}: a new step cannot come before it",
                    day_text(last.on)
                ),
            )]));
        }
    }
    if to == CaseStatus::Submitted {
        let missing = completeness(ws, c);
        if !missing.is_empty() {
            return Err(ActionError::Problems(vec![problem(
                "status",
                format!("the package is not complete yet: {}", missing.join("; ")),
            )]));
        }
    }
    if matches!(
        to,
        CaseStatus::ApprovedLeadership | CaseStatus::ApprovedExecutive
    ) && c.status() == CaseStatus::Debrief
        && !c.debrief.revealed
    {
        return Err(ActionError::Problems(vec![problem(
            "status",
            "the debrief decides after every read is revealed and discussed: reveal the reads first".into(),
        )]));
    }
    Ok(())
}

/// The decision "not yet", with the data points behind it: each becomes a gap of the plan
/// (the sponsor owns it until someone else is named). Refused without a data point.
pub(crate) fn not_yet(
    ws: &mut Workspace,
    case_id: Id,
    step: CaseStep,
    reasons: String,
    data_points: Vec<String>,
    now: Timestamp,
    new_id: &mut dyn FnMut() -> Id,
) -> Result<Option<Id>, ActionError> {
    let Some(mut c) = case(ws, case_id).cloned() else {
        return Err(ActionError::Missing("promotion case"));
    };
    let step = CaseStep {
        status: CaseStatus::NotYet,
        ..step
    };
    check_step(ws, &c, &step)?;
    if c.status() == CaseStatus::Debrief && !c.debrief.revealed {
        return Err(ActionError::Problems(vec![problem(
            "status",
            "the debrief decides after every read is revealed and discussed: reveal the reads first".into(),
        )]));
    }
    let points: Vec<String> = data_points
        .iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    if points.is_empty() {
        return Err(ActionError::Problems(vec![problem(
            "data_points",
            "a “not yet” lists the data points behind it, one a line: each becomes a gap of the plan to close".into(),
        )]));
    }
    if blank(&reasons) {
        return Err(ActionError::Problems(vec![problem(
            "reasons",
            "say why, in a sentence or two: the applicant reads it".into(),
        )]));
    }
    c.steps.push(CaseStep {
        note: step.note.trim().to_string(),
        ..step
    });
    c.reasons = reasons.trim().to_string();
    for p in points {
        c.plan.push(PlanGap {
            id: new_id(),
            data_point: p,
            domain_id: None,
            owner_id: c.sponsor_id,
            next_step: String::new(),
            cycle: String::new(),
            done_on: None,
        });
    }
    let mut next = ws.clone();
    let id = put_record(&mut next, c, now, new_id)?;
    *ws = next;
    Ok(Some(id))
}

/// A new case for a person (nil id; the edit door gives it one): from their level now to the
/// next (M1 → M2 by default), sponsored by `sponsor`, with the three required letter kinds
/// and the optional fourth as empty slots.
pub fn draft_case(
    ws: &Workspace,
    person_id: Id,
    sponsor: Option<Id>,
    today: Date,
    now: Timestamp,
    new_id: &mut dyn FnMut() -> Id,
) -> PromotionCase {
    let from = crate::logic::track::current_level(ws, person_id).unwrap_or(TrackLevel::M1);
    let to = match from {
        TrackLevel::M1 => TrackLevel::M2,
        TrackLevel::M2 => TrackLevel::M3,
        TrackLevel::M3 => TrackLevel::M3,
        _ => TrackLevel::M1,
    };
    let slots = LetterKind::REQUIRED
        .iter()
        .chain([LetterKind::Optional].iter())
        .map(|k| LetterSlot {
            id: new_id(),
            kind: *k,
            writer: String::new(),
            role: String::new(),
            speaks_to: String::new(),
            requested_on: None,
            due_on: None,
        })
        .collect();
    PromotionCase {
        id: Id::nil(),
        person_id,
        from_level: from,
        to_level: to,
        sponsor_id: sponsor,
        skip_level_reason: String::new(),
        eligible_on: Some(today),
        cycle: String::new(),
        steps: vec![CaseStep {
            status: CaseStatus::Draft,
            on: today,
            by: sponsor,
            note: String::new(),
        }],
        slots,
        debrief: Debrief::default(),
        reasons: String::new(),
        plan: Vec::new(),
        sponsor_lesson: String::new(),
        created_at: now,
        updated_at: now,
        merge_bases: Vec::new(),
    }
}

/// The person's direct manager as the workspace knows it: the manager of the team they are in
/// (someone at a manager level in the same team), if exactly one.
pub fn direct_manager(ws: &Workspace, person_id: Id) -> Option<Id> {
    let p = ws.person(person_id)?;
    if p.team.trim().is_empty() {
        return None;
    }
    let mine = crate::logic::track::current_level(ws, person_id);
    let managers: Vec<Id> = ws
        .people
        .iter()
        .filter(|o| o.id != person_id && o.team == p.team && o.left_on.is_none())
        .filter(|o| {
            crate::logic::track::current_level(ws, o.id)
                .is_some_and(|l| l.is_manager() && mine.is_none_or(|m| l > m))
        })
        .map(|o| o.id)
        .collect();
    (managers.len() == 1).then(|| managers[0])
}

/// The plan's open next steps for a person, as 1:1 follow-up lines (`Promotion plan: …`), left
/// out where a 1:1 of `candidate_id` already has that line.
pub fn plan_follow_ups(ws: &Workspace, person_id: Id, candidate_id: Id) -> Vec<String> {
    let have: Vec<&str> = ws
        .one_on_ones
        .iter()
        .filter(|o| o.candidate_id == candidate_id)
        .flat_map(|o| o.follow_ups.iter().map(|f| f.text.as_str()))
        .collect();
    cases_of(ws, person_id)
        .into_iter()
        .filter(|c| c.status() == CaseStatus::NotYet)
        .flat_map(|c| c.plan.iter())
        .filter(|g| g.done_on.is_none() && !blank(&g.next_step))
        .map(|g| format!("Promotion plan: {}", g.next_step.trim()))
        .filter(|line| !have.contains(&line.as_str()))
        .collect()
}

/// The plan's gaps that still need an owner, a next step or a target cycle.
pub fn plan_gaps_unfinished(c: &PromotionCase) -> Vec<String> {
    c.plan
        .iter()
        .enumerate()
        .filter_map(|(i, g)| {
            let mut lacks = Vec::new();
            if g.owner_id.is_none() {
                lacks.push("an owner");
            }
            if blank(&g.next_step) {
                lacks.push("a next step");
            }
            if blank(&g.cycle) {
                lacks.push("a target cycle");
            }
            (!lacks.is_empty() && g.done_on.is_none())
                .then(|| format!("gap {} needs {}", i + 1, lacks.join(", ")))
        })
        .collect()
}
