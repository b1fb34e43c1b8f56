#!/usr/bin/env bash
# Installs the Debian packages Trellis needs, only those missing; safe to run again and again.
set -euo pipefail

packages=(
  g++ cmake ninja-build ccache pkg-config make
  libcpp-httplib-dev libsoci-dev libsqlite3-dev libpq-dev libmstch-dev libkainjow-mustache-dev nlohmann-json3-dev libcmark-dev
  libcairo2-dev libpango1.0-dev libqrencode-dev libpoppler-cpp-dev libsodium-dev liblemon-dev coinor-libcbc-dev coinor-libclp-dev libglpk-dev
  libcurl4-openssl-dev libcjose-dev libjansson-dev libcli11-dev libspdlog-dev libcsv-dev libjemalloc-dev libgtest-dev libgmock-dev libbenchmark-dev
  postgresql chromium nodejs npm wrk hyperfine bc curl clang-format poppler-utils fonts-dejavu-core fonts-wqy-microhei zbar-tools sqlite3 python3 python3-aiosmtpd nginx-light openssl clang libclang-rt-dev
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
# Node may come from elsewhere than Debian's package; only ask for it when there is none at all.
if command -v node >/dev/null && command -v npm >/dev/null; then
  filtered=()
  for package in "${missing[@]}"; do
    [[ "$package" == nodejs || "$package" == npm ]] || filtered+=("$package")
  done
  missing=("${filtered[@]}")
fi

if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}"
  sudo_if_needed=""
  [[ $(id -u) -eq 0 ]] || sudo_if_needed="sudo"
  $sudo_if_needed apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_if_needed apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
