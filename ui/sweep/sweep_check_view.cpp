// SweepCheckView: the typing pause, the checked OK, the problems and the outcome line, once for
// the Sweep and the Add Trials dialogs.
#include "sweep_check_view.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QTimer>

#include "core/config/config_file.h"
#include "core/services/message_translation.h"
#include "sweep_text_pane.h"
#include "ui/config/diagnostics_list.h"
#include "ui/config/yaml_editor.h"
#include "ui/style/tone.h"

namespace tb {

namespace {

constexpr int kTypingPauseMs = 150;

}  // namespace

void setUpTypingPause(QTimer* pause, const std::function<void()>& check) {
    pause->setSingleShot(true);
    pause->setInterval(kTypingPauseMs);
    QObject::connect(pause, &QTimer::timeout, pause, check);
}

QDialogButtonBox* makeCheckedButtons(QDialog* dialog, const QString& okText, const QString& okName,
                                     const std::function<bool()>& confirm) {
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    QPushButton* ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(okText);
    ok->setObjectName(okName);
    QObject::connect(buttons, &QDialogButtonBox::accepted, dialog, [dialog, confirm] {
        if (confirm()) dialog->accept();
    });
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    return buttons;
}

void showSweepProblems(const SweepTextPane& pane, const std::vector<Diagnostic>& problems) {
    pane.diagnostics->setDiagnostics(problems);
    QVector<TextProblem> marks;
    for (const Diagnostic& d : problems)
        marks.append({d.line, d.column, translatedMessage(d.message)});
    pane.editor->setProblems(marks);
}

void showCheckOutcome(QLabel* status, QPushButton* ok, const QString& problem,
                      const QString& ready) {
    if (problem.isEmpty()) {
        theme::clearToneStyle(status);
        status->setText(ready);
    } else {
        theme::setTextTone(status, theme::Tone::Error);
        status->setText(problem);
    }
    ok->setEnabled(problem.isEmpty());
    ok->setToolTip(problem);
}

}  // namespace tb
