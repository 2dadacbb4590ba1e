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

// `count` chained events of `kioskId`, continuing after (lastSequence, lastHash).
inline std::vector<SignedEvent> signChain(const EventSigner &signer, int count, const QString &kioskId = QStringLiteral("KIOSK-GYD-01"),
                                          qint64 lastSequence = 0, QByteArray lastHash = {})
{
    std::vector<SignedEvent> out;
    for (int i = 0; i < count; ++i) {
        Event draft = draftEvent(static_cast<int>(lastSequence) + i);
        draft.kioskId = kioskId;
        auto e = signer.sign(draft, lastSequence, lastHash);
        if (!e)
            qFatal("signing a test event failed: %s", qPrintable(e.error().message));
        lastSequence = e->event.sequence;
        lastHash = e->hash();
        out.push_back(std::move(*e));
    }
    return out;
}

} // namespace Kiosk::EventLog::Test
