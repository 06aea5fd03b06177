// SPDX-License-Identifier: MIT
#include "diagnostic.h"
#include "printable.h"

namespace Runlens {

QString Diagnostic::toString() const
{
    // The CLI's machine-readable form, so the separators are not translated.
    QString text = file;
    if (line > 0)
        text += u':' + QString::number(line);
    text += u':';
    if (byteOffset >= 0)
        text += QStringLiteral(" offset ") + QString::number(byteOffset) + u':';
    text += u' ' + message;
    return printable(text); // one line, whatever a file name or a message holds
}

} // namespace Runlens
