#pragma once
// The demo's visa seal (the "visa with seal" sample): an ICAO 9303-13 visible digital seal
// on an Azerbaijani visa, signed at start-up by a throw-away demo seal authority (a P-256 root
// and signer made in memory, never written anywhere but the demo's temporary trust store), so
// the console shows "signature valid" and the rules get the sealed visa. Nothing here is a
// real authority: the keys die with the demo.
#include "app/core/error.h"
#include "scanner/barcode/vds/vdstruststore.h"

#include <QByteArray>
#include <QDate>

namespace Kiosk::Session {

struct DemoVisaSealRequest
{
    QString surname;
    QString givenNames;
    QString nationality;   // holder's, ICAO 9303-3
    QDate birth;
    QChar sex = u'F';
    QString passportNumber;
    QString visaNumber;    // up to 9 characters
    QDate issued;          // the seal's issue date = the visa's first valid day
    QDate expiry;
    int days = 30;         // duration of stay
};

struct DemoVisaSeal
{
    QByteArray payload;         // the seal's bytes, as a DataMatrix would carry them
    Vds::VdsTrustStore trust;   // the demo authority's root and signer
};

// Errors: DEMO_SEAL (key generation, certificate or signature failed; the message says which).
[[nodiscard]] Result<DemoVisaSeal> makeDemoVisaSeal(const DemoVisaSealRequest &request);

} // namespace Kiosk::Session
