#pragma once
// border-central's HTTPS server: Qt 6.4's QHttpServer (a technology preview) has
// no deadlines, no connection caps and no body limit, and 40 idle connections wedged it for
// good, so the service owns the socket layer. A QTcpServer whose every accepted socket becomes
// a QSslSocket with a deadline for each phase:
//   TLS handshake   handshakeMs from accept    (an idle or dribbling TCP client)
//   waiting         idleMs between requests    (a kept-alive kiosk, or one that never speaks)
//   a request       requestMs from its first byte to its last (one byte a second: closed)
//   a response      writeMs to be read out     (a client that never reads)
// a cap on connections per peer address and in all (a connection over the cap is closed at
// accept, before any TLS work), and HttpLimits on the head and the body (httprequest.h). The
// accept loop never waits on a client, so whatever a client does, the next one is accepted.
//
// The deadlines are read from an injected monotonic clock; sweep() closes what has expired (a
// timer calls it four times a second; tests move their clock and call it themselves).
#include "sync/central/httprequest.h"

#include <QHash>
#include <QHostAddress>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTimer>

#include <functional>
#include <memory>
#include <unordered_map>

class QSslSocket;

namespace Kiosk::Central {

struct ServerLimits
{
    int maxConnections = 512;
    int maxConnectionsPerAddress = 32;
    qint64 handshakeMs = 5000;
    qint64 idleMs = 15000;
    qint64 requestMs = 10000;
    qint64 writeMs = 30000;
    HttpLimits http;
};

struct HttpResponse
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("application/json");
};

struct ServerCounters
{
    quint64 accepted = 0;            // connections taken on
    quint64 refusedOverTotal = 0;    // closed at accept: maxConnections reached
    quint64 refusedOverAddress = 0;  // closed at accept: that address has maxConnectionsPerAddress
    quint64 expired = 0;             // closed by a deadline
    quint64 tlsFailed = 0;           // handshake failed (not TLS, bad client certificate)
    quint64 refusedRequests = 0;     // answered 4xx/5xx by the request reader, then closed
    quint64 served = 0;              // requests answered by the handler
    quint64 bytesRead = 0;           // request bytes received (after TLS)
};

class HttpServer : public QTcpServer
{
    Q_OBJECT
public:
    using Handler = std::function<HttpResponse(const HttpRequest &)>;
    using MonotonicMs = std::function<qint64()>;

    // `now` empty: a steady clock (never the wall clock, which an operator may set back).
    explicit HttpServer(Handler handler, ServerLimits limits = {}, MonotonicMs now = {}, QObject *parent = nullptr);
    ~HttpServer() override;

    // Set: every connection is TLS (border-central always sets it); unset: plain HTTP.
    void setTls(const QSslConfiguration &config) { m_tls = config; }

    // Closes every connection whose phase deadline has passed.
    void sweep();

    [[nodiscard]] int connectionCount() const { return static_cast<int>(m_connections.size()); }
    [[nodiscard]] int connectionCount(const QHostAddress &peer) const { return m_perAddress.value(peer); }
    // Connections a request has begun on and not yet been read whole (slow senders among them).
    [[nodiscard]] int connectionsMidRequest() const;
    [[nodiscard]] const ServerCounters &counters() const { return m_counters; }
    [[nodiscard]] const ServerLimits &limits() const { return m_limits; }

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    struct Connection;
    void onEncrypted(QSslSocket *socket);
    void onReadyRead(QSslSocket *socket);
    void onWritten(QSslSocket *socket);
    void drop(QSslSocket *socket);
    void writeResponse(Connection &c, int status, const QByteArray &contentType, const QByteArray &body, bool keepAlive);

    Handler m_handler;
    ServerLimits m_limits;
    MonotonicMs m_now;
    std::optional<QSslConfiguration> m_tls;
    std::unordered_map<QSslSocket *, std::unique_ptr<Connection>> m_connections;
    QHash<QHostAddress, int> m_perAddress;
    ServerCounters m_counters;
    QTimer m_sweeper;
};

// The reason phrase for a status (RFC 9110 §15), "Unknown" for one not listed.
[[nodiscard]] QByteArray reasonPhrase(int status);

} // namespace Kiosk::Central
