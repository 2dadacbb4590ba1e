#include "sync/client/syncclient.h"

#include "sync/eventlog/requestsignature.h"

#include "sync/client/crossingrecorder.h"
#include "app/crypto/ed25519.h"
#include "app/store/database.h"
#include "app/store/eventrepository.h"
#include "app/store/importer.h"
#include "app/store/outbox.h"
#include "app/store/workingset.h"
#include "app/core/clock.h"
#include "sync/client/centralreplies.h"
#include "sync/client/chaintail.h"
#include "sync/eventlog/event.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkInformation>
#include <QNetworkReply>
#include <QSslKey>
#include <QUrlQuery>

#include <utility>

Q_LOGGING_CATEGORY(lcSync, "kiosk.sync.client")

namespace Kiosk::Sync {

namespace {

const QString CursorKey = QStringLiteral("feed_cursor");
const QString LastSuccessKey = QStringLiteral("last_success");
const QString LastErrorKey = QStringLiteral("last_error");
const QString WorkingSetPrunedKey = QStringLiteral("working_set_pruned"); // the local day of the last prune

std::optional<QByteArray> readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    return f.readAll();
}

Result<QSslConfiguration> tlsConfiguration(const SyncSettings &s)
{
    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    c.setProtocol(QSsl::TlsV1_2OrLater);
    c.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (s.caFile.isEmpty())
        return fail(QStringLiteral("SYNC_CONFIG"), QStringLiteral("no central CA configured ([central] ca or --ca): the central side must be pinned"));
    const auto ca = readFile(s.caFile);
    const QList<QSslCertificate> cas = ca ? QSslCertificate::fromData(*ca, QSsl::Pem) : QList<QSslCertificate>{};
    if (cas.isEmpty())
        return fail(QStringLiteral("SYNC_CONFIG"), QStringLiteral("cannot read a PEM CA certificate from %1").arg(s.caFile));
    c.setCaCertificates(cas); // pinned: the system store is not consulted
    if (!s.clientCertificate.isEmpty()) {
        const auto cert = readFile(s.clientCertificate);
        const auto keyPem = readFile(s.clientKey);
        const QList<QSslCertificate> certs = cert ? QSslCertificate::fromData(*cert, QSsl::Pem) : QList<QSslCertificate>{};
        QSslKey key = keyPem ? QSslKey(*keyPem, QSsl::Ec) : QSslKey();
        if (key.isNull() && keyPem)
            key = QSslKey(*keyPem, QSsl::Rsa);
        if (certs.isEmpty() || key.isNull())
            return fail(QStringLiteral("SYNC_CONFIG"), QStringLiteral("cannot read the client certificate %1 or its key").arg(s.clientCertificate));
        c.setLocalCertificate(certs.first());
        c.setPrivateKey(key);
    }
    return c;
}


} // namespace

Result<std::unique_ptr<SyncClient>> SyncClient::create(Store::Database &db, SyncSettings settings, const Clock &clock, Scheduler &scheduler,
                                                       QObject *parent)
{
    if (!settings.central.isValid() || settings.central.scheme() != QLatin1String("https"))
        return fail(QStringLiteral("SYNC_CONFIG"), QStringLiteral("central URL must be https://HOST:PORT (got '%1')").arg(settings.central.toString()));
    auto tls = tlsConfiguration(settings);
    if (!tls)
        return std::unexpected(tls.error());
    return std::unique_ptr<SyncClient>(new SyncClient(db, std::move(settings), std::move(*tls), clock, scheduler, parent));
}

SyncClient::SyncClient(Store::Database &db, SyncSettings settings, QSslConfiguration tls, const Clock &clock, Scheduler &scheduler,
                       QObject *parent)
    : QObject(parent), m_db(db), m_settings(std::move(settings)), m_tls(std::move(tls)), m_network(std::make_unique<QNetworkAccessManager>()),
      m_clock(clock), m_timer(scheduler.makeTimer([this] { onTimer(); }))
{
}

SyncClient::~SyncClient() = default;

Result<SyncClient::Reply> SyncClient::request(const QByteArray &method, const QString &path, const QByteArray &body, int timeoutMs)
{
    auto out = exchange(method, path, body, timeoutMs);
    if (out && out->httpStatus != 200)
        return fail(QStringLiteral("SYNC_HTTP"), QStringLiteral("%1 %2: HTTP %3 %4").arg(QString::fromLatin1(method), path).arg(out->httpStatus).arg(QString::fromUtf8(out->body.left(200))));
    return out;
}

Result<SyncClient::Reply> SyncClient::exchange(const QByteArray &method, const QString &path, const QByteArray &body, int timeoutMs)
{
    QUrl url = m_settings.central;
    const qsizetype q = path.indexOf(u'?');
    url.setPath(q < 0 ? path : path.left(q));
    if (q >= 0)
        url.setQuery(path.mid(q + 1));
    QNetworkRequest req(url);
    req.setSslConfiguration(m_tls);
    req.setTransferTimeout(timeoutMs);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (m_settings.requestKey) {
        const QByteArray target = EventLog::requestTarget(url.path(), QUrlQuery(url.query()));
        auto signature = EventLog::signRequest(*m_settings.requestKey, m_settings.ownKioskId, method, target, body, m_clock.now());
        if (!signature)
            return std::unexpected(signature.error());
        req.setRawHeader(EventLog::kKioskIdHeader, signature->kioskId);
        req.setRawHeader(EventLog::kTimestampHeader, signature->timestamp);
        req.setRawHeader(EventLog::kNonceHeader, signature->nonce);
        req.setRawHeader(EventLog::kSignatureHeader, signature->signature);
    }
    QNetworkReply *reply = method == "POST" ? m_network->post(req, body) : m_network->get(req);
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() != QNetworkReply::NoError && status == 0)
        return fail(QStringLiteral("SYNC_NETWORK"), QStringLiteral("%1 %2: %3").arg(QString::fromLatin1(method), path, reply->errorString()));
    return Reply{status, reply->readAll()};
}

Result<void> SyncClient::checkCentralHead()
{
    if (m_settings.centralMarkFile.isEmpty() || m_settings.ownKioskId.isEmpty())
        return {};
    const QString path = QStringLiteral("/v1/kiosks/%1/head").arg(m_settings.ownKioskId);
    auto reply = request("GET", path, {}, m_settings.requestTimeoutMs);
    if (!reply)
        return std::unexpected(reply.error());
    auto central = parseKioskHeadReply(reply->body, m_settings.ownKioskId);
    if (!central)
        return std::unexpected(central.error());
    if (central->sequence == 0)
        return {};
    // Kept before comparing: `kioskctl record` then refuses too, offline, until an operator acts.
    if (auto raised = raiseCentralMark(m_settings.centralMarkFile, ChainTail{m_settings.ownKioskId, central->sequence, central->hash}); !raised)
        return std::unexpected(raised.error());
    auto head = Store::EventRepository(m_db).head();
    if (!head)
        return std::unexpected(head.error());
    if (auto same = checkCentralMark(m_db, m_settings.centralMarkFile, *head); !same) {
        qCCritical(lcSync).noquote() << same.error().code << same.error().message;
        return same;
    }
    return {};
}

Result<void> SyncClient::push(RoundReport &report)
{
    // Nothing is pushed from a log the central side knows to be cut or replaced: its next events
    // would reuse sequences the central side holds (a fork there).
    if (auto central = checkCentralHead(); !central)
        return central;
    Store::Outbox outbox(m_db);
    for (;;) {
        auto batch = outbox.pending(m_settings.batchSize);
        if (!batch)
            return std::unexpected(batch.error());
        if (batch->isEmpty())
            return {};
        // {"events":[{"bytes":B64,"signature":B64},...]} written directly: base64 needs no
        // JSON escaping, and a backlog drain builds megabytes of it.
        QByteArray body;
        body.reserve(batch->size() * 1024 + 16);
        body += R"({"events":[)";
        QList<qint64> sequences;
        for (const Store::StoredEvent &e : *batch) {
            if (!sequences.isEmpty())
                body += ',';
            body += R"({"bytes":")" + e.bytes.toBase64() + R"(","signature":")" + e.signature.toBase64() + R"("})";
            sequences << e.sequence;
        }
        body += "]}";
        auto reply = request("POST", QStringLiteral("/v1/events"), body, m_settings.requestTimeoutMs);
        if (!reply) {
            (void)outbox.noteAttempt(sequences, m_clock.now());
            return std::unexpected(reply.error());
        }
        const QJsonArray results = QJsonDocument::fromJson(reply->body).object().value(QLatin1String("results")).toArray();
        if (results.size() != batch->size())
            return fail(QStringLiteral("SYNC_PROTOCOL"), QStringLiteral("central answered %1 results for %2 events").arg(results.size()).arg(batch->size()));
        QList<qint64> acknowledged;
        const Store::StoredEvent *newest = nullptr; // the newest event the central side confirmed
        Store::Transaction tx(m_db);
        if (!tx.isActive())
            return std::unexpected(tx.error());
        for (qsizetype i = 0; i < results.size(); ++i) {
            const QJsonObject r = results.at(i).toObject();
            // Answers are positional (centralapi.h): answer i is about the row sent at i, even
            // when that row's bytes were tampered with and name another sequence.
            const Store::StoredEvent &sent = batch->at(i);
            const QString status = r.value(QLatin1String("status")).toString();
            if (status == QLatin1String("stored") || status == QLatin1String("duplicate")) {
                ++(status == QLatin1String("stored") ? report.stored : report.duplicate);
                acknowledged << sent.sequence;
                if (!newest || sent.sequence > newest->sequence)
                    newest = &sent;
            } else {
                ++report.rejected;
                const QString reason = r.value(QLatin1String("reason")).toString(QStringLiteral("UNKNOWN"));
                report.rejections << QStringLiteral("%1 %2").arg(sent.sequence).arg(reason);
                if (auto rej = outbox.reject(sent.sequence, reason, r.value(QLatin1String("detail")).toString()); !rej)
                    return std::unexpected(rej.error());
                qCWarning(lcSync) << "event" << sent.sequence << "rejected:" << reason;
            }
        }
        if (auto ack = outbox.acknowledge(acknowledged); !ack)
            return std::unexpected(ack.error());
        if (auto c = tx.commit(); !c)
            return std::unexpected(c.error());
        // The newest event the central side confirmed holding raises the central mark.
        if (newest && !m_settings.centralMarkFile.isEmpty())
            if (auto raised = raiseCentralMark(m_settings.centralMarkFile, ChainTail{m_settings.ownKioskId, newest->sequence, newest->hash}); !raised)
                qCWarning(lcSync).noquote() << "events acknowledged, but the central mark was not raised:" << raised.error().message;
    }
}

Result<bool> SyncClient::takeFeedItem(const FeedItem &item, const RegistryKeys &keys, RoundReport &report)
{
    Store::EventRepository events(m_db);
    // Kept aside, never skipped: the cursor moves past this event only because it is stored
    // here, and the next round retries it (resources/sql/007_pull_pending.sql).
    const auto keepAside = [&](const QString &reason) -> Result<bool> {
        ++report.pullRejected;
        qCWarning(lcSync).noquote() << "feed event" << item.feedId << "does not verify (" << reason << "): kept aside for the next round";
        if (auto kept = events.keepPendingPull(Store::PendingPull{item.feedId, item.bytes, item.signature, reason, 1}, m_clock.now()); !kept)
            return std::unexpected(kept.error());
        return false;
    };
    auto se = EventLog::signedEventFromStorage(item.bytes, item.signature);
    if (!se)
        return keepAside(se.error().code);
    if (se->event.kioskId == m_settings.ownKioskId)
        return true; // our own, already here
    const auto key = keys.constFind(se->event.kioskId);
    // Verified against the registry the central side published.
    if (key == keys.cend())
        return keepAside(QStringLiteral("KIOSK_UNKNOWN"));
    if (!key->first.verify(se->bytes, se->signature))
        return keepAside(QStringLiteral("BAD_SIGNATURE"));
    auto fresh = events.storeRemote(remoteEventOf(*se, item.feedId));
    if (!fresh)
        return std::unexpected(fresh.error());
    if (*fresh) {
        ++report.pulled;
        if (auto crossing = recordRemoteCrossing(m_db, se->event, m_clock.now()); !crossing)
            return std::unexpected(crossing.error());
    }
    return true;
}

Result<void> SyncClient::retryPendingPulls(const RegistryKeys &keys, RoundReport &report)
{
    Store::EventRepository events(m_db);
    auto pending = events.pendingPulls();
    if (!pending)
        return std::unexpected(pending.error());
    RoundReport retry;
    for (const Store::PendingPull &p : *pending) {
        // The central copy again (it may have been repaired), else the one kept.
        FeedItem item{p.feedId, p.bytes, p.signature};
        auto again = request("GET", QStringLiteral("/v1/feed?after=%1&limit=1").arg(p.feedId - 1), {}, m_settings.requestTimeoutMs);
        if (!again)
            return std::unexpected(again.error());
        auto page = parseFeedReply(again->body, p.feedId - 1);
        if (!page)
            return std::unexpected(page.error());
        if (!page->events.isEmpty() && page->events.constFirst().feedId == p.feedId)
            item = page->events.constFirst();
        // Stored and no longer pending, or counted once more: together.
        Store::Transaction tx(m_db);
        if (!tx.isActive())
            return std::unexpected(tx.error());
        auto taken = takeFeedItem(item, keys, retry);
        if (!taken)
            return std::unexpected(taken.error());
        if (*taken)
            if (auto dropped = events.dropPendingPull(p.feedId); !dropped)
                return dropped;
        if (auto c = tx.commit(); !c)
            return std::unexpected(c.error());
    }
    report.pulled += retry.pulled;
    report.pullRecovered += static_cast<qint64>(pending->size()) - retry.pullRejected;
    return {};
}

Result<void> SyncClient::pull(RoundReport &report)
{
    auto registryReply = request("GET", QStringLiteral("/v1/kiosks"), {}, m_settings.requestTimeoutMs);
    if (!registryReply)
        return std::unexpected(registryReply.error());
    // Checked whole before anything is replaced: a bad body never empties the registry.
    auto registry = parseRegistryReply(registryReply->body);
    if (!registry)
        return std::unexpected(registry.error());
    RegistryKeys keys;
    for (const Store::RegistryEntry &entry : *registry)
        if (auto key = Crypto::Ed25519PublicKey::fromRaw(entry.publicKey))
            keys.insert(entry.kioskId, {*key, entry.revoked});
    Store::EventRepository events(m_db);
    if (auto r = events.replaceRegistry(*registry); !r)
        return std::unexpected(r.error());

    // What did not verify in an earlier round first, against the registry just pulled.
    if (auto retried = retryPendingPulls(keys, report); !retried)
        return retried;

    Store::Outbox state(m_db);
    auto cursorText = state.state(CursorKey);
    if (!cursorText)
        return std::unexpected(cursorText.error());
    qint64 cursor = cursorText->value_or(QStringLiteral("0")).toLongLong();
    for (;;) {
        auto page = request("GET", QStringLiteral("/v1/feed?after=%1&limit=%2").arg(cursor).arg(m_settings.feedPageSize), {}, m_settings.requestTimeoutMs);
        if (!page)
            return std::unexpected(page.error());
        // A bad page (not JSON, wrong types, going backwards) stores nothing of itself.
        auto entries = parseFeedReply(page->body, cursor);
        if (!entries)
            return std::unexpected(entries.error());
        if (entries->events.isEmpty())
            return {};
        Store::Transaction tx(m_db);
        if (!tx.isActive())
            return std::unexpected(tx.error());
        for (const FeedItem &item : entries->events) {
            cursor = item.feedId;
            if (auto taken = takeFeedItem(item, keys, report); !taken)
                return std::unexpected(taken.error());
        }
        if (auto r = state.setState(CursorKey, QString::number(cursor)); !r)
            return std::unexpected(r.error());
        if (auto c = tx.commit(); !c)
            return std::unexpected(c.error());
    }
}

namespace {

// The rows of a verified data version (watchlist, permits, visas) through the store's importer,
// inside the caller's transaction. Errors: REFERENCE_BAD_FILE, REFERENCE_BAD_ROW (the data),
// STORE_* (the database).
Result<void> applyReferenceRows(Store::Database &db, const Store::ReferenceBlob &blob, const QDateTime &now)
{
    const auto kind = Store::importKindFromString(blob.kind);
    if (!kind || *kind == Store::ImportKind::Crossings)
        return {}; // the policy (and any kind without rows): stored as a blob only
    Store::ImportOptions options;
    options.kind = *kind;
    options.format = Store::ImportFormat::Json;
    options.source = QStringLiteral("central:%1").arg(blob.kind);
    options.listVersion = QString::number(blob.version);
    options.importedAt = now; // the watchlist's age is measured from here, on the same clock
    // A watchlist version is the whole list: it replaces the previous one. Permits and visas
    // are added (see syncclient.h).
    options.replace = *kind == Store::ImportKind::Watchlist;
    auto report = Store::importRecords(db, blob.body, options);
    if (!report) {
        if (report.error().code.startsWith(QLatin1String("IMPORT_")))
            return fail(QStringLiteral("REFERENCE_BAD_FILE"), report.error().message);
        return std::unexpected(report.error());
    }
    if (!report->rejected.isEmpty()) {
        // Line and field only, never the value (it may be personal data).
        const Store::ImportRowError &first = report->rejected.constFirst();
        return fail(QStringLiteral("REFERENCE_BAD_ROW"), QStringLiteral("%1 bad row(s), first at line %2%3: %4")
                                                             .arg(report->rejectedCount).arg(first.line)
                                                             .arg(first.field.isEmpty() ? QString() : QStringLiteral(" field ") + first.field, first.message));
    }
    return {};
}

} // namespace

Result<void> SyncClient::pullReference(RoundReport &report)
{
    Store::Outbox store(m_db);
    for (const QString &kind : m_settings.referenceKinds) {
        auto reply = exchange("GET", QStringLiteral("/v1/reference/%1").arg(kind), {}, m_settings.requestTimeoutMs);
        if (!reply)
            return std::unexpected(reply.error());
        if (reply->httpStatus == 404)
            continue; // nothing published for this kind
        if (reply->httpStatus != 200)
            return fail(QStringLiteral("SYNC_HTTP"), QStringLiteral("GET /v1/reference/%1: HTTP %2").arg(kind).arg(reply->httpStatus));
        const QJsonObject o = QJsonDocument::fromJson(reply->body).object();
        const Store::ReferenceBlob blob{kind, o.value(QLatin1String("version")).toInt(),
                                        QByteArray::fromBase64(o.value(QLatin1String("body")).toString().toLatin1()),
                                        QByteArray::fromBase64(o.value(QLatin1String("signature")).toString().toLatin1())};
        auto current = store.latestReference(kind);
        if (!current)
            return std::unexpected(current.error());
        if (*current && (*current)->version >= blob.version)
            continue;
        // Applied only if it verifies; a refused version is reported, the one in
        // use stays.
        const Result<void> verdict = m_settings.verifyReference
            ? m_settings.verifyReference(kind, blob.body, blob.signature)
            : Result<void>(fail(QStringLiteral("REFERENCE_NO_VERIFIER"), QStringLiteral("no signature check for '%1'").arg(kind)));
        // A refused version is in the round's report and in the status's lastError (the round
        // itself succeeded: the data in use is intact).
        const auto refuse = [&](const Error &why) {
            report.referenceRefused << QStringLiteral("%1 %2 %3").arg(kind).arg(blob.version).arg(why.code);
            qCWarning(lcSync) << "reference" << kind << blob.version << "refused:" << why.code;
            (void)store.setState(LastErrorKey, QStringLiteral("REFERENCE_REFUSED: %1 version %2: %3: %4").arg(kind).arg(blob.version).arg(why.code, why.message));
        };
        if (!verdict) {
            refuse(verdict.error());
            continue;
        }
        // Watchlist, permits, visas: the rows go through the store's importer together with the
        // reference_data row in ONE transaction, so a version is either fully in use or not at
        // all, and a version whose rows the importer refuses is refused like a bad signature.
        // One instant for the version: its fetched_at and its list_imports row.
        const QDateTime now = m_clock.now();
        Store::Transaction tx(m_db);
        if (!tx.isActive())
            return std::unexpected(tx.error());
        if (auto rows = applyReferenceRows(m_db, blob, now); !rows) {
            tx.rollback();
            if (!rows.error().code.startsWith(QLatin1String("REFERENCE_")))
                return std::unexpected(rows.error()); // the store failed, not the data
            refuse(rows.error());
            continue;
        }
        if (auto stored = store.storeReference(blob, now); !stored)
            return std::unexpected(stored.error());
        if (auto committed = tx.commit(); !committed)
            return std::unexpected(committed.error());
        report.referenceApplied << QStringLiteral("%1 %2").arg(kind).arg(blob.version);
    }
    return {};
}

Result<RoundReport> SyncClient::runOnce()
{
    RoundReport report;
    Result<void> pushed = push(report);
    Result<void> pulled = pushed ? pull(report) : Result<void>{};
    if (pushed && pulled)
        pulled = pullReference(report);
    if (pushed && pulled) {
        // A prune that fails (a store error) leaves the working set as it was and is retried
        // on the next round; the round itself, with the central side, went well.
        if (auto pruned = pruneWorkingSet(report); !pruned)
            qCWarning(lcSync).noquote() << "working-set prune failed:" << pruned.error().code << pruned.error().message;
    }
    Result<RoundReport> outcome = !pushed ? Result<RoundReport>(std::unexpected(pushed.error()))
        : !pulled                         ? Result<RoundReport>(std::unexpected(pulled.error()))
                                          : Result<RoundReport>(report);
    recordOutcome(outcome);
    return outcome;
}

Result<void> SyncClient::pruneWorkingSet(RoundReport &report)
{
    if (m_settings.workingSetDays <= 0)
        return {};
    const QDate today = m_clock.now().toTimeZone(defaultCheckpointZone()).date();
    Store::Outbox state(m_db);
    auto last = state.state(WorkingSetPrunedKey);
    if (!last)
        return std::unexpected(last.error());
    if (last->has_value() && QDate::fromString(**last, Qt::ISODate) >= today)
        return {};
    auto pruned = Store::pruneWorkingSet(m_db, Store::workingSetCutoff(today, m_settings.workingSetDays));
    if (!pruned)
        return std::unexpected(pruned.error());
    report.pruned = pruned->crossingsRemoved;
    qCInfo(lcSync).noquote() << "working set: pruned" << pruned->crossingsRemoved << "pulled crossings before"
                             << pruned->cutoff.toString(Qt::ISODate) << "(" << pruned->eventsRemoved << "events," << pruned->crossingsKept << "kept)";
    return state.setState(WorkingSetPrunedKey, today.toString(Qt::ISODate));
}

void SyncClient::recordOutcome(const Result<RoundReport> &outcome)
{
    Store::Outbox state(m_db);
    m_online = outcome.has_value() || outcome.error().code == QLatin1String("SYNC_HTTP");
    m_roundError = outcome ? std::nullopt : std::optional(outcome.error());
    if (outcome)
        (void)state.setState(LastSuccessKey, m_clock.now().toString(Qt::ISODate));
    else
        (void)state.setState(LastErrorKey, outcome.error().code + QStringLiteral(": ") + outcome.error().message);
    if (auto s = status())
        emit statusChanged(*s);
}

Result<SyncStatus> SyncClient::status()
{
    auto s = storedSyncStatus(m_db, m_online);
    if (s)
        s->roundError = m_roundError;
    return s;
}

Result<SyncStatus> storedSyncStatus(Store::Database &db, bool online)
{
    Store::Outbox outbox(db);
    auto s = outbox.status();
    if (!s)
        return std::unexpected(s.error());
    SyncStatus out;
    out.online = online;
    out.pending = s->pending;
    out.rejected = s->rejected;
    out.oldestPendingAt = s->oldestPendingAt;
    if (auto v = outbox.state(LastSuccessKey); v && *v)
        out.lastSuccess = QDateTime::fromString(**v, Qt::ISODate);
    if (auto v = outbox.state(LastErrorKey); v && *v)
        out.lastError = **v;
    auto unverified = Store::EventRepository(db).pendingPullCount();
    if (!unverified)
        return std::unexpected(unverified.error());
    out.unverifiedPulls = *unverified;
    return out;
}

bool SyncClient::probe(int timeoutMs)
{
    m_online = request("GET", QStringLiteral("/v1/health"), {}, timeoutMs).has_value();
    return m_online;
}

void SyncClient::start()
{
    m_running = true;
    if (!m_watchingNetwork && QNetworkInformation::loadDefaultBackend()) {
        m_watchingNetwork = true; // connected once, however often start() is called
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
                [this](QNetworkInformation::Reachability r) { networkReachabilityChanged(r == QNetworkInformation::Reachability::Online); });
    }
    scheduleNext(std::chrono::milliseconds(0));
}

void SyncClient::stop()
{
    m_running = false;
    m_roundRequested = false;
    m_timer->stop();
}

void SyncClient::networkReachabilityChanged(bool online)
{
    if (online) // connectivity back: try now
        scheduleNext(std::chrono::milliseconds(0));
}

void SyncClient::scheduleNext(std::chrono::milliseconds delay)
{
    if (!m_running)
        return;
    if (m_inRound) { // onTimer schedules when the round ends; 0 then
        m_roundRequested = m_roundRequested || delay.count() == 0;
        return;
    }
    m_timer->start(delay);
    emit nextRoundScheduled(delay.count());
}

void SyncClient::onTimer()
{
    if (!m_running || m_inRound)
        return;
    m_inRound = true;
    m_roundRequested = false;
    const auto outcome = runOnce();
    m_inRound = false;
    m_failures = outcome ? 0 : m_failures + 1;
    const bool again = std::exchange(m_roundRequested, false);
    scheduleNext(again ? std::chrono::milliseconds(0)
                 : outcome ? m_settings.interval
                           : backoffDelay(m_settings.backoff, m_failures, *QRandomGenerator::global()));
}

} // namespace Kiosk::Sync
