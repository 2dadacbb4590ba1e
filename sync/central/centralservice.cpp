#include "sync/central/centralservice.h"

#include "app/crypto/ed25519.h"
#include "sync/central/ingestdecision.h"
#include "sync/central/pgcopy.h"
#include "sync/eventlog/event.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>

#include <map>
#include <optional>
#include <thread>

namespace Kiosk::Central {

namespace {

constexpr qint64 IngestLockKey = 7243102; // pg_advisory_xact_lock key of ingest

Error dbError(const QSqlQuery &q, const QString &what)
{
    return Error{QStringLiteral("CENTRAL_DB"), QStringLiteral("%1: %2").arg(what, q.lastError().text().trimmed())};
}

// Runs `sql` with positional bindings; returns the executed query.
Result<QSqlQuery> exec(const QSqlDatabase &db, const QString &sql, const QVariantList &bindings = {})
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (bindings.isEmpty()) { // DDL cannot be PREPAREd in PostgreSQL
        if (!q.exec(sql))
            return std::unexpected(dbError(q, sql.left(60)));
        return q;
    }
    if (!q.prepare(sql))
        return std::unexpected(dbError(q, sql.left(60)));
    for (const QVariant &v : bindings)
        q.addBindValue(v);
    if (!q.exec())
        return std::unexpected(dbError(q, sql.left(60)));
    return q;
}

// Binds `values` to the prepared `q` by position and runs it.
bool execWith(QSqlQuery &q, std::initializer_list<QVariant> values)
{
    int i = 0;
    for (const QVariant &v : values)
        q.bindValue(i++, v);
    return q.exec();
}

// One kiosk as a batch sees it: its enrolment and what the index holds around the batch's
// sequences (loaded, plus what the batch accepted so far).
struct KioskState
{
    std::optional<KioskRecord> record;
    std::optional<Crypto::Ed25519PublicKey> key;
    std::map<qint64, ChainLink> rows;
};

std::optional<ChainLink> linkAt(const std::map<qint64, ChainLink> &rows, qint64 sequence)
{
    const auto it = rows.find(sequence);
    return it == rows.end() ? std::nullopt : std::optional(it->second);
}

// Runs fn(i) for i in [0, n) on up to hardware_concurrency threads: parsing and Ed25519
// verification are pure and dominate ingest (~12,000-16,000 verifications/s per core).
template <typename Fn>
void parallelFor(qsizetype n, Fn fn)
{
    const qsizetype workers = std::clamp<qsizetype>(static_cast<qsizetype>(std::thread::hardware_concurrency()), 1, 8);
    if (n < 64 || workers == 1) {
        for (qsizetype i = 0; i < n; ++i)
            fn(i);
        return;
    }
    std::vector<std::thread> threads;
    const qsizetype chunk = (n + workers - 1) / workers;
    for (qsizetype w = 0; w < workers; ++w) {
        const qsizetype from = w * chunk, to = std::min(n, from + chunk);
        if (from < to)
            threads.emplace_back([from, to, &fn] {
                for (qsizetype i = from; i < to; ++i)
                    fn(i);
            });
    }
    for (std::thread &t : threads)
        t.join();
}

// An event the batch accepted, to be written.
struct PendingRow
{
    QString kioskId;
    qint64 sequence;
    QString eventId;
    QByteArray hash, prevHash, bytes, signature;
};

// An event the batch refused, kept in `rejections` with its bytes.
struct RejectedRow
{
    IngestResult result;
    QByteArray bytes, signature;
};

// The parsed events of a batch, their hashes (computed with the parse, in parallel), and the
// kiosks and stored event ids they touch.
struct BatchIndex
{
    std::vector<std::optional<EventLog::SignedEvent>> parsed;
    std::vector<QByteArray> hashes;
    QHash<QString, KioskState> kiosks;
    QHash<QString, qint64> knownIds; // event id -> the sequence it is stored as
};

BatchIndex parseBatch(const QList<IncomingEvent> &events)
{
    BatchIndex batch;
    batch.parsed.resize(static_cast<size_t>(events.size()));
    batch.hashes.resize(static_cast<size_t>(events.size()));
    parallelFor(events.size(), [&](qsizetype i) {
        if (auto se = EventLog::signedEventFromStorage(events[i].bytes, events[i].signature)) {
            batch.hashes[static_cast<size_t>(i)] = se->hash();
            batch.parsed[static_cast<size_t>(i)] = std::move(*se);
        }
    });
    return batch;
}

// Each kiosk's enrolment and index rows from first-1 to last+1 of its sequences in the batch,
// and which of the batch's event ids are stored already (under any kiosk and sequence).
Result<void> loadIndex(const QSqlDatabase &db, BatchIndex &batch)
{
    QHash<QString, std::pair<qint64, qint64>> ranges;
    QStringList ids;
    for (const auto &se : batch.parsed) {
        if (!se)
            continue;
        const qint64 sequence = se->event.sequence;
        auto range = ranges.find(se->event.kioskId);
        if (range == ranges.end())
            ranges.insert(se->event.kioskId, {sequence, sequence});
        else
            *range = {std::min(range->first, sequence), std::max(range->second, sequence)};
        ids << se->event.id;
    }
    for (auto it = ranges.cbegin(); it != ranges.cend(); ++it) {
        KioskState &state = batch.kiosks[it.key()];
        auto k = exec(db, QStringLiteral("SELECT checkpoint, public_key, revoked_at FROM kiosks WHERE id = ?"), {it.key()});
        if (!k)
            return std::unexpected(k.error());
        if (k->next()) {
            state.record = KioskRecord{it.key(), k->value(0).toString(), k->value(1).toByteArray(), !k->value(2).isNull()};
            if (auto key = Crypto::Ed25519PublicKey::fromRaw(state.record->publicKey))
                state.key = std::move(*key);
        }
        auto rows = exec(db, QStringLiteral("SELECT sequence, hash, prev_hash FROM event_index WHERE kiosk_id = ? AND sequence BETWEEN ? AND ?"),
                         {it.key(), it.value().first - 1, it.value().second + 1});
        if (!rows)
            return std::unexpected(rows.error());
        while (rows->next())
            state.rows[rows->value(0).toLongLong()] = ChainLink{rows->value(1).toByteArray(), rows->value(2).toByteArray()};
    }
    constexpr qsizetype IdsPerQuery = 500;
    for (qsizetype i = 0; i < ids.size(); i += IdsPerQuery) {
        const QStringList chunk = ids.mid(i, IdsPerQuery);
        const QStringList marks(chunk.size(), QStringLiteral("?"));
        auto q = exec(db, QStringLiteral("SELECT event_id, sequence FROM event_index WHERE event_id IN (%1)").arg(marks.join(u',')),
                      QVariantList(chunk.cbegin(), chunk.cend()));
        if (!q)
            return std::unexpected(q.error());
        while (q->next())
            batch.knownIds.insert(q->value(0).toString(), q->value(1).toLongLong());
    }
    return {};
}

// SQLite is in-process: one prepared statement per table, executed per row (a many-row VALUES
// list makes SQLite resolve hundreds of parameter names per call). Feed ids follow the
// highest one, read under the write lock the batch holds.
Result<void> writeSqlite(const QSqlDatabase &db, const std::vector<PendingRow> &accepted, const QDateTime &now)
{
    auto max = exec(db, QStringLiteral("SELECT COALESCE(MAX(feed_id), 0) FROM event_index"));
    if (!max)
        return std::unexpected(max.error());
    qint64 nextFeedId = max->next() ? max->value(0).toLongLong() : 0;
    QSqlQuery index(db), body(db);
    if (!index.prepare(QStringLiteral("INSERT INTO event_index (kiosk_id, sequence, event_id, hash, prev_hash, feed_id) VALUES (?,?,?,?,?,?)")))
        return std::unexpected(dbError(index, QStringLiteral("prepare insert event_index")));
    if (!body.prepare(QStringLiteral("INSERT INTO events (feed_id, kiosk_id, sequence, event_id, bytes, signature, received_at) VALUES (?,?,?,?,?,?,?)")))
        return std::unexpected(dbError(body, QStringLiteral("prepare insert events")));
    const QString receivedAt = now.toString(Qt::ISODate);
    for (const PendingRow &row : accepted) {
        const qint64 feedId = ++nextFeedId;
        if (!execWith(index, {row.kioskId, row.sequence, row.eventId, row.hash, row.prevHash, feedId}))
            return std::unexpected(dbError(index, QStringLiteral("insert event_index")));
        if (!execWith(body, {feedId, row.kioskId, row.sequence, row.eventId, row.bytes, row.signature, receivedAt}))
            return std::unexpected(dbError(body, QStringLiteral("insert events")));
    }
    return {};
}

// PostgreSQL: the batch's feed ids in one query, then both tables by binary COPY (pgcopy.h).
// The uniqueness the chain rules relied on is the database's too (event_index's keys): under
// the ingest lock nothing else writes, so a violation is a bug, and it fails the batch.
Result<void> writePostgres(const QSqlDatabase &db, const std::vector<PendingRow> &accepted, const QDateTime &now)
{
    auto ids = exec(db, QStringLiteral("SELECT nextval('feed_seq') FROM generate_series(1, %1)").arg(accepted.size()));
    if (!ids)
        return std::unexpected(ids.error());
    PgCopy index(QStringLiteral("event_index"), {QStringLiteral("kiosk_id"), QStringLiteral("sequence"), QStringLiteral("event_id"),
                                                  QStringLiteral("hash"), QStringLiteral("prev_hash"), QStringLiteral("feed_id")});
    PgCopy body(QStringLiteral("events"), {QStringLiteral("feed_id"), QStringLiteral("kiosk_id"), QStringLiteral("sequence"), QStringLiteral("event_id"),
                                           QStringLiteral("bytes"), QStringLiteral("signature"), QStringLiteral("received_at")});
    for (const PendingRow &row : accepted) {
        if (!ids->next())
            return fail(QStringLiteral("CENTRAL_DB"), QStringLiteral("feed_seq gave fewer ids than events"));
        const qint64 feedId = ids->value(0).toLongLong();
        index.addRow(row.kioskId, row.sequence, row.eventId, row.hash, row.prevHash, feedId);
        body.addRow(feedId, row.kioskId, row.sequence, row.eventId, row.bytes, row.signature, now);
    }
    if (auto sent = index.send(db); !sent)
        return sent;
    return body.send(db);
}

Result<void> writeRejections(const QSqlDatabase &db, const std::vector<RejectedRow> &rejected, const QDateTime &now)
{
    for (const RejectedRow &row : rejected) {
        const IngestResult &r = row.result;
        auto q = exec(db, QStringLiteral("INSERT INTO rejections (kiosk_id, sequence, event_id, reason, detail, bytes, signature, received_at) VALUES (?,?,?,?,?,?,?,?)"),
                      {r.kioskId.isEmpty() ? QVariant() : QVariant(r.kioskId), r.sequence, r.eventId, r.reason, r.detail, row.bytes, row.signature,
                       now.toString(Qt::ISODate)});
        if (!q)
            return std::unexpected(q.error());
    }
    return {};
}

} // namespace

QString ingestStatusToString(IngestStatus s)
{
    switch (s) {
    case IngestStatus::Stored: return QStringLiteral("stored");
    case IngestStatus::Duplicate: return QStringLiteral("duplicate");
    case IngestStatus::Rejected: break;
    }
    return QStringLiteral("rejected");
}

CentralService::CentralService(CentralDatabase &db, Now now) : m_db(db), m_now(std::move(now)) {}

Result<void> CentralService::addKiosk(const KioskRecord &kiosk)
{
    if (kiosk.id.isEmpty() || kiosk.checkpoint.isEmpty())
        return fail(QStringLiteral("CENTRAL_KIOSK_INVALID"), QStringLiteral("a kiosk needs an id and a checkpoint"));
    if (!Crypto::Ed25519PublicKey::fromRaw(kiosk.publicKey))
        return fail(QStringLiteral("CENTRAL_KEY_INVALID"), QStringLiteral("public key is not 32 raw Ed25519 bytes"));
    const QSqlDatabase db = m_db.connection();
    auto existing = exec(db, QStringLiteral("SELECT 1 FROM kiosks WHERE id = ?"), {kiosk.id});
    if (!existing)
        return std::unexpected(existing.error());
    if (existing->next())
        return fail(QStringLiteral("CENTRAL_KIOSK_EXISTS"), QStringLiteral("kiosk '%1' is already enrolled").arg(kiosk.id));
    auto ins = exec(db, QStringLiteral("INSERT INTO kiosks (id, checkpoint, public_key, added_at) VALUES (?, ?, ?, ?)"),
                    {kiosk.id, kiosk.checkpoint, kiosk.publicKey, m_now().toString(Qt::ISODate)});
    if (!ins)
        return std::unexpected(ins.error());
    return {};
}

Result<void> CentralService::revokeKiosk(const QString &id)
{
    auto q = exec(m_db.connection(), QStringLiteral("UPDATE kiosks SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"),
                  {m_now().toString(Qt::ISODate), id});
    if (!q)
        return std::unexpected(q.error());
    if (q->numRowsAffected() == 0) {
        auto known = exec(m_db.connection(), QStringLiteral("SELECT 1 FROM kiosks WHERE id = ?"), {id});
        if (!known)
            return std::unexpected(known.error());
        if (!known->next())
            return fail(QStringLiteral("CENTRAL_KIOSK_UNKNOWN"), QStringLiteral("no kiosk '%1'").arg(id));
    }
    return {};
}

Result<QList<KioskRecord>> CentralService::kiosks()
{
    auto q = exec(m_db.connection(), QStringLiteral("SELECT id, checkpoint, public_key, revoked_at FROM kiosks ORDER BY id"));
    if (!q)
        return std::unexpected(q.error());
    QList<KioskRecord> out;
    while (q->next())
        out.append(KioskRecord{q->value(0).toString(), q->value(1).toString(), q->value(2).toByteArray(), !q->value(3).isNull()});
    return out;
}

Result<std::optional<KioskRecord>> CentralService::kiosk(const QString &id)
{
    auto q = exec(m_db.connection(), QStringLiteral("SELECT id, checkpoint, public_key, revoked_at FROM kiosks WHERE id = ?"), {id});
    if (!q)
        return std::unexpected(q.error());
    if (!q->next())
        return std::optional<KioskRecord>{};
    return std::optional(KioskRecord{q->value(0).toString(), q->value(1).toString(), q->value(2).toByteArray(), !q->value(3).isNull()});
}

Result<void> CentralService::ensurePartition(const QDateTime &at)
{
    if (m_db.backend() != Backend::Postgres)
        return {};
    const QDate first(at.date().year(), at.date().month(), 1);
    const QString name = QStringLiteral("events_y%1m%2").arg(first.year()).arg(first.month(), 2, 10, QLatin1Char('0'));
    if (m_partitions.contains(name))
        return {};
    // Inside the ingest transaction, under the advisory lock: DDL is transactional in PostgreSQL.
    auto q = exec(m_db.connection(), QStringLiteral("CREATE TABLE IF NOT EXISTS %1 PARTITION OF events FOR VALUES FROM ('%2') TO ('%3')")
                                         .arg(name, first.toString(Qt::ISODate) + QStringLiteral(" 00:00:00+00"),
                                              first.addMonths(1).toString(Qt::ISODate) + QStringLiteral(" 00:00:00+00")));
    if (!q)
        return std::unexpected(q.error());
    m_pendingPartition = name; // remembered only once the transaction that made it commits
    return {};
}

Result<QList<IngestResult>> CentralService::ingest(const QList<IncomingEvent> &events, const QString &sender)
{
    QSqlDatabase db = m_db.connection();
    const bool pg = m_db.backend() == Backend::Postgres;
    const QDateTime now = m_now().toUTC();
    m_pendingPartition.clear();
    if (!db.transaction())
        return fail(QStringLiteral("CENTRAL_DB"), QStringLiteral("begin: %1").arg(db.lastError().text()));
    auto rollback = qScopeGuard([&] { db.rollback(); });
    if (pg) {
        if (auto lock = exec(db, QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(IngestLockKey)); !lock)
            return std::unexpected(lock.error());
    } else {
        // Take SQLite's write lock now, so the feed ids read below stay ours.
        if (auto touch = exec(db, QStringLiteral("DELETE FROM kiosks WHERE 0")); !touch)
            return std::unexpected(touch.error());
    }
    if (auto part = ensurePartition(now); !part)
        return std::unexpected(part.error());

    // Parse everything first (in parallel), to load each kiosk's index neighbourhood in one query.
    BatchIndex batch = parseBatch(events);
    if (auto loaded = loadIndex(db, batch); !loaded)
        return std::unexpected(loaded.error());

    // Signatures, in parallel, against the enrolled keys (read-only from here on).
    std::vector<char> valid(static_cast<size_t>(events.size()), 0);
    {
        QElapsedTimer timer;
        timer.start();
        parallelFor(events.size(), [&](qsizetype i) {
            const auto &se = batch.parsed[static_cast<size_t>(i)];
            if (!se)
                return;
            const auto state = batch.kiosks.constFind(se->event.kioskId);
            valid[static_cast<size_t>(i)] = state != batch.kiosks.cend() && state->key && state->key->verify(se->bytes, se->signature) ? 1 : 0;
        });
        m_verifyNs += timer.nsecsElapsed();
    }

    // The rules (ingestdecision.h), in order: an event accepted here is a neighbour for the
    // events after it in the same batch.
    QList<IngestResult> results;
    results.reserve(events.size());
    std::vector<PendingRow> accepted;
    accepted.reserve(static_cast<size_t>(events.size()));
    std::vector<RejectedRow> rejected;
    for (qsizetype i = 0; i < events.size(); ++i) {
        IngestResult r;
        const auto &se = batch.parsed[static_cast<size_t>(i)];
        if (!se) {
            r.reason = QStringLiteral("MALFORMED");
            r.detail = EventLog::parseEvent(events[i].bytes).error().message;
            rejected.push_back(RejectedRow{r, events[i].bytes, events[i].signature});
            results.append(r);
            continue;
        }
        const EventLog::Event &e = se->event;
        const QByteArray &hash = batch.hashes[static_cast<size_t>(i)];
        r.eventId = e.id;
        r.kioskId = e.kioskId;
        r.sequence = e.sequence;
        KioskState &state = batch.kiosks[e.kioskId];
        const IngestFacts facts{e.kioskId, e.sequence, hash, e.prevHash, sender, state.record.has_value(),
                                state.record && state.record->revoked, valid[static_cast<size_t>(i)] != 0};
        const auto known = batch.knownIds.constFind(e.id);
        const ChainNeighbours neighbours{linkAt(state.rows, e.sequence), linkAt(state.rows, e.sequence - 1), linkAt(state.rows, e.sequence + 1),
                                         known == batch.knownIds.cend() ? std::nullopt : std::optional(*known)};
        const IngestDecision decision = decideIngest(facts, neighbours);
        r.status = decision.status;
        r.reason = decision.reason;
        r.detail = decision.detail;
        r.gap = decision.gap;
        if (decision.stored()) {
            state.rows[e.sequence] = ChainLink{hash, e.prevHash};
            batch.knownIds.insert(e.id, e.sequence);
            accepted.push_back(PendingRow{e.kioskId, e.sequence, e.id, hash, e.prevHash, se->bytes, se->signature});
        } else if (decision.status == IngestStatus::Rejected) {
            rejected.push_back(RejectedRow{r, events[i].bytes, events[i].signature});
        }
        results.append(r);
    }

    // Feed ids are allocated under the lock, so the feed order is the commit order.
    if (!accepted.empty())
        if (auto written = pg ? writePostgres(db, accepted, now) : writeSqlite(db, accepted, now); !written)
            return std::unexpected(written.error());
    if (auto written = writeRejections(db, rejected, now); !written)
        return std::unexpected(written.error());
    if (!db.commit())
        return fail(QStringLiteral("CENTRAL_DB"), QStringLiteral("commit: %1").arg(db.lastError().text()));
    rollback.dismiss();
    if (!m_pendingPartition.isEmpty())
        m_partitions.insert(std::exchange(m_pendingPartition, QString()));
    return results;
}

Result<KioskHead> CentralService::kioskHead(const QString &kioskId)
{
    // The primary key (kiosk_id, sequence) answers this from its last entry for the kiosk.
    auto q = exec(m_db.connection(), QStringLiteral("SELECT sequence, hash FROM event_index WHERE kiosk_id = ? ORDER BY sequence DESC LIMIT 1"), {kioskId});
    if (!q)
        return std::unexpected(q.error());
    if (!q->next())
        return KioskHead{};
    return KioskHead{q->value(0).toLongLong(), q->value(1).toByteArray()};
}

Result<bool> CentralService::rememberNonce(const QString &kioskId, const QByteArray &nonce, qint64 forgetAfter)
{
    // ON CONFLICT DO NOTHING (SQLite >= 3.24, PostgreSQL): a replay is a row not inserted, not
    // an error, and concurrent instances are serialised by the primary key.
    auto q = exec(m_db.connection(),
                  QStringLiteral("INSERT INTO request_nonces (kiosk_id, nonce, forget_after) VALUES (?, ?, ?) ON CONFLICT (kiosk_id, nonce) DO NOTHING"),
                  {kioskId, QString::fromLatin1(nonce), forgetAfter});
    if (!q)
        return std::unexpected(q.error());
    return q->numRowsAffected() == 1;
}

Result<void> CentralService::forgetNoncesBefore(qint64 now)
{
    auto q = exec(m_db.connection(), QStringLiteral("DELETE FROM request_nonces WHERE forget_after < ?"), {now});
    if (!q)
        return std::unexpected(q.error());
    return {};
}

Result<QList<FeedEntry>> CentralService::feed(qint64 after, int limit)
{
    auto q = exec(m_db.connection(), QStringLiteral("SELECT feed_id, bytes, signature FROM events WHERE feed_id > ? ORDER BY feed_id LIMIT ?"),
                  {after, std::clamp(limit, 1, 5000)});
    if (!q)
        return std::unexpected(q.error());
    QList<FeedEntry> out;
    while (q->next())
        out.append(FeedEntry{q->value(0).toLongLong(), q->value(1).toByteArray(), q->value(2).toByteArray()});
    return out;
}

Result<void> CentralService::publishReference(const ReferenceBlob &blob)
{
    auto q = exec(m_db.connection(), QStringLiteral("INSERT INTO reference_data (kind, version, body, signature, published_at) VALUES (?,?,?,?,?)"),
                  {blob.kind, blob.version, blob.body, blob.signature, m_now().toString(Qt::ISODate)});
    if (!q)
        return std::unexpected(q.error());
    return {};
}

Result<ReferenceBlob> CentralService::reference(const QString &kind, int version)
{
    auto q = version < 0
        ? exec(m_db.connection(), QStringLiteral("SELECT version, body, signature FROM reference_data WHERE kind = ? ORDER BY version DESC LIMIT 1"), {kind})
        : exec(m_db.connection(), QStringLiteral("SELECT version, body, signature FROM reference_data WHERE kind = ? AND version = ?"), {kind, version});
    if (!q)
        return std::unexpected(q.error());
    if (!q->next())
        return fail(QStringLiteral("CENTRAL_NOT_FOUND"), QStringLiteral("no reference data '%1' version %2").arg(kind).arg(version));
    return ReferenceBlob{kind, q->value(0).toInt(), q->value(1).toByteArray(), q->value(2).toByteArray()};
}

Result<QJsonObject> CentralService::stats()
{
    const QSqlDatabase db = m_db.connection();
    QJsonObject out;
    QHash<QString, QJsonObject> perKiosk;
    QStringList order;
    auto kioskList = kiosks();
    if (!kioskList)
        return std::unexpected(kioskList.error());
    for (const KioskRecord &k : *kioskList) {
        order << k.id;
        perKiosk[k.id] = QJsonObject{{QStringLiteral("id"), k.id}, {QStringLiteral("checkpoint"), k.checkpoint},
                                     {QStringLiteral("revoked"), k.revoked}, {QStringLiteral("events"), 0},
                                     {QStringLiteral("maxSequence"), 0}, {QStringLiteral("gaps"), QJsonArray()},
                                     {QStringLiteral("rejections"), QJsonObject()}};
    }
    qint64 totalEvents = 0, totalRejections = 0, forks = 0, gapCount = 0;
    auto counts = exec(db, QStringLiteral("SELECT kiosk_id, COUNT(*), MAX(sequence) FROM event_index GROUP BY kiosk_id"));
    if (!counts)
        return std::unexpected(counts.error());
    while (counts->next()) {
        QJsonObject &k = perKiosk[counts->value(0).toString()];
        k[QStringLiteral("events")] = counts->value(1).toLongLong();
        k[QStringLiteral("maxSequence")] = counts->value(2).toLongLong();
        totalEvents += counts->value(1).toLongLong();
    }
    // A gap: a run of missing sequence numbers below a stored one (from 1).
    auto gaps = exec(db, QStringLiteral(
        "SELECT kiosk_id, prev_seq + 1, sequence - 1 FROM ("
        " SELECT kiosk_id, sequence, COALESCE(LAG(sequence) OVER (PARTITION BY kiosk_id ORDER BY sequence), 0) AS prev_seq"
        " FROM event_index) t WHERE sequence - prev_seq > 1 ORDER BY kiosk_id, sequence"));
    if (!gaps)
        return std::unexpected(gaps.error());
    while (gaps->next()) {
        QJsonObject &k = perKiosk[gaps->value(0).toString()];
        QJsonArray list = k.value(QStringLiteral("gaps")).toArray();
        list.append(QJsonArray{gaps->value(1).toLongLong(), gaps->value(2).toLongLong()});
        k[QStringLiteral("gaps")] = list;
        ++gapCount;
    }
    auto rejections = exec(db, QStringLiteral("SELECT COALESCE(kiosk_id, ''), reason, COUNT(*) FROM rejections GROUP BY kiosk_id, reason"));
    if (!rejections)
        return std::unexpected(rejections.error());
    QJsonObject unattributed;
    while (rejections->next()) {
        const QString kiosk = rejections->value(0).toString();
        const QString reason = rejections->value(1).toString();
        const qint64 n = rejections->value(2).toLongLong();
        totalRejections += n;
        if (reason == QLatin1String("FORK"))
            forks += n;
        if (!perKiosk.contains(kiosk)) {
            unattributed[reason] = unattributed.value(reason).toInteger() + n;
            continue;
        }
        QJsonObject &k = perKiosk[kiosk];
        QJsonObject byReason = k.value(QStringLiteral("rejections")).toObject();
        byReason[reason] = n;
        k[QStringLiteral("rejections")] = byReason;
    }
    QJsonArray kioskArray;
    for (const QString &id : order)
        kioskArray.append(perKiosk.value(id));
    out[QStringLiteral("kiosks")] = kioskArray;
    out[QStringLiteral("events")] = totalEvents;
    out[QStringLiteral("rejections")] = totalRejections;
    out[QStringLiteral("unknownKioskRejections")] = unattributed;
    out[QStringLiteral("forks")] = forks;
    out[QStringLiteral("gaps")] = gapCount;
    return out;
}

} // namespace Kiosk::Central
