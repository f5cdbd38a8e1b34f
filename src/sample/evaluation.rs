//! The evaluation part of the sample program: evidence, assessments by coach, sponsor and the
//! candidates themselves, a baseline and a monthly calibration, this month's ratings still
//! blind, a 360 round and team health checks. Invented content, written for Runway.

use chrono::{Datelike, Days};

use super::journey::Cast;
use super::Builder;
use crate::logic::evaluation::frameworks::{builtin, MIT_RUBRIC};
use crate::logic::records::Record;
use crate::model::{
    Answer360, Assessment, Calibrated, Calibration, Date, Evidence, EvidenceKind, FeedbackGroup,
    FeedbackRound, HealthCheck, HealthDimension, HealthScore, Id, Question, RaterRole, Rating,
    Response360, Timestamp, Visibility,
};

const NIL: Id = Id::nil();
const T0: Timestamp = Timestamp::UNIX_EPOCH;

fn at(day: Date, offset: u64) -> Date {
    day.checked_add_days(Days::new(offset)).unwrap_or(day)
}

fn back(day: Date, offset: u64) -> Date {
    day.checked_sub_days(Days::new(offset)).unwrap_or(day)
}

/// Levels 0 = Developing, 1 = Competent, 2 = Ready for the five MiT domains, in order.
type Levels = [u8; 5];

pub(super) fn add(b: &mut Builder, c: Cast) {
    let Some(rubric) = builtin().into_iter().find(|f| f.id == MIT_RUBRIC) else {
        return;
    };
    let domains: Vec<Id> = rubric.domains.iter().map(|d| d.id).collect();
    let levels: Vec<Id> = rubric.levels.iter().map(|l| l.id).collect();
    let d = |i: usize| domains[i.min(domains.len() - 1)];
    let s = c.start;
    // The calendar of calibration: a baseline session at the end of the month before last, the
    // monthly session at the end of last month (with the raters' assessments three days
    // before it), and this month's ratings still blind, waiting for this month's session, which
    // the coach has not started yet (so the reminder shows).
    let month_end_before = |day: Date| back(day.with_day(1).unwrap_or(day), 1);
    let monthly = month_end_before(c.today);
    let baseline_session = month_end_before(monthly);
    let pre = back(monthly, 3);
    // Evidence that backs a Ready is dated before the ratings that rely on it.
    let cut = back(pre, 1);
    let (priya, tom, aisha) = (c.priya, c.tom, c.aisha);

    // Evidence first: a top-level rating needs it.
    let first_of = |b: &Builder, cand: Id, kind: EvidenceKind| -> Option<(Id, Date)> {
        let ws = &b.ws;
        match kind {
            EvidenceKind::Activity => ws
                .activities
                .iter()
                .find(|a| a.involves(cand) && a.done)
                .map(|a| (a.id, a.on)),
            EvidenceKind::MicroAssignment => ws
                .assignments
                .iter()
                .find(|a| a.candidate_id == cand)
                .map(|a| (a.id, a.ends_on.min(c.today))),
            EvidenceKind::OneOnOne => ws
                .one_on_ones
                .iter()
                .find(|a| a.candidate_id == cand)
                .map(|a| (a.id, a.held_on)),
            EvidenceKind::Journal => ws
                .journal
                .iter()
                .find(|j| j.candidate_id == cand && j.visibility == Visibility::Sponsor)
                .map(|j| (j.id, j.on)),
            _ => None,
        }
    };
    let evidence = |b: &mut Builder,
                    cand: Id,
                    kind: EvidenceKind,
                    on: Date,
                    doms: &[usize],
                    note: &str,
                    link: &str| {
        let source = first_of(b, cand, kind);
        let on = source.map_or(on, |(_, day)| day.min(on)).min(cut);
        b.act(crate::logic::Action::Put(Record::Evidence(Evidence {
            id: NIL,
            candidate_id: cand,
            kind: if source.is_some() {
                kind
            } else {
                EvidenceKind::Note
            },
            source_id: source.map(|(id, _)| id),
            on: Some(on),
            domain_ids: doms.iter().map(|i| d(*i)).collect(),
            note: note.into(),
            link: link.into(),
            created_at: T0,
            updated_at: T0,
            merge_bases: Vec::new(),
        })));
    };
    evidence(
        b,
        priya,
        EvidenceKind::Activity,
        at(s, 14),
        &[0, 3],
        "Debriefed the team retro she shadowed: named the two voices that were missing.",
        "",
    );
    evidence(
        b,
        priya,
        EvidenceKind::MicroAssignment,
        at(s, 28),
        &[2, 4],
        "On-call rotation redesign: trade-offs written up and agreed with both teams.",
        "https://wiki.example.com/fulfilment/on-call-2",
    );
    evidence(
        b,
        priya,
        EvidenceKind::OneOnOne,
        at(s, 28),
        &[1],
        "Set a coaching goal with Lee and checked it two weeks later.",
        "",
    );
    evidence(
        b,
        priya,
        EvidenceKind::Journal,
        at(s, 30),
        &[3],
        "Noticed the quietest person held the key point, and made room for them.",
        "",
    );
    evidence(
        b,
        priya,
        EvidenceKind::Note,
        at(s, 29),
        &[0],
        "Her planning summary was forwarded by product as the record of the decision.",
        "",
    );
    evidence(
        b,
        tom,
        EvidenceKind::MicroAssignment,
        at(s, 28),
        &[2, 4],
        "Deploy-failure retro: three actions, failures halved in a month.",
        "",
    );
    evidence(
        b,
        tom,
        EvidenceKind::Note,
        at(s, 20),
        &[0],
        "Explained the routing change to support in their terms; no follow-up questions.",
        "",
    );
    evidence(
        b,
        aisha,
        EvidenceKind::Note,
        at(s, 25),
        &[3],
        "Spotted a teammate's overload during an incident week and rebalanced the rota.",
        "",
    );

    let ratings = |lv: Levels, comments: [&str; 5]| -> Vec<Rating> {
        (0..5)
            .map(|i| Rating {
                domain_id: d(i),
                level_id: levels.get(lv[i] as usize).copied(),
                comment: comments[i].into(),
            })
            .collect()
    };
    let person_of = |b: &Builder, cand: Id| b.ws.candidate(cand).map_or(NIL, |k| k.person_id);
    let assess = |b: &mut Builder,
                  cand: Id,
                  rater: Id,
                  role: RaterRole,
                  on: Date,
                  lv: Levels,
                  comments: [&str; 5]| {
        b.act(crate::logic::Action::Put(Record::Assessment(Assessment {
            id: NIL,
            candidate_id: cand,
            framework_id: MIT_RUBRIC,
            on,
            rater_id: rater,
            role,
            ratings: ratings(lv, comments),
            created_at: T0,
            updated_at: T0,
            merge_bases: Vec::new(),
        })));
    };
    const NONE: [&str; 5] = ["", "", "", "", ""];

    let baseline = back(baseline_session, 1);
    for cand in [c.priya, c.tom, c.aisha] {
        assess(
            b,
            cand,
            c.coach,
            RaterRole::Coach,
            baseline,
            [0, 0, 1, 0, 1],
            NONE,
        );
    }
    let base_outcomes: Vec<Calibrated> = [
        (priya, [0, 0, 1, 0, 1]),
        (tom, [0, 0, 1, 0, 1]),
        (aisha, [0, 0, 0, 1, 0]),
    ]
    .into_iter()
    .flat_map(|(cand, lv): (Id, Levels)| (0..5).map(move |i| (cand, i, lv[i])))
    .map(|(cand, i, l)| Calibrated {
        candidate_id: cand,
        domain_id: d(i),
        level_id: levels[l as usize],
        rationale: "Baseline at the start of the program.".into(),
    })
    .collect();
    b.act(crate::logic::Action::Put(Record::Calibration(
        Calibration {
            id: NIL,
            cohort_id: c.cohort,
            framework_id: MIT_RUBRIC,
            on: baseline_session,
            revealed: true,
            revealed_at: None,
            participants: vec![c.coach, c.sponsor],
            outcomes: base_outcomes,
            notes: "Baseline: where each candidate starts.".into(),
            created_at: T0,
            updated_at: T0,
            merge_bases: Vec::new(),
        },
    )));

    assess(
        b,
        priya,
        c.coach,
        RaterRole::Coach,
        pre,
        [2, 1, 1, 1, 1],
        [
            "Her summaries are what product forwards.",
            "Feedback is specific; follow-through is new.",
            "",
            "",
            "",
        ],
    );
    assess(
        b,
        priya,
        c.sponsor,
        RaterRole::Sponsor,
        pre,
        [2, 1, 2, 1, 1],
        [
            "",
            "",
            "The on-call redesign was a real trade-off, well argued.",
            "",
            "",
        ],
    );
    assess(
        b,
        priya,
        person_of(b, priya),
        RaterRole::SelfRating,
        pre,
        [1, 0, 1, 1, 1],
        ["", "I still give feedback only when asked.", "", "", ""],
    );
    assess(
        b,
        tom,
        c.coach,
        RaterRole::Coach,
        pre,
        [1, 1, 2, 0, 1],
        [
            "",
            "",
            "Retro actions halved deploy failures.",
            "Steps around tension.",
            "",
        ],
    );
    assess(
        b,
        tom,
        c.sponsor,
        RaterRole::Sponsor,
        pre,
        [1, 0, 2, 0, 2],
        NONE,
    );
    assess(
        b,
        aisha,
        c.coach,
        RaterRole::Coach,
        pre,
        [1, 1, 0, 1, 0],
        NONE,
    );
    assess(
        b,
        aisha,
        c.hana,
        RaterRole::Peer,
        pre,
        [1, 1, 0, 1, 1],
        NONE,
    );

    let outcomes: Vec<Calibrated> = [
        (
            priya,
            [2, 1, 1, 1, 1],
            "Two strong pieces of evidence; sponsor and coach agree.",
        ),
        (
            tom,
            [1, 0, 2, 0, 1],
            "Delivery is Ready on the retro results; team health lags.",
        ),
        (
            aisha,
            [1, 1, 0, 1, 0],
            "Steady; execution needs a micro-assignment next.",
        ),
    ]
    .into_iter()
    .flat_map(|(cand, lv, why): (Id, Levels, &str)| (0..5).map(move |i| (cand, i, lv[i], why)))
    .map(|(cand, i, l, why)| Calibrated {
        candidate_id: cand,
        domain_id: d(i),
        level_id: levels[l as usize],
        rationale: why.into(),
    })
    .collect();
    b.act(crate::logic::Action::Put(Record::Calibration(
        Calibration {
            id: NIL,
            cohort_id: c.cohort,
            framework_id: MIT_RUBRIC,
            on: monthly,
            revealed: true,
            revealed_at: None,
            participants: vec![c.coach, c.sponsor, c.hana],
            outcomes,
            notes: "Tom's sponsor rated him a level higher in two domains: talked it through."
                .into(),
            created_at: T0,
            updated_at: T0,
            merge_bases: Vec::new(),
        },
    )));

    // This month's ratings, still blind until the next session.
    let recent = back(c.today, 2).max(at(monthly, 1));
    assess(
        b,
        priya,
        c.coach,
        RaterRole::Coach,
        recent,
        [2, 1, 2, 1, 1],
        NONE,
    );
    assess(
        b,
        priya,
        c.sponsor,
        RaterRole::Sponsor,
        back(c.today, 1).max(at(monthly, 1)),
        [2, 2, 2, 1, 1],
        NONE,
    );

    // A 360 round for Priya: four peers and three people from the team she co-leads.
    let questions: Vec<Question> = [
        "Listens fully before deciding",
        "Makes it clear what is expected of me",
        "Helps me grow",
        "Does what they said they would",
        "Treats everyone fairly",
    ]
    .into_iter()
    .enumerate()
    .map(|(i, q)| Question {
        id: Id::from_u128(0x360_0000 + i as u128),
        text: q.into(),
    })
    .collect();
    let response = |n: u128, group: FeedbackGroup, scores: [u8; 5], comment: &str| Response360 {
        id: Id::from_u128(0x360_1000 + n),
        group,
        answers: questions
            .iter()
            .zip(scores)
            .map(|(q, s)| Answer360 {
                question_id: q.id,
                score: Some(s),
            })
            .collect(),
        comment: comment.into(),
    };
    let responses = vec![
        response(
            1,
            FeedbackGroup::Peer,
            [5, 4, 4, 5, 5],
            "Runs the calmest planning sessions I have been in.",
        ),
        response(2, FeedbackGroup::Peer, [4, 4, 3, 5, 4], ""),
        response(
            3,
            FeedbackGroup::Peer,
            [4, 3, 4, 4, 5],
            "Could share decisions in writing sooner.",
        ),
        response(4, FeedbackGroup::Peer, [5, 4, 4, 4, 4], ""),
        response(
            5,
            FeedbackGroup::DirectReport,
            [4, 4, 5, 4, 5],
            "Asked me what I want to learn and meant it.",
        ),
        response(6, FeedbackGroup::DirectReport, [3, 3, 4, 4, 4], ""),
        response(
            7,
            FeedbackGroup::DirectReport,
            [4, 5, 4, 3, 4],
            "Clear about priorities even in a busy week.",
        ),
    ];
    b.act(crate::logic::Action::Put(Record::FeedbackRound(
        FeedbackRound {
            id: NIL,
            candidate_id: priya,
            title: "Mid-program 360".into(),
            opened_on: at(s, 21),
            questions,
            responses,
            aggregates: Vec::new(),
            created_at: T0,
            updated_at: T0,
            merge_bases: Vec::new(),
        },
    )));

    // Health checks of the on-call squad Priya co-leads, every two weeks.
    for (k, scores, note) in [
        (0u64, [3u8, 2, 2, 3, 4], "Rota pain is the main topic."),
        (1, [4, 3, 2, 3, 4], "New rota agreed; workload still heavy."),
        (2, [4, 4, 3, 4, 4], "First quiet week on call."),
    ] {
        let on = at(s, 14 + 14 * k).min(c.today);
        b.act(crate::logic::Action::Put(Record::HealthCheck(
            HealthCheck {
                id: NIL,
                candidate_id: priya,
                on,
                team: "Fulfilment on-call squad".into(),
                scores: HealthDimension::ALL
                    .iter()
                    .zip(scores)
                    .map(|(dim, score)| HealthScore {
                        dimension: *dim,
                        score: f32::from(score),
                    })
                    .collect(),
                answered: Some(5),
                note: note.into(),
                tally: None,
                created_at: T0,
                updated_at: T0,
                merge_bases: Vec::new(),
            },
        )));
    }
}
