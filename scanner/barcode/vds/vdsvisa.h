#pragma once
// The visa profile of the visible digital seal (ICAO 9303-13 §9 "Visa", BSI TR-03137 §5):
// feature definition reference 0x5D, document type category 0x01, and the features
//   0x01 MRZ of an MRV-A (48 bytes C40: 44 + 28 characters)
//   0x02 MRZ of an MRV-B (44 bytes C40: 36 + 28 characters)
//   0x03 number of entries (1 byte, 0 = multiple)
//   0x04 duration of stay (3 bytes: days, months, years)
//   0x05 passport number (6 bytes C40, 9 characters)
//   0x06 visa type (1-4 bytes, binary)
//   0x07 additional feature (0-254 bytes, binary)
// Line 2 of the MRZ stops after the expiry check digit: the optional data is not sealed.
#include "app/core/checkinputs.h"
#include "scanner/barcode/vds/vdsseal.h"
#include "scanner/barcode/vds/vdstruststore.h"

#include <QDate>
#include <QString>
#include <optional>

namespace Kiosk::Vds {

inline constexpr quint8 kVisaFeatureRef = 0x5D;
inline constexpr quint8 kVisaDocTypeCategory = 0x01;

enum class VisaTag : quint8 {
    MrzMrvA = 0x01, MrzMrvB = 0x02, NumberOfEntries = 0x03, DurationOfStay = 0x04,
    PassportNumber = 0x05, VisaType = 0x06, AdditionalFeature = 0x07,
};

struct DurationOfStay
{
    int days = 0;
    int months = 0;
    int years = 0;
    friend bool operator==(const DurationOfStay &, const DurationOfStay &) = default;
};

struct VdsVisa
{
    enum class MrzType { MrvA, MrvB };
    MrzType mrzType = MrzType::MrvB;
    QString mrzLine1;          // full line 1 (44 or 36 characters), '<' fillers
    QString mrzLine2;          // the 28 sealed characters of line 2
    std::optional<int> numberOfEntries;
    std::optional<DurationOfStay> durationOfStay;
    QString passportNumber;    // fillers stripped
    QByteArray visaType;
    QByteArray additionalFeature;

    // From the MRZ (ICAO 9303-7 §4.2.2 layout of MRV-A/B):
    QString documentCode;      // "V" or "VC"...
    QString issuingState;      // fillers stripped
    QString surname;
    QString givenNames;
    QString visaNumber;        // document number field, fillers stripped
    QString nationality;
    QString birthDateRaw;      // YYMMDD
    QString sex;               // M, F or <
    std::optional<QDate> validUntil; // 20YY
    bool checkDigitsValid = false;   // visa number, birth date and expiry check digits
};

// The visa fields of a decoded seal; says nothing about authenticity. Errors:
// VDS_NOT_A_VISA (other profile), VDS_VISA_MRZ_MISSING, VDS_BAD_FEATURE (a known tag with
// the wrong length or content; the message names the tag).
[[nodiscard]] Result<VdsVisa> parseVisa(const VdsSeal &seal);

// A visa for the rules, from a seal that VERIFIES against `store` (verifySeal == valid);
// anything else is an error (VDS_SIGNATURE_NOT_VALID with the state), never a visa.
// validFrom is the seal's document issue date (the visa MRZ carries no start date);
// validUntil the MRZ expiry; days = days + 30 x months + 365 x years of the duration of
// stay (a month counted short, so the stay is never overstated); entries 0 = multiple.
[[nodiscard]] Result<Kiosk::Visa> visaFromSeal(const VdsSeal &seal, const VdsTrustStore &store);

} // namespace Kiosk::Vds
