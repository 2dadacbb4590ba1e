// ocrtrain: trains the MRZ recognizer's glyph network (scanner/ocr/glyphnet_p.h) on cells cut
// by the recognizer itself from synthetic data pages (tests/support/ocrcorpus.h), and writes
// scanner/ocr/data/glyphnet.bin. Only synthetic people; deterministic for a seed up to
// floating-point rounding of the matrix products.
//
//   QT_QPA_PLATFORM=offscreen build/bin/ocrtrain --out scanner/ocr/data/glyphnet.bin
//       [--seed 77] [--pages 600] [--hard N] [--hidden 96] [--epochs 14]
//
// --pages per tier (clean, ordinary; --hard for the hard tier, default the same), the five
// layouts in turn, half of them as
// 1280x720 camera frames and half as page-sized scans. The seeds never meet the committed
// corpus (seed 2026) or the benchmark's frames (seed 6). Each page's cells are labelled with
// its truth when the recognizer found a block of the truth's shape that the OCR-B templates
// already read mostly right (so the cells are the MRZ, the right way up). Every cell is taken
// at its centre and at one random one-pixel offset (the recognizer searches those offsets).
// A tenth of the pages is held out; the held-out error rate and the most frequent confusions
// are printed.
#include "scanner/ocr/glyphnet_p.h"
#include "scanner/ocr/mrzrecognizer_p.h"
#include "tests/support/ocrcorpus.h"

#include <QCommandLineParser>
#include <QFile>
#include <QGuiApplication>

#include <opencv2/core.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <vector>

using namespace Kiosk;
using namespace Kiosk::Ocr::detail;

namespace {

struct Set
{
    cv::Mat x;              // rows of features
    std::vector<int> label; // class per row
};

void append(Set &set, const cv::Mat &row, int label)
{
    set.x.push_back(row);
    set.label.push_back(label);
}

int classOf(QChar c)
{
    const auto i = kAlphabet.find(static_cast<char>(c.toLatin1()));
    return i == std::string_view::npos ? -1 : static_cast<int>(i);
}

// Labelled cells of one page, or nothing when no block is the MRZ the right way up.
bool harvest(const OcrCorpus::Sample &s, cv::RNG &rng, Set &set)
{
    if (s.lines.isEmpty())
        return false;
    const int lines = static_cast<int>(s.lines.size()), length = static_cast<int>(s.lines.front().size());
    const TrainingBlock *best = nullptr;
    double bestAgree = 0;
    const std::vector<TrainingBlock> blocks = trainingBlocks(s.image);
    for (const TrainingBlock &b : blocks) {
        if (b.lineCount != lines || b.lineLength != length)
            continue;
        int same = 0;
        for (int l = 0; l < lines; ++l)
            for (int i = 0; i < length; ++i)
                same += b.templateLines[l][i] == s.lines[l][i] ? 1 : 0;
        const double agree = static_cast<double>(same) / (lines * length);
        if (agree > bestAgree) {
            bestAgree = agree;
            best = &b;
        }
    }
    if (!best || bestAgree < 0.6)
        return false;
    for (int l = 0; l < lines; ++l)
        for (int i = 0; i < length; ++i) {
            const int row = l * length + i;
            const int label = classOf(s.lines[l][i]);
            append(set, best->features[0].row(row), label);
            const int o = 1 + rng.uniform(0, static_cast<int>(kCellOffsets.size()) - 1);
            append(set, best->features[static_cast<std::size_t>(o)].row(row), label);
        }
    return true;
}

double errorRate(const GlyphNetWeights &w, const Set &set, std::map<std::pair<int, int>, int> *confusions)
{
    const cv::Mat lp = w.logProbs(set.x);
    int wrong = 0;
    for (int r = 0; r < lp.rows; ++r) {
        cv::Point at;
        cv::minMaxLoc(lp.row(r), nullptr, nullptr, nullptr, &at);
        if (at.x != set.label[static_cast<std::size_t>(r)]) {
            ++wrong;
            if (confusions)
                ++(*confusions)[{set.label[static_cast<std::size_t>(r)], at.x}];
        }
    }
    return lp.rows ? static_cast<double>(wrong) / lp.rows : 0.0;
}

// Mini-batch SGD with momentum on the softmax cross-entropy, L2 on the weights.
void train(GlyphNetWeights &w, const Set &train, const Set &held, int epochs, cv::RNG &rng)
{
    const int n = train.x.rows, batch = 128;
    std::vector<int> order(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        order[static_cast<std::size_t>(i)] = i;
    cv::Mat vw1 = cv::Mat::zeros(w.w1.size(), CV_32F), vb1 = cv::Mat::zeros(w.b1.size(), CV_32F);
    cv::Mat vw2 = cv::Mat::zeros(w.w2.size(), CV_32F), vb2 = cv::Mat::zeros(w.b2.size(), CV_32F);
    const float momentum = 0.9f, decay = 1e-4f;
    cv::Mat xb(batch, kFeatureSize, CV_32F);
    for (int epoch = 0; epoch < epochs; ++epoch) {
        const float lr = 0.02f * (epoch < epochs * 2 / 3 ? 1.0f : 0.2f);
        for (int i = n - 1; i > 0; --i)
            std::swap(order[static_cast<std::size_t>(i)], order[static_cast<std::size_t>(rng.uniform(0, i + 1))]);
        double loss = 0;
        for (int start = 0; start + batch <= n; start += batch) {
            for (int b = 0; b < batch; ++b)
                train.x.row(order[static_cast<std::size_t>(start + b)]).copyTo(xb.row(b));
            const cv::Mat h = w.hidden(xb);
            const cv::Mat lp = w.logProbsFromHidden(h);
            // dL/dz = softmax - onehot, averaged over the batch.
            cv::Mat dz;
            cv::exp(lp, dz);
            for (int b = 0; b < batch; ++b) {
                const int y = train.label[static_cast<std::size_t>(order[static_cast<std::size_t>(start + b)])];
                loss -= lp.at<float>(b, y);
                dz.at<float>(b, y) -= 1.0f;
            }
            dz /= batch;
            cv::Mat gw2, gb2, dh, gw1, gb1;
            cv::gemm(dz, h, 1.0, cv::noArray(), 0.0, gw2, cv::GEMM_1_T);
            cv::reduce(dz, gb2, 0, cv::REDUCE_SUM);
            cv::gemm(dz, w.w2, 1.0, cv::noArray(), 0.0, dh);
            dh.setTo(0, h <= 0); // ReLU
            cv::gemm(dh, xb, kNetInputScale, cv::noArray(), 0.0, gw1, cv::GEMM_1_T);
            cv::reduce(dh, gb1, 0, cv::REDUCE_SUM);
            gw2 += decay * w.w2;
            gw1 += decay * w.w1;
            vw2 = momentum * vw2 - lr * gw2;
            vb2 = momentum * vb2 - lr * gb2;
            vw1 = momentum * vw1 - lr * gw1;
            vb1 = momentum * vb1 - lr * gb1;
            w.w2 += vw2;
            w.b2 += vb2;
            w.w1 += vw1;
            w.b1 += vb1;
        }
        std::printf("epoch %2d  loss %.4f  held-out error %.3f%%\n", epoch + 1, loss / n, 100.0 * errorRate(w, held, nullptr));
        std::fflush(stdout);
    }
}

} // namespace

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv); // the corpus renders with fonts
    QCommandLineParser p;
    p.addHelpOption();
    p.addOption({QStringLiteral("out"), QStringLiteral("Where to write the network."), QStringLiteral("file")});
    p.addOption({QStringLiteral("seed"), QStringLiteral("Corpus and initialisation seed."), QStringLiteral("n"), QStringLiteral("77")});
    p.addOption({QStringLiteral("pages"), QStringLiteral("Pages per tier."), QStringLiteral("n"), QStringLiteral("600")});
    p.addOption({QStringLiteral("hard"), QStringLiteral("Pages of the hard tier (default: --pages)."), QStringLiteral("n")});
    p.addOption({QStringLiteral("hidden"), QStringLiteral("Hidden units."), QStringLiteral("n"), QStringLiteral("96")});
    p.addOption({QStringLiteral("epochs"), QStringLiteral("Training epochs."), QStringLiteral("n"), QStringLiteral("14")});
    p.process(app);
    if (!p.isSet(QStringLiteral("out"))) {
        std::fputs("ocrtrain: --out is required\n", stderr);
        return 2;
    }
    bool ok1 = false, ok2 = false, ok3 = false, ok4 = false;
    const quint64 seed = p.value(QStringLiteral("seed")).toULongLong(&ok1);
    const int pages = p.value(QStringLiteral("pages")).toInt(&ok2);
    const int hidden = p.value(QStringLiteral("hidden")).toInt(&ok3);
    const int epochs = p.value(QStringLiteral("epochs")).toInt(&ok4);
    bool ok5 = true;
    const int hardPages = p.isSet(QStringLiteral("hard")) ? p.value(QStringLiteral("hard")).toInt(&ok5) : pages;
    if (!ok1 || !ok2 || !ok3 || !ok4 || !ok5 || pages < 1 || hardPages < 1 || hidden < 8 || hidden > 1024 || epochs < 1) {
        std::fputs("ocrtrain: --seed, --pages, --hard, --hidden and --epochs take positive numbers (hidden 8..1024)\n", stderr);
        return 2;
    }

    cv::RNG rng(seed);
    Set trainSet, heldSet;
    constexpr std::array<OcrCorpus::Layout, 5> layouts{OcrCorpus::Layout::TD3, OcrCorpus::Layout::TD1, OcrCorpus::Layout::TD2,
                                                       OcrCorpus::Layout::MRVA, OcrCorpus::Layout::MRVB};
    int used = 0, skipped = 0, t = 0;
    for (const auto tier : {OcrCorpus::Tier::Clean, OcrCorpus::Tier::Ordinary, OcrCorpus::Tier::Hard}) {
        const int tierPages = tier == OcrCorpus::Tier::Hard ? hardPages : pages;
        for (int i = 0; i < tierPages; ++i) {
            OcrCorpus::Options o;
            o.tier = tier;
            o.layout = layouts[static_cast<std::size_t>(i) % layouts.size()];
            if (i % 2)
                o.frame = QSize(1280, 720);
            const quint64 sampleSeed = seed * 1000003ULL + static_cast<quint64>(t) * 100000ULL + static_cast<quint64>(i);
            const OcrCorpus::Sample s = OcrCorpus::generate(sampleSeed, o);
            if (harvest(s, rng, i % 10 == 9 ? heldSet : trainSet))
                ++used;
            else
                ++skipped;
        }
        ++t;
        std::printf("%s: %d pages used, %d skipped, %d training cells\n", qPrintable(OcrCorpus::tierName(tier)), used, skipped, trainSet.x.rows);
        std::fflush(stdout);
    }
    if (trainSet.x.rows < 1000 || heldSet.x.rows < 100) {
        std::fputs("ocrtrain: too few cells harvested\n", stderr);
        return 1;
    }

    GlyphNetWeights w;
    w.w1.create(hidden, kFeatureSize, CV_32F);
    w.w2.create(kClassCount, hidden, CV_32F);
    rng.fill(w.w1, cv::RNG::NORMAL, 0.0, std::sqrt(2.0 / kFeatureSize));
    rng.fill(w.w2, cv::RNG::NORMAL, 0.0, std::sqrt(2.0 / hidden));
    w.b1 = cv::Mat::zeros(1, hidden, CV_32F);
    w.b2 = cv::Mat::zeros(1, kClassCount, CV_32F);
    train(w, trainSet, heldSet, epochs, rng);

    std::map<std::pair<int, int>, int> confusions;
    const double err = errorRate(w, heldSet, &confusions);
    std::printf("held-out: %d cells, error %.3f%%\n", heldSet.x.rows, 100.0 * err);
    std::vector<std::pair<int, std::pair<int, int>>> top;
    for (const auto &[k, v] : confusions)
        top.push_back({v, k});
    std::sort(top.rbegin(), top.rend());
    for (std::size_t i = 0; i < std::min<std::size_t>(top.size(), 12); ++i)
        std::printf("  %c read as %c: %d\n", kAlphabet[static_cast<std::size_t>(top[i].second.first)],
                    kAlphabet[static_cast<std::size_t>(top[i].second.second)], top[i].first);

    QFile out(p.value(QStringLiteral("out")));
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(w.toBytes()) < 0) {
        std::fprintf(stderr, "ocrtrain: cannot write %s\n", qPrintable(out.fileName()));
        return 1;
    }
    return 0;
}
