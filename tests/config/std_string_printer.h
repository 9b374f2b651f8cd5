#pragma once
// Lets QCOMPARE print std::string values when a comparison fails.

#include <QTest>
#include <string>

namespace QTest {
template <>
inline char* toString(const std::string& text) {
    return QTest::toString(QString::fromStdString(text));
}
}  // namespace QTest
