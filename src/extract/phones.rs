//! Phone numbers published as text.
//!
//! Input is visible page text; full-width forms are folded first (`（０２３）` → `(023)`,
//! the part of NFKC that matters here, at a fraction of its cost).
//! Recognised: mobiles `1[3-9]\d{9}` (tried first), landlines with area code
//! (`023-63881234`, `(023)63881234`, `0477 2258659`, `023-6388 1234`) with an optional
//! extension (`转123`), 400/800 numbers, and 5-digit service hotlines from an explicit list
//! (12345, 12315, 12329 …, and `96xxx`) when they stand alone. Guards are explicit
//! non-digit checks because the regex `\b` does not work next to 汉字.
//! Digits inside URLs/e-mails, ICP/公网安备 numbers, 索引号, 邮编 and dates are ignored.
//! The label is the nearest preceding `…电话` / `…热线` / `传真` / `手机` text (fax numbers keep
//! a label containing 传真). Numbers are deduplicated.
//!
//! A labelled local number without area code (`电话：63881234`) gets the area code of the
//! page's other landlines, else the region's code from the host (`*.cq.gov.cn` → 023, see
//! [`area_code_for_host`]), else it is kept as written. Hotlines (12345, 12329 …) are
//! service lines, not an office's own number ([`is_hotline`]); a hotline number that names
//! a platform (`12345便民服务平台`, `12345政务服务网`) is no phone at all.

use super::Phone;
use super::text::{fold_width, is_han};
use regex::Regex;
use std::sync::LazyLock;

/// 5-digit public-service hotlines (特服号) accepted without an area code.
pub const HOTLINES: &[&str] = &[
    "12110", "12121", "12122", "12123", "12306", "12313", "12314", "12315", "12316", "12317",
    "12318", "12319", "12320", "12321", "12322", "12323", "12325", "12326", "12328", "12329",
    "12331", "12333", "12336", "12338", "12339", "12345", "12348", "12349", "12350", "12351",
    "12355", "12356", "12358", "12360", "12361", "12363", "12365", "12366", "12368", "12369",
    "12371", "12377", "12378", "12380", "12381", "12385", "12386", "12388", "12389", "12390",
    "12393", "12395", "12398",
];

static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:^|[^\d])(",
        r"(?P<mob>1[3-9]\d{9}|1[3-9]\d[\s-]\d{4}[\s-]\d{4})",
        r"|\((?P<pa>0\d{2,3})\)\s?(?P<pl>\d{7,8}|\d{3,4}[\s-]\d{4})",
        r"|(?P<la>0\d{2,3})(?:\s?[-—–]\s?|\s)?(?P<ll>\d{7,8}|\d{3,4}[\s-]\d{4})",
        r"|(?P<svc>[48]00)[\s-]?(?P<s1>\d{3,4})[\s-]?(?P<s2>\d{3,4})",
        r"|(?P<hot>1\d{4}|96\d{3})",
        r"|(?P<loc>[2-9]\d{6,7}|[2-9]\d{3}[\s-]\d{4})",
        r")(?:\s?(?:转|-|ext\.?|分机)\s?(?P<ext>\d{1,5}))?",
        r"(?:[^\d]|$)"
    ))
    .expect("phone regex")
});

/// Keywords that label a phone number (searched backwards from the number).
const LABEL_KEYS: &[&str] = &[
    "电话",
    "热线",
    "传真",
    "手机",
    "座机",
    "联系方式",
    "Tel",
    "TEL",
    "tel",
    "Fax",
    "FAX",
];

/// Context that means the digits are not a phone number.
const NEGATIVE_CONTEXT: &[&str] = &[
    "ICP",
    "备案",
    "公网安备",
    "索引号",
    "文号",
    "邮编",
    "邮政编码",
    "标识码",
    "信用代码",
    "编号",
    "证号",
    "许可证",
    "QQ",
    "qq",
];

/// Find phone numbers in (already visible) text.
pub fn find_phones(text: &str) -> Vec<Phone> {
    find_phones_in(text, None)
}

/// Find phone numbers; `region_area` is the area code of the site's region, for local
/// numbers written without one when the page shows no other landline.
pub fn find_phones_in(text: &str, region_area: Option<&str>) -> Vec<Phone> {
    let norm = fold_width(text);
    let page_area = PHONE.captures_iter(&norm).find_map(|c| {
        let a = c.name("pa").or_else(|| c.name("la"))?;
        let l = c.name("pl").or_else(|| c.name("ll"))?;
        let local: String = l.as_str().chars().filter(char::is_ascii_digit).collect();
        area_code_ok(a.as_str(), &local).then(|| a.as_str().to_string())
    });
    let area_hint = page_area.as_deref().or(region_area);
    let norm: &str = &norm;
    let mut out: Vec<Phone> = Vec::new();
    let mut from = 0;
    while from < norm.len() {
        let Some(c) = PHONE.captures_at(norm, from) else {
            break;
        };
        let m = c.get(1).expect("group 1");
        let end = c.name("ext").map_or(m.end(), |e| e.end());
        from = end;
        let number = if let Some(mob) = c.name("mob") {
            mob.as_str().chars().filter(char::is_ascii_digit).collect()
        } else if let (Some(a), Some(l)) = (
            c.name("pa").or_else(|| c.name("la")),
            c.name("pl").or_else(|| c.name("ll")),
        ) {
            let local: String = l.as_str().chars().filter(char::is_ascii_digit).collect();
            if area_code_ok(a.as_str(), &local) {
                format!("{}-{}", a.as_str(), local)
            } else if a.end() == l.start() {
                // unseparated (02363881234): split by the area-code rule instead
                let all = format!("{}{}", a.as_str(), local);
                let alen = if all.starts_with("010") || all.starts_with("02") {
                    3
                } else {
                    4
                };
                if !area_code_ok(&all[..alen], &all[alen..]) {
                    continue;
                }
                format!("{}-{}", &all[..alen], &all[alen..])
            } else {
                continue;
            }
        } else if let (Some(s), Some(s1), Some(s2)) = (c.name("svc"), c.name("s1"), c.name("s2")) {
            let digits = format!("{}{}{}", s.as_str(), s1.as_str(), s2.as_str());
            if digits.len() != 10 {
                continue;
            }
            format!("{}-{}-{}", &digits[..3], &digits[3..6], &digits[6..])
        } else if let Some(h) = c.name("hot") {
            if !(HOTLINES.contains(&h.as_str()) || h.as_str().starts_with("96")) {
                continue;
            }
            if names_platform(&norm[h.end()..]) {
                continue;
            }
            h.as_str().to_string()
        } else if let Some(l) = c.name("loc") {
            // a bare local number is a phone only when a label introduces it
            if label_before(norm, m.start()).is_none() {
                continue;
            }
            let local: String = l.as_str().chars().filter(char::is_ascii_digit).collect();
            match area_hint {
                Some(a) if area_code_ok(a, &local) => format!("{a}-{local}"),
                _ => local,
            }
        } else {
            continue;
        };
        if in_bad_context(norm, m.start(), end) {
            continue;
        }
        let number = match c.name("ext") {
            Some(e) if c.name("mob").is_none() && c.name("hot").is_none() => {
                format!("{number}转{}", e.as_str())
            }
            _ => number,
        };
        let label = label_before(norm, m.start());
        if c.name("hot").is_some() && label.is_none() {
            // a bare hotline must be introduced as a phone ("12345热线", "12345 政务服务电话");
            // "12345便民惠企服务平台" names a platform
            let after: String = norm[end..].chars().take(10).collect();
            if !(after.contains("热线") || after.contains("电话")) {
                continue;
            }
        }
        if let Some(existing) = out.iter_mut().find(|p| p.number == number) {
            if existing.label.is_none() {
                existing.label = label.map(Into::into);
            }
        } else {
            out.push(Phone {
                number: number.into(),
                label: label.map(Into::into),
            });
        }
    }
    out
}

/// Is this a public-service hotline (12345, 12329, 96xxx …) rather than an office's own line?
pub fn is_hotline(number: &str) -> bool {
    let d: String = number.chars().filter(char::is_ascii_digit).collect();
    d.len() == 5 && (HOTLINES.contains(&d.as_str()) || d.starts_with("96"))
}

/// Text right after a hotline number that makes it the name of a platform or site
/// (`12345便民服务平台`, `12345政务服务网`, `12345小程序`), unless it calls it a line
/// (`12345政务服务便民热线`).
fn names_platform(after: &str) -> bool {
    let head: String = after.chars().take(12).collect();
    let line = ["热线", "电话", "专线"]
        .iter()
        .filter_map(|k| head.find(k))
        .min();
    let platform = [
        "平台",
        "服务网",
        "网站",
        "小程序",
        "APP",
        "App",
        "公众号",
        "网上",
        "在线",
    ]
    .iter()
    .filter_map(|k| head.find(k))
    .min();
    match (platform, line) {
        (Some(p), Some(l)) => p < l,
        (Some(_), None) => true,
        _ => false,
    }
}

/// Area codes of regions by the host's government domain (`*.cq.gov.cn` → 023): the
/// municipalities and the provincial capitals whose sites use a city label.
pub fn area_code_for_host(host: &str) -> Option<&'static str> {
    const REGIONS: &[(&str, &str)] = &[
        (".cq.gov.cn", "023"),
        (".chongqing.gov.cn", "023"),
        (".bj.gov.cn", "010"),
        (".beijing.gov.cn", "010"),
        (".sh.gov.cn", "021"),
        (".shanghai.gov.cn", "021"),
        (".tj.gov.cn", "022"),
        (".tianjin.gov.cn", "022"),
        (".gz.gov.cn", "020"),
        (".sz.gov.cn", "0755"),
        (".wuhan.gov.cn", "027"),
        (".chengdu.gov.cn", "028"),
        (".xa.gov.cn", "029"),
        (".nanjing.gov.cn", "025"),
        (".hangzhou.gov.cn", "0571"),
        (".shenyang.gov.cn", "024"),
        (".nanning.gov.cn", "0771"),
        (".km.gov.cn", "0871"),
        (".fuzhou.gov.cn", "0591"),
        (".pingtan.gov.cn", "0591"),
    ];
    let h = format!(".{}", host.trim_end_matches('.').to_ascii_lowercase());
    REGIONS
        .iter()
        .find(|(suffix, _)| h.ends_with(suffix))
        .map(|(_, a)| *a)
}

/// Three-digit area codes are 010 and 02x; everything else is four digits.
fn area_code_ok(area: &str, local: &str) -> bool {
    let three = area == "010" || (area.len() == 3 && area.starts_with("02"));
    let four = area.len() == 4 && !area.starts_with("01") && !area.starts_with("02");
    (three || four) && (local.len() == 7 || local.len() == 8) && !local.starts_with('0')
}

fn prev_chars(s: &str, pos: usize, n: usize) -> &str {
    let mut start = pos;
    for _ in 0..n {
        match s[..start].chars().next_back() {
            Some(c) => start -= c.len_utf8(),
            None => break,
        }
    }
    &s[start..pos]
}

fn in_bad_context(s: &str, start: usize, end: usize) -> bool {
    let before = s[..start].chars().next_back();
    let after = s[end..].chars().next();
    let urlish = |c: Option<char>| {
        c.is_some_and(|c| {
            c.is_ascii_alphabetic() || matches!(c, '/' | '_' | '=' | '%' | '@' | '&' | '?')
        })
    };
    if urlish(before) || urlish(after) {
        return true;
    }
    // "…gov.cn/0231234567" or "a.0231234567.b"
    if before == Some('.')
        && prev_chars(s, start, 2).starts_with(|c: char| c.is_ascii_alphanumeric())
    {
        return true;
    }
    if after == Some('.')
        && s[end..]
            .chars()
            .nth(1)
            .is_some_and(|c| c.is_ascii_alphanumeric())
    {
        return true;
    }
    // date-like neighbours: 2026-0231234567 / 0231234567-12
    if matches!(before, Some('-' | '/'))
        && prev_chars(s, start, 2).starts_with(|c: char| c.is_ascii_digit())
    {
        return true;
    }
    let ctx = prev_chars(s, start, 14);
    NEGATIVE_CONTEXT.iter().any(|k| ctx.contains(k))
}

/// The label in front of a number: the nearest keyword within 40 chars, extended backwards
/// over 汉字 (at most 12 chars), as long as the gap to the number holds only separators or
/// other phone numbers.
fn label_before(s: &str, start: usize) -> Option<String> {
    let window = prev_chars(s, start, 40);
    let (kpos, key) = LABEL_KEYS
        .iter()
        .filter_map(|k| window.rfind(k).map(|p| (p, *k)))
        .max_by_key(|(p, k)| p + k.len())?;
    let gap = &window[kpos + key.len()..];
    let gap_ok = gap.chars().all(|c| {
        c.is_ascii_digit()
            || c.is_whitespace()
            || matches!(
                c,
                ':' | '：'
                    | '-'
                    | '—'
                    | '('
                    | ')'
                    | '（'
                    | '）'
                    | '、'
                    | ','
                    | '，'
                    | '/'
                    | ';'
                    | '；'
                    | '转'
                    | '或'
                    | '及'
                    | '为'
                    | '是'
                    | '号'
                    | '码'
                    | '['
                    | ']'
            )
    });
    if !gap_ok {
        return None;
    }
    // extend backwards over han chars (e.g. 违法和不良信息举报电话, 住房公积金热线)
    let head = &window[..kpos];
    let mut label_start = kpos;
    for (n, c) in head.chars().rev().enumerate() {
        if n >= 12 || !(is_han(c) || c == '/') {
            break;
        }
        label_start -= c.len_utf8();
    }
    let mut label = window[label_start..kpos + key.len()].to_string();
    // "号码" etc. attached to the key belongs to the label
    for suffix in ["号码", "号"] {
        if gap.trim_start().starts_with(suffix) {
            label.push_str(suffix);
            break;
        }
    }
    Some(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nums(t: &str) -> Vec<String> {
        find_phones(t)
            .into_iter()
            .map(|p| p.number.to_string())
            .collect()
    }

    #[test]
    fn landlines_in_many_shapes() {
        assert_eq!(nums("电话：023-63881234"), ["023-63881234"]);
        assert_eq!(nums("电话：(023)63881234"), ["023-63881234"]);
        assert_eq!(nums("电话：（０２３）６３８８１２３４"), ["023-63881234"]);
        assert_eq!(nums("电话：023－6388 1234"), ["023-63881234"]);
        assert_eq!(nums("电话 0477-2258659(工作时间)"), ["0477-2258659"]);
        assert_eq!(nums("电话：02363881234"), ["023-63881234"]);
        assert_eq!(nums("电话：010 65123456"), ["010-65123456"]);
        assert_eq!(nums("电话：023-63881234转123"), ["023-63881234转123"]);
    }

    #[test]
    fn mobiles_first_and_hotlines_alone() {
        assert_eq!(nums("手机13812345678"), ["13812345678"]);
        assert_eq!(nums("拨打12345热线"), ["12345"]);
        assert_eq!(nums("住房公积金热线：(86-574)12329 "), ["12329"]);
        assert!(nums("编号 123456").is_empty());
        assert!(nums("共12346条").is_empty());
        assert_eq!(nums("服务热线 400-123-4567"), ["400-123-4567"]);
        assert_eq!(nums("服务电话：96128"), ["96128"]);
        assert_eq!(nums("12345政务服务便民热线"), ["12345"]);
        assert!(nums("12345便民惠企服务平台").is_empty());
    }

    #[test]
    fn labels_and_fax() {
        let p =
            find_phones("违法和不良信息举报电话：0477-2258659(工作时间) 邮箱：egb@ordos.gov.cn");
        assert_eq!(p[0].label.as_deref(), Some("违法和不良信息举报电话"));
        let p = find_phones("联系电话：023-63881234，传真：023-63881235");
        assert_eq!(p[0].label.as_deref(), Some("联系电话"));
        assert_eq!(p[1].label.as_deref(), Some("传真"));
        let p = find_phones("办公电话：023-63881234、023-63881236");
        assert_eq!(p[1].label.as_deref(), Some("办公电话"));
        let p = find_phones("地址：某某路1号 023-63881234");
        assert_eq!(p[0].label, None);
        let p = find_phones("投诉举报电话\t12315");
        assert_eq!(p[0].label.as_deref(), Some("投诉举报电话"));
    }

    #[test]
    fn dedupe_keeps_first_label() {
        let p = find_phones("023-63881234 咨询电话：023-63881234");
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].label.as_deref(), Some("咨询电话"));
    }

    /// Numbers as offices write them, and what zwgk reads.
    #[test]
    fn real_spellings() {
        let table: &[(&str, Option<&str>, &[&str])] = &[
            ("联系电话：023-63881234转801", None, &["023-63881234转801"]),
            ("办公电话：(023)63881234", None, &["023-63881234"]),
            ("电话：023—63881234", None, &["023-63881234"]),
            ("电话：023 6388 1234", None, &["023-63881234"]),
            ("电话：023-63881234-801", None, &["023-63881234转801"]),
            ("电话：０２３－６３８８１２３４", None, &["023-63881234"]),
            (
                "电话：0591-24360000 传真：24360001",
                None,
                &["0591-24360000", "0591-24360001"],
            ),
            ("值班电话：63881236", Some("023"), &["023-63881236"]),
            ("值班电话：6388-1236", Some("023"), &["023-63881236"]),
            ("值班电话：63881236", None, &["63881236"]),
            ("手机：138 1234 5678", None, &["13812345678"]),
            ("联系人：张三 13912345678", None, &["13912345678"]),
            ("咨询电话：12345", None, &["12345"]),
            ("住房公积金服务热线12329", None, &["12329"]),
            ("欢迎通过12345便民服务平台反映问题", None, &[]),
            ("服务热线：12345政务服务网", None, &[]),
            ("登录12345政务服务便民热线网站", None, &["12345"]),
            ("共63881236人次", Some("023"), &[]),
            ("邮编：400015", Some("023"), &[]),
        ];
        for (text, region, want) in table {
            let got: Vec<String> = find_phones_in(text, *region)
                .into_iter()
                .map(|p| p.number.to_string())
                .collect();
            assert_eq!(&got, want, "{text}");
        }
        assert!(is_hotline("12345"));
        assert!(is_hotline("96128"));
        assert!(!is_hotline("023-63881234"));
        assert_eq!(area_code_for_host("wlj.jspqx.cq.gov.cn"), Some("023"));
        assert_eq!(area_code_for_host("www.pingtan.gov.cn"), Some("0591"));
        assert_eq!(area_code_for_host("www.example.gov.cn"), None);
    }

    #[test]
    fn not_phones() {
        assert!(nums("索引号：11500111MB1860520D/2026-00012").is_empty());
        assert!(nums("闽ICP备09032658号 蒙ICP备13001412号-2").is_empty());
        assert!(nums("蒙公网安备 15062102000168号").is_empty());
        assert!(nums("2026-11-03 2020-08-05").is_empty());
        assert!(nums("http://www.x.gov.cn/art/02363881234.html").is_empty());
        assert!(nums("000014348/2020-35428").is_empty());
        assert!(nums("邮编：315000").is_empty());
        assert!(nums("W020190117350825039697.png").is_empty());
        assert!(nums("网站标识码：3590000001").is_empty());
    }
}
