// SweepAddDialog: the more.yaml editor, its live checks and the Add button.
#include "sweep_add_dialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include "core/config/schema.h"
#include "core/sweep/sweep_expand.h"
#include "core/sweep/sweep_spec.h"
#include "sweep_check_view.h"
#include "sweep_text_pane.h"
#include "ui/config/diagnostics_list.h"
#include "ui/config/yaml_editor.h"

namespace tb {

namespace {

// A value as one YAML flow scalar on one line: quoted (control characters escaped) when YAML
// would read it otherwise. The values come from the sweep's sweep.json, which a box wrote.
QString yamlScalar(const QString& value) {
    static const QString special = QStringLiteral(",:[]{}#&*!|>'\"%@` ");
    bool plain = !value.isEmpty();
    for (const QChar c : value) plain = plain && !special.contains(c) && c.unicode() >= 0x20;
    if (plain) return value;
    QString quoted;
    for (const QChar c : value) {
        if (c == QLatin1Char('\\') || c == QLatin1Char('"'))
            quoted += QLatin1Char('\\') + QString(c);
        else if (c.unicode() < 0x20)
            quoted += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            quoted += c;
    }
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

// A grid over the keys the first trial sets, each at that trial's value, to be edited.
QString startingText(const SweepReport& report) {
    QString text =
        QStringLiteral("method: grid\nmetric: %1\ngoal: %2\nparameters:\n")
            .arg(report.metric, report.maximize ? QStringLiteral("max") : QStringLiteral("min"));
    const QMap<QString, QString> values =
        report.trials.isEmpty() ? QMap<QString, QString>() : report.trials.first().values;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        // A script's placeholder is kept by its name; in a spec it is written "{name}".
        const QString key =
            findKey(it.key().toStdString()) ? it.key() : QStringLiteral("\"{%1}\"").arg(it.key());
        text += QStringLiteral("  %1: [%2]\n").arg(key, yamlScalar(it.value()));
    }
    return text;
}

}  // namespace

SweepAddDialog::SweepAddDialog(const SweepReport& report, QWidget* parent)
    : QDialog(parent),
      m_sweepId(report.id),
      m_metric(report.metric),
      m_maximize(report.maximize),
      m_status(new QLabel(this)),
      m_pause(new QTimer(this)) {
    setObjectName(QStringLiteral("sweepAddDialog"));
    setWindowTitle(tr("Add Trials to %1").arg(report.id));
    auto* intro = new QLabel(
        tr("More trials for %1: each starts from the sweep's own config or command and runs on "
           "its slots, numbered after its last trial. The metric and goal stay %2 (%3).")
            .arg(report.id, report.metric,
                 report.maximize ? QStringLiteral("max") : QStringLiteral("min")),
        this);
    intro->setWordWrap(true);
    const SweepTextPane pane =
        makeSweepTextPane(this, tr("No problems: the trials are ready to be queued."));
    m_editor = pane.editor;
    m_diagnostics = pane.diagnostics;
    m_editor->setPlainText(startingText(report));
    m_status->setObjectName(QStringLiteral("sweepAddStatus"));
    m_status->setWordWrap(true);
    QDialogButtonBox* buttons =
        makeCheckedButtons(this, tr("&Add Trials"), QStringLiteral("addTrialsOk"), [this] {
            validateNow();
            return m_problem.isEmpty();
        });
    m_add = buttons->button(QDialogButtonBox::Ok);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_diagnostics);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(640, 480);

    setUpTypingPause(m_pause, [this] { validateNow(); });
    connect(m_editor, &QPlainTextEdit::textChanged, m_pause, qOverload<>(&QTimer::start));
    validateNow();
}

QString SweepAddDialog::sweepText() const {
    return m_editor->toPlainText();
}

void SweepAddDialog::validateNow() {
    m_pause->stop();
    const LoadedSweep loaded = parseSweepText(sweepText().toStdString(), "more.yaml");
    showSweepProblems({m_editor, m_diagnostics}, loaded.diagnostics);
    m_trials = loaded.ok() ? sweepSize(loaded.spec) : 0;
    if (!loaded.ok()) {
        m_problem = tr("Fix the problems listed under the text first");
    } else if (QString::fromStdString(loaded.spec.metric) != m_metric ||
               (loaded.spec.goal == SweepGoal::Max) != m_maximize) {
        m_problem = tr("The metric and goal must stay %1 (%2): the trials are ranked together")
                        .arg(m_metric, m_maximize ? QStringLiteral("max") : QStringLiteral("min"));
    } else if (m_trials < 1) {
        m_problem = tr("These lines make no trial");
    } else {
        m_problem.clear();
    }
    showCheckOutcome(m_status, m_add, m_problem, tr("More trials to queue: %1").arg(m_trials));
}

}  // namespace tb
