// The sweep window tests' shared steps, each done through the widgets.
#include "tst_sweep_fixture.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QTextBlock>
#include <QTimer>

#include <limits>

#include "core/runs/run_catalog.h"
#include "core/services/workbench.h"
#include "tests/support/run_test_support.h"
#include "ui/config/yaml_editor.h"
#include "ui/main/main_window.h"
#include "ui/main/sweep_ui.h"
#include "ui/sweep/sweep_add_dialog.h"
#include "ui/sweep/sweep_compare_model.h"
#include "ui/sweep/sweep_compare_panel.h"

namespace tb::test {

const char* const kGrid =
    "method: grid\nmetric: val/loss\ngoal: min\nparameters:\n"
    "  \"{lr}\": [0.3, 0.1, 0.2]\n  \"{kind}\": [a, b]\n";
const char* const kWriteLr =
    R"(printf '{"step":1,"epoch":1,"val/loss":%s}\n' {lr} >> "$TRAINBENCH_RUN_DIR/metrics.jsonl"; echo {kind})";

void typeSweep(YamlEditor* editor, const QString& text) {
    editor->setFocus();
    editor->selectAll();
    QTest::keyClick(editor, Qt::Key_Delete);
    for (const QString& line : text.split('\n')) {
        QTest::keyClicks(editor, line);
        QTest::keyClick(editor, Qt::Key_Return);
        // The editor keeps the indentation of the line above (as YAML editors do) or not:
        // either way the line starts where it should once leading spaces are removed.
        QTextCursor cursor = editor->textCursor();
        cursor.movePosition(QTextCursor::StartOfBlock, QTextCursor::KeepAnchor);
        cursor.removeSelectedText();
    }
}

SweepDialog* openSweepDialog(MainWindow& window) {
    // Offscreen there is no window manager to hand activation back when a dialog closes.
    QApplication::setActiveWindow(&window);
    QTest::keyClick(&window, Qt::Key_R, Qt::ControlModifier | Qt::AltModifier);
    SweepDialog* dialog = nullptr;
    [&] { QTRY_VERIFY((dialog = window.findChild<SweepDialog*>()) != nullptr); }();
    if (dialog) [&] { QVERIFY(QTest::qWaitForWindowExposed(dialog)); }();
    return dialog;
}

QString runSweep(MainWindow& window, SweepDialog::Base base, const QString& command,
                 const QString& sweep, int cpuSlots, const QString& target,
                 const std::function<void(SweepDialog&)>& adjust) {
    SweepDialog* dialog = openSweepDialog(window);
    if (!dialog) return {};
    QRadioButton* choice = dialog->baseChoice(base);
    QTest::mouseClick(choice, Qt::LeftButton, {}, QPoint(8, choice->height() / 2));
    dialog->commandEdit()->clear();
    QTest::keyClicks(dialog->commandEdit(), command);
    typeSweep(dialog->sweepEditor(), sweep);
    QComboBox* targets = dialog->targetBox();
    const int index = targets->findData(target);
    [&] { QVERIFY2(index >= 0, qPrintable("no target " + target + " in Runs on")); }();
    targets->setCurrentIndex(index);
    QTest::mouseClick(dialog->findChild<QRadioButton*>("useCpuSlots"), Qt::LeftButton, {},
                      QPoint(6, 6));
    dialog->cpuSlotsBox()->setValue(cpuSlots);
    if (adjust) adjust(*dialog);
    [&] { QTRY_VERIFY2(dialog->runButton()->isEnabled(), qPrintable(dialog->problem())); }();
    QSignalSpy started(window.findChild<SweepUi*>(), &SweepUi::sweepStarted);
    QSignalSpy failed(window.findChild<SweepUi*>(), &SweepUi::sweepFailed);
    QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
    // A host's start is a round trip per trial.
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(started.count() + failed.count() > 0, 120000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    }();
    return started.isEmpty() ? QString() : started.first().first().toString();
}

QStringList addTrials(MainWindow& window, const QString& sweep) {
    auto* button = window.findChild<QPushButton*>("addTrialsButton");
    [&] { QTRY_VERIFY(button && button->isEnabled()); }();
    if (!button || !button->isEnabled()) return {};
    QTest::mouseClick(button, Qt::LeftButton);
    SweepAddDialog* dialog = nullptr;
    [&] { QTRY_VERIFY((dialog = window.findChild<SweepAddDialog*>()) != nullptr); }();
    if (!dialog) return {};
    [&] { QVERIFY(QTest::qWaitForWindowExposed(dialog)); }();
    typeSweep(dialog->editor(), sweep);
    [&] { QTRY_VERIFY2(dialog->addButton()->isEnabled(), qPrintable(dialog->problem())); }();
    QSignalSpy added(window.findChild<SweepUi*>(), &SweepUi::trialsAdded);
    QTest::mouseClick(dialog->addButton(), Qt::LeftButton);
    [&] { QTRY_VERIFY_WITH_TIMEOUT(!added.isEmpty(), 60000); }();
    return added.isEmpty() ? QStringList() : added.first().value(1).toStringList();
}

bool cancelSweepFromMenu(MainWindow& window, SweepComparePanel* panel) {
    QTimer::singleShot(0, panel, [&window] {
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = window.findChild<QMessageBox*>("confirmCancelSweep")) != nullptr);
        QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    });
    return chooseFromTrialMenu(panel, 1, "cancelSweep");
}

const RunInfo* forkOf(MainWindow& window, const QString& parentRun) {
    for (const RunInfo& run : window.workbench()->catalog()->runs())
        if (run.parentRun == parentRun) return &run;
    return nullptr;
}

QString highestSidecar(const QString& checkpointsDir, const QString& metric) {
    QString found;
    double highest = -std::numeric_limits<double>::infinity();
    const QDir sidecars(checkpointsDir);
    for (const QString& name : sidecars.entryList({"ckpt-*.json"})) {
        const QJsonValue value =
            jsonFile(sidecars.filePath(name)).value("metrics").toObject().value(metric);
        if (!value.isDouble() || value.toDouble() <= highest) continue;
        highest = value.toDouble();
        found = QFileInfo(name).completeBaseName() + ".pt";
    }
    return found;
}

bool chooseFromTrialMenu(SweepComparePanel* panel, int trial, const char* action) {
    QTableView* table = panel->table();
    QModelIndex cell;
    for (int r = 0; r < table->model()->rowCount(); ++r)
        if (table->model()->index(r, 0).data(SweepCompareModel::TrialRole).toInt() == trial - 1)
            cell = table->model()->index(r, 1);
    if (!cell.isValid()) return false;
    bool chosen = false;
    QTimer::singleShot(0, panel, [&] {
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        QAction* item = menu ? menu->findChild<QAction*>(action) : nullptr;
        if (item && item->isEnabled()) {
            item->trigger();
            chosen = true;
        }
        if (menu) menu->close();
    });
    const QPoint at = table->visualRect(cell).center();
    QContextMenuEvent event(QContextMenuEvent::Mouse, at, table->viewport()->mapToGlobal(at));
    QApplication::sendEvent(table->viewport(), &event);
    return chosen;
}

}  // namespace tb::test
