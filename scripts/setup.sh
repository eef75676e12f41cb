#!/usr/bin/env bash
# Installs what LossLab needs on Debian/Ubuntu with Swift 6 already there (run as root, or with
# sudo available). `scripts/setup.sh` is enough to build and run the shell (libedit and
# pkg-config); `scripts/setup.sh --tests` adds what the tests need (tmux for the
# pseudo-terminal tests, a C.UTF-8 locale). Installs only what is missing; does nothing twice.
set -euo pipefail

tests=false
case "${1:-}" in
  "") ;;
  --tests) tests=true ;;
  *) echo "usage: scripts/setup.sh [--tests]" >&2; exit 2 ;;
esac

need=()
dpkg -s libedit-dev >/dev/null 2>&1 || need+=(libedit-dev)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
if $tests; then
  command -v tmux >/dev/null 2>&1 || need+=(tmux)
  locale -a 2>/dev/null | grep -qi '^c\.utf-\?8$' || need+=(locales)
fi
[ ${#need[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "scripts/setup.sh: no apt-get here; please install: ${need[*]}" >&2
  exit 1
fi
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
echo "installing: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
