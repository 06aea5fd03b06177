// SPDX-License-Identifier: MIT
#pragma once

#include <QPalette>

namespace Runlens {

/// A dark palette for Fusion, for `runlens --theme dark` and for the tests that check every view
/// reads its colours from the palette.
QPalette darkPalette();

} // namespace Runlens
