// Run Sweep… as a user drives it: the dialog checks the sweep as it is typed (a bad value shows
// its FILE:LINE:COL diagnostic, which goes to the line, and disables Run; a placeholder the
// command lacks is named), slots come from the ticked GPUs or the CPU spin box; in the window a
// sweep of script trials runs on this machine to the end and shows as one group; a queued trial
// and then the sweep are cancelled from the comparison table; a trainer sweep's best trial is
// forked from its best checkpoint. Also the checked OK and outcome line it shares with Add Trials.
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTimer>

#include "core/runs/run_catalog.h"
#include "core/runs/workspace.h"
#include "core/services/sweep_watch.h"
#include "core/services/workbench.h"
#include "tests/support/run_test_support.h"
#include "tst_sweep_fixture.h"
#include "ui/config/diagnostics_list.h"
#include "ui/config/yaml_editor.h"
#include "ui/main/main_window.h"
#include "ui/main/run_controller.h"
#include "ui/main/runs_panel.h"
#include "ui/main/runs_table_model.h"
#include "ui/main/sweep_ui.h"
#include "ui/sweep/sweep_add_dialog.h"
#include "ui/sweep/sweep_check_view.h"
#include "ui/sweep/sweep_compare_model.h"
#include "ui/sweep/sweep_compare_panel.h"
#include "ui/sweep/sweep_dialog.h"

using namespace tb;

using test::chooseFromTrialMenu;
using test::kGrid;
using test::kWriteLr;
using test::typeSweep;

namespace {

QString diagnosticsText(DiagnosticsList* list) {
    QStringList rows;
    for (int i = 0; i < list->count(); ++i) rows << list->item(i)->text();
    return rows.join('\n');
}

}  // namespace

class SweepDialogTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void checkOutcomeAndCheckedOk();
    void badSweepShowsDiagnosticsAndDisablesRun();
    void placeholderMissingFromTheCommandIsNamed();
    void slotsFromTickedGpusOrCpu();
    void eachTargetOffersItsOwnGpus();
    void scriptSweepRunsToTheEnd();
    void cancelQueuedTrialThenTheSweep();
    void forkBestTrialFromItsBestCheckpoint();

private:
    std::unique_ptr<MainWindow> openWindow();

    QTemporaryDir m_dir;
    AppContext m_context;
};

void SweepDialogTest::initTestCase() {
    QCoreApplication::setOrganizationName("trainbench-test-sweep-dialog");
    QSettings().clear();
    qputenv("TB_SWEEP_GRACE", "2");  // the scheduler's TERM-to-KILL wait on a cancel
    m_context.runsRoot = m_dir.filePath("runs");
    m_context.configsDir = seedWorkspace(m_context.runsRoot);
    m_context.binDir = test::binDir();
    m_context.hostsConfigDir = m_dir.filePath("config");
    m_context.openConfig = test::demoConfig();
}

// The pieces both sweep dialogs share: a problem disables OK and says why; OK closes the dialog
// only when its check passes.
void SweepDialogTest::checkOutcomeAndCheckedOk() {
    QDialog dialog;
    bool passes = false;
    int checks = 0;
    QDialogButtonBox* buttons = makeCheckedButtons(&dialog, "&Go", "goButton", [&] {
        ++checks;
        return passes;
    });
    QPushButton* ok = buttons->button(QDialogButtonBox::Ok);
    QCOMPARE(ok->objectName(), QStringLiteral("goButton"));
    QCOMPARE(ok->text(), QStringLiteral("&Go"));
    QLabel status;

    showCheckOutcome(&status, ok, "Fix it first", "Ready");
    QCOMPARE(status.text(), QStringLiteral("Fix it first"));
    QCOMPARE(ok->toolTip(), QStringLiteral("Fix it first"));
    QVERIFY(!ok->isEnabled());
    showCheckOutcome(&status, ok, QString(), "Ready");
    QCOMPARE(status.text(), QStringLiteral("Ready"));
    QVERIFY(ok->toolTip().isEmpty());
    QVERIFY(ok->isEnabled());

    dialog.show();
    QSignalSpy closed(&dialog, &QDialog::accepted);
    ok->click();
    QCOMPARE(checks, 1);
    QCOMPARE(closed.count(), 0);
    passes = true;
    ok->click();
    QCOMPARE(checks, 2);
    QCOMPARE(closed.count(), 1);
}

void SweepDialogTest::badSweepShowsDiagnosticsAndDisablesRun() {
    const QString config = QString::fromUtf8(test::fileText(test::demoConfig()));
    SweepDialog dialog(test::demoConfig(), config, {{"local", {}}});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    typeSweep(dialog.sweepEditor(),
              "method: grid\nmetric: val/loss\ngoal: min\nparameters:\n  optim.lr: [0.1, 0.01]\n"
              "  optim.kind: [sgd, adam]");
    QTRY_COMPARE(dialog.trialLabel()->text(), QStringLiteral("Trials: 4"));
    QVERIFY(dialog.runButton()->isEnabled());
    QCOMPARE(dialog.trialCount(), 4);

    // A value that is no number, typed into the first list: Run goes grey, the list says where.
    YamlEditor* editor = dialog.sweepEditor();
    QTextCursor cursor(editor->document()->findBlockByNumber(4));
    cursor.movePosition(QTextCursor::EndOfBlock);
    cursor.movePosition(QTextCursor::Left);  // before the ']'
    editor->setTextCursor(cursor);
    QTest::keyClicks(editor, ", abc");
    QTRY_VERIFY(!dialog.runButton()->isEnabled());
    const QString problems = diagnosticsText(dialog.diagnostics());
    QVERIFY2(problems.contains("sweep.yaml:5:") && problems.contains("must be a number"),
             qPrintable(problems));
    QVERIFY(dialog.runButton()->toolTip().contains("problems"));
    QVERIFY(dialog.trialLabel()->text().contains("none"));

    // A click on the problem takes the cursor to its line.
    editor->moveCursor(QTextCursor::Start);
    QListWidget* list = dialog.diagnostics();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualItemRect(list->item(0)).center());
    QCOMPARE(editor->textCursor().blockNumber(), 4);

    // Fixed: Run is back, with the count.
    QTest::keyClick(editor, Qt::Key_End);
    for (int i = 0; i < 6; ++i) QTest::keyClick(editor, Qt::Key_Backspace);
    QTest::keyClicks(editor, "]");
    QTRY_VERIFY(dialog.runButton()->isEnabled());
    QCOMPARE(dialog.trialCount(), 4);
}

void SweepDialogTest::placeholderMissingFromTheCommandIsNamed() {
    SweepDialog dialog({}, {}, {{"local", {}}});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(!dialog.baseChoice(SweepDialog::Base::EditorConfig)->isEnabled());  // none open
    QTest::mouseClick(dialog.baseChoice(SweepDialog::Base::Script), Qt::LeftButton, {},
                      QPoint(8, dialog.baseChoice(SweepDialog::Base::Script)->height() / 2));
    QVERIFY(dialog.baseChoice(SweepDialog::Base::Script)->isChecked());
    typeSweep(dialog.sweepEditor(), kGrid);
    QTest::keyClicks(dialog.commandEdit(), "python train.py --lr {lr}");
    QTRY_VERIFY(diagnosticsText(dialog.diagnostics()).contains("{kind}"));
    QVERIFY(!dialog.runButton()->isEnabled());
    QTest::keyClicks(dialog.commandEdit(), " --kind {kind}");
    QTRY_VERIFY(dialog.runButton()->isEnabled());
    QCOMPARE(dialog.setup().base.command,
             QStringLiteral("python train.py --lr {lr} --kind {kind}"));
    QCOMPARE(dialog.trialCount(), 6);
}

void SweepDialogTest::slotsFromTickedGpusOrCpu() {
    GpuSample first;
    first.index = 0;
    first.name = "Fake A100";
    GpuSample second = first;
    second.index = 3;
    SweepDialog dialog(test::demoConfig(), QString::fromUtf8(test::fileText(test::demoConfig())),
                       {{"local", {first, second}}});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.gpuChoice()->isChecked());  // GPUs when there are some
    QCOMPARE(dialog.gpuBoxes().size(), 2);
    dialog.perGpuBox()->setFocus();
    dialog.perGpuBox()->selectAll();
    QTest::keyClicks(dialog.perGpuBox(), "2");
    QCOMPARE(dialog.setup().slots, (QStringList{"0", "0", "3", "3"}));
    for (QCheckBox* box : dialog.gpuBoxes())
        QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(6, box->height() / 2));
    QTRY_VERIFY(!dialog.runButton()->isEnabled());
    QVERIFY(dialog.problem().contains("GPU"));
    QTest::mouseClick(dialog.findChild<QRadioButton*>("useCpuSlots"), Qt::LeftButton, {},
                      QPoint(6, 6));
    dialog.cpuSlotsBox()->setValue(3);
    QTRY_VERIFY(dialog.runButton()->isEnabled());
    QCOMPARE(dialog.setup().slots, (QStringList{"cpu", "cpu", "cpu"}));
}

// A host's GPUs come from its probe: choosing it in "Runs on" swaps the GPU list; a host never
// probed, or probed without GPUs, offers CPU slots and says which.
void SweepDialogTest::eachTargetOffersItsOwnGpus() {
    GpuSample here;
    here.index = 0;
    here.name = "Laptop GPU";
    GpuSample rented = here;
    rented.index = 5;
    rented.name = "Fake 4090";
    SweepDialog dialog(
        test::demoConfig(), QString::fromUtf8(test::fileText(test::demoConfig())),
        {{"local", {here}}, {"gpubox", {rented}}, {"fresh", {}, false}, {"cpubox", {}}});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QComboBox* target = dialog.targetBox();
    target->setCurrentIndex(target->findData("local"));
    QCOMPARE(dialog.gpuBoxes().size(), 1);
    QCOMPARE(dialog.setup().slots.first(), QString("0"));

    target->setCurrentIndex(target->findData("gpubox"));
    QCOMPARE(dialog.target(), QString("gpubox"));
    QCOMPARE(dialog.gpuBoxes().size(), 1);
    QVERIFY(dialog.gpuBoxes().first()->text().contains("Fake 4090"));
    QVERIFY(dialog.gpuChoice()->isChecked());
    dialog.perGpuBox()->setValue(2);
    QCOMPARE(dialog.setup().slots, (QStringList{"5", "5"}));

    target->setCurrentIndex(target->findData("fresh"));
    QVERIFY(dialog.gpuBoxes().isEmpty());
    QVERIFY(!dialog.gpuChoice()->isEnabled());
    QCOMPARE(dialog.gpuChoice()->text(), QString("GPUs: fresh not probed yet"));
    target->setCurrentIndex(target->findData("cpubox"));
    QCOMPARE(dialog.gpuChoice()->text(), QString("GPUs: none found on cpubox"));
    dialog.cpuSlotsBox()->setValue(2);
    QTRY_VERIFY(dialog.runButton()->isEnabled());
    QCOMPARE(dialog.setup().slots, (QStringList{"cpu", "cpu"}));
}

std::unique_ptr<MainWindow> SweepDialogTest::openWindow() {
    auto window = std::make_unique<MainWindow>(m_context);
    window->show();
    [&] { QVERIFY(QTest::qWaitForWindowExposed(window.get())); }();
    return window;
}

void SweepDialogTest::scriptSweepRunsToTheEnd() {
    auto window = openWindow();
    const QString id = test::runSweep(*window, SweepDialog::Base::Script, kWriteLr, kGrid, 2);
    QVERIFY(!id.isEmpty());
    auto* sweeps = window->findChild<SweepUi*>();

    RunsTableModel* model = window->findChild<RunsPanel*>()->model();
    const auto stateText = [&] {
        return model->index(model->sweepIndex(id).row(), RunsTableModel::State).data().toString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(stateText(), QStringLiteral("6/6 done"), 120000);
    // Ids first: the catalog re-lists its runs while the test waits, and the model with it.
    const QStringList trials = model->sweepRuns(id);
    QCOMPARE(trials.size(), 6);
    QCOMPARE(model->rowCount(model->sweepIndex(id)), 6);
    for (int i = 0; i < 6; ++i) {
        const auto stateOf = [&] {
            const RunInfo* run = window->workbench()->catalog()->find(trials[i]);
            return run ? run->state : RunState::Lost;
        };
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(), RunState::Finished, 30000);
        QCOMPARE(window->workbench()->catalog()->find(trials[i])->sweepTrial, i);
    }
    // Started from the window, the group is selected once listed: the comparison shows it.
    auto* compare = sweeps->panel();
    QTRY_COMPARE(compare->sweepId(), id);
    QTRY_COMPARE(compare->model()->rowCount(), 6);
    const SweepReport& report = compare->model()->report();
    QVERIFY(report.bestRow >= 0);
    QCOMPARE(report.trials[report.bestRow].values.value("lr"), QStringLiteral("0.1"));
    QTRY_COMPARE(
        model->index(model->sweepIndex(id).row(), RunsTableModel::Progress).data().toString(),
        QStringLiteral("best val/loss 0.1"));

    // The dialog opens again with the sweep's command as it was typed.
    SweepDialog* again = test::openSweepDialog(*window);
    QVERIFY(again);
    QCOMPARE(again->commandEdit()->text(), QString::fromUtf8(kWriteLr));
    QVERIFY(again->baseChoice(SweepDialog::Base::Script)->isChecked());
    again->reject();
    QTRY_VERIFY(!window->findChild<SweepDialog*>());

    // Add Trials… with another goal is refused as typed; with the sweep's own, one more trial
    // is queued after the last and becomes the best.
    QTest::mouseClick(window->findChild<QPushButton*>("addTrialsButton"), Qt::LeftButton);
    SweepAddDialog* adding = nullptr;
    QTRY_VERIFY((adding = window->findChild<SweepAddDialog*>()) != nullptr);
    // It starts as a grid over the trials' own keys, ready to be queued as it is.
    QVERIFY2(adding->sweepText().contains("\"{lr}\": [0.3]"), qPrintable(adding->sweepText()));
    QVERIFY(adding->addButton()->isEnabled());
    typeSweep(adding->editor(),
              "method: grid\nmetric: val/loss\ngoal: max\nparameters:\n"
              "  \"{lr}\": [0.05]\n  \"{kind}\": [a]");
    QTRY_VERIFY2(adding->problem().contains("val/loss (min)"), qPrintable(adding->problem()));
    QVERIFY(!adding->addButton()->isEnabled());
    adding->reject();
    QTRY_VERIFY(!window->findChild<SweepAddDialog*>());  // closed, then deleted
    const QStringList more =
        test::addTrials(*window,
                        "method: grid\nmetric: val/loss\ngoal: min\nparameters:\n"
                        "  \"{lr}\": [0.05]\n  \"{kind}\": [a]");
    QCOMPARE(more.size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(stateText(), QStringLiteral("7/7 done"), 60000);
    QTRY_COMPARE(
        model->index(model->sweepIndex(id).row(), RunsTableModel::Progress).data().toString(),
        QStringLiteral("best val/loss 0.05"));
    QCOMPARE(window->workbench()->catalog()->find(more.first())->sweepTrial, 6);
    // The title names the best trial by every key the sweep varies, lr too (fixed in the added
    // spec, so its own label leaves it out).
    QTRY_VERIFY2(compare->title()->text().contains("(trial 7: kind=a lr=0.05)"),
                 qPrintable(compare->title()->text()));
}

void SweepDialogTest::cancelQueuedTrialThenTheSweep() {
    auto window = openWindow();
    const QString id = test::runSweep(
        *window, SweepDialog::Base::Script, "sleep 120; echo {n}",
        "method: grid\nmetric: val/loss\ngoal: min\nparameters:\n  \"{n}\": [1, 2, 3]", 1);
    QVERIFY(!id.isEmpty());
    auto* sweeps = window->findChild<SweepUi*>();
    SweepComparePanel* compare = sweeps->panel();
    QTRY_COMPARE(compare->sweepId(), id);
    const auto queueOf = [&](int trial) {
        const SweepReport* report = sweeps->watch()->report(id);
        return report && report->trials.size() >= trial ? report->trials[trial - 1].queue
                                                        : TrialQueueState::Unknown;
    };
    QTRY_COMPARE_WITH_TIMEOUT(queueOf(1), TrialQueueState::Running, 30000);

    // Trial 3 waits in the queue: cancelled, it will not run.
    QTRY_COMPARE(queueOf(3), TrialQueueState::Queued);
    QVERIFY(chooseFromTrialMenu(compare, 3, "cancelTrial"));
    QTRY_COMPARE(queueOf(3), TrialQueueState::Cancelled);
    const QAbstractItemModel* table = compare->table()->model();
    QTRY_VERIFY(table
                    ->match(table->index(0, compare->model()->column(SweepCompareModel::State)),
                            Qt::DisplayRole, "cancelled")
                    .size() == 1);

    // The whole sweep, after the question: the running trial stops, trial 2 never starts.
    QVERIFY(test::cancelSweepFromMenu(*window, compare));
    QTRY_VERIFY_WITH_TIMEOUT(
        sweeps->watch()->report(id) && sweeps->watch()->report(id)->state == "cancelled", 60000);
    QTRY_COMPARE_WITH_TIMEOUT(queueOf(1), TrialQueueState::Done, 30000);
    QVERIFY(queueOf(2) == TrialQueueState::Cancelled);
}

void SweepDialogTest::forkBestTrialFromItsBestCheckpoint() {
    const QString config = m_dir.filePath("tiny.yaml");
    QFile file(config);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        "name: tiny\ndata:\n  kind: synthetic\n  workers: 0\n"
        "  synthetic: {samples: 300, classes: 4, shape: [1, 8, 8]}\n"
        "model:\n  kind: mlp\ntrain:\n  epochs: 2\n");
    file.close();
    m_context.openConfig = config;
    auto window = openWindow();
    const QString id = test::runSweep(*window, SweepDialog::Base::EditorConfig, {},
                                      "method: list\nmetric: val/acc\ngoal: max\ntrials:\n"
                                      "  - {optim.lr: 0.01}\n  - {optim.lr: 0.0001}",
                                      2);
    QVERIFY(!id.isEmpty());
    auto* sweeps = window->findChild<SweepUi*>();
    QTRY_VERIFY_WITH_TIMEOUT(
        sweeps->watch()->report(id) && sweepSettled(*sweeps->watch()->report(id)), 180000);
    SweepComparePanel* compare = sweeps->panel();
    QTRY_COMPARE(compare->sweepId(), id);
    const SweepReport report = *sweeps->watch()->report(id);
    QVERIFY(report.bestRow >= 0);
    const SweepTrialRow& best = report.trials[report.bestRow];

    QString forkedText;
    window->findChild<RunController*>()->setForkEditor([&](QString& text) {
        forkedText = text;
        return true;
    });
    QVERIFY(chooseFromTrialMenu(compare, best.trial + 1, "forkFromBest"));
    const auto forkOf = [&] { return test::forkOf(*window, best.run); };
    QTRY_VERIFY_WITH_TIMEOUT(forkOf() != nullptr, 30000);
    // The trial's config.yaml is the sweep's base: the fork's carries the trial's own lr.
    const QString lr = best.values.value("optim.lr");
    QVERIFY2(forkedText.contains(QStringLiteral("lr: %1\n").arg(lr)), qPrintable(forkedText));
    // The checkpoint whose sidecar has the best val/acc of that trial.
    const QString checkpoint = forkOf()->parentCheckpoint;
    const QString expected = test::highestSidecar(
        window->workbench()->catalog()->find(best.run)->dir + "/checkpoints", "val/acc");
    QVERIFY(!expected.isEmpty());
    QCOMPARE(QFileInfo(checkpoint).fileName(), expected);
    QVERIFY(forkOf()->sweepId.isEmpty());  // a fork is a run of its own
}

QTEST_MAIN(SweepDialogTest)
#include "tst_sweep_dialog.moc"
