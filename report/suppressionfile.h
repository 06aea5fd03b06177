// SPDX-License-Identifier: MIT
#pragma once

#include "suppressions.h"

#include <QString>

namespace Runlens {

/// Loads the suppression rules that apply to the input at `inputPath`: those of `explicitFile` when one is
/// given (`--suppress FILE`), else of the file next to the input (Inputs::suppressionFileFor), which may be
/// missing: then there are none. False with `error` when the file cannot be read; `suppressions` is then
/// left empty, so that every hint stays active.
[[nodiscard]] bool loadSuppressionFile(
    Suppressions* suppressions, const QString& inputPath, const QString& explicitFile, QString* error);

} // namespace Runlens
