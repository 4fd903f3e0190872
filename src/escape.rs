//! Escaping text for the formats zwgk writes: inline Markdown (also inside table cells),
//! Markdown link destinations, and HTML/XML text and attribute values. The one place these
//! rules are defined; the reports, the batch index, the comparison and the demo site use
//! them.

/// Escape text for inline Markdown (also safe inside a table cell): backslash-escapes the
/// characters that would start emphasis, links, code, HTML or a table column, and turns line
/// breaks into spaces.
pub fn md_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for (i, ch) in s.trim().chars().enumerate() {
        match ch {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' => {
                out.push('\\');
                out.push(ch);
            }
            '-' | '+' | '=' if i == 0 => {
                out.push('\\');
                out.push(ch);
            }
            '\r' => {}
            '\n' => out.push(' '),
            _ => out.push(ch),
        }
    }
    // "2026. " at the start of a line would become an ordered list
    let digits = out.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 && matches!(out[digits..].chars().next(), Some('.' | ')')) {
        out.insert(digits, '\\');
    }
    out
}

/// A URL as a Markdown link destination in angle brackets (`<…>`).
pub fn md_url(s: &str) -> String {
    s.trim()
        .replace('<', "%3C")
        .replace('>', "%3E")
        .replace(' ', "%20")
        .replace(['\n', '\r'], "")
}

/// Escape text for HTML / XML (text and attribute values).
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(md_inline(" a|b\nc_d "), r"a\|b c\_d");
        assert_eq!(md_inline("2026. x"), r"2026\. x");
        assert_eq!(md_url("http://x/a b<c>"), "http://x/a%20b%3Cc%3E");
        assert_eq!(
            html_escape(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }
}
