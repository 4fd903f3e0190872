//! The search probe's result, read by the `markers` kind when a step asks for it
//! (`search_probe = true`, GOV-D04 站内搜索): beyond a search box on the home page, searching
//! a crawled article's title through the site's own search must list that article. The
//! probe itself ran after the crawl (`crate::verify::search`); this only judges what it saw.

use crate::i18n::Lang;
use crate::model::{SearchAttempt, SearchProbe, SearchResult, SearchSkip};
use crate::rules::engine::{Cx, Outcome};
use crate::rules::{Evidence, Status};

/// How the probe is described in `rules explain`.
pub fn describe(lang: Lang) -> String {
    tr!(
        lang,
        "并以抽取的已抓取文章标题（不超过{}字，长标题取前{}字）通过网站自己的搜索表单（GET）检索，最多{}篇，结果页应列出该文章（链接到文章网址或显示其标题）",
        "and searching the title of a sampled crawled article (at most {} characters; the first {} of a longer one) through the site's own search form (GET), up to {} articles, must list that article (a link to its URL or its title)",
        crate::verify::search::MAX_QUERY,
        crate::verify::search::PREFIX,
        crate::verify::search::MAX_ATTEMPTS
    )
}

fn ev(url: impl Into<String>, text: String) -> Evidence {
    Evidence {
        url: url.into(),
        text,
        path: vec![],
        screenshot: None,
    }
}

fn attempt_text(cx: &Cx, a: &SearchAttempt) -> String {
    let article = cx.site.g.url(a.article);
    let lang = cx.lang;
    match a.result {
        SearchResult::LinkedUrl => tr!(
            lang,
            "检索“{}”：结果链接到文章《{}》（{}）",
            "searching “{}”: the results link to the article “{}” ({})",
            a.query,
            a.title,
            article
        ),
        SearchResult::ListedTitle => tr!(
            lang,
            "检索“{}”：结果列出了文章《{}》（{}）",
            "searching “{}”: the results list the article “{}” ({})",
            a.query,
            a.title,
            article
        ),
        SearchResult::NotListed => tr!(
            lang,
            "检索“{}”：结果页（{}个链接）未列出本站文章《{}》（{}）",
            "searching “{}”: the results page ({} links) does not list the site's article “{}” ({})",
            a.query,
            a.links,
            a.title,
            article
        ),
        SearchResult::HttpError => tr!(
            lang,
            "检索“{}”：搜索地址返回 HTTP {}",
            "searching “{}”: the search URL answered HTTP {}",
            a.query,
            a.status.unwrap_or(0)
        ),
        SearchResult::NeedsJs | SearchResult::Failed => tr!(
            lang,
            "检索“{}”：未能判断（{}）",
            "searching “{}”: not decidable ({})",
            a.query,
            a.detail
        ),
    }
}

fn skip_text(lang: Lang, p: &SearchProbe, why: SearchSkip) -> String {
    let action = p.form.as_ref().map(|f| f.action.as_str()).unwrap_or("");
    match why {
        SearchSkip::Off => lang
            .pick(
                "未实测搜索功能（--no-search-probe），只检查了搜索框",
                "the search was not tried (--no-search-probe); only the search box was checked",
            )
            .into(),
        SearchSkip::NoForm | SearchSkip::ScriptOnly => lang
            .pick(
                "搜索框没有可提交的表单（由脚本执行搜索），未能实测搜索功能，请人工核实",
                "the search box has no form to submit (a script runs the search); the search was not tried, check by hand",
            )
            .into(),
        SearchSkip::PostOnly => tr!(
            lang,
            "搜索表单只能以POST方式提交（{}），未实测（只以GET方式检索），请人工核实",
            "the search form is submitted by POST only ({}); not tried (only GET searches are made), check by hand",
            action
        ),
        SearchSkip::OtherHost => tr!(
            lang,
            "搜索表单提交到抓取范围外的主机 {0}（{1}），未实测；若为本站搜索，可用 --host {0} 加入范围",
            "the search form sends to {0}, outside the crawl's scope ({1}); not tried — if it is the site's own search, add it with --host {0}",
            p.detail,
            action
        ),
        SearchSkip::Robots => tr!(
            lang,
            "robots.txt 不允许请求搜索地址 {}，未实测",
            "robots.txt disallows the search URL {}; not tried",
            p.detail
        ),
        SearchSkip::NoArticles => lang
            .pick(
                "未抓取到可用于检索的文章标题，未实测搜索功能",
                "no crawled article with a usable title; the search was not tried",
            )
            .into(),
        SearchSkip::Budget => lang
            .pick(
                "时间预算用完或检查被中断，未实测搜索功能",
                "the time budget ran out or the run was interrupted; the search was not tried",
            )
            .into(),
    }
}

/// Judge the search probe on top of the markers' outcome `base` (a pass: the home page
/// shows a search box). `weight` is the deduction when the search does not work.
pub fn judge(cx: &Cx, home: usize, base: Outcome, weight: f64) -> Outcome {
    let lang = cx.lang;
    let sep = lang.pick("；", "; ");
    let Some(p) = cx.site.g.search.as_ref() else {
        let msg = format!(
            "{}{sep}{}",
            base.message,
            lang.pick(
                "本次检查未实测搜索功能",
                "the search itself was not tried in this run"
            )
        );
        return Outcome {
            message: msg,
            ..base
        };
    };
    let g = cx.site.g;
    let form_page = p
        .form_page
        .map(|u| g.url(u).to_string())
        .unwrap_or_else(|| cx.site.url(home).to_string());
    let form_ev = || {
        ev(
            form_page.clone(),
            lang.pick("搜索表单", "search form").into(),
        )
    };
    if let Some(why) = p.skipped {
        let msg = format!("{}{sep}{}", base.message, skip_text(lang, p, why));
        if why == SearchSkip::Off {
            return Outcome {
                message: msg,
                ..base
            };
        }
        return Outcome::warn(msg).with_evidence(vec![form_ev()]);
    }
    let article_ev = |a: &SearchAttempt| {
        ev(
            g.url(a.article),
            tr!(
                lang,
                "被检索的本站文章《{}》",
                "the site's article “{}” searched for",
                a.title
            ),
        )
    };
    let search_ev = |a: &SearchAttempt| {
        ev(
            a.url.clone(),
            tr!(
                lang,
                "检索“{}”的结果页",
                "results of searching “{}”",
                a.query
            ),
        )
    };
    if let Some(a) = p.found() {
        let msg = tr!(
            lang,
            "{}{}站内搜索可用：{}",
            "{}{}the search works: {}",
            base.message,
            sep,
            attempt_text(cx, a)
        );
        return Outcome::pass(msg).with_evidence(vec![form_ev(), search_ev(a), article_ev(a)]);
    }
    let tried: Vec<String> = p.attempts.iter().map(|a| attempt_text(cx, a)).collect();
    let decisive = p
        .attempts
        .iter()
        .any(|a| matches!(a.result, SearchResult::NotListed | SearchResult::HttpError));
    let mut evidence = vec![form_ev()];
    for a in &p.attempts {
        evidence.push(search_ev(a));
        evidence.push(article_ev(a));
    }
    if decisive {
        let msg = tr!(
            lang,
            "搜索功能不可用：以本站文章标题检索{}次，结果均未列出该文章：{}",
            "the search does not work: {} searches for the site's own article titles list none of them: {}",
            p.attempts.len(),
            tried.join(sep)
        );
        Outcome::new(Status::Fail, msg)
            .with_evidence(evidence)
            .with_deduction(weight)
    } else {
        let msg = tr!(
            lang,
            "{}{}未能判断搜索是否可用：{}",
            "{}{}could not tell whether the search works: {}",
            base.message,
            sep,
            tried.join(sep)
        );
        Outcome::warn(msg).with_evidence(evidence)
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;
    use crate::model::{SearchAttempt, SearchProbe, SearchResult, SearchSkip};
    use crate::rules::testgraph::{abs, compliant};
    use crate::rules::{EvalContext, SiteOverrides, Status, evaluate, load_packs};

    fn d04(g: &crate::model::SiteGraph) -> crate::rules::CheckResult {
        let ctx = EvalContext {
            probes: Vec::new(),
            home_history: Vec::new(),
            today: jiff::civil::date(2026, 11, 27),
            lang: Lang::Zh,
            overrides: SiteOverrides::default(),
            baseline: None,
        };
        let packs = load_packs(&["gov-2019".to_string()]).unwrap();
        let mut g = g.clone();
        g.reindex();
        evaluate(&g, &packs, &ctx)
            .into_iter()
            .find(|c| c.id == "GOV-D04")
            .unwrap()
    }

    fn probe(g: &mut crate::model::SiteGraph, result: SearchResult) -> SearchProbe {
        let home = g.url_id(&abs("/"));
        let article = g.url_id(&abs("/xwdt/202611/t20261120_1.html"));
        SearchProbe {
            form_page: Some(home),
            form: None,
            skipped: None,
            detail: String::new(),
            attempts: vec![SearchAttempt {
                article,
                title: "全市文旅工作会议召开".into(),
                query: "全市文旅工作会议召开".into(),
                url: abs("/search/?q=x"),
                status: Some(200),
                result,
                links: 3,
                error: None,
                detail: String::new(),
            }],
            requests: 2,
        }
    }

    #[test]
    fn the_probe_decides_once_the_box_is_there() {
        let mut b = compliant();
        // an older graph: no probe result, decided from the box and said so
        let c = d04(&b.g);
        assert_eq!(c.status, Status::Pass);
        assert!(c.message.contains("未实测"), "{}", c.message);
        let p = probe(&mut b.g, SearchResult::ListedTitle);
        b.g.search = Some(p);
        let c = d04(&b.g);
        assert_eq!(c.status, Status::Pass, "{}", c.message);
        let urls: Vec<&str> = c.evidence.iter().map(|e| e.url.as_str()).collect();
        assert_eq!(
            urls,
            [
                abs("/"),
                abs("/search/?q=x"),
                abs("/xwdt/202611/t20261120_1.html")
            ]
        );
        let p = probe(&mut b.g, SearchResult::NotListed);
        b.g.search = Some(p);
        let c = d04(&b.g);
        assert_eq!(c.status, Status::Fail, "{}", c.message);
        assert_eq!(c.deduction, Some(4.0));
        assert!(c.message.contains("搜索功能不可用"), "{}", c.message);
        let p = probe(&mut b.g, SearchResult::NeedsJs);
        b.g.search = Some(p);
        assert_eq!(d04(&b.g).status, Status::Warn);
        b.g.search = Some(SearchProbe::skipped(SearchSkip::Off, None, ""));
        let c = d04(&b.g);
        assert_eq!(c.status, Status::Pass);
        assert!(c.message.contains("--no-search-probe"), "{}", c.message);
        // no box on the home page: fails as before, whatever the probe says
        let home = b.find("/");
        b.p(home).markers.search = false;
        b.g.search = Some(probe(&mut b.g.clone(), SearchResult::LinkedUrl));
        assert_eq!(d04(&b.g).status, Status::Fail);
    }
}
