// bench_sync (issue 4 §6):
//  - BM_DrainBacklog/<backend>: a backlog of 100,000 signed events drained from a kiosk's
//    outbox to an in-process border-central (HTTPS on loopback, the real QtHttpServer adapter,
//    its own thread) over SQLite (0) or PostgreSQL (1, KIOSK_TEST_PG_URL or KIOSK_BENCH_PG_URL).
//    Counters: events_per_s (target >= 5,000 on 2 cores), verify_share (the share of the wall
//    time the central side spent in Ed25519 verification, parallel over the cores), and
//    events_per_cpu_s (events per CPU-second of kiosk + central together: the figure that
//    survives a machine shared with other work).
//  - BM_RecordCrossing: one crossing recorded (crossing row + signed event + outbox entry in
//    one transaction, WAL, synchronous=FULL); counters p50_ms / p99_ms (target p99 <= 5 ms).
// Run: build with -DKIOSK_BENCH=ON, then  build/tests/bench/bench_sync  (after
// `source scripts/test-services` for the PostgreSQL row). KIOSK_BENCH_EVENTS overrides 100000.
#include "app/crypto/ed25519.h"
#include "app/store/database.h"
#include "app/store/eventrepository.h"
#include "app/store/outbox.h"
#include "sync/client/crossingrecorder.h"
#include "sync/client/syncclient.h"
#include "tests/unit/central/centraltestdb.h"
#include "tests/support/loopbackcentral.h"
#include "tests/unit/syncclient/syntheticpassport.h"

#include <benchmark/benchmark.h>
#include "tests/bench/percentiles.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimeZone>

#include <algorithm>

#include <sys/resource.h>

using namespace Kiosk;

namespace {

// CPU seconds of the whole process (all threads): on a loaded machine the wall time says
// little, the CPU cost per event does.
double processCpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    auto s = [](const timeval &t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return s(u.ru_utime) + s(u.ru_stime);
}

const QString KioskId = QStringLiteral("KIOSK-BENCH-01");

TravelDocument benchDocument(int n)
{
    return Test::syntheticPassport(u"RUS", QStringLiteral("B%1").arg(n, 8, 10, QLatin1Char('0')), QStringLiteral("BENCHOVA"),
                                   QStringLiteral("IRINA"), QDate(1985, 5, 5));
}

Sync::Decision benchDecision(int n)
{
    return Sync::Decision{benchDocument(n), Direction::Entry, QDateTime(QDate(2026, 11, 20), QTime(8, 0), QTimeZone(4 * 3600)).addSecs(n),
                          QStringLiteral("OFF-1"), VerdictKind::Admit, {QStringLiteral("VISA_FREE")}, QStringLiteral("2026.1"), false, {}};
}

void BM_DrainBacklog(benchmark::State &state)
{
    const bool pg = state.range(0) == 1;
    const int total = qEnvironmentVariableIsSet("KIOSK_BENCH_EVENTS") ? qEnvironmentVariableIntValue("KIOSK_BENCH_EVENTS") : 100000;
    if (pg && qEnvironmentVariable("KIOSK_TEST_PG_URL").isEmpty()) {
        if (qEnvironmentVariable("KIOSK_BENCH_PG_URL").isEmpty()) {
            state.SkipWithError("PostgreSQL: set KIOSK_TEST_PG_URL (source scripts/test-services)");
            return;
        }
        qputenv("KIOSK_TEST_PG_URL", qgetenv("KIOSK_BENCH_PG_URL"));
    }
    for (auto _ : state) {
        QTemporaryDir dir;
        if (const QString tls = Test::makeLoopbackTls(dir.filePath(QStringLiteral("tls.key")), dir.filePath(QStringLiteral("ca.pem"))); !tls.isEmpty()) {
            state.SkipWithError(qPrintable(tls));
            return;
        }
        auto key = Crypto::Ed25519PrivateKey::generate();
        const QByteArray publicKey = key->publicKey().raw();
        // The same key signs the requests (border-central authenticates each one).
        auto requestCopy = Crypto::Ed25519PrivateKey::fromPem(key->toPem());
        const auto requestKey = std::make_shared<const Crypto::Ed25519PrivateKey>(std::move(*requestCopy));
        const EventLog::EventSigner signer(std::move(*key));

        // The backlog: 100,000 signed, chained events in the outbox (one bulk transaction:
        // the backlog's making is not what is measured).
        auto db = Store::Database::open(dir.filePath(QStringLiteral("kiosk.db")));
        if (!db) {
            state.SkipWithError("kiosk database");
            return;
        }
        {
            Store::Transaction tx(*db);
            Store::EventRepository events(*db);
            qint64 seq = 0;
            QByteArray head;
            for (int i = 0; i < total; ++i) {
                EventLog::Event draft;
                draft.kioskId = KioskId;
                draft.checkpoint = QStringLiteral("GYD");
                draft.officer = QStringLiteral("OFF-1");
                draft.document = Sync::documentIdentity(benchDocument(i));
                draft.verdict = QStringLiteral("ADMIT");
                draft.reasons = {QStringLiteral("VISA_FREE")};
                draft.policyVersion = QStringLiteral("2026.1");
                draft.recordedAt = benchDecision(i).at;
                auto e = signer.sign(draft, seq, head);
                (void)events.append({e->event.sequence, e->event.id, KioskId, e->bytes, e->signature, e->hash(), draft.recordedAt.toUTC()});
                seq = e->event.sequence;
                head = e->hash();
            }
            (void)tx.commit();
        }

        std::unique_ptr<Central::Test::ScratchDatabase> scratch = std::make_unique<Central::Test::ScratchDatabase>(pg ? QStringLiteral("postgresql") : QStringLiteral("sqlite"));
        Test::CentralThread central(scratch->url(), dir.filePath(QStringLiteral("ca.pem")), dir.filePath(QStringLiteral("tls.key")),
                                    {{KioskId, QStringLiteral("GYD"), publicKey, false}});
        const quint16 port = central.startListening();
        if (port == 0) {
            state.SkipWithError(qPrintable(QStringLiteral("central did not start: ") + central.error()));
            return;
        }
        Sync::SyncSettings settings;
        settings.central = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(port));
        settings.caFile = dir.filePath(QStringLiteral("ca.pem"));
        settings.ownKioskId = KioskId;
        settings.requestKey = requestKey;
        settings.batchSize = 1000;
        settings.requestTimeoutMs = 120000;
        const SystemClock clock;
        auto client = Sync::SyncClient::create(*db, settings, clock, systemScheduler());

        QElapsedTimer wall;
        const double cpuBefore = processCpuSeconds();
        wall.start();
        auto round = (*client)->runOnce();
        const double seconds = static_cast<double>(wall.nsecsElapsed()) / 1e9;
        const double cpuSeconds = processCpuSeconds() - cpuBefore;
        central.quit();
        central.wait();
        state.SetIterationTime(seconds);
        const auto left = Store::Outbox(*db).status();
        if (!round || !left || left->pending != 0 || round->stored != total) {
            state.SkipWithError(qPrintable(QStringLiteral("drain incomplete: %1").arg(round ? QString::number(round->stored) : round.error().message)));
            return;
        }
        state.counters["events"] = total;
        state.counters["events_per_s"] = total / seconds;
        state.counters["verify_share"] = (static_cast<double>(central.verifyNanoseconds()) / 1e9) / seconds;
        state.counters["verify_per_s"] = total / (static_cast<double>(central.verifyNanoseconds()) / 1e9);
        // Kiosk + central CPU per event, both in this process (PostgreSQL's own CPU not counted).
        state.counters["events_per_cpu_s"] = total / cpuSeconds;
        client->reset();
    }
}
BENCHMARK(BM_DrainBacklog)->Arg(0)->Arg(1)->ArgName("postgresql")->UseManualTime()->Iterations(1)->Unit(benchmark::kSecond);

void BM_RecordCrossing(benchmark::State &state)
{
    QTemporaryDir dir;
    auto db = Store::Database::open(dir.filePath(QStringLiteral("kiosk.db"))); // WAL, synchronous=FULL
    auto key = Crypto::Ed25519PrivateKey::generate();
    const EventLog::EventSigner signer(std::move(*key));
    Sync::CrossingRecorder recorder(*db, signer, KioskId, QStringLiteral("GYD"));
    std::vector<double> ms;
    int n = 0;
    for (auto _ : state) {
        QElapsedTimer t;
        t.start();
        auto r = recorder.record(benchDecision(n++));
        const double elapsed = static_cast<double>(t.nsecsElapsed()) / 1e6;
        if (!r) {
            state.SkipWithError(qPrintable(r.error().message));
            return;
        }
        ms.push_back(elapsed);
        state.SetIterationTime(elapsed / 1e3);
    }
    Bench::reportPercentiles(state, ms, {50, 99}, "ms");
}
BENCHMARK(BM_RecordCrossing)->UseManualTime()->Iterations(2000)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
