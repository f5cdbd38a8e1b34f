//! Small shared pieces: a confirm dialog, date formatting, select options, badges.

use crate::sort::StableSort as _;
use leptos::html;
use leptos::prelude::*;

use crate::logic::actions::CandidateFields;
use crate::logic::program::parse_hours;
use crate::model::{CandidateStatus, Date, Id, MicroAssignmentStatus, Person, Workspace};

/// "21 Nov 2026".
pub fn fmt_date(d: Date) -> String {
    crate::logic::journey::day_text(d)
}

/// "1 cohort", "3 cohorts", "1 person", "2 people".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Parses an `<input type="date">` value; empty is `None`.
pub fn parse_date(text: &str) -> Option<Date> {
    Date::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

pub fn date_value(d: Option<Date>) -> String {
    d.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// "Name — Team" (or just the name), as people appear in pickers.
pub fn person_label(p: &Person) -> String {
    if p.team.is_empty() {
        p.name.clone()
    } else {
        format!("{} — {}", p.name, p.team)
    }
}

/// People as `(id, "Name — Team")` for a select, sorted by name.
pub fn person_choices(ws: &Workspace) -> Vec<(Id, String)> {
    let mut out: Vec<(Id, String)> = ws.people.iter().map(|p| (p.id, person_label(p))).collect();
    out.stable_sort_by_key(|(_, label)| label.to_lowercase());
    out
}

/// Every framework for a picker (built-in first): (id, name).
pub fn framework_choices(ws: &Workspace) -> Vec<(String, String)> {
    crate::logic::evaluation::frameworks::all(ws)
        .into_iter()
        .map(|f| (f.id.to_string(), f.name))
        .collect()
}

#[component]
pub fn StatusBadge(status: CandidateStatus) -> impl IntoView {
    let class = format!("badge status-{}", status.code());
    view! { <span class=class>{status.label()}</span> }
}

/// After a save, once the list is redrawn, moves keyboard focus to the saved record's card
/// (`id="r-<id>"`): the form that held focus has closed or been redrawn, and focus would
/// otherwise fall to the page body. When the card is not shown (a filter hides it), focus
/// goes to `fallback`, or to the main region.
pub fn focus_saved(id: Id, fallback: Option<NodeRef<html::Summary>>) {
    use wasm_bindgen::JsCast;
    request_animation_frame(move || {
        let card = document()
            .get_element_by_id(&format!("r-{id}"))
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        let target = card
            .inspect(|card| {
                // Focusable from script only: a card is not a stop for the Tab key.
                if !card.has_attribute("tabindex") {
                    card.set_attribute("tabindex", "-1").ok();
                }
            })
            .or_else(|| fallback.and_then(|f| f.get_untracked()))
            .or_else(|| {
                document()
                    .get_element_by_id("main")
                    .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
            });
        if let Some(el) = target {
            el.focus().ok();
        }
    });
}

/// The badge class for a micro-assignment's status, the same on its card and the Overview.
pub fn assignment_badge_class(status: MicroAssignmentStatus) -> &'static str {
    match status {
        MicroAssignmentStatus::Done => "badge ok",
        MicroAssignmentStatus::Active => "badge",
        MicroAssignmentStatus::Planned | MicroAssignmentStatus::Dropped => "badge muted",
    }
}

/// A modal confirmation that lists what an action will take with it. Escape or "Cancel"
/// closes it without doing anything.
#[component]
pub fn ConfirmDialog(
    open: RwSignal<bool>,
    #[prop(into)] title: String,
    #[prop(into)] lines: Signal<Vec<String>>,
    #[prop(into)] intro: Signal<String>,
    #[prop(into)] confirm_label: String,
    on_confirm: Callback<()>,
    /// The confirm button's class: "danger" for a delete, "" for an ordinary change.
    #[prop(default = "danger")]
    confirm_class: &'static str,
) -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    Effect::new(move |_| {
        let want = open.get();
        if let Some(d) = dialog.get() {
            if want && !d.open() {
                d.show_modal().ok();
            } else if !want && d.open() {
                d.close();
            }
        }
    });
    // Unique per dialog: a page can hold several with the same title (one per record).
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let title_id = format!("dlg-{n}");
    let labelled_by = title_id.clone();
    view! {
        <dialog node_ref=dialog class="confirm" aria-labelledby=labelled_by on:close=move |_| open.set(false)>
            <h2 id=title_id>{title}</h2>
            <p>{intro}</p>
            {move || {
                let l = lines.get();
                (!l.is_empty()).then(|| view! {
                    <ul class="impact">{l.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                })
            }}
            <div class="actions">
                <button type="button" class="secondary" autofocus on:click=move |_| open.set(false)>"Cancel"</button>
                <button type="button" class=confirm_class on:click=move |_| { open.set(false); on_confirm.run(()); }>{confirm_label}</button>
            </div>
        </dialog>
    }
}

/// The two inputs every candidate form has: status and protected hours a week.
#[derive(Clone, Copy)]
pub struct CandidateInputs {
    status: RwSignal<String>,
    hours: RwSignal<String>,
}

impl CandidateInputs {
    pub fn new(status: CandidateStatus, hours: f32) -> Self {
        CandidateInputs {
            status: RwSignal::new(status.code().to_string()),
            hours: RwSignal::new(hours.to_string()),
        }
    }

    /// The typed values as fields, or the message to show.
    pub fn fields(self) -> Result<CandidateFields, String> {
        Ok(CandidateFields {
            status: CandidateStatus::from_code(&self.status.get_untracked()).unwrap_or_default(),
            protected_hours_per_week: parse_hours(&self.hours.get_untracked())
                .map_err(|e| e.to_string())?,
        })
    }

    pub fn view(self) -> impl IntoView {
        let (status, hours) = (self.status, self.hours);
        view! {
            <label>"Status"
                <select prop:value=move || status.get() on:change=move |ev| status.set(event_target_value(&ev))>
                    {CandidateStatus::ALL.into_iter().map(|s| view! { <option value=s.code()>{s.label()}</option> }).collect_view()}
                </select>
            </label>
            <label>"Protected hours / week" <input type="text" inputmode="decimal" bind:value=hours/></label>
        }
    }
}
