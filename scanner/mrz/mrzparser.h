#pragma once
// The ICAO Doc 9303 machine readable zone: all five layouts (parts 4-7), every check digit
// (part 3 §4.9), dates against an explicit reference date, country codes (part 3 §5) and an
// optional check-digit-guided correction of OCR confusions.
//
// parse() never fails hard: a structural problem (bad character, wrong line count or length)
// is an entry in MrzResult::errors and leaves `format` empty. "Parsed", "consistent" (check
// digits) and "valid" are separate answers (architecture.md); authenticity is not ours.
#include "app/core/traveldocument.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace Kiosk::Mrz {

// ICAO 9303-4 (TD3 passports), 9303-5 (TD1 cards), 9303-6 (TD2), 9303-7 (MRV-A, MRV-B visas).
enum class Format { TD1, TD2, TD3, MRVA, MRVB };

// "TD1", "TD2", "TD3", "MRVA", "MRVB" (the JSON spelling).
[[nodiscard]] QString formatName(Format format);

struct ParseOptions
{
    // Dates are derived against this date, never against the clock (architecture.md).
    // Invalid (default): the ISO dates stay empty and a warning MRZ_NO_REFERENCE_DATE is given.
    QDate referenceDate;
    // Check-digit-guided correction of OCR confusions (O/0, I/1, B/8, ...). Off for text from
    // document readers, on for OCR output.
    bool correct = false;
};

// One character changed by the correction. `field` is the JSON name of the field
// ("document_number", "birth_date", "document_number_check", ...); `position` is the 1-based
// index of the character inside that field's value.
struct Correction
{
    QString field;
    int position = 0;
    QChar from;
    QChar to;

    friend bool operator==(const Correction &, const Correction &) = default;
};

// An error or a warning: a stable upper-case code (MRZ_*) and a message for a person.
struct Issue
{
    QString code;
    QString message;

    friend bool operator==(const Issue &, const Issue &) = default;
};

// Each check digit is reported separately: true (passes), false (fails), or empty where the
// layout has no such check (ICAO 9303-3 §4.9).
struct MrzChecks
{
    std::optional<bool> documentNumber;
    std::optional<bool> birthDate;
    std::optional<bool> expiryDate;
    std::optional<bool> optionalData; // TD3 personal number only
    std::optional<bool> composite;    // TD1, TD2, TD3 only

    // Every applicable check present passes (and at least one exists).
    [[nodiscard]] bool allPass() const;
};

struct MrzResult
{
    std::optional<Format> format; // empty when the structure is not an MRZ

    QString documentCode;   // fillers stripped: "P", "I", "ID", "V"
    QString issuingState;   // fillers stripped: "UTO", "D"
    QString surname;        // fillers turned to spaces, trimmed
    QString givenNames;     // space separated; empty for a holder with a single name
    QString documentNumber; // whole (TD1/TD2 overflow joined, 9303-5/-6 note j), fillers stripped
    QString nationality;
    std::optional<QDate> birthDate; // empty when unknown parts ("<<") or impossible
    QString birthDateRaw;           // YYMMDD as printed
    QString sex;                    // "M", "F" or "X" (ICAO '<' = unspecified)
    std::optional<QDate> expiryDate;
    QString expiryDateRaw;
    QString optionalData;   // TD3 personal number / TD1 line 1 / TD2 / MRV optional data; trailing fillers stripped
    QString optionalData2;  // TD1 line 2 optional data; empty elsewhere

    MrzChecks checks;
    bool valid = false; // structure sound, no error, every applicable check passes

    QList<Correction> corrections;
    QList<Issue> errors;
    QList<Issue> warnings;
    QStringList lines; // the lines after hygiene (and correction), as parsed

    [[nodiscard]] bool hasError(QStringView code) const;
    [[nodiscard]] bool hasWarning(QStringView code) const;

    // The identity for the rest of the program (app/core). checkDigitsValid = valid.
    [[nodiscard]] Kiosk::TravelDocument toTravelDocument() const;
};

// Parses one document (2 or 3 lines). Surrounding whitespace is trimmed, CRLF accepted,
// lower case upper-cased with a warning; any other character outside A-Z 0-9 '<' is an error
// naming its line and column.
[[nodiscard]] MrzResult parse(QStringView text, const ParseOptions &options);

// Splits a text holding several documents separated by blank lines (whitespace-only lines
// count as blank) into one view per document. Views point into `text`.
[[nodiscard]] QList<QStringView> splitDocuments(QStringView text);

} // namespace Kiosk::Mrz
