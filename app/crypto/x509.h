#pragma once
// X.509 certificates and chain verification through OpenSSL 3 (RFC 5280): the signer
// certificates of visible digital seals (ICAO 9303-13 §2.4, BSI TR-03137 §5.3) and the
// country roots (CSCA) that issued them.
#include "app/core/error.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <memory>

namespace Kiosk::Crypto {

namespace detail {
struct Access;
}

class EcPrivateKey;

class Certificate
{
public:
    [[nodiscard]] static Result<Certificate> fromDer(QByteArrayView der);
    // The first certificate of a PEM text.
    [[nodiscard]] static Result<Certificate> fromPem(QByteArrayView pem);
    // Every certificate of a file: PEM (one or more) or a single DER certificate.
    [[nodiscard]] static Result<QList<Certificate>> fromFile(const QString &path);

    [[nodiscard]] QByteArray toDer() const;
    [[nodiscard]] QByteArray toPem() const;

    [[nodiscard]] QString subjectCommonName() const;  // CN, empty when absent
    [[nodiscard]] QString subjectCountry() const;     // C, empty when absent
    [[nodiscard]] QString subjectText() const;        // RFC 2253 one-line form
    // Serial number as upper-case hex without leading zeros ("27", "1A3"); "0" for zero.
    [[nodiscard]] QString serialHex() const;
    [[nodiscard]] QDateTime notBefore() const;        // UTC
    [[nodiscard]] QDateTime notAfter() const;         // UTC
    // Size of the order of the EC key's group in bits (224, 256, 384, 521); 0 if not EC.
    [[nodiscard]] int ecOrderBits() const;

    friend bool operator==(const Certificate &a, const Certificate &b) { return a.toDer() == b.toDer(); }

private:
    friend struct detail::Access;
    struct Impl;
    explicit Certificate(std::shared_ptr<const Impl> impl);
    std::shared_ptr<const Impl> d; // immutable once parsed: sharing is safe
};

// Verifies that `leaf` chains through `intermediates` to one of `roots` with every
// certificate valid at `at` (OpenSSL's X509_verify_cert with X509_V_FLAG_USE_CHECK_TIME).
// Error codes: CERT_EXPIRED (some certificate's notAfter is before `at`),
// CERT_NOT_YET_VALID, CERT_UNTRUSTED (no path to a root), CERT_INVALID (anything else).
[[nodiscard]] Result<void> verifyChain(const Certificate &leaf, const QList<Certificate> &intermediates,
                                       const QList<Certificate> &roots, const QDateTime &at);

// What a certificate issued by `issueCertificate` says. Meant for test authorities and
// tooling: a kiosk never issues certificates.
struct CertificateSpec
{
    QString commonName;
    QString country;       // ISO 3166-1 alpha-2
    QString organization;  // optional
    QString serialHex;     // positive, e.g. "27"
    QDateTime notBefore;
    QDateTime notAfter;
    bool isCa = false;     // basicConstraints CA:TRUE + keyCertSign, else digitalSignature
};

// Issues a certificate for `subjectKey`'s public key, signed by `issuerKey` (SHA-256).
// `issuer` null means self-signed (the issuer name is the subject name).
[[nodiscard]] Result<Certificate> issueCertificate(const CertificateSpec &spec, const EcPrivateKey &subjectKey,
                                                   const EcPrivateKey &issuerKey, const Certificate *issuer);

} // namespace Kiosk::Crypto
