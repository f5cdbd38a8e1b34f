//! The sample's management track: histories over years for the managers (M1, M2 and M3), an
//! engineer who tried managing and went back, a new manager in a trial, training ledgers (one
//! manager behind on hours, one with none), and evidence against next-level outcomes. The
//! bench is out of its healthy shape on purpose: too few M1s for the M3s above them.

use chrono::Days;

use super::journey::Cast;
use super::{ymd, Builder};
use crate::content::frameworks::MANAGEMENT_TRACK;
use crate::logic::actions::Action;
use crate::logic::evaluation::frameworks::find;
use crate::logic::records::Record;
use crate::logic::track::readiness::framework_level;
use crate::logic::track::trials;
use crate::model::*;

fn ago(today: Date, days: u64) -> Date {
    today.checked_sub_days(Days::new(days)).unwrap_or(today)
}

fn step(
    b: &mut Builder,
    person_id: Id,
    on: Date,
    kind: MoveKind,
    level: TrackLevel,
    team: &str,
    note: &str,
) {
    let m = LevelMove::new(person_id, on, kind, level, team, note, Timestamp::default());
    b.act(Action::Put(Record::LevelMove(m)));
}

fn train(b: &mut Builder, person_id: Id, on: Date, kind: TrainingKind, hours: f32, topic: &str) {
    b.act(Action::Put(Record::Training(TrainingEntry {
        id: Id::nil(),
        person_id,
        on,
        kind,
        hours,
        topic: topic.into(),
        created_at: Timestamp::default(),
        updated_at: Timestamp::default(),
        merge_bases: Vec::new(),
    })));
}

fn named(b: &Builder, name: &str) -> Id {
    b.ws.people
        .iter()
        .find(|p| p.name == name)
        .map_or(Id::nil(), |p| p.id)
}

pub(super) fn add(b: &mut Builder, c: Cast) {
    use TrackLevel::*;
    let today = c.today;
    // Dana came in as a senior manager and became head of engineering.
    step(
        b,
        c.sponsor,
        ymd(2022, 1, 10),
        MoveKind::Promoted,
        M3,
        "Engineering leadership",
        "Took over the whole engineering group after the reorganisation.",
    );
    // Hana moved across from engineering after a trial.
    step(
        b,
        c.hana,
        ymd(2022, 9, 5),
        MoveKind::TrialStarted,
        M1,
        "Routing",
        "",
    );
    step(
        b,
        c.hana,
        ymd(2023, 3, 6),
        MoveKind::TrialConfirmed,
        M1,
        "",
        "Six months in: the team's health held and delivery stayed steady.",
    );
    // Two more managers, hired and grown here.
    let beatriz = b.person(
        "Beatriz Costa",
        "Payments",
        "Senior Engineering Manager",
        IC4,
        ymd(2017, 6, 12),
    );
    step(
        b,
        beatriz,
        ymd(2019, 2, 4),
        MoveKind::BetweenTracks,
        M1,
        "Payments",
        "",
    );
    // Her promotion to M2 in 2023 is written by the approval of her case (sample::promotion).
    let felix = b.person(
        "Felix Wagner",
        "Warehouse Systems",
        "Engineering Manager",
        IC4,
        ymd(2019, 3, 18),
    );
    step(
        b,
        felix,
        ymd(2024, 5, 6),
        MoveKind::BetweenTracks,
        M1,
        "Warehouse Systems",
        "",
    );
    // Jonah tried managing and went back to engineering at his level, as agreed.
    step(
        b,
        named(b, "Jonah Park"),
        ymd(2024, 2, 5),
        MoveKind::TrialStarted,
        M1,
        "Data",
        "",
    );
    step(b, named(b, "Jonah Park"), ymd(2024, 8, 5), MoveKind::Returned, IC4, "Platform", "Missed the deep technical work; back on Platform at IC4 and the same pay, as agreed at the start.");

    // A new manager four months into a trial, supported by Marcus.
    let olu = b.person(
        "Olu Adeyemi",
        "Fulfilment",
        "Senior Software Engineer",
        IC3,
        ymd(2020, 5, 4),
    );
    let start = ago(today, 120);
    let mut trial = trials::draft(&b.ws, olu, start);
    trial.team = "Returns".into();
    trial.supporter_id = Some(c.coach);
    trial.return_band = "E3".into();
    for (i, cp) in trial.checkpoints.iter_mut().enumerate() {
        if cp.on <= ago(today, 7) {
            cp.held_on = Some(cp.on);
            cp.support_note = match i {
                0 => "Settling in; has started weekly 1:1s with all five engineers.".into(),
                1 => "First retro run well; still pulled back into code reviews too often.".into(),
                2 => "Handled a tense priority call with product calmly.".into(),
                _ => String::new(),
            };
            cp.delivery = match i {
                0 => "Release train unchanged.".into(),
                2 => "Two releases slipped a day; no rollbacks.".into(),
                _ => String::new(),
            };
        }
    }
    b.act(Action::StartTrial { trial, level: M1 });

    // Training ledgers: Hana on track, Marcus behind on hours, Felix with nothing logged yet.
    for w in 0..4u64 {
        train(
            b,
            c.hana,
            ago(today, 3 + w * 7),
            TrainingKind::Practice,
            2.0,
            "1:1 role-play with a peer",
        );
    }
    train(
        b,
        c.hana,
        ago(today, 200),
        TrainingKind::Training,
        4.0,
        "Feedback that lands",
    );
    train(
        b,
        c.hana,
        ago(today, 90),
        TrainingKind::Training,
        4.0,
        "Career conversations",
    );
    train(
        b,
        c.coach,
        ago(today, 150),
        TrainingKind::Training,
        4.0,
        "Mediation basics",
    );
    train(
        b,
        c.coach,
        ago(today, 40),
        TrainingKind::Practice,
        2.0,
        "Conflict simulation",
    );
    train(
        b,
        beatriz,
        ago(today, 60),
        TrainingKind::Training,
        8.0,
        "De-escalation workshop",
    );
    train(
        b,
        beatriz,
        ago(today, 100),
        TrainingKind::Training,
        6.0,
        "Facilitation",
    );
    train(
        b,
        beatriz,
        ago(today, 20),
        TrainingKind::Practice,
        4.0,
        "Co-facilitated a team dispute",
    );
    train(
        b,
        c.sponsor,
        ago(today, 30),
        TrainingKind::Strategy,
        3.0,
        "Engineering strategy for next year",
    );
    train(
        b,
        c.sponsor,
        ago(today, 250),
        TrainingKind::Training,
        16.0,
        "Organisation design programme",
    );
    train(
        b,
        c.sponsor,
        ago(today, 180),
        TrainingKind::Training,
        4.0,
        "Culture diagnosis",
    );
    train(
        b,
        olu,
        ago(today, 100),
        TrainingKind::Training,
        4.0,
        "New manager foundations",
    );
    train(
        b,
        olu,
        ago(today, 10),
        TrainingKind::Practice,
        2.0,
        "1:1 shadowing with Marcus",
    );
    if let Some(mut p) = b.ws.person(c.sponsor).cloned() {
        p.ladder = Some(LadderLevel::Staff);
        b.act(Action::Put(Record::Person(p)));
    }

    // Evidence that Hana already works at M2 in some outcomes, not yet in others.
    let Some(fw) = find(&b.ws, MANAGEMENT_TRACK) else {
        return;
    };
    let (Some(m1), Some(m2)) = (
        framework_level(&fw, M1).map(|l| l.id),
        framework_level(&fw, M2).map(|l| l.id),
    ) else {
        return;
    };
    let domain = |name: &str| fw.domains.iter().find(|d| d.name == name).map(|d| d.id);
    let (Some(people), Some(delivery), Some(culture), Some(tech)) = (
        domain("People"),
        domain("Delivery"),
        domain("Culture"),
        domain("Technology"),
    ) else {
        return;
    };
    for (person, d, level, days, note) in [
        (
            c.hana,
            people,
            m2,
            290,
            "Grew Ravi into the on-call lead; he now runs incident reviews.",
        ),
        (
            c.hana,
            people,
            m2,
            30,
            "Took a performance concern to an agreed plan without escalation.",
        ),
        (
            c.hana,
            delivery,
            m2,
            70,
            "Routing and Maps shipped the carrier switch on the date committed to the business.",
        ),
        (
            c.hana,
            culture,
            m1,
            120,
            "The team's health check shows safety up from 3.1 to 4.2 over the year.",
        ),
        (
            c.hana,
            tech,
            m1,
            500,
            "Led the move of routing jobs off the old scheduler without an outage.",
        ),
        (
            c.coach,
            people,
            fw.levels.get(2).map_or(m2, |l| l.id),
            400,
            "Coached Hana through her first year as a manager.",
        ),
    ] {
        b.act(Action::Put(Record::TrackEvidence(TrackEvidence {
            id: Id::nil(),
            person_id: person,
            domain_id: d,
            level_id: level,
            on: ago(today, days),
            note: note.into(),
            link: String::new(),
            created_at: Timestamp::default(),
            updated_at: Timestamp::default(),
            merge_bases: Vec::new(),
        })));
    }
}
