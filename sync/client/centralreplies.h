#pragma once
// The central service's answers as the sync client reads them: every body is
// checked for JSON, shape and types before anything local changes, and a bad one is a
// SYNC_PROTOCOL error naming the path and the element ("GET /v1/kiosks: kiosks[3].publicKey is
// not base64 of a 32-byte key"), so a garbage body can never empty the kiosk registry or read
// as the end of the feed. Pure functions of the bytes: unit-tested row by row and fuzzed
// (tests/fuzz/fuzz_centralreplies.cpp).
#include "app/core/error.h"
#include "app/store/eventrepository.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Kiosk::Sync {

struct FeedItem
{
    qint64 feedId = 0;
    QByteArray bytes;     // as signed (base64-decoded)
    QByteArray signature;
};

struct FeedPage
{
    QList<FeedItem> events; // feed ids strictly increasing, all > the `after` asked for
    qint64 next = 0;        // the cursor after this page
};

// GET /v1/kiosks: {"kiosks":[{"id","checkpoint","publicKey":B64 of 32 bytes,"revoked":bool}]}.
// Ids are unique and non-empty.
[[nodiscard]] Result<QList<Store::RegistryEntry>> parseRegistryReply(const QByteArray &body);

// GET /v1/feed?after=N: {"events":[{"feedId","bytes","signature"}],"next":N}. The feed never
// goes backwards: every feedId > `after` and increasing, `next` >= the last one (and >= after).
[[nodiscard]] Result<FeedPage> parseFeedReply(const QByteArray &body, qint64 after);

// GET /v1/kiosks/{id}/head: {"kioskId","sequence","hash":B64}; the kiosk asked about, a
// non-negative sequence, a 32-byte hash unless the sequence is 0.
[[nodiscard]] Result<Store::ChainHead> parseKioskHeadReply(const QByteArray &body, const QString &kioskId);

} // namespace Kiosk::Sync
