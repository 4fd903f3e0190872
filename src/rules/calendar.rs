//! Working-day arithmetic with the official holiday table (`rules/calendar.toml`):
//! weekends are rest days, 法定节假日 are rest days, 调休 weekend days are working days.

use super::error::{RuleError, from_toml, invalid};
use jiff::civil::{Date, Weekday};
use serde::Deserialize;
use std::collections::BTreeSet;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct YearFile {
    year: i16,
    #[serde(default)]
    source: String,
    /// dates or ranges `YYYY-MM-DD..YYYY-MM-DD`
    #[serde(default)]
    holidays: Vec<String>,
    /// weekend days that are working days (调休上班)
    #[serde(default)]
    workdays: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CalendarFile {
    #[serde(default)]
    year: Vec<YearFile>,
}

/// The holiday calendar.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Calendar {
    pub holidays: BTreeSet<Date>,
    pub workdays: BTreeSet<Date>,
    /// years the table covers; outside them only weekends count
    pub years: BTreeSet<i16>,
}

fn parse_dates(spec: &str) -> Result<Vec<Date>, String> {
    let parse = |s: &str| -> Result<Date, String> {
        s.trim()
            .parse::<Date>()
            .map_err(|e| format!("bad date `{s}`: {e}"))
    };
    match spec.split_once("..") {
        Some((a, b)) => {
            let (a, b) = (parse(a)?, parse(b)?);
            if b < a {
                return Err(format!("range `{spec}` ends before it starts"));
            }
            if a.until(b).map(|s| s.get_days()).unwrap_or(i32::MAX) > 366 {
                return Err(format!("range `{spec}` is longer than a year"));
            }
            let mut out = Vec::new();
            let mut d = a;
            while d <= b {
                out.push(d);
                d = d.tomorrow().map_err(|e| e.to_string())?;
            }
            Ok(out)
        }
        None => Ok(vec![parse(spec)?]),
    }
}

impl Calendar {
    /// Parse `calendar.toml`.
    pub fn parse(file: &str, text: &str) -> Result<Self, RuleError> {
        let f: CalendarFile = toml::from_str(text).map_err(|e| from_toml(file, text, &e))?;
        let mut cal = Calendar::default();
        for y in f.year {
            let _ = &y.source;
            cal.years.insert(y.year);
            for (list, set) in [
                (&y.holidays, &mut cal.holidays),
                (&y.workdays, &mut cal.workdays),
            ] {
                for spec in list {
                    let dates = parse_dates(spec).map_err(|m| {
                        let span = text.find(spec.as_str()).map(|s| s..s + spec.len());
                        invalid(file, text, span, m)
                    })?;
                    set.extend(dates);
                }
            }
        }
        Ok(cal)
    }

    /// Is `d` a working day?
    pub fn is_workday(&self, d: Date) -> bool {
        if self.workdays.contains(&d) {
            return true;
        }
        if self.holidays.contains(&d) {
            return false;
        }
        !matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday)
    }

    /// Working days after `from` up to and including `to` (0 when `to <= from`).
    /// A reply on the next working day after the request is 1 working day late.
    pub fn working_days_between(&self, from: Date, to: Date) -> i64 {
        let mut n = 0;
        let mut d = from;
        while d < to {
            match d.tomorrow() {
                Ok(next) => d = next,
                Err(_) => break,
            }
            if self.is_workday(d) {
                n += 1;
            }
        }
        n
    }

    /// The date `n` working days after `from`.
    pub fn add_working_days(&self, from: Date, n: i64) -> Date {
        let mut d = from;
        let mut left = n;
        while left > 0 {
            match d.tomorrow() {
                Ok(next) => d = next,
                Err(_) => break,
            }
            if self.is_workday(d) {
                left -= 1;
            }
        }
        d
    }

    /// Does the table cover this date's year?
    pub fn covers(&self, d: Date) -> bool {
        self.covers_year(d.year())
    }

    /// Does the table cover this year?
    pub fn covers_year(&self, y: i16) -> bool {
        self.years.contains(&y)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn cal() -> Calendar {
        Calendar::parse("calendar.toml", include_str!("../../rules/calendar.toml")).unwrap()
    }

    #[test]
    fn weekends_are_rest_days() {
        let c = Calendar::default();
        // Fri 2026-11-20 → Fri 2026-11-27: 5 working days
        assert_eq!(
            c.working_days_between(date(2026, 11, 20), date(2026, 11, 27)),
            5
        );
        assert_eq!(
            c.add_working_days(date(2026, 11, 20), 5),
            date(2026, 11, 27)
        );
        assert!(!c.is_workday(date(2026, 11, 21)));
    }

    #[test]
    fn national_day_holidays_and_adjusted_workdays() {
        let c = cal();
        // 2026 国庆: 10-01..10-07 off, Sat 10-10 is a working day (调休)
        assert!(!c.is_workday(date(2026, 10, 1)));
        assert!(!c.is_workday(date(2026, 10, 5)));
        assert!(c.is_workday(date(2026, 10, 10)));
        // asked Wed 2026-09-30: working days are 10-08, 10-09, 10-10(Sat, 调休), 10-12, 10-13
        assert_eq!(c.add_working_days(date(2026, 9, 30), 5), date(2026, 10, 13));
        assert_eq!(
            c.working_days_between(date(2026, 9, 30), date(2026, 10, 13)),
            5
        );
        // without the table it would have been 10-07
        assert_eq!(
            Calendar::default().add_working_days(date(2026, 9, 30), 5),
            date(2026, 10, 7)
        );
    }

    #[test]
    fn spring_festival_2025() {
        let c = cal();
        assert!(!c.is_workday(date(2025, 1, 29)));
        assert!(c.is_workday(date(2025, 1, 26))); // Sunday 调休
        assert!(c.is_workday(date(2025, 2, 8))); // Saturday 调休
        assert!(c.covers(date(2025, 6, 1)));
        assert!(!c.covers(date(2024, 6, 1)));
    }

    #[test]
    fn bad_ranges_are_reported_with_position() {
        let err = Calendar::parse(
            "c.toml",
            "[[year]]\nyear = 2026\nholidays = [\"2026-10-07..2026-10-01\"]\n",
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("c.toml:3:"), "{err}");
        assert!(err.contains("ends before"), "{err}");
    }
}
