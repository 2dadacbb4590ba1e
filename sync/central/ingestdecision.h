#pragma once
// The central side's ingest rules for one parsed event, pure: no
// database, no clock, no crypto. CentralService::ingest gathers the facts (the enrolment, the
// signature's verdict, what the index holds next to the event's sequence, in the database or
// accepted earlier in the same batch) and stores what this decides; the rules stay testable
// without either backend (tst_ingestdecision).
#include "sync/central/centralservice.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace Kiosk::Central {

// One row of the event index, as far as the chain rules need it.
struct ChainLink
{
    QByteArray hash;     // SHA-256 of the signed bytes
    QByteArray prevHash; // the hash it links to
};

// What is known about the event being decided.
struct IngestFacts
{
    QString kioskId;     // the kiosk the event names
    qint64 sequence = 0;
    QByteArray hash;     // of these signed bytes
    QByteArray prevHash; // as the event states it
    QString sender;      // the authenticated sender, empty when the transport names none
    bool enrolled = false;
    bool revoked = false;
    bool signatureValid = false; // against the enrolled key
};

// What the index holds around `sequence` for the event's kiosk, and under the event's id.
struct ChainNeighbours
{
    std::optional<ChainLink> same;   // at sequence
    std::optional<ChainLink> before; // at sequence - 1
    std::optional<ChainLink> after;  // at sequence + 1
    std::optional<qint64> idStoredAs; // the event id is already stored, as this sequence
};

struct IngestDecision
{
    IngestStatus status = IngestStatus::Rejected;
    QString reason; // empty unless rejected (the codes of centralservice.h)
    QString detail;
    bool gap = false; // stored with sequence - 1 still missing

    [[nodiscard]] bool stored() const { return status == IngestStatus::Stored; }
};

// The rules in the order they apply: enrolment, revocation, sender, signature, then the chain
// (same sequence stored: duplicate or FORK; id reused; genesis link; links to both neighbours).
[[nodiscard]] IngestDecision decideIngest(const IngestFacts &facts, const ChainNeighbours &neighbours);

} // namespace Kiosk::Central
