// SPDX-License-Identifier: MIT
#include "workerpool.h"

#include <QThreadPool>

namespace Runlens {

Q_GLOBAL_STATIC(QThreadPool, pool)

QThreadPool* workerPool()
{
    return pool();
}

} // namespace Runlens
