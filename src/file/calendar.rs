//! The calendar file (.ics) of planned sessions, in floating local times.

use crate::sort::StableSort as _;
use chrono::Days;

use crate::model::{Activity, Date, Id, Timestamp, Workspace};

/// Escapes text for an iCalendar value (RFC 5545 §3.3.11).
fn ics_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets, never inside a character (RFC 5545 §3.1).
fn fold(line: &str, out: &mut String) {
    let mut used = 0;
    for ch in line.chars() {
        let len = ch.len_utf8();
        if used + len > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(ch);
        used += len;
    }
    out.push_str("\r\n");
}

fn ics_date(d: Date) -> String {
    d.format("%Y%m%d").to_string()
}

/// Planned activities from `today` on, for the given candidates, as an iCalendar file.
/// Times are floating (the reader's local time), as people plan them; an activity without a
/// time is an all-day entry. `with_notes` puts each activity's notes in its description (for
/// one candidate's own calendar; a cohort-wide file, often shared, leaves them out).
pub fn calendar(
    ws: &Workspace,
    candidate_ids: &[Id],
    today: Date,
    now: Timestamp,
    with_notes: bool,
) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        "PRODID:-//Runway//Manager-in-Training//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        format!(
            "X-WR-CALNAME:{}",
            ics_text(&calendar_name(ws, candidate_ids))
        ),
    ];
    let stamp = now.format("%Y%m%dT%H%M%SZ").to_string();
    let mut upcoming: Vec<&Activity> = ws
        .activities
        .iter()
        .filter(|a| a.candidates().any(|c| candidate_ids.contains(&c)) && !a.done && a.on >= today)
        .collect();
    upcoming.stable_sort_by_key(|a| (a.on, a.at));
    for a in upcoming {
        // A group session is one event, named for everyone taking part.
        let who = crate::logic::journey::groups::taking_part_names(ws, a);
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{}@runway.local", a.id));
        lines.push(format!("DTSTAMP:{stamp}"));
        match a.at {
            Some(t) => {
                let start = a.on.and_time(t);
                // An end past the last day the calendar can hold: the session just starts.
                let end = start
                    .checked_add_signed(chrono::Duration::minutes(i64::from(a.minutes)))
                    .unwrap_or(start);
                lines.push(format!("DTSTART:{}", start.format("%Y%m%dT%H%M%S")));
                lines.push(format!("DTEND:{}", end.format("%Y%m%dT%H%M%S")));
            }
            None => {
                let next = a.on.checked_add_days(Days::new(1)).unwrap_or(a.on);
                lines.push(format!("DTSTART;VALUE=DATE:{}", ics_date(a.on)));
                lines.push(format!("DTEND;VALUE=DATE:{}", ics_date(next)));
            }
        }
        lines.push(format!(
            "SUMMARY:{}",
            ics_text(&format!("{} — {}", a.title, who))
        ));
        let mut description = a.kind.label().to_string();
        if !a.with.is_empty() {
            let names: Vec<&str> = a.with.iter().map(|p| ws.person_name(*p)).collect();
            description.push_str(&format!("\nWith: {}", names.join(", ")));
        }
        if with_notes && !a.notes.trim().is_empty() {
            description.push_str(&format!("\n{}", a.notes.trim()));
        }
        lines.push(format!("DESCRIPTION:{}", ics_text(&description)));
        lines.push(format!("CATEGORIES:{}", ics_text(a.kind.label())));
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for l in &lines {
        fold(l, &mut out);
    }
    out
}

fn calendar_name(ws: &Workspace, candidate_ids: &[Id]) -> String {
    match candidate_ids {
        [one] => ws.candidate(*one).map_or("Runway".into(), |c| {
            format!("{} — Manager-in-Training", ws.person_name(c.person_id))
        }),
        _ => "Runway — Manager-in-Training sessions".into(),
    }
}

/// How many planned sessions the calendar for these candidates would hold.
pub fn upcoming_count(ws: &Workspace, candidate_ids: &[Id], today: Date) -> usize {
    ws.activities
        .iter()
        .filter(|a| a.candidates().any(|c| candidate_ids.contains(&c)) && !a.done && a.on >= today)
        .count()
}
