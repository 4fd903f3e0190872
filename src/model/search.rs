//! Site search: the search form a page offers, as a browser would submit it, and what the
//! search probe (`crate::verify::search`) found when it searched for the site's own articles.

use super::edge::UrlId;
use super::error::ErrorClass;
use super::text::Txt;
use serde::{Deserialize, Serialize};

/// How a form is submitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FormMethod {
    Get,
    Post,
    /// `action="javascript:…"`, or an `onsubmit` handler that always cancels the submission
    /// (`return false`): the search is run by a script, not by the form
    Script,
}

/// A site-search form (the first one on the page), with the controls a browser submits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchForm {
    pub method: FormMethod,
    /// The absolute action URL (the page's own URL when the form names none).
    pub action: Txt,
    /// The submitted controls in tree order (name, value): hidden inputs, checked boxes,
    /// selected options, other text fields, the default submit button, and the search field
    /// itself at `fields[query]` (its value is what a person types).
    pub fields: Vec<(Txt, Txt)>,
    /// Index of the search field in `fields`.
    pub query: u16,
    /// The form's `accept-charset`, if it names one (else the page's encoding is used).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charset: Option<Txt>,
}

impl SearchForm {
    /// The search field's name.
    pub fn query_name(&self) -> &str {
        self.fields
            .get(self.query as usize)
            .map(|(n, _)| n.as_str())
            .unwrap_or("")
    }
}

/// Why the probe did not search (or could not conclude).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SearchSkip {
    /// `--no-search-probe`
    Off,
    /// no page of the crawl offers a search form
    NoForm,
    /// a search box without a submittable form (a script runs the search)
    ScriptOnly,
    /// the form is submitted with POST only
    PostOnly,
    /// the form sends the query to a host outside the crawl's scope
    OtherHost,
    /// robots.txt disallows the search URL
    Robots,
    /// no crawled article with a usable title
    NoArticles,
    /// the time budget ran out or the run was interrupted before the probe
    Budget,
}

/// What one search returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SearchResult {
    /// the results link to the article's URL
    LinkedUrl,
    /// the results show the article's title as a link or result entry
    ListedTitle,
    /// the results page answered and does not list the article
    NotListed,
    /// the results page is built by JavaScript (its list is empty without a browser)
    NeedsJs,
    /// the search URL answered with an HTTP error (404, 500 …)
    HttpError,
    /// no usable answer (timeout, connection, WAF challenge, robots …)
    Failed,
}

/// One search: the query (an article's title, or its first characters), the URL requested
/// and what the results showed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchAttempt {
    /// The crawled article searched for.
    pub article: UrlId,
    /// Its title as the site shows it.
    pub title: String,
    /// What was typed into the search field.
    pub query: String,
    /// The search URL requested (what the browser would have requested).
    pub url: String,
    pub status: Option<u16>,
    pub result: SearchResult,
    /// Links on the results page (for the message: "12 links, none to the article").
    #[serde(default)]
    pub links: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorClass>,
    /// The fetcher's message for failed requests; the matched link for found ones.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub detail: String,
}

/// The search probe's result for the site.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchProbe {
    /// The page whose form was used (or that shows the search box).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form_page: Option<UrlId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<SearchForm>,
    /// Why no search was made, when none was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skipped: Option<SearchSkip>,
    /// Detail for `skipped` (the other host, the path robots.txt disallows …).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub detail: String,
    /// The searches made, in order; the probe stops at the first that lists its article.
    #[serde(default)]
    pub attempts: Vec<SearchAttempt>,
    /// HTTP requests the probe made (robots.txt included).
    #[serde(default)]
    pub requests: u64,
}

impl SearchProbe {
    /// A probe that did not search, and why.
    pub fn skipped(why: SearchSkip, form_page: Option<UrlId>, detail: impl Into<String>) -> Self {
        SearchProbe {
            form_page,
            form: None,
            skipped: Some(why),
            detail: detail.into(),
            attempts: Vec::new(),
            requests: 0,
        }
    }

    /// The first search whose results list its article.
    pub fn found(&self) -> Option<&SearchAttempt> {
        self.attempts.iter().find(|a| {
            matches!(
                a.result,
                SearchResult::LinkedUrl | SearchResult::ListedTitle
            )
        })
    }
}
