// LanguageMenu: View → Language, remembered in QSettings as kLanguageSetting; which language
// speaks and the translators are core/services/language.h, included for the window's callers.
#pragma once

#include "core/services/language.h"

class QMenu;

namespace tb {

// Adds the Language submenu (System, English, 简体中文) to `view`. A choice is saved and takes
// effect at the next start, which a status-bar message says in the chosen language.
QMenu* addLanguageMenu(QMenu* view);

}  // namespace tb
