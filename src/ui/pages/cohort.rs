use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::logic::actions::{cohort_deletion_impact, Action, CandidateFields, CohortFields};
use crate::logic::phases::{phase_span, position_on, progress, Position};
use crate::model::{CandidateStatus, Cohort, Id};
use crate::ui::browser;
use crate::ui::pages::cohorts::CohortForm;
use crate::ui::pages::{route_id, Missing};
use crate::ui::state::{use_app, AppState};
use crate::ui::widgets::{
    date_value, fmt_date, parse_date, person_choices, ConfirmDialog, StatusBadge,
};

#[component]
pub fn CohortPage() -> impl IntoView {
    let app = use_app();
    let id = route_id();
    // Changes only when the cohort appears or disappears, so edits don't rebuild the page.
    let found = Memo::new(move |_| {
        id.get()
            .filter(|id| app.ws.with(|ws| ws.cohort(*id).is_some()))
    });
    move || match found.get() {
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
    view! {
        <section class="page">
            <p class="crumbs"><A href="/cohorts">"Cohorts"</A> " / "</p>
            <h1>{name}</h1>
            <dl class="facts">
                <div><dt>"Sponsor"</dt><dd>{move || match people_line().0 {
                    Some((pid, n)) => view! { <A href=format!("/people/{pid}")>{n}</A> }.into_any(),
                    None => view! { <span class="muted">"None yet"</span> }.into_any(),
                }}</dd></div>
                <div><dt>"Coaches"</dt><dd>{move || {
                    let coaches = people_line().1;
                    if coaches.is_empty() {
                        view! { <span class="muted">"None yet"</span> }.into_any()
                    } else {
                        coaches.into_iter().enumerate().map(|(i, (pid, n))| view! {
                            {(i > 0).then_some(", ")}<A href=format!("/people/{pid}")>{n}</A>
                        }).collect_view().into_any()
                    }
                }}</dd></div>
                <div><dt>"Runs"</dt><dd>{move || cohort(app, id).map(|c| format!("{} – {}", fmt_date(c.starts_on()), fmt_date(c.ends_on())))}</dd></div>
            </dl>
            <Timeline id=id/>
            <Candidates id=id/>
            <Signals id=id/>
            <EditCohort id=id/>
            <DeleteCohort id=id/>
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
                        p.map(|p| format!("{} · {}", p.level.code(), p.team))
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
            person_choices(ws)
                .into_iter()
                .filter(|(pid, _)| !ws.candidates_in(id).any(|c| c.person_id == *pid))
                .collect::<Vec<_>>()
        })
    };
    let person = RwSignal::new(String::new());
    let status = RwSignal::new(CandidateStatus::Nominated.code().to_string());
    let hours = RwSignal::new("6".to_string());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(person_id) = Id::parse_str(&person.get_untracked()) else {
            app.warn("Pick a person to enrol.");
            return;
        };
        let Ok(h) = hours.get_untracked().trim().parse::<f32>() else {
            app.warn("Protected hours must be a number, e.g. 6.");
            return;
        };
        let fields = CandidateFields {
            status: CandidateStatus::from_code(&status.get_untracked()).unwrap_or_default(),
            protected_hours_per_week: h,
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
                                <td><A href=format!("/candidates/{cid}")>{name.clone()}</A></td>
                                <td>{about}</td>
                                <td><StatusBadge status=st/></td>
                                <td>{format!("{h}")}</td>
                            </tr>
                        </For>
                    </tbody>
                </table>
            </div>
        </Show>
        <form class="form inline" on:submit=add aria-label="Enrol a candidate">
            <label>"Person"
                <select prop:value=move || person.get() on:change=move |ev| person.set(event_target_value(&ev))>
                    <option value="">"— pick a person —"</option>
                    {move || addable().into_iter().map(|(pid, label)| view! { <option value=pid.to_string()>{label}</option> }).collect_view()}
                </select>
            </label>
            <label>"Status"
                <select prop:value=move || status.get() on:change=move |ev| status.set(event_target_value(&ev))>
                    {CandidateStatus::ALL.into_iter().map(|s| view! { <option value=s.code()>{s.label()}</option> }).collect_view()}
                </select>
            </label>
            <label>"Protected hours / week" <input type="number" min="0" max="40" step="0.5" bind:value=hours/></label>
            <button type="submit">"Enrol candidate"</button>
        </form>
    }
}

#[component]
fn Signals(id: Id) -> impl IntoView {
    let app = use_app();
    let signals = move || {
        cohort(app, id)
            .map(|c| c.success_signals)
            .unwrap_or_default()
    };
    let new_text = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if app
            .act(
                Action::AddSignal {
                    cohort_id: id,
                    text: new_text.get_untracked(),
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
        <p class="muted">"What you will be able to see when a candidate is ready. Agree these before the cohort starts."</p>
        <ol class="signals">
            <For each=signals key=|s| (s.id, s.text.clone()) children=move |s| {
                let sid = s.id;
                let label = format!("Success signal {}", s.text.chars().take(40).collect::<String>());
                view! {
                    <li>
                        <input type="text" class="signal-text" value=s.text.clone() aria-label=label.clone()
                            on:change=move |ev| {
                                let text = event_target_value(&ev);
                                app.act(Action::UpdateSignal { cohort_id: id, signal_id: sid, text }, "Saved the success signal.");
                            }/>
                        <button type="button" class="secondary small" aria-label=format!("Remove: {}", s.text)
                            on:click=move |_| { app.act(Action::RemoveSignal { cohort_id: id, signal_id: sid }, "Removed the success signal."); }>"Remove"</button>
                    </li>
                }
            }/>
        </ol>
        <form class="form inline" on:submit=add aria-label="Add a success signal">
            <label class="grow">"New success signal" <input type="text" bind:value=new_text/></label>
            <button type="submit">"Add signal"</button>
        </form>
    }
}

#[component]
fn EditCohort(id: Id) -> impl IntoView {
    let app = use_app();
    let save = Callback::new(move |fields: CohortFields| {
        app.act(Action::UpdateCohort { id, fields }, "Saved the cohort.")
            .is_some()
    });
    let phases = move || cohort(app, id).map(|c| c.phases).unwrap_or_default();
    view! {
        <details class="panel">
            <summary>"Edit cohort details and phase dates"</summary>
            {move || cohort(app, id).map(|c| view! {
                <CohortForm initial=CohortFields { name: c.name.clone(), sponsor_id: c.sponsor_id, coach_ids: c.coach_ids.clone(), starts_on: c.starts_on() } submit_label="Save cohort" on_submit=save/>
            })}
            <h3>"Phase end dates"</h3>
            <p class="muted">"Changing when a phase ends moves the phases after it, keeping their lengths. Changing the start date above moves them all."</p>
            <div class="form grid">
                {move || phases().into_iter().enumerate().map(|(i, p)| view! {
                    <label>{format!("{} ends on", p.kind.name())}
                        <input type="date" value=date_value(Some(p.ends_on))
                            on:change=move |ev| {
                                if let Some(ends_on) = parse_date(&event_target_value(&ev)) {
                                    app.act(Action::SetPhaseEnd { cohort_id: id, index: i, ends_on }, "Moved the phase dates.");
                                }
                            }/>
                    </label>
                }).collect_view()}
            </div>
            <button type="button" class="secondary" on:click=move |_| { app.act(Action::ResetPhases { cohort_id: id }, "Phases reset to 1 / 1 / 2 / 2 months."); }>"Reset phases to default lengths"</button>
        </details>
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
