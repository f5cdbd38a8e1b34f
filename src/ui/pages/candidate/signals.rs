//! Success signals for one candidate: each of the cohort's signals is met (on a day) or not yet,
//! with links to the activities, micro-assignments and journal entries that show it.

use leptos::prelude::*;

use crate::logic::actions::Action;
use crate::logic::journey::signals_met;
use crate::logic::records::entry_label;
use crate::model::{Id, RecordKind, SignalMark, SuccessSignal, Visibility};
use crate::ui::browser;
use crate::ui::forms::{CheckField, DateField};
use crate::ui::pages::candidate::section_href;
use crate::ui::state::use_app;
use crate::ui::widgets::{date_value, fmt_date, parse_date};

fn section_of(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Activity => "activities",
        RecordKind::Assignment => "assignments",
        RecordKind::JournalEntry => "journal",
        RecordKind::OneOnOne => "one-on-ones",
        _ => "",
    }
}

#[component]
pub fn SignalsSection(id: Id) -> impl IntoView {
    let app = use_app();
    let signals = move || {
        app.ws.with(|ws| {
            ws.candidate(id)
                .and_then(|c| ws.cohort(c.cohort_id))
                .map(|c| c.success_signals.clone())
                .unwrap_or_default()
        })
    };
    let summary = move || {
        app.ws.with(|ws| {
            ws.candidate(id).map(|c| {
                let (met, of) = signals_met(ws, c);
                format!("{met} of {of} signals met.")
            })
        })
    };
    view! {
        <p class="muted">"The outcomes the cohort agreed to look for. Mark one met when something you can point to shows it, and link that evidence."</p>
        <h2>{summary}</h2>
        <ul class="entries">
            <For each=signals key=|s| (s.id, s.text.clone()) let:signal>
                <SignalCard candidate_id=id signal=signal/>
            </For>
        </ul>
        {move || signals().is_empty().then(|| view! { <p class="muted">"The cohort has no success signals yet. Add them on the cohort's page."</p> })}
    }
}

#[component]
fn SignalCard(candidate_id: Id, signal: SuccessSignal) -> impl IntoView {
    let app = use_app();
    let sid = signal.id;
    let mark = move || {
        app.ws.with(|ws| {
            ws.candidate(candidate_id)
                .and_then(|c| c.signals.iter().find(|m| m.signal_id == sid).cloned())
        })
    };
    let start: Option<SignalMark> = mark();
    let met = RwSignal::new(start.as_ref().is_some_and(|m| m.met_on.is_some()));
    let met_on = RwSignal::new(date_value(Some(
        start
            .as_ref()
            .and_then(|m| m.met_on)
            .unwrap_or_else(browser::today),
    )));
    let evidence = RwSignal::new(start.map(|m| m.evidence).unwrap_or_default());
    let editing = RwSignal::new(false);
    // Opening the form reads the signal as it stands now (a merge or another tab may have
    // changed it since this card was drawn), so saving never writes back an old state.
    let open_form = move || {
        let now = mark();
        met.set(now.as_ref().is_some_and(|m| m.met_on.is_some()));
        met_on.set(date_value(Some(
            now.as_ref()
                .and_then(|m| m.met_on)
                .unwrap_or_else(browser::today),
        )));
        evidence.set(now.map(|m| m.evidence).unwrap_or_default());
        editing.set(true);
    };
    let choices = move || {
        app.ws
            .with(|ws| crate::logic::journey::evidence_choices(ws, candidate_id))
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let met_on = if met.get_untracked() {
            match parse_date(&met_on.get_untracked()) {
                Some(d) => Some(d),
                None => return app.warn("Please enter the day the signal was met."),
            }
        } else {
            None
        };
        if app
            .act(
                Action::MarkSignal {
                    candidate_id,
                    signal_id: sid,
                    met_on,
                    evidence: evidence.get_untracked(),
                },
                "Saved the signal.",
            )
            .is_some()
        {
            editing.set(false);
        }
    };
    let text = signal.text.clone();
    let shown = move || {
        let m = mark();
        let state = match m.as_ref().and_then(|m| m.met_on) {
            Some(d) => {
                view! { <span class="badge ok">{format!("Met {}", fmt_date(d))}</span> }.into_any()
            }
            None => view! { <span class="badge muted">"Not yet"</span> }.into_any(),
        };
        let links = app.ws.with(|ws| {
            m.map(|m| m.evidence)
                .unwrap_or_default()
                .into_iter()
                .map(|e| match entry_label(ws, e) {
                    Some((kind, title)) => {
                        let href = format!("{}#r-{e}", section_href(candidate_id, section_of(kind)));
                        let private = ws
                            .journal
                            .iter()
                            .any(|j| j.id == e && j.visibility == Visibility::Private);
                        view! {
                            <li><a href=href>{format!("{}: {title}", capital(kind.name()))}</a>
                                {private.then(|| view! { <span class="badge private">"Private"</span> })}
                            </li>
                        }.into_any()
                    }
                    None => view! { <li class="muted">"(evidence not in this copy)"</li> }.into_any(),
                })
                .collect_view()
        });
        view! { <p>{state}</p><ul class="evidence">{links}</ul> }
    };
    let legend = format!("Evidence for “{}”", signal.text);
    let edit_label = format!("Update “{}”", signal.text);
    view! {
        <li class="card entry" id=format!("r-{sid}")>
            <h3>{text}</h3>
            {shown}
            <Show when=move || editing.get() fallback=move || view! {
                <p class="row-actions"><button type="button" class="link" aria-label=edit_label.clone() on:click=move |_| open_form() disabled=move || app.is_read_only()>"Update"</button></p>
            }>
                <form class="form grid" on:submit=save>
                    <CheckField label="Met" value=met/>
                    <Show when=move || met.get()>
                        <DateField label="Met on" value=met_on/>
                    </Show>
                    <fieldset class="people wide">
                        <legend>{legend.clone()}</legend>
                        <div class="people-list evidence-list">
                            {move || choices().into_iter().map(|(eid, _, label)| view! {
                                <label class="check"><input type="checkbox"
                                    prop:checked=move || evidence.with(|v| v.contains(&eid))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        evidence.update(|v| { v.retain(|x| *x != eid); if on { v.push(eid); } });
                                    }/>{label}</label>
                            }).collect_view()}
                        </div>
                    </fieldset>
                    <div class="actions">
                        <button type="submit" disabled=move || app.is_read_only()>"Save signal"</button>
                        <button type="button" class="secondary" on:click=move |_| editing.set(false)>"Cancel"</button>
                    </div>
                </form>
            </Show>
        </li>
    }
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}
