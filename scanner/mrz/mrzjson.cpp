#include "scanner/mrz/mrzjson.h"

#include "scanner/mrz/countrycodes.h"

#include <QJsonArray>

namespace Kiosk::Mrz {

namespace {

QJsonValue check(const std::optional<bool> &c)
{
    return c ? QJsonValue(*c) : QJsonValue(QJsonValue::Null);
}

QJsonValue date(const std::optional<QDate> &d)
{
    return d ? QJsonValue(d->toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QJsonArray issues(const QList<Issue> &list)
{
    QJsonArray out;
    for (const Issue &i : list)
        out.append(QJsonObject{{QStringLiteral("code"), i.code}, {QStringLiteral("message"), i.message}});
    return out;
}

QString mark(const std::optional<bool> &c)
{
    if (!c)
        return QStringLiteral("n/a");
    return *c ? QStringLiteral("ok") : QStringLiteral("FAILED");
}

QString withCountry(const QString &code)
{
    const std::optional<QString> name = countryName(code);
    return name ? QStringLiteral("%1 (%2)").arg(code, *name) : code;
}

} // namespace

QJsonObject toJson(const MrzResult &r)
{
    QJsonObject o;
    const bool parsed = r.format.has_value();
    // Before a layout is known there are no fields: null, not empty strings.
    const auto text = [parsed](const QString &s) { return parsed ? QJsonValue(s) : QJsonValue(QJsonValue::Null); };
    o.insert(QStringLiteral("format"), parsed ? QJsonValue(formatName(*r.format)) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("document_code"), text(r.documentCode));
    o.insert(QStringLiteral("issuing_state"), text(r.issuingState));
    o.insert(QStringLiteral("surname"), text(r.surname));
    o.insert(QStringLiteral("given_names"), text(r.givenNames));
    o.insert(QStringLiteral("document_number"), text(r.documentNumber));
    o.insert(QStringLiteral("nationality"), text(r.nationality));
    o.insert(QStringLiteral("birth_date"), date(r.birthDate));
    o.insert(QStringLiteral("birth_date_raw"), text(r.birthDateRaw));
    o.insert(QStringLiteral("sex"), text(r.sex));
    o.insert(QStringLiteral("expiry_date"), date(r.expiryDate));
    o.insert(QStringLiteral("expiry_date_raw"), text(r.expiryDateRaw));
    o.insert(QStringLiteral("optional_data"), text(r.optionalData));
    o.insert(QStringLiteral("optional_data_2"), text(r.optionalData2));
    o.insert(QStringLiteral("checks"), QJsonObject{
                                           {QStringLiteral("document_number"), check(r.checks.documentNumber)},
                                           {QStringLiteral("birth_date"), check(r.checks.birthDate)},
                                           {QStringLiteral("expiry_date"), check(r.checks.expiryDate)},
                                           {QStringLiteral("optional_data"), check(r.checks.optionalData)},
                                           {QStringLiteral("composite"), check(r.checks.composite)},
                                       });
    o.insert(QStringLiteral("valid"), r.valid);
    QJsonArray corrections;
    for (const Correction &c : r.corrections) {
        corrections.append(QJsonObject{{QStringLiteral("field"), c.field},
                                       {QStringLiteral("position"), c.position},
                                       {QStringLiteral("from"), QString(c.from)},
                                       {QStringLiteral("to"), QString(c.to)}});
    }
    o.insert(QStringLiteral("corrections"), corrections);
    o.insert(QStringLiteral("errors"), issues(r.errors));
    o.insert(QStringLiteral("warnings"), issues(r.warnings));
    return o;
}

QString toPrettyText(const MrzResult &r)
{
    QStringList out;
    const auto line = [&out](const char *label, const QString &value) {
        out.append(QStringLiteral("  %1 %2").arg(QLatin1String(label), -16).arg(value));
    };
    out.append(QStringLiteral("%1  %2").arg(r.format ? formatName(*r.format) : QStringLiteral("not an MRZ"),
                                            r.valid ? QStringLiteral("VALID") : QStringLiteral("INVALID")));
    if (r.format) {
        line("Document code", r.documentCode);
        line("Issuing state", withCountry(r.issuingState));
        line("Surname", r.surname);
        line("Given names", r.givenNames.isEmpty() ? QStringLiteral("(none)") : r.givenNames);
        line("Document number", QStringLiteral("%1  [check %2]").arg(r.documentNumber, mark(r.checks.documentNumber)));
        line("Nationality", withCountry(r.nationality));
        line("Birth date", QStringLiteral("%1 (%2)  [check %3]")
                               .arg(r.birthDate ? r.birthDate->toString(Qt::ISODate) : QStringLiteral("unknown"), r.birthDateRaw,
                                    mark(r.checks.birthDate)));
        line("Sex", r.sex);
        line("Expiry date", QStringLiteral("%1 (%2)  [check %3]")
                                .arg(r.expiryDate ? r.expiryDate->toString(Qt::ISODate) : QStringLiteral("unknown"), r.expiryDateRaw,
                                     mark(r.checks.expiryDate)));
        line("Optional data", QStringLiteral("%1%2").arg(r.optionalData.isEmpty() ? QStringLiteral("(none)") : r.optionalData,
                                                          r.checks.optionalData ? QStringLiteral("  [check %1]").arg(mark(r.checks.optionalData)) : QString()));
        if (r.format == Format::TD1)
            line("Optional data 2", r.optionalData2.isEmpty() ? QStringLiteral("(none)") : r.optionalData2);
        line("Composite check", mark(r.checks.composite));
    }
    for (const Correction &c : r.corrections)
        out.append(QStringLiteral("  corrected: %1 position %2: %3 -> %4").arg(c.field).arg(c.position).arg(c.from).arg(c.to));
    for (const Issue &i : r.errors)
        out.append(QStringLiteral("  error   %1: %2").arg(i.code, i.message));
    for (const Issue &i : r.warnings)
        out.append(QStringLiteral("  warning %1: %2").arg(i.code, i.message));
    return out.join(u'\n');
}

} // namespace Kiosk::Mrz
