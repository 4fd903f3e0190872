//! User-facing language selection: Chinese by default, English with `--lang en`.

use serde::{Deserialize, Serialize};

/// Format a user-facing message in Chinese or English (`tr!(lang, "中文{}", "English {}", args…)`).
macro_rules! tr {
    ($lang:expr, $zh:literal, $en:literal $(, $arg:expr)* $(,)?) => {
        match $lang {
            $crate::i18n::Lang::Zh => format!($zh $(, $arg)*),
            $crate::i18n::Lang::En => format!($en $(, $arg)*),
        }
    };
}

/// Language of messages and reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl std::str::FromStr for Lang {
    type Err = crate::model::UnknownName;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        crate::model::name::parse_name("language", s, &[("zh", Lang::Zh), ("en", Lang::En)])
    }
}

impl Lang {
    /// Pick the Chinese or English text.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}
