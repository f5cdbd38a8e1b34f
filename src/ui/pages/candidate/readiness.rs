//! A candidate's readiness: the summary that explains itself, and the charts.

use leptos::prelude::*;

use crate::model::Id;

#[component]
pub fn ReadinessSection(id: Id) -> impl IntoView {
    let _ = id;
    view! { <p>"Coming soon."</p> }
}
