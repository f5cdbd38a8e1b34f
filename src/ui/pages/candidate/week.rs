use leptos::prelude::*;

use crate::model::Id;

#[component]
pub fn WeekSection(id: Id) -> impl IntoView {
    let _ = id;
    view! { <p class="muted">"Coming soon."</p> }
}
