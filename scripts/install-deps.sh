#!/usr/bin/env bash
# Installs every Debian package Trainbench needs to build, test and benchmark.
# Idempotent: does nothing when all packages are present. Uses sudo when not root.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-svg-dev libqt6svg6 qt6-qpa-plugins libgl-dev
  qt6-l10n-tools qt6-tools-dev qt6-translations-l10n   # lupdate/lrelease, Qt6LinguistTools, qtbase_zh_CN.qm
  fonts-noto-cjk   # Chinese glyphs for the zh_CN UI (and its screenshots under Xvfb)
  libqcustomplot-dev
  libtorch-dev libgloo-dev   # libgloo-dev: the Gloo headers c10d's ProcessGroupGloo.hpp includes
  libssh-dev openssh-server openssh-client
  libyaml-cpp-dev libsimdjson-dev
  qtkeychain-qt6-dev
  libarchive-dev libzstd-dev zstd
  git rsync   # git: a code sync reads gitignore rules through it; rsync: bench/sync's reference
  xvfb xauth
  dbus-daemon
  libopenblas0-pthread
  python3-torch python3-numpy
  python3-matplotlib jupyter-nbconvert   # notebook runs: figures, and a check that Jupyter reads the executed copy
  debootstrap iproute2 util-linux e2fsprogs
  slurmctld slurmd slurm-client munge   # a real one-node Slurm for the cluster tests
  locales
  clang libclang-rt-14-dev llvm clang-format
  dpkg-dev desktop-file-utils   # make package (dpkg-shlibdeps) and tests/install
)

# A locale with a decimal comma, for the tests that check number text ignores LC_NUMERIC.
make_comma_locale() {
  locale -a 2>/dev/null | grep -qix 'de_DE.utf-\?8' && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "install-deps: generating the de_DE.UTF-8 locale"
  $sudo localedef -i de_DE -f UTF-8 de_DE.UTF-8
}

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  make_comma_locale
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
make_comma_locale
