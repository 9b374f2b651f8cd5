#pragma once
// formatHostReport: a HostReport as a few aligned lines for a terminal or a tooltip.

#include "host_probe_report.h"

#include <QString>

namespace tb {

// Ends with one "warning: ..." line per warning.
QString formatHostReport(const HostReport& report);

}  // namespace tb
