// Line shape, continuous-run splitting, the line assembler's framing rules and the byte
// line splitter (pure: time is passed in).
#include "scanner/sources/mrzlineshape.h"

#include <QTest>

using namespace Kiosk::Sources;

class TestMrzLineShape : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lineShape_data();
    void lineShape();
    void continuous_data();
    void continuous();
    void assemblerGapStartsOver();
    void splitterDropsOverlongLines();
};

void TestMrzLineShape::lineShape_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("mrz");
    QTest::newRow("td3 line 44") << QString(44, u'<').replace(0, 1, u'P') << true;
    QTest::newRow("td2 line 36") << QString(36, u'7') << true;
    QTest::newRow("td1 line 30") << QString(30, u'A') << true;
    QTest::newRow("43 is no layout") << QString(43, u'A') << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("lower case") << QString(44, u'a') << false;
    QTest::newRow("space inside") << QString(30, u'A').replace(5, 1, u' ') << false;
    QTest::newRow("K for filler is still shape (parser's job)") << QString(44, u'K') << true;
}

void TestMrzLineShape::lineShape()
{
    QFETCH(QString, line);
    QFETCH(bool, mrz);
    QCOMPARE(isMrzLine(line), mrz);
}

void TestMrzLineShape::continuous_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("lines");
    QTest::newRow("90 = 3 x 30") << QString(90, u'A') << 3;
    QTest::newRow("72 = 2 x 36") << QString(72, u'A') << 2;
    QTest::newRow("88 = 2 x 44") << QString(88, u'A') << 2;
    QTest::newRow("89 is nothing") << QString(89, u'A') << 0;
    QTest::newRow("60 (2 x 30) is a TD1 missing a line") << QString(60, u'A') << 0;
    QTest::newRow("bad character") << QString(88, u'A').replace(50, 1, u'-') << 0;
}

void TestMrzLineShape::continuous()
{
    QFETCH(QString, text);
    QFETCH(int, lines);
    const auto split = splitContinuousMrz(text);
    QCOMPARE(split.has_value(), lines > 0);
    if (split) {
        QCOMPARE(split->size(), lines);
        QCOMPARE(split->join(QString()), text);
    }
}

void TestMrzLineShape::assemblerGapStartsOver()
{
    MrzLineAssembler assembler(1000);
    const QString a(44, u'A');
    const QString b(44, u'B');
    QCOMPARE(assembler.addLine(a, 0).fate, MrzLineAssembler::LineFate::Accepted);
    // Five seconds later the reader sends another page: line 1 of that page, not line 2.
    QCOMPARE(assembler.addLine(b, 5000).fate, MrzLineAssembler::LineFate::Accepted);
    const auto step = assembler.addLine(a, 5100);
    QCOMPARE(step.fate, MrzLineAssembler::LineFate::Completed);
    QCOMPARE(*step.document, b + u'\n' + a);
    QCOMPARE(assembler.pendingLines(), 0);
}

void TestMrzLineShape::splitterDropsOverlongLines()
{
    LineSplitter splitter(50);
    QStringList lines = splitter.feed(QByteArray(500, 'A'));
    QVERIFY(lines.isEmpty());
    QVERIFY(splitter.buffered() <= 50);
    lines = splitter.feed("TAIL\rNEXT\r\n");
    QCOMPARE(lines, QStringList{QStringLiteral("NEXT")}); // the overlong line's tail is dropped too
}

QTEST_GUILESS_MAIN(TestMrzLineShape)
#include "tst_mrzlineshape.moc"
