#pragma once
// An IATA bar-coded boarding pass (Resolution 792, BCBP Implementation Guide, format M),
// as plain values. Field comments give the Resolution 792 item numbers.
#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace Kiosk::Bcbp {

struct BcbpLeg
{
    // Mandatory repeated items.
    QString pnr;                  // 7   operating carrier PNR code
    QString from;                 // 26  from city airport code
    QString to;                   // 38  to city airport code
    QString operatingCarrier;     // 42  operating carrier designator
    QString flightNumber;         // 43  flight number ("0123", "123A")
    QString dayOfFlightRaw;       // 46  date of flight, Julian day "001".."366"
    QString compartment;          // 71  compartment code
    QString seat;                 // 104 seat number ("012A", "INF")
    QString checkInSequence;      // 107 check-in sequence number
    QString passengerStatus;      // 113 passenger status
    int variableSize = 0;         // 6   field size of the variable size field (hex)
    // Conditional repeated items (present when the pass's section is long enough).
    QString airlineNumericCode;   // 142
    QString documentSerialNumber; // 143 document form/serial number
    QString selecteeIndicator;    // 18
    QString internationalDocumentVerification; // 108
    QString marketingCarrier;     // 19
    QString frequentFlyerAirline; // 20
    QString frequentFlyerNumber;  // 236
    QString idAdIndicator;        // 89
    QString freeBaggageAllowance; // 118
    QString fastTrack;            // 254
    QString airlinePrivateData;   // 4   for individual airline use

    // Julian day of the flight, 0 when the field is not a number.
    [[nodiscard]] int dayOfFlight() const;
};

struct BoardingPass
{
    QString formatCode;           // 1   "M"
    int legCount = 0;             // 5   1..4
    QString passengerName;        // 11  as printed, trimmed
    QString surname;              //     before the '/'
    QString givenName;            //     after the '/'
    QString electronicTicketIndicator; // 253 "E" for an e-ticket
    // Conditional unique items (first leg, after '>').
    std::optional<int> version;   // 9   1..8 (a digit; nullopt when absent)
    QString passengerDescription; // 15
    QString sourceOfCheckIn;      // 12
    QString sourceOfIssuance;     // 14  source of boarding pass issuance
    QString dateOfIssueRaw;       // 22  last digit of the year + Julian day
    QString documentType;         // 16  "B" boarding pass, "I" itinerary receipt
    QString issuerDesignator;     // 21  airline designator of boarding pass issuer
    QString baggageTag;           // 23  baggage tag licence plate number(s)
    QString baggageTag2;          // 31  1st non-consecutive baggage tag
    QString baggageTag3;          // 32  2nd non-consecutive baggage tag
    QList<BcbpLeg> legs;
    // Security data (items 25, 28, 29, 30).
    bool hasSecurityData = false;
    QString securityType;
    QByteArray securityData;
    // Deviations the parser tolerated, for a person: "leg 1 section shorter than its size".
    QStringList quirks;
};

} // namespace Kiosk::Bcbp
