// SPDX-License-Identifier: MIT
#pragma once

#include "source.h"

#include <QFuture>
#include <QObject>
#include <QString>

namespace Runlens {

/// Reads a source with readSource() on the global thread pool; a newer load() or a cancel() drops
/// the result of the one before. While a timeline directory loads, partiallyLoaded() brings early
/// views (the runs of the files read so far); loaded() brings the whole source.
class RunLoader : public QObject
{
    Q_OBJECT
public:
    explicit RunLoader(QObject* parent = nullptr);
    ~RunLoader() override;

    void load(const QString& path);
    void cancel();
    bool isLoading() const { return m_loading; }

signals:
    void progress(int permille, const QString& text);
    void partiallyLoaded(Runlens::SourcePtr partial);
    void loaded(Runlens::SourcePtr source);
    void canceled();

private:
    QFuture<SourcePtr> m_future;
    quint64 m_generation = 0; // bumped by every load() and cancel(); older workers' results are dropped
    bool m_loading = false;
};

} // namespace Runlens
