#pragma once
// A test issuing authority for visible digital seals: a root (CSCA-like) and a seal signer
// generated fresh with OpenSSL (through kiosk_crypto) at test time, a writer of visa seals
// (ICAO 9303-13 §9 visa profile) and DataMatrix rendering with ZXing's writer.
// Only for tests: the keys live in memory and the names say TEST.
#include "app/core/error.h"
#include "app/crypto/ecdsa.h"
#include "app/crypto/x509.h"
#include "scanner/barcode/vds/vdsseal.h"
#include "scanner/barcode/vds/vdstruststore.h"

#include <QDate>
#include <QImage>
#include <QList>
#include <QString>
#include <array>
#include <optional>

namespace Kiosk::Test {

struct VdsAuthorityOptions
{
    QString country = QStringLiteral("UT");    // ISO 3166 user-assigned "Utopia"-style code
    QString signerCn = QStringLiteral("TS");   // signer id = country + CN = "UTTS"
    QString certReference = QStringLiteral("1A2");
    Crypto::EcCurve curve = Crypto::EcCurve::P256;
    QDate rootFrom = QDate(2020, 1, 1);
    QDate rootUntil = QDate(2040, 1, 1);
    QDate signerFrom = QDate(2024, 1, 1);
    QDate signerUntil = QDate(2030, 1, 1);
};

class VdsAuthority
{
public:
    [[nodiscard]] static Result<VdsAuthority> create(const VdsAuthorityOptions &options = {});

    [[nodiscard]] QString signerId() const { return m_options.country + m_options.signerCn; }
    [[nodiscard]] QString certReference() const { return m_options.certReference; }
    [[nodiscard]] const Crypto::Certificate &root() const { return m_root; }
    [[nodiscard]] const Crypto::Certificate &signer() const { return m_signer; }
    [[nodiscard]] const Crypto::EcPrivateKey &signerKey() const { return m_signerKey; }

    // A store trusting this authority's root and knowing its signer.
    [[nodiscard]] Vds::VdsTrustStore trustStore() const;
    // Writes roots/test-root.pem and signers/test-signer.pem under `folder`.
    [[nodiscard]] Result<void> writeTrustStore(const QString &folder) const;

    // header + features, signed with this authority's signer key (signer id and reference
    // put into the header). `sign` false leaves the signature zone out.
    [[nodiscard]] Result<QByteArray> seal(Vds::VdsHeader header, const QList<Vds::VdsFeature> &features, bool sign = true) const;

private:
    VdsAuthority(VdsAuthorityOptions o, Crypto::EcPrivateKey rk, Crypto::Certificate r, Crypto::EcPrivateKey sk, Crypto::Certificate s)
        : m_options(std::move(o)), m_rootKey(std::move(rk)), m_root(std::move(r)), m_signerKey(std::move(sk)), m_signer(std::move(s)) {}
    VdsAuthorityOptions m_options;
    Crypto::EcPrivateKey m_rootKey;
    Crypto::Certificate m_root;
    Crypto::EcPrivateKey m_signerKey;
    Crypto::Certificate m_signer;
};

// A synthetic visa as the seal carries it.
struct TestVisa
{
    bool mrvA = false;                 // MRV-A (tag 0x01) or MRV-B (tag 0x02)
    QString mrzLine1;                  // 44 (A) or 36 (B) characters
    QString mrzLine2;                  // at least 28 characters (the rest is not sealed)
    std::optional<int> numberOfEntries = 1;
    std::optional<std::array<int, 3>> durationOfStay = std::array<int, 3>{30, 0, 0};
    QString passportNumber = QStringLiteral("UT0000001");
    QByteArray visaType;               // empty: no feature 0x06
    QByteArray additionalFeature;      // empty: no feature 0x07
    QList<Vds::VdsFeature> extraFeatures; // unknown tags, appended
    QDate issueDate = QDate(2026, 3, 1);
    QDate signatureDate = QDate(2026, 3, 2);
    int version = 4;
};

// The specimen: MRV-B of a synthetic Utopian visa for a synthetic traveller, check digits right.
[[nodiscard]] TestVisa specimenVisa();

// The features of `visa` in the visa profile's order.
[[nodiscard]] Result<QList<Vds::VdsFeature>> visaFeatures(const TestVisa &visa);
// A signed seal for `visa` (header: issuing country UTO, feature ref 0x5D, category 0x01).
[[nodiscard]] Result<QByteArray> writeVisaSeal(const TestVisa &visa, const VdsAuthority &authority, bool sign = true);

// `bytes` as a DataMatrix (binary-safe: each byte becomes one code point 0-255), with
// `modulePixels` per module and a quiet zone of `marginModules` modules. Grayscale8.
[[nodiscard]] QImage renderDataMatrix(QByteArrayView bytes, int modulePixels = 4, int marginModules = 2);
// Text as PDF417, Aztec or QR ("pdf417", "aztec", "qrcode"), for boarding-pass images.
[[nodiscard]] QImage renderBarcode(const QString &format, QByteArrayView bytes, int width, int height);

// Degradations for decode tests: box blur of `radius`, rotation by `degrees` on white,
// scaling by `factor` (smooth).
[[nodiscard]] QImage blurred(const QImage &image, int radius);
[[nodiscard]] QImage rotated(const QImage &image, double degrees);
[[nodiscard]] QImage scaled(const QImage &image, double factor);
// `symbol` placed at (x, y) of a white `width` x `height` Grayscale8 frame.
[[nodiscard]] QImage placedInFrame(const QImage &symbol, int width, int height, int x, int y);

} // namespace Kiosk::Test
