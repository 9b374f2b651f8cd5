// Tone styles: one event filter for every toned widget re-renders its style sheet on a palette
// change (a style sheet with fixed colours would keep a light theme's red on a dark window).
#include "tone.h"

#include <QCoreApplication>
#include <QEvent>
#include <QGuiApplication>
#include <QPointer>
#include <QVariant>
#include <QWidget>

namespace tb::theme {
namespace {

const char* const kToneProperty = "tbTone";
const char* const kCssProperty = "tbToneCss";

// The palette the widget sits on: its parent's, since the widget's own one carries the colours
// its style sheet set.
QPalette surroundingPalette(const QWidget* widget) {
    if (const QWidget* parent = widget->parentWidget()) return parent->palette();
    return QGuiApplication::palette();
}

void render(QWidget* widget) {
    const QVariant tone = widget->property(kToneProperty);
    if (!tone.isValid()) return;
    const auto t = Tone(tone.toInt());
    const QPalette palette = surroundingPalette(widget);
    QString css = widget->property(kCssProperty).toString();
    css.replace(QLatin1String("%1"), color(t, palette).name());
    css.replace(QLatin1String("%2"), noticeBackground(t, palette).name());
    css.replace(QLatin1String("%3"), noticeText(t, palette).name());
    // The same sheet again would restyle the widget and send another palette change.
    if (css != widget->styleSheet()) widget->setStyleSheet(css);
}

class ToneKeeper : public QObject {
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        const QEvent::Type type = event->type();
        if (type == QEvent::PaletteChange || type == QEvent::ApplicationPaletteChange ||
            type == QEvent::ParentChange)
            render(static_cast<QWidget*>(watched));
        return false;
    }
};

ToneKeeper* keeper() {
    static QPointer<ToneKeeper> instance;
    if (!instance) instance = new ToneKeeper(QCoreApplication::instance());
    return instance;
}

}  // namespace

void setToneStyle(QWidget* widget, Tone tone, const QString& css) {
    const bool watched = widget->property(kToneProperty).isValid();
    widget->setProperty(kToneProperty, int(tone));
    widget->setProperty(kCssProperty, css);
    if (!watched) widget->installEventFilter(keeper());
    render(widget);
}

void setTextTone(QWidget* widget, Tone tone, const QString& moreCss) {
    setToneStyle(widget, tone, QStringLiteral("color: %1;") + moreCss);
}

void clearToneStyle(QWidget* widget) {
    if (!widget->property(kToneProperty).isValid()) return;
    widget->removeEventFilter(keeper());
    widget->setProperty(kToneProperty, QVariant());
    widget->setProperty(kCssProperty, QVariant());
    widget->setStyleSheet(QString());
}

}  // namespace tb::theme
