// The kiosk's working set (app/store/workingset.h): which pulled crossings a prune removes,
// and that no check on or after the cutoff sees a different history afterwards. Synthetic
// travellers only; the pulled crossings are real canonical events stored as the sync client
// stores them (remote event + crossing row).
#include "storetest_p.h"

#include "app/rules/staycalc.h"
#include "app/store/crossingrepository.h"
#include "app/store/eventrepository.h"
#include "app/store/personrepository.h"
#include "app/store/visarepository.h"
#include "app/store/workingset.h"
#include "sync/client/crossingrecorder.h"
#include "sync/eventlog/event.h"

#include <QRandomGenerator>
#include <QTimeZone>
#include <QSqlQuery>
#include <QUuid>

using namespace Kiosk;
using namespace StoreTest;

namespace {

const QDate kToday(2026, 12, 1);
constexpr int kWindow = 180;
const QDate kCutoff = Store::workingSetCutoff(kToday, kWindow); // 2026-06-05

// One crossing of a test history: "E 2026-01-10" (pulled entry), "X ..." (pulled exit),
// lower case for the kiosk's own rows; a pulled crossing may carry reasons after a '+':
// "X 2026-03-01+OVERSTAY".
struct Step
{
    Direction direction;
    QDate date;
    bool pulled;
    QStringList reasons;
};

Step step(const QString &text)
{
    const QStringList parts = text.split(u'+');
    const QStringList head = parts.front().split(u' ');
    Step s;
    s.direction = head[0].compare(u"e", Qt::CaseInsensitive) == 0 ? Direction::Entry : Direction::Exit;
    s.pulled = head[0].front().isUpper();
    s.date = QDate::fromString(head[1], Qt::ISODate);
    s.reasons = parts.mid(1);
    return s;
}

int g_sequence = 0;

// A pulled event of another kiosk, in the real canonical encoding.
EventLog::Event pulledEvent(const TravelDocument &doc, const QString &kind, Direction direction, const QDate &date,
                            const QStringList &reasons)
{
    EventLog::Event e;
    e.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.kioskId = QStringLiteral("K-OTHER");
    e.sequence = ++g_sequence;
    e.checkpoint = QStringLiteral("GYD-T1");
    e.officer = QStringLiteral("O-1");
    e.kind = kind;
    e.direction = direction;
    e.document = Sync::documentIdentity(doc);
    e.verdict = kind == u"refusal" ? QStringLiteral("REFUSE") : QStringLiteral("ADMIT");
    e.reasons = reasons;
    e.policyVersion = QStringLiteral("2009.07-1");
    e.recordedAt = QDateTime(date, QTime(10, 0), QTimeZone(4 * 3600));
    e.prevHash = EventLog::genesisHash();
    return e;
}

// Stores a pulled event as the sync client does: the signed event, then (for a crossing) its row.
void storeEvent(Store::Database &db, const EventLog::Event &e)
{
    auto bytes = EventLog::canonicalBytes(e);
    QVERIFY2(bytes.has_value(), bytes ? "" : qPrintable(bytes.error().message));
    auto stored = Store::EventRepository(db).storeRemote(Sync::remoteEventOf(EventLog::SignedEvent{*bytes, QByteArray(64, 'x'), e}, e.sequence));
    QVERIFY(stored && *stored);
    QVERIFY(Sync::recordRemoteCrossing(db, e, QDateTime(kToday, QTime(12, 0), QTimeZone::utc())).has_value());
}

void storePulled(Store::Database &db, const TravelDocument &doc, const Step &s)
{
    storeEvent(db, pulledEvent(doc, QStringLiteral("crossing"), s.direction, s.date, s.reasons));
}

void storeOwn(Store::Database &db, qint64 personId, const Step &s)
{
    Store::CrossingRecord r;
    r.personId = personId;
    r.crossing = Crossing{s.direction, s.date, QStringLiteral("GYD-T1")};
    r.source = QStringLiteral("local");
    QVERIFY(Store::CrossingRepository(db).record(r).has_value());
}

qint64 personOf(Store::Database &db, const TravelDocument &doc)
{
    auto found = Store::PersonRepository(db).findOrCreate(doc, QDateTime(kToday, QTime(12, 0), QTimeZone::utc()));
    return found ? found->personId : -1;
}

QStringList historyText(Store::Database &db, qint64 personId)
{
    QStringList out;
    auto h = Store::CrossingRepository(db).history(personId);
    if (!h)
        return {QStringLiteral("error: ") + h.error().message};
    for (const Crossing &c : *h)
        out << QStringLiteral("%1 %2").arg(c.direction == Direction::Entry ? QStringLiteral("E") : QStringLiteral("X")).arg(c.date.toString(Qt::ISODate));
    return out;
}

qint64 count(Store::Database &db, const char *sql)
{
    auto q = db.exec(QString::fromLatin1(sql));
    if (!q || !(*q)->next())
        return -1;
    const qint64 n = (*q)->value(0).toLongLong();
    (*q)->finish();
    return n;
}

} // namespace

class TestWorkingSet : public QObject
{
    Q_OBJECT

private slots:
    void rules_data();
    void rules();
    void prunedHistoryReadsTheSameForEveryLaterCheck();
    void dryRunCountsAndRemovesNothing();
    void oldNonCrossingEventsGoAndPersonsLeftWithNothingGo();
    void cutoffIsTheFirstDayOfTheWindow();
};

void TestWorkingSet::rules_data()
{
    QTest::addColumn<QStringList>("history");     // oldest first
    QTest::addColumn<QString>("extra");           // "visa FROM UNTIL" | "watchlisted" | ""
    QTest::addColumn<QStringList>("kept");        // what history() reads after the prune

    const auto L = [](std::initializer_list<const char *> items) {
        QStringList out;
        for (const char *i : items)
            out << QString::fromLatin1(i);
        return out;
    };
    QTest::newRow("a completed stay before the window goes")
        << L({"E 2026-01-10", "X 2026-02-01", "E 2026-07-01", "X 2026-07-20"}) << QString()
        << L({"E 2026-07-01", "X 2026-07-20"});
    QTest::newRow("a crossing on the cutoff day stays")
        << L({"E 2026-06-05", "X 2026-06-20"}) << QString() << L({"E 2026-06-05", "X 2026-06-20"});
    QTest::newRow("the day before the cutoff goes")
        << L({"E 2026-05-01", "X 2026-06-04"}) << QString() << L({});
    QTest::newRow("a stay reaching into the window is kept whole")
        << L({"E 2026-05-01", "X 2026-06-10"}) << QString() << L({"E 2026-05-01", "X 2026-06-10"});
    QTest::newRow("the open stay is kept whatever its age")
        << L({"E 2024-01-10", "X 2024-02-01", "E 2025-03-01"}) << QString() << L({"E 2025-03-01"});
    QTest::newRow("an entry without its exit is kept: the rules report it on every check")
        << L({"E 2025-01-10", "E 2025-05-01", "X 2025-05-20"}) << QString()
        << L({"E 2025-01-10", "E 2025-05-01", "X 2025-05-20"});
    QTest::newRow("an overstay keeps its stay")
        << L({"E 2025-01-10", "X 2025-06-01+OVERSTAY", "E 2025-09-01", "X 2025-09-10"}) << QString()
        << L({"E 2025-01-10", "X 2025-06-01"});
    QTest::newRow("a watchlist reason keeps its crossing")
        << L({"E 2025-01-10+WANTED", "X 2025-01-20"}) << QString() << L({"E 2025-01-10", "X 2025-01-20"});
    QTest::newRow("entries inside a visa still valid are kept for its entry count")
        << L({"E 2025-01-10", "X 2025-01-20", "E 2026-02-01", "X 2026-02-10"}) << QStringLiteral("visa 2026-01-01 2027-01-01")
        << L({"E 2026-02-01", "X 2026-02-10"});
    QTest::newRow("a visa that ended before the cutoff keeps nothing")
        << L({"E 2025-02-01", "X 2025-02-10"}) << QStringLiteral("visa 2025-01-01 2025-12-31") << L({});
    QTest::newRow("a watchlisted document keeps the whole history")
        << L({"E 2024-01-10", "X 2024-02-01"}) << QStringLiteral("watchlisted") << L({"E 2024-01-10", "X 2024-02-01"});
    QTest::newRow("the kiosk's own crossings are never pruned")
        << L({"e 2024-01-10", "x 2024-02-01", "E 2024-03-01", "X 2024-03-05"}) << QString()
        << L({"E 2024-01-10", "X 2024-02-01"});
    QTest::newRow("an old exit without its entry goes")
        << L({"X 2025-01-10", "E 2026-07-01"}) << QString() << L({"E 2026-07-01"});
    QTest::newRow("an own entry keeps the pulled exit that closes it")
        << L({"e 2025-01-10", "X 2025-01-20"}) << QString() << L({"E 2025-01-10", "X 2025-01-20"});
}

void TestWorkingSet::rules()
{
    QFETCH(QStringList, history);
    QFETCH(QString, extra);
    QFETCH(QStringList, kept);

    TempDb t;
    QVERIFY(t.db);
    const TravelDocument doc = passport("DEU", "C01X00T47", "DEU", "MUSTERMANN", "ERIKA", QDate(1980, 8, 12));
    const qint64 person = personOf(*t, doc);
    QVERIFY(person > 0);
    for (const QString &text : history) {
        const Step s = step(text);
        if (s.pulled)
            storePulled(*t, doc, s);
        else
            storeOwn(*t, person, s);
        if (QTest::currentTestFailed())
            return;
    }
    if (extra.startsWith(u"visa")) {
        const QStringList v = extra.split(u' ');
        Visa visa;
        visa.validFrom = QDate::fromString(v[1], Qt::ISODate);
        visa.validUntil = QDate::fromString(v[2], Qt::ISODate);
        visa.days = 30;
        visa.entries = 2;
        QVERIFY(Store::VisaRepository(*t).add(person, std::nullopt, visa).has_value());
    } else if (extra == u"watchlisted") {
        auto q = (*t).exec(QStringLiteral("INSERT INTO watchlist_entries (entry_id, kind, issuing_state, document_number) "
                                          "VALUES ('WL-1', 'stolen_document', 'DEU', 'C01X00T47')"));
        QVERIFY(q.has_value());
    }

    auto report = Store::pruneWorkingSet(*t, kCutoff);
    QVERIFY2(report.has_value(), report ? "" : qPrintable(report.error().message));
    QCOMPARE(report->cutoff, kCutoff);
    QStringList after = historyText(*t, person);
    if (kept.isEmpty() && count(*t, "SELECT count(*) FROM persons") == 0)
        after.clear(); // the person went too: nothing of theirs is left
    QCOMPARE(after, kept);
    // Every pulled crossing that went took its signed event along; every one kept has it.
    QCOMPARE(count(*t, "SELECT count(*) FROM crossings c WHERE c.source = 'central' "
                       "AND NOT EXISTS (SELECT 1 FROM remote_events r WHERE r.event_id = c.event_id)"),
             0);
    QCOMPARE(count(*t, "SELECT count(*) FROM remote_events r WHERE NOT EXISTS (SELECT 1 FROM crossings c WHERE c.event_id = r.event_id)"),
             0);
    QCOMPARE(report->crossingsRemoved, report->eventsRemoved);
}

// Random histories of many travellers: for every check day from the cutoff's last day on, the
// history the rules read says the same before and after the prune (stays counted in the
// rolling window, the open entry, the missing exits, the rolling allowance of an entry).
void TestWorkingSet::prunedHistoryReadsTheSameForEveryLaterCheck()
{
    TempDb t;
    QVERIFY(t.db);
    QRandomGenerator rng(20261207); // fixed: a failure replays
    constexpr int kPersons = 150;
    QList<qint64> persons;
    Store::Transaction load(*t); // one commit for the whole load, not one fsync a crossing
    for (int p = 0; p < kPersons; ++p) {
        const QByteArray number = QByteArray("R") + QByteArray::number(100000 + p);
        const TravelDocument doc = passport("GBR", number.constData(), "GBR", "TESTER", "ALEX", QDate(1970 + p % 40, 1 + p % 12, 1 + p % 28));
        const qint64 person = personOf(*t, doc);
        QVERIFY(person > 0);
        persons << person;
        QDate day(2024, 1, 1);
        day = day.addDays(rng.bounded(200));
        bool inside = false;
        while (day < kToday) {
            Step s{inside ? Direction::Exit : Direction::Entry, day, rng.bounded(10) < 8, {}};
            if (rng.bounded(25) == 0)
                s.direction = Direction::Entry; // now and then an exit was not recorded
            if (s.direction == Direction::Exit && rng.bounded(20) == 0)
                s.reasons << QStringLiteral("OVERSTAY");
            if (s.pulled)
                storePulled(*t, doc, s);
            else
                storeOwn(*t, person, s);
            if (QTest::currentTestFailed())
                return;
            inside = s.direction == Direction::Entry;
            day = day.addDays(1 + rng.bounded(inside ? 60 : 120));
        }
    }
    QVERIFY(load.commit().has_value());
    Rules::DayCounting counting;
    const auto reading = [&](qint64 person) {
        auto h = Store::CrossingRepository(*t).history(person);
        QStringList out;
        if (!h)
            return QStringList{h.error().message};
        for (QDate d = kToday; d <= kToday.addDays(kWindow); d = d.addDays(7)) {
            const Rules::HistoryView v = Rules::readHistory(*h, d);
            QStringList missing;
            for (const QDate &m : v.entriesWithoutExit)
                missing << m.toString(Qt::ISODate);
            QList<Rules::Stay> previous = v.stays;
            if (v.openEntry)
                previous.append(Rules::Stay{*v.openEntry, *v.openEntry});
            out << QStringLiteral("%1 open=%2 missing=%3 counted=%4 until=%5")
                       .arg(d.toString(Qt::ISODate), v.openEntry ? v.openEntry->toString(Qt::ISODate) : QString(),
                            missing.join(u','))
                       .arg(Rules::countedInWindow(previous, d, kWindow, counting))
                       .arg(Rules::rollingAllowedUntil(previous, d, 90, kWindow, counting).toString(Qt::ISODate));
        }
        return out;
    };
    QHash<qint64, QStringList> before;
    for (qint64 p : persons)
        before.insert(p, reading(p));
    const qint64 pulledBefore = count(*t, "SELECT count(*) FROM crossings WHERE source = 'central'");

    auto report = Store::pruneWorkingSet(*t, kCutoff);
    QVERIFY2(report.has_value(), report ? "" : qPrintable(report.error().message));
    // The prune must have had something to do, or this test proves nothing.
    QVERIFY2(report->crossingsRemoved > pulledBefore / 3, qPrintable(QString::number(report->crossingsRemoved)));
    QCOMPARE(report->crossingsKept + report->crossingsRemoved, pulledBefore);
    for (qint64 p : persons) {
        if (count(*t, qPrintable(QStringLiteral("SELECT count(*) FROM persons WHERE id = %1").arg(p))) == 0) {
            // A person removed had nothing a later check reads: no open stay, no missing exit,
            // nothing counted in any window.
            for (const QString &line : before.value(p))
                QVERIFY2(line.contains(u"open= missing= counted=0"), qPrintable(line));
            continue;
        }
        QCOMPARE(reading(p), before.value(p));
    }
}

void TestWorkingSet::dryRunCountsAndRemovesNothing()
{
    TempDb t;
    QVERIFY(t.db);
    const TravelDocument doc = passport("FRA", "D12345678", "FRA", "DUPONT", "CLAIRE", QDate(1990, 3, 4));
    for (const char *text : {"E 2025-01-10", "X 2025-02-01", "E 2026-07-01", "X 2026-07-20"}) {
        storePulled(*t, doc, step(QString::fromLatin1(text)));
        if (QTest::currentTestFailed())
            return;
    }
    auto dry = Store::pruneWorkingSet(*t, kCutoff, true);
    QVERIFY(dry.has_value());
    QCOMPARE(dry->crossingsRemoved, 2);
    QCOMPARE(dry->eventsRemoved, 2);
    QCOMPARE(dry->crossingsKept, 2);
    QCOMPARE(count(*t, "SELECT count(*) FROM crossings"), 4);
    QCOMPARE(count(*t, "SELECT count(*) FROM remote_events"), 4);
    auto real = Store::pruneWorkingSet(*t, kCutoff);
    QVERIFY(real.has_value());
    QCOMPARE(real->crossingsRemoved, dry->crossingsRemoved);
    QCOMPARE(real->eventsRemoved, dry->eventsRemoved);
    QCOMPARE(count(*t, "SELECT count(*) FROM crossings"), 2);
    // A second prune finds nothing more.
    auto again = Store::pruneWorkingSet(*t, kCutoff);
    QVERIFY(again.has_value());
    QCOMPARE(again->crossingsRemoved, 0);
}

void TestWorkingSet::oldNonCrossingEventsGoAndPersonsLeftWithNothingGo()
{
    TempDb t;
    QVERIFY(t.db);
    const TravelDocument gone = passport("ITA", "YA0000001", "ITA", "ROSSI", "LUCA", QDate(1985, 5, 5));
    const TravelDocument visaHolder = passport("IND", "Z0000002", "IND", "KUMAR", "ASHA", QDate(1992, 2, 2));
    for (const char *text : {"E 2025-01-10", "X 2025-02-01"}) {
        storePulled(*t, gone, step(QString::fromLatin1(text)));
        storePulled(*t, visaHolder, step(QString::fromLatin1(text)));
    }
    Visa visa;
    visa.validFrom = QDate(2024, 1, 1);
    visa.validUntil = QDate(2024, 12, 31);
    visa.days = 30;
    QVERIFY(Store::VisaRepository(*t).add(personOf(*t, visaHolder), std::nullopt, visa).has_value());
    // A refusal (no crossing) before the cutoff and one after it.
    for (const QDate &d : {QDate(2025, 3, 3), QDate(2026, 9, 9)}) {
        storeEvent(*t, pulledEvent(gone, QStringLiteral("refusal"), Direction::Entry, d, {QStringLiteral("VISA_MISSING")}));
        if (QTest::currentTestFailed())
            return;
    }
    auto report = Store::pruneWorkingSet(*t, kCutoff);
    QVERIFY(report.has_value());
    QCOMPARE(report->crossingsRemoved, 4);
    QCOMPARE(report->eventsRemoved, 5); // four crossings and the old refusal
    QCOMPARE(report->personsRemoved, 1); // the visa holder stays: the register's visa is theirs
    QCOMPARE(count(*t, "SELECT count(*) FROM remote_events"), 1);
    QCOMPARE(count(*t, "SELECT count(*) FROM persons"), 1);
    QCOMPARE(count(*t, "SELECT count(*) FROM documents WHERE number = 'YA0000001'"), 0);
    QCOMPARE(count(*t, "SELECT count(*) FROM visas"), 1);
}

void TestWorkingSet::cutoffIsTheFirstDayOfTheWindow()
{
    // The rolling window of a check on D is D-(M-1)..D (staycalc.h countedInWindow).
    QCOMPARE(Store::workingSetCutoff(QDate(2026, 12, 1), 180), QDate(2026, 6, 5));
    QCOMPARE(Store::workingSetCutoff(QDate(2026, 12, 1), 1), QDate(2026, 12, 1));
    QCOMPARE(Store::workingSetCutoff(QDate(2026, 12, 1), 0), QDate(2026, 12, 1)); // never ahead of the day
    TempDb t;
    QVERIFY(t.db);
    auto bad = Store::pruneWorkingSet(*t, QDate());
    QVERIFY(!bad.has_value());
    QCOMPARE(bad.error().code, QStringLiteral("STORE_BAD_CUTOFF"));
}

QTEST_GUILESS_MAIN(TestWorkingSet)
#include "tst_workingset.moc"
