# The Rust toolchain of the first-chart build, sourced by setup.sh and build.sh. A pinned nightly:
# it rebuilds the standard library for size with panic=immediate-abort (see build.sh).
FIRST_CHART_TOOLCHAIN=nightly-2026-10-29
