use leptos::prelude::*;

use crate::ui::link;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::logic::actions::{Action, CohortFields};
use crate::logic::program::phases::{describe_position, monday_on_or_after, CohortTemplate};
use crate::model::Id;
use crate::ui::browser;
use crate::ui::forms::{Bound, DateField, DraftForm, FormDraft, TextField};
use crate::ui::state::use_app;
use crate::ui::widgets::{date_value, fmt_date, parse_date, person_choices};

#[component]
pub fn CohortsPage() -> impl IntoView {
    let app = use_app();
    let today = browser::today();
    let rows = move || {
        app.ws.with(|ws| {
            ws.cohorts
                .iter()
                .map(|c| {
                    let now = describe_position(c, today);
                    let sponsor = c
                        .sponsor_id
                        .map(|s| ws.person_name(s).to_string())
                        .unwrap_or_else(|| "—".into());
                    (
                        c.id,
                        c.name.clone(),
                        fmt_date(c.starts_on()),
                        fmt_date(c.ends_on()),
                        now,
                        sponsor,
                        ws.candidates_in(c.id).count(),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="page">
            <div class="title-row">
                <h1>"Cohorts"</h1>
                <A href=link("/cohorts/new") attr:class="button">"New cohort"</A>
            </div>
            <Show when=move || !rows().is_empty() fallback=|| view! { <p class="muted">"No cohorts yet. A cohort is one run of the program: usually about three candidates over six months."</p> }>
                <div class="table-wrap">
                    <table>
                        <caption class="sr-only">"Cohorts"</caption>
                        <thead><tr><th scope="col">"Cohort"</th><th scope="col">"Runs"</th><th scope="col">"Now"</th><th scope="col">"Sponsor"</th><th scope="col">"Candidates"</th></tr></thead>
                        <tbody>
                            {move || rows().into_iter().map(|(id, name, start, end, now, sponsor, n)| view! {
                                <tr>
                                    <td><A href=link(&format!("/cohorts/{id}"))>{name}</A></td>
                                    <td>{format!("{start} – {end}")}</td>
                                    <td>{now}</td>
                                    <td>{sponsor}</td>
                                    <td>{n}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}

/// Cohort name, start, sponsor and coaches: used to create a cohort and to edit one.
#[component]
pub fn CohortForm(
    initial: CohortFields,
    #[prop(into)] submit_label: String,
    on_submit: Callback<(CohortFields, FormDraft), bool>,
    /// Which form this is, for its draft ("cohort/new", "cohort/<id>").
    #[prop(into)]
    draft_key: String,
    /// Offer the templates (a new cohort); an edit keeps the phases it has.
    #[prop(optional)]
    choose_template: bool,
) -> impl IntoView {
    let app = use_app();
    let draft = FormDraft::new(draft_key, submit_label.clone());
    let name = RwSignal::new(initial.name.clone());
    let template = RwSignal::new(initial.template.code().to_string());
    let touch_template = draft.field("Program", Bound::Text(template));
    let start = RwSignal::new(date_value(Some(initial.starts_on)));
    let sponsor = RwSignal::new(
        initial
            .sponsor_id
            .map(|s| s.to_string())
            .unwrap_or_default(),
    );
    let coaches = RwSignal::new(initial.coach_ids.clone());
    let error = RwSignal::new(None::<String>);
    let choices = move || app.ws.with(person_choices);
    let touch_sponsor = draft.field("Sponsor", Bound::Text(sponsor));
    let touch_coaches = draft.field("Coaches", Bound::People(coaches));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(starts_on) = parse_date(&start.get_untracked()) else {
            error.set(Some("Please enter a start date.".into()));
            return;
        };
        error.set(None);
        if on_submit.run((
            CohortFields {
                name: name.get_untracked(),
                sponsor_id: Id::parse_str(&sponsor.get_untracked()).ok(),
                coach_ids: coaches.get_untracked(),
                starts_on,
                template: CohortTemplate::from_code(&template.get_untracked()).unwrap_or_default(),
            },
            draft,
        )) {
            draft.saved();
        }
    };
    view! {
        <DraftForm draft=draft label=submit_label.clone() on_submit=submit>
            <TextField label="Cohort name" value=name required=true placeholder="e.g. MiT 2027 spring" field="name"/>
            {choose_template.then(|| view! {
                <fieldset class="templates">
                    <legend>"Program"</legend>
                    {CohortTemplate::ALL.into_iter().map(|t| view! {
                        <label class="check">
                            <input type="radio" name="cohort-template" value=t.code()
                                prop:checked=move || template.with(|v| v == t.code())
                                on:change=move |_| { template.set(t.code().to_string()); touch_template(); }/>
                            <span><strong>{t.label()}</strong> " — " {t.about()}</span>
                        </label>
                    }).collect_view()}
                </fieldset>
            })}
            <DateField label="Starts on" value=start required=true/>
            <label>"Sponsor"
                <select prop:value=move || sponsor.get() on:change=move |ev| { sponsor.set(event_target_value(&ev)); touch_sponsor(); }>
                    <option value="">"— none yet —"</option>
                    {move || choices().into_iter().map(|(id, label)| view! { <option value=id.to_string()>{label}</option> }).collect_view()}
                </select>
            </label>
            <fieldset class="coaches">
                <legend>"Coaches"</legend>
                <Show when=move || !choices().is_empty() fallback=|| view! { <p class="muted">"Add people first, then pick the coaches here."</p> }>
                    <div class="checks">
                        {move || choices().into_iter().map(|(id, label)| view! {
                            <label class="check">
                                <input type="checkbox"
                                    prop:checked=move || coaches.with(|c| c.contains(&id))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        coaches.update(|c| { c.retain(|x| *x != id); if on { c.push(id); } });
                                        touch_coaches();
                                    }/>
                                {label}
                            </label>
                        }).collect_view()}
                    </div>
                </Show>
            </fieldset>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <div class="actions"><button type="submit" disabled=move || app.is_read_only()>{submit_label}</button></div>
        </DraftForm>
    }
}

#[component]
pub fn NewCohortPage() -> impl IntoView {
    let navigate = use_navigate();
    // Whoever sets a cohort up usually coaches it: they start ticked (untick to hand it on).
    let me = use_app().person_untracked();
    let initial = CohortFields {
        name: String::new(),
        sponsor_id: None,
        coach_ids: me.into_iter().collect(),
        starts_on: monday_on_or_after(browser::today()),
        template: CohortTemplate::SixMonths,
    };
    let create = Callback::new(move |(fields, draft): (CohortFields, FormDraft)| {
        let name = fields.name.trim().to_string();
        match draft.submit(Action::AddCohort(fields), &format!("Created {name}.")) {
            Some(id) => {
                navigate(&format!("/cohorts/{id}"), Default::default());
                true
            }
            None => false,
        }
    });
    view! {
        <section class="page">
            <p class="crumbs"><A href=link("/cohorts")>"Cohorts"</A> " / "</p>
            <h1>"New cohort"</h1>
            <p class="lead">"The four phases are laid out from the start date, as the program you choose sets them; you can change them afterwards."</p>
            <p class="muted">{format!("Starting on a Monday works best; the first one coming is {}.", fmt_date(monday_on_or_after(browser::today())))}</p>
            <CohortForm initial=initial submit_label="Create cohort" on_submit=create draft_key="cohort/new" choose_template=true/>
            <p class="hint">"Sponsor or coaches not in the list? " <A href=link("/people")>"Add them on the People page"</A> " first."</p>
        </section>
    }
}
