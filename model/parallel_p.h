// SPDX-License-Identifier: MIT
// Runs independent pieces of a load on every core. Readers stay synchronous for their callers: the
// calling thread takes part and returns when all pieces are done, so RunLoader, the CLI and tests call
// them as before.
#pragma once

#include "workerpool.h"

#include <QRunnable>
#include <QThread>
#include <QThreadPool>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>

namespace Runlens {

/// Calls body(i) for i in [0, count), on the calling thread and on whichever workerPool() threads are
/// free right now; the calls must be independent. Helpers are only started when a thread is free
/// (tryStart) and never wait for anything, and the caller does whatever they do not, so this cannot
/// deadlock when called from a pool thread, however deeply nested and however busy the pool is.
template <typename Body> void parallelFor(qsizetype count, Body&& body)
{
    std::atomic<qsizetype> next { 0 };
    const auto work = [&] {
        for (qsizetype i = next.fetch_add(1); i < count; i = next.fetch_add(1))
            body(i);
    };
    if (count <= 1) {
        work();
        return;
    }
    // Helpers start and end under a std::mutex rather than QSemaphore: the same ordering, but one that
    // ThreadSanitizer sees (Debian's Qt is not instrumented, so the hand-off through QThreadPool's queue and a
    // QSemaphore are invisible to it), so that the tsan preset checks what the bodies read and write against
    // what the caller wrote before and reads after this.
    struct Sync
    {
        std::mutex mutex;
        std::condition_variable finished;
        int running = 0; // helpers handed to the pool and not yet done
    } sync;
    class Helper : public QRunnable
    {
    public:
        Helper(Sync& sync, const decltype(work)& work)
            : m_sync(sync)
            , m_work(work)
        { }
        void run() override
        {
            workerHandOff(); // after the caller's: sees what it wrote
            m_work();
            const std::lock_guard lock(m_sync.mutex); // notified under the lock: the caller may return once released
            if (--m_sync.running == 0)
                m_sync.finished.notify_one();
        }

    private:
        Sync& m_sync;
        const decltype(work)& m_work;
    };
    const qsizetype wanted = std::min<qsizetype>(count - 1, QThread::idealThreadCount() - 1);
    for (qsizetype helper = 0; helper < wanted; ++helper) {
        auto* runnable = new Helper(sync, work); // deleted by the pool once run
        {
            const std::lock_guard lock(sync.mutex);
            ++sync.running;
        }
        workerHandOff();
        if (!workerPool()->tryStart(runnable)) {
            delete runnable;
            const std::lock_guard lock(sync.mutex);
            --sync.running;
            break;
        }
    }
    work();
    std::unique_lock lock(sync.mutex);
    sync.finished.wait(lock, [&] { return sync.running == 0; });
}

} // namespace Runlens
