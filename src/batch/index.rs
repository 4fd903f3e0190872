//! The index of a batch: one row per site (verdict, failed checks by severity, estimated
//! deductions, pages, crawl errors) ranked best first, a sites × check-ID matrix coloured by
//! status, and links into each site's report. Written as index.json, index.md and a
//! self-contained index.html (no external CSS/JS; works offline), and as index.xlsx with
//! every site's findings when the run writes `xlsx` (a merge always writes it).

use super::BatchError;
use super::sites::SiteEntry;
use crate::atomic::write_atomic;
use crate::i18n::Lang;
use crate::rules::{Severity, Status};
use crate::run::SiteOutcome;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// One site's row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexEntry {
    pub rank: usize,
    pub name: String,
    pub url: String,
    pub kind: Option<String>,
    /// the site's report folder, relative to the index
    pub dir: Option<String>,
    /// 合格 under the national indicators (None when not evaluated)
    pub qualified: Option<bool>,
    pub vetoes: Vec<String>,
    pub deductions: Option<f64>,
    pub fail_high: usize,
    pub fail_medium: usize,
    pub fail_low: usize,
    pub warn: usize,
    pub pass: usize,
    pub pages: usize,
    pub errors: usize,
    pub stop_reason: Option<String>,
    /// why the site could not be checked at all
    pub error: Option<String>,
    /// failures that were not failing in the site's previous run (history database)
    #[serde(default)]
    pub new_failures: Option<usize>,
    pub statuses: BTreeMap<String, Status>,
}

impl IndexEntry {
    pub fn from_outcome(entry: &SiteEntry, o: &SiteOutcome, out: &Path) -> Self {
        let r = &o.report;
        let count = |sev: Severity| {
            r.checks
                .iter()
                .filter(|c| c.status == Status::Fail && c.severity == sev)
                .count()
        };
        let dir = o
            .out_dir
            .strip_prefix(out)
            .unwrap_or(&o.out_dir)
            .to_string_lossy()
            .replace('\\', "/");
        IndexEntry {
            rank: 0,
            name: entry
                .name
                .clone()
                .or(r.site.name.clone())
                .unwrap_or(r.site.host.clone()),
            url: entry.url.clone(),
            kind: entry.kind.clone(),
            dir: Some(dir),
            qualified: r.verdict.as_ref().map(|v| v.qualified),
            vetoes: r
                .verdict
                .as_ref()
                .map(|v| v.vetoes.clone())
                .unwrap_or_default(),
            deductions: r.verdict.as_ref().map(|v| v.deductions),
            fail_high: count(Severity::High),
            fail_medium: count(Severity::Medium),
            fail_low: count(Severity::Low),
            warn: r.summary.warn,
            pass: r.summary.pass,
            pages: r.stats.pages,
            errors: r.stats.errors,
            stop_reason: Some(
                serde_json::to_value(r.crawl.stop_reason)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default(),
            ),
            error: None,
            new_failures: r.comparison.as_ref().map(|c| c.new_failures.len()),
            statuses: r.checks.iter().map(|c| (c.id.clone(), c.status)).collect(),
        }
    }

    pub fn failed(entry: &SiteEntry, error: String) -> Self {
        IndexEntry {
            rank: 0,
            name: entry.name.clone().unwrap_or(entry.url.clone()),
            url: entry.url.clone(),
            kind: entry.kind.clone(),
            dir: None,
            qualified: None,
            vetoes: Vec::new(),
            deductions: None,
            fail_high: 0,
            fail_medium: 0,
            fail_low: 0,
            warn: 0,
            pass: 0,
            pages: 0,
            errors: 0,
            stop_reason: None,
            error: Some(error),
            new_failures: None,
            statuses: BTreeMap::new(),
        }
    }

    /// Sort key: checked before unchecked, 合格 first, then fewer severe failures.
    fn key(&self) -> (bool, bool, bool, usize, usize, i64, usize, usize) {
        (
            self.error.is_some(),
            self.stop_reason.as_deref() == Some("start_failed"),
            self.qualified == Some(false),
            self.fail_high,
            self.fail_medium,
            (self.deductions.unwrap_or(0.0) * 100.0).round() as i64,
            self.fail_low,
            self.warn,
        )
    }
}

/// The whole index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Index {
    pub tool_version: String,
    pub generated_at: String,
    pub lang: Lang,
    /// `I/N` when this index covers one shard
    pub shard: Option<String>,
    pub check_ids: Vec<String>,
    pub sites: Vec<IndexEntry>,
}

impl Index {
    /// Rank the sites and collect the check IDs.
    pub fn new(mut sites: Vec<IndexEntry>, shard: Option<String>, lang: Lang) -> Self {
        sites.sort_by(|a, b| a.key().cmp(&b.key()).then(a.url.cmp(&b.url)));
        for (i, s) in sites.iter_mut().enumerate() {
            s.rank = i + 1;
        }
        let check_ids: BTreeSet<String> = sites
            .iter()
            .flat_map(|s| s.statuses.keys().cloned())
            .collect();
        Index {
            tool_version: env!("CARGO_PKG_VERSION").into(),
            generated_at: jiff::Timestamp::now()
                .round(jiff::Unit::Second)
                .map(|t| t.to_string())
                .unwrap_or_default(),
            lang,
            shard,
            check_ids: check_ids.into_iter().collect(),
            sites,
        }
    }

    /// Write index.json, index.md and index.html into `dir`.
    pub fn write(&self, dir: &Path) -> Result<(), BatchError> {
        write_atomic(
            &dir.join("index.json"),
            &serde_json::to_vec_pretty(self).map_err(crate::report::ReportError::from)?,
        )?;
        write_atomic(&dir.join("index.md"), self.markdown().as_bytes())?;
        write_atomic(&dir.join("index.html"), self.html().as_bytes())?;
        Ok(())
    }

    /// Write index.xlsx into `dir` (the ranking and every site's findings, read from the
    /// sites' report.json under `dir`).
    pub fn write_xlsx(&self, dir: &Path) -> Result<(), BatchError> {
        let path = dir.join("index.xlsx");
        let bytes = crate::report::xlsx_index::render(self, dir).map_err(|e| {
            crate::report::ReportError::Write {
                path: path.clone(),
                source: std::io::Error::other(e.to_string()),
            }
        })?;
        write_atomic(&path, &bytes)?;
        Ok(())
    }

    /// The 结论 column of a site.
    pub(crate) fn verdict_text(&self, s: &IndexEntry) -> &'static str {
        let l = self.lang;
        match (&s.error, s.stop_reason.as_deref(), s.qualified) {
            (Some(_), _, _) => l.pick("未能检查", "not checked"),
            (_, Some("start_failed"), _) => l.pick("无法访问", "unreachable"),
            (_, _, Some(true)) => l.pick("合格", "qualified"),
            (_, _, Some(false)) => l.pick("不合格", "unqualified"),
            _ => l.pick("未评估", "not evaluated"),
        }
    }

    /// Column headers of the ranking (index.md, index.html and index.xlsx).
    pub(crate) fn headers(&self) -> [&'static str; 9] {
        let l = self.lang;
        [
            l.pick("排名", "Rank"),
            l.pick("站点", "Site"),
            l.pick("结论", "Verdict"),
            l.pick("单项否决", "Vetoes"),
            l.pick("估计扣分", "Est. deductions"),
            l.pick("不通过(高/中/低)", "Failed (high/med/low)"),
            l.pick("待确认", "Warn"),
            l.pick("页面", "Pages"),
            l.pick("抓取错误", "Crawl errors"),
        ]
    }

    /// Markdown: ranking table, then the matrix (through `templates/index.md.j2`).
    pub fn markdown(&self) -> String {
        let render = || -> Result<String, minijinja::Error> {
            let mut env = crate::report::templates::environment()?;
            env.add_template("index.md.j2", MD_TEMPLATE)?;
            env.get_template("index.md.j2")?
                .render(minijinja::value::Serde(&self.md_view()))
        };
        render().expect("the embedded index template renders")
    }

    /// What the Markdown template shows.
    fn md_view(&self) -> MdView<'_> {
        let l = self.lang;
        let row = |s: &'_ IndexEntry| MdRow {
            rank: s.rank,
            name: s.name.clone(),
            has_dir: s.dir.is_some(),
            dir: s.dir.clone().unwrap_or_default(),
            url: s.url.clone(),
            verdict: self.verdict_text(s),
            vetoes: s.vetoes.join(", "),
            deductions: s.deductions.map(|d| format!("{d:.1}")).unwrap_or_default(),
            fail_high: s.fail_high,
            fail_medium: s.fail_medium,
            fail_low: s.fail_low,
            warn: s.warn,
            pages: s.pages,
            errors: s.errors,
            error: s.error.clone().unwrap_or_default(),
            icons: self
                .check_ids
                .iter()
                .map(|id| s.statuses.get(id).map_or("", |st| st.icon()))
                .collect(),
        };
        MdView {
            title: l.pick("政务公开检查汇总", "Government openness check: index"),
            generated: l.pick("生成时间", "Generated"),
            generated_at: &self.generated_at,
            tool_version: &self.tool_version,
            shard_suffix: self
                .shard
                .as_ref()
                .map(|s| format!(" · shard {s}"))
                .unwrap_or_default(),
            headers: self.headers(),
            rows: self.sites.iter().map(row).collect(),
            failed_heading: l.pick("未能检查的站点", "Sites that could not be checked"),
            failed: self
                .sites
                .iter()
                .filter(|s| s.error.is_some())
                .map(row)
                .collect(),
            matrix_heading: l.pick("检查矩阵", "Check matrix"),
            legend: [
                Status::Pass,
                Status::Fail,
                Status::Warn,
                Status::NotApplicable,
            ]
            .map(|st| Legend {
                icon: st.icon(),
                label: st.short_label(l),
            }),
            site_heading: l.pick("站点", "Site"),
            check_ids: &self.check_ids,
        }
    }

    /// Self-contained HTML.
    pub fn html(&self) -> String {
        let l = self.lang;
        let e = crate::escape::html_escape;
        let mut h = String::new();
        let _ = write!(
            h,
            "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><style>{}</style></head><body>",
            if l == Lang::Zh { "zh-CN" } else { "en" },
            e(l.pick("政务公开检查汇总", "Government openness check: index")),
            INDEX_CSS
        );
        let _ = write!(
            h,
            "<h1>{}</h1><p class=\"meta\">{} {} · zwgk {}{}</p>",
            e(l.pick("政务公开检查汇总", "Government openness check: index")),
            e(l.pick("生成时间", "Generated")),
            e(&self.generated_at),
            e(&self.tool_version),
            self.shard
                .as_ref()
                .map(|s| format!(" · shard {}", e(s)))
                .unwrap_or_default()
        );
        let _ = write!(
            h,
            "<h2>{}</h2><table id=\"ranking\"><thead><tr>",
            e(l.pick("排名", "Ranking"))
        );
        for t in self.headers() {
            let _ = write!(h, "<th>{}</th>", e(t));
        }
        h.push_str("</tr></thead><tbody>");
        for s in &self.sites {
            let cls = match (
                s.error.is_some() || s.stop_reason.as_deref() == Some("start_failed"),
                s.qualified,
            ) {
                (true, _) => "bad",
                (_, Some(false)) => "bad",
                (_, Some(true)) => "good",
                _ => "",
            };
            let site = match &s.dir {
                Some(d) => format!(
                    "<a href=\"{0}/report.html\">{1}</a> <small>(<a href=\"{0}/report.json\">json</a>)</small>",
                    e(d),
                    e(&s.name)
                ),
                None => format!(
                    "{} <small>{}</small>",
                    e(&s.name),
                    e(s.error.as_deref().unwrap_or(""))
                ),
            };
            let _ = write!(
                h,
                "<tr><td>{}</td><td>{}<br><small>{}</small></td><td class=\"{cls}\">{}</td><td>{}</td><td>{}</td><td>{}/{}/{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                s.rank,
                site,
                e(&s.url),
                e(self.verdict_text(s)),
                e(&s.vetoes.join(", ")),
                s.deductions.map(|d| format!("{d:.1}")).unwrap_or_default(),
                s.fail_high,
                s.fail_medium,
                s.fail_low,
                s.warn,
                s.pages,
                s.errors
            );
        }
        h.push_str("</tbody></table>");
        if !self.check_ids.is_empty() {
            let _ = write!(
                h,
                "<h2>{}</h2><div class=\"scroll\"><table id=\"matrix\"><thead><tr><th>{}</th>",
                e(l.pick("检查矩阵", "Check matrix")),
                e(l.pick("站点", "Site"))
            );
            for id in &self.check_ids {
                let _ = write!(h, "<th class=\"id\">{}</th>", e(id));
            }
            h.push_str("</tr></thead><tbody>");
            for s in &self.sites {
                let _ = write!(h, "<tr><th>{}</th>", e(&s.name));
                for id in &self.check_ids {
                    let (cls, txt) = s
                        .statuses
                        .get(id)
                        .map_or(("none", ""), |st| (st.code(), st.mark()));
                    let _ = write!(
                        h,
                        "<td class=\"{cls}\" title=\"{} {}\">{txt}</td>",
                        e(&s.name),
                        e(id)
                    );
                }
                h.push_str("</tr>");
            }
            h.push_str("</tbody></table></div>");
            let _ = write!(
                h,
                "<p class=\"legend\">{}</p>",
                [
                    Status::Pass,
                    Status::Fail,
                    Status::Warn,
                    Status::NotApplicable
                ]
                .map(|st| format!(
                    "<span class=\"{}\">{} {}</span>",
                    st.code(),
                    st.mark(),
                    e(st.short_label(l))
                ))
                .join(" ")
            );
        }
        h.push_str("</body></html>\n");
        h
    }
}

/// The Markdown template of the index (embedded).
pub const MD_TEMPLATE: &str = include_str!("templates/index.md.j2");

/// One site's row as the Markdown template shows it.
#[derive(Debug, Serialize)]
struct MdRow {
    rank: usize,
    name: String,
    has_dir: bool,
    dir: String,
    url: String,
    verdict: &'static str,
    vetoes: String,
    deductions: String,
    fail_high: usize,
    fail_medium: usize,
    fail_low: usize,
    warn: usize,
    pages: usize,
    errors: usize,
    error: String,
    /// the status icon of each check ID (empty when the site has no such check)
    icons: Vec<&'static str>,
}

#[derive(Debug, Serialize)]
struct Legend {
    icon: &'static str,
    label: &'static str,
}

/// What the Markdown template of the index shows.
#[derive(Debug, Serialize)]
struct MdView<'a> {
    title: &'static str,
    generated: &'static str,
    generated_at: &'a str,
    tool_version: &'a str,
    shard_suffix: String,
    headers: [&'static str; 9],
    rows: Vec<MdRow>,
    failed_heading: &'static str,
    failed: Vec<MdRow>,
    matrix_heading: &'static str,
    legend: [Legend; 4],
    site_heading: &'static str,
    check_ids: &'a [String],
}

const INDEX_CSS: &str = "body{font-family:system-ui,'PingFang SC','Microsoft YaHei',sans-serif;margin:2em;color:#222}\
table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;font-size:14px}\
thead th{background:#f3f3f3}.good{background:#e6f4ea;color:#137333;font-weight:bold}.bad{background:#fce8e6;color:#a50e0e;font-weight:bold}\
td.pass{background:#e6f4ea;color:#137333;text-align:center}td.fail{background:#fce8e6;color:#a50e0e;text-align:center}\
td.warn{background:#fef7e0;color:#b06000;text-align:center}td.na,td.none{background:#f8f8f8;color:#888;text-align:center}\
.legend span{padding:2px 6px;margin-right:6px}.legend .pass{background:#e6f4ea}.legend .fail{background:#fce8e6}.legend .warn{background:#fef7e0}.legend .na{background:#f8f8f8}\
th.id{writing-mode:vertical-rl;font-size:12px}.scroll{overflow-x:auto}.meta{color:#666}small{color:#666}\
@media print{.scroll{overflow:visible}body{margin:0}}";

/// Combine the indexes found in `inputs` (folders holding index.json) into one index in
/// `out`; site folders are linked relative to `out`.
pub fn merge(inputs: &[PathBuf], out: &Path, lang: Lang) -> Result<Index, BatchError> {
    let mut sites = Vec::new();
    for dir in inputs {
        let path = if dir.is_dir() {
            dir.join("index.json")
        } else {
            dir.clone()
        };
        let base = path.parent().unwrap_or(Path::new("."));
        let text = std::fs::read_to_string(&path).map_err(|e| BatchError::Index {
            path: path.clone(),
            message: e.to_string(),
        })?;
        let idx: Index = serde_json::from_str(&text).map_err(|e| BatchError::Index {
            path: path.clone(),
            message: e.to_string(),
        })?;
        for mut s in idx.sites {
            s.dir = s.dir.map(|d| relative(&base.join(d), out));
            sites.push(s);
        }
    }
    let index = Index::new(sites, None, lang);
    std::fs::create_dir_all(out).map_err(|e| BatchError::Index {
        path: out.to_path_buf(),
        message: e.to_string(),
    })?;
    index.write(out)?;
    index.write_xlsx(out)?;
    Ok(index)
}

/// `target` expressed relative to `from` (both made absolute first).
fn relative(target: &Path, from: &Path) -> String {
    let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let (t, f) = (abs(target), abs(from));
    let tc: Vec<_> = t.components().collect();
    let fc: Vec<_> = f.components().collect();
    let common = tc.iter().zip(&fc).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = std::iter::repeat_n("..".to_string(), fc.len() - common).collect();
    parts.extend(
        tc[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().to_string()),
    );
    if parts.is_empty() {
        ".".into()
    } else {
        parts.join("/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, qualified: Option<bool>, high: usize) -> IndexEntry {
        let mut e = IndexEntry::failed(
            &SiteEntry {
                url: format!("http://{name}/"),
                name: Some(name.into()),
                ..Default::default()
            },
            String::new(),
        );
        e.error = None;
        e.qualified = qualified;
        e.fail_high = high;
        e.stop_reason = Some("completed".into());
        e.dir = Some(name.into());
        e.statuses.insert(
            "ZW-P01".into(),
            if high > 0 { Status::Fail } else { Status::Pass },
        );
        e
    }

    #[test]
    fn ranking_puts_qualified_and_fewer_failures_first() {
        let mut dead = entry("dead", None, 0);
        dead.error = Some("down".into());
        let idx = Index::new(
            vec![
                dead,
                entry("b", Some(false), 1),
                entry("a", Some(true), 2),
                entry("c", Some(true), 0),
            ],
            None,
            Lang::Zh,
        );
        let order: Vec<&str> = idx.sites.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(order, ["c", "a", "b", "dead"]);
        assert_eq!(idx.sites[0].rank, 1);
        let md = idx.markdown();
        assert!(md.contains("| 1 | [c](c/report.json) | 合格"), "{md}");
        assert!(md.contains("未能检查的站点"));
        let html = idx.html();
        assert!(html.contains("id=\"matrix\"") && html.contains("td class=\"fail\""));
        assert!(!html.contains("<script"));
    }

    #[test]
    fn relative_paths_for_merged_indexes() {
        assert_eq!(
            relative(Path::new("/a/b/shard1/x.gov.cn"), Path::new("/a/b/all")),
            "../shard1/x.gov.cn"
        );
        assert_eq!(relative(Path::new("/a/all/x"), Path::new("/a/all")), "x");
    }
}
