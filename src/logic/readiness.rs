//! Readiness: the per-candidate summary, readiness over months, evidence coverage, 360
//! aggregates with the anonymity threshold, and team health trends.
