#pragma once
// The chain's tail kept outside the database (issue 18 §2).
//
// Anyone who can edit kiosk.db can delete its last events and their outbox rows: the chain that
// remains still verifies, and the kiosk would sign a new event with a reused sequence number.
// So after every event it signs, the kiosk also writes the sequence and hash of its newest event
// to a small file beside its signing key (kioskTailFile(): `<key folder>/<key name>.tail`,
// replaced atomically, 0600). `kioskctl log verify` and `record` compare the database with it:
// the event it names must be there with that hash. The database may be one event AHEAD of the
// file (a power cut between the commit and the file write), never behind.
//
// The file is JSON: {"hash":"<64 hex>","kioskId":"...","sequence":N,"v":1}.
#include "app/core/error.h"
#include "app/store/database.h"
#include "app/store/eventrepository.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace Kiosk::Sync {

struct ChainTail
{
    QString kioskId;
    qint64 sequence = 0;
    QByteArray hash; // 32 raw bytes
};

// Where the tail of the kiosk whose signing key is `keyFile` lives; empty for an empty key path.
[[nodiscard]] QString kioskTailFile(const QString &keyFile);

// nullopt when the file does not exist. Errors: CHAIN_TAIL_UNREADABLE (names the file).
[[nodiscard]] Result<std::optional<ChainTail>> readChainTail(const QString &path);
[[nodiscard]] Result<void> writeChainTail(const QString &path, const ChainTail &tail);

// The database against the tail file. Errors: CHAIN_TAIL_MISSING (events, but no tail file: it
// was deleted, or the kiosk predates it: `kioskctl log adopt-tail` after a full verify),
// CHAIN_TAIL_TRUNCATED (the log ends before the tail's event), CHAIN_TAIL_MISMATCH (the event at
// the tail's sequence has another hash), CHAIN_TAIL_UNREADABLE, the store's.
[[nodiscard]] Result<void> checkChainTail(Store::Database &db, const QString &path);
// The same with the chain head the caller has already read (the recorder, inside its write
// transaction).
[[nodiscard]] Result<void> checkChainTail(Store::Database &db, const QString &path, const Store::ChainHead &head);

} // namespace Kiosk::Sync
