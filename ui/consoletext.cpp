#include "ui/consoletext.h"

namespace Kiosk::Ui {

QString ConsoleText::fieldLabel(const QString &key)
{
    if (key == QLatin1String("document_code")) return tr("Document type");
    if (key == QLatin1String("issuing_state")) return tr("Issuing state");
    if (key == QLatin1String("surname")) return tr("Surname");
    if (key == QLatin1String("given_names")) return tr("Given names");
    if (key == QLatin1String("document_number")) return tr("Document number");
    if (key == QLatin1String("nationality")) return tr("Nationality");
    if (key == QLatin1String("birth_date")) return tr("Date of birth");
    if (key == QLatin1String("sex")) return tr("Sex");
    if (key == QLatin1String("expiry_date")) return tr("Date of expiry");
    if (key == QLatin1String("optional_data")) return tr("Personal number");
    if (key == QLatin1String("optional_data_2")) return tr("Optional data");
    return key;
}

QString ConsoleText::verdictWord(VerdictKind v)
{
    switch (v) {
    case VerdictKind::Admit: return tr("ADMIT");
    case VerdictKind::Refer: return tr("REFER");
    case VerdictKind::Refuse: return tr("REFUSE");
    }
    return {};
}

QString ConsoleText::verdictMeaning(VerdictKind v)
{
    switch (v) {
    case VerdictKind::Admit: return tr("may cross");
    case VerdictKind::Refer: return tr("officer must decide");
    case VerdictKind::Refuse: return tr("entry not allowed");
    }
    return {};
}

QString ConsoleText::reasonTitle(ReasonCode code)
{
    // No default: -Wswitch (an error with KIOSK_WERROR) names a code that has no title.
    switch (code) {
    case ReasonCode::VisaFree: return tr("Visa-free nationality: may stay without a visa");
    case ReasonCode::VisaFreeDaysUsed: return tr("The visa-free days are used up");
    case ReasonCode::VisaValid: return tr("Holds a valid visa");
    case ReasonCode::VisaFeeWaiver: return tr("Visa fee waived for this nationality");
    case ReasonCode::VisaMissing: return tr("A visa is required and none was found");
    case ReasonCode::VisaExpired: return tr("The visa has expired");
    case ReasonCode::VisaEntriesUsed: return tr("The visa's entries are used up");
    case ReasonCode::PassportExpired: return tr("The passport has expired");
    case ReasonCode::StayLimitedByPassport: return tr("Stay shortened to the passport's expiry date");
    case ReasonCode::MrzCheckFailed: return tr("A check digit of the document failed");
    case ReasonCode::EntryBan: return tr("Entry ban on record");
    case ReasonCode::DocumentReportedStolen: return tr("Document reported lost or stolen: retain it");
    case ReasonCode::Wanted: return tr("Person is wanted");
    case ReasonCode::ProtectedPerson: return tr("Protected person: not to be deported");
    case ReasonCode::Overstay: return tr("Stayed longer than allowed");
    case ReasonCode::ExitRestriction: return tr("Citizen's exit is restricted");
    case ReasonCode::PreviousExitMissing: return tr("The previous exit was never recorded");
    case ReasonCode::EntryNotRecorded: return tr("No entry on record for this exit");
    case ReasonCode::ResidencePermitValid: return tr("Holds a valid residence permit");
    case ReasonCode::WorkPermitValid: return tr("Holds a valid work permit");
    case ReasonCode::PermitGracePeriod: return tr("Permit expired, within the grace period to leave");
    case ReasonCode::PermitExpired: return tr("The permit has expired");
    case ReasonCode::Citizen: return tr("Citizen: free to cross");
    case ReasonCode::Stateless: return tr("Stateless person: treated as a foreign national");
    case ReasonCode::Refugee: return tr("Refugee: travels under the refugee regime");
    case ReasonCode::Minor: return tr("Minor travelling");
    case ReasonCode::PolicyStale: return tr("The policy in force is out of date");
    case ReasonCode::WatchlistStale: return tr("The watchlists are out of date");
    case ReasonCode::HistoryTampered: return tr("Crossing records differ from the signed log");
    case ReasonCode::PossibleSamePerson: return tr("Possibly the same person as another record");
    }
    return reasonCodeToString(code);
}

QString ConsoleText::watchlistKind(WatchlistKind k)
{
    switch (k) {
    case WatchlistKind::EntryBan: return tr("Entry ban");
    case WatchlistKind::StolenDocument: return tr("Lost or stolen document");
    case WatchlistKind::Wanted: return tr("Wanted");
    case WatchlistKind::ProtectedPerson: return tr("Protected person");
    case WatchlistKind::ExitRestriction: return tr("Exit restriction");
    }
    return {};
}

QString ConsoleText::direction(Direction d)
{
    return d == Direction::Entry ? tr("Entry") : tr("Exit");
}

QString ConsoleText::sealState(Session::SealSignature s)
{
    switch (s) {
    case Session::SealSignature::NotChecked: return tr("signature not checked");
    case Session::SealSignature::Valid: return tr("signature valid");
    case Session::SealSignature::Invalid: return tr("signature INVALID");
    case Session::SealSignature::UnknownSigner: return tr("signer unknown: cannot verify");
    }
    return {};
}

QString ConsoleText::action(Session::OfficerAction a)
{
    switch (a) {
    case Session::OfficerAction::RecordEntry: return tr("Entry recorded");
    case Session::OfficerAction::RecordExit: return tr("Exit recorded");
    case Session::OfficerAction::Refer: return tr("Referred to secondary inspection");
    case Session::OfficerAction::Override: return tr("Recorded with override");
    }
    return {};
}

} // namespace Kiosk::Ui
