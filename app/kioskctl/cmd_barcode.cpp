// kioskctl barcode decode IMAGE... [--today D] [--trust DIR] [--formats LIST]
// kioskctl bcbp parse [--today D] [--hex]          (payload on standard input)
// kioskctl vds parse [--trust DIR] [--hex]         (payload on standard input)
// JSON Lines out. decode: one object per symbol; exit 0 when every image was read and
// held at least one symbol, 1 otherwise. bcbp parse: exit 0 when it parses. vds parse:
// exit 0 when the seal decodes AND its signature is valid. 2 on a usage error.
#include "app/core/resourcelocator.h"
#include "app/kioskctl/cli.h"
#include "app/kioskctl/command.h"
#include "scanner/barcode/barcodereader.h"
#include "scanner/barcode/bcbp/bcbpparser.h"
#include "scanner/barcode/payload.h"
#include "scanner/barcode/vds/vdsjson.h"
#include "scanner/barcode/vds/vdsseal.h"
#include "scanner/barcode/vds/vdstruststore.h"

#include <QCommandLineParser>
#include <QDate>
#include <QDir>
#include <QImageReader>
#include <QJsonArray>

namespace {

using namespace Kiosk;
using namespace Kiosk::Ctl;

// The shipped seal trust store, found by the resource locator (never the current folder).
const QString kDefaultTrust = QStringLiteral("trust/vds");

QCommandLineOption todayOption()
{
    return {QStringLiteral("today"), QStringLiteral("Date that places a boarding pass's Julian days in a year (default: the system date)."),
            QStringLiteral("YYYY-MM-DD")};
}

QCommandLineOption trustOption()
{
    return {QStringLiteral("trust"), QStringLiteral("Seal trust store folder with roots/ and signers/ (default: the installed %1).").arg(kDefaultTrust),
            QStringLiteral("DIR")};
}

QCommandLineOption hexOption()
{
    return {QStringLiteral("hex"), QStringLiteral("The input is hex (default: hex when it holds only hex digits and blanks).")};
}

// The command line is a composition root: the only place here that may read the clock.
std::optional<QDate> todayFrom(const QCommandLineParser &parser, const QString &command)
{
    if (!parser.isSet(QStringLiteral("today")))
        return QDate::currentDate();
    const QDate d = QDate::fromString(parser.value(QStringLiteral("today")), Qt::ISODate);
    if (!d.isValid()) {
        printError(QStringLiteral("%1: --today wants a date YYYY-MM-DD, got '%2'").arg(command, parser.value(QStringLiteral("today"))));
        return std::nullopt;
    }
    return d;
}

// An explicit --trust must load; the default folder may be absent (nothing trusted then).
std::optional<Vds::VdsTrustStore> trustFrom(const QCommandLineParser &parser, const QString &command)
{
    const bool explicitFolder = parser.isSet(QStringLiteral("trust"));
    const QString folder = explicitFolder ? parser.value(QStringLiteral("trust")) : locateResource({}, kDefaultTrust).value_or(QString());
    if (!explicitFolder && (folder.isEmpty() || !QDir(folder).exists()))
        return Vds::VdsTrustStore();
    auto store = Vds::VdsTrustStore::load(folder);
    if (!store) {
        printError(QStringLiteral("%1: %2").arg(command, store.error().message));
        return std::nullopt;
    }
    return *store;
}

// Standard input as the payload: hex when asked or when it is only hex digits and blanks;
// otherwise the bytes as they are, less one line end from echo.
QByteArray payloadFrom(QByteArray input, bool forceHex)
{
    const QByteArray simplified = input.simplified().replace(' ', "");
    const bool looksHex = !simplified.isEmpty() && simplified.size() % 2 == 0
                          && std::ranges::all_of(simplified, [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
    if (forceHex || looksHex)
        return QByteArray::fromHex(simplified);
    if (input.endsWith('\n'))
        input.chop(1);
    if (input.endsWith('\r'))
        input.chop(1);
    return input;
}

// The payload of `bcbp parse` / `vds parse`: standard input, hex or raw (payloadFrom).
std::optional<QByteArray> stdinPayload(const QCommandLineParser &parser, const QString &command)
{
    QString error;
    const auto input = readInput(QStringLiteral("-"), &error);
    if (!input) {
        printError(command + QStringLiteral(": ") + error);
        return std::nullopt;
    }
    return payloadFrom(*input, parser.isSet(QStringLiteral("hex")));
}

std::optional<Barcode::Formats> formatsFrom(const QString &list)
{
    Barcode::Formats out;
    for (const QString &name : list.split(u',', Qt::SkipEmptyParts)) {
        const QString n = name.trimmed().toLower();
        if (n == QLatin1String("pdf417"))
            out |= Barcode::Format::Pdf417;
        else if (n == QLatin1String("aztec"))
            out |= Barcode::Format::Aztec;
        else if (n == QLatin1String("qrcode") || n == QLatin1String("qr"))
            out |= Barcode::Format::QrCode;
        else if (n == QLatin1String("datamatrix"))
            out |= Barcode::Format::DataMatrix;
        else
            return std::nullopt;
    }
    return out ? std::optional(out) : std::nullopt;
}

int runBarcodeDecode(const QStringList &args)
{
    const QString command = QStringLiteral("barcode decode");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Decode the barcodes of images: one JSON object per symbol (JSON Lines)."));
    parser.addPositionalArgument(QStringLiteral("IMAGE"), QStringLiteral("Image files (PNG, JPEG, ...)."), QStringLiteral("IMAGE..."));
    const QCommandLineOption formats(QStringLiteral("formats"), QStringLiteral("Formats to look for: pdf417,aztec,qrcode,datamatrix (default: all)."),
                                     QStringLiteral("LIST"));
    parser.addOptions({todayOption(), trustOption(), formats});
    if (!parseArgs(parser, command, args))
        return parser.isSet(QStringLiteral("help")) ? ExitOk : ExitUsage;
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        printError(command + QStringLiteral(": no IMAGE given"));
        return ExitUsage;
    }
    const auto today = todayFrom(parser, command);
    const auto store = trustFrom(parser, command);
    const auto wanted = parser.isSet(formats) ? formatsFrom(parser.value(formats)) : std::optional(Barcode::kAllFormats);
    if (!today || !store)
        return ExitUsage;
    if (!wanted) {
        printError(command + QStringLiteral(": --formats wants a list of pdf417, aztec, qrcode, datamatrix"));
        return ExitUsage;
    }
    const Barcode::BarcodeReader reader(*wanted);
    bool allFound = true;
    for (const QString &file : files) {
        QImageReader imageReader(file);
        const QImage image = imageReader.read();
        if (image.isNull()) {
            printError(QStringLiteral("%1: cannot read image %2: %3").arg(command, file, imageReader.errorString()));
            allFound = false;
            continue;
        }
        const QList<Barcode::Symbol> symbols = reader.read(image);
        if (symbols.isEmpty()) {
            printError(QStringLiteral("%1: no barcode found in %2").arg(command, file));
            allFound = false;
        }
        for (const Barcode::Symbol &s : symbols) {
            QJsonObject o = Barcode::describePayload(s.bytes, *today, &*store);
            o.insert(QStringLiteral("file"), file);
            o.insert(QStringLiteral("format"), Barcode::formatToString(s.format));
            QJsonArray corners;
            for (const QPoint &p : s.corners)
                corners.append(QJsonArray{p.x(), p.y()});
            o.insert(QStringLiteral("position"), corners);
            printJsonLine(o);
        }
    }
    return allFound ? ExitOk : ExitNegative;
}

int runBcbpParse(const QStringList &args)
{
    const QString command = QStringLiteral("bcbp parse");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Parse an IATA BCBP boarding pass (text or hex) from standard input."));
    parser.addOptions({todayOption(), hexOption()});
    if (!parseArgs(parser, command, args))
        return parser.isSet(QStringLiteral("help")) ? ExitOk : ExitUsage;
    const auto today = todayFrom(parser, command);
    if (!today)
        return ExitUsage;
    const auto payload = stdinPayload(parser, command);
    if (!payload)
        return ExitUsage;
    const auto pass = Bcbp::parseBcbp(*payload);
    if (!pass) {
        printJsonLine(QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), pass.error().code},
                                                                        {QStringLiteral("message"), pass.error().message}}}});
        return ExitNegative;
    }
    printJsonLine(Bcbp::boardingPassToJson(*pass, *today));
    return ExitOk;
}

int runVdsParse(const QStringList &args)
{
    const QString command = QStringLiteral("vds parse");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Decode and verify an ICAO visible digital seal (hex or raw bytes) from standard input."));
    parser.addOptions({trustOption(), hexOption()});
    if (!parseArgs(parser, command, args))
        return parser.isSet(QStringLiteral("help")) ? ExitOk : ExitUsage;
    const auto store = trustFrom(parser, command);
    if (!store)
        return ExitUsage;
    const auto payload = stdinPayload(parser, command);
    if (!payload)
        return ExitUsage;
    const QJsonObject o = Vds::sealToJson(*payload, &*store);
    printJsonLine(o);
    const bool valid = o.value(QStringLiteral("decoded")).toBool()
                       && o.value(QStringLiteral("signature")).toObject().value(QStringLiteral("state")).toString() == QLatin1String("valid");
    return valid ? ExitOk : ExitNegative;
}

const Registration regDecode{{QStringLiteral("barcode"), QStringLiteral("decode")},
                             QStringLiteral("Decode barcodes in images (BCBP, VDS, text; JSON Lines)"), &runBarcodeDecode};
const Registration regBcbp{{QStringLiteral("bcbp"), QStringLiteral("parse")},
                           QStringLiteral("Parse an IATA boarding pass from stdin (JSON)"), &runBcbpParse};
const Registration regVds{{QStringLiteral("vds"), QStringLiteral("parse")},
                          QStringLiteral("Decode and verify a visible digital seal from stdin (JSON)"), &runVdsParse};

} // namespace
