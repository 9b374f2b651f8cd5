// LanguageMenu: the language is fixed at start (widgets read tr() once, when built), so the
// menu only saves the choice; installTranslators() (core/services/language) applies it at the
// next start.
#include "language_menu.h"

#include <QActionGroup>
#include <QCoreApplication>
#include <QMainWindow>
#include <QMenu>
#include <QSettings>
#include <QStatusBar>
#include <QTranslator>

#include <utility>

#include "core/services/language.h"

namespace tb {
namespace {

const char* const kContext = "tb::LanguageMenu";
const QString kChinese = QString::fromLatin1(kLanguageChinese);
const QString kEnglish = QString::fromLatin1(kLanguageEnglish);

// Says in `language` (not the one running now) that the choice waits for a restart.
QString restartNote(const QString& language) {
    const char* const note =
        QT_TRANSLATE_NOOP("tb::LanguageMenu", "The language changes after a restart of Trainbench");
    QTranslator translator;
    if (language != kEnglish && translator.load(languageCatalog(language))) {
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

QMenu* addLanguageMenu(QMenu* view) {
    QMenu* menu = view->addMenu(QCoreApplication::translate("tb::LanguageMenu", "&Language"));
    menu->setObjectName(QStringLiteral("languageMenu"));
    auto* group = new QActionGroup(menu);
    const QString saved = QSettings().value(QLatin1String(kLanguageSetting)).toString();
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
                QSettings().remove(QLatin1String(kLanguageSetting));
            else
                QSettings().setValue(QLatin1String(kLanguageSetting), language);
            showInStatusBar(menu, restartNote(language.isEmpty() ? systemLanguage() : language));
        });
    }
    return menu;
}

}  // namespace tb
