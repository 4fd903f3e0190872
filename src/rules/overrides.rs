//! Per-site overrides: the site kind (区县/部门/门户), columns pinned to a URL when anchor
//! matching cannot find them, and checks that do not apply to this site.
//!
//! ```toml
//! [site."www.x.gov.cn"]
//! kind = "部门"
//! not_applicable = ["ZW-P14"]
//! [site."www.x.gov.cn".columns]
//! 预算决算 = "/zwgk/czzj/"
//! ```

use super::error::{RuleError, from_toml, invalid, quote_bare_keys};
use serde::Deserialize;
use std::collections::BTreeMap;

/// Site kinds a pack's `applies_to` may name.
pub const SITE_KINDS: &[&str] = &["区县", "部门", "门户"];

/// Overrides for one site.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteOverrides {
    /// 区县 / 部门 / 门户
    #[serde(default)]
    pub kind: Option<String>,
    /// canonical column name → URL or path pinned
    #[serde(default)]
    pub columns: BTreeMap<String, String>,
    /// check IDs that do not apply to this site
    #[serde(default)]
    pub not_applicable: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OverridesFile {
    #[serde(default)]
    site: BTreeMap<String, SiteOverrides>,
}

/// Parse an overrides file and return the entry for `host` (default when absent).
pub fn load_overrides(toml_text: &str, host: &str) -> Result<SiteOverrides, RuleError> {
    let file = "overrides";
    let quoted = quote_bare_keys(toml_text);
    let toml_text = quoted.as_str();
    let f: OverridesFile = toml::from_str(toml_text).map_err(|e| from_toml(file, toml_text, &e))?;
    for (h, o) in &f.site {
        if let Some(k) = &o.kind
            && !SITE_KINDS.contains(&k.as_str())
        {
            let span = toml_text.find(&format!("\"{k}\"")).map(|s| s..s + k.len());
            return Err(invalid(
                file,
                toml_text,
                span,
                format!("site `{h}`: unknown kind `{k}` (expected one of 区县, 部门, 门户)"),
            ));
        }
    }
    let host = host.trim().to_ascii_lowercase();
    Ok(f.site
        .into_iter()
        .find(|(h, _)| h.to_ascii_lowercase() == host)
        .map(|(_, o)| o)
        .unwrap_or_default())
}

/// The site kind: from the overrides, else what the site says of itself (SiteName,
/// title, 主办单位: see [`super::identity`]), else inferred from the host name as the
/// 《政府网站发展指引》 names them (门户 `www.□□□.gov.cn`, 部门 `○○○.□□□.gov.cn`).
/// The flag is true when the kind was not set by the user.
pub fn site_kind(overrides: &SiteOverrides, host: &str, stated: Option<&str>) -> (String, bool) {
    if let Some(k) = &overrides.kind {
        return (k.clone(), false);
    }
    if let Some(k) = stated {
        return (k.to_string(), true);
    }
    let k = if host.starts_with("www.") {
        "门户"
    } else {
        "部门"
    };
    (k.to_string(), true)
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: &str = r#"
[site."www.x.gov.cn"]
kind = "部门"
not_applicable = ["ZW-P14"]
[site."www.x.gov.cn".columns]
预算决算 = "/zwgk/czzj/"
"#;

    #[test]
    fn parses_the_entry_for_the_host() {
        let o = load_overrides(T, "WWW.X.GOV.CN").unwrap();
        assert_eq!(o.kind.as_deref(), Some("部门"));
        assert_eq!(
            o.columns.get("预算决算").map(String::as_str),
            Some("/zwgk/czzj/")
        );
        assert_eq!(o.not_applicable, vec!["ZW-P14".to_string()]);
        assert_eq!(
            load_overrides(T, "other.gov.cn").unwrap(),
            SiteOverrides::default()
        );
    }

    #[test]
    fn rejects_unknown_kinds_and_fields_with_position() {
        let e = load_overrides("[site.\"a\"]\nkind = \"省级\"\n", "a")
            .unwrap_err()
            .to_string();
        assert!(e.contains(":2:") && e.contains("unknown kind"), "{e}");
        let e = load_overrides("[site.\"a\"]\nkindd = \"部门\"\n", "a")
            .unwrap_err()
            .to_string();
        assert!(e.contains("overrides:2:"), "{e}");
    }

    #[test]
    fn infers_kind_from_host() {
        let o = SiteOverrides::default();
        assert_eq!(site_kind(&o, "www.cqyz.gov.cn", None).0, "门户");
        assert_eq!(site_kind(&o, "whlyw.cq.gov.cn", None).0, "部门");
    }
}
