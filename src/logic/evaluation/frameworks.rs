//! Frameworks: finding one by id (the built-in ones, in our own words, are in
//! `content::frameworks`), copying one, the edit rule that keeps old ratings readable, the level-to-level diff, and
//! the evidence rule for top-level ratings.

use crate::sort::StableSort as _;
use std::collections::HashSet;

use crate::model::{Date, Evidence, Framework, Id, Workspace};

pub use crate::content::frameworks::{
    builtin, is_builtin, EM_PARTS, LEADERSHIP_LADDER, MANAGEMENT_TRACK, MIT_RUBRIC,
};

/// A framework by id: the workspace's own, or a built-in one.
pub fn find(ws: &Workspace, id: Id) -> Option<Framework> {
    ws.frameworks
        .iter()
        .find(|f| f.id == id)
        .cloned()
        .or_else(|| builtin().into_iter().find(|f| f.id == id))
}

/// The framework in use for a built-in one: the newest copy of it here (a coach's edits win),
/// else the built-in itself.
pub fn in_use(ws: &Workspace, builtin_id: Id) -> Option<Framework> {
    ws.frameworks
        .iter()
        .filter(|f| f.based_on == Some(builtin_id))
        .max_by_key(|f| f.updated_at)
        .cloned()
        .or_else(|| find(ws, builtin_id))
}

/// Every framework: built-in first, then the workspace's own by name.
pub fn all(ws: &Workspace) -> Vec<Framework> {
    let mut own = ws.frameworks.clone();
    own.stable_sort_by_key(|f| f.name.to_lowercase());
    let mut out = builtin();
    out.extend(own);
    out
}

/// A copy to edit: same domain and level ids (so evidence and the diff keep working), a new
/// name, and `based_on` pointing at the original. The id is left nil for the save to assign.
pub fn copy_of(fw: &Framework, name: &str) -> Framework {
    let mut c = fw.clone();
    c.id = Id::nil();
    c.name = name.into();
    c.based_on = Some(fw.id);
    c.merge_bases.clear();
    c
}

/// Domain and level ids of a framework that ratings or calibrations use.
pub fn used_ids(ws: &Workspace, framework_id: Id) -> HashSet<Id> {
    let mut used = HashSet::new();
    for a in ws
        .assessments
        .iter()
        .filter(|a| a.framework_id == framework_id)
    {
        for r in &a.ratings {
            used.insert(r.domain_id);
            used.extend(r.level_id);
        }
    }
    for c in ws
        .calibrations
        .iter()
        .filter(|c| c.framework_id == framework_id)
    {
        for o in &c.outcomes {
            used.insert(o.domain_id);
            used.insert(o.level_id);
        }
    }
    // Track evidence names an outcome of the management track (its copies share the ids).
    let fw = find(ws, framework_id);
    let is_track = framework_id == crate::content::frameworks::MANAGEMENT_TRACK
        || fw.is_some_and(|f| f.based_on == Some(crate::content::frameworks::MANAGEMENT_TRACK));
    if is_track {
        for e in &ws.track_evidence {
            used.insert(e.domain_id);
            used.insert(e.level_id);
        }
    }
    used
}

/// How many assessments and calibrations use a framework.
pub fn usage(ws: &Workspace, framework_id: Id) -> (usize, usize) {
    (
        ws.assessments
            .iter()
            .filter(|a| a.framework_id == framework_id)
            .count(),
        ws.calibrations
            .iter()
            .filter(|c| c.framework_id == framework_id)
            .count(),
    )
}

/// The edit rule: a domain or level that ratings use is never dropped, only retired, with its
/// descriptors; so an edited framework still reads every old assessment. `new` is the edited
/// framework, `old` the saved one.
pub fn keep_used(new: &mut Framework, old: &Framework, used: &HashSet<Id>) {
    for (i, d) in old.domains.iter().enumerate() {
        if used.contains(&d.id) && new.domain(d.id).is_none() {
            let mut kept = d.clone();
            kept.retired = true;
            new.domains.insert(i.min(new.domains.len()), kept);
        }
    }
    for (i, l) in old.levels.iter().enumerate() {
        if used.contains(&l.id) && new.level(l.id).is_none() {
            let mut kept = l.clone();
            kept.retired = true;
            new.levels.insert(i.min(new.levels.len()), kept);
        }
    }
    for d in &old.descriptors {
        let here = new.domain(d.domain_id).is_some() && new.level(d.level_id).is_some();
        let written = new
            .descriptors
            .iter()
            .any(|n| n.domain_id == d.domain_id && n.level_id == d.level_id);
        if here && !written {
            new.descriptors.push(d.clone());
        }
    }
    new.descriptors.retain(|d| {
        new.domains.iter().any(|x| x.id == d.domain_id)
            && new.levels.iter().any(|x| x.id == d.level_id)
    });
}

/// One domain's change from one level to the next.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub domain: String,
    pub from: String,
    pub to: String,
}

/// What changes between two levels, domain by domain (active domains only).
pub fn level_diff(fw: &Framework, from: Id, to: Id) -> Vec<Step> {
    fw.active_domains()
        .map(|d| Step {
            domain: d.name.clone(),
            from: fw.descriptor(d.id, from).to_string(),
            to: fw.descriptor(d.id, to).to_string(),
        })
        .collect()
}

/// A candidate's evidence for a domain dated on or before `until`.
pub fn dated_evidence(
    ws: &Workspace,
    candidate_id: Id,
    domain_id: Id,
    until: Date,
) -> Vec<&Evidence> {
    ws.evidence
        .iter()
        .filter(|e| {
            e.candidate_id == candidate_id
                && e.domain_ids.contains(&domain_id)
                && e.on.is_some_and(|d| d <= until)
        })
        .collect()
}

/// The rules for a set of ratings made on `on`: the framework, domains and levels exist, and
/// a rating at the top level rests on at least one dated evidence item for its domain.
pub fn rating_problems(
    ws: &Workspace,
    candidate_id: Id,
    framework_id: Id,
    on: Date,
    rated: impl Iterator<Item = (Id, Id)>,
) -> Vec<String> {
    let Some(fw) = find(ws, framework_id) else {
        return vec!["the framework is not in this workspace".into()];
    };
    let top = fw.top_level().map(|l| l.id);
    let mut out = Vec::new();
    for (domain_id, level_id) in rated {
        let Some(domain) = fw.domain(domain_id) else {
            out.push(format!("{} has no domain with the id {domain_id}", fw.name));
            continue;
        };
        let Some(level) = fw.level(level_id) else {
            out.push(format!("{} has no level with the id {level_id}", fw.name));
            continue;
        };
        if Some(level_id) == top && dated_evidence(ws, candidate_id, domain_id, on).is_empty() {
            out.push(format!(
                "{} is rated {} but has no dated evidence on or before {}. Add an evidence item for {} first, or choose a lower level",
                domain.name,
                level.name,
                crate::logic::journey::day_text(on),
                domain.name
            ));
        }
    }
    out
}

/// A candidate's latest calibrated level in each domain of a framework, with the day of the
/// session that settled it, in the framework's domain order.
pub fn latest_calibrated(
    ws: &Workspace,
    candidate_id: Id,
    framework_id: Id,
) -> Vec<(Id, Id, Date)> {
    let Some(fw) = find(ws, framework_id) else {
        return Vec::new();
    };
    let mut sessions: Vec<_> = ws
        .calibrations
        .iter()
        .filter(|c| c.framework_id == framework_id)
        .collect();
    sessions.stable_sort_by_key(|c| c.on);
    fw.domains
        .iter()
        .filter_map(|d| {
            sessions.iter().rev().find_map(|c| {
                c.outcomes
                    .iter()
                    .find(|o| o.candidate_id == candidate_id && o.domain_id == d.id)
                    .map(|o| (d.id, o.level_id, c.on))
            })
        })
        .collect()
}

/// How many assessments and calibrations use one domain or level of a framework.
pub fn part_usage(ws: &Workspace, framework_id: Id, part_id: Id) -> (usize, usize) {
    let assessments = ws
        .assessments
        .iter()
        .filter(|a| a.framework_id == framework_id)
        .filter(|a| {
            a.ratings
                .iter()
                .any(|r| r.domain_id == part_id || r.level_id == Some(part_id))
        })
        .count();
    let calibrations = ws
        .calibrations
        .iter()
        .filter(|c| c.framework_id == framework_id)
        .filter(|c| {
            c.outcomes
                .iter()
                .any(|o| o.domain_id == part_id || o.level_id == part_id)
        })
        .count();
    (assessments, calibrations)
}

/// "3 assessments and 1 calibration", "1 assessment", "" when unused.
pub fn usage_text((assessments, calibrations): (usize, usize)) -> String {
    let n = |k: usize, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
    match (assessments, calibrations) {
        (0, 0) => String::new(),
        (a, 0) => n(a, "assessment", "assessments"),
        (0, c) => n(c, "calibration", "calibrations"),
        (a, c) => format!(
            "{} and {}",
            n(a, "assessment", "assessments"),
            n(c, "calibration", "calibrations")
        ),
    }
}

/// What dropping a used domain or level does, said before the save: "Communication is used by
/// 3 assessments: it will be retired, so old assessments stay readable."
pub fn retire_note(name: &str, usage: (usize, usize)) -> String {
    let name = if name.trim().is_empty() {
        "This one"
    } else {
        name.trim()
    };
    format!(
        "{name} is used by {}: it will be retired, so old {} stay readable.",
        usage_text(usage),
        match usage {
            (0, _) => "calibrations",
            (_, 0) => "assessments",
            _ => "assessments and calibrations",
        }
    )
}

/// A framework name not yet taken in the workspace (built-ins included): `base`, or
/// `base 2`, `base 3`, …
pub fn unique_name(ws: &Workspace, base: &str) -> String {
    let taken: HashSet<String> = all(ws)
        .iter()
        .map(|f| f.name.trim().to_lowercase())
        .collect();
    let base = base.trim();
    if !taken.contains(&base.to_lowercase()) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base} {n}"))
        .find(|name| !taken.contains(&name.to_lowercase()))
        .unwrap_or_else(|| base.to_string())
}

/// The name a copy is offered: "Copy of MiT readiness rubric" (or "… 2" when taken).
pub fn copy_name(ws: &Workspace, fw: &Framework) -> String {
    unique_name(ws, &format!("Copy of {}", fw.name.trim()))
}

/// Whether two frameworks say the same thing: same name, summary, domains, levels (in order)
/// and descriptors (in any order), whatever their ids and timestamps.
pub fn same_content(a: &Framework, b: &Framework) -> bool {
    let cells = |f: &Framework| {
        let mut v: Vec<(Id, Id, String)> = f
            .descriptors
            .iter()
            .filter(|d| !d.text.trim().is_empty())
            .map(|d| (d.domain_id, d.level_id, d.text.trim().to_string()))
            .collect();
        v.stable_sort();
        v
    };
    a.name == b.name
        && a.summary == b.summary
        && a.domains == b.domains
        && a.levels == b.levels
        && a.based_on == b.based_on
        && cells(a) == cells(b)
}

/// What importing a framework file does to the workspace.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportPlan {
    /// The id is new here: add the framework as it is, id included.
    Add(Framework),
    /// A framework with this id is already here and says the same: nothing to do.
    AlreadyHere { name: String, builtin: bool },
    /// The id is taken by a different framework (or a built-in, or one deleted here): add the
    /// file's framework as a copy with a new id.
    Copy {
        framework: Framework,
        /// The name of the framework that holds the id here, if one does.
        clashes_with: Option<String>,
    },
}

/// Decides how an imported framework goes in without losing anything: a new id is added as
/// is; the same framework again changes nothing; anything else comes in as a copy named
/// "… (imported)" with the same domain and level ids (so evidence still counts for it).
pub fn plan_import(ws: &Workspace, incoming: Framework) -> ImportPlan {
    let deleted_here = ws.deleted.iter().any(|t| t.id == incoming.id);
    match find(ws, incoming.id) {
        None if !deleted_here && !incoming.id.is_nil() => ImportPlan::Add(incoming),
        Some(here) if same_content(&here, &incoming) => ImportPlan::AlreadyHere {
            name: here.name,
            builtin: is_builtin(here.id),
        },
        here => {
            let name = unique_name(ws, &format!("{} (imported)", incoming.name.trim()));
            let mut framework = copy_of(&incoming, &name);
            // A copy of a deleted framework points at nothing; keep what it was based on.
            if here.is_none() {
                framework.based_on = incoming.based_on;
            }
            ImportPlan::Copy {
                framework,
                clashes_with: here.map(|f| f.name),
            }
        }
    }
}

/// One run of words in a [`word_diff`], marked when it is not in the other text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub changed: bool,
}

/// A word's comparison key: lower case, letters and digits only (so "risk," matches "risk").
fn word_key(word: &str) -> String {
    let key: String = word
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    if key.is_empty() {
        word.to_string()
    } else {
        key
    }
}

/// Joins words into runs of the same mark.
fn runs(words: &[&str], changed: &[bool]) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    for (w, c) in words.iter().zip(changed) {
        match out.last_mut() {
            Some(p) if p.changed == *c => {
                p.text.push(' ');
                p.text.push_str(w);
            }
            _ => out.push(Piece {
                text: (*w).to_string(),
                changed: *c,
            }),
        }
    }
    out
}

/// Longest texts the word diff compares word by word; longer ones are marked changed whole.
const DIFF_MAX_WORDS: usize = 2_000;

/// A word-level comparison of two texts: `from` with the words that are gone marked, and `to`
/// with the words that are new marked. Words match on their letters and digits, ignoring case
/// and punctuation; the common part is the longest common subsequence of words.
pub fn word_diff(from: &str, to: &str) -> (Vec<Piece>, Vec<Piece>) {
    let a: Vec<&str> = from.split_whitespace().collect();
    let b: Vec<&str> = to.split_whitespace().collect();
    if a.len() > DIFF_MAX_WORDS || b.len() > DIFF_MAX_WORDS {
        return (
            runs(&a, &vec![true; a.len()]),
            runs(&b, &vec![true; b.len()]),
        );
    }
    let ka: Vec<String> = a.iter().map(|w| word_key(w)).collect();
    let kb: Vec<String> = b.iter().map(|w| word_key(w)).collect();
    // lcs[i][j]: length of the longest common subsequence of ka[i..] and kb[j..].
    let (n, m) = (ka.len(), kb.len());
    let mut lcs = vec![vec![0u16; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if ka[i] == kb[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut gone = vec![true; n];
    let mut new = vec![true; m];
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if ka[i] == kb[j] {
            gone[i] = false;
            new[j] = false;
            i += 1;
            j += 1;
        } else if lcs[i + 1][j] >= lcs[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    (runs(&a, &gone), runs(&b, &new))
}

/// One domain's change between two levels, word by word.
#[derive(Clone, Debug, PartialEq)]
pub struct StepDiff {
    pub domain_id: Id,
    pub domain: String,
    pub from: Vec<Piece>,
    pub to: Vec<Piece>,
}

/// What changes from level `from` to level `to`: each active domain's descriptors side by
/// side with the new words marked, and the same for the two levels' guidance.
pub fn level_change(fw: &Framework, from: Id, to: Id) -> (Vec<StepDiff>, (Vec<Piece>, Vec<Piece>)) {
    let steps = fw
        .active_domains()
        .map(|d| {
            let (a, b) = word_diff(fw.descriptor(d.id, from), fw.descriptor(d.id, to));
            StepDiff {
                domain_id: d.id,
                domain: d.name.clone(),
                from: a,
                to: b,
            }
        })
        .collect();
    let guidance = |id: Id| fw.level(id).map_or("", |l| l.guidance.as_str());
    (steps, word_diff(guidance(from), guidance(to)))
}

/// Names of the domains whose top-level rating (in an assessment or calibration of the
/// evidence's candidate) would have no dated evidence left if `e` were deleted.
pub fn unbacked_by_removing(ws: &Workspace, e: &Evidence) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let ratings = ws
        .assessments
        .iter()
        .filter(|a| a.candidate_id == e.candidate_id)
        .flat_map(|a| {
            a.ratings
                .iter()
                .filter_map(move |r| r.level_id.map(|l| (a.framework_id, r.domain_id, l, a.on)))
        })
        .chain(ws.calibrations.iter().flat_map(|c| {
            c.outcomes
                .iter()
                .filter(|o| o.candidate_id == e.candidate_id)
                .map(move |o| (c.framework_id, o.domain_id, o.level_id, c.on))
        }));
    for (framework_id, domain_id, level_id, on) in ratings {
        if !e.domain_ids.contains(&domain_id) || e.on.is_none_or(|d| d > on) {
            continue;
        }
        let Some(fw) = find(ws, framework_id) else {
            continue;
        };
        if fw.top_level().map(|t| t.id) != Some(level_id) {
            continue;
        }
        let others = dated_evidence(ws, e.candidate_id, domain_id, on)
            .into_iter()
            .filter(|x| x.id != e.id)
            .count();
        let name = fw
            .domain(domain_id)
            .map_or_else(String::new, |d| d.name.clone());
        if others == 0 && !out.contains(&name) {
            out.push(name);
        }
    }
    out
}
