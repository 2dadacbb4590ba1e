// ocrgen: writes a synthetic MRZ corpus (tests/support/ocrcorpus.h) to a folder:
//   <out>/<tier>/<nnn>_<layout>.jpg, <out>/none/<nnn>.jpg and <out>/truth.tsv
// truth.tsv: file <TAB> tier <TAB> layout (or "none") <TAB> MRZ lines joined with '|'.
// The committed set (tests/data/ocr) is this tool's output; its README gives the command.
#include "tests/support/ocrcorpus.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QTextStream>

#include <array>
#include <cstdio>

using namespace Kiosk::OcrCorpus;

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv); // fonts need the GUI application (offscreen is enough)
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Synthetic MRZ corpus generator"));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("out"), QStringLiteral("Output folder."), QStringLiteral("dir")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Base seed (default 1)."), QStringLiteral("n"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("per-tier"), QStringLiteral("Images with an MRZ per tier (default 100)."), QStringLiteral("n"), QStringLiteral("100")});
    parser.addOption({QStringLiteral("none"), QStringLiteral("Images with no MRZ (default 30)."), QStringLiteral("n"), QStringLiteral("30")});
    parser.addOption({QStringLiteral("gray"), QStringLiteral("Write gray JPEGs (the committed set does).")});
    parser.addOption({QStringLiteral("frame"), QStringLiteral("Fixed output size WxH (default: around the page)."), QStringLiteral("WxH")});
    parser.process(app);
    if (!parser.isSet(QStringLiteral("out"))) {
        std::fputs("ocrgen: --out is required\n", stderr);
        return 2;
    }
    bool ok1 = false, ok2 = false, ok3 = false;
    const quint64 seed = parser.value(QStringLiteral("seed")).toULongLong(&ok1);
    const int perTier = parser.value(QStringLiteral("per-tier")).toInt(&ok2);
    const int none = parser.value(QStringLiteral("none")).toInt(&ok3);
    if (!ok1 || !ok2 || !ok3 || perTier < 0 || none < 0) {
        std::fputs("ocrgen: --seed, --per-tier and --none take non-negative numbers\n", stderr);
        return 2;
    }
    QSize frame;
    if (parser.isSet(QStringLiteral("frame"))) {
        const QStringList wh = parser.value(QStringLiteral("frame")).split(u'x');
        if (wh.size() == 2)
            frame = QSize(wh[0].toInt(), wh[1].toInt());
        if (!frame.isValid() || frame.width() < 64 || frame.height() < 64) {
            std::fputs("ocrgen: --frame wants WxH, e.g. 1280x720\n", stderr);
            return 2;
        }
    }
    const QDir out(parser.value(QStringLiteral("out")));
    QFile truth(out.filePath(QStringLiteral("truth.tsv")));
    if (!out.mkpath(QStringLiteral(".")) || !truth.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        std::fprintf(stderr, "ocrgen: cannot write %s\n", qPrintable(truth.fileName()));
        return 1;
    }
    QTextStream ts(&truth);
    constexpr std::array<Layout, 5> layouts{Layout::TD3, Layout::TD1, Layout::TD2, Layout::MRVA, Layout::MRVB};
    const auto write = [&](const QString &rel, const Sample &s, const QString &tier, const QString &layout) {
        QFile f(out.filePath(rel));
        if (!out.mkpath(QFileInfo(rel).path()) || !f.open(QIODevice::WriteOnly) || f.write(s.jpeg) != s.jpeg.size()) {
            std::fprintf(stderr, "ocrgen: cannot write %s\n", qPrintable(f.fileName()));
            return false;
        }
        ts << rel << '\t' << tier << '\t' << layout << '\t' << s.lines.join(u'|') << '\n';
        return true;
    };
    int tierIndex = 0;
    for (const Tier tier : {Tier::Clean, Tier::Ordinary, Tier::Hard}) {
        for (int i = 0; i < perTier; ++i) {
            Options o;
            o.tier = tier;
            o.layout = layouts[static_cast<std::size_t>(i) % layouts.size()];
            o.frame = frame;
            o.grayscale = parser.isSet(QStringLiteral("gray"));
            const quint64 s = seed * 1000003ULL + static_cast<quint64>(tierIndex) * 100000ULL + static_cast<quint64>(i);
            const QString rel = QStringLiteral("%1/%2_%3.jpg").arg(tierName(tier)).arg(i, 3, 10, QChar(u'0')).arg(layoutName(o.layout).toLower());
            if (!write(rel, generate(s, o), tierName(tier), layoutName(o.layout)))
                return 1;
        }
        ++tierIndex;
    }
    for (int i = 0; i < none; ++i) {
        Options o;
        o.tier = static_cast<Tier>(i % 3);
        o.layout = layouts[static_cast<std::size_t>(i) % layouts.size()];
        o.withMrz = false;
        o.frame = frame;
        o.grayscale = parser.isSet(QStringLiteral("gray"));
        const quint64 s = seed * 1000003ULL + 900000ULL + static_cast<quint64>(i);
        const QString rel = QStringLiteral("none/%1.jpg").arg(i, 3, 10, QChar(u'0'));
        if (!write(rel, generate(s, o), tierName(o.tier), QStringLiteral("none")))
            return 1;
    }
    return 0;
}
