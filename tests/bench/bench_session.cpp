// Document in (simulator) -> verdict painted (target: <= 100 ms at p95).
//
// The whole path the officer waits for, in one process, as the demo runs it: the simulator
// emits a sample document's MRZ, the session parses it, looks the person up in the seeded
// SQLite store (history, visas, permits, watchlists), the rules engine decides against the
// signed policy, the console fills its case view, and the window is repainted synchronously
// (QWidget::repaint under the offscreen platform: a real raster paint of every widget).
// The demo's samples are cycled, so every verdict class is in the mix. Wall time per document;
// p50/p95/max reported as counters in milliseconds.
#include "app/demo/demoenvironment.h"
#include "scanner/sources/simulatorsource.h"
#include "ui/caseview.h"
#include "ui/consolewindow.h"
#include "ui/verdictbanner.h"

#include <benchmark/benchmark.h>
#include "tests/bench/percentiles.h"

#include <QApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <vector>

using namespace Kiosk;

namespace {

void BM_DocumentToVerdictPainted(benchmark::State &state)
{
    FixedClock clock(QDateTime(QDate(2026, 11, 29), QTime(6, 0), QTimeZone::utc()));
    Session::DemoOptions options;
    options.simulatorIntervalMs = 0;
    options.embeddedCentral = false;
    options.backgroundTravellers = static_cast<int>(state.range(0));
    options.kdfIterations = 1000;
    auto env = Session::DemoEnvironment::create(clock, options);
    if (!env) {
        state.SkipWithError(qPrintable(env.error().message));
        return;
    }
    Session::CheckpointSession *session = (*env)->session();
    if (!session->signIn(Session::DemoEnvironment::kOperatorId, Session::DemoEnvironment::kOperatorPin)) {
        state.SkipWithError("sign-in failed");
        return;
    }
    Ui::ConsoleWindow window(session);
    window.resize(1280, 800);
    window.show();
    QApplication::processEvents();
    (*env)->simulator()->start();

    std::vector<double> ms;
    int painted = 0;
    for (auto _ : state) {
        QElapsedTimer t;
        t.start();
        (*env)->simulator()->next();   // signal -> session -> case -> console (direct connections)
        window.repaint();              // synchronous paint of the whole window
        const double elapsed = static_cast<double>(t.nsecsElapsed()) / 1e6;
        state.SetIterationTime(elapsed / 1000.0);
        ms.push_back(elapsed);
        if (window.caseView()->banner()->verdict())
            ++painted;
    }
    Bench::reportPercentiles(state, ms, {50, 95}, "ms");
    state.counters["verdict_shown_ratio"] = ms.empty() ? 0.0 : painted / static_cast<double>(ms.size());
}

} // namespace

BENCHMARK(BM_DocumentToVerdictPainted)->Arg(300)->Arg(20000)->ArgName("travellers")->UseManualTime()->Iterations(400)->Unit(benchmark::kMillisecond);

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("QT_LOGGING_RULES", "kiosk.*.info=false\nkiosk.*.debug=false");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
