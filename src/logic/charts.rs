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
