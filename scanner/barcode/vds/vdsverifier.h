#pragma once
// Is a decoded seal authentic? ICAO 9303-13 §2.4 / §4: the signature zone holds a raw
// ECDSA r||s over header + message zone, made with the key of the signer certificate the
// header names; that certificate must chain to a trusted root and be valid on the
// signature creation date.
#include "scanner/barcode/vds/vdsseal.h"
#include "scanner/barcode/vds/vdstruststore.h"

#include <QString>

namespace Kiosk::Vds {

enum class SignatureState { Valid, Invalid, UnknownSigner, ExpiredSigner, NotSigned };

// valid | invalid | unknown_signer | expired_signer | not_signed
[[nodiscard]] QString signatureStateToString(SignatureState state);

struct SignatureCheck
{
    SignatureState state = SignatureState::NotSigned;
    QString signer;   // "DETS/27": identifier and reference from the header
    QString subject;  // the signer certificate's subject, when found
    QString detail;   // why, for a person
};

// The seal's signature date is taken at 12:00 UTC for the validity check: the header
// carries a date only, and noon keeps it the same calendar day in every time zone
// within ±12 h.
[[nodiscard]] SignatureCheck verifySeal(const VdsSeal &seal, const VdsTrustStore &store);

} // namespace Kiosk::Vds
