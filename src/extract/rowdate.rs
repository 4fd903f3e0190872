//! Where a list row prints its date, and how a year-less date gets its year.
//!
//! Real lists print dates in many places: after the link (`<span>2021-05-21</span>`,
//! `[05-21]`), in a table cell, inside the `<a>` as its own element
//! (`<a><span>标题</span><em>2021.05.21</em></a>`) or at the end of the anchor text
//! (`标题 [2021-05-21]`), and in a `title=` attribute (`<span title="2021-05-21 10:00">`).
//! Full dates are taken first; year-less ones (`[05-21]`, `05-21`, `05/21`, `5月21日`)
//! only when they stand as a token of their own, never inside a sentence. A year-less
//! date takes its year from the item's URL (`t20210521_…`, `/art/2021/5/21/…`) when it
//! carries a date, else from the list's other full dates (lists are newest first), else
//! it stays year-less for the rules to resolve with the linked page's PubDate.

use super::dates::{date_from_url, find_dates_at, ymd};
use super::text::{collapse, element_text};
use jiff::civil::Date;
use regex::Regex;
use scraper::ElementRef;
use std::sync::LazyLock;

/// A date as a row prints it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowDate {
    Full(Date),
    /// month and day, no year
    Short(i8, i8),
}

static SHORT_TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\[\(（【〔]?\s*(\d{1,2})\s*(?:[-/.－]\s*(\d{1,2})|月\s*(\d{1,2})\s*日)\s*[\]\)）】〕]?$")
        .expect("short token regex")
});

/// Trailing date of an anchor text: `标题 2021-05-21`, `标题[05-21]`, `标题（2021年5月21日）`.
static TRAILING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:\s+|[\[\(（【〔])\s*(",
        r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?",
        r"|\d{1,2}\s*[-/.]\s*\d{1,2}",
        r"|\d{1,2}\s*月\s*\d{1,2}\s*日",
        r")\s*[\]\)）】〕]?\s*$"
    ))
    .expect("trailing date regex")
});

static DATE_LIKE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\[\(（【〔]?(?:\d{2}|\d{4})\s*[-/.年]\s*\d{1,2}\s*(?:[-/.月]\s*\d{1,2}\s*日?|月)?[\]\)）】〕]?$")
        .expect("date-like regex")
});

/// Text outside a row's links that looks like a date but is none of the forms read
/// (`21-05-21`, `2021-05`, `2021年5月`): the row is dated, its date was not read.
pub fn looks_dated(outside: &str) -> bool {
    outside
        .split(|c: char| c.is_whitespace() || c == '|' || c == '丨')
        .any(|t| DATE_LIKE.is_match(t.trim()))
}

/// A year-less date written as a token of its own (`[05-21]`, `05/21`, `5月21日`).
pub fn short_token(tok: &str) -> Option<(i8, i8)> {
    let c = SHORT_TOKEN.captures(tok.trim())?;
    let m: i8 = c.get(1)?.as_str().parse().ok()?;
    let d: i8 = c.get(2).or_else(|| c.get(3))?.as_str().parse().ok()?;
    // validated against a leap year so 02-29 is kept until its year is known
    ymd(2024, i64::from(m), i64::from(d))?;
    Some((m, d))
}

/// The first full date, else the first year-less token, of a piece of text.
pub fn text_date(s: &str) -> Option<RowDate> {
    if let Some((_, d)) = find_dates_at(s).first() {
        return Some(RowDate::Full(*d));
    }
    s.split(|c: char| c.is_whitespace() || c == '|' || c == '丨')
        .find_map(short_token)
        .map(|(m, d)| RowDate::Short(m, d))
}

/// A date that is the whole text of an element (`<span>2021-05-21</span>`, `<em>[05-21]</em>`).
fn whole_date(s: &str) -> Option<RowDate> {
    let t = s.trim();
    if t.is_empty() || t.chars().count() > 24 {
        return None;
    }
    if let Some((m, d)) = short_token(t) {
        return Some(RowDate::Short(m, d));
    }
    let (pos, d) = *find_dates_at(t).first()?;
    // a time may follow (2021-05-21 10:30), nothing may come before but a bracket
    (pos <= 3).then_some(RowDate::Full(d))
}

/// The date a row prints outside its link's title, and the anchor title with a trailing
/// date removed when the date was inside the anchor.
pub fn row_date(
    row: ElementRef<'_>,
    anchor: ElementRef<'_>,
    outside: &str,
) -> Option<(RowDate, Option<String>)> {
    // 1. full date outside the anchors
    if let Some((_, d)) = find_dates_at(outside).first() {
        return Some((RowDate::Full(*d), None));
    }
    // 2. a title= attribute of another element of the row (or the row itself) that is a date
    let titled = std::iter::once(row)
        .chain(row.descendent_elements())
        .filter(|e| e.id() != anchor.id())
        .filter_map(|e| e.attr("title"))
        .find_map(whole_date);
    if let Some(d @ RowDate::Full(_)) = titled {
        return Some((d, None));
    }
    // 3. a child element of the anchor whose whole text is a date
    for e in anchor.descendent_elements().skip(1) {
        if let Some(d) = whole_date(&element_text(e)) {
            let full = element_text(anchor);
            let cut = full.replace(&element_text(e), "");
            return Some((d, Some(collapse(&cut))));
        }
    }
    // 4. a date at the end of the anchor text, or of the anchor's title attribute
    let text = element_text(anchor);
    if let Some(c) = TRAILING.captures(&text)
        && let Some(d) = text_date(&c[1])
    {
        let cut = collapse(&text[..c.get(0).map_or(text.len(), |m| m.start())]);
        if !cut.is_empty() {
            return Some((d, Some(cut)));
        }
    }
    if let Some(t) = anchor.attr("title")
        && let Some(c) = TRAILING.captures(t)
        && let Some(d) = text_date(&c[1])
    {
        return Some((d, None));
    }
    // 5. a year-less token outside the anchors, or one from a title attribute
    if let Some(d) = outside
        .split(|c: char| c.is_whitespace() || c == '|' || c == '丨')
        .find_map(short_token)
    {
        return Some((RowDate::Short(d.0, d.1), None));
    }
    titled.map(|d| (d, None))
}

/// The year for a year-less date from a full date known to be close (the item URL's date,
/// a neighbouring list entry): the year that puts the date nearest to `near`.
pub fn year_near(m: i8, d: i8, near: Date) -> Option<Date> {
    let y = i64::from(near.year());
    [y - 1, y, y + 1]
        .into_iter()
        .filter_map(|y| ymd(y, i64::from(m), i64::from(d)))
        .min_by_key(|c| (*c - near).get_days().abs())
}

/// The year for a year-less date in a newest-first list: the year of the nearest entry
/// above it (the same year unless the date would then be later than that entry), else of
/// the nearest entry below it.
pub fn year_from_neighbours(
    m: i8,
    d: i8,
    above: Option<Date>,
    below: Option<Date>,
) -> Option<Date> {
    if let Some(a) = above {
        let y = i64::from(a.year());
        let same = ymd(y, i64::from(m), i64::from(d))?;
        return if same <= a {
            Some(same)
        } else {
            ymd(y - 1, i64::from(m), i64::from(d))
        };
    }
    let b = below?;
    let y = i64::from(b.year());
    let same = ymd(y, i64::from(m), i64::from(d))?;
    if same >= b {
        Some(same)
    } else {
        ymd(y + 1, i64::from(m), i64::from(d))
    }
}

/// The year from the item's own URL (`t20210521_…`).
pub fn year_from_url(m: i8, d: i8, url: Option<&str>) -> Option<Date> {
    year_near(m, d, date_from_url(url?)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn unread_date_like_text() {
        assert!(looks_dated("[21-05-21]"));
        assert!(looks_dated("2021-05"));
        assert!(looks_dated(" 2021年5月 "));
        assert!(!looks_dated("000014348/2020-35428"));
        assert!(!looks_dated("共3页"));
    }

    #[test]
    fn short_tokens() {
        assert_eq!(short_token("[05-21]"), Some((5, 21)));
        assert_eq!(short_token("05-21"), Some((5, 21)));
        assert_eq!(short_token("（05/21）"), Some((5, 21)));
        assert_eq!(short_token("5月21日"), Some((5, 21)));
        assert_eq!(short_token("02-29"), Some((2, 29)));
        assert_eq!(short_token("13-01"), None);
        assert_eq!(short_token("8:30-17:00"), None);
        assert_eq!(short_token("第3-4期"), None);
        assert_eq!(short_token("2021-05-21"), None);
    }

    #[test]
    fn years_from_context() {
        assert_eq!(year_near(5, 21, date(2021, 5, 20)), Some(date(2021, 5, 21)));
        assert_eq!(
            year_near(12, 31, date(2022, 1, 2)),
            Some(date(2021, 12, 31))
        );
        // newest first: below 2021-01-05 comes 12-28 of the year before
        assert_eq!(
            year_from_neighbours(12, 28, Some(date(2021, 1, 5)), None),
            Some(date(2020, 12, 28))
        );
        assert_eq!(
            year_from_neighbours(3, 1, Some(date(2021, 5, 5)), None),
            Some(date(2021, 3, 1))
        );
        // only an entry below: 01-03 above 2020-12-30 is in the next year
        assert_eq!(
            year_from_neighbours(1, 3, None, Some(date(2020, 12, 30))),
            Some(date(2021, 1, 3))
        );
        assert_eq!(year_from_neighbours(1, 3, None, None), None);
        assert_eq!(
            year_from_url(5, 21, Some("http://x.gov.cn/a/202105/t20210521_1.html")),
            Some(date(2021, 5, 21))
        );
        assert_eq!(year_from_url(5, 21, Some("http://x.gov.cn/a/1.jsp")), None);
        // 02-29 only exists in leap years
        assert_eq!(year_near(2, 29, date(2021, 3, 1)), Some(date(2020, 2, 29)));
    }
}
