//! The sample program a newcomer loads to see Runway working, and a large generated workspace
//! for the benchmark. Both are built through [`apply`], so they obey every rule an edit does.
//! The people and the organisation are invented.

mod evaluation;
mod journey;
mod promotion;
mod track;

use chrono::{Datelike, Days};

use crate::logic::actions::{apply, Action, CandidateFields, CohortFields, PersonFields};
use crate::logic::program::phases::monday_on_or_before;
use crate::model::{CandidateStatus, Date, Id, Timestamp, TrackLevel, Workspace};

pub(super) struct Builder<'a> {
    pub(super) ws: Workspace,
    now: Timestamp,
    new_id: &'a mut dyn FnMut() -> Id,
}

impl Builder<'_> {
    pub(super) fn act(&mut self, action: Action) -> Id {
        // Built from constants that satisfy every rule; a refusal here is a bug in this file,
        // and the tests below load the sample, so it cannot reach a user.
        match apply(&mut self.ws, action, self.now, self.new_id) {
            Ok(Some(id)) => id,
            Ok(None) => Id::nil(),
            Err(e) => panic!("sample program is invalid: {e}"),
        }
    }

    fn person(
        &mut self,
        name: &str,
        team: &str,
        role: &str,
        level: TrackLevel,
        joined: Date,
    ) -> Id {
        let email = format!(
            "{}@northwind.example",
            name.to_lowercase().replace(' ', ".").replace('\'', "")
        );
        self.act(Action::AddPerson(PersonFields {
            name: name.into(),
            email: Some(email),
            team: team.into(),
            role_title: role.into(),
            level: Some(level),
            joined_on: Some(joined),
            left_on: None,
        }))
    }
}

fn ymd(y: i32, m: u32, d: u32) -> Date {
    Date::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// A realistic composite program: an organisation, a sponsor, a coach, three candidates in a
/// cohort that started six weeks before `today` (so it is in its Shadow phase), and the
/// engineers around them.
pub fn sample_program(today: Date, now: Timestamp, new_id: &mut dyn FnMut() -> Id) -> Workspace {
    let mut b = Builder {
        ws: Workspace {
            organisation: "Northwind Logistics".into(),
            ..Workspace::default()
        },
        now,
        new_id,
    };
    use TrackLevel::*;
    let sponsor = b.person(
        "Dana Whitfield",
        "Engineering leadership",
        "VP Engineering",
        M2,
        ymd(2019, 4, 1),
    );
    let coach = b.person(
        "Marcus Oyelaran",
        "Fulfilment",
        "Senior Engineering Manager",
        M2,
        ymd(2020, 9, 14),
    );
    b.person(
        "Hana Sato",
        "Routing",
        "Engineering Manager",
        IC3,
        ymd(2021, 2, 1),
    );
    let priya = b.person(
        "Priya Raman",
        "Fulfilment",
        "Senior Software Engineer",
        IC3,
        ymd(2021, 6, 7),
    );
    let tom = b.person(
        "Tomás Ferreira",
        "Routing",
        "Staff Software Engineer",
        IC4,
        ymd(2020, 1, 13),
    );
    let aisha = b.person(
        "Aisha Bello",
        "Warehouse Systems",
        "Senior Software Engineer",
        IC3,
        ymd(2022, 3, 21),
    );
    let lee = b.person(
        "Lee Chen",
        "Warehouse Systems",
        "Software Engineer",
        IC2,
        ymd(2023, 8, 28),
    );
    for (name, team, role, level, joined) in [
        (
            "Sofia Lindqvist",
            "Fulfilment",
            "Software Engineer",
            IC2,
            ymd(2024, 1, 8),
        ),
        (
            "Kwame Mensah",
            "Fulfilment",
            "Senior Software Engineer",
            IC3,
            ymd(2021, 11, 15),
        ),
        (
            "Ingrid Novak",
            "Routing",
            "Software Engineer",
            IC2,
            ymd(2023, 5, 2),
        ),
        (
            "Ravi Kulkarni",
            "Routing",
            "Senior Software Engineer",
            IC3,
            ymd(2022, 7, 18),
        ),
        (
            "Emma Dubois",
            "Warehouse Systems",
            "Software Engineer",
            IC1,
            ymd(2025, 9, 1),
        ),
        (
            "Jonah Park",
            "Platform",
            "Staff Software Engineer",
            IC4,
            ymd(2019, 10, 7),
        ),
    ] {
        b.person(name, team, role, level, joined);
    }

    let start = monday_on_or_before(today.checked_sub_days(Days::new(42)).unwrap_or(today));
    let quarter = (start.month() - 1) / 3 + 1;
    let cohort = b.act(Action::AddCohort(CohortFields {
        name: format!("MiT {} Q{quarter}", start.year()),
        sponsor_id: Some(sponsor),
        coach_ids: vec![coach],
        starts_on: start,
        template: Default::default(),
    }));
    let mut cands = Vec::new();
    for (person, status, hours) in [
        (priya, CandidateStatus::InProgram, 8.0),
        (tom, CandidateStatus::InProgram, 6.0),
        (aisha, CandidateStatus::InProgram, 8.0),
        (lee, CandidateStatus::Nominated, 0.0),
    ] {
        cands.push(b.act(Action::AddCandidate {
            cohort_id: cohort,
            person_id: person,
            fields: CandidateFields {
                status,
                protected_hours_per_week: hours,
            },
        }));
    }
    let named = |ws: &Workspace, name: &str| {
        ws.people
            .iter()
            .find(|p| p.name == name)
            .map_or(Id::nil(), |p| p.id)
    };
    let hana = named(&b.ws, "Hana Sato");
    let kwame = named(&b.ws, "Kwame Mensah");
    let ravi = named(&b.ws, "Ravi Kulkarni");
    let cast = journey::Cast {
        today,
        start,
        cohort,
        sponsor,
        coach,
        hana,
        priya: cands[0],
        tom: cands[1],
        aisha: cands[2],
        lee: cands[3],
        kwame,
        ravi,
    };
    journey::add(&mut b, cast);
    evaluation::add(&mut b, cast);
    track::add(&mut b, cast);
    promotion::add(&mut b, cast);
    b.ws
}

/// A large workspace for the benchmark: `people` people, `cohorts` cohorts and `candidates`
/// candidates spread over them (capped so nobody is enrolled twice in one cohort).
pub fn large_workspace(
    people: usize,
    cohorts: usize,
    candidates: usize,
    today: Date,
    now: Timestamp,
    new_id: &mut dyn FnMut() -> Id,
) -> Workspace {
    let mut b = Builder {
        ws: Workspace {
            organisation: "Benchmark Corp".into(),
            ..Workspace::default()
        },
        now,
        new_id,
    };
    let teams = [
        "Payments",
        "Search",
        "Mobile",
        "Platform",
        "Data",
        "Growth",
        "Identity",
        "Support Tools",
    ];
    let person_ids: Vec<Id> = (0..people)
        .map(|i| {
            let level = TrackLevel::ALL[i % TrackLevel::ALL.len()];
            let joined = today
                .checked_sub_days(Days::new((i % 3000) as u64))
                .unwrap_or(today);
            b.person(
                &format!("Person {i:05}"),
                teams[i % teams.len()],
                "Engineer",
                level,
                joined,
            )
        })
        .collect();
    if person_ids.is_empty() {
        return b.ws;
    }
    // Sponsors and coaches come from the last ten people, candidates from the others, so nobody
    // leads a cohort they are a candidate in.
    let leaders = if person_ids.len() > 20 { 10 } else { 0 };
    let pool = &person_ids[..person_ids.len() - leaders];
    let cohort_ids: Vec<Id> = (0..cohorts)
        .map(|i| {
            let start = today
                .checked_sub_days(Days::new((i * 14) as u64))
                .unwrap_or(today);
            let lead = |k: usize| person_ids[person_ids.len() - leaders + (i + k) % leaders.max(1)];
            b.act(Action::AddCohort(CohortFields {
                name: format!("Cohort {i:03}"),
                sponsor_id: (leaders > 0).then(|| lead(0)),
                coach_ids: if leaders > 0 { vec![lead(1)] } else { vec![] },
                starts_on: start,
                template: Default::default(),
            }))
        })
        .collect();
    if cohort_ids.is_empty() || pool.is_empty() {
        return b.ws;
    }
    // The k-th candidate of a cohort is a different person for every k, so nobody is enrolled
    // twice in one cohort.
    let cap = candidates.min(pool.len() * cohort_ids.len());
    for i in 0..cap {
        let (c, k) = (i % cohort_ids.len(), i / cohort_ids.len());
        b.act(Action::AddCandidate {
            cohort_id: cohort_ids[c],
            person_id: pool[(c * 37 + k) % pool.len()],
            fields: CandidateFields {
                status: CandidateStatus::ALL[i % CandidateStatus::ALL.len()],
                protected_hours_per_week: (i % 10) as f32,
            },
        });
    }
    b.ws
}

/// Adds `per_candidate` journey records to every candidate of a workspace (activities, journal
/// entries, 1:1s with follow-ups, evidence items, team health checks, micro-assignments in
/// turn), for the benchmark.
pub fn add_journey_load(
    ws: Workspace,
    per_candidate: usize,
    today: Date,
    now: Timestamp,
    new_id: &mut dyn FnMut() -> Id,
) -> Workspace {
    use crate::logic::records::Record;
    use crate::model::{
        Activity, ActivityKind, Evidence, EvidenceKind, FollowUp, HealthCheck, HealthDimension,
        HealthScore, JournalEntry, MicroAssignment, MicroAssignmentStatus, OneOnOne, Visibility,
    };
    let domains: Vec<Id> = crate::logic::evaluation::frameworks::builtin()
        .first()
        .map(|f| f.domains.iter().map(|d| d.id).collect())
        .unwrap_or_default();
    let mut b = Builder { ws, now, new_id };
    let candidates: Vec<Id> = b.ws.candidates.iter().map(|c| c.id).collect();
    let t0 = Timestamp::UNIX_EPOCH;
    let text = "A realistic paragraph of notes: what was discussed, what was agreed, and what \
                comes next, written the way a coach or candidate would jot it down after.";
    for (n, cand) in candidates.into_iter().enumerate() {
        for k in 0..per_candidate {
            let on = today
                .checked_sub_days(Days::new(((n + k * 7) % 180) as u64))
                .unwrap_or(today);
            let record = match k % 6 {
                0 => Record::Activity(Activity {
                    id: Id::nil(),
                    candidate_id: cand,
                    group: Vec::new(),
                    kind: ActivityKind::ALL[k % ActivityKind::ALL.len()],
                    title: format!("Session {k}"),
                    on,
                    at: None,
                    minutes: 60,
                    done: true,
                    with: Vec::new(),
                    notes: text.into(),
                    noticed: String::new(),
                    differently: String::new(),
                    assignment_id: None,
                    journal_ids: Vec::new(),
                    created_at: t0,
                    updated_at: t0,
                    merge_bases: Vec::new(),
                }),
                1 => Record::JournalEntry(JournalEntry {
                    id: Id::nil(),
                    candidate_id: cand,
                    author_id: None,
                    on,
                    title: format!("Entry {k}"),
                    body: text.into(),
                    tags: vec!["feedback".into()],
                    visibility: Visibility::Coach,
                    created_at: t0,
                    updated_at: t0,
                    merge_bases: Vec::new(),
                }),
                2 => Record::OneOnOne(OneOnOne {
                    id: Id::nil(),
                    candidate_id: cand,
                    author_id: None,
                    with_id: None,
                    held_on: on,
                    agenda: text.into(),
                    questions: vec!["What went well?".into(), "What was hard?".into()],
                    goal: "Ask before telling".into(),
                    notes: String::new(),
                    follow_ups: vec![FollowUp {
                        id: Id::nil(),
                        text: "Follow up on the plan".into(),
                        done_on: None,
                    }],
                    created_at: t0,
                    updated_at: t0,
                    merge_bases: Vec::new(),
                }),
                4 => Record::Evidence(Evidence {
                    id: Id::nil(),
                    candidate_id: cand,
                    kind: EvidenceKind::Note,
                    source_id: None,
                    on: Some(on),
                    domain_ids: domains.iter().copied().skip(k % 5).take(2).collect(),
                    note: text.into(),
                    link: String::new(),
                    created_at: t0,
                    updated_at: t0,
                    merge_bases: Vec::new(),
                }),
                5 => Record::HealthCheck(HealthCheck {
                    id: Id::nil(),
                    candidate_id: cand,
                    on,
                    team: "Team".into(),
                    scores: HealthDimension::ALL
                        .iter()
                        .map(|d| HealthScore {
                            dimension: *d,
                            score: 3.0,
                        })
                        .collect(),
                    answered: Some(6),
                    note: String::new(),
                    tally: None,
                    created_at: t0,
                    updated_at: t0,
                    merge_bases: Vec::new(),
                }),
                _ => Record::Assignment(MicroAssignment {
                    id: Id::nil(),
                    candidate_id: cand,
                    title: format!("Assignment {k}"),
                    objective: text.into(),
                    scope: String::new(),
                    stakeholders: String::new(),
                    success_criteria: String::new(),
                    starts_on: on,
                    ends_on: on,
                    handoff: String::new(),
                    status: MicroAssignmentStatus::Done,
                    outcome: String::new(),
                    metric: None,
                    created_at: t0,
                    updated_at: t0,
                    merge_bases: Vec::new(),
                }),
            };
            b.act(Action::Put(record));
        }
    }
    b.ws
}
