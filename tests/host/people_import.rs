//! People from a spreadsheet (issue 15): a messy CSV file read, its columns guessed, every
//! problem named by row and column, people matched by email updated, and a second import of
//! the same file changing nothing.

use crate::common::{add_person, at, day};
use runway::logic::program::people_import::{
    apply_plan, decode_text, guess_mapping, parse_date, plan, read_csv, DateOrder, Field, RowPlan,
};
use runway::model::*;

/// As an HR tool in a European locale exports it: a byte-order mark, semicolons, quoted
/// fields with separators and quotes inside, CRLF line ends, a blank line, a row short of
/// columns, a bad date on row 7.
const MESSY: &str = "\u{feff}Employee Name;Work Email;Department;Job Title;Grade;Hire Date;Termination Date\r\n\
\"Whitfield, Dana\";dana@example.com;Engineering leadership;\"Head of \"\"Engineering\"\"\";M3;10.01.2022;\r\n\
Ana Alves;ana@example.com;Payments;Software Engineer;ic3;2021-06-07;\r\n\
Ben Berg;BEN@example.com;\"Search; Discovery\";Engineer;IC2;2023/08/28;\r\n\
\r\n\
Cleo Chan;cleo@example.com;Platform\r\n\
Eve Evans;eve@example.com;Platform;Engineer;IC2;31/02/2024;\r\n\
Dev Das;dev@example.com;Platform;Engineer;IC1;2024-03-04;2025-01-31\r\n\
Finn Fox;not-an-email;Search;Engineer;IC9;2024-01-08;\r\n";

#[test]
fn a_messy_file_is_read_and_its_columns_guessed() {
    let t = read_csv(MESSY).unwrap();
    assert_eq!(t.separator, b';');
    assert_eq!(t.headers[0], "Employee Name", "the byte-order mark is gone");
    assert_eq!(t.rows.len(), 7, "the blank line is skipped");
    assert_eq!(t.lines, vec![2, 3, 4, 6, 7, 8, 9], "but counted");
    assert_eq!(t.rows[0][0], "Whitfield, Dana");
    assert_eq!(t.rows[0][3], "Head of \"Engineering\"");
    assert_eq!(t.rows[2][2], "Search; Discovery");
    assert_eq!(
        t.rows[3],
        vec!["Cleo Chan", "cleo@example.com", "Platform", "", "", "", ""]
    );
    let m = guess_mapping(&t);
    let cols: Vec<(Field, Option<usize>)> = m.columns.clone();
    assert_eq!(
        cols,
        vec![
            (Field::Name, Some(0)),
            (Field::Email, Some(1)),
            (Field::Team, Some(2)),
            (Field::Role, Some(3)),
            (Field::Level, Some(4)),
            (Field::Joined, Some(5)),
            (Field::Left, Some(6)),
        ]
    );
    assert_eq!(m.dates, DateOrder::DayFirst);
}

#[test]
fn every_problem_is_named_by_row_and_column_and_the_rest_import() {
    let ws = Workspace::default();
    let t = read_csv(MESSY).unwrap();
    let p = plan(&ws, &t, &guess_mapping(&t));
    let problems: Vec<String> = p.problems.iter().map(|p| p.text()).collect();
    // Rows as a spreadsheet numbers them: the header is row 1, the blank line row 5, Eve row 7.
    assert_eq!(
        problems,
        vec![
            "Row 7, Joined on: “31/02/2024” is not a date (write it with the year in full, as 2024-05-04 or as the file's other dates)".to_string(),
            "Row 9, Email: “not-an-email” is not an email address".to_string(),
            "Row 9, Track level: “IC9” is not a track level (IC1–IC5, M1–M3)".to_string(),
        ]
    );
    assert_eq!(p.added(), 5);
    let RowPlan::Add(dana) = &p.rows[0].1 else {
        panic!("Dana is new")
    };
    assert_eq!(dana.name, "Whitfield, Dana");
    assert_eq!(dana.level, Some(TrackLevel::M3));
    assert_eq!(dana.joined_on, Some(day(2022, 1, 10)));
    let RowPlan::Add(ana) = &p.rows[1].1 else {
        panic!()
    };
    assert_eq!(ana.level, Some(TrackLevel::IC3), "levels read in any case");
    let RowPlan::Add(dev) = &p.rows[4].1 else {
        panic!()
    };
    assert_eq!(dev.left_on, Some(day(2025, 1, 31)));
}

#[test]
fn people_matched_by_email_are_updated_and_a_second_import_changes_nothing() {
    let mut ws = Workspace::default();
    let ana = add_person(&mut ws, "Ana Alves", "Old team", TrackLevel::IC3);
    ws.people.iter_mut().find(|p| p.id == ana).unwrap().email = Some("Ana@Example.com".into());
    let t = read_csv(MESSY).unwrap();
    let m = guess_mapping(&t);
    let first = plan(&ws, &t, &m);
    assert_eq!(
        (first.added(), first.updated(), first.unchanged()),
        (4, 1, 0)
    );
    let (_, RowPlan::Update { id, changes, .. }) = &first.rows[1] else {
        panic!("Ana is updated")
    };
    assert_eq!(*id, ana);
    assert_eq!(
        changes,
        &vec![
            "team: Old team → Payments".to_string(),
            "role: none → Software Engineer".to_string(),
            "joined: none → 7 Jun 2021".to_string(),
        ]
    );
    let ws = apply_plan(&ws, &first, at(2026, 11, 22), &mut uuid::Uuid::new_v4).unwrap();
    assert_eq!(ws.people.len(), 5, "Ana is not duplicated");
    let again = plan(&ws, &read_csv(MESSY).unwrap(), &m);
    assert_eq!(
        (again.added(), again.updated(), again.unchanged()),
        (0, 0, 5)
    );
    assert!(
        again.actions().is_empty(),
        "the same file twice changes nothing"
    );
}

#[test]
fn a_file_missing_columns_imports_what_it_has_and_says_what_it_lacks() {
    let t = read_csv("name,email\nLee Chen,lee@example.com\n").unwrap();
    let m = guess_mapping(&t);
    assert_eq!(m.column(Field::Team), None);
    let p = plan(&Workspace::default(), &t, &m);
    assert!(p.problems.is_empty());
    let RowPlan::Add(lee) = &p.rows[0].1 else {
        panic!()
    };
    assert_eq!(
        (lee.team.as_str(), lee.level, lee.joined_on),
        ("", None, None)
    );

    let t = read_csv("email,team\nlee@example.com,Search\n").unwrap();
    let p = plan(&Workspace::default(), &t, &guess_mapping(&t));
    assert_eq!(
        p.problems[0].text(),
        "Row 1: no column is chosen for the names. Choose which column holds them."
    );
    assert!(p.rows.is_empty());
}

#[test]
fn wrong_files_are_refused_with_a_plain_message() {
    assert!(read_csv("").unwrap_err().starts_with("The file is empty"));
    assert!(read_csv("\u{feff}  \r\n")
        .unwrap_err()
        .starts_with("The file is empty"));
    assert!(read_csv("name\n\"Lee Chen\nAna\n")
        .unwrap_err()
        .starts_with("A quoted field is never closed"));
    assert!(read_csv("PK\u{3}\u{4}\0\0binary")
        .unwrap_err()
        .starts_with("This is not a CSV file"));
}

#[test]
fn dates_read_in_the_formats_hr_tools_write_and_the_order_the_file_shows() {
    let d = day(2024, 5, 4);
    for s in [
        "2024-05-04",
        "2024/05/04",
        "04.05.2024",
        "04/05/2024",
        "2024-05-04 00:00:00",
        "4/5/2024",
    ] {
        assert_eq!(parse_date(s, DateOrder::DayFirst), Some(d), "{s}");
    }
    assert_eq!(parse_date("05/04/2024", DateOrder::MonthFirst), Some(d));
    assert_eq!(parse_date("31/02/2024", DateOrder::DayFirst), None);
    assert_eq!(parse_date("soon", DateOrder::DayFirst), None);
    // A two-digit year could be either century: refused, not guessed.
    for s in ["4/5/24", "04.05.24", "12/31/99"] {
        assert_eq!(parse_date(s, DateOrder::DayFirst), None, "{s}");
        assert_eq!(parse_date(s, DateOrder::MonthFirst), None, "{s}");
    }
    // A date that only reads month first makes the whole file month first.
    let t = read_csv("Name,Start date\nAna,05/04/2024\nBen,12/25/2023\n").unwrap();
    let m = guess_mapping(&t);
    assert_eq!(m.dates, DateOrder::MonthFirst);
    let p = plan(&Workspace::default(), &t, &m);
    let RowPlan::Add(ana) = &p.rows[0].1 else {
        panic!()
    };
    assert_eq!(ana.joined_on, Some(d));
}

#[test]
fn rows_that_would_shift_columns_or_repeat_a_person_are_left_out_by_name() {
    let mut ws = Workspace::default();
    let ana = add_person(&mut ws, "Ana Alves", "Payments", TrackLevel::IC3);
    ws.people.iter_mut().find(|p| p.id == ana).unwrap().email = Some("ana@example.com".into());
    let t = read_csv(
        "name,email,team,start date\n\
         Chen, Lee,lee@example.com,Search,2024-01-08\n\
         Ben Berg,,Search,2024-01-08\n\
         Ben Berg,,Platform,2024-02-05\n\
         Ana Alves,ana@example.com,Payments,2027-01-04\n\
         Cleo Chan,cleo@example.com,Platform,2024-03-04\n",
    )
    .unwrap();
    let p = plan(&ws, &t, &guess_mapping(&t));
    let problems: Vec<String> = p.problems.iter().map(|p| p.text()).collect();
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert!(
        problems[0].starts_with("Row 2: 5 fields where the header has 4"),
        "{}",
        problems[0]
    );
    assert!(
        problems[1].starts_with("Row 4, Name: Ben Berg is also on row 3"),
        "{}",
        problems[1]
    );
    let rows: Vec<usize> = p.rows.iter().map(|(r, _)| *r).collect();
    assert_eq!(
        rows,
        vec![3, 5, 6],
        "Ben's first row, Ana's update and Cleo go in"
    );
    let done = apply_plan(&ws, &p, at(2026, 11, 22), &mut uuid::Uuid::new_v4).unwrap();
    assert_eq!(done.people.len(), 3);
}

#[test]
fn a_level_comes_in_only_for_someone_without_a_level_history() {
    let mut ws = Workspace::default();
    let id = add_person(&mut ws, "Ana Alves", "Payments", TrackLevel::IC3);
    ws.levels.clear();
    let t = read_csv("name,level\nAna Alves,IC4\n").unwrap();
    let p = plan(&ws, &t, &guess_mapping(&t));
    let (
        _,
        RowPlan::Update {
            fields, changes, ..
        },
    ) = &p.rows[0]
    else {
        panic!("{p:?}")
    };
    assert_eq!(fields.level, Some(TrackLevel::IC4));
    assert_eq!(changes, &vec!["level: none → IC4".to_string()]);
    let done = apply_plan(&ws, &p, at(2026, 11, 22), &mut uuid::Uuid::new_v4).unwrap();
    assert_eq!(
        runway::logic::track::current_level(&done, id),
        Some(TrackLevel::IC4)
    );
    // With a history, the file's different level is a note and the history stays.
    let p = plan(
        &done,
        &read_csv("name,level\nAna Alves,IC5\n").unwrap(),
        &guess_mapping(&t),
    );
    assert_eq!(p.unchanged(), 1);
    assert!(p.notes[0]
        .text()
        .contains("IC5 in the file but IC4 in their level history"));
}

#[test]
fn first_name_columns_are_not_taken_for_the_name_and_windows_text_reads_right() {
    let t = read_csv("First name,Last name,Email\nLee,Chen,lee@example.com\n").unwrap();
    assert_eq!(guess_mapping(&t).column(Field::Name), None);
    // "Zoë – Šimic" as Windows-1252 bytes.
    let cp1252 = vec![
        0x5a, 0x6f, 0xeb, 0x20, 0x96, 0x20, 0x8a, 0x69, 0x6d, 0x69, 0x63,
    ];
    assert_eq!(decode_text(cp1252), "Zoë – Šimic");
    assert_eq!(decode_text("Zoë".as_bytes().to_vec()), "Zoë");
}
