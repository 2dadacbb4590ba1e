#pragma once
// The certificates a kiosk trusts for seals (resources/trust/vds/, see its README):
// roots/ holds the country roots (CSCA), signers/ the seal signer certificates they issued,
// intermediates/ (optional) any CA between them. Files: .pem/.crt (PEM, one or more
// certificates) or .der/.cer (one DER certificate).
#include "app/core/error.h"
#include "app/crypto/x509.h"

#include <QList>
#include <QString>
#include <optional>

namespace Kiosk::Vds {

class VdsTrustStore
{
public:
    // Loads a trust store folder. Error TRUST_STORE_UNREADABLE when the folder is missing
    // or a certificate file does not parse (a broken store is never silently half-loaded).
    [[nodiscard]] static Result<VdsTrustStore> load(const QString &folder);

    void addRoot(const Crypto::Certificate &c) { m_roots.append(c); }
    void addSigner(const Crypto::Certificate &c) { m_signers.append(c); }

    // The signer certificate a seal header names (ICAO 9303-13 §2.2.1, BSI TR-03137 Table 1):
    // subject C + CN equal to the signer identifier ("DE" + "TS" = "DETS") and the serial
    // number equal to the hex certificate reference (leading zeros and case ignored).
    [[nodiscard]] std::optional<Crypto::Certificate> findSigner(QStringView signerId, QStringView certReference) const;

    [[nodiscard]] const QList<Crypto::Certificate> &roots() const { return m_roots; }
    [[nodiscard]] const QList<Crypto::Certificate> &intermediates() const { return m_intermediates; }
    [[nodiscard]] const QList<Crypto::Certificate> &signers() const { return m_signers; }

private:
    QList<Crypto::Certificate> m_roots;
    QList<Crypto::Certificate> m_intermediates;
    QList<Crypto::Certificate> m_signers;
};

} // namespace Kiosk::Vds
