#pragma once
// Watchlists (domain-rules §4-5; §51, §169-170, §236), matched tolerantly:
//   - documents (stolen, lost, forged) by issuing state + number, exactly (number without
//     filler or spaces);
//   - persons by names + birth date + nationality: the query pre-filters by an indexed key
//     (birth date; for an entry or a traveller without one, the folded surname key) and the
//     shared matcher (app/core/namematch.h) decides on the names, so filler, spacing,
//     hyphens and transliteration variants (Dzhafarov / Jafarov / Djafarov) still match.
//     An entry without nationality matches any nationality.
// Citizens' exit restrictions (§236) live in their own register table and are returned as
// entries of kind exit_restriction while active on the check's date.
// The store returns only entries that match; the rules judge what a hit means.
#include "app/core/checkinputs.h"
#include "app/core/error.h"
#include "app/core/traveldocument.h"

#include <QDateTime>
#include <QList>
#include <optional>

namespace Kiosk::Store {

class Database;

class WatchlistRepository
{
public:
    explicit WatchlistRepository(Database &db) : m_db(db) {}

    struct Validity
    {
        std::optional<QDate> from;   // exit restrictions only: when the restriction holds
        std::optional<QDate> until;
    };

    // Adds an entry (kind exit_restriction goes to the exit-restriction register). An entry
    // needs a document (issuing state + number) or a surname. `importedAt` dates a watchlist
    // entry, on the caller's clock. Errors: STORE_BAD_WATCHLIST_ENTRY,
    // STORE_QUERY_FAILED (e.g. a repeated entry id within a kind, no importedAt).
    [[nodiscard]] Result<qint64> add(const WatchlistEntry &entry, const QDateTime &importedAt, const QString &listVersion = {},
                                     const Validity &validity = {});

    // Deletes every entry of both tables (a list import with --replace, in its transaction).
    [[nodiscard]] Result<void> clear();

    // The entries that match the traveller's document on `date`.
    [[nodiscard]] Result<QList<WatchlistEntry>> hitsFor(const TravelDocument &document, const QDate &date);

    // When the last watchlist import happened (for WATCHLIST_STALE), if ever.
    [[nodiscard]] Result<std::optional<QDateTime>> lastImportedAt();

    // True when a person entry and a traveller are the same by the tolerant rule above.
    [[nodiscard]] static bool personMatches(const WatchlistEntry &entry, const TravelDocument &document);

private:
    Database &m_db;
};

} // namespace Kiosk::Store
