// LanguageMenu: the language is fixed at start (widgets read tr() once, when built), so the
// menu only saves the choice; installTranslators() applies it at the next start.
#include "language_menu.h"

#include <QActionGroup>
#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QMainWindow>
#include <QMenu>
#include <QSettings>
#include <QStatusBar>
#include <QTranslator>

#include <utility>

namespace tb {
namespace {

const char* const kSettingsKey = "ui/language";
const char* const kContext = "tb::LanguageMenu";
const QString kChinese = QStringLiteral("zh_CN");
const QString kEnglish = QStringLiteral("en");

// Any spelling of Chinese (zh, zh_CN, zh-Hans, zh_CN.UTF-8) is zh_CN; everything else English.
QString normalized(const QString& name) {
    return name.startsWith(QLatin1String("zh"), Qt::CaseInsensitive) ? kChinese : kEnglish;
}

QString systemLanguage() {
    return QLocale::system().language() == QLocale::Chinese ? kChinese : kEnglish;
}

QString trainbenchCatalog(const QString& language) {
    return QStringLiteral(":/i18n/trainbench_%1.qm").arg(language);
}

// Says in `language` (not the one running now) that the choice waits for a restart.
QString restartNote(const QString& language) {
    const char* const note =
        QT_TRANSLATE_NOOP("tb::LanguageMenu", "The language changes after a restart of Trainbench");
    QTranslator translator;
    if (language != kEnglish && translator.load(trainbenchCatalog(language))) {
        const QString translated = translator.translate(kContext, note);
        if (!translated.isEmpty()) return translated;
    }
    return QString::fromUtf8(note);
}

void showInStatusBar(QObject* near, const QString& message) {
    for (QObject* object = near; object; object = object->parent()) {
        if (auto* window = qobject_cast<QMainWindow*>(object)) {
            window->statusBar()->showMessage(message, 10000);
            return;
        }
    }
}

}  // namespace

QString uiLanguage() {
    const QString forced = qEnvironmentVariable("TRAINBENCH_LANG");
    if (!forced.isEmpty()) return normalized(forced);
    const QString saved = QSettings().value(kSettingsKey).toString();
    if (saved == kChinese || saved == kEnglish) return saved;
    return systemLanguage();
}

bool installTranslators(const QString& language) {
    if (language == kEnglish) return true;
    auto* qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(QStringLiteral("qtbase_") + language,
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    auto* own = new QTranslator(QCoreApplication::instance());
    if (!own->load(trainbenchCatalog(language))) {
        delete own;
        return false;
    }
    QCoreApplication::installTranslator(own);
    return true;
}

QMenu* addLanguageMenu(QMenu* view) {
    QMenu* menu = view->addMenu(QCoreApplication::translate("tb::LanguageMenu", "&Language"));
    menu->setObjectName(QStringLiteral("languageMenu"));
    auto* group = new QActionGroup(menu);
    const QString saved = QSettings().value(kSettingsKey).toString();
    // A language's own name, so that a reader of either can find their way back.
    const std::pair<QString, QString> choices[] = {
        {QString(), QCoreApplication::translate("tb::LanguageMenu", "&System")},
        {kEnglish, QStringLiteral("English")},
        {kChinese, QStringLiteral("简体中文")}};
    for (const auto& [language, text] : choices) {
        QAction* action = menu->addAction(text);
        action->setCheckable(true);
        action->setChecked(language == saved ||
                           (language.isEmpty() && saved != kEnglish && saved != kChinese));
        action->setObjectName(QStringLiteral("language-") +
                              (language.isEmpty() ? QStringLiteral("system") : language));
        group->addAction(action);
        QObject::connect(action, &QAction::triggered, menu, [menu, language] {
            if (language.isEmpty())
                QSettings().remove(kSettingsKey);
            else
                QSettings().setValue(kSettingsKey, language);
            showInStatusBar(menu, restartNote(language.isEmpty() ? systemLanguage() : language));
        });
    }
    return menu;
}

}  // namespace tb
