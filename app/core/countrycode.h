#pragma once
#include <QString>
#include <QStringView>
#include <optional>

namespace Kiosk {

// An ICAO 9303-3 code: ISO 3166-1 alpha-3, or one of ICAO's own ("D", "GBD", "XXA", "UTO").
// One to three capital letters; MRZ filler ('<') is stripped on construction.
class CountryCode
{
public:
    CountryCode() = default;

    // Accepts "RUS", "D<<", "D". Rejects anything that is not 1-3 letters A-Z after
    // stripping trailing fillers.
    [[nodiscard]] static std::optional<CountryCode> fromString(QStringView text);

    [[nodiscard]] QString toString() const { return m_code; }
    [[nodiscard]] bool isEmpty() const { return m_code.isEmpty(); }

    friend bool operator==(const CountryCode &, const CountryCode &) = default;
    friend auto operator<=>(const CountryCode &a, const CountryCode &b) { return a.m_code.compare(b.m_code) <=> 0; }

private:
    explicit CountryCode(QString code) : m_code(std::move(code)) {}
    QString m_code;
};

} // namespace Kiosk
