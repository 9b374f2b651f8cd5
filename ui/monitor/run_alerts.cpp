// Run alerts in the window: the banner, where alerts go, and View → Alerts.
#include "run_alerts.h"

#include <QActionGroup>
#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QToolButton>

#include <functional>

#include "core/runs/run_catalog.h"
#include "run_notifier.h"

namespace tb {
namespace {

constexpr int kKeptEarlier = 5;

// One entry of View → Alerts: which AlertChoices flag it shows and sets.
struct KindEntry {
    const char* text;
    const char* name;
    bool AlertChoices::*flag;
};

void addStallChoices(QMenu* menu, RunNotifier* notifier) {
    QMenu* after = menu->addMenu(QCoreApplication::translate("tb::RunAlerts", "Stalled &after"));
    after->setObjectName(QStringLiteral("alertsStallMenu"));
    auto* group = new QActionGroup(after);
    const int current = notifier->choices().stallMinutes;
    for (const int minutes : {0, 5, 15, 30, 60, 120, 240}) {
        const QString text =
            minutes == 0 ? QCoreApplication::translate(
                               "tb::RunAlerts", "Automatic: three usual gaps, at least 5 min")
                         : QCoreApplication::translate("tb::RunAlerts", "%1 min without metrics")
                               .arg(minutes);
        QAction* action = after->addAction(text);
        action->setObjectName(QStringLiteral("alertsStall-%1").arg(minutes));
        action->setCheckable(true);
        action->setChecked(minutes == current);
        group->addAction(action);
        QObject::connect(action, &QAction::triggered, notifier, [notifier, minutes] {
            AlertChoices choices = notifier->choices();
            choices.stallMinutes = minutes;
            choices.save();
            notifier->setChoices(choices);
        });
    }
}

}  // namespace

AlertBanner::AlertBanner(QWidget* parent)
    : QWidget(parent), m_label(new QLabel(this)), m_dismiss(new QToolButton(this)) {
    setObjectName(QStringLiteral("alertBanner"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    auto* icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(16, 16));
    layout->addWidget(icon);
    layout->addWidget(m_label);
    m_dismiss->setText(tr("Dismiss"));
    m_dismiss->setAutoRaise(true);
    layout->addWidget(m_dismiss);
    connect(m_dismiss, &QToolButton::clicked, this, [this] {
        m_earlier.clear();
        hide();
    });
    hide();
}

void AlertBanner::show(const QString& title, const QString& text) {
    if (isVisible() && !m_label->text().isEmpty()) m_earlier.prepend(m_label->text());
    while (m_earlier.size() > kKeptEarlier) m_earlier.removeLast();
    //: an alert in the window: %1 its title ("Run failed"), %2 what happened
    m_label->setText(tr("%1: %2").arg(title, text));
    setToolTip(m_earlier.isEmpty() ? QString()
                                   : tr("Earlier:\n%1").arg(m_earlier.join(QLatin1Char('\n'))));
    QWidget::show();
}

QString AlertBanner::text() const {
    return isVisible() ? m_label->text() : QString();
}

RunNotifier* startRunAlerts(RunCatalog* catalog, QMainWindow* window) {
    auto* notifier = new RunNotifier(window);
    notifier->setChoices(AlertChoices::load());
    notifier->watch(catalog);  // states, NaN in any metric, stalls
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        auto* tray = new QSystemTrayIcon(window->windowIcon(), window);
        tray->setToolTip(QCoreApplication::translate("tb::RunAlerts", "Trainbench"));
        tray->show();
        notifier->setTrayIcon(tray);
    }
    auto* banner = new AlertBanner(window->statusBar());
    window->statusBar()->addPermanentWidget(banner);
    QObject::connect(notifier, &RunNotifier::notify, banner,
                     [window, banner](const QString& title, const QString& text) {
                         banner->show(title, text);
                         QApplication::alert(window);
                     });
    return notifier;
}

QMenu* addAlertsMenu(QMenu* view, RunNotifier* notifier) {
    QMenu* menu = view->addMenu(QCoreApplication::translate("tb::RunAlerts", "&Alerts"));
    menu->setObjectName(QStringLiteral("alertsMenu"));
    const KindEntry kinds[] = {
        {QT_TRANSLATE_NOOP("tb::RunAlerts", "Run &finished"), "finished", &AlertChoices::finished},
        {QT_TRANSLATE_NOOP("tb::RunAlerts", "Run failed or &lost"), "failed",
         &AlertChoices::failed},
        {QT_TRANSLATE_NOOP("tb::RunAlerts", "&NaN or Inf in a metric"), "notFinite",
         &AlertChoices::notFinite},
        {QT_TRANSLATE_NOOP("tb::RunAlerts", "Run &stalled"), "stalled", &AlertChoices::stalled}};
    for (const KindEntry& kind : kinds) {
        QAction* action = menu->addAction(QCoreApplication::translate("tb::RunAlerts", kind.text));
        action->setObjectName(QStringLiteral("alerts-") + QLatin1String(kind.name));
        action->setCheckable(true);
        action->setChecked(notifier->choices().*kind.flag);
        const auto flag = kind.flag;
        QObject::connect(action, &QAction::toggled, notifier, [notifier, flag](bool on) {
            AlertChoices choices = notifier->choices();
            choices.*flag = on;
            choices.save();
            notifier->setChoices(choices);
        });
    }
    menu->addSeparator();
    addStallChoices(menu, notifier);
    return menu;
}

}  // namespace tb
