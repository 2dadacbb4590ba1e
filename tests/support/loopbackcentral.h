#pragma once
// A central side for sync tests on loopback, shared by tst_syncloop,
// tst_syncfailures and bench_sync: a throwaway TLS certificate for 127.0.0.1 made at test time
// (no key material is committed), and the central service in-process on its own thread with
// its own event loop, as border-central runs it (the client's rounds block in a local event
// loop, so the server must not share the client's thread).
#include "sync/central/centralservice.h"
#include "sync/central/httpserver.h"

#include <QList>
#include <QString>
#include <QThread>

#include <atomic>
#include <functional>
#include <optional>
#include <future>

namespace Kiosk::Test {

// `openssl req -x509` with a P-256 key: writes `keyFile` and `certFile` (the certificate is also
// the CA a client pins). Returns an empty string on success, else what went wrong.
[[nodiscard]] QString makeLoopbackTls(const QString &keyFile, const QString &certFile);

class CentralThread : public QThread
{
public:
    // `dbUrl` as for border-central (`sqlite:PATH`, `postgresql://...`); `enrol`: kiosks added at
    // start (an already enrolled one is left as it is, so a restart on the same database works);
    // `port` 0: any free one.
    CentralThread(QString dbUrl, QString cert, QString key, QList<Central::KioskRecord> enrol = {}, quint16 port = 0);
    ~CentralThread() override; // quits the event loop and waits: the port is closed after
    CentralThread(const CentralThread &) = delete;
    CentralThread &operator=(const CentralThread &) = delete;

    // A central side that lies: called on the central thread with each request and
    // the real answer; what it returns is sent instead (nullopt: the real answer). Set before
    // startListening(); it must be safe to call from the central thread.
    using Rewrite = std::function<std::optional<Central::HttpResponse>(const Central::HttpRequest &, const Central::HttpResponse &real)>;
    void setRewrite(Rewrite rewrite) { m_rewrite = std::move(rewrite); }

    // Starts the thread and blocks until it listens; the bound port, or 0 (then see error()).
    [[nodiscard]] quint16 startListening();
    [[nodiscard]] QString error() const { return m_error; }
    // Time the service spent in Ed25519 verification (refreshed every 20 ms and at the end).
    [[nodiscard]] qint64 verifyNanoseconds() const { return m_verifyNs; }

protected:
    void run() override;

private:
    QString m_url, m_cert, m_key;
    QList<Central::KioskRecord> m_enrol;
    quint16 m_port;
    Rewrite m_rewrite;
    std::promise<quint16> m_bound;
    QString m_error; // written before m_bound is set
    std::atomic<qint64> m_verifyNs{0};
};

} // namespace Kiosk::Test
