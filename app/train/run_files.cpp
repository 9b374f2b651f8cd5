// Run-directory preparation for trainbench-train. Std only.
#include "run_files.h"

#include <unistd.h>

#include <filesystem>

#include "core/protocol/atomic_file.h"
#include "core/protocol/json.h"
#include "core/train/train_errors.h"

namespace tb {
namespace {

namespace fs = std::filesystem;

std::string runJson(const RunLayout& layout, const std::string& name, int argc, char** argv) {
    std::string command = "[";
    for (int i = 0; i < argc; ++i) command += (i ? ", " : "") + jsonEscape(argv[i]);
    std::error_code error;
    JsonObject object;
    object.add("protocol", kRunProtocolVersion)
        .add("id", fs::path(layout.dir).filename().string())
        .add("name", name)
        .add("created", unixNow())
        .add("target", "local")
        .addRaw("command", command + "]")
        .add("cwd", fs::current_path(error).string());
    return object.str() + "\n";
}

// The step of a checkpoint, from its sidecar; -1 when unknown.
int64_t checkpointStep(const std::string& checkpoint) {
    fs::path sidecar(checkpoint);
    sidecar.replace_extension(".json");
    auto text = readFile(sidecar.string());
    if (!text) return -1;
    auto object = parseFlatJson(*text);
    return object ? static_cast<int64_t>(jsonNumber(*object, "step", -1)) : -1;
}

}  // namespace

Result<std::string> resolveCheckpointPath(const RunLayout& layout, const std::string& which) {
    if (which != "latest") return which;
    auto text = readFile(layout.latestJson());
    if (!text) return fail("no checkpoint to resume from: " + text.error(), kCheckpointUnusable);
    auto object = parseFlatJson(*text);
    if (!object) return fail(layout.latestJson() + ": " + object.error(), kCheckpointUnusable);
    const std::string name = jsonString(*object, "checkpoint");
    if (name.empty() || name.find('/') != std::string::npos) {
        return fail(layout.latestJson() + ": no valid \"checkpoint\" name", kCheckpointUnusable);
    }
    return layout.checkpointsDir() + "/" + name;
}

Result<std::string> prepareRunDirectory(const RunLayout& layout, const ConfigSource& source,
                                        const std::string& resolvedConfig,
                                        const std::string& resume, int argc, char** argv) {
    std::string checkpoint;
    if (!resume.empty()) {
        auto path = resolveCheckpointPath(layout, resume);
        if (!path) return path.failure();
        checkpoint = *path;
    } else if (fs::exists(layout.latestJson())) {
        return fail(layout.dir +
                        " already holds a run with checkpoints; continue it with "
                        "--resume latest, or train into a new --run-dir",
                    kConfigInvalid);
    }
    if (auto made = makeDirs(layout.checkpointsDir()); !made) return made.failure();
    if (!fs::exists(layout.runJson())) {
        const std::string name = source.values.count("name") ? source.values.at("name") : "";
        if (auto w = writeFileAtomic(layout.runJson(), runJson(layout, name, argc, argv)); !w) {
            return w.failure();
        }
    }
    if (source.isYaml && !fs::exists(layout.configYaml())) {
        if (auto w = writeFileAtomic(layout.configYaml(), source.text); !w) return w.failure();
    }
    if (auto w = writeFileAtomic(layout.resolvedConfig(), resolvedConfig); !w) return w.failure();
    // Resuming in place: drop the records written after the checkpoint before the run died.
    std::error_code error;
    const bool inPlace = !checkpoint.empty() && fs::equivalent(fs::path(checkpoint).parent_path(),
                                                               layout.checkpointsDir(), error);
    if (inPlace) {
        if (const int64_t step = checkpointStep(checkpoint); step >= 0) {
            if (auto trimmed = trimMetrics(layout.metrics(), step); !trimmed)
                return trimmed.failure();
        }
    }
    return checkpoint;
}

Result<void> trimMetrics(const std::string& path, int64_t step) {
    if (!fs::exists(path)) return {};
    auto text = readFile(path);
    if (!text) return text.failure();
    std::string kept;
    size_t start = 0;
    for (size_t end; (end = text->find('\n', start)) != std::string::npos; start = end + 1) {
        const std::string_view line(text->data() + start, end - start);
        auto record = parseFlatJson(line);
        if (record && jsonNumber(*record, "step", 0) <= static_cast<double>(step)) {
            kept.append(line).push_back('\n');
        }
    }
    if (kept.size() == text->size()) return {};
    return writeFileAtomic(path, kept);
}

}  // namespace tb
