#!/usr/bin/env bash
# Checks the layering rules the build cannot see and clang-format on changed lines; prints one
# `file:line: rule: what` per violation and exits 1 if there is any. Usage:
#   scripts/check-structure.sh [BASE]      (make check-structure; a step of .ci/run)
#
# Include rules, over every tracked or new (not ignored) C++ file, direct #includes only:
#   widgets  QtWidgets headers (<QtWidgets/...>, <QWidget>, <QDialog>, <QApplication>, any class
#            header of the QtWidgets module) and qcustomplot.h only in ui/, app/gui/, tests/ui/
#            and the benchmarks that time a window (bench/live, bench/redraw, bench/startup,
#            bench/sweep_ui).
#            Everything else (core/, remote/, app/cli, app/train) must build and run without
#            a display.
#   libssh   <libssh/...> only in remote/ssh/ and remote/transfer/ (whose engine runs on the
#            session's libssh handles), and tests/remote/ (which compares against libssh itself).
#   libssh-guard  a header that includes <libssh/...> first stops with #error unless
#            TB_SSH_LAYER is defined (`#ifndef TB_SSH_LAYER` / `#error`), and only tb_ssh,
#            tb_transfer, tb_sync (remote/sync's engine writes a TransferChannel)
#            and tests/remote define it: so the compiler, which sees every include, fails a
#            translation unit outside the SSH layer that reaches libssh through remote/ headers.
#   torch    <torch/...>, <ATen/...>, <c10/...> only in core/train/, app/train/ and their tests
#            (tests/train/, tests/data/ for core/train/data) and the training benchmarks
#            (bench/train/, bench/gpu/, bench/checkpoint/).
# The allowed places are the ALLOW_* lists below; a new legitimate place is added there.
#
# Format rule: lines added or changed since BASE (committed or not; new untracked files whole)
# must be as clang-format (the repo's .clang-format) writes them. Untouched old code is not
# checked; the repo is not reformatted wholesale. BASE is, in order:
#   1. the argument, any commit (e.g. HEAD~5, origin/main);
#   2. the merge base with origin/main, when it exists and HEAD is ahead of it (a branch);
#   3. the commit that added this script: on main, with or without a remote, every line written
#      since the check came in is held to it (what .ci/run uses, on a fresh clone too). In a
#      shallow clone that commit may be missing; then the shallow root serves.
# Fix what it reports with: git clang-format-14 --binary clang-format-14 BASE
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2

ALLOW_WIDGETS=(ui/ app/gui/ tests/ui/ bench/live/ bench/redraw/ bench/startup/ bench/sweep_ui/)
ALLOW_LIBSSH=(remote/ssh/ remote/transfer/ tests/remote/)
ALLOW_TORCH=(core/train/ app/train/ tests/train/ tests/data/ bench/train/ bench/gpu/
             bench/checkpoint/)

# Class headers of Qt 6's QtWidgets module (ls /usr/include/*/qt6/QtWidgets/Q*, Qt 6.4).
# QAction, QShortcut, QUndoStack and the like are QtGui in Qt 6 and allowed.
WIDGET_HEADERS="QAbstractButton QAbstractGraphicsShapeItem QAbstractItemDelegate
QAbstractItemView QAbstractScrollArea QAbstractSlider QAbstractSpinBox QAccessibleWidget
QApplication QBoxLayout QButtonGroup QCalendarWidget QCheckBox QColorDialog QColormap QColumnView
QComboBox QCommandLinkButton QCommonStyle QCompleter QDataWidgetMapper QDateEdit QDateTimeEdit
QDial QDialog QDialogButtonBox QDockWidget QDoubleSpinBox QErrorMessage QFileDialog
QFileIconProvider QFocusFrame QFontComboBox QFontDialog QFormLayout QFrame QGesture QGestureEvent
QGestureRecognizer QGraphicsAnchor QGraphicsAnchorLayout QGraphicsBlurEffect
QGraphicsColorizeEffect QGraphicsDropShadowEffect QGraphicsEffect QGraphicsEllipseItem
QGraphicsGridLayout QGraphicsItem QGraphicsItemAnimation QGraphicsItemGroup QGraphicsLayout
QGraphicsLayoutItem QGraphicsLineItem QGraphicsLinearLayout QGraphicsObject
QGraphicsOpacityEffect QGraphicsPathItem QGraphicsPixmapItem QGraphicsPolygonItem
QGraphicsProxyWidget QGraphicsRectItem QGraphicsRotation QGraphicsScale QGraphicsScene
QGraphicsSceneContextMenuEvent QGraphicsSceneDragDropEvent QGraphicsSceneEvent
QGraphicsSceneHelpEvent QGraphicsSceneHoverEvent QGraphicsSceneMouseEvent
QGraphicsSceneMoveEvent QGraphicsSceneResizeEvent QGraphicsSceneWheelEvent
QGraphicsSimpleTextItem QGraphicsTextItem QGraphicsTransform QGraphicsView QGraphicsWidget
QGridLayout QGroupBox QHBoxLayout QHeaderView QInputDialog QItemDelegate QItemEditorCreator
QItemEditorCreatorBase QItemEditorFactory QKeySequenceEdit QLCDNumber QLabel QLayout QLayoutItem
QLineEdit QListView QListWidget QListWidgetItem QMainWindow QMdiArea QMdiSubWindow QMenu
QMenuBar QMessageBox QPanGesture QPinchGesture QPlainTextDocumentLayout QPlainTextEdit
QProgressBar QProgressDialog QProxyStyle QPushButton QRadioButton QRubberBand QScrollArea
QScrollBar QScroller QScrollerProperties QSizeGrip QSizePolicy QSlider QSpacerItem QSpinBox
QSplashScreen QSplitter QSplitterHandle QStackedLayout QStackedWidget
QStandardItemEditorCreator QStatusBar QStyle QStyleFactory QStyleHintReturn QStyleHintReturnMask
QStyleHintReturnVariant QStyleOption QStyleOptionButton QStyleOptionComboBox
QStyleOptionComplex QStyleOptionDockWidget QStyleOptionFocusRect QStyleOptionFrame
QStyleOptionGraphicsItem QStyleOptionGroupBox QStyleOptionHeader QStyleOptionHeaderV2
QStyleOptionMenuItem QStyleOptionProgressBar QStyleOptionRubberBand QStyleOptionSizeGrip
QStyleOptionSlider QStyleOptionSpinBox QStyleOptionTab QStyleOptionTabBarBase
QStyleOptionTabWidgetFrame QStyleOptionTitleBar QStyleOptionToolBar QStyleOptionToolBox
QStyleOptionToolButton QStyleOptionViewItem QStylePainter QStylePlugin QStyledItemDelegate
QSwipeGesture QSystemTrayIcon QTabBar QTabWidget QTableView QTableWidget QTableWidgetItem
QTableWidgetSelectionRange QTapAndHoldGesture QTapGesture QTextBrowser QTextEdit QTileRules
QTimeEdit QToolBar QToolBox QToolButton QToolTip QTreeView QTreeWidget QTreeWidgetItem
QTreeWidgetItemIterator QUndoView QVBoxLayout QWhatsThis QWidget QWidgetAction QWidgetData
QWidgetItem QWidgetItemV2 QWizard QWizardPage"

SOURCE_GLOBS=('*.h' '*.hpp' '*.cpp' '*.cc' '*.cxx' '*.c')
violations=0

# ---- include rules --------------------------------------------------------------------------
mapfile -d '' sources < <(git ls-files -z -co --exclude-standard -- "${SOURCE_GLOBS[@]}")
if [ ${#sources[@]} -gt 0 ]; then
    include_report=$(
        printf '%s\0' "${sources[@]}" |
            xargs -0 grep -HnE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]' -- |
            awk -v widgets="$WIDGET_HEADERS" -v allowW="${ALLOW_WIDGETS[*]}" \
                -v allowS="${ALLOW_LIBSSH[*]}" -v allowT="${ALLOW_TORCH[*]}" '
            function allowed(path, list,    n, i, p) {
                n = split(list, p, " ")
                for (i = 1; i <= n; ++i)
                    if (index(path, p[i]) == 1) return 1
                return 0
            }
            BEGIN {
                n = split(widgets, w, /[[:space:]]+/)
                for (i = 1; i <= n; ++i) if (w[i] != "") widget[tolower(w[i])] = 1
            }
            {
                # path:line:text (paths in this repo hold no colon)
                path = $0; sub(/:.*/, "", path)
                rest = substr($0, length(path) + 2)
                line = rest; sub(/:.*/, "", line)
                text = substr(rest, length(line) + 2)
                if (!match(text, /include[[:space:]]*[<"][^>"]+[>"]/)) next
                header = substr(text, RSTART, RLENGTH)
                sub(/^include[[:space:]]*[<"]/, "", header); sub(/[>"]$/, "", header)
                bare = tolower(header); sub(/\.h$/, "", bare)
                if (header ~ /^QtWidgets(\/|$)/ || header == "qcustomplot.h" ||
                    (header !~ /\// && (bare in widget))) {
                    if (!allowed(path, allowW))
                        printf "%s:%s: widgets: <%s> is a QtWidgets header; only %s may include them\n", path, line, header, allowW
                } else if (header ~ /^libssh\//) {
                    if (!allowed(path, allowS))
                        printf "%s:%s: libssh: <%s> outside %s (go through a remote/ interface)\n", path, line, header, allowS
                } else if (header ~ /^(torch|ATen|c10)\//) {
                    if (!allowed(path, allowT))
                        printf "%s:%s: torch: <%s> outside %s\n", path, line, header, allowT
                }
            }')
    if [ -n "$include_report" ]; then
        echo "$include_report"
        violations=$((violations + $(wc -l <<<"$include_report")))
    fi
fi

# ---- libssh-guard: headers that include libssh stop outside the SSH layer --------------------
headers=()
for file in "${sources[@]}"; do
    [[ $file =~ \.(h|hpp)$ && -f $file ]] && headers+=("$file")
done
if [ ${#headers[@]} -gt 0 ]; then
    guard_report=$(
        printf '%s\0' "${headers[@]}" | xargs -0 awk '
            FNR == 1 { guarded = 0; reported = 0 }
            /^[[:space:]]*#[[:space:]]*ifndef[[:space:]]+TB_SSH_LAYER([[:space:]]|$)/ { guarded = 1 }
            !guarded && !reported && /^[[:space:]]*#[[:space:]]*include[[:space:]]*<libssh\// {
                printf "%s:%d: libssh-guard: a header including libssh must first have #ifndef TB_SSH_LAYER / #error (see remote/ssh/ssh_handles.h)\n", FILENAME, FNR
                reported = 1
            }')
    if [ -n "$guard_report" ]; then
        echo "$guard_report"
        violations=$((violations + $(wc -l <<<"$guard_report")))
    fi
fi

# ---- clang-format on changed lines ----------------------------------------------------------
clang_format="${CLANG_FORMAT:-}"
if [ -z "$clang_format" ]; then
    for candidate in clang-format-14 clang-format; do
        if command -v "$candidate" >/dev/null; then clang_format=$candidate; break; fi
    done
fi
if [ -z "$clang_format" ]; then
    echo "check-structure: clang-format not found (scripts/install-deps.sh installs it)" >&2
    exit 2
fi

base_arg="${1:-}"
if [ -n "$base_arg" ]; then
    if ! base=$(git rev-parse -q --verify "$base_arg^{commit}"); then
        echo "check-structure: '$base_arg' is not a commit" >&2
        exit 2
    fi
    base_why="$base_arg"
elif git rev-parse -q --verify 'origin/main^{commit}' >/dev/null &&
    ! git merge-base --is-ancestor HEAD origin/main; then
    base=$(git merge-base origin/main HEAD)
    base_why="merge base with origin/main"
else
    base=$(git log --diff-filter=A --format=%H -- scripts/check-structure.sh | tail -n 1)
    base_why="the commit that added this check"
    if [ -z "$base" ]; then
        base=$(git rev-parse -q --verify 'HEAD^{commit}' || true)
        base_why="HEAD (this check is not committed yet)"
    fi
fi

format_report=""
format_files=0
check_format() {  # file [--lines=a:b ...]
    local file=$1
    shift
    format_files=$((format_files + 1))
    local out
    out=$("$clang_format" --style=file --dry-run "$@" -- "$file" 2>&1 |
        sed -nE 's/^(.*):([0-9]+):[0-9]+: warning: code should be clang-formatted.*/\1:\2/p' |
        sort -u -t: -k2,2n)
    [ -n "$out" ] && format_report+="$out"$'\n'
}

if [ -n "$base" ]; then
    mapfile -d '' changed < <(git diff -z --name-only --diff-filter=ACMR "$base" -- \
        "${SOURCE_GLOBS[@]}")
    for file in "${changed[@]}"; do
        [ -f "$file" ] || continue
        # New-side ranges of every hunk: "@@ -a,b +c,d @@" -> --lines=c:c+d-1 (d=0: deletion).
        mapfile -t ranges < <(git diff -U0 --no-color "$base" -- "$file" |
            sed -nE 's/^@@ -[0-9,]+ \+([0-9]+)(,([0-9]+))? @@.*/\1 \3/p' |
            awk '{ n = ($2 == "") ? 1 : $2; if (n > 0) printf "--lines=%d:%d\n", $1, $1 + n - 1 }')
        [ ${#ranges[@]} -gt 0 ] && check_format "$file" "${ranges[@]}"
    done
fi
mapfile -d '' untracked < <(git ls-files -z -o --exclude-standard -- "${SOURCE_GLOBS[@]}")
for file in "${untracked[@]}"; do check_format "$file"; done

if [ -n "$format_report" ]; then
    while IFS= read -r where; do
        [ -n "$where" ] || continue
        echo "$where: format: not as clang-format writes it (git clang-format-14 --binary $clang_format ${base_arg:-${base:0:12}})"
        violations=$((violations + 1))
    done <<<"$format_report"
fi

summary="${#sources[@]} files' includes, format of changed lines in $format_files files since ${base:0:12} ($base_why)"
if [ "$violations" -gt 0 ]; then
    echo "check-structure: $violations violation(s); checked $summary" >&2
    exit 1
fi
echo "check-structure: ok; checked $summary"
