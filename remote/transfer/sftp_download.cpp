// sftpDownloadRange: SFTP reads kept `sftpRequestsInFlight` deep on each of `sftpChannels`
// sessions, written in order.

#include "sftp_download.h"
#include "file_hash.h"
#include "sftp_handles.h"
#include "transfer_meter.h"

#include <QCoreApplication>
#include <QFile>

#include <fcntl.h>
#include <deque>
#include <vector>

namespace tb {

namespace {

struct PendingRead {
    uint32_t id = 0;
    qint64 offset = 0;
    uint32_t length = 0;
    size_t lane = 0;
};

// One SFTP session (its own channel) with the file open.
struct Lane {
    ssh::SftpPtr sftp;
    ssh::SftpFilePtr file;  // closed before its session: declared after it
};

struct Transfer {
    Q_DECLARE_TR_FUNCTIONS(Transfer)
};

TransferResult failure(const QString& message) {
    return transferFailure(SshFailure::Protocol, message);
}

class SftpReader {
public:
    SftpReader(const TransferContext& context, const TransferRequest& request)
        : m_context(context), m_request(request) {}

    // Appends [offset, size) of the remote file to `out`, feeding `hash` and `meter`.
    TransferResult copy(const QString& remote, qint64 offset, qint64 size, QFile& out,
                        FileHash& hash, TransferMeter& meter);

private:
    TransferResult lost(const QString& doing) {
        //: %1 is what was being done ("sending data"), %2 the host, %3 libssh's error
        return failure(Transfer::tr("%1 on %2 failed: %3")
                           .arg(doing, m_context.where, m_context.libsshError()));
    }

    const TransferContext& m_context;
    const TransferRequest& m_request;
};

TransferResult SftpReader::copy(const QString& remote, qint64 offset, qint64 size, QFile& out,
                                FileHash& hash, TransferMeter& meter) {
    // Several SFTP sessions, each on its own channel, take the reads in turn: libssh 0.10 keeps
    // each channel's receive window near 1.28 MB whatever is in flight, so one channel carries
    // at most that per round trip (0.46x scp at 100 ms).
    const int laneCount = qBound(1, m_request.sftpChannels, 16);
    std::vector<Lane> lanes(static_cast<size_t>(laneCount));
    for (Lane& lane : lanes) {
        lane.sftp.reset(sftp_new(m_context.session));
        if (!lane.sftp || sftp_init(lane.sftp.get()) != SSH_OK)
            return lost(Transfer::tr("starting SFTP"));
        lane.file.reset(sftp_open(lane.sftp.get(), remote.toUtf8().constData(), O_RDONLY, 0));
        if (!lane.file) return lost(Transfer::tr("opening %1").arg(remote));
    }
    const uint32_t chunk =
        static_cast<uint32_t>(qBound(4096, m_request.sftpChunkBytes, 255 * 1024));
    const size_t depth =
        static_cast<size_t>(qMax(1, m_request.sftpRequestsInFlight)) * lanes.size();
    QByteArray buffer(static_cast<int>(chunk), Qt::Uninitialized);
    std::deque<PendingRead> pending;
    qint64 next = offset;
    qint64 done = offset;
    size_t turn = 0;
    while (done < size) {
        if (m_context.cancelled()) return transferCancelled();
        while (pending.size() < depth && next < size) {
            const uint32_t length = static_cast<uint32_t>(qMin<qint64>(chunk, size - next));
            const size_t lane = turn++ % lanes.size();
            sftp_file file = lanes[lane].file.get();
            // Each lane's reads are not contiguous: place every one (sets the offset only).
            if (sftp_seek64(file, static_cast<uint64_t>(next)) != 0)
                return lost(Transfer::tr("seeking in %1").arg(remote));
            const int id = sftp_async_read_begin(file, length);
            if (id < 0) return lost(Transfer::tr("requesting %1").arg(remote));
            pending.push_back({static_cast<uint32_t>(id), next, length, lane});
            next += length;
        }
        const PendingRead read = pending.front();
        pending.pop_front();
        const int n =
            sftp_async_read(lanes[read.lane].file.get(), buffer.data(), read.length, read.id);
        if (n < 0) return lost(Transfer::tr("reading %1").arg(remote));
        if (n == 0)
            //: %1 is a file on the host %2
            return failure(Transfer::tr("%1 on %2 became shorter while it was downloaded")
                               .arg(remote, m_context.where));
        if (TransferResult kept = keepReceived(buffer.constData(), n, out, hash, meter); !kept.ok())
            return kept;
        done += n;
        if (static_cast<uint32_t>(n) < read.length) {
            // A short read: the requests behind it start past a gap. Take their answers,
            // drop them, and go on from where the data really ends.
            for (const PendingRead& later : pending)
                (void)sftp_async_read(lanes[later.lane].file.get(), buffer.data(), later.length,
                                      later.id);
            pending.clear();
            next = done;
        }
    }
    return {};
}

}  // namespace

TransferResult keepReceived(const char* data, qint64 size, QFile& out, FileHash& hash,
                            TransferMeter& meter) {
    if (out.write(data, size) != size)
        return failure(Transfer::tr("cannot write %1: %2").arg(out.fileName(), out.errorString()));
    hash.add(data, size);
    meter.add(size);
    return {};
}

TransferResult sftpDownloadRange(const TransferContext& context, const TransferRequest& request,
                                 const QString& remote, qint64 offset, qint64 size, QFile& out,
                                 FileHash& hash, TransferMeter& meter) {
    return SftpReader(context, request).copy(remote, offset, size, out, hash, meter);
}

}  // namespace tb
