//! `report.html`: one self-contained file (inline CSS, inline SVG charts, no script, no
//! external font or image) that opens from disk and prints well. Chinese by default, English
//! when the report's language is English. All text is HTML-escaped by the template engine;
//! the charts are built here with every label escaped.

use super::FormatError;
use crate::escape::html_escape;
use crate::report::Report;
use crate::report::templates::environment;
use crate::report::view::{Counts, view};
use std::fmt::Write;

/// The HTML template (embedded).
pub const TEMPLATE: &str = include_str!("templates/report.html.j2");

/// Colours of the statuses (fail, warn, pass, not applicable): readable on white and in
/// greyscale print (decreasing darkness).
const COLOURS: [(&str, &str); 4] = [
    ("fail", "#b3261e"),
    ("warn", "#c77800"),
    ("pass", "#2e7d32"),
    ("na", "#9e9e9e"),
];

/// Render `report.html`.
pub fn render(report: &Report) -> Result<String, FormatError> {
    let mut env = environment()?;
    env.add_template("report.html.j2", TEMPLATE)?;
    let v = view(report);
    let t = &v.t;
    let legend = [t["fail"], t["warn"], t["pass"], t["na"]];
    let office_chart = bar_chart(
        "chart-office",
        t["chart_office"],
        &v.by_office,
        &legend,
        t["checks_count"],
    );
    let severity_chart = bar_chart(
        "chart-severity",
        t["chart_severity"],
        &v.by_severity,
        &legend,
        t["checks_count"],
    );
    let out = env
        .get_template("report.html.j2")?
        .render(minijinja::context! {
            v => minijinja::value::Serde(&v),
            office_chart => minijinja::Value::from_safe_string(office_chart),
            severity_chart => minijinja::Value::from_safe_string(severity_chart),
        })?;
    Ok(out)
}

/// Display width of a label in pixels at 13px (CJK characters are full width).
fn text_width(s: &str) -> f64 {
    s.chars()
        .map(|c| if (c as u32) < 0x2E80 { 7.5 } else { 13.5 })
        .sum()
}

/// A horizontal stacked bar chart (fail / warn / pass / n.a. per row) as inline SVG, with a
/// title, a description listing every number (for screen readers) and a legend.
pub fn bar_chart(id: &str, title: &str, rows: &[Counts], legend: &[&str; 4], unit: &str) -> String {
    let label_w = rows
        .iter()
        .map(|r| text_width(&r.label))
        .fold(60.0_f64, f64::max)
        .min(200.0)
        + 16.0;
    let bar_w = 300.0;
    let row_h = 30.0;
    let top = 34.0;
    let width = label_w + bar_w + 40.0;
    let height = top + row_h * rows.len().max(1) as f64 + 10.0;
    let max = rows.iter().map(|r| r.total).max().unwrap_or(0).max(1) as f64;
    let mut desc = String::new();
    for r in rows {
        let _ = write!(
            desc,
            "{}: {} {}, {} {}, {} {}, {} {}. ",
            r.label, legend[0], r.fail, legend[1], r.warn, legend[2], r.pass, legend[3], r.na
        );
    }
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart" id="{id}" role="img" aria-labelledby="{id}-title {id}-desc" viewBox="0 0 {width:.0} {height:.0}" width="{width:.0}" height="{height:.0}" xmlns="http://www.w3.org/2000/svg"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
        html_escape(title),
        html_escape(desc.trim_end())
    );
    // legend
    let mut x = label_w;
    for (i, name) in legend.iter().enumerate() {
        let _ = write!(
            s,
            r#"<rect x="{x:.1}" y="8" width="12" height="12" fill="{}"/><text x="{:.1}" y="18" class="legend">{}</text>"#,
            COLOURS[i].1,
            x + 16.0,
            html_escape(name)
        );
        x += 16.0 + text_width(name) + 18.0;
    }
    if rows.is_empty() {
        let _ = write!(
            s,
            r#"<text x="{label_w:.1}" y="{:.1}" class="muted">0 {}</text>"#,
            top + 18.0,
            html_escape(unit)
        );
    }
    for (n, r) in rows.iter().enumerate() {
        let y = top + row_h * n as f64;
        let _ = write!(
            s,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="end" class="label">{}</text>"#,
            label_w - 8.0,
            y + 19.0,
            html_escape(&r.label)
        );
        let mut x = label_w;
        for (i, value) in [r.fail, r.warn, r.pass, r.na].into_iter().enumerate() {
            if value == 0 {
                continue;
            }
            let w = bar_w * value as f64 / max;
            let _ = write!(
                s,
                r#"<rect class="bar-{}" x="{x:.1}" y="{:.1}" width="{w:.1}" height="20" fill="{}"><title>{}: {} {value}</title></rect>"#,
                COLOURS[i].0,
                y + 5.0,
                COLOURS[i].1,
                html_escape(&r.label),
                html_escape(legend[i])
            );
            if w >= 18.0 {
                let _ = write!(
                    s,
                    r#"<text x="{:.1}" y="{:.1}" text-anchor="middle" class="in-bar">{value}</text>"#,
                    x + w / 2.0,
                    y + 19.0
                );
            }
            x += w;
        }
        let _ = write!(
            s,
            r#"<text x="{:.1}" y="{:.1}" class="total">{}</text>"#,
            x + 6.0,
            y + 19.0,
            r.total
        );
    }
    s.push_str("</svg>");
    s
}
