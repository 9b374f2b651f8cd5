// Fuzz target: what a run folder holds, as the catalog and the trainer read it: status.json and
// run.json through Qt's reader into RunInfo, the metrics tail summary, and the trainer's own
// flat JSON reader (status, sidecars, latest.json).
#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/protocol/json.h"
#include "core/runs/run_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    const QJsonObject object = QJsonDocument::fromJson(bytes).object();
    tb::RunInfo info;
    tb::applyStatusJson(object, info);
    tb::applyRunJson(object, info);
    tb::applyMetricsTail(bytes, size > 0 && (data[0] & 1), info);
    (void)tb::parseFlatJson(std::string_view(bytes.constData(), size));
    return 0;
}
