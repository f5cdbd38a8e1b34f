//! Promotion packages: the letter rules and files, the completeness that blocks *Submit*, the
//! committee's blind reads, approval into the level history, "not yet" into a plan, the
//! Markdown package, and what deletes and merges do to the four kinds. Built on the sample's
//! cases: Hana's in flight, Marcus's "not yet", Felix's in the debrief, Beatriz's approved.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use runway::file::letters::{
    decode_letter, decode_letter_request, encode_letter, encode_letter_request, LetterFile,
};
use runway::logic::actions::{Action, ActionError};
use runway::logic::promotion::{self, document, letters, markdown};
use runway::logic::records::audience::{share, Audience};
use runway::logic::records::merge::{mark_sent, merge, Resolutions};
use runway::logic::records::{all_ids, Record};
use runway::logic::validate;
use runway::model::*;

use crate::common::{act, at, day, enrol, sample};

fn named(ws: &Workspace, name: &str) -> Id {
    ws.people.iter().find(|p| p.name == name).unwrap().id
}

fn case_of(ws: &Workspace, name: &str) -> PromotionCase {
    ws.promotions
        .iter()
        .find(|c| ws.person_name(c.person_id) == name)
        .cloned()
        .unwrap()
}

fn fresh(ws: &Workspace, id: Id) -> PromotionCase {
    promotion::case(ws, id).cloned().unwrap()
}

/// The fields of a refused save.
fn fields(r: Result<Option<Id>, ActionError>) -> Vec<(String, String)> {
    match r {
        Err(ActionError::Problems(p)) => p,
        other => panic!("expected problems, got {other:?}"),
    }
}

fn slot(c: &PromotionCase, kind: LetterKind) -> LetterSlot {
    c.slots.iter().find(|s| s.kind == kind).cloned().unwrap()
}

/// The letter file a writer sends back for one slot of a case.
fn letter_file(ws: &Workspace, c: &PromotionCase, kind: LetterKind, body: &str) -> LetterFile {
    let s = slot(c, kind);
    let req = letters::request(ws, c, s.id, day(2026, 11, 20)).unwrap();
    LetterFile::to(
        &req,
        if s.writer.is_empty() {
            "Someone"
        } else {
            &s.writer
        },
        "Engineer",
        body,
        day(2026, 11, 20),
        uuid::Uuid::new_v4(),
    )
}

/// Takes a letter file in on the case's page, through the edit door.
fn add_letter(ws: &mut Workspace, case_id: Id, file: &LetterFile) -> letters::Incoming {
    let incoming = letters::receive(ws, case_id, file, at(2026, 11, 22)).unwrap();
    act(ws, Action::Add(Record::Letter(incoming.letter.clone()))).unwrap();
    incoming
}

fn step(status: CaseStatus, on: Date) -> CaseStep {
    CaseStep {
        status,
        on,
        by: None,
        note: String::new(),
    }
}

fn advance(
    ws: &mut Workspace,
    case_id: Id,
    status: CaseStatus,
    on: Date,
) -> Result<Option<Id>, ActionError> {
    act(
        ws,
        Action::AdvanceCase {
            case_id,
            step: step(status, on),
        },
    )
}

fn read(case_id: Id, reader_id: Id, why: &str) -> Record {
    Record::DebriefRead(DebriefRead {
        id: Id::nil(),
        case_id,
        reader_id,
        verdict: ReadVerdict::Recommend,
        why: why.into(),
        created_at: at(2026, 11, 22),
        updated_at: at(2026, 11, 22),
        merge_bases: Vec::new(),
    })
}

fn reveal(ws: &mut Workspace, case_id: Id) -> Result<Option<Id>, ActionError> {
    let mut c = fresh(ws, case_id);
    c.debrief.revealed = true;
    act(ws, Action::Put(Record::Promotion(c)))
}

/// Felix's case with Dana's read in and the reads revealed, ready for a decision.
fn felix_revealed() -> (Workspace, PromotionCase) {
    let mut ws = sample();
    let c = case_of(&ws, "Felix Wagner");
    let dana = named(&ws, "Dana Whitfield");
    act(&mut ws, Action::Put(read(c.id, dana, "Ready for a group."))).unwrap();
    reveal(&mut ws, c.id).unwrap();
    let c = fresh(&ws, c.id);
    (ws, c)
}

// ----- letters -----

#[test]
fn the_letter_gaps_name_each_required_kind_missing_and_the_sponsors_letter() {
    let mut ws = sample();
    let c = case_of(&ws, "Hana Sato");
    // Two letters in, the outside one overdue, the optional slot empty, no sponsor's letter.
    let gaps = promotion::letter_gaps(&ws, &c);
    assert_eq!(gaps.len(), 2, "{gaps:?}");
    assert!(
        gaps[0].contains(LetterKind::OutsideTeam.short()),
        "{gaps:?}"
    );
    assert_eq!(gaps[1], "no sponsor's letter yet");
    let overdue = promotion::overdue(&ws, &c, day(2026, 11, 21));
    assert_eq!(overdue.len(), 1);
    assert_eq!(overdue[0].kind, LetterKind::OutsideTeam);
    // A letter for the optional slot fills no required kind.
    let mut named_slot = c.clone();
    named_slot
        .slots
        .iter_mut()
        .find(|s| s.kind == LetterKind::Optional)
        .unwrap()
        .writer = "Rosa Diaz".into();
    act(&mut ws, Action::Put(Record::Promotion(named_slot))).unwrap();
    let c = fresh(&ws, c.id);
    let file = letter_file(&ws, &c, LetterKind::Optional, "She made support a partner.");
    add_letter(&mut ws, c.id, &file);
    assert_eq!(promotion::letter_gaps(&ws, &c), gaps);
    // The outside letter and the sponsor's close the gaps.
    let file = letter_file(&ws, &c, LetterKind::OutsideTeam, "Platform relies on her.");
    add_letter(&mut ws, c.id, &file);
    assert_eq!(
        promotion::letter_gaps(&ws, &c),
        vec!["no sponsor's letter yet".to_string()]
    );
    let dana = named(&ws, "Dana Whitfield");
    act(
        &mut ws,
        Action::Put(Record::Letter(Letter {
            id: Id::nil(),
            case_id: c.id,
            slot_id: None,
            kind: LetterKind::Sponsor,
            writer: "Dana Whitfield".into(),
            role: String::new(),
            writer_id: Some(dana),
            body: "I sponsor Hana.".into(),
            written_on: day(2026, 11, 21),
            created_at: at(2026, 11, 22),
            updated_at: at(2026, 11, 22),
            merge_bases: Vec::new(),
        })),
    )
    .unwrap();
    assert!(promotion::letter_gaps(&ws, &c).is_empty());
    // A kind nobody was asked for says so.
    let mut none = c.clone();
    none.slots.retain(|s| s.kind != LetterKind::ProductPartner);
    let mut bare = ws.clone();
    bare.letters
        .retain(|l| l.kind != LetterKind::ProductPartner);
    assert!(promotion::letter_gaps(&bare, &none)
        .iter()
        .any(|g| g.ends_with("(nobody is asked yet)")));
}

#[test]
fn a_second_letter_for_a_slot_comes_in_beside_the_first() {
    let mut ws = sample();
    let c = case_of(&ws, "Hana Sato");
    let s = slot(&c, LetterKind::SeniorEngineer);
    let first = promotion::letters_for_slot(&ws, c.id, s.id);
    assert_eq!(first.len(), 1);
    let first = first[0].id;
    let again = letter_file(
        &ws,
        &c,
        LetterKind::SeniorEngineer,
        "A second, longer letter.",
    );
    let incoming = add_letter(&mut ws, c.id, &again);
    assert_eq!(incoming.earlier, vec![first]);
    assert_eq!(promotion::letters_for_slot(&ws, c.id, s.id).len(), 2);
}

#[test]
fn a_letter_file_is_refused_when_it_does_not_belong_here() {
    let mut ws = sample();
    let hana = case_of(&ws, "Hana Sato");
    let felix = case_of(&ws, "Felix Wagner");
    let now = at(2026, 11, 22);
    let nothing_changed = ws.clone();
    // Another case's letter, taken in on Hana's page: it names whose it is.
    let theirs = letter_file(&ws, &felix, LetterKind::SeniorEngineer, "About Felix.");
    let e = letters::receive(&ws, hana.id, &theirs, now).unwrap_err();
    assert!(e.contains("Felix Wagner's case"), "{e}");
    // A case this workspace never had: another organisation's, or another copy's.
    let mut elsewhere = letter_file(&ws, &hana, LetterKind::OutsideTeam, "Elsewhere.");
    elsewhere.case_id = uuid::Uuid::new_v4();
    elsewhere.organisation = "Contoso Freight".into();
    let e = letters::receive(&ws, hana.id, &elsewhere, now).unwrap_err();
    assert!(
        e.contains("Contoso Freight") && e.contains("Northwind Logistics"),
        "{e}"
    );
    elsewhere.organisation = ws.organisation.clone();
    elsewhere.applicant = "Hana S.".into();
    let e = letters::receive(&ws, hana.id, &elsewhere, now).unwrap_err();
    assert!(
        e.contains("not in this workspace") && e.contains("Hana S."),
        "{e}"
    );
    // A kind changed by hand.
    let mut forged = letter_file(&ws, &hana, LetterKind::OutsideTeam, "Changed.");
    forged.kind = LetterKind::ProductPartner;
    let e = letters::receive(&ws, hana.id, &forged, now).unwrap_err();
    assert!(e.contains("changed by hand"), "{e}");
    // The same file twice.
    let file = letter_file(
        &ws,
        &hana,
        LetterKind::OutsideTeam,
        "Platform relies on her.",
    );
    add_letter(&mut ws, hana.id, &file);
    let e = letters::receive(&ws, hana.id, &file, now).unwrap_err();
    assert!(e.contains("already in the case"), "{e}");
    // A decided case, and a withdrawn one.
    let marcus = case_of(&ws, "Marcus Oyelaran");
    let mut late = letter_file(&ws, &hana, LetterKind::OutsideTeam, "Late.");
    late.case_id = marcus.id;
    late.slot_id = slot(&marcus, LetterKind::OutsideTeam).id;
    let e = letters::receive(&ws, marcus.id, &late, now).unwrap_err();
    assert!(e.contains("closed (not yet"), "{e}");
    let file = letter_file(
        &nothing_changed,
        &hana,
        LetterKind::OutsideTeam,
        "Withdrawn.",
    );
    advance(&mut ws, hana.id, CaseStatus::Withdrawn, day(2026, 11, 22)).unwrap();
    let e = letters::receive(&ws, hana.id, &file, now).unwrap_err();
    assert!(e.contains("closed (withdrawn"), "{e}");
    // And a letter file for a closed case asked for through the request is refused too.
    assert!(letters::request(
        &ws,
        &fresh(&ws, hana.id),
        slot(&hana, LetterKind::OutsideTeam).id,
        day(2026, 11, 22)
    )
    .is_err());
}

#[test]
fn letter_files_round_trip_and_are_told_apart() {
    let ws = sample();
    let c = case_of(&ws, "Hana Sato");
    let s = slot(&c, LetterKind::SeniorEngineer);
    let req = letters::request(&ws, &c, s.id, day(2026, 11, 20)).unwrap();
    let text = encode_letter_request(&req);
    assert_eq!(decode_letter_request(text.as_bytes()).unwrap(), req);
    let letter = LetterFile::to(
        &req,
        "Tomás Ferreira",
        "Staff engineer",
        "She leads.",
        day(2026, 11, 21),
        uuid::Uuid::new_v4(),
    );
    let ltext = encode_letter(&letter);
    assert_eq!(decode_letter(ltext.as_bytes()).unwrap(), letter);
    // The wrong file, each with a message saying what it is.
    let e = decode_letter_request(ltext.as_bytes())
        .unwrap_err()
        .to_string();
    assert!(e.contains("recommendation letter"), "{e}");
    let e = decode_letter(text.as_bytes()).unwrap_err().to_string();
    assert!(e.contains("letter request"), "{e}");
    let workspace = runway::file::encode_pretty(&ws, at(2026, 11, 21));
    let e = decode_letter_request(workspace.as_bytes())
        .unwrap_err()
        .to_string();
    assert!(e.contains("workspace file"), "{e}");
    let round = ws
        .feedback_rounds
        .iter()
        .find(|r| r.title == "Mid-program 360")
        .unwrap();
    let feedback =
        runway::file::requests::encode_request(&runway::logic::evaluation::requests::request_360(
            &ws,
            round,
            FeedbackGroup::Stakeholder,
            day(2026, 11, 23),
            None,
        ));
    let e = decode_letter_request(feedback.as_bytes())
        .unwrap_err()
        .to_string();
    assert!(e.contains("feedback request"), "{e}");
    // The request carries these keys and nothing else of the workspace: no other id, no other
    // name than the applicant's and the writer's.
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        vec![
            "applicant",
            "asked_on",
            "case_id",
            "due_on",
            "format",
            "kind",
            "organisation",
            "role",
            "schema_version",
            "slot_id",
            "speaks_to",
            "writer"
        ]
    );
    assert_eq!(v["applicant"], "Hana Sato");
    assert_eq!(v["writer"], "Tomás Ferreira");
    for id in all_ids(&ws) {
        if id != c.id {
            assert!(!text.contains(&id.to_string()), "{id} is in the request");
        }
    }
    assert!(text.contains(&s.id.to_string()));
    for p in &ws.people {
        if p.name != "Hana Sato" && p.name != "Tomás Ferreira" {
            assert!(!text.contains(&p.name), "{} is in the request", p.name);
        }
    }
}

// ----- completeness -----

#[test]
fn submit_waits_for_a_complete_package_and_says_what_is_missing() {
    let mut ws = sample();
    let c = case_of(&ws, "Hana Sato");
    let missing = promotion::completeness(&ws, &c);
    for words in [
        "section “Technical leadership across components” is empty",
        "section “Summary” is empty",
        "1 of at least 2 selected projects written in full (1 more lacks",
        "1 of at least 2 new-grad mentees named",
        "no intern mentee named",
        "no sponsor's letter yet",
    ] {
        assert!(
            missing.iter().any(|m| m.contains(words)),
            "{words}: {missing:?}"
        );
    }
    assert!(!missing.iter().any(|m| m.contains("Background")));
    advance(&mut ws, c.id, CaseStatus::Ready, day(2026, 11, 21)).unwrap();
    let refused = fields(advance(
        &mut ws,
        c.id,
        CaseStatus::Submitted,
        day(2026, 11, 22),
    ));
    assert_eq!(refused.len(), 1);
    assert_eq!(refused[0].0, "status");
    assert!(
        refused[0].1.contains("no intern mentee named"),
        "{refused:?}"
    );
    assert_eq!(fresh(&ws, c.id).status(), CaseStatus::Ready);
    // Write the rest, bring the letters in: now it goes.
    let mut d = promotion::document_of(&ws, c.id).cloned().unwrap();
    for s in document::SECTIONS {
        let t = document::text_mut(&mut d, s.field).unwrap();
        if t.is_empty() {
            *t = format!("What I did for {}.", s.title);
        }
    }
    let half = &mut d.projects[1];
    half.roles = "I led it.".into();
    half.results = "No outage.".into();
    d.mentees.push(Mentee {
        name: "Emma Dubois".into(),
        kind: MenteeKind::NewGrad,
    });
    d.mentees.push(Mentee {
        name: "Noor Ali".into(),
        kind: MenteeKind::Intern,
    });
    act(&mut ws, Action::Put(Record::PromotionDoc(d))).unwrap();
    let c = fresh(&ws, c.id);
    let file = letter_file(&ws, &c, LetterKind::OutsideTeam, "Yes.");
    add_letter(&mut ws, c.id, &file);
    let dana = named(&ws, "Dana Whitfield");
    act(
        &mut ws,
        Action::Put(Record::Letter(Letter {
            id: Id::nil(),
            case_id: c.id,
            slot_id: None,
            kind: LetterKind::Sponsor,
            writer: "Dana Whitfield".into(),
            role: String::new(),
            writer_id: Some(dana),
            body: "I sponsor Hana.".into(),
            written_on: day(2026, 11, 22),
            created_at: at(2026, 11, 22),
            updated_at: at(2026, 11, 22),
            merge_bases: Vec::new(),
        })),
    )
    .unwrap();
    assert_eq!(promotion::completeness(&ws, &c), Vec::<String>::new());
    advance(&mut ws, c.id, CaseStatus::Submitted, day(2026, 11, 22)).unwrap();
    assert_eq!(fresh(&ws, c.id).status(), CaseStatus::Submitted);
}

// ----- the debrief -----

#[test]
fn reads_stay_blind_until_every_participant_has_read_and_then_never_change() {
    let mut ws = sample();
    let c = case_of(&ws, "Felix Wagner");
    let (dana, beatriz, jonah) = (
        named(&ws, "Dana Whitfield"),
        named(&ws, "Beatriz Costa"),
        named(&ws, "Jonah Park"),
    );
    let hers = promotion::reads_of(&ws, c.id)[0].clone();
    assert_eq!(hers.reader_id, beatriz);
    assert!(promotion::may_see(&c, &hers, Some(beatriz)));
    assert!(!promotion::may_see(&c, &hers, Some(dana)));
    assert!(!promotion::may_see(&c, &hers, None));
    // Only the maker's own read leaves in the committee's file before the reveal.
    let file = share(&ws, Audience::Committee(c.id), Some(dana), false).unwrap();
    assert!(file.workspace.debrief_reads.is_empty());
    // The reveal waits for Dana's read, and says so.
    let refused = fields(reveal(&mut ws, c.id));
    assert_eq!(refused[0].0, "debrief");
    assert!(refused[0].1.contains("Dana Whitfield"), "{refused:?}");
    assert!(!fresh(&ws, c.id).debrief.revealed);
    // Someone not on the committee cannot record a read.
    let refused = fields(act(&mut ws, Action::Put(read(c.id, jonah, "Looks good."))));
    assert!(refused.iter().any(|(f, _)| f == "reader_id"), "{refused:?}");
    act(&mut ws, Action::Put(read(c.id, dana, "Ready for a group."))).unwrap();
    reveal(&mut ws, c.id).unwrap();
    let c = fresh(&ws, c.id);
    assert!(c.debrief.revealed_at.is_some());
    assert!(promotion::may_see(&c, &hers, Some(dana)) && promotion::may_see(&c, &hers, None));
    // A read no longer changes after the reveal.
    let mut changed = hers.clone();
    changed.verdict = ReadVerdict::NotYet;
    let refused = fields(act(&mut ws, Action::Put(Record::DebriefRead(changed))));
    assert!(refused.iter().any(|(f, _)| f == "verdict"), "{refused:?}");
    let file = share(&ws, Audience::Committee(c.id), Some(dana), false).unwrap();
    assert_eq!(file.workspace.debrief_reads.len(), 2);
}

// ----- the decision -----

#[test]
fn approval_waits_for_the_reveal_and_writes_the_promotion_into_the_level_history() {
    let mut ws = sample();
    let c = case_of(&ws, "Felix Wagner");
    let felix = c.person_id;
    let refused = fields(advance(
        &mut ws,
        c.id,
        CaseStatus::ApprovedLeadership,
        day(2026, 11, 20),
    ));
    assert_eq!(refused[0].0, "status");
    let (mut ws, c) = felix_revealed();
    advance(
        &mut ws,
        c.id,
        CaseStatus::ApprovedLeadership,
        day(2026, 11, 20),
    )
    .unwrap();
    assert_eq!(
        runway::logic::track::current_level(&ws, felix),
        Some(TrackLevel::M1)
    );
    let moves = ws.levels.len();
    advance(
        &mut ws,
        c.id,
        CaseStatus::ApprovedExecutive,
        day(2026, 11, 21),
    )
    .unwrap();
    assert_eq!(ws.levels.len(), moves + 1);
    let mv = runway::logic::track::moves_of(&ws, felix)
        .into_iter()
        .last()
        .unwrap()
        .clone();
    assert_eq!(
        (mv.kind, mv.level, mv.on),
        (MoveKind::Promoted, TrackLevel::M2, day(2026, 11, 21))
    );
    assert_eq!(
        runway::logic::track::current_level(&ws, felix),
        Some(TrackLevel::M2)
    );
    assert!(fresh(&ws, c.id).status().is_closed());
    // The sample's Beatriz got her M2 the same way, in 2023.
    let beatriz = named(&ws, "Beatriz Costa");
    let hers = runway::logic::track::moves_of(&ws, beatriz);
    assert!(hers.iter().any(|m| m.kind == MoveKind::Promoted
        && m.level == TrackLevel::M2
        && m.on == day(2023, 4, 3)));
}

#[test]
fn an_approval_the_level_history_refuses_changes_nothing() {
    let (mut ws, c) = felix_revealed();
    advance(
        &mut ws,
        c.id,
        CaseStatus::ApprovedLeadership,
        day(2026, 11, 20),
    )
    .unwrap();
    // Someone recorded a move for Felix on the day of the approval: one move a day.
    let by_hand = LevelMove::new(
        c.person_id,
        day(2026, 11, 21),
        MoveKind::Adjusted,
        TrackLevel::M1,
        "",
        "Level checked.",
        at(2026, 11, 22),
    );
    act(&mut ws, Action::Put(Record::LevelMove(by_hand))).unwrap();
    let before = ws.clone();
    let e = advance(
        &mut ws,
        c.id,
        CaseStatus::ApprovedExecutive,
        day(2026, 11, 21),
    )
    .unwrap_err();
    assert!(e.to_string().contains("level history"), "{e}");
    assert_eq!(ws, before);
    assert_eq!(fresh(&ws, c.id).status(), CaseStatus::ApprovedLeadership);
}

#[test]
fn not_yet_needs_its_data_points_and_reasons_and_becomes_a_plan() {
    let (mut ws, c) = felix_revealed();
    let not_yet = |reasons: &str, points: &[&str]| Action::NotYet {
        case_id: c.id,
        step: step(CaseStatus::NotYet, day(2026, 11, 21)),
        reasons: reasons.into(),
        data_points: points.iter().map(|p| p.to_string()).collect(),
    };
    let refused = fields(act(&mut ws, not_yet("Not across teams yet.", &["", "  "])));
    assert_eq!(refused[0].0, "data_points");
    let refused = fields(act(&mut ws, not_yet(" ", &["No budget owned"])));
    assert_eq!(refused[0].0, "reasons");
    assert_eq!(fresh(&ws, c.id).status(), CaseStatus::Debrief);
    act(
        &mut ws,
        not_yet(
            "Not across teams yet.",
            &["No budget owned", "", "No group strategy"],
        ),
    )
    .unwrap();
    let c = fresh(&ws, c.id);
    assert_eq!(c.status(), CaseStatus::NotYet);
    assert_eq!(c.reasons, "Not across teams yet.");
    let points: Vec<&str> = c.plan.iter().map(|g| g.data_point.as_str()).collect();
    assert_eq!(points, vec!["No budget owned", "No group strategy"]);
    assert!(c
        .plan
        .iter()
        .all(|g| g.owner_id == c.sponsor_id && g.owner_id.is_some()));
    assert_eq!(promotion::plan_gaps_unfinished(&c).len(), 2);
}

#[test]
fn the_plans_open_next_steps_become_follow_ups_until_a_1_1_has_them_or_they_are_done() {
    let (mut ws, c) = felix_revealed();
    act(
        &mut ws,
        Action::NotYet {
            case_id: c.id,
            step: step(CaseStatus::NotYet, day(2026, 11, 21)),
            reasons: "Not across teams yet.".into(),
            data_points: vec!["No budget owned".into(), "No group strategy".into()],
        },
    )
    .unwrap();
    let mut c = fresh(&ws, c.id);
    c.plan[0].next_step = "Own the warehouse budget".into();
    c.plan[1].next_step = "Write the group's strategy".into();
    act(&mut ws, Action::Put(Record::Promotion(c.clone()))).unwrap();
    // Felix in the next intake, where his 1:1s are.
    let cohort = ws.cohorts[1].id;
    let candidacy = enrol(&mut ws, cohort, c.person_id, 4.0);
    assert_eq!(
        promotion::plan_follow_ups(&ws, c.person_id, candidacy),
        vec![
            "Promotion plan: Own the warehouse budget".to_string(),
            "Promotion plan: Write the group's strategy".to_string()
        ]
    );
    let coach = ws.cohorts[1].coach_ids[0];
    act(
        &mut ws,
        Action::Put(Record::OneOnOne(OneOnOne {
            id: Id::nil(),
            candidate_id: candidacy,
            author_id: Some(coach),
            with_id: Some(coach),
            held_on: day(2026, 11, 22),
            agenda: "The plan".into(),
            questions: Vec::new(),
            goal: String::new(),
            notes: String::new(),
            follow_ups: vec![FollowUp {
                id: Id::nil(),
                text: "Promotion plan: Own the warehouse budget".into(),
                done_on: None,
            }],
            created_at: at(2026, 11, 22),
            updated_at: at(2026, 11, 22),
            merge_bases: Vec::new(),
        })),
    )
    .unwrap();
    assert_eq!(
        promotion::plan_follow_ups(&ws, c.person_id, candidacy),
        vec!["Promotion plan: Write the group's strategy".to_string()]
    );
    let mut c = fresh(&ws, c.id);
    c.plan[1].done_on = Some(day(2026, 11, 22));
    act(&mut ws, Action::Put(Record::Promotion(c.clone()))).unwrap();
    assert!(promotion::plan_follow_ups(&ws, c.person_id, candidacy).is_empty());
    // The sample's Marcus: one gap done, two open.
    let marcus = case_of(&ws, "Marcus Oyelaran");
    assert_eq!(
        marcus.plan.iter().filter(|g| g.done_on.is_none()).count(),
        2
    );
}

// ----- the Markdown package -----

/// Every heading of a CommonMark text: level and text, in order.
fn headings(md: &str) -> Vec<(u8, String)> {
    let mut out = Vec::new();
    let mut current: Option<(u8, String)> = None;
    for e in Parser::new(md) {
        match e {
            Event::Start(Tag::Heading { level, .. }) => {
                let n = match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    HeadingLevel::H3 => 3,
                    HeadingLevel::H4 => 4,
                    HeadingLevel::H5 => 5,
                    HeadingLevel::H6 => 6,
                };
                current = Some((n, String::new()));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, s)) = &mut current {
                    s.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => out.extend(current.take()),
            _ => {}
        }
    }
    out
}

/// All the text of a CommonMark text, as a reader sees it.
fn plain(md: &str) -> String {
    let mut out = String::new();
    for e in Parser::new(md) {
        match e {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => out.push('\n'),
            _ => {}
        }
    }
    out
}

fn package_md(ws: &Workspace, c: &PromotionCase, with_letters: bool) -> String {
    markdown::to_markdown(&markdown::package(ws, c, with_letters))
}

#[test]
fn the_markdown_package_has_its_headings_in_the_committees_order() {
    let ws = sample();
    let c = case_of(&ws, "Marcus Oyelaran");
    let d = promotion::document_of(&ws, c.id).unwrap();
    let h = headings(&package_md(&ws, &c, true));
    let mut expected: Vec<(u8, String)> = vec![
        (1, "Promotion package: Marcus Oyelaran, M2 → M3".into()),
        (2, "Steps".into()),
        (2, "Evidence summary".into()),
        (2, "The applicant's document".into()),
        (3, "Overview".into()),
    ];
    for (i, s) in document::SECTIONS.iter().enumerate() {
        expected.push((if s.group.is_some() { 4 } else { 3 }, s.title.into()));
        if i == document::PROJECTS_AFTER {
            assert_eq!(s.field, "alignment");
            expected.push((3, "Selected projects and initiatives".into()));
            for (n, p) in d.projects.iter().enumerate() {
                expected.push((4, format!("Project {}: {}", n + 1, p.title)));
                for t in [
                    "Overview",
                    "Roles and responsibilities",
                    "Results and impact",
                ] {
                    expected.push((5, t.into()));
                }
            }
        }
    }
    expected.push((2, "Recommendation letters".into()));
    let letters: Vec<&Letter> = promotion::letters_of(&ws, c.id)
        .into_iter()
        .filter(|l| l.kind != LetterKind::Sponsor)
        .collect();
    assert_eq!(letters.len(), 3);
    let at_letters = expected.len();
    expected.push((2, "The sponsor's letter".into()));
    expected.push((2, "Decision".into()));
    expected.push((3, "Reasons".into()));
    expected.push((3, "Plan to close the gaps".into()));
    // The letters' headings name kind and writer, in the slots' order.
    let mut got = h.clone();
    let letter_heads: Vec<(u8, String)> = got.drain(at_letters..at_letters + 3).collect();
    for ((level, text), l) in letter_heads.iter().zip(&letters) {
        assert_eq!(*level, 3);
        assert!(
            text.starts_with(&format!("{}: {}", l.kind.short(), l.writer)),
            "{text}"
        );
    }
    let kinds: Vec<LetterKind> = letters.iter().map(|l| l.kind).collect();
    assert_eq!(kinds, LetterKind::REQUIRED.to_vec());
    assert_eq!(got, expected);
}

#[test]
fn what_people_typed_never_becomes_markup() {
    let mut ws = sample();
    let c = case_of(&ws, "Marcus Oyelaran");
    let before = headings(&package_md(&ws, &c, true));
    let mut d = promotion::document_of(&ws, c.id).cloned().unwrap();
    d.technical = "First line\n# not a heading\n---\nAnother line\n===\n## also not\n1. not a list\n2) nor this\n<b>not html</b>\n***\n___".into();
    act(&mut ws, Action::Put(Record::PromotionDoc(d))).unwrap();
    let md = package_md(&ws, &c, true);
    assert_eq!(headings(&md), before, "{md}");
    let text = plain(&md);
    for line in [
        "# not a heading",
        "## also not",
        "<b>not html</b>",
        "1. not a list",
        "2) nor this",
        "---",
        "===",
        "***",
        "___",
    ] {
        assert!(
            text.lines().any(|l| l.trim() == line),
            "{line:?} should read as typed:\n{md}"
        );
    }
    assert!(!md.contains("<b>not html</b>"));
}

#[test]
fn a_package_without_letters_leaves_them_out() {
    let ws = sample();
    let c = case_of(&ws, "Marcus Oyelaran");
    let md = package_md(&ws, &c, false);
    let h: Vec<String> = headings(&md).into_iter().map(|(_, t)| t).collect();
    assert!(!h
        .iter()
        .any(|t| t == "Recommendation letters" || t == "The sponsor's letter"));
    assert!(h.iter().any(|t| t == "Decision"));
    for l in promotion::letters_of(&ws, c.id) {
        assert!(!md.contains(l.body.trim()), "{}", l.writer);
    }
    let with = package_md(&ws, &c, true);
    for l in promotion::letters_of(&ws, c.id) {
        assert!(plain(&with).contains(l.body.trim()), "{}", l.writer);
    }
}

// ----- deletes and merges -----

#[test]
fn deleting_the_applicant_takes_the_whole_package_with_them() {
    let mut ws = sample();
    let c = case_of(&ws, "Felix Wagner");
    let mut gone = vec![c.id];
    gone.extend(
        ws.promotion_documents
            .iter()
            .filter(|d| d.case_id == c.id)
            .map(|d| d.id),
    );
    gone.extend(
        ws.letters
            .iter()
            .filter(|l| l.case_id == c.id)
            .map(|l| l.id),
    );
    gone.extend(
        ws.debrief_reads
            .iter()
            .filter(|r| r.case_id == c.id)
            .map(|r| r.id),
    );
    assert_eq!(gone.len(), 1 + 1 + 4 + 1);
    act(&mut ws, Action::DeletePerson { id: c.person_id }).unwrap();
    let live = all_ids(&ws);
    for id in &gone {
        assert!(!live.contains(id));
        assert!(
            ws.deleted.iter().any(|t| t.id == *id),
            "{id} has no tombstone"
        );
    }
    assert_eq!(validate(&ws), vec![]);
    assert_eq!(ws.promotions.len(), 3);
}

#[test]
fn deleting_a_reader_takes_their_read_and_leaves_the_case() {
    let mut ws = sample();
    let c = case_of(&ws, "Marcus Oyelaran");
    let jonah = named(&ws, "Jonah Park");
    let his = ws
        .debrief_reads
        .iter()
        .find(|r| r.reader_id == jonah)
        .unwrap()
        .id;
    act(&mut ws, Action::DeletePerson { id: jonah }).unwrap();
    assert!(!ws.debrief_reads.iter().any(|r| r.id == his));
    assert!(ws.deleted.iter().any(|t| t.id == his));
    let after = fresh(&ws, c.id);
    assert!(!after.debrief.participants.contains(&jonah));
    assert!(after.plan.iter().all(|g| g.owner_id != Some(jonah)));
    assert_eq!(promotion::reads_of(&ws, c.id).len(), 2);
    assert_eq!(validate(&ws), vec![]);
}

#[test]
fn the_applicants_file_merges_back_and_keeps_what_it_left_out() {
    let mut sponsor = sample();
    let c = case_of(&sponsor, "Hana Sato");
    let mut noted = c.clone();
    noted.sponsor_lesson = "Ask for the outside letter first.".into();
    noted.debrief.notes = "Not yet discussed.".into();
    act(&mut sponsor, Action::Put(Record::Promotion(noted))).unwrap();
    mark_sent(&mut sponsor, None);
    let hana = c.person_id;
    let mut theirs = share(&sponsor, Audience::Applicant(c.id), Some(hana), false)
        .unwrap()
        .workspace;
    assert!(theirs.promotions[0].sponsor_lesson.is_empty());
    assert!(theirs.letters.is_empty());
    // Hana writes her summary and names the optional letter's writer.
    let mut d = promotion::document_of(&theirs, c.id).cloned().unwrap();
    d.summary = "A manager ready for two teams.".into();
    act(&mut theirs, Action::Put(Record::PromotionDoc(d))).unwrap();
    let mut mine = fresh(&theirs, c.id);
    mine.slots
        .iter_mut()
        .find(|s| s.kind == LetterKind::Optional)
        .unwrap()
        .writer = "Rosa Diaz".into();
    // (A day later than the sponsor's last save: a version is its time.)
    runway::logic::actions::apply(
        &mut theirs,
        Action::Put(Record::Promotion(mine)),
        at(2026, 11, 23),
        &mut uuid::Uuid::new_v4,
    )
    .unwrap();
    let (merged, report) = merge(&sponsor, &theirs, &Resolutions::new(), at(2026, 11, 24));
    assert!(report.conflicts.is_empty(), "{report:?}");
    assert_eq!(validate(&merged), vec![]);
    let back = fresh(&merged, c.id);
    assert_eq!(back.sponsor_lesson, "Ask for the outside letter first.");
    assert_eq!(back.debrief.notes, "Not yet discussed.");
    assert_eq!(slot(&back, LetterKind::Optional).writer, "Rosa Diaz");
    assert_eq!(
        promotion::document_of(&merged, c.id).unwrap().summary,
        "A manager ready for two teams."
    );
    // Nothing the file left out went: the letters and the other cases stay.
    assert_eq!(merged.letters, sponsor.letters);
    assert_eq!(merged.promotions.len(), sponsor.promotions.len());
    assert_eq!(merged.debrief_reads, sponsor.debrief_reads);
}

#[test]
fn a_step_or_a_letter_cannot_be_dated_ahead_of_today() {
    // `act` runs on 22 Nov 2026: a step three days later is refused at its day; tomorrow
    // passes (the person's today may be tomorrow in UTC).
    let mut ws = sample();
    let c = case_of(&ws, "Hana Sato");
    let refused = fields(advance(
        &mut ws,
        c.id,
        CaseStatus::Withdrawn,
        day(2026, 11, 25),
    ));
    assert_eq!(refused.len(), 1);
    assert_eq!(refused[0].0, "on");
    assert!(refused[0].1.contains("in the future"), "{refused:?}");
    assert_eq!(fresh(&ws, c.id).status(), CaseStatus::LettersRequested);
    // The sponsor's letter is written here; a writer's comes by file, dated by their clock.
    let sponsor = Letter {
        id: Id::nil(),
        case_id: c.id,
        slot_id: None,
        kind: LetterKind::Sponsor,
        writer: "Dana Whitfield".into(),
        role: String::new(),
        writer_id: c.sponsor_id,
        body: "Ahead of time.".into(),
        written_on: day(2026, 12, 5),
        created_at: at(2026, 11, 22),
        updated_at: at(2026, 11, 22),
        merge_bases: Vec::new(),
    };
    let refused = fields(act(&mut ws, Action::Put(Record::Letter(sponsor))));
    assert_eq!(refused[0].0, "written_on");
    advance(&mut ws, c.id, CaseStatus::Withdrawn, day(2026, 11, 23)).unwrap();
    assert_eq!(fresh(&ws, c.id).status(), CaseStatus::Withdrawn);
}

#[test]
fn the_sponsors_own_read_stays_home_until_the_reveal() {
    // The package goes out from the sponsor: their unrevealed read must not go with it, while
    // another member's file back carries that member's own read.
    let mut ws = sample();
    let c = case_of(&ws, "Felix Wagner");
    let sponsor = c.sponsor_id.unwrap();
    assert!(c.debrief.participants.contains(&sponsor));
    act(
        &mut ws,
        Action::Put(read(c.id, sponsor, "Ready for a group.")),
    )
    .unwrap();
    let out = share(&ws, Audience::Committee(c.id), Some(sponsor), false).unwrap();
    assert!(out
        .workspace
        .debrief_reads
        .iter()
        .all(|r| r.reader_id != sponsor));
    let other = c
        .debrief
        .participants
        .iter()
        .copied()
        .find(|p| {
            *p != sponsor
                && ws
                    .debrief_reads
                    .iter()
                    .any(|r| r.case_id == c.id && r.reader_id == *p)
        })
        .unwrap();
    let back = share(&ws, Audience::Committee(c.id), Some(other), false).unwrap();
    assert_eq!(back.workspace.debrief_reads.len(), 1);
    assert_eq!(back.workspace.debrief_reads[0].reader_id, other);
}
