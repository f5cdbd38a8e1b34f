use leptos::prelude::*;

use crate::ui::link;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;

use crate::logic::actions::{Action, CohortFields};
use crate::logic::program::enrollable;
use crate::logic::program::phases::{phase_span, position_on, progress, Position};
use crate::logic::records::audience::Audience;
use crate::logic::records::impact::cohort_deletion_impact;
use crate::model::{CandidateStatus, Cohort, Id};
use crate::ui::browser;
use crate::ui::forms::{DateField, FormDraft};
use crate::ui::pages::board::CohortScenarios;
use crate::ui::pages::cohorts::CohortForm;
use crate::ui::pages::share::SharedExport;
use crate::ui::pages::{existing_route_id, Missing};
use crate::ui::state::{use_app, AppState};
use crate::ui::widgets::{
    date_value, fmt_date, parse_date, person_label, CandidateInputs, ConfirmDialog, StatusBadge,
};

#[component]
pub fn CohortPage() -> impl IntoView {
    // Changes only when the cohort appears or disappears, so edits don't rebuild the page.
    let found = existing_route_id(|ws, id| ws.cohort(id).is_some());
    move || match found.get().0 {
        None => view! { <Missing what="cohort" back="/cohorts" back_label="Back to cohorts"/> }
            .into_any(),
        Some(id) => view! { <CohortDetail id=id/> }.into_any(),
    }
}

fn cohort(app: AppState, id: Id) -> Option<Cohort> {
    app.ws.with(|ws| ws.cohort(id).cloned())
}

#[component]
fn CohortDetail(id: Id) -> impl IntoView {
    let app = use_app();
    let name = move || cohort(app, id).map(|c| c.name).unwrap_or_default();
    let people_line = move || {
        app.ws.with(|ws| {
            let Some(c) = ws.cohort(id) else {
                return (None, vec![]);
            };
            let sponsor = c.sponsor_id.map(|s| (s, ws.person_name(s).to_string()));
            let coaches = c
                .coach_ids
                .iter()
                .map(|k| (*k, ws.person_name(*k).to_string()))
                .collect();
            (sponsor, coaches)
        })
    };
    // Which file this browser makes is up to whose browser it is (not whom it acts for);
    // memoised, so the share panel is rebuilt only when that changes.
    let runs = Memo::new(move |_| {
        let me = app.me_here();
        app.ws
            .with(|ws| crate::logic::program::roles::runs(ws, me, id))
    });
    view! {
        <section class="page">
            <p class="crumbs"><A href=link("/cohorts")>"Cohorts"</A> " / "</p>
            <h1>{name}</h1>
            <dl class="facts">
                <div><dt>"Sponsor"</dt><dd>{move || match people_line().0 {
                    Some((pid, n)) => view! { <A href=link(&format!("/people/{pid}"))>{n}</A> }.into_any(),
                    None => view! { <span class="muted">"None yet"</span> }.into_any(),
                }}</dd></div>
                <div><dt>"Coaches"</dt><dd>{move || {
                    let coaches = people_line().1;
                    if coaches.is_empty() {
                        view! { <span class="muted">"None yet"</span> }.into_any()
                    } else {
                        coaches.into_iter().enumerate().map(|(i, (pid, n))| view! {
                            {(i > 0).then_some(", ")}<A href=link(&format!("/people/{pid}"))>{n}</A>
                        }).collect_view().into_any()
                    }
                }}</dd></div>
                <div><dt>"Runs"</dt><dd>{move || cohort(app, id).map(|c| format!("{} – {}", fmt_date(c.starts_on()), fmt_date(c.ends_on())))}</dd></div>
            </dl>
            <Show when=move || !app.runs(id)>
                <p class="hint">{move || {
                    let p = app.person();
                    let sponsor = cohort(app, id).and_then(|c| c.sponsor_id);
                    let part = if p.is_some() && p == sponsor { "its sponsor" } else { "someone who does not coach it" };
                    format!("You see this cohort as {part}: its candidates' progress, and what was shared with you. The coaches' controls are hidden. Hidden is not secret: files from the coaches carry only what you may read.")
                }}</p>
            </Show>
            <Show when=move || app.runs(id)>
                <p class="week-link"><A href=link(&format!("/cohorts/{id}/week"))>"This week"</A> " — who is behind, with what to do about it, and what comes up in the next two weeks."</p>
            </Show>
            <Timeline id=id/>
            <Candidates id=id/>
            // Sharing comes right after the candidates, where people look for it.
            {move || if runs.get() {
                view! { <SharedExport audience=Audience::Sponsor(id) for_whom="the sponsor"/> }.into_any()
            } else {
                view! { <SharedExport audience=Audience::Coaches(id) for_whom="the coaches"/> }.into_any()
            }}
            <Show when=move || app.runs(id)>
                <p><A href=link(&format!("/cohorts/{id}/selection"))>"Selection board"</A> " — nominations, references, interview scores and decisions for everyone above."</p>
            </Show>
            <crate::ui::pages::calibration::CohortCalibration id=id/>
            <crate::ui::pages::readiness::CohortCoverage id=id/>
            <Show when=move || app.runs(id)>
                <GroupPlanning id=id/>
            </Show>
            <CohortCalendar id=id/>
            <Show when=move || app.runs(id)>
                <crate::ui::pages::candidate::StandardWeek cohort_id=id/>
                <Signals id=id/>
                <CohortScenarios id=id/>
                <EditCohort id=id/>
                {move || (cohort(app, id).and_then(|c| c.sponsor_id).is_none()).then(|| view! {
                    <p class="hint">"This cohort has no sponsor yet: add one under Settings before sharing it with them."</p>
                })}
            </Show>
            <Show when=move || app.runs(id)>
                <DeleteCohort id=id/>
            </Show>
        </section>
    }
}

/// The four phases as a bar, with today marked.
#[component]
fn Timeline(id: Id) -> impl IntoView {
    let app = use_app();
    let today = browser::today();
    let data = move || {
        cohort(app, id).map(|c| {
            let pos = position_on(&c, today);
            let phases: Vec<_> = c
                .phases
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let (offset, width) = phase_span(&c, p);
                    let current = matches!(pos, Position::In { index, .. } if index == i);
                    (p.kind, p.starts_on, p.ends_on, offset, width, current)
                })
                .collect();
            let status = match pos {
                Position::BeforeStart { days_to_go } => format!("Starts in {days_to_go} days."),
                Position::In {
                    kind, day, of_days, ..
                } => format!("Today is day {day} of {of_days} in {}.", kind.name()),
                Position::Between { .. } => "Today falls between two phases.".into(),
                Position::Finished => "This cohort has finished.".into(),
            };
            let marker = matches!(pos, Position::In { .. } | Position::Between { .. })
                .then(|| progress(&c, today));
            (phases, status, marker)
        })
    };
    view! {
        <h2 id="timeline-h">"Phases"</h2>
        {move || data().map(|(phases, status, marker)| view! {
            <p class="timeline-status">{status}</p>
            <div class="timeline" aria-hidden="true">
                {phases.iter().map(|(kind, _, _, offset, width, current)| view! {
                    <div class="seg" class:current=*current
                        style=format!("left:{:.3}%;width:{:.3}%", offset * 100.0, width * 100.0)>
                        <span>{kind.name()}</span>
                    </div>
                }).collect_view()}
                {marker.map(|m| view! { <div class="today" style=format!("left:{:.3}%", m * 100.0)><span>"Today"</span></div> })}
            </div>
            <ol class="phase-list" aria-labelledby="timeline-h">
                {phases.into_iter().map(|(kind, s, e, _, _, current)| view! {
                    <li class:current=current>
                        <strong>{kind.name()}</strong>
                        " · " {format!("{} – {}", fmt_date(s), fmt_date(e))}
                        {current.then(|| view! { " " <span class="badge now">"now"</span> })}
                        <span class="muted phase-purpose">{kind.purpose()}</span>
                    </li>
                }).collect_view()}
            </ol>
        })}
    }
}

#[component]
fn Candidates(id: Id) -> impl IntoView {
    let app = use_app();
    let rows = move || {
        app.ws.with(|ws| {
            ws.candidates_in(id)
                .map(|c| {
                    let p = ws.person(c.person_id);
                    (
                        c.id,
                        p.map(|p| p.name.clone()).unwrap_or_default(),
                        p.map(|p| {
                            format!("{} · {}", crate::logic::track::level_code(ws, p.id), p.team)
                        })
                        .unwrap_or_default(),
                        c.status,
                        c.protected_hours_per_week,
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let addable = move || {
        app.ws.with(|ws| {
            enrollable(ws, id)
                .into_iter()
                .map(|p| (p.id, person_label(p)))
                .collect::<Vec<_>>()
        })
    };
    let person = RwSignal::new(String::new());
    let inputs = CandidateInputs::new(CandidateStatus::Nominated, 6.0);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(person_id) = Id::parse_str(&person.get_untracked()) else {
            app.warn("Pick a person to enrol.");
            return;
        };
        let fields = match inputs.fields() {
            Ok(f) => f,
            Err(e) => return app.warn(&e),
        };
        let name = app
            .ws
            .with_untracked(|ws| ws.person_name(person_id).to_string());
        if app
            .act(
                Action::AddCandidate {
                    cohort_id: id,
                    person_id,
                    fields,
                },
                &format!("Added {name} as a candidate."),
            )
            .is_some()
        {
            person.set(String::new());
        }
    };
    view! {
        <h2>"Candidates"</h2>
        <Show when=move || !rows().is_empty() fallback=|| view! { <p class="muted">"No candidates yet. Enrol people below; a cohort of about three works well."</p> }>
            <div class="table-wrap">
                <table>
                    <caption class="sr-only">"Candidates in this cohort"</caption>
                    <thead><tr><th scope="col">"Candidate"</th><th scope="col">"Level · team"</th><th scope="col">"Status"</th><th scope="col">"Protected hours / week"</th></tr></thead>
                    <tbody>
                        <For each=rows key=|r| (r.0, r.1.clone(), r.3, r.4.to_bits()) let((cid, name, about, st, h))>
                            <tr>
                                <td><A href=link(&format!("/candidates/{cid}"))>{name.clone()}</A></td>
                                <td>{about}</td>
                                <td><StatusBadge status=st/></td>
                                <td>{format!("{h}")}</td>
                            </tr>
                        </For>
                    </tbody>
                </table>
            </div>
        </Show>
        <Show when=move || app.runs(id)>
        <form class="form inline" on:submit=add aria-label="Enrol a candidate">
            <label>"Person"
                <select prop:value=move || person.get() on:change=move |ev| person.set(event_target_value(&ev))>
                    <option value="">"— pick a person —"</option>
                    {move || addable().into_iter().map(|(pid, label)| view! { <option value=pid.to_string()>{label}</option> }).collect_view()}
                </select>
            </label>
            {inputs.view()}
            <button type="submit" disabled=move || app.is_read_only()>"Enrol candidate"</button>
        </form>
        </Show>
    }
}

#[component]
fn Signals(id: Id) -> impl IntoView {
    let app = use_app();
    // Rows are keyed by position and id only, so editing a signal's text keeps its row (and focus).
    let rows = move || {
        cohort(app, id)
            .map(|c| {
                c.success_signals
                    .iter()
                    .enumerate()
                    .map(|(i, s)| (i + 1, s.id))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let text_of = move |sid: Id| {
        app.ws.with(|ws| {
            ws.cohort(id)
                .and_then(|c| c.success_signals.iter().find(|s| s.id == sid))
                .map(|s| s.text.clone())
                .unwrap_or_default()
        })
    };
    let new_text = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = new_text.get_untracked();
        if app
            .act(
                Action::AddSignal {
                    cohort_id: id,
                    text,
                },
                "Added a success signal.",
            )
            .is_some()
        {
            new_text.set(String::new());
        }
    };
    view! {
        <h2>"Success signals"</h2>
        <p class="muted">"What you will be able to see when a candidate is ready. Agree these before the cohort starts. Edit a signal in place; it is saved when you leave the field."</p>
        <ol class="signals">
            <For each=rows key=|r| *r children=move |(n, sid)| view! {
                <li>
                    <textarea class="signal-text" rows="2" prop:value=move || text_of(sid) aria-label=format!("Success signal {n}")
                        on:change=move |ev| {
                            let text = event_target_value(&ev);
                            if app.act(Action::UpdateSignal { cohort_id: id, signal_id: sid, text }, "Saved the success signal.").is_none() {
                                // Refused (e.g. left blank): show the stored text again.
                                if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
                                    input.set_value(&text_of(sid));
                                }
                            }
                        }></textarea>
                    <button type="button" class="secondary small" aria-label=format!("Remove success signal {n}")
                        on:click=move |_| { app.act(Action::RemoveSignal { cohort_id: id, signal_id: sid }, "Removed the success signal."); }>"Remove"</button>
                </li>
            }/>
        </ol>
        <form class="form inline" on:submit=add aria-label="Add a success signal">
            <label class="grow">"New success signal" <input type="text" bind:value=new_text/></label>
            <button type="submit" disabled=move || app.is_read_only()>"Add signal"</button>
        </form>
    }
}

#[component]
fn EditCohort(id: Id) -> impl IntoView {
    let app = use_app();
    let save = Callback::new(move |(fields, draft): (CohortFields, FormDraft)| {
        draft
            .submit(Action::UpdateCohort { id, fields }, "Saved the cohort.")
            .is_some()
    });
    // Built once: other edits on this page must not reset what is being typed here.
    let initial = app.ws.with_untracked(|ws| {
        ws.cohort(id).map(|c| CohortFields {
            name: c.name.clone(),
            sponsor_id: c.sponsor_id,
            coach_ids: c.coach_ids.clone(),
            starts_on: c.starts_on(),
            template: Default::default(),
        })
    });
    view! {
        <h2>"Settings"</h2>
        <details class="panel" open=FormDraft::exists(&format!("cohort/{id}"))>
            <summary>"Edit cohort details (name, start, sponsor, coaches)"</summary>
            {initial.map(|initial| view! { <CohortForm initial=initial submit_label="Save cohort" on_submit=save draft_key=format!("cohort/{id}")/> })}
        </details>
        <details class="panel">
            <summary>"Change phase end dates"</summary>
            <PhaseDates id=id/>
        </details>
    }
}

fn phase_name(i: usize) -> &'static str {
    crate::model::PhaseKind::ALL
        .get(i)
        .map_or("A phase", |k| k.name())
}

/// End dates of the four phases, applied together with one button.
#[component]
fn PhaseDates(id: Id) -> impl IntoView {
    let app = use_app();
    // A memo, so edits elsewhere on the page don't refill (and wipe) what is typed here.
    let phases = Memo::new(move |_| cohort(app, id).map(|c| c.phases).unwrap_or_default());
    let ends: [RwSignal<String>; 4] = std::array::from_fn(|_| RwSignal::new(String::new()));
    // Refill the fields whenever the stored phases change (after a save, a reset, a new start).
    Effect::new(move |_| {
        for (i, p) in phases.get().iter().enumerate().take(4) {
            ends[i].set(date_value(Some(p.ends_on)));
        }
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // One save for all four: the core applies what changed, in order, or nothing.
        let mut all = Vec::new();
        for (i, end) in ends.iter().enumerate() {
            let Some(ends_on) = parse_date(&end.get_untracked()) else {
                app.warn(&format!(
                    "{}: please enter a complete end date. Nothing was changed.",
                    phase_name(i)
                ));
                return;
            };
            all.push(ends_on);
        }
        if let Err(e) = app.dispatch(Action::SetPhaseEnds {
            cohort_id: id,
            ends: all,
        }) {
            app.warn(&e);
            return;
        }
        app.say("Saved the phase dates.");
    };
    view! {
        <h3>"Phase end dates"</h3>
        <p class="muted">"When a phase ends later or earlier, the phases after it move and keep their lengths. Changing the start date above moves them all."</p>
        <form class="form grid" on:submit=save aria-label="Phase end dates">
            {move || phases.get().into_iter().enumerate().take(4).map(|(i, p)| view! {
                <DateField label=format!("{} ends on", p.kind.name()) value=ends[i]/>
            }).collect_view()}
            <div class="actions">
                <button type="submit" disabled=move || app.is_read_only()>"Save phase dates"</button>
                <button type="button" class="secondary" disabled=move || app.is_read_only()
                    on:click=move |_| { app.act(Action::ResetPhases { cohort_id: id }, "Phases reset to 1 / 1 / 2 / 2 months."); }>"Reset to default lengths"</button>
            </div>
        </form>
    }
}

#[component]
fn DeleteCohort(id: Id) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let open = RwSignal::new(false);
    let lines = Signal::derive(move || app.ws.with(|ws| cohort_deletion_impact(ws, id).lines));
    let intro = Signal::derive(move || {
        if lines.with(Vec::is_empty) {
            "This cohort has no candidates; only the cohort goes. People are kept.".to_string()
        } else {
            "Deleting this cohort also removes these candidacies (the people themselves are kept):"
                .to_string()
        }
    });
    let delete = Callback::new(move |_| {
        if app
            .act(Action::DeleteCohort { id }, "Deleted the cohort.")
            .is_some()
        {
            navigate("/cohorts", Default::default());
        }
    });
    view! {
        <h2>"Delete"</h2>
        <button type="button" class="danger" on:click=move |_| open.set(true) disabled=move || app.is_read_only()>"Delete cohort…"</button>
        <ConfirmDialog open=open title="Delete this cohort?" intro=intro lines=lines confirm_label="Delete cohort" on_confirm=delete/>
    }
}

/// Every candidate's planned sessions in one calendar file.
#[component]
fn CohortCalendar(id: Id) -> impl IntoView {
    let app = use_app();
    let today = crate::ui::browser::today();
    let ids = move || {
        app.ws
            .with(|ws| ws.candidates_in(id).map(|c| c.id).collect::<Vec<_>>())
    };
    let upcoming = move || {
        app.ws
            .with(|ws| crate::file::calendar::upcoming_count(ws, &ids(), today))
    };
    let export = move |_| {
        let (text, name) = app.ws.with_untracked(|ws| {
            let cohort = ws
                .cohort(id)
                .map_or("cohort".to_string(), |c| c.name.clone());
            (
                crate::file::calendar::calendar(
                    ws,
                    &ids(),
                    today,
                    crate::ui::browser::now(),
                    false,
                ),
                crate::file::export_file_name(&format!("{cohort} sessions"), today)
                    .replace(".json", ".ics"),
            )
        });
        match crate::ui::browser::download(&name, &text, "text/calendar") {
            Ok(()) => app.say(&format!("Exported {name}.")),
            Err(e) => app.warn(&e),
        }
    };
    view! {
        <p>
            <button type="button" class="secondary" on:click=export disabled=move || upcoming() == 0>"Export the cohort's upcoming sessions (.ics)"</button>
            <span class="muted">{move || format!(" {} planned from today, for every candidate.", crate::ui::widgets::count(upcoming(), "session", "sessions"))}</span>
        </p>
    }
}

/// Sessions for several candidates at once: a group session (optionally weekly), and copying
/// last week's plan into this week.
#[component]
fn GroupPlanning(id: Id) -> impl IntoView {
    view! {
        <h2 id="group-h">"Sessions for the cohort"</h2>
        <p class="muted">"A workshop or coaching lab the candidates attend together is one group session: it shows on each candidate's page, and a change to it shows for all."</p>
        <PlanGroupSession id=id/>
        <CopyLastWeek id=id/>
    }
}

#[component]
fn PlanGroupSession(id: Id) -> impl IntoView {
    use crate::logic::journey::groups::{active_candidates, filing};
    use crate::logic::records::Record;
    use crate::model::{Activity, ActivityKind, Timestamp};
    use crate::ui::forms::{
        ChoiceField, DraftForm, Folding, FormButtons, NumberField, TextField, TimeField,
    };
    use crate::ui::pages::candidate::{default_title, CandidatePicks, RepeatInputs};

    let app = use_app();
    let everyone = move || {
        app.ws.with_untracked(|ws| {
            active_candidates(ws, id)
                .iter()
                .map(|c| c.id)
                .collect::<Vec<_>>()
        })
    };
    let kind = RwSignal::new(ActivityKind::Workshop.code().to_string());
    let title = RwSignal::new(default_title(ActivityKind::Workshop).to_string());
    let on = RwSignal::new(date_value(Some(browser::today())));
    let at = RwSignal::new("14:00".to_string());
    let minutes = RwSignal::new("90".to_string());
    let who = RwSignal::new(everyone());
    let rep = RepeatInputs::new();
    // A new kind brings its usual title, unless one was typed.
    Effect::new(move |prev: Option<String>| {
        let now = kind.get();
        if let Some(prev) = prev {
            let old = ActivityKind::from_code(&prev).map(default_title);
            let typed = title.get_untracked();
            if prev != now && (typed.trim().is_empty() || old == Some(typed.trim())) {
                if let Some(k) = ActivityKind::from_code(&now) {
                    title.set(default_title(k).to_string());
                }
            }
        }
        now
    });
    let draft = FormDraft::new(format!("cohort/{id}/group-session"), "Plan a group session");
    let open = RwSignal::new(draft.has_draft());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let kind = ActivityKind::from_code(&kind.get_untracked()).unwrap_or(ActivityKind::Workshop);
        let Some(day) = parse_date(&on.get_untracked()) else {
            return app.warn("Please enter the session's date.");
        };
        let at = match crate::logic::journey::parse_start(&at.get_untracked()) {
            Ok(t) => t,
            Err(e) => return app.warn(&e),
        };
        let minutes = match crate::logic::journey::parse_minutes(&minutes.get_untracked()) {
            Ok(m) => m,
            Err(e) => return app.warn(&e),
        };
        let Some((filed, group)) = app
            .ws
            .with_untracked(|ws| filing(ws, id, &who.get_untracked()))
        else {
            return app.warn("Tick at least one candidate who takes part.");
        };
        let repeat = match rep.repeat() {
            Ok(r) => r,
            Err(e) => return app.warn(&e),
        };
        let n = 1 + group.len();
        let a = Activity {
            id: Id::nil(),
            candidate_id: filed,
            group,
            kind,
            title: title.get_untracked().trim().to_string(),
            on: day,
            at,
            minutes,
            done: false,
            with: Vec::new(),
            notes: String::new(),
            noticed: String::new(),
            differently: String::new(),
            assignment_id: None,
            journal_ids: Vec::new(),
            created_at: Timestamp::UNIX_EPOCH,
            updated_at: Timestamp::UNIX_EPOCH,
            merge_bases: Vec::new(),
        };
        let (action, done) = match repeat {
            Some(repeat) => (
                Action::PlanWeekly {
                    activity: a,
                    repeat,
                },
                format!("Planned the weekly group sessions for {n} candidates."),
            ),
            None => (
                Action::Put(Record::Activity(a)),
                format!("Planned the group session for {n} candidates."),
            ),
        };
        if draft.save(action, &done).is_some() {
            rep.reset();
            title.set(default_title(kind).to_string());
            who.set(everyone());
            open.set(false);
        }
    };
    let kinds: Vec<(String, String)> = ActivityKind::ALL
        .iter()
        .map(|k| (k.code().to_string(), k.label().to_string()))
        .collect();
    view! {
        <Folding open=open summary=|| "Plan a group session">
            <DraftForm draft=draft label="Plan a group session" on_submit=submit>
                <ChoiceField label="Kind" value=kind options=kinds/>
                <TextField label="Title" value=title required=true wide=true field="title"/>
                <DateField label="Date" value=on required=true/>
                <TimeField label="Start time (optional)" value=at/>
                <NumberField label="Duration (minutes)" value=minutes required=true field="minutes"/>
                <CandidatePicks legend="Who takes part" cohort_id=id value=who
                    hint="Everyone in the program is ticked; untick anyone who is not coming."/>
                {rep.view()}
                <FormButtons save_label="Plan group session"/>
            </DraftForm>
        </Folding>
    }
}

/// "Copy last week's plan": a preview of what would be copied for whom (and what this week
/// already has), then one change.
#[component]
fn CopyLastWeek(id: Id) -> impl IntoView {
    use crate::logic::journey::groups::copy_last_week;
    let app = use_app();
    let today = browser::today();
    let open = RwSignal::new(false);
    let plan = Memo::new(move |_| app.ws.with(|ws| copy_last_week(ws, id, today)));
    let lines = Signal::derive(move || app.ws.with(|ws| plan.get().summary(ws, id)));
    let intro = Signal::derive(move || {
        "Each copy is planned (not done), a week later, without notes or debriefs; group sessions stay group sessions.".to_string()
    });
    let copy = Callback::new(move |_| {
        let n = plan.with_untracked(|p| p.copies.len());
        app.act(
            Action::CopyLastWeek {
                cohort_id: id,
                today,
            },
            &format!(
                "Copied {} from last week into this week.",
                crate::ui::widgets::count(n, "session", "sessions")
            ),
        );
    });
    view! {
        <p>
            <button type="button" class="secondary" on:click=move |_| open.set(true)
                disabled=move || app.is_read_only() || plan.with(|p| p.copies.is_empty())>"Copy last week's plan…"</button>
            <span class="muted" role="status">{move || plan.with(|p| if p.copies.is_empty() {
                format!(" {}", lines.get().join(" "))
            } else {
                format!(" Last week (from {}): {} to copy.", fmt_date(p.from), crate::ui::widgets::count(p.copies.len(), "session", "sessions"))
            })}</span>
        </p>
        <ConfirmDialog open=open title="Copy last week's plan into this week?" intro=intro lines=lines
            confirm_label="Copy the sessions" confirm_class="" on_confirm=copy/>
    }
}
