//! A manager's place on the leadership ladder: their rung (what it asks, how it is assessed,
//! and what Runway already records for that), the training ledger against the rung's hours and
//! practice cadence, and logging a session.

use crate::sort::StableSort as _;
use leptos::prelude::*;

use crate::logic::actions::Action;
use crate::logic::ladder::{
    assessment_sources, framework_rung, ladder_framework, ledger, rung_of, suggested, targets,
};
use crate::logic::records::Record;
use crate::logic::track::current_level;
use crate::model::{Id, LadderLevel, RecordKind, Timestamp, TrainingEntry, TrainingKind};
use crate::ui::browser;
use crate::ui::forms::{
    ChoiceField, DateField, DeleteEntry, DraftForm, FormButtons, FormDraft, NumberField, TextField,
};
use crate::ui::state::use_app;
use crate::ui::widgets::{date_value, fmt_date, parse_date};

fn hours(v: f32) -> String {
    crate::logic::charts::num(v as f64)
}

#[component]
pub fn LadderPanel(person_id: Id) -> impl IntoView {
    let app = use_app();
    let today = browser::today();
    let is_manager = move || {
        app.ws.with(|ws| {
            current_level(ws, person_id).is_some_and(crate::model::TrackLevel::is_manager)
                || ws.person(person_id).is_some_and(|p| p.ladder.is_some())
        })
    };
    view! {
        <Show when=is_manager>
            <section aria-labelledby="ladder-heading">
                <h2 id="ladder-heading">"Leadership ladder"</h2>
                <Rung person_id=person_id/>
                {move || app.ws.with(|ws| ws.person(person_id).and_then(|p| ledger(ws, p, today))).map(|l| {
                    view! {
                        <p class="ledger" class:behind=l.behind()>
                            {l.behind().then(|| view! { <span class="badge warn">"Behind"</span> " " })}
                            {l.summary()}
                            <span class="muted">{format!(" Counted since {}; the training target is {} h a year.", fmt_date(l.from), hours(l.training_target))}</span>
                        </p>
                    }
                })}
                <Sources person_id=person_id/>
                <Ledger person_id=person_id/>
            </section>
        </Show>
    }
}

#[component]
fn Rung(person_id: Id) -> impl IntoView {
    let app = use_app();
    let current = move || {
        app.ws
            .with(|ws| ws.person(person_id).and_then(|p| rung_of(ws, p)))
    };
    let chosen = RwSignal::new(
        app.ws
            .with_untracked(|ws| ws.person(person_id).and_then(|p| p.ladder))
            .map(|l| l.code().to_string())
            .unwrap_or_default(),
    );
    let suggestion = app.ws.with_untracked(|ws| {
        current_level(ws, person_id)
            .and_then(suggested)
            .map(|l| l.label())
    });
    let mut options = vec![(
        String::new(),
        suggestion.map_or("— not set —".to_string(), |s| {
            format!("From their level ({s})")
        }),
    )];
    options.extend(
        LadderLevel::ALL
            .iter()
            .map(|l| (l.code().to_string(), l.label().to_string())),
    );
    let set = move |_| {
        let Some(mut p) = app.ws.with_untracked(|ws| ws.person(person_id).cloned()) else {
            return;
        };
        p.ladder = LadderLevel::from_code(&chosen.get_untracked());
        app.act(Action::Put(Record::Person(p)), "Saved the ladder level.");
    };
    view! {
        {move || current().map(|(l, set_by_hand)| {
            let (target, cadence) = targets(l);
            // What the rung means, in the ladder framework's words (a copy edited here wins).
            let words = app.ws.with(|ws| {
                let fw = ladder_framework(ws)?;
                let level = framework_rung(&fw, l)?;
                let cells: Vec<(String, String)> = fw
                    .active_domains()
                    .map(|d| (d.name.clone(), fw.descriptor(d.id, level.id).to_string()))
                    .filter(|(_, t)| !t.is_empty())
                    .collect();
                Some((level.guidance.clone(), cells))
            });
            view! {
                <p><strong>{l.label()}</strong>{(!set_by_hand).then_some(" (from their track level)")}</p>
                {words.map(|(guidance, cells)| view! {
                    <p>{guidance}</p>
                    <details>
                        <summary>"What this level looks like"</summary>
                        <dl class="sections">
                            {cells.into_iter().map(|(d, t)| view! { <dt>{d}</dt><dd>{t}</dd> }).collect_view()}
                        </dl>
                    </details>
                })}
                <p class="muted">{format!("Expected: {} h of training a year, and {}.", hours(target), cadence.text())}</p>
            }
        })}
        <Show when=move || app.person() != Some(person_id)>
            <div class="form inline">
                <ChoiceField label="Ladder level" value=chosen options=options.clone()/>
                <button type="button" class="secondary" on:click=set disabled=move || app.is_read_only()>"Set ladder level"</button>
            </div>
        </Show>
    }
}

#[component]
fn Sources(person_id: Id) -> impl IntoView {
    let app = use_app();
    let list = move || {
        app.ws.with(|ws| {
            let p = ws.person(person_id)?;
            let (l, _) = rung_of(ws, p)?;
            Some(assessment_sources(ws, p, l))
        })
    };
    view! {
        {move || list().map(|s| view! {
            <h3>"What Runway records for the assessment"</h3>
            <ul class="sources">
                {s.into_iter().map(|x| view! {
                    <li>{format!("{}: {}{}", x.what, x.count, x.latest.map_or(String::new(), |d| format!(", latest {}", fmt_date(d))))}
                        <span class="muted">{format!(" — {}", x.detail)}</span></li>
                }).collect_view()}
            </ul>
        })}
    }
}

#[component]
fn Ledger(person_id: Id) -> impl IntoView {
    let app = use_app();
    let entries = move || {
        app.ws.with(|ws| {
            let mut l: Vec<TrainingEntry> = ws
                .training
                .iter()
                .filter(|e| e.person_id == person_id)
                .cloned()
                .collect();
            l.stable_sort_by_key(|e| std::cmp::Reverse(e.on));
            l
        })
    };
    let on = RwSignal::new(date_value(Some(browser::today())));
    let kind = RwSignal::new(TrainingKind::Training.code().to_string());
    let hours_typed = RwSignal::new(String::new());
    let topic = RwSignal::new(String::new());
    let kinds: Vec<(String, String)> = TrainingKind::ALL
        .iter()
        .map(|k| (k.code().to_string(), k.label().to_string()))
        .collect();
    let draft = FormDraft::new(format!("training/{person_id}/new"), "Log training");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(day) = parse_date(&on.get_untracked()) else {
            app.warn("Enter the day of the session.");
            return;
        };
        let typed = hours_typed.get_untracked().trim().replace(',', ".");
        let Ok(h) = typed.parse::<f32>() else {
            app.warn("Hours are a number, like 1.5.");
            return;
        };
        let e = TrainingEntry {
            id: Id::nil(),
            person_id,
            on: day,
            kind: TrainingKind::from_code(&kind.get_untracked()).unwrap_or(TrainingKind::Training),
            hours: h,
            topic: topic.get_untracked().trim().to_string(),
            created_at: Timestamp::UNIX_EPOCH,
            updated_at: Timestamp::UNIX_EPOCH,
            merge_bases: Vec::new(),
        };
        if draft
            .save(Action::Put(Record::Training(e)), "Logged.")
            .is_some()
        {
            hours_typed.set(String::new());
            topic.set(String::new());
        }
    };
    view! {
        <h3>"Training ledger"</h3>
        <details class="panel" open=draft.has_draft()>
            <summary>"Log training or practice"</summary>
            <DraftForm draft=draft label="Log training or practice" on_submit=submit>
                <DateField label="Day" value=on required=true field="on"/>
                <ChoiceField label="Kind" value=kind options=kinds field="kind"/>
                <NumberField label="Hours" value=hours_typed required=true field="hours"/>
                <TextField label="Topic" value=topic field="topic"/>
                <FormButtons save_label="Log it"/>
            </DraftForm>
        </details>
        {move || {
            let l = entries();
            if l.is_empty() {
                view! { <p class="muted">"Nothing logged yet. Every manager is expected to keep developing, whatever their level."</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table>
                            <caption class="sr-only">"Training and practice logged"</caption>
                            <thead><tr><th scope="col">"Day"</th><th scope="col">"Kind"</th><th scope="col">"Hours"</th><th scope="col">"Topic"</th><th scope="col"><span class="sr-only">"Actions"</span></th></tr></thead>
                            <tbody>
                                {l.into_iter().map(|e| {
                                    let what = format!("the {} of {}", e.kind.label().to_lowercase(), fmt_date(e.on));
                                    view! {
                                        <tr>
                                            <th scope="row">{fmt_date(e.on)}</th>
                                            <td>{e.kind.label()}</td>
                                            <td>{hours(e.hours)}</td>
                                            <td>{e.topic.clone()}</td>
                                            <td><DeleteEntry kind=RecordKind::Training id=e.id what=what/></td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }
        }}
    }
}
