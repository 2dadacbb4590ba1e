// The barcode side of the camera: what BarcodeFrameReader's worker does with one
// 1280x720 RGB32 frame (ZXing, the four travel formats, tryHarder), for a paper boarding pass
// (PDF417), a mobile one (Aztec), a visa seal (DataMatrix) and a data page with no barcode
// (what it sees for every passport held to the camera). The decode time sets how many frames a
// second the barcode worker takes; the others are dropped, never queued. BM_CameraAt30Fps runs
// the reader itself against a 30 fps camera for 3 s and counts frames decoded and dropped.
//
//   cmake -B build -DKIOSK_BENCH=ON && cmake --build build --target bench_barcodeframe
//   build/bin/bench_barcodeframe
#include "percentiles.h"
#include "scanner/barcode/barcodeframereader.h"
#include "tests/support/ocrcorpus.h"
#include "tests/support/vdsissuer.h"

#include <benchmark/benchmark.h>

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QTimer>

#include <chrono>

using namespace Kiosk;

namespace {

const QByteArray kBcbp = "M1SPECIMEN/ANNA       EZX9Q7T GYDISTJ2 0063 072Y014C0042 100";

QImage cameraFrame(const QImage &symbol)
{
    return Test::placedInFrame(symbol, 1280, 720, 340, 260).convertToFormat(QImage::Format_RGB32);
}

QImage sealFrame()
{
    auto authority = Test::VdsAuthority::create();
    auto seal = authority ? Test::writeVisaSeal(Test::specimenVisa(), *authority) : Result<QByteArray>();
    if (!seal)
        std::abort();
    return cameraFrame(Test::renderDataMatrix(*seal, 4, 4));
}

QImage dataPageFrame()
{
    OcrCorpus::Options o;
    o.tier = OcrCorpus::Tier::Ordinary;
    o.frame = QSize(1280, 720);
    return OcrCorpus::generate(7, o).image.convertToFormat(QImage::Format_RGB32);
}

void decodeFrame(benchmark::State &state, const QImage &frame, int expectedSymbols)
{
    const Barcode::BarcodeReader reader(Barcode::kAllFormats);
    std::vector<double> ms;
    for (auto _ : state) {
        const auto t0 = std::chrono::steady_clock::now();
        const auto symbols = reader.read(frame);
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
        if (symbols.size() != expectedSymbols) {
            state.SkipWithError("wrong number of symbols decoded");
            break;
        }
    }
    Bench::reportPercentiles(state, ms, {50, 95}, "ms");
}

void BM_PaperBoardingPass(benchmark::State &state) { decodeFrame(state, cameraFrame(Test::renderBarcode(QStringLiteral("pdf417"), kBcbp, 600, 200)), 1); }
void BM_MobileBoardingPass(benchmark::State &state) { decodeFrame(state, cameraFrame(Test::renderBarcode(QStringLiteral("aztec"), kBcbp, 260, 260)), 1); }
void BM_VisaSeal(benchmark::State &state) { decodeFrame(state, sealFrame(), 1); }
void BM_DataPageNoBarcode(benchmark::State &state) { decodeFrame(state, dataPageFrame(), 0); }

// A camera offers a frame every 33 ms for 3 s; the reader takes what it can and drops the rest.
void BM_CameraAt30Fps(benchmark::State &state)
{
    const QImage frame = cameraFrame(Test::renderBarcode(QStringLiteral("pdf417"), kBcbp, 600, 200));
    int offered = 0;
    int decoded = 0;
    int reads = 0;
    for (auto _ : state) {
        Barcode::BarcodeFrameReader reader(Barcode::kAllFormats);
        QObject::connect(&reader, &Barcode::BarcodeFrameReader::frameProcessed, [&decoded](int) { ++decoded; });
        QObject::connect(&reader, &Barcode::BarcodeFrameReader::symbolRead, [&reads](const Barcode::Symbol &) { ++reads; });
        QTimer camera;
        camera.setTimerType(Qt::PreciseTimer);
        QObject::connect(&camera, &QTimer::timeout, [&] {
            ++offered;
            (void)reader.submitFrame(frame);
        });
        camera.start(33);
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 3000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        camera.stop();
        while (reader.isBusy())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        state.counters["dropped"] = reader.droppedFrames();
    }
    state.counters["offered"] = offered;
    state.counters["decoded"] = decoded;
    state.counters["decoded_per_s"] = decoded / 3.0;
    state.counters["reported"] = reads; // the pass held still for 3 s: one report
}

} // namespace

BENCHMARK(BM_PaperBoardingPass)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_MobileBoardingPass)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_VisaSeal)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_DataPageNoBarcode)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_CameraAt30Fps)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen"); // QPainter on QImage needs no display
    QGuiApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
