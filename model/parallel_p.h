// SPDX-License-Identifier: MIT
// Runs independent pieces of a load on every core. Readers stay synchronous for their callers: the
// calling thread takes part and returns when all pieces are done, so RunLoader, the CLI and tests call
// them as before.
#pragma once

#include "workerpool.h"

#include <QSemaphore>
#include <QThread>
#include <QThreadPool>

#include <algorithm>
#include <atomic>

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
    QSemaphore finished;
    int helpers = 0;
    const qsizetype wanted = std::min<qsizetype>(count - 1, QThread::idealThreadCount() - 1);
    while (helpers < wanted && workerPool()->tryStart([&] {
        work();
        finished.release();
    }))
        ++helpers;
    work();
    finished.acquire(helpers);
}

} // namespace Runlens
