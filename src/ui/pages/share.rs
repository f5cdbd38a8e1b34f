//! "Share": a file cut down to one cohort or one candidate, with what it leaves out said first.

use leptos::prelude::*;

use crate::file;
use crate::logic::scope::{scoped, Scope};
use crate::ui::browser;
use crate::ui::state::use_app;
use crate::ui::widgets::count;

#[component]
pub fn ScopedExport(scope: Scope, #[prop(into)] for_whom: String) -> impl IntoView {
    let app = use_app();
    let preview = move || app.ws.with(|ws| scoped(ws, scope));
    let download = move |_| {
        if let Some(s) = preview() {
            let ids: std::collections::HashSet<_> = s
                .workspace
                .people
                .iter()
                .map(|p| p.id)
                .chain(s.workspace.cohorts.iter().map(|c| c.id))
                .chain(s.workspace.candidates.iter().map(|c| c.id))
                .collect();
            app.mark_sent(Some(&ids));
        }
        let Some(s) = preview() else {
            app.warn("There is nothing to share: this record no longer exists.");
            return;
        };
        let base = format!("{} {}", s.workspace.organisation, s.name);
        let name = file::export_file_name(&base, browser::today());
        let text = file::encode_pretty(&s.workspace, browser::now());
        match browser::download(&name, &text, "application/json") {
            Ok(()) => app.say(&format!("Exported {name}.")),
            Err(e) => app.warn(&format!("Export failed: {e}")),
        }
    };
    let title = format!("Share with {for_whom}");
    view! {
        <h2>{title.clone()}</h2>
        <details class="panel">
            <summary>{format!("Export a file for {for_whom}…")}</summary>
            {move || preview().map(|s| {
                let c = s.workspace.counts();
                view! {
                    <div role="region" aria-label="Share preview">
                        <p>{format!(
                            "The file holds {}, {} and {}: enough for {for_whom} to follow along, and to merge into their own copy.",
                            count(c.cohorts, "cohort", "cohorts"),
                            count(c.candidates, "candidacy", "candidacies"),
                            count(c.people, "person", "people"),
                        )}</p>
                        {(!s.left_out.is_empty()).then(|| view! {
                            <p>"Left out:"</p>
                            <ul>{s.left_out.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                        })}
                        <button type="button" on:click=download>"Download shared file"</button>
                    </div>
                }
            })}
        </details>
    }
}
