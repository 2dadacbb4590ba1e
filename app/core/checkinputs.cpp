#include "app/core/checkinputs.h"

#include <array>
#include <utility>

namespace Kiosk {

namespace {
constexpr std::array<std::pair<PermitKind, const char16_t *>, 3> kPermitKinds{{
    {PermitKind::TemporaryResidence, u"temporary_residence"},
    {PermitKind::PermanentResidence, u"permanent_residence"},
    {PermitKind::Work, u"work"},
}};
constexpr std::array<std::pair<WatchlistKind, const char16_t *>, 5> kWatchlistKinds{{
    {WatchlistKind::EntryBan, u"entry_ban"},
    {WatchlistKind::StolenDocument, u"stolen_document"},
    {WatchlistKind::Wanted, u"wanted"},
    {WatchlistKind::ProtectedPerson, u"protected_person"},
    {WatchlistKind::ExitRestriction, u"exit_restriction"},
}};

template <typename Enum, size_t N>
QString nameOf(const std::array<std::pair<Enum, const char16_t *>, N> &table, Enum value)
{
    for (const auto &[e, name] : table) {
        if (e == value)
            return QString::fromUtf16(name);
    }
    return {};
}

template <typename Enum, size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, const char16_t *>, N> &table, QStringView text)
{
    for (const auto &[e, name] : table) {
        if (text == QStringView(name))
            return e;
    }
    return std::nullopt;
}
} // namespace

QString permitKindToString(PermitKind k) { return nameOf(kPermitKinds, k); }
std::optional<PermitKind> permitKindFromString(QStringView text) { return valueOf(kPermitKinds, text); }
QString watchlistKindToString(WatchlistKind k) { return nameOf(kWatchlistKinds, k); }
std::optional<WatchlistKind> watchlistKindFromString(QStringView text) { return valueOf(kWatchlistKinds, text); }

} // namespace Kiosk
