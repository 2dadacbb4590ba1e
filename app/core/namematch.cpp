#include "app/core/namematch.h"

#include <QStringList>

#include <algorithm>
#include <array>
#include <vector>

namespace Kiosk {

namespace {

struct Translit
{
    char16_t from;
    const char *to;
};

// ICAO 9303-3 §6, transliteration of Cyrillic (upper case; lower case is upper-cased
// first). Letters of Azerbaijani, Kazakh, Ukrainian, Belarusian and Serbian Cyrillic
// follow the same table's pattern.
constexpr std::array<Translit, 56> kCyrillic{{
    {u'А', "A"},  {u'Б', "B"},    {u'В', "V"},  {u'Г', "G"},  {u'Ґ', "G"},  {u'Д', "D"},
    {u'Ѓ', "G"},  {u'Ђ', "D"},    {u'Е', "E"},  {u'Ё', "E"},  {u'Є', "IE"}, {u'Ж', "ZH"},
    {u'З', "Z"},  {u'Ѕ', "DZ"},   {u'И', "I"},  {u'І', "I"},  {u'Ї', "I"},  {u'Й', "I"},
    {u'Ј', "J"},  {u'К', "K"},    {u'Л', "L"},  {u'Љ', "LJ"}, {u'М', "M"},  {u'Н', "N"},
    {u'Њ', "NJ"}, {u'О', "O"},    {u'П', "P"},  {u'Р', "R"},  {u'С', "S"},  {u'Т', "T"},
    {u'Ћ', "C"},  {u'Ќ', "K"},    {u'У', "U"},  {u'Ў', "U"},  {u'Ф', "F"},  {u'Х', "KH"},
    {u'Ц', "TS"}, {u'Ч', "CH"},   {u'Џ', "DZ"}, {u'Ш', "SH"}, {u'Щ', "SHCH"}, {u'Ъ', "IE"},
    {u'Ы', "Y"},  {u'Ь', ""},     {u'Э', "E"},  {u'Ю', "IU"}, {u'Я', "IA"},
    // Azerbaijani and Kazakh Cyrillic letters
    {u'Ә', "A"},  {u'Ғ', "G"},    {u'Һ', "H"},  {u'Ҹ', "J"},  {u'Ү', "U"},  {u'Ө', "O"},
    {u'Ҝ', "G"},  {u'Қ', "K"},    {u'Ң', "N"},
}};

// Latin letters that do not decompose into a base letter + marks (ICAO 9303-3 §6).
constexpr std::array<Translit, 12> kLatinSpecial{{
    {u'ß', "SS"}, {u'Æ', "AE"}, {u'Ø', "OE"}, {u'Œ', "OE"}, {u'Þ', "TH"}, {u'Ð', "D"},
    {u'Đ', "D"},  {u'Ł', "L"},  {u'ı', "I"},  {u'Ə', "A"},  {u'Ħ', "H"},  {u'Ŋ', "N"},
}};

const char *lookup(const auto &table, char16_t c)
{
    for (const Translit &t : table) {
        if (t.from == c)
            return t.to;
    }
    return nullptr;
}

bool isSeparator(QChar c)
{
    return c == u'<' || c == u'-' || c == u'\'' || c == u'`' || c == u'.' || c == u','
        || c == u'‐' || c == u'’' || c.isSpace();
}

// Folds of transliteration variants, applied to the words of a normalised name, longest
// pattern first at each position. The aim is recall between spellings of one name (Russian
// ICAO, Azerbaijani passport, English and German habits); a key match alone never decides
// anything: the store and the rules also compare birth date and nationality.
struct Fold
{
    const char *from;
    const char *to;
};
constexpr std::array<Fold, 21> kFolds{{
    {"SHCH", "S"}, {"TSCH", "C"}, {"DZH", "J"}, {"TCH", "C"}, {"SCH", "S"},
    {"CH", "C"},   // Ч, Azerbaijani Ç
    {"SH", "S"},   // Ш, Azerbaijani Ş
    {"ZH", "J"},   // Ж, Azerbaijani J
    {"KH", "H"},   // Х, Azerbaijani X
    {"GH", "G"},   // Azerbaijani Ğ as passports write it
    {"DJ", "J"},   {"TS", "C"}, {"TZ", "C"}, {"PH", "F"},
    {"OU", "U"},   {"OE", "O"}, {"UE", "U"}, {"AE", "A"},
    {"Y", "I"},    {"W", "V"},  {"Q", "G"},   // Azerbaijani Q
}};

QString applyFolds(const QString &word)
{
    QString out;
    out.reserve(word.size());
    qsizetype i = 0;
    while (i < word.size()) {
        bool matched = false;
        for (const Fold &f : kFolds) {
            const auto from = QLatin1StringView(f.from);
            if (word.mid(i, from.size()) == from) {
                out += QLatin1StringView(f.to);
                i += from.size();
                matched = true;
                break;
            }
        }
        if (!matched) {
            const QChar c = word.at(i);
            out += c == u'X' ? QChar(u'H') : c; // Azerbaijani X = Х
            ++i;
        }
    }
    return out;
}

QString foldWord(const QString &word)
{
    QString w = applyFolds(word);
    // A final J after a vowel is the German/Polish Й (JURIJ): fold it with Y/I.
    if (w.size() >= 2 && w.back() == u'J' && QStringLiteral("AEIOU").contains(w.at(w.size() - 2)))
        w.back() = u'I';
    // Doubled letters (MAMMADOV / MAMEDOV, IURII / YURIY) then the iotated vowels
    // (Я IA/YA, Ю IU/YU, Е IE/YE after a vowel: ALIYEV / ALIEV).
    const auto collapse = [](const QString &in) {
        QString out;
        for (const QChar c : in) {
            if (out.isEmpty() || out.back() != c)
                out += c;
        }
        return out;
    };
    const QString collapsed = collapse(w);
    QString dropped;
    for (qsizetype i = 0; i < collapsed.size(); ++i) {
        const QChar c = collapsed.at(i);
        if (c == u'I' && i + 1 < collapsed.size() && QStringLiteral("AEOU").contains(collapsed.at(i + 1)))
            continue; // the I of IA/IE/IO/IU
        dropped += c;
    }
    return collapse(dropped); // SERGEIEV -> SERGEEV -> SERGEV
}

QStringList words(QStringView name)
{
    return normaliseName(name).split(u' ', Qt::SkipEmptyParts);
}

QString keyOfWords(const QStringList &ws)
{
    QString key;
    for (const QString &w : ws)
        key += foldWord(w);
    return key;
}

bool keysClose(const QString &a, const QString &b)
{
    if (a == b)
        return true;
    const qsizetype shorter = std::min(a.size(), b.size());
    const int allowed = shorter >= 10 ? 2 : shorter >= 5 ? 1 : 0;
    return allowed > 0 && nameEditDistance(a, b) <= allowed;
}

// Given names: the whole sequence as one key, or the shorter list a prefix of the longer
// (a patronymic or second given name recorded on one side only).
bool givenNamesMatch(const QStringList &a, const QStringList &b)
{
    if (a.isEmpty() || b.isEmpty())
        return true;
    if (keysClose(keyOfWords(a), keyOfWords(b)))
        return true;
    const QStringList &shortList = a.size() <= b.size() ? a : b;
    const QStringList &longList = a.size() <= b.size() ? b : a;
    for (qsizetype i = 0; i < shortList.size(); ++i) {
        if (!keysClose(foldWord(shortList.at(i)), foldWord(longList.at(i))))
            return false;
    }
    return true;
}

} // namespace

QString normaliseName(QStringView name)
{
    QString out;
    out.reserve(name.size());
    bool pendingSpace = false;
    auto append = [&](QLatin1StringView text) {
        if (text.isEmpty())
            return;
        if (pendingSpace && !out.isEmpty())
            out += u' ';
        pendingSpace = false;
        out += text;
    };
    for (const QChar raw : name) {
        if (isSeparator(raw)) {
            pendingSpace = true;
            continue;
        }
        const QChar c = raw == u'ı' ? raw : raw.toUpper(); // dotless ı has no upper case of its own
        if (c >= u'A' && c <= u'Z') {
            const char ch = static_cast<char>(c.unicode());
            append(QLatin1StringView(&ch, 1));
            continue;
        }
        if (const char *t = lookup(kCyrillic, c.unicode())) {
            append(QLatin1StringView(t));
            continue;
        }
        if (const char *t = lookup(kLatinSpecial, c.unicode())) {
            append(QLatin1StringView(t));
            continue;
        }
        // Latin with diacritics: the base letter of the canonical decomposition.
        const QString decomposed = QString(c).normalized(QString::NormalizationForm_D);
        if (!decomposed.isEmpty()) {
            const QChar base = decomposed.front();
            if (base >= u'A' && base <= u'Z') {
                const char ch = static_cast<char>(base.unicode());
                append(QLatin1StringView(&ch, 1));
            }
        }
        // Anything else (digits, symbols, other scripts) is not part of a name: dropped.
    }
    return out;
}

QString nameKey(QStringView name)
{
    return keyOfWords(words(name));
}

int nameEditDistance(QStringView a, QStringView b)
{
    const auto n = static_cast<size_t>(a.size());
    const auto m = static_cast<size_t>(b.size());
    // Three rows suffice for the optimal-string-alignment recurrence.
    std::vector<int> prev2(m + 1), prev(m + 1), cur(m + 1);
    for (size_t j = 0; j <= m; ++j)
        prev[j] = static_cast<int>(j);
    for (size_t i = 1; i <= n; ++i) {
        cur[0] = static_cast<int>(i);
        for (size_t j = 1; j <= m; ++j) {
            const int cost = a[static_cast<qsizetype>(i - 1)] == b[static_cast<qsizetype>(j - 1)] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[static_cast<qsizetype>(i - 1)] == b[static_cast<qsizetype>(j - 2)]
                && a[static_cast<qsizetype>(i - 2)] == b[static_cast<qsizetype>(j - 1)])
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
        }
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return prev[m];
}

NameMatch matchPersonNames(QStringView surnameA, QStringView givenNamesA,
                           QStringView surnameB, QStringView givenNamesB)
{
    const QStringList sa = words(surnameA);
    const QStringList sb = words(surnameB);
    const QStringList ga = words(givenNamesA);
    const QStringList gb = words(givenNamesB);
    if (sa.isEmpty() || sb.isEmpty())
        return NameMatch::None; // a name-less record matches nobody
    if (sa == sb && (ga == gb || ga.isEmpty() || gb.isEmpty()))
        return NameMatch::Exact;
    if (keysClose(keyOfWords(sa), keyOfWords(sb)) && givenNamesMatch(ga, gb))
        return NameMatch::Variant;
    // The whole name at once, one letter apart at most (PETRENKO JURIJ / PETRENKO YURIY:
    // the German J of a short given name), for names long enough that one letter is noise.
    const QString fullA = keyOfWords(sa) + keyOfWords(ga);
    const QString fullB = keyOfWords(sb) + keyOfWords(gb);
    if (std::min(fullA.size(), fullB.size()) >= 8 && nameEditDistance(fullA, fullB) <= 1)
        return NameMatch::Variant;
    // Fields swapped, or the whole name in one field: compare the full names the other way.
    const QString swappedB = keyOfWords(gb) + keyOfWords(sb);
    if (!ga.isEmpty() && !gb.isEmpty() && keysClose(fullA, swappedB))
        return NameMatch::Variant;
    if ((ga.isEmpty() || gb.isEmpty()) && fullA.size() >= 5 && fullA == fullB)
        return NameMatch::Variant;
    return NameMatch::None;
}

} // namespace Kiosk
