// `kioskctl import` holds a record at a time, not the file. A synthetic file of
// 100,000 crossings (~10 MB of JSON; the largest kind per row with visas) is imported by the
// real binary into a fresh database, and its peak resident memory must stay within 64 MB
// (it was 458 MB when the whole file was parsed and every row kept before writing).
//
// Peak RSS is the kernel's: getrusage(RUSAGE_CHILDREN) gives the largest ru_maxrss of the
// children waited for, and this test starts exactly one.
#include <QDate>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

namespace {

constexpr int kRows = 100'000;
constexpr long kPeakLimitKiB = 64L * 1024;

// Made-up names from made-up syllables: no real person's data.
QByteArray syntheticName(int n)
{
    static const char *const kSyllables[] = {"KA", "LO", "MIR", "TEV", "SU", "RAN", "DO", "VEK", "ZI", "NUR", "PE", "GAL"};
    constexpr int kCount = static_cast<int>(std::size(kSyllables));
    QByteArray name;
    for (int i = 0; i < 4; ++i) {
        name += kSyllables[n % kCount];
        n /= kCount;
    }
    return name;
}

// One crossing per line, two per traveller (in and out), so half the rows find their person.
// Names and birth dates are spread as in a real register: a handful of persons share each.
QByteArray syntheticCrossings()
{
    static const char *const kStates[] = {"AZE", "GEO", "TUR", "KAZ", "UZB"};
    QByteArray out("[\n");
    out.reserve(kRows * 110);
    for (int i = 0; i < kRows; ++i) {
        const int person = i / 2;
        const char *state = kStates[person % 5];
        out += QByteArrayLiteral("{\"issuing_state\":\"") + state + "\",\"document_number\":\"S"
            + QByteArray::number(1'000'000 + person) + "\",\"nationality\":\"" + state + "\",\"surname\":\""
            + syntheticName(person) + "\",\"birth_date\":\""
            + QDate(1950, 1, 1).addDays(person % 20'000).toString(Qt::ISODate).toLatin1() + "\",\"direction\":\"" + (i % 2 == 0 ? "entry" : "exit") + "\",\"date\":\"2025-"
            + QByteArray::number(10 + i % 2) + "-15\"}" + (i + 1 < kRows ? ",\n" : "\n");
    }
    out += "]\n";
    return out;
}

} // namespace

class TestImportMemory : public QObject
{
    Q_OBJECT
private slots:
    void importPeakMemory();
};

void TestImportMemory::importPeakMemory()
{
    const QString kioskctl = qEnvironmentVariable("KIOSK_BINARY_DIR") + QStringLiteral("/bin/kioskctl");
    if (!QFile::exists(kioskctl))
        QSKIP("kioskctl is not built");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("crossings.json"));
    {
        const QByteArray bytes = syntheticCrossings();
        qInfo("file: %d rows, %.1f MB", kRows, static_cast<double>(bytes.size()) / 1e6);
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(bytes), bytes.size());
    } // the test's own copy is gone before the child starts (it is not the child's memory anyway)

    QProcess p;
    p.start(kioskctl, {QStringLiteral("import"), QStringLiteral("--db"), dir.filePath(QStringLiteral("fresh.db")),
                       QStringLiteral("--kind"), QStringLiteral("crossings"), file});
    QVERIFY(p.waitForFinished(240'000));
    const QByteArray err = p.readAllStandardError();
    QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, err.left(2000).constData());
    const QJsonObject report = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    QCOMPARE(report.value(QStringLiteral("imported")).toInt(), kRows);

    rusage usage{};
    QCOMPARE(getrusage(RUSAGE_CHILDREN, &usage), 0);
    const long peakKiB = usage.ru_maxrss; // KiB on Linux
    QVERIFY2(peakKiB > 0, "no peak figure for the child");
    qInfo("kioskctl import peak RSS: %.1f MB (limit %ld MB)", static_cast<double>(peakKiB) / 1024, kPeakLimitKiB / 1024);
    QVERIFY2(peakKiB <= kPeakLimitKiB, qPrintable(QStringLiteral("peak RSS %1 KiB").arg(peakKiB)));
}

QTEST_GUILESS_MAIN(TestImportMemory)
#include "tst_importmemory.moc"
