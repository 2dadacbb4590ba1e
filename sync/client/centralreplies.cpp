#include "sync/client/centralreplies.h"

#include "app/core/jsonbytes.h"
#include "app/core/wholenumber.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <optional>

namespace Kiosk::Sync {

namespace {

Error bad(const QString &path, const QString &what)
{
    return Error{QStringLiteral("SYNC_PROTOCOL"), QStringLiteral("%1: %2").arg(path, what)};
}

// The body as a JSON object, or what is wrong with it (with the byte offset of a parse error).
Result<QJsonObject> objectOf(const QByteArray &body, const QString &path)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError)
        return std::unexpected(bad(path, QStringLiteral("not JSON (%1 at byte %2)").arg(err.errorString()).arg(err.offset)));
    if (!doc.isObject())
        return std::unexpected(bad(path, QStringLiteral("not a JSON object")));
    return doc.object();
}

// A JSON number that is a whole number (app/core/wholenumber.h), not a string or a fraction.
std::optional<qint64> wholeNumberOf(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    return wholeNumber(v.toDouble());
}

} // namespace

Result<QList<Store::RegistryEntry>> parseRegistryReply(const QByteArray &body)
{
    const QString path = QStringLiteral("GET /v1/kiosks");
    auto o = objectOf(body, path);
    if (!o)
        return std::unexpected(o.error());
    const QJsonValue list = o->value(QLatin1String("kiosks"));
    if (!list.isArray())
        return std::unexpected(bad(path, QStringLiteral("'kiosks' is not an array")));
    QList<Store::RegistryEntry> out;
    QSet<QString> seen;
    const QJsonArray array = list.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString at = QStringLiteral("kiosks[%1]").arg(i);
        if (!array.at(i).isObject())
            return std::unexpected(bad(path, QStringLiteral("%1 is not an object").arg(at)));
        const QJsonObject k = array.at(i).toObject();
        const QJsonValue id = k.value(QLatin1String("id"));
        const QJsonValue checkpoint = k.value(QLatin1String("checkpoint"));
        const QJsonValue revoked = k.value(QLatin1String("revoked"));
        const auto key = base64Bytes(k.value(QLatin1String("publicKey")));
        if (!id.isString() || id.toString().isEmpty())
            return std::unexpected(bad(path, QStringLiteral("%1.id is not a non-empty string").arg(at)));
        if (seen.contains(id.toString()))
            return std::unexpected(bad(path, QStringLiteral("%1.id '%2' is listed twice").arg(at, id.toString())));
        if (!checkpoint.isString())
            return std::unexpected(bad(path, QStringLiteral("%1.checkpoint is not a string").arg(at)));
        if (!key || key->size() != 32)
            return std::unexpected(bad(path, QStringLiteral("%1.publicKey is not base64 of a 32-byte key").arg(at)));
        if (!revoked.isBool())
            return std::unexpected(bad(path, QStringLiteral("%1.revoked is not true or false").arg(at)));
        seen.insert(id.toString());
        out.append(Store::RegistryEntry{id.toString(), checkpoint.toString(), *key, revoked.toBool()});
    }
    return out;
}

Result<FeedPage> parseFeedReply(const QByteArray &body, qint64 after)
{
    const QString path = QStringLiteral("GET /v1/feed?after=%1").arg(after);
    auto o = objectOf(body, path);
    if (!o)
        return std::unexpected(o.error());
    const QJsonValue list = o->value(QLatin1String("events"));
    if (!list.isArray())
        return std::unexpected(bad(path, QStringLiteral("'events' is not an array")));
    const auto next = wholeNumberOf(o->value(QLatin1String("next")));
    if (!next)
        return std::unexpected(bad(path, QStringLiteral("'next' is not a whole number")));
    FeedPage page;
    qint64 last = after;
    const QJsonArray array = list.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString at = QStringLiteral("events[%1]").arg(i);
        if (!array.at(i).isObject())
            return std::unexpected(bad(path, QStringLiteral("%1 is not an object").arg(at)));
        const QJsonObject e = array.at(i).toObject();
        const auto feedId = wholeNumberOf(e.value(QLatin1String("feedId")));
        const auto bytes = base64Bytes(e.value(QLatin1String("bytes")));
        const auto signature = base64Bytes(e.value(QLatin1String("signature")));
        if (!feedId)
            return std::unexpected(bad(path, QStringLiteral("%1.feedId is not a whole number").arg(at)));
        if (*feedId <= last)
            return std::unexpected(bad(path, QStringLiteral("%1.feedId %2 is not after %3: the feed went backwards").arg(at).arg(*feedId).arg(last)));
        if (!bytes || bytes->isEmpty())
            return std::unexpected(bad(path, QStringLiteral("%1.bytes is not non-empty base64").arg(at)));
        if (!signature || signature->isEmpty())
            return std::unexpected(bad(path, QStringLiteral("%1.signature is not non-empty base64").arg(at)));
        last = *feedId;
        page.events.append(FeedItem{*feedId, *bytes, *signature});
    }
    if (*next < last)
        return std::unexpected(bad(path, QStringLiteral("'next' %1 is before the page's last event %2").arg(*next).arg(last)));
    page.next = *next;
    return page;
}

Result<Store::ChainHead> parseKioskHeadReply(const QByteArray &body, const QString &kioskId)
{
    const QString path = QStringLiteral("GET /v1/kiosks/%1/head").arg(kioskId);
    auto o = objectOf(body, path);
    if (!o)
        return std::unexpected(o.error());
    if (o->value(QLatin1String("kioskId")).toString() != kioskId)
        return std::unexpected(bad(path, QStringLiteral("'kioskId' is not %1").arg(kioskId)));
    const auto sequence = wholeNumberOf(o->value(QLatin1String("sequence")));
    if (!sequence || *sequence < 0)
        return std::unexpected(bad(path, QStringLiteral("'sequence' is not a whole number >= 0")));
    const auto hash = base64Bytes(o->value(QLatin1String("hash")));
    if (!hash || (*sequence > 0 && hash->size() != 32))
        return std::unexpected(bad(path, QStringLiteral("'hash' is not base64 of a 32-byte hash")));
    return Store::ChainHead{*sequence, *sequence > 0 ? *hash : QByteArray()};
}

} // namespace Kiosk::Sync
