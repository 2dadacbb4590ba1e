// The checkpoint session's operator side: sign-in, the PIN checks (off the GUI thread, one
// throttle for the operators' PINs and the information screen's staff PIN), lock, unlock and the
// idle lock. The cases and the records are in checkpointsession.cpp.
#include "app/session/checkpointsession.h"

#include <QLoggingCategory>
#include <QMetaObject>

Q_DECLARE_LOGGING_CATEGORY(lcSession)

namespace Kiosk::Session {

// --- operator ---------------------------------------------------------------------------------

Result<void> CheckpointSession::pinAdmitted(PinPurpose purpose) const
{
    if (purpose == PinPurpose::SignIn && m_config.role != Role::Console)
        return fail(QStringLiteral("ROLE_READ_ONLY"), tr("The information screen has no operator sign-in."));
    if (purpose == PinPurpose::Unlock && !m_operator)
        return fail(QStringLiteral("NOT_SIGNED_IN"), tr("Nobody is signed in."));
    if (purpose == PinPurpose::StaffExit && m_config.role != Role::Info)
        return fail(QStringLiteral("ROLE_NOT_INFO"), tr("Only the information screen has a staff exit."));
    if (m_pinBusy)
        return fail(QStringLiteral("PIN_CHECK_BUSY"), tr("The last PIN is still being checked."));
    if (const std::optional<int> wait = m_pinThrottle.waitAt(m_clock.now()))
        return fail(QStringLiteral("SIGNIN_DELAYED"), tr("Too many failed attempts. Try again in %n second(s).", nullptr, *wait));
    return {};
}

std::optional<Result<void>> CheckpointSession::answerWithoutCheck(PinPurpose purpose) const
{
    if (purpose == PinPurpose::Unlock && m_operator && !m_locked)
        return Result<void>{};
    if (auto ok = pinAdmitted(purpose); !ok)
        return ok;
    return std::nullopt;
}

CheckpointSession::PinCheck CheckpointSession::pinCheck(PinPurpose purpose, const QString &operatorId) const
{
    // Copies only: the check may run on another thread while this session goes on.
    if (purpose == PinPurpose::StaffExit)
        return [hash = m_config.staffPinHash, floor = m_config.minimumPinIterations](const QString &pin) -> Result<void> {
            const auto ok = Crypto::verifyPassword(pin, hash, floor);
            if (!ok || !*ok)
                return fail(QStringLiteral("STAFF_PIN_WRONG"), QStringLiteral("wrong staff PIN"));
            return {};
        };
    const QString id = purpose == PinPurpose::Unlock && m_operator ? m_operator->id : operatorId;
    return [operators = m_operators, id](const QString &pin) -> Result<void> {
        auto op = operators.authenticate(id, pin);
        if (!op)
            return std::unexpected(op.error());
        return {};
    };
}

Result<void> CheckpointSession::applyPinAnswer(PinPurpose purpose, const QString &operatorId, Result<void> answer)
{
    const QDateTime now = m_clock.now();
    if (!answer) {
        m_pinThrottle.recordFailure(now);
        qCInfo(lcSession) << "PIN refused:" << answer.error().code;
        if (answer.error().code == QLatin1String("SIGNIN_FAILED"))
            return fail(answer.error().code, tr("Unknown operator or wrong PIN."));
        if (answer.error().code == QLatin1String("STAFF_PIN_WRONG"))
            return fail(answer.error().code, tr("Wrong PIN."));
        return answer;
    }
    m_pinThrottle.recordSuccess();
    switch (purpose) {
    case PinPurpose::SignIn: {
        const std::optional<Operator> op = m_operators.find(operatorId.trimmed());
        if (!op)
            return fail(QStringLiteral("SIGNIN_FAILED"), tr("Unknown operator or wrong PIN."));
        if (m_operator && m_operator->id != op->id)
            clearCase(); // another officer takes over: start from an empty screen
        m_operator = *op;
        m_locked = false;
        m_lastActivity = now;
        qCInfo(lcSession) << "operator signed in:" << m_operator->id;
        Q_EMIT operatorChanged();
        Q_EMIT lockedChanged(false);
        break;
    }
    case PinPurpose::Unlock:
        m_lastActivity = now;
        if (m_locked) {
            m_locked = false;
            Q_EMIT lockedChanged(false);
        }
        break;
    case PinPurpose::StaffExit:
        qCInfo(lcSession) << "staff PIN accepted";
        break;
    }
    return {};
}

Result<void> CheckpointSession::checkPinHere(PinPurpose purpose, const QString &operatorId, const QString &pin)
{
    if (auto answer = answerWithoutCheck(purpose))
        return *answer;
    return applyPinAnswer(purpose, operatorId, pinCheck(purpose, operatorId)(pin));
}

void CheckpointSession::requestPinCheck(PinPurpose purpose, const QString &operatorId, const QString &pin)
{
    if (auto answer = answerWithoutCheck(purpose)) {
        emitPinAnswer(purpose, *answer);
        return;
    }
    // The KDF takes a good part of a second at the deployment cost: never on the GUI thread.
    // The pool is this session's; its destructor waits for a check in flight, so the answer
    // is never posted to a session that is gone.
    m_pinBusy = true;
    m_pinPool.start([this, purpose, operatorId, pin, check = pinCheck(purpose, operatorId)] {
        Result<void> answer = check(pin);
        QMetaObject::invokeMethod(
            this,
            [this, purpose, operatorId, answer = std::move(answer)] {
                m_pinBusy = false;
                emitPinAnswer(purpose, applyPinAnswer(purpose, operatorId, answer));
            },
            Qt::QueuedConnection);
    });
}

void CheckpointSession::emitPinAnswer(PinPurpose purpose, const Result<void> &answer)
{
    Q_EMIT pinChecked(purpose, answer ? QString() : answer.error().code, answer ? QString() : answer.error().message);
}

Result<void> CheckpointSession::signIn(const QString &operatorId, const QString &pin)
{
    return checkPinHere(PinPurpose::SignIn, operatorId, pin);
}

void CheckpointSession::requestSignIn(const QString &operatorId, const QString &pin)
{
    requestPinCheck(PinPurpose::SignIn, operatorId, pin);
}

void CheckpointSession::requestUnlock(const QString &pin)
{
    requestPinCheck(PinPurpose::Unlock, QString(), pin);
}

void CheckpointSession::requestStaffExit(const QString &pin)
{
    requestPinCheck(PinPurpose::StaffExit, QString(), pin);
}

bool CheckpointSession::pinEntryDelayed() const
{
    return m_pinThrottle.waitAt(m_clock.now()).has_value();
}

void CheckpointSession::signOut()
{
    if (!m_operator)
        return;
    qCInfo(lcSession) << "operator signed out:" << m_operator->id;
    m_operator.reset();
    m_locked = false;
    clearCase(); // the next officer starts with an empty screen
    Q_EMIT operatorChanged();
    Q_EMIT lockedChanged(false);
}

Result<void> CheckpointSession::unlock(const QString &pin)
{
    return checkPinHere(PinPurpose::Unlock, QString(), pin);
}

void CheckpointSession::lock()
{
    if (!m_operator || m_locked)
        return;
    m_locked = true;
    qCInfo(lcSession) << "console locked";
    Q_EMIT lockedChanged(true);
}

void CheckpointSession::noteActivity()
{
    if (m_operator && !m_locked)
        m_lastActivity = m_clock.now();
}

void CheckpointSession::checkIdle()
{
    if (!m_operator || m_locked || m_config.idleLockMinutes <= 0)
        return;
    if (m_lastActivity.secsTo(m_clock.now()) >= qint64(m_config.idleLockMinutes) * 60)
        lock();
}

Result<void> CheckpointSession::requireOfficer() const
{
    if (m_config.role != Role::Console)
        return fail(QStringLiteral("ROLE_READ_ONLY"), tr("The information screen cannot record."));
    if (!m_operator || m_locked)
        return fail(QStringLiteral("SESSION_LOCKED"), tr("Sign in or unlock first."));
    return {};
}

} // namespace Kiosk::Session
