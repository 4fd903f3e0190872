//! Evaluation: every check of the selected packs, decided on the crawled site, exactly
//! once. Steps of a check run in order; a `path` step hands the column it found to the
//! steps after it. A crawl problem that prevents a decision gives `warn`, never a pass.

use super::aliases::AliasTable;
use super::calendar::Calendar;
use super::coverage;
use super::kinds::Step;
use super::locate::{Locate, Located, locate, segments};
use super::overrides::{SiteOverrides, site_kind};
use super::pack::{CheckClass, CheckDef, Pack};
use super::site::Site;
use super::{CheckResult, Evidence, Status, StepResult};
use crate::i18n::Lang;
use crate::model::{ErrorClass, SiteGraph};
use jiff::civil::Date;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

/// The production crawl a CI run before a redesign compares with (`--baseline`).
#[derive(Debug, Clone)]
pub enum Baseline {
    /// the baseline's `site-graph.json`
    Graph(std::sync::Arc<SiteGraph>),
    /// a baseline report was given but its site graph cannot be used: why
    Missing(String),
}

/// What the evaluation needs besides the graph and the packs.
#[derive(Debug, Clone)]
pub struct EvalContext {
    /// the date the site is judged at (`--as-of`)
    pub today: Date,
    pub lang: Lang,
    pub overrides: SiteOverrides,
    /// Home-page probes from the history store (`zwgk probe`, earlier runs): (time, answered
    /// within the timeout). GOV-V01 judges the last week of them when there are enough.
    pub probes: Vec<(jiff::Timestamp, bool)>,
    /// The home page's text hash in earlier runs (history store), oldest first: GOV-V02
    /// also fails when the home page has not changed at all for the whole window.
    pub home_history: Vec<(jiff::Timestamp, u64)>,
    /// The baseline crawl (`--baseline`), for the `baseline` check kind.
    pub baseline: Option<Baseline>,
}

/// Shared state of one evaluation, handed to every check kind.
pub struct Cx<'a, 'g> {
    pub site: &'a Site<'g>,
    pub aliases: &'a AliasTable,
    pub cal: &'a Calendar,
    pub today: Date,
    pub lang: Lang,
    /// 区县 / 部门 / 门户
    pub kind: &'a str,
    pub overrides: &'a SiteOverrides,
    pub probes: &'a [(jiff::Timestamp, bool)],
    pub home_history: &'a [(jiff::Timestamp, u64)],
    pub baseline: Option<&'a Baseline>,
    /// The column paths of the selected packs' `path` steps (path, max_extra), in order.
    pub column_paths: Vec<(Vec<String>, u32)>,
    cache: RefCell<HashMap<String, Locate>>,
    /// deduction cap of the check being evaluated (messages quote capped estimates)
    pub deduction_cap: std::cell::Cell<Option<f64>>,
}

impl<'a, 'g> Cx<'a, 'g> {
    pub fn new(
        site: &'a Site<'g>,
        aliases: &'a AliasTable,
        cal: &'a Calendar,
        ctx: &'a EvalContext,
        kind: &'a str,
    ) -> Self {
        Cx {
            site,
            aliases,
            cal,
            today: ctx.today,
            lang: ctx.lang,
            kind,
            overrides: &ctx.overrides,
            probes: &ctx.probes,
            home_history: &ctx.home_history,
            baseline: ctx.baseline.as_ref(),
            column_paths: Vec::new(),
            cache: RefCell::new(HashMap::new()),
            deduction_cap: std::cell::Cell::new(None),
        }
    }

    /// An estimated deduction within the current check's cap, and a note when the cap
    /// applied (`（已达上限1分）`).
    pub fn capped(&self, d: f64) -> (f64, String) {
        match self.deduction_cap.get() {
            Some(cap) if d > cap => (
                cap,
                tr!(
                    self.lang,
                    "（已达该项扣分上限{}分）",
                    " (the item's cap of {} points)",
                    cap
                ),
            ),
            _ => (d, String::new()),
        }
    }

    /// Find a column by its path (cached per evaluation).
    pub fn locate(&self, path: &[String], max_extra: u32) -> Locate {
        let key = format!("{}#{max_extra}", path.join(">"));
        if let Some(l) = self.cache.borrow().get(&key) {
            return l.clone();
        }
        let segs = segments(path, self.aliases);
        let l = locate(self.site, &segs, max_extra, self.overrides, self.lang);
        self.cache.borrow_mut().insert(key, l.clone());
        l
    }

    /// Pick the Chinese or English text.
    pub fn t(&self, zh: String, en: String) -> String {
        match self.lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// Evidence pointing at a page.
    pub fn page_evidence(&self, i: usize, text: String) -> Evidence {
        Evidence {
            url: self.site.url(i).to_string(),
            text,
            path: vec![],
            screenshot: None,
        }
    }
}

/// What one step decided.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub status: Status,
    pub message: String,
    pub evidence: Vec<Evidence>,
    /// estimated deduction (扣分 items), before the check's cap
    pub deduction: f64,
    /// the column this step found, for the steps after it
    pub column: Option<Located>,
    /// the latest crawl request the decision rests on, when the step knows it better
    /// than its evidence does (an absence: the last page searched); 0 = from the evidence
    pub needed: u32,
}

impl Outcome {
    pub fn new(status: Status, message: String) -> Self {
        Outcome {
            status,
            message,
            evidence: vec![],
            deduction: 0.0,
            column: None,
            needed: 0,
        }
    }
    pub fn pass(message: String) -> Self {
        Self::new(Status::Pass, message)
    }
    pub fn fail(message: String) -> Self {
        Self::new(Status::Fail, message)
    }
    pub fn warn(message: String) -> Self {
        Self::new(Status::Warn, message)
    }
    pub fn with_evidence(mut self, e: Vec<Evidence>) -> Self {
        self.evidence.extend(e);
        self
    }
    pub fn needing(mut self, order: u32) -> Self {
        self.needed = order;
        self
    }
    pub fn with_deduction(mut self, d: f64) -> Self {
        self.deduction = d;
        self
    }
}

fn rank(s: Status) -> u8 {
    match s {
        Status::Pass | Status::NotApplicable => 0,
        Status::Warn => 1,
        Status::Fail => 2,
    }
}

fn result(
    check: &CheckDef,
    lang: Lang,
    status: Status,
    message: String,
    evidence: Vec<Evidence>,
    deduction: Option<f64>,
) -> CheckResult {
    CheckResult {
        id: check.id.clone(),
        title: lang.pick(&check.title, &check.title_en).to_string(),
        office: check.office.clone(),
        severity: check.severity,
        status,
        message,
        requirement: check.requirement.clone(),
        evidence,
        deduction,
        fix: match lang {
            Lang::En if !check.how_to_fix_en.is_empty() => check.how_to_fix_en.clone(),
            _ => check.how_to_fix.clone(),
        },
        class: Some(check.class.label().to_string()),
        indicator: indicator_of(&check.source),
        deduction_cap: check.deduction_cap,
        kinds: check
            .steps
            .iter()
            .map(|s| s.kind_name().to_string())
            .collect(),
        per_evidence: check.per_evidence,
        decided_after_requests: None,
        coverage: None,
        steps: Vec::new(),
    }
}

/// 一级指标 and 二级指标 from a source such as `国办发〔2019〕…：网站可用性-首页可用性`.
fn indicator_of(source: &str) -> Option<super::Indicator> {
    source
        .split_once('：')
        .or_else(|| source.split_once(':'))
        .map(|(_, rest)| rest)
        .and_then(|rest| rest.split_once('-'))
        .map(|(a, b)| super::Indicator {
            level1: a.trim().to_string(),
            level2: b.trim().to_string(),
        })
}

/// Why nothing can be decided when the home page itself failed.
fn start_failure(site: &Site, lang: Lang) -> Option<String> {
    if site.home.is_some() {
        return None;
    }
    let start = site.g.find_url(&site.g.start_url);
    let err = start
        .and_then(|id| site.error(id))
        .or_else(|| site.g.errors.iter().find(|e| e.depth == 0));
    Some(match err {
        Some(e) if e.class == ErrorClass::Blocked => tr!(
            lang,
            "首页被防火墙/反爬虫拦截（{}），无法检查；请在浏览器中确认或联系网站运维放行",
            "the home page was blocked by a firewall/anti-bot challenge ({}); nothing could be checked",
            e.message
        ),
        Some(e) => tr!(
            lang,
            "首页无法抓取（{:?}：{}），无法检查此项",
            "the home page could not be fetched ({:?}: {}); this check could not be made",
            e.class,
            e.message
        ),
        None => lang
            .pick(
                "首页未能抓取，无法检查此项",
                "the home page was not fetched; this check could not be made",
            )
            .to_string(),
    })
}

/// What the steps of one check decided together.
struct Run {
    status: Status,
    message: String,
    evidence: Vec<Evidence>,
    deduction: f64,
    needed: u32,
    steps: Vec<StepResult>,
}

fn run_check(cx: &Cx, check: &CheckDef) -> Run {
    let mut steps = Vec::new();
    let mut prev: Option<Located> = None;
    let mut status = Status::Pass;
    let mut messages = Vec::new();
    let mut evidence = Vec::new();
    let mut deduction = 0.0;
    let mut needed = 0u32;
    for step in &check.steps {
        let o = step.eval(cx, prev.as_ref());
        if let Some(c) = &o.column {
            prev = Some(c.clone());
        }
        if rank(o.status) > rank(status) {
            status = o.status;
        }
        if !o.message.is_empty() {
            messages.push(o.message.clone());
        }
        steps.push(StepResult {
            kind: step.kind_name().to_string(),
            status: o.status,
            evidence: o.evidence.len(),
        });
        evidence.extend(o.evidence.clone());
        deduction += o.deduction;
        needed = needed.max(o.needed);
        // a column found off the required path still feeds the steps after it
        if matches!(step, Step::Path(_)) && o.status != Status::Pass && o.column.is_none() {
            break;
        }
    }
    let sep = cx.lang.pick("；", "; ");
    Run {
        status,
        message: messages.join(sep),
        evidence,
        deduction,
        needed,
        steps,
    }
}

/// Evaluate every check of `packs` on `graph`. Each check ID appears exactly once.
pub fn evaluate(graph: &SiteGraph, packs: &[Pack], ctx: &EvalContext) -> Vec<CheckResult> {
    let site = Site::new(graph);
    let identity = super::identity::identify(graph);
    let (kind, inferred) = site_kind(&ctx.overrides, &site.host, identity.kind);
    let mut aliases = AliasTable::default();
    let mut cal = Calendar::default();
    for p in packs {
        aliases.merge_table(&p.aliases);
        cal.holidays.extend(p.calendar.holidays.iter().copied());
        cal.workdays.extend(p.calendar.workdays.iter().copied());
        cal.years.extend(p.calendar.years.iter().copied());
    }
    let mut cx = Cx::new(&site, &aliases, &cal, ctx, &kind);
    cx.column_paths = packs
        .iter()
        .flat_map(|p| &p.checks)
        .flat_map(|c| &c.steps)
        .filter_map(|s| match s {
            Step::Path(p) => Some((p.path.clone(), p.max_extra)),
            _ => None,
        })
        .collect();
    let lang = ctx.lang;
    let start_failed = start_failure(&site, lang);
    let mut done = HashSet::new();
    let mut out = Vec::new();
    for pack in packs {
        for check in &pack.checks {
            if !done.insert(check.id.clone()) {
                continue;
            }
            let deductible = check.class == CheckClass::Deduction;
            if ctx.overrides.not_applicable.iter().any(|i| i == &check.id) {
                out.push(result(
                    check,
                    lang,
                    Status::NotApplicable,
                    lang.pick(
                        "站点配置声明此项不适用",
                        "declared not applicable in the site overrides",
                    )
                    .to_string(),
                    vec![],
                    None,
                ));
                continue;
            }
            if !check.applies_to.is_empty() && !check.applies_to.iter().any(|k| k == &kind) {
                let how = match (inferred, identity.source) {
                    (false, _) => String::new(),
                    (true, Some(src)) => tr!(
                        lang,
                        "（按网站自身的{}“{}”判断；可用 --kind 或站点配置中的 kind 更正）",
                        " (from the site's own {} “{}”; correct it with --kind or `kind` in the site overrides)",
                        src,
                        identity.name.as_deref().unwrap_or("")
                    ),
                    (true, None) => lang
                        .pick(
                            "（按域名推断；可在站点配置中设置 kind）",
                            " (inferred from the host name; set `kind` in the site overrides)",
                        )
                        .to_string(),
                };
                out.push(result(
                    check,
                    lang,
                    Status::NotApplicable,
                    tr!(
                        lang,
                        "此项只适用于{}网站，本站为{}网站{}",
                        "applies to {} sites only; this is a {} site{}",
                        check.applies_to.join("/"),
                        kind,
                        how
                    ),
                    vec![],
                    None,
                ));
                continue;
            }
            let reach_only = check
                .steps
                .iter()
                .all(|s| matches!(s, Step::Reachability(_)));
            if let (Some(why), false) = (&start_failed, reach_only) {
                out.push(result(check, lang, Status::Warn, why.clone(), vec![], None));
                continue;
            }
            cx.deduction_cap.set(check.deduction_cap);
            let Run {
                mut status,
                mut message,
                evidence,
                mut deduction,
                needed,
                steps,
            } = run_check(&cx, check);
            if let Some(cap) = check.deduction_cap {
                deduction = deduction.min(cap);
            }
            let whole = coverage::whole_site(check);
            let cov = whole.then(|| coverage::coverage(&site));
            if let (Some(c), Some(reason)) = (&cov, coverage::cut(&site))
                && status != Status::NotApplicable
            {
                // a part of the site is not the whole: say how much was seen
                message = coverage::cut_message(lang, c, reason, &message);
                status = Status::Warn;
            }
            let decided = matches!(status, Status::Pass | Status::Fail)
                .then(|| coverage::decided_after(&site, &evidence, needed, whole));
            // a finding that comes with how to fix it (in `fix`) ends as a sentence
            if status != Status::Pass
                && !check.how_to_fix.is_empty()
                && !message.trim_end().ends_with(['。', '.', '！', '？', '；'])
            {
                message.push_str(lang.pick("。", "."));
            }
            let d = (deductible && status == Status::Fail)
                .then_some((deduction * 100.0).round() / 100.0);
            let mut r = result(check, lang, status, message, evidence, d);
            r.decided_after_requests = decided;
            r.coverage = cov;
            r.steps = steps;
            out.push(r);
        }
    }
    out
}
