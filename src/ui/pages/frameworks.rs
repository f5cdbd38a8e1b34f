//! The frameworks library: built-in and own frameworks, copy and edit, level-to-level diff,
//! export and import of one framework.

use crate::sort::StableSort as _;
use std::collections::HashMap;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use crate::file::framework as fw_file;
use crate::file::{DecodeError, MAX_FILE_BYTES};
use crate::logic::actions::Action;
use crate::logic::evaluation::frameworks::{
    self, copy_name, copy_of, find, is_builtin, level_change, part_usage, plan_import, retire_note,
    usage, usage_text, ImportPlan, Piece,
};
use crate::logic::records::Record;
use crate::model::{Descriptor, Domain, Framework, Id, Level, RecordKind};
use crate::storage::drafts::FieldValue;
use crate::ui::browser;
use crate::ui::forms::{Bound, DraftForm, FormDraft};
use crate::ui::link;
use crate::ui::pages::{existing_route_id, Missing};
use crate::ui::state::{use_app, AppState};
use crate::ui::widgets::{count, ConfirmDialog};

fn framework(app: AppState, id: Id) -> Option<Framework> {
    app.ws.with(|ws| find(ws, id))
}

/// "Used by 2 assessments and 1 calibration" or "Not used yet".
fn used_line(app: AppState, id: Id) -> String {
    let text = app.ws.with(|ws| usage_text(usage(ws, id)));
    if text.is_empty() {
        "Not used yet".into()
    } else {
        format!("Used by {text}")
    }
}

fn shape(fw: &Framework) -> String {
    format!(
        "{} × {}",
        count(fw.active_domains().count(), "domain", "domains"),
        count(fw.active_levels().count(), "level", "levels")
    )
}

#[component]
pub fn FrameworksPage() -> impl IntoView {
    let app = use_app();
    let own = move || {
        app.ws.with(|ws| {
            let mut l = ws.frameworks.clone();
            l.stable_sort_by_key(|f| f.name.to_lowercase());
            l
        })
    };
    view! {
        <section class="page frameworks">
            <h1>"Frameworks"</h1>
            <p class="lead">"The rubrics, ladders and tracks that assessments rate against: domains as rows, levels as columns, and what each domain looks like at each level. The built-in ones are read-only; copy one to make it yours."</p>
            <ImportFramework/>
            <h2>"Built in"</h2>
            <ul class="cards fw-cards">
                {frameworks::builtin().into_iter().map(|f| view! { <FrameworkCard fw=f/> }).collect_view()}
            </ul>
            <h2>"Your frameworks"</h2>
            <ul class="cards fw-cards">
                <For each=own key=|f| (f.id, f.updated_at) let:f>
                    <FrameworkCard fw=f/>
                </For>
            </ul>
            {move || own().is_empty().then(|| view! { <p class="muted">"None yet. Copy a built-in framework to edit it, or import one a colleague exported."</p> })}
        </section>
    }
}

#[component]
fn FrameworkCard(fw: Framework) -> impl IntoView {
    let app = use_app();
    let id = fw.id;
    let builtin = is_builtin(id);
    let based_on = fw
        .based_on
        .map(|b| app.ws.with_untracked(|ws| find(ws, b).map(|f| f.name)));
    let (name, summary, shape) = (fw.name.clone(), fw.summary.clone(), shape(&fw));
    view! {
        <li class="card fw-card">
            <h3><A href=link(&format!("/frameworks/{id}"))>{name}</A></h3>
            <p class="meta">
                {builtin.then(|| view! { <span class="badge">"Built-in, read-only"</span> })}
                {based_on.map(|b| view! { <span class="badge muted">{format!("Based on {}", b.unwrap_or_else(|| "a framework not in this workspace".into()))}</span> })}
            </p>
            <p>{summary}</p>
            <p class="muted">{shape} " · " {move || used_line(app, id)}</p>
            <CopyFramework fw=fw/>
        </li>
    }
}

/// "Copy to edit": asks for the copy's name (proposing "Copy of …"), saves it and opens it.
#[component]
fn CopyFramework(fw: Framework) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let open = RwSignal::new(false);
    let name = RwSignal::new(String::new());
    let original = StoredValue::new(fw);
    let title = original.with_value(|f| f.name.clone());
    let start = move |_| {
        name.set(
            app.ws
                .with_untracked(|ws| original.with_value(|f| copy_name(ws, f))),
        );
        open.set(true);
    };
    let make = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let copy = original.with_value(|f| copy_of(f, name.get_untracked().trim()));
        let done = format!("Made “{}”: edit it here.", copy.name);
        if let Some(id) = app.act(Action::Put(Record::Framework(copy)), &done) {
            open.set(false);
            navigate(&format!("/frameworks/{id}?edit=1"), Default::default());
        }
    };
    let form_label = format!("Copy “{title}”");
    view! {
        <Show when=move || open.get() fallback=move || view! {
            <p class="row-actions">
                <button type="button" class="secondary small" aria-label=format!("Copy to edit: {title}") on:click=start disabled=move || app.is_read_only()>"Copy to edit"</button>
            </p>
        }>
            <form class="form inline" aria-label=form_label.clone() on:submit=make.clone()>
                <label class="grow">"Name of the copy" <input type="text" bind:value=name required/></label>
                <button type="submit" disabled=move || app.is_read_only()>"Make the copy"</button>
                <button type="button" class="secondary" on:click=move |_| open.set(false)>"Cancel"</button>
            </form>
        </Show>
    }
}

/// The outcome of an import, to show under the file picker.
#[derive(Clone)]
struct Outcome {
    text: String,
    is_error: bool,
    open: Option<(Id, String)>,
}

#[component]
fn ImportFramework() -> impl IntoView {
    let app = use_app();
    let outcome = RwSignal::new(None::<Outcome>);
    let done = move |text: String, open: Option<(Id, String)>| {
        outcome.set(Some(Outcome {
            text,
            is_error: false,
            open,
        }))
    };
    let fail = move |text: String| {
        outcome.set(Some(Outcome {
            text,
            is_error: true,
            open: None,
        }))
    };
    let take = move |file_name: String, bytes: Vec<u8>| {
        let incoming = match fw_file::decode(&bytes) {
            Ok(f) => f,
            Err(e) => {
                return fail(format!(
                    "{file_name} was not imported. {e} Nothing has changed."
                ))
            }
        };
        let plan = app.ws.with_untracked(|ws| plan_import(ws, incoming));
        match plan {
            ImportPlan::Add(f) => {
                let name = f.name.clone();
                match app.dispatch(Action::Add(Record::Framework(f))) {
                    Ok(id) => done(
                        format!("Imported “{name}”."),
                        id.map(|i| (i, name.clone())),
                    ),
                    Err(e) => fail(format!("{file_name} was not imported. {e}")),
                }
            }
            ImportPlan::AlreadyHere { name, builtin } => done(
                format!(
                    "Nothing to import: “{name}”{} is already here and the file says exactly the same.",
                    if builtin { " (built in)" } else { "" }
                ),
                None,
            ),
            ImportPlan::Copy {
                framework,
                clashes_with,
            } => {
                let name = framework.name.clone();
                let why = match &clashes_with {
                    Some(here) => format!("A different framework with the same id is already here (“{here}”), so the file came in as a copy"),
                    None => "A framework with this id was deleted here, so the file came in as a new framework".into(),
                };
                match app.dispatch(Action::Put(Record::Framework(framework))) {
                    Ok(id) => done(format!("{why}: “{name}”. Nothing here was changed."), id.map(|i| (i, name.clone()))),
                    Err(e) => fail(format!("{file_name} was not imported. {e}")),
                }
            }
        }
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let file = input.files().and_then(|f| f.get(0));
        input.set_value("");
        let Some(file) = file else {
            return;
        };
        outcome.set(None);
        let name = file.name();
        if file.size() > MAX_FILE_BYTES as f64 {
            let e = DecodeError::TooLarge {
                bytes: file.size() as usize,
                limit: MAX_FILE_BYTES,
            };
            return fail(format!("{name} was not imported. {e} Nothing has changed."));
        }
        spawn_local(async move {
            match browser::read_file(file).await {
                Ok(bytes) => take(name, bytes),
                Err(e) => fail(format!("{name}: {e}")),
            }
        });
    };
    view! {
        <div class="panel fw-import">
            <label class="file">"Import a framework"
                <input type="file" accept=".json,application/json" on:change=on_pick disabled=move || app.is_read_only()/>
            </label>
            <p class="muted">"A file saved with “Export this framework”, from this or another workspace. Nothing already here is overwritten: a framework that differs from one here comes in as a copy."</p>
            {move || outcome.get().map(|o| if o.is_error {
                view! { <p class="error" role="alert">{o.text}</p> }.into_any()
            } else {
                view! {
                    <p class="ok" role="status">{o.text}" "
                        {o.open.map(|(id, name)| view! { <A href=link(&format!("/frameworks/{id}"))>{format!("Open “{name}”")}</A> })}
                    </p>
                }.into_any()
            })}
        </div>
    }
}

#[component]
pub fn FrameworkPage() -> impl IntoView {
    let found = existing_route_id(|ws, id| find(ws, id).is_some());
    move || match found.get().0 {
        None => {
            view! { <Missing what="framework" back="/frameworks" back_label="Back to frameworks"/> }
                .into_any()
        }
        Some(id) => view! { <FrameworkDetail id=id/> }.into_any(),
    }
}

#[component]
fn FrameworkDetail(id: Id) -> impl IntoView {
    let app = use_app();
    let builtin = is_builtin(id);
    let query = use_query_map();
    let asked = query.with_untracked(|q| q.get("edit").is_some());
    // A framework with an unsaved edit opens in the editor, with the edit restored.
    let editing = RwSignal::new(!builtin && (asked || FormDraft::exists(&draft_key(id))));
    if asked {
        // "?edit=1" (from "Copy to edit") opens the editor once; a reload shows the framework.
        let navigate = use_navigate();
        Effect::new(move |_| {
            navigate(
                &format!("/frameworks/{id}"),
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            )
        });
    }
    let fw = move || framework(app, id);
    let name = move || fw().map(|f| f.name).unwrap_or_default();
    let based_on = move || {
        fw().and_then(|f| f.based_on).map(|b| {
            let name = app.ws.with(|ws| find(ws, b).map(|f| f.name));
            match name {
                Some(n) => view! { <p class="based-on">"Based on " <A href=link(&format!("/frameworks/{b}"))>{n}</A></p> }.into_any(),
                None => view! { <p class="based-on muted">"Based on a framework not in this workspace"</p> }.into_any(),
            }
        })
    };
    let export = move |_| {
        if let Some(f) = fw() {
            let text = fw_file::encode(&f, browser::now());
            let file = fw_file::file_name(&f);
            match browser::download(&file, &text, "application/json") {
                Ok(()) => app.say(&format!("Downloaded {file}.")),
                Err(e) => app.warn(&e),
            }
        }
    };
    let copy_source = fw();
    view! {
        <section class="page frameworks">
            <p class="crumbs"><A href=link("/frameworks")>"Frameworks"</A> " / "</p>
            <h1>{name}</h1>
            <p class="meta">
                {builtin.then(|| view! { <span class="badge">"Built-in, read-only"</span> })}
            </p>
            {based_on}
            <p class="lead">{move || fw().map(|f| f.summary)}</p>
            <p class="muted">{move || fw().map(|f| shape(&f))} " · " {move || used_line(app, id)}</p>
            <div class="actions fw-actions">
                {(!builtin).then(|| view! {
                    <Show when=move || !editing.get()>
                        <button type="button" on:click=move |_| editing.set(true) disabled=move || app.is_read_only()>"Edit framework"</button>
                    </Show>
                })}
                <button type="button" class="secondary" on:click=export>"Export this framework"</button>
                {(!builtin).then(|| view! { <DeleteFramework id=id/> })}
            </div>
            {copy_source.map(|f| view! { <CopyFramework fw=f/> })}
            {builtin.then(|| view! { <p class="hint">"Built-in frameworks cannot be changed. Copy this one to edit the copy."</p> })}
            <Show when=move || editing.get() fallback=move || view! { <Grid id=id/> }>
                <Editor id=id editing=editing/>
            </Show>
            <LevelSteps id=id/>
        </section>
    }
}

/// The framework as a table: domains as rows, levels as columns, guidance on top.
#[component]
fn Grid(id: Id) -> impl IntoView {
    let app = use_app();
    move || {
        framework(app, id).map(|f| {
            let has_guidance = f.levels.iter().any(|l| !l.guidance.trim().is_empty());
            let caption = format!("{}: what each domain looks like at each level", f.name);
            let region = caption.clone();
            view! {
                <h2>"Domains and levels"</h2>
                <div class="table-wrap" tabindex="0" role="region" aria-label=region>
                    <table class="fw-grid">
                        <caption class="sr-only">{caption}</caption>
                        <thead><tr>
                            <th scope="col">"Domain"</th>
                            {f.levels.iter().map(|l| view! {
                                <th scope="col" class:retired=l.retired>{l.name.clone()}{l.retired.then(|| view! { " " <span class="badge muted">"Retired"</span> })}</th>
                            }).collect_view()}
                        </tr></thead>
                        <tbody>
                            {has_guidance.then(|| view! {
                                <tr class="guidance">
                                    <th scope="row">"Level guidance"</th>
                                    {f.levels.iter().map(|l| view! { <td class:retired=l.retired>{l.guidance.clone()}</td> }).collect_view()}
                                </tr>
                            })}
                            {f.domains.iter().map(|d| view! {
                                <tr class:retired=d.retired>
                                    <th scope="row">
                                        <span class="domain-name">{d.name.clone()}</span>
                                        {d.retired.then(|| view! { " " <span class="badge muted">"Retired"</span> })}
                                        {(!d.summary.is_empty()).then(|| view! { <span class="domain-summary">{d.summary.clone()}</span> })}
                                    </th>
                                    {f.levels.iter().map(|l| view! {
                                        <td class:retired=d.retired || l.retired>{f.descriptor(d.id, l.id).to_string()}</td>
                                    }).collect_view()}
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                {(f.domains.iter().any(|d| d.retired) || f.levels.iter().any(|l| l.retired)).then(|| view! {
                    <p class="muted">"Retired domains and levels are greyed out: new assessments do not use them, and old ones that do still read as they were."</p>
                })}
            }
        })
    }
}

/// A domain or level being edited.
#[derive(Clone, Copy)]
struct Part {
    id: Id,
    name: RwSignal<String>,
    /// A domain's summary or a level's guidance.
    text: RwSignal<String>,
    retired: RwSignal<bool>,
    /// Retired in the saved framework (so no note is needed about retiring it).
    was_retired: bool,
}

/// The edited framework: every field a signal, made by the editor's owner so none goes away
/// while rows come and go.
#[derive(Clone, Copy)]
struct Draft {
    id: Id,
    name: RwSignal<String>,
    summary: RwSignal<String>,
    domains: RwSignal<Vec<Part>>,
    levels: RwSignal<Vec<Part>>,
    cells: StoredValue<HashMap<(Id, Id), RwSignal<String>>>,
    owner: StoredValue<Option<Owner>>,
}

impl Draft {
    fn new(f: &Framework) -> Self {
        let part = |id: Id, name: &str, text: &str, retired: bool| Part {
            id,
            name: RwSignal::new(name.to_string()),
            text: RwSignal::new(text.to_string()),
            retired: RwSignal::new(retired),
            was_retired: retired,
        };
        let cells = f
            .domains
            .iter()
            .flat_map(|d| f.levels.iter().map(move |l| (d.id, l.id)))
            .map(|(d, l)| ((d, l), RwSignal::new(f.descriptor(d, l).to_string())))
            .collect();
        Draft {
            id: f.id,
            name: RwSignal::new(f.name.clone()),
            summary: RwSignal::new(f.summary.clone()),
            domains: RwSignal::new(
                f.domains
                    .iter()
                    .map(|d| part(d.id, &d.name, &d.summary, d.retired))
                    .collect(),
            ),
            levels: RwSignal::new(
                f.levels
                    .iter()
                    .map(|l| part(l.id, &l.name, &l.guidance, l.retired))
                    .collect(),
            ),
            cells: StoredValue::new(cells),
            owner: StoredValue::new(Owner::current()),
        }
    }

    fn owned<T>(self, make: impl FnOnce() -> T) -> T {
        match self.owner.get_value() {
            Some(o) => o.with(make),
            None => make(),
        }
    }

    fn cell(self, domain: Id, level: Id) -> RwSignal<String> {
        if let Some(c) = self.cells.with_value(|m| m.get(&(domain, level)).copied()) {
            return c;
        }
        let made = self.owned(|| RwSignal::new(String::new()));
        self.cells.update_value(|m| {
            m.insert((domain, level), made);
        });
        made
    }

    fn new_part(self) -> Part {
        self.owned(|| Part {
            id: browser::new_id(),
            name: RwSignal::new(String::new()),
            text: RwSignal::new(String::new()),
            retired: RwSignal::new(false),
            was_retired: false,
        })
    }

    /// The framework to save, on top of the saved one (timestamps, `based_on`).
    fn record(self, saved: &Framework) -> Framework {
        self.build(saved, true)
    }

    /// The framework as typed (texts untrimmed), for the draft.
    fn snapshot(self, saved: &Framework) -> Framework {
        self.build(saved, false)
    }

    fn build(self, saved: &Framework, trim: bool) -> Framework {
        let domains = self.domains.get_untracked();
        let levels = self.levels.get_untracked();
        let t = |s: RwSignal<String>| {
            let v = s.get_untracked();
            if trim {
                v.trim().to_string()
            } else {
                v
            }
        };
        let mut descriptors = Vec::new();
        for d in &domains {
            for l in &levels {
                let text = t(self.cell(d.id, l.id));
                if !text.is_empty() {
                    descriptors.push(Descriptor {
                        domain_id: d.id,
                        level_id: l.id,
                        text,
                    });
                }
            }
        }
        Framework {
            id: self.id,
            name: t(self.name),
            summary: t(self.summary),
            domains: domains
                .iter()
                .map(|d| Domain {
                    id: d.id,
                    name: t(d.name),
                    summary: t(d.text),
                    retired: d.retired.get_untracked(),
                })
                .collect(),
            levels: levels
                .iter()
                .map(|l| Level {
                    id: l.id,
                    name: t(l.name),
                    guidance: t(l.text),
                    retired: l.retired.get_untracked(),
                })
                .collect(),
            descriptors,
            ..saved.clone()
        }
    }

    /// Reads every field tracked, so an effect runs again on any change.
    fn track(self) {
        self.name.track();
        self.summary.track();
        let domains = self.domains.get();
        let levels = self.levels.get();
        for p in domains.iter().chain(levels.iter()) {
            p.name.track();
            p.text.track();
            p.retired.track();
        }
        for d in &domains {
            for l in &levels {
                self.cell(d.id, l.id).track();
            }
        }
    }

    /// Puts a framework (a restored draft, or the saved one when a draft is discarded) into
    /// the fields: parts already here keep their signals, others are made.
    fn fill(self, f: &Framework, saved: &Framework) {
        self.name.set(f.name.clone());
        self.summary.set(f.summary.clone());
        let parts = |list: RwSignal<Vec<Part>>, items: Vec<(Id, String, String, bool)>| {
            let here = list.get_untracked();
            let next: Vec<Part> = items
                .into_iter()
                .map(
                    |(id, name, text, retired)| match here.iter().find(|p| p.id == id) {
                        Some(p) => {
                            p.name.set(name);
                            p.text.set(text);
                            p.retired.set(retired);
                            *p
                        }
                        None => {
                            let was_retired = saved
                                .domain(id)
                                .map(|d| d.retired)
                                .or_else(|| saved.level(id).map(|l| l.retired))
                                .unwrap_or(false);
                            self.owned(|| Part {
                                id,
                                name: RwSignal::new(name),
                                text: RwSignal::new(text),
                                retired: RwSignal::new(retired),
                                was_retired,
                            })
                        }
                    },
                )
                .collect();
            list.set(next);
        };
        parts(
            self.domains,
            f.domains
                .iter()
                .map(|d| (d.id, d.name.clone(), d.summary.clone(), d.retired))
                .collect(),
        );
        parts(
            self.levels,
            f.levels
                .iter()
                .map(|l| (l.id, l.name.clone(), l.guidance.clone(), l.retired))
                .collect(),
        );
        for d in &f.domains {
            for l in &f.levels {
                self.cell(d.id, l.id)
                    .set(f.descriptor(d.id, l.id).to_string());
            }
        }
    }
}

/// The key of a framework's unsaved edit.
fn draft_key(id: Id) -> String {
    format!("framework/{id}")
}

/// Which list a part is in.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Domain,
    Level,
}

impl Kind {
    fn word(self) -> &'static str {
        match self {
            Kind::Domain => "domain",
            Kind::Level => "level",
        }
    }
}

/// The name of a part for labels: its current name, or "domain 3" while it has none.
fn part_label(kind: Kind, p: Part, list: RwSignal<Vec<Part>>) -> String {
    let name = p.name.get();
    if name.trim().is_empty() {
        let n = list.with(|l| l.iter().position(|x| x.id == p.id).unwrap_or(0) + 1);
        format!("{} {n}", kind.word())
    } else {
        name.trim().to_string()
    }
}

/// Drops a part: a used one is retired (kept, so old ratings still read), an unused one goes.
fn drop_part(app: AppState, fw_id: Id, list: RwSignal<Vec<Part>>, p: Part) {
    let used = app.ws.with_untracked(|ws| part_usage(ws, fw_id, p.id));
    if used != (0, 0) {
        p.retired.set(true);
    } else {
        list.update(|l| l.retain(|x| x.id != p.id));
    }
}

/// Once the new part's row or column is drawn, moves focus to its name field.
fn focus_name(part: Id) {
    request_animation_frame(move || {
        let input = document()
            .query_selector(&format!("input[data-part=\"{part}\"]"))
            .ok()
            .flatten()
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(el) = input {
            el.focus().ok();
        }
    });
}

#[component]
fn Editor(id: Id, editing: RwSignal<bool>) -> impl IntoView {
    let app = use_app();
    let Some(saved) = framework(app, id) else {
        return view! { <p class="error">"This framework is no longer here."</p> }.into_any();
    };
    let draft = Draft::new(&saved);
    let form = FormDraft::new(draft_key(id), format!("Framework “{}”", saved.name));
    let saved = StoredValue::new(saved);
    let where_level = RwSignal::new(String::from("end"));
    // The whole edit is one field of the draft (parts come and go as it is edited).
    let touch = form.field(
        "Framework",
        Bound::Custom(
            Callback::new(move |()| {
                FieldValue::Text(
                    saved
                        .with_value(|s| serde_json::to_string(&draft.snapshot(s)))
                        .unwrap_or_default(),
                )
            }),
            Callback::new(move |v| {
                if let FieldValue::Text(t) = v {
                    if let Ok(f) = serde_json::from_slice::<Framework>(t.as_bytes()) {
                        saved.with_value(|s| draft.fill(&f, s));
                    }
                }
            }),
        ),
    );
    // Any change (typing, adding, dropping) keeps the edit as the draft.
    Effect::new(move |first: Option<()>| {
        draft.track();
        if first.is_some() {
            touch();
        }
    });
    let name_problem = move || form.problem("name");

    let add_domain = move |_| {
        let p = draft.new_part();
        draft.domains.update(|l| l.push(p));
        focus_name(p.id);
    };
    let add_level = move |_| {
        let p = draft.new_part();
        let at = where_level.get_untracked().parse::<usize>().ok();
        draft.levels.update(|l| match at {
            Some(i) if i <= l.len() => l.insert(i, p),
            _ => l.push(p),
        });
        focus_name(p.id);
    };
    let level_places = move || {
        let levels = draft.levels.get();
        let names: Vec<String> = levels
            .iter()
            .map(|p| part_label(Kind::Level, *p, draft.levels))
            .collect();
        let mut out = vec![(
            "end".to_string(),
            match names.last() {
                Some(top) => format!("At the top, after {top}"),
                None => "At the top".to_string(),
            },
        )];
        if let Some(first) = names.first() {
            out.push(("0".into(), format!("At the bottom, before {first}")));
        }
        for (i, pair) in names.windows(2).enumerate() {
            out.push((
                (i + 1).to_string(),
                format!("Between {} and {}", pair[0], pair[1]),
            ));
        }
        out
    };
    // What the save will retire, said before saving.
    let notes = move || {
        let mut out = Vec::new();
        for (kind, list) in [(Kind::Domain, draft.domains), (Kind::Level, draft.levels)] {
            for p in list.get() {
                if p.retired.get() && !p.was_retired {
                    let used = app.ws.with(|ws| part_usage(ws, id, p.id));
                    let name = part_label(kind, p, list);
                    out.push(if used == (0, 0) {
                        format!("{name} will be retired: new assessments will not offer it.")
                    } else {
                        retire_note(&name, used)
                    });
                }
            }
        }
        out
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let f = saved.with_value(|s| draft.record(s));
        let done = format!("Saved “{}”.", f.name);
        if form
            .save(Action::Put(Record::Framework(f)), &done)
            .is_some()
        {
            editing.set(false);
        }
    };

    view! {
        <DraftForm draft=form class="form fw-editor" label="Edit framework" on_submit=save>
            <h2>"Edit"</h2>
            <div class="form grid">
                <label>"Framework name" <input type="text" bind:value=draft.name required
                    aria-invalid=move || name_problem().is_some().then_some("true")
                    aria-describedby=move || name_problem().is_some().then_some("fw-name-problem")/>
                    <span class="field-problem" id="fw-name-problem" aria-hidden="true" hidden=move || name_problem().is_none()>{name_problem}</span>
                </label>
                <label class="wide">"Summary" <textarea rows=2 bind:value=draft.summary></textarea></label>
            </div>
            <p class="muted">"Each level's guidance says what goes with it (training hours, practice, focus). Dropping a domain or level that assessments use retires it instead, so those assessments stay readable."</p>
            <div class="table-wrap" role="region" aria-label="Domains and levels being edited">
                <table class="fw-grid editing">
                    <caption class="sr-only">"Domains and levels being edited"</caption>
                    <thead><tr>
                        <th scope="col">"Domain"</th>
                        <For each=move || draft.levels.get() key=|p| p.id let:l>
                            <LevelHead draft=draft l=l fw_id=id/>
                        </For>
                    </tr></thead>
                    <tbody>
                        <For each=move || draft.domains.get() key=|p| p.id let:d>
                            <DomainRow draft=draft d=d fw_id=id/>
                        </For>
                    </tbody>
                </table>
            </div>
            <div class="actions fw-add">
                <button type="button" class="secondary" on:click=add_domain>"Add a domain"</button>
                <label>"Where the new level goes"
                    <select prop:value=move || where_level.get() on:change=move |ev| where_level.set(event_target_value(&ev))>
                        {move || level_places().into_iter().map(|(v, l)| {
                            let selected = where_level.get_untracked() == v;
                            view! { <option value=v selected=selected>{l}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <button type="button" class="secondary" on:click=add_level>"Add a level"</button>
            </div>
            {move || {
                let n = notes();
                (!n.is_empty()).then(|| view! {
                    <div class="callout fw-notes" role="status">
                        <h3>"When you save"</h3>
                        <ul>{n.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                    </div>
                })
            }}
            <div class="actions">
                <button type="submit" disabled=move || app.is_read_only()>"Save framework"</button>
                <button type="button" class="secondary" on:click=move |_| editing.set(false)>"Cancel"</button>
            </div>
        </DraftForm>
    }
    .into_any()
}

/// The "Bring back" / "Drop" controls of a part.
#[component]
fn PartButtons(kind: Kind, p: Part, list: RwSignal<Vec<Part>>, fw_id: Id) -> impl IntoView {
    let app = use_app();
    let label = move || part_label(kind, p, list);
    let used = move || app.ws.with(|ws| part_usage(ws, fw_id, p.id)) != (0, 0);
    view! {
        <Show when=move || p.retired.get() fallback=move || view! {
            <button type="button" class="link danger-text" aria-label=move || format!("Drop the {} {}", kind.word(), label())
                on:click=move |_| drop_part(app, fw_id, list, p)>"Drop"</button>
        }>
            <span class="badge muted">"Retired"</span>
            <button type="button" class="link" aria-label=move || format!("Bring back the {} {}", kind.word(), label())
                on:click=move |_| p.retired.set(false)>"Bring back"</button>
            {move || (!used()).then(|| view! {
                <button type="button" class="link danger-text" aria-label=move || format!("Remove for good: the {} {}", kind.word(), label())
                    on:click=move |_| list.update(|l| l.retain(|x| x.id != p.id))>"Remove for good"</button>
            })}
        </Show>
    }
}

#[component]
fn LevelHead(draft: Draft, l: Part, fw_id: Id) -> impl IntoView {
    let list = draft.levels;
    let n = move || list.with(|v| v.iter().position(|x| x.id == l.id).unwrap_or(0) + 1);
    view! {
        <th scope="col" class:retired=move || l.retired.get()>
            <label>{move || format!("Level {} name", n())}
                <input type="text" data-part=l.id.to_string() bind:value=l.name required readonly=move || l.retired.get()/>
            </label>
            <label>{move || format!("Level {} guidance", n())}
                <textarea rows=5 bind:value=l.text readonly=move || l.retired.get()></textarea>
            </label>
            <span class="part-buttons"><PartButtons kind=Kind::Level p=l list=list fw_id=fw_id/></span>
        </th>
    }
}

#[component]
fn DomainRow(draft: Draft, d: Part, fw_id: Id) -> impl IntoView {
    let list = draft.domains;
    let n = move || list.with(|v| v.iter().position(|x| x.id == d.id).unwrap_or(0) + 1);
    view! {
        <tr class:retired=move || d.retired.get()>
            <th scope="row">
                <label>{move || format!("Domain {} name", n())}
                    <input type="text" data-part=d.id.to_string() bind:value=d.name required readonly=move || d.retired.get()/>
                </label>
                <label>{move || format!("Domain {} summary", n())}
                    <textarea rows=2 bind:value=d.text readonly=move || d.retired.get()></textarea>
                </label>
                <span class="part-buttons"><PartButtons kind=Kind::Domain p=d list=list fw_id=fw_id/></span>
            </th>
            <For each=move || draft.levels.get() key=|p| p.id let:l>
                {
                    let cell = draft.cell(d.id, l.id);
                    let label = move || format!(
                        "{} at {}",
                        part_label(Kind::Domain, d, draft.domains),
                        part_label(Kind::Level, l, draft.levels)
                    );
                    let off = move || d.retired.get() || l.retired.get();
                    view! {
                        <td class:retired=off>
                            <textarea rows=4 aria-label=label bind:value=cell readonly=off></textarea>
                        </td>
                    }
                }
            </For>
        </tr>
    }
}

#[component]
fn DeleteFramework(id: Id) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let open = RwSignal::new(false);
    let intro = Signal::derive(move || {
        let (a, c) = app.ws.with(|ws| usage(ws, id));
        if a + c > 0 {
            format!(
                "This framework is used by {}. Runway will refuse to delete it, so those stay readable.",
                usage_text((a, c))
            )
        } else {
            format!(
                "This deletes “{}”. No assessment or calibration uses it.",
                framework(app, id).map(|f| f.name).unwrap_or_default()
            )
        }
    });
    let lines = Signal::derive(Vec::new);
    let confirm = Callback::new(move |_| {
        if app
            .act(
                Action::Remove {
                    kind: RecordKind::Framework,
                    id,
                },
                "Deleted the framework.",
            )
            .is_some()
        {
            navigate("/frameworks", Default::default());
        }
    });
    view! {
        <button type="button" class="danger" on:click=move |_| open.set(true) disabled=move || app.is_read_only()>"Delete framework…"</button>
        <ConfirmDialog open=open title="Delete this framework?" intro=intro lines=lines confirm_label="Delete framework" on_confirm=confirm/>
    }
}

/// A text with its changed runs highlighted (`mark`), or plain when `highlight` is false.
fn pieces_view(pieces: Vec<Piece>, highlight: bool) -> impl IntoView {
    pieces
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            let space = (i > 0).then_some(" ");
            if p.changed && highlight {
                view! { {space}<mark class="new"><span class="sr-only">"new: "</span>{p.text}</mark> }.into_any()
            } else {
                view! { {space}<span>{p.text}</span> }.into_any()
            }
        })
        .collect_view()
}

/// The two levels to compare after `fw` changed: each pick that is still one of its levels
/// stays; a pick that is gone becomes the level next to the other pick, keeping lower to
/// higher (or the lowest two).
fn repick(fw: &Framework, from: &str, to: &str) -> (Option<Id>, Option<Id>) {
    let here = |s: &str| Id::parse_str(s).ok().filter(|x| fw.level(*x).is_some());
    let active: Vec<Id> = fw.active_levels().map(|l| l.id).collect();
    let at = |x: Id| active.iter().position(|a| *a == x);
    let (pa, pb) = (here(from), here(to));
    match (pa, pb) {
        (Some(_), Some(_)) => (pa, pb),
        (Some(a), None) => {
            let next = at(a)
                .and_then(|i| active.get(i + 1))
                .or_else(|| active.iter().find(|x| **x != a));
            (pa, next.copied())
        }
        (None, Some(b)) => {
            let below = at(b)
                .and_then(|i| i.checked_sub(1))
                .and_then(|i| active.get(i));
            match below {
                Some(x) => (Some(*x), pb),
                // Nothing below the other pick: compare it with the level above it instead.
                None => {
                    let above = at(b)
                        .and_then(|i| active.get(i + 1))
                        .or_else(|| active.iter().find(|x| **x != b));
                    (pb, above.copied())
                }
            }
        }
        (None, None) => (active.first().copied(), active.get(1).copied()),
    }
}

/// "What changes from one level to the next": two levels side by side, new words marked.
#[component]
fn LevelSteps(id: Id) -> impl IntoView {
    let app = use_app();
    let active = move || {
        framework(app, id)
            .map(|f| {
                f.active_levels()
                    .map(|l| (l.id, l.name.clone()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let first = active();
    let from = RwSignal::new(first.first().map(|l| l.0.to_string()).unwrap_or_default());
    let to = RwSignal::new(first.get(1).map(|l| l.0.to_string()).unwrap_or_default());
    // When a save drops a level that was picked, pick again from the saved framework.
    Effect::new(move |_| {
        let Some(f) = framework(app, id) else {
            return;
        };
        let (a, b) = repick(&f, &from.get_untracked(), &to.get_untracked());
        for (sig, v) in [(from, a), (to, b)] {
            let v = v.map(|x| x.to_string()).unwrap_or_default();
            if sig.get_untracked() != v {
                sig.set(v);
            }
        }
    });
    let options = move |sel: RwSignal<String>| {
        framework(app, id)
            .map(|f| {
                f.levels
                    .iter()
                    .map(|l| {
                        let v = l.id.to_string();
                        let selected = sel.get_untracked() == v;
                        let label = if l.retired {
                            format!("{} (retired)", l.name)
                        } else {
                            l.name.clone()
                        };
                        view! { <option value=v selected=selected>{label}</option> }
                    })
                    .collect_view()
            })
            .unwrap_or_default()
    };
    let pairs = move || {
        active()
            .windows(2)
            .map(|w| (w[0].clone(), w[1].clone()))
            .collect::<Vec<_>>()
    };
    let table = move || {
        let f = framework(app, id)?;
        // A level picked before an edit removed it falls back to the lowest two.
        let mut lowest = f.active_levels().map(|l| l.id);
        let (low, next) = (lowest.next(), lowest.next());
        let pick = |s: RwSignal<String>| {
            Id::parse_str(&s.get())
                .ok()
                .filter(|x| f.level(*x).is_some())
        };
        let a = pick(from).or(low)?;
        let b = pick(to).or(next)?;
        let name = |x: Id| f.level(x).map(|l| l.name.clone()).unwrap_or_default();
        let (an, bn) = (name(a), name(b));
        if a == b {
            return Some(
                view! { <p class="muted">"Pick two different levels to compare."</p> }.into_any(),
            );
        }
        let (steps, (ga, gb)) = level_change(&f, a, b);
        let has_guidance = !ga.is_empty() || !gb.is_empty();
        let caption = format!("What changes from {an} to {bn}");
        let region = caption.clone();
        Some(
            view! {
                <p class="muted">{format!("Highlighted: the words that are new at {bn}.")}</p>
                <div class="table-wrap" tabindex="0" role="region" aria-label=region>
                    <table class="fw-steps">
                        <caption class="sr-only">{caption}</caption>
                        <thead><tr>
                            <th scope="col">"Domain"</th>
                            <th scope="col">{an.clone()}</th>
                            <th scope="col">{bn.clone()}</th>
                        </tr></thead>
                        <tbody>
                            {has_guidance.then(|| view! {
                                <tr class="guidance">
                                    <th scope="row">"Level guidance"</th>
                                    <td>{pieces_view(ga, false)}</td>
                                    <td>{pieces_view(gb, true)}</td>
                                </tr>
                            })}
                            {steps.into_iter().map(|s| view! {
                                <tr>
                                    <th scope="row">{s.domain}</th>
                                    <td>{pieces_view(s.from, false)}</td>
                                    <td>{pieces_view(s.to, true)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }
            .into_any(),
        )
    };
    view! {
        <h2>"What changes from one level to the next"</h2>
        <div class="fw-pairs" role="group" aria-label="Steps up the scale">
            {move || pairs().into_iter().map(|((a, an), (b, bn))| {
                let current = move || from.get() == a.to_string() && to.get() == b.to_string();
                view! {
                    <button type="button" class="secondary small" aria-pressed=move || current().to_string()
                        on:click=move |_| { from.set(a.to_string()); to.set(b.to_string()); }>
                        {format!("{an} → {bn}")}
                    </button>
                }
            }).collect_view()}
        </div>
        <div class="form inline">
            <label>"From level"
                <select prop:value=move || from.get() on:change=move |ev| from.set(event_target_value(&ev))>{move || options(from)}</select>
            </label>
            <label>"To level"
                <select prop:value=move || to.get() on:change=move |ev| to.set(event_target_value(&ev))>{move || options(to)}</select>
            </label>
        </div>
        {table}
    }
}
