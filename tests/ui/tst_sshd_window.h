#pragma once
// The main window's context for tests against tests/remote's local sshd: every folder inside the
// test's own temporary one, its own settings file, known_hosts and no keychain.

#include <QTemporaryDir>

#include "ui/main/app_context.h"

namespace tb::test {

// Also points QSettings at `dir` and names the application `organization`, so that what a
// window remembers stays with the test.
AppContext sshdWindowContext(const QTemporaryDir& dir, const char* organization);

}  // namespace tb::test
