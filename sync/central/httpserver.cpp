#include "sync/central/httpserver.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSslSocket>

namespace Kiosk::Central {

Q_LOGGING_CATEGORY(lcHttp, "kiosk.sync.central.http", QtInfoMsg)

namespace {
enum class Phase { Handshake, Idle, Request, Writing };

// The socket's own read buffer: a client that sends faster than requests are handled waits in
// TCP, not in this process's memory.
constexpr qint64 kReadBufferBytes = 256 * 1024;
} // namespace

struct HttpServer::Connection
{
    explicit Connection(QSslSocket *s, QHostAddress a, const HttpLimits &l) : socket(s), peer(std::move(a)), parser(l) {}
    QSslSocket *socket;
    QHostAddress peer;
    HttpRequestParser parser;
    Phase phase = Phase::Handshake;
    qint64 deadline = 0;
    bool closing = false; // the last response is on its way; nothing more is read
};

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 413: return "Content Too Large";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    default: return "Unknown";
    }
}

HttpServer::HttpServer(Handler handler, ServerLimits limits, MonotonicMs now, QObject *parent)
    : QTcpServer(parent), m_handler(std::move(handler)), m_limits(limits), m_now(std::move(now))
{
    if (!m_now) {
        auto steady = std::make_shared<QElapsedTimer>();
        steady->start();
        m_now = [steady] { return steady->elapsed(); };
    }
    // Connections over the caps are closed in incomingConnection, so the kernel's accept queue
    // never fills while this process waits on a client.
    setMaxPendingConnections(std::max(m_limits.maxConnections, 1));
    m_sweeper.setInterval(250);
    connect(&m_sweeper, &QTimer::timeout, this, &HttpServer::sweep);
    m_sweeper.start();
}

HttpServer::~HttpServer()
{
    m_sweeper.stop();
    auto connections = std::move(m_connections);
    for (auto &[socket, c] : connections) {
        socket->disconnect(this);
        socket->abort();
        delete socket;
    }
}

void HttpServer::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QSslSocket;
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    const QHostAddress peer = socket->peerAddress();
    if (connectionCount() >= m_limits.maxConnections || m_perAddress.value(peer) >= m_limits.maxConnectionsPerAddress) {
        const bool total = connectionCount() >= m_limits.maxConnections;
        ++(total ? m_counters.refusedOverTotal : m_counters.refusedOverAddress);
        // Once per power of two, so a flood is visible in the log without flooding it.
        const quint64 n = total ? m_counters.refusedOverTotal : m_counters.refusedOverAddress;
        if ((n & (n - 1)) == 0)
            qCWarning(lcHttp, "connection refused at accept (%s cap reached; %llu so far)", total ? "total" : "per-address", static_cast<unsigned long long>(n));
        socket->abort();
        delete socket;
        return;
    }
    ++m_counters.accepted;
    socket->setReadBufferSize(kReadBufferBytes);
    auto c = std::make_unique<Connection>(socket, peer, m_limits.http);
    c->deadline = m_now() + m_limits.handshakeMs;
    ++m_perAddress[peer];
    m_connections.emplace(socket, std::move(c));

    connect(socket, &QSslSocket::disconnected, this, [this, socket] { drop(socket); });
    connect(socket, &QSslSocket::errorOccurred, this, [this, socket](QAbstractSocket::SocketError) {
        const auto it = m_connections.find(socket);
        if (it != m_connections.end() && it->second->phase == Phase::Handshake && m_tls)
            ++m_counters.tlsFailed;
        drop(socket);
    });
    connect(socket, &QSslSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
    connect(socket, &QSslSocket::bytesWritten, this, [this, socket] { onWritten(socket); });
    connect(socket, &QSslSocket::encryptedBytesWritten, this, [this, socket] { onWritten(socket); });
    if (m_tls) {
        connect(socket, &QSslSocket::encrypted, this, [this, socket] { onEncrypted(socket); });
        socket->setSslConfiguration(*m_tls);
        socket->startServerEncryption();
    } else {
        onEncrypted(socket);
    }
}

void HttpServer::onEncrypted(QSslSocket *socket)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    Connection &c = *it->second;
    c.phase = Phase::Idle;
    c.deadline = m_now() + m_limits.idleMs;
    if (socket->bytesAvailable() > 0)
        onReadyRead(socket);
}

void HttpServer::onReadyRead(QSslSocket *socket)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    Connection &c = *it->second;
    if (c.phase == Phase::Handshake || c.closing) {
        if (c.closing)
            (void)socket->readAll(); // after "Connection: close": discarded
        return;
    }
    const bool wasMidRequest = c.parser.midRequest();
    const QByteArray bytes = socket->readAll();
    m_counters.bytesRead += static_cast<quint64>(bytes.size());
    (void)c.parser.feed(bytes);
    while (c.parser.state() == HttpRequestParser::State::Ready) {
        const HttpRequest request = c.parser.take();
        const HttpResponse response = m_handler(request);
        ++m_counters.served;
        writeResponse(c, response.status, response.contentType, response.body, request.keepAlive);
        if (!request.keepAlive)
            break;
    }
    if (c.parser.state() == HttpRequestParser::State::Refused && !c.closing) {
        ++m_counters.refusedRequests;
        const HttpRefusal &r = c.parser.refusal();
        const QJsonObject error{{QStringLiteral("code"), QString::fromLatin1(r.code)}, {QStringLiteral("message"), r.message}};
        writeResponse(c, r.status, QByteArrayLiteral("application/json"), QJsonDocument(QJsonObject{{QStringLiteral("error"), error}}).toJson(QJsonDocument::Compact), false);
    }
    if (c.closing)
        return;
    const qint64 now = m_now();
    if (socket->bytesToWrite() > 0) {
        if (c.phase != Phase::Writing) {
            c.phase = Phase::Writing;
            c.deadline = now + m_limits.writeMs;
        }
    } else if (c.parser.midRequest()) {
        // The request deadline runs from its first byte: more bytes do not extend it.
        if (c.phase != Phase::Request || !wasMidRequest) {
            c.phase = Phase::Request;
            c.deadline = now + m_limits.requestMs;
        }
    } else {
        c.phase = Phase::Idle;
        c.deadline = now + m_limits.idleMs;
    }
}

void HttpServer::writeResponse(Connection &c, int status, const QByteArray &contentType, const QByteArray &body, bool keepAlive)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    head += "Content-Type: " + contentType + "\r\n";
    head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    head += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
    c.socket->write(head + body);
    if (!keepAlive) {
        c.closing = true;
        c.phase = Phase::Writing;
        c.deadline = m_now() + m_limits.writeMs;
        // Queued: disconnectFromHost may emit disconnected (and so drop this connection) at once.
        QSslSocket *socket = c.socket;
        QMetaObject::invokeMethod(socket, [socket] { socket->disconnectFromHost(); }, Qt::QueuedConnection);
    }
}

void HttpServer::onWritten(QSslSocket *socket)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    Connection &c = *it->second;
    if (c.phase != Phase::Writing || c.closing || socket->bytesToWrite() > 0)
        return;
    const bool mid = c.parser.midRequest();
    c.phase = mid ? Phase::Request : Phase::Idle;
    c.deadline = m_now() + (mid ? m_limits.requestMs : m_limits.idleMs);
}

void HttpServer::sweep()
{
    const qint64 now = m_now();
    QList<QSslSocket *> expired;
    for (const auto &[socket, c] : m_connections)
        if (now >= c->deadline)
            expired.append(socket);
    for (QSslSocket *socket : std::as_const(expired)) {
        ++m_counters.expired;
        socket->abort();
        drop(socket);
    }
}

int HttpServer::connectionsMidRequest() const
{
    int n = 0;
    for (const auto &[socket, c] : m_connections)
        n += c->phase == Phase::Request ? 1 : 0;
    return n;
}

void HttpServer::drop(QSslSocket *socket)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    const QHostAddress peer = it->second->peer;
    m_connections.erase(it);
    if (--m_perAddress[peer] <= 0)
        m_perAddress.remove(peer);
    socket->disconnect(this);
    if (socket->state() != QAbstractSocket::UnconnectedState)
        socket->abort();
    socket->deleteLater();
}

} // namespace Kiosk::Central
