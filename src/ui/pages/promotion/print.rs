//! The package out of Runway: the print view (`/promotions/:id/print`) and the Markdown
//! download, both drawn from the same outline ([`crate::logic::promotion::markdown`]), so the
//! paper and the file say the same.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::logic::promotion::markdown::{file_name, package, to_markdown, Block};
use crate::logic::promotion::{self as promo};
use crate::model::Id;
use crate::ui::browser;
use crate::ui::link;
use crate::ui::state::use_app;

/// Whether this browser's person may see the letters (everyone but the applicant).
fn letters_shown(applicant: Id) -> bool {
    use_app().person() != Some(applicant)
}

#[component]
pub fn DownloadMarkdown(id: Id) -> impl IntoView {
    let app = use_app();
    let download = move |_| {
        let made = app.ws.with_untracked(|ws| {
            promo::case(ws, id).map(|c| {
                let letters = letters_shown(c.person_id);
                (
                    file_name(ws, c, browser::today()),
                    to_markdown(&package(ws, c, letters)),
                )
            })
        });
        let Some((name, text)) = made else { return };
        match browser::download(&name, &text, "text/markdown") {
            Ok(()) => app.say(&format!("Downloaded {name}.")),
            Err(e) => app.warn(&format!("The file could not be saved: {e}")),
        }
    };
    let with_letters = move || {
        app.ws
            .with(|ws| promo::case(ws, id).is_some_and(|c| letters_shown(c.person_id)))
    };
    view! {
        <button type="button" class="secondary" on:click=download>"Download as Markdown"</button>
        {move || with_letters().then(|| view! { <span class="muted small">" The file holds the letters: send it to the committee only."</span> })}
    }
}

/// Paragraphs of someone's text, with their "- " lines as lists.
fn text_view(text: &str) -> impl IntoView {
    let mut out = Vec::new();
    for para in text.split("\n\n") {
        let lines: Vec<&str> = para.lines().filter(|l| !l.trim().is_empty()).collect();
        if lines.is_empty() {
            continue;
        }
        if lines.iter().all(|l| l.trim_start().starts_with("- ")) {
            out.push(
                view! { <ul>{lines.iter().map(|l| view! { <li>{l.trim_start()[2..].to_string()}</li> }).collect_view()}</ul> }
                    .into_any(),
            );
        } else {
            out.push(view! { <p class="pre">{para.trim().to_string()}</p> }.into_any());
        }
    }
    out
}

fn block_view(b: Block) -> AnyView {
    match b {
        Block::Heading(1, t) => view! { <h1>{t}</h1> }.into_any(),
        Block::Heading(2, t) => view! { <h2>{t}</h2> }.into_any(),
        Block::Heading(3, t) => view! { <h3>{t}</h3> }.into_any(),
        Block::Heading(4, t) => view! { <h4>{t}</h4> }.into_any(),
        Block::Heading(_, t) => view! { <h5>{t}</h5> }.into_any(),
        Block::Text(t) => view! { <div class="text">{text_view(&t)}</div> }.into_any(),
        Block::Items(items) => {
            view! { <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }
                .into_any()
        }
        Block::Missing(t) => view! { <p class="missing"><em>{t}</em></p> }.into_any(),
    }
}

/// `/promotions/:id/print`.
#[component]
pub fn PrintPage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let id = move || {
        params
            .with(|p| p.get("id"))
            .and_then(|s| Id::parse_str(&s).ok())
    };
    let blocks = move || {
        id().and_then(|cid| {
            app.ws
                .with(|ws| promo::case(ws, cid).map(|c| package(ws, c, letters_shown(c.person_id))))
        })
    };
    view! {
        <section class="page package-print">
            {move || match (id(), blocks()) {
                (Some(cid), Some(blocks)) => view! {
                    <p class="crumbs no-print"><A href=link(&format!("/promotions/{cid}"))>"Back to the case"</A></p>
                    <div class="actions no-print">
                        <button type="button" on:click=move |_| { window().print().ok(); }>"Print"</button>
                        " "
                        <DownloadMarkdown id=cid/>
                    </div>
                    <article class="package">{blocks.into_iter().map(block_view).collect_view()}</article>
                }.into_any(),
                _ => view! { <h1>"Promotion case not found"</h1> }.into_any(),
            }}
        </section>
    }
}
