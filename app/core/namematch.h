#pragma once
// Names as a border check compares them. The same person reaches the kiosk spelled several
// ways: the MRZ of a Russian passport transliterates Cyrillic by ICAO 9303-3 §6 (Х → KH,
// Й → I, Ю → IU, ДЖ → DZH), an Azerbaijani passport writes Cəfərov as JAFAROV, a watchlist
// from another source may hold Dzhafarov, Djafarov or the native Cəfərov, with hyphens,
// fillers or spaces in other places. Both the rules (scenario watchlist candidates) and the
// store (database lookups) use this one matcher, so that a match means the same everywhere.
//
// Two levels, never one bool:
//   normaliseName(): the ICAO 9303-3 §6 form, A-Z and single spaces (what an MRZ would hold);
//   nameKey():       a folded key that maps common transliteration variants together
//                    (KH/H/X, Y/I, OU/U, IE/YE/E, DZH/DJ/J, SH/Ş, CH/Ç, doubled letters ...).
// matchPersonNames() compares two persons' names and says Exact, Variant or None.
#include <QString>
#include <QStringView>

namespace Kiosk {

// ICAO 9303-3 §6 (transliteration of national characters) into A-Z, upper case: Latin
// diacritics dropped (Ş → S, Ö → O, Ə → A as Azerbaijani passports write it), ß → SS,
// Cyrillic by the ICAO table (Ж → ZH, Х → KH, Ц → TS, Щ → SHCH, Ю → IU, Я → IA, Ъ → IE,
// Ь dropped). MRZ filler '<', hyphens, apostrophes, dots and commas become spaces; other
// characters are dropped; runs of spaces collapse; the result is trimmed.
[[nodiscard]] QString normaliseName(QStringView name);

// The folded key of a name (all its words joined, no spaces): equal keys mean the names are
// transliteration variants of each other. Stable: the store may keep it in an index column.
[[nodiscard]] QString nameKey(QStringView name);

enum class NameMatch { None, Variant, Exact };

// Compares two persons' names (surname + given names). Exact: the normalised names are
// equal. Variant: they differ only by transliteration, spacing, hyphens, fillers, a missing
// further given name (a patronymic or middle name on one side only), or one letter of the
// folded key (keys of 5 letters or more; 2 letters for 10 or more). Empty given names on
// either side do not constrain (single-name holders, lists that hold the surname only).
// Surname and given names swapped between fields still match as a Variant.
[[nodiscard]] NameMatch matchPersonNames(QStringView surnameA, QStringView givenNamesA,
                                         QStringView surnameB, QStringView givenNamesB);

// Damerau (optimal string alignment) distance: used for the one-letter tolerance above.
[[nodiscard]] int nameEditDistance(QStringView a, QStringView b);

} // namespace Kiosk
