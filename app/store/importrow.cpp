#include "app/store/importrow.h"

#include "app/core/wholenumber.h"
#include "app/store/personrepository.h"

#include <QJsonObject>

#include <array>
#include <utility>

namespace Kiosk::Store {

namespace {

constexpr std::array<std::pair<ImportKind, const char16_t *>, 4> kKinds{{
    {ImportKind::Watchlist, u"watchlist"},
    {ImportKind::Permits, u"permits"},
    {ImportKind::Visas, u"visas"},
    {ImportKind::Crossings, u"crossings"},
}};

const QStringList kPersonColumns{QStringLiteral("issuing_state"), QStringLiteral("document_number"),
                                 QStringLiteral("nationality"),   QStringLiteral("surname"),
                                 QStringLiteral("given_names"),   QStringLiteral("birth_date"),
                                 QStringLiteral("document_code"), QStringLiteral("expiry_date")};

} // namespace

QSet<QString> importColumns(ImportKind kind, PersonColumns person)
{
    const QStringList personColumns = person == PersonColumns::Required ? kPersonColumns : QStringList();
    QStringList cols;
    switch (kind) {
    case ImportKind::Crossings:
        cols = personColumns
            + QStringList{QStringLiteral("direction"), QStringLiteral("date"), QStringLiteral("checkpoint"),
                          QStringLiteral("kiosk_id"), QStringLiteral("event_id")};
        break;
    case ImportKind::Visas:
        cols = personColumns
            + QStringList{QStringLiteral("valid_from"), QStringLiteral("valid_until"), QStringLiteral("days"),
                          QStringLiteral("entries"), QStringLiteral("number")};
        break;
    case ImportKind::Permits:
        cols = personColumns
            + QStringList{QStringLiteral("kind"), QStringLiteral("valid_from"), QStringLiteral("valid_until"),
                          QStringLiteral("number")};
        break;
    case ImportKind::Watchlist:
        cols = QStringList{QStringLiteral("kind"),          QStringLiteral("id"),
                           QStringLiteral("surname"),       QStringLiteral("given_names"),
                           QStringLiteral("birth_date"),    QStringLiteral("nationality"),
                           QStringLiteral("issuing_state"), QStringLiteral("document_number"),
                           QStringLiteral("basis"),         QStringLiteral("valid_from"),
                           QStringLiteral("valid_until")};
        break;
    }
    return QSet<QString>(cols.begin(), cols.end());
}

ImportRecord importRecordFromJson(int line, int index, const QJsonValue &value, const QSet<QString> &allowed)
{
    ImportRecord r;
    r.index = index;
    r.line = line;
    if (!value.isObject()) {
        r.shapeErrors.append({r.line, r.index, QString(), QStringLiteral("record is not a JSON object")});
        return r;
    }
    const QJsonObject obj = value.toObject();
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        const QString key = it.key();
        if (!allowed.contains(key)) {
            r.shapeErrors.append({r.line, r.index, key, QStringLiteral("unknown field")});
            continue;
        }
        const QJsonValue v = it.value();
        if (v.isString()) {
            r.fields.insert(key, v.toString().trimmed());
        } else if (v.isDouble()) {
            if (const auto n = wholeNumber(v.toDouble()))
                r.fields.insert(key, QString::number(*n));
            else
                r.shapeErrors.append({r.line, r.index, key, QStringLiteral("not a whole number")});
        } else if (!v.isNull()) {
            r.shapeErrors.append({r.line, r.index, key, QStringLiteral("must be a string, a number or null")});
        }
    }
    return r;
}

namespace {

class FieldReader
{
public:
    FieldReader(const ImportRecord &raw, QList<ImportRowError> &errors) : m_raw(raw), m_errors(errors) {}

    void error(const QString &field, const QString &message) { m_errors.append({m_raw.line, m_raw.index, field, message}); }

    QString text(const QString &field, bool required)
    {
        const QString v = m_raw.fields.value(field);
        if (required && v.isEmpty())
            error(field, QStringLiteral("required"));
        return v;
    }
    std::optional<QDate> date(const QString &field, bool required)
    {
        const QString v = text(field, required);
        if (v.isEmpty())
            return std::nullopt;
        // Strict ISO 8601 calendar date: exactly YYYY-MM-DD.
        const QDate d = v.size() == 10 ? QDate::fromString(v, Qt::ISODate) : QDate();
        if (!d.isValid()) {
            error(field, QStringLiteral("not a date (YYYY-MM-DD)"));
            return std::nullopt;
        }
        return d;
    }
    std::optional<int> count(const QString &field, bool required)
    {
        const QString v = text(field, required);
        if (v.isEmpty())
            return std::nullopt;
        bool ok = false;
        const int n = v.toInt(&ok);
        if (!ok || n < 0) {
            error(field, QStringLiteral("not a whole number >= 0"));
            return std::nullopt;
        }
        return n;
    }
    std::optional<CountryCode> country(const QString &field, bool required)
    {
        const QString v = text(field, required);
        if (v.isEmpty())
            return std::nullopt;
        auto c = CountryCode::fromString(v.toUpper());
        if (!c)
            error(field, QStringLiteral("not an ICAO 9303-3 country code"));
        return c;
    }

private:
    const ImportRecord &m_raw;
    QList<ImportRowError> &m_errors;
};

void readPerson(FieldReader &f, ImportRow &rec)
{
    rec.document.issuingState = f.country(QStringLiteral("issuing_state"), true).value_or(CountryCode());
    rec.document.documentNumber = PersonRepository::normaliseDocumentNumber(f.text(QStringLiteral("document_number"), true));
    rec.document.nationality = f.country(QStringLiteral("nationality"), true).value_or(CountryCode());
    rec.document.surname = f.text(QStringLiteral("surname"), true);
    rec.document.givenNames = f.text(QStringLiteral("given_names"), false);
    rec.document.birthDate = f.date(QStringLiteral("birth_date"), false);
    rec.document.expiryDate = f.date(QStringLiteral("expiry_date"), false);
    const QString code = f.text(QStringLiteral("document_code"), false);
    rec.document.documentCode = code.isEmpty() ? QStringLiteral("P") : code.toUpper();
    rec.document.kind = documentKindFromCode(rec.document.documentCode);
}

void checkValidity(FieldReader &f, const std::optional<QDate> &from, const std::optional<QDate> &until)
{
    if (from && until && *from > *until)
        f.error(QStringLiteral("valid_until"), QStringLiteral("before valid_from"));
}

void readCrossing(FieldReader &f, ImportRow &rec)
{
    const QString dir = f.text(QStringLiteral("direction"), true);
    if (auto d = directionFromString(dir))
        rec.crossing.direction = *d;
    else if (!dir.isEmpty())
        f.error(QStringLiteral("direction"), QStringLiteral("must be entry or exit"));
    rec.crossing.date = f.date(QStringLiteral("date"), true).value_or(QDate());
    rec.crossing.checkpoint = f.text(QStringLiteral("checkpoint"), false);
    rec.kioskId = f.text(QStringLiteral("kiosk_id"), false);
    rec.eventId = f.text(QStringLiteral("event_id"), false);
}

void readVisa(FieldReader &f, ImportRow &rec)
{
    const auto from = f.date(QStringLiteral("valid_from"), true);
    const auto until = f.date(QStringLiteral("valid_until"), true);
    checkValidity(f, from, until);
    rec.visa.validFrom = from.value_or(QDate());
    rec.visa.validUntil = until.value_or(QDate());
    rec.visa.days = f.count(QStringLiteral("days"), true).value_or(0);
    rec.visa.entries = f.count(QStringLiteral("entries"), false).value_or(0);
    rec.visa.number = f.text(QStringLiteral("number"), false);
    rec.visa.source = QStringLiteral("register");
}

void readPermit(FieldReader &f, ImportRow &rec)
{
    const QString k = f.text(QStringLiteral("kind"), true);
    if (auto pk = permitKindFromString(k))
        rec.permit.kind = *pk;
    else if (!k.isEmpty())
        f.error(QStringLiteral("kind"), QStringLiteral("must be temporary_residence, permanent_residence or work"));
    const auto from = f.date(QStringLiteral("valid_from"), true);
    const auto until = f.date(QStringLiteral("valid_until"), true);
    checkValidity(f, from, until);
    rec.permit.validFrom = from.value_or(QDate());
    rec.permit.validUntil = until.value_or(QDate());
    rec.permit.number = f.text(QStringLiteral("number"), false);
}

// What an entry must name: a whole document (state and number) and/or a person, as its kind needs.
void checkWatchlistTarget(FieldReader &f, const ImportRow &rec, bool kindGiven)
{
    const WatchlistEntry &e = rec.entry;
    const bool hasDocument = e.issuingState.has_value() && !e.documentNumber.isEmpty();
    if (e.issuingState.has_value() != !e.documentNumber.isEmpty())
        f.error(e.documentNumber.isEmpty() ? QStringLiteral("document_number") : QStringLiteral("issuing_state"),
                QStringLiteral("a document needs both issuing_state and document_number"));
    if (e.kind == WatchlistKind::StolenDocument && !hasDocument && kindGiven)
        f.error(QStringLiteral("document_number"), QStringLiteral("required for stolen_document"));
    else if (e.kind != WatchlistKind::StolenDocument && e.surname.isEmpty() && !hasDocument)
        f.error(QStringLiteral("surname"), QStringLiteral("a person entry needs a surname (or a document)"));
    if (e.kind == WatchlistKind::ExitRestriction && e.surname.isEmpty())
        f.error(QStringLiteral("surname"), QStringLiteral("required for exit_restriction"));
    if (e.kind != WatchlistKind::ExitRestriction && (rec.validity.from || rec.validity.until))
        f.error(QStringLiteral("valid_from"), QStringLiteral("only exit_restriction entries have a validity"));
}

void readWatchlistEntry(FieldReader &f, ImportRow &rec)
{
    const QString k = f.text(QStringLiteral("kind"), true);
    if (auto wk = watchlistKindFromString(k))
        rec.entry.kind = *wk;
    else if (!k.isEmpty())
        f.error(QStringLiteral("kind"), QStringLiteral("must be entry_ban, stolen_document, wanted, protected_person or exit_restriction"));
    rec.entry.id = f.text(QStringLiteral("id"), true);
    rec.entry.surname = f.text(QStringLiteral("surname"), false);
    rec.entry.givenNames = f.text(QStringLiteral("given_names"), false);
    rec.entry.birthDate = f.date(QStringLiteral("birth_date"), false);
    rec.entry.nationality = f.country(QStringLiteral("nationality"), false);
    rec.entry.issuingState = f.country(QStringLiteral("issuing_state"), false);
    rec.entry.documentNumber = PersonRepository::normaliseDocumentNumber(f.text(QStringLiteral("document_number"), false));
    rec.entry.basis = f.text(QStringLiteral("basis"), false);
    rec.validity.from = f.date(QStringLiteral("valid_from"), false);
    rec.validity.until = f.date(QStringLiteral("valid_until"), false);
    checkValidity(f, rec.validity.from, rec.validity.until);
    checkWatchlistTarget(f, rec, !k.isEmpty());
}

} // namespace

std::optional<ImportKind> importKindFromString(QStringView text)
{
    for (const auto &[k, name] : kKinds) {
        if (text == QStringView(name))
            return k;
    }
    return std::nullopt;
}

QString importKindToString(ImportKind kind)
{
    for (const auto &[k, name] : kKinds) {
        if (k == kind)
            return QString::fromUtf16(name);
    }
    return {};
}

std::expected<ImportRow, QList<ImportRowError>> validateImportRow(ImportKind kind, const ImportRecord &record, PersonColumns person)
{
    QList<ImportRowError> errors = record.shapeErrors;
    ImportRow rec;
    rec.line = record.line;
    rec.index = record.index;
    // A record whose every field was refused has nothing more to say.
    if (record.shapeErrors.isEmpty() || !record.fields.isEmpty()) {
        FieldReader f(record, errors);
        if (kind != ImportKind::Watchlist && person == PersonColumns::Required)
            readPerson(f, rec);
        switch (kind) {
        case ImportKind::Crossings:
            readCrossing(f, rec);
            break;
        case ImportKind::Visas:
            readVisa(f, rec);
            break;
        case ImportKind::Permits:
            readPermit(f, rec);
            break;
        case ImportKind::Watchlist:
            readWatchlistEntry(f, rec);
            break;
        }
    }
    if (!errors.isEmpty())
        return std::unexpected(std::move(errors));
    return rec;
}

} // namespace Kiosk::Store
