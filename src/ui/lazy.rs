//! Pages whose code is fetched on their first visit. The start module holds the shell, the
//! store and the home page; every other page is a split point (`wasm_split`, the macro behind
//! Leptos's `#[lazy]`), so `scripts/wasm-link` moves its code into a chunk of its own. The
//! split functions are `fallible`: a chunk that does not arrive (offline before the service
//! worker had it, a flaky network, a deploy that removed it) shows a message with *Try again*
//! instead of aborting the app, and the next attempt fetches afresh.

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use send_wrapper::SendWrapper;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// A route's view: the page once its chunk is in, or what to do when it cannot be fetched.
#[component]
pub fn Chunk<F, Fut>(load: F) -> impl IntoView
where
    F: Fn() -> Fut + Copy + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, SplitLoaderError>> + 'static,
{
    let attempt = RwSignal::new(0u32);
    move || {
        let tried = attempt.get();
        Suspend::new(SendWrapper::new(Untracked(Box::pin(async move {
            match load().await {
                Ok(page) => page,
                Err(_) => view! { <NotLoaded attempt tried/> }.into_any(),
            }
        }))))
    }
}

/// Polls the page's future with no reactive observer. `Suspend` subscribes its view to every
/// signal read while its future runs, and the page is built inside it: without this, a save
/// (or anything else the page read while being set up) would rebuild the whole page and lose
/// what was being typed. Only `attempt` (read outside) makes the route's view run again.
struct Untracked<T>(Pin<Box<dyn Future<Output = T>>>);

impl<T> Future for Untracked<T> {
    type Output = T;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        untrack(|| self.0.as_mut().poll(cx))
    }
}

#[component]
fn NotLoaded(attempt: RwSignal<u32>, tried: u32) -> impl IntoView {
    view! {
        <section class="page">
            <div class="notice error" role="alert">
                <h1>"This page could not be loaded"</h1>
                <p>"Part of Runway that this page needs did not arrive, most likely because the connection dropped. Nothing you have stored is affected."</p>
                <p>{if tried == 0 { "Check the connection and try again." } else { "It did not arrive on the last try either. Check the connection and try again." }}</p>
                <p>"If Runway was updated since this tab opened, reloading it fetches the new version."</p>
                <div class="actions">
                    <button type="button" on:click=move |_| attempt.update(|n| *n += 1)>"Try again"</button>
                    <button type="button" class="secondary" on:click=|_| {
                        if let Some(w) = web_sys::window() {
                            let _ = w.location().reload();
                        }
                    }>"Reload Runway"</button>
                </div>
            </div>
        </section>
    }
}

/// A split point for one page: `page!(chunk, fn_name, path::To::Component)` makes
/// `async fn fn_name() -> Result<AnyView, SplitLoaderError>` whose code (and whatever only it
/// uses) lands in `chunk`. Pages that work on the same records share a chunk: one file per
/// area instead of one per page and per set of pages sharing a function (a split per page
/// made 377 files), at the cost of fetching an area's other pages with the first one.
#[cfg(feature = "split")]
macro_rules! page {
    ($chunk:ident, $name:ident, $($page:tt)+) => {
        #[leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible)]
        pub fn $name() -> Result<leptos::prelude::AnyView, leptos::wasm_split::SplitLoaderError> {
            use leptos::prelude::*;
            Ok(view! { <$($page)+/> }.into_any())
        }
    };
}

/// Without the `split` feature (test builds): the same functions, with the page built in.
#[cfg(not(feature = "split"))]
macro_rules! page {
    ($chunk:ident, $name:ident, $($page:tt)+) => {
        pub async fn $name() -> Result<leptos::prelude::AnyView, leptos::wasm_split::SplitLoaderError> {
            use leptos::prelude::*;
            Ok(view! { <$($page)+/> }.into_any())
        }
    };
}

use super::pages;

page!(people, people, pages::people::PeoplePage);
page!(people, person, pages::people::PersonPage);
page!(people, managers, pages::track::overview::ManagersPage);
page!(program, cohorts, pages::cohorts::CohortsPage);
page!(program, new_cohort, pages::cohorts::NewCohortPage);
page!(program, cohort, pages::cohort::CohortPage);
page!(program, selection_board, pages::board::SelectionBoardPage);
page!(program, coach_week, pages::coach_week::CoachWeekPage);
page!(program, overview, pages::overview::OverviewPage);
page!(program, calibration, pages::calibration::CalibrationPage);
page!(program, summary, pages::readiness::SummaryPage);
page!(program, candidate, pages::candidate::CandidatePage);
page!(frameworks, library, pages::library::LibraryPage);
page!(frameworks, frameworks, pages::frameworks::FrameworksPage);
page!(frameworks, framework, pages::frameworks::FrameworkPage);
page!(data, data, pages::data::DataPage);
page!(data, settings, pages::settings::SettingsPage);
page!(answer, answer, pages::answer::AnswerPage);
page!(letter, letter, pages::promotion::writer::WriterPage);
page!(promotion, promotions, pages::promotion::PromotionsPage);
page!(promotion, promotion_case, pages::promotion::CasePage);
page!(
    promotion,
    promotion_print,
    pages::promotion::print::PrintPage
);

/// The sample program (its generator and its text), fetched when someone loads it.
#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(sample, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn sample_program() -> Result<crate::model::Workspace, SplitLoaderError> {
    Ok(new_sample())
}

#[cfg(not(feature = "split"))]
pub async fn sample_program() -> Result<crate::model::Workspace, SplitLoaderError> {
    Ok(new_sample())
}

fn new_sample() -> crate::model::Workspace {
    use crate::ui::browser;
    crate::sample::sample_program(browser::today(), browser::now(), &mut browser::new_id)
}
