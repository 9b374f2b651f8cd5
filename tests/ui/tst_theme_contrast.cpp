// Dark and light themes: the YAML highlighting, a chart's frame and the log's text read against
// their backgrounds (WCAG ≥ 4.5:1), and a palette change recolours widgets already shown; the
// painted table marks and the column titles that tb_ui_style gives the table models.
#include <qcustomplot.h>

#include <QApplication>
#include <QLabel>
#include <QPainter>
#include <QPlainTextEdit>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

#include "ui/config/yaml_editor.h"
#include "ui/monitor/log_view.h"
#include "ui/plot/metric_chart.h"
#include "ui/style/column_title.h"
#include "ui/style/painted_icon.h"
#include "ui/style/theme.h"
#include "ui/style/theme_menu.h"
#include "ui/style/tone.h"

using namespace tb;

namespace {

constexpr double kTextContrast = 4.5;

// The foreground the highlighter gave the characters at `position` of the first line.
QColor formatAt(const QPlainTextEdit& editor, int position) {
    const QTextBlock block = editor.document()->firstBlock();
    for (const QTextLayout::FormatRange& range : block.layout()->formats()) {
        if (position >= range.start && position < range.start + range.length)
            return range.format.foreground().color();
    }
    return {};
}

QColor chartBackground(MetricChart& chart) {
    chart.plot()->replot();
    const QImage image = chart.grab().toImage();
    return image.pixelColor(4, image.height() - 4);  // the margin under the x axis labels
}

}  // namespace

class TestThemeContrast : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cleanup() { QApplication::setPalette(theme::lightPalette()); }

    void textReadsOnBothThemes_data() {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void textReadsOnBothThemes() {
        QFETCH(bool, dark);
        QApplication::setPalette(dark ? theme::darkPalette() : theme::lightPalette());

        YamlEditor editor;
        editor.resize(400, 200);
        editor.showText(QStringLiteral("optimizer: adam  # a comment\n"));
        const QColor editorBase = editor.palette().color(QPalette::Base);
        QCOMPARE(theme::isDark(editor.palette()), dark);
        const QColor key = formatAt(editor, 0);
        QVERIFY(key.isValid());
        QVERIFY2(theme::contrastRatio(key, editorBase) >= kTextContrast,
                 qPrintable(key.name() + " on " + editorBase.name()));
        const QColor comment = formatAt(editor, 18);
        QVERIFY(comment.isValid());
        QVERIFY(theme::contrastRatio(comment, editorBase) >= kTextContrast);

        MetricChart chart(QStringLiteral("train/loss"));
        chart.resize(400, 260);
        const QColor background = chartBackground(chart);
        QCOMPARE(theme::isDark(QPalette(background)), dark);
        for (QCPAxis* axis : {chart.plot()->xAxis, chart.plot()->yAxis}) {
            QVERIFY2(theme::contrastRatio(axis->tickLabelColor(), background) >= kTextContrast,
                     qPrintable(axis->tickLabelColor().name() + " on " + background.name()));
            QVERIFY(theme::contrastRatio(axis->labelColor(), background) >= kTextContrast);
            QVERIFY(theme::contrastRatio(axis->basePen().color(), background) >= 3.0);
        }

        LogView log;
        log.openStream(QStringLiteral("box:/runs/r/output.log"));
        log.appendStreamed("epoch 1 loss 0.5\n\x1b[31mred error\x1b[0m\n");
        QTRY_VERIFY(log.textEdit()->toPlainText().contains(QStringLiteral("red error")));
        const QPalette logPalette = log.textEdit()->palette();
        QVERIFY(theme::contrastRatio(logPalette.color(QPalette::Text),
                                     logPalette.color(QPalette::Base)) >= kTextContrast);
        QCOMPARE(theme::isDark(logPalette), dark);
        const QTextBlock red = log.textEdit()->document()->findBlockByNumber(1);
        const QColor redText = red.begin().fragment().charFormat().foreground().color();
        QVERIFY(theme::contrastRatio(redText, logPalette.color(QPalette::Base)) >= 4.0);

        QLabel label(QStringLiteral("failed"));
        theme::setTextTone(&label, theme::Tone::Error);
        QVERIFY(theme::contrastRatio(theme::color(theme::Tone::Error, label.palette()),
                                     label.palette().color(QPalette::Window)) >= kTextContrast);
    }

    void everyToneReadsOnBothThemes() {
        for (const QPalette& palette : {theme::lightPalette(), theme::darkPalette()}) {
            for (int t = 0; t <= int(theme::Tone::YamlKeyword); ++t) {
                const QColor c = theme::color(theme::Tone(t), palette);
                for (QPalette::ColorRole role : {QPalette::Base, QPalette::Window})
                    QVERIFY2(theme::contrastRatio(c, palette.color(role)) >= kTextContrast,
                             qPrintable(QString("tone %1: %2 on %3")
                                            .arg(t)
                                            .arg(c.name(), palette.color(role).name())));
                const auto tone = theme::Tone(t);
                QVERIFY(theme::contrastRatio(theme::noticeText(tone, palette),
                                             theme::noticeBackground(tone, palette)) >=
                        kTextContrast);
            }
        }
    }

    void paletteChangeRecoloursShownWidgets() {
        QApplication::setPalette(theme::lightPalette());
        MetricChart chart(QStringLiteral("train/loss"));
        chart.resize(400, 260);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QVERIFY(!theme::isDark(QPalette(chartBackground(chart))));
        YamlEditor editor;
        editor.showText(QStringLiteral("optimizer: adam\n"));
        const QColor lightKey = formatAt(editor, 0);
        QLabel label(QStringLiteral("failed"));
        theme::setTextTone(&label, theme::Tone::Error);
        const QString lightSheet = label.styleSheet();

        QApplication::setPalette(theme::darkPalette());
        // Qt delivers the change to shown windows through posted events.
        QTRY_VERIFY(theme::isDark(chart.palette()));
        const QColor background = chartBackground(chart);
        QVERIFY2(theme::isDark(QPalette(background)), qPrintable(background.name()));
        QVERIFY(theme::contrastRatio(chart.plot()->xAxis->tickLabelColor(), background) >=
                kTextContrast);
        const QColor darkKey = formatAt(editor, 0);
        QVERIFY(darkKey != lightKey);
        QVERIFY(theme::contrastRatio(darkKey, editor.palette().color(QPalette::Base)) >=
                kTextContrast);
        QVERIFY(label.styleSheet() != lightSheet);
        QVERIFY(label.styleSheet().contains(
            theme::color(theme::Tone::Error, theme::darkPalette()).name()));
    }

    void themeChoiceAppliesAndRestores() {
        QApplication::setPalette(theme::lightPalette());
        applyTheme(ThemeChoice::Dark);
        QVERIFY(theme::isDark(QApplication::palette()));
        QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
        applyTheme(ThemeChoice::Light);
        QVERIFY(!theme::isDark(QApplication::palette()));
    }

    // The tables' marks: the shape in the given colour on a transparent 14×14 ground.
    void paintedIconFillsItsShape() {
        const QColor fill = theme::color(theme::Tone::Success, theme::lightPalette());
        const QIcon icon =
            paintedIcon(fill, [](QPainter& painter) { painter.drawRect(3, 3, 8, 8); });
        const QImage image = icon.pixmap(14, 14).toImage();
        QCOMPARE(image.size(), QSize(14, 14));
        QCOMPARE(image.pixelColor(7, 7), fill);
        QCOMPARE(image.pixelColor(0, 0).alpha(), 0);
    }

    // A horizontal display header names its column; anything else, or a column past the
    // list, is nothing.
    void columnTitleLooksUpTheColumn() {
        static const char* const names[] = {"Name", "State"};
        const QMetaObject& context = QObject::staticMetaObject;
        QCOMPARE(columnTitle(context, names, 1, Qt::Horizontal, Qt::DisplayRole).toString(),
                 QStringLiteral("State"));
        QVERIFY(!columnTitle(context, names, 2, Qt::Horizontal, Qt::DisplayRole).isValid());
        QVERIFY(!columnTitle(context, names, -1, Qt::Horizontal, Qt::DisplayRole).isValid());
        QVERIFY(!columnTitle(context, names, 0, Qt::Vertical, Qt::DisplayRole).isValid());
        QVERIFY(!columnTitle(context, names, 0, Qt::Horizontal, Qt::ToolTipRole).isValid());
    }
};

QTEST_MAIN(TestThemeContrast)
#include "tst_theme_contrast.moc"
