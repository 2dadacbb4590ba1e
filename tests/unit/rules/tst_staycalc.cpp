// Day counting (domain-rules §2): the per-entry formula, the rolling window against a
// brute-force day-by-day oracle on thousands of random histories (fixed seed), and how a
// crossing history is read into stays.
#include "app/rules/staycalc.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>

using namespace Kiosk;
using namespace Kiosk::Rules;

namespace {

// The oracle: the set of counted days, rebuilt from scratch for every candidate last day,
// and every window ending on a day of the new stay counted day by day.
QSet<qint64> countedSet(const Stay &s, const DayCounting &c)
{
    QSet<qint64> out;
    for (QDate d = s.entry; d <= s.exit; d = d.addDays(1)) {
        if (d == s.entry && !c.entryDayCounts)
            continue;
        if (d == s.exit && !c.exitDayCounts)
            continue;
        out.insert(d.toJulianDay());
    }
    return out;
}

bool stayComplies(const QList<Stay> &previous, const Stay &current, int n, int m, const DayCounting &c)
{
    QSet<qint64> all;
    for (const Stay &s : previous)
        all.unite(countedSet(s, c));
    const QSet<qint64> mine = countedSet(current, c);
    all.unite(mine);
    for (const qint64 t : mine) {
        int count = 0;
        for (qint64 d = t - m + 1; d <= t; ++d)
            count += all.contains(d) ? 1 : 0;
        if (count > n)
            return false;
    }
    return true;
}

QDate oracleAllowedUntil(const QList<Stay> &previous, const QDate &entry, int n, int m, const DayCounting &c)
{
    // The longest stay that complies, scanning every candidate last day from the entry on;
    // a stay ending before the entry day stands for "no day allowed".
    QDate best = entry.addDays(-1);
    for (QDate last = entry; last <= entry.addDays(n + 3); last = last.addDays(1)) {
        if (!stayComplies(previous, Stay{entry, last}, n, m, c))
            break;
        best = last;
    }
    return best;
}

} // namespace

class TestStayCalc : public QObject
{
    Q_OBJECT
private slots:
    void perEntry_data();
    void perEntry();
    void rollingMatchesOracle();
    void countedInWindowMatchesOracle();
    void readHistory_data();
    void readHistory();
};

void TestStayCalc::perEntry_data()
{
    QTest::addColumn<QDate>("entry");
    QTest::addColumn<int>("days");
    QTest::addColumn<bool>("entryCounts");
    QTest::addColumn<bool>("exitCounts");
    QTest::addColumn<QDate>("expected");
    QTest::newRow("domain-rules §2: 1 March + 90 days -> 29 May") << QDate(2026, 3, 1) << 90 << true << true << QDate(2026, 5, 29);
    QTest::newRow("leap year: 1 Feb 2028 -> 30 Apr") << QDate(2028, 2, 1) << 90 << true << true << QDate(2028, 4, 30);
    QTest::newRow("common year: 1 Feb 2026 -> 1 May") << QDate(2026, 2, 1) << 90 << true << true << QDate(2026, 5, 1);
    QTest::newRow("one-day allowance: leave the same day") << QDate(2026, 3, 1) << 1 << true << true << QDate(2026, 3, 1);
    QTest::newRow("entry day free: one day later") << QDate(2026, 3, 1) << 90 << false << true << QDate(2026, 5, 30);
    QTest::newRow("both ends free: two days later") << QDate(2026, 3, 1) << 90 << false << false << QDate(2026, 5, 31);
}

void TestStayCalc::perEntry()
{
    QFETCH(QDate, entry);
    QFETCH(int, days);
    QFETCH(bool, entryCounts);
    QFETCH(bool, exitCounts);
    QFETCH(QDate, expected);
    const DayCounting c{entryCounts, exitCounts};
    const QDate until = perEntryAllowedUntil(entry, days, c);
    QCOMPARE(until, expected);
    // The allowance is exactly used on the last day, and exceeded on the next.
    QCOMPARE(countedDays(entry, until, c), qint64(days));
    QCOMPARE(countedDays(entry, until.addDays(1), c), qint64(days + 1));
    // With no earlier stay, a rolling window longer than the stay agrees with per-entry.
    QCOMPARE(rollingAllowedUntil({}, entry, days, days + 90, c), expected);
}

// The rolling-window calculation against a brute-force oracle on thousands of
// random histories. Fixed seed: a failure names its case and reproduces.
void TestStayCalc::rollingMatchesOracle()
{
    QRandomGenerator rng(20260301u);
    int bound = 0;
    for (int i = 0; i < 3000; ++i) {
        const int n = rng.bounded(1, 100);
        const int m = n + rng.bounded(1, 200);
        const DayCounting c{rng.bounded(4) != 0, rng.bounded(4) != 0};
        const QDate entry = QDate(2024, 1, 1).addDays(rng.bounded(1200)); // across the 2024 and 2028 leap days
        QList<Stay> previous;
        QDate cursor = entry.addDays(-rng.bounded(m, 2 * m + 60));
        const int stays = rng.bounded(0, 9);
        for (int s = 0; s < stays && cursor < entry; ++s) {
            const QDate in = cursor.addDays(rng.bounded(0, 30));
            if (in > entry)
                break;
            QDate out = in.addDays(rng.bounded(0, 40));
            if (out > entry)
                out = entry; // at most a same-day re-entry
            previous.append(Stay{in, out});
            cursor = out.addDays(1);
        }
        const QDate expected = oracleAllowedUntil(previous, entry, n, m, c);
        const QDate actual = rollingAllowedUntil(previous, entry, n, m, c);
        if (actual != expected) {
            QString history;
            for (const Stay &s : previous)
                history += s.entry.toString(Qt::ISODate) + QStringLiteral("..") + s.exit.toString(Qt::ISODate) + u' ';
            QFAIL(qPrintable(QStringLiteral("case %1: N=%2 M=%3 entry %4 counts %5/%6 history [%7]: got %8, oracle %9")
                                 .arg(i).arg(n).arg(m).arg(entry.toString(Qt::ISODate))
                                 .arg(c.entryDayCounts).arg(c.exitDayCounts).arg(history)
                                 .arg(actual.toString(Qt::ISODate), expected.toString(Qt::ISODate))));
        }
        if (expected < perEntryAllowedUntil(entry, n, c))
            ++bound; // the window, not the per-stay limit, decided
    }
    // The random histories must exercise the window, not only the trivial case.
    QVERIFY2(bound > 500, qPrintable(QString::number(bound)));
}

void TestStayCalc::countedInWindowMatchesOracle()
{
    QRandomGenerator rng(7u);
    for (int i = 0; i < 500; ++i) {
        const DayCounting c{rng.bounded(2) != 0, rng.bounded(2) != 0};
        const int m = rng.bounded(1, 200);
        QList<Stay> stays;
        QDate cursor(2026, 1, 1);
        for (int s = 0; s < 5; ++s) {
            const QDate in = cursor.addDays(rng.bounded(0, 40));
            const QDate out = in.addDays(rng.bounded(0, 30));
            stays.append(Stay{in, out});
            cursor = out.addDays(1);
        }
        const QDate day = QDate(2026, 1, 1).addDays(rng.bounded(0, 300));
        QSet<qint64> all;
        for (const Stay &s : stays)
            all.unite(countedSet(s, c));
        qint64 expected = 0;
        for (qint64 d = day.toJulianDay() - m + 1; d <= day.toJulianDay(); ++d)
            expected += all.contains(d) ? 1 : 0;
        QCOMPARE(countedInWindow(stays, day, m, c), expected);
    }
}

void TestStayCalc::readHistory_data()
{
    QTest::addColumn<QString>("history");
    QTest::addColumn<QString>("through");
    QTest::addColumn<QString>("stays");
    QTest::addColumn<QString>("open");
    QTest::addColumn<QString>("missingExits");
    QTest::addColumn<QString>("orphanExits");
    QTest::newRow("entry and exit make a stay") << "E2026-01-01 X2026-01-10" << "2026-02-01" << "2026-01-01..2026-01-10" << "" << "" << "";
    QTest::newRow("an entry with no exit is open") << "E2026-01-01" << "2026-02-01" << "" << "2026-01-01" << "" << "";
    QTest::newRow("order of recording does not matter across days") << "X2026-01-10 E2026-01-01" << "2026-02-01" << "2026-01-01..2026-01-10" << "" << "" << "";
    QTest::newRow("two entries: the first exit is missing") << "E2026-01-01 E2026-01-20" << "2026-02-01" << "2026-01-01..2026-01-01" << "2026-01-20" << "2026-01-01" << "";
    QTest::newRow("an exit first has no entry") << "X2026-01-05 E2026-01-10" << "2026-02-01" << "" << "2026-01-10" << "" << "2026-01-05";
    QTest::newRow("crossings after the check date are not seen") << "E2026-01-01 X2026-03-01" << "2026-02-01" << "" << "2026-01-01" << "" << "";
    QTest::newRow("same-day exit and re-entry") << "E2026-01-01 X2026-01-10 E2026-01-10" << "2026-02-01" << "2026-01-01..2026-01-10" << "2026-01-10" << "" << "";
}

void TestStayCalc::readHistory()
{
    QFETCH(QString, history);
    QFETCH(QString, through);
    QFETCH(QString, stays);
    QFETCH(QString, open);
    QFETCH(QString, missingExits);
    QFETCH(QString, orphanExits);
    QList<Crossing> crossings;
    for (const QString &item : history.split(u' ', Qt::SkipEmptyParts))
        crossings.append(Crossing{item.front() == u'E' ? Direction::Entry : Direction::Exit,
                                  QDate::fromString(item.mid(1), Qt::ISODate), QString()});
    const HistoryView v = Kiosk::Rules::readHistory(crossings, QDate::fromString(through, Qt::ISODate));
    QStringList gotStays;
    for (const Stay &s : v.stays)
        gotStays << s.entry.toString(Qt::ISODate) + QStringLiteral("..") + s.exit.toString(Qt::ISODate);
    QCOMPARE(gotStays.join(u' '), stays);
    QCOMPARE(v.openEntry ? v.openEntry->toString(Qt::ISODate) : QString(), open);
    QStringList missing;
    for (const QDate &d : v.entriesWithoutExit)
        missing << d.toString(Qt::ISODate);
    QCOMPARE(missing.join(u' '), missingExits);
    QStringList orphans;
    for (const QDate &d : v.exitsWithoutEntry)
        orphans << d.toString(Qt::ISODate);
    QCOMPARE(orphans.join(u' '), orphanExits);
}

QTEST_APPLESS_MAIN(TestStayCalc)
#include "tst_staycalc.moc"
