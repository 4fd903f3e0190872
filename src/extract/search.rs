//! The site-search form of a page, read the way a browser submits it (HTML form
//! submission: the successful controls in tree order), so that the search probe can build
//! the very URL a person's browser requests when they type a title and press Enter.
//!
//! A form is a search form when its action, name or id says so (`search`, `was5`,
//! `jsearch`, `sousuo` …) or it holds a search field (`searchword`, `q`, `keyword` …, or a
//! 搜索/检索 placeholder). The search field is that field, else the form's first text field.
//! Forms run by a script (`action="javascript:…"`, `action="#"`, an `onsubmit` that returns
//! false, no action and only script buttons) are recorded as [`FormMethod::Script`].

use super::PageIndex;
use super::links::Resolver;
use super::text::collapse;
use crate::model::{FormMethod, SearchForm, Txt};
use scraper::ElementRef;

/// Words in a form's action that name a search engine or page.
pub(crate) const ACTION_WORDS: &[&str] = &[
    "search",
    "was5",
    "was40",
    "jsearch",
    "sousuo",
    "query",
    "govsearch",
    "trssearch",
    "jrobot",
];

/// Names of search fields.
pub(crate) const QUERY_NAMES: &[&str] = &[
    "searchword",
    "q",
    "key",
    "keyword",
    "keywords",
    "query",
    "sword",
    "wd",
    "searchkey",
    "kw",
    "searchtext",
];

/// Most controls kept per form (a form with hundreds of hidden inputs is not a search box).
const MAX_FIELDS: usize = 40;
/// Longest value kept per control.
const MAX_VALUE: usize = 200;

fn lower_attr(el: ElementRef<'_>, name: &str) -> String {
    el.attr(name).unwrap_or("").trim().to_ascii_lowercase()
}

fn input_type(el: ElementRef<'_>) -> String {
    match el.value().name() {
        "input" => {
            let t = lower_attr(el, "type");
            if t.is_empty() { "text".into() } else { t }
        }
        "button" => {
            let t = lower_attr(el, "type");
            if t.is_empty() { "submit".into() } else { t }
        }
        other => other.to_string(),
    }
}

/// A field a person types a search into: a named text-like input.
fn is_text_field(el: ElementRef<'_>) -> bool {
    el.value().name() == "input"
        && matches!(input_type(el).as_str(), "text" | "search")
        && el.attr("name").is_some_and(|n| !n.trim().is_empty())
}

/// Is this input a search field by its name, id or placeholder?
pub(crate) fn is_query_input(el: ElementRef<'_>) -> bool {
    let n = lower_attr(el, "name");
    QUERY_NAMES.contains(&n.as_str())
        || el
            .attr("placeholder")
            .is_some_and(|p| p.contains("搜索") || p.contains("检索"))
}

/// Does the form say it is a search form (action, name or id)?
pub(crate) fn is_search_form(form: ElementRef<'_>) -> bool {
    let a = lower_attr(form, "action");
    ACTION_WORDS.iter().any(|k| a.contains(k))
        || form
            .attr("name")
            .or(form.attr("id"))
            .is_some_and(|n| n.to_ascii_lowercase().contains("search"))
}

fn controls(form: ElementRef<'_>) -> impl Iterator<Item = ElementRef<'_>> {
    form.descendent_elements()
        .filter(|e| matches!(e.value().name(), "input" | "select" | "textarea" | "button"))
        .filter(|e| e.attr("disabled").is_none())
}

fn value(s: &str) -> Txt {
    let v: String = s.chars().take(MAX_VALUE).collect();
    Txt::from(v.as_str())
}

/// The submitted (name, value) pairs of one control, in the order a browser sends them.
fn submitted(el: ElementRef<'_>, is_submitter: bool, out: &mut Vec<(Txt, Txt)>) {
    let Some(name) = el.attr("name").map(str::trim).filter(|n| !n.is_empty()) else {
        return;
    };
    let t = input_type(el);
    match el.value().name() {
        "select" => {
            let options: Vec<ElementRef<'_>> = el
                .descendent_elements()
                .filter(|o| o.value().name() == "option")
                .collect();
            let multiple = el.attr("multiple").is_some();
            let mut chosen: Vec<ElementRef<'_>> = options
                .iter()
                .copied()
                .filter(|o| o.attr("selected").is_some())
                .collect();
            if chosen.is_empty() && !multiple {
                chosen.extend(options.first().copied());
            }
            if !multiple {
                chosen.truncate(1);
            }
            for o in chosen {
                let v = o
                    .attr("value")
                    .map(str::to_string)
                    .unwrap_or_else(|| collapse(&o.text().collect::<String>()));
                out.push((name.into(), value(&v)));
            }
        }
        "textarea" => {
            let v: String = el.text().collect();
            out.push((name.into(), value(&v)));
        }
        _ => match t.as_str() {
            "checkbox" | "radio" => {
                if el.attr("checked").is_some() {
                    out.push((name.into(), value(el.attr("value").unwrap_or("on"))));
                }
            }
            "submit" | "image" => {
                if is_submitter {
                    if t == "image" {
                        out.push((format!("{name}.x").as_str().into(), "0".into()));
                        out.push((format!("{name}.y").as_str().into(), "0".into()));
                    } else {
                        out.push((name.into(), value(el.attr("value").unwrap_or(""))));
                    }
                }
            }
            "button" | "reset" | "file" => {}
            _ => out.push((name.into(), value(el.attr("value").unwrap_or("")))),
        },
    }
}

/// Is the form run by a script rather than submitted?
fn run_by_script(form: ElementRef<'_>, has_submit: bool) -> bool {
    let action = form.attr("action").map(str::trim);
    let onsubmit = lower_attr(form, "onsubmit");
    let cancels = onsubmit.replace(' ', "").ends_with("returnfalse;")
        || onsubmit.replace(' ', "").ends_with("returnfalse");
    match action {
        Some(a) if a.to_ascii_lowercase().starts_with("javascript:") || a.starts_with('#') => true,
        Some("") | None => cancels || !onsubmit.is_empty() || !has_submit,
        Some(_) => cancels,
    }
}

/// The page's site-search form, if it has one.
pub(crate) fn find(ix: &PageIndex<'_>, r: &Resolver, page: &url::Url) -> Option<Box<SearchForm>> {
    for &form in &ix.forms {
        let texts: Vec<ElementRef<'_>> = form
            .descendent_elements()
            .filter(|e| is_text_field(*e) && e.attr("disabled").is_none())
            .collect();
        let query_el = texts
            .iter()
            .copied()
            .find(|e| is_query_input(*e))
            .or_else(|| texts.first().copied().filter(|_| is_search_form(form)));
        let Some(query_el) = query_el else {
            continue;
        };
        let submitter = controls(form).find(|e| {
            matches!(e.value().name(), "input" | "button")
                && matches!(input_type(*e).as_str(), "submit" | "image")
        });
        let mut fields: Vec<(Txt, Txt)> = Vec::new();
        let mut query = None;
        for el in controls(form) {
            if el == query_el {
                query = Some(fields.len());
                let name = el.attr("name").unwrap_or("").trim();
                fields.push((name.into(), Txt::default()));
                continue;
            }
            submitted(el, Some(el) == submitter, &mut fields);
            if fields.len() > MAX_FIELDS {
                break;
            }
        }
        let Some(query) = query.filter(|_| fields.len() <= MAX_FIELDS) else {
            continue;
        };
        let method = if run_by_script(form, submitter.is_some()) {
            FormMethod::Script
        } else if lower_attr(form, "method") == "post" {
            FormMethod::Post
        } else {
            FormMethod::Get
        };
        let action = match form.attr("action").map(str::trim) {
            Some(a) if !a.is_empty() => r.resolve(a),
            _ => Some(page.clone()),
        };
        let (method, action) = match action {
            Some(a) => (method, a.to_string()),
            // javascript:, mailto: … : nothing a browser would request
            None => (FormMethod::Script, page.to_string()),
        };
        let charset = form
            .attr("accept-charset")
            .and_then(|c| c.split([' ', ',']).find(|x| !x.is_empty()))
            .map(|c| Txt::from(c.to_ascii_lowercase().as_str()));
        return Some(Box::new(SearchForm {
            method,
            action: action.as_str().into(),
            fields,
            query: query as u16,
            charset,
        }));
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::extract::extract;
    use crate::model::FormMethod;
    use url::Url;

    fn form(html: &str) -> Option<Box<crate::model::SearchForm>> {
        let page = Url::parse("http://www.x.gov.cn/col/index.html").unwrap();
        extract(html, &page).markers.search_form
    }

    fn pairs(f: &crate::model::SearchForm) -> Vec<(String, String)> {
        f.fields
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn trs_form_with_hidden_inputs() {
        let f = form(
            r#"<form name="searchform" action="/was5/web/search" target="_blank">
            <input type="hidden" name="channelid" value="230321">
            <input type="text" name="searchword" placeholder="请输入关键字">
            <select name="perpage"><option value="10">10</option><option value="20" selected>20</option></select>
            <input type="checkbox" name="ex" value="1"><input type="checkbox" name="all" checked>
            <input type="submit" value="搜索"></form>"#,
        )
        .unwrap();
        assert_eq!(f.method, FormMethod::Get);
        assert_eq!(f.action.as_str(), "http://www.x.gov.cn/was5/web/search");
        assert_eq!(f.query_name(), "searchword");
        assert_eq!(
            pairs(&f),
            [
                ("channelid", "230321"),
                ("searchword", ""),
                ("perpage", "20"),
                ("all", "on")
            ]
            .map(|(a, b)| (a.to_string(), b.to_string()))
        );
    }

    #[test]
    fn named_submit_button_and_image_are_sent() {
        let f = form(
            r#"<form action="search.jsp" method="GET" accept-charset="GBK"><input name="q">
            <button name="go" value="1">搜</button><input type="submit" name="other" value="x"></form>"#,
        )
        .unwrap();
        assert_eq!(f.action.as_str(), "http://www.x.gov.cn/col/search.jsp");
        assert_eq!(f.charset.as_deref(), Some("gbk"));
        assert_eq!(
            pairs(&f),
            [("q", ""), ("go", "1")].map(|(a, b)| (a.to_string(), b.to_string()))
        );
        let f = form(r#"<form action="/s"><input name="kw"><input type="image" name="btn" src="/s.png"></form>"#)
            .unwrap();
        assert_eq!(
            pairs(&f),
            [("kw", ""), ("btn.x", "0"), ("btn.y", "0")]
                .map(|(a, b)| (a.to_string(), b.to_string()))
        );
    }

    #[test]
    fn post_and_script_forms() {
        let f =
            form(r#"<form action="/search" method="post"><input name="keyword"></form>"#).unwrap();
        assert_eq!(f.method, FormMethod::Post);
        for html in [
            r#"<form action="javascript:doSearch()"><input name="q"></form>"#,
            r##"<form action="#"><input name="q"><input type="submit"></form>"##,
            r#"<form action="/search" onsubmit="go(this); return false;"><input name="q"></form>"#,
            r#"<form><input name="q"><input type="button" onclick="go()" value="搜索"></form>"#,
        ] {
            assert_eq!(form(html).unwrap().method, FormMethod::Script, "{html}");
        }
        // a login form is not a search form; a search box outside any form has no form
        assert!(form(r#"<form action="/login"><input name="user"><input type="password" name="pw"></form>"#).is_none());
        let page = Url::parse("http://www.x.gov.cn/").unwrap();
        let m = extract(
            r#"<input name="searchword" id="kw"><a onclick="search()">搜索</a>"#,
            &page,
        )
        .markers;
        assert!(m.search && m.search_form.is_none());
    }
}
