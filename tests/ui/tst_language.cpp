// The UI language: TRAINBENCH_LANG and the saved choice pick it, the embedded zh_CN catalog and
// Qt's own load, the main window is built in Chinese (Run action, dock titles), and View →
// Language saves a choice for the next start and says so in the chosen language.
#include <QAction>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <QFile>
#include <QListWidget>

#include "core/runs/workspace.h"
#include "ui/config/config_editor.h"
#include "ui/main/main_window.h"
#include "ui/style/language_menu.h"

using namespace tb;

class LanguageTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void environmentAndSettingsPickTheLanguage();
    void windowIsBuiltInChinese();
    void qtsOwnTextsAreChinese();
    void configProblemsAndDocsAreChinese();
    void languageMenuSavesTheChoiceForTheNextStart();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void LanguageTest::initTestCase() {
    QCoreApplication::setOrganizationName("trainbench-test-language");
    QSettings().clear();
    qputenv("TRAINBENCH_LANG", "zh_CN");
    QCOMPARE(uiLanguage(), QStringLiteral("zh_CN"));
    // As app/gui/main.cpp does, before any widget exists.
    QVERIFY2(installTranslators(uiLanguage()),
             "the embedded :/i18n/trainbench_zh_CN.qm did not load");
}

void LanguageTest::environmentAndSettingsPickTheLanguage() {
    qputenv("TRAINBENCH_LANG", "en");
    QCOMPARE(uiLanguage(), QStringLiteral("en"));
    qputenv("TRAINBENCH_LANG", "zh_CN.UTF-8");
    QCOMPARE(uiLanguage(), QStringLiteral("zh_CN"));
    // Without the variable the saved choice wins over the system locale, either way.
    qunsetenv("TRAINBENCH_LANG");
    QSettings().setValue("ui/language", "zh_CN");
    QCOMPARE(uiLanguage(), QStringLiteral("zh_CN"));
    QSettings().setValue("ui/language", "en");
    QCOMPARE(uiLanguage(), QStringLiteral("en"));
    QSettings().remove("ui/language");
    qputenv("TRAINBENCH_LANG", "zh_CN");
}

void LanguageTest::windowIsBuiltInChinese() {
    AppContext context;
    context.runsRoot = m_dir.path() + "/runs";
    context.configsDir = seedWorkspace(context.runsRoot);
    context.binDir = qEnvironmentVariable("TB_BIN_DIR");
    context.hostsConfigDir = m_dir.path() + "/config";
    m_window = std::make_unique<MainWindow>(context);

    auto* run = m_window->findChild<QAction*>("runAction");
    QVERIFY(run);
    QCOMPARE(run->text(), QStringLiteral("运行(&R)"));
    const std::pair<const char*, QString> docks[] = {{"runsDock", QStringLiteral("运行")},
                                                     {"checkpointsDock", QStringLiteral("检查点")},
                                                     {"hostsDock", QStringLiteral("主机")}};
    for (const auto& [name, title] : docks) {
        auto* dock = m_window->findChild<QDockWidget*>(name);
        QVERIFY2(dock, name);
        QCOMPARE(dock->windowTitle(), title);
    }
}

void LanguageTest::qtsOwnTextsAreChinese() {
    const QString qtCatalog =
        QLibraryInfo::path(QLibraryInfo::TranslationsPath) + "/qtbase_zh_CN.qm";
    if (!QFileInfo::exists(qtCatalog)) QSKIP("qt6-translations-l10n is not installed");
    QDialogButtonBox box(QDialogButtonBox::Cancel);
    QCOMPARE(box.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("取消"));
}

// The config checks are std-only code (the trainer builds them on boxes); their messages reach
// the window through the catalog in core/config/config_text.h and still read in Chinese, with
// the user's own values (a path holding " to ") left as typed.
void LanguageTest::configProblemsAndDocsAreChinese() {
    QVERIFY(m_window);
    auto* editor = m_window->findChild<ConfigEditor*>();
    QVERIFY(editor);
    const QString path = m_dir.path() + "/broken.yaml";
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        "data:\n  kind: csv\n  path: /no such/path to data.csv\noptim:\n  lr: -1\n"
        "model:\n  kind: vgg\n");
    file.close();
    QVERIFY(editor->openFile(path));
    auto* list = m_window->findChild<QListWidget*>("diagnostics");
    QVERIFY(list);
    QStringList shown;
    for (int i = 0; i < list->count(); ++i) shown << list->item(i)->text();
    const QString all = shown.join('\n');
    QVERIFY2(all.contains(QStringLiteral("optim.lr 必须为大于 0 且不超过 10，实际为 -1")),
             qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("model.kind 必须是 mlp, cnn, resnet 之一；实际为 'vgg'")),
             qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("data.path“/no such/path to data.csv”不存在；")),
             qPrintable(all));
    auto* lr = m_window->findChild<QWidget*>("optim.lr");
    QVERIFY(lr);
    // The field's tooltip: its problem, then the key's doc and range.
    QVERIFY2(lr->toolTip().contains(QStringLiteral("峰值学习率。（大于 0，至多 10）")),
             qPrintable(lr->toolTip()));
}

void LanguageTest::languageMenuSavesTheChoiceForTheNextStart() {
    QVERIFY(m_window);
    auto* menu = m_window->findChild<QMenu*>("languageMenu");
    QVERIFY(menu);
    QCOMPARE(menu->title(), QStringLiteral("语言(&L)"));
    auto* english = menu->findChild<QAction*>("language-en");
    QVERIFY(english);
    english->trigger();
    QCOMPARE(QSettings().value("ui/language").toString(), QStringLiteral("en"));
    // Said in the language chosen, not the one on screen now.
    QCOMPARE(m_window->statusBar()->currentMessage(),
             QStringLiteral("The language changes after a restart of Trainbench"));
    // The running window keeps its language until the restart.
    QCOMPARE(m_window->findChild<QAction*>("runAction")->text(), QStringLiteral("运行(&R)"));

    menu->findChild<QAction*>("language-zh_CN")->trigger();
    QCOMPARE(QSettings().value("ui/language").toString(), QStringLiteral("zh_CN"));
    QCOMPARE(m_window->statusBar()->currentMessage(),
             QStringLiteral("重新启动 Trainbench 后语言才会更改"));

    menu->findChild<QAction*>("language-system")->trigger();
    QVERIFY(!QSettings().contains("ui/language"));
}

QTEST_MAIN(LanguageTest)
#include "tst_language.moc"
