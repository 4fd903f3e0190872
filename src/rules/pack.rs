//! Rule packs: TOML files that instantiate generic check kinds with names, aliases,
//! thresholds, severity, the responsible office and the requirement text. The two
//! built-in packs, the shared alias table and the holiday calendar are embedded in the
//! binary; any other pack is read from a file path.

use super::Severity;
use super::aliases::{AliasEntry, AliasFile, AliasTable};
use super::calendar::Calendar;
use super::error::{RuleError, from_toml, invalid};
use super::kinds::Step;
use super::overrides::SITE_KINDS;
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};

/// Built-in packs: (name, file name, text).
pub const BUILTIN: &[(&str, &str, &str)] = &[
    (
        "cq-wlw-2021",
        "rules/cq-wlw-2021.toml",
        include_str!("../../rules/cq-wlw-2021.toml"),
    ),
    (
        "gov-2019",
        "rules/gov-2019.toml",
        include_str!("../../rules/gov-2019.toml"),
    ),
    (
        CI_PACK,
        "rules/ci-redesign.toml",
        include_str!("../../rules/ci-redesign.toml"),
    ),
    (
        "nb-2021",
        "rules/nb-2021.toml",
        include_str!("../../rules/nb-2021.toml"),
    ),
];
/// Packs evaluated when none are chosen.
pub const DEFAULT_PACKS: &[&str] = &["cq-wlw-2021", "gov-2019", "nb-2021"];
/// The pack added when a check compares with a baseline (`--baseline`).
pub const CI_PACK: &str = "ci-redesign";

/// Names of every built-in pack (`zwgk rules list` shows them all).
pub fn builtin_names() -> Vec<String> {
    BUILTIN.iter().map(|(n, _, _)| n.to_string()).collect()
}

/// Is this a check ID of the built-in `ci-redesign` pack? (`--fail-on new` fails on any of
/// them.)
pub fn is_ci_check(id: &str) -> bool {
    static IDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    IDS.get_or_init(|| {
        BUILTIN
            .iter()
            .filter(|(n, _, _)| *n == CI_PACK)
            .filter_map(|(_, f, t)| parse_pack(f, t).ok())
            .flat_map(|p| p.checks.into_iter().map(|c| c.id))
            .collect()
    })
    .iter()
    .any(|c| c == id)
}
/// The shared alias table.
pub const ALIASES: (&str, &str) = (
    "rules/aliases.toml",
    include_str!("../../rules/aliases.toml"),
);
/// The holiday calendar.
pub const CALENDAR: (&str, &str) = (
    "rules/calendar.toml",
    include_str!("../../rules/calendar.toml"),
);

/// How a check counts in the national indicators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
pub enum CheckClass {
    /// 单项否决: any one ⇒ 不合格
    #[serde(rename = "单项否决", alias = "veto")]
    Veto,
    /// 扣分: deduction item
    #[serde(rename = "扣分", alias = "deduction")]
    Deduction,
    /// 提示: informational
    #[serde(rename = "提示", alias = "info")]
    Info,
    /// a requirement of the seed document (task list)
    #[serde(rename = "seed")]
    Seed,
    /// a CI check before a redesign (compared with the production baseline)
    #[serde(rename = "ci")]
    Ci,
}

impl CheckClass {
    pub fn label(self) -> &'static str {
        match self {
            CheckClass::Veto => "单项否决",
            CheckClass::Deduction => "扣分",
            CheckClass::Info => "提示",
            CheckClass::Seed => "seed",
            CheckClass::Ci => "上线检查",
        }
    }
}

/// One check of a pack.
#[derive(Debug, Clone)]
pub struct CheckDef {
    pub id: String,
    pub title: String,
    pub title_en: String,
    pub severity: Severity,
    /// 牵头处室
    pub office: String,
    pub class: CheckClass,
    /// the requirement text it enforces (quoted from the seed / indicator)
    pub requirement: String,
    /// where the requirement comes from (seed item, indicator)
    pub source: String,
    pub how_to_fix: String,
    pub how_to_fix_en: String,
    /// site kinds it applies to (empty = all)
    pub applies_to: Vec<String>,
    /// maximum deduction (扣分 items)
    pub deduction_cap: Option<f64>,
    /// CI formats (JUnit, SARIF) write one test case / result per evidence item (each lost
    /// URL or column) instead of one per check.
    pub per_evidence: bool,
    pub steps: Vec<Step>,
}

/// A task of the source document that cannot be checked on a website (an offline duty:
/// a service-hall window, hotline seats, internal rules, training); listed by
/// `zwgk rules list` so that a reader sees the whole task list. Never a check result.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfflineItem {
    /// where it stands in the source (任务分工 二(二) 政策咨询4)
    pub source: String,
    /// the task, quoted
    pub requirement: String,
    /// 牵头处室
    pub office: String,
    /// why a crawler cannot check it
    pub reason: String,
    #[serde(default)]
    pub reason_en: String,
}

/// A loaded pack.
#[derive(Debug, Clone)]
pub struct Pack {
    pub name: String,
    pub title: String,
    pub title_en: String,
    /// file it was read from
    pub file: String,
    pub checks: Vec<CheckDef>,
    /// tasks of the source that no website check can decide
    pub offline: Vec<OfflineItem>,
    /// the shared aliases merged with the pack's own
    pub aliases: AliasTable,
    pub calendar: Calendar,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    name: String,
    title: String,
    #[serde(default)]
    title_en: String,
    #[serde(default)]
    source: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckFile {
    id: toml::Spanned<String>,
    title: String,
    #[serde(default)]
    title_en: String,
    severity: Severity,
    #[serde(default)]
    office: Option<String>,
    class: CheckClass,
    requirement: String,
    #[serde(default)]
    source: String,
    #[serde(default)]
    how_to_fix: String,
    #[serde(default)]
    how_to_fix_en: String,
    #[serde(default)]
    applies_to: Vec<String>,
    #[serde(default)]
    deduction_cap: Option<f64>,
    #[serde(default)]
    per_evidence: bool,
    #[serde(default)]
    step: Vec<Step>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PackFile {
    pack: Header,
    #[serde(default)]
    check: Vec<CheckFile>,
    #[serde(default)]
    offline: Vec<OfflineItem>,
    #[serde(default)]
    column: BTreeMap<String, AliasEntry>,
    #[serde(default)]
    term: BTreeMap<String, AliasEntry>,
}

fn base_tables() -> Result<(AliasTable, Calendar), RuleError> {
    Ok((
        AliasTable::parse(ALIASES.0, ALIASES.1)?,
        Calendar::parse(CALENDAR.0, CALENDAR.1)?,
    ))
}

/// Parse and validate a pack file's text.
pub fn parse_pack(file: &str, text: &str) -> Result<Pack, RuleError> {
    let f: PackFile = toml::from_str(text).map_err(|e| from_toml(file, text, &e))?;
    let (mut aliases, calendar) = base_tables()?;
    aliases.merge(&AliasFile {
        column: f.column,
        term: f.term,
    });
    let mut seen = HashSet::new();
    let mut checks = Vec::new();
    for c in f.check {
        let span = Some(c.id.span());
        let id = c.id.into_inner();
        let bad = |m: String| invalid(file, text, span.clone(), format!("check {id}: {m}"));
        if id.trim().is_empty() {
            return Err(bad("empty id".into()));
        }
        if !seen.insert(id.clone()) {
            return Err(bad("duplicate check ID".into()));
        }
        let office = c.office.unwrap_or_default();
        if office.trim().is_empty() {
            return Err(bad("missing `office` (牵头处室)".into()));
        }
        if c.requirement.trim().is_empty() {
            return Err(bad("empty `requirement`".into()));
        }
        if c.step.is_empty() {
            return Err(bad(
                "no `[[check.step]]`: a check needs at least one step".into()
            ));
        }
        for k in &c.applies_to {
            if !SITE_KINDS.contains(&k.as_str()) {
                return Err(bad(format!(
                    "unknown site kind `{k}` in applies_to (expected 区县, 部门, 门户)"
                )));
            }
        }
        let mut has_column = false;
        for (n, s) in c.step.iter().enumerate() {
            s.validate(&aliases, has_column)
                .map_err(|m| bad(format!("step {} ({}): {m}", n + 1, s.kind_name())))?;
            has_column |= matches!(s, Step::Path(_));
        }
        checks.push(CheckDef {
            id,
            title: c.title,
            title_en: c.title_en,
            severity: c.severity,
            office,
            class: c.class,
            requirement: c.requirement,
            source: c.source,
            how_to_fix: c.how_to_fix,
            how_to_fix_en: c.how_to_fix_en,
            applies_to: c.applies_to,
            deduction_cap: c.deduction_cap,
            per_evidence: c.per_evidence,
            steps: c.step,
        });
    }
    for o in &f.offline {
        if o.requirement.trim().is_empty()
            || o.office.trim().is_empty()
            || o.reason.trim().is_empty()
        {
            return Err(invalid(
                file,
                text,
                None,
                format!(
                    "offline item `{}`: `requirement`, `office` and `reason` must not be empty",
                    o.source
                ),
            ));
        }
    }
    Ok(Pack {
        name: f.pack.name,
        title: f.pack.title,
        title_en: f.pack.title_en,
        file: file.to_string(),
        checks,
        offline: f.offline,
        aliases,
        calendar: {
            let _ = &f.pack.source;
            calendar
        },
    })
}

/// Load packs by selector: a built-in pack name or a path to a pack file.
/// An empty selection loads the [`DEFAULT_PACKS`].
pub fn load_packs(selectors: &[String]) -> Result<Vec<Pack>, RuleError> {
    let wanted: Vec<String> = if selectors.is_empty() {
        DEFAULT_PACKS.iter().map(|n| n.to_string()).collect()
    } else {
        selectors.to_vec()
    };
    let mut packs: Vec<Pack> = Vec::new();
    for sel in wanted {
        let pack = if let Some((_, file, text)) = BUILTIN.iter().find(|(n, _, _)| *n == sel) {
            parse_pack(file, text)?
        } else if std::path::Path::new(&sel).is_file() {
            let text = std::fs::read_to_string(&sel).map_err(|source| RuleError::Io {
                path: sel.clone(),
                source,
            })?;
            parse_pack(&sel, &text)?
        } else {
            return Err(RuleError::UnknownPack(sel));
        };
        if packs.iter().any(|p| p.name == pack.name) {
            continue;
        }
        for c in &pack.checks {
            if let Some(other) = packs.iter().find(|p| p.checks.iter().any(|o| o.id == c.id)) {
                return Err(RuleError::Invalid {
                    file: pack.file.clone(),
                    line: 1,
                    column: 1,
                    message: format!(
                        "check {} is also defined in pack {} ({})",
                        c.id, other.name, other.file
                    ),
                });
            }
        }
        packs.push(pack);
    }
    Ok(packs)
}
