//! Errors of rule loading: every message names the file, the line/column and what is wrong.

use thiserror::Error;

/// A rule pack, alias table, calendar or override file could not be used.
#[derive(Debug, Error)]
pub enum RuleError {
    /// The file is not valid TOML or does not have the expected shape.
    #[error("{file}:{line}:{column}: {message}")]
    Parse {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// The file parsed but a rule is invalid (unknown kind, duplicate ID, missing office …).
    #[error("{file}:{line}:{column}: {message}")]
    Invalid {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// A selector is neither a built-in pack name nor a readable file.
    #[error(
        "unknown rule pack `{0}` (built-in packs: cq-wlw-2021, gov-2019; or give a path to a .toml file)"
    )]
    UnknownPack(String),
    /// Reading a rule file failed.
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// 1-based line and column of a byte offset in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before
        .rfind('\n')
        .map(|i| before[i + 1..].chars().count())
        .unwrap_or_else(|| before.chars().count())
        + 1;
    (line, col)
}

/// Turn a toml error into [`RuleError::Parse`] with line and column.
pub fn from_toml(file: &str, text: &str, err: &toml::de::Error) -> RuleError {
    let (line, column) = err
        .span()
        .map(|s| line_col(text, s.start))
        .unwrap_or((1, 1));
    RuleError::Parse {
        file: file.to_string(),
        line,
        column,
        message: err.message().trim().to_string(),
    }
}

/// An [`RuleError::Invalid`] at a byte span.
pub fn invalid(
    file: &str,
    text: &str,
    span: Option<std::ops::Range<usize>>,
    message: String,
) -> RuleError {
    let (line, column) = span.map(|s| line_col(text, s.start)).unwrap_or((1, 1));
    RuleError::Invalid {
        file: file.to_string(),
        line,
        column,
        message,
    }
}

/// Quote bare keys with non-ASCII characters (`预算决算 = "/x/"` → `"预算决算" = "/x/"`), as
/// TOML 1.1 allows them but the parser follows TOML 1.0. Lines keep their numbers.
pub fn quote_bare_keys(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        let key_end = trimmed.find('=');
        let quoted = match key_end {
            Some(k) => {
                let key = trimmed[..k].trim_end();
                let plain = !key.is_empty()
                    && !key.starts_with(['"', '\'', '[', '#'])
                    && !key.contains(['"', '\'', '.', ' '])
                    && !key.is_ascii();
                plain.then(|| format!("{indent}\"{key}\"{}", &trimmed[key.len()..]))
            }
            None => None,
        };
        out.push_str(quoted.as_deref().unwrap_or(line));
    }
    out
}
