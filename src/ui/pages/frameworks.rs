//! The frameworks library: built-in and own frameworks, copy and edit, level-to-level diff,
//! export and import of one framework.

use leptos::prelude::*;

#[component]
pub fn FrameworksPage() -> impl IntoView {
    view! { <section class="page"><h1>"Frameworks"</h1><p>"Coming soon."</p></section> }
}

#[component]
pub fn FrameworkPage() -> impl IntoView {
    view! { <section class="page"><h1>"Framework"</h1><p>"Coming soon."</p></section> }
}
