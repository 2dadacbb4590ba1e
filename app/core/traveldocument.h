#pragma once
// The identity a document gives, as the rest of the program sees it. The MRZ parser
// (scanner/mrz) fills it; the rules read it. It carries the *consistency* answer (every
// check digit passed) but never authenticity or admissibility: those are other answers.
#include "app/core/countrycode.h"

#include <QDate>
#include <QString>
#include <optional>

namespace Kiosk {

enum class Sex { Male, Female, Unspecified };

[[nodiscard]] QString sexToString(Sex sex); // "M", "F", "X"

enum class DocumentKind { Passport, IdentityCard, Visa, Other };

struct TravelDocument
{
    QString documentCode;          // as printed: "P", "PT", "I", "ID", "V", "AC"
    DocumentKind kind = DocumentKind::Other;
    CountryCode issuingState;
    QString documentNumber;        // whole (TD1 overflow joined)
    CountryCode nationality;
    QString surname;               // fillers turned to spaces, trimmed
    QString givenNames;            // space separated; empty for a single-name holder
    std::optional<QDate> birthDate; // absent when the day or month is unknown ("<<")
    QString birthDateRaw;          // YYMMDD as printed
    Sex sex = Sex::Unspecified;
    std::optional<QDate> expiryDate;
    QString optionalData;
    bool checkDigitsValid = false; // consistent: every applicable check digit passed

    [[nodiscard]] bool isVisa() const { return kind == DocumentKind::Visa; }
    // Expired on `date`? A passport is valid through its expiry date.
    [[nodiscard]] bool isExpiredOn(const QDate &date) const
    {
        return expiryDate.has_value() && *expiryDate < date;
    }
};

// Infers the document kind from an ICAO document code (9303-4/5/7: first letter P, I/A/C, V).
[[nodiscard]] DocumentKind documentKindFromCode(QStringView documentCode);

} // namespace Kiosk
