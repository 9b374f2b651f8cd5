#pragma once
// What the sweep tests share: diagnostics as "LINE:COL message" lines (one QCOMPARE shows
// every problem when a test fails), and a spec read from text that warns when it is not valid.

#include <QStringList>
#include <QtGlobal>

#include <string>
#include <vector>

#include "core/sweep/sweep_spec.h"

inline QStringList diagnosticLines(const std::vector<tb::Diagnostic>& diagnostics) {
    QStringList lines;
    for (const tb::Diagnostic& d : diagnostics) {
        lines << QStringLiteral("%1:%2 %3")
                     .arg(d.line)
                     .arg(d.column)
                     .arg(QString::fromStdString(d.message));
    }
    return lines;
}

inline tb::SweepSpec specOf(const std::string& text) {
    const tb::LoadedSweep sweep = tb::parseSweepText(text, "s.yaml");
    if (!sweep.ok()) qWarning("%s", qPrintable(diagnosticLines(sweep.diagnostics).join('\n')));
    return sweep.spec;
}
