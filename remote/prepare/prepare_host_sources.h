#pragma once
// The trainer's sources as embedded at build time (resources/remote-build/trainer_sources.cmake).

#include "core/protocol/result.h"

#include <QString>

namespace tb {

// ":/trainer-src": the wrapper project, build.sh and trainbench/ (the trainer-only tree).
QString embeddedTrainerSources();
// The text of the box probe, resources/remote-build/detect.sh.
QString boxDetectScript();

// sha256 (hex) over every file under root: its relative path and its bytes, in sorted order.
[[nodiscard]] Result<QString> hashTree(const QString& root);
// Copies every file under root into dir (created), each writable by its owner.
[[nodiscard]] Result<void> copyTree(const QString& root, const QString& dir);

}  // namespace tb
