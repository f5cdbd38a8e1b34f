//! The selection board of a cohort: every nominee with their selection facts at a glance. Also
//! the cohort's interview scenarios, shown on the cohort page.

use crate::sort::StableSort as _;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::logic::actions::Action;
use crate::logic::selection::{selection_board, BoardRow};
use crate::model::{GreenFlag, Id, NominationKind, Verdict, Workspace};
use crate::ui::link;
use crate::ui::pages::candidate::section_href;
use crate::ui::pages::{existing_route_id, Missing};
use crate::ui::state::use_app;
use crate::ui::widgets::{ConfirmDialog, StatusBadge};

#[component]
pub fn SelectionBoardPage() -> impl IntoView {
    let found = existing_route_id(|ws, id| ws.cohort(id).is_some());
    move || match found.get().0 {
        None => view! { <Missing what="cohort" back="/cohorts" back_label="Back to cohorts"/> }
            .into_any(),
        Some(id) => view! { <Board id=id/> }.into_any(),
    }
}

/// One row of the board as text, ready to show.
#[derive(Clone, PartialEq)]
struct Line {
    candidate_id: Id,
    name: String,
    nominated: String,
    flags: String,
    wants: String,
    references: usize,
    scorecards: String,
    mean: String,
    split: bool,
    verdict: Option<Verdict>,
    status: crate::model::CandidateStatus,
}

fn line(ws: &Workspace, r: &BoardRow) -> Line {
    let c = &r.candidate;
    let nominated = match &c.nomination {
        None => "not recorded".to_string(),
        Some(n) => match (n.kind, n.by) {
            (NominationKind::SelfNominated, _) => "self-nominated".to_string(),
            (NominationKind::Manager, Some(by)) => {
                format!("by their manager, {}", ws.person_name(by))
            }
            (NominationKind::Manager, None) => "by their manager".to_string(),
        },
    };
    let mean = if r.scorecards == 0 {
        "no scorecards".to_string()
    } else {
        match r.mean_score {
            Some(m) if r.scorecards_complete == r.scorecards => format!("{m:.1}"),
            _ => "hidden".to_string(),
        }
    };
    Line {
        candidate_id: c.id,
        name: ws.person_name(c.person_id).to_string(),
        nominated,
        flags: format!("{}/{}", c.green_flags.len(), GreenFlag::ALL.len()),
        wants: c
            .wants_to_manage
            .map_or("not asked".to_string(), |w| w.label().to_string()),
        references: r.references,
        scorecards: format!("{}/{}", r.scorecards_complete, r.scorecards),
        mean,
        split: r.max_spread.is_some_and(|s| s >= 2),
        verdict: c.decision.as_ref().map(|d| d.verdict),
        status: c.status,
    }
}

#[component]
fn Board(id: Id) -> impl IntoView {
    let app = use_app();
    let cohort_name = move || {
        app.ws
            .with(|ws| ws.cohort(id).map(|c| c.name.clone()).unwrap_or_default())
    };
    let lines = move || {
        app.ws.with(|ws| {
            let mut out: Vec<Line> = selection_board(ws, id)
                .iter()
                .map(|r| line(ws, r))
                .collect();
            out.stable_sort_by_key(|l| l.name.to_lowercase());
            out
        })
    };
    let summary = move || {
        let l = lines();
        let selected = l
            .iter()
            .filter(|x| x.verdict == Some(Verdict::Selected))
            .count();
        let not_now = l
            .iter()
            .filter(|x| x.verdict == Some(Verdict::NotNow))
            .count();
        format!(
            "{} nominee{} · {selected} selected · {not_now} not now · {} still to decide",
            l.len(),
            if l.len() == 1 { "" } else { "s" },
            l.len() - selected - not_now
        )
    };
    view! {
        <section class="page">
            <p class="crumbs"><A href=link("/cohorts")>"Cohorts"</A> " / " <A href=link(&format!("/cohorts/{id}"))>{cohort_name}</A> " / "</p>
            <h1>"Selection board"</h1>
            <p class="lead">{move || format!("Everyone put forward for {}. ", cohort_name())}{summary}</p>
            <p class="muted">"Interview means stay hidden until every interviewer has scored every scenario; “split” marks a nominee on whom two interviewers were 2 or more points apart on some scenario. Open a name to record the nomination, references, scorecards and decision."</p>
            <Show when=move || !lines().is_empty() fallback=move || view! {
                <p class="muted">"Nobody is enrolled in this cohort yet. Enrol people on the " <A href=link(&format!("/cohorts/{id}"))>"cohort page"</A> "; they start as nominated."</p>
            }>
                <div class="table-wrap">
                    <table class="board">
                        <caption class="sr-only">"Selection board"</caption>
                        <thead><tr>
                            <th scope="col">"Nominee"</th>
                            <th scope="col">"Put forward"</th>
                            <th scope="col">"Green flags"</th>
                            <th scope="col">"Wants to manage"</th>
                            <th scope="col">"References"</th>
                            <th scope="col">"Scorecards done"</th>
                            <th scope="col">"Mean score"</th>
                            <th scope="col">"Decision"</th>
                            <th scope="col">"Status"</th>
                        </tr></thead>
                        <tbody>
                            {move || lines().into_iter().map(|l| view! {
                                <tr>
                                    <th scope="row"><a href=section_href(l.candidate_id, "selection")>{l.name.clone()}</a></th>
                                    <td class="put">{l.nominated.clone()}</td>
                                    <td>{l.flags.clone()}</td>
                                    <td>{l.wants.clone()}</td>
                                    <td>{l.references}</td>
                                    <td>{l.scorecards.clone()}</td>
                                    <td class:muted=l.mean == "hidden">{l.mean.clone()}
                                        {l.split.then(|| view! { " " <span class="badge split-badge">"split"</span> })}
                                    </td>
                                    <td>{match l.verdict {
                                        Some(Verdict::Selected) => view! { <span class="badge ok">"Selected"</span> }.into_any(),
                                        Some(Verdict::NotNow) => view! { <span class="badge muted">"Not now"</span> }.into_any(),
                                        None => view! { <span class="muted">"undecided"</span> }.into_any(),
                                    }}</td>
                                    <td><StatusBadge status=l.status/></td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}

/// The cohort's interview scenarios, with add and remove (on the cohort page).
#[component]
pub fn CohortScenarios(id: Id) -> impl IntoView {
    let app = use_app();
    let rows = move || {
        app.ws.with(|ws| {
            ws.cohort(id)
                .map(|c| c.scenarios.clone())
                .unwrap_or_default()
        })
    };
    let title = RwSignal::new(String::new());
    let prompt = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if app
            .act(
                Action::AddScenario {
                    cohort_id: id,
                    title: title.get_untracked(),
                    prompt: prompt.get_untracked(),
                },
                "Added the interview scenario.",
            )
            .is_some()
        {
            title.set(String::new());
            prompt.set(String::new());
        }
    };
    view! {
        <h2 id="scenarios-h">"Interview scenarios"</h2>
        <p class="muted">"The situations every nominee of this cohort talks through in the selection interview. The first three are standard; add your own."</p>
        <ol class="scenarios" aria-labelledby="scenarios-h">
            <For each=rows key=|s| (s.id, s.title.clone(), s.prompt.clone()) let:s>
                <ScenarioItem cohort_id=id scenario_id=s.id title=s.title prompt=s.prompt/>
            </For>
        </ol>
        {move || rows().is_empty().then(|| view! { <p class="muted">"No scenarios: add at least one before interviews start."</p> })}
        <form class="form grid" on:submit=add aria-label="Add an interview scenario">
            <label class="wide">"Scenario title" <input type="text" bind:value=title required=true/></label>
            <label class="wide">"What the nominee is asked" <textarea rows="2" bind:value=prompt></textarea></label>
            <div class="actions"><button type="submit" disabled=move || app.is_read_only()>"Add scenario"</button></div>
        </form>
    }
}

#[component]
fn ScenarioItem(cohort_id: Id, scenario_id: Id, title: String, prompt: String) -> impl IntoView {
    let app = use_app();
    let open = RwSignal::new(false);
    let confirm = Callback::new(move |_| {
        app.act(
            Action::RemoveScenario {
                cohort_id,
                scenario_id,
            },
            "Removed the interview scenario.",
        );
    });
    let intro = format!(
        "“{title}” is no longer asked or scored. Scores already given for it stop counting; the notes stay in the scorecards."
    );
    let label = format!("Remove the scenario “{title}”");
    view! {
        <li>
            <strong>{title}</strong>
            {(!prompt.is_empty()).then(|| view! { <span class="muted prompt">{prompt}</span> })}
            <button type="button" class="secondary small" aria-label=label on:click=move |_| open.set(true)
                disabled=move || app.is_read_only()>"Remove"</button>
            <ConfirmDialog open=open title="Remove this scenario?" intro=Signal::derive(move || intro.clone())
                lines=Signal::derive(Vec::new) confirm_label="Remove scenario" on_confirm=confirm/>
        </li>
    }
}
