//! The template engine of the reports: a minijinja environment with zwgk's syntax
//! (trimmed blocks), HTML auto-escaping for `.html.j2` templates that leaves `/` alone, and
//! the shared filters `md` (inline Markdown), `mdurl` (link destination) and `n`
//! (`{n}` placeholders).

use crate::escape::{html_escape, md_inline, md_url};

/// A template environment with the shared filters; templates are embedded in the binary.
pub fn environment() -> Result<minijinja::Environment<'static>, minijinja::Error> {
    let mut env = minijinja::Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.set_syntax(
        minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .keep_trailing_newline(true)
            .build()?,
    );
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".html.j2") || name.ends_with(".html") {
            minijinja::AutoEscape::Html
        } else {
            minijinja::AutoEscape::None
        }
    });
    // HTML-escape `& < > " '` only (minijinja also escapes `/`, which makes every URL
    // unreadable in the source and the snapshots)
    env.set_formatter(|out, state, value| {
        if matches!(state.auto_escape(), minijinja::AutoEscape::Html)
            && !value.is_safe()
            && !value.is_none()
            && !value.is_undefined()
        {
            let text = match value.as_str() {
                Some(s) => html_escape(s),
                None => html_escape(&value.to_string()),
            };
            out.write_str(&text).map_err(minijinja::Error::from)
        } else {
            minijinja::escape_formatter(out, state, value)
        }
    });
    env.add_filter("md", |s: String| md_inline(&s));
    env.add_filter("mdurl", |s: String| md_url(&s));
    env.add_filter("n", |template: String, n: usize| {
        template.replace("{n}", &n.to_string())
    });
    Ok(env)
}
