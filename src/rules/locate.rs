//! Finding a column the way a person would: from the home page, follow links whose
//! anchor text — or the target page's breadcrumb, title, ColumnName tag or URL slug —
//! matches each path segment in order, allowing a bounded number of inserted levels
//! (政府信息公开目录, 区政府工作机构 …). A page whose breadcrumb (当前位置) already shows the
//! remaining segments counts as reached. Pins from the site overrides win.

use super::PathStep;
use super::aliases::{AliasTable, NameSet, Quality};
use super::norm::norm;
use super::overrides::SiteOverrides;
use super::site::{Site, crumbs, last_dir, title_parts};
use crate::i18n::Lang;
use crate::model::focus::article_like;
use crate::model::{LinkKind, bare_host};
use crate::model::{StopReason, UrlId};
use std::collections::{HashMap, HashSet};

/// One path segment (`政府信息公开目录?` is optional).
#[derive(Debug, Clone)]
pub struct Segment {
    pub set: NameSet,
    pub optional: bool,
}

/// Parse path segment names into segments.
pub fn segments(path: &[String], aliases: &AliasTable) -> Vec<Segment> {
    path.iter()
        .map(|s| {
            let optional = s.ends_with('?');
            let name = s.trim_end_matches('?');
            Segment {
                set: aliases.column(name),
                optional,
            }
        })
        .collect()
}

/// A column that was found.
#[derive(Debug, Clone, PartialEq)]
pub struct Located {
    /// index of the column page in the graph
    pub page: usize,
    /// the clicks from the home page (anchor text as seen, URL)
    pub chain: Vec<PathStep>,
    /// click depth of the column page as crawled
    pub depth: u32,
    /// the column was pinned by the site overrides
    pub pinned: bool,
    /// the last segments were confirmed by the page's breadcrumb
    pub by_breadcrumb: bool,
    /// the column exists, but not on the required path (found by its own name elsewhere)
    pub off_path: bool,
}

/// Result of a search.
#[derive(Debug, Clone, PartialEq)]
pub enum Locate {
    Found(Located),
    Missing {
        /// the closest partial chain
        partial: Vec<PathStep>,
        /// segments matched along it
        matched: Vec<String>,
        /// a crawl problem that prevents deciding (→ warn), if any
        warn: Option<String>,
        /// the latest crawl request among the pages searched ([`Page::order`](crate::model::Page::order)):
        /// the absence was known after it
        searched: u32,
    },
}

#[derive(Debug, Clone)]
struct Node {
    page: usize,
    seg: usize,
    extra: u32,
    parent: Option<usize>,
    text: String,
    score: i32,
    matched: Vec<usize>,
}

fn quality_score(q: Quality) -> i32 {
    match q {
        Quality::Exact => 3,
        Quality::Contains => 2,
    }
}

/// How well page `t`, reached by a link with `text`, matches a segment.
fn seg_match(site: &Site, seg: &Segment, text: &str, t: usize) -> Option<i32> {
    let p = site.page(t);
    let mut best = seg.set.match_text(text).map(quality_score);
    let mut consider = |s: Option<i32>| {
        if s > best {
            best = s;
        }
    };
    if !site.is_detail(t) {
        if let Some(c) = crumbs(p).last() {
            consider(seg.set.match_text(c).map(|_| 2));
        }
        if let Some(c) = p.meta.get("columnname") {
            consider(seg.set.match_text(c).map(|_| 2));
        }
        if let Some(title) = &p.title
            && title_parts(title)
                .iter()
                .any(|part| seg.set.match_norm(&norm(part)) == Some(Quality::Exact))
        {
            consider(Some(2));
        }
        if seg.set.match_slug(&last_dir(site.url(t))) {
            consider(Some(1));
        }
    }
    best
}

/// Does the page's breadcrumb show the remaining required segments in order, ending with the last one?
fn crumb_goal(site: &Site, segs: &[Segment], from: usize, page: usize) -> bool {
    if from >= segs.len() || site.is_detail(page) {
        return false;
    }
    let cs: Vec<String> = crumbs(site.page(page)).iter().map(|c| norm(c)).collect();
    let Some(last) = cs.last() else { return false };
    if segs.last().unwrap().set.match_norm(last).is_none() {
        return false;
    }
    let mut ci = 0;
    for s in &segs[from..segs.len() - 1] {
        match cs[ci..cs.len() - 1]
            .iter()
            .position(|c| s.set.match_norm(c).is_some())
        {
            Some(k) => ci += k + 1,
            None if s.optional => {}
            None => return false,
        }
    }
    true
}

/// Does page `t`'s breadcrumb name parent columns none of which is a segment matched so
/// far? Pages without a breadcrumb (or with only their own name) are not placed.
fn placed_elsewhere(site: &Site, segs: &[Segment], matched: &[usize], t: usize) -> bool {
    let cs = crumbs(site.page(t));
    if cs.len() < 2 || site.is_detail(t) {
        return false;
    }
    !cs[..cs.len() - 1]
        .iter()
        .any(|c| matched.iter().any(|&m| segs[m].set.match_text(c).is_some()))
}

/// Resolve a pinned column URL or path against the start URL and find its page.
fn pinned(site: &Site, value: &str) -> Option<usize> {
    let base = url::Url::parse(&site.g.start_url).ok()?;
    let u = base.join(value).ok()?;
    let s = u.to_string();
    let mut candidates = vec![s.clone()];
    if s.ends_with('/') {
        for f in ["index.html", "index.shtml", "index.htm"] {
            candidates.push(format!("{s}{f}"));
        }
    } else {
        candidates.push(format!("{s}/"));
    }
    candidates.iter().find_map(|c| site.idx_str(c))
}

/// Find the column at the end of `segs`.
pub fn locate(
    site: &Site,
    segs: &[Segment],
    max_extra: u32,
    overrides: &SiteOverrides,
    lang: Lang,
) -> Locate {
    let Some(last) = segs.last() else {
        return Locate::Missing {
            partial: vec![],
            matched: vec![],
            warn: None,
            searched: 0,
        };
    };
    // Pins from the site overrides win.
    for (key, value) in &overrides.columns {
        if last.set.match_text(key) == Some(Quality::Exact) || norm(key) == norm(&last.set.name) {
            return match pinned(site, value) {
                Some(i) => Locate::Found(Located {
                    page: i,
                    chain: vec![PathStep {
                        text: key.clone(),
                        url: site.url(i).to_string(),
                    }],
                    depth: site.page(i).depth,
                    pinned: true,
                    by_breadcrumb: false,
                    off_path: false,
                }),
                None => Locate::Missing {
                    partial: vec![],
                    matched: vec![],
                    searched: 0,
                    warn: Some(tr!(
                        lang,
                        "站点配置指定的栏目“{}”地址 {} 未被抓取到",
                        "the column “{}” pinned in the site overrides ({}) was not crawled",
                        key,
                        value
                    )),
                },
            };
        }
    }
    let Some(home) = site.home else {
        return Locate::Missing {
            partial: vec![],
            matched: vec![],
            searched: 0,
            warn: Some(
                lang.pick("首页未能抓取", "the home page was not fetched")
                    .to_string(),
            ),
        };
    };
    let mut nodes = vec![Node {
        page: home,
        seg: 0,
        extra: 0,
        parent: None,
        text: lang.pick("首页", "Home").to_string(),
        score: 0,
        matched: vec![],
    }];
    let mut seen: HashMap<(usize, usize), u32> = HashMap::from([((home, 0), 0)]);
    let mut frontier = vec![0usize];
    let mut best_partial = 0usize;
    let mut goal: Option<(usize, bool)> = None;
    let max_levels = segs.len() as u32 + max_extra + 1;
    let mut unreachable: Vec<(UrlId, String)> = Vec::new();
    // links the search would follow whose targets were not fetched
    let mut pending: Vec<UrlId> = Vec::new();
    for _level in 0..max_levels {
        let mut next = Vec::new();
        let mut goals: Vec<(usize, bool)> = Vec::new();
        for &ni in &frontier {
            let n = nodes[ni].clone();
            if n.seg > 0
                && crumb_goal(site, segs, n.seg, n.page)
                && !placed_elsewhere(site, segs, &n.matched, n.page)
            {
                goals.push((ni, true));
            }
            for l in site.links(n.page) {
                if matches!(l.kind, LinkKind::Pagination) {
                    continue;
                }
                let Some(t) = site.idx(l.to) else {
                    let rest = &segs[n.seg.min(segs.len() - 1)..];
                    if rest.iter().any(|s| s.set.match_text(l.text).is_some()) {
                        unreachable.push((l.to, l.text.to_string()));
                        pending.push(l.to);
                    } else if let Ok(u) = url::Url::parse(site.g.url(l.to))
                        && ((n.extra < max_extra && !article_like(&u))
                            || rest.iter().any(|s| s.set.match_slug(&last_dir(u.as_str()))))
                    {
                        pending.push(l.to);
                    }
                    continue;
                };
                if t == n.page || site.page(t).is_frame {
                    continue;
                }
                let mut push =
                    |seg: usize, extra: u32, add: i32, m: Option<usize>, nodes: &mut Vec<Node>| {
                        if seen.get(&(t, seg)).is_some_and(|e| *e <= extra) {
                            return;
                        }
                        seen.insert((t, seg), extra);
                        let mut matched = n.matched.clone();
                        matched.extend(m);
                        nodes.push(Node {
                            page: t,
                            seg,
                            extra,
                            parent: Some(ni),
                            text: l.text.trim().to_string(),
                            score: n.score + add,
                            matched,
                        });
                        next.push(nodes.len() - 1);
                    };
                // a page whose breadcrumb puts it under other columns is not on this
                // path, whatever the link says (a footer 联系方式 under 首页 > 其他)
                let elsewhere =
                    !n.matched.is_empty() && placed_elsewhere(site, segs, &n.matched, t);
                for (j, seg) in segs.iter().enumerate().skip(n.seg) {
                    if elsewhere {
                        break;
                    }
                    if let Some(sc) = seg_match(site, seg, l.text, t) {
                        push(j + 1, n.extra, sc, Some(j), &mut nodes);
                    }
                    if !seg.optional {
                        break;
                    }
                }
                if n.extra < max_extra && !site.is_detail(t) && !elsewhere {
                    push(n.seg, n.extra + 1, 0, None, &mut nodes);
                }
            }
        }
        for &ni in &next {
            if nodes[ni].seg == segs.len() {
                goals.push((ni, false));
            }
            let (b, c) = (&nodes[best_partial], &nodes[ni]);
            if (c.seg, c.score) > (b.seg, b.score) {
                best_partial = ni;
            }
        }
        if let Some(g) = goals.into_iter().max_by_key(|(i, _)| nodes[*i].score) {
            goal = Some(g);
            break;
        }
        if next.is_empty() {
            break;
        }
        frontier = next;
    }
    let chain_of = |mut i: usize| {
        let mut v = Vec::new();
        while let Some(p) = nodes[i].parent {
            v.push(PathStep {
                text: nodes[i].text.clone(),
                url: site.url(nodes[i].page).to_string(),
            });
            i = p;
        }
        v.reverse();
        v
    };
    if let Some((gi, by_breadcrumb)) = goal {
        let page = nodes[gi].page;
        return Locate::Found(Located {
            page,
            chain: chain_of(gi),
            depth: site.page(page).depth,
            pinned: false,
            by_breadcrumb,
            off_path: false,
        });
    }
    if let Some(found) = off_path(site, last, home) {
        return Locate::Found(found);
    }
    let b = &nodes[best_partial];
    let matched: Vec<String> = b
        .matched
        .iter()
        .map(|j| segs[*j].set.name.clone())
        .collect();
    let mut warn = None;
    if let Some(r) = site.truncated()
        && cut_short(site, r, &pending)
    {
        warn = Some(tr!(
            lang,
            "抓取在找到该栏目前已停止（{:?}），请提高 --max-pages/--max-duration 后重试",
            "the crawl stopped ({:?}) before the column could be found; raise --max-pages/--max-duration",
            r
        ));
    }
    if warn.is_none() {
        for (id, text) in &unreachable {
            if let Some(e) = site.error(*id) {
                if Site::blocking(e.class) {
                    warn = Some(tr!(
                        lang,
                        "链接“{}”（{}）无法访问（{:?}）：{}，无法判断栏目是否存在",
                        "the link “{}” ({}) could not be fetched ({:?}): {}; cannot tell whether the column exists",
                        text,
                        site.g.url(*id),
                        e.class,
                        e.message
                    ));
                    break;
                }
            } else if let Some(h) = other_host(site, site.g.url(*id)) {
                warn = Some(tr!(
                    lang,
                    "链接“{}”（{}）通向抓取范围以外的主机 {}，未被抓取，无法判断栏目是否存在；如该平台是本单位的信息公开平台，请加 --host {} 重新检查",
                    "the link “{}” ({}) leads to the host {}, outside the crawl's scope; cannot tell whether the column exists; if that platform is this unit's disclosure platform, check again with --host {}",
                    text,
                    site.g.url(*id),
                    h,
                    h
                ));
                break;
            } else {
                warn = Some(tr!(
                    lang,
                    "链接“{}”（{}）未被抓取（超出抓取范围或深度），无法判断栏目是否存在",
                    "the link “{}” ({}) was not crawled (out of scope or depth); cannot tell whether the column exists",
                    text,
                    site.g.url(*id)
                ));
                break;
            }
        }
    }
    if warn.is_none() && site.page(b.page).needs_js {
        warn = Some(tr!(
            lang,
            "页面 {} 的内容由 JavaScript 生成，静态抓取看不到其中的栏目",
            "the page {} builds its content with JavaScript; its columns are invisible to a static crawl",
            site.url(b.page)
        ));
    }
    let searched = nodes
        .iter()
        .map(|n| site.page(n.page).order)
        .max()
        .unwrap_or(0);
    Locate::Missing {
        partial: chain_of(best_partial),
        matched,
        warn,
        searched,
    }
}

/// Did the budget stop the crawl before a link the search would follow was fetched?
/// A page or time budget lists what it left (`not_checked`); when every candidate was
/// fetched or is out of reach anyway, the absence is decided.
fn cut_short(site: &Site, reason: StopReason, pending: &[UrlId]) -> bool {
    if !matches!(reason, StopReason::PageBudget | StopReason::TimeBudget) {
        return true;
    }
    let g = site.g;
    let listed: HashSet<UrlId> = g
        .not_checked
        .iter()
        .filter(|n| n.stage == "crawl")
        .map(|n| n.url)
        .collect();
    // more were left than listed (the list is capped, best priorities first): an
    // unlisted pending link on a crawled host may be one of them
    let capped = g.stats.unvisited as usize > listed.len();
    if pending.iter().any(|id| listed.contains(id)) {
        return true;
    }
    if !capped {
        return false;
    }
    let host_of = |u: &str| url::Url::parse(u).ok()?.host_str().map(str::to_string);
    let crawled: HashSet<String> = g
        .pages
        .iter()
        .filter_map(|p| host_of(g.url(p.final_url)))
        .collect();
    let trapped: HashSet<UrlId> = g.trapped.iter().copied().collect();
    pending.iter().any(|id| {
        site.error(*id).is_none()
            && !trapped.contains(id)
            && host_of(g.url(*id)).is_some_and(|h| crawled.contains(&h))
    })
}

/// The host of `url` when no crawled page is on it (a link out of the crawl's scope).
fn other_host(site: &Site, url: &str) -> Option<String> {
    let host = url::Url::parse(url).ok()?.host_str()?.to_string();
    if bare_host(&host) == bare_host(&site.host) {
        return None;
    }
    let crawled = site.g.pages.iter().any(|p| {
        url::Url::parse(site.g.url(p.final_url))
            .ok()
            .and_then(|u| u.host_str().map(|h| h == host))
            .unwrap_or(false)
    });
    (!crawled).then_some(host)
}

/// The column named by `last`, found anywhere the crawl reached (not along the required
/// path): a column page (not an article) whose breadcrumb ends with the name, whose
/// ColumnName tag is the name, or that a link names exactly. The chain is the fewest
/// clicks from the home page.
fn off_path(site: &Site, last: &Segment, home: usize) -> Option<Located> {
    let exact = |t: &str| last.set.match_text(t) == Some(Quality::Exact);
    let named = |t: usize| {
        let p = site.page(t);
        !site.is_detail(t)
            && !p.is_frame
            && p.status < 400
            && (crumbs(p).last().is_some_and(|c| exact(c))
                || p.meta.get("columnname").is_some_and(|c| exact(c)))
    };
    // breadth-first from the home page: the first page reached that is named wins
    let mut prev: HashMap<usize, (usize, String)> = HashMap::new();
    let mut q = std::collections::VecDeque::from([home]);
    let mut found = None;
    'bfs: while let Some(i) = q.pop_front() {
        for l in site.links(i) {
            if matches!(l.kind, LinkKind::Pagination) {
                continue;
            }
            let Some(t) = site.idx(l.to) else { continue };
            if t == home || prev.contains_key(&t) {
                continue;
            }
            prev.insert(t, (i, l.text.trim().to_string()));
            if named(t) || (exact(l.text) && !site.is_detail(t) && !site.page(t).is_frame) {
                found = Some(t);
                break 'bfs;
            }
            q.push_back(t);
        }
    }
    let page = found?;
    let mut chain = Vec::new();
    let mut cur = page;
    while cur != home {
        let (from, text) = prev.get(&cur)?.clone();
        chain.push(PathStep {
            text,
            url: site.url(cur).to_string(),
        });
        cur = from;
    }
    chain.reverse();
    Some(Located {
        page,
        chain,
        depth: site.page(page).depth,
        pinned: false,
        by_breadcrumb: false,
        off_path: true,
    })
}

/// "政务公开 > 法定主动公开内容 > 预算/决算"
pub fn path_label(path: &[String]) -> String {
    path.iter()
        .map(|s| s.trim_end_matches('?'))
        .collect::<Vec<_>>()
        .join(" > ")
}

/// "首页 > 政务公开(url) > …" for messages.
pub fn chain_label(chain: &[PathStep]) -> String {
    chain
        .iter()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join(" > ")
}
