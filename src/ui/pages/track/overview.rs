//! The managers page: the organisation's bench at a glance.

use leptos::prelude::*;

#[component]
pub fn ManagersPage() -> impl IntoView {
    view! {
        <section class="page">
            <h1>"Managers"</h1>
        </section>
    }
}
