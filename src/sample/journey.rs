//! The journey part of the sample program: selection, activities, micro-assignments, 1:1s,
//! journal entries, a snippet, a case review and a retrospective, dated around the cohort's
//! start so the sample always looks six weeks in. Invented content, written for Runway.

use chrono::{Datelike, Days, NaiveTime};

use super::Builder;
use crate::logic::actions::{Action, CandidateFields, CohortFields};
use crate::logic::records::Record;
use crate::model::{
    Activity, ActivityKind, Answer, CandidateStatus, CaseReview, Date, Decision, FollowUp,
    GreenFlag, Id, JournalEntry, Metric, MicroAssignment, MicroAssignmentStatus, Nomination,
    NominationKind, OneOnOne, Reference, Retrospective, Scorecard, Snippet, SnippetCategory,
    Timestamp, Verdict, Visibility, WantsToManage,
};

#[derive(Clone, Copy)]
pub(super) struct Cast {
    pub today: Date,
    pub start: Date,
    pub cohort: Id,
    pub sponsor: Id,
    pub coach: Id,
    pub hana: Id,
    pub priya: Id,
    pub tom: Id,
    pub aisha: Id,
    pub lee: Id,
    pub kwame: Id,
    pub ravi: Id,
}

fn at(day: Date, offset: i64) -> Date {
    if offset >= 0 {
        day.checked_add_days(Days::new(offset as u64))
    } else {
        day.checked_sub_days(Days::new(offset.unsigned_abs()))
    }
    .unwrap_or(day)
}

fn time(h: u32, m: u32) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt(h, m, 0)
}

const NIL: Id = Id::nil();
const T0: Timestamp = Timestamp::UNIX_EPOCH;

struct Act<'x> {
    cand: Id,
    kind: ActivityKind,
    title: &'x str,
    on: Date,
    at: Option<NaiveTime>,
    minutes: u32,
    done: bool,
    with: Vec<Id>,
    notes: &'x str,
}

impl Builder<'_> {
    fn put(&mut self, r: Record) -> Id {
        self.act(Action::Put(r))
    }

    fn activity(&mut self, a: Act) -> Id {
        self.group_activity(a, Vec::new())
    }

    /// A session for several candidates: filed under `a.cand`, with `group` taking part too.
    fn group_activity(&mut self, a: Act, group: Vec<Id>) -> Id {
        self.put(Record::Activity(Activity {
            id: NIL,
            candidate_id: a.cand,
            group,
            kind: a.kind,
            title: a.title.into(),
            on: a.on,
            at: a.at,
            minutes: a.minutes,
            done: a.done,
            with: a.with,
            notes: a.notes.into(),
            noticed: String::new(),
            differently: String::new(),
            assignment_id: None,
            journal_ids: Vec::new(),
            created_at: T0,
            updated_at: T0,
            merge_bases: Vec::new(),
        }))
    }

    fn select(&mut self, cand: Id, kind: NominationKind, by: Id, why: &str, on: Date) {
        self.act(Action::SetSelection {
            candidate_id: cand,
            nomination: Some(Nomination {
                kind,
                by: Some(by),
                rationale: why.into(),
                on: Some(on),
            }),
            green_flags: GreenFlag::ALL.iter().copied().take(5).collect(),
            wants_to_manage: Some(WantsToManage::Yes),
        });
    }

    fn scorecard(&mut self, cand: Id, by: Id, on: Date, scores: [Option<u8>; 3]) {
        let answers = crate::content::program::standard_scenarios()
            .into_iter()
            .zip(scores)
            .map(|(s, score)| Answer {
                scenario_id: s.id,
                context: "Described a real case from their team in the last year.".into(),
                action: "Talked to the people involved first, then agreed a plan in writing."
                    .into(),
                result: "Outcome and what they would change were clear and honest.".into(),
                score,
            })
            .collect();
        self.put(Record::Interview(Scorecard {
            id: NIL,
            candidate_id: cand,
            interviewer_id: by,
            held_on: Some(on),
            answers,
            created_at: T0,
            updated_at: T0,
            merge_bases: Vec::new(),
        }));
    }
}

pub(super) fn add(b: &mut Builder, c: Cast) {
    let s = c.start;
    let picked = at(s, -21);

    // Selection for this cohort.
    b.select(
        c.priya,
        NominationKind::Manager,
        c.coach,
        "Priya already runs our planning sessions and the new joiners go to her first. She asked about the manager path in her last review.",
        at(s, -40),
    );
    b.select(
        c.tom,
        NominationKind::SelfNominated,
        c.tom,
        "I have led the routing rewrite across three teams and found I enjoyed the people side more than the code. I want to find out if management is for me.",
        at(s, -38),
    );
    b.select(
        c.aisha,
        NominationKind::Manager,
        c.coach,
        "Aisha mentors two engineers informally and steadies the team during incidents.",
        at(s, -40),
    );
    b.act(Action::SetSelection {
        candidate_id: c.lee,
        nomination: Some(Nomination {
            kind: NominationKind::SelfNominated,
            by: None,
            rationale: "I would like to lead a team one day.".into(),
            on: Some(at(s, -37)),
        }),
        green_flags: vec![GreenFlag::DeliveryFocused],
        wants_to_manage: Some(WantsToManage::NotSure),
    });
    b.put(Record::Reference(Reference {
        id: NIL,
        candidate_id: c.priya,
        who: "Kwame Mensah".into(),
        relation: "Peer on Fulfilment".into(),
        collaboration: "Pulls people into decisions early; nobody is surprised by her plans."
            .into(),
        curiosity: "Asks how people are doing and remembers the answer.".into(),
        ownership: "Took over the flaky-test cleanup nobody owned and finished it.".into(),
        on: Some(at(s, -30)),
        created_at: T0,
        updated_at: T0,
        merge_bases: Vec::new(),
    }));
    b.put(Record::Reference(Reference {
        id: NIL,
        candidate_id: c.tom,
        who: "Jonah Park".into(),
        relation: "Staff engineer, Platform".into(),
        collaboration: "Good at finding the compromise two teams can live with.".into(),
        curiosity: "Reads up on team design; asked me for books on it.".into(),
        ownership: "Owns the routing roadmap beyond his own tickets.".into(),
        on: Some(at(s, -29)),
        created_at: T0,
        updated_at: T0,
        merge_bases: Vec::new(),
    }));
    for (cand, a, h) in [
        (
            c.priya,
            [Some(3), Some(4), Some(3)],
            [Some(3), Some(3), Some(4)],
        ),
        (
            c.tom,
            [Some(4), Some(3), Some(3)],
            [Some(2), Some(3), Some(4)],
        ),
        (
            c.aisha,
            [Some(3), Some(3), Some(2)],
            [Some(3), Some(2), Some(3)],
        ),
        (
            c.lee,
            [Some(2), Some(1), Some(2)],
            [Some(2), Some(2), Some(1)],
        ),
    ] {
        b.scorecard(cand, c.coach, at(s, -25), a);
        b.scorecard(cand, c.hana, at(s, -24), h);
    }
    for cand in [c.priya, c.tom, c.aisha] {
        b.act(Action::Decide {
            candidate_id: cand,
            decision: Some(Decision {
                verdict: Verdict::Selected,
                reason: "Strong references and steady interview scores; wants to manage.".into(),
                feedback: String::new(),
                on: picked,
            }),
        });
        b.act(Action::UpdateCandidate {
            id: cand,
            fields: CandidateFields {
                status: CandidateStatus::InProgram,
                protected_hours_per_week: b
                    .ws
                    .candidate(cand)
                    .map_or(6.0, |k| k.protected_hours_per_week),
            },
        });
    }
    b.act(Action::Decide {
        candidate_id: c.lee,
        decision: Some(Decision {
            verdict: Verdict::NotNow,
            reason: "Not sure yet about managing; earlier in their career than the others.".into(),
            feedback: "Lead the next two team retros and pair with Aisha on onboarding Emma. Let's talk again before the next cohort.".into(),
            on: picked,
        }),
    });

    // Activities: two weeks of foundations and shadowing done, this week and next planned.
    // The weekly workshop is one group session for the whole cohort.
    for (week, title) in [
        (0, "Foundations: running a good 1:1"),
        (1, "Foundations: feedback that lands"),
        (2, "Foundations: delegating without dumping"),
        (3, "Foundations: prioritising and saying no"),
        (4, "Foundations: when and how to escalate"),
        (5, "Practice: running a retro people speak up in"),
        (6, "Practice: the first weeks of a new report"),
    ] {
        let on = at(s, week * 7 + 1);
        b.group_activity(
            Act {
                cand: c.priya,
                kind: ActivityKind::Workshop,
                title,
                on,
                at: time(14, 0),
                minutes: 90,
                done: on < c.today,
                with: vec![c.coach],
                notes: "",
            },
            vec![c.tom, c.aisha],
        );
    }
    let shadow = b.activity(Act {
        cand: c.priya,
        kind: ActivityKind::Shadowing,
        title: "Shadowed Marcus's team retro",
        on: at(s, 30),
        at: time(10, 0),
        minutes: 60,
        done: true,
        with: vec![c.coach],
        notes: "Fulfilment retro after the peak-season incident.",
    });
    if let Some(a) = b.ws.activities.iter().find(|a| a.id == shadow).cloned() {
        b.put(Record::Activity(Activity {
            noticed: "Marcus let the silence sit after asking what hurt most. The quietest engineer spoke first.".into(),
            differently: "I would have jumped in with my own view. Next time I will count to five before speaking.".into(),
            ..a
        }));
    }
    b.activity(Act {
        cand: c.tom,
        kind: ActivityKind::Shadowing,
        title: "Shadowed Hana's performance conversation prep",
        on: at(s, 31),
        at: time(15, 0),
        minutes: 45,
        done: true,
        with: vec![c.hana],
        notes: "",
    });
    // The coaching lab is a group session too: the three role-play for each other.
    b.group_activity(
        Act {
            cand: c.priya,
            kind: ActivityKind::CoachingLab,
            title: "Coaching lab: telling a senior engineer their PRs block others",
            on: at(s, 33),
            at: time(11, 0),
            minutes: 60,
            done: at(s, 33) < c.today,
            with: vec![c.coach],
            notes: "",
        },
        vec![c.tom, c.aisha],
    );
    for (cand, with) in [(c.priya, c.hana), (c.tom, c.coach), (c.aisha, c.hana)] {
        let on = at(c.today, 2);
        b.activity(Act {
            cand,
            kind: ActivityKind::Shadowing,
            title: "Shadow a stakeholder sync",
            on,
            at: time(9, 30),
            minutes: 45,
            done: false,
            with: vec![with],
            notes: "Sit in, take notes, no talking. Debrief straight after.",
        });
        b.activity(Act {
            cand,
            kind: ActivityKind::CoachingLab,
            title: "Coaching lab: a career conversation that goes sideways",
            on: at(c.today, 3),
            at: time(11, 0),
            minutes: 60,
            done: false,
            with: vec![c.coach],
            notes: "",
        });
    }

    // Micro-assignments.
    let oncall = b.put(Record::Assignment(MicroAssignment {
        id: NIL,
        candidate_id: c.priya,
        title: "Redesign the Fulfilment on-call rotation".into(),
        objective: "Fewer night pages and a rotation people trust.".into(),
        scope: "Fulfilment's rotation and alert routing; not the alerts themselves.".into(),
        stakeholders: "Fulfilment engineers, Marcus, the SRE on-call lead".into(),
        success_criteria:
            "Pages per week down by a third; everyone has seen and agreed the new rota.".into(),
        starts_on: at(s, 28),
        ends_on: at(s, 56),
        handoff: "Rota doc and alert rules handed to the team's on-call lead.".into(),
        status: MicroAssignmentStatus::Active,
        outcome: String::new(),
        metric: Some(Metric {
            name: "Pages per week".into(),
            before: Some(14.0),
            after: None,
        }),
        created_at: T0,
        updated_at: T0,
        merge_bases: Vec::new(),
    }));
    b.activity(Act {
        cand: c.priya,
        kind: ActivityKind::AssignmentWork,
        title: "Interviewed the on-call engineers",
        on: at(s, 36),
        at: None,
        minutes: 180,
        done: true,
        with: Vec::new(),
        notes: "",
    });
    if let Some(a) = b.ws.activities.last().cloned() {
        b.put(Record::Activity(Activity {
            assignment_id: Some(oncall),
            ..a
        }));
    }
    let retro_work = b.put(Record::Assignment(MicroAssignment {
        id: NIL,
        candidate_id: c.tom,
        title: "Run a retro on the recurring deploy failures".into(),
        objective: "Find why Friday deploys keep failing and agree one fix.".into(),
        scope: "Routing's deploy pipeline.".into(),
        stakeholders: "Routing team, Platform (Jonah)".into(),
        success_criteria: "One agreed change shipped; failed deploys fall.".into(),
        starts_on: at(s, 7),
        ends_on: at(s, 28),
        handoff: "Runbook change owned by Ravi.".into(),
        status: MicroAssignmentStatus::Done,
        outcome: "The retro found a shared test database; Platform split it. Failures dropped the next week.".into(),
        metric: Some(Metric {
            name: "Failed deploys per month".into(),
            before: Some(6.0),
            after: Some(2.0),
        }),
        created_at: T0,
        updated_at: T0,
        merge_bases: Vec::new(),
    }));
    b.put(Record::Assignment(MicroAssignment {
        id: NIL,
        candidate_id: c.aisha,
        title: "Write down the incident escalation path".into(),
        objective: "Anyone on Warehouse Systems knows who to call, and when.".into(),
        scope: "Sev-1 and sev-2 incidents.".into(),
        stakeholders: "Warehouse Systems, support lead".into(),
        success_criteria: "A one-page path, reviewed by support and linked from the runbook."
            .into(),
        starts_on: at(s, 21),
        ends_on: at(c.today, -3),
        handoff: "Page owned by the team's on-call lead.".into(),
        status: MicroAssignmentStatus::Active,
        outcome: String::new(),
        metric: None,
        created_at: T0,
        updated_at: T0,
        merge_bases: Vec::new(),
    }));

    // 1:1s between Marcus and Priya: one follow-up is still open and carries over.
    b.put(Record::OneOnOne(OneOnOne {
        id: NIL,
        candidate_id: c.priya,
        author_id: Some(c.coach),
        with_id: Some(c.coach),
        held_on: at(s, 14),
        agenda: "How the first workshops felt\nPicking a micro-assignment".into(),
        questions: vec![
            "What did you notice about yourself in the feedback role-play?".into(),
            "Which part of managing are you most unsure about?".into(),
        ],
        goal: "Ask more questions than I answer in team meetings.".into(),
        notes: "Leaning towards the on-call rota as her assignment.".into(),
        follow_ups: vec![
            FollowUp {
                id: NIL,
                text: "Draft the on-call assignment template".into(),
                done_on: Some(at(s, 28)),
            },
            FollowUp {
                id: NIL,
                text: "Book a shadowing slot with Hana".into(),
                done_on: None,
            },
        ],
        created_at: T0,
        updated_at: T0,
        merge_bases: Vec::new(),
    }));
    b.put(Record::OneOnOne(OneOnOne {
        id: NIL,
        candidate_id: c.priya,
        author_id: Some(c.coach),
        with_id: Some(c.coach),
        held_on: at(s, 28),
        agenda: "On-call assignment kickoff\nShadowing plan".into(),
        questions: vec![
            "Who will find the new rota hardest, and why?".into(),
            "What will you do if the SRE lead disagrees?".into(),
        ],
        goal: "Get agreement from all stakeholders before changing anything.".into(),
        notes: String::new(),
        follow_ups: vec![FollowUp {
            id: NIL,
            text: "Share the interview notes with the team".into(),
            done_on: None,
        }],
        created_at: T0,
        updated_at: T0,
        merge_bases: Vec::new(),
    }));

    // Journal: one entry of each visibility.
    let mut journal = Vec::new();
    for (on, title, body, tags, visibility) in [
        (
            at(s, 3),
            "Why I said yes",
            "I am nervous about giving hard feedback to people I have worked beside for years.",
            vec!["fears"],
            Visibility::Private,
        ),
        (
            at(s, 16),
            "The 1:1 role-play",
            "I asked three questions in a row without waiting for answers. Slow down.",
            vec!["1:1s", "listening"],
            Visibility::Coach,
        ),
        (
            at(s, 30),
            "What the retro taught me",
            "Silence is a tool. The quietest person had the best point.",
            vec!["retros", "listening"],
            Visibility::Sponsor,
        ),
    ] {
        journal.push(b.put(Record::JournalEntry(JournalEntry {
            id: NIL,
            candidate_id: c.priya,
            author_id: None,
            on,
            title: title.into(),
            body: body.into(),
            tags: tags.into_iter().map(String::from).collect(),
            visibility,
            created_at: T0,
            updated_at: T0,
            merge_bases: Vec::new(),
        })));
    }
    let reflection = b.activity(Act {
        cand: c.priya,
        kind: ActivityKind::Reflection,
        title: "Reflection session with Marcus",
        on: at(s, 31),
        at: time(16, 0),
        minutes: 45,
        done: true,
        with: vec![c.coach],
        notes: "Talked through listening in retros.",
    });
    if let Some(a) = b.ws.activities.iter().find(|a| a.id == reflection).cloned() {
        b.put(Record::Activity(Activity {
            journal_ids: journal[1..].to_vec(),
            ..a
        }));
    }

    // Success signals: Tom's metric-moving change is met.
    if let Some(signal) =
        b.ws.cohort(c.cohort)
            .and_then(|k| k.success_signals.get(3))
            .map(|s| s.id)
    {
        b.act(Action::MarkSignal {
            candidate_id: c.tom,
            signal_id: signal,
            met_on: Some(at(s, 28)),
            evidence: vec![retro_work],
        });
    }

    // The organisation's own snippet, a case review and a retrospective.
    b.put(Record::Snippet(Snippet {
        id: NIL,
        title: "Northwind incident review opener".into(),
        category: SnippetCategory::Other,
        body: "We are here to learn, not to blame.\nTimeline first, then what surprised us, then one change we own.".into(),
        created_at: T0,
        updated_at: T0,
        merge_bases: Vec::new(),
    }));
    b.put(Record::CaseReview(CaseReview {
        id: NIL,
        cohort_id: c.cohort,
        on: at(s, 32),
        title: "The expert who won't review".into(),
        scenario: "A senior engineer on a team of six stops reviewing others' work and says it isn't their job.".into(),
        suggestions: "Ask what changed; make reviewing visible in goals; pair them with a newer engineer.".into(),
        tried: "The presenter asked in a 1:1 and learned the engineer felt their own work was ignored.".into(),
        outcome: "Reviews are back after their project got a demo slot.".into(),
        lessons: "Behaviour often answers an unmet need. Ask before you push.".into(),
        created_at: T0,
        updated_at: T0,
        merge_bases: Vec::new(),
    }));
    let last_quarter = at(s, -30);
    b.put(Record::Retro(Retrospective {
        id: NIL,
        person_id: c.hana,
        year: last_quarter.year(),
        quarter: (last_quarter.month0() / 3 + 1) as u8,
        worked: "Weekly 1:1s never skipped; the team says planning is calmer.".into(),
        challenges: "Two engineers in open disagreement about the routing rewrite.".into(),
        try_next: "Run the mediation script with a coach present; delegate sprint demos.".into(),
        support: "An hour a month with Marcus on conflict.".into(),
        created_at: T0,
        updated_at: T0,
        merge_bases: Vec::new(),
    }));

    // The next cohort is choosing: one nominee fully scored, one still waiting on a scorer.
    let next = b.act(Action::AddCohort(CohortFields {
        name: format!("MiT {} next intake", at(s, 180).year()),
        sponsor_id: Some(c.sponsor),
        coach_ids: vec![c.hana],
        starts_on: crate::logic::program::phases::monday_on_or_after(at(c.today, 42)),
        template: Default::default(),
    }));
    for (person, kind, by, why) in [
        (
            c.kwame,
            NominationKind::Manager,
            c.coach,
            "Kwame runs our incident reviews and people seek him out for advice.",
        ),
        (
            c.ravi,
            NominationKind::SelfNominated,
            c.ravi,
            "I have been onboarding every new Routing engineer and want to do it properly.",
        ),
    ] {
        let cand = b.act(Action::AddCandidate {
            cohort_id: next,
            person_id: person,
            fields: CandidateFields {
                status: CandidateStatus::Nominated,
                protected_hours_per_week: 6.0,
            },
        });
        b.select(cand, kind, by, why, at(c.today, -10));
        b.scorecard(cand, c.coach, at(c.today, -4), [Some(3), Some(3), Some(4)]);
        if person == c.kwame {
            b.scorecard(
                cand,
                c.sponsor,
                at(c.today, -3),
                [Some(2), Some(4), Some(3)],
            );
        } else {
            b.scorecard(cand, c.sponsor, at(c.today, -3), [Some(3), None, None]);
        }
    }
}
