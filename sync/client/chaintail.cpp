#include "sync/client/chaintail.h"

#include "app/core/privatefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace Kiosk::Sync {

namespace {

QString besideKey(const QString &keyFile, const QString &suffix)
{
    if (keyFile.isEmpty())
        return {};
    const QFileInfo key(keyFile);
    return key.dir().filePath(key.completeBaseName() + suffix);
}

} // namespace

QString kioskTailFile(const QString &keyFile)
{
    return besideKey(keyFile, QStringLiteral(".tail"));
}

QString kioskCentralMarkFile(const QString &keyFile)
{
    return besideKey(keyFile, QStringLiteral(".central"));
}

Result<QByteArray> ownEventHash(Store::Database &db, qint64 sequence)
{
    auto q = db.exec(QStringLiteral("SELECT hash FROM events WHERE sequence = ?"), {sequence});
    if (!q)
        return std::unexpected(q.error());
    const QByteArray stored = (*q)->next() ? (*q)->value(0).toByteArray() : QByteArray();
    (*q)->finish();
    return stored;
}

Result<std::optional<ChainTail>> readChainTail(const QString &path)
{
    QFile f(path);
    if (!f.exists())
        return std::optional<ChainTail>();
    if (!f.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("CHAIN_TAIL_UNREADABLE"), QStringLiteral("cannot read the chain tail %1: %2").arg(path, f.errorString()));
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(f.read(4096), &err);
    const QJsonObject o = doc.object();
    const QByteArray hash = QByteArray::fromHex(o.value(QStringLiteral("hash")).toString().toLatin1());
    const qint64 sequence = o.value(QStringLiteral("sequence")).toInteger(-1);
    if (err.error != QJsonParseError::NoError || !doc.isObject() || o.value(QStringLiteral("v")).toInt() != 1 || sequence < 0
        || (sequence > 0 && hash.size() != 32))
        return fail(QStringLiteral("CHAIN_TAIL_UNREADABLE"), QStringLiteral("the chain tail %1 is not a tail file (v 1, sequence, hash)").arg(path));
    return std::optional<ChainTail>(ChainTail{o.value(QStringLiteral("kioskId")).toString(), sequence, hash});
}

Result<void> writeChainTail(const QString &path, const ChainTail &tail)
{
    const QJsonObject o{{QStringLiteral("v"), 1}, {QStringLiteral("kioskId"), tail.kioskId}, {QStringLiteral("sequence"), tail.sequence},
                        {QStringLiteral("hash"), QString::fromLatin1(tail.hash.toHex())}};
    return replaceFile(path, QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n', 0600);
}

Result<void> checkChainTail(Store::Database &db, const QString &path)
{
    auto head = Store::EventRepository(db).head();
    if (!head)
        return std::unexpected(head.error());
    return checkChainTail(db, path, *head);
}

Result<void> checkChainTail(Store::Database &db, const QString &path, const Store::ChainHead &head)
{
    auto tail = readChainTail(path);
    if (!tail)
        return std::unexpected(tail.error());
    if (!*tail) {
        if (head.sequence == 0)
            return {};
        return fail(QStringLiteral("CHAIN_TAIL_MISSING"),
                    QStringLiteral("the log holds %1 events but the chain tail %2 is missing: it was deleted, or this kiosk predates it "
                                   "(`kioskctl log adopt-tail` after `kioskctl log verify --full`)")
                        .arg(head.sequence)
                        .arg(path));
    }
    const ChainTail &t = **tail;
    if (t.sequence == 0)
        return {};
    if (head.sequence < t.sequence)
        return fail(QStringLiteral("CHAIN_TAIL_TRUNCATED"),
                    QStringLiteral("the log ends at sequence %1 but the kiosk signed up to %2 (%3): events were deleted from the database")
                        .arg(head.sequence)
                        .arg(t.sequence)
                        .arg(path));
    auto stored = ownEventHash(db, t.sequence);
    if (!stored)
        return std::unexpected(stored.error());
    if (*stored != t.hash)
        return fail(QStringLiteral("CHAIN_TAIL_MISMATCH"),
                    QStringLiteral("the event at sequence %1 is not the one the kiosk signed (%2): the log was replaced").arg(t.sequence).arg(path));
    return {};
}

Result<void> raiseCentralMark(const QString &path, const ChainTail &mark)
{
    auto old = readChainTail(path);
    if (!old)
        return std::unexpected(old.error());
    if (*old && (*old)->sequence >= mark.sequence)
        return {};
    return writeChainTail(path, mark);
}

Result<void> checkCentralMark(Store::Database &db, const QString &path, const Store::ChainHead &head)
{
    auto mark = readChainTail(path);
    if (!mark)
        return std::unexpected(mark.error());
    if (!*mark || (*mark)->sequence == 0)
        return {};
    const ChainTail &m = **mark;
    if (head.sequence < m.sequence)
        return fail(QStringLiteral("CHAIN_BEHIND_CENTRAL"),
                    QStringLiteral("the log ends at sequence %1 but the central service holds this kiosk's events up to %2 (%3): the database was "
                                   "restored from an old copy or cut; a new event would reuse sequence %4 (README \"A damaged kiosk database\")")
                        .arg(head.sequence)
                        .arg(m.sequence)
                        .arg(path)
                        .arg(head.sequence + 1));
    auto stored = ownEventHash(db, m.sequence);
    if (!stored)
        return std::unexpected(stored.error());
    if (*stored != m.hash)
        return fail(QStringLiteral("CHAIN_DIVERGES_FROM_CENTRAL"),
                    QStringLiteral("the event at sequence %1 is not the one the central service holds (%2): the log was replaced").arg(m.sequence).arg(path));
    return {};
}

} // namespace Kiosk::Sync
