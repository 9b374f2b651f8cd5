// ThemeMenu: View → Theme (System, Light, Dark), remembered in QSettings as ui/theme.
#pragma once

class QMenu;

namespace tb {

enum class ThemeChoice { System, Light, Dark };

// System restores the style and palette the application started with; Light and Dark use
// Fusion with one of theme::lightPalette() / darkPalette(). Every widget gets the palette change.
void applyTheme(ThemeChoice choice);
ThemeChoice savedTheme();

// Adds the Theme submenu to `view` and applies the remembered choice.
QMenu* addThemeMenu(QMenu* view);

}  // namespace tb
