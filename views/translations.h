// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace Runlens {

/// Installs Runlens's translation for `language` ("de", "de_DE"; empty: the system's languages) on
/// the application, falling back to English, whose catalogue holds the plural forms. Returns the
/// language installed ("en" when only the fallback was found).
QString installTranslations(const QString& language = {});

} // namespace Runlens
