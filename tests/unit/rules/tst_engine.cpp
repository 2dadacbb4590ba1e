// The eligibility engine against the shipped policy: named scenario rows, each citing the
// paragraph of the source report (shared/seed, §N) or of domain-rules.md it exercises.
// Synthetic travellers only.
#include "app/rules/engine.h"
#include "app/rules/policy.h"

#include <QFile>
#include <QTest>

#include <vector>

using namespace Kiosk;
using namespace Kiosk::Rules;

namespace {

constexpr int kNull = -1; // the figure must be null
constexpr int kAny = -2;  // the figure is not checked by the row

struct Row
{
    const char *name;
    const char *direction;  // "entry" | "exit"
    const char *date;
    const char *nationality = "RUS";
    const char *history = ""; // "E2026-01-01 X2026-01-30 ..."
    const char *visa = "";    // "2026-02-01..2026-04-30/30/1": from..until/days/entries
    const char *permits = ""; // "tr:FROM..UNTIL pr:... w:..."
    const char *watch = "";   // "entry_ban stolen_document:otherstate entry_ban:variant ..."
    const char *expiry = "2031-12-31";
    const char *birth = "1985-06-15";
    bool digits = true;
    const char *status = "";  // "policy_age=400 watchlist_age=49 name_only"
    const char *policy = "per_entry"; // per_entry | rolling | entry_uncounted
    // expectations
    const char *verdict = "ADMIT";
    const char *reasons = ""; // space-separated codes, any order, exactly these
    const char *until = "";   // "" = null
    int allowed = kAny;
    int used = kAny;
    int remaining = kAny;
    int overstay = kAny;
};

QDate d(const char *iso)
{
    return QDate::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

// clang-format off
const std::vector<Row> &rows()
{
    static const std::vector<Row> r = {
        // ---- entry of visa-free nationals (§19, §21, §127; day counting domain-rules §2)
        {.name = "§21 RUS entry 1 March: may stay to 29 May (entry + 89)", .direction = "entry", .date = "2026-03-01",
         .reasons = "VISA_FREE", .until = "2026-05-29", .allowed = 90, .used = 1, .remaining = 89, .overstay = kNull},
        {.name = "§21 common year: entry 1 Feb 2026 lasts to 1 May", .direction = "entry", .date = "2026-02-01",
         .reasons = "VISA_FREE", .until = "2026-05-01", .allowed = 90},
        {.name = "§21 leap year: entry 1 Feb 2028 lasts to 30 Apr (29 Feb counts)", .direction = "entry", .date = "2028-02-01",
         .reasons = "VISA_FREE", .until = "2028-04-30", .allowed = 90},
        {.name = "§21 stay across New Year: entry 15 Dec 2026 to 14 Mar 2027", .direction = "entry", .date = "2026-12-15",
         .reasons = "VISA_FREE", .until = "2027-03-14"},
        {.name = "§21 GEO is visa-free", .direction = "entry", .date = "2026-03-01", .nationality = "GEO",
         .reasons = "VISA_FREE", .until = "2026-05-29"},
        {.name = "§21 UKR is visa-free", .direction = "entry", .date = "2026-03-01", .nationality = "UKR",
         .reasons = "VISA_FREE", .until = "2026-05-29"},
        {.name = "§21 MNG is visa-free", .direction = "entry", .date = "2026-03-01", .nationality = "MNG",
         .reasons = "VISA_FREE", .until = "2026-05-29"},
        {.name = "§21 visa-free national needs no visa even when one is presented", .direction = "entry", .date = "2026-03-01",
         .nationality = "KAZ", .visa = "2026-02-01..2026-03-10/5/1", .reasons = "VISA_FREE", .until = "2026-05-29"},
        {.name = "domain-rules §2: entry day not counted gives entry + 90", .direction = "entry", .date = "2026-03-01",
         .policy = "entry_uncounted", .reasons = "VISA_FREE", .until = "2026-05-30"},
        // ---- passport validity (§19; cap: domain-rules §2)
        {.name = "§19 expired passport: entry refused, no stay figures", .direction = "entry", .date = "2026-03-01",
         .expiry = "2026-02-28", .verdict = "REFUSE", .reasons = "PASSPORT_EXPIRED", .until = "", .allowed = kNull,
         .used = kNull, .remaining = kNull, .overstay = kNull},
        {.name = "§19 passport valid through its expiry date: entry on that day, stay of one day", .direction = "entry",
         .date = "2026-03-01", .expiry = "2026-03-01", .reasons = "VISA_FREE STAY_LIMITED_BY_PASSPORT", .until = "2026-03-01",
         .allowed = 1, .used = 1, .remaining = 0},
        {.name = "domain-rules §2: stay crossing passport expiry ends on the expiry date", .direction = "entry",
         .date = "2026-03-01", .expiry = "2026-04-15", .reasons = "VISA_FREE STAY_LIMITED_BY_PASSPORT",
         .until = "2026-04-15", .allowed = 46, .remaining = 45},
        {.name = "domain-rules §2: passport expiring the day after the 90th day does not shorten the stay",
         .direction = "entry", .date = "2026-03-01", .expiry = "2026-05-30", .reasons = "VISA_FREE", .until = "2026-05-29"},
        // ---- visa nationals (§19, §127)
        {.name = "§19 §127 USA without a visa: refused", .direction = "entry", .date = "2026-03-01", .nationality = "USA",
         .verdict = "REFUSE", .reasons = "VISA_MISSING", .until = "", .allowed = kNull},
        {.name = "§127 visa of 30 days: stay to entry + 29", .direction = "entry", .date = "2026-03-01", .nationality = "USA",
         .visa = "2026-02-01..2026-04-30/30/1", .reasons = "VISA_VALID", .until = "2026-03-30", .allowed = 30, .used = 1,
         .remaining = 29},
        {.name = "§127 visa valid_until before entry + days - 1 ends the stay", .direction = "entry", .date = "2026-04-20",
         .nationality = "USA", .visa = "2026-02-01..2026-04-30/30/1", .reasons = "VISA_VALID", .until = "2026-04-30",
         .allowed = 11},
        {.name = "§127 visa on its last valid day: one-day stay", .direction = "entry", .date = "2026-04-30",
         .nationality = "USA", .visa = "2026-02-01..2026-04-30/30/1", .reasons = "VISA_VALID", .until = "2026-04-30",
         .allowed = 1, .remaining = 0},
        {.name = "§19 visa expired the day before: refused", .direction = "entry", .date = "2026-05-01", .nationality = "USA",
         .visa = "2026-02-01..2026-04-30/30/1", .verdict = "REFUSE", .reasons = "VISA_EXPIRED"},
        {.name = "§19 visa not yet valid: refused", .direction = "entry", .date = "2026-01-31", .nationality = "USA",
         .visa = "2026-02-01..2026-04-30/30/1", .verdict = "REFUSE", .reasons = "VISA_EXPIRED"},
        {.name = "§19 single-entry visa already used: refused", .direction = "entry", .date = "2026-03-01",
         .nationality = "USA", .history = "E2026-02-10 X2026-02-20", .visa = "2026-02-01..2026-04-30/30/1",
         .verdict = "REFUSE", .reasons = "VISA_ENTRIES_USED"},
        {.name = "§19 double-entry visa: second entry admitted", .direction = "entry", .date = "2026-03-01",
         .nationality = "USA", .history = "E2026-02-10 X2026-02-20", .visa = "2026-02-01..2026-04-30/30/2",
         .reasons = "VISA_VALID", .until = "2026-03-30"},
        {.name = "§19 double-entry visa: third entry refused", .direction = "entry", .date = "2026-04-01",
         .nationality = "USA", .history = "E2026-02-10 X2026-02-20 E2026-03-01 X2026-03-05",
         .visa = "2026-02-01..2026-04-30/30/2", .verdict = "REFUSE", .reasons = "VISA_ENTRIES_USED"},
        {.name = "§19 multiple-entry visa (entries 0) never runs out", .direction = "entry", .date = "2026-04-01",
         .nationality = "USA", .history = "E2026-02-10 X2026-02-20 E2026-03-01 X2026-03-05",
         .visa = "2026-02-01..2026-04-30/30/0", .reasons = "VISA_VALID", .until = "2026-04-30"},
        {.name = "§19 an entry before the visa's validity does not use it", .direction = "entry", .date = "2026-03-01",
         .nationality = "USA", .history = "E2026-01-10 X2026-01-20", .visa = "2026-02-01..2026-04-30/30/1",
         .reasons = "VISA_VALID"},
        {.name = "§21 TUR fee waiver still needs a visa at the gate", .direction = "entry", .date = "2026-03-01",
         .nationality = "TUR", .verdict = "REFUSE", .reasons = "VISA_MISSING"},
        {.name = "§21 JPN with a visa: admitted, fee waiver shown", .direction = "entry", .date = "2026-03-01",
         .nationality = "JPN", .visa = "2026-02-20..2026-05-20/30/1", .reasons = "VISA_VALID VISA_FEE_WAIVER",
         .until = "2026-03-30"},
        {.name = "§21 PAK with a 15-day visa", .direction = "entry", .date = "2026-03-01", .nationality = "PAK",
         .visa = "2026-02-20..2026-05-20/15/1", .reasons = "VISA_VALID VISA_FEE_WAIVER", .until = "2026-03-15"},
        {.name = "§19 §161 stateless XXA without a visa: refused", .direction = "entry", .date = "2026-03-01",
         .nationality = "XXA", .verdict = "REFUSE", .reasons = "VISA_MISSING STATELESS"},
        {.name = "§136-139 refugee XXB with a visa: admitted", .direction = "entry", .date = "2026-03-01",
         .nationality = "XXB", .visa = "2026-02-01..2026-04-30/60/1", .reasons = "VISA_VALID REFUGEE", .until = "2026-04-29"},
        {.name = "§136-139 refugee XXC is a visa national", .direction = "entry", .date = "2026-03-01", .nationality = "XXC",
         .verdict = "REFUSE", .reasons = "VISA_MISSING REFUGEE"},
        // ---- visa-free exit and overstay (§147-148)
        {.name = "§21 exit on day 90: no overstay", .direction = "exit", .date = "2026-05-29", .history = "E2026-03-01",
         .reasons = "VISA_FREE", .until = "2026-05-29", .allowed = 90, .used = 90, .remaining = 0, .overstay = 0},
        {.name = "§147 exit on day 91: overstay of 1 day", .direction = "exit", .date = "2026-05-30", .history = "E2026-03-01",
         .verdict = "REFER", .reasons = "VISA_FREE OVERSTAY", .until = "2026-05-29", .used = 91, .remaining = 0, .overstay = 1},
        {.name = "§147 exit 11 days late", .direction = "exit", .date = "2026-06-09", .history = "E2026-03-01",
         .verdict = "REFER", .reasons = "VISA_FREE OVERSTAY", .overstay = 11},
        {.name = "§21 exit on the entry day: one day used", .direction = "exit", .date = "2026-03-01",
         .history = "E2026-02-20 X2026-02-25 E2026-03-01", .reasons = "VISA_FREE", .used = 1, .remaining = 89, .overstay = 0},
        {.name = "§21 leap year exit on day 90 (30 Apr 2028)", .direction = "exit", .date = "2028-04-30",
         .history = "E2028-02-01", .reasons = "VISA_FREE", .overstay = 0},
        {.name = "§21 common year exit 30 Apr 2026 after 1 Feb entry: within 90", .direction = "exit", .date = "2026-04-30",
         .history = "E2026-02-01", .reasons = "VISA_FREE", .remaining = 1, .overstay = 0},
        {.name = "domain-rules §6: exit with no entry on record is never an overstay", .direction = "exit",
         .date = "2026-09-01", .verdict = "REFER", .reasons = "ENTRY_NOT_RECORDED", .until = "", .used = kNull,
         .overstay = kNull},
        {.name = "domain-rules §6: last crossing an exit: this exit has no entry", .direction = "exit", .date = "2026-09-01",
         .history = "E2026-01-01 X2026-01-20", .verdict = "REFER", .reasons = "ENTRY_NOT_RECORDED", .overstay = kNull},
        {.name = "domain-rules §2 + §147: passport expiry caps the stay, overstay counted from it", .direction = "exit",
         .date = "2026-04-20", .history = "E2026-03-01", .expiry = "2026-04-15", .verdict = "REFER",
         .reasons = "VISA_FREE STAY_LIMITED_BY_PASSPORT PASSPORT_EXPIRED OVERSTAY", .until = "2026-04-15", .overstay = 5},
        {.name = "domain-rules §6: an entry with no exit before the next entry", .direction = "exit", .date = "2026-03-10",
         .history = "E2025-11-01 E2026-03-01", .verdict = "REFER", .reasons = "VISA_FREE PREVIOUS_EXIT_MISSING",
         .overstay = 0},
        {.name = "domain-rules §6: entering while the last entry has no exit", .direction = "entry", .date = "2026-03-01",
         .history = "E2026-01-01", .verdict = "REFER", .reasons = "VISA_FREE PREVIOUS_EXIT_MISSING", .until = "2026-05-29"},
        {.name = "check of a past date ignores later crossings", .direction = "entry", .date = "2026-03-01",
         .history = "E2026-04-01", .reasons = "VISA_FREE"},
        // ---- visa national exit
        {.name = "§127 visa national leaves on the last day of a 30-day visa stay", .direction = "exit", .date = "2026-03-30",
         .nationality = "USA", .history = "E2026-03-01", .visa = "2026-02-01..2026-04-30/30/1", .reasons = "VISA_VALID",
         .until = "2026-03-30", .overstay = 0},
        {.name = "§147 visa national one day past the visa stay", .direction = "exit", .date = "2026-03-31",
         .nationality = "USA", .history = "E2026-03-01", .visa = "2026-02-01..2026-04-30/30/1", .verdict = "REFER",
         .reasons = "VISA_VALID OVERSTAY", .overstay = 1},
        {.name = "§147 visa stay bounded by valid_until", .direction = "exit", .date = "2026-03-25", .nationality = "USA",
         .history = "E2026-03-01", .visa = "2026-02-01..2026-03-20/30/1", .verdict = "REFER",
         .reasons = "VISA_VALID OVERSTAY", .until = "2026-03-20", .overstay = 5},
        {.name = "§127 visa national leaving, no visa known: referred, no overstay computed", .direction = "exit",
         .date = "2026-03-25", .nationality = "USA", .history = "E2026-03-01", .verdict = "REFER", .reasons = "VISA_MISSING",
         .until = "", .overstay = kNull},
        // ---- permits (§44, §63, §128-132)
        {.name = "§44 temporary residence permit: entry without a visa", .direction = "entry", .date = "2026-03-01",
         .nationality = "USA", .permits = "tr:2025-06-01..2026-05-31", .reasons = "RESIDENCE_PERMIT_VALID",
         .until = "2026-05-31", .remaining = 91},
        {.name = "§44 §132 permanent residence: entry without a visa", .direction = "entry", .date = "2026-03-01",
         .nationality = "IND", .permits = "pr:2020-01-01..2030-01-01", .reasons = "RESIDENCE_PERMIT_VALID"},
        {.name = "§22 a work permit alone does not replace the visa", .direction = "entry", .date = "2026-03-01",
         .nationality = "USA", .permits = "w:2025-06-01..2026-05-31", .verdict = "REFUSE", .reasons = "VISA_MISSING"},
        {.name = "§44 residence permit expired: the visa regime applies again", .direction = "entry", .date = "2026-07-01",
         .nationality = "USA", .permits = "tr:2025-06-01..2026-05-31", .verdict = "REFUSE",
         .reasons = "PERMIT_EXPIRED VISA_MISSING"},
        {.name = "§44 expired permit of a visa-free national: 90 days again", .direction = "entry", .date = "2026-07-01",
         .permits = "tr:2025-06-01..2026-05-31", .reasons = "PERMIT_EXPIRED VISA_FREE", .until = "2026-09-28"},
        {.name = "§44 residence permit valid on exit", .direction = "exit", .date = "2026-05-01", .nationality = "USA",
         .history = "E2025-07-01", .permits = "tr:2025-06-01..2026-05-31", .reasons = "RESIDENCE_PERMIT_VALID",
         .until = "2026-05-31", .overstay = 0},
        {.name = "§63 exit on the last day of the 10-day grace period", .direction = "exit", .date = "2026-06-10",
         .nationality = "USA", .history = "E2025-07-01", .permits = "tr:2025-06-01..2026-05-31",
         .reasons = "PERMIT_GRACE_PERIOD", .until = "2026-06-10", .remaining = 0, .overstay = 0},
        {.name = "§63 §147 exit the day after the grace period: overstay 1", .direction = "exit", .date = "2026-06-11",
         .nationality = "USA", .history = "E2025-07-01", .permits = "tr:2025-06-01..2026-05-31", .verdict = "REFER",
         .reasons = "PERMIT_EXPIRED OVERSTAY", .until = "2026-06-10", .overstay = 1},
        {.name = "§63 work permit holder leaving within the grace period", .direction = "exit", .date = "2026-06-05",
         .nationality = "IND", .history = "E2025-07-01", .permits = "w:2025-06-01..2026-05-31 tr:2025-06-01..2026-06-10",
         .reasons = "RESIDENCE_PERMIT_VALID", .overstay = 0},
        {.name = "§63 visa-free stay outlasting an expired permit is no overstay", .direction = "exit", .date = "2026-07-15",
         .history = "E2026-05-01", .permits = "tr:2025-06-01..2026-05-31", .reasons = "VISA_FREE PERMIT_EXPIRED",
         .until = "2026-07-29", .overstay = 0},
        // ---- rolling window (domain-rules §2: N days in any M days)
        {.name = "domain-rules §2 rolling 90/180: two 30-day stays leave 30 days", .direction = "entry", .date = "2026-04-01",
         .history = "E2026-01-01 X2026-01-30 E2026-02-15 X2026-03-16", .policy = "rolling", .reasons = "VISA_FREE",
         .until = "2026-04-30", .allowed = 30, .remaining = 29},
        {.name = "domain-rules §2 rolling: several short stays", .direction = "entry", .date = "2026-05-01",
         .history = "E2026-01-05 X2026-01-14 E2026-02-01 X2026-02-10 E2026-03-01 X2026-03-10 E2026-04-01 X2026-04-10",
         .policy = "rolling", .reasons = "VISA_FREE", .until = "2026-06-19", .allowed = 50},
        {.name = "domain-rules §2 rolling: exit two days past the window's allowance", .direction = "exit",
         .date = "2026-05-02", .history = "E2026-01-01 X2026-01-30 E2026-02-15 X2026-03-16 E2026-04-01", .policy = "rolling",
         .verdict = "REFER", .reasons = "VISA_FREE OVERSTAY", .until = "2026-04-30", .overstay = 2},
        {.name = "domain-rules §2 rolling: 90 days used in the window: entry refused", .direction = "entry",
         .date = "2026-04-15", .history = "E2026-01-01 X2026-03-31", .policy = "rolling", .verdict = "REFUSE",
         .reasons = "VISA_FREE_DAYS_USED", .until = "", .allowed = 0, .used = 90, .remaining = 0},
        {.name = "domain-rules §2 rolling: a stay 200 days ago is outside the window", .direction = "entry",
         .date = "2026-09-01", .history = "E2026-01-01 X2026-02-10", .policy = "rolling", .reasons = "VISA_FREE",
         .until = "2026-11-29"},
        {.name = "domain-rules §2 per_entry ignores earlier stays", .direction = "entry", .date = "2026-04-01",
         .history = "E2026-01-01 X2026-01-30 E2026-02-15 X2026-03-16", .reasons = "VISA_FREE", .until = "2026-06-29"},
        // ---- citizens (§225-236)
        {.name = "§225 citizen entry", .direction = "entry", .date = "2026-03-01", .nationality = "AZE", .reasons = "CITIZEN",
         .until = "", .allowed = kNull, .used = kNull, .remaining = kNull, .overstay = kNull},
        {.name = "§225 citizen exit", .direction = "exit", .date = "2026-03-01", .nationality = "AZE", .reasons = "CITIZEN",
         .overstay = kNull},
        {.name = "§236 citizen on the exit-restriction register: referred", .direction = "exit", .date = "2026-03-01",
         .nationality = "AZE", .watch = "exit_restriction", .verdict = "REFER", .reasons = "CITIZEN EXIT_RESTRICTION"},
        {.name = "§236 exit restriction does not apply on entry", .direction = "entry", .date = "2026-03-01",
         .nationality = "AZE", .watch = "exit_restriction", .reasons = "CITIZEN"},
        {.name = "§225 citizen with an expired passport coming home: referred, not refused", .direction = "entry",
         .date = "2026-03-01", .nationality = "AZE", .expiry = "2025-12-31", .verdict = "REFER",
         .reasons = "CITIZEN PASSPORT_EXPIRED"},
        // ---- watchlists (§51, §130, §169-170, §183-185)
        {.name = "§51 entry ban: refused", .direction = "entry", .date = "2026-03-01", .watch = "entry_ban",
         .verdict = "REFUSE", .reasons = "ENTRY_BAN VISA_FREE", .until = "", .allowed = kNull, .used = kNull,
         .remaining = kNull, .overstay = kNull},
        {.name = "§51 entry ban listed under a transliteration variant", .direction = "entry", .date = "2026-03-01",
         .watch = "entry_ban:variant", .verdict = "REFUSE", .reasons = "ENTRY_BAN VISA_FREE", .until = "",
         .allowed = kNull},
        {.name = "§51 entry ban of a namesake with another birth date does not match", .direction = "entry",
         .date = "2026-03-01", .watch = "entry_ban:otherdob", .reasons = "VISA_FREE"},
        {.name = "§51 entry ban of another nationality does not match", .direction = "entry", .date = "2026-03-01",
         .watch = "entry_ban:othernat", .reasons = "VISA_FREE"},
        {.name = "§51 an entry ban does not stop the person leaving", .direction = "exit", .date = "2026-03-10",
         .history = "E2026-03-01", .watch = "entry_ban", .reasons = "VISA_FREE"},
        {.name = "§169-170 stolen document: referred", .direction = "entry", .date = "2026-03-01",
         .watch = "stolen_document", .verdict = "REFER", .reasons = "DOCUMENT_REPORTED_STOLEN VISA_FREE"},
        {.name = "§169-170 same number from another issuing state does not match", .direction = "entry",
         .date = "2026-03-01", .watch = "stolen_document:otherstate", .reasons = "VISA_FREE"},
        {.name = "domain-rules §5 wanted person: referred on exit", .direction = "exit", .date = "2026-03-10",
         .history = "E2026-03-01", .watch = "wanted", .verdict = "REFER", .reasons = "WANTED VISA_FREE"},
        {.name = "§183-185 protected person overstaying: referred, never refused", .direction = "exit",
         .date = "2026-06-15", .history = "E2026-03-01", .watch = "protected_person", .verdict = "REFER",
         .reasons = "PROTECTED_PERSON VISA_FREE OVERSTAY", .overstay = 17},
        {.name = "§51 §19 several reasons: ban, expired passport, failed check digit all listed", .direction = "entry",
         .date = "2026-03-01", .watch = "entry_ban", .expiry = "2026-01-31", .digits = false, .verdict = "REFUSE",
         .reasons = "MRZ_CHECK_FAILED PASSPORT_EXPIRED ENTRY_BAN"},
        // ---- document checks, minors, status (domain-rules §6)
        {.name = "domain-rules §6 failing MRZ check digit: referred", .direction = "entry", .date = "2026-03-01",
         .digits = false, .verdict = "REFER", .reasons = "MRZ_CHECK_FAILED VISA_FREE"},
        {.name = "domain-rules §6 minor (17): referred", .direction = "entry", .date = "2026-03-01", .birth = "2008-03-02",
         .verdict = "REFER", .reasons = "MINOR VISA_FREE"},
        {.name = "domain-rules §6 eighteenth birthday today: not a minor", .direction = "entry", .date = "2026-03-01",
         .birth = "2008-03-01", .reasons = "VISA_FREE"},
        {.name = "domain-rules §6 born 29 Feb: adult from 1 Mar in a common year", .direction = "entry",
         .date = "2026-03-01", .birth = "2008-02-29", .reasons = "VISA_FREE"},
        {.name = "domain-rules §6 born 29 Feb: still a minor on 28 Feb", .direction = "entry", .date = "2026-02-28",
         .birth = "2008-02-29", .verdict = "REFER", .reasons = "MINOR VISA_FREE"},
        {.name = "domain-rules §6 stale policy copy: referred", .direction = "entry", .date = "2026-03-01",
         .status = "policy_age=366", .verdict = "REFER", .reasons = "POLICY_STALE VISA_FREE"},
        {.name = "domain-rules §6 policy exactly at its age limit is not stale", .direction = "entry", .date = "2026-03-01",
         .status = "policy_age=365", .reasons = "VISA_FREE"},
        {.name = "domain-rules §5 watchlists 49 hours old: stale", .direction = "entry", .date = "2026-03-01",
         .status = "watchlist_age=49", .verdict = "REFER", .reasons = "WATCHLIST_STALE VISA_FREE"},
        {.name = "domain-rules §5 watchlists 48 hours old: fresh", .direction = "entry", .date = "2026-03-01",
         .status = "watchlist_age=48", .reasons = "VISA_FREE"},
        {.name = "domain-rules §5 no watchlist ever synchronised: stale, never a clean check", .direction = "entry",
         .date = "2026-03-01", .status = "watchlist_never", .verdict = "REFER", .reasons = "WATCHLIST_STALE VISA_FREE"},
        {.name = "issue §3 history joined by name only: possible same person", .direction = "exit", .date = "2026-03-10",
         .history = "E2026-03-01", .status = "name_only", .verdict = "REFER", .reasons = "POSSIBLE_SAME_PERSON VISA_FREE"},
    };
    return r;
}
// clang-format on

TravelDocument documentFor(const Row &row)
{
    TravelDocument doc;
    doc.documentCode = QStringLiteral("P");
    doc.kind = DocumentKind::Passport;
    doc.nationality = *CountryCode::fromString(QString::fromLatin1(row.nationality));
    doc.issuingState = doc.nationality;
    doc.documentNumber = QStringLiteral("C01X00T47");
    doc.surname = QStringLiteral("KHALILOV");
    doc.givenNames = QStringLiteral("RASHAD");
    doc.birthDate = d(row.birth);
    doc.expiryDate = d(row.expiry);
    doc.checkDigitsValid = row.digits;
    return doc;
}

QList<Crossing> historyFor(const Row &row)
{
    QList<Crossing> out;
    for (const QString &item : QString::fromLatin1(row.history).split(u' ', Qt::SkipEmptyParts)) {
        const Direction dir = item.front() == u'E' ? Direction::Entry : Direction::Exit;
        out.append(Crossing{dir, QDate::fromString(item.mid(1), Qt::ISODate), QStringLiteral("GYD")});
    }
    return out;
}

std::pair<QDate, QDate> period(const QString &text)
{
    const QStringList parts = text.split(QStringLiteral(".."));
    return {QDate::fromString(parts.value(0), Qt::ISODate), QDate::fromString(parts.value(1), Qt::ISODate)};
}

QList<Permit> permitsFor(const Row &row)
{
    QList<Permit> out;
    for (const QString &item : QString::fromLatin1(row.permits).split(u' ', Qt::SkipEmptyParts)) {
        const QString kind = item.section(u':', 0, 0);
        const auto [from, until] = period(item.section(u':', 1));
        const PermitKind k = kind == u"tr" ? PermitKind::TemporaryResidence
                           : kind == u"pr" ? PermitKind::PermanentResidence
                                           : PermitKind::Work;
        out.append(Permit{k, from, until, QStringLiteral("P-1")});
    }
    return out;
}

QList<WatchlistEntry> watchlistFor(const Row &row, const TravelDocument &doc)
{
    QList<WatchlistEntry> out;
    int n = 0;
    for (const QString &item : QString::fromLatin1(row.watch).split(u' ', Qt::SkipEmptyParts)) {
        const QString kind = item.section(u':', 0, 0);
        const QString variant = item.section(u':', 1);
        WatchlistEntry e;
        e.kind = *watchlistKindFromString(kind);
        e.id = QStringLiteral("WL-%1").arg(++n);
        if (e.kind == WatchlistKind::StolenDocument) {
            e.issuingState = variant == u"otherstate" ? *CountryCode::fromString(u"KAZ") : doc.issuingState;
            e.documentNumber = QStringLiteral("C01X00T47");
        } else {
            // The list spells the name another way: Cyrillic-era "Halilov", the MRZ "KHALILOV".
            e.surname = variant == u"variant" ? QStringLiteral("Xəlilov") : doc.surname;
            e.givenNames = doc.givenNames;
            e.birthDate = variant == u"otherdob" ? doc.birthDate->addDays(1) : *doc.birthDate;
            e.nationality = variant == u"othernat" ? *CountryCode::fromString(u"UZB") : doc.nationality;
        }
        out.append(e);
    }
    return out;
}

StatusInputs statusFor(const Row &row)
{
    StatusInputs s;
    for (const QString &item : QString::fromLatin1(row.status).split(u' ', Qt::SkipEmptyParts)) {
        if (item.startsWith(u"policy_age="))
            s.policyAgeDays = item.section(u'=', 1).toInt();
        else if (item.startsWith(u"watchlist_age="))
            s.watchlistAgeHours = item.section(u'=', 1).toInt();
        else if (item == u"watchlist_never")
            s.watchlistNeverSynchronised = true;
        else if (item == u"name_only")
            s.historyJoinedByNameOnly = true;
    }
    return s;
}

std::optional<Visa> visaFor(const Row &row)
{
    const QString text = QString::fromLatin1(row.visa);
    if (text.isEmpty())
        return std::nullopt;
    const QStringList parts = text.split(u'/');
    const auto [from, until] = period(parts.value(0));
    return Visa{from, until, parts.value(1).toInt(), parts.value(2).toInt(), QString(), QStringLiteral("scenario")};
}

void compareFigure(const char *what, const std::optional<qint64> &actual, int expected)
{
    if (expected == kAny)
        return;
    if (expected == kNull) {
        QVERIFY2(!actual.has_value(), qPrintable(QStringLiteral("%1 should be null, is %2").arg(QLatin1StringView(what)).arg(actual.value_or(0))));
        return;
    }
    QVERIFY2(actual.has_value(), qPrintable(QStringLiteral("%1 is null").arg(QLatin1StringView(what))));
    QCOMPARE(*actual, qint64(expected));
}

} // namespace

class TestEngine : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void scenarios_data();
    void scenarios();
    void rowsAreEnough();
    void strongestVerdictWinsAndAllReasonsListed();
    void watchlistHitsCarryIdsOnly();

private:
    PolicyVersion policyFor(const QString &variant) const;
    PolicySet m_shipped;
};

void TestEngine::initTestCase()
{
    QFile f(QStringLiteral(KIOSK_SOURCE_DIR "/resources/policy/policy.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    auto set = PolicySet::fromJson(f.readAll());
    QVERIFY2(set.has_value(), qPrintable(set ? QString() : set.error().message));
    m_shipped = *set;
}

PolicyVersion TestEngine::policyFor(const QString &variant) const
{
    PolicyVersion p = *m_shipped.inForce(QDate(2026, 1, 1));
    if (variant == u"rolling") {
        p.stayRule.kind = StayRuleKind::Rolling;
        p.stayRule.windowDays = 180;
    } else if (variant == u"entry_uncounted") {
        p.dayCounting.entryDayCounts = false;
    }
    return p;
}

void TestEngine::scenarios_data()
{
    QTest::addColumn<int>("index");
    for (size_t i = 0; i < rows().size(); ++i)
        QTest::newRow(rows()[i].name) << static_cast<int>(i);
}

void TestEngine::scenarios()
{
    QFETCH(int, index);
    const Row &row = rows()[static_cast<size_t>(index)];
    CheckInputs in;
    in.document = documentFor(row);
    in.direction = *directionFromString(QString::fromLatin1(row.direction));
    in.date = d(row.date);
    in.history = historyFor(row);
    in.permits = permitsFor(row);
    in.visa = visaFor(row);
    in.watchlist = watchlistFor(row, in.document);
    in.status = statusFor(row);
    QVERIFY(in.date.isValid());

    const Verdict v = evaluate(in, policyFor(QLatin1StringView(row.policy)));

    QStringList expected = QString::fromLatin1(row.reasons).split(u' ', Qt::SkipEmptyParts);
    QStringList actual = v.codes();
    expected.sort();
    actual.sort();
    QCOMPARE(actual, expected);
    QCOMPARE(verdictToString(v.kind), QLatin1StringView(row.verdict));
    // Every reason cites a paragraph in its sentence.
    for (const Reason &r : v.reasons) {
        QVERIFY2(!r.source.isEmpty() && r.explanation.contains(u'§'), qPrintable(reasonCodeToString(r.code)));
        QVERIFY2(r.explanation.endsWith(u'.'), qPrintable(reasonCodeToString(r.code)));
    }
    const QString until = QString::fromLatin1(row.until);
    if (!until.isEmpty() || row.allowed == kNull) {
        QCOMPARE(v.figures.allowedUntil.has_value(), !until.isEmpty());
        if (!until.isEmpty())
            QCOMPARE(v.figures.allowedUntil->toString(Qt::ISODate), until);
    }
    compareFigure("days_allowed", v.figures.daysAllowed, row.allowed);
    compareFigure("days_used", v.figures.daysUsed, row.used);
    compareFigure("days_remaining", v.figures.daysRemaining, row.remaining);
    compareFigure("overstay_days", v.figures.overstayDays, row.overstay);
}

// At least 50 named scenario rows.
void TestEngine::rowsAreEnough()
{
    QVERIFY(rows().size() >= 50);
}

void TestEngine::strongestVerdictWinsAndAllReasonsListed()
{
    CheckInputs in;
    in.document.nationality = *CountryCode::fromString(u"USA");
    in.document.checkDigitsValid = false;
    in.document.birthDate = QDate(2015, 1, 1);
    in.direction = Direction::Entry;
    in.date = QDate(2026, 3, 1);
    const Verdict v = evaluate(in, policyFor(QStringLiteral("per_entry")));
    QCOMPARE(v.kind, VerdictKind::Refuse); // VISA_MISSING beats MRZ_CHECK_FAILED and MINOR
    QVERIFY(v.has(u"VISA_MISSING"));
    QVERIFY(v.has(u"MRZ_CHECK_FAILED"));
    QVERIFY(v.has(u"MINOR"));
    for (const Reason &r : v.reasons)
        QVERIFY(r.effect <= v.kind);
}

void TestEngine::watchlistHitsCarryIdsOnly()
{
    CheckInputs in;
    in.document.nationality = *CountryCode::fromString(u"RUS");
    in.document.issuingState = in.document.nationality;
    in.document.documentNumber = QStringLiteral("C01X00T47");
    in.document.surname = QStringLiteral("KHALILOV");
    in.document.givenNames = QStringLiteral("RASHAD");
    in.document.birthDate = QDate(1985, 6, 15);
    in.document.checkDigitsValid = true;
    in.direction = Direction::Entry;
    in.date = QDate(2026, 3, 1);
    WatchlistEntry match;
    match.kind = WatchlistKind::Wanted;
    match.id = QStringLiteral("W-7");
    match.surname = QStringLiteral("Халилов"); // Cyrillic record
    match.givenNames = QStringLiteral("Рашад");
    match.birthDate = QDate(1985, 6, 15);
    WatchlistEntry other = match;
    other.id = QStringLiteral("W-8");
    other.surname = QStringLiteral("PETROV");
    in.watchlist = {match, other};
    const Verdict v = evaluate(in, policyFor(QStringLiteral("per_entry")));
    QCOMPARE(v.watchlistHits, QList<QString>{QStringLiteral("W-7")});
    QVERIFY(v.has(u"WANTED"));
    for (const Reason &r : v.reasons)
        QVERIFY(!r.explanation.contains(QStringLiteral("KHALILOV"))); // no names in the sentences
}

QTEST_APPLESS_MAIN(TestEngine)
#include "tst_engine.moc"
