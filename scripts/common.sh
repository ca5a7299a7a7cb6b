# Sourced by scripts/setup and scripts/test: where things are and which versions, said once.
# shellcheck shell=bash disable=SC2034 # the variables are used by the scripts that source this

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit 1
TOOLS=$ROOT/target/tools
VENV=$ROOT/.venv
JAVA_LIBS=/usr/share/java

# The Kotlin compiler, from the npm registry (package kotlin-compiler), unpacked under target/tools.
KOTLIN_VERSION=2.4.20
KOTLIN_HOME=$TOOLS/kotlin-compiler-$KOTLIN_VERSION

# The oldest Rust the workspace promises: `rust-version` in Cargo.toml, checked by the msrv suite
# with that toolchain (scripts/setup installs it with rustup).
MSRV=$(sed -n 's/^rust-version = "\(.*\)"$/\1/p' "$ROOT/Cargo.toml")

# Debian packages: JNA, JUnit 5 and Gson for the Kotlin tests; Chromium and a CJK font for the
# rendered reports.
DEBIAN_PACKAGES=(libjna-java junit5 libgoogle-gson-java chromium fonts-wqy-microhei)
JARS=(jna.jar junit-platform-console-standalone.jar gson.jar)

# Python packages in .venv: the build (maturin), the tests (pytest), the stub check (mypy), the
# Fiscal Data Package validator (frictionless), the rendered-report check (Pillow) and the PDF
# cross-check (pdfplumber).
PYTHON_REQUIREMENTS=("maturin>=1.9,<2" "pytest>=8" mypy "frictionless>=5,<6" pillow "pdfplumber>=0.11,<0.12"
  # Arrow interop and docs/scale-out.md: exact decimals through pyarrow, polars, pandas, DuckDB,
  # Dask and Spark (local mode on Java 17).
  "pyarrow>=15" "polars>=1" "pandas>=2.2" "duckdb>=1.1" "dask[dataframe]>=2024.1" "pyspark>=4" "plotly>=5")

export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}
export RUST_BACKTRACE=0
# A clean run builds everything once: the incremental cache (~4 GB for this workspace) only costs
# disk there. A developer's own CARGO_INCREMENTAL is kept.
export CARGO_INCREMENTAL=${CARGO_INCREMENTAL:-0}

step() { printf '\n==> %s\n' "$*"; }
die() { printf 'scripts/%s: %s\n' "$(basename "$0")" "$*" >&2; exit 1; }
