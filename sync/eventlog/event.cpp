#include "sync/eventlog/event.h"

#include "app/crypto/sha256.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace Kiosk::EventLog {

namespace {

Error invalid(const QString &field, const QString &why)
{
    return Error{QStringLiteral("EVENT_INVALID"), QStringLiteral("event field '%1' %2").arg(field, why)};
}

// Offset-preserving ISO 8601 with seconds: "2026-11-29T09:15:00+04:00".
QString isoWithOffset(const QDateTime &dt)
{
    const QDateTime fixed = dt.toOffsetFromUtc(dt.offsetFromUtc());
    QString text = fixed.toString(Qt::ISODate);
    if (text.endsWith(u'Z')) { // offset 0 prints as Z; keep one spelling
        text.chop(1);
        text += QStringLiteral("+00:00");
    }
    return text;
}

} // namespace

QByteArray genesisHash()
{
    return QByteArray(32, '\0');
}

QByteArray SignedEvent::hash() const
{
    return Crypto::sha256(bytes);
}

Result<QByteArray> canonicalBytes(const Event &e)
{
    if (QUuid::fromString(e.id).isNull())
        return std::unexpected(invalid(QStringLiteral("id"), QStringLiteral("is not a UUID")));
    if (e.kioskId.isEmpty())
        return std::unexpected(invalid(QStringLiteral("kioskId"), QStringLiteral("is empty")));
    if (e.sequence < 1 || e.sequence > MaxSequence)
        return std::unexpected(invalid(QStringLiteral("sequence"), QStringLiteral("is outside 1..2^53-1")));
    if (e.prevHash.size() != 32)
        return std::unexpected(invalid(QStringLiteral("prevHash"), QStringLiteral("is not 32 bytes")));
    if (!e.recordedAt.isValid())
        return std::unexpected(invalid(QStringLiteral("recordedAt"), QStringLiteral("is not a valid date-time")));
    if (!verdictFromString(e.verdict))
        return std::unexpected(invalid(QStringLiteral("verdict"), QStringLiteral("is not ADMIT, REFER or REFUSE")));
    static const QStringList kinds{QStringLiteral("crossing"), QStringLiteral("override"), QStringLiteral("refer"), QStringLiteral("refusal")};
    if (!kinds.contains(e.kind))
        return std::unexpected(invalid(QStringLiteral("kind"), QStringLiteral("is not crossing, override, refer or refusal")));
    if (e.formatVersion < OldestFormatVersion || e.formatVersion > FormatVersion)
        return std::unexpected(invalid(QStringLiteral("v"), QStringLiteral("is not a known format version")));
    if (e.formatVersion == 1) {
        // Version 1 has no key for it: the reason rides in `reasons` (event.h).
        if (!e.overrideReason.isEmpty())
            return std::unexpected(invalid(QStringLiteral("overrideReason"), QStringLiteral("does not exist in format version 1")));
    } else {
        for (const QString &r : e.reasons) {
            if (r.startsWith(LegacyOverrideReasonPrefix))
                return std::unexpected(invalid(QStringLiteral("reasons"), QStringLiteral("holds free text (OVERRIDE_REASON:); it goes in overrideReason")));
        }
        const bool overridden = e.reasons.contains(OfficerOverrideCode);
        if (overridden && e.overrideReason.isEmpty())
            return std::unexpected(invalid(QStringLiteral("overrideReason"), QStringLiteral("is empty on an override")));
        if (!overridden && !e.overrideReason.isEmpty())
            return std::unexpected(invalid(QStringLiteral("overrideReason"), QStringLiteral("is set but reasons hold no OFFICER_OVERRIDE")));
        if (e.kind == QLatin1String("override") && !overridden)
            return std::unexpected(invalid(QStringLiteral("reasons"), QStringLiteral("lack OFFICER_OVERRIDE on an override")));
    }

    const QJsonObject document{
        {QStringLiteral("birthDate"), e.document.birthDate},
        {QStringLiteral("birthDateRaw"), e.document.birthDateRaw},
        {QStringLiteral("code"), e.document.code},
        {QStringLiteral("givenNames"), e.document.givenNames},
        {QStringLiteral("issuingState"), e.document.issuingState},
        {QStringLiteral("nationality"), e.document.nationality},
        {QStringLiteral("number"), e.document.number},
        {QStringLiteral("sex"), e.document.sex},
        {QStringLiteral("surname"), e.document.surname},
    };
    QJsonObject object{
        {QStringLiteral("checkpoint"), e.checkpoint},
        {QStringLiteral("direction"), directionToString(e.direction)},
        {QStringLiteral("document"), document},
        {QStringLiteral("id"), QUuid::fromString(e.id).toString(QUuid::WithoutBraces)},
        {QStringLiteral("kind"), e.kind},
        {QStringLiteral("kioskId"), e.kioskId},
        {QStringLiteral("officer"), e.officer},
        {QStringLiteral("policyVersion"), e.policyVersion},
        {QStringLiteral("prevHash"), QString::fromLatin1(e.prevHash.toHex())},
        {QStringLiteral("reasons"), QJsonArray::fromStringList(e.reasons)},
        {QStringLiteral("recordedAt"), isoWithOffset(e.recordedAt)},
        {QStringLiteral("sequence"), e.sequence},
        {QStringLiteral("v"), e.formatVersion},
        {QStringLiteral("verdict"), e.verdict},
    };
    if (e.formatVersion >= 2)
        object.insert(QStringLiteral("overrideReason"), e.overrideReason);
    // QJsonObject keeps keys sorted; Compact writes no whitespace (format described in event.h).
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString overrideReasonOf(const Event &e)
{
    if (e.formatVersion >= 2)
        return e.overrideReason;
    for (const QString &r : e.reasons) {
        if (r.startsWith(LegacyOverrideReasonPrefix))
            return r.mid(LegacyOverrideReasonPrefix.size());
    }
    return {};
}

Result<Event> parseEvent(QByteArrayView bytes, ParseCheck check)
{
    QJsonParseError perr{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes.toByteArray(), &perr);
    if (perr.error != QJsonParseError::NoError || !doc.isObject())
        return fail(QStringLiteral("EVENT_MALFORMED"),
                    QStringLiteral("event bytes are not a JSON object (offset %1: %2)").arg(perr.offset).arg(perr.errorString()));
    const QJsonObject o = doc.object();
    QString missing;
    auto str = [&](const QJsonObject &from, const char *key) {
        const QJsonValue v = from.value(QLatin1String(key));
        if (!v.isString() && missing.isEmpty())
            missing = QString::fromLatin1(key);
        return v.toString();
    };
    const qint64 version = o.value(QLatin1String("v")).toInteger(-1);
    if (version < OldestFormatVersion || version > FormatVersion)
        return fail(QStringLiteral("EVENT_MALFORMED"), QStringLiteral("unknown event format version"));

    Event e;
    e.formatVersion = static_cast<int>(version);
    if (e.formatVersion >= 2)
        e.overrideReason = str(o, "overrideReason");
    e.id = str(o, "id");
    e.kioskId = str(o, "kioskId");
    const QJsonValue seq = o.value(QLatin1String("sequence"));
    e.sequence = seq.isDouble() ? seq.toInteger(0) : 0;
    e.checkpoint = str(o, "checkpoint");
    e.officer = str(o, "officer");
    e.kind = str(o, "kind");
    const auto direction = directionFromString(str(o, "direction"));
    e.direction = direction.value_or(Direction::Entry);
    const QJsonObject d = o.value(QLatin1String("document")).toObject();
    if (!o.value(QLatin1String("document")).isObject() && missing.isEmpty())
        missing = QStringLiteral("document");
    e.document.birthDate = str(d, "birthDate");
    e.document.birthDateRaw = str(d, "birthDateRaw");
    e.document.code = str(d, "code");
    e.document.givenNames = str(d, "givenNames");
    e.document.issuingState = str(d, "issuingState");
    e.document.nationality = str(d, "nationality");
    e.document.number = str(d, "number");
    e.document.sex = str(d, "sex");
    e.document.surname = str(d, "surname");
    e.verdict = str(o, "verdict");
    const QJsonValue reasons = o.value(QLatin1String("reasons"));
    if (!reasons.isArray() && missing.isEmpty())
        missing = QStringLiteral("reasons");
    for (const QJsonValue &r : reasons.toArray()) {
        if (!r.isString() && missing.isEmpty())
            missing = QStringLiteral("reasons[]");
        e.reasons << r.toString();
    }
    e.policyVersion = str(o, "policyVersion");
    e.recordedAt = QDateTime::fromString(str(o, "recordedAt"), Qt::ISODate);
    e.prevHash = QByteArray::fromHex(str(o, "prevHash").toLatin1());
    if (!missing.isEmpty())
        return fail(QStringLiteral("EVENT_MALFORMED"), QStringLiteral("event key '%1' is missing or not of its type").arg(missing));
    if (!direction)
        return fail(QStringLiteral("EVENT_MALFORMED"), QStringLiteral("event key 'direction' is not entry or exit"));
    if (check == ParseCheck::FieldsOnly)
        return e;

    auto again = canonicalBytes(e);
    if (!again)
        return fail(QStringLiteral("EVENT_MALFORMED"), again.error().message);
    // Unique encoding: anything but the exact canonical form (extra keys, whitespace, upper-case
    // hex, a lost offset) is refused, so bytes and parsed fields can never disagree.
    if (*again != bytes)
        return fail(QStringLiteral("EVENT_NOT_CANONICAL"), QStringLiteral("event bytes are not in canonical form"));
    return e;
}

Result<SignedEvent> signedEventFromStorage(QByteArray bytes, QByteArray signature)
{
    auto event = parseEvent(bytes);
    if (!event)
        return std::unexpected(event.error());
    return SignedEvent{std::move(bytes), std::move(signature), std::move(*event)};
}

} // namespace Kiosk::EventLog
