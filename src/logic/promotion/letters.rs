//! Letters by file on the sponsor's side: making a request for one slot, and taking a letter
//! file in (checked against the case, the organisation, the case's state and the letters
//! already here).

use crate::file::letters::{LetterFile, LetterRequest};
use crate::logic::journey::day_text;
use crate::logic::records::blank;
use crate::model::*;

/// The role a case puts the applicant forward for, in words for the writer.
pub fn role_words(level: TrackLevel) -> String {
    match level {
        TrackLevel::M1 => "Engineering Manager (M1)".into(),
        TrackLevel::M2 => "Senior Engineering Manager (M2)".into(),
        TrackLevel::M3 => "Director of Engineering (M3)".into(),
        other => other.code().into(),
    }
}

/// What a letter of each kind is asked to speak to, when the sponsor writes nothing else.
pub fn default_speaks_to(kind: LetterKind) -> &'static str {
    match kind {
        LetterKind::SeniorEngineer => "How they lead the team's technical work day to day: decisions, reviews, standards, and how engineers grow around them.",
        LetterKind::ProductPartner => "What working with them across several projects was like: planning, trade-offs, delivery, and how they handle disagreement.",
        LetterKind::OutsideTeam => "How their work reaches beyond their own team: collaboration, influence without authority, and what others rely on them for.",
        LetterKind::Optional => "One side of their work the other letters may not see, from where you stand.",
        LetterKind::Sponsor => "",
    }
}

/// The request file for one slot of a case, asked on `today`: refused (with what to fix)
/// when the slot names no writer or the case is closed.
pub fn request(
    ws: &Workspace,
    c: &PromotionCase,
    slot_id: Id,
    today: Date,
) -> Result<LetterRequest, String> {
    let Some(slot) = c.slots.iter().find(|s| s.id == slot_id) else {
        return Err("This letter slot is no longer in the case.".into());
    };
    if c.status().is_closed() {
        return Err(format!(
            "This case is closed ({}): no more letters are asked for.",
            c.status().label().to_lowercase()
        ));
    }
    if blank(&slot.writer) {
        return Err("Name the writer first: who is asked for this letter?".into());
    }
    let speaks_to = if blank(&slot.speaks_to) {
        default_speaks_to(slot.kind).to_string()
    } else {
        slot.speaks_to.trim().to_string()
    };
    Ok(LetterRequest {
        case_id: c.id,
        slot_id,
        organisation: ws.organisation.clone(),
        applicant: ws.person_name(c.person_id).to_string(),
        role: role_words(c.to_level),
        kind: slot.kind,
        writer: slot.writer.trim().to_string(),
        speaks_to,
        asked_on: slot.requested_on.unwrap_or(today),
        due_on: slot.due_on,
    })
}

/// The case with the slot marked as asked on `today` (its due day kept, or two weeks on), and
/// the step "letters requested" taken if it was a draft.
pub fn mark_requested(
    c: &PromotionCase,
    slot_id: Id,
    today: Date,
    by: Option<Id>,
) -> PromotionCase {
    let mut c = c.clone();
    if let Some(s) = c.slots.iter_mut().find(|s| s.id == slot_id) {
        s.requested_on.get_or_insert(today);
        if s.due_on.is_none() {
            s.due_on = Some(today + chrono::Days::new(14));
        }
    }
    if c.status() == CaseStatus::Draft {
        c.steps.push(CaseStep {
            status: CaseStatus::LettersRequested,
            on: today,
            by,
            note: String::new(),
        });
    }
    c
}

/// A letter file checked against this workspace, ready to add.
#[derive(Clone, Debug, PartialEq)]
pub struct Incoming {
    pub letter: Letter,
    /// Letters already here for the same slot (a writer's second letter): both show, and the
    /// sponsor chooses whether to keep the newer only.
    pub earlier: Vec<Id>,
}

/// Checks a letter file for the case `case_id` (the case page it is added on): refused, with
/// what happened and what to do, when it is for another organisation or another case, for a
/// case withdrawn or decided, or already here. Nothing changes here; the page adds the letter
/// through the edit door.
pub fn receive(
    ws: &Workspace,
    case_id: Id,
    file: &LetterFile,
    now: Timestamp,
) -> Result<Incoming, String> {
    let Some(c) = super::case(ws, file.case_id) else {
        let org = file.organisation.trim();
        return Err(
            if !org.is_empty()
                && !ws.organisation.trim().is_empty()
                && org != ws.organisation.trim()
            {
                format!(
                    "This letter was asked for by {org}, not {}: it belongs in that organisation's Runway. Nothing was added.",
                    ws.organisation.trim()
                )
            } else {
                format!(
                    "This letter is for a promotion case of {} that is not in this workspace (deleted, or from another copy of Runway). Nothing was added.",
                    file.applicant.trim()
                )
            },
        );
    };
    if c.id != case_id {
        return Err(format!(
            "This letter is for {}'s case, not this one. Add it on that case's page. Nothing was added.",
            ws.person_name(c.person_id)
        ));
    }
    if c.status().is_closed() {
        return Err(format!(
            "This case was closed ({} on {}), so letters are no longer added. Nothing was added; keep the file if the case opens again as a new one.",
            c.status().label().to_lowercase(),
            c.steps.last().map_or("—".into(), |s| day_text(s.on))
        ));
    }
    let Some(slot) = c.slots.iter().find(|s| s.id == file.slot_id) else {
        return Err("The letter slot it was asked for has been taken out of the case. Nothing was added; put the slot back (same kind) and ask again if the letter is still wanted.".into());
    };
    if slot.kind != file.kind {
        return Err(format!(
            "The file says it is a letter from a {}, but it was asked for as a {}: it was changed by hand. Nothing was added.",
            file.kind.short().to_lowercase(),
            slot.kind.short().to_lowercase()
        ));
    }
    if ws.letters.iter().any(|l| l.id == file.letter_id)
        || ws.deleted.iter().any(|t| t.id == file.letter_id)
    {
        return Err(format!(
            "This letter from {} is already in the case (or was removed from it). Nothing changed.",
            file.writer.trim()
        ));
    }
    let earlier = super::letters_for_slot(ws, c.id, slot.id)
        .iter()
        .map(|l| l.id)
        .collect();
    Ok(Incoming {
        letter: Letter {
            id: file.letter_id,
            case_id: c.id,
            slot_id: Some(slot.id),
            kind: slot.kind,
            writer: file.writer.trim().to_string(),
            role: file.writer_role.trim().to_string(),
            writer_id: None,
            body: file.body.trim().to_string(),
            written_on: file.written_on,
            created_at: now,
            updated_at: now,
            merge_bases: Vec::new(),
        },
        earlier,
    })
}
