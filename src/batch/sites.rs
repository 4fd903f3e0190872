//! Site lists: `sites.toml` (`[[site]]` tables) or CSV (`name,url,kind,resolve,connect_to`
//! with `;`-separated resolve and connect-to entries), and deterministic sharding.

use super::BatchError;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// One site to check, with optional per-site settings.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteEntry {
    pub url: String,
    #[serde(default)]
    pub name: Option<String>,
    /// 区县 / 部门 / 门户
    #[serde(default)]
    pub kind: Option<String>,
    /// like `--resolve`: "host:port:addr"
    #[serde(default)]
    pub resolve: Vec<String>,
    /// like `--connect-to`: "host1:port1:host2:port2" (a staging server under the production URL)
    #[serde(default)]
    pub connect_to: Vec<String>,
    /// rule packs or files
    #[serde(default)]
    pub rules: Vec<String>,
    /// pinned column URLs: canonical column name → URL or path
    #[serde(default)]
    pub columns: BTreeMap<String, String>,
    #[serde(default)]
    pub not_applicable: Vec<String>,
    #[serde(default)]
    pub max_pages: Option<usize>,
    #[serde(default)]
    pub max_depth: Option<u32>,
    #[serde(default)]
    pub rate: Option<f64>,
    #[serde(default)]
    pub per_host: Option<usize>,
    #[serde(default)]
    pub timeout: Option<f64>,
    /// this site's time budget in seconds (`--max-duration`)
    #[serde(default)]
    pub max_duration: Option<f64>,
    #[serde(default)]
    pub ignore_robots: Option<bool>,
    #[serde(default)]
    pub hosts: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SitesFile {
    #[serde(default)]
    site: Vec<SiteEntry>,
}

/// Read a site list; the format follows the extension (`.csv`, otherwise TOML).
pub fn load_sites(path: &Path) -> Result<Vec<SiteEntry>, BatchError> {
    let text = std::fs::read_to_string(path).map_err(|source| BatchError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    parse_sites(&text, csv, path)
}

/// Parse a site list's text (CSV or TOML); errors name `path` and the line.
pub fn parse_sites(text: &str, csv: bool, path: &Path) -> Result<Vec<SiteEntry>, BatchError> {
    let perr = |message: String| BatchError::Parse {
        path: path.to_path_buf(),
        message,
    };
    let sites = if csv {
        parse_csv(text).map_err(perr)?
    } else {
        // users write Chinese column names as bare keys (预算决算 = "…"): quote them
        let text = crate::rules::error::quote_bare_keys(text);
        let f: SitesFile = toml::from_str(&text).map_err(|e| {
            let pos = e
                .span()
                .map(|s| {
                    let line = text[..s.start].matches('\n').count() + 1;
                    format!("line {line}: ")
                })
                .unwrap_or_default();
            perr(format!("{pos}{}", e.message()))
        })?;
        f.site
    };
    if sites.is_empty() {
        return Err(perr(
            "no sites listed ([[site]] tables with url = …)".into(),
        ));
    }
    for (i, s) in sites.iter().enumerate() {
        url::Url::parse(&s.url)
            .map_err(|e| perr(format!("site {}: url {:?}: {e}", i + 1, s.url)))?;
    }
    Ok(sites)
}

fn parse_csv(text: &str) -> Result<Vec<SiteEntry>, String> {
    let mut rdr = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = rdr.headers().map_err(|e| e.to_string())?.clone();
    let col = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name));
    let url_col = col("url").ok_or("CSV needs a header row with a `url` column")?;
    let (name_col, kind_col, resolve_col) = (col("name"), col("kind"), col("resolve"));
    let connect_col = col("connect_to");
    let list = |v: Option<String>| -> Vec<String> {
        v.map(|r| {
            r.split(';')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default()
    };
    let mut out = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(|e| format!("row {}: {e}", i + 2))?;
        let get = |c: Option<usize>| {
            c.and_then(|c| rec.get(c))
                .map(str::to_string)
                .filter(|s| !s.is_empty())
        };
        let url = get(Some(url_col)).ok_or_else(|| format!("row {}: empty url", i + 2))?;
        out.push(SiteEntry {
            url,
            name: get(name_col),
            kind: get(kind_col),
            resolve: list(get(resolve_col)),
            connect_to: list(get(connect_col)),
            ..Default::default()
        });
    }
    Ok(out)
}

/// Parse `I/N` (1-based).
pub fn parse_shard(s: &str) -> Result<(usize, usize), BatchError> {
    let bad = || BatchError::Shard(s.to_string());
    let (i, n) = s.split_once('/').ok_or_else(bad)?;
    let i: usize = i.trim().parse().map_err(|_| bad())?;
    let n: usize = n.trim().parse().map_err(|_| bad())?;
    if n == 0 || i == 0 || i > n {
        return Err(bad());
    }
    Ok((i, n))
}

/// The sites of shard `i` of `n` (1-based): every n-th site in list order, so N machines
/// with the same list take disjoint shares that together cover it.
pub fn shard(sites: &[SiteEntry], i: usize, n: usize) -> Vec<SiteEntry> {
    sites
        .iter()
        .enumerate()
        .filter(|(k, _)| k % n == i - 1)
        .map(|(_, s)| s.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_and_csv_site_lists() {
        let dir = tempfile::tempdir().unwrap();
        let t = dir.path().join("sites.toml");
        std::fs::write(
            &t,
            "[[site]]\nname = \"秀水区\"\nurl = \"http://www.xsq.cq.gov.cn/\"\nkind = \"区县\"\nresolve = [\"www.xsq.cq.gov.cn:80:10.0.0.5\"]\nconnect_to = [\"www.xsq.cq.gov.cn:443:10.0.0.6:8443\"]\n[site.columns]\n预算决算 = \"/zwgk/czzj/\"\n",
        )
        .unwrap();
        let s = load_sites(&t).unwrap();
        assert_eq!(s[0].name.as_deref(), Some("秀水区"));
        assert_eq!(s[0].connect_to, ["www.xsq.cq.gov.cn:443:10.0.0.6:8443"]);
        assert_eq!(
            s[0].columns.get("预算决算").map(String::as_str),
            Some("/zwgk/czzj/")
        );
        let c = dir.path().join("sites.csv");
        std::fs::write(&c, "name,url,kind,resolve,connect_to\n甲,http://a.gov.cn/,部门,a.gov.cn:80:127.0.0.1;b.gov.cn:80:127.0.0.1,a.gov.cn:80:127.0.0.2:8080\n").unwrap();
        let s = load_sites(&c).unwrap();
        assert_eq!(s[0].resolve.len(), 2);
        assert_eq!(s[0].connect_to, ["a.gov.cn:80:127.0.0.2:8080"]);
        assert_eq!(s[0].kind.as_deref(), Some("部门"));
        std::fs::write(&t, "[[site]]\nurl = \"http://a/\"\nspeed = 1\n").unwrap();
        let e = load_sites(&t).unwrap_err().to_string();
        assert!(e.contains("line 3"), "{e}");
    }

    #[test]
    fn shards_are_disjoint_and_cover_the_list() {
        let sites: Vec<SiteEntry> = (0..10)
            .map(|i| SiteEntry {
                url: format!("http://s{i}.gov.cn/"),
                ..Default::default()
            })
            .collect();
        let mut all: Vec<String> = Vec::new();
        for i in 1..=3 {
            all.extend(shard(&sites, i, 3).into_iter().map(|s| s.url));
        }
        all.sort();
        let mut want: Vec<String> = sites.iter().map(|s| s.url.clone()).collect();
        want.sort();
        assert_eq!(all, want);
        assert_eq!(parse_shard("2/5").unwrap(), (2, 5));
        assert!(
            parse_shard("0/5").is_err() && parse_shard("6/5").is_err() && parse_shard("x").is_err()
        );
    }
}
