#!/usr/bin/env bash
# Opens the HTML report in a real headless Chromium (Debian's `chromium` package): the page
# must render without console errors, with the charts and the disclosure-path tree; the
# screenshot is saved to target/report-screenshot.png (keep it as a CI artifact).
# Installs Chromium (and CJK fonts for a readable screenshot) when missing; skips with a
# clear message only when it cannot be installed.
set -euo pipefail
cd "$(dirname "$0")/.."

have_chromium() { [ -x /usr/bin/chromium ] || [ -x /usr/bin/chromium-browser ]; }

if ! have_chromium; then
    echo "== installing chromium for the HTML report check"
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        export DEBIAN_FRONTEND=noninteractive
        if ! { apt-get update -qq && apt-get install -y -qq chromium fonts-noto-cjk; } >/tmp/zwgk-chromium-install.log 2>&1; then
            tail -n 20 /tmp/zwgk-chromium-install.log || true
        fi
    else
        echo "   (not root or no apt-get: cannot install)"
    fi
fi

if ! have_chromium; then
    echo "SKIP browser check: chromium is not installed and could not be installed; the HTML report was not opened in a browser."
    exit 0
fi

echo "== browser check: HTML report in headless $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
ZWGK_REQUIRE_CHROMIUM=1 cargo test --test report_browser -- --nocapture
echo "screenshot: target/report-screenshot.png"
