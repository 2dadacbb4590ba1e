#include "sync/central/httpadapter.h"

#include <QFile>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>

namespace Kiosk::Central {

namespace {
QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Head: return "HEAD";
    default: return "OTHER";
    }
}

std::optional<QByteArray> readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    return f.readAll();
}
} // namespace

HttpAdapter::HttpAdapter(CentralApi &api, QObject *parent) : QObject(parent), m_api(api), m_server(std::make_unique<QHttpServer>())
{
    // Every request goes to CentralApi: the routing is ours, not the preview's.
    m_server->setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        const EventLog::RequestCredentials credentials{request.value(EventLog::kKioskIdHeader), request.value(EventLog::kTimestampHeader),
                                                       request.value(EventLog::kNonceHeader), request.value(EventLog::kSignatureHeader)};
        const ApiResponse r = m_api.handle(methodName(request.method()), request.url().path(), request.query(), request.body(), credentials);
        responder.write(r.body, QByteArrayLiteral("application/json"), static_cast<QHttpServerResponder::StatusCode>(r.status));
    });
}

HttpAdapter::~HttpAdapter() = default;

Result<quint16> HttpAdapter::listen(const QHostAddress &address, quint16 port, const TlsFiles &tls)
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
    m_server->sslSetup(config);
    const quint16 bound = m_server->listen(address, port);
    if (bound == 0)
        return fail(QStringLiteral("CENTRAL_LISTEN"), QStringLiteral("cannot listen on %1:%2").arg(address.toString()).arg(port));
    return bound;
}

} // namespace Kiosk::Central
