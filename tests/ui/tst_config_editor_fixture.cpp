// Sample configs and typing helpers for the config editor tests.
#include "tst_config_editor_fixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QSpinBox>
#include <QTest>

#include "ui/config/config_editor.h"
#include "ui/config/diagnostics_list.h"
#include "ui/config/yaml_editor.h"

const QByteArray kCommentedConfig =
    "# Test config: comments must survive every edit.\n"
    "name: demo   # run name\n"
    "data:\n"
    "  kind: synthetic\n"
    "  batch_size: 64   # per step\n"
    "optim:\n"
    "  kind: adam   # sgd | adam | adamw\n"
    "  lr: 0.001    # peak learning rate\n"
    "  weight_decay: 0.0\n"
    "train:\n"
    "  epochs: 2\n";

const QByteArray kOddBytes =
    "# \xc3\x9c"
    "bung: Lernrate f\xc3\xbcr Adam \xe2\x80\x94 keep me\r\n"
    "name: bytes   \r\n"
    "optim: {kind: sgd, lr: 0.1}\r\n"
    "\r\n"
    "train:\r\n"
    "  epochs: 1   # trailing";

void showAndWait(QWidget& widget) {
    widget.resize(1100, 700);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
}

void retype(QWidget* field, const QString& text) {
    QVERIFY(field);
    field->setFocus();
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(field, text);
    QTest::keyClick(field, Qt::Key_Return);
}

void typeText(QWidget* widget, const QString& text) {
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i > 0) QTest::keyClick(widget, Qt::Key_Return);
        QTest::keyClicks(widget, lines[i]);
    }
}

QByteArray readBytes(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

bool saveScreenshot(const QString& pngPath, const QString& configPath) {
    tb::ConfigEditor editor(QFileInfo(configPath).absolutePath());
    editor.resize(1280, 760);
    editor.show();
    if (!QTest::qWaitForWindowExposed(&editor) || !editor.openFile(configPath)) return false;
    tb::YamlEditor* yaml = editor.yamlEditor();
    yaml->goTo(8, 7);
    for (int i = 0; i < 5; ++i) QTest::keyClick(yaml, Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClicks(yaml, QStringLiteral("50"));
    yaml->goTo(11, 5);
    QTest::keyClick(yaml, Qt::Key_Right);
    QTest::keyClick(yaml, Qt::Key_Backspace);  // "epochs" -> "epchs": an unknown key
    editor.text();                             // hands the typing to the document now
    // Pick the learning-rate problem, as a user would, so the marked field scrolls into view.
    QListWidget* problems = editor.diagnosticsList();
    if (problems->count() < 1) return false;
    QTest::mouseClick(problems->viewport(), Qt::LeftButton, {},
                      problems->visualItemRect(problems->item(0)).center());
    QDir().mkpath(QFileInfo(pngPath).absolutePath());
    return editor.grab().save(pngPath);
}
