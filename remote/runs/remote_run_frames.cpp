// Frame parsing for the remote run scripts' output (see remote_run_frames.h).
#include "remote_run_frames.h"

#include <QCoreApplication>

#include "core/runs/fail_text.h"

namespace tb {
namespace {

// What is wrong with a box's answer, as the errors that carry it on say it.
struct RemoteFrames {
    Q_DECLARE_TR_FUNCTIONS(RemoteFrames)
};

}  // namespace

Result<QList<RemoteFrame>> parseRemoteFrames(const QByteArray& output) {
    QList<RemoteFrame> frames;
    qsizetype at = 0;
    while (at < output.size()) {
        const qsizetype lineEnd = output.indexOf('\n', at);
        if (lineEnd < 0)
            return failText(RemoteFrames::tr("remote output ends inside a header at byte %1")
                                .arg(QString::number(at)));
        const QList<QByteArray> words = output.mid(at, lineEnd - at).split(' ');
        bool lengthOk = false;
        bool sizeOk = true;
        RemoteFrame frame;
        frame.key = words.value(0);
        const qint64 length = words.value(1).toLongLong(&lengthOk);
        if (words.size() > 2) frame.fileSize = words[2].toLongLong(&sizeOk);
        if (frame.key.isEmpty() || !lengthOk || !sizeOk || length < 0 || frame.fileSize < -1 ||
            words.size() > 3)
            return failText(RemoteFrames::tr("remote output has a bad header at byte %1")
                                .arg(QString::number(at)));
        const qsizetype valueStart = lineEnd + 1;
        // Compared against what is left, never added to: a box may send a length near
        // INT64_MAX, and valueStart + length would overflow.
        if (length >= output.size() - valueStart || output[valueStart + length] != '\n')
            //: %1 is the name of what the box sent (status, metrics, ...), %2 its announced length
            return failText(RemoteFrames::tr("remote output for %1 is not %2 bytes long (a file "
                                             "changed while read?)")
                                .arg(QString::fromUtf8(frame.key), QString::number(length)));
        frame.value = output.mid(valueStart, length);
        frames.append(frame);
        at = valueStart + length + 1;
    }
    return frames;
}

}  // namespace tb
