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

QString ConsoleText::reasonTitle(const Reason &r)
{
    const QString &c = r.code;
    if (c == QLatin1String("VISA_FREE")) return tr("Visa-free nationality: may stay without a visa");
    if (c == QLatin1String("VISA_VALID")) return tr("Holds a valid visa");
    if (c == QLatin1String("VISA_MISSING")) return tr("A visa is required and none was found");
    if (c == QLatin1String("VISA_EXPIRED")) return tr("The visa has expired");
    if (c == QLatin1String("VISA_ENTRIES_USED")) return tr("The visa's entries are used up");
    if (c == QLatin1String("PASSPORT_EXPIRED")) return tr("The passport has expired");
    if (c == QLatin1String("MRZ_CHECK_FAILED")) return tr("A check digit of the document failed");
    if (c == QLatin1String("ENTRY_BAN")) return tr("Entry ban on record");
    if (c == QLatin1String("DOCUMENT_REPORTED_STOLEN")) return tr("Document reported lost or stolen: retain it");
    if (c == QLatin1String("WANTED")) return tr("Person is wanted");
    if (c == QLatin1String("PROTECTED_PERSON")) return tr("Protected person: not to be deported");
    if (c == QLatin1String("OVERSTAY")) return tr("Stayed longer than allowed");
    if (c == QLatin1String("EXIT_RESTRICTION")) return tr("Citizen's exit is restricted");
    if (c == QLatin1String("PREVIOUS_EXIT_MISSING")) return tr("The previous exit was never recorded");
    if (c == QLatin1String("ENTRY_NOT_RECORDED")) return tr("No entry on record for this exit");
    if (c == QLatin1String("RESIDENCE_PERMIT_VALID")) return tr("Holds a valid residence permit");
    if (c == QLatin1String("PERMIT_GRACE_PERIOD")) return tr("Permit expired, within the grace period to leave");
    if (c == QLatin1String("PERMIT_EXPIRED")) return tr("The permit has expired");
    if (c == QLatin1String("CITIZEN")) return tr("Citizen: free to cross");
    if (c == QLatin1String("MINOR")) return tr("Minor travelling");
    if (c == QLatin1String("POLICY_STALE")) return tr("The policy in force is out of date");
    if (c == QLatin1String("WATCHLIST_STALE")) return tr("The watchlists are out of date");
    if (c == QLatin1String("HISTORY_TAMPERED")) return tr("Crossing records differ from the signed log");
    if (c == QLatin1String("POSSIBLE_SAME_PERSON")) return tr("Possibly the same person as another record");
    return r.rule.isEmpty() ? c : r.rule;
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
