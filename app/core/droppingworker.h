#pragma once
// One worker thread that runs one job at a time and DROPS work offered while it is busy: the
// camera's rule (when the recognizer is busy, new frames are dropped, not queued: a queue
// only adds latency, the next frame is newer anyway). The camera's readers
// (MRZ, barcode) each own one.
//
// The job runs on the worker thread and must touch only what it captured by value (or const
// state shared for the worker's lifetime). Its result is handed to `done` on the thread that
// constructed the DroppingWorker, and the worker becomes free only then, so `done` never
// overlaps the next job. Destroying the worker waits for a running job; a result not yet
// delivered is discarded with it.
#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <type_traits>
#include <utility>

namespace Kiosk {

class DroppingWorker
{
public:
    explicit DroppingWorker(const QString &threadName)
    {
        m_thread.setObjectName(threadName);
        m_worker = new QObject; // no parent: moved to the thread, deleted when the thread ends
        m_worker->moveToThread(&m_thread);
        QObject::connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
        m_thread.start();
    }
    ~DroppingWorker()
    {
        m_thread.quit();
        m_thread.wait();
    }
    DroppingWorker(const DroppingWorker &) = delete;
    DroppingWorker &operator=(const DroppingWorker &) = delete;

    // Runs `job()` on the worker thread, then `done(result)` on the owner's thread. Returns
    // false, counts the offer as dropped and runs nothing while a job is running or its
    // result is not yet delivered.
    template <typename Job, typename Done>
    bool offer(Job job, Done done)
    {
        bool expected = false;
        if (!m_busy.compare_exchange_strong(expected, true)) {
            ++m_dropped;
            return false;
        }
        QMetaObject::invokeMethod(m_worker, [this, job = std::move(job), done = std::move(done)]() mutable {
            using Output = std::invoke_result_t<Job &>;
            Output output = job();
            // m_home lives as long as this object; the destructor joins the thread before
            // m_home goes, so the post below always targets a live object.
            QMetaObject::invokeMethod(&m_home, [this, done = std::move(done), output = std::move(output)]() mutable {
                m_busy.store(false);
                done(std::move(output));
            }, Qt::QueuedConnection);
        }, Qt::QueuedConnection);
        return true;
    }

    [[nodiscard]] bool isBusy() const { return m_busy.load(); }
    // Offers dropped since construction (owner's thread only).
    [[nodiscard]] int dropped() const { return m_dropped; }

private:
    QObject m_home;              // the owner's thread: results are delivered through it
    QThread m_thread;
    QObject *m_worker = nullptr; // lives in m_thread; its event loop runs the jobs
    std::atomic<bool> m_busy{false};
    int m_dropped = 0;
};

} // namespace Kiosk
