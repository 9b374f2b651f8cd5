#pragma once
// HostDraft: what the add-host dialog hands over — a host and, kept apart, its password.

#include <QString>
#include <QStringList>

#include "host_store.h"

namespace tb {

struct HostDraft {
    RemoteHost host;
    QString password;  // empty: none given; never stored with the host
    bool rememberPassword = false;
};

// A short shell-friendly name for a target, e.g. "westd-52979" for
// connect.westd.seetacloud.com port 52979; made unique against `taken` with "-2", "-3"...
QString suggestHostName(const SshTarget& target, const QStringList& taken);

// "root@connect.westd.seetacloud.com:52979", as the hosts table shows it.
QString hostAddress(const SshTarget& target);

}  // namespace tb
