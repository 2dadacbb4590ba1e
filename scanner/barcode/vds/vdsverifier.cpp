#include "scanner/barcode/vds/vdsverifier.h"

#include "app/crypto/ecdsa.h"

#include <QTimeZone>

namespace Kiosk::Vds {

QString signatureStateToString(SignatureState state)
{
    switch (state) {
    case SignatureState::Valid: return QStringLiteral("valid");
    case SignatureState::Invalid: return QStringLiteral("invalid");
    case SignatureState::UnknownSigner: return QStringLiteral("unknown_signer");
    case SignatureState::ExpiredSigner: return QStringLiteral("expired_signer");
    case SignatureState::NotSigned: return QStringLiteral("not_signed");
    }
    return QStringLiteral("invalid");
}

SignatureCheck verifySeal(const VdsSeal &seal, const VdsTrustStore &store)
{
    SignatureCheck check;
    check.signer = seal.header.signerId + u'/' + seal.header.certReference;
    if (!seal.signature) {
        check.state = SignatureState::NotSigned;
        check.detail = QStringLiteral("the seal has no signature zone");
        return check;
    }
    const auto cert = store.findSigner(seal.header.signerId, seal.header.certReference);
    if (!cert) {
        check.state = SignatureState::UnknownSigner;
        check.detail = QStringLiteral("no signer certificate %1 in the trust store").arg(check.signer);
        return check;
    }
    check.subject = cert->subjectText();
    // The signature first: a tampered seal is "invalid" whatever its signer's dates.
    const auto ok = Crypto::verifyEcdsaRaw(*cert, seal.signedData, *seal.signature);
    if (!ok || !*ok) {
        check.state = SignatureState::Invalid;
        check.detail = ok ? QStringLiteral("the signature does not verify with the signer's key") : ok.error().message;
        return check;
    }
    const QDateTime at(seal.header.signatureDate, QTime(12, 0), QTimeZone::utc());
    const auto chain = Crypto::verifyChain(*cert, store.intermediates(), store.roots(), at);
    if (!chain) {
        const QString &code = chain.error().code;
        if (code == QLatin1String("CERT_EXPIRED") || code == QLatin1String("CERT_NOT_YET_VALID")) {
            check.state = SignatureState::ExpiredSigner;
            check.detail = QStringLiteral("signer chain not valid on the signature date %1: %2")
                               .arg(seal.header.signatureDate.toString(Qt::ISODate), chain.error().message);
        } else if (code == QLatin1String("CERT_UNTRUSTED")) {
            check.state = SignatureState::UnknownSigner;
            check.detail = QStringLiteral("signer certificate does not chain to a trusted root: %1").arg(chain.error().message);
        } else {
            check.state = SignatureState::Invalid;
            check.detail = chain.error().message;
        }
        return check;
    }
    check.state = SignatureState::Valid;
    return check;
}

} // namespace Kiosk::Vds
