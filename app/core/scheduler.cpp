#include "app/core/scheduler.h"

#include <QTimer>

namespace Kiosk {

namespace {

class SystemTimer final : public Timer
{
public:
    explicit SystemTimer(std::function<void()> onTimeout)
    {
        m_timer.setSingleShot(true);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, std::move(onTimeout));
    }
    void start(std::chrono::milliseconds delay) override { m_timer.start(delay); }
    void stop() override { m_timer.stop(); }
    [[nodiscard]] bool isActive() const override { return m_timer.isActive(); }

private:
    QTimer m_timer;
};

} // namespace

SystemScheduler::SystemScheduler()
{
    m_origin.start();
}

qint64 SystemScheduler::monotonicMs() const
{
    return m_origin.elapsed();
}

std::unique_ptr<Timer> SystemScheduler::makeTimer(std::function<void()> onTimeout)
{
    return std::make_unique<SystemTimer>(std::move(onTimeout));
}

Scheduler &systemScheduler()
{
    static SystemScheduler scheduler;
    return scheduler;
}

} // namespace Kiosk
