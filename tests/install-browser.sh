#!/usr/bin/env bash
# Makes sure Debian's chromium is at /usr/bin/chromium for the real-browser tests.
# Installs it when we are root with apt-get; otherwise says so and lets the tests report it.
set -uo pipefail

browser=/usr/bin/chromium
if [ -x "$browser" ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-browser: $browser is missing and cannot be installed here (needs root and apt-get); the browser tests will fail"
  exit 0
fi

echo "install-browser: $browser is missing, installing Debian's chromium (apt-get)"
start=$(date +%s)
log=$(mktemp)
export DEBIAN_FRONTEND=noninteractive
# Another apt-get may be running (an unattended upgrade, a parallel set-up): wait for its lock.
wait_lock=(-o DPkg::Lock::Timeout=600)
if apt-get "${wait_lock[@]}" update -q >"$log" 2>&1 &&
  apt-get "${wait_lock[@]}" install -y -q --no-install-recommends chromium >>"$log" 2>&1 &&
  [ -x "$browser" ]; then
  echo "install-browser: installed $($browser --version 2>/dev/null | head -n 1) in $(($(date +%s) - start)) s"
else
  echo "install-browser: could not install chromium after $(($(date +%s) - start)) s; the browser tests will fail. Last apt-get lines:"
  tail -n 5 "$log"
fi
rm -f "$log"
exit 0
