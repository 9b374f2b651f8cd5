// translatedMessage: every pattern of the std-only catalogs (config checks, sweep specs) is
// found again in a message made from it, nested messages are translated, values (keys, paths)
// are not, and without a translation the English text comes back byte for byte.
#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

#include "core/config/config_text.h"
#include "core/services/message_translation.h"
#include "core/sweep/sweep_text.h"

using namespace tb;

namespace {

// Marks every catalog text it translates: «source».
class MarkingTranslator : public QTranslator {
public:
    QString translate(const char* context, const char* source, const char*, int) const override {
        const QByteArray name(context);
        if (name != "ConfigCheck" && name != "SweepSpec") return {};
        return QStringLiteral("«%1»").arg(QString::fromUtf8(source));
    }
    bool isEmpty() const override { return false; }
};

// The pattern with %N replaced by "vN": values no pattern matches.
std::string sample(const char* pattern) {
    return fillText(pattern, {"v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9"});
}

template <size_t N>
QList<const char*> texts(const MessagePattern (&entries)[N]) {
    QList<const char*> out;
    for (const MessagePattern& entry : entries) out.append(entry.text);
    return out;
}

QList<const char*> allPatterns() {
    return texts(config_text::kAll) + texts(sweep_text::kAll);
}

}  // namespace

class MessageTranslationTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void withoutATranslationTheTextComesBackAsItWas() {
        for (const char* pattern : allPatterns()) {
            const std::string english = sample(pattern);
            QCOMPARE(translatedMessage(english), QString::fromStdString(english));
        }
        const std::string nested =
            fillText(config_text::kKeyProblem,
                     {"optim.lr", fillText(config_text::kMustBeGot,
                                           {fillText(config_text::kBetween, {"0", "10"}), "11"})});
        QCOMPARE(translatedMessage(nested), QString::fromStdString(nested));
        QCOMPARE(translatedMessage(std::string("not from any catalog")),
                 QStringLiteral("not from any catalog"));
    }

    void everyPatternIsFoundAgain() {
        MarkingTranslator marking;
        QCoreApplication::installTranslator(&marking);
        for (const char* pattern : allPatterns()) {
            const QString english = QString::fromStdString(sample(pattern));
            QCOMPARE(translatedMessage(english), QStringLiteral("«%1»").arg(english));
        }
        QCoreApplication::removeTranslator(&marking);
    }

    void nestedMessagesAreTranslatedAndValuesAreNot() {
        MarkingTranslator marking;
        QCoreApplication::installTranslator(&marking);
        const std::string range = fillText(config_text::kBetween, {"0", "10"});
        const std::string problem = fillText(config_text::kMustBeGot, {range, "11"});
        QCOMPARE(translatedMessage(problem),
                 QStringLiteral("«must be «between 0 and 10», got 11»"));
        // The most specific pattern wins: sweep_text's "%1 must be %2, got %3" over "%1 %2".
        QCOMPARE(translatedMessage(fillText(config_text::kKeyProblem, {"optim.lr", problem})),
                 QStringLiteral("«optim.lr must be «between 0 and 10», got 11»"));
        // A path holding words of a pattern (" to ") stays as typed.
        const std::string missing =
            fillText(config_text::kDataPathMissing, {"/a to b.csv", config_text::kHintCsv});
        QCOMPARE(translatedMessage(missing),
                 QStringLiteral("«data.path '/a to b.csv' does not exist; «point it at the CSV "
                                "file»»"));
        // A placeholder given twice must hold the same text twice.
        QCOMPARE(translatedMessage(fillText(config_text::kSetSection, {"data"})),
                 QStringLiteral("«'data' is a section; set one of its keys, such as "
                                "data.kind=...»"));
        QCoreApplication::removeTranslator(&marking);
    }
};

QTEST_GUILESS_MAIN(MessageTranslationTest)
#include "tst_message_translation.moc"
