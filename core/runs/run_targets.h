#pragma once
// RunTargets: the registry that picks a run's Backend from its target — this machine, or a
// stored host by name (a lookup that whoever owns the hosts plugs in). The window and the
// command line ask it instead of branching on local versus remote.

#include <QString>

#include <functional>

namespace tb {

class Backend;
struct RunInfo;

class RunTargets {
public:
    using HostLookup = std::function<Backend*(const QString& host)>;

    explicit RunTargets(Backend* local) : m_local(local) {}

    void setHostLookup(HostLookup lookup) { m_hosts = std::move(lookup); }
    Backend* local() const { return m_local; }
    // "" or "local": this machine; another name: that stored host's backend, or null when no
    // host of that name is known.
    Backend* backend(const QString& target) const;
    Backend* backendOf(const RunInfo& run) const;
    static bool isLocalTarget(const QString& target);

private:
    Backend* m_local;
    HostLookup m_hosts;
};

}  // namespace tb
