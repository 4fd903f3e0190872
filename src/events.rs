//! What the library tells its caller while it runs. The library prints nothing: a run
//! reports these events to an [`Observer`] (the command line prints them; tests and
//! embedders may ignore them) and logs through `tracing`.

use std::path::Path;
use std::sync::Arc;

/// Something worth telling the person running a check.
#[derive(Debug, Clone, Copy)]
pub enum Event<'a> {
    /// `--resume`: continuing from a saved crawl state.
    Resuming { state_file: &'a Path, pages: usize },
    /// `--resume` without a saved state: the crawl starts afresh.
    NothingToResume { state_file: &'a Path },
    /// One probe of a home page (`zwgk probe`).
    Probed {
        url: &'a url::Url,
        ok: bool,
        detail: &'a str,
    },
    /// A site of a batch run starts (`n` of `total`, 1-based).
    SiteStarted {
        n: usize,
        total: usize,
        url: &'a str,
    },
    /// A site of a batch run is done.
    SiteDone {
        n: usize,
        total: usize,
        url: &'a str,
        pages: usize,
        failed_checks: usize,
    },
    /// A site of a batch run could not be checked.
    SiteFailed {
        n: usize,
        total: usize,
        url: &'a str,
        error: &'a str,
    },
}

/// Receives the events of a run. Called from the run's tasks, so it must be cheap.
pub trait Observer: Send + Sync {
    fn event(&self, event: Event<'_>);
}

/// Where a run sends its events: nowhere by default.
#[derive(Clone, Default)]
pub struct Events(Option<Arc<dyn Observer>>);

impl Events {
    /// Send the events to `observer`.
    pub fn to(observer: impl Observer + 'static) -> Self {
        Events(Some(Arc::new(observer)))
    }

    /// Tell the observer, if any.
    pub fn emit(&self, event: Event<'_>) {
        if let Some(o) = &self.0 {
            o.event(event);
        }
    }
}

impl std::fmt::Debug for Events {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() {
            "Events(observer)"
        } else {
            "Events(none)"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    struct Collect(Arc<Mutex<Vec<String>>>);
    impl Observer for Collect {
        fn event(&self, e: Event<'_>) {
            self.0.lock().unwrap().push(format!("{e:?}"));
        }
    }

    #[test]
    fn events_reach_the_observer_and_default_goes_nowhere() {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let ev = Events::to(Collect(seen.clone()));
        ev.emit(Event::SiteStarted {
            n: 1,
            total: 2,
            url: "http://a/",
        });
        Events::default().emit(Event::SiteStarted {
            n: 2,
            total: 2,
            url: "http://b/",
        });
        let seen = seen.lock().unwrap();
        assert_eq!(seen.len(), 1);
        assert!(seen[0].contains("http://a/"));
    }
}
