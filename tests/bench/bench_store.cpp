// bench_store: the store lookups of one check (issue 3 §5: "a check against a store holding
// 1,000,000 crossings of 200,000 persons: <= 1 ms at p99").
//
// Builds a temporary SQLite store (WAL, synchronous=FULL, the real migrations) holding
// 200,000 synthetic persons with one passport each, 1,000,000 crossings (5 a person), 50,000
// visas, 20,000 permits and 20,000 watchlist entries (persons and stolen documents), bulk-
// loaded in one transaction with prepared statements. Then, for random persons, it times
// loadCheckRecords(): person by document (or, on a "new passport", by nationality + birth date
// + names), history, visas, permits, watchlist hits and list freshness: everything a check
// reads from the store. Each benchmark reports p50/p99 (microseconds) as counters.
//
//   cmake -B build-bench -DKIOSK_BENCH=ON && cmake --build build-bench --target bench_store
//   build-bench/bin/bench_store              (KIOSK_BENCH_PERSONS=20000 for a quick run)
//
// On a machine shared with other jobs the wall-clock tail is the scheduler's, not the store's:
// KIOSK_BENCH_REALTIME=1 runs the timed loop (a few seconds, not the load) under SCHED_FIFO
// (needs root or CAP_SYS_NICE); the "realtime" counter says whether that applied. The cpu_*
// counters (this thread's CPU time) are unaffected by other processes either way.
#include "app/core/namematch.h"
#include "app/core/traveldocument.h"
#include "app/store/checkrecords.h"
#include "app/store/database.h"

#include <benchmark/benchmark.h>
#include "tests/bench/percentiles.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <memory>
#include <random>
#include <sched.h>
#include <time.h>
#include <vector>

using namespace Kiosk;

namespace {

constexpr int kCrossingsPerPerson = 5;

struct Person
{
    QString nationality;
    QDate birth;
    QString surname;
    QString given;
    QString number;
};

// Synthetic names from syllables: no real person's data.
constexpr std::array<const char *, 24> kSyllables{"KA", "RI", "MO", "VA", "LE", "NU", "SO", "TE", "BA", "DI", "GO", "ZA",
                                                  "PE", "RU", "MI", "NA", "TO", "SE", "LI", "KO", "DA", "VE", "RA", "NO"};
constexpr std::array<const char *, 12> kEndings{"V", "VA", "EV", "OVA", "IN", "ENKO", "LI", "ZADE", "YAN", "ER", "OGLU", "SKI"};
constexpr std::array<const char *, 20> kNationalities{"RUS", "GEO", "KAZ", "UKR", "TUR", "IND", "IRN", "DEU", "CHN", "UZB",
                                                      "BLR", "KGZ", "MDA", "TJK", "ISR", "GBR", "USA", "PAK", "JPN", "EGY"};

struct BenchStore
{
    QTemporaryDir dir;
    std::unique_ptr<Kiosk::Store::Database> db;
    std::vector<Person> persons;
};

QString syllables(std::mt19937_64 &rng, int n)
{
    QString s;
    for (int i = 0; i < n; ++i)
        s += QLatin1String(kSyllables[rng() % kSyllables.size()]);
    return s;
}

bool execOrDie(QSqlQuery &q)
{
    if (!q.exec()) {
        std::fprintf(stderr, "bench_store: insert failed: %s\n", qPrintable(q.lastError().text()));
        std::exit(1);
    }
    return true;
}

BenchStore &store()
{
    static BenchStore *s = [] {
        auto *st = new BenchStore;
        const int persons = qEnvironmentVariableIsSet("KIOSK_BENCH_PERSONS") ? qEnvironmentVariableIntValue("KIOSK_BENCH_PERSONS")
                                                                             : 200000;
        auto opened = Kiosk::Store::Database::open(st->dir.filePath(QStringLiteral("bench.db")));
        if (!opened) {
            std::fprintf(stderr, "bench_store: %s\n", qPrintable(opened.error().message));
            std::exit(1);
        }
        st->db = std::make_unique<Kiosk::Store::Database>(std::move(*opened));
        QElapsedTimer timer;
        timer.start();
        std::mt19937_64 rng(20260301);
        const QSqlDatabase conn = st->db->connection();
        Kiosk::Store::Transaction tx(*st->db);
        QSqlQuery person(conn), document(conn), crossing(conn), visa(conn), permit(conn), watch(conn);
        person.prepare(QStringLiteral("INSERT INTO persons (id, nationality, birth_date, surname, given_names, surname_key) VALUES (?, ?, ?, ?, ?, ?)"));
        document.prepare(QStringLiteral("INSERT INTO documents (id, person_id, issuing_state, number, expiry_date) VALUES (?, ?, ?, ?, '2031-01-01')"));
        crossing.prepare(QStringLiteral("INSERT INTO crossings (person_id, document_id, direction, local_date, checkpoint, source) VALUES (?, ?, ?, ?, 'GYD', 'import')"));
        visa.prepare(QStringLiteral("INSERT INTO visas (person_id, document_id, number, valid_from, valid_until, days, entries) VALUES (?, ?, ?, ?, ?, 30, 1)"));
        permit.prepare(QStringLiteral("INSERT INTO permits (person_id, kind, number, valid_from, valid_until) VALUES (?, 'temporary_residence', ?, ?, ?)"));
        watch.prepare(QStringLiteral("INSERT INTO watchlist_entries (entry_id, kind, surname, given_names, surname_key, birth_date, nationality, issuing_state, document_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        const QDate epoch(1950, 1, 1);
        const QDate historyStart(2023, 1, 1);
        st->persons.reserve(static_cast<size_t>(persons));
        for (int i = 1; i <= persons; ++i) {
            Person p;
            p.nationality = QLatin1String(kNationalities[rng() % kNationalities.size()]);
            p.birth = epoch.addDays(static_cast<qint64>(rng() % 21000));
            p.surname = syllables(rng, 2) + QLatin1String(kEndings[rng() % kEndings.size()]);
            p.given = syllables(rng, 2 + static_cast<int>(rng() % 2));
            p.number = QStringLiteral("B%1").arg(i, 8, 10, QLatin1Char('0'));
            person.bindValue(0, i);
            person.bindValue(1, p.nationality);
            person.bindValue(2, p.birth.toString(Qt::ISODate));
            person.bindValue(3, p.surname);
            person.bindValue(4, p.given);
            person.bindValue(5, nameKey(p.surname));
            execOrDie(person);
            document.bindValue(0, i);
            document.bindValue(1, i);
            document.bindValue(2, p.nationality);
            document.bindValue(3, p.number);
            execOrDie(document);
            QDate d = historyStart.addDays(static_cast<qint64>(rng() % 300));
            for (int c = 0; c < kCrossingsPerPerson; ++c) {
                crossing.bindValue(0, i);
                crossing.bindValue(1, i);
                crossing.bindValue(2, c % 2 == 0 ? QStringLiteral("entry") : QStringLiteral("exit"));
                crossing.bindValue(3, d.toString(Qt::ISODate));
                execOrDie(crossing);
                d = d.addDays(1 + static_cast<qint64>(rng() % 120));
            }
            if (i % 4 == 0) {
                visa.bindValue(0, i);
                visa.bindValue(1, i);
                visa.bindValue(2, QStringLiteral("V%1").arg(i));
                visa.bindValue(3, QStringLiteral("2026-01-01"));
                visa.bindValue(4, QStringLiteral("2026-06-30"));
                execOrDie(visa);
            }
            if (i % 10 == 0) {
                permit.bindValue(0, i);
                permit.bindValue(1, QStringLiteral("TR%1").arg(i));
                permit.bindValue(2, QStringLiteral("2025-06-01"));
                permit.bindValue(3, QStringLiteral("2026-05-31"));
                execOrDie(permit);
            }
            st->persons.push_back(p);
        }
        // Watchlist: person entries (some of them persons in the store) and stolen documents.
        const int entries = std::max(1, persons / 10);
        for (int e = 0; e < entries; ++e) {
            watch.bindValue(0, QStringLiteral("WL-%1").arg(e));
            if (e % 4 == 0) { // stolen document
                const QVariant none(QMetaType(QMetaType::QString));
                watch.bindValue(1, QStringLiteral("stolen_document"));
                watch.bindValue(2, QStringLiteral("")); // surname
                watch.bindValue(3, QStringLiteral("")); // given names
                watch.bindValue(4, QStringLiteral("")); // surname key
                watch.bindValue(5, none);               // birth date
                watch.bindValue(6, none);               // nationality
                watch.bindValue(7, QLatin1String(kNationalities[rng() % kNationalities.size()]));
                watch.bindValue(8, QStringLiteral("S%1").arg(e, 8, 10, QLatin1Char('0')));
            } else {
                const Person &p = st->persons[rng() % st->persons.size()];
                watch.bindValue(1, QStringLiteral("entry_ban"));
                watch.bindValue(2, p.surname);
                watch.bindValue(3, p.given);
                watch.bindValue(4, nameKey(p.surname));
                watch.bindValue(5, p.birth.toString(Qt::ISODate));
                watch.bindValue(6, p.nationality);
                watch.bindValue(7, QVariant(QMetaType(QMetaType::QString)));
                watch.bindValue(8, QVariant(QMetaType(QMetaType::QString)));
            }
            execOrDie(watch);
        }
        person.finish();
        if (auto r = tx.commit(); !r) {
            std::fprintf(stderr, "bench_store: commit failed: %s\n", qPrintable(r.error().message));
            std::exit(1);
        }
        (void)st->db->exec(QStringLiteral("ANALYZE"));
        std::fprintf(stderr, "bench_store: loaded %d persons, %d crossings, %d watchlist entries in %.1f s\n", persons,
                     persons * kCrossingsPerPerson, entries, static_cast<double>(timer.elapsed()) / 1000.0);
        return st;
    }();
    return *s;
}

TravelDocument documentOf(const Person &p, bool newPassport)
{
    TravelDocument d;
    d.documentCode = QStringLiteral("P");
    d.kind = DocumentKind::Passport;
    d.issuingState = *CountryCode::fromString(p.nationality);
    d.nationality = d.issuingState;
    d.documentNumber = newPassport ? QStringLiteral("N") + p.number.mid(1) : p.number;
    d.surname = p.surname;
    d.givenNames = p.given;
    d.birthDate = p.birth;
    d.expiryDate = QDate(2031, 1, 1);
    d.checkDigitsValid = true;
    return d;
}

// This thread's CPU time: on a shared 2-core machine the wall-clock tail is mostly other
// processes' scheduling; the CPU-time percentiles say what the lookups themselves cost.
double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// SCHED_FIFO for the timed loop only, when asked for; restores the normal policy on exit.
class RealtimeScope
{
public:
    RealtimeScope()
    {
        if (!qEnvironmentVariableIsSet("KIOSK_BENCH_REALTIME"))
            return;
        sched_param param{};
        param.sched_priority = 10;
        m_active = sched_setscheduler(0, SCHED_FIFO, &param) == 0;
    }
    ~RealtimeScope()
    {
        if (!m_active)
            return;
        sched_param param{};
        param.sched_priority = 0;
        sched_setscheduler(0, SCHED_OTHER, &param);
    }
    RealtimeScope(const RealtimeScope &) = delete;
    RealtimeScope &operator=(const RealtimeScope &) = delete;
    [[nodiscard]] bool active() const { return m_active; }

private:
    bool m_active = false;
};

// arg 0: the passport is known; arg 1: a new passport (person found by identity).
void BM_CheckLookups(benchmark::State &state)
{
    BenchStore &st = store();
    const bool newPassport = state.range(0) == 1;
    std::mt19937_64 rng(newPassport ? 7 : 11);
    std::vector<double> micros;
    std::vector<double> cpuMicros;
    micros.reserve(static_cast<size_t>(state.max_iterations));
    cpuMicros.reserve(static_cast<size_t>(state.max_iterations));
    const QDate today(2026, 3, 1);
    size_t found = 0;
    const RealtimeScope realtime;
    for (auto _ : state) {
        const TravelDocument doc = documentOf(st.persons[rng() % st.persons.size()], newPassport);
        const double c0 = threadCpuSeconds();
        const auto t0 = std::chrono::steady_clock::now();
        auto records = Kiosk::Store::loadCheckRecords(*st.db, doc, today);
        const auto t1 = std::chrono::steady_clock::now();
        const double c1 = threadCpuSeconds();
        if (!records) {
            state.SkipWithError(qPrintable(records.error().message));
            break;
        }
        found += records->history.size() == kCrossingsPerPerson ? 1 : 0;
        benchmark::DoNotOptimize(records);
        const double seconds = std::chrono::duration<double>(t1 - t0).count();
        state.SetIterationTime(seconds);
        micros.push_back(seconds * 1e6);
        cpuMicros.push_back((c1 - c0) * 1e6);
    }
    // Every lookup must have found the person's whole history, or the timing means nothing.
    state.counters["realtime"] = realtime.active() ? 1 : 0;
    state.counters["found_ratio"] = micros.empty() ? 0.0 : static_cast<double>(found) / static_cast<double>(micros.size());
    Bench::reportPercentiles(state, micros, {50, 99}, "us");
    Bench::reportPercentiles(state, cpuMicros, {50, 99}, "us", "cpu_");
}
BENCHMARK(BM_CheckLookups)->Arg(0)->Arg(1)->ArgName("new_passport")->UseManualTime()->Iterations(20000)->Unit(benchmark::kMicrosecond);

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
