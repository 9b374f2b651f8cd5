// sshdWindowContext: the folders, settings and host options the sshd window tests share.
#include "tst_sshd_window.h"

#include <QCoreApplication>
#include <QSettings>

#include "core/runs/workspace.h"
#include "tests/remote/ssh_test_support.h"

namespace tb::test {

AppContext sshdWindowContext(const QTemporaryDir& dir, const char* organization) {
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.filePath("settings"));
    QCoreApplication::setOrganizationName(QString::fromLatin1(organization));
    AppContext context;
    context.runsRoot = dir.filePath("runs");
    context.configsDir = seedWorkspace(context.runsRoot);
    context.binDir = qEnvironmentVariable("TB_BIN_DIR");
    context.hostsConfigDir = dir.filePath("hosts");
    context.hostsOptions.connection.session = testOptions();
    context.hostsOptions.knownHostsFile = dir.filePath("known_hosts");
    context.hostsOptions.checkKeychain = false;
    return context;
}

}  // namespace tb::test
