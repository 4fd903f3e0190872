//! `report.md`: the report as Markdown for e-mail, wikis and CI job summaries. Same content
//! as the HTML report (charts become count tables); every text is escaped for Markdown
//! (`|` and line breaks in table cells included).

use super::FormatError;
use crate::report::Report;
use crate::report::templates::environment;
use crate::report::view::view;

/// The Markdown template (embedded).
pub const TEMPLATE: &str = include_str!("templates/report.md.j2");

/// Render `report.md`.
pub fn render(report: &Report) -> Result<String, FormatError> {
    let mut env = environment()?;
    env.add_template("report.md.j2", TEMPLATE)?;
    let v = view(report);
    let out = env
        .get_template("report.md.j2")?
        .render(minijinja::context! { v => minijinja::value::Serde(&v) })?;
    Ok(tidy(&out))
}

/// Collapse runs of blank lines left by template conditionals.
fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = 0;
    for line in s.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}
