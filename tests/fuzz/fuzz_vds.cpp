// libFuzzer target for the visible digital seal decoder (ICAO 9303-13): C40, header, DER
// lengths, TLVs, the visa profile and signature verification. Any bytes give an answer,
// never a crash. A trust store with a signer "UTTS"/"1A2" (made once, in memory) lets
// inputs that name it reach the ECDSA path with arbitrary r||s.
#include "app/crypto/ecdsa.h"
#include "app/crypto/x509.h"
#include "scanner/barcode/vds/c40.h"
#include "scanner/barcode/vds/vdsjson.h"
#include "scanner/barcode/vds/vdsseal.h"
#include "scanner/barcode/vds/vdsverifier.h"
#include "scanner/barcode/vds/vdsvisa.h"

#include <QTimeZone>

#include <cstdint>
#include <cstdlib>

using namespace Kiosk;
using namespace Kiosk::Vds;

namespace {

const VdsTrustStore &store()
{
    static const VdsTrustStore s = [] {
        VdsTrustStore out;
        auto key = Crypto::EcPrivateKey::generate(Crypto::EcCurve::P256);
        if (!key)
            std::abort();
        const QDateTime from(QDate(2020, 1, 1), QTime(0, 0), QTimeZone::utc());
        const QDateTime until(QDate(2040, 1, 1), QTime(0, 0), QTimeZone::utc());
        auto root = Crypto::issueCertificate({QStringLiteral("FUZZ root"), QStringLiteral("UT"), {}, QStringLiteral("1"), from, until, true},
                                             *key, *key, nullptr);
        if (!root)
            std::abort();
        auto signer = Crypto::issueCertificate({QStringLiteral("TS"), QStringLiteral("UT"), {}, QStringLiteral("1A2"), from, until, false},
                                               *key, *key, &*root);
        if (!signer)
            std::abort();
        out.addRoot(*root);
        out.addSigner(*signer);
        return out;
    }();
    return s;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    (void)decodeC40(bytes);
    const auto seal = parseSeal(bytes);
    if (!seal)
        return 0;
    if (seal->signedData.size() > bytes.size() || seal->headerLength > seal->signedData.size())
        std::abort();
    const SignatureCheck check = verifySeal(*seal, store());
    if (check.state == SignatureState::Valid)
        std::abort(); // nobody outside this process holds the key: a fuzzed seal cannot verify
    (void)parseVisa(*seal);
    if (visaFromSeal(*seal, store()))
        std::abort(); // a seal that does not verify is never a visa
    (void)sealToJson(bytes, &store());
    return 0;
}
