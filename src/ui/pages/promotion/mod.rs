//! Promotion packages in the UI: the list of cases (`/promotions`), a case's page
//! (`/promotions/:id`: steps, the track view, letters, the document, the debrief and decision,
//! the plan, files out), its print view, the person page's panel, and the letter writer's page
//! (`/letter`). Every rule and count comes from [`crate::logic::promotion`].

pub mod debrief;
pub mod document;
pub mod letters;
pub mod print;
pub mod writer;

use crate::sort::StableSort as _;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::logic::actions::Action;
use crate::logic::promotion::{self as promo, completeness, next_steps};
use crate::logic::records::Record;
use crate::model::{CaseStatus, CaseStep, Id, PromotionCase, TrackLevel};
use crate::ui::browser;
use crate::ui::forms::{
    person_value, AreaField, ChoiceField, DateField, DraftForm, Folding, FormButtons, FormDraft,
    PersonField, TextField,
};
use crate::ui::link;
use crate::ui::pages::share::SharedExport;
use crate::ui::state::use_app;
use crate::ui::widgets::{date_value, fmt_date, parse_date};

/// The case of the page, as it is now.
pub fn case_signal(id: Id) -> impl Fn() -> Option<PromotionCase> + Copy {
    let app = use_app();
    move || app.ws.with(|ws| promo::case(ws, id).cloned())
}

/// Whether the person using this browser may run the case (everyone but the applicant: the
/// sponsor, a coach, the program lead). The applicant writes their document and reads the
/// rest. A courtesy in the UI: the guarantee is in the files.
pub fn runs_case(c: &PromotionCase) -> bool {
    let app = use_app();
    app.person() != Some(c.person_id) && !app.is_read_only()
}

fn status_class(s: CaseStatus) -> &'static str {
    match s {
        CaseStatus::ApprovedExecutive | CaseStatus::ApprovedLeadership => "badge ok",
        CaseStatus::NotYet => "badge warn",
        CaseStatus::Withdrawn => "badge muted",
        _ => "badge",
    }
}

#[component]
pub fn StatusBadge(status: CaseStatus) -> impl IntoView {
    view! { <span class=status_class(status)>{status.label()}</span> }
}

/// `/promotions`: every case, in progress first, with what each is waiting for.
#[component]
pub fn PromotionsPage() -> impl IntoView {
    let app = use_app();
    let today = browser::today();
    let rows = move || {
        app.ws.with(|ws| {
            let mut list: Vec<(PromotionCase, String, String, String)> = ws
                .promotions
                .iter()
                .map(|c| {
                    (
                        c.clone(),
                        ws.person_name(c.person_id).to_string(),
                        c.sponsor_id
                            .map_or("—".to_string(), |s| ws.person_name(s).to_string()),
                        promo::waiting_for(ws, c, today),
                    )
                })
                .collect();
            list.stable_sort_by(|a, b| {
                (a.0.status().is_closed(), std::cmp::Reverse(a.0.updated_at))
                    .cmp(&(b.0.status().is_closed(), std::cmp::Reverse(b.0.updated_at)))
            });
            list
        })
    };
    view! {
        <section class="page promotions-page">
            <h1>"Promotions"</h1>
            <p class="lead">"A promotion case gathers what a committee needs to decide: the applicant's written document, letters from people who worked with them, the sponsor's letter and the dated evidence Runway already holds. A “not yet” comes back as a plan."</p>
            <p class="muted">"Start a case from the person's page (People → the applicant → Promotion)."</p>
            {move || {
                let rows = rows();
                if rows.is_empty() {
                    view! { <p>"No promotion cases yet."</p> }.into_any()
                } else {
                    view! {
                        <div class="table-wrap" tabindex="0" role="region" aria-label="Promotion cases">
                        <table class="cases">
                            <caption class="sr-only">"Promotion cases"</caption>
                            <thead><tr><th scope="col">"Applicant"</th><th scope="col">"Move"</th><th scope="col">"Cycle"</th><th scope="col">"Sponsor"</th><th scope="col">"Status"</th><th scope="col">"Waiting for"</th></tr></thead>
                            <tbody>
                                {rows.into_iter().map(|(c, who, sponsor, waiting)| view! {
                                    <tr>
                                        <th scope="row"><A href=link(&format!("/promotions/{}", c.id))>{who}</A></th>
                                        <td>{format!("{} → {}", c.from_level.code(), c.to_level.code())}</td>
                                        <td>{if c.cycle.is_empty() { "—".to_string() } else { c.cycle.clone() }}</td>
                                        <td>{sponsor}</td>
                                        <td><StatusBadge status=c.status()/></td>
                                        <td>{waiting}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                        </div>
                    }.into_any()
                }
            }}
        </section>
    }
}

/// The person page's promotion panel: their cases (the plan of a "not yet" in full) and, for
/// someone on the management track with no case open, starting one.
#[component]
pub fn PromotionPanel(person_id: Id) -> impl IntoView {
    let app = use_app();
    let cases = move || {
        app.ws.with(|ws| {
            promo::cases_of(ws, person_id)
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let can_start = move || {
        app.person() != Some(person_id)
            && !app.is_read_only()
            && app.ws.with(|ws| {
                promo::open_case(ws, person_id).is_none()
                    && crate::logic::track::current_level(ws, person_id)
                        .is_some_and(|l| l < TrackLevel::M3)
            })
    };
    view! {
        <section aria-labelledby="promotion-heading">
            <h2 id="promotion-heading">"Promotion"</h2>
            {move || (cases().is_empty() && !can_start()).then(|| view! {
                <p class="muted">"No promotion case."</p>
            })}
            <ul class="entries">
                {move || cases().into_iter().map(|c| view! { <CaseSummary c=c/> }).collect_view()}
            </ul>
            <Show when=can_start>
                <StartCase person_id=person_id/>
            </Show>
        </section>
    }
}

#[component]
fn CaseSummary(c: PromotionCase) -> impl IntoView {
    let app = use_app();
    let today = browser::today();
    let waiting = app
        .ws
        .with_untracked(|ws| promo::waiting_for(ws, &c, today));
    let plan = app
        .ws
        .with_untracked(|ws| promo::markdown::plan_lines(ws, &c));
    let title = format!(
        "{} → {}{}",
        c.from_level.code(),
        c.to_level.code(),
        if c.cycle.is_empty() {
            String::new()
        } else {
            format!(", {}", c.cycle)
        }
    );
    view! {
        <li class="card">
            <p><A href=link(&format!("/promotions/{}", c.id))>{format!("Promotion case {title}")}</A>" "<StatusBadge status=c.status()/></p>
            <p class="muted">{format!("Waiting for {waiting}.")}</p>
            {(c.status() == CaseStatus::NotYet && !plan.is_empty()).then(|| view! {
                <h3>"Plan to close the gaps"</h3>
                <ul class="plan">{plan.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            })}
        </li>
    }
}

fn level_options(managers_only: bool) -> Vec<(String, String)> {
    TrackLevel::ALL
        .iter()
        .filter(|l| !managers_only || l.is_manager())
        .map(|l| (l.code().to_string(), l.code().to_string()))
        .collect()
}

#[component]
fn StartCase(person_id: Id) -> impl IntoView {
    let app = use_app();
    let today = browser::today();
    let manager = app
        .ws
        .with_untracked(|ws| promo::direct_manager(ws, person_id));
    // Their direct manager where Runway knows it; else whoever starts the case.
    let suggested = manager.or(app.person_untracked().filter(|p| *p != person_id));
    let base = app.ws.with_untracked(|ws| {
        promo::draft_case(
            ws,
            person_id,
            suggested,
            today,
            browser::now(),
            &mut browser::new_id,
        )
    });
    let from = RwSignal::new(base.from_level.code().to_string());
    let to = RwSignal::new(base.to_level.code().to_string());
    let sponsor = RwSignal::new(suggested.map(|s| s.to_string()).unwrap_or_default());
    let reason = RwSignal::new(String::new());
    let eligible = RwSignal::new(date_value(Some(today)));
    let cycle = RwSignal::new(String::new());
    let draft = FormDraft::new(
        format!("promotion/{person_id}/new"),
        "Start a promotion case",
    );
    let open = RwSignal::new(draft.has_draft());
    let navigate = use_navigate();
    let manager_hint = app.ws.with_untracked(|ws| {
        manager.map_or(
            "Runway does not know their direct manager (nobody at a higher manager level is in their team): choose the sponsor.".to_string(),
            |m| format!("{} manages their team: normally the sponsor.", ws.person_name(m)),
        )
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut c = app.ws.with_untracked(|ws| {
            promo::draft_case(
                ws,
                person_id,
                None,
                today,
                browser::now(),
                &mut browser::new_id,
            )
        });
        c.from_level = TrackLevel::from_code(&from.get_untracked()).unwrap_or(c.from_level);
        c.to_level = TrackLevel::from_code(&to.get_untracked()).unwrap_or(c.to_level);
        c.sponsor_id = person_value(&sponsor.get_untracked());
        c.steps[0].by = app.person_untracked().or(c.sponsor_id);
        c.skip_level_reason = reason.get_untracked().trim().to_string();
        c.eligible_on = parse_date(&eligible.get_untracked());
        c.cycle = cycle.get_untracked().trim().to_string();
        if let Some(id) = draft.save(
            Action::Put(Record::Promotion(c)),
            "Started the promotion case.",
        ) {
            open.set(false);
            navigate(&format!("/promotions/{id}"), Default::default());
        }
    };
    view! {
        <Folding open=open summary=|| "Start a promotion case">
            <p class="hint">"Start once the applicant and their sponsor agree they are eligible. The case opens with the evidence Runway holds for the next level, and four letter slots."</p>
            <DraftForm draft=draft label="Start a promotion case" on_submit=submit>
                <ChoiceField label="From level" value=from options=level_options(false) field="from_level"/>
                <ChoiceField label="To level" value=to options=level_options(true) field="to_level"/>
                <PersonField label="Sponsor" value=sponsor exclude=person_id field="sponsor_id"/>
                <p class="hint wide">{manager_hint}</p>
                <TextField label="If the sponsor is a skip-level manager: why" value=reason wide=true field="skip_level_reason"/>
                <DateField label="Eligible since (agreed by both)" value=eligible field="eligible_on"/>
                <TextField label="Target cycle" value=cycle placeholder="e.g. 2027 H1" field="cycle"/>
                <FormButtons save_label="Start the case"/>
            </DraftForm>
        </Folding>
    }
}

/// `/promotions/:id`.
#[component]
pub fn CasePage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let id = move || {
        params
            .with(|p| p.get("id"))
            .and_then(|s| Id::parse_str(&s).ok())
    };
    // Drawn again only when the case appears or goes, never on an edit: forms keep what is
    // typed and where the focus is.
    let shown =
        Memo::new(move |_| id().map(|cid| (cid, app.ws.with(|ws| promo::case(ws, cid).is_some()))));
    move || {
        let Some((cid, exists)) = shown.get() else {
            return view! { <section class="page"><h1>"Promotion case not found"</h1></section> }
                .into_any();
        };
        if !exists {
            return view! {
                <section class="page">
                    <h1>"Promotion case not found"</h1>
                    <p>"It may have been deleted, or it is in another copy of Runway."</p>
                    <p><A href=link("/promotions")>"All promotion cases"</A></p>
                </section>
            }
            .into_any();
        }
        view! { <CaseView id=cid/> }.into_any()
    }
}

#[component]
fn CaseView(id: Id) -> impl IntoView {
    let app = use_app();
    let case = case_signal(id);
    let today = browser::today();
    let Some(untracked) = app.ws.with_untracked(|ws| promo::case(ws, id).cloned()) else {
        return ().into_any();
    };
    let person_id = untracked.person_id;
    let name = app
        .ws
        .with_untracked(|ws| ws.person_name(person_id).to_string());
    let title = move || {
        case().map_or(String::new(), |c| {
            format!("{name}: {} → {}", c.from_level.code(), c.to_level.code())
        })
    };
    let waiting = move || {
        case().map_or(String::new(), |c| {
            app.ws.with(|ws| promo::waiting_for(ws, &c, today))
        })
    };
    let runs = move || case().is_some_and(|c| runs_case(&c));
    let applicant = move || app.person() == Some(person_id);
    view! {
        <section class="page case-page">
            <p class="crumbs"><A href=link("/promotions")>"Promotions"</A>" / "<A href=link(&format!("/people/{person_id}"))>{app.ws.with_untracked(|ws| ws.person_name(person_id).to_string())}</A>" / "</p>
            <h1>{title}</h1>
            <p class="case-status">{move || case().map(|c| view! { <StatusBadge status=c.status()/> })}" "{move || format!("Waiting for {}.", waiting())}</p>
            <p class="actions">
                <A href=link(&format!("/promotions/{id}/print")) attr:class="button secondary">"Print view"</A>
                " "
                <print::DownloadMarkdown id=id/>
            </p>
            <Steps id=id/>
            <CaseDetails id=id/>
            <crate::ui::pages::track::next_level::NextLevelPanel person_id=person_id/>
            <letters::LettersSection id=id/>
            <document::DocumentSection id=id/>
            <Completeness id=id/>
            <debrief::DebriefSection id=id/>
            <debrief::PlanSection id=id/>
            <section aria-labelledby="files-heading">
                <h2 id="files-heading">"Files for the applicant and the committee"</h2>
                <p class="muted">"The applicant's file carries their document, the plan and the decision's reasons: no letters and no committee reads. The committee's file carries the whole package to read; each member's read goes back in their own file, and stays unseen until the chair reveals the reads."</p>
                <Show when=move || runs() || applicant()>
                    <div class="share-pair">
                        <SharedExport audience=crate::logic::records::audience::Audience::Applicant(id) for_whom=if untrack(applicant) { "your sponsor".to_string() } else { "the applicant".to_string() }/>
                        <Show when=move || !applicant()>
                            <SharedExport audience=crate::logic::records::audience::Audience::Committee(id) for_whom="the committee"/>
                        </Show>
                    </div>
                </Show>
            </section>
        </section>
    }
    .into_any()
}

/// The case's steps, and taking the next one.
#[component]
fn Steps(id: Id) -> impl IntoView {
    let app = use_app();
    let case = case_signal(id);
    let steps = move || {
        case().map_or(Vec::new(), |c| {
            app.ws.with(|ws| {
                c.steps
                    .iter()
                    .map(|s| (s.clone(), s.by.map(|p| ws.person_name(p).to_string())))
                    .collect::<Vec<_>>()
            })
        })
    };
    let runs = move || case().is_some_and(|c| runs_case(&c));
    view! {
        <section aria-labelledby="steps-heading">
            <h2 id="steps-heading">"Steps"</h2>
            <ol class="steps">
                {move || steps().into_iter().map(|(s, by)| view! {
                    <li>
                        <time datetime=date_value(Some(s.on))>{fmt_date(s.on)}</time>
                        " · "<strong>{s.status.label()}</strong>
                        {by.map(|b| format!(" · by {b}"))}
                        {(!s.note.is_empty()).then(|| view! { <span class="muted">{format!(" · {}", s.note)}</span> })}
                    </li>
                }).collect_view()}
            </ol>
            <Show when=runs>
                <NextStep id=id/>
            </Show>
        </section>
    }
}

#[component]
fn NextStep(id: Id) -> impl IntoView {
    let app = use_app();
    let case = case_signal(id);
    // "Not yet" is decided in the debrief's decision form, with its data points.
    let options = move || {
        case().map_or(Vec::new(), |c| {
            next_steps(&c)
                .into_iter()
                .filter(|s| *s != CaseStatus::NotYet)
                .collect::<Vec<_>>()
        })
    };
    let step = RwSignal::new(String::new());
    let on = RwSignal::new(date_value(Some(browser::today())));
    let note = RwSignal::new(String::new());
    let draft = FormDraft::new(format!("promotion/{id}/step"), "Next step of the case");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let opts = options();
        let Some(status) =
            CaseStatus::from_code(&step.get_untracked()).filter(|s| opts.contains(s))
        else {
            app.warn("Choose the next step: the case has moved on since this form was drawn.");
            return;
        };
        let Some(day) = parse_date(&on.get_untracked()) else {
            app.warn("Enter the day of the step.");
            return;
        };
        let done = format!("Recorded: {}.", status.label());
        if draft
            .save(
                Action::AdvanceCase {
                    case_id: id,
                    step: CaseStep {
                        status,
                        on: day,
                        by: app.person_untracked(),
                        note: note.get_untracked(),
                    },
                },
                &done,
            )
            .is_some()
        {
            note.set(String::new());
            step.set(String::new());
        }
    };
    move || {
        let opts = options();
        if opts.is_empty() {
            return view! { <p class="muted">"The case is closed."</p> }.into_any();
        }
        let choices: Vec<(String, String)> = opts
            .iter()
            .map(|s| (s.code().to_string(), s.label().to_string()))
            .collect();
        // A step the case has moved past is no longer offered: start from the first one.
        if !choices.iter().any(|c| c.0 == step.get_untracked()) {
            step.set(choices[0].0.clone());
        }
        view! {
            <DraftForm draft=draft label="Take the next step" on_submit=submit>
                <ChoiceField label="Next step" value=step options=choices field="status"/>
                <DateField label="On" value=on required=true field="on"/>
                <TextField label="Note (optional)" value=note wide=true/>
                <FormButtons save_label="Record the step"/>
            </DraftForm>
        }
        .into_any()
    }
}

/// Sponsor, skip-level reason, eligibility, cycle and levels.
#[component]
fn CaseDetails(id: Id) -> impl IntoView {
    let app = use_app();
    let case = case_signal(id);
    let Some(c0) = untrack(case) else {
        return ().into_any();
    };
    let from = RwSignal::new(c0.from_level.code().to_string());
    let to = RwSignal::new(c0.to_level.code().to_string());
    let sponsor = RwSignal::new(c0.sponsor_id.map(|s| s.to_string()).unwrap_or_default());
    let reason = RwSignal::new(c0.skip_level_reason.clone());
    let eligible = RwSignal::new(date_value(c0.eligible_on));
    let cycle = RwSignal::new(c0.cycle.clone());
    let draft = FormDraft::new(format!("promotion/{id}/details"), "The case's details");
    let open = RwSignal::new(draft.has_draft());
    let facts = move || {
        case().map(|c| {
            app.ws.with(|ws| {
                (
                    c.sponsor_id
                        .map_or("none yet".to_string(), |s| ws.person_name(s).to_string()),
                    c.skip_level_reason.clone(),
                    c.eligible_on.map_or("—".to_string(), fmt_date),
                    if c.cycle.is_empty() {
                        "—".to_string()
                    } else {
                        c.cycle.clone()
                    },
                )
            })
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(mut c) = case() else { return };
        c.from_level = TrackLevel::from_code(&from.get_untracked()).unwrap_or(c.from_level);
        c.to_level = TrackLevel::from_code(&to.get_untracked()).unwrap_or(c.to_level);
        c.sponsor_id = person_value(&sponsor.get_untracked());
        c.skip_level_reason = reason.get_untracked().trim().to_string();
        c.eligible_on = parse_date(&eligible.get_untracked());
        c.cycle = cycle.get_untracked().trim().to_string();
        if draft
            .save(
                Action::Put(Record::Promotion(c)),
                "Saved the case's details.",
            )
            .is_some()
        {
            open.set(false);
        }
    };
    let runs = move || case().is_some_and(|c| runs_case(&c));
    view! {
        <section aria-labelledby="details-heading">
            <h2 id="details-heading">"The case"</h2>
            {move || facts().map(|(sponsor, reason, eligible, cycle)| view! {
                <dl class="facts">
                    <div><dt>"Sponsor"</dt><dd>{sponsor}</dd></div>
                    {(!reason.is_empty()).then(|| view! { <div><dt>"Skip-level, because"</dt><dd>{reason}</dd></div> })}
                    <div><dt>"Eligible since"</dt><dd>{eligible}</dd></div>
                    <div><dt>"Target cycle"</dt><dd>{cycle}</dd></div>
                </dl>
            })}
            <Show when=runs>
                <Folding open=open summary=|| "Edit the case's details">
                    <DraftForm draft=draft label="The case's details" on_submit=submit>
                        <ChoiceField label="From level" value=from options=level_options(false) field="from_level"/>
                        <ChoiceField label="To level" value=to options=level_options(true) field="to_level"/>
                        <PersonField label="Sponsor" value=sponsor exclude=c0.person_id field="sponsor_id"/>
                        <TextField label="If the sponsor is a skip-level manager: why" value=reason wide=true field="skip_level_reason"/>
                        <DateField label="Eligible since (agreed by both)" value=eligible field="eligible_on"/>
                        <TextField label="Target cycle" value=cycle placeholder="e.g. 2027 H1" field="cycle"/>
                        <FormButtons save_label="Save the details"/>
                    </DraftForm>
                </Folding>
            </Show>
        </section>
    }
    .into_any()
}

/// What still keeps the package from being submitted.
#[component]
fn Completeness(id: Id) -> impl IntoView {
    let app = use_app();
    let case = case_signal(id);
    let missing = move || case().map_or(Vec::new(), |c| app.ws.with(|ws| completeness(ws, &c)));
    let shown = move || {
        case().is_some_and(|c| {
            matches!(
                c.status(),
                CaseStatus::Draft | CaseStatus::LettersRequested | CaseStatus::Ready
            )
        })
    };
    view! {
        <Show when=shown>
            <section aria-labelledby="complete-heading">
                <h2 id="complete-heading">"Before it can be submitted"</h2>
                {move || {
                    let m = missing();
                    if m.is_empty() {
                        view! { <p class="ok">"The package is complete: take the step “Submitted” above when the sponsor sends it."</p> }.into_any()
                    } else {
                        view! {
                            <p>{format!("{} to do:", crate::ui::widgets::count(m.len(), "thing", "things"))}</p>
                            <ul class="gaps">{m.into_iter().map(|x| view! { <li>{crate::logic::actions::sentence(&x)}</li> }).collect_view()}</ul>
                        }.into_any()
                    }
                }}
            </section>
        </Show>
    }
}

/// The plain-text area kit for a long answer, with its word count (used by the document and
/// the letters).
#[component]
pub fn CountedArea(
    #[prop(into)] label: String,
    value: RwSignal<String>,
    #[prop(default = 6)] rows: u32,
    #[prop(optional)] field: Option<&'static str>,
) -> impl IntoView {
    let words = move || promo::word_count(&value.get());
    view! {
        {match field {
            Some(f) => view! { <AreaField label=label value=value rows=rows field=f/> }.into_any(),
            None => view! { <AreaField label=label value=value rows=rows/> }.into_any(),
        }}
        <p class="word-count muted small" aria-live="off">{move || crate::ui::widgets::count(words(), "word", "words")}</p>
    }
}
