pub mod answer;
pub mod board;
pub mod calibration;
pub mod candidate;
pub mod coach_week;
pub mod cohort;
pub mod cohorts;
pub mod data;
pub mod frameworks;
pub mod home;
pub mod library;
pub mod overview;
pub mod people;
pub mod people_import;
pub mod promotion;
pub mod readiness;
pub mod settings;
pub mod share;
pub mod track;

use leptos::prelude::*;

use crate::ui::link;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::model::{Id, Workspace};
use crate::ui::state::use_app;

/// The `:id` of the current route, if it is a UUID.
pub fn route_id() -> Memo<Option<Id>> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get("id").and_then(|s| Id::parse_str(&s).ok()))
}

/// The route's `:id` while that record exists, with the count of changes taken in from other
/// tabs. It changes only when the record appears or disappears (so this tab's edits don't
/// rebuild, and reset, the page built on it) or another tab's change arrives (so no form
/// writes back a stale snapshot).
pub fn existing_route_id(exists: fn(&Workspace, Id) -> bool) -> Memo<(Option<Id>, u64)> {
    let app = use_app();
    let id = route_id();
    Memo::new(move |_| {
        let found = id.get().filter(|id| app.ws.with(|ws| exists(ws, *id)));
        (found, app.outside_changes.get())
    })
}

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="page">
            <h1>"Not found"</h1>
            <p>"There is nothing at this address. It may have been deleted, or the link is from another browser's data."</p>
            <p><A href=link("/")>"Go to the start page"</A></p>
        </section>
    }
}

/// Shown when a route's record does not exist (deleted, or a link from other data).
#[component]
pub fn Missing(what: &'static str, back: &'static str, back_label: &'static str) -> impl IntoView {
    view! {
        <section class="page">
            <h1>{format!("No such {what}")}</h1>
            <p>{format!("This {what} is not in this browser's workspace. It may have been deleted or the link comes from someone else's data.")}</p>
            <p><A href=link(back)>{back_label}</A></p>
        </section>
    }
}
