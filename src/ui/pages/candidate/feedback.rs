//! 360 feedback rounds (shown in aggregate) and team health checks.

use leptos::prelude::*;

use crate::model::Id;

#[component]
pub fn FeedbackSection(id: Id) -> impl IntoView {
    let _ = id;
    view! { <p>"Coming soon."</p> }
}
