// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <memory>

class QThreadPool;

namespace Runlens {

/// The threads Runlens loads, parses and detects on: as many as there are cores. Not
/// QThreadPool::globalInstance(): Qt's raster painting splits big fills into tasks on that pool and waits
/// for them, so a load that kept it full froze every repaint of the window until the load was done.
QThreadPool* workerPool();

/// Runs `task` on workerPool(); use this rather than workerPool()->start().
void runOnWorker(std::function<void()> task);

/// Called by whoever hands work to workerPool(), just before, and by the work as it starts: the pool's queue (a
/// futex-based QMutex inside Qt) already orders the two, but ThreadSanitizer, with Debian's uninstrumented Qt,
/// sees only the std::mutex this locks and unlocks.
void workerHandOff();

/// Lets go of `object` on a workerPool() thread, so that when this was its last reference it is freed there.
/// Freeing a Source of a million events takes a while; the GUI thread hands a tab's source, a replaced snapshot
/// or a dropped result to this instead of waiting for that. Another reference left elsewhere is simply dropped
/// here, and so is everything once the application object is gone (the pool may be going too).
void releaseOnWorker(std::shared_ptr<const void>&& object);

} // namespace Runlens
