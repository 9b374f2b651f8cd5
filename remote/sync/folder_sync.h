#pragma once
// Code folder sync: the box's copy of a local folder made to match it in two round trips —
// the box's manifest read back, then one tar stream of what changed with the list of what to
// remove — run on a session's thread like any transfer (request: localPath, remotePath).

#include "remote/ssh/transfer_context.h"

namespace tb {

// Asks first: when the size guard has something to say (sync_plan.h) nothing is sent and the
// result is "held" (syncHeld), its message the reasons, one per line.
TransferResult runSync(const TransferContext& context, const TransferRequest& request);
// Sends whatever the guard says (the user agreed, or --yes).
TransferResult runSyncConfirmed(const TransferContext& context, const TransferRequest& request);

bool syncHeld(const TransferResult& result);

}  // namespace tb
