#include "sync/central/httpadapter.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>

namespace Kiosk::Central {

namespace {
std::optional<QByteArray> readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    return f.readAll();
}
} // namespace

ApiResponse handleHttpRequest(CentralApi &api, const HttpRequest &request)
{
    const EventLog::RequestCredentials credentials{request.header(EventLog::kKioskIdHeader), request.header(EventLog::kTimestampHeader),
                                                   request.header(EventLog::kNonceHeader), request.header(EventLog::kSignatureHeader)};
    return api.handle(request.method, request.path, request.query, request.body, credentials);
}

HttpAdapter::HttpAdapter(CentralApi &api, ServerLimits limits, QObject *parent)
    : QObject(parent),
      m_server(std::make_unique<HttpServer>(
          [&api](const HttpRequest &request) {
              const ApiResponse r = handleHttpRequest(api, request);
              return HttpResponse{r.status, r.body};
          },
          limits))
{
}

HttpAdapter::~HttpAdapter() = default;

Result<QSslConfiguration> serverTlsConfiguration(const TlsFiles &tls)
{
    const auto certPem = readAll(tls.certificate);
    const auto keyPem = readAll(tls.key);
    if (!certPem || !keyPem)
        return fail(QStringLiteral("CENTRAL_TLS"), QStringLiteral("cannot read the TLS certificate or key"));
    const auto certs = QSslCertificate::fromData(*certPem, QSsl::Pem);
    QSslKey key(*keyPem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(*keyPem, QSsl::Rsa, QSsl::Pem);
    if (certs.isEmpty() || key.isNull())
        return fail(QStringLiteral("CENTRAL_TLS"), QStringLiteral("TLS certificate or key is not PEM (EC or RSA key)"));
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificate(certs.first());
    if (certs.size() > 1)
        config.setLocalCertificateChain(certs);
    config.setPrivateKey(key);
    config.setProtocol(QSsl::TlsV1_2OrLater);
    if (tls.clientCa.isEmpty()) {
        config.setPeerVerifyMode(QSslSocket::VerifyNone); // kiosks sign every request (requestauth.h)
    } else {
        // Mutual TLS: only kiosks with a certificate from this CA get a connection at all (the
        // event signatures are still checked: the certificate says "a kiosk", the key "which").
        const auto clientCa = readAll(tls.clientCa);
        const auto cas = clientCa ? QSslCertificate::fromData(*clientCa, QSsl::Pem) : QList<QSslCertificate>{};
        if (cas.isEmpty())
            return fail(QStringLiteral("CENTRAL_TLS"), QStringLiteral("cannot read the client CA %1").arg(tls.clientCa));
        config.setCaCertificates(cas);
        config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    }
    return config;
}

Result<quint16> HttpAdapter::listen(const QHostAddress &address, quint16 port, const TlsFiles &tls)
{
    auto config = serverTlsConfiguration(tls);
    if (!config)
        return std::unexpected(config.error());
    m_server->setTls(*config);
    if (!m_server->listen(address, port))
        return fail(QStringLiteral("CENTRAL_LISTEN"), QStringLiteral("cannot listen on %1:%2: %3").arg(address.toString()).arg(port).arg(m_server->errorString()));
    return m_server->serverPort();
}

} // namespace Kiosk::Central
