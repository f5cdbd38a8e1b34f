//! Host timing of the decode steps of a workspace file (figures, not a test):
//!   cargo run --release --example bench_decode -- FILE.json
use std::time::Instant;

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: bench_decode FILE.json");
    let bytes = std::fs::read(&path).expect("read");
    let t = Instant::now();
    let v: serde_json::Value = serde_json::from_slice(&bytes).expect("json");
    let parse = t.elapsed();
    drop(v);
    let t = Instant::now();
    let d = runway::file::decode(&bytes).expect("decode");
    let decode = t.elapsed();
    let t = Instant::now();
    let problems = runway::logic::validate(&d.workspace);
    let validate = t.elapsed();
    let t = Instant::now();
    let text = runway::file::encode_compact(&d.workspace, chrono::Utc::now());
    let encode = t.elapsed();
    let t = Instant::now();
    let r = runway::storage::Revision::of(&text);
    let hash = t.elapsed();
    println!(
        "{path}: {:.1} MB; Value parse {parse:?}; decode (typed + validate) {decode:?}; validate alone {validate:?} ({} problems); encode compact {encode:?} ({:.1} MB); revision {hash:?} {r:?}",
        bytes.len() as f64 / 1048576.0,
        problems.len(),
        text.len() as f64 / 1048576.0
    );
}
