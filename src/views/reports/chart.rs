//! A bar chart with a rolling-average line and a target line, as plain SVG built with maud. The
//! page shows a table of the same numbers beside it.

use maud::{html, Markup};

pub struct WeeklyChart<'a> {
    pub id: &'a str,
    pub title: String,
    pub description: String,
    /// The label under each bar.
    pub labels: Vec<String>,
    pub bars: Vec<f64>,
    pub line: Vec<Option<f64>>,
    pub target: f64,
    pub bar_label: String,
    pub line_label: String,
    pub target_label: String,
}

const W: f64 = 640.0;
const H: f64 = 260.0;
const LEFT: f64 = 36.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 40.0;

/// The top of the y axis: a whole number above every value and the target.
pub fn axis_max(values: &[f64], target: f64) -> f64 {
    let top = values.iter().copied().fold(target, f64::max);
    (top + 1.0).ceil().max(1.0)
}

fn f(v: f64) -> String {
    format!("{v:.1}")
}

pub fn render(c: &WeeklyChart<'_>) -> Markup {
    let n = c.bars.len().max(1) as f64;
    let plot_w = W - LEFT - RIGHT;
    let plot_h = H - TOP - BOTTOM;
    let line_values: Vec<f64> = c.line.iter().flatten().copied().collect();
    let max = axis_max(&[c.bars.clone(), line_values].concat(), c.target);
    let y = |v: f64| TOP + plot_h - v / max * plot_h;
    let slot = plot_w / n;
    let x_mid = |i: usize| LEFT + slot * (i as f64 + 0.5);
    let step = if max > 12.0 { (max / 6.0).ceil() } else { 2.0 };
    let ticks: Vec<f64> = (0..)
        .map(|i| i as f64 * step)
        .take_while(|t| *t <= max)
        .collect();
    let points: String = c
        .line
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.map(|v| format!("{},{}", f(x_mid(i)), f(y(v)))))
        .collect::<Vec<_>>()
        .join(" ");
    let title_id = format!("{}-title", c.id);
    let desc_id = format!("{}-desc", c.id);
    html! {
        svg.chart xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {W} {H}"))
            role="img" aria-labelledby=(format!("{title_id} {desc_id}")) {
            title id=(title_id) { (c.title) }
            desc id=(desc_id) { (c.description) }
            g.axis {
                @for t in &ticks {
                    line x1=(f(LEFT)) x2=(f(W - RIGHT)) y1=(f(y(*t))) y2=(f(y(*t))) class="grid" {}
                    text x=(f(LEFT - 6.0)) y=(f(y(*t) + 4.0)) text-anchor="end" { (t) }
                }
            }
            g.bars {
                @for (i, v) in c.bars.iter().enumerate() {
                    rect x=(f(LEFT + slot * i as f64 + slot * 0.15)) y=(f(y(*v))) width=(f(slot * 0.7))
                        height=(f((TOP + plot_h - y(*v)).max(0.0))) class="bar" {}
                    text x=(f(x_mid(i))) y=(f(H - BOTTOM + 16.0)) text-anchor="middle" class="label" { (c.labels.get(i).map(String::as_str).unwrap_or("")) }
                }
            }
            line x1=(f(LEFT)) x2=(f(W - RIGHT)) y1=(f(y(c.target))) y2=(f(y(c.target))) class="target" {}
            @if !points.is_empty() {
                polyline points=(points) class="rolling" {}
                @for (i, v) in c.line.iter().enumerate() {
                    @if let Some(v) = v {
                        circle cx=(f(x_mid(i))) cy=(f(y(*v))) r="3.5" class="rolling-point" {}
                    }
                }
            }
            g.legend {
                rect x=(f(LEFT)) y=(f(H - 14.0)) width="12" height="10" class="bar" {}
                text x=(f(LEFT + 16.0)) y=(f(H - 5.0)) { (c.bar_label) }
                line x1=(f(LEFT + 210.0)) x2=(f(LEFT + 232.0)) y1=(f(H - 9.0)) y2=(f(H - 9.0)) class="rolling" {}
                circle cx=(f(LEFT + 221.0)) cy=(f(H - 9.0)) r="3.5" class="rolling-point" {}
                text x=(f(LEFT + 238.0)) y=(f(H - 5.0)) { (c.line_label) }
                line x1=(f(LEFT + 420.0)) x2=(f(LEFT + 442.0)) y1=(f(H - 9.0)) y2=(f(H - 9.0)) class="target" {}
                text x=(f(LEFT + 448.0)) y=(f(H - 5.0)) { (c.target_label) }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_leaves_room_above_values_and_target() {
        assert_eq!(axis_max(&[2.0, 3.5], 6.0), 7.0);
        assert_eq!(axis_max(&[9.2], 6.0), 11.0);
        assert_eq!(axis_max(&[], 0.0), 1.0);
    }

    #[test]
    fn chart_is_an_image_with_title_and_description() {
        let svg = render(&WeeklyChart {
            id: "f2f",
            title: "T".into(),
            description: "D".into(),
            labels: vec!["1.1.".into(), "8.1.".into()],
            bars: vec![4.0, 7.0],
            line: vec![None, Some(5.5)],
            target: 6.0,
            bar_label: "b".into(),
            line_label: "l".into(),
            target_label: "t".into(),
        })
        .into_string();
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("aria-labelledby=\"f2f-title f2f-desc\""));
        assert!(svg.contains("<title id=\"f2f-title\">T</title>"));
        assert_eq!(svg.matches("class=\"bar\"").count(), 3);
    }
}
