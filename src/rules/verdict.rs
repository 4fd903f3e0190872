//! The site's overall verdict in the national indicators' terms: triggered 单项否决 items
//! (→ 不合格), and an estimated deduction total over the 扣分 items the crawler can measure,
//! labelled as partial.

use super::pack::{CheckClass, Pack};
use super::{CheckResult, Status};
use serde::Serialize;

/// Overall verdict.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    /// IDs of failed 单项否决 checks
    pub vetoes: Vec<String>,
    /// 合格: no veto and the estimated score (100 − deductions) is at least 60
    pub qualified: bool,
    /// estimated deductions over the measurable 扣分 items
    pub deductions: f64,
    pub deduction_items: Vec<(String, f64)>,
    /// which items the estimate covers, and what could not be decided
    pub partial_note: String,
}

/// Compute the verdict of a site from its results.
pub fn verdict(results: &[CheckResult], packs: &[Pack]) -> Verdict {
    let class_of = |id: &str| {
        packs
            .iter()
            .flat_map(|p| p.checks.iter())
            .find(|c| c.id == id)
            .map(|c| (c.class, c.deduction_cap))
    };
    let mut vetoes = Vec::new();
    let mut undecided_vetoes = Vec::new();
    let mut items = Vec::new();
    let mut measured = Vec::new();
    for r in results {
        match class_of(&r.id) {
            Some((CheckClass::Veto, _)) => match r.status {
                Status::Fail => vetoes.push(r.id.clone()),
                Status::Warn => undecided_vetoes.push(r.id.clone()),
                _ => {}
            },
            Some((CheckClass::Deduction, cap)) => {
                if r.status != Status::NotApplicable {
                    measured.push(r.id.clone());
                }
                if r.status == Status::Fail {
                    let d = r.deduction.unwrap_or(0.0);
                    let d = cap.map_or(d, |c| d.min(c));
                    if d > 0.0 {
                        items.push((r.id.clone(), (d * 100.0).round() / 100.0));
                    }
                }
            }
            _ => {}
        }
    }
    let deductions = (items.iter().map(|(_, d)| d).sum::<f64>() * 100.0).round() / 100.0;
    let mut note = format!(
        "估算扣分仅覆盖可自动测量的扣分项（{}），其余扣分指标（办事服务、互动交流办理答复、功能设计中的搜索准确性、兼容性、IPv6 等）需人工检查；单项否决中的“站点无法访问”仅为单次探测",
        if measured.is_empty() {
            "无".to_string()
        } else {
            measured.join("、")
        }
    );
    if !undecided_vetoes.is_empty() {
        note.push_str(&format!(
            "；以下否决项未能判定：{}",
            undecided_vetoes.join("、")
        ));
    }
    Verdict {
        qualified: vetoes.is_empty() && 100.0 - deductions >= 60.0,
        vetoes,
        deductions,
        deduction_items: items,
        partial_note: note,
    }
}
