#![allow(dead_code)] // Some fields are used only by sections still being built.
//! Form fields bound to signals, and the small pieces every record editor shares: a labelled
//! input of each kind, a people picker, save/cancel buttons and a delete button that asks first.
//! Each field is a `<label>` around its control, so every control has an accessible name.

use leptos::prelude::*;

use crate::logic::actions::Action;
use crate::model::{Id, RecordKind};
pub use crate::ui::drafts::{draft_field, provide_drafts, use_drafts, Bound, DraftForm, FormDraft};
use crate::ui::drafts::{field_problem, problem_view};
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
    /// The input's type: "text", or "email", "search".
    #[prop(default = "text")]
    kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    /// The record's field this input edits (`title`): a refused save's message for it shows
    /// here.
    #[prop(optional)]
    field: Option<&'static str>,
) -> impl IntoView {
    let touch = draft_field(&label, Bound::Text(value));
    let (problem, pid) = field_problem(field);
    let described = pid.clone();
    view! {
        <label class:wide=wide>{label}
            <input type=kind autocomplete=autocomplete prop:value=move || value.get() required=required placeholder=placeholder
                aria-invalid=move || problem.with(Option::is_some).then_some("true")
                aria-describedby=move || problem.with(Option::is_some).then(|| described.clone())
                on:input=move |ev| { value.set(event_target_value(&ev)); touch(); }/>
            {problem_view(problem, pid)}
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
    /// The record's field this input edits (`title`): a refused save's message for it shows
    /// here.
    #[prop(optional)]
    field: Option<&'static str>,
) -> impl IntoView {
    let touch = draft_field(&label, Bound::Text(value));
    let (problem, pid) = field_problem(field);
    let described = pid.clone();
    view! {
        <label class="wide">{label}
            <textarea rows=rows prop:value=move || value.get() placeholder=placeholder
                aria-invalid=move || problem.with(Option::is_some).then_some("true")
                aria-describedby=move || problem.with(Option::is_some).then(|| described.clone())
                on:input=move |ev| { value.set(event_target_value(&ev)); touch(); }></textarea>
            {problem_view(problem, pid)}
        </label>
    }
}

/// An input whose browser control is typed segment by segment (date, time): what the person
/// types is read on `input`/`change` and never written back while they type (writing the value
/// back resets Chromium's day/month/year typing, so `01272027` became another date). A change
/// made by the program (a reset after saving, a form filled from a record) is written to the
/// control when it differs from what the control holds.
fn segmented_input(
    kind: &'static str,
    value: RwSignal<String>,
    required: bool,
    input_ref: NodeRef<leptos::html::Input>,
    touch: impl Fn() + Clone + 'static,
    field: Option<&'static str>,
) -> impl IntoView {
    let (problem, pid) = field_problem(field);
    let described = pid.clone();
    // Tracks the input too: it may be put on the page after this effect first runs.
    Effect::new(move |_| {
        let v = value.get();
        if let Some(el) = input_ref.get() {
            if el.value() != v {
                el.set_value(&v);
            }
        }
    });
    let read = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        if value.get_untracked() != v {
            value.set(v);
        }
    };
    let touch_too = touch.clone();
    view! {
        // The attribute (the default value) shows the first value at once; a property set by
        // the effect above wins over it, whichever comes first.
        <input type=kind node_ref=input_ref value=value.get_untracked() required=required
            aria-invalid=move || problem.with(Option::is_some).then_some("true")
            aria-describedby=move || problem.with(Option::is_some).then(|| described.clone())
            on:input=move |ev| { read(ev); touch(); }
            on:change=move |ev| { read(ev); touch_too(); }/>
        {problem_view(problem, pid)}
    }
}

/// A date input (`YYYY-MM-DD` in the signal; empty while the date is not complete).
#[component]
pub fn DateField(
    #[prop(into)] label: String,
    value: RwSignal<String>,
    #[prop(optional)] required: bool,
    /// The input itself, for a page that checks `validity().bad_input()` (a half-typed date).
    #[prop(optional)]
    input_ref: Option<NodeRef<leptos::html::Input>>,
    /// The record's field this input edits (`title`): a refused save's message for it shows
    /// here.
    #[prop(optional)]
    field: Option<&'static str>,
) -> impl IntoView {
    let touch = draft_field(&label, Bound::Text(value));
    let input_ref = input_ref.unwrap_or_default();
    view! {
        <label>{label}
            {segmented_input("date", value, required, input_ref, touch, field)}
        </label>
    }
}

/// A time input (`HH:MM` in the signal; empty for none).
#[component]
pub fn TimeField(#[prop(into)] label: String, value: RwSignal<String>) -> impl IntoView {
    let touch = draft_field(&label, Bound::Text(value));
    view! {
        <label>{label}
            {segmented_input("time", value, false, NodeRef::new(), touch, None)}
        </label>
    }
}

/// A number input; the signal holds the text as typed.
#[component]
pub fn NumberField(
    #[prop(into)] label: String,
    value: RwSignal<String>,
    #[prop(optional)] required: bool,
    /// The record's field this input edits (`title`): a refused save's message for it shows
    /// here.
    #[prop(optional)]
    field: Option<&'static str>,
) -> impl IntoView {
    let touch = draft_field(&label, Bound::Text(value));
    let (problem, pid) = field_problem(field);
    let described = pid.clone();
    view! {
        <label>{label}
            <input type="text" inputmode="decimal" prop:value=move || value.get() required=required
                aria-invalid=move || problem.with(Option::is_some).then_some("true")
                aria-describedby=move || problem.with(Option::is_some).then(|| described.clone())
                on:input=move |ev| { value.set(event_target_value(&ev)); touch(); }/>
            {problem_view(problem, pid)}
        </label>
    }
}

/// A select from `(value, label)` options.
#[component]
pub fn ChoiceField(
    #[prop(into)] label: String,
    value: RwSignal<String>,
    options: Vec<(String, String)>,
    /// The record's field this select edits: a refused save's message for it shows here.
    #[prop(optional)]
    field: Option<&'static str>,
) -> impl IntoView {
    let touch = draft_field(&label, Bound::Text(value));
    let (problem, pid) = field_problem(field);
    let described = pid.clone();
    view! {
        <label>{label}
            <select prop:value=move || value.get() on:change=move |ev| { value.set(event_target_value(&ev)); touch(); }
                aria-invalid=move || problem.with(Option::is_some).then_some("true")
                aria-describedby=move || problem.with(Option::is_some).then(|| described.clone())>
                {options.into_iter().map(|(v, l)| {
                    let selected = value.get_untracked() == v;
                    view! { <option value=v selected=selected>{l}</option> }
                }).collect_view()}
            </select>
            {problem_view(problem, pid)}
        </label>
    }
}

/// A folding panel: an add form folded away above its list. Open while `open` holds; opening
/// or closing it by hand sets `open`, so a page can fold it after a save.
#[component]
pub fn Folding(
    open: RwSignal<bool>,
    /// What the summary line says.
    #[prop(into)]
    summary: ViewFn,
    #[prop(default = "panel")] class: &'static str,
    #[prop(optional)] id: Option<&'static str>,
    /// The summary's id, for a form inside named by it.
    #[prop(optional)]
    summary_id: Option<&'static str>,
    /// The summary itself, for focus to return to.
    #[prop(optional)]
    summary_ref: Option<NodeRef<leptos::html::Summary>>,
    children: Children,
) -> impl IntoView {
    let summary_ref = summary_ref.unwrap_or_default();
    view! {
        <details class=class id=id prop:open=move || open.get() on:toggle=move |ev| {
            use wasm_bindgen::JsCast;
            if let Some(d) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()) {
                open.set(d.open());
            }
        }>
            <summary id=summary_id node_ref=summary_ref>{summary.run()}</summary>
            {children()}
        </details>
    }
}

/// A checkbox.
#[component]
pub fn CheckField(#[prop(into)] label: String, value: RwSignal<bool>) -> impl IntoView {
    let touch = draft_field(&label, Bound::Flag(value));
    view! {
        <label class="check"><input type="checkbox" prop:checked=move || value.get()
            on:change=move |ev| { value.set(event_target_checked(&ev)); touch(); }/>{label}</label>
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
    /// The record's field this select edits: a refused save's message for it shows here.
    #[prop(optional)]
    field: Option<&'static str>,
) -> impl IntoView {
    let app = use_app();
    let mut options = vec![(String::new(), none_label.to_string())];
    options.extend(app.ws.with_untracked(|ws| {
        person_choices(ws)
            .into_iter()
            .filter(|(id, _)| Some(*id) != exclude)
            .map(|(id, l)| (id.to_string(), l))
    }));
    match field {
        Some(f) => {
            view! { <ChoiceField label=label value=value options=options field=f/> }.into_any()
        }
        None => view! { <ChoiceField label=label value=value options=options/> }.into_any(),
    }
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
    let touch = draft_field(&legend, Bound::People(value));
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
                                touch();
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
    let draft = use_context::<FormDraft>();
    view! {
        <div class="actions">
            <button type="submit" disabled=move || app.is_read_only()>{save_label}</button>
            {on_cancel.map(|c| view! {
                <button type="button" class="secondary" on:click=move |_| {
                    // Cancelling gives up what was typed: its draft goes too.
                    if let Some(d) = draft { d.discard(); }
                    c.run(())
                }>"Cancel"</button>
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
