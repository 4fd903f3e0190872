//! `zwgk history SITE`: each check's status across runs, oldest to newest.

use super::RunRow;
use crate::i18n::Lang;
use crate::rules::Status;
use std::collections::BTreeSet;
use std::fmt::Write as _;

fn mark(s: Option<&Status>) -> &'static str {
    match s {
        Some(Status::Pass) => "✓",
        Some(Status::Fail) => "✗",
        Some(Status::Warn) => "?",
        Some(Status::NotApplicable) => "-",
        None => " ",
    }
}

/// Render the trend table of one site.
pub fn render(site: &str, runs: &[RunRow], lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} {site}", lang.pick("站点", "site"));
    for (i, r) in runs.iter().enumerate() {
        let verdict = match r.qualified {
            Some(true) => lang.pick("合格", "qualified"),
            Some(false) => lang.pick("不合格", "unqualified"),
            None => "-",
        };
        let _ = match lang {
            Lang::Zh => writeln!(
                out,
                "#{:<3} {}  页面 {}（未变化 {}）  错误 {}  {}  估计扣分 {:.1}",
                i + 1,
                r.started_at,
                r.pages,
                r.unchanged,
                r.errors,
                verdict,
                r.deductions.unwrap_or(0.0)
            ),
            Lang::En => writeln!(
                out,
                "#{:<3} {}  pages {} (unchanged {})  errors {}  {}  est. deductions {:.1}",
                i + 1,
                r.started_at,
                r.pages,
                r.unchanged,
                r.errors,
                verdict,
                r.deductions.unwrap_or(0.0)
            ),
        };
    }
    let ids: BTreeSet<&String> = runs.iter().flat_map(|r| r.statuses.keys()).collect();
    let _ = writeln!(
        out,
        "\n{:<10} {}  ({})",
        lang.pick("检查", "check"),
        (1..=runs.len())
            .map(|i| format!("#{i}"))
            .collect::<Vec<_>>()
            .join(" "),
        lang.pick(
            "✓ 通过 ✗ 不通过 ? 待确认 - 不适用",
            "✓ pass ✗ fail ? warn - n/a"
        )
    );
    for id in ids {
        let cells: Vec<String> = runs
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let w = format!("#{}", i + 1).chars().count();
                format!("{:<w$}", mark(r.statuses.get(id)))
            })
            .collect();
        let last = runs.last().and_then(|r| r.statuses.get(id));
        let prev = runs
            .len()
            .checked_sub(2)
            .and_then(|i| runs[i].statuses.get(id));
        let note = match (prev, last) {
            (Some(Status::Pass), Some(Status::Fail)) => {
                lang.pick("  ← 新增问题", "  ← new failure")
            }
            (Some(Status::Fail), Some(Status::Pass)) => lang.pick("  ← 已整改", "  ← fixed"),
            _ => "",
        };
        let _ = writeln!(out, "{:<10} {}{note}", id, cells.join(" "));
    }
    out
}
