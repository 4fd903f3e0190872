//! Dates in page text and URLs.
//!
//! Forms recognised in text: `2026-11-03`, `2026-1-3`, `2026/11/03`, `2026.11.03`,
//! `2026年11月3日`, `2026 年 11 月 03 日`, `二〇二六年十一月三日` (〇/零/○ accepted), with
//! optional brackets (`[2026-11-03]`). Short forms without a year (`11-03`, `[11-03]`,
//! `(11-03)`) are only accepted by [`find_dates_with_year`] when a context year is given.
//! In URLs: TRS `tYYYYMMDD_<id>`, Hanweb `/art/YYYY/M/D/art_…`, `/YYYY-MM/DD/content_…`,
//! `/cols/YYYY/M/D/`, `/YYYYMMDD/<32hex>`. Month directories (`/202611/`) are not dates.
//! Every candidate is validated with jiff (`2021-02-30` is rejected) and limited to the
//! years 1949–2099.

use jiff::civil::Date;
use regex::Regex;
use std::sync::LazyLock;

static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:^|[^\d])(?:",
        r"(\d{4})-(\d{1,2})-(\d{1,2})",
        r"|(\d{4})/(\d{1,2})/(\d{1,2})",
        r"|(\d{4})\.(\d{1,2})\.(\d{1,2})",
        r"|(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?",
        r")(?:[^\d]|$)"
    ))
    .expect("date regex")
});

static HAN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([〇零○Ｏ一二三四五六七八九0-9０-９]{4})\s*年\s*([〇零○一二三四五六七八九十]{1,3})\s*月\s*([〇零○一二三四五六七八九十]{1,3})\s*日")
        .expect("han date regex")
});

static SHORT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d\-/.])(\d{1,2})[-/.](\d{1,2})(?:[^\d\-/.:]|$)").expect("short regex")
});

static URL_TRS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"/t(\d{4})(\d{2})(\d{2})_\d+").expect("trs regex"));
static URL_YMD_DIRS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"/(?:art|cols)/(\d{4})/(\d{1,2})/(\d{1,2})/").expect("art regex"));
static URL_GOVCN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/(\d{4})-(\d{2})/(\d{2})/(?:content_|c\d)").expect("govcn regex")
});
static URL_COMPACT_DIR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/(\d{4})(\d{2})(\d{2})/[0-9a-fA-F]{16,}").expect("compact regex")
});

/// A validated date, or None.
pub fn ymd(y: i64, m: i64, d: i64) -> Option<Date> {
    if !(1949..=2099).contains(&y) {
        return None;
    }
    let (y, m, d) = (
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    );
    Date::new(y, m, d).ok()
}

fn num(s: &str) -> i64 {
    s.chars()
        .filter_map(|c| c.to_digit(10).or_else(|| fullwidth_digit(c)))
        .fold(0i64, |acc, d| {
            acc.saturating_mul(10).saturating_add(i64::from(d))
        })
}

fn fullwidth_digit(c: char) -> Option<u32> {
    ('０'..='９').contains(&c).then(|| c as u32 - '０' as u32)
}

fn han_digit(c: char) -> Option<i64> {
    Some(match c {
        '〇' | '零' | '○' | 'Ｏ' | '0' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        c => return c.to_digit(10).or_else(|| fullwidth_digit(c)).map(i64::from),
    })
}

/// Year written digit by digit: 二〇二六 → 2026.
fn han_year(s: &str) -> Option<i64> {
    s.chars()
        .try_fold(0i64, |acc, c| Some(acc * 10 + han_digit(c)?))
}

/// Small number with 十: 三 → 3, 十 → 10, 十一 → 11, 二十 → 20, 三十一 → 31, 〇三 → 3.
fn han_small(s: &str) -> Option<i64> {
    let chars: Vec<char> = s.chars().collect();
    match chars.iter().position(|&c| c == '十') {
        None => chars
            .iter()
            .try_fold(0i64, |acc, &c| Some(acc * 10 + han_digit(c)?)),
        Some(p) => {
            let tens = if p == 0 {
                1
            } else {
                chars[..p]
                    .iter()
                    .try_fold(0i64, |acc, &c| Some(acc * 10 + han_digit(c)?))?
            };
            let ones = if p + 1 >= chars.len() {
                0
            } else {
                chars[p + 1..]
                    .iter()
                    .try_fold(0i64, |acc, &c| Some(acc * 10 + han_digit(c)?))?
            };
            Some(tens * 10 + ones)
        }
    }
}

/// All full dates (with a year) in the text, in order of appearance, with byte offsets.
pub fn find_dates_at(s: &str) -> Vec<(usize, Date)> {
    let mut out = Vec::new();
    if s.len() < 6 {
        return out;
    }
    let has_ascii_digit = s.bytes().any(|b| b.is_ascii_digit());
    if has_ascii_digit {
        // The regex consumes one guard char on each side; restart right after each date
        // so adjacent dates ("2026-01-01至2026-12-31") are both found.
        let mut from = 0;
        while from < s.len() {
            let Some(c) = NUMERIC.captures_at(s, from) else {
                break;
            };
            let whole = c.get(0).expect("group 0");
            let mut next = whole.end();
            for g in [1, 4, 7, 10] {
                if let (Some(y), Some(m), Some(d)) = (c.get(g), c.get(g + 1), c.get(g + 2)) {
                    if let Some(date) = ymd(num(y.as_str()), num(m.as_str()), num(d.as_str())) {
                        out.push((y.start(), date));
                    }
                    next = d.end();
                    break;
                }
            }
            from = next.max(from + 1);
            while from < s.len() && !s.is_char_boundary(from) {
                from += 1;
            }
        }
    }
    if s.contains('年') {
        for c in HAN_DATE.captures_iter(s) {
            let (y, m, d) = (&c[1], &c[2], &c[3]);
            if y.chars().all(|ch| ch.is_ascii_digit()) && m.chars().all(|ch| ch.is_ascii_digit()) {
                continue; // fully numeric: already handled above
            }
            if let (Some(y), Some(m), Some(d)) = (han_year(y), han_small(m), han_small(d))
                && let Some(date) = ymd(y, m, d)
            {
                out.push((c.get(0).map_or(0, |g| g.start()), date));
            }
        }
        out.sort_by_key(|(pos, _)| *pos);
    }
    out
}

/// All full dates (with a year) in the text, in order of appearance.
pub fn find_dates(s: &str) -> Vec<Date> {
    find_dates_at(s).into_iter().map(|(_, d)| d).collect()
}

/// Full dates, plus year-less `MM-DD` forms (`[11-03]`, `(11-03)`, `11/03`) when a context
/// year is given. Without a context year, short forms are ignored.
pub fn find_dates_with_year(s: &str, context_year: Option<i16>) -> Vec<Date> {
    let full = find_dates(s);
    if !full.is_empty() {
        return full;
    }
    let Some(year) = context_year else {
        return full;
    };
    SHORT
        .captures_iter(s)
        .filter_map(|c| ymd(i64::from(year), num(&c[1]), num(&c[2])))
        .collect()
}

/// The first date in a string such as a `PubDate` meta (`2024-04-09 09:04`) or a list cell.
pub fn parse_date(s: &str) -> Option<Date> {
    find_dates_at(s).first().map(|(_, d)| *d)
}

/// The publish date encoded in a URL (TRS `t20260403_123.html`, Hanweb `/art/2026/4/3/art_…`,
/// gov.cn `/2026-04/03/content_…`, `/20260403/<hex>.html`). Month directories are ignored.
pub fn date_from_url(u: &str) -> Option<Date> {
    let path = u.split(['?', '#']).next().unwrap_or(u);
    for re in [&*URL_TRS, &*URL_YMD_DIRS, &*URL_GOVCN, &*URL_COMPACT_DIR] {
        if let Some(c) = re.captures(path)
            && let Some(d) = ymd(num(&c[1]), num(&c[2]), num(&c[3]))
        {
            return Some(d);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn numeric_forms() {
        assert_eq!(parse_date("2026-11-03"), Some(date(2026, 11, 3)));
        assert_eq!(parse_date("2026-1-3"), Some(date(2026, 1, 3)));
        assert_eq!(parse_date("2026/11/03"), Some(date(2026, 11, 3)));
        assert_eq!(parse_date("2026.11.03"), Some(date(2026, 11, 3)));
        assert_eq!(parse_date("[2026-11-03]"), Some(date(2026, 11, 3)));
        assert_eq!(
            parse_date("发布时间：2024-04-09 09:04"),
            Some(date(2024, 4, 9))
        );
    }

    #[test]
    fn chinese_forms() {
        assert_eq!(parse_date("2026年11月3日"), Some(date(2026, 11, 3)));
        assert_eq!(parse_date("2026年11月03日"), Some(date(2026, 11, 3)));
        assert_eq!(parse_date("2026 年 1 月 3 日"), Some(date(2026, 1, 3)));
        assert_eq!(parse_date("二〇二六年十一月三日"), Some(date(2026, 11, 3)));
        assert_eq!(
            parse_date("二零二一年五月二十一日印发"),
            Some(date(2021, 5, 21))
        );
        assert_eq!(
            parse_date("二〇二〇年十月三十一日"),
            Some(date(2020, 10, 31))
        );
        assert_eq!(parse_date("二〇二〇年十二月十日"), Some(date(2020, 12, 10)));
    }

    #[test]
    fn invalid_and_non_dates_rejected() {
        assert_eq!(parse_date("2021-02-30"), None);
        assert_eq!(parse_date("2021年13月01日"), None);
        assert_eq!(parse_date("12026-11-03"), None);
        assert_eq!(parse_date("000014348/2020-35428"), None);
        assert_eq!(parse_date("1.0.2"), None);
        assert_eq!(parse_date("2026年工作报告"), None);
        assert_eq!(parse_date("版本 1800.12.01"), None);
    }

    #[test]
    fn several_dates_in_order() {
        assert_eq!(
            find_dates("有效期 2026-01-01至二〇二六年十二月三十一日，2026/6/1修订"),
            vec![date(2026, 1, 1), date(2026, 12, 31), date(2026, 6, 1)]
        );
        assert_eq!(
            find_dates("2026-01-01~2026-12-31"),
            vec![date(2026, 1, 1), date(2026, 12, 31)]
        );
    }

    #[test]
    fn short_forms_need_context_year() {
        assert!(find_dates("[11-03]").is_empty());
        assert!(find_dates_with_year("[11-03]", None).is_empty());
        assert_eq!(
            find_dates_with_year("[11-03]", Some(2026)),
            vec![date(2026, 11, 3)]
        );
        assert_eq!(
            find_dates_with_year("(11-03)", Some(2026)),
            vec![date(2026, 11, 3)]
        );
        assert!(find_dates_with_year("(02-30)", Some(2026)).is_empty());
        // a full date takes precedence over the context year
        assert_eq!(
            find_dates_with_year("2025-01-02", Some(2026)),
            vec![date(2025, 1, 2)]
        );
        // times are not short dates
        assert!(find_dates_with_year("8:30-17:00", Some(2026)).is_empty());
    }

    #[test]
    fn urls() {
        assert_eq!(
            date_from_url("http://www.mee.gov.cn/ywdt/hjywnews/202204/t20220417_974894.shtml"),
            Some(date(2022, 4, 17))
        );
        assert_eq!(
            date_from_url("http://kjt.shandong.gov.cn/art/2026/9/4/art_103585_10328790.html"),
            Some(date(2026, 9, 4))
        );
        assert_eq!(
            date_from_url("https://www.gov.cn/zhengce/2026-03/05/content_5300522.htm"),
            Some(date(2026, 3, 5))
        );
        assert_eq!(date_from_url("https://x.gov.cn/zwgk/202611/"), None);
        assert_eq!(
            date_from_url("https://x.gov.cn/zwgk/202611/W020261103580878403095.pdf"),
            None
        );
        assert_eq!(date_from_url("https://x.gov.cn/a/t20210230_1.html"), None);
        assert_eq!(
            date_from_url("https://x.gov.cn/index.html?t20210101_1"),
            None
        );
    }
}
