//! People from a spreadsheet (issue 15): a CSV file as HR tools export it — comma, semicolon
//! or tab between fields, quoted fields, a byte-order mark — read into rows; the columns for
//! name, email, team, role, level and the joined and left dates chosen (guessed from the
//! headers first); a plan that says, row by row, who is added, who is updated (matched by
//! email, else by a name only one person has) and what is wrong where. Rows are numbered as a
//! spreadsheet shows them: the header is row 1.

use crate::logic::actions::{apply, Action, PersonFields};
use crate::model::{Date, Id, Person, Timestamp, TrackLevel, Workspace};
use crate::sort::StableSort as _;

/// A file read into a header and rows of text fields.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub headers: Vec<String>,
    /// Data rows (the header not included, blank lines skipped), each padded to the header's
    /// width.
    pub rows: Vec<Vec<String>>,
    /// The line each row starts on (the header is line 1): the row number a person is told.
    pub lines: Vec<usize>,
    /// The separator found in the header line.
    pub separator: u8,
}

/// What a column can hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Name,
    Email,
    Team,
    Role,
    Level,
    Joined,
    Left,
}

impl Field {
    pub const ALL: [Field; 7] = [
        Field::Name,
        Field::Email,
        Field::Team,
        Field::Role,
        Field::Level,
        Field::Joined,
        Field::Left,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Field::Name => "Name",
            Field::Email => "Email",
            Field::Team => "Team",
            Field::Role => "Role title",
            Field::Level => "Track level",
            Field::Joined => "Joined on",
            Field::Left => "Left on",
        }
    }

    /// Header words that usually mean this field, lower case.
    fn words(self) -> &'static [&'static str] {
        match self {
            Field::Name => &[
                "name",
                "full name",
                "employee name",
                "display name",
                "person",
            ],
            Field::Email => &["email", "e-mail", "work email", "email address", "mail"],
            Field::Team => &["team", "department", "group", "squad", "org unit"],
            Field::Role => &["role", "title", "job title", "role title", "position"],
            Field::Level => &["level", "grade", "track level", "job level", "band"],
            Field::Joined => &[
                "joined",
                "joined on",
                "start date",
                "hire date",
                "hired",
                "started",
            ],
            Field::Left => &[
                "left",
                "left on",
                "end date",
                "termination date",
                "leaving date",
                "exit date",
            ],
        }
    }
}

/// How a date such as 04/05/2024 reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateOrder {
    /// 4 May 2024.
    DayFirst,
    /// April 5th 2024.
    MonthFirst,
}

/// Which column holds each field (`None`: not in the file), and how dates read.
#[derive(Clone, Debug, PartialEq)]
pub struct Mapping {
    pub columns: Vec<(Field, Option<usize>)>,
    pub dates: DateOrder,
}

impl Mapping {
    pub fn column(&self, f: Field) -> Option<usize> {
        self.columns
            .iter()
            .find(|(g, _)| *g == f)
            .and_then(|(_, c)| *c)
    }

    pub fn set(&mut self, f: Field, column: Option<usize>) {
        match self.columns.iter_mut().find(|(g, _)| *g == f) {
            Some(e) => e.1 = column,
            None => self.columns.push((f, column)),
        }
    }
}

/// A problem with one cell (or a whole row, when `column` is empty).
#[derive(Clone, Debug, PartialEq)]
pub struct RowProblem {
    /// The row as a spreadsheet numbers it (the header is row 1).
    pub row: usize,
    pub column: String,
    pub message: String,
}

impl RowProblem {
    pub fn text(&self) -> String {
        if self.column.is_empty() {
            format!("Row {}: {}", self.row, self.message)
        } else {
            format!("Row {}, {}: {}", self.row, self.column, self.message)
        }
    }
}

/// What a row does.
#[derive(Clone, Debug, PartialEq)]
pub enum RowPlan {
    Add(PersonFields),
    /// An existing person whose record the row changes: what changes, in words.
    Update {
        id: Id,
        fields: PersonFields,
        changes: Vec<String>,
    },
    /// An existing person the row already matches.
    Same {
        id: Id,
        name: String,
    },
}

/// The whole file's plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// (row, what it does), rows with problems left out.
    pub rows: Vec<(usize, RowPlan)>,
    pub problems: Vec<RowProblem>,
    /// Things worth knowing that do not stop a row (a level that differs from the history).
    pub notes: Vec<RowProblem>,
}

impl Plan {
    pub fn added(&self) -> usize {
        self.rows
            .iter()
            .filter(|(_, p)| matches!(p, RowPlan::Add(_)))
            .count()
    }
    pub fn updated(&self) -> usize {
        self.rows
            .iter()
            .filter(|(_, p)| matches!(p, RowPlan::Update { .. }))
            .count()
    }
    pub fn unchanged(&self) -> usize {
        self.rows
            .iter()
            .filter(|(_, p)| matches!(p, RowPlan::Same { .. }))
            .count()
    }

    /// The edits that carry the plan out, with their rows, in row order.
    pub fn actions(&self) -> Vec<(usize, Action)> {
        self.rows
            .iter()
            .filter_map(|(row, p)| match p {
                RowPlan::Add(f) => Some((*row, Action::AddPerson(f.clone()))),
                RowPlan::Update { id, fields, .. } => Some((
                    *row,
                    Action::UpdatePerson {
                        id: *id,
                        fields: fields.clone(),
                    },
                )),
                RowPlan::Same { .. } => None,
            })
            .collect()
    }
}

/// The workspace with the plan carried out, all rows or none: a row the edit rules refuse
/// names its row, and the whole result must still pass every workspace rule.
pub fn apply_plan(
    ws: &Workspace,
    plan: &Plan,
    now: Timestamp,
    new_id: &mut dyn FnMut() -> Id,
) -> Result<Workspace, String> {
    let mut next = ws.clone();
    for (row, action) in plan.actions() {
        apply(&mut next, action, now, new_id).map_err(|e| format!("Row {row}: {e}"))?;
    }
    if let Some(problem) = crate::logic::validate(&next).into_iter().next() {
        return Err(format!(
            "Nothing was imported: the result would break a rule ({problem})."
        ));
    }
    Ok(next)
}

/// The separator of the header line: the most frequent of comma, semicolon and tab outside
/// quotes (a comma when none is there).
fn separator_of(text: &str) -> u8 {
    let mut quoted = false;
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    for c in text.bytes() {
        match c {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            _ if !quoted => {
                if let Some(e) = counts.iter_mut().find(|(s, _)| *s == c) {
                    e.1 += 1;
                }
            }
            _ => {}
        }
    }
    counts
        .iter()
        .copied()
        .fold((b',', 0), |best, e| if e.1 > best.1 { e } else { best })
        .0
}

/// A file's bytes as text: UTF-8 (what spreadsheets save as "CSV UTF-8"), else Windows-1252,
/// the encoding older HR exports on Windows use (Latin-1 with curly quotes, dashes, € and a
/// few letters such as Š and Ž in 0x80–0x9F).
pub fn decode_text(bytes: Vec<u8>) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => e
            .into_bytes()
            .into_iter()
            .map(|b| match b {
                0x80..=0x9f => HIGH[usize::from(b - 0x80)],
                _ => char::from(b),
            })
            .collect(),
    }
}

/// The line (from 1) a record starting at byte `at` is on: blank lines before it, which the
/// reader skips as part of the record's start, are not its line.
fn line_at(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut start = at.min(bytes.len());
    while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
        start += 1;
    }
    1 + bytes[..start].iter().filter(|b| **b == b'\n').count()
}

/// Reads a CSV file's text. Refused with a plain message: an empty file, a field whose quote
/// never closes, a file with no header.
pub fn read_csv(text: &str) -> Result<Table, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err("The file is empty. Export the people list again and choose that file.".into());
    }
    if text.contains('\0') {
        return Err("This is not a CSV file (it is not text). Export the people list as CSV and choose that file.".into());
    }
    // Every quote in a CSV file comes in a pair (a quote inside a field is written twice), so
    // an odd count means a field that never closes: the file was cut short or hand-edited.
    if text.matches('"').count() % 2 == 1 {
        return Err("A quoted field is never closed (a \" is missing), so the rows cannot be told apart. Open the file in a spreadsheet and save it as CSV again.".into());
    }
    let separator = separator_of(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records: Vec<(usize, Vec<String>)> = Vec::new();
    for (i, r) in reader.records().enumerate() {
        match r {
            Ok(r) => {
                let line = r
                    .position()
                    .map_or(i + 1, |p| line_at(text, p.byte() as usize));
                records.push((line, r.iter().map(|f| f.trim().to_string()).collect()));
            }
            Err(e) => {
                let line = match e.kind() {
                    csv::ErrorKind::UnequalLengths { pos: Some(p), .. } => p.line() as usize,
                    _ => records.last().map_or(1, |(l, _)| l + 1),
                };
                return Err(format!(
                    "Row {line} could not be read ({e}). Open the file in a spreadsheet and save it as CSV again."
                ));
            }
        }
    }
    let mut records = records.into_iter();
    let headers: Vec<String> = records.next().map(|(_, h)| h).unwrap_or_default();
    if headers.iter().all(|h| h.is_empty()) {
        return Err("The first row is empty: it should name the columns (Name, Email, …).".into());
    }
    let width = headers.len();
    let (lines, rows): (Vec<usize>, Vec<Vec<String>>) = records
        .filter(|(_, r)| r.iter().any(|f| !f.is_empty()))
        .map(|(line, mut r)| {
            r.resize(width.max(r.len()), String::new());
            (line, r)
        })
        .unzip();
    Ok(Table {
        headers,
        rows,
        lines,
        separator,
    })
}

/// The columns guessed from the headers (exact words first, then a header that contains
/// one), and the date order the file's dates show (day first unless one reads only as month
/// first).
pub fn guess_mapping(t: &Table) -> Mapping {
    let lower: Vec<String> = t.headers.iter().map(|h| h.to_lowercase()).collect();
    let mut taken: Vec<usize> = Vec::new();
    let mut columns = Vec::new();
    for f in Field::ALL {
        let exact = lower
            .iter()
            .position(|h| f.words().contains(&h.as_str()))
            .filter(|i| !taken.contains(i));
        let found = exact.or_else(|| {
            lower
                .iter()
                .enumerate()
                .find(|(i, h)| {
                    // "First name" alone is not the name: Runway keeps one name field.
                    let part = f == Field::Name
                        && ["first", "last", "given", "family", "surname", "middle"]
                            .iter()
                            .any(|w| h.contains(w));
                    !taken.contains(i) && !part && f.words().iter().any(|w| h.contains(w))
                })
                .map(|(i, _)| i)
        });
        if let Some(i) = found {
            taken.push(i);
        }
        columns.push((f, found));
    }
    let mut m = Mapping {
        columns,
        dates: DateOrder::DayFirst,
    };
    let date_cells = [Field::Joined, Field::Left]
        .into_iter()
        .filter_map(|f| m.column(f))
        .flat_map(|c| t.rows.iter().map(move |r| r[c].clone()));
    for cell in date_cells {
        if let Some((a, b, _)) = slashed(&cell) {
            if a <= 12 && b > 12 {
                m.dates = DateOrder::MonthFirst;
                break;
            }
        }
    }
    m
}

/// "04/05/2024" → (4, 5, 2024).
fn slashed(s: &str) -> Option<(u32, u32, i32)> {
    let mut parts = s.split('/');
    let a = parts.next()?.trim().parse().ok()?;
    let b = parts.next()?.trim().parse().ok()?;
    let y = parts.next()?.trim().parse().ok()?;
    parts.next().is_none().then_some((a, b, y))
}

/// A date as HR tools write it: 2024-05-04, 2024/05/04, 04.05.2024, or 04/05/2024 in the
/// file's order.
pub fn parse_date(s: &str, order: DateOrder) -> Option<Date> {
    let s = s.trim();
    // A spreadsheet may add a time: "2024-05-04 00:00:00", "2024-05-04T00:00".
    let s = s.split([' ', 'T']).next().unwrap_or(s);
    // Year first only with a four-digit year ("4/5/24" is not the year 4).
    let year_first = s.len() >= 8 && s.as_bytes()[..4].iter().all(u8::is_ascii_digit);
    let formats: &[&str] = if year_first {
        &["%Y-%m-%d", "%Y/%m/%d"]
    } else {
        &["%d.%m.%Y"]
    };
    // A year written in full only: "04.05.24" or "4/5/24" could be 1924 or 2024.
    let full_year = |s: &str| {
        s.rsplit(['.', '/', '-'])
            .next()
            .is_some_and(|y| y.len() == 4)
    };
    for f in formats {
        if let Ok(d) = Date::parse_from_str(s, f) {
            if year_first || full_year(s) {
                return Some(d);
            }
        }
    }
    if !full_year(s) {
        return None;
    }
    let (a, b, y) = slashed(s)?;
    let (d, m) = match order {
        DateOrder::DayFirst => (a, b),
        DateOrder::MonthFirst => (b, a),
    };
    Date::from_ymd_opt(y, m, d)
}

fn level_of(s: &str) -> Option<TrackLevel> {
    TrackLevel::from_code(&s.trim().to_uppercase().replace(' ', ""))
}

fn cell<'a>(t: &'a [String], m: &Mapping, f: Field) -> &'a str {
    m.column(f)
        .and_then(|c| t.get(c))
        .map_or("", String::as_str)
}

fn date_text(d: Option<Date>) -> String {
    d.map_or("none".to_string(), |d| d.format("%-d %b %Y").to_string())
}

/// What each row would do to the workspace.
pub fn plan(ws: &Workspace, t: &Table, m: &Mapping) -> Plan {
    let mut out = Plan {
        rows: Vec::new(),
        problems: Vec::new(),
        notes: Vec::new(),
    };
    if m.column(Field::Name).is_none() {
        out.problems.push(RowProblem {
            row: 1,
            column: String::new(),
            message: "no column is chosen for the names. Choose which column holds them.".into(),
        });
        return out;
    }
    let mut emails_seen: Vec<(String, usize)> = Vec::new();
    let mut matched: Vec<(Id, usize)> = Vec::new();
    for (i, r) in t.rows.iter().enumerate() {
        let row = t.lines.get(i).copied().unwrap_or(i + 2);
        let mut problems = Vec::new();
        let bad = |f: Field, message: String| RowProblem {
            row,
            column: f.label().to_string(),
            message,
        };
        let fields_here = r.len();
        if fields_here > t.headers.len() {
            // Every cell after the stray separator is in the wrong column: that is the problem
            // to fix, whatever the shifted cells then look like.
            out.problems.push(RowProblem {
                row,
                column: String::new(),
                message: format!(
                    "{fields_here} fields where the header has {}: a separator inside a field that is not in quotes moves every column after it",
                    t.headers.len()
                ),
            });
            continue;
        }
        let name = cell(r, m, Field::Name).to_string();
        if name.is_empty() {
            problems.push(bad(Field::Name, "empty: every person needs a name".into()));
        }
        let email = cell(r, m, Field::Email).to_string();
        if !email.is_empty() && !email.contains('@') {
            problems.push(bad(
                Field::Email,
                format!("“{email}” is not an email address"),
            ));
        }
        let key = if email.is_empty() {
            format!("name:{}", name.to_lowercase())
        } else {
            email.to_lowercase()
        };
        if !name.is_empty() || !email.is_empty() {
            if let Some((_, first)) = emails_seen.iter().find(|(e, _)| *e == key) {
                problems.push(if email.is_empty() {
                    bad(
                        Field::Name,
                        format!("{name} is also on row {first} and neither row has an email: one row per person, or add emails to tell them apart"),
                    )
                } else {
                    bad(
                        Field::Email,
                        format!("“{email}” is also on row {first}: one row per person"),
                    )
                });
            } else {
                emails_seen.push((key.clone(), row));
            }
        }
        let mut date = |f: Field| -> Option<Date> {
            let text = cell(r, m, f);
            if text.is_empty() {
                return None;
            }
            let d = parse_date(text, m.dates);
            if d.is_none() {
                problems.push(bad(
                    f,
                    format!("“{text}” is not a date (write it with the year in full, as 2024-05-04 or as the file's other dates)"),
                ));
            }
            d
        };
        let joined = date(Field::Joined);
        let left = date(Field::Left);
        if let (Some(j), Some(l)) = (joined, left) {
            if l < j {
                problems.push(bad(Field::Left, "before the joined date".into()));
            }
        }
        let level_text = cell(r, m, Field::Level);
        let level = if level_text.is_empty() {
            None
        } else {
            let l = level_of(level_text);
            if l.is_none() {
                problems.push(bad(
                    Field::Level,
                    format!("“{level_text}” is not a track level (IC1–IC5, M1–M3)"),
                ));
            }
            l
        };
        if !problems.is_empty() {
            out.problems.extend(problems);
            continue;
        }
        let existing = find_person(ws, &email, &name);
        if let Some(p) = existing {
            if let Some((_, first)) = matched.iter().find(|(id, _)| *id == p.id) {
                out.problems.push(RowProblem {
                    row,
                    column: String::new(),
                    message: format!("{} is already on row {first}: one row per person", p.name),
                });
                continue;
            }
            matched.push((p.id, row));
        }
        // An empty cell, or a column not chosen, keeps what the person has.
        let keep = |text: &str, old: &str| {
            if text.is_empty() {
                old.to_string()
            } else {
                text.to_string()
            }
        };
        match existing {
            None => out.rows.push((
                row,
                RowPlan::Add(PersonFields {
                    name,
                    email: (!email.is_empty()).then_some(email),
                    team: cell(r, m, Field::Team).to_string(),
                    role_title: cell(r, m, Field::Role).to_string(),
                    level,
                    joined_on: joined,
                    left_on: left,
                }),
            )),
            Some(p) => {
                let fields = PersonFields {
                    name: keep(&name, &p.name),
                    // The same address in other capitals is no change.
                    email: if email.is_empty()
                        || p.email
                            .as_deref()
                            .is_some_and(|e| e.eq_ignore_ascii_case(&email))
                    {
                        p.email.clone()
                    } else {
                        Some(email)
                    },
                    team: keep(cell(r, m, Field::Team), &p.team),
                    role_title: keep(cell(r, m, Field::Role), &p.role_title),
                    // A level comes in only for someone with no level history yet: it becomes
                    // their first move. Otherwise the history decides.
                    level: level.filter(|_| crate::logic::track::current_level(ws, p.id).is_none()),
                    joined_on: joined.or(p.joined_on),
                    left_on: left.or(p.left_on),
                };
                if let Some(l) = level {
                    if crate::logic::track::current_level(ws, p.id).is_some_and(|c| c != l) {
                        out.notes.push(RowProblem {
                            row,
                            column: Field::Level.label().to_string(),
                            message: format!(
                                "{} is {} in the file but {} in their level history; the history stays (record the move on their page)",
                                p.name,
                                l.code(),
                                crate::logic::track::level_code(ws, p.id)
                            ),
                        });
                    }
                }
                let mut changes = changes(p, &fields);
                if let Some(l) = fields.level {
                    changes.push(format!("level: none → {}", l.code()));
                }
                out.rows.push((
                    row,
                    if changes.is_empty() {
                        RowPlan::Same {
                            id: p.id,
                            name: p.name.clone(),
                        }
                    } else {
                        RowPlan::Update {
                            id: p.id,
                            fields,
                            changes,
                        }
                    },
                ));
            }
        }
    }
    // Each row's edit tried in turn on a copy: a row the edit rules would refuse (a joined
    // date after the person's first level move, say) is a problem now, not at import.
    let mut scratch = ws.clone();
    let mut n: u128 = 0;
    let mut ids = || {
        n += 1;
        Id::from_u128(n)
    };
    let actions = out.actions();
    let mut refused = Vec::new();
    for (row, action) in actions {
        if let Err(e) = apply(&mut scratch, action, Timestamp::default(), &mut ids) {
            refused.push(row);
            out.problems.push(RowProblem {
                row,
                column: String::new(),
                message: format!("{e}"),
            });
        }
    }
    out.rows.retain(|(row, _)| !refused.contains(row));
    out.problems.stable_sort_by_key(|p| p.row);
    out
}

/// The person a row means: the one with its email, else the only one with its name.
fn find_person<'a>(ws: &'a Workspace, email: &str, name: &str) -> Option<&'a Person> {
    if !email.is_empty() {
        if let Some(p) = ws.people.iter().find(|p| {
            p.email
                .as_deref()
                .is_some_and(|e| e.eq_ignore_ascii_case(email))
        }) {
            return Some(p);
        }
    }
    let mut same = ws
        .people
        .iter()
        .filter(|p| !name.is_empty() && p.name.eq_ignore_ascii_case(name));
    match (same.next(), same.next()) {
        (Some(p), None) if email.is_empty() || p.email.is_none() => Some(p),
        _ => None,
    }
}

fn changes(p: &Person, f: &PersonFields) -> Vec<String> {
    let mut out = Vec::new();
    let mut said = |what: &str, old: String, new: String| {
        if old != new {
            let none = |s: String| if s.is_empty() { "none".to_string() } else { s };
            out.push(format!("{what}: {} → {}", none(old), none(new)));
        }
    };
    said("name", p.name.clone(), f.name.clone());
    said(
        "email",
        p.email.clone().unwrap_or_else(|| "none".into()),
        f.email.clone().unwrap_or_else(|| "none".into()),
    );
    said("team", p.team.clone(), f.team.clone());
    said("role", p.role_title.clone(), f.role_title.clone());
    said("joined", date_text(p.joined_on), date_text(f.joined_on));
    said("left", date_text(p.left_on), date_text(f.left_on));
    out
}
