// kioskctl barcode decode / bcbp parse / vds parse, end to end: the command lines, JSON
// keys and exit statuses, on material from the test issuer (vdsissue).
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestKioskctlBarcode : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void decodeImages();
    void vdsParse();
    void bcbpParse();
    void usageErrors();

private:
    struct Run
    {
        int exitCode = -1;
        QList<QJsonObject> lines;
        QByteArray err;
    };
    Run run(const QStringList &args, const QByteArray &stdinData = {}) const;

    QString m_kioskctl;
    QTemporaryDir m_dir;
};

void TestKioskctlBarcode::initTestCase()
{
    const QString bin = qEnvironmentVariable("KIOSK_BINARY_DIR") + QStringLiteral("/bin/");
    m_kioskctl = bin + QStringLiteral("kioskctl");
    if (!QFile::exists(m_kioskctl))
        QSKIP("kioskctl is not built");
    QVERIFY(m_dir.isValid());
    QProcess issue;
    issue.start(bin + QStringLiteral("vdsissue"), {m_dir.path()});
    QVERIFY(issue.waitForFinished(60000));
    QCOMPARE(issue.exitCode(), 0);
}

TestKioskctlBarcode::Run TestKioskctlBarcode::run(const QStringList &args, const QByteArray &stdinData) const
{
    QProcess p;
    p.setWorkingDirectory(m_dir.path());
    p.start(m_kioskctl, args);
    p.write(stdinData);
    p.closeWriteChannel();
    Run r;
    if (!p.waitForFinished(60000))
        return r;
    r.exitCode = p.exitCode();
    r.err = p.readAllStandardError();
    for (const QByteArray &line : p.readAllStandardOutput().split('\n'))
        if (!line.isEmpty())
            r.lines.append(QJsonDocument::fromJson(line).object());
    return r;
}

void TestKioskctlBarcode::decodeImages()
{
    const Run r = run({QStringLiteral("barcode"), QStringLiteral("decode"), QStringLiteral("visa-seal.png"),
                       QStringLiteral("boarding-pass.png"), QStringLiteral("--today"), QStringLiteral("2026-03-12"),
                       QStringLiteral("--trust"), QStringLiteral("trust")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.lines.size(), 2);
    const QJsonObject seal = r.lines[0];
    for (const char *key : {"file", "format", "kind", "bytes_hex", "vds"})
        QVERIFY2(seal.contains(QLatin1String(key)), key);
    QCOMPARE(seal.value(QStringLiteral("format")).toString(), QStringLiteral("datamatrix"));
    QCOMPARE(seal.value(QStringLiteral("kind")).toString(), QStringLiteral("vds"));
    QFile hex(m_dir.filePath(QStringLiteral("visa-seal.hex")));
    QVERIFY(hex.open(QIODevice::ReadOnly));
    QCOMPARE(seal.value(QStringLiteral("bytes_hex")).toString().toLatin1(), hex.readAll().trimmed());
    const QJsonObject vds = seal.value(QStringLiteral("vds")).toObject();
    for (const char *key : {"header", "message", "signature"})
        QVERIFY2(vds.contains(QLatin1String(key)), key);
    QCOMPARE(vds.value(QStringLiteral("signature")).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("valid"));
    QCOMPARE(vds.value(QStringLiteral("signature")).toObject().value(QStringLiteral("signer")).toString(), QStringLiteral("UTTS/1A2"));
    QCOMPARE(vds.value(QStringLiteral("message")).toObject().value(QStringLiteral("passport_number")).toString(), QStringLiteral("UT0000001"));

    const QJsonObject pass = r.lines[1];
    QCOMPARE(pass.value(QStringLiteral("format")).toString(), QStringLiteral("pdf417"));
    QCOMPARE(pass.value(QStringLiteral("kind")).toString(), QStringLiteral("bcbp"));
    const QJsonArray legs = pass.value(QStringLiteral("bcbp")).toObject().value(QStringLiteral("legs")).toArray();
    QCOMPARE(legs.size(), 1);
    QCOMPARE(legs[0].toObject().value(QStringLiteral("date")).toString(), QStringLiteral("2026-03-13"));

    // Without the trust store the same seal decodes but does not verify.
    const Run untrusted = run({QStringLiteral("barcode"), QStringLiteral("decode"), QStringLiteral("visa-seal.png")});
    QCOMPARE(untrusted.lines.size(), 1);
    QCOMPARE(untrusted.lines[0].value(QStringLiteral("vds")).toObject().value(QStringLiteral("signature")).toObject()
                 .value(QStringLiteral("state")).toString(), QStringLiteral("unknown_signer"));
}

void TestKioskctlBarcode::vdsParse()
{
    QFile hex(m_dir.filePath(QStringLiteral("visa-seal.hex")));
    QVERIFY(hex.open(QIODevice::ReadOnly));
    const QByteArray seal = hex.readAll();
    const Run ok = run({QStringLiteral("vds"), QStringLiteral("parse"), QStringLiteral("--trust"), QStringLiteral("trust")}, seal);
    QCOMPARE(ok.exitCode, 0);
    QCOMPARE(ok.lines.size(), 1);
    QCOMPARE(ok.lines[0].value(QStringLiteral("signature")).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("valid"));
    // Raw bytes work as well as hex.
    const Run raw = run({QStringLiteral("vds"), QStringLiteral("parse"), QStringLiteral("--trust"), QStringLiteral("trust")},
                        QByteArray::fromHex(seal.trimmed()));
    QCOMPARE(raw.exitCode, 0);
    // Tampered: decoded, invalid, exit 1.
    QByteArray tampered = QByteArray::fromHex(seal.trimmed());
    tampered[30] = static_cast<char>(tampered[30] ^ 0x04);
    const Run bad = run({QStringLiteral("vds"), QStringLiteral("parse"), QStringLiteral("--trust"), QStringLiteral("trust")}, tampered.toHex());
    QCOMPARE(bad.exitCode, 1);
    QCOMPARE(bad.lines[0].value(QStringLiteral("signature")).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("invalid"));
}

void TestKioskctlBarcode::bcbpParse()
{
    const QByteArray pass = "M1SPECIMEN/ANNA       EZX9Q7T GYDISTJ2 0063 072Y014C0042 100\n";
    const Run ok = run({QStringLiteral("bcbp"), QStringLiteral("parse"), QStringLiteral("--today"), QStringLiteral("2026-03-12")}, pass);
    QCOMPARE(ok.exitCode, 0);
    QCOMPARE(ok.lines[0].value(QStringLiteral("surname")).toString(), QStringLiteral("SPECIMEN"));
    QCOMPARE(ok.lines[0].value(QStringLiteral("legs")).toArray().size(), 1);
    const Run hex = run({QStringLiteral("bcbp"), QStringLiteral("parse"), QStringLiteral("--hex")}, pass.trimmed().toHex());
    QCOMPARE(hex.exitCode, 0);
    const Run bad = run({QStringLiteral("bcbp"), QStringLiteral("parse")}, "M1SHORT\n");
    QCOMPARE(bad.exitCode, 1);
    QCOMPARE(bad.lines[0].value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("BCBP_TOO_SHORT"));
}

void TestKioskctlBarcode::usageErrors()
{
    QCOMPARE(run({QStringLiteral("barcode"), QStringLiteral("decode")}).exitCode, 2);
    QCOMPARE(run({QStringLiteral("barcode"), QStringLiteral("decode"), QStringLiteral("x.png"), QStringLiteral("--today"), QStringLiteral("soon")}).exitCode, 2);
    QCOMPARE(run({QStringLiteral("vds"), QStringLiteral("parse"), QStringLiteral("--trust"), QStringLiteral("missing")}, "dc").exitCode, 2);
    QCOMPARE(run({QStringLiteral("barcode"), QStringLiteral("decode"), QStringLiteral("missing.png")}).exitCode, 1);
}

QTEST_GUILESS_MAIN(TestKioskctlBarcode)
#include "tst_kioskctlbarcode.moc"
