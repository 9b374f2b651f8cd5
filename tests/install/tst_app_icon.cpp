// The application icon (resources/icons/trainbench.svg, embedded through resources/icons.qrc as
// app/gui/main.cpp loads it): it renders at every size a desktop asks for, keeps its rounded
// corners transparent, and its two curves still show at 16 px.
#include <QGuiApplication>
#include <QIcon>
#include <QImage>
#include <QtTest>

namespace {

const char* const kIconPath = ":/trainbench/icons/trainbench.svg";

// Pixels near a curve's colour: amber (the loss) or green (the accuracy).
int pixelsNear(const QImage& image, QColor colour) {
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            const int distance = std::abs(pixel.red() - colour.red()) +
                                 std::abs(pixel.green() - colour.green()) +
                                 std::abs(pixel.blue() - colour.blue());
            if (pixel.alpha() > 200 && distance < 120) ++count;
        }
    }
    return count;
}

}  // namespace

class TestAppIcon : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rendersAtDesktopSizes_data() {
        QTest::addColumn<int>("size");
        for (int size : {16, 24, 32, 48, 64, 128, 256}) QTest::addRow("%d px", size) << size;
    }

    void rendersAtDesktopSizes() {
        QFETCH(int, size);
        const QIcon icon(QString::fromLatin1(kIconPath));
        QVERIFY2(!icon.isNull(),
                 "the icon resource is missing or the SVG icon engine is not installed");
        const QImage image =
            icon.pixmap(size, size).toImage().convertToFormat(QImage::Format_ARGB32);
        QCOMPARE(image.size(), QSize(size, size));
        // Rounded tile: the corner is see-through, the middle is not.
        QCOMPARE(image.pixelColor(0, 0).alpha(), 0);
        QCOMPARE(image.pixelColor(size / 2, size / 2).alpha(), 255);
        // Both curves survive down to 16 px: a few pixels of each colour at least.
        const int minimum = std::max(2, size * size / 200);
        QVERIFY2(pixelsNear(image, QColor(0xff, 0xc8, 0x45)) >= minimum,
                 "the amber loss curve is gone");
        QVERIFY2(pixelsNear(image, QColor(0x6e, 0xe7, 0xb7)) >= minimum,
                 "the green accuracy curve is gone");
    }

    // The menu entry names the icon by the file name it is installed under.
    void desktopEntryNamesTheIcon() {
        QFile desktop(qEnvironmentVariable("TB_SOURCE_DIR") +
                      QStringLiteral("/resources/trainbench.desktop"));
        QVERIFY2(desktop.open(QIODevice::ReadOnly), qPrintable(desktop.fileName()));
        const QByteArray text = desktop.readAll();
        QVERIFY(text.contains("\nIcon=trainbench\n"));
        QVERIFY(text.contains("\nExec=trainbench "));
    }
};

QTEST_MAIN(TestAppIcon)
#include "tst_app_icon.moc"
