//! Monthly calibration: a cohort's sessions, the reveal of raters' ratings side by side, the
//! calibrated levels, and the reminder when a month has none.

use leptos::prelude::*;

use crate::model::Id;

/// `/cohorts/:id/calibration`.
#[component]
pub fn CalibrationPage() -> impl IntoView {
    view! { <section class="page"><h1>"Calibration"</h1><p>"Coming soon."</p></section> }
}

/// The cohort page's calibration panel: this month's session or a reminder.
#[component]
pub fn CohortCalibration(id: Id) -> impl IntoView {
    let _ = id;
}

/// The start page's reminders: cohorts with no calibration this month.
#[component]
pub fn CalibrationReminders() -> impl IntoView {}
