//! A candidate's assessments (rater, role, a level and comment per domain), the evidence
//! behind them, and their history by month.

use leptos::prelude::*;

use crate::model::Id;

#[component]
pub fn AssessmentsSection(id: Id) -> impl IntoView {
    let _ = id;
    view! { <p>"Coming soon."</p> }
}
