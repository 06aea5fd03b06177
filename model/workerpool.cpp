// SPDX-License-Identifier: MIT
#include "workerpool.h"

#include <QCoreApplication>
#include <QRunnable>
#include <QThreadPool>

#include <mutex>

namespace Runlens {

Q_GLOBAL_STATIC(QThreadPool, pool)

QThreadPool* workerPool()
{
    return pool();
}

void workerHandOff()
{
    static std::mutex handOff;
    const std::lock_guard lock(handOff);
}

void runOnWorker(std::function<void()> task)
{
    class Task : public QRunnable
    {
    public:
        explicit Task(std::function<void()>&& task)
            : m_task(std::move(task))
        { }
        void run() override
        {
            workerHandOff();
            m_task();
        }

    private:
        std::function<void()> m_task;
    };
    auto* runnable = new Task(std::move(task)); // deleted by the pool once run
    workerHandOff();
    workerPool()->start(runnable);
}

void releaseOnWorker(std::shared_ptr<const void>&& object)
{
    std::shared_ptr<const void> held = std::move(object);
    if (!held || held.use_count() > 1 || !QCoreApplication::instance())
        return; // not the last reference, or no pool to wait for: dropped here
    runOnWorker([held = std::move(held)]() mutable { held.reset(); });
}

} // namespace Runlens
