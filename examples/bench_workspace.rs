//! Writes a large generated workspace file for the benchmark:
//! `cargo run --release --example bench_workspace -- OUT.json [PEOPLE COHORTS CANDIDATES JOURNEY]`
//! (defaults 2000 people, 100 cohorts, 1000 candidates, 6 journey records per candidate).

use chrono::Utc;
use uuid::Uuid;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(out) = args.first() else {
        eprintln!("usage: bench_workspace OUT.json [PEOPLE COHORTS CANDIDATES]");
        std::process::exit(2);
    };
    let num =
        |i: usize, default: usize| args.get(i).and_then(|s| s.parse().ok()).unwrap_or(default);
    let (people, cohorts, candidates, journey) =
        (num(1, 2000), num(2, 100), num(3, 1000), num(4, 6));
    let now = Utc::now();
    let mut n: u128 = 0;
    let mut ids = || {
        n += 1;
        Uuid::from_u128(0x0000_0000_0000_4000_8000_0000_0000_0000 | n)
    };
    let ws = runway::sample::large_workspace(
        people,
        cohorts,
        candidates,
        now.date_naive(),
        now,
        &mut ids,
    );
    let ws = runway::sample::add_journey_load(ws, journey, now.date_naive(), now, &mut ids);
    let text = runway::file::encode_pretty(&ws, now);
    if let Err(e) = std::fs::write(out, &text) {
        eprintln!("could not write {out}: {e}");
        std::process::exit(1);
    }
    let c = ws.counts();
    println!(
        "wrote {out}: {} people, {} cohorts, {} candidates, {} journey records, {:.2} MB",
        c.people,
        c.cohorts,
        c.candidates,
        runway::logic::records::all_ids(&ws).len() - c.people - c.cohorts - c.candidates,
        text.len() as f64 / 1_048_576.0
    );
}
