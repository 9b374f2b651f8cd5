// Language: which language Trainbench speaks (English or Simplified Chinese) and the
// translators that make it so, for the window and the command line alike (Qt Core only).
#pragma once

#include <QString>

namespace tb {

// The two languages, as the catalogs, TRAINBENCH_LANG and kLanguageSetting spell them.
inline constexpr const char* kLanguageEnglish = "en";
inline constexpr const char* kLanguageChinese = "zh_CN";

// The QSettings key of the window's choice (View → Language): "zh_CN", "en", or absent (system).
inline constexpr const char* kLanguageSetting = "ui/language";

// "zh_CN" for any spelling of Chinese (zh, zh_CN, zh-Hans, zh_CN.UTF-8), else "en".
QString normalizedLanguage(const QString& name);

// The system locale's language, normalized.
QString systemLanguage();

// The window's language: $TRAINBENCH_LANG when set (tests, screenshots), else the choice saved
// in kLanguageSetting, else the system locale.
QString uiLanguage();

// The command line's language: $TRAINBENCH_LANG when set, else the terminal's locale (LANG and
// LC_*), as other command-line tools do; the window's choice does not change a terminal.
QString commandLineLanguage();

// The embedded catalog of `language`: ":/i18n/trainbench_<language>.qm".
QString languageCatalog(const QString& language);

// Installs on the application Trainbench's catalog and Qt's own (qtbase_<lang>.qm from
// QLibraryInfo::TranslationsPath, when present) for `language`. Call once, after the
// application object exists and before any text is made. English needs no catalog and returns
// true; otherwise returns whether Trainbench's catalog loaded.
bool installTranslators(const QString& language);

}  // namespace tb
