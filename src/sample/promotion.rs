//! The sample's promotion packages: Hana's Senior EM case in flight (two letters in, one
//! request overdue, her document half written from her evidence), Marcus's "not yet" with
//! its plan under way, Felix's package in the debrief with one read of two in, and Beatriz's
//! approval in 2023 (which wrote her promotion into her level history). Every step goes
//! through the actions a page uses, so the sample obeys the same rules.

use chrono::Days;

use super::journey::Cast;
use super::{ymd, Builder};
use crate::file::letters::LetterFile;
use crate::logic::actions::Action;
use crate::logic::promotion::{self, document, letters};
use crate::logic::records::Record;
use crate::model::*;

fn ago(today: Date, days: u64) -> Date {
    today.checked_sub_days(Days::new(days)).unwrap_or(today)
}

fn named(b: &Builder, name: &str) -> Id {
    b.ws.people
        .iter()
        .find(|p| p.name == name)
        .map_or(Id::nil(), |p| p.id)
}

fn case_of(b: &Builder, id: Id) -> PromotionCase {
    match promotion::case(&b.ws, id) {
        Some(c) => c.clone(),
        None => panic!("sample program is invalid: promotion case {id} is missing"),
    }
}

/// A slot as the applicant suggested it: kind, writer, their role.
type Slot<'x> = (LetterKind, &'x str, &'x str);

/// Opens a case drafted on `on` by the sponsor, with these slots.
#[allow(clippy::too_many_arguments)]
fn open(
    b: &mut Builder,
    person_id: Id,
    (from, to): (TrackLevel, TrackLevel),
    sponsor: Id,
    cycle: &str,
    on: Date,
    slots: &[Slot],
) -> Id {
    let slots = slots
        .iter()
        .map(|(kind, writer, role)| LetterSlot {
            id: (b.new_id)(),
            kind: *kind,
            writer: (*writer).into(),
            role: (*role).into(),
            speaks_to: String::new(),
            requested_on: None,
            due_on: None,
        })
        .collect();
    b.act(Action::Put(Record::Promotion(PromotionCase {
        id: Id::nil(),
        person_id,
        from_level: from,
        to_level: to,
        sponsor_id: Some(sponsor),
        skip_level_reason: String::new(),
        eligible_on: Some(on),
        cycle: cycle.into(),
        steps: vec![CaseStep {
            status: CaseStatus::Draft,
            on,
            by: Some(sponsor),
            note: String::new(),
        }],
        slots,
        debrief: Debrief::default(),
        reasons: String::new(),
        plan: Vec::new(),
        sponsor_lesson: String::new(),
        created_at: Timestamp::default(),
        updated_at: Timestamp::default(),
        merge_bases: Vec::new(),
    })))
}

fn step(b: &mut Builder, case_id: Id, status: CaseStatus, on: Date, by: Id, note: &str) {
    b.act(Action::AdvanceCase {
        case_id,
        step: CaseStep {
            status,
            on,
            by: Some(by),
            note: note.into(),
        },
    });
}

/// Marks every slot with a writer as asked on `on` (due two weeks on); the first request takes
/// the case to "letters requested".
fn ask_all(b: &mut Builder, case_id: Id, on: Date, by: Id) {
    let mut c = case_of(b, case_id);
    let asked: Vec<Id> = c
        .slots
        .iter()
        .filter(|s| !s.writer.trim().is_empty())
        .map(|s| s.id)
        .collect();
    for slot in asked {
        c = letters::mark_requested(&c, slot, on, Some(by));
    }
    b.act(Action::Put(Record::Promotion(c)));
}

/// The letter for slot `n` of a case, written by its writer and taken in from its file.
fn letter_by_file(b: &mut Builder, case_id: Id, n: usize, body: &str, written_on: Date) {
    let c = case_of(b, case_id);
    let Some(slot) = c.slots.get(n) else {
        panic!("sample program is invalid: no letter slot {n}");
    };
    let request = match letters::request(&b.ws, &c, slot.id, written_on) {
        Ok(r) => r,
        Err(e) => panic!("sample program is invalid: {e}"),
    };
    let file = LetterFile::to(
        &request,
        &slot.writer,
        &slot.role,
        body,
        written_on,
        (b.new_id)(),
    );
    match letters::receive(&b.ws, case_id, &file, b.now) {
        Ok(incoming) => b.act(Action::Add(Record::Letter(incoming.letter))),
        Err(e) => panic!("sample program is invalid: {e}"),
    };
}

fn sponsor_letter(b: &mut Builder, case_id: Id, sponsor: Id, body: &str, written_on: Date) {
    let (writer, role) = match b.ws.person(sponsor) {
        Some(p) => (p.name.clone(), p.role_title.clone()),
        None => (String::new(), String::new()),
    };
    b.act(Action::Put(Record::Letter(Letter {
        id: Id::nil(),
        case_id,
        slot_id: None,
        kind: LetterKind::Sponsor,
        writer,
        role,
        writer_id: Some(sponsor),
        body: body.into(),
        written_on,
        created_at: Timestamp::default(),
        updated_at: Timestamp::default(),
        merge_bases: Vec::new(),
    })));
}

/// A project of the document: title, overview, roles, results.
type Project<'x> = (&'x str, &'x str, &'x str, &'x str);

/// Writes the document: the text sections in [`document::SECTIONS`] order (blank: not
/// written yet), the projects and the people mentored.
fn write_document(
    b: &mut Builder,
    case_id: Id,
    sections: [&str; 9],
    projects: &[Project],
    mentees: &[(&str, MenteeKind)],
) {
    let mut d = document::empty(case_id, Timestamp::default());
    for (s, text) in document::SECTIONS.iter().zip(sections) {
        if let Some(t) = document::text_mut(&mut d, s.field) {
            *t = text.into();
        }
    }
    d.projects = projects
        .iter()
        .map(|(title, overview, roles, results)| DocProject {
            id: Id::nil(),
            title: (*title).into(),
            overview: (*overview).into(),
            roles: (*roles).into(),
            results: (*results).into(),
            assignment_id: None,
        })
        .collect();
    d.mentees = mentees
        .iter()
        .map(|(name, kind)| Mentee {
            name: (*name).into(),
            kind: *kind,
        })
        .collect();
    b.act(Action::Put(Record::PromotionDoc(d)));
}

/// The committee: `participants` with the debrief's day, then each one's own read.
fn reads(b: &mut Builder, case_id: Id, on: Date, participants: &[(Id, ReadVerdict, &str)]) {
    let mut c = case_of(b, case_id);
    c.debrief.on = Some(on);
    c.debrief.participants = participants.iter().map(|p| p.0).collect();
    b.act(Action::Put(Record::Promotion(c)));
    for (reader, verdict, why) in participants {
        if why.is_empty() {
            continue;
        }
        b.act(Action::Put(Record::DebriefRead(DebriefRead {
            id: Id::nil(),
            case_id,
            reader_id: *reader,
            verdict: *verdict,
            why: (*why).into(),
            created_at: Timestamp::default(),
            updated_at: Timestamp::default(),
            merge_bases: Vec::new(),
        })));
    }
}

/// The chair shows every read, and the discussion is written down.
fn reveal(b: &mut Builder, case_id: Id, notes: &str) {
    let mut c = case_of(b, case_id);
    c.debrief.revealed = true;
    c.debrief.notes = notes.into();
    b.act(Action::Put(Record::Promotion(c)));
}

pub(super) fn add(b: &mut Builder, c: Cast) {
    let today = c.today;
    let dana = c.sponsor;
    b.act(Action::SetValues(vec![
        "Customers first".into(),
        "Own the outcome".into(),
        "Candour with care".into(),
        "Leave it better than you found it".into(),
    ]));
    beatriz(b, dana, c.coach);
    marcus(b, today, dana, c.coach);
    felix(b, today, dana);
    hana(b, today, dana);
}

/// Beatriz's M1 → M2 in 2023, approved by the executive team on 3 April: the approval wrote
/// her promotion into her level history.
fn beatriz(b: &mut Builder, dana: Id, marcus: Id) {
    let beatriz = named(b, "Beatriz Costa");
    let case = open(
        b,
        beatriz,
        (TrackLevel::M1, TrackLevel::M2),
        dana,
        "2023 H1",
        ymd(2022, 11, 7),
        &[
            (
                LetterKind::SeniorEngineer,
                "Nadia Haddad",
                "Staff engineer, Payments",
            ),
            (
                LetterKind::ProductPartner,
                "Owen Brooks",
                "Product manager, Payments",
            ),
            (
                LetterKind::OutsideTeam,
                "Marcus Oyelaran",
                "Senior Engineering Manager, Fulfilment",
            ),
        ],
    );
    ask_all(b, case, ymd(2022, 11, 14), dana);
    letter_by_file(b, case, 0, "Beatriz set up the design review the Payments engineers now rely on, and she reads every proposal herself. When the refund flow needed a rewrite she let two mid-level engineers lead it and kept the risks visible for them. I would follow her onto any team.", ymd(2022, 11, 24));
    letter_by_file(b, case, 1, "Over three projects Beatriz has been the partner who says early what will not fit. She trades scope openly, and the card-vault migration shipped on the date we promised finance because she cut the right half.", ymd(2022, 11, 25));
    letter_by_file(b, case, 2, "Fulfilment depends on Payments for every order that ships. Beatriz built the shared incident rota with my team without anyone asking her to, and she brings her engineers to our planning instead of sending tickets.", ymd(2022, 11, 28));
    write_document(
        b,
        case,
        [
            "Engineer on Payments from 2017, manager of the team since February 2019. Known for calm incident handling and for growing engineers into leads.",
            "I want to run Payments and Ledger as two teams with their own leads, and spend my time on the roadmap across them.",
            "People: two engineers grew into tech leads in 2022. Delivery: every quarterly commitment met in 2022. Culture: the team's health check stayed above 4. Technology: led the card-vault design.",
            "Set the standard for how Payments services talk to the ledger and reviewed the design of every change to it.",
            "Mentored two new-grad hires through their first year and an intern whose project shipped; both new grads now own a service.",
            "Payments (7 engineers) and, since October, the new Ledger team (4 engineers).",
            "Works weekly with finance and support on refunds; the support queue for payment issues halved in 2022.",
            "Customers first: the refund rewrite. Own the outcome: the card-vault date. Candour with care: a hard conversation about on-call load that changed the rota.",
            "A manager who already runs two teams' worth of work and grows the people in them.",
        ],
        &[
            (
                "Card-vault migration",
                "Move stored cards to the new vault before the old provider's contract ended.",
                "Led the plan and the risk log; Nadia led the design; Owen owned the finance side.",
                "Shipped on the committed date with no failed payments; provider costs down a fifth.",
            ),
            (
                "Refund flow rewrite",
                "Refunds took days and support handled each one by hand.",
                "Sponsored two engineers who led the work; I handled the cross-team agreements.",
                "Refunds now settle the same day; payment tickets to support halved.",
            ),
        ],
        &[
            ("Lucas Moreau", MenteeKind::NewGrad),
            ("Aiko Tanaka", MenteeKind::NewGrad),
            ("Sam Okafor", MenteeKind::Intern),
        ],
    );
    sponsor_letter(b, case, dana, "Beatriz already leads at the next level: two teams, two new leads grown by her, and commitments kept through a provider migration. I sponsor this case without reservation.", ymd(2023, 1, 12));
    step(b, case, CaseStatus::Ready, ymd(2023, 1, 16), dana, "");
    step(b, case, CaseStatus::Submitted, ymd(2023, 1, 23), dana, "");
    step(b, case, CaseStatus::Debrief, ymd(2023, 2, 20), dana, "");
    reads(
        b,
        case,
        ymd(2023, 2, 20),
        &[
            (dana, ReadVerdict::Recommend, "Two teams run well and the leads she grew are real evidence of the next level."),
            (marcus, ReadVerdict::Recommend, "The letters agree with what Fulfilment sees: she works across teams without being asked."),
        ],
    );
    reveal(
        b,
        case,
        "Both reads recommend. Agreed to recommend to the executive team.",
    );
    step(
        b,
        case,
        CaseStatus::ApprovedLeadership,
        ymd(2023, 3, 6),
        dana,
        "Runs Payments and Ledger as two teams; the leads she grew carry them.",
    );
    step(
        b,
        case,
        CaseStatus::ApprovedExecutive,
        ymd(2023, 4, 3),
        dana,
        "",
    );
}

/// Marcus's M2 → M3, decided "not yet" two months ago; the plan is under way.
fn marcus(b: &mut Builder, today: Date, dana: Id, marcus: Id) {
    let beatriz = named(b, "Beatriz Costa");
    let jonah = named(b, "Jonah Park");
    let case = open(
        b,
        marcus,
        (TrackLevel::M2, TrackLevel::M3),
        dana,
        "2026 H2",
        ago(today, 200),
        &[
            (
                LetterKind::SeniorEngineer,
                "Kwame Mensah",
                "Senior software engineer, Fulfilment",
            ),
            (
                LetterKind::ProductPartner,
                "Lina Petrova",
                "Program manager, Operations",
            ),
            (
                LetterKind::OutsideTeam,
                "Felix Wagner",
                "Engineering Manager, Warehouse Systems",
            ),
        ],
    );
    ask_all(b, case, ago(today, 190), dana);
    letter_by_file(b, case, 0, "Marcus protects the team's focus better than any manager I have had. He asks before he tells, and our reviews got sharper because he asks what we would do differently.", ago(today, 182));
    letter_by_file(b, case, 1, "The returns programme landed across four teams because Marcus kept the plan honest every week. I would like to see him set the direction himself, not only deliver it.", ago(today, 180));
    letter_by_file(b, case, 2, "Marcus is the first person other managers call about a hard conversation. Warehouse Systems and Fulfilment share the returns work, and he made that partnership easy.", ago(today, 178));
    write_document(
        b,
        case,
        [
            "Senior manager of Fulfilment since 2020, coach in the Manager-in-Training programme.",
            "I want to lead the operations engineering group and shape its strategy for the next two years.",
            "People: coached three new managers. Delivery: the returns programme across four teams. Culture: the health checks of my teams. Strategy: less evidence so far.",
            "Steered the returns service design across Fulfilment and Warehouse Systems.",
            "Coached the MiT cohorts; mentored two new-grad hires and an intern on Fulfilment.",
            "Fulfilment (9 engineers, two teams) and the returns programme.",
            "Runs the weekly operations review with the warehouse leads.",
            "Candour with care: the MiT retrospectives. Own the outcome: returns.",
            "A strong people leader and deliverer who is ready for a wider remit.",
        ],
        &[
            (
                "Returns programme",
                "Returns were handled in three systems with no single owner.",
                "Led the plan across four teams; each team lead owned their part.",
                "One returns flow; handling time down from five days to two.",
            ),
            (
                "Manager-in-Training coaching",
                "New managers had no structured support.",
                "Coach of two cohorts, with the VP Engineering as sponsor.",
                "Five of six candidates confirmed as managers.",
            ),
        ],
        &[
            ("Sofia Lindqvist", MenteeKind::NewGrad),
            ("Ada Nwosu", MenteeKind::NewGrad),
            ("Tariq Aziz", MenteeKind::Intern),
        ],
    );
    sponsor_letter(b, case, dana, "Marcus is the manager our new managers learn from. What this case has to show the committee is his own strategy for a group, which I believe he is ready to set.", ago(today, 125));
    step(b, case, CaseStatus::Ready, ago(today, 120), dana, "");
    step(b, case, CaseStatus::Submitted, ago(today, 110), dana, "");
    step(b, case, CaseStatus::Debrief, ago(today, 75), dana, "");
    reads(
        b,
        case,
        ago(today, 75),
        &[
            (dana, ReadVerdict::Recommend, "The people evidence is clearly at the next level; the strategy evidence is thin but I have seen him do it."),
            (beatriz, ReadVerdict::NotYet, "Superb delivery and coaching, but no example of him setting a multi-team strategy or owning a budget."),
            (jonah, ReadVerdict::NotYet, "Technical direction comes from the teams' leads; I could not find a decision he shaped across the group."),
        ],
    );
    reveal(b, case, "Two reads of three say not yet, for the same reason: the strategy side. The chair changed her read in the discussion.");
    b.act(Action::NotYet {
        case_id: case,
        step: CaseStep {
            status: CaseStatus::NotYet,
            on: ago(today, 60),
            by: Some(dana),
            note: String::new(),
        },
        reasons: "Marcus leads people and delivery at the director level already. The committee wants to see him set a strategy across teams and own its budget before the move.".into(),
        data_points: vec![
            "No example of a multi-team strategy he set himself".into(),
            "Has not owned a budget".into(),
            "Technical direction across the group comes from others".into(),
        ],
    });
    // The plan, agreed in the next 1:1: owners, next steps, cycles; one gap already closed.
    let mut c = case_of(b, case);
    for (i, g) in c.plan.iter_mut().enumerate() {
        match i {
            0 => {
                g.next_step = "Write the operations engineering strategy for 2027 and take it to the leadership offsite".into();
                g.cycle = "2027 H1".into();
                g.owner_id = Some(marcus);
            }
            1 => {
                g.next_step = "Own the Fulfilment budget for the 2027 planning round".into();
                g.cycle = "2027 H1".into();
                g.done_on = Some(ago(today, 20));
            }
            _ => {
                g.next_step = "Chair the architecture review for the returns platform".into();
                g.cycle = "2027 H2".into();
                g.owner_id = Some(jonah);
            }
        }
    }
    c.sponsor_lesson = "Ask for the strategy evidence before the letters, not after.".into();
    b.act(Action::Put(Record::Promotion(c)));
}

/// Felix's M1 → M2, submitted and in the debrief: Beatriz has recorded her read, Dana not yet.
fn felix(b: &mut Builder, today: Date, dana: Id) {
    let felix = named(b, "Felix Wagner");
    let beatriz = named(b, "Beatriz Costa");
    let case = open(
        b,
        felix,
        (TrackLevel::M1, TrackLevel::M2),
        dana,
        "2027 H1",
        ago(today, 110),
        &[
            (
                LetterKind::SeniorEngineer,
                "Aisha Bello",
                "Senior software engineer, Warehouse Systems",
            ),
            (
                LetterKind::ProductPartner,
                "Greta Holm",
                "Product manager, Warehouse",
            ),
            (
                LetterKind::OutsideTeam,
                "Jonah Park",
                "Staff engineer, Platform",
            ),
        ],
    );
    ask_all(b, case, ago(today, 100), dana);
    letter_by_file(b, case, 0, "Felix gives the team room to decide and steps in when a decision stalls. The scanner rollout went well because he kept the floor staff in every review.", ago(today, 92));
    letter_by_file(
        b,
        case,
        1,
        "Felix plans with us, not for us. He is the first to say when a date is at risk.",
        ago(today, 90),
    );
    letter_by_file(b, case, 2, "Platform worked with Felix on the warehouse event bus; he made the trade-offs clear and kept his team to them.", ago(today, 89));
    write_document(
        b,
        case,
        [
            "Engineer on Warehouse Systems from 2019, its manager since May 2024.",
            "I want to lead Warehouse Systems and the scanning team as one group.",
            "People: grew Aisha into the team's lead. Delivery: the scanner rollout. Culture: health check steady at 4.",
            "Led the event bus design with Platform.",
            "Mentored two new-grad hires and an intern on the warehouse tools.",
            "Warehouse Systems (6 engineers).",
            "Weekly review with the warehouse floor leads.",
            "Customers first: the scanner rollout with the floor staff.",
            "A manager ready to run a group.",
        ],
        &[
            (
                "Handheld scanner rollout",
                "Old scanners failed every week at peak.",
                "Led the rollout plan; Aisha led the software; the floor leads tested it.",
                "Scanning errors down by two thirds; no peak-day outage.",
            ),
            (
                "Warehouse event bus",
                "Systems polled each other every minute.",
                "Led the design with Platform; Jonah reviewed it.",
                "Stock updates in seconds instead of minutes.",
            ),
        ],
        &[
            ("Emma Dubois", MenteeKind::NewGrad),
            ("Lee Chen", MenteeKind::NewGrad),
            ("Noor Ali", MenteeKind::Intern),
        ],
    );
    sponsor_letter(b, case, dana, "Felix has run Warehouse Systems well for two years and already works across to Platform. I sponsor his case.", ago(today, 45));
    step(b, case, CaseStatus::Ready, ago(today, 44), dana, "");
    step(b, case, CaseStatus::Submitted, ago(today, 40), dana, "");
    step(b, case, CaseStatus::Debrief, ago(today, 10), dana, "");
    reads(
        b,
        case,
        ago(today, 3),
        &[
            (dana, ReadVerdict::Recommend, ""),
            (
                beatriz,
                ReadVerdict::Recommend,
                "The letters and both projects show him working across teams already.",
            ),
        ],
    );
}

/// Hana's M1 → M2 in flight: two letters in, one request overdue, the optional slot empty,
/// her document half written from her evidence.
fn hana(b: &mut Builder, today: Date, dana: Id) {
    let hana = named(b, "Hana Sato");
    let case = open(
        b,
        hana,
        (TrackLevel::M1, TrackLevel::M2),
        dana,
        "2027 H1",
        ago(today, 40),
        &[
            (
                LetterKind::SeniorEngineer,
                "Tomás Ferreira",
                "Staff software engineer, Routing",
            ),
            (
                LetterKind::ProductPartner,
                "Mei Lin",
                "Product manager, Routing and Maps",
            ),
            (
                LetterKind::OutsideTeam,
                "Jonah Park",
                "Staff engineer, Platform",
            ),
            (LetterKind::Optional, "", ""),
        ],
    );
    ask_all(b, case, ago(today, 20), dana);
    letter_by_file(b, case, 0, "Hana turned Routing into a team that plans its own work. She grew Ravi into our on-call lead and she still reads every design that touches the carrier integrations.", ago(today, 12));
    letter_by_file(b, case, 1, "Hana and I have shipped the carrier switch and two pricing releases together. She brings the trade-offs to me early and in plain words.", ago(today, 9));
    // The outside letter was asked twenty days ago, due two weeks later: overdue since last week.
    let c = case_of(b, case);
    let alignment = document::alignment_from_evidence(&b.ws, &c);
    let mut d = document::empty(case, Timestamp::default());
    d.background = "Engineer on Routing from 2021; I moved into managing the team through a trial in 2022 and was confirmed in March 2023.".into();
    d.intent =
        "I want to lead Routing and Maps as two teams and take on the carrier roadmap across them."
            .into();
    d.alignment = alignment;
    d.projects = vec![
        DocProject {
            id: Id::nil(),
            title: "Carrier switch".into(),
            overview: "Our main carrier's contract ended in June; every route had to move to two new carriers without missing a delivery day.".into(),
            roles: "I led the plan and the weekly risk review; Tomás led the integration design; Mei owned the carrier contracts.".into(),
            results: "Switched on the committed date; failed label requests went from 2 % to 0.3 %.".into(),
            assignment_id: None,
        },
        DocProject {
            id: Id::nil(),
            title: "Scheduler migration".into(),
            overview: "The routing jobs ran on a scheduler nobody could change safely.".into(),
            roles: String::new(),
            results: String::new(),
            assignment_id: None,
        },
    ];
    d.mentees = vec![Mentee {
        name: "Ingrid Novak".into(),
        kind: MenteeKind::NewGrad,
    }];
    b.act(Action::Put(Record::PromotionDoc(d)));
}
