// kioskctl ocr IMAGE... [--today YYYY-MM-DD]
// Finds and reads the MRZ in each image: one JSON object per image per line
// (JSON Lines) with file, found, lines, confidence (the lowest per line), quad, mrz (the
// object `kioskctl mrz parse` prints) and ms. Exit 0 when every image gave a valid MRZ,
// 1 when any did not (or could not be read), 2 on a usage error.
#include "app/kioskctl/cli.h"
#include "app/kioskctl/command.h"
#include "scanner/ocr/mrzrecognizer.h"
#include "scanner/ocr/ocrjson.h"

#include <QCommandLineParser>
#include <QDate>
#include <QImageReader>

namespace {

using namespace Kiosk::Ctl;

int runOcr(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Find and read the MRZ in images: one JSON object per image (JSON Lines)."));
    parser.addPositionalArgument(QStringLiteral("IMAGE"), QStringLiteral("Image files (JPEG, PNG, ...)."), QStringLiteral("IMAGE..."));
    const QCommandLineOption today(QStringLiteral("today"), QStringLiteral("Reference date for the century of 2-digit years (default: the system date)."),
                                   QStringLiteral("YYYY-MM-DD"));
    parser.addOption(today);
    if (!parseArgs(parser, QStringLiteral("ocr"), args))
        return parser.isSet(QStringLiteral("help")) ? ExitOk : ExitUsage;
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        printError(QStringLiteral("ocr: at least one IMAGE"));
        return ExitUsage;
    }
    Kiosk::Ocr::ReadOptions options;
    // The command line is a composition root: the only place here that may read the clock.
    options.referenceDate = QDate::currentDate();
    if (parser.isSet(today)) {
        options.referenceDate = QDate::fromString(parser.value(today), Qt::ISODate);
        if (!options.referenceDate.isValid()) {
            printError(QStringLiteral("ocr: --today wants a date YYYY-MM-DD, got '%1'").arg(parser.value(today)));
            return ExitUsage;
        }
    }
    const Kiosk::Ocr::MrzRecognizer recognizer;
    bool allValid = true;
    for (const QString &file : files) {
        QImageReader reader(file);
        reader.setAutoTransform(true); // a phone photo's EXIF orientation
        const QImage image = reader.read();
        if (image.isNull()) {
            printError(QStringLiteral("ocr: %1: cannot read the image (%2)").arg(file, reader.errorString()));
            printJsonLine(Kiosk::Ocr::toJson(Kiosk::Ocr::OcrResult{}, file));
            allValid = false;
            continue;
        }
        const Kiosk::Ocr::OcrResult result = recognizer.read(image, options);
        allValid = allValid && result.mrz && result.mrz->valid;
        printJsonLine(Kiosk::Ocr::toJson(result, file));
    }
    return allValid ? ExitOk : ExitNegative;
}

const Registration reg{{QStringLiteral("ocr")}, QStringLiteral("Find and read the MRZ in images (JSON Lines)"), &runOcr};

} // namespace
