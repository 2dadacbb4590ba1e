#include "sync/central/centralapi.h"

#include "app/core/jsonbytes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Kiosk::Central {

namespace {

ApiResponse json(int status, const QJsonObject &object)
{
    return ApiResponse{status, QJsonDocument(object).toJson(QJsonDocument::Compact)};
}

ApiResponse error(int status, const QString &code, const QString &message)
{
    return json(status, QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}});
}

ApiResponse fromError(const Error &e)
{
    if (e.code == QLatin1String("CENTRAL_NOT_FOUND"))
        return error(404, e.code, e.message);
    return error(503, e.code, e.message); // database trouble: the kiosk keeps its outbox and retries
}

QString b64(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

ApiResponse push(CentralService &service, const QByteArray &body, const QString &sender)
{
    QJsonParseError perr{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &perr);
    if (perr.error != QJsonParseError::NoError || !doc.isObject())
        return error(400, QStringLiteral("BAD_REQUEST"), QStringLiteral("body is not a JSON object: %1").arg(perr.errorString()));
    const QJsonValue list = doc.object().value(QLatin1String("events"));
    if (!list.isArray())
        return error(400, QStringLiteral("BAD_REQUEST"), QStringLiteral("'events' must be an array"));
    const QJsonArray array = list.toArray();
    if (array.size() > MaxBatch)
        return error(413, QStringLiteral("BATCH_TOO_LARGE"), QStringLiteral("at most %1 events per batch").arg(MaxBatch));
    QList<IncomingEvent> events;
    events.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject o = array.at(i).toObject();
        const auto bytes = base64Bytes(o.value(QLatin1String("bytes")));
        const auto signature = base64Bytes(o.value(QLatin1String("signature")));
        if (!bytes || !signature)
            return error(400, QStringLiteral("BAD_REQUEST"), QStringLiteral("events[%1]: 'bytes' and 'signature' must be base64 strings").arg(i));
        events.append(IncomingEvent{*bytes, *signature});
    }
    auto results = service.ingest(events, sender);
    if (!results)
        return fromError(results.error());
    QJsonArray out;
    for (const IngestResult &r : *results) {
        QJsonObject o{{QStringLiteral("id"), r.eventId}, {QStringLiteral("kioskId"), r.kioskId},
                      {QStringLiteral("sequence"), r.sequence}, {QStringLiteral("status"), ingestStatusToString(r.status)}};
        if (r.status == IngestStatus::Rejected) {
            o[QStringLiteral("reason")] = r.reason;
            o[QStringLiteral("detail")] = r.detail;
        }
        if (r.gap)
            o[QStringLiteral("gap")] = true;
        out.append(o);
    }
    return json(200, QJsonObject{{QStringLiteral("results"), out}});
}

} // namespace

ApiResponse CentralApi::handle(const QByteArray &method, const QString &path, const QUrlQuery &query, const QByteArray &body,
                               const EventLog::RequestCredentials &credentials)
{
    QString sender;
    if (m_auth) {
        auto who = m_auth->authenticate(method, EventLog::requestTarget(path, query), body, credentials);
        if (!who)
            return error(who.error().status, who.error().code, who.error().message);
        sender = *who;
    }
    const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    if (parts.size() < 2 || parts.at(0) != QLatin1String("v1"))
        return error(404, QStringLiteral("NOT_FOUND"), QStringLiteral("no such path: %1").arg(path));
    const QString &what = parts.at(1);
    const bool get = method == "GET";
    if (what == QLatin1String("health") && parts.size() == 2 && get)
        return json(200, QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}});
    if (what == QLatin1String("events") && parts.size() == 2) {
        if (method != "POST")
            return error(405, QStringLiteral("METHOD_NOT_ALLOWED"), QStringLiteral("POST a batch to /v1/events"));
        return push(m_service, body, sender);
    }
    if (what == QLatin1String("feed") && parts.size() == 2 && get) {
        bool okAfter = true, okLimit = true;
        const qint64 after = query.hasQueryItem(QStringLiteral("after")) ? query.queryItemValue(QStringLiteral("after")).toLongLong(&okAfter) : 0;
        const int limit = query.hasQueryItem(QStringLiteral("limit")) ? query.queryItemValue(QStringLiteral("limit")).toInt(&okLimit) : 500;
        if (!okAfter || !okLimit || after < 0 || limit < 1)
            return error(400, QStringLiteral("BAD_REQUEST"), QStringLiteral("'after' and 'limit' must be non-negative integers"));
        auto entries = m_service.feed(after, limit);
        if (!entries)
            return fromError(entries.error());
        QJsonArray out;
        qint64 next = after;
        for (const FeedEntry &e : *entries) {
            out.append(QJsonObject{{QStringLiteral("feedId"), e.feedId}, {QStringLiteral("bytes"), b64(e.bytes)},
                                   {QStringLiteral("signature"), b64(e.signature)}});
            next = e.feedId;
        }
        return json(200, QJsonObject{{QStringLiteral("events"), out}, {QStringLiteral("next"), next}});
    }
    if (what == QLatin1String("kiosks") && parts.size() == 2 && get) {
        auto list = m_service.kiosks();
        if (!list)
            return fromError(list.error());
        QJsonArray out;
        for (const KioskRecord &k : *list)
            out.append(QJsonObject{{QStringLiteral("id"), k.id}, {QStringLiteral("checkpoint"), k.checkpoint},
                                   {QStringLiteral("publicKey"), b64(k.publicKey)}, {QStringLiteral("revoked"), k.revoked}});
        return json(200, QJsonObject{{QStringLiteral("kiosks"), out}});
    }
    if (what == QLatin1String("kiosks") && parts.size() == 4 && parts.at(3) == QLatin1String("head") && get) {
        // A kiosk asks about itself only: another kiosk's progress is none of its business.
        const QString &id = parts.at(2);
        if (!sender.isEmpty() && sender != id)
            return error(403, QStringLiteral("WRONG_KIOSK"), QStringLiteral("kiosk '%1' asked for the head of '%2'").arg(sender, id));
        auto head = m_service.kioskHead(id);
        if (!head)
            return fromError(head.error());
        return json(200, QJsonObject{{QStringLiteral("kioskId"), id}, {QStringLiteral("sequence"), head->sequence},
                                     {QStringLiteral("hash"), b64(head->hash)}});
    }
    if (what == QLatin1String("reference") && (parts.size() == 3 || parts.size() == 4) && get) {
        bool ok = true;
        const int version = parts.size() == 4 ? parts.at(3).toInt(&ok) : -1;
        if (!ok || (parts.size() == 4 && version < 0))
            return error(400, QStringLiteral("BAD_REQUEST"), QStringLiteral("version must be a non-negative integer"));
        auto blob = m_service.reference(parts.at(2), version);
        if (!blob)
            return fromError(blob.error());
        return json(200, QJsonObject{{QStringLiteral("kind"), blob->kind}, {QStringLiteral("version"), blob->version},
                                     {QStringLiteral("body"), b64(blob->body)}, {QStringLiteral("signature"), b64(blob->signature)}});
    }
    if (!get && what != QLatin1String("events"))
        return error(405, QStringLiteral("METHOD_NOT_ALLOWED"), QStringLiteral("%1 is read with GET").arg(path));
    return error(404, QStringLiteral("NOT_FOUND"), QStringLiteral("no such path: %1").arg(path));
}

} // namespace Kiosk::Central
