// latency_relay: a TCP relay on 127.0.0.1 that delays each direction by a set time, standing in
// for a far link (this kernel has no netem qdisc).
// Usage: latency_relay LISTEN_PORT TARGET_HOST TARGET_PORT DELAY_MS [BUFFER_MB=64]
// Prints "listening PORT" once it accepts. Each chunk leaves DELAY_MS after it was read, in
// order. Per direction at most BUFFER_MB wait in the relay; past that it stops reading, so the
// sender feels backpressure instead of the relay growing without bound. The default is large
// enough (64 MB in flight is 320 MB/s at 200 ms) that the relay itself is never the bottleneck:
// as on a real long link with big socket buffers, what limits a transfer is how much the
// endpoints keep in flight.

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

constexpr size_t kReadBytes = 256 * 1024;
constexpr int kSocketBuffer = 4 << 20;

struct Chunk {
    Clock::time_point due;
    std::vector<char> bytes;  // empty: the sender closed its side
};

// One direction: a reader thread fills it, a writer thread empties it when chunks are due.
struct Direction {
    int from = -1;
    int to = -1;
    std::mutex lock;
    std::condition_variable changed;
    std::deque<Chunk> chunks;
    size_t queued = 0;
    bool broken = false;  // the writer cannot write any more: the reader stops too
};

struct Settings {
    Clock::duration delay;
    size_t capacity;
};

void tune(int fd) {
    setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &kSocketBuffer, sizeof kSocketBuffer);
    setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &kSocketBuffer, sizeof kSocketBuffer);
    const int one = 1;
    // The relay adds the delay; Nagle would add its own on top.
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

void readSide(Direction& d, const Settings& settings) {
    while (true) {
        std::vector<char> bytes(kReadBytes);
        {
            std::unique_lock<std::mutex> hold(d.lock);
            d.changed.wait(hold, [&] { return d.broken || d.queued < settings.capacity; });
            if (d.broken) return;
        }
        const ssize_t n = ::read(d.from, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        bytes.resize(n > 0 ? static_cast<size_t>(n) : 0);
        const auto due = Clock::now() + settings.delay;
        {
            std::lock_guard<std::mutex> hold(d.lock);
            d.queued += bytes.size();
            d.chunks.push_back({due, std::move(bytes)});
        }
        d.changed.notify_all();
        if (n <= 0) return;  // EOF (or an error, passed on as one)
    }
}

bool writeAll(int fd, const char* data, size_t size) {
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        data += n;
        size -= static_cast<size_t>(n);
    }
    return true;
}

void writeSide(Direction& d) {
    while (true) {
        Chunk chunk;
        {
            std::unique_lock<std::mutex> hold(d.lock);
            d.changed.wait(hold, [&] { return !d.chunks.empty(); });
            chunk = std::move(d.chunks.front());
            d.chunks.pop_front();
        }
        std::this_thread::sleep_until(chunk.due);
        const bool eof = chunk.bytes.empty();
        const bool written = !eof && writeAll(d.to, chunk.bytes.data(), chunk.bytes.size());
        {
            std::lock_guard<std::mutex> hold(d.lock);
            d.queued -= chunk.bytes.size();
            if (!written) d.broken = true;
        }
        d.changed.notify_all();
        if (eof) {
            ::shutdown(d.to, SHUT_WR);  // half-close, as the sender did
            return;
        }
        if (!written) {
            ::shutdown(d.from, SHUT_RDWR);  // the reader's peer learns the link is gone
            return;
        }
    }
}

int connectTo(const char* host, const char* port) {
    addrinfo hints{};
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (getaddrinfo(host, port, &hints, &found) != 0 || !found) return -1;
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    tune(fd);
    const int rc = ::connect(fd, found->ai_addr, found->ai_addrlen);
    freeaddrinfo(found);
    if (rc != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

// Both directions of one accepted connection; the fds close when both are done.
void relay(int client, const char* host, const char* port, Settings settings) {
    const int server = connectTo(host, port);
    if (server < 0) {
        std::fprintf(stderr, "latency_relay: cannot reach %s:%s: %s\n", host, port,
                     std::strerror(errno));
        ::close(client);
        return;
    }
    auto up = std::make_unique<Direction>();
    auto down = std::make_unique<Direction>();
    up->from = client;
    up->to = server;
    down->from = server;
    down->to = client;
    std::thread threads[] = {
        std::thread(readSide, std::ref(*up), settings), std::thread(writeSide, std::ref(*up)),
        std::thread(readSide, std::ref(*down), settings), std::thread(writeSide, std::ref(*down))};
    for (std::thread& t : threads) t.join();
    ::close(client);
    ::close(server);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 5) {
        std::fprintf(stderr,
                     "usage: latency_relay LISTEN_PORT TARGET_HOST TARGET_PORT DELAY_MS "
                     "[BUFFER_MB=64]\n");
        return 2;
    }
    std::signal(SIGPIPE, SIG_IGN);
    const Settings settings{std::chrono::milliseconds(std::atoi(argv[4])),
                            static_cast<size_t>(argc > 5 ? std::atoi(argv[5]) : 64) << 20};
    const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
    const int one = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    tune(listener);  // accepted sockets inherit the buffer sizes
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(std::atoi(argv[1])));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(listener, 16) != 0) {
        std::fprintf(stderr, "latency_relay: cannot listen on 127.0.0.1:%s: %s\n", argv[1],
                     std::strerror(errno));
        return 1;
    }
    std::printf("listening %s\n", argv[1]);
    std::fflush(stdout);
    while (true) {
        const int client = ::accept(listener, nullptr, nullptr);
        if (client < 0) {
            if (errno == EINTR) continue;
            return 1;
        }
        tune(client);
        std::thread(relay, client, argv[2], argv[3], settings).detach();
    }
}
