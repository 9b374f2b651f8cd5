// Language: the rule for which language speaks, and the translators (core/services/language.h).
#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace tb {
namespace {

const QString kChinese = QString::fromLatin1(kLanguageChinese);
const QString kEnglish = QString::fromLatin1(kLanguageEnglish);

QString forcedLanguage() {
    const QString forced = qEnvironmentVariable("TRAINBENCH_LANG");
    return forced.isEmpty() ? QString() : normalizedLanguage(forced);
}

}  // namespace

QString normalizedLanguage(const QString& name) {
    return name.startsWith(QLatin1String("zh"), Qt::CaseInsensitive) ? kChinese : kEnglish;
}

QString systemLanguage() {
    return QLocale::system().language() == QLocale::Chinese ? kChinese : kEnglish;
}

QString uiLanguage() {
    if (const QString forced = forcedLanguage(); !forced.isEmpty()) return forced;
    const QString saved = QSettings().value(QLatin1String(kLanguageSetting)).toString();
    if (saved == kChinese || saved == kEnglish) return saved;
    return systemLanguage();
}

QString commandLineLanguage() {
    if (const QString forced = forcedLanguage(); !forced.isEmpty()) return forced;
    return systemLanguage();
}

QString languageCatalog(const QString& language) {
    return QStringLiteral(":/i18n/trainbench_%1.qm").arg(language);
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
    if (!own->load(languageCatalog(language))) {
        delete own;
        return false;
    }
    QCoreApplication::installTranslator(own);
    return true;
}

}  // namespace tb
