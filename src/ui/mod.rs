//! The Leptos shell: app frame, routes, pages and shared widgets. No domain rules live here;
//! edits go through [`state::AppState::dispatch`].

mod browser;
mod charts;
mod drafts;
mod forms;
pub(crate) mod lazy;
mod pages;
mod state;
mod widgets;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

use crate::storage::StoreError;
use state::{use_app, AppState, ReadOnly, SaveState, StartNotice};

thread_local! {
    static BASE: String = browser::base_path();
}

/// An in-app path with the folder the app is served from in front ("/cohorts" becomes
/// "/runway/cohorts" in a sub-folder). Use it for every `<A href>`; `use_navigate` adds the
/// base by itself.
pub fn link(path: &str) -> String {
    BASE.with(|base| format!("{base}{path}"))
}

pub fn start() {
    console_error_panic_hook::set_once();
    // The workspace is read from IndexedDB (asynchronous) before the first render.
    wasm_bindgen_futures::spawn_local(async {
        browser::mark("runway:open-start");
        crate::storage::browser::open(browser::now()).await;
        browser::mark("runway:open-end");
        browser::measure("runway:open", "runway:open-start", "runway:open-end");
        leptos::mount::mount_to_body(App);
        // The first render is synchronous: this mark's time is "navigation start → first
        // render".
        browser::mark("runway:mounted");
    });
}

#[component]
pub fn App() -> impl IntoView {
    let app = AppState::start();
    provide_context(app);
    forms::provide_drafts();
    app.start_offline_support();
    let base = BASE.with(String::clone);
    view! {
        <Router base=base>
            <a class="skip" href="#main">"Skip to content"</a>
            <header class="top">
                <A href=link("/") attr:class="brand">
                    <span class="brand-mark" aria-hidden="true">"▲"</span>
                    <span class="brand-name">"Runway"</span>
                </A>
                <nav aria-label="Main">
                    <ul>
                        <li><A href=link("/overview")>"Overview"</A></li>
                        <li><A href=link("/cohorts")>"Cohorts"</A></li>
                        <li><A href=link("/people")>"People"</A></li>
                        <li><A href=link("/managers")>"Managers"</A></li>
                        <li><A href=link("/promotions")>"Promotions"</A></li>
                        <li><A href=link("/library")>"Library"</A></li>
                        <li><A href=link("/frameworks")>"Frameworks"</A></li>
                        <li><A href=link("/data")>"Data"</A></li>
                        <li><A href=link("/settings")>"Settings"</A></li>
                    </ul>
                </nav>
                <div class="top-state">
                    <Whose/>
                    <SaveIndicator/>
                </div>
            </header>
            <Banners/>
            <AskWhoIAm/>
            <FocusOnNavigate/>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <pages::NotFound/> }>
                    <Route path=path!("/") view=pages::home::Home/>
                    <Route path=path!("/overview") view=|| view! { <lazy::Chunk load=lazy::overview/> }/>
                    <Route path=path!("/people") view=|| view! { <lazy::Chunk load=lazy::people/> }/>
                    <Route path=path!("/people/:id") view=|| view! { <lazy::Chunk load=lazy::person/> }/>
                    <Route path=path!("/managers") view=|| view! { <lazy::Chunk load=lazy::managers/> }/>
                    <Route path=path!("/cohorts") view=|| view! { <lazy::Chunk load=lazy::cohorts/> }/>
                    <Route path=path!("/cohorts/new") view=|| view! { <lazy::Chunk load=lazy::new_cohort/> }/>
                    <Route path=path!("/cohorts/:id") view=|| view! { <lazy::Chunk load=lazy::cohort/> }/>
                    <Route path=path!("/cohorts/:id/selection") view=|| view! { <lazy::Chunk load=lazy::selection_board/> }/>
                    <Route path=path!("/cohorts/:id/week") view=|| view! { <lazy::Chunk load=lazy::coach_week/> }/>
                    <Route path=path!("/cohorts/:id/calibration") view=|| view! { <lazy::Chunk load=lazy::calibration/> }/>
                    <Route path=path!("/candidates/:id/summary") view=|| view! { <lazy::Chunk load=lazy::summary/> }/>
                    <Route path=path!("/candidates/:id") view=|| view! { <lazy::Chunk load=lazy::candidate/> }/>
                    <Route path=path!("/candidates/:id/:section") view=|| view! { <lazy::Chunk load=lazy::candidate/> }/>
                    <Route path=path!("/library") view=|| view! { <lazy::Chunk load=lazy::library/> }/>
                    <Route path=path!("/frameworks") view=|| view! { <lazy::Chunk load=lazy::frameworks/> }/>
                    <Route path=path!("/frameworks/:id") view=|| view! { <lazy::Chunk load=lazy::framework/> }/>
                    <Route path=path!("/data") view=|| view! { <lazy::Chunk load=lazy::data/> }/>
                    <Route path=path!("/settings") view=|| view! { <lazy::Chunk load=lazy::settings/> }/>
                    <Route path=path!("/answer") view=|| view! { <lazy::Chunk load=lazy::answer/> }/>
                    <Route path=path!("/letter") view=|| view! { <lazy::Chunk load=lazy::letter/> }/>
                    <Route path=path!("/promotions") view=|| view! { <lazy::Chunk load=lazy::promotions/> }/>
                    <Route path=path!("/promotions/:id") view=|| view! { <lazy::Chunk load=lazy::promotion_case/> }/>
                    <Route path=path!("/promotions/:id/print") view=|| view! { <lazy::Chunk load=lazy::promotion_print/> }/>
                </Routes>
            </main>
            <Flash/>
            <footer class="foot">
                <p>"Runway keeps everything in this browser. Nothing leaves this computer unless you export it."</p>
            </footer>
        </Router>
    }
}

/// "This is Dana's Runway", or who this tab acts for (with a way to stop).
#[component]
fn Whose() -> impl IntoView {
    let app = use_app();
    let name = move |p: Option<crate::model::Id>| {
        p.and_then(|p| app.ws.with(|ws| ws.person(p).map(|x| x.name.clone())))
    };
    view! {
        <p class="whose">
            {move || match (name(app.acting_for.get()), name(app.me.get())) {
                (Some(other), _) => view! {
                    <span class="acting">{format!("Acting for {other}")}</span>
                    " "
                    <button type="button" class="link" on:click=move |_| { app.acting_for.set(None); app.say("Stopped acting for someone else."); }>"Stop acting"</button>
                }.into_any(),
                (None, Some(me)) => view! {
                    <span>{format!("This is {me}'s Runway")}</span>
                }.into_any(),
                (None, None) => view! {
                    <A href=link("/settings")>"Who are you?"</A>
                }.into_any(),
            }}
        </p>
    }
}

/// On first use of a workspace with people in it: who is using Runway in this browser.
#[component]
fn AskWhoIAm() -> impl IntoView {
    let app = use_app();
    let location = leptos_router::hooks::use_location();
    let show = move || {
        app.me
            .get()
            .is_none_or(|p| app.ws.with(|ws| ws.person(p).is_none()))
            && app.ws.with(|ws| !ws.people.is_empty())
            && location.pathname.get() != link("/settings")
    };
    view! {
        <Show when=show>
            <div class="banner" role="region" aria-label="Who is using Runway here">
                <p>"Who is using Runway in this browser? Say who you are, and Runway fills you in as the author and rater, and shows what you do. It stays in this browser; no file carries it."</p>
                <A href=link("/settings") attr:class="button">"Say who I am"</A>
            </div>
        </Show>
    }
}

/// "Saved" / "Saving…" / "Not saved" / "Unsaved draft".
#[component]
fn SaveIndicator() -> impl IntoView {
    let app = use_app();
    let drafts = forms::use_drafts();
    // Typed into a form and not saved: the workspace is saved, but not everything is.
    let unsaved = move || drafts.map_or(0, |d| d.count());
    view! {
        // Not a live region: "Saving…" after every edit would be noise; failures are announced
        // by the banner (role="alert").
        <p class="save-state">
            {move || match app.save.get() {
                SaveState::Saved => match unsaved() {
                    0 => view! { <span class="ok">"Saved in this browser"</span> }.into_any(),
                    1 => view! { <span class="draft">"Unsaved draft"</span> }.into_any(),
                    n => view! { <span class="draft">{format!("{n} unsaved drafts")}</span> }.into_any(),
                },
                SaveState::Pending => view! { <span>"Saving…"</span> }.into_any(),
                SaveState::Failed(_) => view! { <span class="bad">"Not saved"</span> }.into_any(),
                SaveState::Off => view! { <span class="bad">"Not saving"</span> }.into_any(),
            }}
        </p>
    }
}

/// Persistent warnings: a failed save, read-only mode, data kept aside.
#[component]
fn Banners() -> impl IntoView {
    let app = use_app();
    let failed = move || {
        match app.save.get() {
        SaveState::Failed(StoreError::ChangedElsewhere) => Some(view! {
            <div class="banner bad" role="alert">
                <p>"Another tab changed this workspace after this tab last saved. To keep the other tab's work, this tab's latest change has not been saved. Choose which version to keep (export this one first if you want both)."</p>
                <button type="button" class="secondary" on:click=move |_| app.download_export()>"Export this tab's version"</button>
                <button type="button" on:click=move |_| app.load_other_tabs_version()>"Load the other tab's version"</button>
                <button type="button" class="secondary" on:click=move |_| app.keep_this_tabs_version()>"Keep this tab's version"</button>
            </div>
        }.into_any()),
        SaveState::Failed(e) => Some(view! {
            <div class="banner bad" role="alert">
                <p>{state::storage_advice(&e)}</p>
                <button type="button" on:click=move |_| app.download_export()>"Export now"</button>
                <button type="button" class="secondary" on:click=move |_| app.flush_retry()>"Try saving again"</button>
            </div>
        }.into_any()),
        _ => None,
    }
    };
    let read_only = move || {
        app.read_only.get().map(|r| {
            let text = match r {
                ReadOnly::Newer { found } => format!(
                    "This browser holds data saved by a newer version of Runway (schema {found}). \
                     It is shown read-only and will not be changed. Open it with the newer version, \
                     or download it from the Data page."
                ),
                ReadOnly::Unreadable { error, why } => format!(
                    "The data stored in this browser cannot be read ({error}) and could not be moved \
                     aside ({why}). It is left untouched and nothing will be saved over it. \
                     Download it from the Data page."
                ),
            };
            view! { <div class="banner warn" role="alert"><p>{text}</p></div> }
        })
    };
    let notice = move || {
        app.notice.get().map(|n| {
            let text = match n {
                StartNotice::Quarantined { error, .. } => format!(
                    "The data stored in this browser could not be read: {error} It has been kept \
                     aside, untouched, and Runway started with an empty workspace. You can download \
                     the kept data from the Data page."
                ),
                StartNotice::StorageUnavailable(e) => format!(
                    "Browser storage is not available ({e}). Runway works, but nothing is kept \
                     after you close this tab: export your work."
                ),
            };
            view! {
                <div class="banner warn" role="alert">
                    <p>{text}</p>
                    <A href=link("/data")>"Go to Data"</A>
                    <button type="button" class="secondary" on:click=move |_| app.notice.set(None)>"Dismiss"</button>
                </div>
            }
        })
    };
    let update = move || {
        app.update_ready.get().then(|| view! {
            <div class="banner" role="status">
                <p>"A new version of Runway is installed. Reload to use it — your work is saved."</p>
                <button type="button" on:click=move |_| { app.flush(); window().location().reload().ok(); }>"Reload now"</button>
                <button type="button" class="secondary" on:click=move |_| app.update_ready.set(false)>"Later"</button>
            </div>
        })
    };
    view! { {failed} {read_only} {notice} {update} }
}

/// The result of the last action, in a polite live region.
#[component]
fn Flash() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="flash-region" role="status" aria-live="polite">
            {move || app.flash.get().map(|f| view! {
                <p class="flash" class:bad=f.is_error>
                    <span>{f.text}</span>
                    <button type="button" class="link" aria-label="Dismiss message" on:click=move |_| app.flash.set(None)>"×"</button>
                </p>
            })}
        </div>
    }
}

/// After a navigation inside the app, moves focus to the main region so keyboard and screen
/// reader users start at the new page's content (not at the link they left behind).
#[component]
fn FocusOnNavigate() -> impl IntoView {
    let app = use_app();
    let location = leptos_router::hooks::use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.as_ref().is_some_and(|p| *p != path) {
            app.page_changed();
            if let Some(main) = document().get_element_by_id("main") {
                if let Ok(main) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main) {
                    main.focus().ok();
                }
            }
        }
        path
    });
}
