#include "scanner/mrz/mrzparser.h"

#include "scanner/mrz/countrycodes.h"
#include "scanner/mrz/mrzcorrection_p.h"
#include "scanner/mrz/mrzfields_p.h"
#include "scanner/mrz/mrzlayout_p.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace Kiosk::Mrz {

using namespace detail;

QString formatName(Format format)
{
    switch (format) {
    case Format::TD1:
        return QStringLiteral("TD1");
    case Format::TD2:
        return QStringLiteral("TD2");
    case Format::TD3:
        return QStringLiteral("TD3");
    case Format::MRVA:
        return QStringLiteral("MRVA");
    case Format::MRVB:
        return QStringLiteral("MRVB");
    }
    return {};
}

bool MrzChecks::allPass() const
{
    bool any = false;
    for (const std::optional<bool> &check : {documentNumber, birthDate, expiryDate, optionalData, composite}) {
        if (!check)
            continue;
        if (!*check)
            return false;
        any = true;
    }
    return any;
}

bool MrzResult::hasError(QStringView code) const
{
    return std::ranges::any_of(errors, [code](const Issue &i) { return i.code == code; });
}

bool MrzResult::hasWarning(QStringView code) const
{
    return std::ranges::any_of(warnings, [code](const Issue &i) { return i.code == code; });
}

Kiosk::TravelDocument MrzResult::toTravelDocument() const
{
    TravelDocument doc;
    doc.documentCode = documentCode;
    doc.kind = documentKindFromCode(documentCode);
    if (format == Format::MRVA || format == Format::MRVB)
        doc.kind = DocumentKind::Visa; // 9303-7: visas are told apart by the layout as well
    doc.issuingState = CountryCode::fromString(issuingState).value_or(CountryCode());
    doc.documentNumber = documentNumber;
    doc.nationality = CountryCode::fromString(nationality).value_or(CountryCode());
    doc.surname = surname;
    doc.givenNames = givenNames;
    doc.birthDate = birthDate;
    doc.birthDateRaw = birthDateRaw;
    doc.sex = sex == u"M" ? Sex::Male : sex == u"F" ? Sex::Female : Sex::Unspecified;
    doc.expiryDate = expiryDate;
    doc.optionalData = optionalData;
    doc.checkDigitsValid = valid;
    return doc;
}

namespace {

constexpr bool isMrzChar(char16_t c)
{
    return (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'<';
}

// Step 1 of parse(): input hygiene. Fills `grid` with up to 3 lines of up to 44 characters
// and `result.lines` with every non-empty line. Returns the number of lines and their lengths.
struct Hygiene
{
    int lineCount = 0;
    std::array<qsizetype, kMaxLines + 1> lengths{}; // the first lines' lengths
    bool ok = true;
};

Hygiene cleanInput(QStringView text, Grid &grid, MrzResult &result)
{
    constexpr int kMaxReported = 5; // a binary file must not produce a megabyte of errors
    Hygiene h;
    result.lines.reserve(kMaxLines);
    int bad = 0;
    bool lowercase = false;
    qsizetype pos = 0;
    const qsizetype n = text.size();
    while (pos < n) {
        qsizetype end = text.indexOf(u'\n', pos);
        if (end < 0)
            end = n;
        const QStringView line = text.sliced(pos, end - pos).trimmed(); // CR, spaces, tabs
        pos = end + 1;
        if (line.isEmpty())
            continue;
        const int lineNo = ++h.lineCount;
        if (lineNo <= kMaxLines + 1)
            h.lengths[static_cast<size_t>(lineNo - 1)] = line.size();
        QString clean(line.size(), Qt::Uninitialized);
        QChar *out = clean.data();
        const bool inGrid = lineNo <= kMaxLines;
        for (qsizetype i = 0; i < line.size(); ++i) {
            char16_t c = line[i].unicode();
            if (c >= u'a' && c <= u'z') {
                c = static_cast<char16_t>(c - (u'a' - u'A'));
                lowercase = true;
            } else if (!isMrzChar(c)) {
                if (bad < kMaxReported) {
                    addIssue(result.errors, "MRZ_BAD_CHARACTER",
                             QStringLiteral("line %1 column %2: character '%3' (U+%4) is outside A-Z 0-9 <")
                                 .arg(lineNo)
                                 .arg(i + 1)
                                 .arg(QChar(c).isPrint() ? QString(QChar(c)) : QStringLiteral("?"))
                                 .arg(static_cast<uint>(c), 4, 16, QLatin1Char('0')));
                }
                ++bad;
                h.ok = false;
            }
            out[i] = QChar(c);
            if (inGrid && i < kMaxWidth)
                grid.cells[lineNo - 1][i] = static_cast<char>(c < 0x80 ? c : '?');
        }
        result.lines.append(std::move(clean));
    }
    if (bad > kMaxReported)
        addIssue(result.errors, "MRZ_BAD_CHARACTER", QStringLiteral("%1 more characters outside A-Z 0-9 <").arg(bad - kMaxReported));
    if (lowercase)
        addIssue(result.warnings, "MRZ_LOWERCASE", QStringLiteral("lower-case letters were read as upper case"));
    return h;
}

// Step 2: which of the five layouts (9303-4..7), by line count and length; visas by 'V'.
const Layout *detectLayout(const Hygiene &h, const Grid &grid, MrzResult &result)
{
    if (h.lineCount == 0) {
        addIssue(result.errors, "MRZ_EMPTY", QStringLiteral("no MRZ text"));
        return nullptr;
    }
    if (h.lineCount != 2 && h.lineCount != 3) {
        addIssue(result.errors, "MRZ_LINE_COUNT",
                 QStringLiteral("%1 lines; an MRZ has 2 (TD2, TD3, MRV-A, MRV-B) or 3 (TD1)").arg(h.lineCount));
        return nullptr;
    }
    const qsizetype width = h.lineCount == 3 ? 30 : (h.lengths[0] == 36 || h.lengths[0] == 44 ? h.lengths[0] : h.lengths[1]);
    bool ok = h.lineCount == 3 || width == 36 || width == 44;
    if (!ok) {
        addIssue(result.errors, "MRZ_LINE_LENGTH",
                 QStringLiteral("line 1 has %1 characters; 2-line MRZs have 36 (TD2, MRV-B) or 44 (TD3, MRV-A)").arg(h.lengths[0]));
        return nullptr;
    }
    for (int i = 0; i < h.lineCount; ++i) {
        if (h.lengths[static_cast<size_t>(i)] != width) {
            addIssue(result.errors, "MRZ_LINE_LENGTH",
                     QStringLiteral("line %1 has %2 characters, expected %3").arg(i + 1).arg(h.lengths[static_cast<size_t>(i)]).arg(width));
            ok = false;
        }
    }
    if (!ok)
        return nullptr;
    const bool visa = grid.cells[0][0] == 'V'; // 9303-7 §4.2.2: document code 'V'
    switch (width) {
    case 30:
        return &layoutOf(Format::TD1);
    case 36:
        return &layoutOf(visa ? Format::MRVB : Format::TD2);
    default:
        return &layoutOf(visa ? Format::MRVA : Format::TD3);
    }
}

} // namespace

MrzResult parse(QStringView text, const ParseOptions &options)
{
    MrzResult result;
    Grid grid;
    const Hygiene h = cleanInput(text, grid, result);
    if (!h.ok)
        return result;
    const Layout *layout = detectLayout(h, grid, result);
    if (!layout)
        return result;
    grid.layout = layout;
    result.format = layout->format;

    if (options.correct) {
        correct(grid, result.corrections, result.warnings);
        if (!result.corrections.isEmpty()) {
            for (int l = 0; l < layout->lineCount; ++l)
                result.lines[l] = QString::fromLatin1(grid.cells[l], layout->lineLength);
        }
    }
    if (!options.referenceDate.isValid())
        addIssue(result.warnings, "MRZ_NO_REFERENCE_DATE", QStringLiteral("no reference date: ISO dates not derived"));

    const FieldViews fields(grid);
    readDocumentCode(fields, *layout, result);
    readCountries(fields, result);
    readName(fields, result);
    readChecksAndNumbers(grid, fields, result);
    readDates(fields, options.referenceDate, result);
    readSex(fields, result);

    result.valid = result.errors.isEmpty() && result.checks.allPass();
    return result;
}

QList<QStringView> splitDocuments(QStringView text)
{
    QList<QStringView> documents;
    qsizetype start = -1; // first line of the current document
    qsizetype last = -1;  // end of its last non-blank line
    qsizetype pos = 0;
    const qsizetype n = text.size();
    while (pos <= n) {
        qsizetype end = text.indexOf(u'\n', pos);
        if (end < 0)
            end = n;
        const bool blank = text.sliced(pos, end - pos).trimmed().isEmpty();
        if (!blank) {
            if (start < 0)
                start = pos;
            last = end;
        } else if (start >= 0) {
            documents.append(text.sliced(start, last - start));
            start = -1;
        }
        pos = end + 1;
    }
    if (start >= 0)
        documents.append(text.sliced(start, last - start));
    return documents;
}

} // namespace Kiosk::Mrz
