#pragma once
// border-central over HTTPS: CentralApi behind the service's own server (httpserver.h), with
// the certificate and key given, TLS 1.2+, and optionally mutual TLS. Nothing but byte moving
// lives here; the API is plain C++ (centralapi.h).
#include "app/core/error.h"
#include "sync/central/centralapi.h"
#include "sync/central/httpserver.h"

#include <QHostAddress>
#include <QObject>
#include <memory>

namespace Kiosk::Central {

struct TlsFiles
{
    QString certificate; // PEM
    QString key;         // PEM
    QString clientCa;    // PEM; set: kiosks must present a certificate issued by it (mutual TLS)
};

// The server side's TLS configuration from the files: TLS 1.2+, and with a client CA, kiosks
// must present a certificate it issued. Errors: CENTRAL_TLS.
[[nodiscard]] Result<QSslConfiguration> serverTlsConfiguration(const TlsFiles &tls);

// One HTTP request through the API: the kiosk's credentials from its headers, the path and
// query from its target. The server and fuzz_central_api both go through here.
[[nodiscard]] ApiResponse handleHttpRequest(CentralApi &api, const HttpRequest &request);

class HttpAdapter : public QObject
{
    Q_OBJECT
public:
    explicit HttpAdapter(CentralApi &api, ServerLimits limits = {}, QObject *parent = nullptr);
    ~HttpAdapter() override;

    // Errors: CENTRAL_TLS (unreadable certificate/key), CENTRAL_LISTEN. Returns the bound port.
    [[nodiscard]] Result<quint16> listen(const QHostAddress &address, quint16 port, const TlsFiles &tls);

    [[nodiscard]] const HttpServer &server() const { return *m_server; }

private:
    std::unique_ptr<HttpServer> m_server;
};

} // namespace Kiosk::Central
