#pragma once
// The chain's tail kept outside the database.
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
//
// The tail file and the database can be restored together from an old backup (or both edited
// by someone with the key folder too). Only the central side then knows that the kiosk signed
// more: so the sync client asks it for this kiosk's newest stored event (GET
// /v1/kiosks/{id}/head) each round, and keeps the highest sequence the central side has
// confirmed, in the same format, in a second file beside the key (kioskCentralMarkFile():
// `<key name>.central`), raised after every acknowledged push. The recorder refuses to sign
// while the log ends before that mark (CHAIN_BEHIND_CENTRAL: the next sequence is one the
// central side already holds) or holds another event at it (CHAIN_DIVERGES_FROM_CENTRAL); log
// verify reports both.
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

// Where the highest sequence the central side has confirmed is kept; empty for an empty path.
[[nodiscard]] QString kioskCentralMarkFile(const QString &keyFile);

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

// Raises the central mark at `path` to `mark` (never lowers it: a late acknowledgement of an
// older batch leaves a higher mark alone). Errors: CHAIN_TAIL_UNREADABLE, FILE_UNWRITABLE.
[[nodiscard]] Result<void> raiseCentralMark(const QString &path, const ChainTail &mark);

// The database against the central mark; no file: nothing to compare. Errors:
// CHAIN_BEHIND_CENTRAL (the log ends before the mark), CHAIN_DIVERGES_FROM_CENTRAL (another
// event at the mark's sequence), CHAIN_TAIL_UNREADABLE, the store's.
[[nodiscard]] Result<void> checkCentralMark(Store::Database &db, const QString &path, const Store::ChainHead &head);

// The hash of this kiosk's own event at `sequence`; empty when the log has none there.
[[nodiscard]] Result<QByteArray> ownEventHash(Store::Database &db, qint64 sequence);

} // namespace Kiosk::Sync
