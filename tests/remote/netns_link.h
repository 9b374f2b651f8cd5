#pragma once
// NetnsLink: a network namespace of the test's own, reached over a veth pair, whose link the
// test can take down (packets vanish, no RST: a sleeping laptop, a dropped Wi-Fi) and bring
// back. Needs root; the box inside runs this machine's own sshd (SshdFixture::setNetwork).

#include <QString>
#include <QStringList>

namespace tb::test {

class NetnsLink {
public:
    NetnsLink();
    ~NetnsLink();
    NetnsLink(const NetnsLink&) = delete;
    NetnsLink& operator=(const NetnsLink&) = delete;

    // Empty on success, else why it cannot be made here (the test skips with it).
    QString create();
    // The link as seen from this side: down, every packet either way is dropped silently.
    bool setLinkUp(bool up);

    QString name() const { return m_name; }            // of the namespace
    QString boxAddress() const { return m_boxAddress; }  // inside it

private:
    bool ip(const QStringList& arguments) const;
    void destroy();
    void sweepStale() const;

    QString m_name;
    QString m_hostDevice;
    QString m_boxDevice;
    QString m_hostAddress;
    QString m_boxAddress;
    bool m_created = false;
};

}  // namespace tb::test
