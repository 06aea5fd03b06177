// SPDX-License-Identifier: MIT
#include "workerpool.h"

#include <QCoreApplication>
#include <QThreadPool>

namespace Runlens {

Q_GLOBAL_STATIC(QThreadPool, pool)

QThreadPool* workerPool()
{
    return pool();
}

void releaseOnWorker(std::shared_ptr<const void>&& object)
{
    std::shared_ptr<const void> held = std::move(object);
    if (!held || held.use_count() > 1 || !QCoreApplication::instance())
        return; // not the last reference, or no pool to wait for: dropped here
    workerPool()->start([held = std::move(held)]() mutable { held.reset(); });
}

} // namespace Runlens
