// Fuzz target: text a box prints and we parse: nvidia-smi CSV lines, the probe's marked
// sections, and pasted ssh command lines.
#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

#include "core/gpu/gpu_sample_parser.h"
#include "remote/hosts/probe_parsers.h"
#include "remote/ssh/ssh_command_line.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    for (const QByteArray& line : bytes.split('\n')) (void)tb::GpuSampleParser::parseLine(line);
    const QString text = QString::fromUtf8(bytes);
    (void)tb::parseProbeOutput(text);
    (void)tb::parseSshCommandLine(text.left(4096));
    return 0;
}
