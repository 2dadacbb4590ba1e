// kioskctl check: one eligibility check, printed as one JSON object.
//
//   kioskctl check --scenario FILE          a self-contained scenario, no database
//   kioskctl check --mrz FILE --direction entry|exit --date D --db PATH
//                                           the same against a store (app/store)
//
// A scenario's visa, history, permit and watchlist rows are typed and checked by the importer's
// row validation (app/store/importrow.h), so a row means in a scenario what it means in an
// import file. Both forms build Rules::CheckInputs and end in evaluateAndPrint(): the --db form only
// differs in where history, permits, visa and watchlist candidates come from
// (loadInputsFromStore below).
#include "app/kioskctl/cli.h"
#include "app/session/storeinputs.h"
#include "app/core/wholenumber.h"
#include "app/kioskctl/cmd_policy.h"
#include "app/kioskctl/command.h"
#include "app/rules/engine.h"
#include "app/rules/verdictjson.h"
#include "app/store/checkrecords.h"
#include "app/store/database.h"
#include "app/store/importrow.h"
#include "scanner/mrz/mrzparser.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

namespace Kiosk::Ctl {

namespace {

const char kHelp[] =
    "Evaluate one border check and print one JSON object: verdict (ADMIT | REFER | REFUSE), reasons\n"
    "(codes), allowed_until, days_allowed, days_used, days_remaining, overstay_days (null where they do\n"
    "not apply), explanation (one English sentence per reason, citing its paragraph) and policy_version.\n"
    "\n"
    "  kioskctl check --scenario FILE\n"
    "  kioskctl check --mrz FILE --direction entry|exit --date YYYY-MM-DD --db PATH\n"
    "\n"
    "A scenario is a JSON object: date, direction, mrz (list of lines), and optionally visa, history,\n"
    "permits, watchlist, policy (path of a signed policy, relative to the scenario; default the shipped\n"
    "policy) and status {policy_age_days, watchlist_age_hours, history_joined_by_name_only}.\n"
    "The visa, history, permits and watchlist rows are checked as `kioskctl import` checks a row of\n"
    "visas, crossings, permits or watchlist, without the person columns (the rows are the document's);\n"
    "a watchlist row may go without an id, and an exit_restriction counts only while valid on the date.\n"
    "The policy loads only if POLICY.sig verifies against the trust anchor (--trust).\n"
    "\n"
    "Exit status: 0 the check was evaluated (whatever the verdict: read \"verdict\");\n"
    "             1 no trusted policy: signature invalid, policy unreadable or none in force on the date;\n"
    "             2 usage error, or a scenario/MRZ that cannot be read (the message names the field).";

// A problem with the input, naming the field ("scenario.history[2].date").
struct InputError
{
    QString field;
    QString message;
};

// Reads the fields of a scenario object; every getter names its field in errors.
class ScenarioFields
{
public:
    ScenarioFields(QJsonObject object, QString path) : m_object(std::move(object)), m_path(std::move(path)) {}

    [[nodiscard]] QString path(const QString &key) const { return m_path + u'.' + key; }
    [[nodiscard]] bool present(const QString &key) const
    {
        const QJsonValue v = m_object.value(key);
        return !v.isUndefined() && !v.isNull();
    }
    [[nodiscard]] QJsonValue value(const QString &key) const { return m_object.value(key); }

    std::expected<QString, InputError> string(const QString &key, bool required) const
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                return std::unexpected(InputError{path(key), QStringLiteral("is missing")});
            return QString();
        }
        if (!v.isString())
            return std::unexpected(InputError{path(key), QStringLiteral("must be a string")});
        return v.toString();
    }

    std::expected<QDate, InputError> date(const QString &key) const
    {
        auto s = string(key, true);
        if (!s)
            return std::unexpected(s.error());
        const QDate d = QDate::fromString(*s, Qt::ISODate);
        if (!d.isValid() || s->size() != 10)
            return std::unexpected(InputError{path(key), QStringLiteral("must be a date YYYY-MM-DD, got '%1'").arg(*s)});
        return d;
    }

    std::expected<int, InputError> count(const QString &key, int fallback) const
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull())
            return fallback;
        const auto n = v.isDouble() ? wholeNumber(v.toDouble(), 0, 100000) : std::nullopt;
        if (!n)
            return std::unexpected(InputError{path(key), QStringLiteral("must be a whole number from 0 to 100000")});
        return static_cast<int>(*n);
    }

    [[nodiscard]] QStringList keys() const { return m_object.keys(); }

private:
    QJsonObject m_object;
    QString m_path;
};

#define CHECK_TRY(var, expr)                                                                       \
    auto var##_r = (expr);                                                                         \
    if (!var##_r)                                                                                  \
        return std::unexpected(var##_r.error());                                                   \
    auto var = std::move(*var##_r)

// MRZ text -> the travel document. A structure that is not an MRZ is an input error; an MRZ
// whose check digits fail is not: it is evaluated and gives MRZ_CHECK_FAILED.
std::expected<TravelDocument, InputError> documentFromMrz(const QString &text, const QDate &date, const QString &field)
{
    const Mrz::MrzResult mrz = Mrz::parse(text, Mrz::ParseOptions{date, false});
    if (!mrz.format) {
        const QString why = mrz.errors.isEmpty() ? QStringLiteral("not an MRZ")
                                                 : mrz.errors.front().message + QStringLiteral(" (") + mrz.errors.front().code + u')';
        return std::unexpected(InputError{field, QStringLiteral("cannot be read as an MRZ: %1").arg(why)});
    }
    if (*mrz.format == Mrz::Format::MRVA || *mrz.format == Mrz::Format::MRVB)
        return std::unexpected(InputError{field, QStringLiteral("is a visa (%1), not a travel document; give the visa under \"visa\"")
                                                     .arg(Mrz::formatName(*mrz.format))});
    return mrz.toTravelDocument();
}

// mrz: a list of lines (the form) or one string with newlines.
std::expected<QString, InputError> mrzText(const ScenarioFields &root)
{
    const QString field = root.path(QStringLiteral("mrz"));
    const QJsonValue mrz = root.value(QStringLiteral("mrz"));
    if (mrz.isString())
        return mrz.toString();
    if (!mrz.isArray())
        return std::unexpected(InputError{field, mrz.isUndefined() ? QStringLiteral("is missing") : QStringLiteral("must be a list of MRZ lines")});
    QStringList lines;
    for (const QJsonValue &line : mrz.toArray()) {
        if (!line.isString())
            return std::unexpected(InputError{field, QStringLiteral("must be a list of strings")});
        lines.append(line.toString());
    }
    return lines.join(u'\n');
}

// One visa, history, permit or watchlist row, checked by the importer's rules for a row of that
// kind (app/store/importrow.h) without the person columns: the rows are the scanned
// traveller's. The first problem is the error, naming the field ("scenario.history[1].date").
std::expected<Store::ImportRow, InputError> scenarioRow(Store::ImportKind kind, const QJsonValue &value, const QString &path, int index)
{
    Store::ImportRecord record =
        Store::importRecordFromJson(0, index, value, Store::importColumns(kind, Store::PersonColumns::None));
    // A scenario's watchlist entry may go without the list's own id.
    if (kind == Store::ImportKind::Watchlist && value.isObject() && record.fields.value(QStringLiteral("id")).isEmpty())
        record.fields.insert(QStringLiteral("id"), QStringLiteral("scenario-%1").arg(index));
    auto row = Store::validateImportRow(kind, record, Store::PersonColumns::None);
    if (!row) {
        const Store::ImportRowError &e = row.error().constFirst();
        return std::unexpected(InputError{e.field.isEmpty() ? path : path + u'.' + e.field, e.message});
    }
    return std::move(*row);
}

// The rows under `key`: absent or null is none; otherwise a list of row objects.
std::expected<QList<Store::ImportRow>, InputError> scenarioRows(const ScenarioFields &root, const QString &key, Store::ImportKind kind)
{
    const QJsonValue v = root.value(key);
    QList<Store::ImportRow> rows;
    if (v.isUndefined() || v.isNull())
        return rows;
    if (!v.isArray())
        return std::unexpected(InputError{root.path(key), QStringLiteral("must be a list or null")});
    const QJsonArray list = v.toArray();
    for (int i = 0; i < list.size(); ++i) {
        CHECK_TRY(row, scenarioRow(kind, list.at(i), QStringLiteral("%1[%2]").arg(root.path(key)).arg(i), i));
        rows.append(std::move(row));
    }
    return rows;
}

// visa (one object or null), history, permits and watchlist. An exit restriction counts while
// in force on the check's date, as the store returns it (app/store/watchlistrepository.h).
std::expected<void, InputError> readRecords(const ScenarioFields &root, Rules::CheckInputs &in)
{
    if (root.present(QStringLiteral("visa"))) {
        CHECK_TRY(visa, scenarioRow(Store::ImportKind::Visas, root.value(QStringLiteral("visa")), root.path(QStringLiteral("visa")), 0));
        in.visa = visa.visa;
        in.visa->source = QStringLiteral("scenario");
    }
    CHECK_TRY(history, scenarioRows(root, QStringLiteral("history"), Store::ImportKind::Crossings));
    for (const Store::ImportRow &row : history)
        in.history.append(row.crossing);
    CHECK_TRY(permits, scenarioRows(root, QStringLiteral("permits"), Store::ImportKind::Permits));
    for (const Store::ImportRow &row : permits)
        in.permits.append(row.permit);
    CHECK_TRY(watchlist, scenarioRows(root, QStringLiteral("watchlist"), Store::ImportKind::Watchlist));
    for (const Store::ImportRow &row : watchlist) {
        const bool inForce = (!row.validity.from || *row.validity.from <= in.date) && (!row.validity.until || in.date <= *row.validity.until);
        if (inForce)
            in.watchlist.append(row.entry);
    }
    return {};
}

std::expected<void, InputError> readStatus(const ScenarioFields &root, Rules::StatusInputs &status)
{
    if (!root.present(QStringLiteral("status")))
        return {};
    if (!root.value(QStringLiteral("status")).isObject())
        return std::unexpected(InputError{root.path(QStringLiteral("status")), QStringLiteral("must be an object or null")});
    const ScenarioFields st(root.value(QStringLiteral("status")).toObject(), root.path(QStringLiteral("status")));
    if (st.present(QStringLiteral("policy_age_days"))) {
        CHECK_TRY(age, st.count(QStringLiteral("policy_age_days"), 0));
        status.policyAgeDays = age;
    }
    if (st.present(QStringLiteral("watchlist_age_hours"))) {
        CHECK_TRY(age, st.count(QStringLiteral("watchlist_age_hours"), 0));
        status.watchlistAgeHours = age;
    }
    const QJsonValue nameOnly = st.value(QStringLiteral("history_joined_by_name_only"));
    if (!nameOnly.isUndefined() && !nameOnly.isNull() && !nameOnly.isBool())
        return std::unexpected(InputError{st.path(QStringLiteral("history_joined_by_name_only")), QStringLiteral("must be true or false")});
    status.historyJoinedByNameOnly = nameOnly.toBool(false);
    return {};
}

// Keys nobody reads are reported, not fatal: a scenario may carry a name or a comment.
void warnUnknownKeys(const ScenarioFields &root)
{
    static const QSet<QString> known{QStringLiteral("date"), QStringLiteral("direction"), QStringLiteral("mrz"),
                                     QStringLiteral("visa"), QStringLiteral("history"), QStringLiteral("permits"),
                                     QStringLiteral("watchlist"), QStringLiteral("policy"), QStringLiteral("status"),
                                     QStringLiteral("name"), QStringLiteral("comment"), QStringLiteral("expected")};
    for (const QString &key : root.keys()) {
        if (!known.contains(key))
            printError(QStringLiteral("check: warning: %1 is not a scenario field; ignored").arg(root.path(key)));
    }
}

struct Scenario
{
    Rules::CheckInputs inputs;
    QString policyPath; // empty: the shipped policy
};

std::expected<Scenario, InputError> readScenario(const QByteArray &bytes, const QString &scenarioPath)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return std::unexpected(InputError{QStringLiteral("scenario"), QStringLiteral("is not JSON: %1 at offset %2")
                                                                          .arg(parseError.errorString()).arg(parseError.offset)});
    if (!doc.isObject())
        return std::unexpected(InputError{QStringLiteral("scenario"), QStringLiteral("must be a JSON object")});
    const ScenarioFields root(doc.object(), QStringLiteral("scenario"));
    Scenario s;
    Rules::CheckInputs &in = s.inputs;

    CHECK_TRY(date, root.date(QStringLiteral("date")));
    in.date = date;
    CHECK_TRY(direction, root.string(QStringLiteral("direction"), true));
    const auto dir = directionFromString(direction);
    if (!dir)
        return std::unexpected(InputError{root.path(QStringLiteral("direction")), QStringLiteral("must be entry or exit, got '%1'").arg(direction)});
    in.direction = *dir;
    CHECK_TRY(mrz, mrzText(root));
    CHECK_TRY(document, documentFromMrz(mrz, in.date, root.path(QStringLiteral("mrz"))));
    in.document = document;
    if (auto read = readRecords(root, in); !read)
        return std::unexpected(read.error());
    if (auto read = readStatus(root, in.status); !read)
        return std::unexpected(read.error());

    CHECK_TRY(policy, root.string(QStringLiteral("policy"), false));
    if (!policy.isEmpty())
        s.policyPath = QFileInfo(policy).isAbsolute() ? policy : QFileInfo(scenarioPath).dir().filePath(policy);
    warnUnknownKeys(root);
    return s;
}

// Loads the trusted policy and evaluates; prints the verdict. The one exit for both forms.
int evaluateAndPrint(const Rules::CheckInputs &inputs, const QString &policyPath, const QString &trustPath, bool pretty)
{
    auto policies = loadToolPolicy(policyPath, trustPath);
    if (!policies) {
        printError(QStringLiteral("check: policy refused: %1 (%2)").arg(policies.error().message, policies.error().code));
        return ExitNegative;
    }
    auto verdict = Rules::evaluate(inputs, policies->set);
    if (!verdict) {
        printError(QStringLiteral("check: %1 (%2)").arg(verdict.error().message, verdict.error().code));
        return ExitNegative;
    }
    const QJsonObject json = Rules::verdictToJson(*verdict);
    if (pretty)
        printJsonPretty(json);
    else
        printJsonLine(json);
    return ExitOk;
}

// The --db form: history, permits, visa, watchlist candidates and the status inputs come
// from the store. Filled in by app/store's part of this command.
std::expected<void, InputError> loadInputsFromStore(const QString &dbPath, Rules::CheckInputs *inputs)
{
    // A check reads an existing store; opening a missing path would create an empty one.
    if (!QFileInfo(dbPath).isFile())
        return std::unexpected(InputError{QStringLiteral("--db"), QStringLiteral("%1: no such database").arg(dbPath)});
    auto db = Store::Database::open(dbPath);
    if (!db)
        return std::unexpected(InputError{QStringLiteral("--db"), QStringLiteral("%1: %2 (%3)").arg(dbPath, db.error().message, db.error().code)});
    auto records = Store::loadCheckRecords(*db, inputs->document, inputs->date);
    if (!records)
        return std::unexpected(InputError{QStringLiteral("--db"), QStringLiteral("%1: %2 (%3)").arg(dbPath, records.error().message, records.error().code)});
    // Staleness is measured now (this command is a composition root; the rules get a number).
    *inputs = Session::storeCheckInputs(inputs->document, inputs->direction, inputs->date, *records,
                                        QDateTime::currentDateTimeUtc());
    return {};
}

int runCheck(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QString::fromLatin1(kHelp));
    const QCommandLineOption scenario(QStringLiteral("scenario"), QStringLiteral("A self-contained scenario (JSON), no database."), QStringLiteral("FILE"));
    const QCommandLineOption mrz(QStringLiteral("mrz"), QStringLiteral("MRZ text of the document (with --db)."), QStringLiteral("FILE"));
    const QCommandLineOption direction(QStringLiteral("direction"), QStringLiteral("entry or exit (with --db)."), QStringLiteral("entry|exit"));
    const QCommandLineOption date(QStringLiteral("date"), QStringLiteral("The checkpoint's local date (with --db)."), QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("The kiosk's SQLite store."), QStringLiteral("PATH"));
    const QCommandLineOption policy(QStringLiteral("policy"), QStringLiteral("A signed policy file (default: the scenario's, else the shipped one)."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption trust(QStringLiteral("trust"), QStringLiteral("Trust anchor, Ed25519 public key PEM (default: resources/trust/policy-dev.pub.pem)."),
                                   QStringLiteral("PUB.pem"));
    const QCommandLineOption pretty(QStringLiteral("pretty"), QStringLiteral("Indented JSON."));
    parser.addOptions({scenario, mrz, direction, date, db, policy, trust, pretty});
    if (!parseArgs(parser, QStringLiteral("check"), args))
        return parser.isSet(QStringLiteral("help")) ? ExitOk : ExitUsage;
    if (!parser.positionalArguments().isEmpty() || parser.isSet(scenario) == parser.isSet(db)) {
        printError(QStringLiteral("check: give either --scenario FILE, or --mrz FILE --direction entry|exit --date D --db PATH"));
        return ExitUsage;
    }
    const auto reportInputError = [](const InputError &e) {
        printError(QStringLiteral("check: %1 %2").arg(e.field, e.message));
        return ExitUsage;
    };

    if (parser.isSet(scenario)) {
        QString error;
        const auto bytes = readInput(parser.value(scenario), &error);
        if (!bytes) {
            printError(QStringLiteral("check: ") + error);
            return ExitUsage;
        }
        auto s = readScenario(*bytes, parser.value(scenario));
        if (!s)
            return reportInputError(s.error());
        const QString policyPath = parser.isSet(policy) ? parser.value(policy) : s->policyPath;
        return evaluateAndPrint(s->inputs, policyPath, parser.value(trust), parser.isSet(pretty));
    }

    // --db form
    if (!parser.isSet(mrz) || !parser.isSet(direction) || !parser.isSet(date)) {
        printError(QStringLiteral("check: --db needs --mrz FILE, --direction entry|exit and --date YYYY-MM-DD"));
        return ExitUsage;
    }
    Rules::CheckInputs inputs;
    inputs.date = QDate::fromString(parser.value(date), Qt::ISODate);
    if (!inputs.date.isValid() || parser.value(date).size() != 10)
        return reportInputError(InputError{QStringLiteral("--date"), QStringLiteral("must be a date YYYY-MM-DD, got '%1'").arg(parser.value(date))});
    const auto dir = directionFromString(parser.value(direction));
    if (!dir)
        return reportInputError(InputError{QStringLiteral("--direction"), QStringLiteral("must be entry or exit, got '%1'").arg(parser.value(direction))});
    inputs.direction = *dir;
    QString error;
    const auto mrzBytes = readInput(parser.value(mrz), &error);
    if (!mrzBytes) {
        printError(QStringLiteral("check: ") + error);
        return ExitUsage;
    }
    auto document = documentFromMrz(QString::fromUtf8(*mrzBytes), inputs.date, QStringLiteral("--mrz"));
    if (!document)
        return reportInputError(document.error());
    inputs.document = *document;
    if (auto loaded = loadInputsFromStore(parser.value(db), &inputs); !loaded)
        return reportInputError(loaded.error());
    return evaluateAndPrint(inputs, parser.value(policy), parser.value(trust), parser.isSet(pretty));
}

const Registration reg{{QStringLiteral("check")}, QStringLiteral("Evaluate a border check (scenario or store) -> verdict JSON"), &runCheck};

} // namespace

} // namespace Kiosk::Ctl
