//! The selection board of a cohort: every nominee with their selection facts at a glance.

use leptos::prelude::*;

#[component]
pub fn SelectionBoardPage() -> impl IntoView {
    view! { <section class="page"><h1>"Selection board"</h1><p class="muted">"Coming soon."</p></section> }
}
