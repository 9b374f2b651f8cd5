#!/usr/bin/env bash
# scripts/check-structure.sh on a small throw-away repo: a clean tree passes; a planted include
# of each forbidden kind, a libssh header without its guard and an unformatted changed line each
# give their file:line and rule;
# unformatted lines the change did not touch are left alone. Usage: check_structure_test.sh SRC
set -uo pipefail
src=${1:-$(dirname "$0")/../..}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

cd "$tmp" || exit 1
git init -q -b main .
git config user.name test && git config user.email test@example.invalid
mkdir -p scripts ui core/train remote/ssh remote/hosts app/cli
cp "$src/scripts/check-structure.sh" scripts/
cp "$src/.clang-format" .
printf '#include <QWidget>\n' >ui/view.cpp
printf '#include <libssh/libssh.h>\n' >remote/ssh/session.cpp
printf '%s\n' '#pragma once' '#ifndef TB_SSH_LAYER' '#error "outside the SSH layer"' '#endif' \
    '#include <libssh/libssh.h>' >remote/ssh/handles.h
printf '#include <torch/torch.h>\n' >core/train/net.cpp
# An old unformatted line: not this change's business.
printf '#include <QAction>\n#include <QString>\n\nint  old( ){return 1;}\n' >core/model.cpp
git add -A && git commit -qm base

out=$(scripts/check-structure.sh 2>&1) || fail "clean tree: $out"

# Planted includes, in a new (untracked) file that is itself formatted.
printf '%s\n' '#include "qcustomplot.h"' '' '#include <ATen/ATen.h>' '#include <libssh/sftp.h>' \
    '#include <QDialog>' '#include <QtWidgets/QLabel>' >core/bad.cpp
out=$(scripts/check-structure.sh 2>&1) && fail "planted includes passed"
for expected in 'core/bad.cpp:1: widgets' 'core/bad.cpp:3: torch' 'core/bad.cpp:4: libssh' \
    'core/bad.cpp:5: widgets' 'core/bad.cpp:6: widgets'; do
    grep -qF "$expected" <<<"$out" || fail "no '$expected' in: $out"
done
[ "$(grep -c ': format:' <<<"$out")" -eq 0 ] || fail "formatted new file reported: $out"
rm core/bad.cpp

# A header that brings libssh in without the guard that stops it outside the SSH layer.
printf '%s\n' '#pragma once' '#include <libssh/sftp.h>' >remote/ssh/bare.h
out=$(scripts/check-structure.sh 2>&1) && fail "unguarded libssh header passed"
grep -qF 'remote/ssh/bare.h:2: libssh-guard' <<<"$out" || fail "no remote/ssh/bare.h:2 libssh-guard in: $out"
grep -qF 'remote/ssh/handles.h' <<<"$out" && fail "guarded header reported: $out"
rm remote/ssh/bare.h

# libssh above the SSH layer: remote/hosts goes through remote/ssh's interfaces.
printf '#include <libssh/libssh.h>\n' >remote/hosts/probe.cpp
out=$(scripts/check-structure.sh 2>&1) && fail "libssh in remote/hosts passed"
grep -qF 'remote/hosts/probe.cpp:1: libssh' <<<"$out" || fail "no remote/hosts/probe.cpp:1 libssh in: $out"
rm remote/hosts/probe.cpp

# A changed line that clang-format would write otherwise, in a committed file.
printf 'int added( ) {return 2;}\n' >>core/model.cpp
out=$(scripts/check-structure.sh 2>&1) && fail "unformatted change passed"
grep -qF 'core/model.cpp:5: format' <<<"$out" || fail "no core/model.cpp:5 format in: $out"
grep -qF 'core/model.cpp:4:' <<<"$out" && fail "untouched old line reported: $out"
git commit -qam 'unformatted change'
out=$(scripts/check-structure.sh HEAD 2>&1) || fail "nothing changed since HEAD: $out"
out=$(scripts/check-structure.sh 2>&1) && fail "committed unformatted change passed (base: script's commit)"

[ "$failures" -eq 0 ] && echo "check_structure_test: all passed"
exit $((failures > 0))
