// The session's own logic: sign-in with a hashed PIN, the failure delay, the idle lock driven
// by the injected clock, the role's read-only rule, and the preconditions of every action.
#include "app/crypto/passwordhash.h"
#include "app/session/checkpointsession.h"
#include "scanner/sources/simulatorsource.h"
#include "sessiontestbackend.h"

#include <QSignalSpy>
#include <QTest>

using namespace Kiosk;
using namespace Kiosk::Session;

namespace {

// ICAO 9303-4 Appendix A specimen (Utopia), a synthetic person.
const QString kSpecimen = QStringLiteral("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                                         "L898902C36UTO7408122F1204159ZE184226B<<<<<10");

struct Fixture
{
    FixedClock clock{QDateTime(QDate(2026, 11, 29), QTime(6, 0), QTimeZone::utc())};
    NoDataBackend *backend = nullptr;
    std::unique_ptr<CheckpointSession> session;

    explicit Fixture(Role role = Role::Console, int idleMinutes = 5)
    {
        OperatorDirectory ops;
        // Low KDF cost in tests; the default cost is tested in tst_passwordhash.
        (void)ops.add(QStringLiteral("OF-1001"), QStringLiteral("Officer One"), u"2468", 1000);
        (void)ops.add(QStringLiteral("OF-1002"), QStringLiteral("Officer Two"), u"1357", 1000);
        auto b = std::make_unique<NoDataBackend>();
        backend = b.get();
        SessionConfig cfg;
        cfg.role = role;
        cfg.idleLockMinutes = idleMinutes;
        session = std::make_unique<CheckpointSession>(cfg, clock, std::move(ops), std::move(b));
    }
};

} // namespace

class TestCheckpointSession : public QObject
{
    Q_OBJECT
private slots:
    void signInWithRightPin();
    void wrongPinAndUnknownIdLookTheSame();
    void repeatedFailuresAreDelayed();
    void idleLockEngagesOnTheInjectedClock();
    void activityPostponesTheLock();
    void unlockNeedsTheSameOperatorsPin();
    void lockedConsoleIgnoresDocuments();
    void infoRoleCannotSignInOrRecord();
    void actionsNeedACase();
    void overrideWithoutReasonIsRefused_data();
    void overrideWithoutReasonIsRefused();
    void unreadableDocumentGivesNoVerdictAndCannotBeRecorded();
    void backendFailureIsShownNotHidden();
    void operatorDirectoryRejectsBadFiles_data();
    void operatorDirectoryRejectsBadFiles();
    void operatorDirectoryRoundTrip();
    void ocrCorrectionIsShownNotHidden();
    void removalIsPassedOnAndTheConsoleKeepsItsCase();
    void noPolicyFromABackendWithoutOne();
    void requestedSignInAnswersOnce();
    void signInAndUnlockShareOneThrottle();
    void staffExitPinOnlyOnTheInfoScreen();
};

void TestCheckpointSession::signInWithRightPin()
{
    Fixture f;
    QSignalSpy changed(f.session.get(), &CheckpointSession::operatorChanged);
    QVERIFY(!f.session->isSignedIn());
    auto r = f.session->signIn(QStringLiteral("OF-1001"), QStringLiteral("2468"));
    QVERIFY(r.has_value());
    QVERIFY(f.session->isSignedIn());
    QCOMPARE(f.session->currentOperator()->id, QStringLiteral("OF-1001"));
    QCOMPARE(changed.count(), 1);
}

void TestCheckpointSession::wrongPinAndUnknownIdLookTheSame()
{
    Fixture f;
    auto wrong = f.session->signIn(QStringLiteral("OF-1001"), QStringLiteral("0000"));
    auto unknown = f.session->signIn(QStringLiteral("OF-9999"), QStringLiteral("2468"));
    QVERIFY(!wrong && !unknown);
    QCOMPARE(wrong.error().code, QStringLiteral("SIGNIN_FAILED"));
    QCOMPARE(unknown.error(), wrong.error()); // the screen must not reveal which ids exist
    QVERIFY(!f.session->isSignedIn());
}

void TestCheckpointSession::repeatedFailuresAreDelayed()
{
    Fixture f;
    for (int i = 0; i < f.session->config().signInAttemptsBeforeDelay; ++i)
        QVERIFY(!f.session->signIn(QStringLiteral("OF-1001"), QStringLiteral("1111")));
    // Now even the right PIN waits.
    auto delayed = f.session->signIn(QStringLiteral("OF-1001"), QStringLiteral("2468"));
    QVERIFY(!delayed);
    QCOMPARE(delayed.error().code, QStringLiteral("SIGNIN_DELAYED"));
    f.clock.advanceSeconds(f.session->config().signInDelaySeconds);
    QVERIFY(f.session->signIn(QStringLiteral("OF-1001"), QStringLiteral("2468")));
}

void TestCheckpointSession::idleLockEngagesOnTheInjectedClock()
{
    Fixture f(Role::Console, 5);
    QVERIFY(f.session->signIn(QStringLiteral("OF-1001"), QStringLiteral("2468")));
    QSignalSpy locked(f.session.get(), &CheckpointSession::lockedChanged);
    f.clock.advanceSeconds(5 * 60 - 1);
    f.session->checkIdle();
    QVERIFY(!f.session->isLocked());
    f.clock.advanceSeconds(1);
    f.session->checkIdle();
    QVERIFY(f.session->isLocked());
    QCOMPARE(locked.count(), 1);
    QCOMPARE(locked.at(0).at(0).toBool(), true);
}

void TestCheckpointSession::activityPostponesTheLock()
{
    Fixture f(Role::Console, 5);
    QVERIFY(f.session->signIn(QStringLiteral("OF-1001"), QStringLiteral("2468")));
    f.clock.advanceSeconds(4 * 60);
    f.session->noteActivity();
    f.clock.advanceSeconds(4 * 60);
    f.session->checkIdle();
    QVERIFY(!f.session->isLocked());
    f.clock.advanceSeconds(60);
    f.session->checkIdle();
    QVERIFY(f.session->isLocked());
}

void TestCheckpointSession::unlockNeedsTheSameOperatorsPin()
{
    Fixture f;
    QVERIFY(f.session->signIn(QStringLiteral("OF-1001"), QStringLiteral("2468")));
    f.session->lock();
    QVERIFY(f.session->isLocked());
    auto other = f.session->unlock(QStringLiteral("1357")); // OF-1002's PIN
    QVERIFY(!other);
    QVERIFY(f.session->isLocked());
    QVERIFY(f.session->unlock(QStringLiteral("2468")));
    QVERIFY(!f.session->isLocked());
    QCOMPARE(f.session->currentOperator()->id, QStringLiteral("OF-1001"));
}

void TestCheckpointSession::lockedConsoleIgnoresDocuments()
{
    Fixture f;
    auto notSignedIn = f.session->submitMrz(kSpecimen, InputKind::Reader, QStringLiteral("test"));
    QVERIFY(!notSignedIn);
    QCOMPARE(notSignedIn.error().code, QStringLiteral("SESSION_LOCKED"));
    QVERIFY(f.session->signIn(QStringLiteral("OF-1001"), QStringLiteral("2468")));
    f.session->lock();
    QVERIFY(!f.session->submitMrz(kSpecimen, InputKind::Reader, QStringLiteral("test")));
    QCOMPARE(f.session->currentCase(), nullptr);
    QCOMPARE(f.backend->evaluations, 0);
}

void TestCheckpointSession::infoRoleCannotSignInOrRecord()
{
    Fixture f(Role::Info);
    auto s = f.session->signIn(QStringLiteral("OF-1001"), QStringLiteral("2468"));
    QVERIFY(!s);
    QCOMPARE(s.error().code, QStringLiteral("ROLE_READ_ONLY"));
    // A traveller reads their passport without an operator...
    QVERIFY(f.session->submitMrz(kSpecimen, InputKind::Reader, QStringLiteral("test")));
    QVERIFY(f.session->currentCase());
    // ...but nothing can be recorded from the information screen.
    auto r = f.session->recordCrossing(Direction::Entry);
    QVERIFY(!r);
    QCOMPARE(r.error().code, QStringLiteral("ROLE_READ_ONLY"));
    QCOMPARE(f.backend->records, 0);
}

void TestCheckpointSession::actionsNeedACase()
{
    Fixture f;
    QVERIFY(f.session->signIn(QStringLiteral("OF-1001"), QStringLiteral("2468")));
    auto r = f.session->recordCrossing(Direction::Entry);
    QVERIFY(!r);
    QCOMPARE(r.error().code, QStringLiteral("NO_CASE"));
    QCOMPARE(f.backend->records, 0);
}

void TestCheckpointSession::overrideWithoutReasonIsRefused_data()
{
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty") << QString();
    QTest::newRow("only spaces") << QStringLiteral("      \t   \n ");
    QTest::newRow("one short word") << QStringLiteral("ok");
    QTest::newRow("padded short word") << QStringLiteral("   fine         ");
}

void TestCheckpointSession::overrideWithoutReasonIsRefused()
{
    QFETCH(QString, reason);
    Fixture f;
    QVERIFY(f.session->signIn(QStringLiteral("OF-1001"), QStringLiteral("2468")));
    QVERIFY(f.session->submitMrz(kSpecimen, InputKind::Reader, QStringLiteral("test")));
    auto r = f.session->overrideVerdict(Direction::Entry, VerdictKind::Admit, reason);
    QVERIFY(!r);
    QCOMPARE(r.error().code, QStringLiteral("OVERRIDE_REASON_REQUIRED"));
    QCOMPARE(f.backend->records, 0);
    QVERIFY(!f.session->currentCase()->isRecorded());
}

void TestCheckpointSession::unreadableDocumentGivesNoVerdictAndCannotBeRecorded()
{
    Fixture f;
    QVERIFY(f.session->signIn(QStringLiteral("OF-1001"), QStringLiteral("2468")));
    QSignalSpy opened(f.session.get(), &CheckpointSession::caseChanged);
    QVERIFY(f.session->submitMrz(QStringLiteral("THIS IS NOT AN MRZ"), InputKind::Reader, QStringLiteral("test")));
    QCOMPARE(opened.count(), 1);
    const Case *c = f.session->currentCase();
    QVERIFY(c);
    QVERIFY(!c->document);
    QVERIFY(!c->evaluated);
    QVERIFY(!c->readErrors.isEmpty());
    QCOMPARE(f.backend->evaluations, 0);
    auto r = f.session->recordCrossing(Direction::Entry);
    QVERIFY(!r);
    QCOMPARE(r.error().code, QStringLiteral("CASE_NOT_EVALUATED"));
}

void TestCheckpointSession::backendFailureIsShownNotHidden()
{
    Fixture f;
    QVERIFY(f.session->signIn(QStringLiteral("OF-1001"), QStringLiteral("2468")));
    QSignalSpy problems(f.session.get(), &CheckpointSession::problem);
    QVERIFY(f.session->submitMrz(kSpecimen, InputKind::Reader, QStringLiteral("test")));
    const Case *c = f.session->currentCase();
    QVERIFY(c && c->document);
    QCOMPARE(c->document->surname, QStringLiteral("ERIKSSON"));
    // The specimen's check digits all hold: a tick per field that has one.
    int checked = 0;
    for (const DocumentField &field : c->fields)
        if (field.checkDigitOk) {
            QVERIFY2(*field.checkDigitOk, qPrintable(field.key));
            ++checked;
        }
    QCOMPARE(checked, 4); // document number, birth date, expiry date, personal number
    QVERIFY(!c->evaluated);
    QCOMPARE(c->verdict, VerdictKind::Refer); // never ADMIT without a completed check
    QCOMPARE(problems.count(), 1);
    auto r = f.session->recordCrossing(Direction::Entry);
    QVERIFY(!r);
    QCOMPARE(r.error().code, QStringLiteral("CASE_NOT_EVALUATED"));
}

void TestCheckpointSession::operatorDirectoryRejectsBadFiles_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("not json") << QByteArray("operators: none");
    QTest::newRow("operators not an array") << QByteArray(R"({"operators": {}})");
    QTest::newRow("PIN stored in clear") << QByteArray(R"({"operators": [{"id": "OF-1", "pin_hash": "1234"}]})");
    QTest::newRow("no id") << QByteArray(R"({"operators": [{"pin_hash": "$pbkdf2-sha256$1000$x$y"}]})");
    QTest::newRow("duplicate id") << QByteArray(R"({"operators": [{"id": "A", "pin_hash": "$p"}, {"id": "A", "pin_hash": "$p"}]})");
}

void TestCheckpointSession::operatorDirectoryRejectsBadFiles()
{
    QFETCH(QByteArray, json);
    auto d = OperatorDirectory::fromJson(json);
    QVERIFY(!d);
    QCOMPARE(d.error().code, QStringLiteral("OPERATORS_MALFORMED"));
}

void TestCheckpointSession::operatorDirectoryRoundTrip()
{
    OperatorDirectory ops;
    QVERIFY(ops.add(QStringLiteral("OF-7"), QStringLiteral("Seven"), u"777777", 1000));
    const QByteArray json = ops.toJson();
    QVERIFY(!json.contains("777777"));
    auto back = OperatorDirectory::fromJson(json);
    QVERIFY(back);
    QCOMPARE(back->find(u"OF-7")->pinHash, ops.find(u"OF-7")->pinHash);
    QVERIFY(ops.authenticate(u"OF-7", u"777777"));
    QVERIFY(!ops.authenticate(u"OF-7", u"777778"));
    // Read back from a file, the cheap test hash is refused: a file never lowers the floor of
    // 600,000 iterations (app/crypto/passwordhash.h), so an edited operators file cannot
    // downgrade the cost.
    auto fromFile = back->authenticate(u"OF-7", u"777777");
    QVERIFY(!fromFile);
    QCOMPARE(fromFile.error().code, QStringLiteral("PASSWORD_PARAMS"));
}

// A reader's text with the OCR confusion O for 0 in the birth date: the check digit guides the
// correction (ICAO 9303-3 §4.9), and the case marks the field as corrected so the console
// highlights it. Typed (manual) input is never corrected.
void TestCheckpointSession::ocrCorrectionIsShownNotHidden()
{
    Fixture f;
    QVERIFY(f.session->signIn(QStringLiteral("OF-1001"), QStringLiteral("2468")));
    QString misread = kSpecimen;
    misread.replace(QStringLiteral("UTO7408122F"), QStringLiteral("UTO74O8122F"));
    QVERIFY(f.session->submitMrz(misread, InputKind::Reader, QStringLiteral("test")));
    const Case *c = f.session->currentCase();
    QVERIFY(c != nullptr && c->document.has_value());
    const auto birth = std::ranges::find(c->fields, QStringLiteral("birth_date"), &DocumentField::key);
    QVERIFY(birth != c->fields.end());
    QVERIFY(birth->corrected);
    QVERIFY2(birth->correctionNote.contains(QStringLiteral("O → 0")), qPrintable(birth->correctionNote));
    QCOMPARE(birth->value, QStringLiteral("1974-08-12"));

    QVERIFY(f.session->submitMrz(misread, InputKind::Manual, QStringLiteral("test")));
    const Case *typed = f.session->currentCase();
    QVERIFY(typed != nullptr);
    for (const DocumentField &field : typed->fields)
        QVERIFY2(!field.corrected, qPrintable(field.key));
}

// A reader reports the passport taken away: the session passes it on to the
// faces, naming the reader, and clears nothing itself: the officer console keeps its case
// (the officer may still be acting on it); only the information screen clears.
void TestCheckpointSession::removalIsPassedOnAndTheConsoleKeepsItsCase()
{
    Fixture f;
    QVERIFY(f.session->signIn(QStringLiteral("OF-1001"), QStringLiteral("2468")));
    Sources::SimulatorSource sim({});
    sim.setPlaylist({{Sources::PlaylistEntry::Kind::Mrz, kSpecimen, QStringLiteral("t:1")},
                     {Sources::PlaylistEntry::Kind::Removed, QString(), QStringLiteral("t:2")}});
    f.session->attachSource(&sim);
    QSignalSpy removed(f.session.get(), &CheckpointSession::documentRemoved);
    QSignalSpy cleared(f.session.get(), &CheckpointSession::caseCleared);
    sim.start();
    QVERIFY(sim.next());
    QVERIFY(f.session->currentCase() != nullptr);
    const quint64 number = f.session->currentCase()->number;
    QCOMPARE(removed.size(), 0); // a read is not a removal
    QVERIFY(sim.next());
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.at(0).at(0).toString(), sim.info().description);
    QVERIFY(f.session->currentCase() != nullptr);
    QCOMPARE(f.session->currentCase()->number, number);
    QCOMPARE(cleared.size(), 0);
}

// A backend without a policy (this test one) gives none: a face then falls back to its own.
void TestCheckpointSession::noPolicyFromABackendWithoutOne()
{
    Fixture f(Role::Info);
    QCOMPARE(f.session->policyInForce(), nullptr);
}

QTEST_GUILESS_MAIN(TestCheckpointSession)

namespace {

// The one answer to a request*(): (error code, empty when right).
QString answerOf(QSignalSpy &spy)
{
    if (spy.isEmpty() && !spy.wait(10000))
        return QStringLiteral("<no answer>");
    return spy.takeFirst().at(1).toString();
}

} // namespace

// A face's sign-in is checked off the GUI thread: no answer before the event loop runs, one
// answer after, and the session then signed in.
void TestCheckpointSession::requestedSignInAnswersOnce()
{
    Fixture f;
    QSignalSpy answered(f.session.get(), &CheckpointSession::pinChecked);
    f.session->requestSignIn(QStringLiteral("OF-1001"), QStringLiteral("2468"));
    QVERIFY(!f.session->isSignedIn());
    // A second request while the first is checked is refused at once, not queued.
    f.session->requestSignIn(QStringLiteral("OF-1002"), QStringLiteral("1357"));
    QCOMPARE(answered.count(), 1);
    QCOMPARE(answered.at(0).at(1).toString(), QStringLiteral("PIN_CHECK_BUSY"));
    answered.clear();
    QCOMPARE(answerOf(answered), QString());
    QVERIFY(f.session->isSignedIn());
    QCOMPARE(f.session->currentOperator()->id, QStringLiteral("OF-1001"));
    QCOMPARE(answered.count(), 0);
}

// Wrong PINs through sign-in and through unlock count against one throttle.
void TestCheckpointSession::signInAndUnlockShareOneThrottle()
{
    Fixture f;
    QVERIFY(f.session->signIn(QStringLiteral("OF-1001"), QStringLiteral("2468")));
    f.session->lock();
    QSignalSpy answered(f.session.get(), &CheckpointSession::pinChecked);
    const int attempts = f.session->config().signInAttemptsBeforeDelay;
    for (int i = 0; i < attempts - 1; ++i) {
        f.session->requestUnlock(QStringLiteral("0000"));
        QCOMPARE(answerOf(answered), QStringLiteral("SIGNIN_FAILED"));
    }
    QVERIFY(!f.session->pinEntryDelayed());
    QVERIFY(!f.session->unlock(QStringLiteral("1111"))); // the last one, the other way
    QVERIFY(f.session->pinEntryDelayed());
    f.session->requestUnlock(QStringLiteral("2468"));
    QCOMPARE(answerOf(answered), QStringLiteral("SIGNIN_DELAYED"));
    QVERIFY(f.session->isLocked());
    f.clock.advanceSeconds(f.session->config().signInDelaySeconds);
    f.session->requestUnlock(QStringLiteral("2468"));
    QCOMPARE(answerOf(answered), QString());
    QVERIFY(!f.session->isLocked());
}

// The staff exit's PIN: only an information screen has one, a configured hash is needed, and
// its throttle holds entry back after kStaffPinAttempts wrong PINs.
void TestCheckpointSession::staffExitPinOnlyOnTheInfoScreen()
{
    {
        Fixture console;
        QSignalSpy answered(console.session.get(), &CheckpointSession::pinChecked);
        console.session->requestStaffExit(QStringLiteral("2468"));
        QCOMPARE(answerOf(answered), QStringLiteral("ROLE_NOT_INFO"));
    }
    OperatorDirectory none;
    SessionConfig cfg;
    cfg.role = Role::Info;
    cfg.staffPinHash = *Crypto::hashPassword(u"97531", {1000, 16});
    cfg.minimumPinIterations = 1000;
    FixedClock clock{QDateTime(QDate(2026, 11, 29), QTime(6, 0), QTimeZone::utc())};
    CheckpointSession info(cfg, clock, none, std::make_unique<NoDataBackend>());
    QSignalSpy answered(&info, &CheckpointSession::pinChecked);
    info.requestStaffExit(QStringLiteral("97531"));
    QCOMPARE(answerOf(answered), QString());
    for (int i = 0; i < CheckpointSession::kStaffPinAttempts; ++i) {
        info.requestStaffExit(QStringLiteral("11111"));
        QCOMPARE(answerOf(answered), QStringLiteral("STAFF_PIN_WRONG"));
    }
    QVERIFY(info.pinEntryDelayed());
    info.requestStaffExit(QStringLiteral("97531"));
    QCOMPARE(answerOf(answered), QStringLiteral("SIGNIN_DELAYED"));

    cfg.staffPinHash.clear(); // no staff PIN configured: no PIN opens the exit
    CheckpointSession locked(cfg, clock, none, std::make_unique<NoDataBackend>());
    QSignalSpy refused(&locked, &CheckpointSession::pinChecked);
    locked.requestStaffExit(QString());
    QCOMPARE(answerOf(refused), QStringLiteral("STAFF_PIN_WRONG"));
}

#include "tst_checkpointsession.moc"
