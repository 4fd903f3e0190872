//! The command line's names for the library's settings: clap value enums with their help
//! texts, each mapped onto the library type (which knows nothing of clap).

use clap::ValueEnum;
use clap::builder::{EnumValueParser, MapValueParser, TypedValueParser};

/// Every report format, the default of `--format` (the names of [`FormatArg`]).
pub const FORMATS: [&str; 6] = ["json", "md", "html", "junit", "sarif", "xlsx"];

/// A clap parser for `Arg`, producing the library type `T`.
fn mapped<Arg, T>() -> MapValueParser<EnumValueParser<Arg>, fn(Arg) -> T>
where
    Arg: ValueEnum + Clone + Send + Sync + 'static,
    T: From<Arg> + Clone + Send + Sync + 'static,
{
    EnumValueParser::<Arg>::new().map(T::from as fn(Arg) -> T)
}

/// `--lang`
#[derive(Clone, Copy, ValueEnum)]
pub enum LangArg {
    Zh,
    En,
}

impl From<LangArg> for zwgk::i18n::Lang {
    fn from(v: LangArg) -> Self {
        match v {
            LangArg::Zh => Self::Zh,
            LangArg::En => Self::En,
        }
    }
}

pub fn lang() -> MapValueParser<EnumValueParser<LangArg>, fn(LangArg) -> zwgk::i18n::Lang> {
    mapped()
}

/// `--format` of `check` and `recheck`
#[derive(Clone, Copy, ValueEnum)]
pub enum FormatArg {
    /// report.json (always written)
    Json,
    /// report.md
    Md,
    /// report.html
    Html,
    /// junit.xml
    Junit,
    /// report.sarif
    Sarif,
    /// findings.xlsx (问题清单 spreadsheet; index.xlsx beside a batch index)
    Xlsx,
}

impl From<FormatArg> for zwgk::report::formats::Format {
    fn from(v: FormatArg) -> Self {
        match v {
            FormatArg::Json => Self::Json,
            FormatArg::Md => Self::Md,
            FormatArg::Html => Self::Html,
            FormatArg::Junit => Self::Junit,
            FormatArg::Sarif => Self::Sarif,
            FormatArg::Xlsx => Self::Xlsx,
        }
    }
}

pub fn format()
-> MapValueParser<EnumValueParser<FormatArg>, fn(FormatArg) -> zwgk::report::formats::Format> {
    mapped()
}

/// `--fail-on`
#[derive(Clone, Copy, ValueEnum)]
pub enum FailOnArg {
    /// no check fails the run (exit 0 whatever the findings)
    None,
    /// fail on high-severity failures
    High,
    /// fail on medium or high
    Medium,
    /// fail on any failure
    Low,
    /// fail only on failures not in the baseline (needs --baseline)
    New,
}

impl From<FailOnArg> for zwgk::report::FailOn {
    fn from(v: FailOnArg) -> Self {
        match v {
            FailOnArg::None => Self::None,
            FailOnArg::High => Self::High,
            FailOnArg::Medium => Self::Medium,
            FailOnArg::Low => Self::Low,
            FailOnArg::New => Self::New,
        }
    }
}

pub fn fail_on() -> MapValueParser<EnumValueParser<FailOnArg>, fn(FailOnArg) -> zwgk::report::FailOn>
{
    mapped()
}

/// `zwgk diff --format`
#[derive(Clone, Copy, ValueEnum)]
pub enum DiffFormatArg {
    Text,
    Md,
    Json,
}

impl From<DiffFormatArg> for zwgk::report::diff::DiffFormat {
    fn from(v: DiffFormatArg) -> Self {
        match v {
            DiffFormatArg::Text => Self::Text,
            DiffFormatArg::Md => Self::Md,
            DiffFormatArg::Json => Self::Json,
        }
    }
}

pub fn diff_format() -> MapValueParser<
    EnumValueParser<DiffFormatArg>,
    fn(DiffFormatArg) -> zwgk::report::diff::DiffFormat,
> {
    mapped()
}

/// `--external`
#[derive(Clone, Copy, ValueEnum)]
pub enum ExternalArg {
    /// request them (HEAD/GET, no recursion)
    Check,
    /// list them as not verified, never request them
    Skip,
}

impl From<ExternalArg> for zwgk::verify::ExternalPolicy {
    fn from(v: ExternalArg) -> Self {
        match v {
            ExternalArg::Check => Self::Check,
            ExternalArg::Skip => Self::Skip,
        }
    }
}

pub fn external()
-> MapValueParser<EnumValueParser<ExternalArg>, fn(ExternalArg) -> zwgk::verify::ExternalPolicy> {
    mapped()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;
    use zwgk::report::formats::{ALL, Format};

    #[test]
    fn the_default_formats_are_every_library_format() {
        let parsed: Vec<Format> = FORMATS
            .iter()
            .map(|n| Format::from_str(n).unwrap())
            .collect();
        assert_eq!(parsed, ALL.to_vec());
        // every clap name maps onto the library value of the same name
        for v in FormatArg::value_variants() {
            let name = v.to_possible_value().unwrap().get_name().to_string();
            assert_eq!(Format::from(*v), Format::from_str(&name).unwrap());
        }
        for v in FailOnArg::value_variants() {
            let name = v.to_possible_value().unwrap().get_name().to_string();
            assert_eq!(
                zwgk::report::FailOn::from(*v),
                name.parse::<zwgk::report::FailOn>().unwrap()
            );
        }
        for v in ExternalArg::value_variants() {
            let name = v.to_possible_value().unwrap().get_name().to_string();
            assert_eq!(
                zwgk::verify::ExternalPolicy::from(*v),
                name.parse::<zwgk::verify::ExternalPolicy>().unwrap()
            );
        }
    }
}
