// Fuzz target: a run's output lines (escape sequences included) through the log view's parser.
#include <QString>

#include <cstddef>
#include <cstdint>

#include "core/services/ansi_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    tb::AnsiParser parser;
    for (const QString& line : text.split(QLatin1Char('\n'))) (void)parser.parseLine(line);
    return 0;
}
