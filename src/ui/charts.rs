//! Small SVG charts drawn by our own components, each with a text alternative and a way to
//! save it as an SVG file.
//!
//! Every chart is an `<svg role="img">` named by its `<title>`, with the same numbers in a
//! data table under "Show the numbers", and `data-value` on each point or cell. Colours are set
//! twice: as SVG presentation attributes (so a saved file looks right on its own) and by
//! classes in `style/charts.css` (which win in the app and follow light and dark mode).

use crate::sort::StableSort as _;
use leptos::prelude::*;

use crate::logic::charts::{
    axis_ticks, num, percent, percent_range, points_attr, svg_document, text_width, wrap_label,
    BandLayout, Plot, Radar,
};
use crate::logic::journey::day_text;
use crate::ui::browser;
use crate::ui::state::use_app;

const SVG_NS: &str = "http://www.w3.org/2000/svg";
const FONT: &str = "system-ui, -apple-system, Segoe UI, Roboto, sans-serif";
/// Series colours in a saved file (the app's own come from the stylesheet).
const PALETTE: [&str; 5] = ["#1f5fbf", "#b3261e", "#1e7a3c", "#8a5a00", "#6b3fa0"];
/// Dash patterns, so series differ by more than colour.
const DASHES: [&str; 5] = ["none", "7 4", "2 3", "10 3 2 3", "4 2"];
const INK: &str = "#1d2126";
const MUTED: &str = "#5b6470";
const GRID: &str = "#c9cdc6";
/// The radar's type size in view-box units (see `RadarChart`).
const RADAR_FONT: f64 = 14.0;
/// How far a ring's number stays from any point a value could take: a dot's radius and half a
/// digit.
pub const RING_CLEARANCE: f64 = 4.5 + RADAR_FONT * 0.31;

/// The numbers behind a chart, as a table.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TableData {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

fn fresh_id() -> String {
    format!("chart-{}", browser::new_id().simple())
}

/// The drawing of a chart to save: its view box size, its title, and whom it is about.
struct Saving {
    svg_id: String,
    size: (f64, f64),
    title: String,
    about: String,
}

/// Downloads the chart as a file of its own, with its title, whom it is about and today's date
/// written on it.
fn save_svg(s: &Saving) -> Result<(), String> {
    let el = document()
        .get_element_by_id(&s.svg_id)
        .ok_or("the chart is no longer on the page")?;
    let today = day_text(browser::today());
    let byline = if s.about.is_empty() {
        today
    } else {
        format!("{} · {today}", s.about)
    };
    let text = svg_document(
        &el.inner_html(),
        s.size.0,
        s.size.1,
        &s.title,
        &byline,
        FONT,
    );
    browser::download(&chart_file_name(&s.title, &s.about), &text, "image/svg+xml")
}

/// A chart's file name: whom it is about, then its title ("Ana Lima", "Readiness radar" →
/// "ana-lima-readiness-radar.svg").
pub fn chart_file_name(title: &str, about: &str) -> String {
    if about.trim().is_empty() {
        svg_file_name(title)
    } else {
        svg_file_name(&format!("{about} {title}"))
    }
}

/// A safe file name from a chart title ("Readiness radar" → "readiness-radar.svg").
pub fn svg_file_name(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    format!("{}.svg", out.trim_end_matches('-'))
}

/// The figure around a chart: the SVG, the "Save as SVG" button and the data table.
fn frame(
    title: String,
    about: String,
    svg_id: String,
    size: (f64, f64),
    svg: AnyView,
    table: TableData,
    wide: bool,
) -> AnyView {
    let app = use_app();
    let saving = Saving {
        svg_id: svg_id.clone(),
        size,
        title: title.clone(),
        about,
    };
    let save = move |_| {
        if let Err(e) = save_svg(&saving) {
            app.warn(&format!("The chart could not be saved: {e}."));
        }
    };
    let caption = title.clone();
    let cap_id = format!("{svg_id}-c");
    let cap_ref = cap_id.clone();
    view! {
        <figure class="chart" class:wide=wide aria-labelledby=cap_ref>
            <figcaption class="chart-title" id=cap_id>{title.clone()}</figcaption>
            <div class="chart-canvas" tabindex=wide.then_some("0") role=wide.then_some("group") aria-label=wide.then(|| format!("{title} (scrolls sideways)"))>{svg}</div>
            <div class="chart-tools">
                <details class="chart-data">
                    <summary>"Show the numbers"<span class="sr-only">{format!(": {title}")}</span></summary>
                    <div class="table-wrap" tabindex="0" role="group" aria-label=format!("The numbers of {title}")>
                        <table>
                            <caption>{caption}</caption>
                            <thead><tr>{table.headers.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view()}</tr></thead>
                            <tbody>
                                {table.rows.into_iter().map(|r| view! {
                                    <tr>{r.into_iter().enumerate().map(|(i, c)| if i == 0 {
                                        view! { <th scope="row">{c}</th> }.into_any()
                                    } else {
                                        view! { <td>{c}</td> }.into_any()
                                    }).collect_view()}</tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                </details>
                <button type="button" class="secondary small" on:click=save>"Save as SVG"<span class="sr-only">{format!(": {title}")}</span></button>
            </div>
        </figure>
    }
    .into_any()
}

/// Text on several lines (`<tspan>`s), the first at `y`.
fn lines(lines: Vec<String>, x: f64, line_height: f64) -> impl IntoView {
    lines
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let dy = if i == 0 { 0.0 } else { line_height };
            view! { <tspan x=format!("{x:.1}") dy=format!("{dy:.1}")>{l}</tspan> }
        })
        .collect_view()
}

// ---------------------------------------------------------------------------------------------
// Radar
// ---------------------------------------------------------------------------------------------

/// One axis of a radar: a domain and its level (1 for the lowest; `None` when not rated).
#[derive(Clone, Debug, PartialEq)]
pub struct RadarAxis {
    pub name: String,
    pub level: Option<usize>,
    pub level_name: String,
}

/// Levels per domain on a radar: one axis per domain, one ring per level.
#[component]
pub fn RadarChart(
    #[prop(into)] title: String,
    /// Whom the chart is about (named in a saved file and its name).
    #[prop(optional, into)]
    about: String,
    axes: Vec<RadarAxis>,
    /// Level names, lowest first.
    levels: Vec<String>,
) -> impl IntoView {
    let id = fresh_id();
    let title_id = format!("{id}-t");
    let labelled_by = title_id.clone();
    // A small view box with large type: the radar is drawn about 280 px wide in the printed
    // summary and 340 px on a phone, and its text must stay at least 10 px there.
    let (fs, lh, gap) = (RADAR_FONT, RADAR_FONT + 2.0, 10.0);
    let w = 380.0;
    let radius = 76.0;
    let wrapped: Vec<Vec<String>> = axes.iter().map(|a| wrap_label(&a.name, 14)).collect();
    let top_lines = wrapped.first().map_or(1, Vec::len) as f64;
    let cy = radius + gap + (top_lines - 1.0) * lh + fs + 4.0;
    let radar = Radar {
        cx: w / 2.0,
        cy,
        radius,
        axes: axes.len(),
    };
    let max = levels.len() as f64;
    let rings = (1..=levels.len())
        .map(|k| {
            let pts = points_attr(&radar.ring(k as f64, max));
            view! { <polygon class="ring" points=pts fill="none" stroke=GRID stroke-width="1"/> }
        })
        .collect_view();
    let ring_numbers = (1..=levels.len())
        .filter_map(|k| {
            let (x, y) = radar.ring_label_at(k, levels.len(), RING_CLEARANCE)?;
            Some(view! {
                <text class="ring-label" x=format!("{x:.1}") y=format!("{:.1}", y + fs * 0.35) text-anchor="middle" font-size=num(fs)
                    fill=MUTED stroke="#ffffff" stroke-width="3" paint-order="stroke" stroke-linejoin="round">{k.to_string()}</text>
            })
        })
        .collect_view();
    let spokes = (0..axes.len())
        .map(|i| {
            let (x, y) = radar.axis_end(i);
            view! { <line class="spoke" x1=format!("{:.1}", radar.cx) y1=format!("{:.1}", radar.cy) x2=format!("{x:.1}") y2=format!("{y:.1}") stroke=GRID stroke-width="1"/> }
        })
        .collect_view();
    let mut bottom = radar.cy + radar.radius;
    let labels = wrapped
        .into_iter()
        .enumerate()
        .map(|(i, wrapped)| {
            let (x, y) = radar.label_at(i, gap);
            let n = wrapped.len() as f64;
            let below = y > radar.cy + 1.0;
            let above = y < radar.cy - radar.radius * 0.5;
            let y0 = if above {
                y - (n - 1.0) * lh
            } else if below {
                y + fs
            } else {
                y - (n - 1.0) * lh / 2.0 + fs * 0.35
            };
            bottom = bottom.max(y0 + (n - 1.0) * lh);
            view! {
                <text class="axis-label" x=format!("{x:.1}") y=format!("{y0:.1}") text-anchor=radar.label_anchor(i) font-size=num(fs) fill=INK>
                    {lines(wrapped, x, lh)}
                </text>
            }
        })
        .collect_view();
    // The rings carry numbers; their names are spelled out under the radar.
    // Lines break between levels, never inside one.
    let mut legend_lines = vec!["Rings from the centre:".to_string()];
    for (k, l) in levels.iter().enumerate() {
        let item = format!(
            "{} {l}{}",
            k + 1,
            if k + 1 < levels.len() { "," } else { "" }
        );
        match legend_lines.last_mut() {
            Some(line) if line.chars().count() + 1 + item.chars().count() <= 44 => {
                line.push(' ');
                line.push_str(&item);
            }
            _ => legend_lines.push(item),
        }
    }
    let legend_y = bottom + fs + 14.0;
    let h = legend_y + (legend_lines.len() as f64 - 1.0) * lh + 6.0;
    let legend = view! {
        <text class="ring-legend" x="4" y=format!("{legend_y:.1}") font-size=num(fs) fill=MUTED>{lines(legend_lines, 4.0, lh)}</text>
    };
    let values: Vec<f64> = axes.iter().map(|a| a.level.unwrap_or(0) as f64).collect();
    let shape = points_attr(&radar.polygon(&values, max));
    let dots = axes
        .iter()
        .enumerate()
        .filter_map(|(i, a)| {
            let level = a.level?;
            let (x, y) = radar.point(i, level as f64, max);
            let tip = format!("{}: {} ({level} of {})", a.name, a.level_name, levels.len());
            Some(view! {
                <circle class="dot s0" cx=format!("{x:.1}") cy=format!("{y:.1}") r="4.5" fill=PALETTE[0]
                    data-label=a.name.clone() data-value=level.to_string() data-level=a.level_name.clone()>
                    <title>{tip}</title>
                </circle>
            })
        })
        .collect_view();
    let table = TableData {
        headers: vec!["Domain".into(), "Level".into(), "Step".into()],
        rows: axes
            .iter()
            .map(|a| match a.level {
                Some(l) => vec![
                    a.name.clone(),
                    a.level_name.clone(),
                    format!("{l} of {}", levels.len()),
                ],
                None => vec![a.name.clone(), "Not calibrated yet".into(), "—".into()],
            })
            .collect(),
    };
    let svg = view! {
        <svg id=id.clone() xmlns=SVG_NS class="radar" viewBox=format!("0 0 {w} {h}") role="img" aria-labelledby=labelled_by
            font-family=FONT>
            <title id=title_id>{title.clone()}</title>
            <g class="rings">{rings}</g>
            <g class="spokes">{spokes}</g>
            <polygon class="shape s0" points=shape fill=PALETTE[0] fill-opacity="0.2" stroke=PALETTE[0] stroke-width="2"/>
            <g class="ring-labels">{ring_numbers}</g>
            <g class="dots">{dots}</g>
            <g class="labels">{labels}</g>
            {legend}
        </svg>
    }
    .into_any();
    frame(title, about, id, (w, h), svg, table, false)
}

// ---------------------------------------------------------------------------------------------
// Line chart
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq)]
pub struct LinePoint {
    /// Position along the x axis (days, months: any increasing number).
    pub x: f64,
    pub x_label: String,
    pub y: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub name: String,
    pub points: Vec<LinePoint>,
}

/// One or more lines over time, with a legend inside the drawing.
#[component]
pub fn LineChart(
    #[prop(into)] title: String,
    /// Whom the chart is about (named in a saved file and its name).
    #[prop(optional, into)]
    about: String,
    series: Vec<Series>,
    /// The y axis from bottom to top.
    y_range: (f64, f64),
    /// Gridlines: (value, label).
    y_ticks: Vec<(f64, String)>,
    /// The numbers, as a table.
    table: TableData,
) -> impl IntoView {
    let id = fresh_id();
    let title_id = format!("{id}-t");
    let labelled_by = title_id.clone();
    // Type at 16 units: about 10 px where the chart is drawn 330 px wide (a phone), 12 px in a
    // half-width column on a desktop.
    let (w, fs) = (560.0, 16.0);
    let per_row = 2usize;
    let legend_rows = series.len().div_ceil(per_row).max(1) as f64;
    let plot = Plot {
        left: 56.0,
        top: 14.0,
        right: w - 60.0,
        bottom: 214.0,
    };
    let h = plot.bottom + 46.0 + legend_rows * 26.0;
    let mut xs: Vec<(f64, String)> = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| (p.x, p.x_label.clone())))
        .collect();
    xs.stable_sort_by(|a, b| a.0.total_cmp(&b.0));
    xs.dedup_by(|a, b| a.0 == b.0);
    let x_range = (
        xs.first().map_or(0.0, |x| x.0),
        xs.last().map_or(1.0, |x| x.0),
    );
    let (sx, sy) = plot.scales(x_range, y_range);
    let grid = y_ticks
        .iter()
        .map(|(v, label)| {
            let y = sy.at(*v);
            view! {
                <line class="grid" x1=format!("{:.1}", plot.left) x2=format!("{:.1}", plot.right) y1=format!("{y:.1}") y2=format!("{y:.1}") stroke=GRID stroke-width="1"/>
                <text class="tick" x=format!("{:.1}", plot.left - 8.0) y=format!("{:.1}", y + 4.0) text-anchor="end" font-size=num(fs) fill=MUTED>{label.clone()}</text>
            }
        })
        .collect_view();
    let tick_at: Vec<f64> = xs.iter().map(|x| sx.at(x.0)).collect();
    let tick_labels: Vec<String> = xs.iter().map(|x| x.1.clone()).collect();
    let x_ticks = axis_ticks(&tick_at, &tick_labels, fs, 6)
        .into_iter()
        .filter_map(|i| xs.get(i).cloned())
        .map(|(x, label)| {
            let px = sx.at(x);
            view! {
                <text class="tick" x=format!("{px:.1}") y=format!("{:.1}", plot.bottom + 22.0) text-anchor="middle" font-size=num(fs) fill=MUTED>{label}</text>
            }
        })
        .collect_view();
    let lines_view = series
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let c = k % PALETTE.len();
            let pts: Vec<(f64, f64)> = s.points.iter().map(|p| (sx.at(p.x), sy.at(p.y))).collect();
            let dots = s
                .points
                .iter()
                .zip(&pts)
                .map(|(p, (x, y))| {
                    let tip = format!("{}, {}: {}", s.name, p.x_label, num(p.y));
                    view! {
                        <circle class=format!("dot s{c}") cx=format!("{x:.1}") cy=format!("{y:.1}") r="4" fill=PALETTE[c]
                            data-series=s.name.clone() data-x=p.x_label.clone() data-value=num(p.y)>
                            <title>{tip}</title>
                        </circle>
                    }
                })
                .collect_view();
            view! {
                <g class="series" data-series=s.name.clone()>
                    <polyline class=format!("line s{c}") points=points_attr(&pts) fill="none" stroke=PALETTE[c] stroke-width="2.5"
                        stroke-dasharray=DASHES[c] stroke-linejoin="round"/>
                    {dots}
                </g>
            }
        })
        .collect_view();
    let legend = series
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let c = k % PALETTE.len();
            let x = plot.left + (k % per_row) as f64 * 240.0;
            let y = plot.bottom + 52.0 + (k / per_row) as f64 * 26.0;
            view! {
                <line class=format!("line s{c}") x1=format!("{x:.1}") x2=format!("{:.1}", x + 24.0) y1=format!("{:.1}", y - 4.0) y2=format!("{:.1}", y - 4.0)
                    stroke=PALETTE[c] stroke-width="2.5" stroke-dasharray=DASHES[c]/>
                <text class="legend" x=format!("{:.1}", x + 30.0) y=format!("{y:.1}") font-size=num(fs) fill=INK>{s.name.clone()}</text>
            }
        })
        .collect_view();
    let svg = view! {
        <svg id=id.clone() xmlns=SVG_NS class="line-chart" viewBox=format!("0 0 {w} {h}") role="img" aria-labelledby=labelled_by
            font-family=FONT>
            <title id=title_id>{title.clone()}</title>
            <g class="grid">{grid}</g>
            <line class="axis" x1=format!("{:.1}", plot.left) x2=format!("{:.1}", plot.left) y1=format!("{:.1}", plot.top) y2=format!("{:.1}", plot.bottom) stroke=MUTED stroke-width="1"/>
            <g class="x-ticks">{x_ticks}</g>
            {lines_view}
            <g class="legend">{legend}</g>
        </svg>
    }
    .into_any();
    frame(title, about, id, (w, h), svg, table, false)
}

// ---------------------------------------------------------------------------------------------
// Coverage grid
// ---------------------------------------------------------------------------------------------

/// Rows × columns of counts, each cell shaded by its count and showing the number.
#[component]
pub fn CoverageGrid(
    #[prop(into)] title: String,
    /// Whom the chart is about (named in a saved file and its name).
    #[prop(optional, into)]
    about: String,
    columns: Vec<String>,
    /// (row name, one count per column).
    rows: Vec<(String, Vec<usize>)>,
) -> impl IntoView {
    let id = fresh_id();
    let title_id = format!("{id}-t");
    let labelled_by = title_id.clone();
    let (name_w, cell_w, cell_h, head_h) = (170.0, 96.0, 36.0, 58.0);
    let w = name_w + cell_w * columns.len() as f64 + 4.0;
    let h = head_h + cell_h * rows.len() as f64 + 4.0;
    let max = rows
        .iter()
        .flat_map(|r| r.1.iter().copied())
        .max()
        .unwrap_or(0);
    let heads = columns
        .iter()
        .enumerate()
        .map(|(j, c)| {
            let x = name_w + cell_w * (j as f64 + 0.5);
            let wrapped: Vec<String> = wrap_label(c, 13).into_iter().take(3).collect();
            let y0 = head_h - 8.0 - (wrapped.len() as f64 - 1.0) * 13.0;
            view! {
                <text class="col-label" x=format!("{x:.1}") y=format!("{y0:.1}") text-anchor="middle" font-size="11" fill=INK>
                    {lines(wrapped, x, 13.0)}
                </text>
            }
        })
        .collect_view();
    let body = rows
        .iter()
        .enumerate()
        .map(|(i, (name, counts))| {
            let y = head_h + cell_h * i as f64;
            let short: String = if name.chars().count() > 24 {
                name.chars().take(23).chain(['…']).collect()
            } else {
                name.clone()
            };
            let cells = counts
                .iter()
                .enumerate()
                .map(|(j, n)| {
                    let x = name_w + cell_w * j as f64;
                    let share = if max == 0 { 0.0 } else { *n as f64 / max as f64 };
                    let alpha = if *n == 0 { 0.0 } else { 0.15 + 0.7 * share };
                    let strong = alpha > 0.5;
                    let col = columns.get(j).cloned().unwrap_or_default();
                    let tip = format!("{name}, {col}: {n}");
                    view! {
                        <g class="cell" data-row=name.clone() data-column=col data-value=n.to_string()>
                            <title>{tip}</title>
                            <rect class="cell-box" x=format!("{:.1}", x + 2.0) y=format!("{:.1}", y + 2.0) width=format!("{:.1}", cell_w - 4.0) height=format!("{:.1}", cell_h - 4.0)
                                rx="4" fill="#ffffff" stroke=GRID stroke-width="1"/>
                            <rect class="cell-fill" x=format!("{:.1}", x + 2.0) y=format!("{:.1}", y + 2.0) width=format!("{:.1}", cell_w - 4.0) height=format!("{:.1}", cell_h - 4.0)
                                rx="4" fill=PALETTE[0] fill-opacity=format!("{alpha:.2}")/>
                            <text class="cell-text" class:strong=strong x=format!("{:.1}", x + cell_w / 2.0) y=format!("{:.1}", y + cell_h / 2.0 + 5.0) text-anchor="middle"
                                font-size="14" font-weight="600" fill=if strong { "#ffffff" } else { INK }>{n.to_string()}</text>
                        </g>
                    }
                })
                .collect_view();
            view! {
                <text class="row-label" x="4" y=format!("{:.1}", y + cell_h / 2.0 + 5.0) font-size="13" fill=INK>{short}</text>
                {cells}
            }
        })
        .collect_view();
    let mut headers = vec!["Candidate".to_string()];
    headers.extend(columns.iter().cloned());
    let table = TableData {
        headers,
        rows: rows
            .iter()
            .map(|(name, counts)| {
                let mut r = vec![name.clone()];
                r.extend(counts.iter().map(|n| n.to_string()));
                r
            })
            .collect(),
    };
    let svg = view! {
        <svg id=id.clone() xmlns=SVG_NS class="coverage" viewBox=format!("0 0 {w} {h}") role="img" aria-labelledby=labelled_by
            font-family=FONT style=format!("max-width:{w}px")>
            <title id=title_id>{title.clone()}</title>
            <g class="heads">{heads}</g>
            <g class="body">{body}</g>
        </svg>
    }
    .into_any();
    frame(title, about, id, (w, h), svg, table, true)
}

// ---------------------------------------------------------------------------------------------
// Band chart
// ---------------------------------------------------------------------------------------------

/// A category of a band chart (a level) and its healthy band, in percent.
#[derive(Clone, Debug, PartialEq)]
pub struct BandCategory {
    pub name: String,
    pub band: (f64, f64),
}

/// One series of a band chart (a day): a count and a share (percent) per category.
#[derive(Clone, Debug, PartialEq)]
pub struct BandSeries {
    /// As people read it ("21 Nov 2026").
    pub label: String,
    /// As a machine reads it (`2026-11-21`), on each bar's `data-series`.
    pub key: String,
    pub counts: Vec<usize>,
    pub shares: Vec<f64>,
}

impl BandSeries {
    fn total(&self) -> usize {
        self.counts.iter().sum()
    }
}

/// Shares per category as horizontal bars, 0–100 %, each category's healthy band shaded
/// behind its bars; one bar per series, so a trend shows. The last series is drawn solid, the
/// earlier ones hatched and paler, and every row is labelled with its series.
#[component]
pub fn BandChart(
    #[prop(into)] title: String,
    /// Whom the chart is about (named in a saved file and its name).
    #[prop(optional, into)]
    about: String,
    categories: Vec<BandCategory>,
    /// Oldest first; the last one is the one asked about.
    series: Vec<BandSeries>,
    /// What a series is, as the table's first column heading ("As of").
    #[prop(into)]
    series_heading: String,
    /// What is counted, plural ("managers").
    #[prop(into)]
    counted: String,
    /// The legend's words for the hatched bars ("The same day in earlier years").
    #[prop(into)]
    earlier: String,
) -> impl IntoView {
    let id = fresh_id();
    let title_id = format!("{id}-t");
    let desc_id = format!("{id}-d");
    let labelled_by = title_id.clone();
    let described_by = desc_id.clone();
    let hatch_id = format!("{id}-hatch");
    let hatch_fill = format!("url(#{hatch_id})");
    // Type at 16 units (15 for the numbers and dates): about 12 px where the chart is drawn
    // 340 px wide on a phone. Below 320 px it scrolls sideways instead of shrinking.
    let fs = 16.0;
    let w = 420.0;
    let label_w = series
        .iter()
        .map(|s| text_width(&s.label, fs))
        .fold(0.0, f64::max);
    let layout = BandLayout {
        left: (label_w + 14.0).max(60.0),
        right: w - 90.0,
        top: 4.0,
        head: 26.0,
        row: 24.0,
        bar: 16.0,
        gap: 14.0,
    };
    let bands: Vec<(f64, f64)> = categories.iter().map(|c| c.band).collect();
    let shares: Vec<Vec<f64>> = (0..categories.len())
        .map(|g| {
            series
                .iter()
                .map(|s| s.shares.get(g).copied().unwrap_or(0.0))
                .collect()
        })
        .collect();
    let groups = layout.groups(&bands, &shares);
    let last = series.len().saturating_sub(1);
    let bottom = layout.bottom(categories.len(), series.len());
    let grid_top = layout.top + layout.head;
    let ticks = [0.0, 25.0, 50.0, 75.0, 100.0]
        .into_iter()
        .map(|v| {
            let x = layout.x_of(v);
            view! {
                <line class="grid" x1=format!("{x:.1}") x2=format!("{x:.1}") y1=format!("{grid_top:.1}") y2=format!("{:.1}", bottom + 4.0) stroke=GRID stroke-width="1"/>
                <text class="tick" x=format!("{x:.1}") y=format!("{:.1}", bottom + 20.0) text-anchor="middle" font-size=num(fs - 1.0) fill=MUTED>{percent(v)}</text>
            }
        })
        .collect_view();
    let band_views = groups
        .iter()
        .zip(&categories)
        .map(|(g, c)| {
            let b = g.band;
            view! {
                <rect class="band" x=format!("{:.1}", b.x) y=format!("{:.1}", b.y) width=format!("{:.1}", b.w) height=format!("{:.1}", b.h)
                    fill="#d5f0dd" stroke="#1e7a3c" stroke-width="1" stroke-dasharray="4 3" data-category=c.name.clone()
                    data-low=num(c.band.0) data-high=num(c.band.1)/>
            }
        })
        .collect_view();
    let heads = groups
        .iter()
        .zip(&categories)
        .map(|(g, c)| {
            view! {
                <text class="group-head" x="4" y=format!("{:.1}", g.head_top + 18.0) font-size=num(fs) fill=INK>
                    <tspan font-weight="700">{c.name.clone()}</tspan>
                    <tspan class="band-note" fill=MUTED>{format!("  healthy {}", percent_range(c.band.0, c.band.1))}</tspan>
                </text>
            }
        })
        .collect_view();
    let bars = groups
        .iter()
        .zip(&categories)
        .enumerate()
        .map(|(gi, (g, c))| {
            series
                .iter()
                .enumerate()
                .map(|(si, s)| {
                    let (Some(bar), Some(&mid)) = (g.bars.get(si), g.rows.get(si)) else {
                        return ().into_any();
                    };
                    let count = s.counts.get(gi).copied().unwrap_or(0);
                    let share = s.shares.get(gi).copied().unwrap_or(0.0);
                    let current = si == last;
                    let opacity = if current || last == 0 {
                        1.0
                    } else {
                        0.55 + 0.35 * si as f64 / last as f64
                    };
                    // A share of nobody is no share at all.
                    let text = if s.total() == 0 {
                        "0".to_string()
                    } else {
                        format!("{count} · {}", percent(share))
                    };
                    let tip = format!(
                        "{}, {}: {count} of {} {counted} ({})",
                        c.name,
                        s.label,
                        s.total(),
                        percent(share)
                    );
                    let fill = if current { PALETTE[0].to_string() } else { hatch_fill.clone() };
                    let class = if current { "bar current" } else { "bar past" };
                    view! {
                        <text class="row-label" class:current=current x=format!("{:.1}", layout.left - 8.0) y=format!("{:.1}", mid + fs * 0.35)
                            text-anchor="end" font-size=num(fs - 1.0) font-weight=if current { "600" } else { "400" } fill=if current { INK } else { MUTED }>{s.label.clone()}</text>
                        <rect class=class x=format!("{:.1}", bar.x) y=format!("{:.1}", bar.y) width=format!("{:.1}", bar.w) height=format!("{:.1}", bar.h)
                            fill=fill stroke=PALETTE[0] stroke-width="1" opacity=num(opacity)
                            data-category=c.name.clone() data-series=s.key.clone() data-value=num(share) data-count=count.to_string()>
                            <title>{tip}</title>
                        </rect>
                        <text class="bar-label" x=format!("{:.1}", bar.x + bar.w + 6.0) y=format!("{:.1}", mid + fs * 0.35)
                            font-size=num(fs - 1.0) font-weight=if current { "600" } else { "400" } fill=INK
                            stroke="#ffffff" stroke-width="3" paint-order="stroke" stroke-linejoin="round">{text}</text>
                    }
                    .into_any()
                })
                .collect_view()
        })
        .collect_view();
    // The legend: the band, the solid bar, the hatched bars.
    let legend_y = bottom + 46.0;
    let mut legend_items: Vec<(&'static str, String)> = vec![("band", "Healthy range".to_string())];
    if let Some(s) = series.last() {
        legend_items.push(("current", s.label.clone()));
    }
    if series.len() > 1 {
        legend_items.push(("past", earlier.clone()));
    }
    let mut lx = 4.0;
    let mut ly = legend_y;
    let legend = legend_items
        .into_iter()
        .map(|(kind, text)| {
            let item_w = 24.0 + text_width(&text, fs - 1.0) + 16.0;
            if lx > 4.0 && lx + item_w > w {
                lx = 4.0;
                ly += 22.0;
            }
            let (x, y) = (lx, ly);
            lx += item_w;
            let swatch = match kind {
                "band" => view! { <rect class="band" x=format!("{x:.1}") y=format!("{:.1}", y - 11.0) width="18" height="14" fill="#d5f0dd" stroke="#1e7a3c" stroke-width="1" stroke-dasharray="4 3"/> }.into_any(),
                "current" => view! { <rect class="bar current" x=format!("{x:.1}") y=format!("{:.1}", y - 11.0) width="18" height="14" fill=PALETTE[0] stroke=PALETTE[0] stroke-width="1"/> }.into_any(),
                _ => view! { <rect class="bar past" x=format!("{x:.1}") y=format!("{:.1}", y - 11.0) width="18" height="14" fill=hatch_fill.clone() stroke=PALETTE[0] stroke-width="1" opacity="0.75"/> }.into_any(),
            };
            view! {
                {swatch}
                <text class="legend" x=format!("{:.1}", x + 24.0) y=format!("{y:.1}") font-size=num(fs - 1.0) fill=INK>{text}</text>
            }
        })
        .collect_view();
    let h = ly + 10.0;
    // The text alternative: every number the bars show, and the bands.
    let mut desc: Vec<String> = series
        .iter()
        .map(|s| {
            let total = s.total();
            if total == 0 {
                return format!("{}: no {counted}.", s.label);
            }
            let parts: Vec<String> = categories
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    format!(
                        "{} {} ({})",
                        c.name,
                        s.counts.get(i).copied().unwrap_or(0),
                        percent(s.shares.get(i).copied().unwrap_or(0.0))
                    )
                })
                .collect();
            format!("{}: {} of {total} {counted}.", s.label, parts.join(", "))
        })
        .collect();
    desc.push(format!(
        "Healthy ranges: {}.",
        categories
            .iter()
            .map(|c| format!("{} {}", c.name, percent_range(c.band.0, c.band.1)))
            .collect::<Vec<_>>()
            .join(", ")
    ));
    let mut headers = vec![series_heading];
    headers.extend(categories.iter().map(|c| c.name.clone()));
    headers.push(format!("All {counted}"));
    let table = TableData {
        headers,
        rows: series
            .iter()
            .rev()
            .map(|s| {
                let mut r = vec![s.label.clone()];
                r.extend((0..categories.len()).map(|i| {
                    let n = s.counts.get(i).copied().unwrap_or(0);
                    if s.total() == 0 {
                        n.to_string()
                    } else {
                        format!("{n} ({})", percent(s.shares.get(i).copied().unwrap_or(0.0)))
                    }
                }));
                r.push(s.total().to_string());
                r
            })
            .collect(),
    };
    let svg = view! {
        <svg id=id.clone() xmlns=SVG_NS class="band-chart" viewBox=format!("0 0 {w} {h:.1}") role="img" aria-labelledby=labelled_by aria-describedby=described_by
            font-family=FONT>
            <title id=title_id>{title.clone()}</title>
            <desc id=desc_id>{desc.join(" ")}</desc>
            <defs>
                <pattern id=hatch_id patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
                    <rect class="hatch-bg" width="6" height="6" fill=PALETTE[0] fill-opacity="0.2"/>
                    <line class="hatch-line" x1="1.5" y1="0" x2="1.5" y2="6" stroke=PALETTE[0] stroke-width="2.5"/>
                </pattern>
            </defs>
            <g class="bands">{band_views}</g>
            <g class="grid">{ticks}</g>
            <g class="heads">{heads}</g>
            <g class="bars">{bars}</g>
            <g class="legend">{legend}</g>
        </svg>
    }
    .into_any();
    frame(title, about, id, (w, h), svg, table, true)
}
