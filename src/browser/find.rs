//! Which Chromium to drive: `--chromium PATH`, else `ZWGK_CHROMIUM`, else Debian's
//! `/usr/bin/chromium` and the usual names on the PATH.

use std::path::{Path, PathBuf};

/// `--browser auto|off`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BrowserMode {
    /// Render pages that need it when a Chromium is found.
    #[default]
    Auto,
    /// Never start a browser; such pages are checked from their HTTP answer and say warn.
    Off,
}

impl std::str::FromStr for BrowserMode {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "auto" => Ok(BrowserMode::Auto),
            "off" => Ok(BrowserMode::Off),
            _ => Err(format!(
                "invalid --browser value {s:?}: expected auto or off"
            )),
        }
    }
}

const NAMES: &[&str] = &["chromium", "chromium-browser", "google-chrome", "chrome"];

fn executable(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p)
        .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        .unwrap_or(false)
}

/// The Chromium to use: `explicit` (flag or `ZWGK_CHROMIUM`, which must exist), else the
/// first found of `/usr/bin/chromium` and the PATH. `Err` names an explicit path that is
/// not an executable; `Ok(None)` means none was found.
pub fn find_chromium(explicit: Option<&Path>) -> Result<Option<PathBuf>, PathBuf> {
    if let Some(p) = explicit {
        return if executable(p) {
            Ok(Some(p.to_path_buf()))
        } else {
            Err(p.to_path_buf())
        };
    }
    let fixed = Path::new("/usr/bin/chromium");
    if executable(fixed) {
        return Ok(Some(fixed.to_path_buf()));
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    for dir in std::env::split_paths(&path) {
        for n in NAMES {
            let p = dir.join(n);
            if executable(&p) {
                return Ok(Some(p));
            }
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn explicit_path_must_be_executable() {
        assert_eq!(
            find_chromium(Some(Path::new("/nonexistent/chromium"))),
            Err(PathBuf::from("/nonexistent/chromium"))
        );
        assert_eq!(
            find_chromium(Some(Path::new("/bin/sh"))),
            Ok(Some(PathBuf::from("/bin/sh")))
        );
    }

    #[test]
    fn mode_parses() {
        assert_eq!("auto".parse::<BrowserMode>(), Ok(BrowserMode::Auto));
        assert_eq!("off".parse::<BrowserMode>(), Ok(BrowserMode::Off));
        assert!("on".parse::<BrowserMode>().is_err());
    }
}
