//! Schema migrations. Each schema change adds a step from the previous version here, and a
//! fixture file of the old version under `tests/fixtures/` that the tests load.

use serde_json::Value;

use super::{DecodeError, SCHEMA_VERSION};

/// Brings a workspace value from `from` up to [`SCHEMA_VERSION`].
pub fn migrate(mut workspace: Value, from: u32) -> Result<Value, DecodeError> {
    if from == 0 || from > SCHEMA_VERSION {
        return Err(DecodeError::BadVersion);
    }
    let mut version = from;
    if version == 1 {
        // 1 → 2: records gained `merge_bases` and the workspace `deleted` (tombstones), both
        // optional with empty defaults, so a schema 1 workspace reads as it is.
        version = 2;
    }
    if version == 2 {
        // 2 → 3: the journey. Cohorts gain interview scenarios (the three standard ones) and a
        // standard week; candidates gain selection facts and signal marks (optional); the
        // workspace gains lists of journey records (empty by default).
        if let Some(cohorts) = workspace.get_mut("cohorts").and_then(Value::as_array_mut) {
            for cohort in cohorts.iter_mut().filter_map(Value::as_object_mut) {
                if !cohort.contains_key("scenarios") {
                    let standard =
                        crate::file::json::to_value(&crate::content::program::standard_scenarios());
                    cohort.insert("scenarios".into(), standard);
                }
                if !cohort.contains_key("week") {
                    let week = crate::file::json::to_value(&crate::model::WeekPlan::default());
                    cohort.insert("week".into(), week);
                }
            }
        }
        version = 3;
    }
    if version == 3 {
        // 3 → 4: evaluation. The workspace gains lists of frameworks, assessments, evidence,
        // calibrations, 360 rounds and team health checks, all empty by default; the built-in
        // frameworks live in code, so nothing in a schema 3 workspace changes.
        version = 4;
    }
    if version == 4 {
        // 4 → 5: each person in their own browser. 1:1s gain their author (whose private notes
        // they are): the coach the 1:1 was with, else the cohort's first coach. Journal entries
        // gain an optional author (none is the candidate, as every entry was until now).
        // Activities gain an optional group of other candidacies (none: as before).
        // 360 rounds gain `aggregates` (answers imported from response files, as totals per
        // group; none by default) and health checks an optional `tally` (the totals a check
        // made from response files was worked out of); a health score may now be a mean
        // (3.67), and the whole numbers of older files read as they are.
        add_one_on_one_authors(&mut workspace);
        version = 5;
    }
    if version == 5 {
        // 5 → 6: the management track. A person's `level` becomes the first move of their
        // level history ("level on record", on the day they joined, else the day their record
        // was made); the workspace gains level moves, trials, a training ledger and track evidence
        // (all empty by default) and people an optional ladder level.
        levels_into_history(&mut workspace)?;
        version = 6;
    }
    if version == 6 {
        // 6 → 7: promotion packages. The workspace gains promotion cases, their documents,
        // recommendation letters and debrief reads, and the organisation's values, all empty
        // by default: nothing in a schema 6 workspace changes.
        version = 7;
    }
    debug_assert_eq!(version, SCHEMA_VERSION);
    Ok(workspace)
}

/// Schema 5: a 1:1 without an author gets the coach it was held with, or the cohort's first
/// coach; one in a cohort without coaches stays without (its notes then never leave a backup).
fn add_one_on_one_authors(workspace: &mut Value) {
    let id_of = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).map(str::to_owned);
    let mut coaches_of_cohort = std::collections::HashMap::new();
    for cohort in workspace
        .get("cohorts")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let coaches: Vec<String> = cohort
            .get("coach_ids")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|c| c.as_str().map(str::to_owned))
            .collect();
        if let Some(id) = id_of(cohort, "id") {
            coaches_of_cohort.insert(id, coaches);
        }
    }
    let mut cohort_of_candidate = std::collections::HashMap::new();
    for k in workspace
        .get("candidates")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if let (Some(id), Some(cohort)) = (id_of(k, "id"), id_of(k, "cohort_id")) {
            cohort_of_candidate.insert(id, cohort);
        }
    }
    let Some(list) = workspace
        .get_mut("one_on_ones")
        .and_then(Value::as_array_mut)
    else {
        return;
    };
    for o in list.iter_mut().filter_map(Value::as_object_mut) {
        if o.contains_key("author_id") {
            continue;
        }
        let coaches = o
            .get("candidate_id")
            .and_then(Value::as_str)
            .and_then(|k| cohort_of_candidate.get(k))
            .and_then(|c| coaches_of_cohort.get(c));
        let with = o.get("with_id").and_then(Value::as_str);
        let author = coaches.and_then(|cs| {
            cs.iter()
                .find(|c| Some(c.as_str()) == with)
                .or_else(|| cs.first())
                .cloned()
        });
        if let Some(a) = author {
            o.insert("author_id".into(), Value::String(a));
        }
    }
}

/// The id of a person's first level move made by the 5 → 6 migration: worked out from the
/// person's id, so two copies that migrate the same person make the same move (and a merge of
/// them has nothing to reconcile).
pub fn migrated_move_id(person_id: uuid::Uuid) -> uuid::Uuid {
    uuid::Uuid::from_u128(person_id.as_u128() ^ 0x6c65_7665_6c5f_6d6f_7665_5f76_3600_0000)
}

/// Schema 6: each person's `level` moves into the level history.
fn levels_into_history(workspace: &mut Value) -> Result<(), DecodeError> {
    let Some(ws) = workspace.as_object_mut() else {
        return Ok(());
    };
    let mut moves = Vec::new();
    for (i, p) in ws
        .get_mut("people")
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
        .enumerate()
        .filter_map(|(i, p)| Some((i, p.as_object_mut()?)))
    {
        let Some(level) = p.remove("level") else {
            continue;
        };
        if level
            .as_str()
            .and_then(crate::model::TrackLevel::from_code)
            .is_none()
        {
            return Err(DecodeError::Field {
                path: format!("people[{i}].level"),
                message: "not a level (expected one of IC1–IC5, M1–M3)".into(),
            });
        }
        let Some(id) = p
            .get("id")
            .and_then(Value::as_str)
            .and_then(|s| uuid::Uuid::parse_str(s).ok())
        else {
            // A broken id is reported by the checks that follow, with its path.
            continue;
        };
        let created = p.get("created_at").cloned().unwrap_or(Value::Null);
        let on = p
            .get("joined_on")
            .and_then(Value::as_str)
            .map(str::to_owned)
            .or_else(|| {
                created
                    .as_str()
                    .and_then(|c| c.get(..10))
                    .map(str::to_owned)
            })
            .unwrap_or_default();
        let mut m = serde_json::Map::new();
        m.insert("id".into(), Value::String(migrated_move_id(id).to_string()));
        m.insert("person_id".into(), Value::String(id.to_string()));
        m.insert("on".into(), Value::String(on));
        // Not a hiring: the level they held when their history begins (its day is the best
        // Runway knows), so time at level reads "at least" and it is no way into management.
        m.insert("kind".into(), Value::String("recorded".into()));
        m.insert("level".into(), level);
        if let Some(team) = p
            .get("team")
            .filter(|t| t.as_str().is_some_and(|t| !t.is_empty()))
        {
            m.insert("team".into(), team.clone());
        }
        m.insert("created_at".into(), created.clone());
        m.insert("updated_at".into(), created);
        moves.push(Value::Object(m));
    }
    if !moves.is_empty() {
        let list = ws
            .entry("levels")
            .or_insert_with(|| Value::Array(Vec::new()));
        if let Some(a) = list.as_array_mut() {
            a.extend(moves);
        }
    }
    Ok(())
}
