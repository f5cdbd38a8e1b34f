//! "Ready for the next level?" on a manager's page: the next level's outcomes with their dated
//! evidence, the span it covers against the 6–12+ month goal, the current level's outcomes
//! (they stay met), what is missing, and adding evidence. The core query is
//! [`next_level`](crate::logic::track::readiness::next_level); this only shows it.

use leptos::prelude::*;

use crate::logic::actions::Action;
use crate::logic::records::Record;
use crate::logic::track::readiness::{
    framework_level, months_text, next_level, track_framework, Outcome, SPAN_GOAL_MONTHS,
};
use crate::model::{Id, RecordKind, Timestamp, TrackEvidence};
use crate::ui::browser;
use crate::ui::forms::{
    AreaField, ChoiceField, DateField, DeleteEntry, DraftForm, FormButtons, FormDraft, TextField,
};
use crate::ui::state::use_app;
use crate::ui::widgets::{date_value, fmt_date, parse_date};

#[component]
pub fn NextLevelPanel(person_id: Id) -> impl IntoView {
    let app = use_app();
    let today = browser::today();
    let view_of = move || app.ws.with(|ws| next_level(ws, person_id, today));
    let heading = move || view_of().map_or(String::new(), |n| format!("Towards {}", n.next.code()));
    view! {
        <Show when=move || view_of().is_some()>
            <section aria-labelledby="next-level">
                <h2 id="next-level">{heading}</h2>
                {move || view_of().map(|n| {
                    let next = n.next.code();
                    let span = match n.span {
                        Some((a, b)) => format!(
                            "Evidence of working at {next} runs from {} to {}: {}.",
                            fmt_date(a), fmt_date(b), months_text(n.span_months)
                        ),
                        None => format!("No evidence of working at {next} yet."),
                    };
                    let goal = format!(
                        "Promotion asks for mastery of {}, working at {next} for {}–{} months or more, and room to grow further.",
                        n.standing.level.code(), SPAN_GOAL_MONTHS.0, SPAN_GOAL_MONTHS.1
                    );
                    let gaps = n.gaps.clone();
                    view! {
                        <p>{goal}</p>
                        <p class="span" data-months=n.span_months.to_string()><strong>{span}</strong></p>
                        {n.tenure.clone().map(|t| view! { <p class="hint">{t}</p> })}
                        <h3>{format!("{next} outcomes")}</h3>
                        <ul class="outcomes">
                            {n.outcomes.iter().map(|o| view! { <OutcomeItem o=o.clone() goal=true/> }).collect_view()}
                        </ul>
                        <details>
                            <summary>{format!("{} outcomes (they stay met)", n.standing.level.code())}</summary>
                            <ul class="outcomes">
                                {n.current.iter().map(|o| view! { <OutcomeItem o=o.clone() goal=false/> }).collect_view()}
                            </ul>
                        </details>
                        <h3>"What is missing"</h3>
                        {if gaps.is_empty() {
                            view! { <p>"Nothing: every outcome has evidence over the span the move asks for. The decision is still a person's, on the whole picture."</p> }.into_any()
                        } else {
                            view! { <ul class="gaps">{gaps.into_iter().map(|g| view! { <li>{g}</li> }).collect_view()}</ul> }.into_any()
                        }}
                    }
                })}
                // Outside the part above, which is redrawn on every change: a form half
                // filled in stays as it is while the rest of the page updates.
                <AddEvidence person_id=person_id/>
            </section>
        </Show>
    }
}

#[component]
fn OutcomeItem(o: Outcome, goal: bool) -> impl IntoView {
    let app = use_app();
    let span = o.span_months();
    let met = goal && span >= SPAN_GOAL_MONTHS.0;
    let count = o.evidence.len();
    view! {
        <li class="outcome-item" data-evidence=count.to_string()>
            <p><strong>{o.domain.clone()}</strong>
                {if count == 0 {
                    " · no evidence yet".to_string()
                } else {
                    format!(" · {} from {} to {} ({})", plural(count, "item"), o.first().map(fmt_date).unwrap_or_default(), o.last().map(fmt_date).unwrap_or_default(), months_text(span))
                }}
                {met.then(|| view! { <span class="badge">"span reached"</span> })}
            </p>
            <p class="muted">{o.descriptor.clone()}</p>
            {(count > 0).then(|| view! {
                <ul class="evidence">
                    {o.evidence.iter().map(|(d, note, id)| {
                        let what = format!("the evidence of {}", fmt_date(*d));
                        let link = app.ws.with_untracked(|ws| ws.track_evidence.iter().find(|e| e.id == *id).map(|e| e.link.clone()).unwrap_or_default());
                        view! {
                            <li><time datetime=date_value(Some(*d))>{fmt_date(*d)}</time>" — "{note.clone()}
                                {(!link.is_empty()).then(|| view! { " " <a href=link.clone() rel="noopener noreferrer" target="_blank">"Link"<span class="sr-only">{format!(" for the evidence of {}", fmt_date(*d))}</span></a> })}
                                " " <DeleteEntry kind=RecordKind::TrackEvidence id=*id what=what/></li>
                        }
                    }).collect_view()}
                </ul>
            })}
        </li>
    }
}

fn plural(n: usize, one: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {one}s")
    }
}

#[component]
fn AddEvidence(person_id: Id) -> impl IntoView {
    let app = use_app();
    // Every outcome of the current and next level, as "People at M2".
    let options = app.ws.with_untracked(|ws| {
        let fw = track_framework(ws);
        let today = browser::today();
        let Some(s) = crate::logic::track::standing(ws, person_id, today) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for level in [
            crate::logic::track::next_manager_level(s.level),
            Some(s.level),
        ]
        .into_iter()
        .flatten()
        {
            if let Some(l) = framework_level(&fw, level) {
                for d in fw.active_domains() {
                    out.push((
                        format!("{}/{}", d.id, l.id),
                        format!("{} at {}", d.name, level.code()),
                    ));
                }
            }
        }
        out
    });
    let outcome = RwSignal::new(options.first().map(|o| o.0.clone()).unwrap_or_default());
    let on = RwSignal::new(date_value(Some(browser::today())));
    let note = RwSignal::new(String::new());
    let link = RwSignal::new(String::new());
    let draft = FormDraft::new(format!("track-evidence/{person_id}/new"), "Add evidence");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let picked = outcome.get_untracked();
        let mut parts = picked.split('/').filter_map(|s| Id::parse_str(s).ok());
        let (Some(domain_id), Some(level_id)) = (parts.next(), parts.next()) else {
            app.warn("Choose the outcome the evidence shows.");
            return;
        };
        let Some(day) = parse_date(&on.get_untracked()) else {
            app.warn("Enter the day it happened.");
            return;
        };
        let e = TrackEvidence {
            id: Id::nil(),
            person_id,
            domain_id,
            level_id,
            on: day,
            note: note.get_untracked().trim().to_string(),
            link: link.get_untracked().trim().to_string(),
            created_at: Timestamp::UNIX_EPOCH,
            updated_at: Timestamp::UNIX_EPOCH,
            merge_bases: Vec::new(),
        };
        if draft
            .save(Action::Put(Record::TrackEvidence(e)), "Added the evidence.")
            .is_some()
        {
            note.set(String::new());
            link.set(String::new());
        }
    };
    view! {
        <details class="panel" open=draft.has_draft()>
            <summary>"Add evidence"</summary>
            <DraftForm draft=draft label="Add evidence of an outcome" on_submit=submit>
                <ChoiceField label="Outcome" value=outcome options=options field="domain_id+level_id"/>
                <DateField label="When it happened" value=on required=true field="on"/>
                <AreaField label="What it shows" value=note field="note" rows=2/>
                <TextField label="Link (optional)" value=link field="link" placeholder="https://…"/>
                <FormButtons save_label="Add evidence"/>
            </DraftForm>
        </details>
    }
}
