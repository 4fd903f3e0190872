//! Parsing the names of library enums (`--lang zh`, `--format md`, a config file's
//! `external = "skip"`): one error type for a name that is not one of the known values.

/// A name that is not one of a setting's values.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} {value:?} (expected one of: {})", .expected.join(", "))]
pub struct UnknownName {
    /// what was being named, e.g. `language`
    pub what: &'static str,
    pub value: String,
    pub expected: Vec<&'static str>,
}

/// Look `s` up (ASCII case-insensitively) among `(name, value)` pairs.
pub fn parse_name<T: Copy>(
    what: &'static str,
    s: &str,
    table: &'static [(&'static str, T)],
) -> Result<T, UnknownName> {
    table
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(s.trim()))
        .map(|(_, v)| *v)
        .ok_or_else(|| UnknownName {
            what,
            value: s.to_string(),
            expected: table.iter().map(|(n, _)| *n).collect(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_names_parse_and_unknown_ones_say_what_is_expected() {
        const T: &[(&str, u8)] = &[("zh", 0), ("en", 1)];
        assert_eq!(parse_name("language", "EN", T), Ok(1));
        let e = parse_name("language", "fr", T).unwrap_err();
        assert_eq!(
            e.to_string(),
            "unknown language \"fr\" (expected one of: zh, en)"
        );
    }
}
