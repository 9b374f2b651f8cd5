// First-paint child: the real MainWindow, an application-wide filter catching its first Paint.
#include "first_paint_child.h"

#include <QApplication>
#include <QEvent>
#include <QTimer>
#include <QWidget>

#include <time.h>

#include <cstdio>
#include <cstdlib>

#include "core/runs/workspace.h"
#include "ui/main/main_window.h"

namespace tb {

namespace {

// The backing store paints the whole window tree in one synchronous pass; a zero timer
// queued from inside it runs once that pass (and its flush) is over: the end of the frame.
class FirstPaintFilter : public QObject {
public:
    FirstPaintFilter(QWidget* window, long long (&stamps)[6])
        : m_window(window), m_stamps(stamps) {}

    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Paint && !m_seen && watched->isWidgetType() &&
            static_cast<QWidget*>(watched)->window() == m_window) {
            m_seen = true;
            m_stamps[4] = monotonicNs();
            QTimer::singleShot(0, this, [this] {
                m_stamps[5] = monotonicNs();
                std::printf("%lld %lld %lld %lld %lld %lld\n", m_stamps[0], m_stamps[1],
                            m_stamps[2], m_stamps[3], m_stamps[4], m_stamps[5]);
                std::fflush(stdout);
                std::_Exit(0);
            });
        }
        return false;
    }

private:
    QWidget* m_window;
    long long (&m_stamps)[6];
    bool m_seen = false;
};

}  // namespace

long long monotonicNs() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1'000'000'000LL + ts.tv_nsec;
}

int runFirstPaintChild(int argc, char** argv, const char* runsRoot, long long mainNs) {
    long long stamps[6] = {mainNs, 0, 0, 0, 0, 0};
    QApplication app(argc, argv);
    QApplication::setApplicationName("trainbench");
    QApplication::setOrganizationName("trainbench");
    QApplication::setApplicationDisplayName("Trainbench");
    stamps[1] = monotonicNs();

    AppContext context;
    context.runsRoot = resolveRunsRoot(QString::fromLocal8Bit(runsRoot));
    context.configsDir = seedWorkspace(context.runsRoot);
    context.binDir = QCoreApplication::applicationDirPath();
    MainWindow window(context);
    stamps[2] = monotonicNs();
    FirstPaintFilter filter(&window, stamps);
    app.installEventFilter(&filter);
    window.show();
    stamps[3] = monotonicNs();
    QTimer::singleShot(30000, &app, [] { std::_Exit(3); });  // never painted: fail, don't hang
    return app.exec();
}

}  // namespace tb
