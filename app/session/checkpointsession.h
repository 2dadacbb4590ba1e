#pragma once
// One checkpoint session: the only thing a face (officer console, information screen) talks
// to (architecture.md). It turns inputs into a case (document read -> store lookups -> rules
// verdict) and a case into a record (officer action -> crossing + signed event + outbox in one
// transaction). It owns the injected clock, the operator on duty and the idle lock, and passes
// on the sync status. A plain QObject with signals: no widget code here.
#include "app/core/clock.h"
#include "app/core/error.h"
#include "app/crypto/passwordhash.h"
#include "app/session/casebackend.h"
#include "app/session/casemodel.h"
#include "app/session/inforesult.h"
#include "app/session/operatordirectory.h"
#include "app/session/pinthrottle.h"

#include <QImage>
#include <QObject>
#include <QThreadPool>
#include <QTimeZone>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace Kiosk::Sources {
class DocumentSource;
struct SourceInfo;
}
namespace Kiosk::Ocr {
class MrzFrameReader;
}
namespace Kiosk::Vds {
class VdsTrustStore;
}
namespace Kiosk::Barcode {
class BarcodeFrameReader;
}

namespace Kiosk::Session {


// Which face runs on this session. The information screen is read-only: it never records and
// never needs an operator.
enum class Role { Console, Info };

// What a PIN is checked for; every one goes through the session's one throttle.
enum class PinPurpose { SignIn, Unlock, StaffExit };

[[nodiscard]] std::optional<Role> roleFromString(QStringView text); // "console" | "info"

struct SessionConfig
{
    Role role = Role::Console;
    QString kioskId = QStringLiteral("KIOSK-1");
    QString checkpoint = QStringLiteral("GYD");
    QTimeZone zone = defaultCheckpointZone();
    Direction laneDirection = Direction::Entry; // arrivals lane by default; the officer can switch
    int idleLockMinutes = 5;
    // The PIN throttle (pinthrottle.h): wrong PINs in a row before the next attempt waits, and
    // how long. The information screen's staff exit allows kStaffPinAttempts instead: nobody
    // watches an unattended screen.
    int signInAttemptsBeforeDelay = 5;
    int signInDelaySeconds = 60;
    // The information screen's staff exit: the PIN's PBKDF2 hash (app/crypto/passwordhash.h;
    // kiosk.ini's [info] staff_pin_hash). Empty: the exit is disabled, every PIN refused;
    // never a built-in PIN.
    QString staffPinHash;
    // The cheapest staff PIN hash accepted: the deployment floor; the demo and tests, which
    // hash their PIN in-process, lower it explicitly.
    int minimumPinIterations = Crypto::kMinimumPbkdf2Iterations;
    bool correctMrz = true; // check-digit-guided correction for OCR and camera input
    QString vdsTrustFolder; // ICAO 9303-13 seal signers (resources/trust/vds layout); empty: none trusted
    // A camera's passport counts as taken away after an MRZ was read from it and then this many
    // recognised frames in a row held no MRZ (Sources::CameraSettings::removedAfterFrames).
    // 0: camera frames never report a removal.
    int cameraRemovedAfterFrames = 10;
};

class CheckpointSession : public QObject
{
    Q_OBJECT
public:
    CheckpointSession(SessionConfig config, const Clock &clock, OperatorDirectory operators,
                      std::unique_ptr<CaseBackend> backend, QObject *parent = nullptr);
    ~CheckpointSession() override;

    [[nodiscard]] Role role() const { return m_config.role; }
    [[nodiscard]] const SessionConfig &config() const { return m_config; }
    [[nodiscard]] const Clock &clock() const { return m_clock; }
    [[nodiscard]] QDateTime localNow() const;
    [[nodiscard]] QDate localToday() const;

    // --- the operator on duty -----------------------------------------------------------
    // Errors: SIGNIN_FAILED, SIGNIN_DELAYED (too many failures: wait), ROLE_READ_ONLY.
    [[nodiscard]] Result<void> signIn(const QString &operatorId, const QString &pin);
    void signOut();
    [[nodiscard]] bool isSignedIn() const { return m_operator.has_value(); }
    [[nodiscard]] bool isLocked() const { return m_locked; }
    [[nodiscard]] std::optional<Operator> currentOperator() const { return m_operator; }
    // The same operator's PIN unlocks; another operator must sign out the first.
    [[nodiscard]] Result<void> unlock(const QString &pin);
    // The same checks for a face, off the GUI thread (the KDF takes a good part of a second):
    // each answers once with pinChecked(). One check at a time (PIN_CHECK_BUSY otherwise).
    void requestSignIn(const QString &operatorId, const QString &pin);
    void requestUnlock(const QString &pin);
    // The information screen's staff exit (Role::Info only: ROLE_NOT_INFO). Errors:
    // STAFF_PIN_WRONG (also when no staff PIN is configured), SIGNIN_DELAYED.
    void requestStaffExit(const QString &pin);
    // The throttle holds PIN entry back now (too many wrong PINs): a face offers none.
    [[nodiscard]] bool pinEntryDelayed() const;
    static constexpr int kStaffPinAttempts = 3;
    void lock();

    // Any keypress or click on the face: restarts the idle period.
    void noteActivity();
    // Locks when the operator has been idle for the configured minutes (by the injected clock).
    // Run from a timer in the program; tests call it after advancing a FixedClock.
    void checkIdle();

    // --- cases ------------------------------------------------------------------------------
    [[nodiscard]] const Case *currentCase() const { return m_case ? &*m_case : nullptr; }
    [[nodiscard]] Direction direction() const { return m_direction; }

    // A document's MRZ (2 or 3 lines): a NEW case, evaluated for the current direction.
    // Errors: SESSION_LOCKED (console without an unlocked operator): the input is ignored.
    Result<void> submitMrz(const QString &text, InputKind input, const QString &sourceDescription);
    // A barcode's bytes (a handheld scanner, or decoded from an image): a boarding pass or a
    // visa seal joins the open case (a verified seal's visa re-runs the check); with no open
    // case it opens one that asks for the passport. Errors: SESSION_LOCKED, BARCODE_NOT_USEFUL.
    Result<void> submitBarcode(const QByteArray &payload, InputKind input, const QString &sourceDescription);
    // Every symbol of an image (PDF417, Aztec, QR, DataMatrix). Errors: BARCODE_NONE_FOUND, ...
    Result<void> submitBarcodeImage(const QImage &image, const QString &sourceDescription);
    // The seal signers this kiosk trusts (replaces what config().vdsTrustFolder loaded).
    void setVdsTrustStore(const Vds::VdsTrustStore &store);
    // A source's reads become cases: MRZ text, data-page images and camera frames (through
    // the OCR, only reads that pass their check digits), barcode image files, and boarding
    // passes and seals in camera frames (once per appearance, like a handheld scanner's).
    void attachSource(Sources::DocumentSource *source);
    // A data-page image (flatbed scan, file): the MRZ is found and read by the OCR. Errors:
    // OCR_NO_MRZ (nothing MRZ-like in the image), OCR_UNSURE (found, but not read with
    // confidence: never turned into a case, the officer scans again or types it).
    Result<void> submitDataPageImage(const QImage &image, const QString &sourceDescription);

    // The document part of a case for `text`, without lookups, verdict or a case number: the
    // live check-digit feedback of manual entry. Never records anything.
    [[nodiscard]] Case previewMrz(const QString &text) const;

    // Re-evaluates the open case for the other direction (arrival/departure lane switch).
    void setDirection(Direction direction);

    // The officer's actions. Each records exactly once per case; nothing is recorded otherwise.
    // Errors: NO_CASE, CASE_ALREADY_RECORDED, SESSION_LOCKED, ROLE_READ_ONLY, CASE_NOT_EVALUATED,
    // VERDICT_REQUIRES_OVERRIDE (recording a crossing on REFER or REFUSE), OVERRIDE_REASON_REQUIRED.
    Result<RecordOutcome> recordCrossing(Direction direction);
    Result<RecordOutcome> referToSecondary();
    Result<RecordOutcome> overrideVerdict(Direction direction, VerdictKind newVerdict, const QString &reason);
    // Shortest reason text accepted for an override: a word or two is not a reason.
    static constexpr int kMinimumOverrideReasonLength = 10;

    void clearCase();

    // --- status -----------------------------------------------------------------------------
    [[nodiscard]] SyncStatus syncStatus() const { return m_sync; }
    [[nodiscard]] ReferenceStatus referenceStatus() const { return m_reference; }
    // The policy version the verdicts use today (the backend's: the newest verified pull, else
    // the shipped one). A face that states the rules reads them here, never from its own copy,
    // so what it says and what the check applies are one policy. nullptr: the backend holds
    // none. Valid until referenceStatusChanged.
    [[nodiscard]] const Rules::PolicyVersion *policyInForce() const;
    // What the information screen tells the traveller of case `c`, by the policy in force.
    [[nodiscard]] InfoResult infoResult(const Case &c) const;
    // The policy in force's nationality lists, as the information screen's visa page states
    // them; nullopt when the backend holds no policy.
    [[nodiscard]] std::optional<PublicRegimes> publicRegimes() const;

public Q_SLOTS:
    // Fed by the sync client's status signal (the composition root connects them).
    void updateSyncStatus(const Kiosk::Session::SyncStatus &status);
    // Re-reads the policy version and the watchlist age (after a sync pull, and on a timer).
    void refreshReferenceStatus();
    // A reader reports the document taken away (Sources::DocumentSource::documentRemoved, or
    // the camera's frames). Passed on as documentRemoved(); the case stays open: the officer
    // console keeps it (the officer may still be acting on it), the information screen clears.
    void noteDocumentRemoved(const QString &sourceDescription);

Q_SIGNALS:
    void caseChanged(const Kiosk::Session::Case &c);   // a new case, or the open case re-evaluated
    void caseRecorded(const Kiosk::Session::Case &c);  // the open case now carries its outcome
    void caseCleared();
    void operatorChanged();
    void lockedChanged(bool locked);
    void syncStatusChanged(const Kiosk::Session::SyncStatus &status);
    void referenceStatusChanged(const Kiosk::Session::ReferenceStatus &status);
    // The document last read was taken off the reader. Nothing is cleared here.
    void documentRemoved(const QString &sourceDescription);
    // An input or action refused: code (stable) and a message for the officer.
    void problem(const QString &code, const QString &message);
    // The answer to a requestSignIn/requestUnlock/requestStaffExit: errorCode empty when the PIN
    // was right (and the session then signed in or unlocked).
    void pinChecked(Kiosk::Session::PinPurpose purpose, const QString &errorCode, const QString &message);

private:
    // A read reaches a case only on a console with its officer signed in (an information
    // screen has none): otherwise `ignoredProblem` is shown and SESSION_LOCKED returned.
    Result<void> acceptRead(const QString &ignoredProblem);
    // A new case for a read from `input`: numbered, dated, in the current direction.
    Case openCase(InputKind input, const QString &sourceDescription);
    Result<RecordOutcome> recordAction(const RecordRequest &request);
    // PIN checks: admitted (role, throttle, one at a time), the hash work (copies only, so it
    // may run on m_pinPool), and the answer applied on the session's thread.
    using PinCheck = std::function<Result<void>(const QString &pin)>;
    [[nodiscard]] Result<void> pinAdmitted(PinPurpose purpose) const;
    // The answer when no PIN need be checked: refused by pinAdmitted, or nothing to do (an
    // unlock of a console that is not locked); nullopt when the PIN must be checked.
    [[nodiscard]] std::optional<Result<void>> answerWithoutCheck(PinPurpose purpose) const;
    [[nodiscard]] PinCheck pinCheck(PinPurpose purpose, const QString &operatorId) const;
    Result<void> applyPinAnswer(PinPurpose purpose, const QString &operatorId, Result<void> answer);
    Result<void> checkPinHere(PinPurpose purpose, const QString &operatorId, const QString &pin);
    void requestPinCheck(PinPurpose purpose, const QString &operatorId, const QString &pin);
    void emitPinAnswer(PinPurpose purpose, const Result<void> &answer);
    Result<void> requireOfficer() const;
    // Evaluates `c` in its direction; on the information screen in the direction the
    // traveller's history asks for (infoDirectionFor).
    void evaluateCase(Case &c);
    void evaluateInDirection(Case &c);

    SessionConfig m_config;
    const Clock &m_clock;
    OperatorDirectory m_operators;
    std::unique_ptr<CaseBackend> m_backend;

    std::optional<Operator> m_operator;
    bool m_locked = false;
    QDateTime m_lastActivity;
    PinThrottle m_pinThrottle;
    bool m_pinBusy = false;

    Direction m_direction;
    std::optional<Case> m_case;
    quint64 m_caseCounter = 0;

    SyncStatus m_sync;
    ReferenceStatus m_reference;
    QTimer m_idleTimer;
    std::unique_ptr<Vds::VdsTrustStore> m_vdsTrust;
    QThreadPool m_pinPool; // PIN checks off the GUI thread, one at a time
    // Camera frames: recognised off the UI thread, dropped while busy (app/core/droppingworker.h).
    Ocr::MrzFrameReader *m_frameReader = nullptr;
    Barcode::BarcodeFrameReader *m_barcodeFrameReader = nullptr; // the same frames, for barcodes
    // Removal by camera: armed by a read, counts recognised frames in a row without an MRZ.
    bool m_cameraHoldsDocument = false;
    int m_cameraFramesWithoutMrz = 0;
};

} // namespace Kiosk::Session
