#pragma once
// The thin QtHttpServer adapter over CentralApi (QtHttpServer is a technology preview in Qt
// 6.4: nothing but byte moving lives here). HTTPS with the given certificate and key; TLS 1.2+.
#include "app/core/error.h"
#include "sync/central/centralapi.h"

#include <QHostAddress>
#include <QObject>
#include <memory>

class QHttpServer;

namespace Kiosk::Central {

struct TlsFiles
{
    QString certificate; // PEM
    QString key;         // PEM
    QString clientCa;    // PEM; set: kiosks must present a certificate issued by it (mutual TLS)
};

class HttpAdapter : public QObject
{
    Q_OBJECT
public:
    explicit HttpAdapter(CentralApi &api, QObject *parent = nullptr);
    ~HttpAdapter() override;

    // Errors: CENTRAL_TLS (unreadable certificate/key), CENTRAL_LISTEN. Returns the bound port.
    [[nodiscard]] Result<quint16> listen(const QHostAddress &address, quint16 port, const TlsFiles &tls);

private:
    CentralApi &m_api;
    std::unique_ptr<QHttpServer> m_server;
};

} // namespace Kiosk::Central
