//! Readiness across a cohort (the evidence coverage grid) and the printable one-page
//! candidate summary.

use leptos::prelude::*;

use crate::model::Id;

/// The cohort page's evidence coverage grid (candidates × domains).
#[component]
pub fn CohortCoverage(id: Id) -> impl IntoView {
    let _ = id;
}

/// `/candidates/:id/summary`: one printable page for the sponsor.
#[component]
pub fn SummaryPage() -> impl IntoView {
    view! { <section class="page"><h1>"Summary"</h1><p>"Coming soon."</p></section> }
}
