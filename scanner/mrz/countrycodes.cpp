#include "scanner/mrz/countrycodes.h"

#include "scanner/mrz/countrycodes_p.h"

#include <QHash>
#include <QLatin1StringView>

#include <array>
#include <cstring>

namespace Kiosk::Mrz {

namespace detail {
extern const char *const kCountryCodesTsv;
}

namespace {

// Codes are one to three letters; index = the letters read as base-27 digits (A=1..Z=26,
// none=0), so a lookup is one array access (the parser asks twice per document).
constexpr int kSlots = 27 * 27 * 27;

constexpr char16_t unit(QChar c) { return c.unicode(); }
constexpr char16_t unit(char c) { return static_cast<unsigned char>(c); }

template <typename View>
int slotOf(View code)
{
    auto end = code.size();
    while (end > 0 && unit(code[end - 1]) == u'<')
        --end;
    if (end == 0 || end > 3)
        return -1;
    int slot = 0;
    for (decltype(end) i = 0; i < 3; ++i) {
        int digit = 0;
        if (i < end) {
            const char16_t c = unit(code[i]);
            if (c < u'A' || c > u'Z')
                return -1;
            digit = c - u'A' + 1;
        }
        slot = slot * 27 + digit;
    }
    return slot;
}

struct Table
{
    std::array<qint16, kSlots> index{}; // 0 = unknown, else 1 + position in names
    QStringList codes;
    QStringList names;

    Table()
    {
        const QString tsv = QString::fromUtf8(detail::kCountryCodesTsv);
        for (QStringView line : QStringView(tsv).split(u'\n')) {
            if (line.isEmpty() || line.startsWith(u'#'))
                continue;
            const qsizetype tab1 = line.indexOf(u'\t');
            if (tab1 <= 0)
                continue;
            const qsizetype tab2 = line.indexOf(u'\t', tab1 + 1);
            const QStringView code = line.first(tab1);
            const QStringView name = tab2 < 0 ? line.sliced(tab1 + 1) : line.sliced(tab1 + 1, tab2 - tab1 - 1);
            const int slot = slotOf(code);
            if (slot < 0)
                continue;
            codes.append(code.toString());
            names.append(name.toString());
            index[static_cast<size_t>(slot)] = static_cast<qint16>(names.size());
        }
    }
};

const Table &table()
{
    static const Table instance; // thread-safe initialisation (C++11 magic statics)
    return instance;
}

} // namespace

std::optional<QString> countryName(QStringView code)
{
    const int slot = slotOf(code);
    if (slot < 0)
        return std::nullopt;
    const Table &t = table();
    const qint16 i = t.index[static_cast<size_t>(slot)];
    if (i == 0)
        return std::nullopt;
    return t.names[i - 1];
}

bool isKnownCountryCode(QStringView code)
{
    const int slot = slotOf(code);
    return slot >= 0 && table().index[static_cast<size_t>(slot)] != 0;
}

namespace detail {
const QString *internedCountryCode(std::string_view code)
{
    const int slot = slotOf(code);
    if (slot < 0)
        return nullptr;
    const Table &t = table();
    const qint16 i = t.index[static_cast<size_t>(slot)];
    return i == 0 ? nullptr : &t.codes[i - 1];
}
} // namespace detail

int countryCodeCount()
{
    return static_cast<int>(table().names.size());
}

} // namespace Kiosk::Mrz
