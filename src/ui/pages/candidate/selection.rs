use leptos::prelude::*;

use crate::model::Id;

#[component]
pub fn SelectionSection(id: Id) -> impl IntoView {
    let _ = id;
    view! { <p class="muted">"Coming soon."</p> }
}
