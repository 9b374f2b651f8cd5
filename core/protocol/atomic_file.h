#pragma once
// Crash-safe file replacement: temp file in the same directory, fsync, rename, fsync the directory.

#include <string>
#include <string_view>

#include "result.h"

namespace tb {

// Replaces `path` with `contents`. A crash at any instant leaves the old or the new file.
Result<void> writeFileAtomic(const std::string& path, std::string_view contents);

// Reads a whole file; the error names the file and the reason.
Result<std::string> readFile(const std::string& path);

// Creates a directory and its parents (like mkdir -p).
Result<void> makeDirs(const std::string& path);

}  // namespace tb
