// The scanner drop folder: the settle rule on its own (pure, time passed in), then the real
// folder source on a QTemporaryDir with files written whole, in chunks, renamed into place,
// with other extensions, hidden, and before the source started.
#include "scanner/sources/foldersource.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Kiosk::Sources;

namespace {

using Listing = QHash<QString, FileSnapshot>;

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
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
    FolderSource source(FolderSettings{.path = dir.path(), .settleMs = 100});
    QSignalSpy arrived(&source, &DocumentSource::imageFileArrived);
    source.start();
    QCOMPARE(source.status(), SourceStatus::Running);

    QVERIFY(writeFile(dir.filePath("page1.png"), QByteArray(2048, 'x')));
    QVERIFY(writeFile(dir.filePath("notes.txt"), "not an image"));
    QVERIFY(writeFile(dir.filePath(".hidden.png"), QByteArray(10, 'x')));
    QVERIFY(writeFile(dir.filePath("PAGE2.JPG"), QByteArray(10, 'x')));
    // The driver's usual trick: write under a temporary name, then rename into place.
    QVERIFY(writeFile(dir.filePath("page3.tif.part"), QByteArray(4096, 'x')));
    QVERIFY(QFile::rename(dir.filePath("page3.tif.part"), dir.filePath("page3.tif")));

    QTRY_COMPARE_WITH_TIMEOUT(arrived.size(), 3, 5000);
    QTest::qWait(400); // several settle periods: nothing is reported twice
    QCOMPARE(arrived.size(), 3);
    QStringList names = arrivedNames(arrived);
    names.sort();
    QCOMPARE(names, (QStringList{"PAGE2.JPG", "page1.png", "page3.tif"}));
    QCOMPARE(arrived.at(0).at(1).value<ImageContent>(), ImageContent::Unknown);
    QCOMPARE(arrived.at(0).at(2).value<SourceInfo>().kind, SourceKind::Folder);
    QVERIFY(QFileInfo(arrived.at(0).at(0).toString()).isAbsolute());

    // Deleted and scanned again under the same name: a new document.
    QVERIFY(QFile::remove(dir.filePath("page1.png")));
    QTest::qWait(150);
    QVERIFY(writeFile(dir.filePath("page1.png"), QByteArray(1024, 'y')));
    QTRY_COMPARE_WITH_TIMEOUT(arrived.size(), 4, 5000);
    QCOMPARE(arrivedNames(arrived).last(), QStringLiteral("page1.png"));

    source.stop();
    QVERIFY(writeFile(dir.filePath("after-stop.png"), QByteArray(10, 'x')));
    QTest::qWait(300);
    QCOMPARE(arrived.size(), 4);
}

void TestFolderSource::partialFileIsNotReadEarly()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A settle time far above the pause between chunks, so a loaded machine cannot make
    // the half-written file look complete.
    FolderSource source(FolderSettings{.path = dir.path(), .settleMs = 1500});
    QSignalSpy arrived(&source, &DocumentSource::imageFileArrived);
    source.start();

    QFile f(dir.filePath("scan.jpg"));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
    for (int chunk = 0; chunk < 6; ++chunk) {
        QCOMPARE(f.write(QByteArray(8192, char('a' + chunk))), 8192);
        QTest::qWait(40);
        QCOMPARE(arrived.size(), 0);
    }
    f.close();
    QTRY_COMPARE_WITH_TIMEOUT(arrived.size(), 1, 10000);
    QCOMPARE(QFileInfo(arrived.at(0).at(0).toString()).size(), 6 * 8192);
}

void TestFolderSource::existingFilesAreNotNewDocuments()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath("yesterday.png"), QByteArray(100, 'x')));

    FolderSource fresh(FolderSettings{.path = dir.path(), .settleMs = 50});
    QSignalSpy freshArrived(&fresh, &DocumentSource::imageFileArrived);
    fresh.start();
    QVERIFY(writeFile(dir.filePath("today.png"), QByteArray(100, 'x')));
    QTRY_COMPARE_WITH_TIMEOUT(freshArrived.size(), 1, 5000);
    QTest::qWait(200);
    QCOMPARE(arrivedNames(freshArrived), QStringList{"today.png"});

    FolderSource backlog(FolderSettings{.path = dir.path(), .settleMs = 50, .reportExisting = true});
    QSignalSpy backlogArrived(&backlog, &DocumentSource::imageFileArrived);
    backlog.start();
    QTRY_COMPARE_WITH_TIMEOUT(backlogArrived.size(), 2, 5000);
}

void TestFolderSource::missingFolderIsUnavailable()
{
    QTemporaryDir dir;
    FolderSource source(FolderSettings{.path = dir.filePath("no-such-folder")});
    QSignalSpy errors(&source, &DocumentSource::errorOccurred);
    source.start();
    QCOMPARE(source.status(), SourceStatus::Unavailable);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.at(0).at(0).toString(), QStringLiteral("SOURCE_FOLDER_MISSING"));
    QVERIFY(errors.at(0).at(1).toString().contains(QStringLiteral("no-such-folder")));
}

QTEST_GUILESS_MAIN(TestFolderSource)
#include "tst_foldersource.moc"
