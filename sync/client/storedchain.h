#pragma once
// `kioskctl log verify`: the kiosk's stored chain checked end to end, every signature and
// every link, and the row columns against the signed bytes (sequence, event id, hash).
#include "app/crypto/ed25519.h"
#include "app/store/database.h"
#include "sync/eventlog/chainverifier.h"

namespace Kiosk::Sync {

struct StoredChainReport
{
    qint64 verified = 0;                        // events checked before the first break
    std::optional<EventLog::ChainBreak> firstBreak;
};

// `kioskId` empty: the kiosk named by the first event. Errors: STORE_* (the database itself).
[[nodiscard]] Result<StoredChainReport> verifyStoredChain(Store::Database &db, const Crypto::Ed25519PublicKey &key, QString kioskId);

} // namespace Kiosk::Sync
