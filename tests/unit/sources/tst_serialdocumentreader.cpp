// The serial document reader against a real pseudo-terminal: CR and CR LF terminators,
// lines split across writes, garbage, a port that is missing at start, and an unplug/replug.
#include "scanner/sources/serialdocumentreader.h"
#include "ptypair.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Kiosk::Sources;

namespace {

// ICAO 9303 specimens (fictional holders): TD3 (9303-4), TD1 (9303-5), TD2 (9303-6).
const QByteArray td3a = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<";
const QByteArray td3b = "L898902C36UTO7408122F1204159ZE184226B<<<<<10";
const QByteArray td1a = "I<UTOD231458907<<<<<<<<<<<<<<<";
const QByteArray td1b = "7408122F1204159UTO<<<<<<<<<<<6";
const QByteArray td1c = "ERIKSSON<<ANNA<MARIA<<<<<<<<<<";
const QByteArray td2a = "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<";
const QByteArray td2b = "D231458907UTO7408122F1204159<<<<<<<6";

QString doc(std::initializer_list<QByteArray> lines)
{
    QStringList out;
    for (const auto &l : lines)
        out << QString::fromLatin1(l);
    return out.join(QLatin1Char('\n'));
}

SerialSettings settingsFor(const QString &port)
{
    SerialSettings s;
    s.portName = port;
    s.baudRate = 115200;
    s.retryInitialMs = 50;
    s.retryMaxMs = 400;
    return s;
}

} // namespace

class TestSerialDocumentReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void specimensHaveTheirShape();
    void readsDocuments_data();
    void readsDocuments();
    void backoffDoublesUpToItsCap();
    void emptyPortIsUnavailable();
    void missingPortIsRetriedUntilItAppears();
    void reconnectsAfterUnplug();
    void removalLineReportsRemoval();
    void withoutRemovalLineNothingIsRemoval();
};

void TestSerialDocumentReader::specimensHaveTheirShape()
{
    for (const auto &l : {td3a, td3b})
        QCOMPARE(l.size(), 44);
    for (const auto &l : {td1a, td1b, td1c})
        QCOMPARE(l.size(), 30);
    for (const auto &l : {td2a, td2b})
        QCOMPARE(l.size(), 36);
}

void TestSerialDocumentReader::readsDocuments_data()
{
    QTest::addColumn<QList<QByteArray>>("writes");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("td3, CR terminators") << QList<QByteArray>{td3a + "\r" + td3b + "\r"}
                                         << QStringList{doc({td3a, td3b})};
    QTest::newRow("td3, CR LF terminators") << QList<QByteArray>{td3a + "\r\n" + td3b + "\r\n"}
                                            << QStringList{doc({td3a, td3b})};
    QTest::newRow("td1, three lines of 30") << QList<QByteArray>{td1a + "\r" + td1b + "\r" + td1c + "\r"}
                                            << QStringList{doc({td1a, td1b, td1c})};
    QTest::newRow("td2, two lines of 36") << QList<QByteArray>{td2a + "\r\n" + td2b + "\r\n"}
                                          << QStringList{doc({td2a, td2b})};
    QTest::newRow("line split across writes, terminator split from CR LF")
        << QList<QByteArray>{td3a.left(10), td3a.mid(10) + "\r", "\n" + td3b.left(40), td3b.mid(40) + "\r", "\n"}
        << QStringList{doc({td3a, td3b})};
    QTest::newRow("one byte per write")
        << [] {
               QList<QByteArray> bytes;
               for (const char c : td2a + "\r" + td2b + "\r")
                   bytes << QByteArray(1, c);
               return bytes;
           }()
        << QStringList{doc({td2a, td2b})};
    QTest::newRow("garbage before and after a document is dropped")
        << QList<QByteArray>{"READY\r\n" + td3a + "\r\n" + td3b + "\r\nOK\r\n"}
        << QStringList{doc({td3a, td3b})};
    QTest::newRow("garbage inside a document breaks it")
        << QList<QByteArray>{td3a + "\r\n" + QByteArray("#ERR 17\r\n") + td3b + "\r\n"} << QStringList{};
    QTest::newRow("page cut short: next page starts over")
        << QList<QByteArray>{td1a + "\r" + td1b + "\r" + td3a + "\r" + td3b + "\r"}
        << QStringList{doc({td3a, td3b})};
    QTest::newRow("lower case is not MRZ")
        << QList<QByteArray>{td3a.toLower() + "\r" + td3b + "\r"} << QStringList{};
    QTest::newRow("STX/ETX framing and blank lines are tolerated")
        << QList<QByteArray>{"\x02" + td3a + "\r\r\n" + td3b + "\x03\r\n"} << QStringList{doc({td3a, td3b})};
    QTest::newRow("two documents back to back")
        << QList<QByteArray>{td2a + "\r" + td2b + "\r" + td1a + "\r" + td1b + "\r" + td1c + "\r"}
        << QStringList{doc({td2a, td2b}), doc({td1a, td1b, td1c})};
    QTest::newRow("last terminator only with the next write")
        << QList<QByteArray>{td3a + "\r" + td3b, "\r"} << QStringList{doc({td3a, td3b})};
}

void TestSerialDocumentReader::readsDocuments()
{
    QFETCH(QList<QByteArray>, writes);
    QFETCH(QStringList, expected);

    PtyPair pty;
    const QString opened = pty.open();
    QVERIFY2(opened.isEmpty(), qPrintable(opened));
    SerialDocumentReader reader(settingsFor(pty.slavePath()));
    QSignalSpy reads(&reader, &DocumentSource::mrzTextRead);
    reader.start();
    QCOMPARE(reader.status(), SourceStatus::Running);
    QCOMPARE(reader.info().kind, SourceKind::SerialReader);

    for (const QByteArray &chunk : writes) {
        QVERIFY(pty.write(chunk));
        // Let the reader see each write on its own, so split writes really arrive split.
        QTest::qWait(5);
    }
    // A sentinel document proves every earlier byte was processed before we count.
    QVERIFY(pty.write("\r\n" + td2a + "\r\n" + td2b + "\r\n"));
    QTRY_COMPARE_WITH_TIMEOUT(reads.size(), expected.size() + 1, 5000);

    QStringList got;
    for (const auto &args : reads) {
        got << args.at(0).toString();
        QCOMPARE(args.at(1).value<SourceInfo>().kind, SourceKind::SerialReader);
    }
    QCOMPARE(got.takeLast(), doc({td2a, td2b}));
    QCOMPARE(got, expected);
}

void TestSerialDocumentReader::backoffDoublesUpToItsCap()
{
    RetryBackoff backoff(100, 700);
    QList<int> delays;
    for (int i = 0; i < 6; ++i)
        delays << backoff.nextDelayMs();
    QCOMPARE(delays, (QList<int>{100, 200, 400, 700, 700, 700}));
    backoff.reset();
    QCOMPARE(backoff.nextDelayMs(), 100);
}

void TestSerialDocumentReader::emptyPortIsUnavailable()
{
    SerialDocumentReader reader(settingsFor(QString()));
    QSignalSpy errors(&reader, &DocumentSource::errorOccurred);
    reader.start();
    QCOMPARE(reader.status(), SourceStatus::Unavailable);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.at(0).at(0).toString(), QStringLiteral("SOURCE_SETTING_INVALID"));
}

void TestSerialDocumentReader::missingPortIsRetriedUntilItAppears()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString link = dir.filePath(QStringLiteral("reader"));
    SerialDocumentReader reader(settingsFor(link));
    QSignalSpy errors(&reader, &DocumentSource::errorOccurred);
    reader.start();
    QCOMPARE(reader.status(), SourceStatus::Reconnecting);
    QCOMPARE(reader.lastError().code, QStringLiteral("SOURCE_SERIAL_OPEN_FAILED"));
    QVERIFY(reader.lastError().message.contains(link));
    // Still failing on the next attempts, without crashing or spinning.
    QTRY_VERIFY_WITH_TIMEOUT(errors.size() >= 2, 5000);

    PtyPair pty;
    QVERIFY(pty.open().isEmpty());
    QVERIFY(QFile::link(pty.slavePath(), link));
    QTRY_COMPARE_WITH_TIMEOUT(reader.status(), SourceStatus::Running, 5000);
    QSignalSpy reads(&reader, &DocumentSource::mrzTextRead);
    QVERIFY(pty.write(td3a + "\r" + td3b + "\r"));
    QTRY_COMPARE_WITH_TIMEOUT(reads.size(), 1, 5000);
    reader.stop();
    QCOMPARE(reader.status(), SourceStatus::Stopped);
}

void TestSerialDocumentReader::reconnectsAfterUnplug()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString link = dir.filePath(QStringLiteral("reader"));
    auto first = std::make_unique<PtyPair>();
    QVERIFY(first->open().isEmpty());
    QVERIFY(QFile::link(first->slavePath(), link));

    SerialDocumentReader reader(settingsFor(link));
    QSignalSpy reads(&reader, &DocumentSource::mrzTextRead);
    QSignalSpy statuses(&reader, &DocumentSource::statusChanged);
    reader.start();
    QCOMPARE(reader.status(), SourceStatus::Running);
    QVERIFY(first->write(td3a + "\r\n" + td3b + "\r\n"));
    QTRY_COMPARE_WITH_TIMEOUT(reads.size(), 1, 5000);

    // Unplug, halfway through a page: the half page must not survive the reconnect.
    QVERIFY(first->write(td3a + "\r\n"));
    QTest::qWait(20);
    first.reset();
    QTRY_COMPARE_WITH_TIMEOUT(reader.status(), SourceStatus::Reconnecting, 5000);
    QCOMPARE(reader.lastError().code, QStringLiteral("SOURCE_SERIAL_LOST"));

    // Plug back in (a new pty behind the same name, as udev gives a new node the same symlink).
    PtyPair second;
    QVERIFY(second.open().isEmpty());
    QVERIFY(QFile::remove(link));
    QVERIFY(QFile::link(second.slavePath(), link));
    QTRY_COMPARE_WITH_TIMEOUT(reader.status(), SourceStatus::Running, 5000);
    QCOMPARE(reader.openCount(), 2);
    QVERIFY(second.write(td3b + "\r\n" + td2a + "\r\n" + td2b + "\r\n"));
    QTRY_COMPARE_WITH_TIMEOUT(reads.size(), 2, 5000);
    QCOMPARE(reads.at(1).at(0).toString(), doc({td2a, td2b}));
    QVERIFY(statuses.size() >= 3); // Running, Reconnecting, Running
}

// A reader whose protocol reports the page taken off the glass: the configured
// line is a removal, never part of an MRZ, and a half-sent page before it is dropped.
void TestSerialDocumentReader::removalLineReportsRemoval()
{
    PtyPair pty;
    const QString opened = pty.open();
    QVERIFY2(opened.isEmpty(), qPrintable(opened));
    SerialSettings s = settingsFor(pty.slavePath());
    s.removedLine = QStringLiteral("REMOVED|@R");
    SerialDocumentReader reader(s);
    QSignalSpy reads(&reader, &DocumentSource::mrzTextRead);
    QSignalSpy removed(&reader, &DocumentSource::documentRemoved);
    reader.start();
    QVERIFY(pty.write(td3a + "\r\n" + td3b + "\r\n"));
    QTRY_COMPARE_WITH_TIMEOUT(reads.size(), 1, 5000);
    QCOMPARE(removed.size(), 0);
    QVERIFY(pty.write("REMOVED\r\n"));
    QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, 5000);
    QCOMPARE(removed.at(0).at(0).value<SourceInfo>(), reader.info());
    // The whole line must match: a line merely containing the word is not a removal. A first
    // MRZ line, then the removal: the next page's lines do not join it.
    QVERIFY(pty.write("XREMOVEDX\r\n" + td2a + "\r\n@R\r\n" + td1a + "\r" + td1b + "\r" + td1c + "\r"));
    QTRY_COMPARE_WITH_TIMEOUT(reads.size(), 2, 5000);
    QCOMPARE(removed.size(), 2);
    QCOMPARE(reads.at(1).at(0).toString(), doc({td1a, td1b, td1c}));
}

// Default settings: no line is a removal, whatever it says.
void TestSerialDocumentReader::withoutRemovalLineNothingIsRemoval()
{
    PtyPair pty;
    const QString opened = pty.open();
    QVERIFY2(opened.isEmpty(), qPrintable(opened));
    SerialDocumentReader reader(settingsFor(pty.slavePath()));
    QVERIFY(reader.settings().removedLine.isEmpty());
    QSignalSpy reads(&reader, &DocumentSource::mrzTextRead);
    QSignalSpy removed(&reader, &DocumentSource::documentRemoved);
    reader.start();
    QVERIFY(pty.write("REMOVED\r\n\r\n" + td3a + "\r\n" + td3b + "\r\n"));
    QTRY_COMPARE_WITH_TIMEOUT(reads.size(), 1, 5000);
    QCOMPARE(removed.size(), 0);
}

QTEST_GUILESS_MAIN(TestSerialDocumentReader)
#include "tst_serialdocumentreader.moc"
