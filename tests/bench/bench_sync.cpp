// bench_sync:
//  - BM_DrainBacklog/<backend>: a backlog of 100,000 signed events drained from a kiosk's
//    outbox to an in-process border-central (HTTPS on loopback, the real QtHttpServer adapter,
//    its own thread) over SQLite (0) or PostgreSQL (1, KIOSK_TEST_PG_URL or KIOSK_BENCH_PG_URL),
//    in push batches of 5,000 (about 4.6 MB of body, under the central's 8 MiB limit).
//    Counters: events_per_s (target >= 10,000 on 2 cores), verify_share (the share of the wall
//    time the central side spent in Ed25519 verification, parallel over the cores),
//    events_per_cpu_s (events per CPU-second of kiosk + central together: the figure that
//    survives a machine shared with other work), and beside them, measured in the same run on
//    the same events, the verification-only ceiling: ceiling_1core_per_s (Ed25519 verifies/s
//    on one thread), ceiling_per_s (on `cores` threads), ceiling_parse_per_s (parse + verify,
//    what the central side must do per event, on `cores` threads) and drain_vs_ceiling
//    (events_per_s / ceiling_per_s); and per CPU-second, which other work on a shared machine
//    does not move: ceiling_cpu_per_s (verifies per CPU-second) and cpu_vs_ceiling
//    (events_per_cpu_s / ceiling_cpu_per_s).
//    Then new_kiosk_pull_per_s: a second, new kiosk's first sync pulls the whole feed over the
//    same loopback HTTPS (pages of SyncSettings::feedPageSize, every event verified against
//    the registry, stored with its crossing row): what a kiosk without a snapshot replays.
//  - BM_RecordCrossing: one crossing recorded (crossing row + signed event + outbox entry in
//    one transaction, WAL, synchronous=FULL); counters p50_ms / p99_ms (target p99 <= 5 ms).
// Run: build with -DKIOSK_BENCH=ON, then  build/tests/bench/bench_sync  (after
// `source scripts/test-services` for the PostgreSQL row). KIOSK_BENCH_EVENTS overrides 100000.
#include "app/crypto/ed25519.h"
#include "app/store/database.h"
#include "app/store/eventrepository.h"
#include "app/store/outbox.h"
#include "sync/central/centralapi.h"
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
#include <atomic>
#include <thread>
#include <vector>

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
const QString NewKioskId = QStringLiteral("KIOSK-BENCH-NEW");

TravelDocument benchDocument(int n)
{
    return Test::syntheticPassport(u"RUS", QStringLiteral("B%1").arg(n, 8, 10, QLatin1Char('0')), QStringLiteral("BENCHOVA"),
                                   QStringLiteral("IRINA"), QDate(1985, 5, 5));
}

// Runs fn(i) for i in [0, n) on `threads` threads (contiguous chunks); the wall seconds.
template <typename Fn>
double timedParallel(size_t n, unsigned threads, Fn fn)
{
    QElapsedTimer wall;
    wall.start();
    std::vector<std::thread> pool;
    const size_t chunk = (n + threads - 1) / threads;
    for (unsigned t = 0; t < threads; ++t)
        pool.emplace_back([&fn, from = t * chunk, to = std::min(n, (t + 1) * chunk)] {
            for (size_t i = from; i < to; ++i)
                fn(i);
        });
    for (std::thread &t : pool)
        t.join();
    return static_cast<double>(wall.nsecsElapsed()) / 1e9;
}

// The verification-only ceiling of a drain: the same events, verified with the enrolled key
// (every one must pass), on one thread and on every core; and parse + verify on every core.
// Counters as the file comment names them; false when an event does not verify.
bool reportCeiling(benchmark::State &state, const std::vector<EventLog::SignedEvent> &events, const QByteArray &publicKey, double drainPerSecond,
                   double drainPerCpuSecond)
{
    const auto key = Crypto::Ed25519PublicKey::fromRaw(publicKey);
    if (!key)
        return false;
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    std::atomic<size_t> failures{0};
    const auto verify = [&](size_t i) {
        if (!key->verify(events[i].bytes, events[i].signature))
            ++failures;
    };
    const auto parseAndVerify = [&](size_t i) {
        auto se = EventLog::signedEventFromStorage(events[i].bytes, events[i].signature);
        if (!se || !key->verify(se->bytes, se->signature))
            ++failures;
    };
    const double n = static_cast<double>(events.size());
    const double one = n / timedParallel(events.size(), 1, verify);
    const double cpuBefore = processCpuSeconds();
    const double all = n / timedParallel(events.size(), cores, verify);
    const double perCpuSecond = n / (processCpuSeconds() - cpuBefore);
    const double parsed = n / timedParallel(events.size(), cores, parseAndVerify);
    state.counters["cores"] = cores;
    state.counters["ceiling_1core_per_s"] = one;
    state.counters["ceiling_per_s"] = all;
    state.counters["ceiling_parse_per_s"] = parsed;
    state.counters["drain_vs_ceiling"] = drainPerSecond / all;
    // The same comparison per CPU-second, which other work on the machine does not move.
    state.counters["ceiling_cpu_per_s"] = perCpuSecond;
    state.counters["cpu_vs_ceiling"] = drainPerCpuSecond / perCpuSecond;
    return failures == 0;
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
        std::vector<EventLog::SignedEvent> signedEvents; // for the verification ceiling
        signedEvents.reserve(static_cast<size_t>(total));

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
                signedEvents.push_back(std::move(*e));
            }
            (void)tx.commit();
        }

        // A second kiosk, new, enrolled beside: after the drain it pulls the whole feed (a new
        // kiosk's first sync, every event verified and stored with its crossing row).
        auto newKey = Crypto::Ed25519PrivateKey::generate();
        const QByteArray newPublicKey = newKey->publicKey().raw();
        const auto newRequestKey = std::make_shared<const Crypto::Ed25519PrivateKey>(std::move(*newKey));

        std::unique_ptr<Central::Test::ScratchDatabase> scratch = std::make_unique<Central::Test::ScratchDatabase>(pg ? QStringLiteral("postgresql") : QStringLiteral("sqlite"));
        Test::CentralThread central(scratch->url(), dir.filePath(QStringLiteral("ca.pem")), dir.filePath(QStringLiteral("tls.key")),
                                    {{KioskId, QStringLiteral("GYD"), publicKey, false},
                                     {NewKioskId, QStringLiteral("NAK"), newPublicKey, false}});
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
        settings.batchSize = Central::MaxBatch;
        settings.requestTimeoutMs = 120000;
        const SystemClock clock;
        auto client = Sync::SyncClient::create(*db, settings, clock, systemScheduler());

        QElapsedTimer wall;
        const double cpuBefore = processCpuSeconds();
        wall.start();
        auto round = (*client)->runOnce();
        const double seconds = static_cast<double>(wall.nsecsElapsed()) / 1e9;
        const double cpuSeconds = processCpuSeconds() - cpuBefore;

        // The new kiosk's first sync: the feed of `total` events, on loopback.
        double pullSeconds = 0;
        qint64 pulled = -1;
        if (auto newDb = Store::Database::open(dir.filePath(QStringLiteral("new.db")))) {
            Sync::SyncSettings fresh = settings;
            fresh.ownKioskId = NewKioskId;
            fresh.requestKey = newRequestKey;
            fresh.checkpoint = QStringLiteral("NAK");
            fresh.centralMarkFile.clear();
            if (auto puller = Sync::SyncClient::create(*newDb, fresh, clock, systemScheduler())) {
                QElapsedTimer pullWall;
                pullWall.start();
                auto first = (*puller)->runOnce();
                pullSeconds = static_cast<double>(pullWall.nsecsElapsed()) / 1e9;
                pulled = first ? first->pulled : -1;
            }
        }
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
        if (pulled != total) {
            state.SkipWithError(qPrintable(QStringLiteral("the new kiosk pulled %1 of %2 events").arg(pulled).arg(total)));
            return;
        }
        state.counters["new_kiosk_pull_per_s"] = total / pullSeconds;
        client->reset();
        // After the drain, with the central side stopped: the ceiling has the cores to itself.
        if (!reportCeiling(state, signedEvents, publicKey, total / seconds, total / cpuSeconds)) {
            state.SkipWithError("an event of the backlog does not verify");
            return;
        }
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
