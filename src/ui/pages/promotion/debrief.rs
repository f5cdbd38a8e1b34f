//! Engineering leadership's debrief: participants and day, each participant's own read made
//! blind, the reveal, the discussion and the decision; after a "not yet", the plan to close
//! the gaps and the sponsor's lesson.

use leptos::prelude::*;

use crate::logic::actions::Action;
use crate::logic::promotion::{self as promo};
use crate::logic::records::Record;
use crate::logic::track::readiness::track_framework;
use crate::model::{CaseStatus, CaseStep, DebriefRead, Id, PlanGap, ReadVerdict, Timestamp};
use crate::ui::browser;
use crate::ui::forms::{
    person_value, AreaField, CheckField, ChoiceField, DateField, DraftForm, Folding, FormButtons,
    FormDraft, PeopleField, PersonField, TextField,
};
use crate::ui::state::use_app;
use crate::ui::widgets::{date_value, fmt_date, parse_date};

use super::{case_signal, runs_case};

fn in_debrief(s: CaseStatus) -> bool {
    matches!(
        s,
        CaseStatus::Submitted
            | CaseStatus::Debrief
            | CaseStatus::ApprovedLeadership
            | CaseStatus::ApprovedExecutive
            | CaseStatus::NotYet
    )
}

#[component]
pub fn DebriefSection(id: Id) -> impl IntoView {
    let app = use_app();
    let case = case_signal(id);
    let shown = move || case().is_some_and(|c| in_debrief(c.status()));
    let runs = move || case().is_some_and(|c| runs_case(&c));
    let revealed = move || case().is_some_and(|c| c.debrief.revealed);
    let reads = move || {
        let me = app.person();
        case().map_or(Vec::new(), |c| {
            app.ws.with(|ws| {
                c.debrief
                    .participants
                    .iter()
                    .map(|p| {
                        let read = ws
                            .debrief_reads
                            .iter()
                            .find(|r| r.case_id == id && r.reader_id == *p)
                            .cloned();
                        let visible = read.as_ref().filter(|r| promo::may_see(&c, r, me)).cloned();
                        (*p, ws.person_name(*p).to_string(), read.is_some(), visible)
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let me_participant = move || {
        let me = app.person();
        case().is_some_and(|c| me.is_some_and(|m| c.debrief.participants.contains(&m)))
    };
    let reader = Memo::new(move |_| {
        (me_participant() && !revealed())
            .then(|| app.person())
            .flatten()
    });
    let reveal = move |_| {
        let Some(mut c) = case() else { return };
        if let Some(why) = app.ws.with_untracked(|ws| promo::reveal_refusal(ws, &c)) {
            app.warn(&why);
            return;
        }
        c.debrief.revealed = true;
        app.act(Action::Put(Record::Promotion(c)), "Revealed every read.");
    };
    let decidable = move || {
        case().is_some_and(|c| {
            c.debrief.revealed
                && matches!(
                    c.status(),
                    CaseStatus::Debrief | CaseStatus::ApprovedLeadership
                )
        })
    };
    view! {
        <Show when=shown>
            <section aria-labelledby="debrief-heading">
                <h2 id="debrief-heading">"Debrief"</h2>
                <p class="muted">"Each participant records their own read first (recommend or not yet, and why) without seeing the others', as in calibration. The chair then reveals every read, and the discussion and decision follow."</p>
                <Show when=runs>
                    <DebriefSetup id=id/>
                </Show>
                {move || {
                    let list = reads();
                    if list.is_empty() {
                        return view! { <p class="muted">"No participants yet."</p> }.into_any();
                    }
                    let (done, of) = app.ws.with(|ws| case().map_or((0, 0), |c| promo::reads_in(ws, &c)));
                    view! {
                        <p>{format!("Reads in: {done} of {of}.")}</p>
                        <ul class="reads" aria-label="Reads">
                            {list.into_iter().map(|(_, name, has, visible)| view! {
                                <li class="read">
                                    <strong>{name}</strong>": "
                                    {match (visible, has) {
                                        (Some(r), _) => view! {
                                            <span class="verdict" data-verdict=r.verdict.code()>{r.verdict.label()}</span>
                                            <span class="pre">{format!(" — {}", r.why)}</span>
                                        }.into_any(),
                                        (None, true) => view! { <span class="muted">"read recorded (hidden until the reveal)"</span> }.into_any(),
                                        (None, false) => view! { <span class="muted">"no read yet"</span> }.into_any(),
                                    }}
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
                <Show when=move || !revealed() && case().is_some_and(|c| !c.debrief.participants.is_empty())>
                    <ReadingAs id=id/>
                </Show>
                // Drawn again for whoever reads: each participant has their own form.
                {move || reader.get().map(|_| view! { <MyRead id=id/> })}
                <Show when=move || runs() && !revealed() && case().is_some_and(|c| !c.debrief.participants.is_empty())>
                    <button type="button" on:click=reveal>"Reveal every read"</button>
                </Show>
                <Show when=revealed>
                    <Discussion id=id/>
                </Show>
                <Show when=move || runs() && decidable()>
                    <Decision id=id/>
                </Show>
                {move || case().filter(|c| !c.reasons.is_empty()).map(|c| view! {
                    <h3>"The decision's reasons"</h3>
                    <p class="pre">{c.reasons}</p>
                })}
            </section>
        </Show>
    }
}

#[component]
fn DebriefSetup(id: Id) -> impl IntoView {
    let case = case_signal(id);
    let Some(c0) = untrack(case) else {
        return ().into_any();
    };
    let on = RwSignal::new(date_value(c0.debrief.on));
    let people = RwSignal::new(c0.debrief.participants.clone());
    let draft = FormDraft::new(format!("promotion/{id}/debrief"), "The debrief");
    let open = RwSignal::new(draft.has_draft() || c0.debrief.participants.is_empty());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(mut c) = case() else { return };
        c.debrief.on = parse_date(&on.get_untracked());
        c.debrief.participants = people.get_untracked();
        if draft
            .save(
                Action::Put(Record::Promotion(c)),
                "Saved the debrief's participants.",
            )
            .is_some()
        {
            open.set(false);
        }
    };
    let revealed = move || case().is_some_and(|c| c.debrief.revealed);
    view! {
        <Show when=move || !revealed()>
            <Folding open=open summary=|| "Participants and day">
                <DraftForm draft=draft label="The debrief's participants and day" on_submit=submit>
                    <DateField label="Debrief on" value=on field="debrief"/>
                    <PeopleField legend="Participants (engineering leadership)" value=people exclude=c0.person_id/>
                    <FormButtons save_label="Save the participants"/>
                </DraftForm>
            </Folding>
        </Show>
    }
    .into_any()
}

/// The read of whoever uses this browser (or who they act for), before the reveal.
#[component]
fn MyRead(id: Id) -> impl IntoView {
    let app = use_app();
    let me = app.person_untracked();
    let existing = app.ws.with_untracked(|ws| {
        ws.debrief_reads
            .iter()
            .find(|r| r.case_id == id && Some(r.reader_id) == me)
            .cloned()
    });
    let verdict = RwSignal::new(
        existing
            .as_ref()
            .map_or(ReadVerdict::Recommend, |r| r.verdict)
            .code()
            .to_string(),
    );
    let why = RwSignal::new(existing.as_ref().map(|r| r.why.clone()).unwrap_or_default());
    let name = app.ws.with_untracked(|ws| {
        me.map(|m| ws.person_name(m).to_string())
            .unwrap_or_default()
    });
    let draft = FormDraft::new(
        format!("promotion/{id}/read/{}", me.unwrap_or_default()),
        "My debrief read",
    );
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(reader) = app.person_untracked() else {
            app.warn("Say who you are first (Settings): a read is someone's own.");
            return;
        };
        let base = app.ws.with_untracked(|ws| {
            ws.debrief_reads
                .iter()
                .find(|r| r.case_id == id && r.reader_id == reader)
                .cloned()
        });
        let read = DebriefRead {
            id: base.as_ref().map_or(Id::nil(), |r| r.id),
            case_id: id,
            reader_id: reader,
            verdict: ReadVerdict::from_code(&verdict.get_untracked())
                .unwrap_or(ReadVerdict::Recommend),
            why: why.get_untracked(),
            created_at: base
                .as_ref()
                .map_or(Timestamp::UNIX_EPOCH, |r| r.created_at),
            updated_at: base
                .as_ref()
                .map_or(Timestamp::UNIX_EPOCH, |r| r.updated_at),
            merge_bases: base.map(|r| r.merge_bases).unwrap_or_default(),
        };
        draft.save(
            Action::Put(Record::DebriefRead(read)),
            "Recorded your read. It stays hidden from the others until the reveal.",
        );
    };
    let options: Vec<(String, String)> = ReadVerdict::ALL
        .iter()
        .map(|v| (v.code().to_string(), v.label().to_string()))
        .collect();
    view! {
        <div class="panel my-read">
            <h3>{format!("Your read, {name}")}</h3>
            <DraftForm draft=draft label="Your read" on_submit=submit>
                <ChoiceField label="Your read" value=verdict options=options field="verdict"/>
                <AreaField label="Why" value=why rows=4 field="why"/>
                <FormButtons save_label="Record my read"/>
            </DraftForm>
        </div>
    }
}

#[component]
fn Discussion(id: Id) -> impl IntoView {
    let app = use_app();
    let case = case_signal(id);
    let notes = RwSignal::new(untrack(case).map(|c| c.debrief.notes).unwrap_or_default());
    let draft = FormDraft::new(
        format!("promotion/{id}/discussion"),
        "The debrief's discussion",
    );
    let runs = move || case().is_some_and(|c| runs_case(&c));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(mut c) = case() else { return };
        c.debrief.notes = notes.get_untracked();
        draft.save(
            Action::Put(Record::Promotion(c)),
            "Saved the discussion notes.",
        );
    };
    let shown = move || case().map(|c| c.debrief.notes).unwrap_or_default();
    view! {
        <h3>"Discussion"</h3>
        {move || {
            let revealed_at = case().and_then(|c| c.debrief.revealed_at);
            revealed_at.map(|t| view! { <p class="muted small">{format!("Reads revealed on {}.", fmt_date(t.date_naive()))}</p> })
        }}
        {move || if runs() {
            view! {
                <DraftForm draft=draft label="The debrief's discussion" on_submit=submit>
                    <AreaField label="Discussion notes (not in the applicant's file)" value=notes rows=4/>
                    <FormButtons save_label="Save the notes"/>
                </DraftForm>
            }.into_any()
        } else {
            view! { <p class="pre">{shown()}</p> }.into_any()
        }}
        {move || app.is_read_only().then(|| view! { <p class="muted">"Read-only."</p> })}
    }
}

#[component]
fn Decision(id: Id) -> impl IntoView {
    let app = use_app();
    let case = case_signal(id);
    let decision = RwSignal::new("approve".to_string());
    let on = RwSignal::new(date_value(Some(browser::today())));
    let reasons = RwSignal::new(String::new());
    let points = RwSignal::new(String::new());
    let draft = FormDraft::new(format!("promotion/{id}/decision"), "The debrief's decision");
    let at_leadership =
        move || case().is_some_and(|c| c.status() == CaseStatus::ApprovedLeadership);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(day) = parse_date(&on.get_untracked()) else {
            app.warn("Enter the day of the decision.");
            return;
        };
        let by = app.person_untracked();
        let not_yet = decision.get_untracked() == "not_yet";
        let step = |status| CaseStep {
            status,
            on: day,
            by,
            note: String::new(),
        };
        let saved = if not_yet {
            draft.save(
                Action::NotYet {
                    case_id: id,
                    step: step(CaseStatus::NotYet),
                    reasons: reasons.get_untracked(),
                    data_points: points.get_untracked().lines().map(str::to_owned).collect(),
                },
                "Recorded “not yet”: each data point is now a gap in the plan below.",
            )
        } else {
            let status = if at_leadership() {
                CaseStatus::ApprovedExecutive
            } else {
                CaseStatus::ApprovedLeadership
            };
            let mut s = step(status);
            s.note = reasons.get_untracked();
            draft.save(
                Action::AdvanceCase {
                    case_id: id,
                    step: s,
                },
                if status == CaseStatus::ApprovedExecutive {
                    "Approved by the executive team: the promotion is in the level history."
                } else {
                    "Approved by engineering leadership: forward it to the executive team."
                },
            )
        };
        if saved.is_some() {
            reasons.set(String::new());
            points.set(String::new());
        }
    };
    let options = move || {
        vec![
            (
                "approve".to_string(),
                if at_leadership() {
                    "Approved by the executive team".to_string()
                } else {
                    "Approve, and forward to the executive team".to_string()
                },
            ),
            ("not_yet".to_string(), "Not yet".to_string()),
        ]
    };
    view! {
        <div class="panel decision">
            <h3>"Decision"</h3>
            {move || {
                let opts = options();
                view! {
                    <DraftForm draft=draft label="The decision" on_submit=submit>
                        <ChoiceField label="Decision" value=decision options=opts field="status"/>
                        <DateField label="Decided on" value=on required=true field="on"/>
                        <AreaField label="Reasons (the applicant reads them)" value=reasons rows=3 field="reasons"/>
                        <Show when=move || decision.get() == "not_yet">
                            <AreaField label="Data points behind a “not yet”, one a line (each becomes a gap to close)" value=points rows=4 field="data_points"/>
                        </Show>
                        <FormButtons save_label="Record the decision"/>
                    </DraftForm>
                }
            }}
        </div>
    }
}

/// After a "not yet": the gaps to close, each with a domain, an owner, a next step and a
/// target cycle; and the sponsor's own lesson.
#[component]
pub fn PlanSection(id: Id) -> impl IntoView {
    let app = use_app();
    let case = case_signal(id);
    let shown = move || case().is_some_and(|c| !c.plan.is_empty());
    let runs = move || case().is_some_and(|c| runs_case(&c));
    let unfinished = move || case().map_or(Vec::new(), |c| promo::plan_gaps_unfinished(&c));
    let gaps = move || case().map_or(Vec::new(), |c| c.plan.clone());
    let lines = move || {
        case().map_or(Vec::new(), |c| {
            app.ws.with(|ws| promo::markdown::plan_lines(ws, &c))
        })
    };
    view! {
        <Show when=shown>
            <section aria-labelledby="plan-heading">
                <h2 id="plan-heading">"Plan to close the gaps"</h2>
                <p class="muted">"Each data point of the decision is a gap. Its next step comes up in the applicant's 1:1s as a follow-up until the gap is closed."</p>
                {move || {
                    let u = unfinished();
                    (!u.is_empty() && runs()).then(|| view! {
                        <p class="notice">{format!("To agree: {}.", u.join("; "))}</p>
                    })
                }}
                {move || if runs() {
                    view! {
                        <ol class="plan">
                            <For each=gaps key=|g| (g.id, serde_json::to_string(g).unwrap_or_default()) let:g>
                                <GapEditor id=id gap=g/>
                            </For>
                        </ol>
                    }.into_any()
                } else {
                    view! { <ol class="plan">{lines().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ol> }.into_any()
                }}
                <Show when=runs>
                    <Lesson id=id/>
                </Show>
            </section>
        </Show>
    }
}

#[component]
fn GapEditor(id: Id, gap: PlanGap) -> impl IntoView {
    let app = use_app();
    let case = case_signal(id);
    let index = untrack(case)
        .and_then(|c| c.plan.iter().position(|g| g.id == gap.id))
        .unwrap_or(0);
    let n = index + 1;
    let point = RwSignal::new(gap.data_point.clone());
    let domain = RwSignal::new(gap.domain_id.map(|d| d.to_string()).unwrap_or_default());
    let owner = RwSignal::new(gap.owner_id.map(|d| d.to_string()).unwrap_or_default());
    let step = RwSignal::new(gap.next_step.clone());
    let cycle = RwSignal::new(gap.cycle.clone());
    let done = RwSignal::new(gap.done_on.is_some());
    let draft = FormDraft::new(
        format!("promotion/{id}/gap/{}", gap.id),
        format!("Gap {n} of the plan"),
    );
    let mut domains = vec![(String::new(), "— no domain —".to_string())];
    domains.extend(app.ws.with_untracked(|ws| {
        track_framework(ws)
            .active_domains()
            .map(|d| (d.id.to_string(), d.name.clone()))
            .collect::<Vec<_>>()
    }));
    let gap_id = gap.id;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(mut c) = case() else { return };
        let Some(g) = c.plan.iter_mut().find(|g| g.id == gap_id) else {
            return;
        };
        g.data_point = point.get_untracked().trim().to_string();
        g.domain_id = person_value(&domain.get_untracked());
        g.owner_id = person_value(&owner.get_untracked());
        g.next_step = step.get_untracked().trim().to_string();
        g.cycle = cycle.get_untracked().trim().to_string();
        g.done_on = if done.get_untracked() {
            g.done_on.or(Some(browser::today()))
        } else {
            None
        };
        draft.save(
            Action::Put(Record::Promotion(c)),
            &format!("Saved gap {n} of the plan."),
        );
    };
    let legend = format!("Gap {n}");
    view! {
        <li>
            <DraftForm draft=draft label=legend.clone() on_submit=submit>
                <TextField label=format!("Gap {n}: data point") value=point wide=true/>
                <ChoiceField label=format!("Gap {n}: domain") value=domain options=domains/>
                <PersonField label=format!("Gap {n}: owner") value=owner/>
                <TextField label=format!("Gap {n}: next step") value=step wide=true/>
                <TextField label=format!("Gap {n}: target cycle") value=cycle placeholder="e.g. 2027 H2"/>
                <CheckField label=format!("Gap {n} is closed") value=done/>
                <FormButtons save_label=format!("Save gap {n}")/>
            </DraftForm>
        </li>
    }
}

#[component]
fn Lesson(id: Id) -> impl IntoView {
    let case = case_signal(id);
    let lesson = RwSignal::new(untrack(case).map(|c| c.sponsor_lesson).unwrap_or_default());
    let draft = FormDraft::new(format!("promotion/{id}/lesson"), "The sponsor's lesson");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(mut c) = case() else { return };
        c.sponsor_lesson = lesson.get_untracked().trim().to_string();
        draft.save(
            Action::Put(Record::Promotion(c)),
            "Saved the sponsor's lesson.",
        );
    };
    view! {
        <h3>"The sponsor's lesson"</h3>
        <DraftForm draft=draft label="The sponsor's lesson" on_submit=submit>
            <AreaField label="What you would do differently as the sponsor (stays out of the applicant's file)" value=lesson rows=3 field="sponsor_lesson"/>
            <FormButtons save_label="Save the lesson"/>
        </DraftForm>
    }
}

/// Whose read the screen shows: at the debrief, each participant takes the screen in turn.
/// Choosing someone else is acting for them (app-wide, said in the header).
#[component]
fn ReadingAs(id: Id) -> impl IntoView {
    let app = use_app();
    let case = case_signal(id);
    let viewer = RwSignal::new(crate::ui::forms::id_value(app.person_untracked()));
    let options = move || {
        let mut out = vec![(String::new(), "— just reading —".to_string())];
        if let Some(c) = case() {
            app.ws.with(|ws| {
                out.extend(
                    c.debrief
                        .participants
                        .iter()
                        .map(|p| (p.to_string(), ws.person_name(*p).to_string())),
                )
            });
        }
        out
    };
    Effect::new(move |prev: Option<String>| {
        let v = viewer.get();
        if prev.is_some_and(|p| p != v) {
            let me = app.me.get_untracked();
            match person_value(&v) {
                Some(p) if Some(p) != me => app.acting_for.set(Some(p)),
                _ => app.acting_for.set(None),
            }
        }
        v
    });
    Effect::new(move |prev: Option<Option<Id>>| {
        let p = app.person();
        if prev.is_some_and(|q| q != p) {
            viewer.set(crate::ui::forms::id_value(p));
        }
        p
    });
    view! {
        <div class="form inline">
            {move || {
                let opts = options();
                view! { <ChoiceField label="Viewing as" value=viewer options=opts/> }
            }}
        </div>
    }
}
