// kioskctl mrz parse [FILE|-] [--correct] [--today YYYY-MM-DD] [--pretty]
// Documents of 2 or 3 lines, separated by blank lines, in; one JSON object per document out
// (JSON Lines). Exit 0 when every document is valid, 1 when any is not, 2 on a usage error.
#include "app/kioskctl/cli.h"
#include "app/kioskctl/command.h"
#include "scanner/mrz/mrzjson.h"
#include "scanner/mrz/mrzparser.h"

#include <QCommandLineParser>
#include <QDate>

namespace {

using namespace Kiosk::Ctl;

int runMrzParse(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Parse ICAO 9303 MRZ text: one JSON object per document (JSON Lines)."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Input file, or - for standard input (default)."), QStringLiteral("[FILE|-]"));
    const QCommandLineOption correct(QStringLiteral("correct"), QStringLiteral("Undo OCR confusions guided by the check digits (for OCR input)."));
    const QCommandLineOption today(QStringLiteral("today"), QStringLiteral("Reference date for the century of 2-digit years (default: the system date)."),
                                   QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption pretty(QStringLiteral("pretty"), QStringLiteral("Human-readable output instead of JSON Lines."));
    parser.addOptions({correct, today, pretty});
    if (!parseArgs(parser, QStringLiteral("mrz parse"), args))
        return parser.isSet(QStringLiteral("help")) ? ExitOk : ExitUsage;

    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        printError(QStringLiteral("mrz parse: at most one FILE"));
        return ExitUsage;
    }
    Kiosk::Mrz::ParseOptions options;
    options.correct = parser.isSet(correct);
    // The command line is a composition root: the only place here that may read the clock.
    options.referenceDate = QDate::currentDate();
    if (parser.isSet(today)) {
        options.referenceDate = QDate::fromString(parser.value(today), Qt::ISODate);
        if (!options.referenceDate.isValid()) {
            printError(QStringLiteral("mrz parse: --today wants a date YYYY-MM-DD, got '%1'").arg(parser.value(today)));
            return ExitUsage;
        }
    }

    QString error;
    const std::optional<QByteArray> input = readInput(positional.value(0, QStringLiteral("-")), &error);
    if (!input) {
        printError(QStringLiteral("mrz parse: ") + error);
        return ExitUsage;
    }
    const QString text = QString::fromUtf8(*input);
    const QList<QStringView> documents = Kiosk::Mrz::splitDocuments(text);
    if (documents.isEmpty()) {
        printError(QStringLiteral("mrz parse: no MRZ document in the input"));
        return ExitNegative;
    }
    bool allValid = true;
    int index = 0;
    for (const QStringView document : documents) {
        const Kiosk::Mrz::MrzResult result = Kiosk::Mrz::parse(document, options);
        allValid = allValid && result.valid;
        if (parser.isSet(pretty)) {
            if (index > 0)
                printLine(QString());
            printLine(QStringLiteral("Document %1: ").arg(index + 1) + Kiosk::Mrz::toPrettyText(result));
        } else {
            printJsonLine(Kiosk::Mrz::toJson(result));
        }
        ++index;
    }
    return allValid ? ExitOk : ExitNegative;
}

const Registration reg{{QStringLiteral("mrz"), QStringLiteral("parse")}, QStringLiteral("Parse ICAO 9303 MRZ text (JSON Lines)"), &runMrzParse};

} // namespace
