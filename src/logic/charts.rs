//! Geometry for the small SVG charts: where a radar's points go, and how a line chart maps
//! values to its drawing area. Pure arithmetic, so the numbers the charts draw are tested on
//! the host.

/// A point in SVG user units (y grows downwards).
pub type Point = (f64, f64);

/// A radar's centre, radius and number of axes. Axis 0 points straight up; the others follow
/// clockwise at equal angles.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Radar {
    pub cx: f64,
    pub cy: f64,
    pub radius: f64,
    pub axes: usize,
}

impl Radar {
    /// The angle of axis `i` in radians, measured from "up", clockwise.
    fn angle(&self, i: usize) -> f64 {
        if self.axes == 0 {
            return 0.0;
        }
        std::f64::consts::TAU * i as f64 / self.axes as f64
    }

    /// The point on axis `i` at `value` out of `max` (clamped to 0..=max; 0 is the centre).
    pub fn point(&self, i: usize, value: f64, max: f64) -> Point {
        let share = if max > 0.0 && value.is_finite() {
            (value / max).clamp(0.0, 1.0)
        } else {
            0.0
        };
        let r = self.radius * share;
        let a = self.angle(i);
        (self.cx + r * a.sin(), self.cy - r * a.cos())
    }

    /// The end of axis `i` (at the full radius).
    pub fn axis_end(&self, i: usize) -> Point {
        self.point(i, 1.0, 1.0)
    }

    /// Where axis `i`'s label goes: a little beyond its end.
    pub fn label_at(&self, i: usize, gap: f64) -> Point {
        let a = self.angle(i);
        let r = self.radius + gap;
        (self.cx + r * a.sin(), self.cy - r * a.cos())
    }

    /// How a label at axis `i` is anchored: "start" on the right half, "end" on the left,
    /// "middle" at the top and bottom.
    pub fn label_anchor(&self, i: usize) -> &'static str {
        let x = self.angle(i).sin();
        if x > 0.2 {
            "start"
        } else if x < -0.2 {
            "end"
        } else {
            "middle"
        }
    }

    /// Where the label of ring `ring` (of `rings`, one per level) goes: halfway between axis 0
    /// and axis 1, on the ring's edge, so it never sits on a data point (those are all on the
    /// axes). `None` when that spot is nearer than `clearance` to a point a value could take,
    /// as the inner rings of a radar with many axes and levels are.
    pub fn ring_label_at(&self, ring: usize, rings: usize, clearance: f64) -> Option<Point> {
        if rings == 0 || self.axes == 0 {
            return None;
        }
        let half = std::f64::consts::PI / self.axes as f64;
        let share = (ring as f64 / rings as f64).clamp(0.0, 1.0);
        // A polygon's edge is nearer the centre than its corners; a ring of two axes is a line.
        let r = self.radius * share * if self.axes >= 3 { half.cos() } else { 1.0 };
        let at = (self.cx + r * half.sin(), self.cy - r * half.cos());
        let crowded = (0..self.axes).any(|i| {
            (1..=rings).any(|level| {
                let p = self.point(i, level as f64, rings as f64);
                ((p.0 - at.0).powi(2) + (p.1 - at.1).powi(2)).sqrt() < clearance
            })
        });
        (!crowded).then_some(at)
    }

    /// The polygon through each axis at its value.
    pub fn polygon(&self, values: &[f64], max: f64) -> Vec<Point> {
        values
            .iter()
            .enumerate()
            .map(|(i, v)| self.point(i, *v, max))
            .collect()
    }

    /// The ring at `value` out of `max`: one point on every axis.
    pub fn ring(&self, value: f64, max: f64) -> Vec<Point> {
        (0..self.axes).map(|i| self.point(i, value, max)).collect()
    }
}

/// A linear map from a value range onto a drawing range (either may run backwards, as the y
/// axis does). An empty value range maps everything to the middle.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    pub from: (f64, f64),
    pub to: (f64, f64),
}

impl Scale {
    pub fn new(from: (f64, f64), to: (f64, f64)) -> Self {
        Scale { from, to }
    }

    pub fn at(&self, v: f64) -> f64 {
        let span = self.from.1 - self.from.0;
        if span.abs() < f64::EPSILON || !v.is_finite() {
            return (self.to.0 + self.to.1) / 2.0;
        }
        self.to.0 + (v - self.from.0) / span * (self.to.1 - self.to.0)
    }
}

/// A line chart's drawing area inside a `width` × `height` view box, with room for axis
/// labels on the left and bottom.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Plot {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl Plot {
    /// Scales for x values in `xs` and y values in `ys` onto this area (y upwards).
    pub fn scales(&self, xs: (f64, f64), ys: (f64, f64)) -> (Scale, Scale) {
        (
            Scale::new(xs, (self.left, self.right)),
            Scale::new(ys, (self.bottom, self.top)),
        )
    }
}

/// Points as an SVG `points` attribute: "x,y x,y" with one decimal.
pub fn points_attr(points: &[Point]) -> String {
    points
        .iter()
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A number as charts write it: whole numbers bare, others with one decimal ("3", "3.5").
pub fn num(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if (r - r.round()).abs() < 1e-9 {
        format!("{}", r.round() as i64)
    } else {
        format!("{r:.1}")
    }
}

/// Splits a label into lines of at most `width` characters at spaces (a longer single word
/// keeps its own line).
pub fn wrap_label(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// At most `max` indices out of `0..n`, evenly spread, always with the first and the last
/// (for axis labels that must not crowd each other).
pub fn spread_ticks(n: usize, max: usize) -> Vec<usize> {
    if n == 0 || max == 0 {
        return Vec::new();
    }
    if n <= max || max == 1 {
        return if max == 1 { vec![0] } else { (0..n).collect() };
    }
    let mut out: Vec<usize> = (0..max)
        .map(|k| ((k as f64) * ((n - 1) as f64) / ((max - 1) as f64)).round() as usize)
        .collect();
    out.dedup();
    out
}

/// A rough width of `text` drawn at `font_size` (an average glyph is a little over half the
/// font size wide; digits and capitals in the usual sans-serif fonts fit under 0.62).
pub fn text_width(text: &str, font_size: f64) -> f64 {
    text.chars().count() as f64 * font_size * 0.62
}

/// Which labels, centred at `positions` (left to right) and `widths` wide, can be drawn with
/// at least `gap` between neighbours: always the first, the last when it has room (dropping
/// the ones just before it if need be), and in between each one that clears the one before.
pub fn ticks_that_fit(positions: &[f64], widths: &[f64], gap: f64) -> Vec<usize> {
    let n = positions.len().min(widths.len());
    if n == 0 {
        return Vec::new();
    }
    let right = |i: usize| positions[i] + widths[i] / 2.0;
    let left = |i: usize| positions[i] - widths[i] / 2.0;
    let clears = |a: usize, b: usize| left(b) - right(a) >= gap;
    let mut kept = vec![0];
    for i in 1..n.saturating_sub(1) {
        if kept.last().is_some_and(|&k| clears(k, i)) {
            kept.push(i);
        }
    }
    let last = n - 1;
    if last > 0 {
        while kept.len() > 1 && kept.last().is_some_and(|&k| !clears(k, last)) {
            kept.pop();
        }
        if kept.last().is_some_and(|&k| clears(k, last)) {
            kept.push(last);
        }
    }
    kept
}

/// The x-axis labels a line chart draws: at most `max`, evenly spread, then thinned so that
/// no two (at `font_size`, centred at `positions`) touch. Indices into `labels`.
pub fn axis_ticks(positions: &[f64], labels: &[String], font_size: f64, max: usize) -> Vec<usize> {
    let picked = spread_ticks(positions.len().min(labels.len()), max);
    let at: Vec<f64> = picked.iter().map(|&i| positions[i]).collect();
    let widths: Vec<f64> = picked
        .iter()
        .map(|&i| text_width(&labels[i], font_size))
        .collect();
    ticks_that_fit(&at, &widths, font_size * 0.8)
        .into_iter()
        .map(|k| picked[k])
        .collect()
}

/// `text` with every `<!-- … -->` comment taken out (the markers a page's renderer leaves in
/// a chart's markup mean nothing in a saved file).
pub fn strip_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        match rest[start + 4..].find("-->") {
            Some(end) => rest = &rest[start + 4 + end + 3..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// `text` safe inside an XML element or attribute.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// The type size of a saved chart's heading, in view-box units.
pub const HEADING_FONT: f64 = 15.0;

/// A chart as a file of its own: the chart's markup (`inner`, drawn in a `width` × `height`
/// view box) moved down under a visible heading — `title` on the first line(s), `byline` (whom
/// it is about, and when) under it — with comments stripped.
pub fn svg_document(
    inner: &str,
    width: f64,
    height: f64,
    title: &str,
    byline: &str,
    font: &str,
) -> String {
    let per_line = ((width - 8.0) / (HEADING_FONT * 0.6)).floor().max(10.0) as usize;
    let mut heading: Vec<(String, bool)> = wrap_label(title, per_line)
        .into_iter()
        .map(|l| (l, true))
        .collect();
    heading.extend(wrap_label(byline, per_line).into_iter().map(|l| (l, false)));
    let lh = HEADING_FONT + 4.0;
    let band = heading.len() as f64 * lh + 10.0;
    let total = height + band;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {t}\" width=\"{w}\" height=\"{t}\" font-family=\"{f}\">",
        w = num(width),
        t = num(total),
        f = xml_escape(font),
    );
    out.push_str(&format!(
        "<title>{}</title>",
        xml_escape(&format!("{title} — {byline}"))
    ));
    out.push_str(&format!(
        "<rect width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>",
        num(width),
        num(total)
    ));
    for (i, (line, strong)) in heading.iter().enumerate() {
        let y = lh * (i as f64 + 1.0);
        let (weight, fill) = if *strong {
            ("600", "#1d2126")
        } else {
            ("400", "#5b6470")
        };
        out.push_str(&format!(
            "<text class=\"saved-heading\" x=\"4\" y=\"{}\" font-size=\"{}\" font-weight=\"{weight}\" fill=\"{fill}\">{}</text>",
            num(y),
            num(HEADING_FONT),
            xml_escape(line)
        ));
    }
    out.push_str(&format!("<g transform=\"translate(0 {})\">", num(band)));
    out.push_str(&strip_comments(inner));
    out.push_str("</g></svg>");
    out
}

/// A rectangle in SVG user units: its top-left corner, width and height.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// Horizontal bars of shares (0–100 %) in groups — one group per category, one row per
/// series in every group — with each group's healthy band drawn behind its rows.
///
/// Each group takes a heading line (`head` high), then one row (`row` high, its bar `bar`
/// thick, centred) per series; groups are `gap` apart. The share axis runs from `left` (0 %)
/// to `right` (100 %).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BandLayout {
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub head: f64,
    pub row: f64,
    pub bar: f64,
    pub gap: f64,
}

/// Where one group of a band chart is drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct BandGroup {
    /// The top of the group's heading line.
    pub head_top: f64,
    /// The healthy band: from its low share to its high share, over all the group's rows.
    pub band: Rect,
    /// One bar per series, top to bottom.
    pub bars: Vec<Rect>,
    /// The middle of each row (where its label sits).
    pub rows: Vec<f64>,
}

impl BandLayout {
    /// Shares in percent onto the drawing (clamped to 0–100).
    pub fn scale(&self) -> Scale {
        Scale::new((0.0, 100.0), (self.left, self.right))
    }

    /// The x of a share, clamped to the axis (anything not a number is 0 %).
    pub fn x_of(&self, share: f64) -> f64 {
        let share = if share.is_finite() {
            share.clamp(0.0, 100.0)
        } else {
            0.0
        };
        self.scale().at(share)
    }

    /// The height one group takes with `rows` rows (without the gap after it).
    pub fn group_height(&self, rows: usize) -> f64 {
        self.head + self.row * rows as f64
    }

    /// The bottom of the last group, for `groups` groups of `rows` rows.
    pub fn bottom(&self, groups: usize, rows: usize) -> f64 {
        if groups == 0 {
            return self.top;
        }
        self.top
            + self.group_height(rows) * groups as f64
            + self.gap * (groups.saturating_sub(1)) as f64
    }

    /// The groups' geometry: `bands[g]` is group `g`'s healthy band `(low, high)` in percent,
    /// `shares[g][s]` the share of series `s` in group `g`. A group without a band entry gets
    /// an empty band at 0 %; every group has as many rows as the longest list of shares.
    pub fn groups(&self, bands: &[(f64, f64)], shares: &[Vec<f64>]) -> Vec<BandGroup> {
        let rows = shares.iter().map(Vec::len).max().unwrap_or(0);
        let pad = (self.row - self.bar) / 2.0;
        shares
            .iter()
            .enumerate()
            .map(|(g, values)| {
                let head_top = self.top + (self.group_height(rows) + self.gap) * g as f64;
                let rows_top = head_top + self.head;
                let (lo, hi) = bands.get(g).copied().unwrap_or((0.0, 0.0));
                let (x0, x1) = (self.x_of(lo.min(hi)), self.x_of(lo.max(hi)));
                let band = Rect {
                    x: x0,
                    y: rows_top,
                    w: x1 - x0,
                    h: self.row * rows as f64,
                };
                let bars = (0..rows)
                    .map(|s| Rect {
                        x: self.left,
                        y: rows_top + self.row * s as f64 + pad,
                        w: self.x_of(values.get(s).copied().unwrap_or(0.0)) - self.left,
                        h: self.bar,
                    })
                    .collect();
                let middles = (0..rows)
                    .map(|s| rows_top + self.row * (s as f64 + 0.5))
                    .collect();
                BandGroup {
                    head_top,
                    band,
                    bars,
                    rows: middles,
                }
            })
            .collect()
    }
}

/// A share in percent as charts write it ("50 %", "33.3 %").
pub fn percent(v: f64) -> String {
    format!("{} %", num(v))
}

/// A band of shares in words: "60–70 %", or "under 10 %" for a band that starts at nothing.
pub fn percent_range(low: f64, high: f64) -> String {
    if low <= 0.0 {
        format!("under {}", percent(high))
    } else {
        format!("{}–{}", num(low), percent(high))
    }
}
