#!/usr/bin/env bash
# Fetches Debian's Firefox ESR 140 (the build's strict_min_version is 140.0) and unpacks it, without
# installing it, into ~/.cache/sourcemark/firefox-esr-140, where tests/e2e/cross/firefox-esr-140.e2e.ts
# looks for it. The installed firefox-esr is usually newer (bookworm-security); this one stays
# beside it. Uses the libraries the installed firefox-esr already brought. Does nothing when the
# copy is there; exits 0 with a message when apt offers no 140 (the test then says it was skipped).
set -euo pipefail

dest="${SOURCEMARK_FIREFOX_140:-$HOME/.cache/sourcemark/firefox-esr-140}"
binary="$dest/usr/lib/firefox-esr/firefox-esr"
if [ -x "$binary" ]; then
  echo "firefox-esr-140: already at $dest ($("$binary" --version))"
  exit 0
fi

esr140() { apt-cache madison firefox-esr 2>/dev/null | awk -F'|' '{ gsub(/ /, "", $2); if ($2 ~ /^140\./) { print $2; exit } }'; }
version="$(esr140)"
# A machine whose packages were all there skipped apt-get update, so its lists may be empty.
if [ -z "$version" ] && [ "$(id -u)" = 0 ]; then
  apt-get update -qq || true
  version="$(esr140)"
fi
if [ -z "$version" ]; then
  echo "firefox-esr-140: apt offers no firefox-esr 140 here (apt-cache madison firefox-esr); the ESR 140 test will be skipped"
  exit 0
fi

work="$(mktemp -d)"
chmod 777 "$work"  # apt-get download hands the file to its _apt user
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download -q "firefox-esr=$version" >/dev/null)
mkdir -p "$dest"
dpkg-deb -x "$work"/firefox-esr_*.deb "$dest"
echo "firefox-esr-140: unpacked $version to $dest ($("$binary" --version))"
