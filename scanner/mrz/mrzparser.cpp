#include "scanner/mrz/mrzparser.h"

#include "scanner/mrz/checkdigit.h"
#include "scanner/mrz/countrycodes.h"
#include "scanner/mrz/countrycodes_p.h"
#include "scanner/mrz/mrzcorrection_p.h"
#include "scanner/mrz/mrzlayout_p.h"

#include <algorithm>
#include <array>
#include <cstdlib>
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

const char *fieldName(Field field)
{
    switch (field) {
    case Field::DocumentCode:
        return "document_code";
    case Field::IssuingState:
        return "issuing_state";
    case Field::Name:
        return "name";
    case Field::DocumentNumber:
        return "document_number";
    case Field::DocumentNumberCheck:
        return "document_number_check";
    case Field::Nationality:
        return "nationality";
    case Field::BirthDate:
        return "birth_date";
    case Field::BirthDateCheck:
        return "birth_date_check";
    case Field::Sex:
        return "sex";
    case Field::ExpiryDate:
        return "expiry_date";
    case Field::ExpiryDateCheck:
        return "expiry_date_check";
    case Field::OptionalData:
        return "optional_data";
    case Field::OptionalDataCheck:
        return "optional_data_check";
    case Field::OptionalData2:
        return "optional_data_2";
    case Field::CompositeCheck:
        return "composite_check";
    case Field::Count:
        break;
    }
    return "";
}

namespace detail {

namespace {

void addSpan(CheckedField &cf, const LayoutRow &row, int from, int count, FieldKind kind)
{
    if (count <= 0)
        return;
    cf.spans[cf.spanCount] = LayoutSpan{row.line, static_cast<std::uint8_t>(row.position + from), static_cast<std::uint8_t>(count)};
    cf.kinds[cf.spanCount] = kind;
    ++cf.spanCount;
}

// ICAO 9303-3 §4.9 character values as a table: the check digits are the hot path.
constexpr auto kValues = [] {
    std::array<std::int8_t, 256> t{};
    t.fill(-1);
    for (int c = '0'; c <= '9'; ++c)
        t[static_cast<size_t>(c)] = static_cast<std::int8_t>(c - '0');
    for (int c = 'A'; c <= 'Z'; ++c)
        t[static_cast<size_t>(c)] = static_cast<std::int8_t>(c - 'A' + 10);
    t['<'] = 0;
    return t;
}();
constexpr int kWeights[3] = {7, 3, 1};

// Adds the weighted values of `length` characters to `sum`, continuing the 7-3-1 cycle at
// `w`. Returns false on a character outside A-Z 0-9 '<'.
bool weigh(const char *p, int length, int &w, int &sum)
{
    int bad = 0;
    for (int i = 0; i < length; ++i) {
        const int v = kValues[static_cast<unsigned char>(p[i])];
        bad |= v;
        sum += v * kWeights[w];
        w = w == 2 ? 0 : w + 1;
    }
    return bad >= 0;
}

} // namespace

CheckPlan planChecks(const Grid &grid)
{
    const Layout &layout = *grid.layout;
    CheckPlan plan;
    for (const auto &[value, check] : kCheckedFields) {
        const LayoutRow *valueRow = findRow(layout, value);
        const LayoutRow *checkRow = findRow(layout, check);
        if (!valueRow || !checkRow)
            continue;
        CheckedField &cf = plan.fields[plan.fieldCount++];
        cf.value = value;
        cf.check = check;
        addSpan(cf, *valueRow, 0, valueRow->length, valueRow->kind);
        cf.checkCell = Cell{checkRow->line, checkRow->position};
        cf.fillerCheckAllowed = value == Field::OptionalData && layout.fillerCheckForEmptyOptionalData;

        // 9303-5 §4.2.2 / 9303-6 note j: '<' in the document-number check position means the
        // number continues in the optional data, followed by its check digit and a filler.
        if (value == Field::DocumentNumber && layout.documentNumberOverflow
            && grid.at(checkRow->line, checkRow->position) == '<') {
            plan.overflow = true;
            const LayoutRow *opt = findRow(layout, Field::OptionalData);
            if (!opt)
                continue;
            int k = 0;
            while (k < opt->length && grid.at(opt->line, opt->position + k) != '<')
                ++k;
            if (k == 0) {
                plan.overflowError = true;
                continue;
            }
            addSpan(cf, *opt, 0, k - 1, FieldKind::AlphaNumeric);
            cf.checkCell = Cell{opt->line, static_cast<std::uint8_t>(opt->position + k - 1)};
            plan.overflowLength = std::min<int>(k + 1, opt->length);
        }
    }
    return plan;
}

bool passes(const Grid &grid, const CheckedField &field)
{
    const char c = grid.at(field.checkCell.line, field.checkCell.position);
    if (c == '<') {
        if (!field.fillerCheckAllowed)
            return false;
        for (int s = 0; s < field.spanCount; ++s) {
            const char *p = grid.ptr(field.spans[s].line, field.spans[s].position);
            for (int i = 0; i < field.spans[s].length; ++i) {
                if (p[i] != '<')
                    return false;
            }
        }
        return true; // 9303-4: empty personal number, '<' as its check digit
    }
    if (c < '0' || c > '9')
        return false;
    int sum = 0;
    int w = 0;
    for (int s = 0; s < field.spanCount; ++s) {
        if (!weigh(grid.ptr(field.spans[s].line, field.spans[s].position), field.spans[s].length, w, sum))
            return false;
    }
    return sum % 10 == c - '0';
}

bool compositePasses(const Grid &grid)
{
    const Layout &layout = *grid.layout;
    const LayoutRow *checkRow = findRow(layout, Field::CompositeCheck);
    if (!checkRow)
        return false;
    const char c = grid.at(checkRow->line, checkRow->position);
    if (c < '0' || c > '9')
        return false;
    int sum = 0;
    int w = 0;
    for (const LayoutSpan &span : layout.composite) {
        if (!weigh(grid.ptr(span.line, span.position), span.length, w, sum))
            return false;
    }
    return sum % 10 == c - '0';
}

} // namespace detail

namespace {

void addIssue(QList<Issue> &list, const char *code, QString message)
{
    list.append(Issue{QString::fromLatin1(code), std::move(message)});
}

constexpr bool isMrzChar(char16_t c)
{
    return (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'<';
}

QString latin1(std::string_view v)
{
    return QString::fromLatin1(v.data(), static_cast<qsizetype>(v.size()));
}

std::string_view stripFillers(std::string_view v)
{
    while (!v.empty() && v.back() == '<')
        v.remove_suffix(1);
    return v;
}

// Runs of fillers become one space; leading and trailing fillers go (9303-3 §4.6).
QString fillersToSpaces(std::string_view v)
{
    while (!v.empty() && v.front() == '<')
        v.remove_prefix(1);
    v = stripFillers(v);
    QString out(static_cast<qsizetype>(v.size()), Qt::Uninitialized);
    QChar *d = out.data();
    qsizetype n = 0;
    for (size_t i = 0; i < v.size(); ++i) {
        if (v[i] == '<') {
            if (n > 0 && d[n - 1] != u' ')
                d[n++] = u' ';
        } else {
            d[n++] = QLatin1Char(v[i]);
        }
    }
    out.truncate(n);
    return out;
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

// A digit where only letters may stand is an error (without --correct; with it the
// correction has already replaced the look-alikes).
void checkLetters(const LayoutRow &row, std::string_view v, const char *what, MrzResult &result)
{
    for (size_t i = 0; i < v.size(); ++i) {
        if (v[i] >= '0' && v[i] <= '9') {
            addIssue(result.errors, "MRZ_BAD_FIELD_CHARACTER",
                     QStringLiteral("%1: '%2' at line %3 column %4 is not a letter")
                         .arg(QLatin1String(what))
                         .arg(QLatin1Char(v[i]))
                         .arg(row.line)
                         .arg(row.position + static_cast<int>(i)));
            return;
        }
    }
}

// The code as a string (shared with the country table when known) and a warning when it is
// not in the ICAO 9303-3 list.
QString readCountry(std::string_view v, const char *what, MrzResult &result)
{
    const std::string_view code = stripFillers(v);
    if (const QString *known = internedCountryCode(code))
        return *known;
    addIssue(result.warnings, "MRZ_UNKNOWN_COUNTRY",
             code.empty() ? QStringLiteral("%1 is empty").arg(QLatin1String(what))
                          : QStringLiteral("%1 '%2' is not in the ICAO 9303-3 list").arg(QLatin1String(what), latin1(code)));
    return latin1(code);
}

// Document codes are one or two letters: shared strings instead of one allocation each.
QString documentCodeString(std::string_view code)
{
    static const std::array<QString, 26 * 27> kCodes = [] {
        std::array<QString, 26 * 27> t;
        for (int a = 0; a < 26; ++a) {
            t[static_cast<size_t>(a * 27)] = QString(QChar(u'A' + a));
            for (int b = 0; b < 26; ++b)
                t[static_cast<size_t>(a * 27 + b + 1)] = QString(QChar(u'A' + a)) + QChar(u'A' + b);
        }
        return t;
    }();
    const auto letter = [](char c) { return c >= 'A' && c <= 'Z'; };
    if (code.size() == 1 && letter(code[0]))
        return kCodes[static_cast<size_t>((code[0] - 'A') * 27)];
    if (code.size() == 2 && letter(code[0]) && letter(code[1]))
        return kCodes[static_cast<size_t>((code[0] - 'A') * 27 + code[1] - 'A' + 1)];
    return latin1(code);
}

constexpr int daysInMonth(int month, int year) // year 0 = unknown: February may have 29
{
    constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && (year == 0 || QDate::isLeapYear(year)))
        return 29;
    return kDays[month - 1];
}

// ICAO 9303-3 §4.8: YYMMDD. Birth dates take the most recent century not after the
// reference date; other dates the century nearest to it. Only a birth date may have unknown
// parts ("<<", 9303-3 §4.8.2 note); an impossible date is an error value.
// The reference date's parts, taken apart once per document (QDate::year() and friends
// each convert from the Julian day).
struct Reference
{
    int year = 0;
    int month = 0;
    int day = 0;
    bool valid = false;
};

std::optional<QDate> readDate(std::string_view raw, bool birth, const Reference &reference, MrzResult &result)
{
    const QLatin1String what = birth ? QLatin1String("birth date") : QLatin1String("expiry date");
    int part[3] = {0, 0, 0}; // YY, MM, DD; -1 unknown
    bool unknown = false;
    for (int p = 0; p < 3; ++p) {
        const char a = raw[static_cast<size_t>(2 * p)];
        const char b = raw[static_cast<size_t>(2 * p + 1)];
        if (a >= '0' && a <= '9' && b >= '0' && b <= '9') {
            part[p] = (a - '0') * 10 + (b - '0');
        } else if (a == '<' && b == '<' && birth) {
            part[p] = -1;
            unknown = true;
        } else {
            const int bad = (a >= '0' && a <= '9') ? 2 * p + 1 : 2 * p;
            const char c = raw[static_cast<size_t>(bad)];
            addIssue(result.errors, "MRZ_BAD_DATE",
                     c == '<' && !birth
                         ? QStringLiteral("%1: filler at position %2; only a birth date may have unknown parts").arg(what).arg(bad + 1)
                         : QStringLiteral("%1: '%2' at position %3 is not a digit%4")
                               .arg(what)
                               .arg(QLatin1Char(c))
                               .arg(bad + 1)
                               .arg(birth ? QStringLiteral(" (an unknown part is written '<<')") : QString()));
            return std::nullopt;
        }
    }
    const int yy = part[0], mm = part[1], dd = part[2];
    if (mm != -1 && (mm < 1 || mm > 12)) {
        addIssue(result.errors, "MRZ_BAD_DATE", QStringLiteral("%1: month %2 does not exist").arg(what).arg(mm));
        return std::nullopt;
    }
    if (dd != -1 && (dd < 1 || dd > (mm == -1 ? 31 : daysInMonth(mm, 0)))) {
        addIssue(result.errors, "MRZ_BAD_DATE", QStringLiteral("%1: day %2 does not exist%3").arg(what).arg(dd).arg(mm == -1 ? QString() : QStringLiteral(" in month %1").arg(mm)));
        return std::nullopt;
    }
    if (unknown) {
        QStringList parts;
        if (yy < 0)
            parts.append(QStringLiteral("year"));
        if (mm < 0)
            parts.append(QStringLiteral("month"));
        if (dd < 0)
            parts.append(QStringLiteral("day"));
        addIssue(result.warnings, "MRZ_BIRTH_DATE_PARTIAL",
                 QStringLiteral("birth date has unknown parts (%1); kept as printed, no ISO date").arg(parts.join(QStringLiteral(", "))));
        return std::nullopt;
    }
    if (!reference.valid)
        return std::nullopt;
    const int base = reference.year - reference.year % 100;
    int year = base + yy;
    if (birth) {
        // The most recent century whose date is not after the reference date.
        const auto key = [](int y, int m, int d) { return (y * 100 + m) * 100 + d; };
        if (key(year, mm, dd) > key(reference.year, reference.month, reference.day))
            year -= 100;
    } else {
        // The nearest century; a tie (50 years either way) goes to the later one.
        int best = year - 100;
        for (int candidate : {year, year + 100}) {
            if (std::abs(candidate - reference.year) <= std::abs(best - reference.year))
                best = candidate;
        }
        year = best;
    }
    if (dd > daysInMonth(mm, year)) {
        addIssue(result.errors, "MRZ_BAD_DATE", QStringLiteral("%1: %2-%3-%4 does not exist").arg(what).arg(year).arg(mm, 2, 10, QLatin1Char('0')).arg(dd, 2, 10, QLatin1Char('0')));
        return std::nullopt;
    }
    return QDate(year, mm, dd);
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

    // The generic routine: every row of the layout's table, one view each.
    std::array<std::string_view, kFieldCount> view{};
    std::array<const LayoutRow *, kFieldCount> rowOf{};
    for (const LayoutRow &row : layout->rows) {
        view[static_cast<size_t>(row.field)] = std::string_view(&grid.at(row.line, row.position), row.length);
        rowOf[static_cast<size_t>(row.field)] = &row;
    }
    const auto v = [&view](Field f) { return view[static_cast<size_t>(f)]; };
    const auto row = [&rowOf](Field f) -> const LayoutRow & { return *rowOf[static_cast<size_t>(f)]; };

    // Document code (9303-4/5/6/7 positions 1-2).
    const std::string_view code = stripFillers(v(Field::DocumentCode));
    result.documentCode = documentCodeString(code);
    checkLetters(row(Field::DocumentCode), v(Field::DocumentCode), "document code", result);
    if (code.empty() || code.front() == '<') {
        addIssue(result.errors, "MRZ_BAD_DOCUMENT_CODE", QStringLiteral("document code is empty"));
    } else {
        if (layout->documentCodeFirst.find(code.front()) == std::string_view::npos)
            addIssue(result.warnings, "MRZ_UNUSUAL_DOCUMENT_CODE",
                     QStringLiteral("document code '%1' is unusual for %2").arg(result.documentCode, formatName(layout->format)));
    }

    // Issuing state and nationality (9303-3 §5).
    checkLetters(row(Field::IssuingState), v(Field::IssuingState), "issuing state", result);
    result.issuingState = readCountry(v(Field::IssuingState), "issuing state", result);
    checkLetters(row(Field::Nationality), v(Field::Nationality), "nationality", result);
    result.nationality = readCountry(v(Field::Nationality), "nationality", result);

    // Name (9303-3 §4.6): primary and secondary identifiers separated by "<<".
    const std::string_view name = v(Field::Name);
    checkLetters(row(Field::Name), name, "name", result);
    const size_t sep = name.find("<<");
    result.surname = fillersToSpaces(name.substr(0, sep));
    result.givenNames = sep == std::string_view::npos ? QString() : fillersToSpaces(name.substr(sep + 2));
    if (result.surname.isEmpty() && result.givenNames.isEmpty())
        addIssue(result.errors, "MRZ_NAME_EMPTY", QStringLiteral("the name field is empty"));
    if (name.back() != '<')
        addIssue(result.warnings, "MRZ_NAME_TRUNCATED", QStringLiteral("the name field is full: the name may be truncated (9303-3 §4.6.5)"));

    // Checks: document number (with the TD1 overflow), dates, optional data, composite.
    const CheckPlan plan = planChecks(grid);
    for (int i = 0; i < plan.fieldCount; ++i) {
        const CheckedField &cf = plan.fields[i];
        const bool ok = passes(grid, cf);
        switch (cf.value) {
        case Field::DocumentNumber:
            result.checks.documentNumber = ok;
            break;
        case Field::BirthDate:
            result.checks.birthDate = ok;
            break;
        case Field::ExpiryDate:
            result.checks.expiryDate = ok;
            break;
        case Field::OptionalData:
            result.checks.optionalData = ok;
            break;
        default:
            break;
        }
    }
    if (!layout->composite.empty())
        result.checks.composite = compositePasses(grid);

    std::string_view optional = v(Field::OptionalData);
    if (plan.overflow) {
        if (plan.overflowError) {
            addIssue(result.errors, "MRZ_BAD_DOCUMENT_NUMBER",
                     QStringLiteral("the document-number check digit is '<' but the optional data does not continue the number (9303-5/-6 note j)"));
            result.documentNumber = latin1(stripFillers(v(Field::DocumentNumber)));
        } else {
            const CheckedField &number = plan.fields[0];
            QString joined = latin1(v(Field::DocumentNumber));
            joined += latin1(optional.substr(0, static_cast<size_t>(number.count() - 9)));
            result.documentNumber = std::move(joined);
            optional.remove_prefix(static_cast<size_t>(plan.overflowLength));
        }
    } else {
        result.documentNumber = latin1(stripFillers(v(Field::DocumentNumber)));
    }
    result.optionalData = latin1(stripFillers(optional));
    if (rowOf[static_cast<size_t>(Field::OptionalData2)])
        result.optionalData2 = latin1(stripFillers(v(Field::OptionalData2)));

    Reference reference;
    if (options.referenceDate.isValid()) {
        reference.valid = true;
        options.referenceDate.getDate(&reference.year, &reference.month, &reference.day);
    }
    result.birthDateRaw = latin1(v(Field::BirthDate));
    result.birthDate = readDate(v(Field::BirthDate), true, reference, result);
    result.expiryDateRaw = latin1(v(Field::ExpiryDate));
    result.expiryDate = readDate(v(Field::ExpiryDate), false, reference, result);

    // Sex (9303-4 note: F, M, or '<' unspecified; 9303-3 (8th ed.) also X).
    static const QString kMale = QStringLiteral("M");
    static const QString kFemale = QStringLiteral("F");
    static const QString kUnspecified = QStringLiteral("X");
    switch (const char s = v(Field::Sex).front()) {
    case 'M':
        result.sex = kMale;
        break;
    case 'F':
        result.sex = kFemale;
        break;
    case '<':
    case 'X':
        result.sex = kUnspecified;
        break;
    default:
        result.sex = QString(QLatin1Char(s));
        addIssue(result.errors, "MRZ_BAD_SEX", QStringLiteral("sex '%1' is not M, F, X or <").arg(QLatin1Char(s)));
        break;
    }

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
