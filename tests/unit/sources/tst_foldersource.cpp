// The scanner drop folder: the settle rule on its own (pure, time passed in), then the real
// folder source on a QTemporaryDir with files written whole, in chunks, renamed into place,
// with other extensions, hidden, and before the source started. Its time is a ManualClock
// (app/core/scheduler.h): each step says what has happened after exactly how long, nothing sleeps.
#include "app/core/manualclock.h"
#include "scanner/sources/foldersource.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Kiosk;
using namespace Kiosk::Sources;
using namespace std::chrono_literals;

namespace {

using Listing = QHash<QString, FileSnapshot>;

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// The next timer's due time in ms from now, -1 for none (printable in a failed QCOMPARE).
qint64 dueInMs(const Kiosk::ManualClock &clock)
{
    const auto due = clock.nextDue();
    return due ? due->count() : -1;
}

const QDateTime kStart(QDate(2026, 11, 20), QTime(6, 0), QTimeZone::utc());

// The file system watcher's notice is a real event: waited for (what follows asserts what the
// source did, never how long the notice took). The source shows it has looked by polling for
// the files it saw settle.
bool waitUntilPolling(const ManualClock &clock)
{
    return QTest::qWaitFor([&] { return clock.nextDue().has_value(); }, 10000);
}

QStringList arrivedNames(const QSignalSpy &spy)
{
    QStringList names;
    for (const auto &args : spy)
        names << QFileInfo(args.at(0).toString()).fileName();
    return names;
}

} // namespace

class TestFolderSource : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void settleGrowingFile();
    void settleRules();
    void reportsCompleteImagesOnce();
    void partialFileIsNotReadEarly();
    void existingFilesAreNotNewDocuments();
    void missingFolderIsUnavailable();
    void lostFolderIsLookedForAgain();
};

void TestFolderSource::settleGrowingFile()
{
    SettleTracker tracker(500);
    QVERIFY(tracker.observe({{"a.png", {100, 1}}}, 0).isEmpty());  // first sight: wait
    QVERIFY(tracker.pending());
    QVERIFY(tracker.observe({{"a.png", {200, 2}}}, 400).isEmpty()); // grew: clock restarts
    QVERIFY(tracker.observe({{"a.png", {200, 2}}}, 800).isEmpty()); // stable 400 ms < 500
    QCOMPARE(tracker.observe({{"a.png", {200, 2}}}, 900), QStringList{"a.png"});
    QVERIFY(!tracker.pending());
    QVERIFY(tracker.observe({{"a.png", {200, 2}}}, 5000).isEmpty()); // once only
    QVERIFY(tracker.observe({{"a.png", {300, 3}}}, 6000).isEmpty()); // rewritten: still once
}

void TestFolderSource::settleRules()
{
    SettleTracker tracker(100);
    // An empty file (created, not yet written) never settles.
    QVERIFY(tracker.observe({{"e.png", {0, 1}}}, 0).isEmpty());
    QVERIFY(tracker.observe({{"e.png", {0, 1}}}, 1000).isEmpty());
    QVERIFY(tracker.pending());
    // Same size, new modification time: still being written (a driver rewriting a header).
    QVERIFY(tracker.observe({{"m.png", {10, 1}}}, 0).isEmpty());
    QVERIFY(tracker.observe({{"m.png", {10, 2}}}, 150).isEmpty());
    QCOMPARE(tracker.observe({{"m.png", {10, 2}}}, 250), QStringList{"m.png"});
    // A file that goes away and comes back under the same name is a new document.
    QVERIFY(tracker.observe({}, 300).isEmpty());
    QVERIFY(tracker.observe({{"m.png", {10, 9}}}, 400).isEmpty());
    QCOMPARE(tracker.observe({{"m.png", {10, 9}}}, 500), QStringList{"m.png"});
    // Several settle together: reported in name order.
    SettleTracker many(100);
    const Listing three{{"c.png", {1, 1}}, {"a.png", {1, 1}}, {"b.png", {1, 1}}};
    QVERIFY(many.observe(three, 0).isEmpty());
    QCOMPARE(many.observe(three, 100), (QStringList{"a.png", "b.png", "c.png"}));
    // Files there before watching began are never reported.
    SettleTracker old(100);
    old.ignore({{"old.png", {5, 5}}});
    QVERIFY(old.observe({{"old.png", {5, 5}}}, 1000).isEmpty());
    QVERIFY(!old.pending());
}

void TestFolderSource::reportsCompleteImagesOnce()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ManualClock clock(kStart);
    FolderSource source(FolderSettings{.path = dir.path(), .settleMs = 100}, clock);
    QSignalSpy arrived(&source, &DocumentSource::imageFileArrived);
    source.start();
    QCOMPARE(source.status(), SourceStatus::Running);
    QVERIFY(!clock.nextDue()); // an empty folder: nothing to poll for, the watcher is enough

    QVERIFY(writeFile(dir.filePath("page1.png"), QByteArray(2048, 'x')));
    QVERIFY(writeFile(dir.filePath("notes.txt"), "not an image"));
    QVERIFY(writeFile(dir.filePath(".hidden.png"), QByteArray(10, 'x')));
    QVERIFY(writeFile(dir.filePath("PAGE2.JPG"), QByteArray(10, 'x')));
    // The driver's usual trick: write under a temporary name, then rename into place.
    QVERIFY(writeFile(dir.filePath("page3.tif.part"), QByteArray(4096, 'x')));
    QVERIFY(QFile::rename(dir.filePath("page3.tif.part"), dir.filePath("page3.tif")));

    // The watcher's notice (a real event, waited for) makes the source look: the files are
    // seen at 0 ms and polled for at a quarter of the settle time.
    QVERIFY(waitUntilPolling(clock));
    QCOMPARE(dueInMs(clock), 25);
    QCOMPARE(arrived.size(), 0); // seen, not yet settled
    clock.advance(99ms);         // polls at 25, 50, 75: unchanged, but not for 100 ms yet
    QCOMPARE(arrived.size(), 0);
    clock.advance(1ms); // unchanged for 100 ms: complete
    QCOMPARE(arrived.size(), 3);
    QVERIFY(!clock.nextDue()); // nothing pending: polling stops
    QStringList names = arrivedNames(arrived);
    names.sort();
    QCOMPARE(names, (QStringList{"PAGE2.JPG", "page1.png", "page3.tif"}));
    QCOMPARE(arrived.at(0).at(1).value<ImageContent>(), ImageContent::Unknown);
    QCOMPARE(arrived.at(0).at(2).value<SourceInfo>().kind, SourceKind::Folder);
    QVERIFY(QFileInfo(arrived.at(0).at(0).toString()).isAbsolute());
    // Several settle periods more, and whatever notices the watcher still had: nothing twice.
    clock.advance(400ms);
    QCoreApplication::processEvents();
    source.folderChanged();
    QCOMPARE(arrived.size(), 3);

    // Deleted (the source looks and forgets it) and scanned again under the same name: a new
    // document, complete 100 ms after it was first seen.
    QVERIFY(QFile::remove(dir.filePath("page1.png")));
    source.folderChanged();
    QVERIFY(writeFile(dir.filePath("page1.png"), QByteArray(1024, 'y')));
    source.folderChanged();
    clock.advance(99ms);
    QCOMPARE(arrived.size(), 3);
    clock.advance(1ms);
    QCOMPARE(arrived.size(), 4);
    QCOMPARE(arrivedNames(arrived).last(), QStringLiteral("page1.png"));

    // Stopped: no poll, no notice, however much time passes.
    source.stop();
    QVERIFY(writeFile(dir.filePath("after-stop.png"), QByteArray(10, 'x')));
    QCoreApplication::processEvents();
    QVERIFY(!clock.nextDue());
    clock.advance(300ms);
    source.folderChanged(); // a notice that was already on its way
    clock.advance(300ms);
    QCOMPARE(arrived.size(), 4);
}

void TestFolderSource::partialFileIsNotReadEarly()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ManualClock clock(kStart);
    FolderSource source(FolderSettings{.path = dir.path(), .settleMs = 1500}, clock);
    QSignalSpy arrived(&source, &DocumentSource::imageFileArrived);
    source.start();

    QFile f(dir.filePath("scan.jpg"));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
    QCOMPARE(f.write(QByteArray(8192, 'a')), 8192);
    QVERIFY(waitUntilPolling(clock)); // first seen at 0 ms; polled every 375 ms from there
    QCOMPARE(dueInMs(clock), 375);
    // A driver writing a chunk every 1,125 ms (three polls): the file looks unchanged for
    // 1,125 ms at a time, never for the settle time, so it is never taken half-written.
    for (int chunk = 1; chunk < 6; ++chunk) {
        clock.advance(1125ms);
        QCOMPARE(arrived.size(), 0);
        QCOMPARE(f.write(QByteArray(8192, char('a' + chunk))), 8192);
    }
    f.close();
    // The last chunk is seen by the next poll (375 ms on); 1,500 ms after that it is complete.
    clock.advance(375ms + 1499ms);
    QCOMPARE(arrived.size(), 0);
    clock.advance(1ms);
    QCOMPARE(arrived.size(), 1);
    QCOMPARE(QFileInfo(arrived.at(0).at(0).toString()).size(), 6 * 8192);
}

void TestFolderSource::existingFilesAreNotNewDocuments()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath("yesterday.png"), QByteArray(100, 'x')));

    ManualClock clock(kStart);
    FolderSource fresh(FolderSettings{.path = dir.path(), .settleMs = 50}, clock);
    QSignalSpy freshArrived(&fresh, &DocumentSource::imageFileArrived);
    fresh.start();
    QVERIFY(!clock.nextDue()); // yesterday's file is not even waited for
    QVERIFY(writeFile(dir.filePath("today.png"), QByteArray(100, 'x')));
    QVERIFY(waitUntilPolling(clock));
    // Polled every 20 ms (the floor under settleMs / 4): the first look after 50 ms unchanged
    // is the one at 60 ms.
    QCOMPARE(dueInMs(clock), 20);
    clock.advance(59ms);
    QCOMPARE(freshArrived.size(), 0);
    clock.advance(1ms);
    QCOMPARE(arrivedNames(freshArrived), QStringList{"today.png"});
    clock.advance(200ms);
    fresh.folderChanged();
    QCOMPARE(arrivedNames(freshArrived), QStringList{"today.png"});

    // reportExisting: what is there at start() is reported, once settled.
    FolderSource backlog(FolderSettings{.path = dir.path(), .settleMs = 50, .reportExisting = true}, clock);
    QSignalSpy backlogArrived(&backlog, &DocumentSource::imageFileArrived);
    backlog.start();
    clock.advance(59ms);
    QCOMPARE(backlogArrived.size(), 0);
    clock.advance(1ms);
    QCOMPARE(arrivedNames(backlogArrived), (QStringList{"today.png", "yesterday.png"}));
    QCOMPARE(freshArrived.size(), 1);
}

void TestFolderSource::lostFolderIsLookedForAgain()
{
    QTemporaryDir parent;
    QVERIFY(parent.isValid());
    const QString path = parent.filePath("drop");
    QVERIFY(QDir().mkpath(path));
    ManualClock clock(kStart);
    FolderSource source(FolderSettings{.path = path, .settleMs = 100, .missingRetryMs = 2000}, clock);
    QSignalSpy errors(&source, &DocumentSource::errorOccurred);
    QSignalSpy arrived(&source, &DocumentSource::imageFileArrived);
    source.start();
    QCOMPARE(source.status(), SourceStatus::Running);

    // The share goes away: reported once, and looked for every missingRetryMs.
    QVERIFY(QDir(path).removeRecursively());
    source.folderChanged();
    QCOMPARE(source.status(), SourceStatus::Reconnecting);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.at(0).at(0).toString(), QStringLiteral("SOURCE_FOLDER_LOST"));
    QCOMPARE(dueInMs(clock), 2000);
    clock.advance(4000ms); // two more looks, still gone: not reported again
    QCOMPARE(errors.size(), 1);
    QCOMPARE(source.status(), SourceStatus::Reconnecting);

    // It comes back with a page dropped meanwhile: found by the next look, and it counts.
    QVERIFY(QDir().mkpath(path));
    QVERIFY(writeFile(path + "/page.png", QByteArray(64, 'x')));
    clock.advance(1999ms);
    QCOMPARE(source.status(), SourceStatus::Reconnecting);
    clock.advance(1ms);
    QCOMPARE(source.status(), SourceStatus::Running);
    clock.advance(100ms);
    QCOMPARE(arrivedNames(arrived), QStringList{"page.png"});
    source.stop();
}

void TestFolderSource::missingFolderIsUnavailable()
{
    QTemporaryDir dir;
    ManualClock clock(kStart);
    FolderSource source(FolderSettings{.path = dir.filePath("no-such-folder")}, clock);
    QSignalSpy errors(&source, &DocumentSource::errorOccurred);
    source.start();
    QCOMPARE(source.status(), SourceStatus::Unavailable);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.at(0).at(0).toString(), QStringLiteral("SOURCE_FOLDER_MISSING"));
    QVERIFY(errors.at(0).at(1).toString().contains(QStringLiteral("no-such-folder")));
}

QTEST_GUILESS_MAIN(TestFolderSource)
#include "tst_foldersource.moc"
