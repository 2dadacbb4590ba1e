#include "app/session/mrzcase.h"

#include "scanner/mrz/mrzparser.h"

namespace Kiosk::Session {

namespace {

QString isoOrRaw(const std::optional<QDate> &date, const QString &raw)
{
    return date ? date->toString(Qt::ISODate) : raw;
}

} // namespace

void fillDocumentFromMrz(Case &c, const Mrz::MrzResult &mrz)
{
    c.mrzLines = mrz.lines;
    for (const Mrz::Issue &e : mrz.errors)
        c.readErrors.append(e.message);
    for (const Mrz::Issue &w : mrz.warnings)
        c.readWarnings.append(w.message);
    if (!mrz.format)
        return; // not an MRZ: the case shows why, and no verdict is made
    c.format = Mrz::formatName(*mrz.format);
    c.document = mrz.toTravelDocument();
    c.checkDigitsValid = mrz.valid;
    c.compositeCheckOk = mrz.checks.composite;

    // Corrections are reported against field names; the "_check" suffix names the field's
    // check digit, which belongs to the same row on screen.
    const auto correctionsFor = [&mrz](const QString &key) {
        QStringList notes;
        for (const Mrz::Correction &k : mrz.corrections) {
            if (k.field == key || k.field == key + QLatin1String("_check"))
                notes.append(QStringLiteral("%1 %2: %3 → %4")
                                 .arg(k.field.endsWith(QLatin1String("_check")) ? QStringLiteral("check digit")
                                                                                : QStringLiteral("position"))
                                 .arg(k.position)
                                 .arg(k.from)
                                 .arg(k.to));
        }
        return notes.join(QStringLiteral("; "));
    };
    const auto add = [&](const QString &key, const QString &value, std::optional<bool> check) {
        const QString note = correctionsFor(key);
        c.fields.append(DocumentField{key, value, check, !note.isEmpty(), note});
    };
    add(QStringLiteral("document_code"), mrz.documentCode, std::nullopt);
    add(QStringLiteral("issuing_state"), mrz.issuingState, std::nullopt);
    add(QStringLiteral("surname"), mrz.surname, std::nullopt);
    add(QStringLiteral("given_names"), mrz.givenNames, std::nullopt);
    add(QStringLiteral("document_number"), mrz.documentNumber, mrz.checks.documentNumber);
    add(QStringLiteral("nationality"), mrz.nationality, std::nullopt);
    add(QStringLiteral("birth_date"), isoOrRaw(mrz.birthDate, mrz.birthDateRaw), mrz.checks.birthDate);
    add(QStringLiteral("sex"), mrz.sex, std::nullopt);
    add(QStringLiteral("expiry_date"), isoOrRaw(mrz.expiryDate, mrz.expiryDateRaw), mrz.checks.expiryDate);
    if (!mrz.optionalData.isEmpty() || mrz.checks.optionalData)
        add(QStringLiteral("optional_data"), mrz.optionalData, mrz.checks.optionalData);
    if (!mrz.optionalData2.isEmpty())
        add(QStringLiteral("optional_data_2"), mrz.optionalData2, std::nullopt);
}

} // namespace Kiosk::Session
