//! Texts for `zwgk rules list` and `zwgk rules explain ID`: the catalogue with requirement
//! text, how each check is made and how to fix a failure.

use super::pack::Pack;
use crate::i18n::Lang;

/// One line per check, grouped by pack.
pub fn list_text(packs: &[Pack], lang: Lang) -> String {
    let mut out = String::new();
    for p in packs {
        out.push_str(&format!(
            "{} — {}\n",
            p.name,
            lang.pick(
                &p.title,
                if p.title_en.is_empty() {
                    &p.title
                } else {
                    &p.title_en
                }
            )
        ));
        for c in &p.checks {
            let kinds: Vec<&str> = c.steps.iter().map(|s| s.kind_name()).collect();
            out.push_str(&format!(
                "  {:<8} {:<6} {:<8} {:<10} {}  [{}]\n",
                c.id,
                c.severity.label(lang),
                c.class.label(),
                c.office,
                lang.pick(
                    &c.title,
                    if c.title_en.is_empty() {
                        &c.title
                    } else {
                        &c.title_en
                    }
                ),
                kinds.join("+")
            ));
        }
        if !p.offline.is_empty() {
            out.push_str(&format!(
                "  {}\n",
                lang.pick(
                    "不能在网站上检查的任务（线下职责，不产生检查结果）：",
                    "tasks a website check cannot decide (offline duties, no check result):"
                )
            ));
            for o in &p.offline {
                let reason = lang.pick(
                    &o.reason,
                    if o.reason_en.is_empty() {
                        &o.reason
                    } else {
                        &o.reason_en
                    },
                );
                out.push_str(&format!(
                    "  {:<8} {:<10} {} — {}\n",
                    "—", o.office, o.source, reason
                ));
            }
        }
        out.push('\n');
    }
    out
}

/// Everything about one check, or `None` when no selected pack has it.
pub fn explain_text(packs: &[Pack], id: &str, lang: Lang) -> Option<String> {
    let (p, c) = packs.iter().find_map(|p| {
        p.checks
            .iter()
            .find(|c| c.id.eq_ignore_ascii_case(id))
            .map(|c| (p, c))
    })?;
    let mut s = String::new();
    let title = lang.pick(
        &c.title,
        if c.title_en.is_empty() {
            &c.title
        } else {
            &c.title_en
        },
    );
    s.push_str(&format!("{} {}\n", c.id, title));
    s.push_str(&format!(
        "{}: {}  {}: {}  {}: {}  {}: {}\n",
        lang.pick("规则包", "pack"),
        p.name,
        lang.pick("类别", "class"),
        c.class.label(),
        lang.pick("严重程度", "severity"),
        c.severity.label(lang),
        lang.pick("牵头处室", "office"),
        c.office
    ));
    if !c.applies_to.is_empty() {
        s.push_str(&format!(
            "{}: {}\n",
            lang.pick("适用网站", "applies to"),
            c.applies_to.join("、")
        ));
    }
    if !c.source.is_empty() {
        s.push_str(&format!("{}: {}\n", lang.pick("依据", "source"), c.source));
    }
    s.push_str(&format!(
        "\n{}:\n  {}\n",
        lang.pick("要求原文", "requirement"),
        c.requirement
    ));
    s.push_str(&format!(
        "\n{}:\n",
        lang.pick("检查方法", "how it is checked")
    ));
    for (n, step) in c.steps.iter().enumerate() {
        s.push_str(&format!(
            "  {}. [{}] {}\n",
            n + 1,
            step.kind_name(),
            step.describe(lang)
        ));
    }
    if let Some(cap) = c.deduction_cap {
        s.push_str(&format!(
            "  {}: {}\n",
            lang.pick("扣分上限", "deduction cap"),
            cap
        ));
    }
    let fix = lang.pick(
        &c.how_to_fix,
        if c.how_to_fix_en.is_empty() {
            &c.how_to_fix
        } else {
            &c.how_to_fix_en
        },
    );
    if !fix.is_empty() {
        s.push_str(&format!(
            "\n{}:\n  {}\n",
            lang.pick("整改建议", "how to fix"),
            fix
        ));
    }
    Some(s)
}
