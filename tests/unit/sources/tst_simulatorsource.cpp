// The simulator: its playlist format (valid files, and each mistake named by file and line),
// playing order, looping, finishing, the interval timer, and the shipped demo playlist.
#include "scanner/sources/simulatorsource.h"

#include <QImage>
#include <QSignalSpy>
#include <QTest>

using namespace Kiosk::Sources;

namespace {

const QString dataDir = QStringLiteral(KIOSK_SOURCE_DIR "/tests/data/sources");
const QString td3 = QStringLiteral("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                                   "L898902C36UTO7408122F1204159ZE184226B<<<<<10");
const QString td2 = QStringLiteral("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\n"
                                   "D231458907UTO7408122F1204159<<<<<<<6");

QList<PlaylistEntry> threeMrz()
{
    return {{PlaylistEntry::Kind::Mrz, QStringLiteral("A"), QStringLiteral("t:1")},
            {PlaylistEntry::Kind::Mrz, QStringLiteral("B"), QStringLiteral("t:2")},
            {PlaylistEntry::Kind::Mrz, QStringLiteral("C"), QStringLiteral("t:3")}};
}

QString played(const QSignalSpy &spy)
{
    QString out;
    for (const auto &args : spy)
        out += args.at(0).toString();
    return out;
}

} // namespace

class TestSimulatorSource : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mixedPlaylist();
    void badPlaylists_data();
    void badPlaylists();
    void playsInOrderAndLoops();
    void stopsAtTheEndWithoutLoop();
    void playsOnAnInterval();
    void imagesCarryTheirContentHint();
    void unreadablePlaylistIsUnavailable();
    void shippedDemoPlaylistLoads();
    void removedStepReportsRemoval();
};

void TestSimulatorSource::mixedPlaylist()
{
    const auto entries = loadPlaylist(dataDir + QStringLiteral("/mixed.playlist"));
    QVERIFY2(entries, qPrintable(entries ? QString() : entries.error().message));
    QCOMPARE(entries->size(), 6); // mrz, image, barcode, and the three documents of the mrz file
    QCOMPARE(entries->at(0).kind, PlaylistEntry::Kind::Mrz);
    QCOMPARE(entries->at(0).value, td3);
    QCOMPARE(entries->at(0).origin, QStringLiteral("mixed.playlist:4"));
    QCOMPARE(entries->at(1).kind, PlaylistEntry::Kind::Image);
    QCOMPARE(entries->at(1).value, dataDir + QStringLiteral("/page.png"));
    QCOMPARE(entries->at(2).kind, PlaylistEntry::Kind::Barcode);
    QCOMPARE(entries->at(3).value, td3);
    QCOMPARE(entries->at(4).value.count(u'\n'), 2); // TD1: three lines
    QCOMPARE(entries->at(4).origin, QStringLiteral("specimens.mrz:5")); // after its comment
    QCOMPARE(entries->at(5).value, td2);
}

void TestSimulatorSource::badPlaylists_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("where");
    const QString h = QStringLiteral("kiosk-simulator-playlist 1\n");
    QTest::newRow("empty file") << QString() << "SOURCE_PLAYLIST_INVALID" << "t.playlist: empty";
    QTest::newRow("no header") << QStringLiteral("image page.png\n") << "SOURCE_PLAYLIST_INVALID" << "t.playlist:1:";
    QTest::newRow("future version") << QStringLiteral("kiosk-simulator-playlist 2\n") << "SOURCE_PLAYLIST_INVALID"
                                    << "t.playlist:1:";
    QTest::newRow("unknown kind") << h + QStringLiteral("\n# c\nvideo clip.mp4\n") << "SOURCE_PLAYLIST_INVALID"
                                  << "t.playlist:4: unknown kind 'video'";
    QTest::newRow("removed with a value") << h + QStringLiteral("removed now\n") << "SOURCE_PLAYLIST_INVALID"
                                          << "t.playlist:2: 'removed' takes no value";
    QTest::newRow("kind without value") << h + QStringLiteral("image\n") << "SOURCE_PLAYLIST_INVALID"
                                        << "t.playlist:2: 'image' needs a value";
    QTest::newRow("missing image file") << h + QStringLiteral("image nowhere.png\n") << "SOURCE_PLAYLIST_INVALID"
                                        << "t.playlist:2: file 'nowhere.png' not found";
    QTest::newRow("mrz line of 43") << h + QStringLiteral("mrz %1 %2\n").arg(QString(43, u'P'), QString(44, u'L'))
                                    << "SOURCE_PLAYLIST_INVALID" << "t.playlist:2:";
    QTest::newRow("mrz lines of different lengths")
        << h + QStringLiteral("mrz %1 %2\n").arg(QString(44, u'P'), QString(36, u'L')) << "SOURCE_PLAYLIST_INVALID"
        << "t.playlist:2:";
    QTest::newRow("td1 with two lines") << h + QStringLiteral("mrz %1 %2\n").arg(QString(30, u'I'), QString(30, u'7'))
                                        << "SOURCE_PLAYLIST_INVALID" << "t.playlist:2: 2 lines of 30 characters: a document has 3";
    QTest::newRow("lower case mrz") << h + QStringLiteral("mrz %1 %2\n").arg(QString(44, u'p'), QString(44, u'l'))
                                    << "SOURCE_PLAYLIST_INVALID" << "t.playlist:2:";
}

void TestSimulatorSource::badPlaylists()
{
    QFETCH(QString, text);
    QFETCH(QString, code);
    QFETCH(QString, where);
    const auto entries = parsePlaylist(text, QDir(dataDir), QStringLiteral("t.playlist"));
    QVERIFY(!entries);
    QCOMPARE(entries.error().code, code);
    QVERIFY2(entries.error().message.startsWith(where), qPrintable(entries.error().message));
}

void TestSimulatorSource::playsInOrderAndLoops()
{
    SimulatorSource sim({});
    sim.setPlaylist(threeMrz());
    QSignalSpy reads(&sim, &DocumentSource::mrzTextRead);
    QVERIFY(!sim.next()); // not started
    sim.start();
    QCOMPARE(sim.status(), SourceStatus::Running);
    for (int i = 0; i < 7; ++i)
        QVERIFY(sim.next());
    QCOMPARE(played(reads), QStringLiteral("ABCABCA"));
    QCOMPARE(sim.position(), 1);
    sim.rewind();
    QVERIFY(sim.next());
    QCOMPARE(played(reads), QStringLiteral("ABCABCAA"));
    QCOMPARE(reads.at(0).at(1).value<SourceInfo>().kind, SourceKind::Simulator);
}

void TestSimulatorSource::stopsAtTheEndWithoutLoop()
{
    SimulatorSource sim({.playlistPath = {}, .intervalMs = 0, .loop = false});
    sim.setPlaylist(threeMrz());
    QSignalSpy reads(&sim, &DocumentSource::mrzTextRead);
    sim.start();
    QVERIFY(sim.next());
    QVERIFY(sim.next());
    QCOMPARE(sim.status(), SourceStatus::Running);
    QVERIFY(sim.next());
    QCOMPARE(sim.status(), SourceStatus::Finished);
    QVERIFY(!sim.next());
    QCOMPARE(played(reads), QStringLiteral("ABC"));
    sim.rewind(); // the demo's "play again"
    QCOMPARE(sim.status(), SourceStatus::Running);
    QVERIFY(sim.next());
    QCOMPARE(played(reads), QStringLiteral("ABCA"));
}

void TestSimulatorSource::playsOnAnInterval()
{
    SimulatorSource sim({.playlistPath = {}, .intervalMs = 10});
    sim.setPlaylist(threeMrz());
    QSignalSpy reads(&sim, &DocumentSource::mrzTextRead);
    sim.start();
    QTRY_VERIFY_WITH_TIMEOUT(reads.size() >= 5, 5000);
    sim.stop();
    const QString got = played(reads);
    QCOMPARE(got, QStringLiteral("ABCABCABCABC").left(got.size()));
    const qsizetype count = reads.size();
    QTest::qWait(50);
    QCOMPARE(reads.size(), count); // stopped means stopped
}

void TestSimulatorSource::imagesCarryTheirContentHint()
{
    SimulatorSource sim({.playlistPath = dataDir + QStringLiteral("/mixed.playlist")});
    QSignalSpy images(&sim, &DocumentSource::imageFileArrived);
    QSignalSpy reads(&sim, &DocumentSource::mrzTextRead);
    sim.start();
    QCOMPARE(sim.status(), SourceStatus::Running);
    while (sim.position() < sim.playlist().size())
        QVERIFY(sim.next());
    QCOMPARE(reads.size(), 4);
    QCOMPARE(images.size(), 2);
    QCOMPARE(images.at(0).at(1).value<ImageContent>(), ImageContent::DataPage);
    QCOMPARE(images.at(1).at(1).value<ImageContent>(), ImageContent::Barcode);
    QVERIFY(images.at(1).at(0).toString().endsWith(QStringLiteral("/pass.png")));
}

void TestSimulatorSource::unreadablePlaylistIsUnavailable()
{
    SimulatorSource sim({.playlistPath = dataDir + QStringLiteral("/no-such.playlist")});
    QSignalSpy errors(&sim, &DocumentSource::errorOccurred);
    sim.start();
    QCOMPARE(sim.status(), SourceStatus::Unavailable);
    QCOMPARE(sim.lastError().code, QStringLiteral("SOURCE_PLAYLIST_UNREADABLE"));
    QCOMPARE(errors.size(), 1);

    SimulatorSource empty({});
    empty.start();
    QCOMPARE(empty.status(), SourceStatus::Unavailable);
    QCOMPARE(empty.lastError().code, QStringLiteral("SOURCE_PLAYLIST_EMPTY"));
}

void TestSimulatorSource::shippedDemoPlaylistLoads()
{
    const auto entries = loadPlaylist(QStringLiteral(KIOSK_SOURCE_DIR "/resources/samples/simulator/demo.playlist"));
    QVERIFY2(entries, qPrintable(entries ? QString() : entries.error().message));
    QVERIFY(entries->size() >= 5);
    // The demo shows every kind of input the kiosk takes.
    for (const auto kind : {PlaylistEntry::Kind::Mrz, PlaylistEntry::Kind::Image, PlaylistEntry::Kind::Barcode}) {
        QVERIFY(std::any_of(entries->begin(), entries->end(), [kind](const PlaylistEntry &e) { return e.kind == kind; }));
    }
    // It shows the passport taken off the reader (the information screen clears at once).
    QVERIFY(std::any_of(entries->begin(), entries->end(), [](const PlaylistEntry &e) { return e.kind == PlaylistEntry::Kind::Removed; }));
    // Its images are real images (a demo must not stop on a broken file).
    for (const PlaylistEntry &e : *entries) {
        if (e.kind == PlaylistEntry::Kind::Image || e.kind == PlaylistEntry::Kind::Barcode)
            QVERIFY2(!QImage(e.value).isNull(), qPrintable(e.value));
    }
}

// The `removed` step: the simulator says the document was taken away, as a
// reader with a removal line does, between the reads it separates and nothing else.
void TestSimulatorSource::removedStepReportsRemoval()
{
    const QString text = QStringLiteral("kiosk-simulator-playlist 1\nmrz %1\nremoved\nmrz %2\n")
                             .arg(QString(td3).replace(u'\n', u' '), QString(td2).replace(u'\n', u' '));
    const auto entries = parsePlaylist(text, QDir(dataDir), QStringLiteral("t.playlist"));
    QVERIFY2(entries, qPrintable(entries ? QString() : entries.error().message));
    QCOMPARE(entries->size(), 3);
    QCOMPARE(entries->at(1).kind, PlaylistEntry::Kind::Removed);
    QCOMPARE(entries->at(1).origin, QStringLiteral("t.playlist:3"));
    SimulatorSource sim({});
    sim.setPlaylist(*entries);
    QSignalSpy reads(&sim, &DocumentSource::mrzTextRead);
    QSignalSpy removed(&sim, &DocumentSource::documentRemoved);
    sim.start();
    QVERIFY(sim.next());
    QCOMPARE(reads.size(), 1);
    QCOMPARE(removed.size(), 0);
    QVERIFY(sim.next());
    QCOMPARE(reads.size(), 1); // a removal is not a read
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.at(0).at(0).value<SourceInfo>(), sim.info());
    QVERIFY(sim.next());
    QCOMPARE(reads.size(), 2);
    QCOMPARE(removed.size(), 1);
}

QTEST_GUILESS_MAIN(TestSimulatorSource)
#include "tst_simulatorsource.moc"
