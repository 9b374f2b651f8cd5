// Tests the config editor through its real widgets: form edits, typing, problems, undo, files.
#include <QCheckBox>
#include <QComboBox>
#include <QDropEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include "tst_config_editor_fixture.h"
#include "ui/config/config_editor.h"
#include "ui/config/config_field.h"
#include "ui/config/config_form.h"
#include "ui/config/diagnostics_list.h"
#include "ui/config/yaml_editor.h"

using namespace tb;

namespace {

// What a file manager's drag does to a widget: enter, move, drop at its centre. True when the
// widget (or a filter) accepted the drop.
bool dragAndDrop(QWidget* target, const QMimeData& mime) {
    const QPoint at = target->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &enter);
    QDragMoveEvent move(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &move);
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &drop);
    return drop.isAccepted();
}

QMimeData* fileDrag(const QString& path) {
    auto* mime = new QMimeData;
    mime->setUrls({QUrl::fromLocalFile(path)});
    mime->setText(QUrl::fromLocalFile(path).toString());  // file managers send both
    return mime;
}

}  // namespace

class ConfigEditorTest : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QString& name, const QByteArray& bytes) {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) return {};
        return path;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("TrainbenchTests"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.filePath("ini"));
    }

    void formEditChangesOnlyThatValue() {
        ConfigEditor editor(m_dir.path());
        showAndWait(editor);
        QVERIFY(editor.openFile(write("form.yaml", kCommentedConfig)));
        QSignalSpy textSpy(editor.document(), &ConfigDocument::textChanged);

        auto* lr = editor.findChild<QLineEdit*>(QStringLiteral("optim.lr"));
        QVERIFY(lr);
        QCOMPARE(lr->text(), QStringLiteral("0.001"));
        retype(lr, QStringLiteral("1e-05"));
        QByteArray expected = kCommentedConfig;
        expected.replace("lr: 0.001    #", "lr: 1e-05    #");
        QCOMPARE(editor.text().toUtf8(), expected);
        QCOMPARE(editor.yamlEditor()->toPlainText().toUtf8(), expected);
        QCOMPARE(textSpy.count(), 1);
        QVERIFY(editor.isModified());

        auto* batch = editor.findChild<QSpinBox*>(QStringLiteral("data.batch_size"));
        QVERIFY(batch);
        QCOMPARE(batch->maximum(), 65536);
        retype(batch, QStringLiteral("256"));
        expected.replace("batch_size: 64   #", "batch_size: 256   #");
        QCOMPARE(editor.text().toUtf8(), expected);

        auto* kind = editor.findChild<QComboBox*>(QStringLiteral("optim.kind"));
        QVERIFY(kind);
        QCOMPARE(kind->currentText(), QStringLiteral("adam"));
        QTest::keyClick(kind, Qt::Key_Down);
        expected.replace("kind: adam   #", "kind: adamw   #");
        QCOMPARE(editor.text().toUtf8(), expected);

        // A key the file leaves out is added in its section; every other line stays.
        auto* nesterov = editor.findChild<QCheckBox*>(QStringLiteral("optim.nesterov"));
        QVERIFY(nesterov);
        QTest::mouseClick(nesterov, Qt::LeftButton, {}, QPoint(8, nesterov->height() / 2));
        QVERIFY(editor.text().contains(QStringLiteral("nesterov: true")));
        QCOMPARE(editor.document()->value(QStringLiteral("optim.nesterov")),
                 QStringLiteral("true"));
        QVERIFY(editor.isValid());
    }

    void typedProblemsAreReportedEverywhere() {
        ConfigEditor editor(m_dir.path());
        showAndWait(editor);
        QVERIFY(editor.openFile(write("typed.yaml", kCommentedConfig)));
        QVERIFY(editor.isValid());
        QSignalSpy validity(&editor, &ConfigEditor::validityChanged);

        // Replace the learning rate on line 8 (value at column 7) by typing over it.
        YamlEditor* yaml = editor.yamlEditor();
        yaml->goTo(8, 7);
        for (int i = 0; i < 5; ++i) QTest::keyClick(yaml, Qt::Key_Right, Qt::ShiftModifier);
        QTest::keyClicks(yaml, QStringLiteral("50"));
        QTRY_COMPARE(validity.count(), 1);
        QCOMPARE(validity.at(0).at(0).toBool(), false);
        const QString reason = validity.at(0).at(1).toString();
        QVERIFY2(reason.startsWith(QStringLiteral("8:7: optim.lr must be")), qPrintable(reason));
        QCOMPARE(editor.invalidReason(), reason);
        QVERIFY(!editor.isValid());

        DiagnosticsList* list = editor.diagnosticsList();
        QCOMPARE(list->count(), 1);
        QVERIFY2(list->item(0)->text().startsWith(QStringLiteral("8:7  optim.lr must be")),
                 qPrintable(list->item(0)->text()));
        ConfigField* lrField = editor.form()->field(QStringLiteral("optim.lr"));
        QVERIFY(lrField->diagnostic().startsWith(QStringLiteral("optim.lr must be")));
        QVERIFY(lrField->input()->styleSheet().contains(QStringLiteral("border")));
        QVERIFY(lrField->input()->toolTip().startsWith(lrField->diagnostic()));
        QCOMPARE(editor.findChild<QLineEdit*>(QStringLiteral("optim.lr"))->text(),
                 QStringLiteral("50"));  // what was written, not the default
        QCOMPARE(editor.form()->field(QStringLiteral("optim.kind"))->diagnostic(), QString());

        // Clicking the problem shows the field (scrolled out of view at first) and the spot.
        QVERIFY(lrField->input()->visibleRegion().isEmpty());
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualItemRect(list->item(0)).center());
        QVERIFY(!lrField->input()->visibleRegion().isEmpty());
        QCOMPARE(yaml->textCursor().blockNumber() + 1, 8);
        QCOMPARE(yaml->textCursor().positionInBlock() + 1, 7);

        // Break the YAML itself: a flow list that never closes.
        yaml->goTo(9, 17);
        QTest::keyClicks(yaml, QStringLiteral("["));
        QTRY_VERIFY2(list->count() >= 1 &&
                         list->item(0)->text().contains(QStringLiteral("YAML syntax error")),
                     qPrintable(editor.text() + list->item(0)->text()));
        QVERIFY(!editor.isValid());
        QVERIFY(!editor.form()->field(QStringLiteral("optim.lr"))->input()->isEnabled());

        // Clicking a problem puts the cursor at its line and column.
        yaml->goTo(1, 1);
        const QStringList where = list->item(0)->text().section(QLatin1Char(' '), 0, 0).split(':');
        QCOMPARE(where.size(), 2);
        const QRect rect = list->visualItemRect(list->item(0));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(yaml->textCursor().blockNumber() + 1, where[0].toInt());
        QCOMPARE(yaml->textCursor().positionInBlock() + 1, where[1].toInt());

        // Fixing the text makes it valid again and the form usable.
        yaml->goTo(9, 17);
        QTest::keyClick(yaml, Qt::Key_Delete);
        yaml->goTo(8, 7);
        QTest::keyClick(yaml, Qt::Key_Delete);
        QTest::keyClick(yaml, Qt::Key_Delete);
        QTest::keyClicks(yaml, QStringLiteral("0.5"));
        QTRY_VERIFY(editor.isValid());
        QCOMPARE(validity.last().at(0).toBool(), true);
        QCOMPARE(editor.form()->field(QStringLiteral("optim.lr"))->diagnostic(), QString());
        QCOMPARE(editor.findChild<QLineEdit*>(QStringLiteral("optim.lr"))->text(),
                 QStringLiteral("0.5"));
    }

    void outOfRangeFormValueMarksTheField() {
        ConfigEditor editor(m_dir.path());
        showAndWait(editor);
        QVERIFY(editor.openFile(write("range.yaml", kCommentedConfig)));
        QSignalSpy validity(&editor, &ConfigEditor::validityChanged);
        retype(editor.findChild<QLineEdit*>(QStringLiteral("optim.lr")), QStringLiteral("20"));
        QCOMPARE(validity.count(), 1);
        QCOMPARE(validity.at(0).at(0).toBool(), false);
        QVERIFY(editor.text().contains(QStringLiteral("lr: 20    # peak")));
        QVERIFY(!editor.form()->field(QStringLiteral("optim.lr"))->diagnostic().isEmpty());
    }

    void undoCoversFormAndTextEdits() {
        ConfigEditor editor(m_dir.path());
        showAndWait(editor);
        QVERIFY(editor.openFile(write("undo.yaml", kCommentedConfig)));
        const QString original = QString::fromUtf8(kCommentedConfig);
        YamlEditor* yaml = editor.yamlEditor();

        retype(editor.findChild<QLineEdit*>(QStringLiteral("optim.lr")), QStringLiteral("0.02"));
        const QString afterForm = editor.text();
        QVERIFY(afterForm != original);
        QTest::keyClick(yaml, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(editor.text(), original);
        QCOMPARE(yaml->toPlainText(), original);
        QCOMPARE(editor.findChild<QLineEdit*>(QStringLiteral("optim.lr"))->text(),
                 QStringLiteral("0.001"));
        QVERIFY(!editor.isModified());
        QTest::keyClick(yaml, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(editor.text(), afterForm);

        // Typing, then undo: even before the typing pause ends, the typing is one step.
        yaml->moveCursor(QTextCursor::End);
        typeText(yaml, QStringLiteral("# tuned by hand\n"));
        QTest::keyClick(yaml, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(editor.text(), afterForm);
        QCOMPARE(yaml->toPlainText(), afterForm);

        // Text edit waiting in the pause, then a form edit, then undo both.
        yaml->moveCursor(QTextCursor::End);
        typeText(yaml, QStringLiteral("seed: 7\n"));
        retype(editor.findChild<QSpinBox*>(QStringLiteral("train.epochs")), QStringLiteral("9"));
        QVERIFY(editor.text().endsWith(QStringLiteral("  epochs: 9\nseed: 7\n")));
        editor.undo();
        QVERIFY(editor.text().endsWith(QStringLiteral("  epochs: 2\nseed: 7\n")));
        editor.undo();
        editor.undo();
        QCOMPARE(editor.text(), original);
        QVERIFY(!editor.isModified());
    }

    void openSaveRoundTripKeepsBytes() {
        ConfigEditor editor(m_dir.path());
        QSignalSpy pathSpy(&editor, &ConfigEditor::filePathChanged);
        const QString source = write("bytes.yaml", kOddBytes);
        QVERIFY(editor.openFile(source));
        QCOMPARE(editor.filePath(), source);
        QCOMPARE(pathSpy.count(), 1);
        const QString copy = m_dir.filePath("copy.yaml");
        QVERIFY(editor.saveAs(copy));
        QCOMPARE(readBytes(copy), kOddBytes);
        QCOMPARE(editor.filePath(), copy);
        QCOMPARE(QSettings().value("config/recentFiles").toStringList().value(0), copy);

        // A typed edit in a CRLF file keeps every line ending as it was.
        YamlEditor* yaml = editor.yamlEditor();
        yaml->moveCursor(QTextCursor::End);
        typeText(yaml, QStringLiteral("\nseed: 3"));
        QVERIFY(editor.save());
        QCOMPARE(readBytes(copy), kOddBytes + "\r\nseed: 3");
        QVERIFY(!editor.isModified());
    }

    void asksBeforeDiscardingChanges() {
        ConfigEditor editor(m_dir.path());
        const QString first = write("first.yaml", kCommentedConfig);
        const QString second = write("second.yaml", kOddBytes);
        QVERIFY(editor.openFile(first));
        QStringList asked;
        ConfigEditor::UnsavedChoice answer = ConfigEditor::UnsavedChoice::Cancel;
        editor.setUnsavedPrompt([&](const QString& name) {
            asked << name;
            return answer;
        });
        QVERIFY(editor.openFile(second));  // nothing changed: no question
        QVERIFY(asked.isEmpty());
        typeText(editor.yamlEditor(), QStringLiteral("# edit\n"));
        QVERIFY(!editor.openFile(first));
        QCOMPARE(asked, QStringList{QStringLiteral("second.yaml")});
        QCOMPARE(editor.filePath(), second);
        answer = ConfigEditor::UnsavedChoice::Discard;
        QVERIFY(editor.openFile(first));
        QCOMPARE(editor.text(), QString::fromUtf8(kCommentedConfig));
        QCOMPARE(readBytes(second), kOddBytes);
    }

    void droppedYamlOpensInTheEditor() {
        ConfigEditor editor(m_dir.path());
        editor.resize(900, 600);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        const QString first = write("drop-first.yaml", kCommentedConfig);
        const QString second = write("drop-second.yml", kOddBytes);
        QVERIFY(editor.openFile(first));
        QStringList asked;
        editor.setUnsavedPrompt([&](const QString& name) {
            asked << name;
            return ConfigEditor::UnsavedChoice::Cancel;
        });

        // On the YAML text: the file opens, no URL is pasted.
        std::unique_ptr<QMimeData> drag(fileDrag(second));
        QVERIFY(dragAndDrop(editor.yamlEditor()->viewport(), *drag));
        QTRY_COMPARE(editor.filePath(), second);
        QVERIFY(!editor.text().contains(QStringLiteral("file://")));
        QVERIFY(!editor.isModified());

        // On a field of the form, with unsaved typing: the usual question, and Cancel keeps it.
        typeText(editor.yamlEditor(), QStringLiteral("# edit\n"));
        const QString typed = editor.text();
        auto* field = editor.form()->findChild<QLineEdit*>();
        QVERIFY(field);
        drag.reset(fileDrag(first));
        QVERIFY(dragAndDrop(field, *drag));
        QTRY_COMPARE(asked, QStringList{QStringLiteral("drop-second.yml")});
        QCOMPARE(editor.filePath(), second);
        QCOMPARE(editor.text(), typed);

        // Anything else behaves as before: dropped text lands in the YAML text.
        QMimeData text;
        text.setText(QStringLiteral("dropped_key: 1"));
        dragAndDrop(editor.yamlEditor()->viewport(), text);
        QTRY_VERIFY(editor.text().contains(QStringLiteral("dropped_key: 1")));
        // A file that is not YAML is not opened.
        const QString notYaml = write("notes.txt", "hello\n");
        drag.reset(fileDrag(notYaml));
        dragAndDrop(editor.yamlEditor()->viewport(), *drag);
        QTest::qWait(0);
        QCOMPARE(editor.filePath(), second);
        QCOMPARE(asked.size(), 1);
    }

    // The window hands drops on any of its parts (charts, runs) to the editor.
    void yamlDroppedOnTheWindowOpensInTheEditor() {
        QWidget window;
        auto* chart = new QLabel(QStringLiteral("a chart"), &window);
        auto* editor = new ConfigEditor(m_dir.path(), &window);
        editor->move(0, 40);
        editor->acceptConfigDrops(&window);
        const QString path = write("drop-window.yaml", kCommentedConfig);
        std::unique_ptr<QMimeData> drag(fileDrag(path));
        QVERIFY(dragAndDrop(chart, *drag));
        QTRY_COMPARE(editor->filePath(), path);
    }

    void newStartsFromATemplate() {
        const QString templates =
            QString::fromLocal8Bit(qgetenv("TB_SOURCE_DIR")) + QStringLiteral("/resources/configs");
        ConfigEditor editor(templates);
        QAction* newAction = editor.fileActions().value(0);
        QVERIFY(newAction && newAction->menu());
        QVERIFY(newAction->menu()->actions().size() >= 4);
        QAction* demo = nullptr;
        for (QAction* a : newAction->menu()->actions()) {
            if (a->text() == QLatin1String("demo")) demo = a;
        }
        QVERIFY(demo);
        demo->trigger();
        QCOMPARE(editor.text().toUtf8(), readBytes(templates + QStringLiteral("/demo.yaml")));
        QVERIFY(editor.filePath().isEmpty());
        QVERIFY(editor.isModified());
        QVERIFY2(editor.isValid(), qPrintable(editor.invalidReason()));
    }

    void screenshot() {
        const QString out = QString::fromLocal8Bit(qgetenv("TB_SCREENSHOT_PATH"));
        if (out.isEmpty())
            QSKIP("set TB_SCREENSHOT_PATH to write docs/screenshots/config-editor.png");
        QVERIFY(saveScreenshot(out, write("screenshot.yaml", kCommentedConfig)));
    }
};

QTEST_MAIN(ConfigEditorTest)
#include "tst_config_editor.moc"
