// bench_nation: one kiosk's database over a simulated year of a country's crossings, with the
// working set pruned every day (app/store/workingset.h): 100 checkpoints, 15,000 crossings a
// day for one simulated year, policy window 180 days. Prints the kiosk database size, the bytes
// a kiosk pulls per day, and a new kiosk's time to a ready working set. Targets: kiosk database
// <= 2 GB after the simulated year, and recording one crossing p99 <= 5 ms unchanged.
//
// The simulation: 100 checkpoint kiosks, each with its own Ed25519 key and hash chain, sign
// every crossing for real (the canonical event encoding). Travellers are synthetic: 35 % of the
// trips are by someone who came before, the rest by a new traveller; stays are 1-14 days (70 %),
// 15-60 (25 %), 61-89 (4 %), 91-150 (1 %, exit recorded with OVERSTAY); 1 % of entries never
// see their exit (they stay open for ever). Every day's crossings reach the kiosk as the sync
// client stores a verified feed page (the signed event, then the crossing row, one transaction
// a day; verification itself is bench_sync's subject), and the day ends with the daily prune at
// the policy's 180-day window. The bytes pulled are the feed's JSON entries, as
// GET /v1/feed sends them (sync/central/centralapi.cpp).
//
// Then, on the year-end file, BM_RecordCrossing times CrossingRecorder::record() of the kiosk's
// own crossings (synchronous=FULL), as bench_sync does on a small file.
//
// A new kiosk's time to a ready working set: there is no snapshot yet; the figure printed is
// what replaying the whole year's feed costs at the store's measured
// rate here (signature verification excluded), a lower bound of today's first sync.
//
//   cmake -S . -B build-bench -G Ninja -DKIOSK_BENCH=ON -DKIOSK_TESTS=OFF -DCMAKE_BUILD_TYPE=Release
//   cmake --build build-bench -j2 --target bench_nation
//   build-bench/bin/bench_nation                  (KIOSK_BENCH_DAYS=60 KIOSK_BENCH_PER_DAY=3000 for a quick run)
#include "app/core/traveldocument.h"
#include "app/crypto/ed25519.h"
#include "app/store/database.h"
#include "app/store/eventrepository.h"
#include "app/store/workingset.h"
#include "sync/client/crossingrecorder.h"
#include "sync/eventlog/event.h"
#include "sync/eventlog/eventsigner.h"
#include "tests/bench/percentiles.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimeZone>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <memory>
#include <optional>
#include <vector>

using namespace Kiosk;

namespace {

int envInt(const char *name, int fallback)
{
    const QByteArray v = qgetenv(name);
    bool ok = false;
    const int n = v.toInt(&ok);
    return ok && n > 0 ? n : fallback;
}

constexpr int kWindowDays = 180;
const QDate kFirstDay(2026, 1, 1);
const QTimeZone kBaku(4 * 3600);
const char *const kNationalities[] = {"RUS", "TUR", "GEO", "IRN", "UKR", "KAZ", "DEU", "GBR", "IND", "CHN", "ISR", "USA"};

// Traveller i, the same document every time it travels; names unique per i, so the store never
// takes two travellers for one person.
TravelDocument traveller(int i)
{
    TravelDocument d;
    d.documentCode = QStringLiteral("P");
    d.kind = DocumentKind::Passport;
    d.nationality = *CountryCode::fromString(QString::fromLatin1(kNationalities[i % 12]));
    d.issuingState = d.nationality;
    d.documentNumber = QStringLiteral("N%1").arg(i, 8, 10, QLatin1Char('0'));
    QString name;
    for (int n = i; n > 0 || name.isEmpty(); n /= 26)
        name.prepend(QChar(u'A' + n % 26));
    d.surname = QStringLiteral("TRAVELLER") + name;
    d.givenNames = QStringLiteral("SAM");
    d.birthDate = QDate(1950, 1, 1).addDays(i % 20000);
    d.birthDateRaw = d.birthDate->toString(QStringLiteral("yyMMdd"));
    d.sex = i % 2 ? Sex::Male : Sex::Female;
    d.expiryDate = QDate(2036, 1, 1);
    d.checkDigitsValid = true;
    return d;
}

struct Checkpoint
{
    QString kioskId;
    std::unique_ptr<EventLog::EventSigner> signer;
    qint64 sequence = 0;
    QByteArray lastHash;
};

struct Planned
{
    int person = 0;
    int checkpoint = 0;
    bool overstay = false;
};

qint64 fileBytes(const QString &path)
{
    return QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
}

double mib(qint64 bytes)
{
    return static_cast<double>(bytes) / (1024.0 * 1024.0);
}

struct World
{
    QTemporaryDir dir;
    std::optional<Store::Database> db;
    QString path;
    std::unique_ptr<EventLog::EventSigner> ownSigner;
    int ownNext = 0;
};

World *g_world = nullptr;

bool simulate()
{
    const int days = envInt("KIOSK_BENCH_DAYS", 365);
    const int perDay = envInt("KIOSK_BENCH_PER_DAY", 15000);
    const int checkpoints = envInt("KIOSK_BENCH_CHECKPOINTS", 100);
    g_world = new World;
    g_world->path = g_world->dir.filePath(QStringLiteral("kiosk.db"));
    auto opened = Store::Database::open(g_world->path);
    if (!opened) {
        std::fprintf(stderr, "bench_nation: %s\n", qPrintable(opened.error().message));
        return false;
    }
    g_world->db.emplace(std::move(*opened));
    Store::Database &db = *g_world->db;

    std::vector<Checkpoint> points(static_cast<size_t>(checkpoints));
    for (int c = 0; c < checkpoints; ++c) {
        auto key = Crypto::Ed25519PrivateKey::generate();
        if (!key)
            return false;
        points[static_cast<size_t>(c)].kioskId = QStringLiteral("KIOSK-%1").arg(c, 3, 10, QLatin1Char('0'));
        points[static_cast<size_t>(c)].signer = std::make_unique<EventLog::EventSigner>(std::move(*key));
    }
    auto own = Crypto::Ed25519PrivateKey::generate();
    if (!own)
        return false;
    g_world->ownSigner = std::make_unique<EventLog::EventSigner>(std::move(*own));

    QRandomGenerator rng(17);
    std::vector<std::vector<Planned>> exits(static_cast<size_t>(days + 151));
    std::vector<char> inside;
    int persons = 0;
    qint64 feedId = 0, pulled = 0, pulledBytes = 0, storeNs = 0;
    std::vector<double> pruneMs;
    std::vector<qint64> bytesPerDay;
    std::printf("bench_nation: %d days, %d crossings a day, %d checkpoints, window %d days\n", days, perDay, checkpoints, kWindowDays);
    std::printf("%5s %10s %10s %10s %10s %10s\n", "day", "pulled", "kept", "persons", "file_MiB", "prune_ms");

    for (int day = 0; day < days; ++day) {
        const QDate date = kFirstDay.addDays(day);
        std::vector<std::pair<Planned, Direction>> today;
        for (const Planned &p : exits[static_cast<size_t>(day)])
            today.emplace_back(p, Direction::Exit);
        const int entries = std::max(perDay / 4, perDay - static_cast<int>(today.size()));
        for (int e = 0; e < entries; ++e) {
            Planned p;
            p.checkpoint = static_cast<int>(rng.bounded(checkpoints));
            int who = -1;
            if (persons > 0 && rng.bounded(100) < 35) {
                const int candidate = static_cast<int>(rng.bounded(persons));
                if (!inside[static_cast<size_t>(candidate)])
                    who = candidate;
            }
            if (who < 0) {
                who = persons++;
                inside.push_back(0);
            }
            p.person = who;
            inside[static_cast<size_t>(who)] = 1;
            today.emplace_back(p, Direction::Entry);
            const quint32 roll = rng.bounded(100);
            if (roll == 0)
                continue; // never seen leaving: open for ever
            int stay = roll < 70 ? 1 + static_cast<int>(rng.bounded(14))
                : roll < 95      ? 15 + static_cast<int>(rng.bounded(46))
                : roll < 99      ? 61 + static_cast<int>(rng.bounded(29))
                                 : 91 + static_cast<int>(rng.bounded(60));
            Planned out = p;
            out.checkpoint = static_cast<int>(rng.bounded(checkpoints));
            out.overstay = stay > 90;
            exits[static_cast<size_t>(day + stay - 1)].push_back(out);
        }

        QElapsedTimer store;
        store.start();
        Store::Transaction tx(db);
        qint64 dayBytes = 0;
        int n = 0;
        for (const auto &[p, direction] : today) {
            Checkpoint &cp = points[static_cast<size_t>(p.checkpoint)];
            EventLog::Event draft;
            draft.kioskId = cp.kioskId;
            draft.checkpoint = QStringLiteral("CP%1").arg(p.checkpoint);
            draft.officer = QStringLiteral("OFF-%1").arg(p.checkpoint);
            draft.direction = direction;
            draft.document = Sync::documentIdentity(traveller(p.person));
            draft.verdict = direction == Direction::Exit && p.overstay ? QStringLiteral("REFER") : QStringLiteral("ADMIT");
            draft.reasons = direction == Direction::Entry ? QStringList{QStringLiteral("VISA_FREE")}
                : p.overstay                               ? QStringList{QStringLiteral("OVERSTAY")}
                                                           : QStringList{};
            draft.policyVersion = QStringLiteral("2026.1");
            draft.recordedAt = QDateTime(date, QTime(6, 0).addSecs(n++ % 60000), kBaku);
            auto signed_ = cp.signer->sign(draft, cp.sequence, cp.lastHash);
            if (!signed_) {
                std::fprintf(stderr, "bench_nation: sign: %s\n", qPrintable(signed_.error().message));
                return false;
            }
            cp.sequence = signed_->event.sequence;
            cp.lastHash = signed_->hash();
            ++feedId;
            // What GET /v1/feed sends for it, and the comma between entries:
            // {"bytes":"B64","feedId":N,"signature":"B64"}, counted without building it (the
            // first entry of each day is built by QJsonDocument to check the count).
            const auto b64 = [](qsizetype n) { return (n + 2) / 3 * 4; };
            const qint64 entryBytes = 10 + b64(signed_->bytes.size()) + 11 + QByteArray::number(feedId).size() + 14
                + b64(signed_->signature.size()) + 2;
            if (n == 1) {
                const qsizetype built = QJsonDocument(QJsonObject{{QStringLiteral("feedId"), feedId},
                                                                  {QStringLiteral("bytes"), QString::fromLatin1(signed_->bytes.toBase64())},
                                                                  {QStringLiteral("signature"), QString::fromLatin1(signed_->signature.toBase64())}})
                                            .toJson(QJsonDocument::Compact)
                                            .size();
                if (built != entryBytes) {
                    std::fprintf(stderr, "bench_nation: feed entry size %lld, counted %lld\n", static_cast<long long>(built),
                                 static_cast<long long>(entryBytes));
                    return false;
                }
            }
            dayBytes += entryBytes + 1;
            const qint64 t0 = store.nsecsElapsed();
            auto stored = Store::EventRepository(db).storeRemote(Sync::remoteEventOf(*signed_, feedId));
            auto row = stored ? Sync::recordRemoteCrossing(db, signed_->event, QDateTime(date, QTime(23, 0), kBaku)) : Result<void>{};
            if (!stored || !row) {
                std::fprintf(stderr, "bench_nation: store: %s\n", qPrintable((!stored ? stored.error() : row.error()).message));
                return false;
            }
            storeNs += store.nsecsElapsed() - t0;
            if (direction == Direction::Exit)
                inside[static_cast<size_t>(p.person)] = 0;
        }
        if (auto c = tx.commit(); !c) {
            std::fprintf(stderr, "bench_nation: commit: %s\n", qPrintable(c.error().message));
            return false;
        }
        pulled += static_cast<qint64>(today.size());
        pulledBytes += dayBytes;
        bytesPerDay.push_back(dayBytes);

        QElapsedTimer prune;
        prune.start();
        auto report = Store::pruneWorkingSet(db, Store::workingSetCutoff(date, kWindowDays));
        if (!report) {
            std::fprintf(stderr, "bench_nation: prune: %s\n", qPrintable(report.error().message));
            return false;
        }
        pruneMs.push_back(static_cast<double>(prune.nsecsElapsed()) / 1e6);
        if ((day + 1) % 30 == 0 || day + 1 == days)
            std::printf("%5d %10lld %10lld %10d %10.1f %10.1f\n", day + 1, static_cast<long long>(pulled),
                        static_cast<long long>(report->crossingsKept), persons, mib(fileBytes(g_world->path)), pruneMs.back());
        std::fflush(stdout);
    }
    if (auto q = db.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")))
        (*q)->finish(); // a statement left open would stop the next transaction
    const qint64 size = fileBytes(g_world->path);
    std::vector<double> sortedPrune = pruneMs;
    std::ranges::sort(sortedPrune);
    const double storeUsPerEvent = static_cast<double>(storeNs) / 1e3 / static_cast<double>(pulled);
    std::printf("\nkiosk database after %d days: %.1f MiB (%lld bytes; target <= 2 GiB: %s)\n", days, mib(size),
                static_cast<long long>(size), size <= 2LL * 1024 * 1024 * 1024 ? "met" : "NOT met");
    std::printf("pulled: %lld crossings, %.1f MiB in all; per day mean %.1f MiB (%lld bytes)\n", static_cast<long long>(pulled),
                mib(pulledBytes), mib(pulledBytes / days), static_cast<long long>(pulledBytes / days));
    std::printf("daily prune: p50 %.1f ms, max %.1f ms\n", sortedPrune[sortedPrune.size() / 2], sortedPrune.back());
    std::printf("store of a pulled crossing (event + row, verification excluded): %.1f us\n", storeUsPerEvent);
    std::printf("new kiosk, no snapshot (replaying the year's feed at that rate, verification excluded): %.0f s; target <= 600 s\n",
                storeUsPerEvent * static_cast<double>(pulled) / 1e6);
    return true;
}

void BM_RecordCrossing(benchmark::State &state)
{
    World &w = *g_world;
    Sync::CrossingRecorder recorder(*w.db, *w.ownSigner, QStringLiteral("KIOSK-OWN"), QStringLiteral("GYD"));
    std::vector<double> ms;
    for (auto _ : state) {
        const TravelDocument doc = traveller(50'000'000 + w.ownNext);
        const QDateTime at(kFirstDay.addDays(364), QTime(12, 0).addSecs(w.ownNext++ % 40000), kBaku);
        QElapsedTimer t;
        t.start();
        auto r = recorder.record(Sync::Decision{doc, Direction::Entry, at, QStringLiteral("OFF-1"), VerdictKind::Admit,
                                                {QStringLiteral("VISA_FREE")}, QStringLiteral("2026.1"), false, {}});
        ms.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
        if (!r) {
            state.SkipWithError(qPrintable(r.error().message));
            break;
        }
    }
    Bench::reportPercentiles(state, ms, {50, 99}, "ms");
}
BENCHMARK(BM_RecordCrossing)->Iterations(2000)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    benchmark::Initialize(&argc, argv);
    if (!simulate())
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    delete g_world;
    return 0;
}
