#!/usr/bin/env bash
# Makes sure Debian's PostgreSQL 15 and ClickHouse server are installed for the warehouse tests,
# which start throw-away servers of their own (the packaged services are not used).
# Installs them when we are root with apt-get; otherwise says so and lets the tests report it.
set -uo pipefail

postgres=/usr/lib/postgresql/15/bin/postgres
missing=()
[ -x "$postgres" ] || missing+=(postgresql)
if ! [ -x /usr/bin/clickhouse-server ] && ! [ -x /usr/sbin/clickhouse-server ]; then
  missing+=(clickhouse-server)
fi
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-databases: ${missing[*]} missing and cannot be installed here (needs root and apt-get); the warehouse tests will fail"
  exit 0
fi

echo "install-databases: ${missing[*]} missing, installing with apt-get"
start=$(date +%s)
log=$(mktemp)
export DEBIAN_FRONTEND=noninteractive
# Another apt-get may be running (an unattended upgrade, a parallel set-up): wait for its lock.
wait_lock=(-o DPkg::Lock::Timeout=600)
if apt-get "${wait_lock[@]}" update -q >"$log" 2>&1 &&
  apt-get "${wait_lock[@]}" install -y -q --no-install-recommends "${missing[@]}" >>"$log" 2>&1; then
  echo "install-databases: installed ${missing[*]} in $(($(date +%s) - start)) s"
else
  echo "install-databases: could not install ${missing[*]} after $(($(date +%s) - start)) s; the warehouse tests will fail. Last apt-get lines:"
  tail -n 5 "$log"
fi
rm -f "$log"
# The tests start their own servers; packaged services started by the install are left as they are.
exit 0
