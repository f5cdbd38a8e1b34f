//! A candidate's readiness: the summary that explains itself, and the charts.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::logic::evaluation::readiness::{summary, DEFAULT_FRAMEWORK};
use crate::model::Id;
use crate::ui::browser;
use crate::ui::forms::ChoiceField;
use crate::ui::link;
use crate::ui::pages::readiness::{
    candidate_name, framework_choices, months_view, radar_view, ReadinessSummary,
};
use crate::ui::state::use_app;

#[component]
pub fn ReadinessSection(id: Id) -> impl IntoView {
    let app = use_app();
    let today = browser::today();
    let fw = RwSignal::new(DEFAULT_FRAMEWORK.to_string());
    let choices = app.ws.with_untracked(framework_choices);
    let body = move || {
        let framework = Id::parse_str(&fw.get()).unwrap_or(DEFAULT_FRAMEWORK);
        app.ws.with(|ws| match summary(ws, id, framework, today) {
            None => view! { <p class="muted">"This framework has no levels to judge against."</p> }
                .into_any(),
            Some(s) => {
                let radar = radar_view(&s, &candidate_name(ws, id));
                let months = months_view(ws, id, &s);
                view! {
                    <ReadinessSummary s=s/>
                    <h3>"Charts"</h3>
                    <div class="chart-row">
                        {radar}
                        {months}
                    </div>
                }
                .into_any()
            }
        })
    };
    view! {
        <p class="muted">"Readiness rests on the latest calibrated level of each domain, the dated evidence behind it, the cohort's success signals and the candidate's 360 feedback."</p>
        <div class="form inline">
            <ChoiceField label="Judge against" value=fw options=choices/>
        </div>
        {body}
        <p class="summary-link">
            <A href=move || {
                let f = fw.get();
                if Id::parse_str(&f).ok() == Some(DEFAULT_FRAMEWORK) {
                    link(&format!("/candidates/{id}/summary"))
                } else {
                    link(&format!("/candidates/{id}/summary?framework={f}"))
                }
            }>"One-page summary for the sponsor"</A>
        </p>
    }
}
