#include "tests/support/loopbackcentral.h"

#include "app/core/clock.h"

#include "sync/central/centralapi.h"
#include "sync/central/centraldatabase.h"
#include "sync/central/httpadapter.h"

#include <QProcess>
#include <QTimer>

namespace Kiosk::Test {

QString makeLoopbackTls(const QString &keyFile, const QString &certFile)
{
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                                              QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                                              QStringLiteral("-keyout"), keyFile, QStringLiteral("-out"), certFile, QStringLiteral("-days"),
                                              QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                                              QStringLiteral("subjectAltName=IP:127.0.0.1")});
    if (!openssl.waitForFinished(60000) || openssl.exitStatus() != QProcess::NormalExit || openssl.exitCode() != 0)
        return QStringLiteral("openssl req failed: ") + QString::fromLocal8Bit(openssl.readAllStandardError()) + openssl.errorString();
    return {};
}

CentralThread::CentralThread(QString dbUrl, QString cert, QString key, QList<Central::KioskRecord> enrol, quint16 port)
    : m_url(std::move(dbUrl)), m_cert(std::move(cert)), m_key(std::move(key)), m_enrol(std::move(enrol)), m_port(port)
{
}

CentralThread::~CentralThread()
{
    quit();
    wait();
}

quint16 CentralThread::startListening()
{
    auto bound = m_bound.get_future();
    start();
    return bound.get();
}

void CentralThread::run()
{
    auto db = Central::CentralDatabase::open(m_url, SystemClock());
    if (!db) {
        m_error = QStringLiteral("central database: ") + db.error().message;
        m_bound.set_value(0);
        return;
    }
    Central::CentralService service(*db);
    for (const Central::KioskRecord &k : std::as_const(m_enrol))
        (void)service.addKiosk(k); // CENTRAL_KIOSK_EXISTS on a restart: kept as enrolled
    // As border-central serves it: every request signed by an enrolled, unrevoked kiosk.
    const SystemClock clock;
    Central::RequestAuthenticator auth(service, clock);
    Central::CentralApi api(service, &auth);
    // The server and the adapter's request path, as HttpAdapter puts them together, with the
    // test's rewrite between the API and the wire.
    Central::HttpServer server([&](const Central::HttpRequest &request) {
        const Central::ApiResponse r = Central::handleHttpRequest(api, request);
        const Central::HttpResponse real{r.status, r.body};
        return m_rewrite ? m_rewrite(request, real).value_or(real) : real;
    });
    auto tls = Central::serverTlsConfiguration({m_cert, m_key, {}});
    if (!tls) {
        m_error = tls.error().code + QStringLiteral(": ") + tls.error().message;
        m_bound.set_value(0);
        return;
    }
    server.setTls(*tls);
    if (!server.listen(QHostAddress::LocalHost, m_port)) {
        m_error = QStringLiteral("CENTRAL_LISTEN: ") + server.errorString();
        m_bound.set_value(0);
        return;
    }
    m_bound.set_value(server.serverPort());
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [&] { m_verifyNs = service.verifyNanoseconds(); });
    poll.start(20);
    exec();
    m_verifyNs = service.verifyNanoseconds();
}

} // namespace Kiosk::Test
