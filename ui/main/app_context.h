#pragma once
// Where the app's pieces live: resolved once at start-up and handed to the main window.

#include <QString>

#include "remote/hosts/hosts_controller.h"

namespace tb {

struct AppContext {
    QString runsRoot;        // run directories
    QString configsDir;      // the user's configs (seeded with the demo)
    QString binDir;          // trainbench-train and tb-wrap.sh
    QString openConfig;      // config to open at start ("" = the demo)
    QString hostsConfigDir;  // hosts.json ("" = HostStore::defaultConfigDir())
    HostsControllerOptions hostsOptions;
};

}  // namespace tb
