#include "app/session/barcodecase.h"

#include "scanner/barcode/bcbp/bcbpparser.h"
#include "scanner/barcode/payload.h"
#include "scanner/barcode/vds/vdsseal.h"
#include "scanner/barcode/vds/vdsverifier.h"
#include "scanner/barcode/vds/vdsvisa.h"

namespace Kiosk::Session {

namespace {

SealSignature toSealSignature(Vds::SignatureState s)
{
    switch (s) {
    case Vds::SignatureState::Valid: return SealSignature::Valid;
    case Vds::SignatureState::UnknownSigner: return SealSignature::UnknownSigner;
    case Vds::SignatureState::NotSigned: return SealSignature::NotChecked;
    case Vds::SignatureState::Invalid:
    case Vds::SignatureState::ExpiredSigner: return SealSignature::Invalid;
    }
    return SealSignature::Invalid;
}

bool sameName(const QString &a, const QString &b)
{
    const auto norm = [](QString s) { return s.toUpper().remove(u' ').remove(u'<').remove(u'-'); };
    return !a.isEmpty() && norm(a) == norm(b);
}

} // namespace

BarcodeFill fillFromBarcode(Case &c, QByteArrayView payload, const QDate &today, const Vds::VdsTrustStore &trust, QString *problem)
{
    switch (Barcode::classifyPayload(payload)) {
    case Barcode::PayloadKind::Bcbp: {
        auto pass = Bcbp::parseBcbp(payload);
        if (!pass || pass->legs.isEmpty()) {
            *problem = pass ? QStringLiteral("boarding pass without a flight") : pass.error().message;
            return BarcodeFill::NotUseful;
        }
        const Bcbp::BcbpLeg &leg = pass->legs.front();
        BoardingPassInfo b;
        b.passengerName = pass->passengerName;
        QString number = leg.flightNumber.trimmed();
        while (number.size() > 1 && number.front() == u'0')
            number.remove(0, 1);
        b.flight = leg.operatingCarrier.trimmed() + u' ' + number;
        b.from = leg.from;
        b.to = leg.to;
        if (auto date = Bcbp::resolveDayOfFlight(leg.dayOfFlight(), today))
            b.flightDate = *date;
        b.seat = leg.seat;
        // BCBP names are truncated to 20 characters in total: compare what it holds.
        if (c.document)
            b.nameMatchesDocument = sameName(pass->surname, c.document->surname)
                && (pass->givenName.isEmpty() || c.document->givenNames.toUpper().remove(u' ').startsWith(
                        pass->givenName.toUpper().remove(u' ')));
        c.boardingPass = b;
        return BarcodeFill::BoardingPass;
    }
    case Barcode::PayloadKind::Vds: {
        auto seal = Vds::parseSeal(payload);
        if (!seal) {
            *problem = seal.error().message;
            return BarcodeFill::NotUseful;
        }
        const Vds::SignatureCheck check = Vds::verifySeal(*seal, trust);
        VisaSealInfo info;
        info.signature = toSealSignature(check.state);
        info.signer = check.subject.isEmpty() ? check.signer : QStringLiteral("%1 (%2)").arg(check.signer, check.subject);
        info.detail = check.detail;
        auto visa = Vds::parseVisa(*seal);
        if (!visa) {
            *problem = visa.error().message;
            return BarcodeFill::NotUseful;
        }
        if (c.document && !sameName(visa->passportNumber, c.document->documentNumber)) {
            info.detail += (info.detail.isEmpty() ? QString() : QStringLiteral("; "))
                + QStringLiteral("the seal is for another passport number");
            info.signature = info.signature == SealSignature::Valid ? SealSignature::Invalid : info.signature;
        }
        // Only a seal that verifies gives the rules a visa (architecture.md: authentic is its
        // own answer).
        if (info.signature == SealSignature::Valid) {
            if (auto v = Vds::visaFromSeal(*seal, trust))
                info.visa = *v;
        }
        c.seal = info;
        return BarcodeFill::VisaSeal;
    }
    case Barcode::PayloadKind::Text:
    case Barcode::PayloadKind::Binary:
        break;
    }
    *problem = QStringLiteral("the barcode is neither a boarding pass nor a visa seal");
    return BarcodeFill::NotUseful;
}

} // namespace Kiosk::Session
