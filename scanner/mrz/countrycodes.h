#pragma once
// The ICAO 9303-3 §5 list of codes for states, organisations and other entities: ISO 3166-1
// alpha-3 plus ICAO's own (D, GBD..GBS, UNO/UNA/UNK, XBA..XXX, EUE, RKS, UTO for specimens),
// with English names. The list is data (scanner/mrz/data/icao9303-3-codes.tsv), compiled in.
#include <QString>
#include <QStringView>

#include <optional>

namespace Kiosk::Mrz {

// English name of a code ("UTO" -> "Utopia"); fillers are stripped first ("D<<" -> "D").
// Empty for an unknown code.
[[nodiscard]] std::optional<QString> countryName(QStringView code);
[[nodiscard]] bool isKnownCountryCode(QStringView code);
// Number of codes in the table.
[[nodiscard]] int countryCodeCount();

} // namespace Kiosk::Mrz
