// ThemeMenu: three exclusive actions; a choice is applied at once and saved for the next start.
#include "theme_menu.h"

#include <QActionGroup>
#include <QApplication>
#include <QCoreApplication>
#include <QMenu>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

#include <utility>

#include "core/runs/name_table.h"
#include "theme.h"

namespace tb {
namespace {

const char* const kSettingsKey = "ui/theme";

struct StartTheme {
    QString style;
    QPalette palette;
};

// What the platform gave before any choice was applied, for "System".
const StartTheme& startTheme() {
    static const StartTheme start{QApplication::style()->name(), QApplication::palette()};
    return start;
}

// System is left out: it is the choice for any other saved name, an empty one included.
constexpr EnumName<ThemeChoice> kChoiceNames[] = {{ThemeChoice::Light, "light"},
                                                  {ThemeChoice::Dark, "dark"}};

QString choiceName(ThemeChoice choice) {
    return nameOf(choice, kChoiceNames, "system");
}

}  // namespace

void applyTheme(ThemeChoice choice) {
    const StartTheme& start = startTheme();
    if (choice == ThemeChoice::System) {
        if (QApplication::style()->name() != start.style) QApplication::setStyle(start.style);
        QApplication::setPalette(start.palette);
        return;
    }
    if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0)
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(choice == ThemeChoice::Dark ? theme::darkPalette()
                                                         : theme::lightPalette());
}

ThemeChoice savedTheme() {
    const QString name = QSettings().value(kSettingsKey).toString();
    return valueNamed(name, kChoiceNames).value_or(ThemeChoice::System);
}

QMenu* addThemeMenu(QMenu* view) {
    QMenu* menu = view->addMenu(QCoreApplication::translate("tb::ThemeMenu", "&Theme"));
    auto* group = new QActionGroup(menu);
    const ThemeChoice saved = savedTheme();
    const std::pair<ThemeChoice, QString> choices[] = {
        {ThemeChoice::System, QCoreApplication::translate("tb::ThemeMenu", "&System")},
        {ThemeChoice::Light, QCoreApplication::translate("tb::ThemeMenu", "&Light")},
        {ThemeChoice::Dark, QCoreApplication::translate("tb::ThemeMenu", "&Dark")}};
    for (const auto& [choice, text] : choices) {
        QAction* action = menu->addAction(text);
        action->setCheckable(true);
        action->setChecked(choice == saved);
        action->setObjectName(QStringLiteral("theme-") + choiceName(choice));
        group->addAction(action);
        QObject::connect(action, &QAction::triggered, menu, [choice] {
            QSettings().setValue(kSettingsKey, choiceName(choice));
            applyTheme(choice);
        });
    }
    startTheme();  // remember the platform's look before the first change
    if (saved != ThemeChoice::System) applyTheme(saved);
    return menu;
}

}  // namespace tb
