//! Who runs the site, from the site itself: the home page's SiteName meta, its title
//! (首页 and separators stripped) and the footer's 主办单位. The kind follows the name:
//! a 人民政府 of a 区/县 is a 区县 site, of a 市/省 a 门户; a 委员会/局/办/中心 … is a
//! 部门 site. The host name (`www.` = 门户) is only the last resort.

use super::site::title_parts;
use crate::crawl::SiteGraph;

/// The site's name and kind as the site states them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Identity {
    pub name: Option<String>,
    /// 区县 / 部门 / 门户, when the name or the 主办单位 tells
    pub kind: Option<&'static str>,
    /// where the kind came from (`SiteName`, `title`, `主办单位`)
    pub source: Option<&'static str>,
}

const NOT_A_NAME: &[&str] = &["首页", "网站首页", "主页", "门户网站", "欢迎您", "欢迎访问"];

/// A display name from a title or SiteName: the part that names a body, without 首页.
pub fn clean_name(raw: &str) -> Option<String> {
    let parts: Vec<String> = title_parts(raw)
        .into_iter()
        .map(|p| {
            p.trim_matches(['·', '•', '【', '】', '[', ']', '(', ')'])
                .trim_end_matches("首页")
                .trim_end_matches("门户网站")
                .trim_end_matches("网站")
                .trim()
                .to_string()
        })
        .filter(|p| !p.is_empty() && !NOT_A_NAME.contains(&p.as_str()))
        .collect();
    parts
        .iter()
        .find(|p| kind_of(p).is_some())
        .or_else(|| parts.first())
        .cloned()
}

/// The kind a body's name implies, if any.
pub fn kind_of(name: &str) -> Option<&'static str> {
    let n = name.trim();
    if let Some(head) = n.strip_suffix("人民政府") {
        return Some(
            if head.ends_with('区')
                || head.ends_with('县')
                || head.ends_with("自治县")
                || head.ends_with('旗')
            {
                "区县"
            } else {
                "门户"
            },
        );
    }
    const DEPT: &[&str] = &[
        "委员会",
        "委",
        "局",
        "办公室",
        "办",
        "中心",
        "厅",
        "署",
        "院",
        "所",
        "站",
        "馆",
        "总队",
        "支队",
        "大队",
    ];
    DEPT.iter().any(|s| n.ends_with(s)).then_some("部门")
}

/// The identity of the crawled site (home page SiteName, title, footer 主办单位).
pub fn identify(g: &SiteGraph) -> Identity {
    let Some(home) = g.home() else {
        return Identity::default();
    };
    let candidates: [(Option<String>, &'static str); 3] = [
        (
            home.meta.get("sitename").and_then(|s| clean_name(s)),
            "SiteName",
        ),
        (home.title.as_deref().and_then(clean_name), "title"),
        (
            home.markers.sponsor.as_deref().and_then(clean_name),
            "主办单位",
        ),
    ];
    let name = candidates.iter().find_map(|(n, _)| n.clone());
    let (kind, source) = candidates
        .iter()
        .find_map(|(n, src)| n.as_deref().and_then(kind_of).map(|k| (k, *src)))
        .map_or((None, None), |(k, s)| (Some(k), Some(s)));
    Identity { name, kind, source }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_kinds_from_real_titles() {
        for (raw, name, kind) in [
            (
                "首页 - 重庆市秀水区人民政府",
                "重庆市秀水区人民政府",
                Some("区县"),
            ),
            ("重庆市人民政府门户网站", "重庆市人民政府", Some("门户")),
            (
                "重庆市文化和旅游发展委员会_首页",
                "重庆市文化和旅游发展委员会",
                Some("部门"),
            ),
            (
                "秀水区文化旅游委 | 网站首页",
                "秀水区文化旅游委",
                Some("部门"),
            ),
            ("永川区医疗保障局", "永川区医疗保障局", Some("部门")),
            ("中国·秀水", "中国·秀水", None),
        ] {
            assert_eq!(clean_name(raw).as_deref(), Some(name), "{raw}");
            assert_eq!(kind_of(name), kind, "{raw}");
        }
        assert_eq!(clean_name("首页"), None);
    }
}
