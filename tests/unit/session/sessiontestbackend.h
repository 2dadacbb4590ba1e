#pragma once
// A CaseBackend for the session's own logic (sign-in, lock, the rules of actions): it makes
// no verdict and records nothing, so no test can pass on a made-up verdict. The verdict and
// recording tests use the real StoreBackend (tst_storebackend.cpp, tests/ui).
#include "app/session/casebackend.h"

class NoDataBackend final : public Kiosk::Session::CaseBackend
{
public:
    int evaluations = 0;
    int records = 0;
    Kiosk::Session::ReferenceStatus reference;

    Kiosk::Result<void> evaluate(Kiosk::Session::Case &) override
    {
        ++evaluations;
        return Kiosk::fail(QStringLiteral("NO_DATA"), QStringLiteral("test backend holds no data"));
    }
    Kiosk::Result<Kiosk::Session::RecordOutcome> record(const Kiosk::Session::Case &,
                                                         const Kiosk::Session::RecordRequest &) override
    {
        ++records;
        return Kiosk::fail(QStringLiteral("NO_DATA"), QStringLiteral("test backend records nothing"));
    }
    Kiosk::Session::ReferenceStatus referenceStatus(const QDateTime &) const override { return reference; }
};
