// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QString>

class QSpinBox;

namespace Runlens {

/// Asked by File > Open Directory for a timeline directory over a size the user sets: open only the runs of its
/// last hour or day (before its newest line, on the server's clock) or all of it. A week of a busy server is
/// over 10 GB; the incident is usually in the last hour.
class OpenRangeDialog : public QDialog
{
    Q_OBJECT
public:
    OpenRangeDialog(const QString& directory, qint64 bytes, QWidget* parent = nullptr);

    /// Seconds before the newest line to open; 0 for all of it. Meaningful once accepted.
    double lastSeconds() const { return m_lastSeconds; }

    /// The size over which a directory is asked about (megabytes, remembered; 1,000 unless the user set it).
    static qint64 askAboveBytes();
    /// The bytes of a directory's timeline files.
    static qint64 timelineBytes(const QString& directory);

private:
    void choose(double lastSeconds);

    QSpinBox* m_askAbove;
    double m_lastSeconds = 0;
};

} // namespace Runlens
