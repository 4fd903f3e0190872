//! The crawl's focus hint built from the selected rule packs: every column a check looks
//! for (path segments — the ancestors — its `column`, required sub-columns) with all its
//! alias-table variants and URL slugs. The crawl fetches links that match it first.

use super::pack::Pack;
use crate::model::FocusHint;

/// Build the hint for `packs`; `sample` articles per list page are fetched early.
pub fn focus_hint(packs: &[Pack], sample: usize) -> FocusHint {
    let mut names = Vec::new();
    let mut slugs = Vec::new();
    for pack in packs {
        for check in &pack.checks {
            for step in &check.steps {
                for name in step.column_names() {
                    let set = pack.aliases.column(name);
                    names.extend(set.norms);
                    slugs.extend(set.slugs);
                }
            }
        }
    }
    FocusHint::new(names, slugs, sample)
}

/// Does a selected pack judge the site's search by searching (GOV-D04)? Then the run
/// lets the search probe search after the crawl.
pub fn wants_search_probe(packs: &[Pack]) -> bool {
    packs.iter().flat_map(|p| &p.checks).any(|c| {
        c.steps
            .iter()
            .any(|s| matches!(s, super::kinds::Step::Markers(m) if m.search_probe))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hint_of_the_default_packs_names_required_columns_and_ancestors() {
        let packs =
            crate::rules::load_packs(&["cq-wlw-2021".to_string(), "gov-2019".to_string()]).unwrap();
        let h = focus_hint(&packs, 5);
        assert_eq!(h.sample, 5);
        for t in [
            "政府信息公开",
            "法定主动公开内容",
            "政府信息公开目录",
            "预算/决算",
            "政策解读",
            "联系我们",
            "咨询建言",
        ] {
            assert!(h.matches_text(t), "{t}");
        }
        assert!(!h.matches_text("区长活动"));
        let u = url::Url::parse("http://x.gov.cn/zwgk_221/fdzdgknr/").unwrap();
        assert!(h.matches_url(&u));
    }
}
