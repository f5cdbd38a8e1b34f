//! The managers page's numbers: the band chart's geometry, the bench's shape on any day (checked
//! against the level histories read by hand), entry paths, and the development ledger's
//! "behind".

use std::collections::HashMap;

use runway::logic::charts::{percent, percent_range, BandLayout};
use runway::logic::ladder::ledgers;
use runway::logic::track::{distribution, entry_paths, manager_teams, trend_days, BANDS};
use runway::model::{Date, Id, TrackLevel, Workspace};

use crate::common::{add_person, day, sample};

const LAYOUT: BandLayout = BandLayout {
    left: 100.0,
    right: 500.0,
    top: 4.0,
    head: 26.0,
    row: 24.0,
    bar: 16.0,
    gap: 14.0,
};

#[test]
fn band_chart_bars_and_bands_sit_on_the_share_axis() {
    let bands: Vec<(f64, f64)> = BANDS.iter().map(|b| (b.1, b.2)).collect();
    let shares = vec![
        vec![40.0, 50.0, 66.7],
        vec![60.0, 33.3, 16.7],
        vec![0.0, 16.7, 16.7],
    ];
    let groups = LAYOUT.groups(&bands, &shares);
    assert_eq!(groups.len(), 3);
    // 0 % at 100, 100 % at 500: four units a point.
    let m1 = &groups[0];
    assert_eq!(m1.band.x, 340.0);
    assert!((m1.band.w - 40.0).abs() < 1e-9);
    assert_eq!(m1.bars[1].x, 100.0);
    assert!((m1.bars[1].w - 200.0).abs() < 1e-9);
    // M3's band starts at nothing.
    assert_eq!(groups[2].band.x, 100.0);
    assert!((groups[2].band.w - 40.0).abs() < 1e-9);
    // A zero share draws no bar at all.
    assert_eq!(groups[2].bars[0].w, 0.0);
    for g in &groups {
        assert_eq!(g.bars.len(), 3);
        assert_eq!(g.rows.len(), 3);
        // The band covers every row of its group, from under the heading.
        assert_eq!(g.band.y, g.head_top + LAYOUT.head);
        assert_eq!(g.band.h, 3.0 * LAYOUT.row);
        for (bar, mid) in g.bars.iter().zip(&g.rows) {
            assert!(bar.y >= g.band.y && bar.y + bar.h <= g.band.y + g.band.h);
            assert!(
                (bar.y + bar.h / 2.0 - mid).abs() < 1e-9,
                "a bar is centred on its row"
            );
            assert_eq!(bar.h, LAYOUT.bar);
        }
        // Rows run top to bottom without overlapping.
        for pair in g.bars.windows(2) {
            assert!(pair[0].y + pair[0].h <= pair[1].y);
        }
    }
    // Groups follow each other with the gap between them, and the last ends at the bottom.
    for pair in groups.windows(2) {
        let end = pair[0].band.y + pair[0].band.h;
        assert!((pair[1].head_top - (end + LAYOUT.gap)).abs() < 1e-9);
    }
    let last = &groups[2];
    assert!((LAYOUT.bottom(3, 3) - (last.band.y + last.band.h)).abs() < 1e-9);
    assert_eq!(LAYOUT.bottom(0, 3), LAYOUT.top);
}

#[test]
fn band_chart_clamps_what_it_cannot_draw() {
    let groups = LAYOUT.groups(&[(70.0, 60.0)], &[vec![140.0, -5.0, f64::NAN], vec![50.0]]);
    // A band given high first is the same band; a share over 100 % stops at the axis' end,
    // and a negative or missing one draws nothing.
    assert_eq!(groups[0].band.x, 340.0);
    assert!((groups[0].band.w - 40.0).abs() < 1e-9);
    assert_eq!(groups[0].bars[0].x + groups[0].bars[0].w, 500.0);
    assert_eq!(groups[0].bars[1].w, 0.0);
    assert_eq!(groups[0].bars[2].w, 0.0);
    // A group with fewer shares still gets every row (empty), and one without a band an
    // empty band.
    assert_eq!(groups[1].bars.len(), 3);
    assert_eq!(groups[1].bars[1].w, 0.0);
    assert_eq!(groups[1].band.w, 0.0);
    assert_eq!(percent(33.333), "33.3 %");
    assert_eq!(percent(50.0), "50 %");
    assert_eq!(percent_range(60.0, 70.0), "60–70 %");
    assert_eq!(percent_range(0.0, 10.0), "under 10 %");
}

/// Each person's level on a day, read straight from the moves: the latest move on or before
/// the day (a later-made move on the same day wins).
fn levels_by_hand(ws: &Workspace, on: Date) -> HashMap<Id, TrackLevel> {
    let mut latest: HashMap<Id, (Date, runway::model::Timestamp, TrackLevel)> = HashMap::new();
    for m in ws.levels.iter().filter(|m| m.on <= on) {
        let e = latest
            .entry(m.person_id)
            .or_insert((m.on, m.created_at, m.level));
        if (m.on, m.created_at) >= (e.0, e.1) {
            *e = (m.on, m.created_at, m.level);
        }
    }
    latest.into_iter().map(|(p, (_, _, l))| (p, l)).collect()
}

fn counts_by_hand(ws: &Workspace, on: Date) -> [usize; 3] {
    let levels = levels_by_hand(ws, on);
    let mut counts = [0; 3];
    for p in &ws.people {
        let employed = p.joined_on.is_none_or(|j| j <= on) && p.left_on.is_none_or(|l| l > on);
        if !employed {
            continue;
        }
        match levels.get(&p.id) {
            Some(TrackLevel::M1) => counts[0] += 1,
            Some(TrackLevel::M2) => counts[1] += 1,
            Some(TrackLevel::M3) => counts[2] += 1,
            _ => {}
        }
    }
    counts
}

fn id_of(ws: &Workspace, name: &str) -> Id {
    ws.people.iter().find(|p| p.name == name).unwrap().id
}

#[test]
fn the_bench_today_is_three_m1_two_m2_one_m3_and_out_of_its_healthy_shape() {
    let ws = sample();
    let today = day(2026, 11, 21);
    let d = distribution(&ws, today, None);
    assert_eq!(d.counts, counts_by_hand(&ws, today));
    assert_eq!(d.counts, [3, 2, 1]);
    assert_eq!(d.names[0], vec!["Felix Wagner", "Hana Sato", "Olu Adeyemi"]);
    assert_eq!(d.names[1], vec!["Beatriz Costa", "Marcus Oyelaran"]);
    assert_eq!(d.names[2], vec!["Dana Whitfield"]);
    assert_eq!([d.share(0), d.share(1), d.share(2)], [50.0, 33.3, 16.7]);
    // M2 is inside 25–35 %; M1 is short of 60 % and M3 over 10 %.
    assert_eq!(
        d.out_of_band(),
        vec![
            "M1: 50 %, below the healthy 60–70 %",
            "M3: 16.7 %, above the healthy share of under 10 %"
        ]
    );
    // Jonah tried managing and went back: he is not counted.
    let jonah = id_of(&ws, "Jonah Park");
    assert_eq!(
        levels_by_hand(&ws, today).get(&jonah),
        Some(&TrackLevel::IC4)
    );
}

#[test]
fn the_bench_on_a_past_day_follows_the_histories() {
    let ws = sample();
    let then = day(2021, 6, 1);
    let d = distribution(&ws, then, None);
    // Dana was still a senior manager, Hana an engineer; Beatriz already managed Payments.
    let levels = levels_by_hand(&ws, then);
    assert_eq!(
        levels.get(&id_of(&ws, "Dana Whitfield")),
        Some(&TrackLevel::M2)
    );
    assert_eq!(levels.get(&id_of(&ws, "Hana Sato")), Some(&TrackLevel::IC3));
    assert_eq!(
        levels.get(&id_of(&ws, "Beatriz Costa")),
        Some(&TrackLevel::M1)
    );
    assert_eq!(d.counts, counts_by_hand(&ws, then));
    assert_eq!(d.counts, [1, 2, 0]);
    assert!(d.total() < distribution(&ws, day(2026, 11, 21), None).total());
    // Every day of a trend agrees with the histories too.
    for on in trend_days(day(2026, 11, 21), 5) {
        assert_eq!(
            distribution(&ws, on, None).counts,
            counts_by_hand(&ws, on),
            "{on}"
        );
    }
    // Nobody managed before Beatriz's move in 2019 but the people hired as managers.
    assert_eq!(distribution(&ws, day(2018, 6, 1), None).total(), 0);
}

#[test]
fn one_teams_bench_counts_only_its_managers_then() {
    let ws = sample();
    let teams = manager_teams(&ws, day(2026, 11, 21));
    assert!(teams.contains(&"Payments".to_string()), "{teams:?}");
    // Olu manages Returns in the trial.
    assert!(teams.contains(&"Returns".to_string()), "{teams:?}");
    let now = distribution(&ws, day(2026, 11, 21), Some("Payments"));
    assert_eq!(now.counts, [0, 1, 0]);
    assert_eq!(now.share(1), 100.0);
    let then = distribution(&ws, day(2021, 6, 1), Some("Payments"));
    assert_eq!(then.counts, [1, 0, 0]);
    assert!(then
        .out_of_band()
        .iter()
        .any(|l| l.starts_with("M1: 100 %")));
    // The organisation's counts are the sum of every team's.
    for on in [day(2021, 6, 1), day(2026, 11, 21)] {
        let org = distribution(&ws, on, None);
        let mut sum = [0; 3];
        for t in manager_teams(&ws, on) {
            let d = distribution(&ws, on, Some(&t));
            for (total, n) in sum.iter_mut().zip(d.counts) {
                *total += n;
            }
        }
        assert_eq!(sum, org.counts, "{on}");
    }
}

#[test]
fn entry_paths_count_each_first_move_into_management_by_where_it_came_from() {
    let ws = sample();
    let paths = entry_paths(&ws);
    // By hand: each person's moves in order; the level before their first manager level.
    let (mut ic3, mut ic4, mut other, mut returns) = (0, 0, 0, 0);
    for p in &ws.people {
        let mut moves: Vec<_> = ws.levels.iter().filter(|m| m.person_id == p.id).collect();
        moves.sort_by_key(|m| (m.on, m.created_at));
        if let Some(i) = moves.iter().position(|m| m.level.is_manager()) {
            match i.checked_sub(1).map(|j| moves[j].level) {
                Some(TrackLevel::IC3) => ic3 += 1,
                Some(TrackLevel::IC4) => ic4 += 1,
                _ => other += 1,
            }
        }
        returns += moves
            .windows(2)
            .filter(|w| w[0].level.is_manager() && !w[1].level.is_manager())
            .count();
    }
    assert_eq!(
        (paths.from_ic3, paths.from_ic4, paths.other, paths.returns),
        (ic3, ic4, other, returns)
    );
    // Hana and Olu came from IC3; Beatriz, Felix and Jonah from IC4; Dana and Marcus were
    // hired as managers. Jonah is the one who went back.
    assert_eq!((paths.from_ic3, paths.from_ic4, paths.other), (2, 3, 2));
    assert_eq!(paths.returns, 1);
    assert_eq!(paths.total(), 7);
    assert_eq!(paths.percent(paths.from_ic4), 43);
    let names: Vec<&str> = paths.entries.iter().map(|e| ws.person_name(e.0)).collect();
    assert_eq!(names.len(), 7);
    for n in ["Hana Sato", "Olu Adeyemi", "Jonah Park", "Dana Whitfield"] {
        assert!(names.contains(&n), "{n}: {names:?}");
    }
    // Oldest first.
    assert!(paths.entries.windows(2).all(|w| w[0].3 <= w[1].3));
}

#[test]
fn a_manager_with_nothing_logged_is_behind_even_before_anything_is_due() {
    let mut ws = sample();
    let today = day(2026, 11, 21);
    let list = ledgers(&ws, today);
    assert_eq!(list.len(), 6, "every manager has a ledger");
    let felix = list.iter().find(|l| l.name == "Felix Wagner").unwrap();
    assert_eq!(felix.entries, 0);
    assert!(felix.behind());
    // Those behind come first.
    let first_ok = list.iter().position(|l| !l.behind()).unwrap_or(list.len());
    assert!(list[first_ok..].iter().all(|l| !l.behind()));
    // A head of engineering who joined today owes no training hours and no monthly peer review
    // yet, but an empty ledger still counts as behind.
    add_person(&mut ws, "Nora Quist", "Search", TrackLevel::M3);
    let nora = ledgers(&ws, today)
        .into_iter()
        .find(|l| l.name == "Nora Quist")
        .unwrap();
    assert!(!nora.behind_training && !nora.behind_practice, "{nora:?}");
    assert!(nora.behind());
}
