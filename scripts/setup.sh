# shellcheck shell=bash
# Runway dev/CI tool setup. Idempotent: the first run installs (~15 min of
# cargo compiles), later runs only check versions (a few seconds).
#
#   source scripts/setup.sh [--browser]    # from bash scripts (scripts/serve, scripts/test)
#   bash scripts/setup.sh --browser         # just install everything
#
# Installs (only when missing or the wrong version):
#   - rustup target wasm32-unknown-unknown (+ rustfmt, clippy components)
#   - trunk $RUNWAY_TRUNK_VERSION          -> $RUNWAY_TOOLS/bin  (cargo install --locked)
#   - wasm-bindgen-cli = Cargo.lock's wasm-bindgen -> $RUNWAY_TOOLS/bin
#     (also provides wasm-bindgen-test-runner)
#   - wasm-split-cli (wasm_split_cli_support $RUNWAY_WASM_SPLIT_VERSION) -> $RUNWAY_TOOLS/bin
#   - npm devDependencies via `npm ci` (Playwright, axe-core, binaryen's wasm-opt)
#   - with --browser: Debian chromium + chromium-driver (apt) if missing
# Exports: RUNWAY_ROOT, RUNWAY_TOOLS, PATH (+ .tools/bin, node_modules/.bin),
#   TRUNK_SKIP_VERSION_CHECK, TRUNK_TOOLS_WASM_BINDGEN (from Cargo.lock).

RUNWAY_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNWAY_TOOLS="${RUNWAY_TOOLS:-$RUNWAY_ROOT/.tools}"
RUNWAY_TRUNK_VERSION=0.21.14
# Must understand the split points of Cargo.lock's wasm_split_helpers (0.2.3).
RUNWAY_WASM_SPLIT_VERSION=0.2.4
export RUNWAY_ROOT RUNWAY_TOOLS RUNWAY_TRUNK_VERSION RUNWAY_WASM_SPLIT_VERSION

_runway_path_prepend() {
  case ":$PATH:" in *":$1:"*) ;; *) PATH="$1:$PATH" ;; esac
}
if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then
  _runway_path_prepend "$HOME/.cargo/bin"
fi
_runway_path_prepend "$RUNWAY_ROOT/node_modules/.bin"
_runway_path_prepend "$RUNWAY_TOOLS/bin"
export PATH
export TRUNK_SKIP_VERSION_CHECK=true   # trunk would otherwise ask the network for updates
RUNWAY_WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$RUNWAY_ROOT/Cargo.lock")"
# Overrides Trunk.toml's [tools] wasm_bindgen, so a Cargo.lock bump needs no Trunk.toml edit.
export TRUNK_TOOLS_WASM_BINDGEN="$RUNWAY_WASM_BINDGEN_VERSION"

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  # Executed (also how the sourced path below runs it): do the installs in a
  # fresh bash so `set -e` applies whatever the caller's shell options are.
  set -euo pipefail
  want_browser=0
  for arg in "$@"; do
    case "$arg" in --browser) want_browser=1 ;; *) ;; esac
  done
  say() { echo "runway: $*"; }
  die() { echo "runway: setup error: $*" >&2; exit 1; }
  as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
  apt_install() {
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
  }

  command -v cargo >/dev/null || die "cargo not found (install Rust with rustup first)"
  [ -n "$RUNWAY_WASM_BINDGEN_VERSION" ] || die "no wasm-bindgen entry in Cargo.lock"
  mkdir -p "$RUNWAY_TOOLS"
  # One installer at a time (e.g. scripts/serve and scripts/test started together).
  exec 9>"$RUNWAY_TOOLS/.install.lock"
  flock 9

  # Rust target and components.
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding rust target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
  if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
    say "adding rustup components rustfmt, clippy"
    rustup component add rustfmt clippy
  fi

  # trunk (pinned).
  have="$("$RUNWAY_TOOLS/bin/trunk" --version 2>/dev/null || true)"
  if [ "$have" != "trunk $RUNWAY_TRUNK_VERSION" ]; then
    say "installing trunk $RUNWAY_TRUNK_VERSION into $RUNWAY_TOOLS (first time only, ~8 min)"
    cargo install trunk --version "$RUNWAY_TRUNK_VERSION" --locked --force --root "$RUNWAY_TOOLS"
  fi

  # wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
  v="$RUNWAY_WASM_BINDGEN_VERSION"
  have="$("$RUNWAY_TOOLS/bin/wasm-bindgen" --version 2>/dev/null || true)"
  runner="$("$RUNWAY_TOOLS/bin/wasm-bindgen-test-runner" --version 2>/dev/null || true)"
  if [ "$have" != "wasm-bindgen $v" ] || [ "${runner##* }" != "$v" ]; then
    say "installing wasm-bindgen-cli $v into $RUNWAY_TOOLS (matches Cargo.lock; first time only, ~5 min)"
    # Not --locked: the CLI's own lockfile is not what we want to pin.
    cargo install wasm-bindgen-cli --version "$v" --force --root "$RUNWAY_TOOLS"
  fi

  # The wasm-split step behind lazy pages (scripts/wasm-link), the library cargo-leptos uses;
  # its CLI has no --version, so a stamp records the installed one.
  v="$RUNWAY_WASM_SPLIT_VERSION"
  if [ ! -x "$RUNWAY_TOOLS/bin/wasm-split-cli" ] || [ "$(cat "$RUNWAY_TOOLS/wasm-split-cli.version" 2>/dev/null || true)" != "$v" ]; then
    say "installing wasm_split_cli_support $v into $RUNWAY_TOOLS (first time only, ~3 min)"
    cargo install wasm_split_cli_support --version "$v" --features build-binary --locked --force --root "$RUNWAY_TOOLS"
    echo "$v" >"$RUNWAY_TOOLS/wasm-split-cli.version"
  fi

  # npm devDependencies (Playwright, axe-core, binaryen -> wasm-opt). No browser download.
  if ! command -v npm >/dev/null; then
    say "installing nodejs + npm (apt)"
    apt_install nodejs npm
  fi
  stamp="$RUNWAY_ROOT/node_modules/.runway-npm-stamp"
  want="$( (node --version; cat "$RUNWAY_ROOT/package.json" "$RUNWAY_ROOT/package-lock.json") | sha256sum | cut -d' ' -f1)"
  if [ "$(cat "$stamp" 2>/dev/null || true)" != "$want" ]; then
    say "installing npm dependencies (npm ci)"
    (cd "$RUNWAY_ROOT" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" >"$stamp"
  fi
  [ -x "$RUNWAY_ROOT/node_modules/.bin/wasm-opt" ] || die "node_modules/.bin/wasm-opt missing (binaryen npm package)"

  # Browser for wasm-bindgen-test and Playwright.
  if [ "$want_browser" = 1 ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
    say "installing chromium + chromium-driver (apt, first time only, ~2 min)"
    apt_install chromium chromium-driver
  fi

  # trunk builds with --offline (Trunk.toml), so make sure crates are downloaded.
  fstamp="$RUNWAY_ROOT/target/.runway-fetch-stamp"
  want="$(sha256sum "$RUNWAY_ROOT/Cargo.lock" | cut -d' ' -f1)"
  if [ "$(cat "$fstamp" 2>/dev/null || true)" != "$want" ]; then
    say "fetching crates (cargo fetch)"
    (cd "$RUNWAY_ROOT" && cargo fetch --quiet)
    mkdir -p "$RUNWAY_ROOT/target" && echo "$want" >"$fstamp"
  fi
  exit 0
fi

_runway_t0=$SECONDS
if bash "${BASH_SOURCE[0]}" "$@"; then
  echo "runway: tools ready ($((SECONDS - _runway_t0))s): trunk $RUNWAY_TRUNK_VERSION, wasm-bindgen $RUNWAY_WASM_BINDGEN_VERSION, wasm-opt (npm binaryen)"
else
  echo "runway: setup FAILED" >&2
  return 1
fi
