// SPDX-License-Identifier: MIT
#include "duration.h"

#include <QCoreApplication>

#include <cmath>

namespace Runlens {

namespace {

// The context the texts have always been translated in (the report wrote them first).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Runlens::Report)
};

} // namespace

QString formatDuration(double ms)
{
    if (std::isnan(ms))
        return QString();
    if (ms < 1000.0)
        return Tr::tr("%1 ms").arg(QString::number(ms, 'f', ms == std::floor(ms) ? 0 : 2));
    return Tr::tr("%1 s").arg(QString::number(ms / 1000.0, 'f', 2));
}

} // namespace Runlens
