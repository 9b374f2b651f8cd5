#pragma once
// Frames: how the remote run scripts send several files back in one command's output.
//
// Each frame is a header line "KEY LENGTH [SIZE]\n", then LENGTH bytes, then "\n". SIZE is the
// whole file's size in bytes when the frame holds a chunk of a file (-1: no such file).

#include <QByteArray>
#include <QList>

#include "core/protocol/result.h"

namespace tb {

struct RemoteFrame {
    QByteArray key;
    QByteArray value;
    qint64 fileSize = -1;
};

// Every frame in `output`, in order; an error names the byte where the framing broke (the
// output was cut short, or a file shrank while it was being read).
Result<QList<RemoteFrame>> parseRemoteFrames(const QByteArray& output);

}  // namespace tb
