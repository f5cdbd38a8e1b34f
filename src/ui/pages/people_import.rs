//! *Import people from a spreadsheet*: choose a CSV file, check which column holds what,
//! read the preview (who is added, who is updated and how, what is wrong on which row), and
//! import. The workspace it replaces is kept for *Undo import*, as with any import.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::logic::program::people_import::{
    apply_plan, decode_text, guess_mapping, plan, read_csv, DateOrder, Field, Mapping, Plan,
    RowPlan, Table,
};
use crate::ui::browser;
use crate::ui::state::use_app;
use crate::ui::widgets::count;

#[component]
pub fn PeopleImport() -> impl IntoView {
    let app = use_app();
    let table = RwSignal::new(None::<(String, Table)>);
    let mapping = RwSignal::new(None::<Mapping>);
    let error = RwSignal::new(None::<String>);
    let on_pick = move |ev: leptos::ev::Event| {
        let Some(file) = browser::take_picked(&ev).into_iter().next() else {
            return;
        };
        let name = file.name();
        spawn_local(async move {
            let read = browser::read_file(file)
                .await
                .and_then(|bytes| read_csv(&decode_text(bytes)));
            match read {
                Ok(t) => {
                    mapping.set(Some(guess_mapping(&t)));
                    table.set(Some((name, t)));
                    error.set(None);
                }
                Err(e) => {
                    table.set(None);
                    mapping.set(None);
                    error.set(Some(format!("{name}: {e}")));
                }
            }
        });
    };
    let planned = Memo::new(move |_| {
        table.with(|t| {
            mapping.with(|m| match (t, m) {
                (Some((_, t)), Some(m)) => Some(app.ws.with(|ws| plan(ws, t, m))),
                _ => None,
            })
        })
    });
    let cancel = move |_| {
        table.set(None);
        mapping.set(None);
    };
    let import = move |_| {
        let Some(p) = planned.get_untracked() else {
            return;
        };
        if p.actions().is_empty() {
            app.say("Nothing to import: everyone in the file is already here, as the file says.");
            return;
        }
        let result = app
            .ws
            .with_untracked(|ws| apply_plan(ws, &p, browser::now(), &mut browser::new_id));
        match result.and_then(|next| app.replace(next)) {
            Ok(warning) => {
                let done = format!(
                    "Imported from the spreadsheet: {} added, {} updated. “Undo import” on the Data page brings the earlier list back.",
                    count(p.added(), "person", "people"),
                    count(p.updated(), "person", "people"),
                );
                match warning {
                    Some(w) => app.warn(&w),
                    None => app.say(&done),
                }
                table.set(None);
                mapping.set(None);
            }
            Err(e) => app.warn(&e),
        }
    };
    view! {
        <p class="muted">"A CSV file as your HR tool exports it: commas, semicolons or tabs between fields, one person a row, the first row naming the columns. People already here are matched by email (or by a name only one person has) and updated; the others are added. Levels in the file become a new person's first level; an existing person's level changes through their level history."</p>
        <label>"CSV file"
            <input type="file" accept=".csv,.txt,text/csv" on:change=on_pick/>
        </label>
        {move || error.get().map(|e| view! { <p class="notice error" role="alert">{e}</p> })}
        {move || table.with(|t| t.as_ref().map(|(name, t)| (name.clone(), t.headers.clone(), t.rows.len()))).map(|(name, headers, rows)| {
            view! {
                <h3>{format!("{name}: {}", count(rows, "row", "rows"))}</h3>
                <fieldset class="csv-columns">
                    <legend>"Which column holds what"</legend>
                    {Field::ALL.into_iter().map(|f| view! { <ColumnChoice field=f headers=headers.clone() mapping=mapping/> }).collect_view()}
                    <label>"Dates such as 04/05/2024 read"
                        <select aria-label="Dates such as 04/05/2024 read" on:change=move |ev| {
                            let order = if event_target_value(&ev) == "month" { DateOrder::MonthFirst } else { DateOrder::DayFirst };
                            mapping.update(|m| if let Some(m) = m { m.dates = order; });
                        } prop:value=move || mapping.with(|m| if m.as_ref().is_some_and(|m| m.dates == DateOrder::MonthFirst) { "month" } else { "day" })>
                            <option value="day">"day first: 4 May 2024"</option>
                            <option value="month">"month first: April 5, 2024"</option>
                        </select>
                    </label>
                </fieldset>
                <Preview planned=planned/>
                <div class="actions">
                    <button type="button" on:click=import disabled=move || app.is_read_only() || planned.with(|p| p.as_ref().is_none_or(|p| p.actions().is_empty()))>
                        {move || planned.with(|p| p.as_ref().map_or("Import".to_string(), |p| {
                            let n = p.added() + p.updated();
                            if n == 0 { "Nothing to import".to_string() } else { format!("Import {}", count(n, "person", "people")) }
                        }))}
                    </button>
                    <button type="button" class="secondary" on:click=cancel>"Cancel"</button>
                </div>
            }
        })}
    }
}

#[component]
fn ColumnChoice(
    field: Field,
    headers: Vec<String>,
    mapping: RwSignal<Option<Mapping>>,
) -> impl IntoView {
    let current = move || {
        mapping.with(|m| {
            m.as_ref()
                .and_then(|m| m.column(field))
                .map_or(String::new(), |c| c.to_string())
        })
    };
    view! {
        // The select is named by aria-label: inside the label, its options would join its name.
        <label>{field.label()}
            <select aria-label=field.label() prop:value=current on:change=move |ev| {
                let v = event_target_value(&ev).parse::<usize>().ok();
                mapping.update(|m| if let Some(m) = m { m.set(field, v); });
            }>
                <option value="">"Not in the file"</option>
                {headers.iter().enumerate().map(|(i, h)| {
                    let shown = if h.is_empty() { format!("Column {}", i + 1) } else { h.clone() };
                    view! { <option value=i.to_string()>{shown}</option> }
                }).collect_view()}
            </select>
        </label>
    }
}

#[component]
fn Preview(planned: Memo<Option<Plan>>) -> impl IntoView {
    view! {
        {move || planned.get().map(|p| {
            let summary = format!(
                "{} to add · {} to update · {} already up to date · {} with problems, left out",
                p.added(),
                p.updated(),
                p.unchanged(),
                count(
                    {
                        let mut rows: Vec<usize> = p.problems.iter().map(|q| q.row).collect();
                        rows.dedup();
                        rows.len()
                    },
                    "row",
                    "rows"
                ),
            );
            let problems = p.problems.clone();
            let notes = p.notes.clone();
            let rows = p.rows.clone();
            view! {
                <p class="lead" role="status">{summary}</p>
                {(!problems.is_empty()).then(|| view! {
                    <div class="notice error">
                        <h4>"Rows left out — fix them in the file and import it again"</h4>
                        <ul>{problems.into_iter().map(|q| view! { <li>{q.text()}</li> }).collect_view()}</ul>
                    </div>
                })}
                {(!notes.is_empty()).then(|| view! {
                    <div class="notice">
                        <h4>"Worth knowing"</h4>
                        <ul>{notes.into_iter().map(|q| view! { <li>{q.text()}</li> }).collect_view()}</ul>
                    </div>
                })}
                <div class="table-wrap">
                    <table>
                        <caption class="sr-only">"What each row does"</caption>
                        <thead><tr><th scope="col">"Row"</th><th scope="col">"Person"</th><th scope="col">"Does"</th></tr></thead>
                        <tbody>
                            {rows.into_iter().map(|(row, plan)| {
                                let (who, does) = match plan {
                                    RowPlan::Add(f) => (f.name, "Added".to_string()),
                                    RowPlan::Update { fields, changes, .. } => (fields.name, format!("Updated: {}", changes.join("; "))),
                                    RowPlan::Same { name, .. } => (name, "Already up to date".to_string()),
                                };
                                view! { <tr><td>{row}</td><th scope="row">{who}</th><td>{does}</td></tr> }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }
        })}
    }
}
