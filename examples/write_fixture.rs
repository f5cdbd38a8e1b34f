//! Writes `tests/fixtures/workspace-v<SCHEMA_VERSION>.json` from the sample program, on fixed
//! dates and ids. Run once per schema version: `cargo run --example write_fixture`.
//! Fixtures of old versions are never rewritten: they stand for files people already have.

use chrono::{NaiveDate, TimeZone, Utc};
use uuid::Uuid;

fn main() {
    let path = format!(
        "tests/fixtures/workspace-v{}.json",
        runway::file::SCHEMA_VERSION
    );
    if std::path::Path::new(&path).exists() {
        eprintln!("{path} exists; fixtures are never rewritten");
        std::process::exit(1);
    }
    let today = NaiveDate::from_ymd_opt(2026, 11, 21).expect("a valid day");
    let now = Utc
        .with_ymd_and_hms(2026, 11, 21, 9, 30, 0)
        .single()
        .expect("a valid time");
    let mut n: u128 = 0;
    let mut ids = || {
        n += 1;
        Uuid::from_u128(0x0000_0000_0000_4000_8000_0000_0000_0000 | n)
    };
    let ws = runway::sample::sample_program(today, now, &mut ids);
    if let Err(e) = std::fs::write(&path, runway::file::encode_pretty(&ws, now)) {
        eprintln!("could not write {path}: {e}");
        std::process::exit(1);
    }
    println!("wrote {path}");
}
