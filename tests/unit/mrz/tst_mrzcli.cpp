// `kioskctl mrz parse` end to end: the real executable on the golden inputs of
// tests/data/mrz/golden/, compared as JSON, plus exit statuses and usage errors.
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run kioskctl(const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.start(QStringLiteral(KIOSKCTL_PATH), QStringList{QStringLiteral("mrz"), QStringLiteral("parse")} + args);
    if (!p.waitForStarted())
        return {};
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(30000);
    return Run{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
}

QString golden(const QString &name)
{
    return QStringLiteral(KIOSK_SOURCE_DIR "/tests/data/mrz/golden/") + name;
}

QList<QJsonObject> jsonLines(const QByteArray &bytes)
{
    QList<QJsonObject> out;
    for (const QByteArray &line : bytes.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            qWarning("not a JSON object: %s", line.constData());
        out.append(doc.object());
    }
    return out;
}

} // namespace

class TestMrzCli : public QObject
{
    Q_OBJECT

private slots:
    void goldenFiles_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("specimens of 9303 parts 4-7: all valid, exit 0")
            << QStringLiteral("specimens.mrz") << QStringList{} << QStringLiteral("specimens.jsonl") << 0;
        QTest::newRow("ocr confusions without --correct: exit 1")
            << QStringLiteral("ocr.mrz") << QStringList{} << QStringLiteral("ocr.jsonl") << 1;
        QTest::newRow("ocr confusions with --correct")
            << QStringLiteral("ocr.mrz") << QStringList{QStringLiteral("--correct")} << QStringLiteral("ocr-corrected.jsonl") << 1;
    }

    void goldenFiles()
    {
        QFETCH(QString, input);
        QFETCH(QStringList, options);
        QFETCH(QString, expected);
        QFETCH(int, exitCode);
        const Run run = kioskctl(QStringList{golden(input), QStringLiteral("--today"), QStringLiteral("2026-11-29")} + options);
        QCOMPARE(run.exitCode, exitCode);
        QFile file(golden(expected));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const QList<QJsonObject> want = jsonLines(file.readAll());
        const QList<QJsonObject> got = jsonLines(run.out);
        QCOMPARE(got.size(), want.size());
        for (qsizetype i = 0; i < want.size(); ++i) {
            QVERIFY2(got[i] == want[i], qPrintable(QStringLiteral("document %1:\n got  %2\n want %3")
                                                       .arg(i + 1)
                                                       .arg(QString::fromUtf8(QJsonDocument(got[i]).toJson(QJsonDocument::Compact)),
                                                            QString::fromUtf8(QJsonDocument(want[i]).toJson(QJsonDocument::Compact)))));
        }
    }

    void standardInput()
    {
        QFile file(golden(QStringLiteral("specimens.mrz")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        const Run dash = kioskctl({QStringLiteral("-"), QStringLiteral("--today"), QStringLiteral("2026-11-29")}, text);
        const Run none = kioskctl({QStringLiteral("--today"), QStringLiteral("2026-11-29")}, text);
        QCOMPARE(dash.exitCode, 0);
        QCOMPARE(none.exitCode, 0);
        QCOMPARE(dash.out, none.out);
        QCOMPARE(jsonLines(dash.out).size(), 6);
    }

    void pretty()
    {
        const Run run = kioskctl({golden(QStringLiteral("specimens.mrz")), QStringLiteral("--today"), QStringLiteral("2026-11-29"),
                                  QStringLiteral("--pretty")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("Document 1: TD3  VALID"));
        QVERIFY(run.out.contains("Utopia"));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("--today not a date") << QStringList{QStringLiteral("--today"), QStringLiteral("29.11.2026")};
        QTest::newRow("two files") << QStringList{QStringLiteral("a"), QStringLiteral("b")};
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")};
        QTest::newRow("missing file") << QStringList{QStringLiteral("/nonexistent/kiosk.mrz")};
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        const Run run = kioskctl(args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY(!run.err.isEmpty());
    }

    void invalidDocumentExitsOne()
    {
        const Run run = kioskctl({QStringLiteral("--today"), QStringLiteral("2026-11-29")}, "P<UTO\n");
        QCOMPARE(run.exitCode, 1);
        const QList<QJsonObject> docs = jsonLines(run.out);
        QCOMPARE(docs.size(), 1);
        QVERIFY(docs[0].value(QStringLiteral("format")).isNull());
    }
};

QTEST_GUILESS_MAIN(TestMrzCli)
#include "tst_mrzcli.moc"
