//! Calibration: who may see which ratings, the side-by-side reveal, disagreements, rater
//! leniency, and the monthly reminder.
