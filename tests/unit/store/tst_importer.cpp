#include "app/store/checkrecords.h"
#include "app/store/importer.h"
#include "storetest_p.h"

#include <QFile>
#include <QSqlQuery>
#include <QTimeZone>

using namespace Kiosk;
using namespace Kiosk::Store;
using StoreTest::passport;

namespace {
QByteArray readData(const QString &name)
{
    QFile f(QStringLiteral(KIOSK_SOURCE_DIR "/tests/data/import/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(f.fileName()));
    return f.readAll();
}

int count(Database &db, const QString &table)
{
    auto q = db.exec(QStringLiteral("SELECT count(*) FROM ") + table);
    if (!q || !(*q)->next())
        return -1;
    const int n = (*q)->value(0).toInt();
    (*q)->finish();
    return n;
}

// The importing side's clock: a day the wall clock of a test run is not.
const QDateTime kImportedAt(QDate(2026, 3, 1), QTime(9, 30), QTimeZone::utc());

ImportOptions dated()
{
    ImportOptions o;
    o.importedAt = kImportedAt;
    return o;
}

ImportOptions optionsFor(const QString &file, ImportKind kind)
{
    ImportOptions o = dated();
    o.kind = kind;
    o.format = file.endsWith(QLatin1String(".csv")) ? ImportFormat::Csv : ImportFormat::Json;
    o.source = file;
    return o;
}

using LineIndex = QPair<int, int>;

// A report as text, to compare two of them whole.
QStringList describe(const Result<ImportReport> &r)
{
    if (!r)
        return {r.error().code, r.error().message};
    QStringList out{QStringLiteral("rows %1 imported %2 count %3").arg(r->rows).arg(r->imported).arg(r->rejectedCount)};
    for (const auto &e : r->rejected)
        out.append(QStringLiteral("%1/%2 %3: %4").arg(e.line).arg(e.index).arg(e.field, e.message));
    return out;
}

const QList<std::pair<const char *, ImportKind>> kDataFiles{
    {"watchlist_good.json", ImportKind::Watchlist}, {"watchlist_bad.json", ImportKind::Watchlist},
    {"watchlist_duplicate_id.csv", ImportKind::Watchlist}, {"crossings_good.json", ImportKind::Crossings},
    {"crossings_bad.json", ImportKind::Crossings},   {"permits_good.csv", ImportKind::Permits},
    {"permits_bad.csv", ImportKind::Permits},         {"visas_good.csv", ImportKind::Visas},
    {"permits_good.csv", ImportKind::Visas}};
} // namespace

class TestImporter : public QObject
{
    Q_OBJECT
private slots:
    void files_data();
    void files();
    void goodFilesReachTheChecks();
    void replaceSwapsTheWholeList();
    void malformedFiles_data();
    void malformedFiles();
    void replaceOnlyForWatchlists();
    void importNeedsItsTime();
    // The streaming reader.
    void chunkBoundariesChangeNothing_data();
    void chunkBoundariesChangeNothing();
    void streamedJson_data();
    void streamedJson();
    void manyBadRowsKeepTheFirstErrors();
    void badRowAfterWrittenRowsRollsBack();
    void badRowOutranksALaterRefusal();
};

void TestImporter::files_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<ImportKind>("kind");
    QTest::addColumn<QString>("table");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("tableRows");           // rows in `table` afterwards
    QTest::addColumn<QList<LineIndex>>("rejected"); // (line, index) of each rejected record, in order

    QTest::newRow("good watchlist (json), exit restriction to its register")
        << "watchlist_good.json" << ImportKind::Watchlist << "watchlist_entries" << 5 << 4 << QList<LineIndex>{};
    QTest::newRow("good permits (csv): quoted comma, CRLF, blank line")
        << "permits_good.csv" << ImportKind::Permits << "permits" << 2 << 2 << QList<LineIndex>{};
    QTest::newRow("good visas (csv): one holder, two visas")
        << "visas_good.csv" << ImportKind::Visas << "visas" << 3 << 3 << QList<LineIndex>{};
    QTest::newRow("good crossings (json): new passport, same person")
        << "crossings_good.json" << ImportKind::Crossings << "crossings" << 3 << 3 << QList<LineIndex>{};

    QTest::newRow("bad watchlist (json): unknown kind, bad date, stolen without number")
        << "watchlist_bad.json" << ImportKind::Watchlist << "watchlist_entries" << 5 << 0
        << QList<LineIndex>{{4, 1}, {5, 2}, {7, 3}, {7, 3}};
    QTest::newRow("bad permits (csv): dates reversed, missing nationality, short row")
        << "permits_bad.csv" << ImportKind::Permits << "permits" << 5 << 0
        << QList<LineIndex>{{3, -1}, {5, -1}, {6, -1}};
    QTest::newRow("bad crossings (json): direction")
        << "crossings_bad.json" << ImportKind::Crossings << "crossings" << 2 << 0 << QList<LineIndex>{{5, 1}};
    QTest::newRow("database refuses a repeated list id: whole file rolled back")
        << "watchlist_duplicate_id.csv" << ImportKind::Watchlist << "watchlist_entries" << 3 << 0
        << QList<LineIndex>{{4, -1}};
    QTest::newRow("right file, wrong kind: permits read as visas")
        << "permits_good.csv" << ImportKind::Visas << "visas" << 0 << 0 << QList<LineIndex>{{-1, -1}};
}

void TestImporter::files()
{
    QFETCH(QString, file);
    QFETCH(ImportKind, kind);
    QFETCH(QString, table);
    QFETCH(int, rows);
    QFETCH(int, tableRows);
    QFETCH(QList<LineIndex>, rejected);
    StoreTest::TempDb db;
    auto report = importRecords(*db, readData(file), optionsFor(file, kind));
    if (rejected == QList<LineIndex>{{-1, -1}}) { // the file as a whole is refused
        QVERIFY(!report.has_value());
        QCOMPARE(report.error().code, QStringLiteral("IMPORT_BAD_FILE"));
        QVERIFY2(report.error().message.startsWith(QLatin1String("line 1:")), qPrintable(report.error().message));
        QCOMPARE(count(*db, table), 0);
        return;
    }
    QVERIFY2(report.has_value(), qPrintable(report ? QString() : report.error().message));
    QCOMPARE(report->rows, rows);
    QList<LineIndex> got;
    for (const auto &e : report->rejected) {
        got.append({e.line, e.index});
        QVERIFY(!e.message.isEmpty());
    }
    QCOMPARE(got, rejected);
    QCOMPARE(report->imported, rejected.isEmpty() ? rows : 0);
    // The dry run finds the same bad rows, except those only the database refuses.
    auto dry = validateImport(readData(file), optionsFor(file, kind));
    QVERIFY(dry.has_value());
    QCOMPARE(dry->imported, 0);
    QCOMPARE(dry->rows, rows);
    if (!file.contains(QLatin1String("duplicate")))
        QCOMPARE(dry->rejected.size(), rejected.size());
    QCOMPARE(count(*db, table), tableRows);
    // An import is logged only when it happened.
    QCOMPARE(count(*db, QStringLiteral("list_imports")), rejected.isEmpty() ? 1 : 0);
    if (!rejected.isEmpty()) { // nothing of a rejected file, anywhere
        QCOMPARE(count(*db, QStringLiteral("persons")), 0);
        QCOMPARE(count(*db, QStringLiteral("exit_restrictions")), 0);
    }
}

void TestImporter::goodFilesReachTheChecks()
{
    StoreTest::TempDb db;
    for (const auto &[file, kind] : {std::pair{"watchlist_good.json", ImportKind::Watchlist},
                                     std::pair{"crossings_good.json", ImportKind::Crossings},
                                     std::pair{"visas_good.csv", ImportKind::Visas},
                                     std::pair{"permits_good.csv", ImportKind::Permits}}) {
        auto r = importRecords(*db, readData(QLatin1String(file)), optionsFor(QLatin1String(file), kind));
        QVERIFY(r.has_value() && r->rejected.isEmpty());
    }
    QCOMPARE(count(*db, QStringLiteral("exit_restrictions")), 1);

    // The crossings on two passports are one person's history.
    auto anna = loadCheckRecords(*db, passport("RUS", "769999999", "RUS", "IVANOVA", "ANNA SERGEEVNA", QDate(1985, 4, 12)),
                                 QDate(2026, 3, 1));
    QVERIFY(anna.has_value());
    QCOMPARE(anna->history.size(), 3);
    QCOMPARE(anna->history.last().checkpoint, QStringLiteral("KRM"));
    // ... and the old passport is on the stolen list.
    auto old = loadCheckRecords(*db, passport("RUS", "751234567", "RUS", "IVANOVA", "ANNA", QDate(1985, 4, 12)),
                                QDate(2026, 3, 1));
    QCOMPARE(old->watchlistHits.size(), 1);
    QCOMPARE(old->watchlistHits.first().id, QStringLiteral("SLTD-77"));
    // Dated by the importer's clock, not SQLite's: the watchlist's age compares one clock.
    QVERIFY(old->watchlistImportedAt.has_value());
    QCOMPARE(*old->watchlistImportedAt, kImportedAt);

    auto ravi = loadCheckRecords(*db, passport("IND", "Z1234567", "IND", "SHARMA", "RAVI", QDate(1985, 4, 12)),
                                 QDate(2026, 3, 1));
    QCOMPARE(ravi->visas.size(), 2);
    QCOMPARE(ravi->visa->number, QStringLiteral("V-0001"));
    QCOMPARE(ravi->permits.size(), 1);
    QCOMPARE(ravi->permits.first().number, QStringLiteral("TR-2025-001, Baku"));
}

void TestImporter::replaceSwapsTheWholeList()
{
    StoreTest::TempDb db;
    auto o = optionsFor(QStringLiteral("watchlist_good.json"), ImportKind::Watchlist);
    QVERIFY(importRecords(*db, readData(QStringLiteral("watchlist_good.json")), o).has_value());
    // Importing the same list again without --replace repeats its ids: rejected, nothing changes.
    auto again = importRecords(*db, readData(QStringLiteral("watchlist_good.json")), o);
    QVERIFY(again.has_value());
    QCOMPARE(again->rejected.size(), 1);
    QCOMPARE(count(*db, QStringLiteral("watchlist_entries")), 4);
    o.replace = true;
    o.listVersion = QStringLiteral("2026-03");
    auto replaced = importRecords(*db, readData(QStringLiteral("watchlist_good.json")), o);
    QVERIFY(replaced.has_value() && replaced->rejected.isEmpty());
    QCOMPARE(count(*db, QStringLiteral("watchlist_entries")), 4);
    QCOMPARE(count(*db, QStringLiteral("exit_restrictions")), 1);
    QCOMPARE(count(*db, QStringLiteral("list_imports")), 2);
}

void TestImporter::malformedFiles_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("csv");
    QTest::addColumn<QString>("where");
    QTest::newRow("json syntax error reports its line") << QByteArray("[\n{\"kind\": \"entry_ban\",\n\"id\": }\n]") << false
                                                        << "line 3:";
    QTest::newRow("json object instead of array") << QByteArray("{\"kind\": \"entry_ban\"}") << false << "line 1:";
    QTest::newRow("csv unknown column (typo)") << QByteArray("kind,id,surnme\nentry_ban,1,X\n") << true << "line 1:";
    QTest::newRow("csv unterminated quote") << QByteArray("kind,id,surname\nentry_ban,1,\"X\n") << true << "line 2:";
    QTest::newRow("empty csv") << QByteArray("") << true << "line 1:";
}

void TestImporter::malformedFiles()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, csv);
    QFETCH(QString, where);
    StoreTest::TempDb db;
    ImportOptions o = dated();
    o.kind = ImportKind::Watchlist;
    o.format = csv ? ImportFormat::Csv : ImportFormat::Json;
    auto r = importRecords(*db, bytes, o);
    QVERIFY(!r.has_value());
    QCOMPARE(r.error().code, QStringLiteral("IMPORT_BAD_FILE"));
    QVERIFY2(r.error().message.startsWith(where), qPrintable(r.error().message));
}

void TestImporter::replaceOnlyForWatchlists()
{
    StoreTest::TempDb db;
    auto o = optionsFor(QStringLiteral("visas_good.csv"), ImportKind::Visas);
    o.replace = true;
    auto r = importRecords(*db, readData(QStringLiteral("visas_good.csv")), o);
    QCOMPARE(r.error().code, QStringLiteral("IMPORT_BAD_OPTIONS"));
}

// Without the caller's instant the import would have to read a clock of its own: refused,
// and nothing is written.
void TestImporter::importNeedsItsTime()
{
    StoreTest::TempDb db;
    auto o = optionsFor(QStringLiteral("watchlist_good.json"), ImportKind::Watchlist);
    o.importedAt = QDateTime();
    auto r = importRecords(*db, readData(QStringLiteral("watchlist_good.json")), o);
    QVERIFY(!r.has_value());
    QCOMPARE(r.error().code, QStringLiteral("IMPORT_BAD_OPTIONS"));
    QCOMPARE(count(*db, QStringLiteral("watchlist_entries")), 0);
    QCOMPARE(count(*db, QStringLiteral("list_imports")), 0);
}

void TestImporter::chunkBoundariesChangeNothing_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<ImportKind>("kind");
    for (const auto &[file, kind] : kDataFiles)
        QTest::newRow(qPrintable(QStringLiteral("%1 as %2").arg(QLatin1String(file), importKindToString(kind))))
            << QString::fromLatin1(file) << kind;
}

// Read a byte, two, three or seven at a time, every file gives the report it gives in one piece:
// a chunk boundary inside a string, an escape, a UTF-8 sequence or a CRLF changes nothing.
void TestImporter::chunkBoundariesChangeNothing()
{
    QFETCH(QString, file);
    QFETCH(ImportKind, kind);
    const QByteArray bytes = readData(file);
    ImportOptions whole = optionsFor(file, kind);
    whole.readChunkBytes = bytes.size() + 1;
    StoreTest::TempDb wholeDb;
    const QStringList expected = describe(importRecords(*wholeDb, bytes, whole));
    const QStringList expectedDry = describe(validateImport(bytes, whole));
    for (const qsizetype chunk : {1, 2, 3, 7}) {
        ImportOptions o = whole;
        o.readChunkBytes = chunk;
        StoreTest::TempDb db;
        QCOMPARE(describe(importRecords(*db, bytes, o)), expected);
        QCOMPARE(describe(validateImport(bytes, o)), expectedDry);
    }
}

void TestImporter::streamedJson_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("expected"); // describe() of the dry run
    const auto fileError = [](const char *message) {
        return QStringList{QStringLiteral("IMPORT_BAD_FILE"), QString::fromUtf8(message)};
    };
    QTest::newRow("empty") << QByteArray("") << fileError("line 1: invalid JSON: illegal value");
    QTest::newRow("blank lines only") << QByteArray("\n\n") << fileError("line 3: invalid JSON: illegal value");
    QTest::newRow("a string, not an array") << QByteArray("\n\"abc\"") << fileError("line 2: invalid JSON: illegal value");
    QTest::newRow("an object over lines") << QByteArray("\n{\"kind\":\n1}") << fileError("line 2: expected a JSON array of records");
    QTest::newRow("cut off inside a record")
        << QByteArray("[\n{\"kind\": \"entry_ban\", \"id\": \"A\", \"surname\": \"X\"},\n{\"kind\": \"entry_")
        << fileError("line 3: invalid JSON: unterminated string");
    QTest::newRow("cut off after a record") << QByteArray("[{\"kind\": \"entry_ban\", \"id\": \"A\", \"surname\": \"X\"}\n")
                                            << fileError("line 2: invalid JSON: unterminated array");
    QTest::newRow("cut off after a number") << QByteArray("[1") << fileError("line 1: invalid JSON: unterminated array");
    QTest::newRow("garbage after the array") << QByteArray("[]\n\nx") << fileError("line 3: invalid JSON: garbage at the end of the document");
    QTest::newRow("missing comma") << QByteArray("[{}\n {}]") << fileError("line 2: invalid JSON: missing value separator");
    QTest::newRow("trailing comma") << QByteArray("[{},\n]") << fileError("line 2: invalid JSON: object is missing after a comma");
    QTest::newRow("leading comma") << QByteArray("[,{}]") << fileError("line 1: invalid JSON: illegal value");
    QTest::newRow("mismatched bracket") << QByteArray("[\n{\"id\": [1, 2}\n, {}]") << fileError("line 2: invalid JSON: missing value separator");
    QTest::newRow("too deep") << QByteArray("[{\"id\": ") + QByteArray(1100, '[') << fileError("line 1: invalid JSON: too deeply nested document");
    QTest::newRow("empty array") << QByteArray(" [ ] \n") << QStringList{QStringLiteral("rows 0 imported 0 count 0")};
    QTest::newRow("byte-order mark") << QByteArray("\xEF\xBB\xBF[]") << QStringList{QStringLiteral("rows 0 imported 0 count 0")};
    QTest::newRow("half a byte-order mark") << QByteArray("\xEF\xBB[]") << fileError("line 1: invalid JSON: illegal value");
    QTest::newRow("elements that are not objects, each on its line")
        << QByteArray("[1,\n\"x\",\n [2], null]")
        << QStringList{QStringLiteral("rows 4 imported 0 count 4"), QStringLiteral("1/0 : record is not a JSON object"),
                       QStringLiteral("2/1 : record is not a JSON object"), QStringLiteral("3/2 : record is not a JSON object"),
                       QStringLiteral("3/3 : record is not a JSON object")};
    QTest::newRow("brackets, commas and escaped quotes inside strings are not structure")
        << QByteArray("[{\"kind\": \"entry_ban\", \"id\": \"]},{\\\"[\", \"surname\": \"X\\\\\"},\n"
                      "{\"kind\": \"entry_ban\", \"id\": \"B\"}]")
        << QStringList{QStringLiteral("rows 2 imported 0 count 1"),
                       QStringLiteral("2/1 surname: a person entry needs a surname (or a document)")};
}

void TestImporter::streamedJson()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, expected);
    for (const qsizetype chunk : {qsizetype(1), qsizetype(5), qsizetype(64 * 1024)}) {
        ImportOptions o;
        o.kind = ImportKind::Watchlist;
        o.readChunkBytes = chunk;
        QCOMPARE(describe(validateImport(bytes, o)), expected);
    }
}

QByteArray watchlistJson(int rows, int badRow)
{
    QByteArray out("[\n");
    for (int i = 0; i < rows; ++i) {
        out += "{\"kind\": \"entry_ban\", \"id\": \"E-" + QByteArray::number(i) + "\"";
        if (i != badRow)
            out += ", \"surname\": \"SYNTHETIC\"";
        out += i + 1 < rows ? "},\n" : "}\n";
    }
    return out + "]";
}

void TestImporter::manyBadRowsKeepTheFirstErrors()
{
    // 1,000 rows without a surname: each is counted, the first kImportMaxRejected are listed.
    QByteArray bytes("[\n");
    for (int i = 0; i < 1000; ++i)
        bytes += "{\"kind\": \"entry_ban\", \"id\": \"E-" + QByteArray::number(i) + "\"}" + (i < 999 ? ",\n" : "\n");
    bytes += "]";
    StoreTest::TempDb db;
    ImportOptions o = dated();
    auto r = importRecords(*db, bytes, o);
    QVERIFY(r.has_value());
    QCOMPARE(r->rows, 1000);
    QCOMPARE(r->imported, 0);
    QCOMPARE(r->rejectedCount, 1000);
    QCOMPARE(r->rejected.size(), kImportMaxRejected);
    QCOMPARE(r->rejected.first().line, 2);
    QCOMPARE(r->rejected.last().index, kImportMaxRejected - 1);
    QCOMPARE(count(*db, QStringLiteral("watchlist_entries")), 0);
}

void TestImporter::badRowAfterWrittenRowsRollsBack()
{
    // Rows are written as they are read: a bad last row must still leave nothing of the file,
    // and a --replace keeps the list it would have replaced.
    StoreTest::TempDb db;
    ImportOptions o = dated();
    QVERIFY(importRecords(*db, watchlistJson(3, -1), o).has_value());
    o.replace = true;
    auto r = importRecords(*db, watchlistJson(500, 499), o);
    QVERIFY(r.has_value());
    QCOMPARE(r->rejectedCount, 1);
    QCOMPARE(r->rejected.first().line, 501);
    QCOMPARE(r->rejected.first().index, 499);
    QCOMPARE(count(*db, QStringLiteral("watchlist_entries")), 3);
    QCOMPARE(count(*db, QStringLiteral("list_imports")), 1);
}

void TestImporter::badRowOutranksALaterRefusal()
{
    // Row 1 repeats row 0's id (the database refuses it), row 3 is bad: as when every row was
    // checked before any was written, only the bad row is reported.
    QByteArray bytes("[{\"kind\": \"entry_ban\", \"id\": \"E-1\", \"surname\": \"SYNTHETIC\"},\n"
                     " {\"kind\": \"entry_ban\", \"id\": \"E-1\", \"surname\": \"SYNTHETIC\"},\n"
                     " {\"kind\": \"entry_ban\", \"id\": \"E-2\", \"surname\": \"SYNTHETIC\"},\n"
                     " {\"kind\": \"entry_ban\", \"id\": \"E-3\"}]");
    StoreTest::TempDb db;
    auto r = importRecords(*db, bytes, dated());
    QVERIFY(r.has_value());
    QCOMPARE(r->rejectedCount, 1);
    QCOMPARE(r->rejected.first().line, 4);
    QCOMPARE(r->rejected.first().field, QStringLiteral("surname"));
    // Without the bad row, the refusal is the report.
    bytes.replace("{\"kind\": \"entry_ban\", \"id\": \"E-3\"}", "{\"kind\": \"entry_ban\", \"id\": \"E-3\", \"surname\": \"S\"}");
    r = importRecords(*db, bytes, dated());
    QVERIFY(r.has_value());
    QCOMPARE(r->rejectedCount, 1);
    QCOMPARE(r->rejected.first().line, 2);
    QCOMPARE(r->rejected.first().index, 1);
    QCOMPARE(count(*db, QStringLiteral("watchlist_entries")), 0);
}

QTEST_GUILESS_MAIN(TestImporter)
#include "tst_importer.moc"
