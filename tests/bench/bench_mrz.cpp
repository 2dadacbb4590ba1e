// bench_mrz: MRZ parse throughput per layout, and side by side with the npm
// `mrz` package on the same 100,000 generated TD1/TD2/TD3 documents.
//
//   cmake -B build -DKIOSK_BENCH=ON && cmake --build build --target bench_mrz
//   KIOSK_MRZ_NPM_PREFIX=$(mktemp -d) && npm install --prefix $KIOSK_MRZ_NPM_PREFIX mrz
//   KIOSK_MRZ_NPM_PREFIX=... build/tests/bench/bench_mrz   (or build/bin/bench_mrz)
//
// Without KIOSK_MRZ_NPM_PREFIX the program installs the package into a temporary folder
// itself (`npm install --prefix`); without node or network the comparison is skipped.
// Targets: >= 20x the npm package's throughput, <= 1 us per TD3 document.
#include "scanner/mrz/checkdigit.h"
#include "scanner/mrz/mrzparser.h"

#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cstdio>
#include <ctime>

using namespace Kiosk::Mrz;

namespace {

// Synthetic documents with correct check digits: invented names, numbers and dates.
class Generator
{
public:
    explicit Generator(quint32 seed) : m_rng(seed) {}

    QString document(Format format)
    {
        switch (format) {
        case Format::TD1:
            return td1();
        case Format::TD2:
            return twoLine(36, QStringLiteral("I<"), false);
        case Format::TD3:
            return twoLine(44, QStringLiteral("P<"), false);
        case Format::MRVA:
            return twoLine(44, QStringLiteral("V<"), true);
        case Format::MRVB:
            return twoLine(36, QStringLiteral("V<"), true);
        }
        return {};
    }

private:
    QRandomGenerator m_rng;

    int below(int n) { return static_cast<int>(m_rng.bounded(static_cast<quint32>(n))); }

    QString pick(std::initializer_list<const char *> options)
    {
        return QString::fromLatin1(options.begin()[below(static_cast<int>(options.size()))]);
    }

    QString country() { return pick({"AZE", "RUS", "TUR", "GEO", "DEU", "FRA", "JPN", "KAZ", "UKR", "GBR"}); }

    QString word(int minLen, int maxLen)
    {
        QString w;
        const int len = minLen + below(maxLen - minLen + 1);
        for (int i = 0; i < len; ++i)
            w.append(QChar(u'A' + below(26)));
        return w;
    }

    QString alnum(int len)
    {
        QString w;
        for (int i = 0; i < len; ++i) {
            const int v = below(36);
            w.append(v < 10 ? QChar(u'0' + v) : QChar(u'A' + v - 10));
        }
        return w;
    }

    QString date(int yearFrom, int yearTo)
    {
        const QDate d(yearFrom + below(yearTo - yearFrom + 1), 1 + below(12), 1 + below(28));
        return d.toString(QStringLiteral("yyMMdd"));
    }

    static QString pad(QString s, int n) { return s.leftJustified(n, u'<', true); }
    static QChar cd(QStringView s) { return QChar(u'0' + checkDigit(s).value_or(0)); }

    QString name(int width) { return pad(word(3, 12) + QStringLiteral("<<") + word(3, 9) + u'<' + word(3, 8), width); }
    QString sex() { return pick({"M", "F", "<"}); }

    QString twoLine(int width, const QString &code, bool visa)
    {
        const QString l1 = code + country() + name(width - 5);
        const QString number = pad(alnum(6 + below(4)), 9);
        const QString birth = date(1940, 2020);
        const QString expiry = date(2024, 2036);
        QString l2 = number + cd(number) + country() + birth + cd(birth) + sex() + expiry + cd(expiry);
        if (visa) {
            l2 += pad(alnum(below(8)), width - 28);
        } else if (width == 44) {
            const QString personal = pad(alnum(below(14)), 14);
            l2 += personal + cd(personal);
            l2 += cd(QString(l2.mid(0, 10) + l2.mid(13, 7) + l2.mid(21, 22)));
        } else {
            l2 += pad(alnum(below(7)), 7);
            l2 += cd(QString(l2.mid(0, 10) + l2.mid(13, 7) + l2.mid(21, 14)));
        }
        return l1 + u'\n' + l2;
    }

    QString td1()
    {
        const QString number = pad(alnum(9), 9);
        const QString l1 = QStringLiteral("I<") + country() + number + cd(number) + pad(alnum(below(15)), 15);
        const QString birth = date(1940, 2020);
        const QString expiry = date(2024, 2036);
        QString l2 = birth + cd(birth) + sex() + expiry + cd(expiry) + country() + pad(alnum(below(11)), 11);
        l2 += cd(QString(l1.mid(5, 25) + l2.mid(0, 7) + l2.mid(8, 7) + l2.mid(18, 11)));
        return l1 + u'\n' + l2 + u'\n' + name(30);
    }
};

const QDate kToday(2026, 11, 29);

std::vector<QString> documents(Format format, int count, quint32 seed)
{
    Generator g(seed);
    std::vector<QString> out;
    out.reserve(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i)
        out.push_back(g.document(format));
    return out;
}

void parseLayout(benchmark::State &state, Format format, bool correct)
{
    const std::vector<QString> docs = documents(format, 1000, 42);
    const ParseOptions options{kToday, correct};
    size_t i = 0;
    int valid = 0;
    for (auto _ : state) {
        const MrzResult r = parse(docs[i], options);
        valid += r.valid ? 1 : 0;
        benchmark::DoNotOptimize(r);
        i = (i + 1) % docs.size();
    }
    if (valid != static_cast<int>(state.iterations()))
        state.SkipWithError("a generated document did not parse as valid");
    state.SetItemsProcessed(state.iterations());
}

} // namespace

BENCHMARK_CAPTURE(parseLayout, TD1, Format::TD1, false);
BENCHMARK_CAPTURE(parseLayout, TD2, Format::TD2, false);
BENCHMARK_CAPTURE(parseLayout, TD3, Format::TD3, false);
BENCHMARK_CAPTURE(parseLayout, MRVA, Format::MRVA, false);
BENCHMARK_CAPTURE(parseLayout, MRVB, Format::MRVB, false);
BENCHMARK_CAPTURE(parseLayout, TD3_correct_on_clean_input, Format::TD3, true);

namespace {

double cpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// The side-by-side run: 100,000 documents (TD1, TD2, TD3 in turn) in one file, parsed by
// both; parse time only, best of 3 rounds on each side.
int comparePeer()
{
    constexpr int kDocuments = 100000;
    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "peer: no temporary folder\n");
        return 1;
    }
    Generator g(2026);
    QString text;
    constexpr Format kMix[] = {Format::TD1, Format::TD2, Format::TD3};
    for (int i = 0; i < kDocuments; ++i) {
        text += g.document(kMix[i % 3]);
        text += QStringLiteral("\n\n");
    }
    const QString path = dir.filePath(QStringLiteral("documents.mrz"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toLatin1()) < 0) {
        std::fprintf(stderr, "peer: cannot write %s\n", qPrintable(path));
        return 1;
    }
    file.close();

    // Ours: the same split-then-parse as the peer script.
    const QList<QStringView> docs = splitDocuments(text);
    double best = 1e9;
    double bestCpu = 1e9;
    int valid = 0;
    for (int round = 0; round < 3; ++round) {
        valid = 0;
        QElapsedTimer t;
        const double cpu0 = cpuSeconds();
        t.start();
        for (const QStringView d : docs)
            valid += parse(d, ParseOptions{kToday, false}).valid ? 1 : 0;
        best = std::min(best, static_cast<double>(t.nsecsElapsed()) / 1e9);
        bestCpu = std::min(bestCpu, cpuSeconds() - cpu0);
    }
    const double n = static_cast<double>(docs.size());
    std::printf("\nkiosk_mrz : %lld documents, %d valid, wall %.3f s (%.0f documents/s, %.3f us/document), cpu %.3f s (%.3f us/document)\n",
                static_cast<long long>(docs.size()), valid, best, n / best, best * 1e6 / n, bestCpu, bestCpu * 1e6 / n);

    QString prefix = qEnvironmentVariable("KIOSK_MRZ_NPM_PREFIX");
    QTemporaryDir npmDir;
    if (prefix.isEmpty()) {
        std::printf("peer: KIOSK_MRZ_NPM_PREFIX not set; npm install --prefix %s mrz ...\n", qPrintable(npmDir.path()));
        QProcess npm;
        npm.start(QStringLiteral("npm"), {QStringLiteral("install"), QStringLiteral("--silent"), QStringLiteral("--prefix"), npmDir.path(),
                                          QStringLiteral("mrz")});
        if (!npm.waitForFinished(300000) || npm.exitCode() != 0) {
            std::printf("peer: comparison skipped (npm install failed: %s)\n", npm.readAllStandardError().constData());
            return 0;
        }
        prefix = npmDir.path();
    }
    QProcess node;
    node.start(QStringLiteral("node"), {QStringLiteral(KIOSK_SOURCE_DIR "/tests/bench/mrz_peer.js"), path, prefix});
    if (!node.waitForFinished(600000) || node.exitStatus() != QProcess::NormalExit || node.exitCode() != 0) {
        std::printf("peer: comparison skipped (node failed: %s)\n", node.readAllStandardError().constData());
        return 0;
    }
    const QJsonObject peer = QJsonDocument::fromJson(node.readAllStandardOutput().trimmed()).object();
    const double peerSeconds = peer.value(QStringLiteral("seconds")).toDouble();
    const double peerCpu = peer.value(QStringLiteral("cpu_seconds")).toDouble();
    const int peerDocs = peer.value(QStringLiteral("documents")).toInt();
    std::printf("npm mrz %s: %d documents, %d valid, wall %.3f s (%.0f documents/s, %.3f us/document), cpu %.3f s (%.3f us/document)\n",
                qPrintable(peer.value(QStringLiteral("version")).toString()), peerDocs, peer.value(QStringLiteral("valid")).toInt(),
                peerSeconds, peerDocs / peerSeconds, peerSeconds * 1e6 / peerDocs, peerCpu, peerCpu * 1e6 / peerDocs);
    // Throughput ratio = time ratio on the same documents. CPU time (process, all threads:
    // node's compiler and GC threads count) is the fairer measure on a shared machine.
    std::printf("ratio kiosk_mrz / npm mrz throughput: wall %.1fx, cpu %.1fx  (target >= 20x)\n", peerSeconds / best,
                peerCpu / bestCpu);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    // KIOSK_MRZ_BENCH_NO_PEER=1: only the per-layout numbers (e.g. under a profiler).
    if (qEnvironmentVariableIntValue("KIOSK_MRZ_BENCH_NO_PEER") != 0)
        return 0;
    return comparePeer();
}
