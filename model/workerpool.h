// SPDX-License-Identifier: MIT
#pragma once

class QThreadPool;

namespace Runlens {

/// The threads Runlens loads, parses and detects on: as many as there are cores. Not
/// QThreadPool::globalInstance(): Qt's raster painting splits big fills into tasks on that pool and waits
/// for them, so a load that kept it full froze every repaint of the window until the load was done.
QThreadPool* workerPool();

} // namespace Runlens
