// LanguageMenu: which language the UI speaks (English or Simplified Chinese), the translators
// that make it so, and View → Language, remembered in QSettings as ui/language.
#pragma once

#include <QString>

class QMenu;

namespace tb {

// "zh_CN" or "en": $TRAINBENCH_LANG when set (tests, screenshots), else the choice saved in
// ui/language, else the system locale (any zh_* gives zh_CN).
QString uiLanguage();

// Installs on the application Trainbench's catalog (the embedded :/i18n/trainbench_<lang>.qm)
// and Qt's own (qtbase_<lang>.qm from QLibraryInfo::TranslationsPath, when present) for
// `language`. Call once, after QApplication exists and before any window is built. English
// needs no catalog and returns true; otherwise returns whether Trainbench's catalog loaded.
bool installTranslators(const QString& language);

// Adds the Language submenu (System, English, 简体中文) to `view`. A choice is saved and takes
// effect at the next start, which a status-bar message says in the chosen language.
QMenu* addLanguageMenu(QMenu* view);

}  // namespace tb
