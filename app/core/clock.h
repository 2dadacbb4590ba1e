#pragma once
// Time is an argument (architecture.md): rules and parsers never read the clock. Only the
// session owns a Clock; tests inject a fixed one.
#include <QDateTime>
#include <QTimeZone>

namespace Kiosk {

class Clock
{
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual QDateTime now() const = 0;
};

class SystemClock final : public Clock
{
public:
    [[nodiscard]] QDateTime now() const override;
};

class FixedClock final : public Clock
{
public:
    explicit FixedClock(QDateTime at) : m_at(std::move(at)) {}
    [[nodiscard]] QDateTime now() const override { return m_at; }
    void set(QDateTime at) { m_at = std::move(at); }
    void advanceSeconds(qint64 s) { m_at = m_at.addSecs(s); }

private:
    QDateTime m_at;
};

// The checkpoint's local calendar date for an instant (domain-rules §2: dates are calendar
// dates in the checkpoint's time zone, Asia/Baku by default).
[[nodiscard]] QDate localDate(const QDateTime &instant, const QTimeZone &checkpointZone);
[[nodiscard]] QTimeZone defaultCheckpointZone(); // Asia/Baku

} // namespace Kiosk
