// MrzFrameReader: frames are read off the calling thread, a busy reader drops frames instead
// of queueing them, and a read is reported once when it passes its check digits or when the
// same text comes twice in a row.
#include "scanner/ocr/mrzframereader.h"
#include "tests/support/ocrcorpus.h"

#include <QSignalSpy>
#include <QTest>

using namespace Kiosk::Ocr;

namespace {

OcrResult read(QStringList lines, bool accepted)
{
    OcrResult r;
    r.found = !lines.isEmpty();
    r.lines = std::move(lines);
    r.accepted = accepted;
    return r;
}

const QStringList kA{QStringLiteral("AAA"), QStringLiteral("111")};
const QStringList kB{QStringLiteral("BBB"), QStringLiteral("222")};

} // namespace

class TstMrzFrameReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void reportingRule_data();
    void reportingRule();
    void readsAFrameOffTheCallingThread();
    void dropsFramesWhileBusy();
    void blankFrameReportsNothing();
};

void TstMrzFrameReader::reportingRule_data()
{
    QTest::addColumn<bool>("found");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QStringList>("previous");
    QTest::addColumn<QStringList>("reported");
    QTest::addColumn<bool>("expected");
    QTest::newRow("check digits pass: report at once") << true << true << QStringList() << QStringList() << true;
    QTest::newRow("unsure read, first time: wait for a second frame") << true << false << QStringList() << QStringList() << false;
    QTest::newRow("unsure read, same text as the frame before: report") << true << false << kA << QStringList() << true;
    QTest::newRow("unsure read, different text before: wait") << true << false << kB << QStringList() << false;
    QTest::newRow("same text as last reported: not again") << true << true << kA << kA << false;
    QTest::newRow("a new document after a report: report") << true << true << kA << kB << true;
    QTest::newRow("nothing found: nothing to report") << false << false << QStringList() << QStringList() << false;
}

void TstMrzFrameReader::reportingRule()
{
    QFETCH(bool, found);
    QFETCH(bool, accepted);
    QFETCH(QStringList, previous);
    QFETCH(QStringList, reported);
    QFETCH(bool, expected);
    QCOMPARE(MrzFrameReader::isReportable(read(found ? kA : QStringList(), accepted), previous, reported), expected);
}

void TstMrzFrameReader::readsAFrameOffTheCallingThread()
{
    using namespace Kiosk::OcrCorpus;
    Options o;
    o.tier = Tier::Clean;
    o.layout = Layout::TD3;
    o.frame = QSize(1280, 720);
    const Sample sample = generate(7, o);
    MrzFrameReader reader;
    reader.setReferenceDate(QDate(2026, 3, 1));
    QSignalSpy reads(&reader, &MrzFrameReader::mrzRead);
    QSignalSpy processed(&reader, &MrzFrameReader::frameProcessed);
    QVERIFY(reader.submitFrame(sample.image));
    QVERIFY(reader.isBusy()); // the call returned before the read finished: not on this thread
    QVERIFY(processed.wait(10000));
    QVERIFY(!reader.isBusy());
    const auto first = processed.front().front().value<OcrResult>();
    QVERIFY(first.found);
    // Reported at once when the check digits vouch for it, else at the second frame that
    // reads the same text.
    QCOMPARE(reads.size(), first.accepted ? 1 : 0);
    QVERIFY(reader.submitFrame(sample.image));
    QTRY_COMPARE_WITH_TIMEOUT(processed.size(), 2, 10000);
    QCOMPARE(reads.size(), 1);
    QCOMPARE(reads.front().front().value<OcrResult>().lines, sample.lines);

    // The same document in the next frame is not reported again.
    QVERIFY(reader.submitFrame(sample.image));
    QTRY_COMPARE_WITH_TIMEOUT(processed.size(), 3, 10000);
    QCOMPARE(reads.size(), 1);
}

void TstMrzFrameReader::dropsFramesWhileBusy()
{
    QImage frame(1280, 720, QImage::Format_RGB32);
    frame.fill(Qt::gray);
    MrzFrameReader reader;
    QSignalSpy processed(&reader, &MrzFrameReader::frameProcessed);
    QVERIFY(reader.submitFrame(frame));
    // Until the result is delivered to this thread's event loop the reader stays busy.
    QVERIFY(!reader.submitFrame(frame));
    QVERIFY(!reader.submitFrame(frame));
    QCOMPARE(reader.droppedFrames(), 2);
    QVERIFY(processed.wait(10000));
    QCOMPARE(processed.size(), 1); // dropped frames were not queued
    QTest::qWait(50);
    QCOMPARE(processed.size(), 1);
    QVERIFY(reader.submitFrame(frame));
    QVERIFY(processed.wait(10000));
}

void TstMrzFrameReader::blankFrameReportsNothing()
{
    QImage frame(640, 480, QImage::Format_RGB32);
    frame.fill(Qt::white);
    MrzFrameReader reader;
    QSignalSpy reads(&reader, &MrzFrameReader::mrzRead);
    QSignalSpy processed(&reader, &MrzFrameReader::frameProcessed);
    QVERIFY(reader.submitFrame(frame));
    QVERIFY(processed.wait(10000));
    QVERIFY(!processed.front().front().value<OcrResult>().found);
    QCOMPARE(reads.size(), 0);
}

QTEST_MAIN(TstMrzFrameReader)
#include "tst_mrzframereader.moc"
