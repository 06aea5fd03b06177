// SPDX-License-Identifier: MIT
#include "runloader.h"
#include "modellogging.h"
#include "workerpool.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace Runlens {

RunLoader::RunLoader(QObject* parent)
    : QObject(parent)
{ }

RunLoader::~RunLoader()
{
    // Not waited for: the worker owns copies of everything it uses and stops at its next check.
    m_future.cancel();
}

void RunLoader::load(const QString& path)
{
    if (m_loading)
        qCDebug(lcModel, "load %llu superseded by a load of %ls", m_generation, qUtf16Printable(path));
    m_future.cancel(); // the previous worker stops at its next isCanceled() check
    const quint64 generation = ++m_generation;
    qCDebug(lcModel, "load %llu started: %ls", generation, qUtf16Printable(path));
    m_loading = true;
    // Early views reach this thread through a relay object living here; it outlives the loader as long as
    // the worker holds it, so a late early view finds it and is dropped by the generation check.
    std::shared_ptr<QObject> relay(new QObject, [](QObject* object) { object->deleteLater(); });
    const QPointer<RunLoader> self(this);
    m_future = QtConcurrent::run(workerPool(), [path, relay, self, generation](QPromise<SourcePtr>& promise) {
        promise.setProgressRange(0, 1000);
        const LoadControl control { [&promise] { return promise.isCanceled(); },
            [&promise](int permille, const QString& text) { promise.setProgressValueAndText(permille, text); },
            [&relay, self, generation](SourcePtr partial) {
                QMetaObject::invokeMethod(
                    relay.get(),
                    [self, generation, partial = std::move(partial)] {
                        if (self && generation == self->m_generation && self->m_loading)
                            emit self->partiallyLoaded(partial);
                    },
                    Qt::QueuedConnection);
            } };
        SourcePtr source = readSource(path, control);
        if (!promise.isCanceled())
            promise.addResult(std::move(source));
    });
    auto* watcher = new QFutureWatcher<SourcePtr>(this);
    connect(watcher, &QFutureWatcherBase::progressValueChanged, this, [this, watcher, generation](int permille) {
        if (generation == m_generation)
            emit progress(permille, watcher->progressText());
    });
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation || watcher->future().resultCount() == 0) {
            qCDebug(lcModel, "load %llu finished after it was superseded or canceled: dropped", generation);
            return; // superseded or cancelled: nobody is waiting for this result
        }
        m_loading = false;
        emit loaded(watcher->result());
    });
    watcher->setFuture(m_future);
}

void RunLoader::cancel()
{
    if (!m_loading)
        return;
    qCDebug(lcModel, "load %llu canceled", m_generation);
    m_future.cancel();
    ++m_generation;
    m_loading = false;
    emit canceled();
}

} // namespace Runlens
