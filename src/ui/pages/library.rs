//! The snippets library: the built-in starter set and the organisation's own.

use leptos::prelude::*;

#[component]
pub fn LibraryPage() -> impl IntoView {
    view! { <section class="page"><h1>"Library"</h1><p class="muted">"Coming soon."</p></section> }
}
