//! Writes `tests/fixtures/workspace-v<SCHEMA_VERSION>.json`: the previous version's fixture
//! read (so migrated) by this build, plus records of what the new version brings, on fixed
//! dates and ids. Run once per schema version: `cargo run --example write_fixture`.
//! Fixtures of old versions are never rewritten: they stand for files people already have,
//! carried forward the way a real file is.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use runway::model::*;
use uuid::Uuid;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid day")
}

/// The people of the fixtures (the sample's first ids).
fn person(n: u128) -> Id {
    Uuid::from_u128(0x0000_0000_0000_4000_8000_0000_0000_0000 | n)
}

/// Schema 7: the organisation's values, and a promotion case decided "not yet" (every step,
/// letter slots, a revealed debrief, the plan), its document, a letter by file and a read.
fn add_v7(ws: &mut Workspace, now: DateTime<Utc>) {
    let id = |n: u128| Uuid::from_u128(0x7000 + n);
    let (dana, marcus, hana) = (person(1), person(2), person(3));
    let fw = runway::logic::track::readiness::track_framework(ws);
    let domain = fw.active_domains().next().map(|d| d.id);
    ws.values = vec!["Customers first".into(), "Own the outcome".into()];
    let steps = [
        (CaseStatus::Draft, day(2026, 6, 1), ""),
        (CaseStatus::LettersRequested, day(2026, 6, 8), ""),
        (CaseStatus::Ready, day(2026, 7, 20), ""),
        (CaseStatus::Submitted, day(2026, 7, 27), ""),
        (CaseStatus::Debrief, day(2026, 9, 7), ""),
        (
            CaseStatus::NotYet,
            day(2026, 9, 14),
            "Decided in the September debrief.",
        ),
    ];
    ws.promotions.push(PromotionCase {
        id: id(1),
        person_id: hana,
        from_level: TrackLevel::M1,
        to_level: TrackLevel::M2,
        sponsor_id: Some(dana),
        skip_level_reason: String::new(),
        eligible_on: Some(day(2026, 6, 1)),
        cycle: "2026 H2".into(),
        steps: steps
            .iter()
            .map(|(status, on, note)| CaseStep {
                status: *status,
                on: *on,
                by: Some(dana),
                note: (*note).into(),
            })
            .collect(),
        slots: vec![LetterSlot {
            id: id(2),
            kind: LetterKind::SeniorEngineer,
            writer: "Tomás Ferreira".into(),
            role: "Staff software engineer, Routing".into(),
            speaks_to: "How she leads the team's technical work.".into(),
            requested_on: Some(day(2026, 6, 8)),
            due_on: Some(day(2026, 6, 22)),
        }],
        debrief: Debrief {
            on: Some(day(2026, 9, 7)),
            participants: vec![dana, marcus],
            revealed: true,
            revealed_at: Some(Utc.with_ymd_and_hms(2026, 9, 7, 15, 0, 0).unwrap()),
            notes: "Strong on people, thin on delivery across teams.".into(),
        },
        reasons: "Ready in people; the committee wants one more cross-team delivery.".into(),
        plan: vec![PlanGap {
            id: id(3),
            data_point: "No delivery across teams yet".into(),
            domain_id: domain,
            owner_id: Some(dana),
            next_step: "Lead the carrier switch with Maps".into(),
            cycle: "2027 H1".into(),
            done_on: Some(day(2026, 11, 2)),
        }],
        sponsor_lesson: "Ask for the cross-team example early.".into(),
        created_at: now,
        updated_at: now,
        merge_bases: Vec::new(),
    });
    ws.promotion_documents.push(PromotionDocument {
        id: id(4),
        case_id: id(1),
        background: "Engineer on Routing from 2021, its manager since 2023.".into(),
        intent: "I want to lead Routing and Maps.".into(),
        alignment: "People\n- 4 Feb 2026: Grew Ravi into the on-call lead.".into(),
        projects: vec![DocProject {
            id: id(5),
            title: "Scheduler migration".into(),
            overview: "The routing jobs ran on a scheduler nobody could change.".into(),
            roles: "I led the plan; Tomás led the design.".into(),
            results: "Moved without an outage.".into(),
            assignment_id: None,
        }],
        technical: String::new(),
        mentoring: "Mentored two new grads and an intern.".into(),
        mentees: vec![
            Mentee {
                name: "Ingrid Novak".into(),
                kind: MenteeKind::NewGrad,
            },
            Mentee {
                name: "Noor Ali".into(),
                kind: MenteeKind::Intern,
            },
        ],
        scope: "Routing (6 engineers).".into(),
        cross_functional: String::new(),
        values: "Customers first: the carrier switch.".into(),
        summary: String::new(),
        created_at: now,
        updated_at: now,
        merge_bases: Vec::new(),
    });
    ws.letters.push(Letter {
        id: id(6),
        case_id: id(1),
        slot_id: Some(id(2)),
        kind: LetterKind::SeniorEngineer,
        writer: "Tomás Ferreira".into(),
        role: "Staff software engineer, Routing".into(),
        writer_id: None,
        body: "Hana reads every design that touches the carriers.".into(),
        written_on: day(2026, 6, 18),
        created_at: now,
        updated_at: now,
        merge_bases: Vec::new(),
    });
    ws.debrief_reads.push(DebriefRead {
        id: id(7),
        case_id: id(1),
        reader_id: marcus,
        verdict: ReadVerdict::NotYet,
        why: "No cross-team delivery in the package yet.".into(),
        created_at: now,
        updated_at: now,
        merge_bases: Vec::new(),
    });
}

fn main() {
    let version = runway::file::SCHEMA_VERSION;
    let path = format!("tests/fixtures/workspace-v{version}.json");
    if std::path::Path::new(&path).exists() {
        eprintln!("{path} exists; fixtures are never rewritten");
        std::process::exit(1);
    }
    let previous = format!("tests/fixtures/workspace-v{}.json", version - 1);
    let bytes = match std::fs::read(&previous) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("could not read {previous}: {e}");
            std::process::exit(1);
        }
    };
    let mut ws = match runway::file::decode(&bytes) {
        Ok(d) => d.workspace,
        Err(e) => {
            eprintln!("{previous} does not read: {e}");
            std::process::exit(1);
        }
    };
    let now = Utc
        .with_ymd_and_hms(2026, 11, 21, 9, 30, 0)
        .single()
        .expect("a valid time");
    match version {
        7 => add_v7(&mut ws, now),
        _ => {
            eprintln!("write what schema {version} adds in add_v{version} first");
            std::process::exit(1);
        }
    }
    let problems = runway::logic::validate(&ws);
    if !problems.is_empty() {
        eprintln!("the fixture breaks the rules: {problems:?}");
        std::process::exit(1);
    }
    if let Err(e) = std::fs::write(&path, runway::file::encode_pretty(&ws, now)) {
        eprintln!("could not write {path}: {e}");
        std::process::exit(1);
    }
    println!("wrote {path}");
}
