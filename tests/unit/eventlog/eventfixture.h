#pragma once
// Synthetic events for the eventlog tests (no real person: ICAO specimen-style names).
#include "sync/eventlog/event.h"
#include "sync/eventlog/eventsigner.h"

#include <vector>

#include <QTimeZone>

namespace Kiosk::EventLog::Test {

inline Event draftEvent(int n = 0)
{
    Event e;
    e.kioskId = QStringLiteral("KIOSK-GYD-01");
    e.checkpoint = QStringLiteral("GYD");
    e.officer = QStringLiteral("OFF-0042");
    e.kind = QStringLiteral("crossing");
    e.direction = n % 2 == 0 ? Direction::Entry : Direction::Exit;
    e.document = DocumentIdentity{QStringLiteral("P"), QStringLiteral("UTO"), QStringLiteral("L898902C3"),
                                  QStringLiteral("UTO"), QStringLiteral("ERIKSSON"), QStringLiteral("ANNA MARIA"),
                                  QStringLiteral("1974-08-12"), QStringLiteral("740812"), QStringLiteral("F")};
    e.verdict = QStringLiteral("ADMIT");
    e.reasons = {QStringLiteral("VISA_FREE")};
    e.policyVersion = QStringLiteral("2026.1");
    e.recordedAt = QDateTime(QDate(2026, 11, 29), QTime(9, 15, n % 60), QTimeZone(4 * 3600));
    return e;
}

// An officer's override as format `formatVersion` writes it: version 1 carries the typed reason
// in the reason list ("OVERRIDE_REASON:<text>"), version 2 in its own overrideReason field.
inline Event overrideDraft(int n = 0, int formatVersion = FormatVersion)
{
    Event e = draftEvent(n);
    e.formatVersion = formatVersion;
    e.kind = QStringLiteral("override");
    e.verdict = QStringLiteral("REFUSE");
    e.reasons = {QStringLiteral("OVERSTAY"), QStringLiteral("OFFICER_OVERRIDE")};
    const QString typed = QStringLiteral("Fine paid at the desk, receipt \"A-17\"");
    if (formatVersion == 1)
        e.reasons << QStringLiteral("OVERRIDE_REASON:") + typed;
    else
        e.overrideReason = typed;
    return e;
}

// `drafts` signed as one chain continuing after (lastSequence, lastHash).
inline std::vector<SignedEvent> signDrafts(const EventSigner &signer, const std::vector<Event> &drafts, qint64 lastSequence = 0,
                                           QByteArray lastHash = {})
{
    std::vector<SignedEvent> out;
    for (const Event &draft : drafts) {
        auto e = signer.sign(draft, lastSequence, lastHash);
        if (!e)
            qFatal("signing a test event failed: %s", qPrintable(e.error().message));
        lastSequence = e->event.sequence;
        lastHash = e->hash();
        out.push_back(std::move(*e));
    }
    return out;
}

// `count` chained events of `kioskId`, continuing after (lastSequence, lastHash).
inline std::vector<SignedEvent> signChain(const EventSigner &signer, int count, const QString &kioskId = QStringLiteral("KIOSK-GYD-01"),
                                          qint64 lastSequence = 0, QByteArray lastHash = {})
{
    std::vector<Event> drafts;
    for (int i = 0; i < count; ++i) {
        drafts.push_back(draftEvent(static_cast<int>(lastSequence) + i));
        drafts.back().kioskId = kioskId;
    }
    return signDrafts(signer, drafts, lastSequence, std::move(lastHash));
}

// An upgraded kiosk's chain: `v1Count` events in format 1, then `v2Count` in format 2, every
// third one an override.
inline std::vector<SignedEvent> signMixedChain(const EventSigner &signer, int v1Count, int v2Count,
                                               const QString &kioskId = QStringLiteral("KIOSK-GYD-01"))
{
    std::vector<Event> drafts;
    for (int i = 0; i < v1Count + v2Count; ++i) {
        const int version = i < v1Count ? 1 : 2;
        drafts.push_back(i % 3 == 2 ? overrideDraft(i, version) : draftEvent(i));
        drafts.back().formatVersion = version;
        drafts.back().kioskId = kioskId;
    }
    return signDrafts(signer, drafts);
}

} // namespace Kiosk::EventLog::Test
