// Binary COPY over the QPSQL connection (sync/central/pgcopy.h): every field type comes back
// as it was sent, a refused COPY is an error value and leaves the connection usable, and a
// connection that is not PostgreSQL's is refused. Needs scripts/test-services.
#include "centraltestdb.h"
#include "sync/central/pgcopy.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>

using namespace Kiosk;
using namespace Kiosk::Central;

namespace {
const QString Connection = QStringLiteral("tst-pgcopy");
const QStringList Columns{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("body"), QStringLiteral("at")};

PgCopy rowsOf(const QList<qint64> &ids, const QString &name, const QByteArray &body, const QDateTime &at)
{
    PgCopy copy(QStringLiteral("copied"), Columns);
    for (const qint64 id : ids)
        copy.addRow(id, name, body, at);
    return copy;
}
} // namespace

class TstPgCopy : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void fieldsRoundTrip();
    void refusedCopyIsAnErrorAndTheConnectionRecovers();
    void noRowsSendsNothing();
    void notPostgresIsRefused();

private:
    std::unique_ptr<Central::Test::ScratchDatabase> m_scratch;
};

void TstPgCopy::init()
{
    m_scratch = std::make_unique<Central::Test::ScratchDatabase>(QStringLiteral("postgresql"));
    if (m_scratch->url().isEmpty())
        QSKIP("PostgreSQL not available: KIOSK_TEST_PG_URL is not set (scripts/test-services starts it)");
    const QUrl u(m_scratch->url());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), Connection);
    db.setHostName(u.host());
    db.setPort(u.port(5432));
    db.setUserName(u.userName());
    db.setDatabaseName(u.path().mid(1));
    QVERIFY(db.open());
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("CREATE TABLE copied (id BIGINT PRIMARY KEY, name TEXT NOT NULL, body BYTEA NOT NULL, at TIMESTAMPTZ NOT NULL)")));
}

void TstPgCopy::cleanup()
{
    if (QSqlDatabase::contains(Connection)) {
        QSqlDatabase::database(Connection).close();
        QSqlDatabase::removeDatabase(Connection);
    }
    m_scratch.reset();
}

void TstPgCopy::fieldsRoundTrip()
{
    QSqlDatabase db = QSqlDatabase::database(Connection);
    QByteArray every;
    for (int b = 0; b < 256; ++b)
        every.append(static_cast<char>(b)); // NUL and backslash included: no escaping on the way
    const QString name = QStringLiteral("Şəki–Qax «GYD»");
    const QDateTime at(QDate(2026, 11, 30), QTime(23, 59, 59, 123), QTimeZone::utc());
    const PgCopy copy = rowsOf({1, -7, (qint64(1) << 53) - 1}, name, every, at);
    QCOMPARE(copy.rows(), 3);
    QVERIFY(db.transaction());
    const auto sent = copy.send(db);
    QVERIFY2(sent, qPrintable(sent ? QString() : sent.error().message));
    QVERIFY(db.commit());
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("SELECT id, name, body, EXTRACT(EPOCH FROM at) * 1000 FROM copied ORDER BY id")));
    QList<qint64> ids;
    while (q.next()) {
        ids << q.value(0).toLongLong();
        QCOMPARE(q.value(1).toString(), name);
        QCOMPARE(q.value(2).toByteArray(), every);
        QCOMPARE(qRound64(q.value(3).toDouble()), at.toMSecsSinceEpoch());
    }
    QCOMPARE(ids, (QList<qint64>{-7, 1, (qint64(1) << 53) - 1}));
}

void TstPgCopy::refusedCopyIsAnErrorAndTheConnectionRecovers()
{
    QSqlDatabase db = QSqlDatabase::database(Connection);
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(0, QTimeZone::utc());
    QVERIFY(db.transaction());
    QVERIFY(rowsOf({5}, QStringLiteral("a"), "x", at).send(db));
    const auto twice = rowsOf({6, 5}, QStringLiteral("b"), "y", at).send(db); // 5 again: primary key
    QVERIFY(!twice);
    QCOMPARE(twice.error().code, QStringLiteral("CENTRAL_DB"));
    QVERIFY2(twice.error().message.startsWith(u"COPY copied: "), qPrintable(twice.error().message));
    QVERIFY(db.rollback());
    // The connection is idle again: QPSQL works on it, and nothing of the batch stayed.
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM copied")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    QVERIFY(rowsOf({5}, QStringLiteral("a"), "x", at).send(db));
}

void TstPgCopy::noRowsSendsNothing()
{
    // Not even to a connection that is not PostgreSQL's: an empty batch never asks.
    QVERIFY(PgCopy(QStringLiteral("copied"), Columns).send(QSqlDatabase()));
}

void TstPgCopy::notPostgresIsRefused()
{
    QSqlDatabase lite = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tst-pgcopy-sqlite"));
    lite.setDatabaseName(QStringLiteral(":memory:"));
    QVERIFY(lite.open());
    const auto sent = rowsOf({1}, QStringLiteral("a"), "x", QDateTime::currentDateTimeUtc()).send(lite);
    QVERIFY(!sent);
    QCOMPARE(sent.error().message, QStringLiteral("COPY copied: not a PostgreSQL connection"));
    lite.close();
    lite = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("tst-pgcopy-sqlite"));
}

QTEST_GUILESS_MAIN(TstPgCopy)
#include "tst_pgcopy.moc"
