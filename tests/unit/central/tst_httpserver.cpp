// border-central's server (sync/central/httpserver.h) on loopback, its deadlines driven by a
// test clock: each phase's deadline closes a connection exactly when it passes, the caps close a
// connection at accept, a refused request is answered and closed, and real HTTPS requests are
// served on a kept-alive connection. Nothing here waits for time to pass: the clock is moved and
// sweep() called; what is waited for is a socket event.
#include "sync/central/httpadapter.h"
#include "sync/central/httpserver.h"
#include "tests/support/loopbackcentral.h"

#include <QSslCertificate>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Kiosk::Central;

namespace {

ServerLimits testLimits()
{
    ServerLimits l;
    l.handshakeMs = 5000;
    l.idleMs = 15000;
    l.requestMs = 10000;
    l.writeMs = 30000;
    l.maxConnections = 4;
    l.maxConnectionsPerAddress = 2;
    return l;
}

// A server whose clock the test moves; the handler answers every request with its path.
struct Rig
{
    qint64 now = 1000;
    int handled = 0;
    HttpServer server{[this](const HttpRequest &r) {
                          ++handled;
                          return HttpResponse{200, "{\"path\":\"" + r.path.toUtf8() + "\"}"};
                      },
                      testLimits(), [this] { return now; }};
    bool listen() { return server.listen(QHostAddress::LocalHost, 0); }
    // HTTPS with a throwaway certificate for 127.0.0.1 written to `certFile` (a client pins it).
    bool listenTls(const QString &keyFile, const QString &certFile);
};

std::unique_ptr<QTcpSocket> plainClient(quint16 port, const QString &from = QStringLiteral("127.0.0.1"))
{
    auto s = std::make_unique<QTcpSocket>();
    s->bind(QHostAddress(from));
    s->connectToHost(QHostAddress::LocalHost, port);
    return s;
}

// A throwaway certificate for 127.0.0.1 and the server side's TLS configuration with it.
std::optional<QSslConfiguration> serverTls(const QString &keyFile, const QString &certFile)
{
    if (!Kiosk::Test::makeLoopbackTls(keyFile, certFile).isEmpty())
        return std::nullopt;
    auto tls = serverTlsConfiguration({certFile, keyFile, {}});
    return tls ? std::optional(*tls) : std::nullopt;
}

bool Rig::listenTls(const QString &keyFile, const QString &certFile)
{
    const auto tls = serverTls(keyFile, certFile);
    if (!tls)
        return false;
    server.setTls(*tls);
    return listen();
}

bool closedByServer(QTcpSocket &s)
{
    return QTest::qWaitFor([&] { return s.state() == QAbstractSocket::UnconnectedState; }, 5000);
}

} // namespace

class TstHttpServer : public QObject
{
    Q_OBJECT
private slots:
    void handshakeDeadlineClosesASilentTlsClient();
    void requestDeadlineRunsFromTheFirstByte();
    void idleDeadlineAfterAnAnsweredRequest();
    void perAddressCapClosesAtAccept();
    void totalCapClosesAtAccept();
    void refusedRequestIsAnsweredThenClosed();
    void httpsRequestsOnAKeptAliveConnection();
};

void TstHttpServer::handshakeDeadlineClosesASilentTlsClient()
{
    QTemporaryDir dir;
    const QString cert = dir.filePath(QStringLiteral("c.pem"));
    Rig rig;
    QVERIFY2(rig.listenTls(dir.filePath(QStringLiteral("k.pem")), cert), "openssl could not make the loopback certificate, or listen failed");
    auto silent = plainClient(rig.server.serverPort()); // TCP only: never starts TLS
    QVERIFY(QTest::qWaitFor([&] { return rig.server.connectionCount() == 1; }, 5000));
    rig.now += 4999;
    rig.server.sweep();
    QCOMPARE(rig.server.connectionCount(), 1); // one millisecond before its deadline: kept
    rig.now += 1;
    rig.server.sweep();
    QCOMPARE(rig.server.connectionCount(), 0);
    QCOMPARE(rig.server.counters().expired, 1u);
    QVERIFY(closedByServer(*silent));
}

void TstHttpServer::requestDeadlineRunsFromTheFirstByte()
{
    Rig rig;
    QVERIFY(rig.listen());
    auto slow = plainClient(rig.server.serverPort());
    QVERIFY(slow->waitForConnected(5000));
    QVERIFY(QTest::qWaitFor([&] { return rig.server.connectionCount() == 1; }, 5000));
    const qint64 start = rig.now;
    const QByteArray request = "GET /v1/health HTTP/1.1\r\nHost: c\r\n\r\n";
    slow->write(request.left(1));
    QVERIFY(QTest::qWaitFor([&] { return rig.server.connectionsMidRequest() == 1; }, 5000)); // the server has the first byte
    // A byte every second: the deadline does not move with them.
    for (int i = 1; i < 10; ++i) {
        rig.now = start + i * 1000;
        slow->write(request.mid(i, 1));
        QVERIFY(slow->waitForBytesWritten(5000));
        rig.server.sweep();
        QCOMPARE(rig.server.connectionCount(), 1);
    }
    // The server has read all ten; the deadline is 10 s after the first, not after the last.
    QVERIFY(QTest::qWaitFor([&] { return rig.server.counters().bytesRead == 10; }, 5000));
    rig.now = start + 9999;
    rig.server.sweep();
    QCOMPARE(rig.server.connectionCount(), 1);
    rig.now = start + 10000;
    rig.server.sweep();
    QCOMPARE(rig.server.connectionCount(), 0);
    QVERIFY(closedByServer(*slow));
    QCOMPARE(rig.handled, 0);
}

void TstHttpServer::idleDeadlineAfterAnAnsweredRequest()
{
    Rig rig;
    QVERIFY(rig.listen());
    auto client = plainClient(rig.server.serverPort());
    QVERIFY(client->waitForConnected(5000));
    client->write("GET /v1/health HTTP/1.1\r\nHost: c\r\n\r\n");
    QVERIFY(QTest::qWaitFor([&] { return client->bytesAvailable() > 0 && client->readAll().startsWith("HTTP/1.1 200 OK\r\n"); }, 5000));
    QCOMPARE(rig.handled, 1);
    const qint64 answered = rig.now;
    rig.now = answered + 14999;
    rig.server.sweep();
    QCOMPARE(rig.server.connectionCount(), 1); // kept alive for the next request
    rig.now = answered + 15000;
    rig.server.sweep();
    QCOMPARE(rig.server.connectionCount(), 0);
    QVERIFY(closedByServer(*client));
}

void TstHttpServer::perAddressCapClosesAtAccept()
{
    Rig rig;
    QVERIFY(rig.listen());
    const quint16 port = rig.server.serverPort();
    auto a = plainClient(port), b = plainClient(port);
    QVERIFY(QTest::qWaitFor([&] { return rig.server.connectionCount() == 2; }, 5000));
    auto third = plainClient(port); // the kernel accepts it; the server closes it at once
    QVERIFY(closedByServer(*third));
    QCOMPARE(rig.server.counters().refusedOverAddress, 1u);
    auto other = plainClient(port, QStringLiteral("127.0.0.2")); // another address is not held up
    QVERIFY(QTest::qWaitFor([&] { return rig.server.connectionCount() == 3; }, 5000));
    QCOMPARE(rig.server.connectionCount(QHostAddress(QStringLiteral("127.0.0.2"))), 1);
    // A slot freed is a slot again.
    a->abort();
    QVERIFY(QTest::qWaitFor([&] { return rig.server.connectionCount() == 2; }, 5000));
    auto again = plainClient(port);
    QVERIFY(QTest::qWaitFor([&] { return rig.server.connectionCount() == 3; }, 5000));
    QCOMPARE(rig.server.counters().refusedOverAddress, 1u);
}

void TstHttpServer::totalCapClosesAtAccept()
{
    Rig rig;
    QVERIFY(rig.listen());
    const quint16 port = rig.server.serverPort();
    std::vector<std::unique_ptr<QTcpSocket>> held;
    for (int i = 0; i < 4; ++i)
        held.push_back(plainClient(port, QStringLiteral("127.0.0.%1").arg(10 + i)));
    QVERIFY(QTest::qWaitFor([&] { return rig.server.connectionCount() == 4; }, 5000));
    auto fifth = plainClient(port, QStringLiteral("127.0.0.20"));
    QVERIFY(closedByServer(*fifth));
    QCOMPARE(rig.server.counters().refusedOverTotal, 1u);
    QCOMPARE(rig.server.connectionCount(), 4);
}

void TstHttpServer::refusedRequestIsAnsweredThenClosed()
{
    Rig rig;
    QVERIFY(rig.listen());
    auto client = plainClient(rig.server.serverPort());
    QVERIFY(client->waitForConnected(5000));
    client->write("POST /v1/events HTTP/1.1\r\nHost: c\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
    QByteArray answer;
    QVERIFY(QTest::qWaitFor([&] {
        answer += client->readAll();
        return client->state() == QAbstractSocket::UnconnectedState;
    }, 5000));
    answer += client->readAll();
    QVERIFY2(answer.startsWith("HTTP/1.1 501 Not Implemented\r\n"), answer.constData());
    QVERIFY(answer.contains("Connection: close\r\n"));
    QVERIFY(answer.contains("\"code\":\"HTTP_NOT_IMPLEMENTED\""));
    QCOMPARE(rig.handled, 0);
    QCOMPARE(rig.server.counters().refusedRequests, 1u);
}

void TstHttpServer::httpsRequestsOnAKeptAliveConnection()
{
    QTemporaryDir dir;
    const QString cert = dir.filePath(QStringLiteral("c.pem"));
    Rig rig;
    QVERIFY2(rig.listenTls(dir.filePath(QStringLiteral("k.pem")), cert), "openssl could not make the loopback certificate, or listen failed");
    QSslSocket client;
    QSslConfiguration pin = QSslConfiguration::defaultConfiguration();
    pin.setCaCertificates(QSslCertificate::fromPath(cert));
    client.setSslConfiguration(pin);
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), rig.server.serverPort());
    QVERIFY2(QTest::qWaitFor([&] { return client.isEncrypted(); }, 10000), qPrintable(client.errorString()));
    // Two requests in one write (pipelined), answered in order on the same connection.
    client.write("GET /one HTTP/1.1\r\nHost: c\r\n\r\nGET /two HTTP/1.1\r\nHost: c\r\n\r\n");
    QByteArray answer;
    QVERIFY(QTest::qWaitFor([&] {
        answer += client.readAll();
        return answer.count("HTTP/1.1 200 OK") == 2;
    }, 10000));
    QVERIFY(answer.indexOf("{\"path\":\"/one\"}") < answer.indexOf("{\"path\":\"/two\"}"));
    QVERIFY(answer.contains("Connection: keep-alive\r\n"));
    QCOMPARE(rig.handled, 2);
    QCOMPARE(rig.server.connectionCount(), 1);
}

QTEST_GUILESS_MAIN(TstHttpServer)
#include "tst_httpserver.moc"
