#include "app/session/checkpointsession.h"

#include "app/session/barcodecase.h"
#include "app/session/mrzcase.h"
#include "scanner/barcode/barcodeframereader.h"
#include "scanner/barcode/barcodereader.h"
#include "scanner/barcode/vds/vdstruststore.h"
#include "scanner/mrz/mrzparser.h"
#include "scanner/ocr/mrzframereader.h"
#include "scanner/ocr/mrzrecognizer.h"
#include "scanner/sources/documentsource.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSession, "kiosk.session")

namespace Kiosk::Session {

std::optional<Role> roleFromString(QStringView text)
{
    if (text == u"console")
        return Role::Console;
    if (text == u"info")
        return Role::Info;
    return std::nullopt;
}

CheckpointSession::CheckpointSession(SessionConfig config, const Clock &clock, OperatorDirectory operators,
                                     std::unique_ptr<CaseBackend> backend, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_clock(clock)
    , m_operators(std::move(operators))
    , m_backend(std::move(backend))
    , m_pinThrottle(m_config.role == Role::Info ? kStaffPinAttempts : m_config.signInAttemptsBeforeDelay, m_config.signInDelaySeconds)
    , m_direction(m_config.laneDirection)
{
    qRegisterMetaType<Kiosk::Session::PinPurpose>();
    m_pinPool.setMaxThreadCount(1);
    if (m_config.role == Role::Info && m_config.staffPinHash.isEmpty())
        qCWarning(lcSession) << "no info/staff_pin_hash configured: the staff exit is disabled";
    qRegisterMetaType<Kiosk::Session::Case>();
    qRegisterMetaType<Kiosk::Session::SyncStatus>();
    qRegisterMetaType<Kiosk::Session::ReferenceStatus>();
    // The timer only polls; the decision is made against the injected clock, so a test with
    // a FixedClock decides when the operator has been idle.
    m_idleTimer.setInterval(std::chrono::seconds(5));
    connect(&m_idleTimer, &QTimer::timeout, this, &CheckpointSession::checkIdle);
    if (m_config.role == Role::Console)
        m_idleTimer.start();
    m_vdsTrust = std::make_unique<Vds::VdsTrustStore>();
    if (!m_config.vdsTrustFolder.isEmpty()) {
        if (auto store = Vds::VdsTrustStore::load(m_config.vdsTrustFolder))
            *m_vdsTrust = std::move(*store);
        else
            qCWarning(lcSession) << "seal trust store not loaded:" << store.error().code; // every seal then shows "signer unknown"
    }
    refreshReferenceStatus();
}

CheckpointSession::~CheckpointSession()
{
    m_pinPool.waitForDone(); // a PIN check in flight posts to this session; let it finish first
}

QDateTime CheckpointSession::localNow() const
{
    return m_clock.now().toTimeZone(m_config.zone);
}

QDate CheckpointSession::localToday() const
{
    return localDate(m_clock.now(), m_config.zone);
}

// --- cases ------------------------------------------------------------------------------------

Result<void> CheckpointSession::acceptRead(const QString &ignoredProblem)
{
    if (m_config.role == Role::Console && (!m_operator || m_locked)) {
        Q_EMIT problem(QStringLiteral("SESSION_LOCKED"), ignoredProblem);
        return fail(QStringLiteral("SESSION_LOCKED"), tr("Sign in or unlock first."));
    }
    noteActivity();
    return {};
}

Case CheckpointSession::openCase(InputKind input, const QString &sourceDescription)
{
    Case c;
    c.number = ++m_caseCounter;
    c.openedAt = localNow();
    c.input = input;
    c.sourceDescription = sourceDescription;
    c.direction = m_direction;
    c.checkDate = localToday();
    return c;
}

Result<void> CheckpointSession::submitMrz(const QString &text, InputKind input, const QString &sourceDescription)
{
    if (auto ok = acceptRead(tr("A document was read while the console is locked; it was ignored.")); !ok)
        return ok;
    Case c = openCase(input, sourceDescription);
    // Dates in the MRZ are resolved against the checkpoint's date, never the clock directly.
    // Manual entry is typed by the officer: no guessing corrections there.
    const Mrz::MrzResult mrz = Mrz::parse(text, Mrz::ParseOptions{c.checkDate, m_config.correctMrz && input != InputKind::Manual});
    fillDocumentFromMrz(c, mrz);
    evaluateCase(c);
    m_case = std::move(c);
    qCInfo(lcSession) << "case" << m_case->number << "opened, verdict"
                      << (m_case->evaluated ? verdictToString(m_case->verdict) : QStringLiteral("none"));
    Q_EMIT caseChanged(*m_case);
    return {};
}

Result<void> CheckpointSession::submitBarcode(const QByteArray &payload, InputKind input, const QString &sourceDescription)
{
    if (auto ok = acceptRead(tr("A barcode was read while the console is locked; it was ignored.")); !ok)
        return ok;
    const bool joins = m_case && !m_case->isRecorded();
    Case c = joins ? *m_case : openCase(input, sourceDescription);
    if (!joins) {
        c.readErrors.append(tr("Read the passport as well: a boarding pass or a seal alone is not a travel document."));
    }
    QString why;
    const BarcodeFill filled = fillFromBarcode(c, payload, c.checkDate, *m_vdsTrust, &why);
    if (filled == BarcodeFill::NotUseful) {
        Q_EMIT problem(QStringLiteral("BARCODE_NOT_USEFUL"), why);
        return fail(QStringLiteral("BARCODE_NOT_USEFUL"), why);
    }
    // A verified seal is a visa the rules must see; a boarding pass changes no verdict.
    if (filled == BarcodeFill::VisaSeal && c.document)
        evaluateCase(c);
    m_case = std::move(c);
    Q_EMIT caseChanged(*m_case);
    return {};
}

void CheckpointSession::setVdsTrustStore(const Vds::VdsTrustStore &store)
{
    *m_vdsTrust = store;
}

namespace {
// Boarding passes are PDF417 or Aztec (Resolution 792; QR on phones), seals DataMatrix
// (9303-13): only those, so misreads stay rare. Image files and camera frames alike.
constexpr Barcode::Formats kTravelBarcodes = Barcode::Formats(Barcode::Format::Pdf417) | Barcode::Format::Aztec
    | Barcode::Format::DataMatrix | Barcode::Format::QrCode;
} // namespace

Result<void> CheckpointSession::submitBarcodeImage(const QImage &image, const QString &sourceDescription)
{
    if (image.isNull())
        return fail(QStringLiteral("BARCODE_IMAGE_UNREADABLE"), tr("The barcode image could not be read."));
    const Barcode::BarcodeReader reader(kTravelBarcodes);
    const QList<Barcode::Symbol> symbols = reader.read(image);
    if (symbols.isEmpty()) {
        Q_EMIT problem(QStringLiteral("BARCODE_NONE_FOUND"), tr("No barcode was found in the image."));
        return fail(QStringLiteral("BARCODE_NONE_FOUND"), tr("No barcode was found in the image."));
    }
    Result<void> last;
    for (const Barcode::Symbol &s : symbols)
        last = submitBarcode(s.bytes, InputKind::Barcode, sourceDescription);
    return last;
}

void CheckpointSession::attachSource(Sources::DocumentSource *source)
{
    connect(source, &Sources::DocumentSource::mrzTextRead, this,
            [this](const QString &lines, const Sources::SourceInfo &info) {
                const InputKind kind = info.kind == Sources::SourceKind::Simulator ? InputKind::Simulator : InputKind::Reader;
                (void)submitMrz(lines, kind, info.description);
            });
    connect(source, &Sources::DocumentSource::imageFileArrived, this,
            [this](const QString &path, Sources::ImageContent content, const Sources::SourceInfo &info) {
                const QImage image(path);
                if (image.isNull()) {
                    Q_EMIT problem(QStringLiteral("IMAGE_UNREADABLE"), tr("The scanned image could not be read."));
                    return;
                }
                if (content == Sources::ImageContent::Barcode) {
                    (void)submitBarcodeImage(image, info.description);
                    return;
                }
                // A data page, or a scan of unknown content: the MRZ first, then any barcode
                // (a visa page can carry a seal).
                const auto read = submitDataPageImage(image, info.description);
                if (!read && read.error().code == QLatin1String("OCR_NO_MRZ")) {
                    if (content == Sources::ImageContent::Unknown)
                        (void)submitBarcodeImage(image, info.description);
                    else
                        Q_EMIT problem(read.error().code, read.error().message);
                }
            });
    connect(source, &Sources::DocumentSource::frameCaptured, this, [this](const QImage &frame) {
        if (!m_frameReader) {
            m_frameReader = new Ocr::MrzFrameReader(this);
            // Removal: a camera cannot say the passport was taken away, but its
            // frames can. Once a read came from it, N recognised frames in a row with no MRZ
            // in them mean the passport is gone. Frames before any read are not a removal,
            // and a frame where the zone is found but not read with confidence resets the
            // count (the passport is still there, held at an angle or in glare).
            connect(m_frameReader, &Ocr::MrzFrameReader::frameProcessed, this, [this](const Ocr::OcrResult &r) {
                if (r.found) {
                    m_cameraFramesWithoutMrz = 0;
                    return;
                }
                if (!m_cameraHoldsDocument || m_config.cameraRemovedAfterFrames <= 0)
                    return;
                if (++m_cameraFramesWithoutMrz < m_config.cameraRemovedAfterFrames)
                    return;
                m_cameraHoldsDocument = false;
                m_cameraFramesWithoutMrz = 0;
                m_frameReader->reset(); // the same passport laid down again is a new read
                noteDocumentRemoved(tr("camera (OCR)"));
            });
            connect(m_frameReader, &Ocr::MrzFrameReader::mrzRead, this, [this](const Ocr::OcrResult &r) {
                m_cameraHoldsDocument = true;
                m_cameraFramesWithoutMrz = 0;
                if (!submitMrz(r.lines.join(u'\n'), InputKind::Reader, tr("camera (OCR)")))
                    return;
                // A boarding pass tucked in the passport is in the same frames: the faster
                // barcode worker reported it first, into a case the passport has just replaced.
                // It joins the passport's case, as when a handheld scanner reads it after.
                if (m_barcodeFrameReader)
                    for (const QByteArray &bytes : m_barcodeFrameReader->symbolsInView())
                        (void)submitBarcode(bytes, InputKind::Barcode, tr("camera (barcode)"));
            });
        }
        m_frameReader->setReferenceDate(localToday());
        (void)m_frameReader->submitFrame(frame); // dropped while the previous frame is read
        // The same frame to the barcode adapter, on its own worker: a boarding
        // pass or a seal held to the camera joins the case like one from a handheld scanner.
        // Reported once per appearance, so a pass held still is not a new read per frame.
        if (!m_barcodeFrameReader) {
            m_barcodeFrameReader = new Barcode::BarcodeFrameReader(kTravelBarcodes, this);
            connect(m_barcodeFrameReader, &Barcode::BarcodeFrameReader::symbolRead, this, [this](const Barcode::Symbol &s) {
                (void)submitBarcode(s.bytes, InputKind::Barcode, tr("camera (barcode)"));
            });
        }
        (void)m_barcodeFrameReader->submitFrame(frame); // dropped while the previous frame is decoded
    });
    connect(source, &Sources::DocumentSource::documentRemoved, this,
            [this](const Sources::SourceInfo &info) { noteDocumentRemoved(info.description); });
    connect(source, &Sources::DocumentSource::errorOccurred, this,
            [this](const QString &code, const QString &message) { Q_EMIT problem(code, message); });
}

Result<void> CheckpointSession::submitDataPageImage(const QImage &image, const QString &sourceDescription)
{
    static const Ocr::MrzRecognizer recognizer; // glyph templates built once per process
    const Ocr::OcrResult read = recognizer.read(image, Ocr::ReadOptions{localToday()});
    if (!read.found)
        return fail(QStringLiteral("OCR_NO_MRZ"), tr("No machine-readable zone was found in the image."));
    if (!read.accepted) {
        // A read the check digits cannot vouch for is never a case: a wrong read that looks
        // valid is the worst outcome.
        const QString message = tr("The machine-readable zone could not be read with confidence; scan again or type it (F6).");
        Q_EMIT problem(QStringLiteral("OCR_UNSURE"), message);
        return fail(QStringLiteral("OCR_UNSURE"), message);
    }
    return submitMrz(read.lines.join(u'\n'), InputKind::Reader, sourceDescription);
}

Case CheckpointSession::previewMrz(const QString &text) const
{
    Case c;
    c.input = InputKind::Manual;
    c.checkDate = localToday();
    fillDocumentFromMrz(c, Mrz::parse(text, Mrz::ParseOptions{c.checkDate, false}));
    return c;
}

void CheckpointSession::evaluateCase(Case &c)
{
    evaluateInDirection(c);
    // The information screen asks about the traveller's current stay when the kiosk holds an
    // open entry, else about a stay starting today (infoDirectionFor). The history decides and
    // reads the same in either direction, so one re-evaluation settles it.
    if (m_config.role == Role::Info && c.evaluated && infoDirectionFor(c) != c.direction) {
        c.direction = infoDirectionFor(c);
        m_direction = c.direction;
        evaluateInDirection(c);
    }
}

void CheckpointSession::evaluateInDirection(Case &c)
{
    c.evaluated = false;
    c.reasons.clear();
    c.history.clear();
    c.watchlistHits.clear();
    c.figures = {};
    if (!c.document) {
        // Nothing readable: the officer sees the read errors; the verdict is REFER so the
        // person is never waved through on an unreadable document (domain-rules §6).
        c.verdict = VerdictKind::Refer;
        return;
    }
    auto r = m_backend->evaluate(c);
    if (!r) {
        c.verdict = VerdictKind::Refer;
        c.readErrors.append(tr("The check could not be completed: %1").arg(r.error().message));
        Q_EMIT problem(r.error().code, r.error().message);
        return;
    }
    c.evaluated = true;
}

void CheckpointSession::setDirection(Direction direction)
{
    if (m_direction == direction)
        return;
    m_direction = direction;
    if (m_case && !m_case->isRecorded()) {
        m_case->direction = direction;
        evaluateCase(*m_case);
        Q_EMIT caseChanged(*m_case);
    }
}

Result<RecordOutcome> CheckpointSession::recordAction(const RecordRequest &request)
{
    if (auto ok = requireOfficer(); !ok)
        return std::unexpected(ok.error());
    if (!m_case)
        return fail(QStringLiteral("NO_CASE"), tr("There is no document to record."));
    if (m_case->isRecorded())
        return fail(QStringLiteral("CASE_ALREADY_RECORDED"), tr("This case is already recorded; read the next document."));
    if (!m_case->document)
        return fail(QStringLiteral("CASE_NOT_EVALUATED"), tr("The document could not be read; use manual entry."));
    noteActivity();
    // The verdict shown was for the case's direction; recording the other way is a new check.
    if (request.direction != m_case->direction) {
        m_case->direction = request.direction;
        m_direction = request.direction;
        evaluateCase(*m_case);
        Q_EMIT caseChanged(*m_case);
    }
    if (!m_case->evaluated)
        return fail(QStringLiteral("CASE_NOT_EVALUATED"), tr("The check could not be completed; refer or override."));
    // Only an ADMIT crosses on a plain record; REFER means the officer decides, and that decision
    // is an override with its typed reason (domain-rules §6), or a referral.
    if ((request.action == OfficerAction::RecordEntry || request.action == OfficerAction::RecordExit)
        && m_case->verdict != VerdictKind::Admit)
        return fail(QStringLiteral("VERDICT_REQUIRES_OVERRIDE"),
                    tr("The verdict is %1: record the crossing only with an override and its reason, or refer.")
                        .arg(verdictToString(m_case->verdict)));
    auto outcome = m_backend->record(*m_case, request);
    if (!outcome) {
        qCWarning(lcSession) << "record failed:" << outcome.error().code;
        Q_EMIT problem(outcome.error().code, outcome.error().message);
        return outcome;
    }
    m_case->outcome = *outcome;
    qCInfo(lcSession) << "case" << m_case->number << "recorded as event" << outcome->eventId;
    Q_EMIT caseRecorded(*m_case);
    return outcome;
}

Result<RecordOutcome> CheckpointSession::recordCrossing(Direction direction)
{
    RecordRequest req;
    req.action = direction == Direction::Entry ? OfficerAction::RecordEntry : OfficerAction::RecordExit;
    req.direction = direction;
    req.verdict = m_case ? m_case->verdict : VerdictKind::Refer;
    req.operatorId = m_operator ? m_operator->id : QString();
    req.at = localNow();
    return recordAction(req);
}

Result<RecordOutcome> CheckpointSession::referToSecondary()
{
    RecordRequest req;
    req.action = OfficerAction::Refer;
    req.direction = m_case ? m_case->direction : m_direction;
    req.verdict = VerdictKind::Refer;
    req.operatorId = m_operator ? m_operator->id : QString();
    req.at = localNow();
    return recordAction(req);
}

Result<RecordOutcome> CheckpointSession::overrideVerdict(Direction direction, VerdictKind newVerdict, const QString &reason)
{
    // domain-rules §6: an override only with a typed reason; it is its own signed event.
    if (reason.simplified().size() < kMinimumOverrideReasonLength)
        return fail(QStringLiteral("OVERRIDE_REASON_REQUIRED"),
                    tr("An override needs a typed reason of at least %n characters.", nullptr,
                       kMinimumOverrideReasonLength));
    if (m_case && m_case->evaluated && m_case->verdict == newVerdict && m_case->direction == direction)
        return fail(QStringLiteral("OVERRIDE_SAME_VERDICT"), tr("The override must change the verdict."));
    RecordRequest req;
    req.action = OfficerAction::Override;
    req.direction = direction;
    req.verdict = newVerdict;
    req.operatorId = m_operator ? m_operator->id : QString();
    req.at = localNow();
    req.overrideReason = reason.simplified();
    return recordAction(req);
}

void CheckpointSession::clearCase()
{
    if (!m_case)
        return;
    m_case.reset();
    Q_EMIT caseCleared();
}

void CheckpointSession::noteDocumentRemoved(const QString &sourceDescription)
{
    qCInfo(lcSession).noquote() << "document removed from" << sourceDescription; // a device, never document content
    Q_EMIT documentRemoved(sourceDescription);
}

// --- status -----------------------------------------------------------------------------------

void CheckpointSession::updateSyncStatus(const SyncStatus &status)
{
    m_sync = status;
    Q_EMIT syncStatusChanged(m_sync);
}

const Rules::PolicyVersion *CheckpointSession::policyInForce() const
{
    return m_backend ? m_backend->policyInForce(localToday()) : nullptr;
}

InfoResult CheckpointSession::infoResult(const Case &c) const
{
    return infoResultFor(c, policyInForce());
}

std::optional<PublicRegimes> CheckpointSession::publicRegimes() const
{
    return publicRegimesOf(policyInForce());
}

void CheckpointSession::refreshReferenceStatus()
{
    if (!m_backend)
        return;
    m_reference = m_backend->referenceStatus(m_clock.now());
    Q_EMIT referenceStatusChanged(m_reference);
}

} // namespace Kiosk::Session
