#![allow(dead_code)] // Some fields are used only by sections still being built.
//! Form fields bound to signals, and the small pieces every record editor shares: a labelled
//! input of each kind, a people picker, save/cancel buttons and a delete button that asks first.
//! Each field is a `<label>` around its control, so every control has an accessible name.

use leptos::prelude::*;

use crate::logic::actions::Action;
use crate::model::{Id, RecordKind};
use crate::ui::state::use_app;
use crate::ui::widgets::{person_choices, ConfirmDialog};

/// A one-line text input.
#[component]
pub fn TextField(
    #[prop(into)] label: String,
    value: RwSignal<String>,
    #[prop(optional)] required: bool,
    #[prop(optional, into)] placeholder: String,
    #[prop(optional)] wide: bool,
) -> impl IntoView {
    view! {
        <label class:wide=wide>{label}
            <input type="text" bind:value=value required=required placeholder=placeholder/>
        </label>
    }
}

/// A multi-line text input.
#[component]
pub fn AreaField(
    #[prop(into)] label: String,
    value: RwSignal<String>,
    #[prop(default = 3)] rows: u32,
    #[prop(optional, into)] placeholder: String,
) -> impl IntoView {
    view! {
        <label class="wide">{label}
            <textarea rows=rows bind:value=value placeholder=placeholder></textarea>
        </label>
    }
}

/// A date input (`YYYY-MM-DD` in the signal).
#[component]
pub fn DateField(
    #[prop(into)] label: String,
    value: RwSignal<String>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    view! {
        <label>{label}
            <input type="date" bind:value=value required=required/>
        </label>
    }
}

/// A number input; the signal holds the text as typed.
#[component]
pub fn NumberField(
    #[prop(into)] label: String,
    value: RwSignal<String>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    view! {
        <label>{label}
            <input type="text" inputmode="decimal" bind:value=value required=required/>
        </label>
    }
}

/// A select from `(value, label)` options.
#[component]
pub fn ChoiceField(
    #[prop(into)] label: String,
    value: RwSignal<String>,
    options: Vec<(String, String)>,
) -> impl IntoView {
    view! {
        <label>{label}
            <select prop:value=move || value.get() on:change=move |ev| value.set(event_target_value(&ev))>
                {options.into_iter().map(|(v, l)| {
                    let selected = value.get_untracked() == v;
                    view! { <option value=v selected=selected>{l}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}

/// A checkbox.
#[component]
pub fn CheckField(#[prop(into)] label: String, value: RwSignal<bool>) -> impl IntoView {
    view! {
        <label class="check"><input type="checkbox" bind:checked=value/>{label}</label>
    }
}

/// A select of one person (or nobody) from the workspace.
#[component]
pub fn PersonField(
    #[prop(into)] label: String,
    value: RwSignal<String>,
    #[prop(default = "— nobody —")] none_label: &'static str,
    /// A person not to offer (the candidate, in their own 1:1 log).
    #[prop(optional)]
    exclude: Option<Id>,
) -> impl IntoView {
    let app = use_app();
    let mut options = vec![(String::new(), none_label.to_string())];
    options.extend(app.ws.with_untracked(|ws| {
        person_choices(ws)
            .into_iter()
            .filter(|(id, _)| Some(*id) != exclude)
            .map(|(id, l)| (id.to_string(), l))
    }));
    view! { <ChoiceField label=label value=value options=options/> }
}

/// Checkboxes for choosing any number of people.
#[component]
pub fn PeopleField(
    #[prop(into)] legend: String,
    value: RwSignal<Vec<Id>>,
    /// A person not to offer (the candidate, among "who else took part").
    #[prop(optional)]
    exclude: Option<Id>,
) -> impl IntoView {
    let app = use_app();
    let mut people = app.ws.with_untracked(person_choices);
    people.retain(|(id, _)| Some(*id) != exclude);
    view! {
        <fieldset class="people wide">
            <legend>{legend}</legend>
            <div class="people-list">
                {people.into_iter().map(|(id, label)| view! {
                    <label class="check">
                        <input type="checkbox"
                            prop:checked=move || value.with(|v| v.contains(&id))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                value.update(|v| {
                                    v.retain(|x| *x != id);
                                    if on { v.push(id); }
                                });
                            }/>
                        {label}
                    </label>
                }).collect_view()}
            </div>
        </fieldset>
    }
}

/// Reads an optional person id from a select's value.
pub fn person_value(text: &str) -> Option<Id> {
    Id::parse_str(text.trim()).ok()
}

/// A person id as a select's value.
pub fn id_value(id: Option<Id>) -> String {
    id.map(|i| i.to_string()).unwrap_or_default()
}

/// The save and cancel buttons at the end of an editor.
#[component]
pub fn FormButtons(
    #[prop(into)] save_label: String,
    #[prop(optional)] on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let app = use_app();
    view! {
        <div class="actions">
            <button type="submit" disabled=move || app.is_read_only()>{save_label}</button>
            {on_cancel.map(|c| view! {
                <button type="button" class="secondary" on:click=move |_| c.run(())>"Cancel"</button>
            })}
        </div>
    }
}

/// A delete button that asks first, then removes the record.
#[component]
pub fn DeleteEntry(
    kind: RecordKind,
    id: Id,
    /// What the person sees ("the activity “Shadowed Marcus's retro”").
    #[prop(into)]
    what: String,
) -> impl IntoView {
    let app = use_app();
    let open = RwSignal::new(false);
    let title = format!("Delete this {}?", kind.name());
    let intro = Signal::derive({
        let what = what.clone();
        move || {
            let also = app.ws.with(|ws| {
                !crate::logic::records::impact::entry_deletion_impact(ws, kind, id).is_empty()
            });
            if also {
                format!("This deletes {what}, and with it:")
            } else {
                format!("This deletes {what}.")
            }
        }
    });
    let lines = Signal::derive(move || {
        app.ws
            .with(|ws| crate::logic::records::impact::entry_deletion_impact(ws, kind, id).lines)
    });
    let done = format!("Deleted the {}.", kind.name());
    let confirm = Callback::new(move |_| {
        app.act(Action::Remove { kind, id }, &done);
    });
    let label = format!("Delete {what}");
    view! {
        <button type="button" class="link danger-text" aria-label=label on:click=move |_| open.set(true)
            disabled=move || app.is_read_only()>"Delete"</button>
        <ConfirmDialog open=open title=title intro=intro lines=lines confirm_label="Delete" on_confirm=confirm/>
    }
}
